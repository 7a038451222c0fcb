"""Hostile vault files: each gives a clear refusal through the real CLI, never a traceback."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tests.e2e.conftest import Nia

OFFICER = {"user": "olive", "passphrase": "olive-passphrase-1"}


def edit_json(path: Path, change) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))


def assert_clean_failure(result, code: int, words: str) -> None:  # type: ignore[no-untyped-def]
    assert result.code == code, (result.code, result.err)
    assert words in result.err
    assert "Traceback" not in result.err and "Traceback" not in result.out


def test_keyslot_file_not_json(nia_vault: Nia) -> None:
    (nia_vault.vault / "keyslots.json").write_text("{not json")
    assert_clean_failure(nia_vault("user", "list", **OFFICER), 1, "not valid JSON")


def test_keyslot_file_wrong_format(nia_vault: Nia) -> None:
    edit_json(nia_vault.vault / "keyslots.json", lambda d: d.update(format="zip"))
    assert_clean_failure(nia_vault("user", "list", **OFFICER), 1, "unknown format")


def test_memory_exhaustion_parameters_refused_fast(nia_vault: Nia) -> None:
    def huge(data):  # type: ignore[no-untyped-def]
        for slot in data["slots"]:
            slot["kdf"]["m"] = 1 << 40
    edit_json(nia_vault.vault / "keyslots.json", huge)
    start = time.perf_counter()
    result = nia_vault("user", "list", **OFFICER)
    assert time.perf_counter() - start < 5
    assert_clean_failure(result, 1, "keyslots.json")
    assert "refused as tampered" in result.err


def test_weakened_parameters_refused(nia_vault: Nia) -> None:
    def weak(data):  # type: ignore[no-untyped-def]
        for slot in data["slots"]:
            slot["kdf"]["t"] = 1
    edit_json(nia_vault.vault / "keyslots.json", weak)
    assert_clean_failure(nia_vault("user", "list", **OFFICER), 1, "refused as tampered")


def test_one_weakened_slot_locks_out_nobody_else(nia_vault: Nia) -> None:
    """Damage to one slot affects that slot's user alone; the officer is told at unlock."""
    def weak_first(data):  # type: ignore[no-untyped-def]
        data["slots"][0]["kdf"]["m"] = 1 << 40
    edit_json(nia_vault.vault / "keyslots.json", weak_first)
    opened = [name for name in ("olive", "anna", "carl")
              if nia_vault("key", "export", "--out", str(nia_vault.tmp / f"{name}.pem"), user=name,
                           passphrase=OFFICER["passphrase"] if name == "olive" else f"{name}-passphrase-1").code == 0]
    assert len(opened) == 2, opened


def test_slot_copied_under_another_id_does_not_open(nia_vault: Nia) -> None:
    """The officer's slot copied as a new entry: a slot is found by name and passphrase together."""
    def copy_slot(data):  # type: ignore[no-untyped-def]
        data["slots"] = data["slots"] + [dict(data["slots"][0], id="0" * 32)]
    edit_json(nia_vault.vault / "keyslots.json", copy_slot)
    assert_clean_failure(nia_vault("user", "list", user="carl", passphrase="olive-passphrase-1"), 3,
                         "authentication failed")


def test_keyslots_from_another_vault(nia_vault: Nia) -> None:
    edit_json(nia_vault.vault / "keyslots.json", lambda d: d.update(vault_id="00000000-0000-0000-0000-000000000000"))
    assert_clean_failure(nia_vault("user", "list", **OFFICER), 1, "keyslots.json")


def test_database_replaced_by_garbage(nia_vault: Nia) -> None:
    (nia_vault.vault / "vault.db").write_bytes(b"\x00" * 8192)
    assert_clean_failure(nia_vault("user", "list", **OFFICER), 3, "authentication failed")


def test_database_truncated(nia_vault: Nia) -> None:
    path = nia_vault.vault / "vault.db"
    path.write_bytes(path.read_bytes()[:1000])
    result = nia_vault("user", "list", **OFFICER)
    assert result.code in (1, 3) and "Traceback" not in result.err


def test_database_missing(nia_vault: Nia) -> None:
    (nia_vault.vault / "vault.db").unlink()
    assert_clean_failure(nia_vault("user", "list", **OFFICER), 1, "missing")


def test_no_vault_here(nia: Nia) -> None:
    assert_clean_failure(nia("user", "list", **OFFICER), 1, "no vault at")


def test_vault_json_damaged(nia_vault: Nia) -> None:
    (nia_vault.vault / "vault.json").write_text("[]")
    assert_clean_failure(nia_vault("user", "list", **OFFICER), 1, "not a NIA vault")


def test_anchor_forged(nia_vault: Nia) -> None:
    edit_json(nia_vault.vault / "audit-anchor.json", lambda d: d.update(seq=d["seq"] + 50))
    result = nia_vault("audit", "verify", "--json", **OFFICER)
    assert result.code == 5 and "bad signature" in result.json()["reason"]


@pytest.mark.parametrize("name", ["ghost\u202etxt.exe", "a\x1b[31mred", "x" * 5000])
def test_hostile_user_names_never_reach_the_log(nia_vault: Nia, name: str) -> None:
    """What was typed at unlock is never kept: the officer sees that an unknown name was tried, not the text."""
    nia_vault("user", "list", user=name, passphrase="wrong-wrong-wrong")
    log = nia_vault("audit", "log", **OFFICER).out
    assert "\u202e" not in log and "\x1b" not in log and "ghost" not in log and "xxxxxxxx" not in log
    assert "a user name this vault does not know" in log
