"""An attacker with write access to the vault folder against `nia vault check` and unlock on a vault.db that
SQLCipher will not open (core/vault/page_macs.py, integrity.unopened_report): no crash, no hang, no pass."""

from __future__ import annotations

import json
import os

from tests.e2e.conftest import Nia

OFFICER = {"user": "olive", "passphrase": "olive-passphrase-1"}
PAGE = 4096


def _no_crash(result: object) -> None:
    code, err = result.code, result.err  # type: ignore[attr-defined]
    assert "internal error" not in err and "Traceback" not in err, err
    assert code in (1, 3), (code, err)


def test_vault_db_replaced_by_a_directory_is_damage_not_a_crash(nia_vault: Nia) -> None:
    db = nia_vault.vault / "vault.db"
    db.unlink()
    db.mkdir()
    check = nia_vault("vault", "check", "--json", **OFFICER)
    _no_crash(check)
    assert check.code == 1
    db.rmdir()
    os.mkfifo(db)  # a named pipe: opening it to read would wait for a writer forever
    for args in (("vault", "check", "--json"), ("reports",)):
        done = nia_vault(*args, **OFFICER)
        _no_crash(done)
        assert done.code == 1 and "not a regular file" in done.out + done.err


def test_a_vault_db_shorter_than_a_page_is_damage_and_is_never_rebuilt(nia_vault: Nia) -> None:
    """SQLite takes a file under one page for an empty database: the unlock used to build a fresh schema in it
    (the vault's key, no users) and then call the right passphrase a failed unlock, and the check said
    "authentication failed" (exit 3) instead of naming the damage."""
    db = nia_vault.vault / "vault.db"
    for data in (b"\x00", b"", bytes(4095)):
        db.write_bytes(data)
        check = nia_vault("vault", "check", "--json", **OFFICER)
        _no_crash(check)
        assert check.code == 1, (check.out, check.err)
        assert check.json()["database"]["unopenable"], check.out
        used = nia_vault("reports", **OFFICER)
        _no_crash(used)
        assert used.code == 1 and "damaged" in used.err, used.err
        assert db.read_bytes() == data  # nothing written into it
    assert _failures(nia_vault) == 0  # the right passphrase is no failed unlock
    wrong = nia_vault("reports", user="olive", passphrase="wrong-passphrase")
    assert wrong.code == 3  # a wrong one is still refused as one, and recorded: it never reaches the file
    assert _failures(nia_vault) == 1


def _failures(nia: Nia) -> int:
    found = nia.vault / "unlock-failures.json"
    return len(json.loads(found.read_text())["failures"]) if found.exists() else 0


def test_a_huge_sparse_tail_after_a_damaged_first_page_is_not_scanned_to_the_end(nia_vault: Nia) -> None:
    """Page 1 damaged (so SQLCipher will not open the file and the pages are scanned one by one), then 64 GiB of
    sparse zeros appended: the check must answer in bounded time and memory, not read and list 16 million
    damaged pages."""
    db = nia_vault.vault / "vault.db"
    with db.open("r+b") as handle:
        handle.seek(100)
        data = handle.read(4)
        handle.seek(100)
        handle.write(bytes(b ^ 0x5A for b in data))
    size = db.stat().st_size
    os.truncate(db, size + (64 << 30))
    check = nia_vault("vault", "check", "--json", **OFFICER)
    _no_crash(check)
    assert check.code == 1
    assert len(check.out) < 1_000_000
