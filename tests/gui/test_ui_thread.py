"""No database statement runs on the UI thread (issue #11, point 2).

The guard (tests/gui/ui_thread_guard.py) is on for every GUI test; here an
officer and an analyst go through every view the rail offers them, read a
report, change a setting, import a file, look at the import history, switch
language and lock, and the guard must have seen the work (on workers) and
nothing on the UI thread. The guard's own tests show it does catch a
statement run on the UI thread.
"""

from __future__ import annotations

import functools
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from nia_desktop.services import importing
from nia_desktop.services import settings as settings_service
from nia_desktop.services.session import Session, unlock
from nia_desktop.ui import workers
from nia_desktop.ui.i18n import install_translation
from nia_desktop.ui.main_window import MainWindow
from nia_desktop.ui.views.fusion.view import FusionView
from nia_desktop.ui.views.reports.history import ImportHistoryDialog
from nia_desktop.ui.views.reports.import_dialog import ImportDialog
from nia_desktop.ui.views.reports.model import ReportsModel
from nia_desktop.ui.views.reports.view import ReportsView
from nia_desktop.ui.views.settings import SettingsView
from tests import samples
from tests.conftest import ANALYST, ANALYST_PASS, OFFICER, OFFICER_PASS
from tests.gui.conftest import unlock_as
from tests.gui.ui_thread_guard import UiThreadGuard

WAIT = 20_000


@pytest.fixture
def vault_with_reports(vault_dir: Path, tmp_path: Path) -> Path:
    media = tmp_path / "media"
    media.mkdir()
    (media / "en.txt").write_text(samples.EN_REPORT)
    (media / "ja.txt").write_bytes(samples.text_file("iso2022_jp"))
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        importing.import_paths(session, [media])
    return vault_dir


