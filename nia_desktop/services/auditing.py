"""Audit log: read, verify, export, checkpoint (officer)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from nia_desktop.core import audit as chain
from nia_desktop.core.atomic import atomic_write, staged_file
from nia_desktop.core.canonical import canonical_json
from nia_desktop.core.clock import iso_utc
from nia_desktop.core.errors import AuditBroken, BadInput, VaultTampered
from nia_desktop.core.roles import Action
from nia_desktop.core.signing import SigningContext, fingerprint, public_pem, public_raw, sign
from nia_desktop.core.signing import verify as verify_signature
from nia_desktop.core.store import audit_log, workstation_keys
from nia_desktop.core.untrusted import load_json, shown, text
from nia_desktop.core.vault.connection import DatabaseError
from nia_desktop.core.vault.layout import VaultPaths, read_folder_file
from nia_desktop.services.paging import Page, check_window
from nia_desktop.services.progress import CancelToken, Progress, no_progress
from nia_desktop.services.session import Session

EXPORT_FORMAT = "nia-audit-export"
EXPORT_VERSION = 2  # 2: the signed head covers the header line too
_NOT_DAMAGE = ("SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_INTERRUPT", "SQLITE_NOMEM")


def audit_public_key(session: Session) -> Ed25519PublicKey:
    return workstation_keys.audit_key(session.db).public_key()


def export_public_key(session: Session, out: Path) -> str:
    """The audit public key (PEM), for checking exports off the machine; the file appears only after its entry
    has committed. Returns the SHA-256 fingerprint."""
    session.require(Action.AUDIT_EXPORT, str(out))
    public = audit_public_key(session)
    fp = fingerprint(public)
    with staged_file(out, replace=True) as partial:
        atomic_write(partial, public_pem(public))
        session.audit("audit.key_export", str(out), details={"fingerprint": fp})
    return fp


def entries(session: Session) -> Iterator[chain.AuditEntry]:
    session.require(Action.AUDIT_VIEW)
    return audit_log.iter_entries(session.db)


def log_page(session: Session, limit: int = 50, offset: int = 0) -> Page[chain.AuditEntry]:
    """The ``limit`` entries before the ``offset`` newest, oldest first; ``more``: older entries precede them."""
    session.require(Action.AUDIT_VIEW)
    check_window(limit, offset)
    rows = audit_log.latest(session.db, limit + 1, offset)
    return Page(rows[-limit:], limit, offset, len(rows) > limit)


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


def verify(session: Session, checkpoint: Path | None = None, progress: Progress = no_progress,
           cancel: CancelToken | None = None, full: bool = False) -> chain.ChainReport:
    """Check the chain, every seal, the anchor file and an optional checkpoint.

    Incremental unless ``full``: a successful verification records where it ended (seq and hash, in the
    encrypted and authenticated database, audit_log.verified_position), and the next one walks only the
    entries after that position, checking that they link from the recorded hash, plus the seals from that
    position on, the anchor and the checkpoint. The past once verified is trusted: an entry before the
    position that was altered since (which takes the database key) or a damaged page there is found only by a
    full verification, which walks from genesis (`nia audit verify --full`, "Full verification" in the view).
    """
    session.require(Action.AUDIT_VERIFY)
    db = session.db
    anchor = read_anchor(session.vault.paths)
    if anchor is None:
        report = chain.ChainReport(False, audit_log.count(db), "", None,
                                   "the anchor file audit-anchor.json is missing: the log's tail cannot be vouched for")
    else:
        heads: list[tuple[chain.SignedHead, SigningContext]] = [(anchor, SigningContext.AUDIT_HEAD)]
        if checkpoint is not None:
            heads.append((read_checkpoint(checkpoint), SigningContext.AUDIT_CHECKPOINT))
        report = _walk(session, heads, None if full else audit_log.verified_position(db), progress, cancel)
    try:
        with db.transaction():
            if report.ok:
                audit_log.set_verified_position(db, report.entries, report.head)
            else:  # the next verification walks from genesis again, never past a break found before
                audit_log.clear_verified_position(db)
            session.audit("audit.verify", "", "ok" if report.ok else "failed",
                          {"entries": report.entries, "first_bad": report.first_bad, "reason": report.reason,
                           "from_seq": report.from_seq, "time_warnings": report.warnings_total})
    except DatabaseError:
        if report.ok:
            raise
        # SQLCipher refuses every write on this connection once a page fails its check: the verdict stands.
        report = dataclasses.replace(report, reason=f"{report.reason} (this verification could not be recorded in "
                                                    "the log: the database refuses writes after a damaged page)")
    return report


def _walk(session: Session, heads: list[tuple[chain.SignedHead, SigningContext]], start: chain.Position | None,
          progress: Progress, cancel: CancelToken | None) -> chain.ChainReport:
    """The walk itself; a page of the database that cannot be read is a broken log, reported, not raised."""
    vault_id, db = session.vault.meta.vault_id, session.db
    walk: chain.ChainWalk | None = None
    try:
        if start is not None:
            stored = audit_log.hash_at(db, start.seq)
            if stored != start.hash:
                why = "is gone" if stored is None else "differs from the one verified earlier"
                return chain.ChainReport(False, start.seq, "", start.seq,
                                         f"entry {start.seq}, where the last verification ended, {why}: the log "
                                         "was cut, rolled back or rewritten", from_seq=start.seq, full=False)
            start = chain.Position(start.seq, start.hash, audit_log.ts_at(db, start.seq) or "")
        from_seq = start.seq if start is not None else 0
        heads = heads + [(seal, SigningContext.AUDIT_HEAD) for seal in audit_log.seals(db, vault_id, from_seq)]
        total = audit_log.count(db)
        walk = chain.ChainWalk(vault_id, start, [head.seq for head, _ in heads])
        _feed(walk, session, total, progress, cancel)
        return walk.finish(audit_public_key(session), heads, lambda seq: audit_log.hash_at(db, seq))
    except DatabaseError as exc:
        if _not_damage(exc):
            raise
        after = walk.seq if walk is not None else (start.seq if start is not None else 0)
        where = (f"the database page holding entries after {after}" if walk is not None
                 else "the database page holding the audit seals or the verified position")
        return chain.ChainReport(False, after, walk.prev if walk is not None else "", after + 1,
                                 f"{where} could not be read: {exc}", from_seq=start.seq if start else 0,
                                 full=start is None)


def _not_damage(exc: DatabaseError) -> bool:
    """Busy, interrupted or out of memory: an error that says nothing about the file's pages."""
    return str(getattr(exc, "sqlite_errorname", "")).startswith(_NOT_DAMAGE)


