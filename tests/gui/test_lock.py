"""Auto-lock after idle time, Ctrl+L, and return to the same view after unlock."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from nia_desktop.ui.main_window import MainWindow
from tests.conftest import ANALYST, ANALYST_PASS, OFFICER, OFFICER_PASS
from tests.gui.conftest import unlock_as
from tests.helpers import raw_database


def test_auto_lock_and_return_to_the_same_view(qtbot, window: MainWindow, vault_dir: Path) -> None:  # type: ignore[no-untyped-def]
    unlock_as(qtbot, window, OFFICER, OFFICER_PASS)
    assert window.workspace is not None
    window.workspace.show_view("audit")
    qtbot.waitUntil(lambda: not window.workspace.busy, timeout=10000)  # type: ignore[union-attr]
    session = window.session
    assert session is not None
    key = session.db_key
    window.watcher.set_idle_seconds(0)
    with qtbot.waitSignal(window.locked, timeout=5000):
        window.watcher.check_now()
    assert window.session is None and window.workspace is None
    assert session.closed  # the database is closed, not just hidden
    assert window.pages.currentWidget() is window.unlock_view
    assert window.unlock_view.user.text() == OFFICER
    assert "inactivity" in window.unlock_view.banner.text()
    with raw_database(vault_dir, key) as db:
        last = db.execute("SELECT action FROM audit ORDER BY seq DESC LIMIT 1").fetchone()[0]
    assert last == "session.lock"
    unlock_as(qtbot, window, OFFICER, OFFICER_PASS)
    assert window.workspace.current_key() == "audit"  # type: ignore[union-attr]


def test_idle_countdown_resets_on_input(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    unlock_as(qtbot, window, OFFICER, OFFICER_PASS)
    window.watcher.set_idle_seconds(600)
    assert window.watcher.seconds_left() > 590
    qtbot.keyClick(window.workspace.rail, Qt.Key.Key_Down)  # type: ignore[union-attr]
    window.watcher.check_now()
    assert window.session is not None


def test_ctrl_l_locks(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    unlock_as(qtbot, window, ANALYST, ANALYST_PASS)
    assert window.lock_action.shortcut() == QKeySequence("Ctrl+L")
    with qtbot.waitSignal(window.locked, timeout=5000):
        window.lock_action.trigger()
    assert window.session is None


def test_another_user_after_lock_starts_fresh(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    unlock_as(qtbot, window, OFFICER, OFFICER_PASS)
    window.workspace.show_view("audit")  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: not window.workspace.busy, timeout=10000)  # type: ignore[union-attr]
    window.lock()
    unlock_as(qtbot, window, ANALYST, ANALYST_PASS)
    assert window.workspace.current_key() == "reports"  # type: ignore[union-attr]


def test_the_lock_seals_on_a_worker_and_the_unlock_screen_waits_for_it(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    unlock_as(qtbot, window, ANALYST, ANALYST_PASS)
    qtbot.waitUntil(lambda: not window.workspace.busy, timeout=10000)  # type: ignore[union-attr]
    session = window.session
    assert session is not None
    window.lock_action.trigger()
    # The workspace is gone at once; the audit entry, the seal and the close run on a worker meanwhile.
    assert window.session is None and window.workspace is None
    assert window.pages.currentWidget() is window.unlock_view
    assert not window.unlock_view.unlock_button.isEnabled() and "Locking" in window.unlock_view.status.text()
    with qtbot.waitSignal(window.locked, timeout=10000):
        pass
    assert session.closed and window.unlock_view.unlock_button.isEnabled()
    assert window.unlock_view.user.text() == ANALYST and window.unlock_view.status.text() == ""
