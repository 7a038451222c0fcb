"""`nia vault backup` and `nia vault restore` through the real executable (issue #11)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tests.e2e.conftest import Nia, Result
from tests.e2e.test_import_cli import ANALYST, COURIER, make_media
from tests.helpers import database_key, raw_database

OFFICER = {"user": "olive", "passphrase": "olive-passphrase-1"}
EVERYONE = (OFFICER, ANALYST, COURIER)

# Another process keeps writing (a requirement and its audit entry in one transaction) until told to stop.
WRITER = """
import sys, time
from pathlib import Path
from nia_desktop.services.session import unlock
from nia_desktop.services.assessments import add_requirement
vault, stop = Path(sys.argv[1]), Path(sys.argv[2])
session = unlock(vault, "anna", "anna-passphrase-1")
n = 0
while not stop.exists() and n < 3000:
    n += 1
    add_requirement(session, f"Question {n}: who met whom at the port?", 2)
    time.sleep(0.002)  # a busy analyst, not a lock hog: the officer's commands get their turn
session.close()
print(n)
"""


def backup(nia: Nia, to: Path, **who: str) -> Result:
    return nia("vault", "backup", "--to", str(to), "--json", **(who or OFFICER))


def restore(nia: Nia, source: Path, to: Path, *extra: str, home: Path | None = None) -> Result:
    env = {"HOME": str(home)} if home else None
    return nia("vault", "restore", str(source), "--to", str(to), *extra, env=env)


def counts(vault: Path) -> tuple[int, int]:
    """(requirements, pir.add audit entries) as the database holds them."""
    key = database_key(vault, "olive", "olive-passphrase-1")
    with raw_database(vault, key) as db:
        return (db.execute("SELECT count(*) FROM requirements").fetchone()[0],
                db.execute("SELECT count(*) FROM audit WHERE action = 'pir.add'").fetchone()[0])


def test_backup_while_another_process_writes_is_consistent(nia_vault: Nia) -> None:
    stop = nia_vault.tmp / "stop"
    env = {k: v for k, v in os.environ.items() if not k.startswith("NIA_")}
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(nia_vault.vault), str(stop)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(1.5)  # the writer is unlocked and committing
        backups = []
        for i in range(3):
            target = nia_vault.tmp / f"backup-{i}"
            result = backup(nia_vault, target)
            assert result.code == 0, result.err
            backups.append((target, result.json()))
    finally:
        stop.touch()
        out, err = writer.communicate(timeout=120)
    assert writer.returncode == 0, err
    written = int(out.strip())
    seen = []
    for i, (target, manifest) in enumerate(backups):
        restored = nia_vault.tmp / f"restored-{i}"
        assert restore(nia_vault, target, restored).code == 0
        requirements, entries = counts(restored)
        assert requirements == entries  # every requirement with its audit entry: no commit was cut in two
        seen.append(requirements)
        there = Nia(restored, nia_vault.tmp)
        assert there("audit", "verify", "--json", **OFFICER).json()["ok"] is True
        check = there("vault", "check", "--json", **OFFICER)
        assert check.code == 0, check.out
        assert check.json()["restored"]["problems"] == []
        assert manifest["audit_head"]["seq"] >= requirements
    assert seen == sorted(seen) and seen[-1] <= written
    assert seen[-1] > 0  # the writer had committed before the first backup


def test_restore_on_a_fresh_machine_unlocks_for_every_user(nia_vault: Nia, tmp_path: Path) -> None:
    assert nia_vault("import", str(make_media(nia_vault.tmp / "usb")), **ANALYST).code == 0
    before = nia_vault("reports", "--json", **ANALYST).json()
    target = tmp_path / "media" / "nia-backup"
    target.parent.mkdir()
    made = backup(nia_vault, target)
    assert made.code == 0, made.err
    assert sorted(p.name for p in target.iterdir()) == sorted(
        [f["name"] for f in made.json()["files"]] + ["manifest.json", "manifest.sig"])
    assert not [p for p in target.parent.iterdir() if p.name.startswith(".")]  # no staging folder left
    # A fresh machine: another HOME, another path, the original vault gone.
    home = tmp_path / "other-home"
    home.mkdir()
    shutil.rmtree(nia_vault.vault)
    restored = tmp_path / "elsewhere" / "vault"
    restored.parent.mkdir()
    result = restore(nia_vault, target, restored, home=home)
    assert result.code == 0, result.err
    assert "same passphrases" in result.out
    there = Nia(restored, tmp_path)
    for who in EVERYONE:
        exported = there("key", "export", "--out", str(tmp_path / f"{who['user']}.pem"), env={"HOME": str(home)},
                         **who)
        assert exported.code == 0, exported.err
    assert there("reports", "--json", **ANALYST).json() == before
    assert there("audit", "verify", **OFFICER).code == 0


def test_backup_is_for_officers_refusal_audited_and_nothing_written(nia_vault: Nia) -> None:
    target = nia_vault.tmp / "b"
    for who in (ANALYST, COURIER):
        result = nia_vault("vault", "backup", "--to", str(target), **who)
        assert result.code == 1 and "may not back up the vault" in result.err
        assert not target.exists()
    log = nia_vault("audit", "log", "--json", "--limit", "500", **OFFICER).json()
    refused = [e for e in log if e["action"] == "vault.backup" and e["outcome"] == "refused"]
    assert {e["actor"] for e in refused} == {"anna", "carl"}


def test_backup_is_audited_and_never_overwrites(nia_vault: Nia) -> None:
    target = nia_vault.tmp / "b"
    target.mkdir()  # an empty folder is fine
    made = backup(nia_vault, target)
    assert made.code == 0, made.err
    log = nia_vault("audit", "log", "--json", **OFFICER).json()
    entry = next(e for e in log if e["action"] == "vault.backup" and e["outcome"] == "ok")
    assert entry["object"] == str(target) and entry["details"]["fingerprint"] == made.json()["fingerprint"]
    again = backup(nia_vault, target)
    assert again.code == 1 and "not empty" in again.err
    inside = backup(nia_vault, nia_vault.vault / "b")
    assert inside.code == 1 and "inside the vault folder" in inside.err


@pytest.fixture
def made(nia_vault: Nia) -> Path:
    target = nia_vault.tmp / "good-backup"
    assert backup(nia_vault, target).code == 0
    return target


def _copy(made: Path, tmp: Path) -> Path:
    forged = tmp / f"forged-{len(list(tmp.iterdir()))}"
    shutil.copytree(made, forged)
    return forged


def _refused(nia: Nia, source: Path, naming: str) -> None:
    target = nia.tmp / "restore-target"
    result = restore(nia, source, target)
    assert result.code == 1, result.out
    assert naming in result.err and "internal error" not in result.err, result.err
    assert not target.exists()
    assert not [p for p in nia.tmp.iterdir() if p.name.startswith(".restore-target")]


def test_a_byte_changed_in_any_file_is_refused_naming_it(nia_vault: Nia, made: Path) -> None:
    names = [p.name for p in made.iterdir()]
    assert {"vault.db", "vault.json", "keyslots.json", "audit-anchor.json", "manifest.json",
            "manifest.sig"} <= set(names)
    for name in names:
        forged = _copy(made, nia_vault.tmp)
        data = bytearray((forged / name).read_bytes())
        data[len(data) // 2] ^= 0x01
        (forged / name).write_bytes(bytes(data))
        _refused(nia_vault, forged, "manifest" if name.startswith("manifest") else name)


def test_an_added_or_removed_file_is_refused_naming_it(nia_vault: Nia, made: Path) -> None:
    forged = _copy(made, nia_vault.tmp)
    (forged / "notes.txt").write_text("hello")
    _refused(nia_vault, forged, "notes.txt")
    for name in ("keyslots.json", "security-state.json", "manifest.sig"):
        forged = _copy(made, nia_vault.tmp)
        (forged / name).unlink()
        _refused(nia_vault, forged, name)
    forged = _copy(made, nia_vault.tmp)
    (forged / "vault.db").unlink()
    (forged / "vault.db").symlink_to(made / "vault.db")
    _refused(nia_vault, forged, "vault.db")


def _resign(forged: Path, change: dict[str, object], key: Ed25519PrivateKey) -> None:
    from nia_desktop.core.canonical import canonical_json
    from nia_desktop.core.signing import SigningContext, public_raw, sign

    manifest = json.loads((forged / "manifest.json").read_bytes())
    manifest.update(change)
    manifest["audit_public_key"] = public_raw(key.public_key()).hex()
    data = canonical_json(manifest)
    (forged / "manifest.json").write_bytes(data)
    (forged / "manifest.sig").write_bytes(sign(key, SigningContext.VAULT_BACKUP, data))


def test_a_changed_manifest_is_refused_and_one_re_signed_by_another_key_too(nia_vault: Nia, made: Path) -> None:
    forged = _copy(made, nia_vault.tmp)
    manifest = json.loads((forged / "manifest.json").read_bytes())
    manifest["audit_head"]["seq"] += 100
    (forged / "manifest.json").write_bytes(json.dumps(manifest).encode())
    _refused(nia_vault, forged, "manifest.json")
    # Re-signed by a forger's key over a changed vault.db: the manifest verifies with its own key, but the
    # vault's audit anchor does not.
    forged = _copy(made, nia_vault.tmp)
    data = bytearray((forged / "vault.db").read_bytes())
    data[5000] ^= 0xFF
    (forged / "vault.db").write_bytes(bytes(data))
    import hashlib

    files = json.loads((forged / "manifest.json").read_bytes())["files"]
    for entry in files:
        if entry["name"] == "vault.db":
            entry["sha256"] = hashlib.sha256(bytes(data)).hexdigest()
    _resign(forged, {"files": files}, Ed25519PrivateKey.generate())
    _refused(nia_vault, forged, "manifest.json")


def test_a_forger_who_re_signs_the_anchor_too_is_caught_by_the_kept_key_or_checkpoint(nia_vault: Nia,
                                                                                      made: Path) -> None:
    from nia_desktop.core import audit as chain
    from nia_desktop.core.signing import SigningContext

    checkpoint = nia_vault.tmp / "cp.json"
    assert nia_vault("audit", "checkpoint", "--out", str(checkpoint), **OFFICER).code == 0
    pem = nia_vault.tmp / "audit.pem"
    assert nia_vault("audit", "key", "--out", str(pem), **OFFICER).code == 0
    forged = _copy(made, nia_vault.tmp)
    key = Ed25519PrivateKey.generate()
    anchor = chain.SignedHead.from_json(json.loads((forged / "audit-anchor.json").read_bytes()))
    fake = chain.sign_head(key, SigningContext.AUDIT_HEAD, anchor.vault_id, anchor.seq, anchor.head, anchor.time)
    (forged / "audit-anchor.json").write_bytes(json.dumps(fake.to_json(), sort_keys=True).encode())
    import hashlib

    files = json.loads((forged / "manifest.json").read_bytes())["files"]
    for entry in files:
        data = (forged / entry["name"]).read_bytes()
        entry["sha256"], entry["size"] = hashlib.sha256(data).hexdigest(), len(data)
    _resign(forged, {"files": files}, key)
    for option, value in (("--audit-key", pem), ("--checkpoint", checkpoint)):
        target = nia_vault.tmp / "restore-target"
        result = restore(nia_vault, forged, target, option, str(value))
        assert result.code == 1 and "re-signed" in result.err, result.err
        assert not target.exists()
    # Without anything kept off the machine it restores, and the first officer check tells.
    target = nia_vault.tmp / "restored-forgery"
    assert restore(nia_vault, forged, target).code == 0
    check = Nia(target, nia_vault.tmp)("vault", "check", "--json", **OFFICER)
    assert check.code == 5  # the forged anchor does not verify with the vault's audit key either
    assert any("re-signed" in p for p in check.json()["restored"]["problems"])


def test_restore_never_overwrites(nia_vault: Nia, made: Path) -> None:
    occupied = nia_vault.tmp / "occupied"
    occupied.mkdir()
    (occupied / "keep.txt").write_text("mine")
    result = restore(nia_vault, made, occupied)
    assert result.code == 1 and "not empty" in result.err
    assert [p.name for p in occupied.iterdir()] == ["keep.txt"]
    onto_vault = restore(nia_vault, made, nia_vault.vault)
    assert onto_vault.code == 1 and "not empty" in onto_vault.err
    empty = nia_vault.tmp / "empty"
    empty.mkdir()
    assert restore(nia_vault, made, empty).code == 0


def test_restore_warns_when_the_backup_is_older_than_a_checkpoint(nia_vault: Nia, made: Path) -> None:
    assert nia_vault("pir", "add", "Later work", "--priority", "1", **ANALYST).code == 0
    checkpoint = nia_vault.tmp / "cp.json"
    assert nia_vault("audit", "checkpoint", "--out", str(checkpoint), **OFFICER).code == 0
    target = nia_vault.tmp / "restored"
    result = restore(nia_vault, made, target, "--checkpoint", str(checkpoint))
    assert result.code == 0, result.err
    assert "older than the audit checkpoint" in result.err
    # The restored vault itself unlocks without complaint (its files are consistent with each other); the
    # checkpoint is what tells the log stops short.
    there = Nia(target, nia_vault.tmp)
    assert there("audit", "verify", **OFFICER).code == 0
    assert there("audit", "verify", "--checkpoint", str(checkpoint), **OFFICER).code == 5
    # A checkpoint older than the backup gives no warning.
    fresh = nia_vault.tmp / "fresh"
    assert backup(nia_vault, fresh).code == 0
    quiet = restore(nia_vault, fresh, nia_vault.tmp / "restored-2", "--checkpoint", str(checkpoint))
    assert quiet.code == 0 and "older" not in quiet.err


def test_a_backup_checks_with_openssl_jq_and_sha256sum(nia_vault: Nia, made: Path) -> None:
    pem = nia_vault.tmp / "audit.pem"
    assert nia_vault("audit", "key", "--out", str(pem), **OFFICER).code == 0
    signed = nia_vault.tmp / "manifest.signed"
    signed.write_bytes(b"NIA-VAULT-BACKUP-v1\0" + (made / "manifest.json").read_bytes())
    verified = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", str(pem), "-rawin", "-in",
                               str(signed), "-sigfile", str(made / "manifest.sig")], capture_output=True, text=True)
    assert verified.returncode == 0 and "Success" in verified.stdout

    def sha256sum_c(folder: Path) -> subprocess.CompletedProcess[str]:
        """`jq -r '.files[] | "\\(.sha256)  \\(.name)"' manifest.json | sha256sum -c`, without a shell."""
        listed = subprocess.run(["jq", "-r", '.files[] | "\\(.sha256)  \\(.name)"', "manifest.json"], cwd=folder,
                                capture_output=True, text=True, check=True).stdout
        return subprocess.run(["sha256sum", "-c"], input=listed, cwd=folder, capture_output=True, text=True)

    sums = sha256sum_c(made)
    files = json.loads((made / "manifest.json").read_bytes())["files"]
    assert sums.returncode == 0 and sums.stdout.count(": OK") == len(files)
    (made / "keyslots.json").write_bytes(b"{}")
    assert sha256sum_c(made).returncode != 0
