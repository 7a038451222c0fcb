"""Keyslots: wrap/unwrap, wrong passphrase, wrong associated data, parameter bounds and upgrade."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from nia_desktop.core.errors import AuthFailed, VaultTampered
from nia_desktop.core.vault import kdf, keyslots
from nia_desktop.core.vault.kdf import FLOOR, KdfParams
from nia_desktop.core.vault.keyslots import SlotFile
from nia_desktop.core.vault.layout import VaultMeta, VaultPaths
from nia_desktop.services.session import unlock
from tests.conftest import OFFICER, OFFICER_PASS

VAULT_ID = "7d0c2a5e-0000-4000-8000-000000000001"


def make(user: str = "alice", passphrase: str = "correct horse battery",  # noqa: S107
         ) -> tuple[keyslots.Slot, keyslots.OpenedSlot, bytes]:
    db_key = os.urandom(32)
    slot, opened = keyslots.create_slot(VAULT_ID, user, passphrase, FLOOR, {1: db_key})
    return slot, opened, db_key


def open_by(slot: keyslots.Slot, user: str, passphrase: str, vault_id: str = VAULT_ID) -> keyslots.OpenedSlot:
    found = SlotFile(vault_id, {slot.locator: slot}).find(user, passphrase)
    if found is None:
        raise AuthFailed()
    return keyslots.open_slot(vault_id, user, found[0], found[1])


def test_wrap_and_unwrap_round_trip() -> None:
    slot, made, db_key = make()
    opened = open_by(slot, "alice", "correct horse battery")
    assert opened.db_keys == {1: db_key}
    assert opened.signing_public == made.signing_public and opened.slot_public == made.slot_public


def test_wrong_passphrase_and_unknown_user_find_nothing() -> None:
    slot, _, _ = make()
    with pytest.raises(AuthFailed, match="authentication failed"):
        open_by(slot, "alice", "Correct horse battery")
    with pytest.raises(AuthFailed):
        open_by(slot, "bob", "correct horse battery")


def test_file_names_nobody() -> None:
    slot, _, _ = make(user="alice")
    data = SlotFile(VAULT_ID, {slot.locator: slot}).to_bytes()
    assert b"alice" not in data and b"public" not in data


def test_slot_bound_to_vault_id_and_user_name() -> None:
    slot, _, _ = make(user="alice")
    with pytest.raises(AuthFailed):
        open_by(slot, "alice", "correct horse battery", vault_id="another-vault")
    keys = keyslots.derive_slot_keys(VAULT_ID, "alice", "correct horse battery", FLOOR)
    with pytest.raises(VaultTampered):  # the right keys, but the slot is opened as someone else
        keyslots.open_slot(VAULT_ID, "mallory", slot, keys)


def test_db_key_seal_bound_to_epoch() -> None:
    slot, _, _ = make()
    slot.db_seals = {2: slot.db_seals[1]}  # replay an epoch-1 seal as epoch 2
    with pytest.raises(VaultTampered, match=r"keyslots\.json"):
        open_by(slot, "alice", "correct horse battery")


def test_flipped_ciphertext_is_tampering_not_a_wrong_passphrase() -> None:
    slot, _, _ = make()
    slot.signing_ct = bytes([slot.signing_ct[0] ^ 1]) + slot.signing_ct[1:]
    with pytest.raises(VaultTampered, match=r"keyslots\.json"):
        open_by(slot, "alice", "correct horse battery")


def test_sealing_needs_no_passphrase() -> None:
    slot, made, _ = make()
    new_key = os.urandom(32)
    keyslots.seal_db_key(VAULT_ID, "alice", slot, made.slot_public, 2, new_key)
    assert open_by(slot, "alice", "correct horse battery").db_keys[2] == new_key


def test_rewrap_keeps_keys_and_changes_passphrase() -> None:
    slot, _, db_key = make()
    opened = open_by(slot, "alice", "correct horse battery")
    new = keyslots.rewrap_slot(VAULT_ID, opened, slot.db_seals, "a new passphrase here", FLOOR)
    assert new.locator != slot.locator
    reopened = open_by(new, "alice", "a new passphrase here")
    assert reopened.db_keys == {1: db_key} and reopened.signing_public == opened.signing_public
    with pytest.raises(AuthFailed):
        open_by(new, "alice", "correct horse battery")


def test_slot_file_round_trip(tmp_path: Path) -> None:
    slot, _, _ = make()
    (tmp_path / "k.json").write_bytes(SlotFile(VAULT_ID, {slot.locator: slot}).to_bytes())
    loaded = SlotFile.load(tmp_path / "k.json")
    assert loaded.slots[slot.locator].to_json() == slot.to_json()
    assert loaded.damaged == []


def test_one_damaged_slot_is_set_aside_not_the_whole_file() -> None:
    good, _, _ = make(user="alice")
    bad, _, _ = make(user="bob")
    data = json.loads(SlotFile(VAULT_ID, {good.locator: good, bad.locator: bad}).to_bytes())
    for raw in data["slots"]:
        if raw["id"] == bad.locator:
            raw["kdf"]["m"] = 1 << 40
    loaded = SlotFile.from_bytes(json.dumps(data).encode())
    assert list(loaded.slots) == [good.locator]
    assert len(loaded.damaged) == 1 and "Argon2id memory" in loaded.damaged[0]
    assert open_by(loaded.slots[good.locator], "alice", "correct horse battery").user == "alice"


@pytest.mark.parametrize("params", [
    KdfParams(kdf.FLOOR_MEMORY_KIB - 1, 2, 1),          # below OWASP's memory floor
    KdfParams(kdf.FLOOR_MEMORY_KIB, 1, 1),              # below the iteration floor
    KdfParams(kdf.CEILING_MEMORY_KIB + 1, 3, 1),        # memory exhaustion
    KdfParams(64 * 1024, kdf.CEILING_ITERATIONS + 1, 1),
    KdfParams(64 * 1024, 3, 0),
])
def test_out_of_bounds_parameters_refused_before_any_allocation(
        params: KdfParams, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_argon(*args: object, **kwargs: object) -> None:
        raise AssertionError("Argon2id must not run with refused parameters")

    monkeypatch.setattr(kdf, "Argon2id", no_argon)
    with pytest.raises(VaultTampered, match="refused as tampered"):
        kdf.derive_kek("whatever passphrase", b"s" * 16, params)


def test_weak_slot_is_upgraded_to_the_vault_target(vault_dir: Path) -> None:
    from nia_desktop.core.vault import folder
    from nia_desktop.services.session import unlock as open_vault

    stronger = KdfParams(kdf.FLOOR_MEMORY_KIB, 3, 1)
    with open_vault(vault_dir, OFFICER, OFFICER_PASS) as session, session.db.transaction():
        folder.set_kdf_target(session.db, stronger)  # the target lives in the database, not in vault.json
    paths = VaultPaths(vault_dir)
    assert sorted(s.kdf for s in SlotFile.load(paths.keyslots).slots.values()) == [FLOOR] * 3
    unlock(vault_dir, OFFICER, OFFICER_PASS).close()  # the officer's slot only: nobody else's passphrase is known
    assert sorted(s.kdf for s in SlotFile.load(paths.keyslots).slots.values()) == [FLOOR, FLOOR, stronger]
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:  # still opens with the same passphrase
        actions = [action for (action,) in session.db.query("SELECT action FROM audit")]
    assert "keyslot.upgrade" in actions


def test_lowered_target_in_vault_json_is_not_used(vault_dir: Path) -> None:
    paths = VaultPaths(vault_dir)
    meta = VaultMeta.load(paths)
    VaultMeta(meta.vault_id, meta.name, meta.created, KdfParams(kdf.FLOOR_MEMORY_KIB, 2, 1)).save(paths)
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        assert session.vault.meta.kdf_target == meta.kdf_target


def test_calibration_never_below_rfc9106() -> None:
    params = kdf.calibrate(target_seconds=0.01)
    assert params.memory_kib >= kdf.RFC9106_MEMORY_KIB and params.iterations >= kdf.RFC9106_ITERATIONS
