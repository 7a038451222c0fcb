"""Insider watch view (officer): the flagged day on top in its severity's colour, the users below, the selected
item's audit entries, "Show in audit log" selecting exactly those entries in the Audit view; nothing of a
report's content in any model; the view is an officer's only; every read on a worker (the UI-thread guard)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QColor

from nia_desktop.core.insiders import Kind, Severity
from nia_desktop.services import reports
from nia_desktop.services.session import unlock
from nia_desktop.ui.main_window import MainWindow
from nia_desktop.ui.views.audit import AuditView
from nia_desktop.ui.views.insiders import SEVERITY_COLOURS, InsidersView
from tests.conftest import ANALYST, ANALYST_PASS, OFFICER, OFFICER_PASS
from tests.gui.conftest import unlock_as
from tests.unit.test_insiders import CANARY, SetClock, noon_jst, read_vault  # noqa: F401 (a fixture)


def insiders_view(qtbot, window: MainWindow) -> InsidersView:  # type: ignore[no-untyped-def]
    unlock_as(qtbot, window, OFFICER, OFFICER_PASS)
    assert window.workspace is not None
    window.workspace.show_view("insiders")
    view = window.workspace.views["insiders"]
    assert isinstance(view, InsidersView)
    qtbot.waitUntil(lambda: view.result is not None and not view.busy, timeout=20000)
    return view


def every_text(model: QAbstractItemModel) -> str:
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    return "\n".join(str(model.data(model.index(r, c), role) or "") for r in range(model.rowCount())
                     for c in range(model.columnCount()) for role in roles)


def test_flagged_day_entries_and_the_audit_log(qtbot, qtmodeltester, window: MainWindow,  # type: ignore[no-untyped-def]
                                                read_vault: Path) -> None:  # noqa: F811 (the fixture)
    with unlock(read_vault, ANALYST, ANALYST_PASS) as analyst:  # today: one search, every report among its hits
        assert len(reports.search(analyst, CANARY, limit=100)) == 24
    view = insiders_view(qtbot, window)
    qtmodeltester.check(view.findings_model)
    qtmodeltester.check(view.users_model)
    yesterday = noon_jst(1).date()
    model = view.findings_model
    flagged = [f for f in model.rows if f.flagged]
    assert {(f.user, f.day, f.kind) for f in flagged} == {(ANALYST, yesterday, Kind.READS),
                                                          (ANALYST, yesterday, Kind.OUTSIDE_CASES)}
    assert model.rows[:2] == flagged  # flagged first
    first = model.rows[0]
    background = model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole)
    assert background == QColor(SEVERITY_COLOURS[first.severity][0]) and first.severity is not Severity.LOW
    assert "flagged" in view.summary.text() and "2 flagged" in view.summary.text()
    users = {u.user: u for u in view.users_model.rows}
    assert users[ANALYST].flagged == 2 and users[ANALYST].busiest_day == yesterday
    tip = str(model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole))
    assert "Judged against their last 22 active days." in tip  # the import day and 21 of reading
    users_model = view.users_model
    headers = [users_model.headerData(c, Qt.Orientation.Horizontal) for c in range(users_model.columnCount())]
    row = next(r for r, u in enumerate(users_model.rows) if u.user == ANALYST)
    assert users_model.data(users_model.index(row, headers.index("Search reach"))) == "24"

    # The first flagged item is selected on load and its entries listed (on a worker).
    assert view.selected_finding() == first
    qtbot.waitUntil(lambda: len(view.entries) == first.seq_count and not view.busy, timeout=10000)
    assert [e.seq for e in view.entries] == sorted(first.seqs)
    assert {e.action for e in view.entries} == {"report.read"}
    assert {e.object for e in view.entries} == {f"report {r}" for r in first.reports}
    assert str(first.seq_count) in view.entries_label.text()
    for shown in (view.findings_model, view.users_model, view.entries_model):
        assert CANARY not in every_text(shown)

    # Show in audit log: the Audit view, exactly those entries selected.
    assert view.audit_button.isEnabled()
    view.audit_button.click()
    workspace = window.workspace
    assert workspace is not None
    audit = workspace.views["audit"]
    assert isinstance(audit, AuditView)
    qtbot.waitUntil(lambda: workspace.current_key() == "audit", timeout=5000)

    def selected() -> set[int]:
        rows = audit.table.selectionModel().selectedRows()
        return {audit.model.row_at(audit.table.proxy.mapToSource(index)).seq for index in rows}

    qtbot.waitUntil(lambda: selected() == set(first.seqs), timeout=10000)
    assert audit.table.proxy.rowCount() == audit.model.rowCount()  # no filter hides any of them

    # Entries newer than the Audit view's last load: it reads the log again, then selects them.
    with unlock(read_vault, ANALYST, ANALYST_PASS) as analyst:  # the test's own set-up, another program
        analyst.clock = SetClock(noon_jst(0))  # type: ignore[assignment]
        for report_id in sorted(r.id for r in reports.list_reports(analyst)):
            reports.open_report(analyst, report_id)
    workspace.show_view("insiders")
    view.refresh_button.click()
    qtbot.waitUntil(lambda: not view.busy and any(f.day == noon_jst(0).date() for f in view.findings_model.rows),
                    timeout=20000)
    row = next(i for i, f in enumerate(view.findings_model.rows)
               if f.day == noon_jst(0).date() and f.kind is Kind.READS and f.flagged)
    view.findings_table.selectRow(row)
    today = view.findings_model.rows[row]
    assert max(today.seqs) > max(e.seq for e in audit.model.rows)
    view.findings_table.doubleClicked.emit(view.findings_table.proxy.index(row, 0))
    qtbot.waitUntil(lambda: workspace.current_key() == "audit" and selected() == set(today.seqs), timeout=20000)
    assert any(e.action == "audit.insiders" and e.actor == OFFICER for e in audit.model.rows)


def test_days_and_a_quiet_vault(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = insiders_view(qtbot, window)
    assert view.result is not None and view.result.window.days == 30
    assert not view.result.flagged and "Nothing stands out" in view.entries_label.text()
    assert not view.audit_button.isEnabled()
    view.days.setValue(7)
    view.days.editingFinished.emit()
    qtbot.waitUntil(lambda: view.result is not None and view.result.window.days == 7 and not view.busy,
                    timeout=10000)
    assert "0 flagged" in view.summary.text()
    assert view.refresh_button.shortcut().toString() == "F5"


def test_read_when_first_shown_not_at_unlock(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    unlock_as(qtbot, window, OFFICER, OFFICER_PASS)
    workspace = window.workspace
    assert workspace is not None
    view = workspace.views["insiders"]
    assert isinstance(view, InsidersView)
    qtbot.waitUntil(lambda: not workspace.busy, timeout=10000)
    assert view.result is None  # the watch is audited: only an officer who looks is recorded as looking
    workspace.show_view("insiders")
    qtbot.waitUntil(lambda: view.result is not None and not view.busy, timeout=10000)


def test_only_officers_have_it(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    unlock_as(qtbot, window, ANALYST, ANALYST_PASS)
    assert window.workspace is not None
    assert "insiders" not in window.workspace.view_keys()
