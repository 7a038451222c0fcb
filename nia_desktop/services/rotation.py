"""Database key rotation (SQLCipher rekey) and its crash recovery.

Order of writes, each step leaving a vault the remaining users can open:

1. the keyslot file gains a seal of the new key for every remaining slot
   (old seals kept) and loses the slots of disabled users;
2. ``PRAGMA rekey`` re-encrypts every page in one SQLCipher transaction;
3. the keyslot file drops the old seals.

A crash after 1 leaves slots that open the old key (the database still uses
it); a crash after 2 leaves slots that open the new one. The next unlock
finishes the job (:func:`finish_pending_rotation`).
"""

from __future__ import annotations

import os
from collections.abc import Callable

from nia_desktop.core import audit as chain
from nia_desktop.core.store import users
from nia_desktop.core.vault import keyslots
from nia_desktop.core.vault.keyslots import SlotFile
from nia_desktop.core.vault.layout import exclusive
from nia_desktop.services.progress import Progress, no_progress
from nia_desktop.services.session import Session

Checkpoint = Callable[[str], None]


def _no_checkpoint(step: str) -> None:
    """Tests pass a checkpoint that crashes the process at a named step."""


def rotate_database_key(session: Session, progress: Progress = no_progress,
                        checkpoint: Checkpoint = _no_checkpoint, reason: str = "") -> int:
    """Re-key the database under a fresh random key; returns the new epoch."""
    paths, vault_id = session.vault.paths, session.vault.meta.vault_id
    with exclusive(paths):
        slot_file = SlotFile.load(paths.keyslots)
        active = {u.name for u in users.all_users(session.db) if u.active}
        removed = sorted(set(slot_file.slots) - active)
        for name in removed:
            del slot_file.slots[name]
        new_key = os.urandom(32)
        new_epoch = max([slot_file.epoch, session.epoch, *_epochs(slot_file)]) + 1
        for slot in slot_file.slots.values():
            keyslots.seal_db_key(vault_id, slot, new_epoch, new_key)
        slot_file.epoch = new_epoch
        slot_file.save(paths.keyslots)
        checkpoint("slots-written")
        _rekey(session, new_key, new_epoch, progress)
        checkpoint("rekeyed")
        _drop_old_seals(slot_file, new_epoch)
        slot_file.save(paths.keyslots)
        checkpoint("old-seals-dropped")
    session.audit("vault.rekey", f"epoch {new_epoch}", details={"removed_slots": removed, "reason": reason})
    return new_epoch


def _epochs(slot_file: SlotFile) -> set[int]:
    return {e for slot in slot_file.slots.values() for e in slot.db_seals}


def _rekey(session: Session, new_key: bytes, new_epoch: int, progress: Progress) -> None:
    pages = int(session.db.pragma("page_count") or 0)
    ticks = [0]

    def tick() -> int:
        ticks[0] += 1
        # SQLCipher gives no page count during rekey; VM steps are a fair proxy.
        progress(min(ticks[0], max(pages, 1)), max(pages, 1), "Re-encrypting the database")
        return 0

    session.db.rekey(new_key, tick)
    session.slot.db_keys[new_epoch] = new_key
    session.epoch = new_epoch
    progress(max(pages, 1), max(pages, 1), "Re-encrypted")


def _drop_old_seals(slot_file: SlotFile, keep: int) -> None:
    for slot in slot_file.slots.values():
        slot.db_seals = {e: s for e, s in slot.db_seals.items() if e == keep}


def finish_pending_rotation(session: Session) -> None:
    """Complete whatever an interrupted disable or rotation left undone."""
    paths = session.vault.paths
    slot_file = SlotFile.load(paths.keyslots)
    active = {u.name for u in users.all_users(session.db) if u.active}
    if set(slot_file.slots) - active:
        # A disabled user's slot survived a crash: it opens the current key, so rotate.
        rotate_database_key(session, reason="finishing an interrupted disable")
        return
    epochs = _epochs(slot_file)
    if epochs == {session.epoch} and slot_file.epoch == session.epoch:
        return
    if slot_file.epoch > session.epoch and slot_file.epoch not in session.slot.db_keys:
        rotate_database_key(session, reason="finishing an interrupted rotation")
        return
    with exclusive(paths):
        slot_file = SlotFile.load(paths.keyslots)
        target = slot_file.epoch
        if session.epoch < target and target in session.slot.db_keys:
            _rekey(session, session.slot.db_keys[target], target, no_progress)
        _drop_old_seals(slot_file, session.epoch)
        slot_file.epoch = session.epoch
        slot_file.save(paths.keyslots)
    session.audit("vault.rekey", f"epoch {session.epoch}", chain.Outcome.OK,
                  {"reason": "finishing an interrupted rotation"})
