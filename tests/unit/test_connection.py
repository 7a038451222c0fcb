"""SQLCipher hardening: each pragma and refusal has its own test, plus an independent HMAC check."""

from __future__ import annotations

import hashlib
import hmac
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import sqlcipher3

from nia_desktop.core.errors import AuthFailed
from nia_desktop.core.vault import connection
from nia_desktop.core.vault.connection import VaultConnection, open_database
from tests.conftest import OFFICER, OFFICER_PASS
from tests.helpers import database_key


@pytest.fixture
def db(tmp_path: Path) -> VaultConnection:
    conn = open_database(tmp_path / "t.db", os.urandom(32), create=True)
    with conn.transaction():
        conn.execute("CREATE TABLE t (x TEXT)")
        conn.execute("INSERT INTO t VALUES ('CANARY-7f3a')")
    return conn


@pytest.mark.parametrize("bad", ["", "ab" * 31, "ab" * 33, "AB" * 32, "zz" * 32, "ab" * 31 + "a'"])
def test_malformed_raw_key_refused_before_any_pragma(bad: str) -> None:
    with pytest.raises(ValueError, match="64 hex digits"):
        connection._key_pragma_value(bad)


def test_key_must_be_32_bytes(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        open_database(tmp_path / "t.db", b"short", create=True)
    assert not (tmp_path / "t.db").exists()


def test_wrong_key_is_auth_failed(db: VaultConnection, tmp_path: Path) -> None:
    db.close()
    with pytest.raises(AuthFailed):
        open_database(tmp_path / "t.db", os.urandom(32))


def test_pragmas(db: VaultConnection) -> None:
    assert str(db.pragma("cipher_memory_security")) == "0"  # see core/swap.py and docs/security.md
    assert int(db.pragma("temp_store")) == 2  # MEMORY
    assert int(db.pragma("synchronous")) == 2  # FULL
    assert db.pragma("journal_mode") == "delete"
    assert int(db.pragma("secure_delete")) == 1


def test_extension_loading_is_off(db: VaultConnection) -> None:
    with pytest.raises(sqlcipher3.OperationalError):
        db.query("SELECT load_extension('/tmp/evil.so')")


def test_sqlcipher_export_to_plaintext_refused(db: VaultConnection, tmp_path: Path) -> None:
    with pytest.raises(sqlcipher3.DatabaseError, match="not authorized"):
        db.execute(f"ATTACH DATABASE '{tmp_path / 'plain.db'}' AS plain KEY ''")
    with pytest.raises(sqlcipher3.DatabaseError, match="not authorized"):
        db.query("SELECT sqlcipher_export('main')")
    assert not (tmp_path / "plain.db").exists()


def test_vacuum_into_refused(db: VaultConnection, tmp_path: Path) -> None:
    with pytest.raises(sqlcipher3.DatabaseError, match="authoriz"):
        db.execute(f"VACUUM INTO '{tmp_path / 'copy.db'}'")
    assert not (tmp_path / "copy.db").exists()


def test_key_pragmas_refused_from_sql(db: VaultConnection) -> None:
    for statement in ("PRAGMA rekey = 'x'", "PRAGMA key = 'x'", "PRAGMA cipher_plaintext_header_size = 32"):
        with pytest.raises(sqlcipher3.DatabaseError, match="not authorized"):
            db.execute(statement)


def test_rekey_changes_the_key(db: VaultConnection, tmp_path: Path) -> None:
    new = os.urandom(32)
    db.rekey(new)
    db.close()
    reopened = open_database(tmp_path / "t.db", new)
    assert reopened.query("SELECT x FROM t") == [("CANARY-7f3a",)]


def test_file_is_private_and_ciphertext(db: VaultConnection, tmp_path: Path) -> None:
    db.close()
    path = tmp_path / "t.db"
    assert path.stat().st_mode & 0o777 == 0o600
    data = path.read_bytes()
    assert not data.startswith(b"SQLite format 3")
    assert b"CANARY-7f3a" not in data


def test_transaction_rolls_back_on_error(db: VaultConnection) -> None:
    with pytest.raises(RuntimeError), db.transaction():
        db.execute("INSERT INTO t VALUES ('half')")
        raise RuntimeError("boom")
    assert db.query("SELECT count(*) FROM t") == [(1,)]


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl not installed")
def test_page_one_hmac_and_header_check_out_with_openssl(vault_dir: Path, tmp_path: Path) -> None:
    """SQLCipher 4 page 1, checked without SQLCipher: HMAC-SHA512 via openssl, then decrypt.

    Layout: 16-byte salt, AES-256-CBC ciphertext, 16-byte IV, 64-byte HMAC (reserve 80).
    HMAC key = PBKDF2-HMAC-SHA512(raw key, salt XOR 0x3a, 2 iterations, 32 bytes);
    HMAC input = ciphertext || IV || page number (4 bytes, little-endian).
    """
    key = database_key(vault_dir, OFFICER, OFFICER_PASS)
    page = (vault_dir / "vault.db").read_bytes()[:4096]
    salt, body = page[:16], page[16:]
    reserve = 80
    ciphertext, iv, mac = body[: -reserve], body[-reserve:-64], body[-64:]
    hmac_key = hashlib.pbkdf2_hmac("sha512", key, bytes(b ^ 0x3A for b in salt), 2, 32)
    message = tmp_path / "page1.bin"
    message.write_bytes(ciphertext + iv + (1).to_bytes(4, "little"))
    out = subprocess.run(["openssl", "dgst", "-sha512", "-mac", "HMAC", "-macopt", f"hexkey:{hmac_key.hex()}",
                          "-binary", str(message)], capture_output=True, check=True).stdout
    assert hmac.compare_digest(out, mac)
    (tmp_path / "ct.bin").write_bytes(ciphertext)
    plain = subprocess.run(["openssl", "enc", "-d", "-aes-256-cbc", "-nopad", "-K", key.hex(), "-iv", iv.hex(),
                            "-in", str(tmp_path / "ct.bin")], capture_output=True, check=True).stdout
    # Bytes 16.. of a SQLite header: page size 4096 (big-endian), versions 1/1, reserve 80.
    assert plain[:5] == bytes([0x10, 0x00, 0x01, 0x01, reserve])
