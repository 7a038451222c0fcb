"""The Reports view at scale (issue 15): the first page shows before the reports are counted, and the table
pages from its last row in every order, to the same rows as one long listing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from nia_desktop.core.classification import Level
from nia_desktop.services import reports
from nia_desktop.services.session import Session, unlock
from nia_desktop.ui.views.reports import model as model_module
from nia_desktop.ui.views.reports.view import ReportsView
from tests.conftest import ANALYST, ANALYST_PASS
from tests.listing_vault import insert_reports


@pytest.fixture
def analyst(vault_dir: Path):  # type: ignore[no-untyped-def]
    insert_reports(vault_dir, ANALYST, ANALYST_PASS, [Level.CONFIDENTIAL, Level.SECRET, Level.UNCLASSIFIED] * 9)
    session = unlock(vault_dir, ANALYST, ANALYST_PASS)
    yield session
    session.close()


def ready(qtbot, view: ReportsView) -> ReportsView:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not view.busy, timeout=10000)
    return view


def test_first_page_before_the_count(qtbot, analyst: Session, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(model_module, "PAGE", 10)
    view = ReportsView(analyst)
    qtbot.addWidget(view)
    labels: list[tuple[int, str]] = []
    view.model.reloaded.connect(lambda: labels.append((view.model.rowCount(), view.count.text())))
    ready(qtbot, view)
    assert labels[0] == (10, "counting reports…")  # the rows were shown while the count was on its way
    assert view.model.total == 27 and view.count.text() == "27 reports"
    view.agency.setCurrentIndex(view.agency.findData("CIRO"))
    ready(qtbot, view)
    assert view.count.text() == "27 reports" and view.model.canFetchMore()


@pytest.mark.parametrize(("column", "order", "descending"), [(0, "date", True), (2, "title", False),
                                                             (3, "classification", True), (1, "agency", False)])
def test_pages_from_the_last_row_in_every_order(qtbot, analyst: Session, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                                 column: int, order: str, descending: bool) -> None:
    monkeypatch.setattr(model_module, "PAGE", 4)
    view = ready(qtbot, ReportsView(analyst))
    qtbot.addWidget(view)
    view.table.horizontalHeader().setSortIndicator(
        column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
    ready(qtbot, view)
    while view.model.canFetchMore():
        view.model.fetchMore()
        ready(qtbot, view)
    expected = reports.list_reports(analyst, limit=100, order=order, descending=descending)
    assert [r.id for r in view.model.rows] == [r.id for r in expected] and len(expected) == 27
    assert view.model.total == 27
