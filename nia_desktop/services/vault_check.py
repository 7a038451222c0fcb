"""`nia vault check` and the desktop's Check: is this vault damaged, and where (officer).

Four questions, each answered by name: which pages fail SQLCipher's HMAC
(and which tables hold them), whether SQLite's structure and foreign keys
hold, where the audit chain first breaks, and whether the vault folder's files
are the ones the database recorded (plus, for a restored vault, whether the
backup was signed by this vault's own audit key).

A vault whose damage stops the unlock itself can still be checked: the
passphrase must open the user's slot, the pages are checked read-only with
the key that opens, and nothing is written to the damaged database (so that
check is not in the audit log; the report says so).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nia_desktop.core import audit as chain
from nia_desktop.core.errors import AuditBroken, AuthFailed, PermissionRefused
from nia_desktop.core.roles import Action, Role
from nia_desktop.core.signing import SigningContext, public_from_raw
from nia_desktop.core.vault import folder, integrity, page_macs
from nia_desktop.core.vault.integrity import DatabaseReport
from nia_desktop.core.vault.keyslots import SlotFile
from nia_desktop.core.vault.layout import VaultMeta
from nia_desktop.core.vault.writer_lock import WriterLock
from nia_desktop.services.progress import CancelToken, Progress, no_progress
from nia_desktop.services.session import Session, Vault

EXIT_AUDIT_BROKEN = 5
EXIT_DAMAGED = 1


@dataclass
class CheckReport:
    vault: str
    database: DatabaseReport
    audit: dict[str, Any] | None = None  # ChainReport.to_json(), when the chain could be walked
    audit_problem: str = ""  # why the chain could not be verified
    folder: list[str] = field(default_factory=list)
    restored: dict[str, Any] | None = None
    unlocked: bool = True  # False: the vault did not unlock, only its pages and log were read
    audited: bool = False

    @property
    def audit_broken(self) -> bool:
        return bool(self.audit_problem) or (self.audit is not None and not self.audit.get("ok"))

    @property
    def ok(self) -> bool:
        restored_bad = bool(self.restored and self.restored.get("problems"))
        return not (self.database.damaged or self.audit_broken or self.folder or restored_bad)

    @property
    def exit_code(self) -> int:
        """0 clean; 5 when the audit chain is broken or unreadable; 1 for any other damage."""
        if self.ok:
            return 0
        return EXIT_AUDIT_BROKEN if self.audit_broken else EXIT_DAMAGED

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "vault": self.vault, "unlocked": self.unlocked, "audited": self.audited,
                "database": self.database.to_json(), "audit": self.audit, "audit_problem": self.audit_problem,
                "folder": self.folder, "restored": self.restored, "exit_code": self.exit_code}

    def lines(self) -> list[str]:
        """The report in plain words, one finding a line, damage named by page, table, entry and file."""
        db = self.database
        out = [f"Vault {self.vault}: {'no damage found' if self.ok else 'DAMAGED'}"]
        if db.unopenable:
            out.append(f"  database: {db.unopenable}")
        elif db.pages:
            out.append(f"  database: {len(db.pages)} of {db.page_count} pages fail their authentication code "
                       f"(HMAC): page{'s' if len(db.pages) > 1 else ''} {', '.join(map(str, db.pages))}")
        elif db.cipher_messages:
            out += [f"  database: {m}" for m in db.cipher_messages]
        else:
            out.append(f"  database: all {db.page_count} pages authenticate (page size {db.page_size})")
        if db.tables:
            out.append(f"  damaged tables: {', '.join(db.tables)}")
        out += [f"  structure: {m}" for m in db.structure[:20]]
        out += [f"  references: {m}" for m in db.foreign_keys[:20]]
        if self.audit_problem:
            out.append(f"  audit chain: cannot be verified: {self.audit_problem}")
        elif self.audit is not None:
            where = f" (first bad entry: {self.audit['first_bad']})" if self.audit.get("first_bad") else ""
            out.append(f"  audit chain: {'intact' if self.audit['ok'] else 'BROKEN'}: {self.audit['reason']}{where}")
        out += [f"  vault folder: {m}" for m in self.folder]
        if self.restored is not None:
            problems = self.restored.get("problems") or []
            if problems:
                out += [f"  restored from backup: {p}" for p in problems]
            else:
                out.append(f"  restored from the backup of {self.restored.get('backup_created')} by "
                           f"{self.restored.get('backup_by')}: signed by this vault's audit key")
        if not self.unlocked:
            out.append("  The vault did not unlock because of this damage, so this check is not in the audit log.")
        if not self.ok:
            out.append("  What to do: restore the vault from the last backup with `nia vault restore BACKUP --to "
                       "NEW_FOLDER`, then unlock it there (docs/backup.md).")
        return out


def _step(progress: Progress, base: int, total: int) -> integrity.Step:
    return lambda done, _total, message: progress(base + done, total, message)


def check_vault(session: Session, progress: Progress = no_progress,
                cancel: CancelToken | None = None) -> CheckReport:
    """The full check of an unlocked vault, audited."""
    session.require(Action.VAULT_CHECK)
    paths = session.vault.paths
    stop = (lambda: cancel.cancelled) if cancel is not None else None
    # Writers wait for the check's long reads on the writer lock, with its message and limit: otherwise each
    # COMMIT would wait for the check's read lock only up to the busy timeout, then fail.
    with session.db.writing():
        database = integrity.check_database(paths.database, session.db_key, _step(progress, 0, 6), stop)
    report = CheckReport(str(paths.root), database)
    if cancel is not None:
        cancel.raise_if_cancelled()
    progress(4, 6, "Verifying the audit chain")
    from nia_desktop.services import auditing

    try:
        # Full: every entry from genesis, so damage anywhere in the log is found (not only after the last check).
        report.audit = auditing.verify(session, cancel=cancel, full=True).to_json()
    except AuditBroken as exc:
        report.audit_problem = exc.user_message
    except Exception as exc:
        detail = integrity.damage_detail(exc)
        if detail is None:
            raise
        report.audit_problem = f"the audit log lies on a damaged page ({detail})"
    progress(5, 6, "Comparing the vault folder with the database")
    try:
        report.folder = folder.compare_files(session.db, paths, VaultMeta.load(paths))
    except Exception as exc:
        if integrity.damage_detail(exc) is None and not isinstance(exc, AuditBroken):
            raise
        report.folder = [f"the folder's recorded digests cannot be read ({exc})"]
    from nia_desktop.services.backup import restored_status

    try:
        report.restored = restored_status(session)
    except Exception as exc:
        if integrity.damage_detail(exc) is None:
            raise
        report.restored = {"problems": [f"cannot be compared: {exc}"]}
    try:
        session.audit("vault.check", session.vault.name, chain.Outcome.OK if report.ok else chain.Outcome.FAILED,
                      {"pages": list(database.pages), "tables": list(database.tables),
                       "structure": len(database.structure), "foreign_keys": len(database.foreign_keys),
                       "audit_first_bad": (report.audit or {}).get("first_bad"),
                       "audit_problem": report.audit_problem, "folder": report.folder})
        report.audited = True
    except Exception as exc:
        if integrity.damage_detail(exc) is None:
            raise
    progress(6, 6, "Check finished")
    return report


def check_unopened(root: Path, user: str, passphrase: str, progress: Progress = no_progress) -> CheckReport:
    """Check a vault whose damage stops the unlock: read-only, with the key the user's own slot opens.

    The passphrase must open the slot (AuthFailed otherwise; the failed unlock before this was already
    recorded). An officer's role is checked when the users table can still be read; when it cannot, the
    holder of a valid key is shown page numbers and table names only, nothing of the content.
    """
    from nia_desktop.services.session import _open_slot  # the same slot rules as unlock

    vault = Vault.at(root)
    paths, meta = vault.paths, vault.meta
    slot_file = SlotFile.load(paths.keyslots)
    opened, _legacy = _open_slot(slot_file, meta, user, passphrase)
    keys = [opened.db_keys[e] for e in sorted(opened.db_keys, reverse=True)]
    key = None if page_macs.not_a_database(paths.database) else next(
        (k for k in keys if integrity.opens(paths.database, k)), None)  # a file under a page "opens" as empty
    if key is None:  # page 1 or a schema page is damaged, or the file is not this vault's: the pages tell which
        progress(1, 5, "Checking every page's authentication code")
        return CheckReport(str(paths.root), integrity.unopened_report(paths.database, keys), unlocked=False)
    _require_officer(paths.database, key, user)
    with WriterLock.for_file(paths.lockfile).hold():  # as in check_vault
        database = integrity.check_database(paths.database, key, _step(progress, 0, 5))
        report = CheckReport(str(paths.root), database, unlocked=False)
        progress(4, 5, "Verifying the audit chain")
        report.audit, report.audit_problem = _read_only_chain(paths, meta.vault_id, key)
    progress(5, 5, "Check finished")
    return report


def _require_officer(database: Path, key: bytes, user: str) -> None:
    try:
        with integrity.read_only(database, key) as conn:
            rows = conn.execute("SELECT role, active FROM users WHERE name = ?", (user,)).fetchall()
    except Exception as exc:
        if integrity.damage_detail(exc) is None:
            raise
        return  # the users table itself is damaged: the key is all the proof there is
    if not rows or not rows[0][1]:
        raise AuthFailed()
    if rows[0][0] != Role.OFFICER.value:
        raise PermissionRefused(f"refused: the {rows[0][0]} role may not check the vault for damage")


def _read_only_chain(paths: Any, vault_id: str, key: bytes) -> tuple[dict[str, Any] | None, str]:
    """The chain walked from genesis on a read-only connection: (report, problem)."""
    from nia_desktop.core.store.audit_log import _entry
    from nia_desktop.services.auditing import read_anchor

    try:
        with integrity.read_only(paths.database, key) as conn:
            public = conn.execute("SELECT public_raw FROM workstation_keys WHERE name = 'audit'").fetchall()
            rows = conn.execute("SELECT seq, ts, actor, role, action, object, outcome, details, prev_hash, hash "
                                "FROM audit ORDER BY seq").fetchall()
            seals = conn.execute("SELECT seq, head, sealed_at, signature FROM audit_seals ORDER BY seq").fetchall()
    except Exception as exc:
        detail = integrity.damage_detail(exc)
        if detail is None:
            raise
        return None, f"the audit log lies on a damaged page ({detail})"
    if not public:
        return None, "the workstation audit key is missing from the database"
    heads = [(chain.SignedHead(vault_id, int(s), str(h), str(t), bytes(sig)), SigningContext.AUDIT_HEAD)
             for s, h, t, sig in seals]
    try:
        anchor = read_anchor(paths)
    except AuditBroken as exc:
        return None, exc.user_message
    if anchor is not None:
        heads.append((anchor, SigningContext.AUDIT_HEAD))
    report = chain.verify_chain(vault_id, (_entry(r) for r in rows), public_from_raw(bytes(public[0][0])), heads)
    return report.to_json(), ""
