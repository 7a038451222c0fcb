"""services/backup.py and core/vault/backup.py: consistency under a concurrent writer, all-or-nothing, the audit
entry before the rename, cancel, and the manifest's own rules."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nia_desktop.core.errors import BadInput, UserCancelled
from nia_desktop.core.vault import backup as fmt
from nia_desktop.core.vault import integrity
from nia_desktop.services import backup
from nia_desktop.services.progress import CancelToken
from nia_desktop.services.session import Session, unlock
from tests.conftest import ANALYST, ANALYST_PASS, OFFICER, OFFICER_PASS
from tests.helpers import raw_database

WRITER = """
import sys, time
from pathlib import Path
from nia_desktop.services.session import unlock
from nia_desktop.services.assessments import add_requirement
vault, stop, ready = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
session = unlock(vault, sys.argv[4], sys.argv[5])
n = 0
while not stop.exists() and n < 5000:
    n += 1
    add_requirement(session, f"Question {n}", 2)
    time.sleep(0.002)  # a busy analyst, not a lock hog: the officer's own writes get their turn
    if n == 5:
        ready.touch()
session.close()
"""


def _actions(session: Session, action: str) -> list[tuple[str, str]]:
    return [(str(r[0]), str(r[1])) for r in session.db.query(
        "SELECT outcome, object FROM audit WHERE action = ? ORDER BY seq", (action,))]


def test_a_slow_copy_under_a_busy_writer_is_one_moment_of_the_vault(vault_dir: Path, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The copy takes long (small chunks, a pause each) while another process commits as fast as it can: the
    copy must still be one moment of the vault (every requirement with its audit entry, every page whole)."""
    stop, ready = tmp_path / "stop", tmp_path / "ready"
    session = unlock(vault_dir, OFFICER, OFFICER_PASS)
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(vault_dir), str(stop), str(ready), ANALYST,
                               ANALYST_PASS], env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
                              stderr=subprocess.PIPE, text=True)
    monkeypatch.setattr(fmt, "CHUNK", 4096)
    try:
        deadline = time.monotonic() + 60
        while not ready.exists():
            assert writer.poll() is None, writer.stderr.read() if writer.stderr else ""
            assert time.monotonic() < deadline
            time.sleep(0.05)
        key = session.db_key
        result = backup.backup_vault(session, tmp_path / "b",
                                     progress=lambda d, t, m: time.sleep(0.004) if m.endswith("vault.db") else None)
    finally:
        stop.touch()
        writer.wait(timeout=120)
        session.close()
    assert writer.returncode == 0
    copy = tmp_path / "b" / "vault.db"
    assert not integrity.check_database(copy, key).damaged
    with raw_database(tmp_path / "b", key) as db:
        requirements = db.execute("SELECT count(*) FROM requirements").fetchone()[0]
        entries = db.execute("SELECT count(*) FROM audit WHERE action = 'pir.add'").fetchone()[0]
        head = db.execute("SELECT max(seq) FROM audit").fetchone()[0]
    assert requirements == entries >= 5
    assert head == result.manifest.head_seq
    restored = backup.restore_backup(tmp_path / "b", tmp_path / "r")
    with unlock(restored.path, OFFICER, OFFICER_PASS) as again:  # freshness and folder checks pass as well
        assert again.notices == []


def test_the_audit_entry_is_committed_before_the_folder_appears(officer: Session, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[tuple[str, str]]] = []
    real = fmt.publish

    def publish(tmp: Path, target: Path) -> None:
        seen.append(_actions(officer, "vault.backup"))
        real(tmp, target)

    monkeypatch.setattr(fmt, "publish", publish)
    target = tmp_path / "b"
    backup.backup_vault(officer, target)
    assert seen == [[("ok", str(target))]]
    assert target.is_dir()


