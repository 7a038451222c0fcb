"""Rollback of security state (issue 10, point 2): SQLCipher authenticates pages, not their age.

The review wrote back one older 4 KiB page of vault.db, taken before `nia trust
revoke`, and the revocation was silently undone. Here every page that the
revocation changed is written back in turn, then the whole older database; an
older keyslots.json after a passphrase reset too. Each must be refused or
leave the revocation in force, never pass silently.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from nia_desktop.core.errors import AuthFailed, NiaError, VaultTampered
from nia_desktop.core.signing import fingerprint, public_pem
from nia_desktop.core.store import trust as trust_store
from nia_desktop.core.vault.keyslots import SlotFile
from nia_desktop.services import settings, trust, users
from nia_desktop.services.session import unlock
from tests.conftest import ANALYST, ANALYST_PASS, OFFICER, OFFICER_PASS
from tests.helpers import PASSPHRASE_CHANGE_CRASH

PAGE = 4096


def _outside_key() -> bytes:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return public_pem(Ed25519PrivateKey.generate().public_key())


def _revoked(vault: Path, fp: str) -> bool | None:
    """Whether the key is revoked as an unlock now sees it; None when the vault is refused."""
    try:
        with unlock(vault, OFFICER, OFFICER_PASS) as session:
            row = trust_store.find(session.db, fp)
            return row is not None and row.revoked_at is not None
    except (VaultTampered, AuthFailed):
        return None
    except NiaError:
        return None


def test_each_older_page_of_a_revocation_is_refused(vault_dir: Path, tmp_path: Path) -> None:
    pem = _outside_key()
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        fp = trust.trust_key(session, pem, "partner@ws-b", role="analyst")
    older = (vault_dir / "vault.db").read_bytes()
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        trust.revoke_key(session, fp)
    newer = (vault_dir / "vault.db").read_bytes()
    changed = [n for n in range(min(len(older), len(newer)) // PAGE)
               if older[n * PAGE:(n + 1) * PAGE] != newer[n * PAGE:(n + 1) * PAGE]]
    assert changed
    snapshot = tmp_path / "after-revoke"
    shutil.copytree(vault_dir, snapshot)
    silently_undone = []
    refused = 0
    for number in changed:
        vault = tmp_path / f"page-{number}"
        shutil.copytree(snapshot, vault)
        with (vault / "vault.db").open("r+b") as handle:
            handle.seek(number * PAGE)
            handle.write(older[number * PAGE:(number + 1) * PAGE])
        state = _revoked(vault, fp)
        if state is False:
            silently_undone.append(number)
        refused += state is None
    assert silently_undone == [], f"pages {silently_undone} undid the revocation unnoticed"
    assert refused >= 1


def test_whole_older_database_is_refused_naming_it(vault_dir: Path, tmp_path: Path) -> None:
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        fp = trust.trust_key(session, _outside_key(), "partner@ws-b")
    older = tmp_path / "vault.db.old"
    shutil.copy2(vault_dir / "vault.db", older)
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        trust.revoke_key(session, fp)
    shutil.copy2(older, vault_dir / "vault.db")
    with pytest.raises(VaultTampered, match=r"vault\.db.*rolled back"):
        unlock(vault_dir, ANALYST, ANALYST_PASS)


def test_older_settings_page_cannot_switch_review_off(vault_dir: Path, tmp_path: Path) -> None:
    """A setting is security state too: the two-person rule raised, then an older database lowers it again."""
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        settings.change(session, "release_review_from", "1")
    older = tmp_path / "vault.db.old"
    shutil.copy2(vault_dir / "vault.db", older)
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        settings.change(session, "release_review_from", "0")  # stricter: no witness needed
    shutil.copy2(older, vault_dir / "vault.db")
    with pytest.raises(VaultTampered, match="rolled back"):
        unlock(vault_dir, OFFICER, OFFICER_PASS)


def test_older_keyslot_file_after_a_reset_does_not_open(vault_dir: Path, tmp_path: Path) -> None:
    older = tmp_path / "keyslots.old"
    shutil.copy2(vault_dir / "keyslots.json", older)
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        users.reset_passphrase(session, ANALYST, "anna-new-passphrase-9")
    shutil.copy2(older, vault_dir / "keyslots.json")
    # The old slot still holds a seal of the current key, but not the keys the vault recorded for anna.
    with pytest.raises(VaultTampered, match=r"keyslots\.json.*not the one this vault recorded"):
        unlock(vault_dir, ANALYST, ANALYST_PASS)


def test_disabled_users_key_refused_even_from_a_copy_of_their_slot(vault_dir: Path, tmp_path: Path) -> None:
    """Point 4: from the moment a user is disabled their key is revoked here (a copy of their slot signs nothing)."""
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        record = users.users.get(session.db, ANALYST)
        assert record is not None
        users.disable_user(session, ANALYST)
        lookup = trust.lookup(session)
        found = lookup(record.fingerprint)
        assert found is not None and found.revoked
        assert trust_store.find(session.db, record.fingerprint) is not None
        assert fingerprint(record.public_key) == record.fingerprint


def test_freshness_file_forged_is_told_not_trusted(vault_dir: Path) -> None:
    state = vault_dir / "security-state.json"
    state.write_text(state.read_text().replace('"generation": ', '"generation": 9'))
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        assert any("security-state.json" in n for n in session.notices)


def test_witnessed_change_records_both_officers(vault_dir: Path) -> None:
    from nia_desktop.services.dual_control import authenticate_witness

    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        users.add_user(session, "otto", users.Role.OFFICER, "otto-passphrase-44")
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        witness = authenticate_witness(session, "otto", "otto-passphrase-44")
        settings.change(session, "release_review_from", "4", witness)
        details = session.db.query("SELECT details FROM audit WHERE action = 'settings.change'")[-1][0]
    assert '"witness": "otto"' in details


def test_older_database_with_its_own_state_file_is_caught_by_the_signed_anchor(vault_dir: Path,
                                                                                 tmp_path: Path) -> None:
    """Both freshness records rolled back together: the audit head signed at the last close still tells."""
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        fp = trust.trust_key(session, _outside_key(), "partner@ws-b")
    for name in ("vault.db", "security-state.json"):
        shutil.copy2(vault_dir / name, tmp_path / name)
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        trust.revoke_key(session, fp)
    for name in ("vault.db", "security-state.json"):
        shutil.copy2(tmp_path / name, vault_dir / name)
    with unlock(vault_dir, ANALYST, ANALYST_PASS):  # recorded for the officer
        pass
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        assert any("audit-anchor.json vouches for" in n and "rolled back" in n for n in session.notices)


def test_erasing_the_last_session_keeps_nothing_quiet(vault_dir: Path, tmp_path: Path) -> None:
    """Red-team A21: every page the last session changed is written back except the one holding the freshness
    counter, and the previous anchor is put back: the audit seals no longer match the security state."""
    from tests.helpers import database_key, raw_database

    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        fp = trust.trust_key(session, _outside_key(), "partner@ws-b")
    with raw_database(vault_dir, database_key(vault_dir, OFFICER, OFFICER_PASS)) as db:
        # Every table's and index's root page but the audit log's and its seals': those are rolled back.
        keep = {0} | {int(root) - 1 for name, root in db.execute("SELECT name, rootpage FROM sqlite_master")
                      if root and name not in ("audit", "audit_seals")}
    older_db = (vault_dir / "vault.db").read_bytes()  # the attacker's copy, between two sessions
    older_anchor = (vault_dir / "audit-anchor.json").read_bytes()
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        trust.revoke_key(session, fp)
    newer = (vault_dir / "vault.db").read_bytes()
    with (vault_dir / "vault.db").open("r+b") as handle:
        for number in range(min(len(older_db), len(newer)) // PAGE):
            if number not in keep and older_db[number * PAGE:(number + 1) * PAGE] != newer[number * PAGE:
                                                                                           (number + 1) * PAGE]:
                handle.seek(number * PAGE)
                handle.write(older_db[number * PAGE:(number + 1) * PAGE])
    (vault_dir / "audit-anchor.json").write_bytes(older_anchor)
    try:
        with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
            report_ok = __import__("nia_desktop.services.auditing", fromlist=["verify"]).verify(session).ok
            assert not report_ok or session.notices, "the erased session went unnoticed"
    except (VaultTampered, AuthFailed):
        pass  # refused: named or not, nothing was used


def test_a_disabled_users_slot_put_back_forces_no_rekey_and_is_removed(vault_dir: Path, tmp_path: Path) -> None:
    """Red-team A18: an older keyslots.json's slot of a disabled user opens nothing; it must not make every
    unlock re-encrypt the database, and the officer removes it."""
    older = SlotFile.load(vault_dir / "keyslots.json")
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        users.disable_user(session, ANALYST)
        epoch = session.epoch
    current = SlotFile.load(vault_dir / "keyslots.json")
    for locator, slot in older.slots.items():
        current.slots.setdefault(locator, slot)
    (vault_dir / "keyslots.json").write_bytes(current.to_bytes())
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        assert session.epoch == epoch  # no rotation
        assert any("who is disabled" in n for n in session.notices), session.notices
    assert len(SlotFile.load(vault_dir / "keyslots.json").slots) == 2


def test_an_older_keyslot_file_after_ones_own_change_does_not_revive_the_old_passphrase(vault_dir: Path,
                                                                                         tmp_path: Path) -> None:
    """Red-team A04: after a passphrase change, the previous keyslots.json made the old passphrase work again."""
    older = (vault_dir / "keyslots.json").read_bytes()
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        users.change_own_passphrase(session, ANALYST_PASS, "anna-next-passphrase-7")
    (vault_dir / "keyslots.json").write_bytes(older)
    with pytest.raises(VaultTampered, match=r"keyslots\.json.*older one"):
        unlock(vault_dir, ANALYST, ANALYST_PASS)


@pytest.mark.parametrize(("when", "works"), [("before", ANALYST_PASS), ("after", "anna-next-passphrase-7")])
def test_a_change_cut_short_survives_an_officer_unlocking_first(vault_dir: Path, when: str, works: str) -> None:
    """Red-team A23: the officer's repair used to remove the slot a cut-short passphrase change left."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", PASSPHRASE_CHANGE_CRASH, str(vault_dir), ANALYST, ANALYST_PASS,
                           "anna-next-passphrase-7", when], capture_output=True, check=False)
    assert done.returncode == 9, done.stderr.decode()
    unlock(vault_dir, OFFICER, OFFICER_PASS).close()  # the officer first: told or not, nothing of anna's removed
    unlock(vault_dir, ANALYST, works).close()
    unlock(vault_dir, OFFICER, OFFICER_PASS).close()
    with unlock(vault_dir, ANALYST, works):
        pass
