"""A damaged page of vault.db through the real `nia` (issue #11): every command names the vault and says what to
do, never "internal error"; `nia vault check` names the damaged pages and tables."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.conftest import Nia
from tests.e2e.test_import_cli import ANALYST, make_media
from tests.helpers import database_key, raw_database

OFFICER = {"user": "olive", "passphrase": "olive-passphrase-1"}
PAGE = 4096  # SQLCipher 4's default page size (checked below against the vault itself)


def root_page(vault: Path, table: str) -> int:
    key = database_key(vault, "olive", "olive-passphrase-1")
    with raw_database(vault, key) as db:
        assert db.execute("PRAGMA cipher_page_size").fetchone()[0] == str(PAGE)
        return int(db.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0])


def damage(vault: Path, page: int) -> None:
    """Flip four bytes inside page ``page`` (numbered from 1): its HMAC no longer verifies."""
    with (vault / "vault.db").open("r+b") as handle:
        handle.seek(PAGE * (page - 1) + 100)
        data = handle.read(4)
        handle.seek(PAGE * (page - 1) + 100)
        handle.write(bytes(b ^ 0x5A for b in data))


def assert_named(result: object, vault: Path) -> None:
    code, err = result.code, result.err  # type: ignore[attr-defined]
    assert code != 0, err
    assert "internal error" not in err
    assert str(vault) in err and "nia vault check" in err and "nia vault restore" in err, err


def test_a_page_unlock_needs_stops_every_command_in_plain_words(nia_vault: Nia) -> None:
    assert nia_vault("import", str(make_media(nia_vault.tmp / "usb")), **ANALYST).code == 0
    page = root_page(nia_vault.vault, "users")
    assert nia_vault("vault", "check", **OFFICER).code == 0
    damage(nia_vault.vault, page)
    for args, who in ((("reports",), ANALYST), (("search", "quantum"), ANALYST),
                      (("audit", "verify"), OFFICER), (("user", "list", "--json"), OFFICER)):
        assert_named(nia_vault(*args, **who), nia_vault.vault)
    check = nia_vault("vault", "check", "--json", **OFFICER)
    assert check.code == 1, check.err
    assert "internal error" not in check.err
    body = check.json()
    assert body["ok"] is False and body["unlocked"] is False
    assert page in body["database"]["pages"] and "users" in body["database"]["tables"]
    text = nia_vault("vault", "check", **OFFICER)
    assert f"page {page}" in text.out and "users" in text.out and "not in the audit log" in text.out
    # The check still wants the passphrase: a wrong one is refused as before.
    assert nia_vault("vault", "check", user="olive", passphrase="wrong-passphrase").code == 3


def test_a_content_page_in_the_middle_is_named_by_check_and_by_the_commands_that_read_it(nia_vault: Nia) -> None:
    assert nia_vault("import", str(make_media(nia_vault.tmp / "usb")), **ANALYST).code == 0
    page = root_page(nia_vault.vault, "reports")
    pages = (nia_vault.vault / "vault.db").stat().st_size // PAGE
    assert 2 < page < pages
    damage(nia_vault.vault, page)
    assert_named(nia_vault("reports", **ANALYST), nia_vault.vault)
    assert_named(nia_vault("search", "quantum", **ANALYST), nia_vault.vault)
    check = nia_vault("vault", "check", "--json", **OFFICER)
    assert check.code == 1 and "internal error" not in check.err
    body = check.json()
    assert body["unlocked"] is True and body["audited"] is True
    assert body["database"]["pages"] == [page] and "reports" in body["database"]["tables"]
    assert body["audit"]["ok"] is True
    log = nia_vault("audit", "log", "--json", **OFFICER).json()
    assert any(e["action"] == "vault.check" and e["outcome"] == "failed" and e["details"]["pages"] == [page]
               for e in log)


def test_check_exits_5_naming_the_first_bad_audit_entry(nia_vault: Nia) -> None:
    key = database_key(nia_vault.vault, "olive", "olive-passphrase-1")
    with raw_database(nia_vault.vault, key) as db:
        db.execute("UPDATE audit SET actor = 'mallory' WHERE seq = 3")
    check = nia_vault("vault", "check", "--json", **OFFICER)
    assert check.code == 5, check.err
    body = check.json()
    assert body["database"]["ok"] is True and body["audit"]["first_bad"] == 3
    assert "first bad entry: 3" in nia_vault("vault", "check", **OFFICER).out


def test_check_is_for_officers_and_a_refusal_is_audited(nia_vault: Nia) -> None:
    refused = nia_vault("vault", "check", **ANALYST)
    assert refused.code == 1 and "may not check the vault" in refused.err
    log = nia_vault("audit", "log", "--json", **OFFICER).json()
    assert any(e["action"] == "vault.check" and e["outcome"] == "refused" and e["actor"] == "anna" for e in log)


def test_first_page_damaged_is_not_passed_off_as_a_wrong_passphrase_by_check(nia_vault: Nia) -> None:
    damage(nia_vault.vault, 1)
    check = nia_vault("vault", "check", "--json", **OFFICER)
    assert check.code == 1, check.err
    assert "first page is damaged" in check.json()["database"]["unopenable"]


def _openssl_bad_pages(vault: Path, key: bytes) -> list[int]:
    """Pages whose HMAC does not verify, computed with openssl alone (SQLCipher 4 defaults: HMAC-SHA512 over the
    page's ciphertext and IV then its number, little-endian; the HMAC key is PBKDF2-HMAC-SHA512 of the raw key,
    2 iterations, over the file's salt XOR 0x3a; each page ends with a 16-byte IV and the 64-byte HMAC)."""
    import subprocess

    data = (vault / "vault.db").read_bytes()
    salt = bytes(b ^ 0x3A for b in data[:16])
    derived = subprocess.run(["openssl", "kdf", "-keylen", "32", "-kdfopt", "digest:SHA512", "-kdfopt",
                              f"hexpass:{key.hex()}", "-kdfopt", f"hexsalt:{salt.hex()}", "-kdfopt", "iter:2",
                              "PBKDF2"], capture_output=True, text=True, check=True).stdout
    mac_key = derived.strip().replace(":", "").lower()
    bad = []
    for number in range(1, len(data) // PAGE + 1):
        page = data[(number - 1) * PAGE: number * PAGE]
        signed = page[16 if number == 1 else 0: PAGE - 64] + number.to_bytes(4, "little")
        mac = subprocess.run(["openssl", "dgst", "-sha512", "-binary", "-mac", "HMAC", "-macopt",
                              f"hexkey:{mac_key}"], input=signed, capture_output=True, check=True).stdout
        if mac != page[PAGE - 64:]:
            bad.append(number)
    return bad


def test_openssl_finds_the_same_damaged_page_as_check(nia_vault: Nia) -> None:
    key = database_key(nia_vault.vault, "olive", "olive-passphrase-1")
    assert _openssl_bad_pages(nia_vault.vault, key) == []
    # The last page: written after the schema was complete, so it holds rows, never the schema's own b-tree (a
    # damaged schema page is diagnosed as an unopenable file: see test_a_damaged_schema_page_is_named_as_such).
    page = (nia_vault.vault / "vault.db").stat().st_size // PAGE
    damage(nia_vault.vault, page)
    assert _openssl_bad_pages(nia_vault.vault, key) == [page]
    check = nia_vault("vault", "check", "--json", **OFFICER)
    assert check.json()["database"]["pages"] == [page]


def test_check_on_a_terminal_asks_for_the_passphrase_once(nia_vault: Nia) -> None:
    import pexpect

    from tests.e2e.test_terminal_prompts import spawn

    child = spawn(nia_vault, "vault", "check", "--user", "olive")
    child.expect("Passphrase: ")
    child.sendline("olive-passphrase-1")
    child.expect("no damage found")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "Passphrase: " not in (child.before or "")


def test_a_damaged_schema_page_is_named_as_such(nia_vault: Nia) -> None:
    """The schema's b-tree (sqlite_master) outgrew page 1 in this fixture's migrations: a damaged page of it stops
    the file opening at all. Check names that page, as openssl does, instead of calling the file foreign."""
    key = database_key(nia_vault.vault, "olive", "olive-passphrase-1")
    with raw_database(nia_vault.vault, key) as db:
        assert db.execute("PRAGMA page_count").fetchone()[0] > 2
    page = _schema_page(nia_vault.vault, key)
    damage(nia_vault.vault, page)
    assert _openssl_bad_pages(nia_vault.vault, key) == [page]
    check = nia_vault("vault", "check", "--json", **OFFICER)
    assert check.code == 1, check.err
    body = check.json()
    assert body["unlocked"] is False and body["database"]["pages"] == [page]
    assert "schema" in body["database"]["unopenable"] and "first page" not in body["database"]["unopenable"]
    text = nia_vault("vault", "check", **OFFICER)
    assert f"page {page} of" in text.out and "nia vault restore" in text.out
    # Every command still names the vault and what to do.
    assert_named(nia_vault("reports", **ANALYST), nia_vault.vault)


def test_a_file_of_another_key_is_not_passed_off_as_a_damaged_page(nia_vault: Nia) -> None:
    """No page authenticates under the user's key: the file was replaced (or the keyslot is stale), not damaged."""
    import os

    data = bytearray((nia_vault.vault / "vault.db").read_bytes())
    data[:] = os.urandom(len(data))
    (nia_vault.vault / "vault.db").write_bytes(bytes(data))
    body = nia_vault("vault", "check", "--json", **OFFICER).json()
    assert body["database"]["pages"] == [1] and "replaced" in body["database"]["unopenable"]


def _schema_page(vault: Path, key: bytes) -> int:
    """A page of sqlite_master's b-tree other than page 1, read from page 1 decrypted with AES-256-CBC alone.

    When the schema outgrew page 1, page 1 is an interior table b-tree page (type 5) whose header, after the
    100-byte file header, ends its first 12 bytes with the right-most child's page number (big-endian)."""
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    first = (vault / "vault.db").read_bytes()[:PAGE]
    iv = first[PAGE - 80: PAGE - 64]
    plain = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor().update(first[16: PAGE - 80])
    header = plain[100 - 16:]
    assert header[0] == 5, f"the fixture's schema fits on page 1 (b-tree page type {header[0]}): nothing to damage"
    return int.from_bytes(header[8:12], "big")
