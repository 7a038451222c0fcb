"""Audit table access: append, read in order, seals (signed heads)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from nia_desktop.core.audit import AuditEntry, SignedHead, details_json
from nia_desktop.core.vault.connection import VaultConnection

_COLUMNS = "seq, ts, actor, role, action, object, outcome, details, prev_hash, hash"


def _entry(row: tuple[object, ...]) -> AuditEntry:
    seq, ts, actor, role, action, obj, outcome, details, prev_hash, hash_ = row
    try:
        parsed = json.loads(str(details))
    except ValueError:
        parsed = {"unparseable": str(details)}
    return AuditEntry(int(seq), str(ts), str(actor), str(role), str(action), str(obj),  # type: ignore[call-overload]
                      str(outcome), parsed, str(prev_hash), str(hash_))


def append(db: VaultConnection, entry: AuditEntry) -> None:
    db.execute(
        f"INSERT INTO audit ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (entry.seq, entry.ts, entry.actor, entry.role, entry.action, entry.object, entry.outcome,
         details_json(entry.details), entry.prev_hash, entry.hash),
    )


def last(db: VaultConnection) -> AuditEntry | None:
    rows = db.query(f"SELECT {_COLUMNS} FROM audit ORDER BY seq DESC LIMIT 1")
    return _entry(rows[0]) if rows else None


def iter_entries(db: VaultConnection, batch: int = 2000) -> Iterator[AuditEntry]:
    """Every entry in sequence order, fetched in batches (the log can be long)."""
    after = -1
    while True:
        rows = db.query(f"SELECT {_COLUMNS} FROM audit WHERE seq > ? ORDER BY seq LIMIT ?", (after, batch))
        if not rows:
            return
        for row in rows:
            entry = _entry(row)
            after = entry.seq
            yield entry


def count(db: VaultConnection) -> int:
    return int(db.query("SELECT count(*) FROM audit")[0][0])


def add_seal(db: VaultConnection, head: SignedHead) -> None:
    db.execute(
        "INSERT OR REPLACE INTO audit_seals (seq, head, sealed_at, signature) VALUES (?, ?, ?, ?)",
        (head.seq, head.head, head.time, head.signature),
    )


def seals(db: VaultConnection, vault_id: str) -> list[SignedHead]:
    rows = db.query("SELECT seq, head, sealed_at, signature FROM audit_seals ORDER BY seq")
    return [SignedHead(vault_id, int(s), str(h), str(t), bytes(sig)) for s, h, t, sig in rows]
