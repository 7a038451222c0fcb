"""The desktop reads swap again during a session (issue #10, point 8): a swapon after unlock is noticed, shown,
audited, and with the officer's setting the session locks."""

from __future__ import annotations

from pathlib import Path

import pytest

from nia_desktop.core.store import audit_log
from nia_desktop.core.swap import SwapArea
from nia_desktop.services import settings as settings_service
from nia_desktop.services import swap_policy
from nia_desktop.services.session import unlock
from nia_desktop.ui.main_window import SWAP_CHECK_MS, MainWindow
from tests.conftest import ANALYST, ANALYST_PASS, OFFICER, OFFICER_PASS
from tests.gui.conftest import unlock_as

PLAIN = SwapArea("/swapfile", "file", "unencrypted", "plain device sda2")


@pytest.fixture
def no_swap(monkeypatch: pytest.MonkeyPatch) -> list[SwapArea]:
    """The machine's swap as both the unlock and the window read it; tests append to it (a swapon)."""
    areas: list[SwapArea] = []
    monkeypatch.setattr(swap_policy, "swap_areas", lambda: list(areas))
    return areas


def test_a_swapon_during_the_session_is_shown_and_audited(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                          no_swap: list[SwapArea]) -> None:
    window.swap_reader = lambda: list(no_swap)
    unlock_as(qtbot, window, ANALYST, ANALYST_PASS)
    assert window.swap_timer.isActive() and window.swap_timer.interval() == SWAP_CHECK_MS
    window.check_swap()
    assert not window.swap_banner.isVisibleTo(window)
    no_swap.append(PLAIN)  # swapon /swapfile, after the unlock
    window.check_swap()
    assert window.swap_banner.isVisibleTo(window) and window.swap_banner.level == "warning"
    assert "/swapfile" in window.swap_banner.text()
    qtbot.waitUntil(lambda: window._swap_task is None, timeout=5000)
    assert window.session is not None  # the setting is off: a warning, the session goes on
    session = window.session
    entries = [e for e in audit_log.iter_entries(session.db) if e.action == "swap.unsafe"]
    assert [(e.object, e.details["at"]) for e in entries] == [("/swapfile", "session")]
    window.check_swap()  # the same area again: shown, not audited twice
    qtbot.waitUntil(lambda: window._swap_task is None, timeout=5000)
    assert len([e for e in audit_log.iter_entries(session.db) if e.action == "swap.unsafe"]) == 1
    no_swap.clear()  # swapoff
    window.check_swap()
    assert not window.swap_banner.isVisibleTo(window)


def test_with_the_setting_a_swapon_locks_the_session(qtbot, window: MainWindow, vault_dir: Path,  # type: ignore[no-untyped-def]
                                                    no_swap: list[SwapArea]) -> None:
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as officer:
        settings_service.change(officer, "refuse_unencrypted_swap", "1")
    window.swap_reader = lambda: list(no_swap)
    unlock_as(qtbot, window, ANALYST, ANALYST_PASS)
    session = window.session
    assert session is not None
    no_swap.append(PLAIN)
    with qtbot.waitSignal(window.locked, timeout=10000):
        window.swap_timer.timeout.emit()  # the periodic check, as the timer fires it
    assert window.session is None and session.closed
    assert "refuse_unencrypted_swap" in window.unlock_view.banner.text()
    assert "/swapfile" in window.unlock_view.swap_banner.text()
    # Unlocking again over the same swap is refused by the unlock itself, shown on the unlock screen.
    window.unlock_view.banner.label.setText("")
    window.unlock_view.user.setText(ANALYST)
    window.unlock_view.passphrase.setText(ANALYST_PASS)
    window.unlock_view.unlock_button.click()
    qtbot.waitUntil(lambda: "refused: swap" in window.unlock_view.banner.text(), timeout=10000)
    assert window.session is None
