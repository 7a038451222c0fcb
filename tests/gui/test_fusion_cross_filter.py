"""The Fusion view's cross-filter (ui/views/fusion/cross_filter.py): a range on the Events tab narrows the entity
table, the map and the chart; a region on the Map tab narrows the table, the chart and the event timeline; the
filter bar says what applies, its buttons and Esc clear, and the filters combine by intersection. Every read is on
a worker (the UI-thread guard fails the test otherwise)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from nia_desktop.services import importing
from nia_desktop.services.session import unlock
from nia_desktop.ui.main_window import MainWindow
from nia_desktop.ui.views.fusion.view import FusionView
from tests.conftest import ANALYST, ANALYST_PASS
from tests.gui.conftest import unlock_as

TEXTS = {
    "a.txt": "Subject: A\nOriginator: CIRO\nDate: 2026-03-20\n\nKevin Tang met officials in Osaka on 12 March 2026.\n",
    "b.txt": "Subject: B\nOriginator: NPA\nDate: 2026-04-02\n\nKevin Tang flew from Osaka to Vladivostok on "
             "2026-04-01.\n",
    "c.txt": "Subject: C\nOriginator: MOFA\nDate: 2026-05-10\n\nMariko Sato visited Tokyo on 5 May 2026 with "
             "Harbour Crest Logistics.\n",
}


@pytest.fixture
def three_reports(vault_dir: Path, tmp_path: Path) -> Path:
    media = tmp_path / "usb"
    media.mkdir()
    for name, text in TEXTS.items():
        (media / name).write_text(text)
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        importing.import_paths(session, [media])
    return vault_dir


def _names(view: FusionView) -> set[str]:
    return {view.entity_model.row_at(view.entity_model.index(i, 0)).name for i in range(view.entity_model.rowCount())}


def _settled(view: FusionView) -> bool:
    return not view.busy and not view.entity_model.loading and not view.matrix_model.loading


def _focus(qtbot, window: MainWindow, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    """The window active (shortcuts need it) and ``widget`` focused."""
    window.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window and widget.hasFocus(), timeout=5000)


def _day(text: str) -> float:
    return float(date.fromisoformat(text).toordinal())


def test_a_range_and_a_region_narrow_the_other_views(qtbot, three_reports: Path,  # type: ignore[no-untyped-def]
                                                     window: MainWindow) -> None:
    unlock_as(qtbot, window, ANALYST, ANALYST_PASS)
    workspace = window.workspace
    assert workspace is not None
    workspace.show_view("fusion")
    view = workspace.views["fusion"]
    assert isinstance(view, FusionView)
    qtbot.waitUntil(lambda: view.workspace is not None and _settled(view), timeout=30000)
    everything = _names(view)
    assert any("Tang" in n for n in everything) and any("Sato" in n for n in everything)
    assert not view.cross.bar.isVisible()

    # The Events tab: a range over March holds report A's meeting only.
    timeline = view.event_timeline
    view.tabs.setCurrentWidget(timeline)
    qtbot.waitUntil(lambda: len({e.report_id for e in timeline.events}) == 3 and not view.busy, timeout=20000)
    report = {e.day: e.report_id for e in timeline.events}
    a, tokyo_report = report["2026-03-12"], report["2026-05-05"]
    with qtbot.waitSignal(view.events_range):
        timeline.canvas.choose(_day("2026-03-01"), _day("2026-03-31"))
    qtbot.waitUntil(lambda: _settled(view) and _names(view) != everything, timeout=20000)
    march = _names(view)
    assert any("Tang" in n for n in march) and not any("Sato" in n or "Harbour" in n for n in march)
    assert len(march) < len(everything) and view.entity_model.total == len(march)
    assert view.cross.bar.isVisible()
    chip = view.cross.bar.chips["events"][0].text()
    assert "2026-03-01" in chip and "2026-03-31" in chip and chip.endswith(", 1 report")
    assert view.graph.reports_filter == (a,)
    view.tabs.setCurrentWidget(view.graph)  # the chart opens within the range: only report A's entities
    qtbot.waitUntil(lambda: bool(view.graph.nodes) and view.graph.busy == 0 and view.graph.complete, timeout=20000)
    assert {n.node.name for n in view.graph.nodes.values()} <= march
    assert all(n.node.reports == 1 for n in view.graph.nodes.values())  # counted within A alone

    # The map follows the range: only the places of report A (Osaka), counted in it alone.
    view.tabs.setCurrentWidget(view.map)
    qtbot.waitUntil(lambda: bool(view.map.places) and view.map.complete and not view.busy, timeout=20000)
    assert [p.name.split()[0] for p in view.map.places] == ["Osaka"]
    assert view.map.places[0].report_ids == (a,)

    # The chip's clear button lifts the range: the table and the map come back in full.
    button = view.cross.bar.chips["events"][1]
    _focus(qtbot, window, view.run_button)
    qtbot.keyClick(view.run_button, Qt.Key.Key_Tab)  # the bar's buttons come right after Fuse, before the tabs
    qtbot.waitUntil(button.hasFocus, timeout=5000)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: _settled(view) and _names(view) == everything, timeout=20000)
    assert {p.name.split()[0] for p in view.map.places} >= {"Osaka", "Vladivostok", "Tokyo"}
    assert not view.cross.bar.isVisible() and timeline.canvas.chosen is None
    assert view.graph.reports_filter is None
    qtbot.waitUntil(lambda: view.graph.busy == 0 and view.graph.complete, timeout=20000)
    assert any(n.node.reports == 2 for n in view.graph.nodes.values())  # Kevin Tang and Osaka: A and B again

    # A region: Tokyo. The table shows report C's entities; the event timeline only C's events.
    index = next(i for i, p in enumerate(view.map.places) if p.name.startswith("Tokyo"))
    with qtbot.waitSignal(view.places_selected):
        view.map.choose([index])
    qtbot.waitUntil(lambda: _settled(view) and _names(view) != everything, timeout=20000)
    tokyo = _names(view)
    assert any("Sato" in n for n in tokyo) and not any("Tang" in n for n in tokyo)
    assert view.cross.bar.chips["map"][0].text().startswith("Map: Tokyo") and "1 report" in \
        view.cross.bar.chips["map"][0].text()
    view.map.choose([index], "JP-13")  # the same place as a click on the prefecture selects it: named so
    qtbot.waitUntil(lambda: view.cross.bar.chips["map"][0].text() == "Map: Tokyo, 1 report", timeout=10000)
    view.tabs.setCurrentWidget(timeline)  # read again for the region when shown
    qtbot.waitUntil(lambda: bool(timeline.events) and {e.report_id for e in timeline.events} == {tokyo_report}
                    and not view.busy, timeout=20000)
    assert [e.day for e in timeline.events] == ["2026-05-05"]

    # Both apply: the range over March and Tokyo's report have no report in common.
    timeline.canvas.choose(_day("2026-03-01"), _day("2026-05-31"))  # within the region's events: C's alone
    qtbot.waitUntil(lambda: _settled(view) and "events" in view.cross.sources, timeout=20000)
    assert _names(view) == tokyo  # the intersection: C
    assert "1 report in common" in view.cross.bar.common.text()
    # The range's chip counts the range over the case (A, B and C), not over the region's events the timeline shows.
    assert view.cross.bar.chips["events"][0].text() == "Events 2026-03-01 – 2026-05-31, 3 reports"

    # Clearing the region restores the range over the case's events: March to May holds all three reports.
    view.tabs.setCurrentIndex(0)
    view.cross.bar.chips["map"][1].click()
    qtbot.waitUntil(lambda: "map" not in view.cross.sources and _settled(view) and _names(view) == everything,
                    timeout=20000)
    assert view.cross.bar.chips["events"][0].text() == "Events 2026-03-01 – 2026-05-31, 3 reports"
    assert len({e.report_id for e in timeline.events}) == 3 and timeline.canvas.chosen is not None

    # Esc on the Events tab clears the range there; then, with a region again, Esc anywhere clears everything.
    view.tabs.setCurrentWidget(timeline)
    _focus(qtbot, window, timeline.canvas)
    qtbot.keyClick(timeline.canvas, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not view.cross.sources and _settled(view), timeout=10000)
    assert timeline.canvas.chosen is None
    view.map.choose([index])  # Tokyo: the timeline reads C's events alone; March holds none of them
    qtbot.waitUntil(lambda: {e.report_id for e in timeline.events} == {tokyo_report} and not view.busy,
                    timeout=20000)
    timeline.canvas.choose(_day("2026-03-01"), _day("2026-03-31"))
    qtbot.waitUntil(lambda: len(view.cross.sources) == 2 and _settled(view) and not _names(view), timeout=20000)
    assert view.cross.bar.common.text() == "0 reports in common"
    view.tabs.setCurrentIndex(0)
    _focus(qtbot, window, view.entities)
    qtbot.keyClick(view.entities, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not view.cross.sources and _settled(view) and _names(view) == everything,
                    timeout=20000)
    assert not view.map.chosen and not view.cross.bar.isVisible()
    view.tabs.setCurrentWidget(timeline)  # the case's events again
    qtbot.waitUntil(lambda: len({e.report_id for e in timeline.events}) == 3 and not view.busy, timeout=20000)

    # A range first, then a region: as the timeline reads the region's events the range keeps its own count (each
    # chip its own filter's reports over the case) and the bar counts the reports they have in common.
    timeline.canvas.choose(_day("2026-03-01"), _day("2026-05-31"))
    qtbot.waitUntil(lambda: "events" in view.cross.sources and _settled(view), timeout=20000)
    assert view.cross.bar.chips["events"][0].text() == "Events 2026-03-01 – 2026-05-31, 3 reports"
    qtbot.waitUntil(lambda: view.map.complete and not view.busy, timeout=20000)
    index = next(i for i, p in enumerate(view.map.places) if p.name.startswith("Tokyo"))
    view.map.choose([index])
    qtbot.waitUntil(lambda: len(view.cross.sources) == 2 and _settled(view) and {
        e.report_id for e in timeline.events} == {tokyo_report}, timeout=20000)
    assert view.cross.bar.chips["events"][0].text() == "Events 2026-03-01 – 2026-05-31, 3 reports"
    region = view.cross.bar.chips["map"][0].text()
    assert region.startswith("Map: Tokyo") and region.endswith(", 1 report")
    assert view.cross.bar.common.text() == "1 report in common" and _names(view) == tokyo
