"""core/vault/integrity.py and services/vault_check.py: damage recognised by its words, pages and tables named."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
import sqlcipher3

from nia_desktop.core.errors import AuthFailed, PermissionRefused, VaultDamaged
from nia_desktop.core.vault import integrity
from nia_desktop.services.session import Session, unlock
from nia_desktop.services.vault_check import check_unopened, check_vault
from tests.conftest import ANALYST, ANALYST_PASS, OFFICER, OFFICER_PASS
from tests.helpers import raw_database

PAGE = 4096


def _flip(vault: Path, page: int) -> None:
    with (vault / "vault.db").open("r+b") as handle:
        handle.seek(PAGE * (page - 1) + 100)
        data = handle.read(8)
        handle.seek(PAGE * (page - 1) + 100)
        handle.write(bytes(b ^ 0xA5 for b in data))


def _root(vault: Path, key: bytes, table: str) -> int:
    with raw_database(vault, key) as db:
        return int(db.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0])


@pytest.mark.parametrize("message", ["database disk image is malformed", "file is not a database",
                                     "disk I/O error", "HMAC check failed for pgno=7"])
def test_damage_is_recognised_through_causes(message: str) -> None:
    try:
        try:
            raise sqlcipher3.DatabaseError(message)
        except sqlcipher3.DatabaseError as inner:
            raise RuntimeError("wrapped") from inner
    except RuntimeError as exc:
        damaged = integrity.as_damage(exc, "/vaults/main")
    assert isinstance(damaged, VaultDamaged)
    assert "/vaults/main" in damaged.user_message and "nia vault check" in damaged.user_message
    assert "nia vault restore" in damaged.user_message and damaged.exit_code == 1


@pytest.mark.parametrize("exc", [sqlcipher3.OperationalError("database is locked"), ValueError("malformed"),
                                 AuthFailed(), sqlcipher3.IntegrityError("UNIQUE constraint failed")])
def test_other_errors_are_not_damage(exc: BaseException) -> None:
    assert integrity.as_damage(exc, "/v") is None


def test_a_clean_vault_checks_clean_and_the_check_is_audited(officer: Session) -> None:
    report = check_vault(officer)
    assert report.ok and report.exit_code == 0 and report.audited
    assert report.database.page_count > 10 and report.database.page_size == PAGE
    assert report.audit is not None and report.audit["ok"]
    last = officer.db.query("SELECT action, outcome FROM audit ORDER BY seq DESC LIMIT 1")[0]
    assert tuple(last) == ("vault.check", "ok")


def test_a_damaged_page_is_named_with_its_table(vault_dir: Path) -> None:
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        key = session.db_key
    page = _root(vault_dir, key, "fusion_judgements")  # not read by unlock
    _flip(vault_dir, page)
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        report = check_vault(session)
    assert report.database.pages == (page,) and report.database.tables == ("fusion_judgements",)
    assert not report.ok and report.exit_code == 1
    assert any(f"page {page}" in line for line in report.lines())


def test_analysts_may_not_check(vault_dir: Path) -> None:
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session, pytest.raises(PermissionRefused):
        check_vault(session)


def test_a_vault_that_does_not_unlock_is_checked_read_only(vault_dir: Path) -> None:
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        key = session.db_key
    page = _root(vault_dir, key, "users")
    _flip(vault_dir, page)
    with pytest.raises(sqlcipher3.DatabaseError):
        unlock(vault_dir, OFFICER, OFFICER_PASS)
    before = (vault_dir / "vault.db").read_bytes()
    report = check_unopened(vault_dir, OFFICER, OFFICER_PASS)
    assert (vault_dir / "vault.db").read_bytes() == before  # nothing written to a damaged database
    assert report.unlocked is False and page in report.database.pages and "users" in report.database.tables
    assert report.exit_code == 1
    with pytest.raises(AuthFailed):
        check_unopened(vault_dir, OFFICER, "not the passphrase")


def test_an_analyst_cannot_check_a_damaged_vault_when_the_users_table_still_reads(vault_dir: Path) -> None:
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        key = session.db_key
    _flip(vault_dir, _root(vault_dir, key, "audit"))
    with pytest.raises(PermissionRefused):
        check_unopened(vault_dir, ANALYST, ANALYST_PASS)
    report = check_unopened(vault_dir, OFFICER, OFFICER_PASS)
    assert report.audit_problem and report.exit_code == 5


def test_a_long_check_statement_stops_when_cancelled(officer: Session) -> None:
    from nia_desktop.core.errors import UserCancelled

    counting = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 3000000) SELECT count(*) FROM c"
    paths, key = officer.vault.paths, officer.db_key
    assert integrity._rows(paths.database, key, counting, stop=lambda: False) == [(3000000,)]
    with pytest.raises(UserCancelled):
        integrity._rows(paths.database, key, counting, stop=lambda: True)


def test_read_only_is_damage_only_where_the_vault_is_writable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    refused = sqlcipher3.OperationalError("attempt to write a readonly database")
    (tmp_path / "vault.db").write_bytes(b"")
    assert integrity.as_damage(refused, tmp_path) is not None
    assert integrity.as_damage(refused, None) is None
    monkeypatch.setattr(integrity.os, "access", lambda path, mode: False)  # read-only media (root ignores chmod)
    assert integrity.as_damage(refused, tmp_path) is None


def test_after_a_failed_page_writes_are_refused_and_told_as_damage(vault_dir: Path) -> None:
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        key = session.db_key
    _flip(vault_dir, _root(vault_dir, key, "requirements"))
    session = unlock(vault_dir, OFFICER, OFFICER_PASS)
    try:
        with pytest.raises(sqlcipher3.DatabaseError):
            session.db.query("SELECT * FROM requirements")
        with pytest.raises(sqlcipher3.OperationalError) as caught:
            session.audit("probe")
        assert caught.value.__context__ is None  # nothing else to recognise it by
        damaged = integrity.as_damage(caught.value, vault_dir)
        assert damaged is not None and str(vault_dir) in damaged.user_message
    finally:
        with contextlib.suppress(sqlcipher3.DatabaseError):
            session.close()


def test_the_check_walks_the_whole_audit_log_not_only_what_came_after_the_last_verify(vault_dir: Path) -> None:
    from nia_desktop.services import auditing

    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        assert auditing.verify(session).ok  # records where it ended: the next verify starts there
        key = session.db_key
    with raw_database(vault_dir, key) as db:
        db.execute("UPDATE audit SET actor = 'mallory' WHERE seq = 2")
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        assert auditing.verify(session).ok  # incremental: the past once verified is trusted
        report = check_vault(session)
    assert report.audit is not None and report.audit["first_bad"] == 2 and report.exit_code == 5


def test_writers_wait_for_the_checks_long_reads_on_the_writer_lock(officer: Session,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A whole-database check holds a read lock for minutes: writers must queue on the writer lock (with its
    message and limit), not reach COMMIT and fail after SQLite's busy timeout."""
    held: list[bool] = []
    real = integrity.check_database

    def check_database(*args, **kwargs):  # type: ignore[no-untyped-def]
        held.append(officer.db.writer.held)
        return real(*args, **kwargs)

    monkeypatch.setattr(integrity, "check_database", check_database)
    check_vault(officer)
    assert held == [True]
