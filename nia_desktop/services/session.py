"""Unlocking a vault and the Session that every other service takes.

A Session is one user's open vault: the database connection, their role,
their signing key, and the two duties every action shares: the policy check
(refusals are audited) and the audit entry.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from nia_desktop.core import audit as chain
from nia_desktop.core import policy
from nia_desktop.core.atomic import atomic_write
from nia_desktop.core.clock import Clock, SystemClock, iso_utc
from nia_desktop.core.errors import AuthFailed, PermissionRefused
from nia_desktop.core.roles import Action, Role
from nia_desktop.core.signing import SigningContext
from nia_desktop.core.store import audit_log, schema, users, workstation_keys
from nia_desktop.core.store.users import UserRecord
from nia_desktop.core.vault import failures, keyslots
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
    # The latest full fusion of every report, kept while the session lasts so that imports can be fused
    # into it one report at a time (services/fusion.py). Never written anywhere.
    fusion_index: Any = None

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
        """Sign the chain head, keep it in the database and in the anchor file."""
        with self.db.transaction():
            last = audit_log.last(self.db)
            seq = last.seq if last else 0
            head = last.hash if last else chain.genesis_hash(self.vault.meta.vault_id)
            signed = chain.sign_head(workstation_keys.audit_key(self.db), SigningContext.AUDIT_HEAD,
                                     self.vault.meta.vault_id, seq, head, iso_utc(self.clock.now()))
            audit_log.add_seal(self.db, signed)
        write_anchor(self.vault.paths, signed)
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


def write_anchor(paths: VaultPaths, head: chain.SignedHead) -> None:
    atomic_write(paths.anchor, json.dumps(head.to_json(), sort_keys=True).encode("utf-8"))


def unlock(root: Path, user: str, passphrase: str, clock: Clock | None = None) -> Session:
    """Open the vault as ``user``. Any wrong detail is the same AuthFailed."""
    clock = clock or SystemClock()
    vault = Vault.at(root)
    paths, meta = vault.paths, vault.meta
    clock.sleep(failures.delay_for(len(failures.load(paths))))
    slot_file = SlotFile.load(paths.keyslots)
    if slot_file.vault_id != meta.vault_id:
        raise AuthFailed()
    slot = slot_file.slots.get(user)
    try:
        if slot is None:
            keyslots.burn_kdf(meta.vault_id, user, passphrase, meta.kdf_target)
            raise AuthFailed()
        opened = keyslots.open_slot(meta.vault_id, slot, passphrase)
        db, epoch = _open_with_any_key(paths, opened)
    except AuthFailed:
        failures.record(paths, iso_utc(clock.now()), user, meta.failure_log_public)
        raise
    try:
        schema.migrate(db)
        record = users.get(db, user)
        if record is None or not record.active:
            failures.record(paths, iso_utc(clock.now()), user, meta.failure_log_public)
            raise AuthFailed()
        session = Session(vault, record, db, opened, epoch, clock)
        _after_unlock(session, slot, passphrase)
    except BaseException:
        db.close()
        raise
    return session


def _open_with_any_key(paths: VaultPaths, opened: OpenedSlot) -> tuple[VaultConnection, int]:
    """Newest epoch first: during a key rotation the slot holds two keys."""
    for epoch in sorted(opened.db_keys, reverse=True):
        try:
            return open_database(paths.database, opened.db_keys[epoch]), epoch
        except AuthFailed:
            continue
    raise AuthFailed()


def _after_unlock(session: Session, slot: keyslots.Slot, passphrase: str) -> None:
    """Enter recorded failures, finish an interrupted rotation, raise weak KDF parameters."""
    from nia_desktop.services.rotation import finish_pending_rotation

    paths, meta = session.vault.paths, session.vault.meta
    pending = failures.load(paths)
    if pending:
        private = workstation_keys.failure_log_key(session.db)
        for failure in pending:
            attempted = failures.reveal(failure, private) if private else "(not recorded)"
            append_audit(session.db, meta.vault_id, session.clock, UNAUTHENTICATED, "none", "unlock",
                         attempted, chain.Outcome.FAILED, {"at": failure.time})
        failures.clear(paths)
    finish_pending_rotation(session)
    if slot.kdf.weaker_than(meta.kdf_target):
        upgrade_slot_parameters(session, passphrase, meta.kdf_target)
    session.audit("unlock", session.name, chain.Outcome.OK, {"pid": os.getpid()})


def upgrade_slot_parameters(session: Session, passphrase: str, params: KdfParams) -> None:
    paths, vault_id = session.vault.paths, session.vault.meta.vault_id
    with exclusive(paths):
        slot_file = SlotFile.load(paths.keyslots)
        old = slot_file.slots[session.name]
        slot_file.slots[session.name] = keyslots.rewrap_slot(vault_id, session.slot, old, passphrase, params)
        slot_file.save(paths.keyslots)
    session.audit("keyslot.upgrade", session.name, details={
        "from": old.kdf.to_json(), "to": params.to_json()})
