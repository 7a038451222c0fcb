"""Back up an open vault (officer) and restore a backup into a new folder (core/vault/backup.py holds the format).

Backup: while every other writer waits (the vault's writer lock and a read
transaction, so no commit can land mid-copy), vault.db and the folder's plain
files are copied byte for byte into a private temporary folder beside the
destination; the signed manifest is added, the audit entry is committed, and
only then is the folder renamed into place. So a backup exists only if its
audit entry does, and a crash leaves at most a hidden ``.NAME.partial-*``.

Restore needs no unlock: every file is checked against the signed manifest
while it is copied, nothing but the vault's own files is accepted, and the
target must be new or empty. The vault then unlocks with the same
passphrases as before.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nia_desktop.core import audit as chain
from nia_desktop.core.clock import SystemClock, iso_utc
from nia_desktop.core.errors import BadInput, VaultDamaged, VaultTampered
from nia_desktop.core.roles import Action
from nia_desktop.core.signing import SigningContext, load_public_pem, public_raw, verify
from nia_desktop.core.store import audit_log, workstation_keys
from nia_desktop.core.untrusted import load_json
from nia_desktop.core.vault import backup as fmt
from nia_desktop.core.vault import integrity
from nia_desktop.core.vault.connection import VaultConnection
from nia_desktop.core.vault.keyslots import SlotFile
from nia_desktop.core.vault.layout import VaultMeta, VaultPaths
from nia_desktop.services.progress import CancelToken, Progress, no_progress
from nia_desktop.services.session import Session


@dataclass(frozen=True)
class BackupResult:
    path: Path
    manifest: fmt.Manifest

    def to_json(self) -> dict[str, Any]:
        return {"backup": str(self.path), "fingerprint": self.manifest.fingerprint, **self.manifest.to_json()}


@dataclass(frozen=True)
class RestoreResult:
    path: Path
    manifest: fmt.Manifest
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"restored": str(self.path), "vault_id": self.manifest.vault_id, "vault_name": self.manifest.vault_name,
                "backup_created": self.manifest.created, "backup_by": self.manifest.by,
                "audit_head": {"seq": self.manifest.head_seq, "hash": self.manifest.head_hash},
                "fingerprint": self.manifest.fingerprint, "warnings": self.warnings}


def _cancelled(cancel: CancelToken | None) -> Any:
    return (lambda: cancel.cancelled) if cancel is not None else None


@contextmanager
def _frozen(db: VaultConnection) -> Iterator[None]:
    """No commit anywhere while the copy runs: the vault's writer lock (this application's writers, in every
    process, wait for it) and a read transaction (SQLite's SHARED lock: no writer can commit past it)."""
    with db.writing(), db.lock:
        db.execute("BEGIN")
        try:
            db.query("SELECT count(*) FROM sqlite_master")
            yield
        finally:
            db.execute("COMMIT")


def backup_vault(session: Session, target: Path, progress: Progress = no_progress,
                 cancel: CancelToken | None = None) -> BackupResult:
    """Write a consistent, still-encrypted copy of the open vault and its signed manifest to ``target``."""
    target = Path(target).absolute()
    session.require(Action.VAULT_BACKUP, str(target))
    paths = session.vault.paths
    root = paths.root.resolve()
    if target.resolve() == root or root in target.resolve().parents:
        raise BadInput(f"{target} is inside the vault folder: a backup belongs on other media. Nothing was written")
    fmt.check_destination(target, "a backup")
    tmp = fmt.staging_dir(target)
    committed = False
    try:
        entries: list[fmt.FileEntry] = []
        with _frozen(session.db):
            last = audit_log.last(session.db)
            head_seq = last.seq if last else 0
            head_hash = last.hash if last else chain.genesis_hash(session.vault.meta.vault_id)
            for name in fmt.FILES:
                source = paths.root / name
                if not source.exists() and not source.is_symlink():
                    if name in fmt.REQUIRED:
                        raise VaultTampered(f"{name} is missing from the vault folder: nothing to back up")
                    continue
                entries.append(fmt.copy_file(source, tmp / name, progress, _cancelled(cancel)))
        # Checked on the copy, after the writers were let go: a backup that would carry damage is refused.
        progress(0, 1, "Checking every page of the copy")
        bad = integrity.failed_pages(tmp / "vault.db", session.db_key,
                                     (lambda: cancel.cancelled) if cancel is not None else None)
        if bad:
            raise VaultDamaged(paths.root, f"page{'s' if len(bad) > 1 else ''} {', '.join(map(str, bad[:20]))} "
                               "fail their authentication code, and a backup would carry the damage; nothing "
                               "was written")
        key = workstation_keys.audit_key(session.db)
        manifest = fmt.Manifest(session.vault.meta.vault_id, session.vault.name, iso_utc(session.clock.now()),
                                session.name, head_seq, head_hash, public_raw(key.public_key()), tuple(entries))
        data, signature = fmt.sign_manifest(manifest, key)
        fmt.write_new(tmp / fmt.MANIFEST, data)
        fmt.write_new(tmp / fmt.SIGNATURE, signature)
        if cancel is not None:
            cancel.raise_if_cancelled()
        session.audit("vault.backup", str(target), chain.Outcome.OK, {
            "files": {e.name: e.sha256 for e in entries}, "audit_head_seq": head_seq,
            "fingerprint": manifest.fingerprint})
        committed = True
        fmt.publish(tmp, target)
    except BaseException as exc:
        fmt.discard(tmp)
        if committed:  # the entry says a backup was written; say it was not, too
            with contextlib.suppress(Exception):
                session.audit("vault.backup", str(target), chain.Outcome.FAILED,
                              {"reason": f"the finished backup could not be moved into place ({exc})"})
        raise
    progress(1, 1, "Backup written")
    return BackupResult(target, manifest)


# -- restore ----------------------------------------------------------------
def read_backup(source: Path) -> tuple[fmt.Manifest, bytes, bytes]:
    """The manifest of the backup at ``source`` (signature checked) and its raw bytes; every file named."""
    source = Path(source).resolve()  # the folder may be reached through a link (a mount point); its files may not
    if not source.is_dir():
        raise BadInput(f"{source} is not a backup folder")
    try:
        data = fmt.read_small(source / fmt.MANIFEST, fmt.MAX_MANIFEST)
        signature = fmt.read_small(source / fmt.SIGNATURE, 64)
    except FileNotFoundError as exc:
        raise BadInput(f"{Path(exc.filename).name} is missing from {source}: not a complete backup. Refused; "
                       "nothing was restored") from exc
    except VaultTampered as exc:
        raise BadInput(exc.user_message) from exc
    manifest = fmt.check_signature(data, signature)
    listed = {f.name for f in manifest.files}
    for entry in sorted(source.iterdir()):
        if entry.name in (fmt.MANIFEST, fmt.SIGNATURE):
            continue
        if entry.name not in listed:
            raise BadInput(f"{entry.name} is in the backup folder but not in its signed manifest: an extra file "
                           "was added. Refused; nothing was restored")
    for name in sorted(listed):
        if not (source / name).exists() and not (source / name).is_symlink():
            raise BadInput(f"{name} is missing from the backup folder (its signed manifest lists it). Refused; "
                           "nothing was restored")
    return manifest, data, signature


def restore_backup(source: Path, target: Path, checkpoint: Path | None = None, audit_key: Path | None = None,
                   progress: Progress = no_progress, cancel: CancelToken | None = None) -> RestoreResult:
    """Copy a verified backup into ``target`` (new or empty); refuse, naming the file, anything that differs."""
    source, target = Path(source).absolute(), Path(target).absolute()
    fmt.check_destination(target, "a restored vault")
    manifest, data, signature = read_backup(source)
    warnings = _check_anchors(manifest, checkpoint, audit_key)
    tmp = fmt.staging_dir(target)
    try:
        for entry in manifest.files:
            try:
                copied = fmt.copy_file(source / entry.name, tmp / entry.name, progress, _cancelled(cancel),
                                       limit=entry.size)
            except VaultTampered as exc:
                raise BadInput(exc.user_message) from exc
            if copied.size != entry.size or copied.sha256 != entry.sha256:
                raise BadInput(f"{entry.name} differs from the backup's signed manifest (it was changed or damaged "
                               "after the backup was written). Refused; nothing was restored")
        _check_contents(tmp, manifest)
        record = {"manifest": json.loads(data), "signature": signature.hex(), "source": str(source),
                  "restored_at": iso_utc(SystemClock().now())}
        fmt.write_new(tmp / fmt.RESTORED_FROM, json.dumps(record, indent=1, sort_keys=True).encode("utf-8"))
        if cancel is not None:
            cancel.raise_if_cancelled()
        fmt.publish(tmp, target)
    except BaseException:
        fmt.discard(tmp)
        raise
    progress(1, 1, "Restored")
    return RestoreResult(target, manifest, warnings)


def _check_anchors(manifest: fmt.Manifest, checkpoint: Path | None, audit_key: Path | None) -> list[str]:
    """What the officer kept off the machine (a checkpoint, the audit public key) must agree with the backup."""
    warnings: list[str] = []
    if audit_key is not None:
        try:
            pinned = load_public_pem(fmt.read_small(audit_key, 1 << 16))
        except FileNotFoundError as exc:
            raise BadInput(f"{audit_key}: no such file") from exc
        if public_raw(pinned) != manifest.audit_public:
            raise BadInput(f"{fmt.MANIFEST}: the backup is signed by a key other than the audit key in {audit_key.name}"
                           ": it is another vault's backup, or it was re-signed. Refused; nothing was restored")
    if checkpoint is not None:
        from nia_desktop.services.auditing import read_checkpoint

        head = read_checkpoint(checkpoint)
        if head.vault_id != manifest.vault_id or not verify(manifest.public_key, SigningContext.AUDIT_CHECKPOINT,
                                                            head.message(), head.signature):
            raise BadInput(f"{fmt.MANIFEST}: the checkpoint {checkpoint.name} was not signed by the key that signed "
                           "this backup: it is another vault's backup, or it was re-signed. Refused; nothing was "
                           "restored")
        if head.seq > manifest.head_seq:
            warnings.append(f"the backup is older than the audit checkpoint {checkpoint.name}: it ends at audit entry "
                            f"{manifest.head_seq}, the checkpoint vouches for entry {head.seq} ({head.time}). "
                            "Everything done after the backup was taken is not in it")
        elif head.seq == manifest.head_seq and head.head != manifest.head_hash:
            raise BadInput(f"{fmt.MANIFEST}: its audit head differs from the checkpoint {checkpoint.name} at the same "
                           "entry: the backup's log is not the one the checkpoint saw. Refused; nothing was restored")
    return warnings


def _check_contents(tmp: Path, manifest: fmt.Manifest) -> None:
    """The copied vault.json and keyslots.json must name the manifest's vault; the anchor must be signed by its
    key (a forger re-signing the manifest with a key of their own cannot also sign as the vault)."""
    paths = VaultPaths(tmp)
    try:
        meta = VaultMeta.load(paths)
        slots = SlotFile.load(paths.keyslots)
    except (VaultTampered, BadInput) as exc:
        raise BadInput(f"the backup's folder files do not read as a vault: {exc.user_message}") from exc
    if meta.vault_id != manifest.vault_id:
        raise BadInput("vault.json names another vault than the backup's manifest. Refused; nothing was restored")
    if slots.vault_id != manifest.vault_id:
        raise BadInput("keyslots.json names another vault than the backup's manifest. Refused; nothing was restored")
    if manifest.entry("audit-anchor.json") is not None:
        try:
            anchor = chain.SignedHead.from_json(load_json(fmt.read_small(paths.anchor, 1 << 16), "audit-anchor.json"))
        except ValueError as exc:
            raise BadInput("audit-anchor.json in the backup is not a signed audit head. Refused") from exc
        if anchor.vault_id != manifest.vault_id or not verify(manifest.public_key, SigningContext.AUDIT_HEAD,
                                                              anchor.message(), anchor.signature):
            raise BadInput(f"{fmt.MANIFEST}: the backup is signed by a key other than the vault's audit key (the "
                           "audit-anchor.json it carries does not verify with it): it was re-signed by someone "
                           "else. Refused; nothing was restored")
        if anchor.seq > manifest.head_seq:
            raise BadInput(f"{fmt.MANIFEST}: its audit head (entry {manifest.head_seq}) is older than the signed "
                           f"audit-anchor.json it carries (entry {anchor.seq}). Refused; nothing was restored")


# -- after a restore --------------------------------------------------------
def restored_status(session: Session) -> dict[str, Any] | None:
    """For a vault restored from a backup: whether the backup's key is this database's audit key and its audit
    head is in this database's log (an officer's `nia vault check`). None for a vault never restored."""
    path = session.vault.paths.root / fmt.RESTORED_FROM
    if not path.exists() and not path.is_symlink():
        return None
    problems: list[str] = []
    info: dict[str, Any] = {"file": fmt.RESTORED_FROM, "problems": problems}
    try:
        record = load_json(fmt.read_small(path, fmt.MAX_MANIFEST), fmt.RESTORED_FROM)
        data = json.dumps(record["manifest"]).encode("utf-8")
        manifest = fmt.Manifest.from_bytes(data)
        signature = bytes.fromhex(str(record["signature"]))
    except (ValueError, KeyError, TypeError, BadInput, VaultTampered) as exc:
        problems.append(f"{fmt.RESTORED_FROM} cannot be read: {exc}")
        return info
    info.update({"backup_created": manifest.created, "backup_by": manifest.by, "fingerprint": manifest.fingerprint,
                 "audit_head_seq": manifest.head_seq})
    if not verify(manifest.public_key, SigningContext.VAULT_BACKUP, manifest.to_bytes(), signature):
        problems.append(f"{fmt.RESTORED_FROM}: the backup manifest's signature does not verify")
    ours = public_raw(workstation_keys.audit_key(session.db).public_key())
    if manifest.audit_public != ours:
        problems.append("the backup this vault was restored from was signed by a key other than this vault's audit "
                        "key: it was re-signed by someone else. Treat the restored vault as untrusted")
    if manifest.vault_id != session.vault.meta.vault_id:
        problems.append("the backup this vault was restored from names another vault")
    at = session.db.query("SELECT hash FROM audit WHERE seq = ?", (manifest.head_seq,))
    if manifest.head_seq and (not at or str(at[0][0]) != manifest.head_hash):
        problems.append(f"the audit log does not hold entry {manifest.head_seq} as the backup's manifest names it: "
                        "vault.db is not the database that was backed up")
    return info
