"""Trust changes come only from officers (security issue #10): a keys bundle is applied only when signed by a key
this workstation trusts as an officer's; officers' keys are added or revoked only with a second officer as witness;
a disabled user's key is refused everywhere, and its revocation travels in keys bundles, like revocations of keys
known only by fingerprint."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from nia_desktop.core.bundles.write import Signer, Source, write_bundle
from nia_desktop.core.signing import fingerprint, public_pem
from nia_desktop.services import bundles
from nia_desktop.services.session import unlock
from tests.e2e.conftest import Nia, Result

OLIVE = {"user": "olive", "passphrase": "olive-passphrase-1"}
ANNA = {"user": "anna", "passphrase": "anna-passphrase-1"}
CARL = {"user": "carl", "passphrase": "carl-passphrase-1"}
BEA = {"user": "bea", "passphrase": "bea-passphrase-1"}  # workstation B's officer
DAVE = {"user": "dave", "passphrase": "dave-passphrase-1"}  # workstation B's courier
OTTO_PASS = "otto-passphrase-1"  # workstation B's second officer
NOW = "2026-11-25T10:00:00.000000Z"


@pytest.fixture
def there(tmp_path: Path) -> Nia:
    """Workstation B: an officer and a courier."""
    b = Nia(tmp_path / "vault-b", tmp_path)
    made = b("init", "--officer", "bea", "--kdf-memory", "19", "--kdf-time", "2", passphrase=BEA["passphrase"])
    assert made.code == 0, made.err
    assert b("user", "add", "dave", "--role", "courier", new_passphrase=DAVE["passphrase"], **BEA).code == 0
    return b


def export_pem(nia: Nia, who: dict[str, str]) -> Path:
    out = nia.tmp / f"{who['user']}.pem"
    assert nia("key", "export", "--out", str(out), **who).code == 0
    return out


def trusted(nia: Nia, who: dict[str, str]) -> dict[str, dict[str, object]]:
    return {r["fingerprint"]: r for r in nia("trust", "list", "--json", **who).json()}


def refused(result: Result, code: int, *words: str) -> None:
    assert result.code == code, (result.code, result.err)
    assert all(w in result.err for w in words), result.err


def test_a_keys_bundle_from_anyone_but_an_officer_is_refused(nia_vault: Nia, there: Nia) -> None:
    olive_pem, anna_pem = export_pem(nia_vault, OLIVE), export_pem(nia_vault, ANNA)
    assert there("trust", "add", str(anna_pem), "--name", "anna@ws-a", "--role", "analyst", **BEA).code == 0
    # The analyst signs a keys bundle that would make a key of hers an officer's at workstation B.
    mallory = Ed25519PrivateKey.generate()
    body = {"users": [{"name": "mallory", "role": "officer", "fingerprint": fingerprint(mallory.public_key()),
                       "public_pem": public_pem(mallory.public_key()).decode()}]}
    forged = nia_vault.tmp / "forged-keys.nia"
    with unlock(nia_vault.vault, ANNA["user"], ANNA["passphrase"]) as session:
        bundles.sign_out(session, "keys", [Source("keys.json", data=json.dumps(body).encode())], forged)
    before = trusted(there, BEA)
    refused(there("trust", "import", str(forged), **BEA), 4, "only from security officers", "anna")
    refused(there("trust", "import", str(forged), "--yes", **BEA), 4, "only from security officers")
    assert trusted(there, BEA) == before
    log = there("audit", "log", "--json", **BEA).json()
    assert [e["outcome"] for e in log if e["action"] == "trust.import"] == ["refused", "refused"]
    # A key trusted here, but not as an officer's: refused the same way.
    clerk = Ed25519PrivateKey.generate()
    (there.tmp / "clerk.pem").write_bytes(public_pem(clerk.public_key()))
    assert there("trust", "add", str(there.tmp / "clerk.pem"), "--name", "clerk@ws-c", "--role", "courier",
                 **BEA).code == 0
    by_clerk = there.tmp / "clerk-keys.nia"
    write_bundle(by_clerk, "keys", [Source("keys.json", data=json.dumps(body).encode())], Signer("clerk", clerk), 1,
                 NOW, {"seq": 1, "hash": "ab" * 32})
    refused(there("trust", "import", str(by_clerk), "--yes", **BEA), 4, "only from security officers")
    # The officer's own keys bundle is taken.
    assert there("trust", "add", str(olive_pem), "--name", "olive@ws-a", "--role", "officer", **BEA).code == 0
    keys = nia_vault.tmp / "keys.nia"
    assert nia_vault("trust", "export", "--out", str(keys), **OLIVE).code == 0
    preview = there("trust", "import", str(keys), "--json", **BEA)
    assert preview.code == 0, preview.err
    assert preview.json()["signer_trusted_as"] == "olive@ws-a"
    assert there("trust", "import", str(keys), "--yes", **BEA).code == 0


def test_officers_keys_change_only_with_a_second_officer(nia_vault: Nia, there: Nia) -> None:
    olive_pem = export_pem(nia_vault, OLIVE)
    assert there("user", "add", "otto", "--role", "officer", new_passphrase=OTTO_PASS, **BEA).code == 0
    witness = {"NIA_WITNESS_PASSPHRASE": OTTO_PASS}
    add = ("trust", "add", str(olive_pem), "--name", "olive@ws-a", "--role", "officer", "--json")
    refused(there(*add, **BEA), 1, "dual control")
    refused(there(*add, "--witness", "otto", env={"NIA_WITNESS_PASSPHRASE": "wrong"}, **BEA), 3)
    added = there(*add, "--witness", "otto", env=witness, **BEA)
    assert added.code == 0, added.err
    olive_fp = added.json()["fingerprint"]
    assert trusted(there, BEA)[olive_fp]["role"] == "officer"

    # Workstation A gains an officer; its keys bundle would add that officer's key at B.
    assert nia_vault("user", "add", "oscar", "--role", "officer", new_passphrase="oscar-passphrase-1",
                     **OLIVE).code == 0
    keys = nia_vault.tmp / "keys.nia"
    assert nia_vault("trust", "export", "--out", str(keys), **OLIVE).code == 0
    preview = there("trust", "import", str(keys), **BEA)
    assert preview.code == 0 and "oscar@olive (officer)" in preview.out and "witness" in preview.out, preview.out
    refused(there("trust", "import", str(keys), "--yes", **BEA), 1, "dual control")
    assert not any(r["name"] == "oscar@olive" for r in trusted(there, BEA).values())
    secret = there.tmp / "otto.pass"
    secret.write_text(OTTO_PASS + "\n")
    applied = there("trust", "import", str(keys), "--yes", "--witness", "otto", "--witness-passphrase-file",
                    str(secret), **BEA)
    assert applied.code == 0, applied.err
    assert any(r["name"] == "oscar@olive" and r["role"] == "officer" for r in trusted(there, BEA).values())

    # Revoking an officer's key: the same rule.
    refused(there("trust", "revoke", olive_fp[:16], **BEA), 1, "dual control")
    assert there("trust", "revoke", olive_fp[:16], "--witness", "otto", env=witness, **BEA).code == 0
    assert trusted(there, BEA)[olive_fp]["revoked_at"]
    witnessed = [e for e in there("audit", "log", "--json", **BEA).json() if e["action"] in ("trust.add",
                                                                                            "trust.revoke")]
    assert witnessed and all(e["details"].get("witness") == "otto" for e in witnessed
                             if e["details"].get("role") == "officer" or e["details"].get("officer"))


def test_revocations_reach_every_workstation(nia_vault: Nia, there: Nia) -> None:
    olive_pem, anna_pem = export_pem(nia_vault, OLIVE), export_pem(nia_vault, ANNA)
    assert there("trust", "add", str(olive_pem), "--name", "olive@ws-a", "--role", "officer", **BEA).code == 0
    assert there("trust", "add", str(anna_pem), "--name", "anna@ws-a", "--role", "analyst", **BEA).code == 0
    with unlock(nia_vault.vault, ANNA["user"], ANNA["passphrase"]) as session:
        anna_key = session.signing_key  # the copy of her slot an insider keeps before `nia user disable`
    with unlock(nia_vault.vault, CARL["user"], CARL["passphrase"]) as session:
        carl_key = session.signing_key
    stolen = nia_vault.tmp / "stolen.nia"
    write_bundle(stolen, "reports", [Source("reports/1/original", data=b"a report\n")], Signer("anna", anna_key),
                 500, NOW, {"seq": 1, "hash": "ab" * 32})
    assert there("bundle", "verify", str(stolen), **DAVE).code == 0
    assert nia_vault("bundle", "verify", str(stolen), **CARL).code == 0

    assert nia_vault("user", "disable", "anna", **OLIVE).code == 0
    refused(nia_vault("bundle", "verify", str(stolen), **CARL), 4, "revoked")
    refused(nia_vault("bundle", "receive", str(stolen), **CARL), 4, "revoked")
    # A local user's current key, and a key never seen here, by its full fingerprint.
    carl_fp = fingerprint(carl_key.public_key())
    assert nia_vault("trust", "revoke", carl_fp[:12], **OLIVE).code == 0
    by_carl = nia_vault.tmp / "carl.nia"
    write_bundle(by_carl, "reports", [Source("reports/1/original", data=b"x\n")], Signer("carl", carl_key), 9, NOW,
                 {"seq": 1, "hash": "ab" * 32})
    refused(nia_vault("bundle", "verify", str(by_carl), **OLIVE), 4, "revoked")
    future = Ed25519PrivateKey.generate()
    future_fp = fingerprint(future.public_key())
    refused(nia_vault("trust", "revoke", future_fp[:20], **OLIVE), 1, "full 64-digit fingerprint")
    revoked = nia_vault("trust", "revoke", future_fp, "--json", **OLIVE)
    assert revoked.code == 0 and revoked.json() == {"revoked": future_fp}, revoked.err

    keys = nia_vault.tmp / "keys.nia"
    assert nia_vault("trust", "export", "--out", str(keys), **OLIVE).code == 0
    plan = there("trust", "import", str(keys), "--json", **BEA).json()
    revocations = {r["fingerprint"]: r for r in plan["revoke"]}
    assert not revocations[fingerprint(anna_key.public_key())]["in_advance"]
    assert revocations[future_fp]["in_advance"] and revocations[carl_fp]["in_advance"]
    assert there("trust", "import", str(keys), "--yes", **BEA).code == 0
    refused(there("bundle", "verify", str(stolen), **DAVE), 4, "revoked")
    later = there.tmp / "future.pem"
    later.write_bytes(public_pem(future.public_key()))
    refused(there("trust", "add", str(later), "--name", "future", **BEA), 1, "already in the trust store")
    by_future = there.tmp / "future.nia"
    write_bundle(by_future, "reports", [Source("reports/1/original", data=b"x\n")], Signer("future", future), 1,
                 NOW, {"seq": 1, "hash": "ab" * 32})
    refused(there("bundle", "verify", str(by_future), **DAVE), 4, "revoked")
