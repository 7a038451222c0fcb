"""Unlocking a vault and the Session that every other service takes.

A Session is one user's open vault: the database connection, their role,
their signing key, and the two duties every action shares: the policy check
(refusals are audited) and the audit entry.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from nia_desktop.core import audit as chain
from nia_desktop.core import freshness, policy
from nia_desktop.core.atomic import atomic_write, discard, publish, stage
from nia_desktop.core.clock import Clock, SystemClock, iso_utc
from nia_desktop.core.errors import AuthFailed, PermissionRefused, VaultDamaged, VaultTampered
from nia_desktop.core.markings import Access
from nia_desktop.core.roles import Action, Role
from nia_desktop.core.signing import SigningContext
from nia_desktop.core.store import audit_log, clearances, schema, users, workstation_keys
from nia_desktop.core.store.users import UserRecord
from nia_desktop.core.vault import failures, folder, keyslots, page_macs
from nia_desktop.core.vault.connection import VaultConnection, open_database
from nia_desktop.core.vault.kdf import KdfParams
from nia_desktop.core.vault.keyslots import OpenedSlot, SlotFile
from nia_desktop.core.vault.layout import VaultMeta, VaultPaths, exclusive

UNAUTHENTICATED = "(unauthenticated)"


@dataclass(frozen=True)
class Vault:
    """A vault directory that has not been unlocked: paths and public metadata."""

    paths: VaultPaths
    meta: VaultMeta

    @classmethod
    def at(cls, root: Path) -> Vault:
        paths = VaultPaths(Path(root))
        return cls(paths, VaultMeta.load(paths))

    @property
    def name(self) -> str:
        return self.meta.name


@dataclass
class Session:
    vault: Vault
    user: UserRecord
    db: VaultConnection
    slot: OpenedSlot
    epoch: int
    clock: Clock = field(default_factory=SystemClock)
    closed: bool = False
    # The latest full fusion of every report this user may read, with the access it was made for, kept while the
    # session lasts so that imports can be fused into it one report at a time (services/fusion._Kept). Never
    # written anywhere.
    fusion_index: Any = None
    # What the folder checks found since an officer last looked: shown to this officer once (CLI and desktop).
    notices: list[str] = field(default_factory=list)
    # Failed second-officer checks in this session (services/dual_control.py): they back off like unlocks do.
    witness_failures: int = 0

    # -- identity ---------------------------------------------------------
    @property
    def role(self) -> Role:
        return self.user.role

    @property
    def name(self) -> str:
        return self.user.name

    @property
    def db_key(self) -> bytes:
        return self.slot.db_keys[self.epoch]

    @property
    def signing_key(self) -> Ed25519PrivateKey:
        return self.slot.signing_private

    def may(self, action: Action) -> bool:
        return policy.allowed(self.role, action)

    # -- need-to-know -----------------------------------------------------
    def access(self) -> Access:
        """What this user may read now: read from the vault at every call, so a grant taken away or run out
        counts at once, in this session too."""
        return clearances.access(self.db, self.name, iso_utc(self.clock.now())[:10])

    def readable(self, table: str = "reports") -> tuple[str, list[Any]]:
        """The WHERE clause every read path adds: true for the rows of ``table`` this user may read."""
        return clearances.readable_sql(self.db, self.access(), table)

    def require_readable(self, report_ids: list[int], what: str = "") -> None:
        """Refuse (and audit) a read of any report this user may not read, naming only those they asked for."""
        reader = self.access()
        hidden = sorted(r for r, marking in clearances.report_markings(self.db, report_ids).items()
                        if not reader.may_read(marking))
        if hidden:
            listed = ", ".join(map(str, hidden[:20]))
            self.audit("report.need_to_know", what or f"report {listed}", chain.Outcome.REFUSED,
                       {"reports": hidden[:200]})
            raise PermissionRefused(f"refused: your clearance does not cover report {listed} (need to know)")

    # -- policy + audit ---------------------------------------------------
    def require(self, action: Action, obj: str = "") -> None:
        """Check the policy table; a refusal is audited, then raised."""
        try:
            policy.check(self.role, action)
        except PermissionRefused as exc:
            self.audit(action.value, obj, chain.Outcome.REFUSED, {"reason": exc.user_message})
            raise

    def audit(self, action: str, obj: str = "", outcome: str = chain.Outcome.OK,
              details: dict[str, Any] | None = None) -> chain.AuditEntry:
        return append_audit(self.db, self.vault.meta.vault_id, self.clock, self.name, self.role.value,
                            action, obj, outcome, details or {})

    # -- sealing and closing ----------------------------------------------
    def seal(self) -> chain.SignedHead:
        """Sign the chain head, keep it in the database and in the anchor file (whose digest the database keeps)."""
        with self.db.writing():  # the anchor file is written before another writer can seal
            with self.db.transaction():
                last = audit_log.last(self.db)
                seq = last.seq if last else 0
                head = last.hash if last else chain.genesis_hash(self.vault.meta.vault_id)
                signed = chain.sign_head(workstation_keys.audit_key(self.db), SigningContext.AUDIT_HEAD,
                                         self.vault.meta.vault_id, seq, head, iso_utc(self.clock.now()))
                audit_log.add_seal(self.db, signed)
                data = anchor_bytes(signed)
                folder.record_file(self.db, "audit-anchor.json", data)
            atomic_write(self.vault.paths.anchor, data)
        return signed

    def close(self, reason: str = "close") -> None:
        """Audit, seal and close. Safe to call twice."""
        if self.closed:
            return
        try:
            self.audit(f"session.{reason}", self.name)
            self.seal()
        finally:
            self.db.close()
            self.closed = True

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def append_audit(db: VaultConnection, vault_id: str, clock: Clock, actor: str, role: str, action: str,
                 obj: str, outcome: str, details: dict[str, Any]) -> chain.AuditEntry:
    with db.transaction():
        last = audit_log.last(db)
        entry = chain.make_entry(
            prev_hash=last.hash if last else chain.genesis_hash(vault_id),
            seq=(last.seq if last else 0) + 1,
            ts=iso_utc(clock.now()),
            actor=actor,
            role=role,
            action=action,
            object=obj,
            outcome=outcome,
            details=details,
        )
        audit_log.append(db, entry)
    return entry


def anchor_bytes(head: chain.SignedHead) -> bytes:
    return json.dumps(head.to_json(), sort_keys=True).encode("utf-8")


def write_slot_file(db: VaultConnection, paths: VaultPaths, slot_file: SlotFile) -> None:
    """Inside a transaction: record the file's digest with the change it goes with; the file is staged now and
    renamed into place only once the transaction commits (discarded if it does not)."""
    _write_with(db, paths.keyslots, slot_file.to_bytes())


def _write_with(db: VaultConnection, path: Path, data: bytes) -> None:
    folder.record_file(db, path.name, data)
    staged = stage(path, data)
    db.when_settled(lambda: publish(staged, path), lambda: discard(staged))


@contextmanager
def changing_own_slot(session: Session) -> Iterator[SlotFile]:
    """Replace the session user's own slot: the database commits first (the new locator, and the old one as
    ``previous_locator``), then the file is written, then the old locator is forgotten.

    A crash before the file is written leaves the old slot, which the old passphrase still opens (that unlock
    sets the locator back); a crash after it leaves the new one, which the record already names. Any other
    slot of this user's that opens, such as one from an older copy of the file, is refused.
    """
    paths, db = session.vault.paths, session.db
    with exclusive(paths):
        with db.transaction():
            slot_file = SlotFile.load(paths.keyslots)
            before = users.get(db, session.name)
            yield slot_file
            users.set_previous_locator(db, session.name, before.slot_locator if before else None)
            data = slot_file.to_bytes()
            folder.record_file(db, "keyslots.json", data)
        atomic_write(paths.keyslots, data)
        with db.transaction():
            users.set_previous_locator(db, session.name, None)


def write_vault_meta(db: VaultConnection, paths: VaultPaths, meta: VaultMeta) -> None:
    """Inside a transaction: vault.json as the database holds it."""
    folder.record_meta(db, meta)
    _write_with(db, paths.meta, meta.to_bytes())


def unlock(root: Path, user: str, passphrase: str, clock: Clock | None = None) -> Session:
    """Open the vault as ``user``. A wrong name and a wrong passphrase are the same AuthFailed, at the same cost."""
    clock = clock or SystemClock()
    vault = Vault.at(root)
    paths, meta = vault.paths, vault.meta
    clock.sleep(failures.delay_for(len(failures.load(paths))))
    slot_file = SlotFile.load(paths.keyslots)
    if slot_file.vault_id != meta.vault_id:
        raise VaultTampered("vault.json and keyslots.json name different vaults: one of them was altered or "
                            "replaced. Restore the vault folder from a backup")
    try:
        opened, legacy = _open_slot(slot_file, meta, user, passphrase)
        db, epoch = _open_with_any_key(paths, opened)
    except AuthFailed:
        failures.record(paths, meta.vault_id, iso_utc(clock.now()), user)
        raise
    try:
        schema.migrate(db)
        record = users.get(db, user)
        if record is None or not record.active:
            failures.record(paths, meta.vault_id, iso_utc(clock.now()), user)
            raise AuthFailed()
        # Under the writer lock: the digest is recomputed table by table, and another program committing between
        # two of those reads (an import adding a caveat, a session sealing at close) made a sound vault look
        # altered.
        with db.writing():
            verdict = freshness.check(db, paths, meta.vault_id, folder.has_record(db))
        if verdict.rolled_back:
            append_audit(db, meta.vault_id, clock, user, record.role.value, "unlock", user, chain.Outcome.REFUSED,
                         {"reason": verdict.rolled_back})
            raise VaultTampered(verdict.rolled_back)
        _authenticate_slot(db, record, opened, legacy, meta.vault_id, clock)
        recorder = freshness.Recorder(paths, meta.vault_id, freshness.mac_key(db), -1)
        recorder.attach(db)
        recorder.sync(db)
        vault = Vault(paths, folder.authoritative_meta(db, meta)) if folder.has_record(db) else vault
        session = Session(vault, users.get(db, user) or record, db, opened, epoch, clock)
        _after_unlock(session, slot_file, legacy, passphrase, meta, verdict.notes)
    except BaseException:
        db.close()
        raise
    return session


def _open_slot(slot_file: SlotFile, meta: VaultMeta, user: str, passphrase: str) -> tuple[OpenedSlot, bool]:
    """(the opened slot, whether it is a version 1 slot). AuthFailed when nothing opens."""
    found = slot_file.find(user, passphrase, meta.kdf_target)
    if found is not None:
        return keyslots.open_slot(meta.vault_id, user, found[0], found[1]), False
    legacy = slot_file.legacy.get(user)
    if legacy is not None:
        return keyslots.open_legacy_slot(meta.vault_id, legacy, passphrase), True
    if slot_file.too_many_parameter_sets():
        # Slots with odd parameters may have pushed this user's out of the sets tried: say so, name nobody.
        raise VaultTampered("keyslots.json: its slots use more Argon2id parameter sets than this application ever "
                            "writes; some were added to lock users out. Restore the vault folder from a backup")
    if not slot_file.parameter_sets():
        # Every slot is damaged: nobody's passphrase can be checked, so say so (no name is revealed by it).
        raise VaultTampered(f"keyslots.json: no slot can be read ({'; '.join(slot_file.damaged[:2])}): the file was "
                            "altered. Restore the vault folder from a backup")
    raise AuthFailed()


def _authenticate_slot(db: VaultConnection, record: UserRecord, opened: OpenedSlot, legacy: bool, vault_id: str,
                       clock: Clock) -> None:
    """The slot's keys must be the ones the database holds for this user: a slot swapped in is refused."""
    expected_slot = record.slot_public
    if opened.signing_public != record.signing_public or (expected_slot is not None
                                                           and opened.slot_public != expected_slot):
        raise VaultTampered(f"keyslots.json: the slot that opened for {record.name} is not the one this vault "
                            "recorded (it was replaced, or restored from an older copy). Ask a security officer to "
                            "reset your passphrase")
    if legacy or (record.slot_locator == opened.locator and not record.previous_locator):
        return
    if record.slot_locator and record.slot_locator != opened.locator and record.previous_locator != opened.locator:
        raise VaultTampered(f"keyslots.json: the slot that opened for {record.name} is an older one than this vault "
                            "recorded (the file was put back from an older copy). Use your current passphrase, or "
                            "ask a security officer")
    # A slot change cut short before its file was written (set back), after it (finished), or a slot the vault
    # had no locator for (made before slots were recorded, or set aside as missing and since restored).
    with db.transaction():
        users.set_slot(db, record.name, opened.slot_public, opened.locator)
        users.set_previous_locator(db, record.name, None)
        append_audit(db, vault_id, clock, record.name, record.role.value, "keyslot.settle", record.name,
                     chain.Outcome.OK, {"reason": "the slot that opened is recorded as this user's current one (a "
                                                  "change cut short, finished, or a slot found again)"})


