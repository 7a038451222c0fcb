"""Audit table access: append, read in order, seals (signed heads), the last verified position."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from nia_desktop.core.audit import AuditEntry, Position, Row, SignedHead, details_from_text, details_json
from nia_desktop.core.vault.connection import VaultConnection

_COLUMNS = "seq, ts, actor, role, action, object, outcome, details, prev_hash, hash"


def _details(details: object) -> dict[str, Any]:
    return details_from_text(str(details))


def _entry(row: tuple[object, ...]) -> AuditEntry:
    seq, ts, actor, role, action, obj, outcome, details, prev_hash, hash_ = row
    parsed = _details(details)
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


def row_batches(db: VaultConnection, after: int = 0, batch: int = 5000) -> Iterator[list[Row]]:
    """Entries after ``after`` in sequence order, as ChainWalk rows, a batch at a time.

    Plain tuples as SQLite returns them, details as stored text (ChainWalk parses it): verification reads every
    entry of a long log, and building an object per entry was a large share of its cost.
    """
    while True:
        rows = db.query(f"SELECT {_COLUMNS} FROM audit WHERE seq > ? ORDER BY seq LIMIT ?", (after, batch))
        if not rows:
            return
        after = rows[-1][0]
        yield rows


def latest(db: VaultConnection, limit: int, skip: int = 0) -> list[AuditEntry]:
    """Up to ``limit`` entries before the ``skip`` newest, oldest first: a page of the log counted back from its
    head. Sequence numbers run unbroken from 1 (the chain), so the page is an index range however deep it is."""
    top = count(db) - skip
    rows = db.query(f"SELECT {_COLUMNS} FROM audit WHERE seq <= ? ORDER BY seq DESC LIMIT ?", (top, limit))
    return [_entry(r) for r in reversed(rows)]


def count(db: VaultConnection) -> int:
    """The number of entries as the last sequence number (an index seek, not a scan of a long log)."""
    return int(db.query("SELECT coalesce(max(seq), 0) FROM audit")[0][0])


def hash_at(db: VaultConnection, seq: int) -> str | None:
    rows = db.query("SELECT hash FROM audit WHERE seq = ?", (seq,))
    return str(rows[0][0]) if rows else None


def ts_at(db: VaultConnection, seq: int) -> str | None:
    rows = db.query("SELECT ts FROM audit WHERE seq = ?", (seq,))
    return str(rows[0][0]) if rows else None


_VERIFIED_KEY = "audit_verified"


def verified_position(db: VaultConnection) -> Position | None:
    """Where the last successful verification ended, or None (never verified, or the record is unreadable).

    Kept in vault_meta, a security table: inside the authenticated SQLCipher database, and covered by the
    security-state digest and generation (core/freshness.py), so it is as trustworthy as the log itself and a
    page of it written back from an older copy is caught at unlock.
    """
    rows = db.query("SELECT value FROM vault_meta WHERE key = ?", (_VERIFIED_KEY,))
    if not rows:
        return None
    try:
        data = json.loads(str(rows[0][0]))
        seq, hash_ = data["seq"], data["hash"]
    except (ValueError, KeyError, TypeError):
        return None
    if type(seq) is not int or seq < 1 or not isinstance(hash_, str) or len(hash_) != 64:
        return None
    try:
        bytes.fromhex(hash_)
    except ValueError:
        return None
    return Position(seq, hash_)


def set_verified_position(db: VaultConnection, seq: int, hash_: str) -> None:
    db.execute("INSERT INTO vault_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
               "excluded.value", (_VERIFIED_KEY, json.dumps({"seq": seq, "hash": hash_}, sort_keys=True)))


def add_seal(db: VaultConnection, head: SignedHead) -> None:
    db.execute(
        "INSERT OR REPLACE INTO audit_seals (seq, head, sealed_at, signature) VALUES (?, ?, ?, ?)",
        (head.seq, head.head, head.time, head.signature),
    )


def seals(db: VaultConnection, vault_id: str, from_seq: int = 0) -> list[SignedHead]:
    rows = db.query("SELECT seq, head, sealed_at, signature FROM audit_seals WHERE seq >= ? ORDER BY seq",
                    (from_seq,))
    return [SignedHead(vault_id, int(s), str(h), str(t), bytes(sig)) for s, h, t, sig in rows]


def clear_verified_position(db: VaultConnection) -> None:
    db.execute("DELETE FROM vault_meta WHERE key = ?", (_VERIFIED_KEY,))
