"""core/vault/page_macs.py: SQLCipher 4's page HMACs checked without SQLCipher, and the unlock and check that rely
on it when vault.db will not open (a damaged page 1 or schema page is damage, not a wrong passphrase)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nia_desktop.core.errors import AuthFailed, VaultDamaged
from nia_desktop.core.vault import failures, page_macs
from nia_desktop.services.session import Vault, unlock
from nia_desktop.services.vault_check import check_unopened
from tests.conftest import ANALYST, ANALYST_PASS, OFFICER, OFFICER_PASS
from tests.helpers import database_key, raw_database

PAGE = page_macs.PAGE_SIZE


def flip(vault: Path, page: int, offset: int = 100) -> None:
    with (vault / "vault.db").open("r+b") as handle:
        handle.seek(PAGE * (page - 1) + offset)
        data = handle.read(4)
        handle.seek(PAGE * (page - 1) + offset)
        handle.write(bytes(b ^ 0x5A for b in data))


def test_every_page_of_a_sound_vault_verifies_and_sqlcipher_agrees_on_the_count(vault_dir: Path) -> None:
    key = database_key(vault_dir, OFFICER, OFFICER_PASS)
    with raw_database(vault_dir, key) as db:
        pages = int(db.execute("PRAGMA page_count").fetchone()[0])
        assert int(db.execute("PRAGMA page_size").fetchone()[0]) == PAGE
    scanned = page_macs.scan(vault_dir / "vault.db", key)
    assert scanned.page_count == pages and scanned.bad == () and scanned.key_fits
    assert page_macs.key_fits(vault_dir / "vault.db", key)


def test_a_flipped_byte_names_its_page_and_sqlcipher_names_the_same(vault_dir: Path) -> None:
    key = database_key(vault_dir, OFFICER, OFFICER_PASS)
    last = (vault_dir / "vault.db").stat().st_size // PAGE
    flip(vault_dir, last)
    assert page_macs.scan(vault_dir / "vault.db", key).bad == (last,)
    with raw_database(vault_dir, key) as db:
        db.execute("PRAGMA cipher_log_level = NONE")
        said = " ".join(str(r[0]) for r in db.execute("PRAGMA cipher_integrity_check"))
    assert f"page {last}" in said


def test_the_iv_and_the_mac_are_signed_but_the_salt_is_not(vault_dir: Path) -> None:
    key = database_key(vault_dir, OFFICER, OFFICER_PASS)
    flip(vault_dir, 2, PAGE - 80)  # page 2's IV
    flip(vault_dir, 3, PAGE - 10)  # page 3's MAC
    assert page_macs.scan(vault_dir / "vault.db", key).bad == (2, 3)


def test_another_key_fits_no_page(vault_dir: Path) -> None:
    wrong = bytes(32)
    scanned = page_macs.scan(vault_dir / "vault.db", wrong)
    assert scanned.verified == 0 and not scanned.key_fits
    assert not page_macs.key_fits(vault_dir / "vault.db", wrong)


def test_a_short_file_is_damage_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "short.db").write_bytes(b"0123")
    assert page_macs.scan(tmp_path / "short.db", bytes(32)).bad == (1,)
    assert not page_macs.key_fits(tmp_path / "short.db", bytes(32))


def test_a_damaged_first_page_stops_the_unlock_as_damage_not_as_a_wrong_passphrase(vault_dir: Path) -> None:
    flip(vault_dir, 1)
    with pytest.raises(VaultDamaged) as raised:
        unlock(vault_dir, ANALYST, ANALYST_PASS)
    assert "nia vault check" in raised.value.user_message and str(vault_dir) in raised.value.user_message
    assert failures.load(Vault.at(vault_dir).paths) == []  # a damaged file is no failed attempt, no added delay
    with pytest.raises(AuthFailed):  # a wrong passphrase is still just that
        unlock(vault_dir, ANALYST, "not-the-passphrase")
    report = check_unopened(vault_dir, OFFICER, OFFICER_PASS)
    assert report.database.pages == (1,) and "first page is damaged" in report.database.unopenable
    assert report.database.page_count > 1 and report.exit_code == 1


def test_a_replaced_file_is_named_as_such(vault_dir: Path) -> None:
    import os

    size = (vault_dir / "vault.db").stat().st_size
    (vault_dir / "vault.db").write_bytes(os.urandom(size))
    with pytest.raises(AuthFailed):  # nothing shows the key is this file's: as before
        unlock(vault_dir, ANALYST, ANALYST_PASS)
    report = check_unopened(vault_dir, OFFICER, OFFICER_PASS)
    assert report.database.pages == (1,) and "replaced" in report.database.unopenable