def test_a_failed_rename_leaves_nothing_and_says_so_in_the_log(officer: Session, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def publish(tmp: Path, target: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fmt, "publish", publish)
    media = tmp_path / "media"
    media.mkdir()
    with pytest.raises(OSError):
        backup.backup_vault(officer, media / "b")
    assert list(media.iterdir()) == []
    assert [o for o, _ in _actions(officer, "vault.backup")] == ["ok", "failed"]


def test_cancel_leaves_nothing_and_no_backup_entry(officer: Session, tmp_path: Path) -> None:
    token = CancelToken()

    def progress(done: int, total: int, message: str) -> None:
        token.cancel()

    media = tmp_path / "media"
    media.mkdir()
    with pytest.raises(UserCancelled):
        backup.backup_vault(officer, media / "b", progress=progress, cancel=token)
    assert list(media.iterdir()) == []
    assert _actions(officer, "vault.backup") == []


def test_the_manifest_names_only_vault_files_even_when_signed(officer: Session, tmp_path: Path) -> None:
    from nia_desktop.core.store import workstation_keys

    result = backup.backup_vault(officer, tmp_path / "b")
    key = workstation_keys.audit_key(officer.db)
    for bad in ("../outside", ".lock", "vault.db-journal"):
        body = result.manifest.to_json()
        body["files"].append({"name": bad, "size": 1, "sha256": "0" * 64})
        from nia_desktop.core.canonical import canonical_json

        with pytest.raises(BadInput, match="not a vault file"):
            fmt.Manifest.from_bytes(canonical_json(body))
    assert fmt.check_signature(*fmt.sign_manifest(result.manifest, key)).to_json() == result.manifest.to_json()


def test_restored_status_tells_a_foreign_key_and_a_missing_head(officer: Session, tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from nia_desktop.core.signing import public_raw

    assert backup.restored_status(officer) is None
    result = backup.backup_vault(officer, tmp_path / "b")
    forger = Ed25519PrivateKey.generate()
    forged = fmt.Manifest(**{**result.manifest.__dict__, "audit_public": public_raw(forger.public_key()),
                             "head_seq": result.manifest.head_seq + 1000})
    data, sig = fmt.sign_manifest(forged, forger)
    record = {"manifest": json.loads(data), "signature": sig.hex()}
    (officer.vault.paths.root / fmt.RESTORED_FROM).write_text(json.dumps(record))
    status = backup.restored_status(officer)
    assert status is not None
    problems = " | ".join(status["problems"])
    assert "re-signed" in problems and f"entry {forged.head_seq}" in problems


def test_a_backup_while_another_thread_writes_is_one_moment_too(vault_dir: Path, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The desktop's case: a worker thread of the same process keeps committing while the backup copies."""
    import threading

    from nia_desktop.services.assessments import add_requirement

    stop = threading.Event()
    analyst = unlock(vault_dir, ANALYST, ANALYST_PASS)
    officer = unlock(vault_dir, OFFICER, OFFICER_PASS)
    written: list[int] = []

    def write() -> None:
        while not stop.is_set():
            written.append(add_requirement(analyst, f"Question {len(written)}", 3))

    thread = threading.Thread(target=write)
    thread.start()
    monkeypatch.setattr(fmt, "CHUNK", 4096)
    try:
        while len(written) < 5:
            time.sleep(0.01)
        result = backup.backup_vault(officer, tmp_path / "b",
                                     progress=lambda d, t, m: time.sleep(0.002) if m.endswith("vault.db") else None)
    finally:
        stop.set()
        thread.join(timeout=60)
        key = officer.db_key
        analyst.close()
        officer.close()
    with raw_database(tmp_path / "b", key) as db:
        requirements = db.execute("SELECT count(*) FROM requirements").fetchone()[0]
        entries = db.execute("SELECT count(*) FROM audit WHERE action = 'pir.add'").fetchone()[0]
    assert requirements == entries >= 5 and result.manifest.head_seq > 0
    assert not integrity.check_database(tmp_path / "b" / "vault.db", key).damaged


def test_a_damaged_vault_is_not_backed_up(vault_dir: Path, tmp_path: Path) -> None:
    from nia_desktop.core.errors import VaultDamaged

    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        key = session.db_key
    with raw_database(vault_dir, key) as db:
        page = int(db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'fusion_judgements'").fetchone()[0])
    with (vault_dir / "vault.db").open("r+b") as handle:
        handle.seek(4096 * (page - 1) + 100)
        handle.write(b"\xde\xad\xbe\xef")
    media = tmp_path / "media"
    media.mkdir()
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        with pytest.raises(VaultDamaged, match=f"page {page} fail"):
            backup.backup_vault(session, media / "b")
        assert _actions(session, "vault.backup") == []
    assert list(media.iterdir()) == []
