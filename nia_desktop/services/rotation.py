"""Database key rotation (SQLCipher rekey) and its crash recovery.

The new key is sealed only to the slot public keys the database holds for
active users: a slot or key read from keyslots.json alone never receives it.
Order of writes, each step leaving a vault the remaining users can open:

1. the database records the rotation as pending, and the keyslot file gains a
   seal of the new key in every active user's slot (old seals kept) and loses
   every other slot (disabled users', and any the database does not know);
2. ``PRAGMA rekey`` re-encrypts every page in one SQLCipher transaction;
3. the keyslot file drops the old seals; the database records the new epoch.

A crash after 1 leaves slots that open the old key (the database still uses
it); a crash after 2 leaves slots that open the new one. The next unlock
finishes the job (:func:`finish_pending_rotation`), guided by what the
database recorded, never by epochs found in the file.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from nia_desktop.core.store import users
from nia_desktop.core.vault import keyslots
from nia_desktop.core.vault.keyslots import SlotFile
from nia_desktop.core.vault.layout import exclusive
from nia_desktop.services.progress import Progress, no_progress
from nia_desktop.services.session import Session, write_slot_file

Checkpoint = Callable[[str], None]
PENDING = "rotation_pending"
EPOCH = "epoch"


def _no_checkpoint(step: str) -> None:
    """Tests pass a checkpoint that crashes the process at a named step."""


def _meta(session: Session, key: str) -> int | None:
    rows = session.db.query("SELECT value FROM vault_meta WHERE key = ?", (key,))
    return int(rows[0][0]) if rows else None


def _set_meta(session: Session, key: str, value: int | None) -> None:
    if value is None:
        session.db.execute("DELETE FROM vault_meta WHERE key = ?", (key,))
    else:
        session.db.execute("INSERT INTO vault_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
                           "value = excluded.value", (key, str(value)))


def rotate_database_key(session: Session, progress: Progress = no_progress,
                        checkpoint: Checkpoint = _no_checkpoint, reason: str = "") -> int:
    """Re-key the database under a fresh random key; returns the new epoch."""
    paths, vault_id, db = session.vault.paths, session.vault.meta.vault_id, session.db
    with exclusive(paths):
        current = SlotFile.load(paths.keyslots)
        new_key = os.urandom(32)
        new_epoch = max(session.epoch, _meta(session, PENDING) or 0, _meta(session, EPOCH) or 0) + 1
        kept = SlotFile(vault_id)
        for user in users.all_users(db):
            if not user.active or user.slot_public is None:
                continue
            slot = current.slots.get(user.slot_locator or "")
            if slot is not None:
                keyslots.seal_db_key(vault_id, user.name, slot, user.slot_public, new_epoch, new_key)
                kept.slots[slot.locator] = slot
            legacy = current.legacy.get(user.name)
            if legacy is not None and legacy.slot_public == user.slot_public:
                keyslots.seal_db_key(vault_id, user.name, legacy, user.slot_public, new_epoch, new_key)
                kept.legacy[user.name] = legacy
        removed = len(current.slots) + len(current.legacy) - len(kept.slots) - len(kept.legacy)
        with db.transaction():
            _set_meta(session, PENDING, new_epoch)
            write_slot_file(db, paths, kept)
            session.audit("vault.rekey.start", f"epoch {new_epoch}", details={"removed_slots": removed,
                                                                            "reason": reason})
        checkpoint("slots-written")
        _rekey(session, new_key, new_epoch, progress)
        checkpoint("rekeyed")
        _finish(session, kept, new_epoch, {"removed_slots": removed, "reason": reason})
        checkpoint("old-seals-dropped")
    return new_epoch


def _finish(session: Session, slot_file: SlotFile, epoch: int, details: dict[str, object]) -> None:
    """The rotation's end and its audit entry, in one transaction (its start was audited with the pending mark:
    a crash in between is finished, and audited, by the next unlock)."""
    for slot in slot_file.slots.values():
        slot.db_seals = {e: s for e, s in slot.db_seals.items() if e == epoch}
    for legacy in slot_file.legacy.values():
        legacy.db_seals = {e: s for e, s in legacy.db_seals.items() if e == epoch}
    with session.db.transaction():
        _set_meta(session, PENDING, None)
        _set_meta(session, EPOCH, epoch)
        write_slot_file(session.db, session.vault.paths, slot_file)
        session.audit("vault.rekey", f"epoch {epoch}", details=details)


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


def finish_pending_rotation(session: Session, slot_file: SlotFile) -> None:
    """Complete whatever an interrupted disable or rotation left undone, as the database recorded it."""
    pending = _meta(session, PENDING)
    if pending is not None:
        if session.epoch < pending:
            # The new key never reached the database: start again with a fresh one.
            rotate_database_key(session, reason="finishing an interrupted rotation")
            return
        with exclusive(session.vault.paths):
            _finish(session, SlotFile.load(session.vault.paths.keyslots), session.epoch,
                    {"reason": "finishing an interrupted rotation"})
        return
    if _meta(session, EPOCH) is None:
        with session.db.transaction():
            _set_meta(session, EPOCH, session.epoch)
    disabled = [u for u in users.all_users(session.db) if not u.active]
    left = [slot_file.slots.get(u.slot_locator or "") or slot_file.legacy.get(u.name) for u in disabled]
    if any(slot is not None and session.epoch in slot.db_seals for slot in left):
        # A disabled user's slot survived a crash and holds a seal of the current key: rotate. One put back from
        # an older copy holds only older epochs: it opens nothing, is a finding, and is removed by the officer.
        rotate_database_key(session, reason="finishing an interrupted disable")



