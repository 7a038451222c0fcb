"""Bundles as users and outside tools handle them: export, the README's openssl/sha256sum/unzip check, a tamper
sweep through `nia bundle verify` (exit 4 every time), trust, and receiving on a second workstation."""

from __future__ import annotations

import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests import samples
from tests.e2e.conftest import NIA, Nia

ANNA = {"user": "anna", "passphrase": "anna-passphrase-1"}
OLIVE = {"user": "olive", "passphrase": "olive-passphrase-1"}
CARL = {"user": "carl", "passphrase": "carl-passphrase-1"}


def exported(nia_vault: Nia) -> tuple[Path, Path, list[int]]:
    media = nia_vault.tmp / "usb"
    media.mkdir()
    (media / "a.txt").write_text(samples.EN_REPORT)
    (media / "b.eml").write_bytes(samples.eml_file(True))
    ids = [r["id"] for r in nia_vault("import", str(media), "--json", **ANNA).json()["imported"]]
    bundle, key = nia_vault.tmp / "out.nia", nia_vault.tmp / "anna.pem"
    made = nia_vault("bundle", "reports", *map(str, ids), "--out", str(bundle), "--json", **ANNA)
    assert made.code == 0, made.err
    assert nia_vault("key", "export", "--out", str(key), **ANNA).code == 0
    return bundle, key, ids


def test_the_readme_commands_check_a_bundle_without_the_app(nia_vault: Nia) -> None:
    bundle, key, _ = exported(nia_vault)
    check = nia_vault.tmp / "check"
    check.mkdir()
    script = f"""set -e
cd {check}
unzip -q {bundle}
printf 'NIA-BUNDLE-MANIFEST-v1\\0' | cat - manifest.json > manifest.signed
openssl pkeyutl -verify -pubin -inkey {key} -rawin -in manifest.signed -sigfile manifest.sig
test "$(sha256sum SHA256SUMS | cut -d' ' -f1)" = "$(jq -r .sha256sums manifest.json)"
sha256sum -c SHA256SUMS
"""
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Signature Verified Successfully" in done.stdout and done.stdout.count(": OK") >= 4
    (check / "payload" / "reports").rename(check / "moved")  # a sum no longer matches: sha256sum says so
    assert subprocess.run(["bash", "-c", f"cd {check} && sha256sum -c SHA256SUMS"], capture_output=True,
                          check=False).returncode != 0


def test_verify_with_a_key_and_a_sweep_of_flipped_bytes(nia_vault: Nia) -> None:
    bundle, key, _ = exported(nia_vault)
    ok = nia_vault("bundle", "verify", str(bundle), "--trust", str(key), "--json")
    assert ok.code == 0, ok.err
    body = ok.json()
    assert body["ok"] is True and body["kind"] == "reports" and body["error"] is None and len(body["files"]) >= 4
    original = bundle.read_bytes()
    step = max(1, len(original) // 210)
    positions = list(range(0, len(original), step)) + list(range(len(original) - 22, len(original)))
    assert len(positions) >= 200

    def flipped(position: int) -> tuple[int, int, str]:
        path = nia_vault.tmp / f"t{position}.nia"
        damaged = bytearray(original)
        damaged[position] ^= 0x40
        path.write_bytes(bytes(damaged))
        done = subprocess.run([NIA, "bundle", "verify", str(path), "--trust", str(key)], capture_output=True,
                              text=True, check=False, stdin=subprocess.DEVNULL)
        path.unlink()
        return position, done.returncode, done.stderr

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(flipped, positions))
    wrong = [(p, code, err) for p, code, err in results if code != 4 or "bundle refused" not in err]
    assert not wrong, wrong[:5]
    other = nia_vault.tmp / "other.pem"
    assert nia_vault("key", "export", "--out", str(other), **OLIVE).code == 0
    untrusted = nia_vault("bundle", "verify", str(bundle), "--trust", str(other), "--json")
    assert untrusted.code == 4 and "untrusted signer" in untrusted.json()["error"]


def test_a_second_workstation_trusts_the_signer_and_its_courier_receives_once(nia_vault: Nia, tmp_path: Path) -> None:
    bundle, key, _ = exported(nia_vault)
    there = Nia(tmp_path / "vault-b", tmp_path)
    assert there("init", "--officer", "olive", "--kdf-memory", "19", "--kdf-time", "2",
                 passphrase="olive-passphrase-1").code == 0
    assert there("user", "add", "carl", "--role", "courier", new_passphrase="carl-passphrase-1", **OLIVE).code == 0
    unknown = there("bundle", "receive", str(bundle), **CARL)
    assert unknown.code == 4 and "untrusted signer" in unknown.err
    added = there("trust", "add", str(key), "--name", "anna@ws-a", "--workstation", "ws-a", "--role", "analyst",
                  "--json", **OLIVE)
    assert added.code == 0, added.err
    fp = added.json()["fingerprint"]
    first = there("bundle", "receive", str(bundle), "--json", **CARL)
    assert first.code == 0, first.err
    assert first.json()["already_received"] is False
    again = there("bundle", "receive", str(bundle), **CARL)
    assert again.code == 0 and "already received" in again.out
    queued = there("bundle", "inbound", "--json", **CARL).json()
    assert len(queued) == 1 and queued[0]["kind"] == "reports" and queued[0]["signer"] == fp
    dana = {"user": "dana", "passphrase": "dana-passphrase-1"}
    assert there("user", "add", "dana", "--role", "analyst", new_passphrase="dana-passphrase-1", **OLIVE).code == 0
    assert there("bundle", "accept", queued[0]["uuid"], **CARL).code == 1  # couriers carry, analysts import
    accepted = there("bundle", "accept", queued[0]["uuid"], "--json", **dana)
    assert accepted.code == 0, accepted.err
    assert len(accepted.json()["imported"]) >= 2 and not accepted.json()["refused"]
    listed = there("reports", "--json", **dana).json()
    assert listed and all(r["path"].startswith(f"bundle-{queued[0]['uuid']}/") for r in listed)
    shown = there("report", "show", str(listed[0]["id"]), "--json", **dana).json()
    assert f"bundle {queued[0]['uuid']}" in str(shown) and fp[:16] in str(shown)  # custody: the bundle, its signer
    twice = there("bundle", "accept", queued[0]["uuid"], **dana)
    assert twice.code == 1 and "already accepted" in twice.err
    older = nia_vault.tmp / "older.nia"  # signed before the next one but carried later: a replay
    assert nia_vault("bundle", "reports", "1", "--out", str(older), **ANNA).code == 0
    newer = nia_vault.tmp / "newer.nia"
    assert nia_vault("bundle", "reports", "1", "--out", str(newer), **ANNA).code == 0
    assert there("bundle", "receive", str(newer), **CARL).code == 0
    replayed = there("bundle", "receive", str(older), **CARL)
    assert replayed.code == 4 and "not above the last one seen" in replayed.err
    assert there("trust", "revoke", fp[:12], **OLIVE).code == 0
    revoked = there("bundle", "verify", str(bundle), **CARL)
    assert revoked.code == 4 and "revoked" in revoked.err
    log = there("audit", "log", "--json", **OLIVE).json()
    receipts = [e for e in log if e["action"] == "bundle.receive"]
    assert [e["outcome"] for e in receipts] == ["refused", "ok", "ok", "ok", "refused"]
    assert any(e["action"] == "bundle.accept" and e["outcome"] == "ok" for e in log)
