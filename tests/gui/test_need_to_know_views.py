"""Need to know in the desktop: the officer's clearances view, the analyst's markings, re-marking, import caveats,
the status line, and that the reports model never holds anything of a report the analyst may not read.

Every change goes through the views (dialogs, buttons, confirmations) and is checked through the services.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox

from nia_desktop.core.classification import Level
from nia_desktop.core.markings import ORCON, SPECIALLY_DESIGNATED_SECRET, CaveatKind
from nia_desktop.services import clearances, importing, reports
from nia_desktop.services.session import Session, unlock
from nia_desktop.ui.main_window import MainWindow
from nia_desktop.ui.views.compartments import DefineDialog, GrantDialog, NeedToKnowView
from nia_desktop.ui.views.reports.import_dialog import ImportDialog
from nia_desktop.ui.views.reports.remark import RemarkDialog
from nia_desktop.ui.views.reports.view import ReportsView
from tests.conftest import ANALYST, ANALYST_PASS, OFFICER, OFFICER_PASS
from tests.gui.conftest import unlock_as

WAIT = 15_000
CANARY = "Canaryheron Volkov-7731"
OPERATION = "OP-HERON"


def accept(box: QMessageBox | None) -> None:
    assert box is not None
    next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()


def officer_view(qtbot, window: MainWindow) -> NeedToKnowView:  # type: ignore[no-untyped-def]
    unlock_as(qtbot, window, OFFICER, OFFICER_PASS)
    assert window.workspace is not None
    window.workspace.show_view("need_to_know")
    view = window.workspace.views["need_to_know"]
    assert isinstance(view, NeedToKnowView)
    qtbot.waitUntil(lambda: not view.busy and view.users_model.rowCount() == 3, timeout=WAIT)
    return view


def all_text(model: QAbstractItemModel) -> str:
    """Every DisplayRole and ToolTipRole text of every index, and the headers."""
    parts = []
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if value is not None:
                    parts.append(str(value))
    for column in range(model.columnCount()):
        parts.append(str(model.headerData(column, Qt.Orientation.Horizontal)))
    return "\n".join(parts)


def test_officer_sets_clearance_grants_and_takes_away(qtbot, window: MainWindow, vault_dir: Path) -> None:  # type: ignore[no-untyped-def]
    view = officer_view(qtbot, window)
    # A compartment, defined through the view.
    view.tabs.setCurrentIndex(1)
    view.new_button.click()
    define = view.dialog
    assert isinstance(define, DefineDialog)
    define.buttons.accepted.emit()
    assert "Name the compartment" in define.banner.text()  # refused inline, nothing sent
    define.name.setText(OPERATION.lower())
    define.description.setText("Operation Heron: source reporting")
    define.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not view.busy and any(c.name == OPERATION for c in view.caveats), timeout=WAIT)
    assert "Defined OP-HERON" in view.banner.text()

    # Lower the analyst's clearance: asked once, Cancel by default.
    view.tabs.setCurrentIndex(0)
    view.select_user(ANALYST)
    assert view.level.currentData() == int(Level.TOP_SECRET) and not view.clear_button.isEnabled()
    view.level.setCurrentIndex(view.level.findData(int(Level.SECRET)))
    assert view.clear_button.isEnabled()
    view.clear_button.click()
    assert view.confirm is not None and ANALYST in view.confirm.text()
    assert view.confirm.defaultButton() is view.confirm.button(QMessageBox.StandardButton.Cancel)
    accept(view.confirm)
    qtbot.waitUntil(lambda: not view.busy and "cleared to SECRET" in view.banner.text(), timeout=WAIT)
    session = window.session
    assert session is not None
    assert clearances.user_access(session, ANALYST)[0].level is Level.SECRET  # type: ignore[union-attr]

    # Grant OP-HERON until a date picked in the dialog.
    assert view.selected_user() is not None and view.selected_user().name == ANALYST  # type: ignore[union-attr]
    view.grant_button.click()
    grant = view.dialog
    assert isinstance(grant, GrantDialog)
    grant.compartment.setCurrentIndex(grant.compartment.findData(OPERATION))
    assert not grant.until.isEnabled()
    grant.ends.setChecked(True)
    end = QDate.currentDate().addDays(30)
    grant.until.setDate(end)
    grant.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not view.busy and view.grants_model.rowCount() == 1, timeout=WAIT)
    held = clearances.user_access(session, ANALYST)[0].grants
    assert [(g.compartment, g.until) for g in held] == [(OPERATION, end.toString("yyyy-MM-dd"))]
    assert "holds OP-HERON until" in view.banner.text()
    assert OPERATION in view.users_model.data(view.users_model.index(
        next(i for i, a in enumerate(view.users_model.rows) if a.name == ANALYST), 3))

    # Take it away: asked first; Cancel keeps it.
    view.select_grant(OPERATION)
    assert view.ungrant_button.isEnabled()
    view.ungrant_button.click()
    assert view.confirm is not None and OPERATION in view.confirm.text()
    view.confirm.button(QMessageBox.StandardButton.Cancel).click()
    assert clearances.user_access(session, ANALYST)[0].grants
    view.select_grant(OPERATION)
    view.ungrant_button.click()
    accept(view.confirm)
    qtbot.waitUntil(lambda: not view.busy and view.grants_model.rowCount() == 0, timeout=WAIT)
    assert clearances.user_access(session, ANALYST)[0].grants == []
    changes = [r[0] for r in session.db.query(
        "SELECT action FROM audit WHERE action IN ('compartment.add', 'user.clear', 'user.grant', 'user.ungrant') "
        "AND outcome = 'ok' ORDER BY seq")]
    assert changes == ["compartment.add", "user.clear", "user.grant", "user.ungrant"]


def test_officer_cannot_change_their_own(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = officer_view(qtbot, window)
    view.select_user(OFFICER)
    assert view.self_note.isVisibleTo(view)
    for widget in (view.level, view.clear_button, view.grant_button, view.ungrant_button):
        assert not widget.isEnabled()
    assert "own clearance" in view.grant_button.toolTip() and "another officer" in view.level.toolTip()
    view.select_user(ANALYST)
    assert not view.self_note.isVisibleTo(view) and view.level.isEnabled()
    assert "own" not in view.grant_button.toolTip()


def test_unknown_marking_is_highlighted_then_defined(qtbot, window: MainWindow, vault_dir: Path,  # type: ignore[no-untyped-def]
                                                     tmp_path: Path) -> None:
    media = tmp_path / "usb"
    media.mkdir()
    (media / "w.txt").write_text("SECRET//WNINTEL\n\nSubject: a warning notice\n\nThe text of the report.\n")
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as analyst:
        importing.import_paths(analyst, [media])
        assert reports.list_reports(analyst) == []  # nobody reads past an unknown marking
    view = officer_view(qtbot, window)
    row = next(i for i, c in enumerate(view.caveats_model.rows) if c.name == "WNINTEL")
    assert view.caveats_model.rows[row].kind is CaveatKind.UNKNOWN
    index = view.caveats_model.index(row, 1)
    assert "restricts reading until defined" in view.caveats_model.data(index)
    assert isinstance(view.caveats_model.data(index, Qt.ItemDataRole.BackgroundRole), QColor)
    assert "restricts reading" in view.caveats_model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "WNINTEL" in view.unknown_note.text() and "1 unknown" in view.tabs.tabText(1)
    view.tabs.setCurrentIndex(1)
    assert not view.define_button.isEnabled()
    view.caveats_table.selectRow(next(r for r in range(view.caveats_table.proxy.rowCount())
                                      if view.caveats_table.proxy.index(r, 0).data() == "WNINTEL"))
    assert view.define_button.isEnabled()
    view.define_button.click()
    dialog = view.dialog
    assert isinstance(dialog, DefineDialog) and dialog.name.text() == "WNINTEL" and dialog.name.isReadOnly()
    dialog.kind.setCurrentIndex(dialog.kind.findData(CaveatKind.CONTROL))
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not view.busy and all(c.kind is not CaveatKind.UNKNOWN for c in view.caveats),
                    timeout=WAIT)
    assert not view.unknown_note.isVisibleTo(view)
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as analyst:
        assert [r.caveats for r in reports.list_reports(analyst)] == [("WNINTEL",)]  # a control: readable now


@pytest.fixture
def compartmented(vault_dir: Path, tmp_path: Path) -> Iterator[Session]:
    """An analyst cleared to SECRET without OP-HERON, beside a report in OP-HERON and one at TOP SECRET whose
    titles and text carry the canary, and two reports they may read."""
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as officer:
        clearances.add_compartment(officer, OPERATION, "Operation Heron")
        clearances.grant(officer, ANALYST, OPERATION)  # for the import: an importer names only what they know of
    open_media, heron, top = tmp_path / "open", tmp_path / "heron", tmp_path / "top"
    for folder in (open_media, heron, top):
        folder.mkdir()
    (open_media / "a.txt").write_text("SECRET\n\nSubject: Harbour survey\n\nA survey of the harbour cranes.\n")
    (open_media / "b.txt").write_text("CONFIDENTIAL//ORCON\n\nSubject: Port calls\n\nShips called at the port.\n")
    (heron / "h.txt").write_text(f"SECRET\n\nSubject: {CANARY} meets a handler\n\n{CANARY} met his handler in "
                                 "Kawasaki; 鷺野カナリア was present.\n")
    (top / "t.txt").write_text(f"TOP SECRET\n\nSubject: {CANARY} travel plans\n\n{CANARY} flies to Vladivostok.\n")
    session = unlock(vault_dir, ANALYST, ANALYST_PASS)
    importing.import_paths(session, [open_media])
    importing.import_paths(session, [heron], caveats=[OPERATION])
    importing.import_paths(session, [top])
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as officer:
        clearances.set_clearance(officer, ANALYST, Level.SECRET)
        clearances.ungrant(officer, ANALYST, OPERATION)
    yield session
    session.close()


def ready(qtbot, view: ReportsView) -> ReportsView:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not view.busy, timeout=WAIT)
    return view


def test_reports_model_never_holds_a_hidden_report(qtbot, compartmented: Session) -> None:  # type: ignore[no-untyped-def]
    view = ready(qtbot, ReportsView(compartmented))
    qtbot.addWidget(view)
    text = all_text(view.model)
    assert "Harbour survey" in text and "Port calls" in text  # what they may read is there (not vacuous)
    assert "CONFIDENTIAL//ORCON" in text  # the full marking in the classification column
    assert CANARY not in text and "鷺野" not in text
    assert view.model.rowCount() == 2 and view.count.text() == "2 reports"  # counts do not leak either
    for query in ("Canaryheron", "Vladivostok", "鷺野カナリア"):
        view.search.setText(query)
        view.apply()
        ready(qtbot, view)
        assert view.model.rowCount() == 0 and CANARY not in all_text(view.model)
    view.search.setText("")
    view.apply()
    ready(qtbot, view)
    hidden = [int(r[0]) for r in compartmented.db.query("SELECT id FROM reports ORDER BY id")][2:]
    assert len(hidden) == 2
    view.open_report_id(hidden[0])
    ready(qtbot, view)
    assert view.reader.report is None and "need to know" in view.reader.title.text()
    assert "need to know" in view.banner.text() and CANARY not in view.reader.text.toPlainText()
    assert CANARY not in view.reader.title.text() and not view.remark_button.isEnabled()
    refused = compartmented.db.query("SELECT count(*) FROM audit WHERE action = 'report.need_to_know' "
                                     "AND outcome = 'refused'")[0][0]
    assert refused == 1
    # The same view once the officer clears them: the canary is there, so the checks above can fail.
    with unlock(compartmented.vault.paths.root, OFFICER, OFFICER_PASS) as officer:
        clearances.set_clearance(officer, ANALYST, Level.TOP_SECRET)
        clearances.grant(officer, ANALYST, OPERATION)
    view.apply()
    ready(qtbot, view)
    assert view.model.rowCount() == 4 and CANARY in all_text(view.model)


def test_reader_banner_shows_the_caveats(qtbot, compartmented: Session) -> None:  # type: ignore[no-untyped-def]
    view = ready(qtbot, ReportsView(compartmented))
    qtbot.addWidget(view)
    row = next(i for i, r in enumerate(view.model.rows) if r.title == "Port calls")
    view.table.selectRow(row)
    ready(qtbot, view)
    assert view.reader.banner.text() == "CONFIDENTIAL / 取扱注意//ORCON"
    assert view.model.data(view.model.index(row, 3), Qt.ItemDataRole.ToolTipRole) == "CONFIDENTIAL / 取扱注意//ORCON"


def test_remark_dialog_marks_the_report(qtbot, compartmented: Session) -> None:  # type: ignore[no-untyped-def]
    view = ready(qtbot, ReportsView(compartmented))
    qtbot.addWidget(view)
    assert not view.remark_button.isEnabled()  # nothing open yet
    row = next(i for i, r in enumerate(view.model.rows) if r.title == "Harbour survey")
    report_id = view.model.rows[row].id
    view.table.selectRow(row)
    ready(qtbot, view)
    assert view.remark_button.isEnabled()
    view.remark_button.click()
    qtbot.waitUntil(lambda: isinstance(view.dialog, RemarkDialog), timeout=WAIT)
    dialog = view.dialog
    assert isinstance(dialog, RemarkDialog)
    offered = {dialog.caveats.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dialog.caveats.count())}
    assert {ORCON, SPECIALLY_DESIGNATED_SECRET} <= offered
    assert OPERATION not in offered  # a compartment they are not read into is not theirs to know of
    designated = next(dialog.caveats.item(i) for i in range(dialog.caveats.count())
                      if dialog.caveats.item(i).data(Qt.ItemDataRole.UserRole) == SPECIALLY_DESIGNATED_SECRET)
    assert "you do not hold it" in designated.text() and "hidden from you" in designated.toolTip()
    dialog.level.setCurrentIndex(dialog.level.findData(int(Level.CONFIDENTIAL)))
    dialog.caveats.set_checked(ORCON)
    dialog.release.setText("usa, gbr")
    assert dialog.new_marking.text() == "CONFIDENTIAL / 取扱注意//ORCON//REL TO GBR, USA"
    dialog.buttons.accepted.emit()
    assert "Say why" in dialog.banner.text()  # a reason is required
    dialog.why.setPlainText("Originator asked for control; releasable to two partners")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not view.busy and "Re-marked report" in view.banner.text(), timeout=WAIT)
    ready(qtbot, view)
    summary = next(r for r in reports.list_reports(compartmented) if r.id == report_id)
    assert summary.classification is Level.CONFIDENTIAL
    assert set(summary.caveats) == {ORCON, "REL TO GBR, USA"}
    assert view.reader.banner.text() == "CONFIDENTIAL / 取扱注意//ORCON//REL TO GBR, USA"
    assert "CONFIDENTIAL//ORCON//REL TO GBR, USA" in all_text(view.model)  # the list was reloaded
    entry = compartmented.db.query("SELECT details FROM audit WHERE action = 'report.mark' AND object = ?",
                                   (f"report {report_id}",))
    assert len(entry) == 1 and "Originator asked for control" in entry[0][0]


def test_remark_into_a_compartment_hides_the_report(qtbot, compartmented: Session) -> None:  # type: ignore[no-untyped-def]
    view = ready(qtbot, ReportsView(compartmented))
    qtbot.addWidget(view)
    row = next(i for i, r in enumerate(view.model.rows) if r.title == "Harbour survey")
    summary = view.model.rows[row]
    view.remark(summary)  # as the table's context menu does
    qtbot.waitUntil(lambda: isinstance(view.dialog, RemarkDialog), timeout=WAIT)
    dialog = view.dialog
    assert isinstance(dialog, RemarkDialog)
    dialog.caveats.set_checked(SPECIALLY_DESIGNATED_SECRET)  # built in: every analyst may name it
    assert "no longer read" in dialog.new_marking.text()
    dialog.why.setPlainText("Designated source reporting")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not view.busy and "hidden from you" in view.banner.text(), timeout=WAIT)
    ready(qtbot, view)
    assert "Harbour survey" not in all_text(view.model) and view.model.rowCount() == 1


def test_import_dialog_adds_caveats(qtbot, compartmented: Session, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    media = tmp_path / "more"
    media.mkdir()
    (media / "c.txt").write_text("SECRET\n\nSubject: Crane lease\n\nA lease of two cranes.\n")
    (media / "d.txt").write_text("CONFIDENTIAL\n\nSubject: Berth plan\n\nThe berth plan for April.\n")
    dialog = ImportDialog(compartmented)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.caveats.count() > 1, timeout=WAIT)
    dialog.caveats.set_checked(ORCON)
    dialog.add_source(media)
    dialog.start_import()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=WAIT)
    assert len(dialog.outcome.imported) == 2  # type: ignore[union-attr]
    marked = {r.title: r.caveats for r in reports.list_reports(compartmented)}
    assert marked["Crane lease"] == (ORCON,) and marked["Berth plan"] == (ORCON,)
    assert marked["Harbour survey"] == ()  # earlier imports keep their own markings


def test_status_line_shows_clearance_and_compartments(qtbot, window: MainWindow, vault_dir: Path) -> None:  # type: ignore[no-untyped-def]
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as officer:
        clearances.add_compartment(officer, OPERATION)
        clearances.grant(officer, ANALYST, OPERATION)
        clearances.grant(officer, ANALYST, SPECIALLY_DESIGNATED_SECRET)
    unlock_as(qtbot, window, ANALYST, ANALYST_PASS)
    workspace = window.workspace
    assert workspace is not None
    qtbot.waitUntil(lambda: bool(workspace.access_label.text()), timeout=WAIT)
    assert workspace.access_label.text() == "Cleared: TOP SECRET / 極秘 · OP-HERON, 特定秘密"
