"""Audit chain: every tampering case, done directly on the database with the raw key."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from nia_desktop.core import audit as chain
from nia_desktop.core.canonical import canonical_json
from nia_desktop.services import auditing
from nia_desktop.services.session import unlock
from tests.conftest import OFFICER, OFFICER_PASS
from tests.helpers import database_key, raw_database


def verify(vault: Path, checkpoint: Path | None = None) -> chain.ChainReport:
    with unlock(vault, OFFICER, OFFICER_PASS) as session:
        return auditing.verify(session, checkpoint)


def test_intact_chain_verifies(vault_dir: Path) -> None:
    report = verify(vault_dir)
    assert report.ok and report.first_bad is None
    assert report.reason == f"{report.entries} entries, chain intact"


def test_modified_entry(vault_dir: Path) -> None:
    key = database_key(vault_dir, OFFICER, OFFICER_PASS)
    with raw_database(vault_dir, key) as db:
        db.execute("UPDATE audit SET object = 'mallory' WHERE seq = 3")
    report = verify(vault_dir)
    assert not report.ok and report.first_bad == 3 and "modified" in report.reason


def test_deleted_entry(vault_dir: Path) -> None:
    key = database_key(vault_dir, OFFICER, OFFICER_PASS)
    with raw_database(vault_dir, key) as db:
        db.execute("DELETE FROM audit WHERE seq = 4")
    report = verify(vault_dir)
    assert not report.ok and report.first_bad == 4


def test_reordered_entries(vault_dir: Path) -> None:
    key = database_key(vault_dir, OFFICER, OFFICER_PASS)
    with raw_database(vault_dir, key) as db:
        db.execute("UPDATE audit SET seq = -1 WHERE seq = 3")
        db.execute("UPDATE audit SET seq = 3 WHERE seq = 4")
        db.execute("UPDATE audit SET seq = 4 WHERE seq = -1")
    report = verify(vault_dir)
    assert not report.ok and report.first_bad == 3


def test_inserted_entry(vault_dir: Path) -> None:
    key = database_key(vault_dir, OFFICER, OFFICER_PASS)
    with raw_database(vault_dir, key) as db:
        rows = db.execute("SELECT seq FROM audit WHERE seq >= 3 ORDER BY seq DESC").fetchall()
        for (seq,) in rows:
            db.execute("UPDATE audit SET seq = ? WHERE seq = ?", (seq + 1, seq))
        prev = db.execute("SELECT hash FROM audit WHERE seq = 2").fetchone()[0]
        forged = chain.make_entry(prev, seq=3, ts="2026-01-01T00:00:00.000000Z", actor=OFFICER,
                                  role="officer", action="user.add", object="mole", outcome="ok", details={})
        db.execute("INSERT INTO audit VALUES (?,?,?,?,?,?,?,?,?,?)", (
            forged.seq, forged.ts, forged.actor, forged.role, forged.action, forged.object, forged.outcome,
            "{}", forged.prev_hash, forged.hash))
    report = verify(vault_dir)
    assert not report.ok and report.first_bad == 4  # the forged entry hashes well; its successor does not


def test_fully_rechained_log_is_caught_by_signed_heads(vault_dir: Path) -> None:
    """An attacker with the key rewrites entry 2 and recomputes every later hash."""
    key = database_key(vault_dir, OFFICER, OFFICER_PASS)
    vault_id = json.loads((vault_dir / "vault.json").read_text())["vault_id"]
    with raw_database(vault_dir, key) as db:
        rows = db.execute("SELECT seq, ts, actor, role, action, object, outcome, details FROM audit "
                          "ORDER BY seq").fetchall()
        prev = chain.genesis_hash(vault_id)
        for seq, ts, actor, role, action, obj, outcome, details in rows:
            if seq == 2:
                obj = "someone-else"
            entry = chain.make_entry(prev, seq=seq, ts=ts, actor=actor, role=role, action=action, object=obj,
                                     outcome=outcome, details=json.loads(details))
            db.execute("UPDATE audit SET object = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                       (obj, entry.prev_hash, entry.hash, seq))
            prev = entry.hash
    report = verify(vault_dir)
    assert not report.ok and "signed head" in report.reason


def test_truncated_tail_detected_by_anchor(vault_dir: Path) -> None:
    key = database_key(vault_dir, OFFICER, OFFICER_PASS)
    with raw_database(vault_dir, key) as db:
        total = db.execute("SELECT max(seq) FROM audit").fetchone()[0]
        db.execute("DELETE FROM audit WHERE seq > ?", (total - 3,))
        db.execute("DELETE FROM audit_seals WHERE seq > ?", (total - 3,))
        last_sealed = db.execute("SELECT max(seq) FROM audit_seals").fetchone()[0]
    report = verify(vault_dir)
    # Everything after the last head still signed is unvouched for; the unlock itself adds entries (it reports the
    # anchor ahead of the log), so the signed anchor's entry may now exist with other content.
    assert not report.ok
    assert (report.first_bad == last_sealed + 1 and "cut off" in report.reason) or \
        (report.first_bad == total and "rolled back or rewritten" in report.reason), report


def test_missing_anchor_is_not_silently_accepted(vault_dir: Path) -> None:
    (vault_dir / "audit-anchor.json").unlink()
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        (vault_dir / "audit-anchor.json").unlink(missing_ok=True)
        report = auditing.verify(session)
    assert not report.ok and "anchor" in report.reason


def test_rolled_back_database_is_behind_the_checkpoint(vault_dir: Path, tmp_path: Path) -> None:
    saved = tmp_path / "saved"
    shutil.copytree(vault_dir, saved)
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        auditing.checkpoint(session, tmp_path / "cp.json")
    # Whole-file rollback: the old database and its anchor, both internally consistent.
    for name in ("vault.db", "audit-anchor.json", "keyslots.json", "security-state.json"):
        shutil.copy2(saved / name, vault_dir / name)
    assert verify(vault_dir).ok  # nothing inside the vault can see this...
    report = verify(vault_dir, tmp_path / "cp.json")  # ...the checkpoint can
    assert not report.ok and "checkpoint" in report.reason and "rolled back" in report.reason


def test_diverged_log_differs_from_checkpoint(vault_dir: Path, tmp_path: Path) -> None:
    saved = tmp_path / "saved"
    shutil.copytree(vault_dir, saved)
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        auditing.checkpoint(session, tmp_path / "cp.json")
    for name in ("vault.db", "audit-anchor.json", "keyslots.json", "security-state.json"):
        shutil.copy2(saved / name, vault_dir / name)
    for _ in range(3):  # new, different history past the checkpoint's sequence number
        unlock(vault_dir, OFFICER, OFFICER_PASS).close()
    report = verify(vault_dir, tmp_path / "cp.json")
    assert not report.ok and "differs from the checkpoint" in report.reason


def test_checkpoint_signature_is_domain_separated(vault_dir: Path, tmp_path: Path) -> None:
    """An anchor (AUDIT_HEAD) presented as a checkpoint must not verify."""
    anchor = json.loads((vault_dir / "audit-anchor.json").read_text())
    (tmp_path / "fake.json").write_text(json.dumps({"checkpoint": anchor}))
    report = verify(vault_dir, tmp_path / "fake.json")
    assert not report.ok and "bad signature" in report.reason


def test_export_checks_with_only_the_public_key(officer, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "audit.jsonl"
    auditing.export(officer, out)
    public = auditing.audit_public_key(officer)
    assert auditing.check_export(out, public).ok
    lines = out.read_bytes().splitlines()
    entry = json.loads(lines[2])
    entry["object"] = "forged"
    lines[2] = canonical_json(entry)
    out.write_bytes(b"\n".join(lines) + b"\n")
    bad = auditing.check_export(out, public)
    assert not bad.ok and bad.first_bad == 2


def test_canonical_json_is_stable() -> None:
    assert canonical_json({"b": 1, "a": "秘"}) == '{"a":"秘","b":1}'.encode()
    with pytest.raises(ValueError):
        canonical_json({"x": float("nan")})
