"""The import service: results, duplicates, manifests, audit, search, kill -9 and re-import."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from nia_desktop.core.errors import PermissionRefused, VaultTampered
from nia_desktop.services import import_history, importing, reports
from nia_desktop.services.session import unlock
from tests import samples
from tests.conftest import ANALYST, ANALYST_PASS, COURIER, COURIER_PASS, OFFICER, OFFICER_PASS
from tests.helpers import database_key, raw_database


@pytest.fixture
def media(tmp_path: Path) -> Path:
    root = tmp_path / "usb"
    (root / "npa").mkdir(parents=True)
    (root / "npa" / "en.txt").write_text(samples.EN_REPORT)
    (root / "ja-sjis.txt").write_bytes(samples.text_file("shift_jis"))
    (root / "mail.eml").write_bytes(samples.eml_file(True, attachment=b"Annex: harbour schedule"))
    (root / "rows.csv").write_bytes(samples.csv_rows_file())
    (root / "bundle.json").write_bytes(samples.stix_file())
    return root


def test_import_reports_and_keeps_metadata(vault_dir: Path, media: Path) -> None:
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        outcome = importing.import_paths(session, [media], case="Harbour")
        assert len(outcome.imported) == 7 and not outcome.refused
        listed = reports.list_reports(session, case="Harbour")
        assert len(listed) == 7
        en = next(r for r in listed if r.path.endswith("en.txt"))
        assert (en.agency, en.classification.english, en.reliability, en.credibility, en.language, en.report_date) == (
            "NPA", "SECRET", "B", "2", "en", "2026-03-05")
        report = reports.open_report(session, en.id)
        assert report.details["original_name"] == "en.txt" and report.details["size"] == len(samples.EN_REPORT.encode())
        assert reports.original_bytes(session, en.id) == samples.EN_REPORT.encode()
        mail = next(r for r in listed if r.path.endswith("mail.eml"))
        annex = next(r for r in listed if r.path.endswith("mail.eml!annex.txt"))
        assert reports.open_report(session, annex.id).details["parent_id"] == mail.id
        rows = [r for r in listed if "rows.csv!row" in r.path]
        assert len(rows) == 2
        last = session.db.query("SELECT action, details FROM audit WHERE action = 'report.read' ORDER BY seq DESC")
        assert last and json.loads(last[0][1])["sha256"]


def test_agency_option_overrides_header(vault_dir: Path, media: Path) -> None:
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        importing.import_paths(session, [media / "npa" / "en.txt"], agency="mofa")
        assert reports.list_reports(session)[0].agency == "MOFA"


def test_second_import_is_all_duplicates(vault_dir: Path, media: Path) -> None:
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        first = importing.import_paths(session, [media])
        second = importing.import_paths(session, [media])
        # 4 single-report files, and the two rows of rows.csv, each a duplicate of its report
        assert not second.imported and len(second.duplicates) == 6
        of = {d["sha256"]: d["of"] for d in second.duplicates}
        en_sha = next(r["sha256"] for r in first.imported if r["path"].endswith("en.txt"))
        assert of[en_sha] == next(r["id"] for r in first.imported if r["path"].endswith("en.txt"))
        manifest = import_history.import_manifest(session, second.import_id)
        assert {m.status for m in manifest} == {"duplicate"} and len(manifest) == 6


def test_import_is_audited_with_every_hash(vault_dir: Path, media: Path) -> None:
    (media / "junk.txt").write_bytes(b"\x7fELF" + bytes(10))
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        outcome = importing.import_paths(session, [media])
        batches = [json.loads(row[0]) for row in session.db.query(
            "SELECT details FROM audit WHERE action = 'report.import.batch' ORDER BY seq")]
        summary = json.loads(session.db.query("SELECT details FROM audit WHERE action = 'report.import'")[0][0])
    assert [h for b in batches for h in b["imported"]] == [r["sha256"] for r in outcome.imported]
    refused = [r for b in batches for r in b["refused"]]
    assert refused[0][1] and refused[0][0].endswith("junk.txt")
    assert summary["imported"] == len(outcome.imported) and summary["batches"] == len(batches) == 1


def test_every_batch_commits_with_its_audit_entry(vault_dir: Path, media: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Reports and the entry naming them land in one transaction: a batch that fails at its audit write
    leaves none of its reports behind, and the batches before it keep theirs."""
    monkeypatch.setattr(importing._Batch, "FILES", 2)
    calls = []
    real = importing.Session.audit

    def audit(self: Any, action: str, *args: Any, **kwargs: Any) -> Any:
        if action == "report.import.batch":
            calls.append(action)
            if len(calls) == 2:
                raise OSError(28, "No space left on device")
        return real(self, action, *args, **kwargs)

    monkeypatch.setattr(importing.Session, "audit", audit)
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session, pytest.raises(OSError):
        importing.import_paths(session, [media])
    monkeypatch.undo()
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        stored = {row[0] for row in session.db.query("SELECT sha256 FROM reports")}
        named = {h for row in session.db.query("SELECT details FROM audit WHERE action = 'report.import.batch'")
                 for h in json.loads(row[0])["imported"]}
        assert stored == named and len(named) >= 1
        run = import_history.import_history(session)[0]
        assert run.status == "failed"