def _open_with_any_key(paths: VaultPaths, opened: OpenedSlot) -> tuple[VaultConnection, int]:
    """Newest epoch first: during a key rotation the slot holds two keys."""
    why_not = page_macs.not_a_database(paths.database)
    if why_not:  # a file shorter than a page opens as an empty database: the schema would be built anew in it
        raise VaultDamaged(paths.root, why_not)
    for epoch in sorted(opened.db_keys, reverse=True):
        try:
            return open_database(paths.database, opened.db_keys[epoch]), epoch
        except AuthFailed:
            continue
    # The passphrase opened the slot, so this is no wrong passphrase: a key under which pages authenticate is
    # the file's own, and the page SQLCipher needs first (page 1 or the schema's) is damaged.
    if paths.database.is_file() and any(page_macs.key_fits(paths.database, key) for key in opened.db_keys.values()):
        raise VaultDamaged(paths.root, "a page read to open it, page 1 or one of the schema's, fails its "
                                       "authentication code")
    raise AuthFailed()


def _after_unlock(session: Session, slot_file: SlotFile, legacy: bool, passphrase: str, read_meta: VaultMeta,
                  notes: list[str]) -> None:
    """Convert a legacy slot, check the folder, enter recorded failures, finish an interrupted rotation, raise
    weak KDF parameters, and show an officer what the folder checks found."""
    from nia_desktop.services.rotation import finish_pending_rotation
    from nia_desktop.services.swap_policy import enforce_swap_policy
    from nia_desktop.services.vault_folder import (
        adopt_folder,
        check_folder,
        convert_legacy_slot,
        enter_failures,
        show_findings,
    )

    enforce_swap_policy(session)  # first: an officer's setting may refuse to work over unencrypted swap
    db, paths = session.db, session.vault.paths
    if not folder.has_record(db):
        adopt_folder(session, slot_file, read_meta)
    if legacy:
        slot_file = convert_legacy_slot(session, slot_file, passphrase)
    check_folder(session, slot_file, read_meta, notes)
    enter_failures(session)
    finish_pending_rotation(session, slot_file)
    slot_file = SlotFile.load(paths.keyslots)
    own = slot_file.slots.get(session.slot.locator)
    target = folder.kdf_target(db, read_meta.kdf_target)
    if own is not None and own.kdf.weaker_than(target):
        upgrade_slot_parameters(session, passphrase, target)
    if session.role is Role.OFFICER:
        show_findings(session)
    session.audit("unlock", session.name, chain.Outcome.OK, {"pid": os.getpid()})


