"""services/events: the days inside readable reports with their sentences and the kept fusion's entities;
an event of a hidden report never appears, nor its sentence; every page that reads text is audited."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from nia_desktop.core.classification import Level
from nia_desktop.core.errors import BadInput, PermissionRefused
from nia_desktop.core.roles import Role
from nia_desktop.core.store import audit_log
from nia_desktop.core.vault.kdf import FLOOR
from nia_desktop.services import events, fusion, importing
from nia_desktop.services.session import Session, unlock
from nia_desktop.services.users import add_user
from nia_desktop.services.vault_setup import init_vault

OFFICER, OFFICER_PASS = "olive", "olive-passphrase-1"
PASS = "reader-passphrase-22"
REPORTS = {  # file: (marking, date line, body)
    "u.txt": ("UNCLASSIFIED", "2026-03-20", "Viktor SOROKIN met officials of Northwind Logistics Ltd in Osaka on "
                                            "12 March 2026. The payment followed yesterday.\n\nNothing else."),
    "c.txt": ("CONFIDENTIAL", "2026-03-21", "ヴィクトル・ソロキンは3月15日に大阪で会合に出た。Viktor SOROKIN left "
                                            "Kobe on 2026-03-16."),
    "s.txt": ("SECRET", "2026-03-22", "Viktor SOROKIN paid Borislav SECRETCANARY on 2026-03-17 in Kobe."),
}
CANARIES = ["SECRETCANARY", "2026-03-17"]


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, int]]]:
    base = tmp_path_factory.mktemp("events")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NIA_CONFIG_DIR", str(base / "config"))
        root = base / "vault"
        init_vault(root, OFFICER, OFFICER_PASS, params=FLOOR, name="Events")
        with unlock(root, OFFICER, OFFICER_PASS) as officer:
            add_user(officer, "sam", Role.ANALYST, PASS, clearance=Level.SECRET)
            add_user(officer, "cora", Role.ANALYST, PASS, clearance=Level.CONFIDENTIAL)
        media = base / "usb"
        media.mkdir()
        for file, (marking, day, body) in REPORTS.items():
            (media / file).write_text(f"CLASSIFICATION: {marking}\nSubject: {file}\nDate: {day}\n\n{body}\n",
                                      encoding="utf-8")
        with unlock(root, "sam", PASS) as sam:
            imported = importing.import_paths(sam, [media]).imported
            ids = {str(r["path"]).rsplit("/", 1)[-1]: int(r["id"]) for r in imported}
            fusion.create_case(sam, "Northwind")
            fusion.add_to_case(sam, "Northwind", sorted(ids.values()))
            fusion.fuse_kept(sam, "Northwind")
        with unlock(root, "cora", PASS) as cora:
            fusion.fuse_kept(cora, "Northwind")
        yield root, ids


def _open(root: Path, user: str) -> Session:
    return unlock(root, user, PASS)


def _sorokin(session: Session) -> int:
    return next(e.id for e in events.top_entities(session, "Northwind") if "SOROKIN" in e.name.upper()
                or "ソロキン" in e.name)


def test_case_events_with_sentences_and_entities(vault: tuple[Path, dict[str, int]]) -> None:
    root, ids = vault
    with _open(root, "sam") as sam:
        page = events.case_events(sam, "Northwind")
    assert page.reports == 3 and not page.more
    found = {(e.report_id, e.day, e.resolved) for e in page.events}
    assert (ids["u.txt"], "2026-03-12", "explicit") in found
    assert (ids["u.txt"], "2026-03-19", "relative") in found  # yesterday, from the report's date
    assert (ids["c.txt"], "2026-03-15", "year from report") in found
    assert (ids["s.txt"], "2026-03-17", "explicit") in found
    assert [e.day for e in page.events] == sorted(e.day for e in page.events)
    meeting = next(e for e in page.events if e.day == "2026-03-12")
    assert meeting.sentence.startswith("Viktor SOROKIN met officials") and meeting.sentence.endswith("2026.")
    assert any("SOROKIN" in e.name.upper() for e in meeting.entities)
    assert meeting.agency is not None and meeting.report_day == "2026-03-20"


def test_pages_of_reports(vault: tuple[Path, dict[str, int]]) -> None:
    root, ids = vault
    with _open(root, "sam") as sam:
        first = events.case_events(sam, "Northwind", 0, 2)
        second = events.case_events(sam, "Northwind", first.next_offset, 2)
        with pytest.raises(BadInput):
            events.case_events(sam, "Northwind", 0, events.MOST_PAGE + 1)
        with pytest.raises(BadInput):
            events.case_events(sam, "No such case")
    assert (first.reports, first.more, second.reports, second.more) == (2, True, 1, False)
    assert {e.report_id for e in first.events + second.events} == set(ids.values())


def test_entity_events_name_the_entity(vault: tuple[Path, dict[str, int]]) -> None:
    root, _ = vault
    with _open(root, "sam") as sam:
        sorokin = _sorokin(sam)
        page = events.entity_events(sam, sorokin, "Northwind")
        top = events.top_events(sam, "Northwind")
    assert page.events and all(any(x.id == sorokin for x in e.entities) for e in page.events)
    assert "2026-03-17" in {e.day for e in page.events}
    assert {e.day for e in page.events} <= {e.day for e in top.events}


def test_a_hidden_reports_events_never_appear(vault: tuple[Path, dict[str, int]]) -> None:
    root, ids = vault
    with _open(root, "cora") as cora:
        pages = [events.case_events(cora, "Northwind"), events.case_events(cora),
                 events.top_events(cora, "Northwind"), events.entity_events(cora, _sorokin(cora), "Northwind")]
        tops = events.top_entities(cora, "Northwind")
    text = json.dumps([p.to_json() for p in pages] + [t.to_json() for t in tops], ensure_ascii=False)
    assert ids["s.txt"] not in {e.report_id for p in pages for e in p.events}
    assert not [c for c in CANARIES if c in text], text
    assert pages[0].reports == 2 and pages[0].events
    with _open(root, "sam") as sam:  # the same calls for a reader cleared for it: the canaries are there
        seen = json.dumps([events.case_events(sam, "Northwind").to_json(),
                           events.entity_events(sam, _sorokin(sam), "Northwind").to_json()], ensure_ascii=False)
    assert all(c in seen for c in CANARIES)


def test_reads_are_audited_and_couriers_refused(vault: tuple[Path, dict[str, int]]) -> None:
    root, ids = vault
    with _open(root, "sam") as sam:
        events.case_events(sam, "Northwind")
        entries = [e for e in audit_log.latest(sam.db, 20) if e.action == "report.events"]
    assert entries and sorted(entries[-1].details["reports"]) == sorted(ids.values())
    assert entries[-1].details["hits"] == 3
    with unlock(root, OFFICER, OFFICER_PASS) as officer, pytest.raises(PermissionRefused):
        events.case_events(officer, "Northwind")
