"""User administration (officer) and a user's own passphrase.

Every change to a slot goes with its database record in one transaction: the
slot's public keys and locator are what later authenticate keyslots.json
(core/vault/folder.py). A disabled user's key, and a user's key replaced by a
reset, are revoked on this workstation at once (and travel as revocations in
keys bundles).
"""

from __future__ import annotations

from nia_desktop.core.classification import Level
from nia_desktop.core.clock import iso_utc
from nia_desktop.core.errors import BadInput, PermissionRefused
from nia_desktop.core.names import check_new_passphrase, check_user_name
from nia_desktop.core.roles import Action, Role
from nia_desktop.core.signing import public_pem
from nia_desktop.core.store import trust, users
from nia_desktop.core.store.users import UserRecord
from nia_desktop.core.vault import folder, keyslots
from nia_desktop.core.vault.keyslots import SlotFile
from nia_desktop.core.vault.layout import exclusive
from nia_desktop.services.dual_control import Witness, require_witness
from nia_desktop.services.progress import Progress, no_progress
from nia_desktop.services.rotation import Checkpoint, _no_checkpoint, rotate_database_key
from nia_desktop.services.session import Session, changing_own_slot, confirm_own_passphrase, write_slot_file


def list_users(session: Session) -> list[UserRecord]:
    session.require(Action.USER_LIST)
    return users.all_users(session.db)


def add_user(session: Session, name: str, role: Role, passphrase: str, witness: Witness | None = None,
             clearance: Level | None = None) -> UserRecord:
    """A new user with their own slot and signing key, sealed to the current database key.

    A new officer needs a second officer's witness once two exist; the vault's first second officer (added
    while only its first officer exists) is the bootstrap of dual control and is marked so (docs/security.md).
    """
    session.require(Action.USER_ADD, name)
    check_user_name(name)
    check_new_passphrase(passphrase)
    if users.get(session.db, name) is not None:
        raise BadInput(f"a user named {name} already exists")
    bootstrap = False
    if role is Role.OFFICER:
        require_witness(session, witness, f"adding officer {name}")
        # Only the vault's first second officer: a lone officer left later can add another, but not an
        # independent one (they could have typed both passphrases).
        ever = sum(1 for u in users.all_users(session.db) if u.role is Role.OFFICER)
        bootstrap = ever == 1 and witness is None
    paths, meta = session.vault.paths, session.vault.meta
    target = folder.kdf_target(session.db, meta.kdf_target)
    with exclusive(paths), session.db.transaction():
        slot_file = SlotFile.load(paths.keyslots)
        slot, opened = keyslots.create_slot(meta.vault_id, name, passphrase, target, {session.epoch: session.db_key})
        users.insert(session.db, name, role, iso_utc(session.clock.now()), session.name, opened.signing_public,
                     opened.slot_public, slot.locator, None, bootstrap=bootstrap, clearance=clearance)
        record = users.get(session.db, name)
        assert record is not None
        session.audit("user.add", name, details={
            "role": role.value, "clearance": record.clearance.english,
            "fingerprint": record.fingerprint, "witness": witness.name if witness else None,
            "bootstrap_second_officer": bootstrap})
        slot_file.slots[slot.locator] = slot
        # The slot file is written last inside the transaction: if it fails, the user row rolls back.
        write_slot_file(session.db, paths, slot_file)
    return record


def _revoke_old_key(session: Session, record: UserRecord, why: str) -> None:
    """Inside a transaction: the user's current signing key is revoked on this workstation."""
    trust.revoke_any(session.db, record.fingerprint, f"{record.name} ({why})", record.role.value,
                     public_pem(record.public_key).decode("ascii"), session.name, iso_utc(session.clock.now()))


def disable_user(session: Session, name: str, progress: Progress = no_progress,
                 checkpoint: Checkpoint = _no_checkpoint, witness: Witness | None = None) -> None:
    """Revoke the user's key, destroy their slot and rotate the database key so no old copy opens it."""
    session.require(Action.USER_DISABLE, name)
    record = users.get(session.db, name)
    if record is None or not record.active:
        raise BadInput(f"there is no active user named {name}")
    if name == session.name:
        raise PermissionRefused("refused: ask another officer to disable your own account")
    if record.role is Role.OFFICER:
        if users.count_active(session.db, Role.OFFICER) <= 1:
            raise PermissionRefused("refused: the last active officer cannot be disabled")
        require_witness(session, witness, f"disabling officer {name}")
    with session.db.transaction():
        users.disable(session.db, name, iso_utc(session.clock.now()))
        _revoke_old_key(session, record, "disabled")
        session.audit("user.disable", name, details={"role": record.role.value, "revoked": record.fingerprint})
    checkpoint("user-disabled")
    rotate_database_key(session, progress, checkpoint, reason=f"disabled {name}")


def reset_passphrase(session: Session, name: str, new_passphrase: str,
                     witness: Witness | None = None) -> UserRecord:
    """Officer reset: a new slot and a new signing key; the old key is revoked, and the officer who set the new
    passphrase is recorded (they can never be this user's second person)."""
    session.require(Action.USER_RESET_PASSPHRASE, name)
    check_new_passphrase(new_passphrase)
    record = users.get(session.db, name)
    if record is None or not record.active:
        raise BadInput(f"there is no active user named {name}")
    if name == session.name:
        raise BadInput("use 'change passphrase' for your own account")
    if record.role is Role.OFFICER:
        require_witness(session, witness, f"resetting officer {name}'s passphrase")
    paths, meta = session.vault.paths, session.vault.meta
    target = folder.kdf_target(session.db, meta.kdf_target)
    with exclusive(paths), session.db.transaction():
        slot_file = SlotFile.load(paths.keyslots)
        slot, opened = keyslots.create_slot(meta.vault_id, name, new_passphrase, target,
                                            {session.epoch: session.db_key})
        slot_file.slots.pop(record.slot_locator or "", None)
        slot_file.legacy.pop(name, None)
        _revoke_old_key(session, record, "passphrase reset")
        users.set_credentials(session.db, name, opened.signing_public, opened.slot_public, slot.locator,
                              session.name, iso_utc(session.clock.now()))
        updated = users.get(session.db, name)
        assert updated is not None
        session.audit("user.reset_passphrase", name, details={
            "old_fingerprint": record.fingerprint, "new_fingerprint": updated.fingerprint,
            "witness": witness.name if witness else None})
        slot_file.slots[slot.locator] = slot
        write_slot_file(session.db, paths, slot_file)
    return updated


def change_own_passphrase(session: Session, current: str, new: str) -> None:
    """Rewrap this user's slot only; the keys inside it stay the same."""
    session.require(Action.OWN_PASSPHRASE_CHANGE, session.name)
    check_new_passphrase(new)
    meta = session.vault.meta
    confirm_own_passphrase(session, current, "self.passphrase_change")
    with changing_own_slot(session) as slot_file:
        old = slot_file.slots.pop(session.slot.locator, None)
        legacy = slot_file.legacy.pop(session.name, None)
        seals = old.db_seals if old is not None else legacy.db_seals if legacy is not None else {}
        if not seals:
            raise BadInput("your keyslot is missing from keyslots.json: ask an officer to reset your passphrase")
        params = max(old.kdf if old else legacy.kdf if legacy else meta.kdf_target,
                     folder.kdf_target(session.db, meta.kdf_target))
        new_slot = keyslots.rewrap_slot(meta.vault_id, session.slot, seals, new, params)
        slot_file.slots[new_slot.locator] = new_slot
        users.set_slot(session.db, session.name, session.slot.slot_public, new_slot.locator)
        session.audit("self.passphrase_change", session.name)
