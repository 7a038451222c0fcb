"""The ACH tab of the Fusion view: the matrix with scores and diagnosticity, keyboard first (arrows move, C/I/N
set a cell, Shift for CC and II), hypotheses and evidence added from the keyboard, work off the UI thread; each
hypothesis portion-marked, marked on adding (offered as the author's clearance), re-marked (Ctrl+Shift+M), and
absent for a reader cleared below it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox, QTableWidgetItem

from nia_desktop.core.classification import Level
from nia_desktop.services import ach, clearances, fusion, importing, reports
from nia_desktop.services.session import unlock
from nia_desktop.ui.main_window import MainWindow
from nia_desktop.ui.views.fusion.ach_panel import AchPanel
from tests.conftest import ANALYST, ANALYST_PASS, OFFICER, OFFICER_PASS
from tests.gui.test_fusion_view import open_fusion


@pytest.fixture
def ach_vault(vault_dir: Path, tmp_path: Path) -> dict[str, int]:
    media = tmp_path / "usb"
    media.mkdir()
    (media / "a.txt").write_text("SECRET\nSubject: Quay\n\nKevin Tang met NAGASE Ren in Roppongi.\n")
    (media / "b.txt").write_text("CONFIDENTIAL\nSubject: Dock\n\nTANG Haoran paid NAGASE Ren.\n")
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        importing.import_paths(anna, [media], pool_size=1)
        ids = {r.path.rsplit("/", 1)[-1]: r.id for r in reports.list_reports(anna)}
        fusion.create_case(anna, "Quay")
        fusion.add_to_case(anna, "Quay", list(ids.values()))
        h1 = ach.add_hypothesis(anna, "Quay", "Tang recruits for a service", Level.CONFIDENTIAL)
        h2 = ach.add_hypothesis(anna, "Quay", "Tang is a businessman", Level.CONFIDENTIAL)
        e1 = ach.add_evidence(anna, "Quay", report_id=ids["a.txt"])
    return {"h1": h1, "h2": h2, "e1": e1, "b": ids["b.txt"]}


def _panel(qtbot, window: MainWindow) -> AchPanel:  # type: ignore[no-untyped-def]
    view = open_fusion(qtbot, window)
    view.tabs.setCurrentWidget(view.ach)
    assert not view.ach.add_hypothesis_button.isEnabled()  # no case chosen
    view.case.setCurrentIndex(view.case.findData("Quay"))
    qtbot.waitUntil(lambda: view.ach.table.rowCount() == 1 and not view.busy, timeout=20000)
    return view.ach


def _head(panel: AchPanel, column: int, vertical: bool = False) -> QTableWidgetItem:
    item = panel.table.verticalHeaderItem(column) if vertical else panel.table.horizontalHeaderItem(column)
    assert item is not None
    return item


def _cell(panel: AchPanel, row: int, column: int) -> str:
    item = panel.table.item(row, column)
    return item.text() if item is not None else ""


def test_keys_rate_cells_and_the_scores_follow(qtbot, ach_vault: dict[str, int],  # type: ignore[no-untyped-def]
                                               window: MainWindow) -> None:
    panel = _panel(qtbot, window)
    assert panel.table.columnCount() == 3  # two hypotheses and the diagnosticity
    assert "(S)" in _head(panel, 0, vertical=True).text()
    assert _head(panel, 0).text().startswith(f"(C) H{ach_vault['h1']}")
    assert _head(panel, 0).toolTip() == "(C) Tang recruits for a service"
    panel.table.setFocus()
    panel.table.setCurrentCell(0, 0)
    qtbot.keyClick(panel.table, Qt.Key.Key_C)
    qtbot.waitUntil(lambda: _cell(panel, 0, 0) == "C" and not panel.view.busy, timeout=10000)
    qtbot.keyClick(panel.table, Qt.Key.Key_Right)
    assert panel.table.currentColumn() == 1
    qtbot.keyClick(panel.table, Qt.Key.Key_I, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: _cell(panel, 0, 1) == "II" and not panel.view.busy, timeout=10000)
    assert panel.table.currentColumn() == 1  # the cursor stays where the analyst was
    assert "score 0 · rank 1" in _head(panel, 0).text()
    assert "score 2 · rank 2" in _head(panel, 1).text()
    assert _cell(panel, 0, 2) == "3"  # C against II: diagnosticity 1 - (-2)
    assert f"(C) H{ach_vault['h1']}: Tang recruits" in panel.summary.text() and "(S)" in panel.summary.text()
    assert "H" in panel.sensitivity.item(0).text()
    qtbot.keyClick(panel.table, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: _cell(panel, 0, 1) == "N/A" and not panel.view.busy, timeout=10000)
    # The diagnosticity column is not a cell to rate.
    panel.table.setCurrentCell(0, 2)
    qtbot.keyClick(panel.table, Qt.Key.Key_I)
    qtbot.wait(200)
    assert not panel.view.busy and _cell(panel, 0, 2) == "1"


def test_hypotheses_and_evidence_are_added_from_the_keyboard(qtbot, ach_vault: dict[str, int],  # type: ignore[no-untyped-def]
                                                             window: MainWindow) -> None:
    panel = _panel(qtbot, window)
    # Offered: the analyst's clearance (TOP SECRET, every level up to it listed), no caveats in this case.
    assert panel.level.currentData() is Level.TOP_SECRET and panel.level.count() == 4 and panel.caveats.text() == ""
    panel.level.setCurrentIndex(panel.level.findData(Level.SECRET))
    panel.caveats.setText("orcon")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    panel.hypothesis.setFocus()
    qtbot.keyClicks(panel.hypothesis, "Tang is a double agent")
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(panel.hypothesis, Qt.Key.Key_H, ctrl_shift)  # Ctrl+Shift+H adds it (Return does too)
    qtbot.waitUntil(lambda: panel.table.columnCount() == 4 and not panel.view.busy, timeout=10000)
    assert panel.hypothesis.text() == ""
    assert _head(panel, 2).toolTip() == "(S//ORCON) Tang is a double agent"
    assert panel.level.currentData() is Level.SECRET  # the analyst's choice is kept as the matrix is read again
    panel.source.setFocus()
    qtbot.keyClicks(panel.source, str(ach_vault["b"]))
    qtbot.keyClick(panel.source, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2 and not panel.view.busy, timeout=10000)
    assert "(C)" in _head(panel, 1, vertical=True).text()
    panel.source.setText("twelve")
    panel.add_evidence()
    assert panel.view.banner.isVisible() and "number" in panel.view.banner.text()


def test_delete_withdraws_after_asking(qtbot, ach_vault: dict[str, int], window: MainWindow,  # type: ignore[no-untyped-def]
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    panel = _panel(qtbot, window)
    asked: list[str] = []

    def answer(parent: object, title: str, text: str, *rest: object) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Cancel if len(asked) == 1 else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    panel.table.setFocus()
    panel.table.setCurrentCell(0, 1)
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete, Qt.KeyboardModifier.ShiftModifier)
    assert asked == [f"Withdraw hypothesis H{ach_vault['h2']} and its ratings from the matrix?"]
    assert not panel.view.busy and panel.table.columnCount() == 3  # cancelled: nothing changed
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: panel.table.columnCount() == 2 and not panel.view.busy, timeout=10000)
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert asked[-1] == f"Withdraw item E{ach_vault['e1']} and its ratings from the matrix?"
    qtbot.waitUntil(lambda: panel.table.rowCount() == 0 and not panel.view.busy, timeout=10000)


def test_re_mark_asks_why_and_a_hidden_hypothesis_is_absent(qtbot, ach_vault: dict[str, int],  # type: ignore[no-untyped-def]
                                                            vault_dir: Path, window: MainWindow,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        ach.add_hypothesis(anna, "Quay", "CANARY-TS Tang reports to a foreign service", Level.TOP_SECRET)
    panel = _panel(qtbot, window)
    assert panel.table.columnCount() == 4
    asked: list[str] = []

    def answer(parent: object, title: str, text: str, *rest: object) -> tuple[str, bool]:
        asked.append(text)
        return ("", False) if len(asked) == 1 else ("drawn from the SECRET report only", True)

    monkeypatch.setattr(QInputDialog, "getText", answer)
    panel.level.setCurrentIndex(panel.level.findData(Level.SECRET))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    panel.table.setFocus()
    panel.table.setCurrentCell(0, 1)
    qtbot.keyClick(panel, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert asked == [f"Re-mark H{ach_vault['h2']} from (C) to SECRET? Why:"]
    assert not panel.view.busy  # cancelled: nothing changed
    assert _head(panel, 1).text().startswith("(C)")
    panel.remark_current()
    qtbot.waitUntil(lambda: _head(panel, 1).text().startswith("(S)") and not panel.view.busy,
                    timeout=10000)
    # Cleared down to SECRET, the analyst sees no trace of the TOP SECRET hypothesis.
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as olive:
        clearances.set_clearance(olive, ANALYST, Level.SECRET)
    panel.load("Quay")
    qtbot.waitUntil(lambda: panel.table.columnCount() == 3 and not panel.view.busy, timeout=10000)
    shown = " ".join(_head(panel, c).toolTip() for c in range(2)) + panel.summary.text()
    assert "CANARY-TS" not in shown and "(TS)" not in shown