def settle(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Until every view's work has landed."""
    qtbot.waitUntil(lambda: window.workspace is not None and not window.workspace.busy, timeout=WAIT)


def visit_every_view(qtbot, window: MainWindow) -> list[str]:  # type: ignore[no-untyped-def]
    """Open each view from the rail, as a user clicks through it."""
    workspace = window.workspace
    assert workspace is not None
    keys = []
    for row in range(workspace.rail.count()):
        workspace.rail.setCurrentRow(row)
        keys.append(workspace.current_key())
        view = workspace.views[keys[-1]]
        if isinstance(view, FusionView):
            qtbot.waitUntil(lambda v=view: v.workspace is not None and not v.busy, timeout=WAIT)  # fused on show
        settle(qtbot, window)
    return keys


def switch_language(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert app is not None
    try:
        install_translation(app, "ja")
        window.retranslate()
        settle(qtbot, window)
    finally:
        install_translation(app, "en")
        window.retranslate()
        settle(qtbot, window)


def test_officer_and_analyst_never_use_the_database_on_the_ui_thread(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow, vault_with_reports: Path, tmp_path: Path,
        ui_thread_guard: UiThreadGuard) -> None:
    unlock_as(qtbot, window, OFFICER, OFFICER_PASS)
    settle(qtbot, window)
    assert len(visit_every_view(qtbot, window)) >= 8
    assert window.workspace is not None
    settings = window.workspace.views["settings"]
    assert isinstance(settings, SettingsView)
    window.workspace.show_view("settings")
    settings.idle.setValue(7)
    settings.save_button.click()
    qtbot.waitUntil(lambda: "Saved" in settings.banner.text(), timeout=WAIT)
    qtbot.waitUntil(lambda: window.watcher.idle_ms == 7 * 60 * 1000, timeout=WAIT)  # the main window applied it
    switch_language(qtbot, window)
    with qtbot.waitSignal(window.locked, timeout=WAIT):
        window.lock_action.trigger()
    ui_thread_guard.check()

    unlock_as(qtbot, window, ANALYST, ANALYST_PASS)
    settle(qtbot, window)
    assert "reports" in visit_every_view(qtbot, window)
    assert window.workspace is not None
    window.workspace.show_view("reports")
    reports = window.workspace.views["reports"]
    assert isinstance(reports, ReportsView)
    qtbot.waitUntil(lambda: reports.model.rowCount() == 2, timeout=WAIT)
    reports.table.selectRow(0)  # an audited read
    qtbot.waitUntil(lambda: reports.reader.report is not None, timeout=WAIT)
    reports.search.setText("quantum OR 量子センシング")
    reports.apply()
    settle(qtbot, window)

    stick = tmp_path / "stick"
    stick.mkdir()
    (stick / "new.md").write_bytes(samples.markdown_file())
    reports.open_import()
    dialog = reports.dialog
    assert isinstance(dialog, ImportDialog)
    dialog.add_source(stick)
    dialog.start_import()
    qtbot.waitUntil(lambda: dialog.outcome is not None and not dialog.busy, timeout=WAIT)
    dialog.accept()  # the table and the agencies load again
    settle(qtbot, window)
    reports.open_history()
    history = reports.dialog
    assert isinstance(history, ImportHistoryDialog)
    qtbot.waitUntil(lambda: history.runs.rowCount() == 2, timeout=WAIT)
    history.run_table.selectRow(0)
    qtbot.waitUntil(lambda: history.items.rowCount() > 0, timeout=WAIT)
    history.close()

    switch_language(qtbot, window)
    with qtbot.waitSignal(window.locked, timeout=WAIT):
        window.lock_action.trigger()
    assert ui_thread_guard.statements > 100  # the guard saw the work, all of it on workers
    ui_thread_guard.check()


# -- the guard itself -----------------------------------------------------
@pytest.fixture
def session(vault_dir: Path) -> Session:  # type: ignore[misc]
    opened = unlock(vault_dir, ANALYST, ANALYST_PASS)  # may read reports
    yield opened
    opened.close()


def run_here(fn, on_success=None, on_finished=None):  # type: ignore[no-untyped-def]
    """What the views did before issue #11: the service call on the calling (UI) thread."""
    result = fn(None, None)
    if on_success is not None:
        on_success(result)
    if on_finished is not None:
        on_finished()


def test_the_guard_catches_desktop_code_on_the_ui_thread(qtbot, session: Session,  # type: ignore[no-untyped-def]
                                                         ui_thread_guard: UiThreadGuard) -> None:
    model = ReportsModel(session, run_here)
    model.reload()
    assert ui_thread_guard.violations
    found = {v.statement: v.where for v in ui_thread_guard.violations.values()}
    assert found["call reports.list_reports()"] == ("nia_desktop/ui/views/reports/model.py", "work")
    with pytest.raises(AssertionError, match="on the UI thread"):
        ui_thread_guard.check()
    ui_thread_guard.violations.clear()  # caught on purpose: the test passes


def test_the_guard_catches_a_signal_wired_straight_to_a_service(qtbot, session: Session,  # type: ignore[no-untyped-def]
                                                                ui_thread_guard: UiThreadGuard) -> None:
    fired: list[bool] = []
    QTimer.singleShot(0, functools.partial(settings_service.current, session))
    QTimer.singleShot(0, lambda: fired.append(True))
    qtbot.waitUntil(lambda: bool(fired))
    assert any(v.where[0].endswith(".py") and "nia_desktop" not in v.where[0]
               for v in ui_thread_guard.violations.values())
    ui_thread_guard.violations.clear()


def test_the_guard_lets_workers_and_the_tests_own_calls_through(qtbot, session: Session,  # type: ignore[no-untyped-def]
                                                                ui_thread_guard: UiThreadGuard) -> None:
    before = ui_thread_guard.statements
    threads: list[bool] = []

    def work(signals: object, cancel: object) -> dict[str, int]:
        threads.append(threading.current_thread() is threading.main_thread())
        return settings_service.current(session)

    done: list[dict[str, int]] = []
    workers.run_task(work, on_success=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=WAIT)
    assert threads == [False] and ui_thread_guard.statements > before
    settings_service.current(session)  # the test's own check, called directly: allowed
    assert not ui_thread_guard.violations
