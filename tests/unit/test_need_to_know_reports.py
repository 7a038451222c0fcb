"""Need-to-know on the report paths, in the services: lists, counts, agencies, search, titles, opening, original
bytes, duplicates on import, grants that run out, and attachments that keep their message's caveats."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from nia_desktop.core.classification import Level
from nia_desktop.core.errors import BadInput, PermissionRefused
from nia_desktop.core.store import audit_log
from nia_desktop.core.store.reports import Filters
from nia_desktop.services import clearances, importing, reports
from nia_desktop.services.session import Session, unlock
from tests.conftest import ANALYST, ANALYST_PASS, OFFICER, OFFICER_PASS

FILES = {
    "ciro-ts.txt": "TOP SECRET//特定秘密\n内閣情報調査室 CIRO-CIC-26-0001\nSubject: Quay CANARY-ONE\n\n"
                   "YAMADA Taro met ZORIN.\n",
    "dih-s.txt": "SECRET\nDefense Intelligence Headquarters DIH-JID-2026-0002\nSubject: Pier CANARY-TWO\n\n"
                 "YAMADA Taro.\n",
    "npa-c.txt": "CONFIDENTIAL\nNational Police Agency NPA-FAD-26-00003\nSubject: Dock note\n\nYAMADA Taro spoke.\n",
}


@pytest.fixture
def analyst(vault_dir: Path, tmp_path: Path) -> Iterator[Session]:
    media = tmp_path / "media"
    media.mkdir()
    for name, text in FILES.items():
        (media / name).write_text(text, encoding="utf-8")
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        importing.import_paths(session, [media], pool_size=1)
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as officer:
        clearances.set_clearance(officer, ANALYST, Level.SECRET)
    session = unlock(vault_dir, ANALYST, ANALYST_PASS)
    yield session
    session.close()


def _ids(session: Session) -> dict[str, int]:
    return {r.path.rsplit("/", 1)[-1]: r.id for r in reports.list_reports(session)}


def test_every_report_path_leaves_out_what_the_reader_may_not_read(analyst: Session) -> None:
    visible = _ids(analyst)
    assert set(visible) == {"dih-s.txt", "npa-c.txt"}
    assert reports.count_reports(analyst) == 2
    assert reports.agencies(analyst) == ["DIH", "NPA"]  # CIRO's only report is hidden: so is CIRO
    assert {h.summary.id for h in reports.search(analyst, "YAMADA")} == set(visible.values())
    assert reports.search(analyst, "CANARY-ONE") == []
    assert reports.count_reports(analyst, filters=Filters(min_classification=Level.TOP_SECRET)) == 0
    # A caller's own "readable" clause is never trusted.
    assert reports.count_reports(analyst, filters=Filters(readable=("1=1", ()))) == 2
    hidden = 1
    assert reports.titles(analyst, [hidden, *visible.values()]) == [
        (i, t) for i, t in reports.titles(analyst, list(visible.values()))]
    for read in (reports.open_report, reports.original_bytes):
        with pytest.raises(PermissionRefused, match="need to know"):
            read(analyst, hidden)
    last = audit_log.last(analyst.db)
    assert last is not None and last.action == "report.need_to_know" and last.outcome == "refused"
    with pytest.raises(BadInput, match="no report 99"):
        reports.open_report(analyst, 99)


def test_a_duplicate_of_a_hidden_report_does_not_name_it(analyst: Session, tmp_path: Path) -> None:
    again = tmp_path / "again"
    again.mkdir()
    (again / "copy-ts.txt").write_text(FILES["ciro-ts.txt"], encoding="utf-8")
    (again / "copy-s.txt").write_text(FILES["dih-s.txt"], encoding="utf-8")
    outcome = importing.import_paths(analyst, [again], pool_size=1)
    of = {d["path"].rsplit("/", 1)[-1]: d["of"] for d in outcome.duplicates}
    assert of == {"copy-ts.txt": None, "copy-s.txt": _ids(analyst)["dih-s.txt"]}


class _Later:
    def __init__(self, days: int) -> None:
        self.days = days

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC) + dt.timedelta(days=self.days)

    def monotonic(self) -> float:
        return 0.0

    def sleep(self, seconds: float) -> None:
        return None


def test_a_grant_counts_to_the_end_of_its_last_day(vault_dir: Path, analyst: Session) -> None:
    today = dt.datetime.now(dt.UTC).date().isoformat()
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as officer:
        clearances.set_clearance(officer, ANALYST, Level.TOP_SECRET)
        clearances.grant(officer, ANALYST, "特定秘密", until=today)
    assert "ciro-ts.txt" in _ids(analyst)  # the change counts at once, in an open session
    analyst.clock = _Later(2)  # type: ignore[assignment]
    assert "ciro-ts.txt" not in _ids(analyst)
    with pytest.raises(PermissionRefused):
        reports.open_report(analyst, 1)


def test_an_unknown_header_marking_closes_the_report_until_an_officer_defines_it(vault_dir: Path,
                                                                                tmp_path: Path) -> None:
    (tmp_path / "w.txt").write_text("SECRET//WNINTEL//ORCON\nSubject: w\n\nText.\n", encoding="utf-8")
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        importing.import_paths(session, [tmp_path / "w.txt"], pool_size=1)
        assert reports.list_reports(session) == []
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as officer:
        kinds = {c.name: c.kind.value for c in clearances.list_caveats(officer)}
        assert kinds["WNINTEL"] == "unknown"
        clearances.add_compartment(officer, "wnintel", "warning notice", clearances.CaveatKind.CONTROL)
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        (row,) = reports.list_reports(session)
        assert row.caveats == ("ORCON", "WNINTEL")


def test_an_attachment_keeps_its_message_s_caveats(vault_dir: Path, tmp_path: Path) -> None:
    from email.message import EmailMessage

    message = EmailMessage()
    message["Subject"] = "Forwarded"
    message["From"] = "desk@npa.example"
    message["To"] = "nia@example"
    message.set_content("TOP SECRET//特定秘密\n\nSee the attachment.\n")
    message.add_attachment(b"An unmarked note naming CANARY-ATTACHED.\n", maintype="text", subtype="plain",
                           filename="note.txt")
    (tmp_path / "m.eml").write_bytes(bytes(message))
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        imported = importing.import_paths(session, [tmp_path / "m.eml"], pool_size=1).imported
        assert len(imported) == 2
        assert reports.list_reports(session) == []  # TOP SECRET analyst, no 特定秘密: neither
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as officer:
        clearances.grant(officer, ANALYST, "特定秘密")
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        rows = reports.list_reports(session)
        assert [r.caveats for r in rows] == [("特定秘密",), ("特定秘密",)]
        assert all(r.classification is Level.TOP_SECRET for r in rows)


def test_an_analyst_lists_only_the_caveats_they_may_know(vault_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "w.txt").write_text("SECRET//CODEWORD KESTREL\nSubject: w\n\nText.\n", encoding="utf-8")
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as officer:
        clearances.add_compartment(officer, "OP-HERON")
        clearances.add_compartment(officer, "OP-OSPREY")
        clearances.grant(officer, ANALYST, "OP-OSPREY")
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        importing.import_paths(session, [tmp_path / "w.txt"], pool_size=1)
        names = {c.name for c in clearances.list_caveats(session)}
        assert {"ORCON", "NOFORN", "特定秘密", "OP-OSPREY"} <= names
        assert "OP-HERON" not in names and "CODEWORD KESTREL" not in names
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as officer:
        assert {"OP-HERON", "CODEWORD KESTREL"} <= {c.name for c in clearances.list_caveats(officer)}
