"""services/report_mentions: the kept fusion's mentions of one report, as offsets into the body the reader shows."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from nia_desktop.core.classification import Level
from nia_desktop.core.errors import PermissionRefused
from nia_desktop.services import clearances, fusion, importing, reports
from nia_desktop.services.report_mentions import MarkedMention, body_mentions, report_mentions
from nia_desktop.services.session import Session, unlock
from tests import samples
from tests.conftest import ANALYST, ANALYST_PASS, OFFICER, OFFICER_PASS

SHARED = ("UNCLASSIFIED\nSubject: Kanmon Gateway Terminals visit\n\nViktor SOROKIN met staff of Kanmon Gateway "
          "Terminals in Kitakyushu on 2026-03-04. Contact: sorokin.v@northwind-logistics.example 😀 Viktor SOROKIN.\n")
OTHER = "UNCLASSIFIED\n\nViktor SOROKIN was seen again in Osaka with Borislav PETROV.\n"


@pytest.fixture
def analyst(vault_dir: Path, tmp_path: Path) -> Iterator[Session]:
    media = tmp_path / "media"
    media.mkdir()
    (media / "en.txt").write_text(samples.EN_REPORT, encoding="utf-8")
    (media / "shared.txt").write_text(SHARED, encoding="utf-8")
    (media / "other.txt").write_text(OTHER, encoding="utf-8")
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as officer:
        clearances.set_clearance(officer, ANALYST, Level.SECRET)
    session = unlock(vault_dir, ANALYST, ANALYST_PASS)
    importing.import_paths(session, [media], pool_size=1)
    yield session
    session.close()


def _ids(session: Session) -> dict[str, int]:
    return {r.path.rsplit("/", 1)[-1]: r.id for r in reports.list_reports(session)}


def test_hand_made_rows_become_body_offsets() -> None:
    title, body = "Kobe note", "KOBE: Ivan met Ivan Petrov at www.x.example today"
    shift = len(title) + 1
    rows = [
        (0, 4, "Kobe", 1, "Kobe", "location", 3),  # in the title: left out
        (shift + 6, shift + 10, "Ivan", 2, "Ivan Petrov", "person", 2),
        (shift + 10, shift + 14, "Ivan", 9, "x", "person", 1),  # not what the body reads there: left out
        (shift + 15, shift + 26, "Ivan Petrov", 2, "Ivan Petrov", "person", 2),
        (shift + 30, shift + 43, "www.x.example", 3, "www.x.example", "url", 1),
        (shift + 34, shift + 43, "x.example", 4, "x.example", "domain", 1),  # inside the URL: left out
    ]
    marks = body_mentions(shift, body, rows)
    assert [(m.start, m.end, m.entity_id) for m in marks] == [(6, 10, 2), (15, 26, 2), (30, 43, 3)]
    assert all(body[m.start:m.end] == m.surface for m in marks)


def test_mentions_of_an_imported_report_are_exactly_its_text(analyst: Session) -> None:
    ids = _ids(analyst)
    assert report_mentions(analyst, ids["shared.txt"]) == []  # not fused yet
    fusion.fuse_kept(analyst)
    for name in ("en.txt", "shared.txt"):
        body = reports.open_report(analyst, ids[name]).body
        marks = report_mentions(analyst, ids[name])
        assert marks, name
        assert all(body[m.start:m.end] == m.surface for m in marks)
        assert all(a.end <= b.start for a, b in itertools.pairwise(marks))
    shared = report_mentions(analyst, ids["shared.txt"])
    by_surface = {m.surface: m for m in shared}
    assert by_surface["Kitakyushu"].kind == "location"
    assert "Kanmon Gateway Terminals" in by_surface
    sorokin = [m for m in shared if m.surface == "Viktor SOROKIN"]
    assert len(sorokin) == 2 and sorokin[0].entity_id == sorokin[1].entity_id
    assert sorokin[0].kind == "person" and sorokin[0].reports == 2  # shared.txt and other.txt
    # The title's mention of Kanmon Gateway Terminals is not in the body the reader shows.
    body = reports.open_report(analyst, ids["shared.txt"]).body
    assert len([m for m in shared if m.surface == "Kanmon Gateway Terminals"]) == body.count(
        "Kanmon Gateway Terminals")


def test_a_hidden_report_shows_nowhere_in_the_marks(analyst: Session) -> None:
    ids = _ids(analyst)
    fusion.fuse_kept(analyst)
    clearances.mark_report(analyst, ids["other.txt"], Level.TOP_SECRET, [], "test: beyond the reader")
    with pytest.raises(PermissionRefused):
        report_mentions(analyst, ids["other.txt"])
    # The kept fusion drew on the hidden report: nothing of it is shown until a new fusion.
    assert report_mentions(analyst, ids["shared.txt"]) == []
    fusion.fuse_kept(analyst)
    sorokin = [m for m in report_mentions(analyst, ids["shared.txt"]) if m.surface == "Viktor SOROKIN"]
    assert sorokin and all(m.reports == 1 for m in sorokin)
    assert all(isinstance(m, MarkedMention) for m in sorokin)
