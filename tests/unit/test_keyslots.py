"""Keyslots: wrap/unwrap, wrong passphrase, wrong associated data, parameter bounds and upgrade."""

from __future__ import annotations

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


def make(user: str = "alice", passphrase: str = "correct horse battery") -> tuple[keyslots.Slot, bytes]:  # noqa: S107
    db_key = os.urandom(32)
    return keyslots.create_slot(VAULT_ID, user, passphrase, FLOOR, {1: db_key}), db_key


def test_wrap_and_unwrap_round_trip() -> None:
    slot, db_key = make()
    opened = keyslots.open_slot(VAULT_ID, slot, "correct horse battery")
    assert opened.db_keys == {1: db_key}
    assert opened.signing_private.public_key().public_bytes_raw() == slot.signing_public


def test_wrong_passphrase_is_auth_failed() -> None:
    slot, _ = make()
    with pytest.raises(AuthFailed, match="authentication failed"):
        keyslots.open_slot(VAULT_ID, slot, "Correct horse battery")


def test_slot_bound_to_vault_id_and_user_name() -> None:
    slot, _ = make(user="alice")
    with pytest.raises(AuthFailed):
        keyslots.open_slot("another-vault", slot, "correct horse battery")
    slot.user = "mallory"  # a slot copied under another name must not open
    with pytest.raises(AuthFailed):
        keyslots.open_slot(VAULT_ID, slot, "correct horse battery")


def test_db_key_seal_bound_to_epoch() -> None:
    slot, _ = make()
    slot.db_seals = {2: slot.db_seals[1]}  # replay an epoch-1 seal as epoch 2
    with pytest.raises(VaultTampered):
        keyslots.open_slot(VAULT_ID, slot, "correct horse battery")


def test_sealing_needs_no_passphrase() -> None:
    slot, _ = make()
    new_key = os.urandom(32)
    keyslots.seal_db_key(VAULT_ID, slot, 2, new_key)
    assert keyslots.open_slot(VAULT_ID, slot, "correct horse battery").db_keys[2] == new_key


def test_rewrap_keeps_keys_and_changes_passphrase() -> None:
    slot, db_key = make()
    opened = keyslots.open_slot(VAULT_ID, slot, "correct horse battery")
    new = keyslots.rewrap_slot(VAULT_ID, opened, slot, "a new passphrase here", FLOOR)
    assert new.signing_public == slot.signing_public
    assert keyslots.open_slot(VAULT_ID, new, "a new passphrase here").db_keys == {1: db_key}
    with pytest.raises(AuthFailed):
        keyslots.open_slot(VAULT_ID, new, "correct horse battery")


def test_slot_file_round_trip(tmp_path: Path) -> None:
    slot, _ = make()
    SlotFile(VAULT_ID, 1, {"alice": slot}).save(tmp_path / "k.json")
    loaded = SlotFile.load(tmp_path / "k.json")
    assert loaded.slots["alice"].to_json() == slot.to_json()
    assert (tmp_path / "k.json").stat().st_mode & 0o777 == 0o600


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


def test_tampered_slot_parameters_refused_on_load(vault_dir: Path) -> None:
    paths = VaultPaths(vault_dir)
    data = paths.keyslots.read_text().replace('"m": 19456', '"m": 1073741824')
    paths.keyslots.write_text(data)
    with pytest.raises(VaultTampered, match="refused as tampered"):
        unlock(vault_dir, OFFICER, OFFICER_PASS)


def test_weak_slot_is_upgraded_to_the_vault_target(vault_dir: Path) -> None:
    paths = VaultPaths(vault_dir)
    meta = VaultMeta.load(paths)
    stronger = KdfParams(kdf.FLOOR_MEMORY_KIB, 3, 1)
    VaultMeta(meta.vault_id, meta.name, meta.created, stronger, meta.failure_log_public).save(paths)
    assert SlotFile.load(paths.keyslots).slots[OFFICER].kdf == FLOOR
    unlock(vault_dir, OFFICER, OFFICER_PASS).close()
    assert SlotFile.load(paths.keyslots).slots[OFFICER].kdf == stronger
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:  # still opens with the same passphrase
        actions = [action for (action,) in session.db.query("SELECT action FROM audit")]
    assert "keyslot.upgrade" in actions


def test_calibration_never_below_rfc9106() -> None:
    params = kdf.calibrate(target_seconds=0.01)
    assert params.memory_kib >= kdf.RFC9106_MEMORY_KIB and params.iterations >= kdf.RFC9106_ITERATIONS
