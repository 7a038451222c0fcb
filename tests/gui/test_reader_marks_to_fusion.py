"""A mark clicked in the Reports view's reader shows its entity in the Fusion view (the workspace's link)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from nia_desktop.services import fusion, importing, reports
from nia_desktop.services.session import unlock
from nia_desktop.ui.main_window import MainWindow
from nia_desktop.ui.views.fusion.view import FusionView
from nia_desktop.ui.views.reports.view import ReportsView
from tests.conftest import ANALYST, ANALYST_PASS
from tests.gui.conftest import unlock_as


@pytest.mark.parametrize("showing_a_case", [False, True])
def test_a_click_on_a_mark_shows_the_entity(qtbot, vault_dir: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                            showing_a_case: bool) -> None:
    media = tmp_path / "media"
    media.mkdir()
    (media / "a.txt").write_text("UNCLASSIFIED\n\nViktor SOROKIN met staff of Kanmon Gateway Terminals in "
                                 "Kitakyushu.\n", encoding="utf-8")
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        importing.import_paths(session, [media], pool_size=1)
        fusion.fuse_kept(session)
        report_id = reports.list_reports(session)[0].id
        if showing_a_case:  # a case's fusion numbers its entities apart: the view must show every report's
            fusion.create_case(session, "op-kanmon")
            fusion.add_to_case(session, "op-kanmon", [report_id])
            fusion.fuse_kept(session, "op-kanmon")
    from nia_desktop.ui.preferences import Preferences

    window = MainWindow(vault_dir, Preferences(tmp_path / "prefs"))
    qtbot.addWidget(window)
    window.show()
    unlock_as(qtbot, window, ANALYST, ANALYST_PASS)
    qtbot.waitUntil(lambda: window.workspace is not None and not window.workspace.busy, timeout=20000)
    workspace = window.workspace
    if showing_a_case:
        shown = workspace.views["fusion"]
        assert isinstance(shown, FusionView)
        workspace.show_view("fusion")
        qtbot.waitUntil(lambda: shown.case.findData("op-kanmon") >= 0, timeout=15000)
        shown.case.setCurrentIndex(shown.case.findData("op-kanmon"))
        qtbot.waitUntil(lambda: shown.entity_model.rowCount() > 0, timeout=15000)
        workspace.show_view("reports")
    view = workspace.views["reports"]
    assert isinstance(view, ReportsView)
    view.open_report_id(report_id)
    qtbot.waitUntil(lambda: bool(view.reader.marks), timeout=10000)
    start, _, mention = next(m for m in view.reader.marks if m[2].surface == "Kitakyushu")
    cursor = QTextCursor(view.reader.text.document())
    cursor.setPosition(start + 3)
    rect = view.reader.text.cursorRect(cursor)
    qtbot.mouseClick(view.reader.text.viewport(), Qt.MouseButton.LeftButton, pos=rect.center() + QPoint(1, 0))
    assert workspace.current_key() == "fusion"
    fusion_view = workspace.views["fusion"]
    assert isinstance(fusion_view, FusionView)
    qtbot.waitUntil(lambda: fusion_view.detail is not None and fusion_view.detail.line.id == mention.entity_id,
                    timeout=15000)
    assert "Kitakyushu" in fusion_view.details.toPlainText()
    assert fusion_view.scope == ""  # the fusion of every report, whose numbers the reader's marks carry
    qtbot.waitUntil(lambda: not workspace.busy, timeout=20000)
    window.close()
