"""Schema v16: the Reports view's title and language orders read their own index a page at a time, never sorting
every report the reader may read (1.3 s to a first page at a million reports without)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nia_desktop.core.store import reports as store
from nia_desktop.core.store import schema
from nia_desktop.services import reports
from nia_desktop.services.session import unlock
from tests.unit.test_report_listing_keyset import BEN, BEN_PASS, listed  # noqa: F401 (the fixture)


@pytest.mark.parametrize("order", ["title", "language"])
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("agency", [None, "MOFA"])
def test_title_and_language_pages_read_their_index_without_sorting(
        vault_dir: Path, listed: list[int], order: str, descending: bool, agency: str | None) -> None:  # noqa: F811
    with unlock(vault_dir, BEN, BEN_PASS) as ben:
        assert schema.schema_version(ben.db) == schema.LATEST >= 16
        names = {str(r[1]) for r in ben.db.query("SELECT type, name FROM sqlite_master WHERE tbl_name = 'reports'")}
        assert {"reports_title", "reports_language"} <= names
        clause, params = ben.readable()
        filters = store.Filters(readable=(clause, tuple(params)), agency=agency)
        seen: list[str] = []
        original = ben.db.query

        def spy(sql: str, values: object = ()) -> object:
            if sql.startswith("SELECT id, title"):
                seen.extend(str(r[-1]) for r in original(f"EXPLAIN QUERY PLAN {sql}", values))
            return original(sql, values)

        ben.db.query = spy  # type: ignore[method-assign]
        first = store.page(ben.db, filters, 0, 3, order, descending)
        store.page(ben.db, filters, 0, 3, order, descending, after=first[-1])  # the keyset page after it
        ben.db.query = original  # type: ignore[method-assign]
        assert seen and all(f"reports_{order}" in step for step in seen if "reports" in step), seen
        assert not any("TEMP B-TREE" in step for step in seen), seen
        # The same rows, in the same order, as the service lists them.
        whole = reports.list_reports(ben, filters=store.Filters(agency=agency), limit=100, order=order,
                                     descending=descending)
        assert [r.id for r in first] == [r.id for r in whole[:3]]
