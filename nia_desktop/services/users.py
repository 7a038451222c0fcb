"""User administration (officer) and a user's own passphrase."""

from __future__ import annotations

from nia_desktop.core.clock import iso_utc
from nia_desktop.core.errors import AuthFailed, BadInput, PermissionRefused
from nia_desktop.core.names import check_new_passphrase, check_user_name
from nia_desktop.core.roles import Action, Role
from nia_desktop.core.store import users
from nia_desktop.core.store.users import UserRecord
from nia_desktop.core.vault import keyslots
from nia_desktop.core.vault.keyslots import SlotFile
from nia_desktop.core.vault.layout import exclusive
from nia_desktop.services.progress import Progress, no_progress
from nia_desktop.services.rotation import Checkpoint, _no_checkpoint, rotate_database_key
from nia_desktop.services.session import Session


def list_users(session: Session) -> list[UserRecord]:
    session.require(Action.USER_LIST)
    return users.all_users(session.db)


def add_user(session: Session, name: str, role: Role, passphrase: str) -> UserRecord:
    """A new user with their own slot and signing key, sealed to the current database key."""
    session.require(Action.USER_ADD, name)
    check_user_name(name)
    check_new_passphrase(passphrase)
    if users.get(session.db, name) is not None:
        raise BadInput(f"a user named {name} already exists")
    paths, meta = session.vault.paths, session.vault.meta
    with exclusive(paths), session.db.transaction():
        slot_file = SlotFile.load(paths.keyslots)
        slot = keyslots.create_slot(meta.vault_id, name, passphrase, meta.kdf_target,
                                    {session.epoch: session.db_key})
        users.insert(session.db, name, role, iso_utc(session.clock.now()), session.name, slot.signing_public)
        record = users.get(session.db, name)
        assert record is not None
        session.audit("user.add", name, details={"role": role.value, "fingerprint": record.fingerprint})
        slot_file.slots[name] = slot
        # The slot file is written last inside the transaction: if it fails, the user row rolls back.
        slot_file.save(paths.keyslots)
    return record


def disable_user(session: Session, name: str, progress: Progress = no_progress,
                 checkpoint: Checkpoint = _no_checkpoint) -> None:
    """Destroy the user's slot and rotate the database key so no old copy opens it."""
    session.require(Action.USER_DISABLE, name)
    record = users.get(session.db, name)
    if record is None or not record.active:
        raise BadInput(f"there is no active user named {name}")
    if name == session.name:
        raise PermissionRefused("refused: ask another officer to disable your own account")
    if record.role is Role.OFFICER and users.count_active(session.db, Role.OFFICER) <= 1:
        raise PermissionRefused("refused: the last active officer cannot be disabled")
    with session.db.transaction():
        users.disable(session.db, name, iso_utc(session.clock.now()))
        session.audit("user.disable", name, details={"role": record.role.value})
    checkpoint("user-disabled")
    rotate_database_key(session, progress, checkpoint, reason=f"disabled {name}")


def reset_passphrase(session: Session, name: str, new_passphrase: str) -> UserRecord:
    """Officer reset: a new slot and a new signing key (the old one stays unreadable to anyone)."""
    session.require(Action.USER_RESET_PASSPHRASE, name)
    check_new_passphrase(new_passphrase)
    record = users.get(session.db, name)
    if record is None or not record.active:
        raise BadInput(f"there is no active user named {name}")
    if name == session.name:
        raise BadInput("use 'change passphrase' for your own account")
    paths, meta = session.vault.paths, session.vault.meta
    with exclusive(paths), session.db.transaction():
        slot_file = SlotFile.load(paths.keyslots)
        slot = keyslots.create_slot(meta.vault_id, name, new_passphrase, meta.kdf_target,
                                    {session.epoch: session.db_key})
        users.set_signing_public(session.db, name, slot.signing_public)
        updated = users.get(session.db, name)
        assert updated is not None
        session.audit("user.reset_passphrase", name, details={
            "old_fingerprint": record.fingerprint, "new_fingerprint": updated.fingerprint})
        slot_file.slots[name] = slot
        slot_file.save(paths.keyslots)
    return updated


def change_own_passphrase(session: Session, current: str, new: str) -> None:
    """Rewrap this user's slot only; the keys inside it stay the same."""
    session.require(Action.OWN_PASSPHRASE_CHANGE, session.name)
    check_new_passphrase(new)
    paths, meta = session.vault.paths, session.vault.meta
    with exclusive(paths):
        slot_file = SlotFile.load(paths.keyslots)
        old = slot_file.slots[session.name]
        try:
            keyslots.open_slot(meta.vault_id, old, current)
        except AuthFailed:
            session.audit("self.passphrase_change", session.name, "failed",
                          {"reason": "current passphrase wrong"})
            raise
        params = max(old.kdf, meta.kdf_target)
        slot_file.slots[session.name] = keyslots.rewrap_slot(meta.vault_id, session.slot, old, new, params)
        slot_file.save(paths.keyslots)
    session.audit("self.passphrase_change", session.name)