def upgrade_slot_parameters(session: Session, passphrase: str, params: KdfParams) -> None:
    vault_id = session.vault.meta.vault_id
    with changing_own_slot(session) as slot_file:
        old = slot_file.slots.pop(session.slot.locator, None)
        if old is not None:
            new = keyslots.rewrap_slot(vault_id, session.slot, old.db_seals, passphrase, params)
            slot_file.slots[new.locator] = new
            users.set_slot(session.db, session.name, session.slot.slot_public, new.locator)
            session.audit("keyslot.upgrade", session.name,
                          details={"from": old.kdf.to_json(), "to": params.to_json()})


def verify_credentials(session: Session, name: str, passphrase: str) -> OpenedSlot:
    """Check a name and passphrase against this vault's slots (a second officer, or the user's own current
    passphrase); the slot must be the one the database recorded. AuthFailed otherwise."""
    paths, meta = session.vault.paths, session.vault.meta
    record = users.get(session.db, name)
    slot_file = SlotFile.load(paths.keyslots)
    opened, legacy = _open_slot(slot_file, meta, name, passphrase)
    if record is None or not record.active:
        raise AuthFailed()
    _authenticate_slot(session.db, record, opened, legacy, meta.vault_id, session.clock)
    return opened


def confirm_own_passphrase(session: Session, passphrase: str, action: str) -> None:
    """The signed-in user types their passphrase again before changing their own keys; a wrong one is audited."""
    try:
        verify_credentials(session, session.name, passphrase)
    except AuthFailed:
        session.audit(action, session.name, chain.Outcome.FAILED, {"reason": "current passphrase wrong"})
        raise