@pytest.mark.parametrize(("user", "passphrase"), [(COURIER, COURIER_PASS), (OFFICER, OFFICER_PASS)])
def test_only_analysts_import(vault_dir: Path, media: Path, user: str, passphrase: str) -> None:
    with unlock(vault_dir, user, passphrase) as session:
        with pytest.raises(PermissionRefused):
            importing.import_paths(session, [media])
        with pytest.raises(PermissionRefused):
            reports.list_reports(session)


def test_search_english_and_japanese(vault_dir: Path, media: Path) -> None:
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        importing.import_paths(session, [media])
        hits = reports.search(session, "量子センシング")
        assert hits and "«量子センシング»" in hits[0].snippet
        assert reports.search(session, '"Russian Embassy"')[0].summary.path.endswith("en.txt")
        assert reports.search(session, "embass*")
        assert all(not h.summary.path.endswith("en.txt") for h in reports.search(session, "embassy NOT kanmon"))
        assert any(h.summary.path.endswith("en.txt") for h in reports.search(session, "embassy AND kanmon"))
        assert reports.search(session, "Harbour OR 港湾物流")
        assert not reports.search(session, "nonexistentword")


CRASH = """
import sys
from pathlib import Path
from nia_desktop.services import importing
from nia_desktop.services.session import unlock
importing._Batch.FILES = 100  # commit well before the kill below
session = unlock(Path(sys.argv[1]), "anna", "anna-passphrase-22")
print("started", flush=True)
importing.import_paths(session, [Path(sys.argv[2])], progress=lambda d, t, m: print(d, flush=True))
"""


