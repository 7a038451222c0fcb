"""The Fusion view's Events tab: the days inside the analyst's reports, read on a worker when first shown (the
UI-thread guard fails the test otherwise), on lanes per agency or per entity; a range chosen there is re-emitted
for other views and filters the map."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from nia_desktop.services import importing
from nia_desktop.services.session import unlock
from nia_desktop.ui.main_window import MainWindow
from nia_desktop.ui.views.fusion.view import FusionView
from tests.conftest import ANALYST, ANALYST_PASS
from tests.gui.conftest import unlock_as


@pytest.fixture
def dated_vault(vault_dir: Path, tmp_path: Path) -> Path:
    media = tmp_path / "usb"
    media.mkdir()
    (media / "a.txt").write_text("Subject: A\nOriginator: CIRO\nDate: 2026-03-20\n\nKevin Tang met officials in "
                                 "Osaka on 12 March 2026. He left yesterday.\n")
    (media / "b.txt").write_text("Subject: B\nOriginator: NPA\nDate: 2026-04-02\n\nKevin Tang flew from Osaka to "
                                 "Vladivostok on 2026-04-01.\n")
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        importing.import_paths(session, [media])
    return vault_dir


def test_the_events_tab_shows_days_inside_reports(qtbot, dated_vault: Path, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    unlock_as(qtbot, window, ANALYST, ANALYST_PASS)
    window.workspace.show_view("fusion")
    view = window.workspace.views["fusion"]
    assert isinstance(view, FusionView)
    qtbot.waitUntil(lambda: view.workspace is not None and not view.busy, timeout=20000)
    timeline = view.event_timeline
    view.tabs.setCurrentWidget(timeline)  # read when first shown
    qtbot.waitUntil(lambda: bool(timeline.events) and not view.busy, timeout=20000)
    assert sorted(e.day for e in timeline.events) == ["2026-03-12", "2026-03-19", "2026-04-01"]
    assert {lane.name for lane in timeline.canvas.lanes} == {"CIRO", "NPA"}
    timeline.lanes_by.setCurrentIndex(1)
    assert any("Kevin Tang" in lane.name for lane in timeline.canvas.lanes)
    timeline.canvas.setFocus()
    qtbot.keyClick(timeline.canvas, Qt.Key.Key_N)
    assert "Kevin Tang met officials in Osaka on 12 March 2026." in timeline.sentence.text()
    with qtbot.waitSignal(view.events_range) as chosen:
        qtbot.keyClick(timeline.canvas, Qt.Key.Key_BracketLeft)
    since, until, reports = chosen.args
    assert (since, until) == ("2026-03-12", "2026-03-12") and len(reports) == 1
    qtbot.waitUntil(lambda: not view.busy, timeout=10000)  # the map follows the range, on a worker
    with qtbot.waitSignal(view.open_report) as opened:
        qtbot.keyClick(timeline.canvas, Qt.Key.Key_Return)
    assert opened.args == reports
