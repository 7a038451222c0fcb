"""GUI test setup: offscreen Qt, a MainWindow on a fresh vault, helpers to unlock, and the UI-thread guard.

Every GUI test fails when desktop code runs a database statement on the UI
thread (tests/gui/ui_thread_guard.py); ``ui_thread_guard`` is the guard, for
tests that check it themselves.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from nia_desktop.ui.main_window import MainWindow
from nia_desktop.ui.preferences import Preferences
from tests.gui import ui_thread_guard as guarding


@pytest.fixture(autouse=True)
def ui_thread_guard(request: pytest.FixtureRequest,
                    monkeypatch: pytest.MonkeyPatch) -> Iterator[guarding.UiThreadGuard]:
    """First in, last out: it sees every connection the test opens and every statement until the widgets close.

    A ``timing`` test keeps the service-call check but not SQLite's trace callback: that callback has SQLite
    expand every bound value into the statement's text while the GIL is held (a fused result of 10,000 reports
    is megabytes), a stall the application itself never has."""
    guard = guarding.install(monkeypatch, trace_sql=request.node.get_closest_marker("timing") is None)
    yield guard
    guard.check()


@pytest.fixture
def window(qtbot, vault_dir: Path, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = MainWindow(vault_dir, Preferences(tmp_path / "prefs"))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


def unlock_as(qtbot, win: MainWindow, user: str, passphrase: str) -> None:  # type: ignore[no-untyped-def]
    # A lock waits for running work, then seals and closes the session on a worker: wait for both.
    qtbot.waitUntil(lambda: win.workspace is None and win.unlock_view.unlock_button.isEnabled(), timeout=20000)
    view = win.unlock_view
    view.user.setText(user)
    view.passphrase.setText(passphrase)
    view.unlock_button.click()
    qtbot.waitUntil(lambda: win.workspace is not None, timeout=10000)
