"""On a terminal, `nia` prompts for what the environment does not give, without echo."""

from __future__ import annotations

import os

import pexpect

from tests.e2e.conftest import NIA, Nia


def spawn(nia: Nia, *args: str) -> pexpect.spawn:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NIA_")}
    env["NIA_VAULT"] = str(nia.vault)
    return pexpect.spawn(NIA, list(args), env=env, encoding="utf-8", timeout=30)


def test_user_and_passphrase_are_prompted(nia_vault: Nia) -> None:
    child = spawn(nia_vault, "user", "list")
    child.expect("User: ")
    child.sendline("olive")
    child.expect("Passphrase: ")
    child.sendline("olive-passphrase-1")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "olive-passphrase-1" not in (child.before or "")  # not echoed
    assert "officer" in (child.before or "")


def test_new_passphrase_typed_twice_must_match(nia_vault: Nia) -> None:
    child = spawn(nia_vault, "user", "add", "dora", "--role", "analyst", "--user", "olive")
    child.expect("Passphrase: ")
    child.sendline("olive-passphrase-1")
    child.expect("New passphrase for dora: ")
    child.sendline("dora-passphrase-1")
    child.expect("Repeat it: ")
    child.sendline("dora-passphrase-X")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2 and "differ" in (child.before or "")


def test_trusting_a_key_asks_to_compare_its_fingerprint(nia_vault: Nia) -> None:
    key = nia_vault.tmp / "anna.pem"
    assert nia_vault("key", "export", "--out", str(key), user="anna", passphrase="anna-passphrase-1").code == 0
    refused = spawn(nia_vault, "trust", "add", str(key), "--name", "anna@ws-a", "--user", "olive")
    refused.expect("Passphrase: ")
    refused.sendline("olive-passphrase-1")
    refused.expect(r"fingerprint of anna.pem:\s+([0-9a-f]{4} ){15}[0-9a-f]{4}")
    refused.expect(r"Does it match\? \[y/N\] ")
    refused.sendline("n")
    refused.expect(pexpect.EOF)
    refused.close()
    assert refused.exitstatus == 1 and "not confirmed" in (refused.before or "")
    assert nia_vault("trust", "list", "--json", user="olive", passphrase="olive-passphrase-1").json() == []
    accepted = spawn(nia_vault, "trust", "add", str(key), "--name", "anna@ws-a", "--user", "olive")
    accepted.expect("Passphrase: ")
    accepted.sendline("olive-passphrase-1")
    accepted.expect(r"\[y/N\] ")
    accepted.sendline("y")
    accepted.expect(pexpect.EOF)
    accepted.close()
    assert accepted.exitstatus == 0 and "trusted anna@ws-a" in (accepted.before or "")
