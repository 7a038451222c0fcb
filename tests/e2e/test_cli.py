"""Every command of the foundation, through the real `nia` executable: exit codes and --json."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import time

import pytest
import sqlcipher3

from tests.e2e.conftest import NIA, Nia

OFFICER = {"user": "olive", "passphrase": "olive-passphrase-1"}
ANALYST = {"user": "anna", "passphrase": "anna-passphrase-1"}
COURIER = {"user": "carl", "passphrase": "carl-passphrase-1"}


def test_help_is_fast_and_lists_commands() -> None:
    start = time.perf_counter()
    done = subprocess.run([NIA, "--help"], capture_output=True, text=True, check=True)
    assert time.perf_counter() - start < 2.0  # generous here; tests/bench measures the 0.3 s target
    for command in ("init", "user", "audit", "key", "passwd"):
        assert command in done.stdout


def test_usage_error_exits_2(nia: Nia) -> None:
    assert nia("user", "frobnicate").code == 2
    assert nia("init").code == 2  # --officer is required


def test_init_refuses_non_empty_directory_and_weak_kdf(nia: Nia) -> None:
    nia.vault.mkdir()
    (nia.vault / "something").write_text("x")
    result = nia("init", "--officer", "olive", "--kdf-memory", "19", "--kdf-time", "2",
                 passphrase="olive-passphrase-1")
    assert result.code == 1 and "not an empty directory" in result.err
    result = nia("--vault", str(nia.tmp / "v2"), "init", "--officer", "olive", "--kdf-memory", "8",
                 passphrase="olive-passphrase-1")
    assert result.code == 1 and "OWASP" in result.err
    assert not (nia.tmp / "v2").exists()


def test_init_json(nia: Nia) -> None:
    result = nia("init", "--officer", "olive", "--kdf-memory", "19", "--kdf-time", "2", "--json",
                 passphrase="olive-passphrase-1")
    assert result.code == 0
    body = result.json()
    assert body["officer"] == "olive" and body["kdf"]["m"] == 19 * 1024
    assert not (nia.vault / "vault.db").read_bytes().startswith(b"SQLite format 3")


def test_user_list_json_shape(nia_vault: Nia) -> None:
    result = nia_vault("user", "list", "--json", **OFFICER)
    assert result.code == 0, result.err
    rows = result.json()
    assert [(r["name"], r["role"], r["active"]) for r in rows] == [
        ("anna", "analyst", True), ("carl", "courier", True), ("olive", "officer", True)]
    assert all(len(r["fingerprint"]) == 64 for r in rows)


def test_wrong_passphrase_and_unknown_user_exit_3_with_same_message(nia_vault: Nia) -> None:
    wrong = nia_vault("user", "list", user="olive", passphrase="nope-nope-nope")
    ghost = nia_vault("user", "list", user="ghost", passphrase="nope-nope-nope")
    assert wrong.code == ghost.code == 3
    assert wrong.err == ghost.err == "nia: authentication failed\n"


def test_passphrase_file(nia_vault: Nia) -> None:
    secret = nia_vault.tmp / "pass.txt"
    secret.write_text("olive-passphrase-1\n")
    assert nia_vault("--user", "olive", "--passphrase-file", str(secret), "user", "list").code == 0
    assert nia_vault("user", "list", "--user", "olive", "--passphrase-file", str(nia_vault.tmp / "none")).code == 2


def test_missing_credentials_without_a_terminal_is_usage_error(nia_vault: Nia) -> None:
    result = nia_vault("user", "list", user="olive")
    assert result.code == 2 and "no passphrase" in result.err


@pytest.mark.parametrize("who", [ANALYST, COURIER])
def test_refusals_exit_1_and_are_audited(nia_vault: Nia, who: dict[str, str]) -> None:
    for command in (["user", "list"], ["audit", "verify"], ["user", "disable", "olive"],
                    ["settings", "set", "idle_lock_minutes", "3"]):
        result = nia_vault(*command, **who)
        assert result.code == 1 and "refused" in result.err, (command, result.err)
    log = nia_vault("audit", "log", "--json", "--limit", "100", **OFFICER).json()
    refused = [e for e in log if e["outcome"] == "refused" and e["actor"] == who["user"]]
    assert len(refused) == 4


def test_disable_and_reset(nia_vault: Nia) -> None:
    result = nia_vault("user", "disable", "carl", "--json", **OFFICER)
    assert result.code == 0 and result.json() == {"name": "carl", "active": False, "rekeyed": True}
    assert nia_vault("user", "list", **COURIER).code == 3
    assert nia_vault("user", "disable", "olive", **OFFICER).code == 1  # own account / last officer
    reset = nia_vault("user", "reset-passphrase", "anna", "--json", new_passphrase="anna-passphrase-2", **OFFICER)
    assert reset.code == 0 and reset.json()["name"] == "anna"
    assert nia_vault("key", "export", "--out", str(nia_vault.tmp / "a.pem"), **ANALYST).code == 3
    assert nia_vault("key", "export", "--out", str(nia_vault.tmp / "a.pem"), user="anna",
                     passphrase="anna-passphrase-2").code == 0


def test_passwd(nia_vault: Nia) -> None:
    result = nia_vault("passwd", "--json", new_passphrase="carl-passphrase-2", **COURIER)
    assert result.code == 0 and result.json() == {"user": "carl", "changed": True}
    assert nia_vault("key", "export", "--out", str(nia_vault.tmp / "c.pem"), **COURIER).code == 3
    weak = nia_vault("passwd", new_passphrase="short", user="carl", passphrase="carl-passphrase-2")
    assert weak.code == 1 and "at least 12" in weak.err


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl not installed")
def test_key_export_pem_checks_with_openssl(nia_vault: Nia) -> None:
    out = nia_vault.tmp / "anna.pem"
    result = nia_vault("key", "export", "--out", str(out), "--json", **ANALYST)
    assert result.code == 0
    der = subprocess.run(["openssl", "pkey", "-pubin", "-in", str(out), "-outform", "DER"],
                         capture_output=True, check=True).stdout
    assert hashlib.sha256(der).hexdigest() == result.json()["fingerprint"]
    text = subprocess.run(["openssl", "pkey", "-pubin", "-in", str(out), "-noout", "-text"],
                          capture_output=True, text=True, check=True).stdout
    assert "ED25519" in text
    human = nia_vault("key", "export", "--out", str(out), **ANALYST)
    assert "SHA-256 fingerprint:" in human.out


def test_audit_verify_export_checkpoint_and_check_export(nia_vault: Nia) -> None:
    verify = nia_vault("audit", "verify", "--json", **OFFICER)
    assert verify.code == 0
    body = verify.json()
    assert body["ok"] is True and body["first_bad"] is None and body["entries"] > 5 and len(body["head"]) == 64
    assert "chain intact" in nia_vault("audit", "verify", **OFFICER).out

    export = nia_vault.tmp / "audit.jsonl"
    assert nia_vault("audit", "export", "--out", str(export), **OFFICER).code == 0
    key = nia_vault.tmp / "audit.pem"
    assert nia_vault("audit", "key", "--out", str(key), **OFFICER).code == 0
    check = subprocess.run([NIA, "audit", "check-export", str(export), "--key", str(key)],
                           capture_output=True, text=True, check=False)  # no vault, no passphrase
    assert check.returncode == 0 and "chain intact" in check.stdout
    export.write_text(export.read_text().replace('"user.add"', '"user.del"', 1))
    tampered = subprocess.run([NIA, "audit", "check-export", str(export), "--key", str(key)],
                              capture_output=True, text=True, check=False)
    assert tampered.returncode == 5

    checkpoint = nia_vault.tmp / "cp.json"
    made = nia_vault("audit", "checkpoint", "--out", str(checkpoint), "--json", **OFFICER)
    assert made.code == 0 and made.json()["short"].startswith("NIA-CP ")
    assert nia_vault("audit", "verify", "--checkpoint", str(checkpoint), **OFFICER).code == 0


def test_audit_verify_exits_5_on_tampering(nia_vault: Nia) -> None:
    from tests.helpers import database_key, raw_database

    key = database_key(nia_vault.vault, "olive", "olive-passphrase-1")
    with raw_database(nia_vault.vault, key) as db:
        db.execute("UPDATE audit SET actor = 'mallory' WHERE seq = 2")
    result = nia_vault("audit", "verify", "--json", **OFFICER)
    assert result.code == 5
    assert result.json()["ok"] is False and result.json()["first_bad"] == 2
    assert "entry 2" in nia_vault("audit", "verify", **OFFICER).err


def test_audit_verify_checkpoint_catches_rollback(nia_vault: Nia) -> None:
    saved = nia_vault.tmp / "saved"
    shutil.copytree(nia_vault.vault, saved)
    checkpoint = nia_vault.tmp / "cp.json"
    assert nia_vault("audit", "checkpoint", "--out", str(checkpoint), **OFFICER).code == 0
    shutil.rmtree(nia_vault.vault)
    shutil.copytree(saved, nia_vault.vault)
    assert nia_vault("audit", "verify", **OFFICER).code == 0
    assert nia_vault("audit", "verify", "--checkpoint", str(checkpoint), **OFFICER).code == 5


def test_settings(nia_vault: Nia) -> None:
    assert nia_vault("settings", "list", "--json", **ANALYST).json() == {
        "idle_lock_minutes": 10, "max_import_mib": 512, "default_classification": 1,
        "release_review_from": 2, "refuse_unencrypted_swap": 0}
    assert nia_vault("settings", "set", "idle_lock_minutes", "5", "--json", **OFFICER).json() == {
        "idle_lock_minutes": 5}
    bad = nia_vault("settings", "set", "idle_lock_minutes", "0", **OFFICER)
    assert bad.code == 1 and "between" in bad.err


def test_errors_in_json_mode_are_json(nia_vault: Nia) -> None:
    result = nia_vault("user", "list", "--json", user="olive", passphrase="wrong-wrong-wrong")
    assert result.code == 3 and result.json() == {"error": "authentication failed", "exit_code": 3}


def test_database_is_not_plain_sqlite(nia_vault: Nia) -> None:
    with pytest.raises(sqlcipher3.DatabaseError):
        sqlcipher3.connect(str(nia_vault.vault / "vault.db")).execute("SELECT * FROM sqlite_master").fetchall()
