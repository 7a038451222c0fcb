"""The Reports view's listing at a million reports (issue 15): every order pages by keyset from the last row
shown, through ties, to the same rows as one long page; the default order reads the date index without sorting;
the agencies offered are those with a report the reader may read."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from nia_desktop.core.classification import Level
from nia_desktop.core.roles import Role
from nia_desktop.core.store import reports as store
from nia_desktop.services import reports
from nia_desktop.services.session import unlock
from nia_desktop.services.users import add_user
from tests.conftest import ANALYST, ANALYST_PASS, OFFICER, OFFICER_PASS

BEN, BEN_PASS = "ben", "ben-passphrase-4444"
C, S = Level.CONFIDENTIAL, Level.SECRET


@pytest.fixture
def listed(vault_dir: Path) -> list[int]:
    """23 reports with many ties (three dates, three titles, two languages); agency NPA has only SECRET ones."""
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as officer:
        add_user(officer, BEN, Role.ANALYST, BEN_PASS, clearance=C)
    ids = []
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session, session.db.transaction():
        for i in range(23):
            agency = "NPA" if i % 7 == 3 else ("CIRO", "MOFA")[i % 2]
            level = S if agency == "NPA" or i % 5 == 0 else C
            text = f"Contact report {i}."
            ids.append(store.insert(session.db, store.NewReport(
                sha256=hashlib.sha256(text.encode()).hexdigest(), title=f"report {'abc'[i % 3]}", body=text,
                agency=agency, classification=level, classification_stated=True, reliability="B", credibility="2",
                language=("en", "ja")[i % 2], report_date=f"2026-0{1 + i % 3}-01", detected_type="text",
                encoding="utf-8", original_name=f"{i}.txt", path=f"/m/{i}.txt", inner_path="", size=len(text),
                volume_label="m", volume_path="/m", imported_by=ANALYST, imported_at=f"2026-03-{1 + i % 4:02d}",
                import_id=0, parent_id=None, fields={}, structured=None), text.encode()))
    return ids


@pytest.mark.parametrize("order", sorted(store.SORTABLE))
@pytest.mark.parametrize("descending", [False, True])
def test_keyset_pages_walk_every_order_through_ties(vault_dir: Path, listed: list[int], order: str,
                                                    descending: bool) -> None:
    with unlock(vault_dir, BEN, BEN_PASS) as ben:
        whole = reports.list_reports(ben, limit=100, order=order, descending=descending)
        assert len(whole) == 23 - sum(1 for i in range(23) if i % 7 == 3 or i % 5 == 0)  # SECRET hidden from Ben
        walked, last = [], None
        while True:
            page = reports.list_reports(ben, limit=4, order=order, descending=descending, after=last)
            walked += page
            if len(page) < 4:
                break
            last = page[-1]
        assert [r.id for r in walked] == [r.id for r in whole]
        key = {"id": lambda r: (r.id,), "date": lambda r: (r.report_date, r.id),
               "agency": lambda r: (r.agency, r.report_date, r.id), "title": lambda r: (r.title, r.id),
               "classification": lambda r: (int(r.classification), r.id),
               "language": lambda r: (r.language, r.id), "imported_at": lambda r: (r.imported_at, r.id)}[order]
        assert [key(r) for r in whole] == sorted((key(r) for r in whole), reverse=descending)
        agency_only = reports.list_reports(ben, filters=store.Filters(agency="MOFA", min_classification=C), limit=3,
                                           order=order, descending=descending, after=whole[0])
        assert all(r.agency == "MOFA" for r in agency_only) and whole[0].id not in {r.id for r in agency_only}


def test_newest_first_reads_the_date_index_without_sorting(vault_dir: Path, listed: list[int]) -> None:
    with unlock(vault_dir, BEN, BEN_PASS) as ben:
        clause, params = ben.readable()
        filters = store.Filters(readable=(clause, tuple(params)))
        seen: list[str] = []
        original = ben.db.query

        def spy(sql: str, values: object = ()) -> object:
            if sql.startswith("SELECT id, title"):
                seen.extend(str(r[-1]) for r in original(f"EXPLAIN QUERY PLAN {sql}", values))
            return original(sql, values)

        ben.db.query = spy  # type: ignore[method-assign]
        store.page(ben.db, filters, 0, 5, "date", descending=True)
        assert any("reports_date" in step for step in seen) and not any("TEMP B-TREE" in s for s in seen), seen


def test_agencies_offered_are_those_the_reader_may_read(vault_dir: Path, listed: list[int]) -> None:
    with unlock(vault_dir, BEN, BEN_PASS) as ben:
        assert reports.agencies(ben) == ["CIRO", "MOFA"]  # NPA's reports are all SECRET: not even its name
        assert reports.count_reports(ben, filters=store.Filters(agency="NPA")) == 0
        assert reports.count_reports(ben, filters=store.Filters(agency="MOFA")) == sum(
            1 for i in range(23) if i % 2 and i % 7 != 3 and i % 5)
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        assert reports.agencies(anna) == ["CIRO", "MOFA", "NPA"]
