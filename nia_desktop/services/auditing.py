"""Audit log: read, verify, export, checkpoint (officer)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from nia_desktop.core import audit as chain
from nia_desktop.core.atomic import atomic_write
from nia_desktop.core.canonical import canonical_json
from nia_desktop.core.clock import iso_utc
from nia_desktop.core.errors import AuditBroken, BadInput, VaultTampered
from nia_desktop.core.roles import Action
from nia_desktop.core.signing import SigningContext, public_pem, public_raw
from nia_desktop.core.store import audit_log, workstation_keys
from nia_desktop.core.untrusted import load_json, mapping
from nia_desktop.core.vault.layout import VaultPaths, read_folder_file
from nia_desktop.services.progress import CancelToken, Progress, no_progress
from nia_desktop.services.session import Session

EXPORT_FORMAT = "nia-audit-export"


def audit_public_key(session: Session) -> Ed25519PublicKey:
    return workstation_keys.audit_key(session.db).public_key()


def entries(session: Session) -> Iterator[chain.AuditEntry]:
    session.require(Action.AUDIT_VIEW)
    return audit_log.iter_entries(session.db)


def read_anchor(paths: VaultPaths) -> chain.SignedHead | None:
    try:
        return chain.SignedHead.from_json(load_json(read_folder_file(paths.anchor, 1 << 16), paths.anchor.name))
    except FileNotFoundError:
        return None
    except (ValueError, UnicodeDecodeError, VaultTampered) as exc:
        raise AuditBroken(f"the anchor file {paths.anchor.name} is damaged") from exc


def read_checkpoint(path: Path) -> chain.SignedHead:
    try:
        data = load_json(path.read_bytes(), path.name)
        return chain.SignedHead.from_json(data.get("checkpoint") if isinstance(data, dict) else None)
    except FileNotFoundError as exc:
        raise BadInput(f"{path}: no such file") from exc
    except (ValueError, UnicodeDecodeError, AttributeError) as exc:
        raise BadInput(f"{path} is not an audit checkpoint") from exc


@dataclass
class _Counter:
    """Counts entries as the verifier walks them, for progress and cancel."""

    source: Iterator[chain.AuditEntry]
    total: int
    progress: Progress
    cancel: CancelToken | None
    seen: int = 0

    def __iter__(self) -> Iterator[chain.AuditEntry]:
        for entry in self.source:
            self.seen += 1
            if self.seen % 500 == 0:
                if self.cancel is not None:
                    self.cancel.raise_if_cancelled()
                self.progress(self.seen, self.total, "Verifying the audit chain")
            yield entry


def verify(session: Session, checkpoint: Path | None = None, progress: Progress = no_progress,
           cancel: CancelToken | None = None) -> chain.ChainReport:
    """Walk the whole chain; check every seal, the anchor file and an optional checkpoint."""
    session.require(Action.AUDIT_VERIFY)
    vault_id = session.vault.meta.vault_id
    heads: list[tuple[chain.SignedHead, SigningContext]] = [
        (seal, SigningContext.AUDIT_HEAD) for seal in audit_log.seals(session.db, vault_id)]
    anchor = read_anchor(session.vault.paths)
    if anchor is None:
        report = chain.ChainReport(False, audit_log.count(session.db), "", None,
                                   "the anchor file audit-anchor.json is missing: the log's tail cannot be vouched for")
    else:
        heads.append((anchor, SigningContext.AUDIT_HEAD))
        if checkpoint is not None:
            heads.append((read_checkpoint(checkpoint), SigningContext.AUDIT_CHECKPOINT))
        counter = _Counter(audit_log.iter_entries(session.db), audit_log.count(session.db), progress, cancel)
        report = chain.verify_chain(vault_id, counter, audit_public_key(session), heads)
    session.audit("audit.verify", "", "ok" if report.ok else "failed",
                  {"entries": report.entries, "first_bad": report.first_bad, "reason": report.reason})
    return report


def checkpoint(session: Session, out: Path) -> chain.SignedHead:
    """A signed (sequence, head, time) to carry off the machine."""
    session.require(Action.AUDIT_CHECKPOINT)
    session.audit("audit.checkpoint", str(out))
    last = audit_log.last(session.db)
    assert last is not None
    head = chain.sign_head(workstation_keys.audit_key(session.db), SigningContext.AUDIT_CHECKPOINT,
                           session.vault.meta.vault_id, last.seq, last.hash, iso_utc(session.clock.now()))
    payload = {
        "format": "nia-audit-checkpoint",
        "checkpoint": head.to_json(),
        "short": head.short_text(),
        "audit_public_key": public_pem(audit_public_key(session)).decode("ascii"),
    }
    atomic_write(out, json.dumps(payload, indent=1, sort_keys=True).encode("utf-8"))
    return head


def export(session: Session, out: Path) -> chain.SignedHead:
    """JSON Lines: a header, every entry, then a signed head over the exported entries."""
    session.require(Action.AUDIT_EXPORT)
    session.audit("audit.export", str(out))
    lines, head = export_lines(session)
    atomic_write(out, lines)
    return head


def export_lines(session: Session) -> tuple[bytes, chain.SignedHead]:
    """The export's bytes and its signed head (the caller checks permission and audits)."""
    key = workstation_keys.audit_key(session.db)
    lines = [canonical_json({
        "type": "header", "format": EXPORT_FORMAT, "version": 1, "vault_id": session.vault.meta.vault_id,
        "audit_public_key": public_raw(key.public_key()).hex(), "exported_by": session.name,
    })]
    last: chain.AuditEntry | None = None
    for entry in audit_log.iter_entries(session.db):
        lines.append(canonical_json({"type": "entry", **chain.entry_to_json(entry)}))
        last = entry
    assert last is not None
    head = chain.sign_head(key, SigningContext.AUDIT_EXPORT, session.vault.meta.vault_id, last.seq,
                           last.hash, iso_utc(session.clock.now()))
    lines.append(canonical_json({"type": "signed_head", **head.to_json()}))
    return b"\n".join(lines) + b"\n", head


def check_export(path: Path, public_key: Ed25519PublicKey) -> chain.ChainReport:
    """Verify an exported log with nothing but the audit public key. No vault needed."""
    try:
        rows: list[Any] = [load_json(line, "a line") for line in path.read_bytes().splitlines() if line.strip()]
    except FileNotFoundError as exc:
        raise BadInput(f"{path}: no such file") from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise AuditBroken(f"{path} is not a readable audit export") from exc
    if len(rows) < 2 or not isinstance(rows[0], dict) or rows[0].get("format") != EXPORT_FORMAT:
        raise AuditBroken(f"{path} is not an audit export")
    vault_id = str(rows[0].get("vault_id"))
    try:
        entries = [chain.entry_from_json(r) for r in rows[1:-1]]
        head = chain.SignedHead.from_json({k: v for k, v in mapping(rows[-1], "the last line").items()
                                           if k != "type"})
    except (KeyError, ValueError, TypeError) as exc:
        raise AuditBroken(f"{path} has a malformed line") from exc
    return chain.verify_chain(vault_id, entries, public_key, [(head, SigningContext.AUDIT_EXPORT)])