def _feed(walk: chain.ChainWalk, session: Session, total: int, progress: Progress,
          cancel: CancelToken | None) -> None:
    """Feed the walk from the database in batches; at an unreadable page, walk on entry by entry up to it, so
    the error names the last entry read (or a break before it is reported instead), then raise it."""
    try:
        for batch in audit_log.row_batches(session.db, after=walk.seq):
            if cancel is not None:
                cancel.raise_if_cancelled()
            if not walk.feed(batch):
                return
            progress(walk.seq, total, "Verifying the audit chain")
    except DatabaseError as exc:
        if _not_damage(exc):
            raise
        for batch in audit_log.row_batches(session.db, after=walk.seq, batch=1):
            if not walk.feed(batch):
                return
        raise


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
    """The export's bytes and its signed head (the caller checks permission and audits).

    Format version 2: the signed head also signs the SHA-256 of the header line (chain.export_head_message),
    so every line is covered: the header by that digest, each entry by the hash chain, and the end by the
    head's sequence and hash. The returned head's signature is over that message, not SignedHead.message().
    """
    key = workstation_keys.audit_key(session.db)
    vault_id = session.vault.meta.vault_id
    header = canonical_json({
        "type": "header", "format": EXPORT_FORMAT, "version": EXPORT_VERSION, "vault_id": vault_id,
        "audit_public_key": public_raw(key.public_key()).hex(), "exported_by": session.name,
    })
    lines = [header]
    last: chain.AuditEntry | None = None
    for entry in audit_log.iter_entries(session.db):
        lines.append(canonical_json({"type": "entry", **chain.entry_to_json(entry)}))
        last = entry
    assert last is not None
    header_sha256 = hashlib.sha256(header).hexdigest()
    time = iso_utc(session.clock.now())
    signature = sign(key, SigningContext.AUDIT_EXPORT,
                     chain.export_head_message(vault_id, last.seq, last.hash, time, header_sha256))
    head = chain.SignedHead(vault_id, last.seq, last.hash, time, signature)
    lines.append(canonical_json({"type": "signed_head", **head.to_json(), "header_sha256": header_sha256}))
    return b"\n".join(lines) + b"\n", head


