"""Unlock with good and bad passphrases; the rail shows only what the role may use."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from nia_desktop.core.swap import SwapArea
from nia_desktop.ui.main_window import MainWindow
from nia_desktop.ui.preferences import Preferences
from tests.conftest import ANALYST, ANALYST_PASS, COURIER, COURIER_PASS, OFFICER, OFFICER_PASS
from tests.gui.conftest import unlock_as


def test_unlock_screen_shows_vault_name_and_path(window: MainWindow, vault_dir: Path) -> None:
    assert window.unlock_view.title.text() == "Unlock Test vault"
    assert window.unlock_view.path_label.text() == str(vault_dir)
    assert window.workspace is None and window.session is None


def test_bad_passphrase_shows_inline_error_and_stays_locked(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = window.unlock_view
    view.user.setText(OFFICER)
    view.passphrase.setText("definitely-wrong")
    qtbot.mouseClick(view.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.banner.isVisible() and not view.busy, timeout=10000)
    assert "Authentication failed" in view.banner.text()
    assert view.passphrase.text() == ""  # never left in the field
    assert window.session is None


def test_empty_fields_are_explained(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.unlock_view.unlock_button.click()
    assert "Enter your user name" in window.unlock_view.banner.text()


def test_good_passphrase_opens_the_workspace(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    unlock_as(qtbot, window, OFFICER, OFFICER_PASS)
    assert window.session is not None and window.session.name == OFFICER
    assert window.workspace is not None
    assert window.workspace.top_banner.text() == "UNCLASSIFIED / 指定なし"
    assert window.workspace.bottom_banner.text() == "UNCLASSIFIED / 指定なし"


@pytest.mark.parametrize(("user", "passphrase", "expected"), [
    (OFFICER, OFFICER_PASS, ["users", "need_to_know", "audit", "insiders", "releases", "consumers", "ledger", "trust",
                             "settings", "vault_care", "requirements", "transfer", "my_key"]),
    (ANALYST, ANALYST_PASS, ["reports", "fusion", "briefings", "ledger", "requirements", "transfer", "my_key"]),
    (COURIER, COURIER_PASS, ["transfer", "my_key"]),
])
def test_navigation_follows_role(qtbot, window: MainWindow, user: str, passphrase: str,  # type: ignore[no-untyped-def]
                                 expected: list[str]) -> None:
    unlock_as(qtbot, window, user, passphrase)
    assert window.workspace is not None
    assert window.workspace.view_keys() == expected
    rail_texts = [window.workspace.rail.item(i).text() for i in range(window.workspace.rail.count())]
    if user == COURIER:
        assert "Users" not in rail_texts and "Audit" not in rail_texts


def test_caps_lock_warning(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = window.unlock_view
    view.passphrase.setFocus()
    qtbot.keyClicks(view.passphrase, "ABC")  # upper case without Shift: Caps Lock is on
    assert view.caps.isVisibleTo(view)
    qtbot.keyClicks(view.passphrase, "abc")
    assert not view.caps.isVisibleTo(view)


def test_first_run_creates_a_vault(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from nia_desktop.core.vault import kdf
    from nia_desktop.services import vault_setup

    monkeypatch.setattr(vault_setup, "calibrate", lambda: kdf.FLOOR)  # keep the test fast
    win = MainWindow(tmp_path / "new-vault", Preferences(tmp_path / "prefs"))
    qtbot.addWidget(win)
    win.show()
    assert win.unlock_view.create_button.isVisible()
    assert not win.unlock_view.unlock_button.isEnabled()
    win.unlock_view.create_button.click()
    dialog = win.create_dialog
    assert dialog is not None
    dialog.officer.setText("olive")
    dialog.passphrase.setText("olive-passphrase-1")
    dialog.repeat.setText("olive-passphrase-2")
    dialog.buttons.accepted.emit()
    assert "differ" in dialog.banner.text() and dialog.isVisible()
    dialog.repeat.setText("olive-passphrase-1")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: win.unlock_view.unlock_button.isEnabled(), timeout=10000)
    assert (tmp_path / "new-vault" / "vault.db").exists()
    unlock_as(qtbot, win, "olive", "olive-passphrase-1")
    assert win.workspace is not None and "users" in win.workspace.view_keys()
    win.close()


def test_unsafe_swap_is_warned_about_before_unlock(window: MainWindow) -> None:
    view = window.unlock_view
    view._show_swap_warning([SwapArea("/dev/sda3", "partition", "unencrypted"),
                             SwapArea("/dev/zram0", "partition", "ram")])
    assert view.swap_banner.isVisibleTo(view) and view.swap_banner.level == "warning"
    assert "/dev/sda3" in view.swap_banner.text() and "zram0" not in view.swap_banner.text()
    view._show_swap_warning([SwapArea("/dev/dm-0", "partition", "encrypted")])
    assert not view.swap_banner.isVisibleTo(view)