def test_kill_9_mid_import_then_reimport(vault_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(1000):
        (folder / f"r{i:04}.txt").write_text(f"Subject: report {i}\n\n" + samples.EN_REPORT + f"\nserial {i}\n")
    child = subprocess.Popen([sys.executable, "-c", CRASH, str(vault_dir), str(folder)], stdout=subprocess.PIPE,
                             text=True, start_new_session=True)
    assert child.stdout is not None
    for line in child.stdout:
        if line.strip().isdigit() and int(line) >= 450:
            break
    os.killpg(child.pid, signal.SIGKILL)
    child.wait()
    key = database_key(vault_dir, ANALYST, ANALYST_PASS)
    with raw_database(vault_dir, key) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        landed = db.execute("SELECT count(*) FROM reports").fetchone()[0]
        assert 0 < landed < 1000  # whole group-committed batches, nothing half-written
        # every report is whole: its text is there (a UTF-8 text file's original bytes are its text)
        assert db.execute("SELECT count(*) FROM report_texts").fetchone()[0] == landed
        assert db.execute("SELECT count(*) FROM reports r LEFT JOIN report_texts t ON t.report_id = r.id "
                          "WHERE t.report_id IS NULL").fetchone()[0] == 0
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        again = importing.import_paths(session, [folder])
        assert len(again.imported) + len(again.duplicates) == 1000
        assert len(again.duplicates) == landed
        assert reports.count_reports(session) == 1000
        assert reports.search(session, '"serial 999"')


def test_a_file_that_fails_to_store_keeps_the_files_before_it(vault_dir: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    for i in range(6):
        (folder / f"r{i}.txt").write_text(f"Subject: report {i}\n\n" + samples.EN_REPORT + f"\nserial {i}\n")
    real = importing._store_document

    def fail_on_r3(session, parsed, *args, **kwargs):  # type: ignore[no-untyped-def]
        real(session, parsed, *args, **kwargs)  # its rows are written, then the unit fails part way
        if parsed.item.path.name == "r3.txt":
            raise OSError("disk full")

    monkeypatch.setattr(importing, "_store_document", fail_on_r3)
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        with pytest.raises(OSError, match="disk full"):
            importing.import_paths(session, [folder])
        kept = sorted(r.path.rsplit("/", 1)[-1] for r in reports.list_reports(session))
        assert kept == ["r0.txt", "r1.txt", "r2.txt"]  # the failing file is absent, the ones before it whole
        assert session.db.query("SELECT count(*) FROM report_texts")[0][0] == 3
        run = import_history.import_history(session)[0]
        assert run.status == "failed" and run.counts["imported"] == 3
        assert [m.status for m in import_history.import_manifest(session, run.id)] == ["imported"] * 3
    monkeypatch.setattr(importing, "_store_document", real)
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        again = importing.import_paths(session, [folder])
        assert (len(again.duplicates), len(again.imported)) == (3, 3)


def test_original_bytes_of_a_text_file_are_its_text_checked_by_hash(vault_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "note.txt"
    source.write_text(samples.EN_REPORT)
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        report_id = importing.import_paths(session, [source]).imported[0]["id"]
        assert not session.db.query("SELECT count(*) FROM report_blobs")[0][0]  # not stored twice
        assert reports.original_bytes(session, report_id) == source.read_bytes()
        with session.db.transaction():  # tampering on purpose, as a writer would
            session.db.execute("UPDATE report_texts SET body = body || 'x' WHERE report_id = ?", (report_id,))
        with pytest.raises(VaultTampered, match="do not match"):
            reports.original_bytes(session, report_id)


def test_duplicates_are_found_by_size_then_digest_without_reading_every_digest(
        vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file repeats a report only at its own size: the run reads those digests, and a member of a container
    (whose size no scan saw) is still looked up one by one."""
    import zipfile

    from nia_desktop.core.store import reports as report_store

    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "a.txt").write_text("Subject: A\n\nYEGOROV met NAGASE in Roppongi.\n")
    (second / "a-again.txt").write_text("Subject: A\n\nYEGOROV met NAGASE in Roppongi.\n")  # the same bytes
    (second / "b.txt").write_text("Subject: B\n\nYEGOROV met NAGASE in Shinjuku.\n")  # same size, other bytes
    with zipfile.ZipFile(second / "box.zip", "w") as box:
        box.write(first / "a.txt", "inside/a.txt")
    asked: list[list[int]] = []
    real = report_store.digests_of_sizes
    monkeypatch.setattr(report_store, "digests_of_sizes",
                        lambda db, sizes: asked.append(sorted(set(sizes))) or real(db, sizes))  # type: ignore[func-returns-value]
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        importing.import_paths(session, [first])
        outcome = importing.import_paths(session, [second])
    assert len((first / "a.txt").read_bytes()) == len((second / "b.txt").read_bytes())
    # the file, then the member of the ZIP (its size was never scanned)
    assert [d["path"].rsplit("/", 1)[-1] for d in outcome.duplicates] == ["a-again.txt", "a.txt"]
    assert any(str(r["path"]).endswith("b.txt") for r in outcome.imported)
    assert asked[-1] == sorted({p.stat().st_size for p in second.iterdir()})
