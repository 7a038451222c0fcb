"""GUI test setup: offscreen Qt, a MainWindow on a fresh vault, helpers to unlock."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from nia_desktop.ui.main_window import MainWindow
from nia_desktop.ui.preferences import Preferences


@pytest.fixture
def window(qtbot, vault_dir: Path, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = MainWindow(vault_dir, Preferences(tmp_path / "prefs"))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


def unlock_as(qtbot, win: MainWindow, user: str, passphrase: str) -> None:  # type: ignore[no-untyped-def]
    view = win.unlock_view
    view.user.setText(user)
    view.passphrase.setText(passphrase)
    view.unlock_button.click()
    qtbot.waitUntil(lambda: win.workspace is not None, timeout=10000)