_HEADER_KEYS = frozenset({"type", "format", "version", "vault_id", "audit_public_key", "exported_by"})
_ENTRY_KEYS = frozenset({"type", "seq", "ts", "actor", "role", "action", "object", "outcome", "details",
                         "prev_hash", "hash"})
_HEAD_KEYS = {1: frozenset({"type", "vault_id", "seq", "head", "time", "signature"}),
              2: frozenset({"type", "vault_id", "seq", "head", "time", "signature", "header_sha256"})}


class _Refused(Exception):
    """One line of an export is not what it must be."""

    def __init__(self, line: int, why: str, first_bad: int | None = None) -> None:
        super().__init__(f"line {line} {why}")
        self.first_bad = first_bad


def check_export(path: Path, public_key: Ed25519PublicKey) -> chain.ChainReport:
    """Verify an exported log with nothing but the audit public key (the officer's, authoritative). No vault.

    Accepts exactly the entries the signed head covers, in a file written exactly as export_lines writes it:
    one header naming that key, entries 1 to N each linking from the one before, the signed head over entry N
    as the last line. Any line inserted, removed, duplicated, reordered or changed (a blank line, trailing
    data, JSON re-spaced) is refused with the line named: the entry hash alone is a plain SHA-256 anyone can
    extend, so only the signed head may say where the log ends.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise BadInput(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise BadInput(f"{path} is a folder, not an audit export") from exc
    try:
        return _check_export(data, public_key)
    except _Refused as refused:
        return chain.ChainReport(False, 0, "", refused.first_bad, str(refused))


def _parse_line(n: int, line: bytes) -> dict[str, Any]:
    if not line.strip():
        raise _Refused(n, "is blank: lines were added or removed")
    try:
        value = load_json(line, f"line {n}")
        canonical = canonical_json(value)
    except ValueError as exc:
        raise _Refused(n, f"is malformed: {exc}") from exc
    if canonical != line:
        raise _Refused(n, "is malformed: not written the way an export writes it (changed after export)")
    if not isinstance(value, dict):
        raise _Refused(n, "is malformed: not a JSON object")
    return value


def _check_export(data: bytes, public_key: Ed25519PublicKey) -> chain.ChainReport:
    if not data.endswith(b"\n"):
        raise _Refused(data.count(b"\n") + 1, "does not end with a newline: the file was cut or has trailing data")
    raw = data[:-1].split(b"\n")
    rows = [_parse_line(n, line) for n, line in enumerate(raw, start=1)]
    last_line = len(rows)
    # Line 1: one header, naming the key the officer gave.
    header = rows[0]
    if header.get("type") != "header" or header.get("format") != EXPORT_FORMAT:
        raise _Refused(1, "is not an audit export's header")
    version = header.get("version")
    if type(version) is not int or version not in _HEAD_KEYS:
        raise _Refused(1, f"names an export format version this build does not know ({shown(version)})")
    if set(header) != _HEADER_KEYS:
        raise _Refused(1, f"is malformed: its fields are {', '.join(sorted(header))}")
    if header["audit_public_key"] != public_raw(public_key).hex():
        raise _Refused(1, "names an audit key other than the one given: the export is from another workstation, "
                          "or the key given is not its audit key")
    try:
        vault_id = text(header["vault_id"], "vault_id", 200, empty=False)
        text(header["exported_by"], "exported_by", 1 << 10)
    except ValueError as exc:
        raise _Refused(1, f"is malformed: {exc}") from exc
    if last_line < 3:
        raise _Refused(last_line, "ends the file: an export holds a header, entries and a signed head")
    # The last line: the signed head, checked before the entries so a changed header is named as such.
    row = rows[-1]
    if row.get("type") != "signed_head":
        raise _Refused(last_line, "is not a signed head: the export's end is missing or lines follow it")
    if set(row) != _HEAD_KEYS[version]:
        raise _Refused(last_line, f"is malformed: its fields are {', '.join(sorted(row))}")
    try:
        head = chain.SignedHead.from_json(row)
    except ValueError as exc:
        raise _Refused(last_line, f"is malformed: {exc}") from exc
    if head.vault_id != vault_id:
        raise _Refused(last_line, "is a signed head of another vault than the header names")
    if version == 1:
        message = head.message()
    else:
        if row["header_sha256"] != hashlib.sha256(raw[0]).hexdigest():
            raise _Refused(1, "is not the header the signed head covers: it was changed or replaced")
        message = chain.export_head_message(head.vault_id, head.seq, head.head, head.time, row["header_sha256"])
    if not verify_signature(public_key, SigningContext.AUDIT_EXPORT, message, head.signature):
        raise _Refused(last_line, "has a bad signature: the signed head was changed, or not made with this key")
    # Lines 2 to N+1: entries 1 to N, each line exactly an entry, linked from genesis.
    entries: list[chain.Row] = []
    for n, row in enumerate(rows[1:-1], start=2):
        if row.get("type") != "entry":
            raise _Refused(n, f"is not an entry (its type is {shown(row.get('type'))}): lines were moved or added")
        if set(row) != _ENTRY_KEYS:
            raise _Refused(n, f"is malformed: its fields are {', '.join(sorted(row))}", n - 1)
        try:
            entries.append(chain.entry_from_json(row).row())
        except (KeyError, ValueError, TypeError) as exc:
            raise _Refused(n, f"is malformed: {exc}", n - 1) from exc
    walk = chain.ChainWalk(vault_id)
    if not walk.feed(entries):
        assert walk.first_bad is not None
        raise _Refused(walk.first_bad + 1, f"breaks the chain: {walk.reason}", walk.first_bad)
    # Exactly what the signed head covers: no entry past it, none missing before it.
    if head.seq != walk.seq or head.head != walk.prev:
        if head.seq < walk.seq:
            why = (f"covers entries 1 to {head.seq} but the file holds {walk.seq}: lines {head.seq + 2} to "
                   f"{walk.seq + 1} are not covered by the signature")
        elif head.seq > walk.seq:
            why = f"covers entries 1 to {head.seq} but the file holds only {walk.seq}: entries were removed"
        else:
            why = f"covers a different entry {head.seq} than the file holds: the entries were rewritten"
        raise _Refused(last_line, f"(the signed head) {why}", min(head.seq, walk.seq) + 1)
    note = "" if version > 1 else " (a version 1 export: its header line is not covered by the signature)"
    return chain.ChainReport(True, walk.seq, walk.prev, None,
                             f"{walk.seq} entries, chain intact; the signed head of {head.time} covers exactly "
                             f"these entries{note}", tuple(walk.warnings), walk.warnings_total)
