"""User administration: slots destroyed on disable, key rotation, last officer, passphrases."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from nia_desktop.core.errors import AuthFailed, BadInput, PermissionRefused
from nia_desktop.core.roles import Role
from nia_desktop.core.vault.keyslots import SlotFile
from nia_desktop.services import users
from nia_desktop.services.dual_control import authenticate_witness
from nia_desktop.services.session import unlock
from tests.conftest import ANALYST, ANALYST_PASS, COURIER, COURIER_PASS, OFFICER, OFFICER_PASS
from tests.helpers import PASSPHRASE_CHANGE_CRASH


def test_add_and_list(officer) -> None:  # type: ignore[no-untyped-def]
    record = users.add_user(officer, "dora", Role.ANALYST, "dora-passphrase-1")
    assert record.role is Role.ANALYST and record.active
    assert [u.name for u in users.list_users(officer)] == [ANALYST, COURIER, "dora", OFFICER]


@pytest.mark.parametrize(("name", "passphrase"), [
    ("Dora", "dora-passphrase-1"), ("d", "dora-passphrase-1"), ("dora/x", "dora-passphrase-1"),
    ("dora", "short"), ("dora", " leading-space-pass"),
])
def test_add_rejects_bad_names_and_weak_passphrases(officer, name: str, passphrase: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BadInput):
        users.add_user(officer, name, Role.ANALYST, passphrase)


def test_duplicate_user_refused(officer) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BadInput, match="already exists"):
        users.add_user(officer, ANALYST, Role.ANALYST, "another-passphrase")


def test_disable_destroys_slot_and_rotates_key(vault_dir: Path, tmp_path: Path) -> None:
    old_slots = (vault_dir / "keyslots.json").read_bytes()
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        old_epoch = session.epoch
        users.disable_user(session, ANALYST)
        assert session.epoch == old_epoch + 1
    slot_file = SlotFile.load(vault_dir / "keyslots.json")
    assert len(slot_file.slots) == 2  # officer and courier
    assert all(set(s.db_seals) == {old_epoch + 1} for s in slot_file.slots.values())
    with pytest.raises(AuthFailed):
        unlock(vault_dir, ANALYST, ANALYST_PASS)
    # An old copy of the keyslot file opens nothing any more, for anybody.
    (vault_dir / "keyslots.json").write_bytes(old_slots)
    for user, secret in ((ANALYST, ANALYST_PASS), (OFFICER, OFFICER_PASS), (COURIER, COURIER_PASS)):
        with pytest.raises(AuthFailed):
            unlock(vault_dir, user, secret)


def test_remaining_users_still_open_after_rotation(vault_dir: Path) -> None:
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        users.disable_user(session, ANALYST)
    unlock(vault_dir, COURIER, COURIER_PASS).close()
    unlock(vault_dir, OFFICER, OFFICER_PASS).close()


def test_last_officer_cannot_be_disabled(vault_dir: Path) -> None:
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        users.add_user(session, "otto", Role.OFFICER, "otto-passphrase-1")  # the second officer: no witness yet
    with unlock(vault_dir, "otto", "otto-passphrase-1") as session:
        with pytest.raises(PermissionRefused, match="dual control"):
            users.disable_user(session, OFFICER)  # an officer is disabled only under dual control
        users.disable_user(session, OFFICER, witness=authenticate_witness(session, OFFICER, OFFICER_PASS))
        with pytest.raises(PermissionRefused, match="own account"):
            users.disable_user(session, "otto")
    # With a single officer left, no path disables them.
    with unlock(vault_dir, "otto", "otto-passphrase-1") as session:
        users.add_user(session, "olga", Role.OFFICER, "olga-passphrase-1")
    with unlock(vault_dir, "olga", "olga-passphrase-1") as session:
        with pytest.raises(PermissionRefused, match="cannot witness"):  # otto set olga's passphrase
            users.disable_user(session, "otto", witness=authenticate_witness(session, "otto", "otto-passphrase-1"))
        with pytest.raises(PermissionRefused):
            users.disable_user(session, "olga")


def test_last_active_officer_rule_counts_only_active(officer) -> None:  # type: ignore[no-untyped-def]
    users.add_user(officer, "otto", Role.OFFICER, "otto-passphrase-1")
    users.disable_user(officer, "otto", witness=authenticate_witness(officer, "otto", "otto-passphrase-1"))
    with pytest.raises(PermissionRefused, match=r"own account|last active officer"):
        users.disable_user(officer, OFFICER)


def test_reset_passphrase_gives_new_slot_and_signing_key(vault_dir: Path) -> None:
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        before = {u.name: u.fingerprint for u in users.list_users(session)}
        after = users.reset_passphrase(session, ANALYST, "anna-new-passphrase")
    assert after.fingerprint != before[ANALYST]
    with pytest.raises(AuthFailed):
        unlock(vault_dir, ANALYST, ANALYST_PASS)
    with unlock(vault_dir, ANALYST, "anna-new-passphrase") as session:
        assert users.users.get(session.db, ANALYST).fingerprint == after.fingerprint  # type: ignore[union-attr]


def test_change_own_passphrase_rewraps_only_own_slot(vault_dir: Path) -> None:
    before = SlotFile.load(vault_dir / "keyslots.json")
    with unlock(vault_dir, COURIER, COURIER_PASS) as session:
        with pytest.raises(AuthFailed):
            users.change_own_passphrase(session, "wrong-current-pass", "carl-next-passphrase")
        fingerprint = users.users.get(session.db, COURIER).fingerprint  # type: ignore[union-attr]
        users.change_own_passphrase(session, COURIER_PASS, "carl-next-passphrase")
    after = SlotFile.load(vault_dir / "keyslots.json")
    assert len(set(before.slots) - set(after.slots)) == 1 and len(set(after.slots) - set(before.slots)) == 1
    for locator in set(before.slots) & set(after.slots):
        assert after.slots[locator].to_json() == before.slots[locator].to_json()
    with pytest.raises(AuthFailed):
        unlock(vault_dir, COURIER, COURIER_PASS)
    with unlock(vault_dir, COURIER, "carl-next-passphrase") as session:
        assert users.users.get(session.db, COURIER).fingerprint == fingerprint  # type: ignore[union-attr]


CRASH_SCRIPT = """
import os, sys
from pathlib import Path
from nia_desktop.services.session import unlock
from nia_desktop.services.users import disable_user
vault, step = Path(sys.argv[1]), sys.argv[2]
session = unlock(vault, "olive", "olive-passphrase-1")
def crash(at):
    if at == step:
        os._exit(9)
