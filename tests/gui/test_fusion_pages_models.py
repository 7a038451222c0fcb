"""The Fusion view's paged models over the fusion tables: pages appended as it scrolls, sorting and filtering ask
the tables again, the pending line. The scope is written straight into the tables (tests/fusion_tables_fixture),
and the view reads it without fusing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from nia_desktop.core.store.fusion import run_scope
from nia_desktop.services.session import Session, unlock
from nia_desktop.ui.views.fusion.view import FusionView
from tests.conftest import ANALYST, ANALYST_PASS
from tests.fusion_tables_fixture import Spec, add_reports, fill_scope

ENTITIES = 450
WAIT = 20_000


def spec(i: int, ids: list[int]) -> Spec:
    """Entity i is in i % 5 + 1 reports; its name sorts apart from its number; 'Alias13…' names eleven."""
    return Spec(i, "person" if i % 3 else "location", f"Name {(i * 211) % 997:03d}", ids[i % 30:i % 30 + i % 5 + 1],
                [f"Name {(i * 211) % 997:03d}", f"Alias{i}"], mentions=i)


@pytest.fixture
def session(vault_dir: Path) -> Iterator[Session]:
    opened = unlock(vault_dir, ANALYST, ANALYST_PASS)
    with opened.db.transaction():
        ids = add_reports(opened.db, 35, ANALYST)
        fill_scope(opened.db, run_scope("", opened.access().key()), [spec(i, ids) for i in range(1, ENTITIES + 1)],
                   ids, duplicates=[[ids[0], ids[1]]], pending=2)
    yield opened
    opened.close()


@pytest.fixture
def view(qtbot, session: Session) -> FusionView:  # type: ignore[no-untyped-def]
    shown = FusionView(session)
    qtbot.addWidget(shown)
    shown._read("")  # the tables as they are: no fusion runs
    qtbot.waitUntil(lambda: shown.workspace is not None and not shown.busy, timeout=WAIT)
    return shown


def names(view: FusionView) -> list[str]:
    return [r.name for r in view.entity_model.rows]


def test_pages_are_appended_as_the_table_scrolls(qtbot, view: FusionView) -> None:  # type: ignore[no-untyped-def]
    model = view.entity_model
    assert model.rowCount() == 200 and model.canFetchMore() and model.total == ENTITIES
    counts = [r.report_count for r in model.rows]
    assert counts == sorted(counts, reverse=True) and counts[0] == 5
    model.fetchMore()
    model.fetchMore()  # one page at a time: a second call while one is on its way does nothing
    qtbot.waitUntil(lambda: model.rowCount() == 400 and not view.busy, timeout=WAIT)
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == ENTITIES and not view.busy, timeout=WAIT)
    assert not model.canFetchMore()
    assert sorted(r.id for r in model.rows) == list(range(1, ENTITIES + 1))
    # Who reports each entity followed each page: every row's agencies are in, none left at "…".
    assert all(model.data(model.index(r, 4)) not in ("…", "") for r in range(model.rowCount()))
    assert all(r.seen.reports == r.report_count for r in model.rows)
    assert view.matrix_model.rowCount() == 200  # in two reports or more: 360 of them, a page loaded
    assert view.matrix_model.total == len([i for i in range(1, ENTITIES + 1) if i % 5]) == 360
    headers = [view.matrix_model.headerData(c, Qt.Orientation.Horizontal) for c in
               range(view.matrix_model.columnCount())]
    assert {"CIRO", "MOFA", "DIH", "NPA"} <= set(headers)
    assert "450 entities" in view.status.text() and "1 near-duplicate groups" in view.status.text()
    assert view.duplicates.groups.count() == 1


def test_sorting_asks_the_tables_again_or_sorts_the_loaded_rows(qtbot, view: FusionView) -> None:  # type: ignore[no-untyped-def]
    model = view.entity_model
    every = sorted(spec(i, list(range(1, 36))).name for i in range(1, ENTITIES + 1))
    view.entities.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # Name: an indexed column
    qtbot.waitUntil(lambda: model.order == "name" and not model.loading and not view.busy, timeout=WAIT)
    assert names(view) == every[:200] and model.canFetchMore()  # the first 200 of all 450, not of those loaded
    view.entities.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: model.descending and not model.loading and not view.busy, timeout=WAIT)
    assert names(view) == every[::-1][:200]
    assert "whole list" in model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    loaded = set(names(view))
    view.entities.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # Mentions: not indexed, the loaded rows only
    assert not view.busy and set(names(view)) == loaded and model.rowCount() == 200
    mentions = [r.mentions for r in model.rows]
    assert mentions == sorted(mentions, reverse=True)
    assert "200 rows loaded so far" in model.headerData(3, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    model.fetchMore()  # the next page joins the loaded rows in the same order
    qtbot.waitUntil(lambda: model.rowCount() == 400 and not view.busy, timeout=WAIT)
    mentions = [r.mentions for r in model.rows]
    assert mentions == sorted(mentions, reverse=True)


def test_filter_asks_again_once_typing_pauses_and_detail_is_read_by_id(qtbot, view: FusionView) -> None:  # type: ignore[no-untyped-def]
    model = view.entity_model
    view.entity_filter.setText("alias13")
    assert model.rowCount() == 200  # not yet: the filter waits for typing to pause
    qtbot.waitUntil(lambda: model.text == "alias13" and not model.loading and not view.busy, timeout=WAIT)
    assert sorted(r.id for r in model.rows) == [13, *range(130, 140)] and not model.canFetchMore()
    view.entities.selectRow(0)
    chosen = model.rows[0]
    qtbot.waitUntil(lambda: view.detail is not None and not view.busy, timeout=WAIT)
    assert view.detail is not None and view.detail.line.id == chosen.id
    assert f"Alias{chosen.id}" in view.details.toPlainText() and "Reports:" in view.details.toPlainText()
    view.select_entity(7)  # from the graph: the filter is cleared and entity 7's row chosen
    qtbot.waitUntil(lambda: not model.text and not view.busy and bool(view.selected_entities()), timeout=WAIT)
    assert view.selected_entities()[0].id == 7 and view.entity_filter.text() == ""


def test_the_pending_line_asks_for_a_fusion(view: FusionView) -> None:
    assert not view.pending.isHidden()
    assert "Re-fuse recommended: 2 pending" in view.pending.text() and "F5" in view.pending.text()
    view.show_pending(0)
    assert view.pending.isHidden()
