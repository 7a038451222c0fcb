"""Keys and trust across workstations: key rotation (old bundles still verify, marked, until revoked), keys
bundles that carry public keys, rotations and revocations to another workstation, and the signed audit bundle."""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

from tests.e2e.conftest import Nia

ANNA = {"user": "anna", "passphrase": "anna-passphrase-1"}
OLIVE = {"user": "olive", "passphrase": "olive-passphrase-1"}
CARL = {"user": "carl", "passphrase": "carl-passphrase-1"}
DAVE = {"user": "dave", "passphrase": "dave-passphrase-1"}


def test_rotation_keys_bundle_and_audit_bundle(nia_vault: Nia, tmp_path: Path) -> None:
    media = nia_vault.tmp / "in"
    media.mkdir()
    (media / "a.txt").write_text("A report about the port of Kitakyushu.\n")
    assert nia_vault("import", str(media), **ANNA).code == 0
    before = nia_vault.tmp / "before.nia"
    assert nia_vault("bundle", "reports", "1", "--out", str(before), **ANNA).code == 0
    old_pem = nia_vault.tmp / "anna-old.pem"
    assert nia_vault("key", "export", "--out", str(old_pem), **ANNA).code == 0
    olive_pem = nia_vault.tmp / "olive.pem"
    assert nia_vault("key", "export", "--out", str(olive_pem), **OLIVE).code == 0

    # Workstation B trusts anna's old key and workstation A's officer, then receives A's keys bundles.
    there = Nia(tmp_path / "vault-b", tmp_path)
    assert there("init", "--officer", "olive", "--kdf-memory", "19", "--kdf-time", "2",
                 passphrase="olive-passphrase-1").code == 0
    assert there("user", "add", "dave", "--role", "courier", new_passphrase="dave-passphrase-1", **OLIVE).code == 0
    assert there("trust", "add", str(olive_pem), "--name", "olive@ws-a", "--role", "officer", **OLIVE).code == 0
    assert there("trust", "add", str(old_pem), "--name", "anna@ws-a", "--role", "analyst", **OLIVE).code == 0

    wrong = nia_vault("key", "rotate", user="anna", passphrase="not-her-passphrase")
    assert wrong.code == 3
    rotated = nia_vault("key", "rotate", "--json", **ANNA)
    assert rotated.code == 0, rotated.err
    old_fp, new_fp = rotated.json()["old"], rotated.json()["new"]
    assert old_fp != new_fp
    here = nia_vault("bundle", "verify", str(before), "--json", **CARL).json()
    assert here["ok"] and any("rotated key" in w for w in here["warnings"])
    after = nia_vault.tmp / "after.nia"
    made = nia_vault("bundle", "reports", "1", "--out", str(after), "--json", **ANNA)
    assert made.code == 0 and made.json()["signer"]["fingerprint"] == new_fp

    keys = nia_vault.tmp / "keys.nia"
    assert nia_vault("trust", "export", "--out", str(keys), **ANNA).code == 1  # officers manage trust
    assert nia_vault("trust", "export", "--out", str(keys), **OLIVE).code == 0
    assert there("bundle", "verify", str(after), **DAVE).code == 4  # B does not know anna's new key yet
    preview = there("trust", "import", str(keys), "--json", **OLIVE)
    assert preview.code == 0, preview.err
    plan = preview.json()
    assert plan["applied"] is False and new_fp in [a["fingerprint"] for a in plan["add"]]
    assert plan["rotate"] == [{"name": "anna@ws-a", "old": old_fp, "new": new_fp}]
    assert there("bundle", "verify", str(after), **DAVE).code == 4  # a preview changes nothing
    assert there("trust", "import", str(keys), "--yes", **OLIVE).code == 0
    assert there("bundle", "verify", str(after), **DAVE).code == 0
    old_there = there("bundle", "verify", str(before), "--json", **DAVE).json()
    assert old_there["ok"] and any("rotated key" in w for w in old_there["warnings"])
    listed = {r["fingerprint"]: r for r in there("trust", "list", "--json", **OLIVE).json()}
    assert listed[old_fp]["superseded_by"] == new_fp

    # A revokes anna's old key; the next keys bundle carries the revocation to B.
    assert nia_vault("trust", "revoke", old_fp[:16], **OLIVE).code == 0
    refused = nia_vault("bundle", "verify", str(before), **CARL)
    assert refused.code == 4 and "revoked" in refused.err
    keys2 = nia_vault.tmp / "keys2.nia"
    assert nia_vault("trust", "export", "--out", str(keys2), **OLIVE).code == 0
    assert there("trust", "import", str(keys2), "--yes", **OLIVE).code == 0
    assert there("bundle", "verify", str(before), **DAVE).code == 4
    actions = [e["action"] for e in there("audit", "log", "--json", **OLIVE).json()]
    assert {"trust.import", "trust.rotate", "trust.revoke"} <= set(actions)

    # The audit log as a signed bundle, its JSON Lines checked by `nia audit check-export`.
    audit = nia_vault.tmp / "audit.nia"
    assert nia_vault("audit", "export", "--out", str(audit), "--bundle", **OLIVE).code == 0
    shown = nia_vault("bundle", "verify", str(audit), "--trust", str(olive_pem), "--json").json()
    assert shown["kind"] == "audit"
    with zipfile.ZipFile(audit) as archive:
        lines = archive.read("payload/audit.jsonl")
    (nia_vault.tmp / "audit.jsonl").write_bytes(lines)
    key = nia_vault.tmp / "audit-key.pem"
    assert nia_vault("audit", "key", "--out", str(key), **OLIVE).code == 0
    checked = nia_vault("audit", "check-export", str(nia_vault.tmp / "audit.jsonl"), "--key", str(key))
    assert checked.code == 0, checked.err
    assert any(json.loads(line).get("action") == "self.key_rotate" for line in lines.splitlines())
    assert subprocess.run(["unzip", "-tq", str(audit)], capture_output=True).returncode == 0
