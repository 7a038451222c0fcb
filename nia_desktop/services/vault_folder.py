"""What an unlock checks in the vault folder, and what it tells the officer (core/vault/folder.py holds the rules).

Run by services/session.py once the database is open and the user's own slot
is authenticated: the first unlock by this build adopts the folder as it is;
a version 1 slot is converted; every difference between the folder and what
the database recorded becomes a finding, shown once to the next officer, whose
unlock then rewrites the folder from the database; failed unlocks recorded
beside the vault enter the audit log.
"""

from __future__ import annotations

from nia_desktop.core import audit as chain
from nia_desktop.core.clock import iso_utc
from nia_desktop.core.store import users
from nia_desktop.core.vault import failures, folder, keyslots
from nia_desktop.core.vault.kdf import FLOOR
from nia_desktop.core.vault.keyslots import SlotFile
from nia_desktop.core.vault.layout import VaultMeta, exclusive, read_folder_file
from nia_desktop.services.session import (
    UNAUTHENTICATED,
    Session,
    append_audit,
    changing_own_slot,
    write_slot_file,
    write_vault_meta,
)


def adopt_folder(session: Session, slot_file: SlotFile, read_meta: VaultMeta) -> None:
    """The first unlock by a build that authenticates the folder: record what it holds now (trust on first use),
    and the public keys of slots not yet converted (docs/security.md)."""
    db = session.db
    adopted = []
    with db.transaction():
        folder.record_meta(db, VaultMeta(read_meta.vault_id, read_meta.name, read_meta.created,
                                         max(read_meta.kdf_target, FLOOR)))
        for name in folder.AUTHENTICATED_FILES:
            path = session.vault.paths.root / name
            if path.is_file() and not path.is_symlink():
                folder.record_file(db, name, read_folder_file(path))
        for user in users.all_users(db):
            old = slot_file.legacy.get(user.name)
            if user.slot_public is None and old is not None and old.signing_public == user.signing_public:
                users.set_slot(db, user.name, old.slot_public, "")
                adopted.append(user.name)
        session.audit("vault.folder_adopt", session.vault.name, details={
            "files": list(folder.AUTHENTICATED_FILES), "slot_keys_taken_from_file": adopted})


def convert_legacy_slot(session: Session, slot_file: SlotFile, passphrase: str) -> SlotFile:
    """A version 1 slot becomes an anonymous one: the same keys, found by name and passphrase together."""
    db, vault_id = session.db, session.vault.meta.vault_id
    with changing_own_slot(session) as current:
        old = current.legacy.pop(session.name, None)
        if old is not None:
            params = max(old.kdf, folder.kdf_target(db, session.vault.meta.kdf_target))
            new = keyslots.rewrap_slot(vault_id, session.slot, old.db_seals, passphrase, params)
            current.slots[new.locator] = new
            users.set_slot(db, session.name, session.slot.slot_public, new.locator)
            session.audit("keyslot.convert", session.name, details={"to_version": keyslots.VERSION})
    return current


def check_folder(session: Session, slot_file: SlotFile, read_meta: VaultMeta, notes: list[str]) -> None:
    """Every way the folder differs from what the database recorded becomes a finding an officer is shown."""
    db = session.db
    found = [*notes, *read_meta.problems, *folder.compare_files(db, session.vault.paths, read_meta)]
    found += [f"keyslots.json: {item}" for item in slot_file.damaged]
    known = {loc: u for u in users.all_users(db) for loc in (u.slot_locator, u.previous_locator) if loc}
    unknown = sorted(set(slot_file.slots) - set(known))
    if unknown:  # one finding however many: a flood of forged slots must not flood the log
        found.append(f"keyslots.json: {len(unknown)} slot(s) this vault does not know (id {unknown[0][:8]}…"
                     f"{' and others' if len(unknown) > 1 else ''}) were added; they are never used and are removed "
                     "at the next officer unlock")
    for user in users.all_users(db):
        mine = {user.slot_locator, user.previous_locator} - {None, ""}
        if user.active and mine and not mine & set(slot_file.slots) and user.name not in slot_file.legacy:
            found.append(f"keyslots.json: the slot of user {user.name} is missing or damaged; {user.name} cannot "
                         "unlock until an officer resets their passphrase")
    for user in users.all_users(db):
        if not user.active and user.slot_locator and user.slot_locator in slot_file.slots:
            found.append(f"keyslots.json: the slot of {user.name}, who is disabled, is back in the file (put back "
                         "from an older copy); it opens nothing and is removed at the next officer unlock")
    for name in sorted(set(slot_file.legacy) - {u.name for u in users.all_users(db) if u.active}):
        found.append(f"keyslots.json: a legacy slot names {name!r}, who is not an active user of this vault")
    if not found:
        return
    already = {f.message for f in folder.unseen(db)}
    now = iso_utc(session.clock.now())
    with db.transaction():
        for message in found:
            if message in already:
                continue
            folder.flag(db, now, session.name, message)
            session.audit("vault.folder_check", message.split(":")[0].split(" ")[0], chain.Outcome.FAILED,
                          {"finding": message})


def show_findings(session: Session) -> None:
    """An officer is told what earlier unlocks found, once; the folder is then rewritten from the database."""
    db, paths = session.db, session.vault.paths
    findings = folder.unseen(db)
    if not findings:
        return
    session.notices = [f"{f.found_at[:16].replace('T', ' ')} UTC, at {f.found_by}'s unlock: {f.message}"
                       for f in findings]
    with exclusive(paths), db.transaction():
        folder.mark_shown(db, [f.id for f in findings], session.name, iso_utc(session.clock.now()))
        current = SlotFile.load(paths.keyslots)
        known = {loc for u in users.all_users(db) if u.active for loc in (u.slot_locator, u.previous_locator) if loc}
        active = {u.name for u in users.all_users(db) if u.active}
        dropped = sorted(set(current.slots) - known)
        for user in users.all_users(db):
            if user.active and user.slot_public and user.slot_locator and user.slot_locator not in current.slots:
                # Told once: the user has no slot until an officer resets their passphrase.
                users.set_slot(db, user.name, user.slot_public, "")
        repaired = SlotFile(current.vault_id, {k: v for k, v in current.slots.items() if k in known},
                           {k: v for k, v in current.legacy.items() if k in active})
        write_slot_file(db, paths, repaired)
        write_vault_meta(db, paths, session.vault.meta)
        session.audit("vault.folder_repair", session.vault.name, details={
            "findings": len(findings), "unknown_slots_removed": len(dropped)})


def enter_failures(session: Session) -> None:
    """Failed attempts since the last unlock, attributed by name tag, never by what was typed."""
    db, paths, vault_id = session.db, session.vault.paths, session.vault.meta.vault_id
    pending = failures.load(paths)
    if not pending:
        return
    tags, missing = {}, {}
    for user in users.all_users(db):
        tag = user.name_tag
        if tag is None:
            tag = missing[user.name] = failures.name_tag(vault_id, user.name)
        tags[tag] = user.name
    with db.transaction():  # the tags a name is recognised by are kept with the entries that used them
        for name, tag in missing.items():
            users.set_name_tag(db, name, tag)
        for failure in pending:
            append_audit(db, vault_id, session.clock, UNAUTHENTICATED, "none", "unlock",
                         failures.attempted(failure, tags), chain.Outcome.FAILED, {"at": failure.time})
        failures.clear(paths)
