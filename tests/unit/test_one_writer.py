"""One writer: another thread's work never joins, sees or is rolled back with an open import batch."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from nia_desktop.core.store import audit_log
from nia_desktop.core.vault.connection import DatabaseError
from nia_desktop.core.vault.writer_lock import VaultBusy, WriterLock
from nia_desktop.services.session import unlock
from tests.conftest import ANALYST, ANALYST_PASS, OFFICER, OFFICER_PASS


def _count(db, action: str) -> int:  # type: ignore[no-untyped-def]
    return int(db.query("SELECT count(*) FROM audit WHERE action = ?", (action,))[0][0])


def test_a_failed_batch_rolls_back_only_its_own_work(vault_dir: Path) -> None:
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        db = session.db
        db.begin_batch()
        with db.batch_unit():
            db.execute("INSERT INTO settings (key, value) VALUES ('batch-row', '1')")
        other_done = threading.Event()
        seen_during_batch: list[int] = []

        def other() -> None:  # a report opened meanwhile: its read is audited
            seen_during_batch.append(int(db.query("SELECT count(*) FROM settings WHERE key = 'batch-row'")[0][0]))
            session.audit("report.read", "report 1")
            other_done.set()

        thread = threading.Thread(target=other)
        thread.start()
        time.sleep(0.3)
        assert not other_done.is_set(), "another thread ran inside the open batch"
        assert db.others_waiting
        with pytest.raises(RuntimeError), db.batch_unit():
            raise RuntimeError("the batch's own file failed")
        thread.join(10)
        assert other_done.is_set()
        assert seen_during_batch == [0], "another thread saw the batch's uncommitted row"
        assert db.query("SELECT count(*) FROM settings WHERE key = 'batch-row'")[0][0] == 0
        assert _count(db, "report.read") == 1, "the other thread's audit entry was lost with the batch"


def test_a_write_outside_a_transaction_is_refused(vault_dir: Path) -> None:
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        with pytest.raises(DatabaseError, match="not authorized"):
            session.db.execute("INSERT INTO settings (key, value) VALUES ('stray', '1')")
        with session.db.transaction():
            session.db.execute("INSERT INTO settings (key, value) VALUES ('kept', '1')")
        assert session.db.query("SELECT value FROM settings WHERE key = 'kept'") == [("1",)]


def test_another_threads_transaction_waits_instead_of_nesting(vault_dir: Path) -> None:
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        db = session.db
        before = audit_log.last(db)
        assert before is not None
        inside = threading.Event()
        release = threading.Event()

        def holder() -> None:
            with db.transaction():
                session.audit("test.first")
                inside.set()
                release.wait(5)
                raise RuntimeError("rolled back")

        def rolled_back() -> None:
            with pytest.raises(RuntimeError):
                holder()

        thread = threading.Thread(target=rolled_back)
        thread.start()
        inside.wait(5)
        finished = threading.Event()

        def second() -> None:
            session.audit("test.second")
            finished.set()

        other = threading.Thread(target=second)
        other.start()
        time.sleep(0.2)
        assert not finished.is_set()
        release.set()
        thread.join(5)
        other.join(5)
        assert _count(db, "test.first") == 0 and _count(db, "test.second") == 1


def test_another_process_holding_the_vault_is_waited_for_then_refused(vault_dir: Path) -> None:
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        lock = session.db.writer
        import multiprocessing

        ready = multiprocessing.Event()
        done = multiprocessing.Event()
        process = multiprocessing.get_context("fork").Process(target=_hold_lock, args=(vault_dir, ready, done))
        process.start()
        try:
            assert ready.wait(10)
            lock.timeout = 0.5
            started = time.monotonic()
            with pytest.raises(VaultBusy, match="busy"):
                session.audit("test.blocked")
            assert time.monotonic() - started >= 0.5
        finally:
            lock.timeout = 600.0
            done.set()
            process.join(10)
        session.audit("test.after")  # released: the next change goes through
        assert _count(session.db, "test.blocked") == 0 and _count(session.db, "test.after") == 1


def _hold_lock(vault_dir: Path, ready: object, done: object) -> None:
    WriterLock._registry.clear()  # a fresh process's view (the fork copied the parent's)
    lock = WriterLock.for_file(vault_dir / ".lock")
    with lock.hold():
        ready.set()  # type: ignore[attr-defined]
        done.wait(20)  # type: ignore[attr-defined]


def test_a_write_prepared_in_a_transaction_is_refused_outside_one(vault_dir: Path) -> None:
    """SQLite asks the authorizer when a statement is prepared: a cached write must be asked again."""
    sql = "INSERT INTO settings (key, value) VALUES (?, ?)"
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        db = session.db
        with db.transaction():
            db.execute(sql, ("legit", "1"))
        with pytest.raises(DatabaseError, match="not authorized"):
            db.execute(sql, ("stray-same-thread", "1"))
        failed: list[BaseException] = []

        def other() -> None:
            try:
                db.execute(sql, ("stray-other-thread", "1"))
            except DatabaseError as exc:
                failed.append(exc)

        thread = threading.Thread(target=other)
        thread.start()
        thread.join(10)
        assert failed, "another thread wrote outside a transaction with a cached statement"
        assert [r[0] for r in db.query("SELECT key FROM settings WHERE key LIKE '%legit%' OR key LIKE 'stray%'")] \
            == ["legit"]


def test_two_imports_on_one_session_see_each_others_reports(vault_dir: Path, tmp_path: Path) -> None:
    """A report another thread of the same session committed mid-run is a duplicate here, never a conflict."""
    from nia_desktop.services import import_history, importing

    first, second = tmp_path / "a", tmp_path / "b"
    for folder in (first, second):
        folder.mkdir()
    for n in range(6):
        (first / f"r{n}.txt").write_text(f"UNCLASSIFIED\n\nReport {n}: harbour visit {n}.\n")
    (second / "same.txt").write_text("UNCLASSIFIED\n\nReport 5: harbour visit 5.\n")
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        real = importing._parse_all

        def parse_all(*args, **kwargs):  # type: ignore[no-untyped-def]
            for n, parsed in enumerate(real(*args, **kwargs)):
                if n == 2:  # between this import's batches, the other one commits the same file
                    thread = threading.Thread(target=lambda: importing.import_paths(session, [second]))
                    thread.start()
                    thread.join(60)
                yield parsed

        importing._parse_all = parse_all
        importing._Batch.FILES, files = 2, importing._Batch.FILES
        try:
            outcome = importing.import_paths(session, [first])
        finally:
            importing._parse_all, importing._Batch.FILES = real, files
        assert len(outcome.imported) == 5 and len(outcome.duplicates) == 1, outcome.to_json()
        assert [run.status for run in import_history.import_history(session)] == ["done", "done"]


def test_a_failed_commit_leaves_keyslots_json_as_it_was(vault_dir: Path) -> None:
    """The slot file is staged in the transaction and renamed only after COMMIT: a commit that fails (a busy or
    full disk) leaves the file, the database and the user's passphrase as they were."""
    from nia_desktop.services.users import reset_passphrase

    before = (vault_dir / "keyslots.json").read_bytes()
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        def fail(_db) -> None:  # type: ignore[no-untyped-def]
            raise OSError(28, "No space left on device")

        session.db.before_commit.insert(0, fail)
        with pytest.raises(OSError, match="No space"):
            reset_passphrase(session, ANALYST, "a-new-passphrase-for-anna-9")
        session.db.before_commit.remove(fail)
    assert (vault_dir / "keyslots.json").read_bytes() == before
    assert not [p.name for p in vault_dir.iterdir() if p.name.startswith(".keyslots")]
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        assert _count(session.db, "user.reset_passphrase") == 0
