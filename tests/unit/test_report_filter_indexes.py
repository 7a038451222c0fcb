"""Schema v17: a level filter (and the reader's own level) is tested on the agency and date indexes' entries, so
a page or a count never reads a row it does not return (one agency's newest reports at CONFIDENTIAL and above took
1.1 s to a first page at a million reports, its count 1.1 s)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nia_desktop.core.classification import Level
from nia_desktop.core.store import reports as store
from nia_desktop.core.store import schema
from nia_desktop.services import reports
from nia_desktop.services.session import unlock
from tests.unit.test_report_listing_keyset import BEN, BEN_PASS, listed  # noqa: F401 (the fixture)


def _plan(db: object, sql: str, params: object) -> list[str]:
    return [str(r[-1]) for r in db.query(f"EXPLAIN QUERY PLAN {sql}", params)]  # type: ignore[attr-defined]


@pytest.mark.parametrize("agency", ["MOFA", ""])
@pytest.mark.parametrize("descending", [False, True])
def test_level_filtered_pages_and_counts_test_the_index_not_the_rows(
        vault_dir: Path, listed: list[int], agency: str, descending: bool) -> None:  # noqa: F811
    with unlock(vault_dir, BEN, BEN_PASS) as ben:
        assert schema.schema_version(ben.db) == schema.LATEST >= 17
        index = "reports_agency" if agency else "reports_date"
        columns = [str(r[2]) for r in ben.db.query(f"PRAGMA index_info({index})")]
        assert columns[-3:] == ["report_date", "id", "classification"], columns
        clause, params = ben.readable()
        filters = store.Filters(readable=(clause, tuple(params)), agency=agency, min_classification=Level.CONFIDENTIAL)
        where, values = filters.where()
        # What the page reads to choose its rows: the index alone, in the page's order.
        direction = "DESC" if descending else "ASC"
        ids_plan = _plan(ben.db, f"SELECT id FROM reports {store._access(filters, 'date')} WHERE {where} "  # noqa: S608
                                 f"ORDER BY report_date {direction}, id {direction} LIMIT 5", values)
        assert any(f"COVERING INDEX {index}" in step for step in ids_plan), ids_plan
        assert not any("TEMP B-TREE" in step for step in ids_plan), ids_plan
        if agency:  # the count of one agency reads its index entries, not a scan of the table
            count_plan = _plan(ben.db, f"SELECT count(*) FROM reports WHERE {where}", values)  # noqa: S608
            assert any("COVERING INDEX reports_agency" in step for step in count_plan), count_plan
        # And the rows are those a filter over every report gives.
        everything = reports.list_reports(ben, limit=100)
        expected = sorted(((r.report_date, r.id) for r in everything
                           if (not agency or r.agency == agency) and r.classification >= Level.CONFIDENTIAL),
                          reverse=descending)
        shown = store.page(ben.db, filters, 0, 100, "date", descending)
        assert [(r.report_date, r.id) for r in shown] == expected
        assert reports.count_reports(ben, filters=store.Filters(agency=agency, min_classification=Level.CONFIDENTIAL)) \
            == len(expected)