disable_user(session, "anna", checkpoint=crash)
os._exit(0)
"""


@pytest.mark.parametrize("step", ["user-disabled", "slots-written", "rekeyed", "old-seals-dropped"])
def test_crash_during_disable_leaves_an_openable_vault(vault_dir: Path, step: str, tmp_path: Path) -> None:
    """A real process death at each step of disable+rotate; the remaining users can open."""
    old_slots = tmp_path / "old-keyslots.json"
    shutil.copy2(vault_dir / "keyslots.json", old_slots)
    result = subprocess.run([sys.executable, "-c", CRASH_SCRIPT, str(vault_dir), step],
                            capture_output=True, check=False)
    assert result.returncode == 9, result.stderr.decode()
    with unlock(vault_dir, COURIER, COURIER_PASS) as session:  # recovery finishes the rotation
        assert session.db.query("PRAGMA integrity_check") == [("ok",)]
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        record = users.users.get(session.db, ANALYST)
        assert record is not None and not record.active
    slot_file = SlotFile.load(vault_dir / "keyslots.json")
    assert len(slot_file.slots) == 2  # officer and courier
    assert len({e for s in slot_file.slots.values() for e in s.db_seals}) == 1
    with pytest.raises(AuthFailed):
        unlock(vault_dir, ANALYST, ANALYST_PASS)
    shutil.copy2(old_slots, vault_dir / "keyslots.json")  # the pre-disable slots open nothing now
    with pytest.raises(AuthFailed):
        unlock(vault_dir, ANALYST, ANALYST_PASS)


ADD_CRASH = """
import os, sys
from pathlib import Path
from nia_desktop.core.roles import Role
import nia_desktop.services.users as service
from nia_desktop.services.session import unlock
from nia_desktop.services.users import add_user
vault = Path(sys.argv[1])
session = unlock(vault, "olive", "olive-passphrase-1")
real_save = service.write_slot_file
def save_then_die(db, paths, slot_file):
    real_save(db, paths, slot_file)
    os._exit(9)
service.write_slot_file = save_then_die
add_user(session, "dora", Role.ANALYST, "dora-passphrase-1")
"""


def test_crash_while_adding_a_user_leaves_an_openable_vault(vault_dir: Path) -> None:
    result = subprocess.run([sys.executable, "-c", ADD_CRASH, str(vault_dir)], capture_output=True, check=False)
    assert result.returncode == 9, result.stderr.decode()
    unlock(vault_dir, OFFICER, OFFICER_PASS).close()
    with pytest.raises(AuthFailed):  # the slot landed but the user row did not: it opens nothing
        unlock(vault_dir, "dora", "dora-passphrase-1")
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:  # and the name can be used again
        users.add_user(session, "dora", Role.ANALYST, "dora-passphrase-2")
    unlock(vault_dir, "dora", "dora-passphrase-2").close()


@pytest.mark.parametrize(("when", "works"), [("before", COURIER_PASS), ("after", "carl-passphrase-new")])
def test_crash_during_passphrase_change(vault_dir: Path, when: str, works: str) -> None:
    result = subprocess.run([sys.executable, "-c", PASSPHRASE_CHANGE_CRASH, str(vault_dir), COURIER, COURIER_PASS,
                             "carl-passphrase-new", when], capture_output=True, check=False)
    assert result.returncode == 9, result.stderr.decode()
    unlock(vault_dir, COURIER, works).close()
    unlock(vault_dir, OFFICER, OFFICER_PASS).close()
