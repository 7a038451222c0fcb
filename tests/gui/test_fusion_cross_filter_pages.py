"""The cross-filter over the paged entity models: a range's reports narrow the table and the matrix a page at a
time (the count from the tables, the next page asked as it scrolls), and clearing the range restores them. The
scope is written straight into the tables (tests/fusion_tables_fixture), and the view reads it without fusing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from nia_desktop.core.store.fusion import run_scope
from nia_desktop.services.session import Session, unlock
from nia_desktop.ui.views.fusion.view import FusionView
from tests.conftest import ANALYST, ANALYST_PASS
from tests.fusion_tables_fixture import Spec, add_reports, fill_scope

ENTITIES = 450
WAIT = 20_000


def spec(i: int, ids: list[int]) -> Spec:
    """Entity i is in i % 5 + 1 reports from ids[i % 30]."""
    return Spec(i, "person" if i % 3 else "location", f"Name {(i * 211) % 997:03d}", ids[i % 30:i % 30 + i % 5 + 1],
                [f"Name {(i * 211) % 997:03d}", f"Alias{i}"], mentions=i)


@pytest.fixture
def fused(vault_dir: Path) -> Iterator[tuple[Session, list[int]]]:
    opened = unlock(vault_dir, ANALYST, ANALYST_PASS)
    with opened.db.transaction():
        ids = add_reports(opened.db, 35, ANALYST)
        fill_scope(opened.db, run_scope("", opened.access().key()), [spec(i, ids) for i in range(1, ENTITIES + 1)],
                   ids)
    yield opened, ids
    opened.close()


def test_a_range_narrows_the_paged_tables_and_clearing_restores_them(qtbot, fused) -> None:  # type: ignore[no-untyped-def]
    session, ids = fused
    view = FusionView(session)
    qtbot.addWidget(view)
    view._read("")  # the tables as they are: no fusion runs
    model, matrix = view.entity_model, view.matrix_model
    qtbot.waitUntil(lambda: view.workspace is not None and not view.busy and model.total == ENTITIES, timeout=WAIT)
    chosen = ids[:15]
    wanted = {i for i in range(1, ENTITIES + 1) if set(spec(i, ids).reports) & set(chosen)}
    assert 200 < len(wanted) < ENTITIES  # more than a page, fewer than all
    view.cross.range_selected("2026-01-01", "2026-01-15", chosen)  # as the event timeline sends a range
    qtbot.waitUntil(lambda: model.total == len(wanted) and not view.busy and not model.loading, timeout=WAIT)
    assert model.rowCount() == 200 and model.canFetchMore()
    model.fetchMore()
    qtbot.waitUntil(lambda: not model.canFetchMore() and not view.busy, timeout=WAIT)
    assert {r.id for r in model.rows} == wanted and model.rowCount() == len(wanted)
    counts = [r.report_count for r in model.rows]
    assert counts == sorted(counts, reverse=True)  # the order of the unfiltered pages
    assert matrix.total == len([i for i in wanted if len(spec(i, ids).reports) >= 2])
    assert view.cross.bar.chips["events"][0].text() == "Events 2026-01-01 – 2026-01-15, 15 reports"
    view.cross.range_selected("", "", [])  # cleared
    qtbot.waitUntil(lambda: model.total == ENTITIES and not view.busy and not model.loading, timeout=WAIT)
    assert model.rowCount() == 200 and not view.cross.sources and view.cross.bar.isHidden()
