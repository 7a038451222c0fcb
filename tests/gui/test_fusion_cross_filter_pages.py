"""The cross-filter over the paged entity models: a range's reports narrow the table and the matrix a page at a
time (the count from the tables, the next page asked as it scrolls), and clearing the range restores them. The
scope is written straight into the tables (tests/fusion_tables_fixture), and the view reads it without fusing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from nia_desktop.core.store.fusion import run_scope
from nia_desktop.services.places import Place
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
    counts = [(r.within, r.report_count) for r in model.rows]  # type: ignore[attr-defined]
    assert counts == sorted(counts, reverse=True)  # by the reports within the range, then by all
    assert matrix.total == len([i for i in wanted if len(spec(i, ids).reports) >= 2])
    assert view.cross.bar.chips["events"][0].text() == "Events 2026-01-01 – 2026-01-15, 15 reports"
    view.cross.range_selected("", "", [])  # cleared
    qtbot.waitUntil(lambda: model.total == ENTITIES and not view.busy and not model.loading, timeout=WAIT)
    assert model.rowCount() == 200 and not view.cross.sources and view.cross.bar.isHidden()


def _listed(text: str) -> set[int]:
    """The reports a detail lists ("  #12 2026-01-03 CIRO: title"; not its mentions, "  #12: ...")."""
    return {int(w[1:]) for w in (line.split()[0] for line in text.splitlines() if line.startswith("  #"))
            if not w.endswith(":")}


def test_counts_and_the_detail_are_within_the_filter(qtbot, fused) -> None:  # type: ignore[no-untyped-def]
    """While a range applies, the Reports column says how many of each entity's reports are within it ("2 of 5"),
    sorts by that, and the selected entity's detail lists those reports alone, saying how many of all."""
    session, ids = fused
    view = FusionView(session)
    qtbot.addWidget(view)
    view._read("")
    model = view.entity_model
    qtbot.waitUntil(lambda: view.workspace is not None and not view.busy and model.total == ENTITIES, timeout=WAIT)
    column = next(i for i, c in enumerate(model.columns) if c.order == "reports")
    view.entities.selectRow(0)  # an entity shown before the filter: its detail follows the filter too
    first = model.rows[0]
    qtbot.waitUntil(lambda: "Reports:" in view.details.toPlainText(), timeout=WAIT)
    chosen = ids[2:4]
    view.cross.range_selected("2026-01-01", "2026-01-15", chosen)
    qtbot.waitUntil(lambda: not view.busy and not model.loading and "within the filters" in
                    view.details.toPlainText(), timeout=WAIT)
    mine = set(spec(first.id, ids).reports)
    text = view.details.toPlainText()
    assert f"{len(mine & set(chosen))} of its {len(mine)} reports are within the filters (Esc clears them)." in text
    listed = _listed(text)
    assert listed == mine & set(chosen)

    wanted = {i for i in range(1, ENTITIES + 1) if set(spec(i, ids).reports) & set(chosen)}
    assert model.rowCount() == len(wanted)
    within = {i: len(set(spec(i, ids).reports) & set(chosen)) for i in wanted}
    shown = [model.data(model.index(r, column)) for r in range(model.rowCount())]
    assert shown == [f"{within[r.id]} of {len(spec(r.id, ids).reports)}" for r in model.rows]
    assert [within[r.id] for r in model.rows] == sorted(within.values(), reverse=True)
    assert any(within[r.id] < len(spec(r.id, ids).reports) for r in model.rows)
    top = model.rows[0]
    view.entities.selectRow(0)
    qtbot.waitUntil(lambda: not view.busy and f"{within[top.id]} of its {len(spec(top.id, ids).reports)} reports"
                    in view.details.toPlainText(), timeout=WAIT)
    listed = _listed(view.details.toPlainText())
    assert listed == set(spec(top.id, ids).reports) & set(chosen)

    model.sort(column, Qt.SortOrder.AscendingOrder)  # the whole list, by the count within the range
    qtbot.waitUntil(lambda: not view.busy and not model.loading, timeout=WAIT)
    assert [within[r.id] for r in model.rows] == sorted(within.values())

    view.cross.range_selected("", "", [])  # cleared: the counts and the detail are every report's again
    qtbot.waitUntil(lambda: not view.busy and not model.loading and model.total == ENTITIES, timeout=WAIT)
    assert model.data(model.index(0, column)) == str(model.rows[0].report_count)
    qtbot.waitUntil(lambda: "within the filters" not in view.details.toPlainText() and not view.busy, timeout=WAIT)


def test_a_refusion_finds_the_regions_places_again(qtbot, fused) -> None:  # type: ignore[no-untyped-def]
    """The same scope fused again numbers its entities anew: the region's reports stand, and its places are found
    again by their gazetteer entry among the places the map reads next (not kept by the old fusion's ids)."""
    session, ids = fused
    view = FusionView(session)
    qtbot.addWidget(view)
    view._read("")
    qtbot.waitUntil(lambda: view.workspace is not None and not view.busy, timeout=WAIT)
    old = [Place(7, "Osaka", "jp-osaka", 34.69, 135.50, (ids[0], ids[1])),
           Place(8, "Kobe", "jp-kobe", 34.69, 135.19, (ids[2],))]
    view.cross.show_map(old, None)
    view.cross.region_selected([7], [ids[0], ids[1]])
    qtbot.waitUntil(lambda: "map" in view.cross.sources and not view.busy, timeout=WAIT)
    view._read("")  # as after F5: the same scope read again
    qtbot.waitUntil(lambda: not view.busy, timeout=WAIT)
    assert view.cross.sources["map"].reports == {ids[0], ids[1]}  # the filter stands
    new = [Place(80, "Kobe", "jp-kobe", 34.69, 135.19, (ids[2],)),
           Place(70, "Osaka", "jp-osaka", 34.69, 135.50, (ids[0], ids[1]))]
    view.cross.show_map(new, None)
    assert view.cross.region == (70,)
    qtbot.waitUntil(lambda: not view.busy, timeout=WAIT)
    assert {view.map.places[i].entity_id for i in view.map.chosen} == {70}
