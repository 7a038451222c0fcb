"""The workspace builds a view when it is first shown or asked for, not all of them at unlock (issue 15: building
every view in the unlock's event held the UI thread 220-430 ms at a million reports)."""

from __future__ import annotations

from nia_desktop.ui.main_window import MainWindow
from nia_desktop.ui.views.ledger import LedgerView
from nia_desktop.ui.views.reports.view import ReportsView
from nia_desktop.ui.workspace import Workspace
from tests.conftest import ANALYST, ANALYST_PASS
from tests.gui.conftest import unlock_as

ANALYST_VIEWS = ["reports", "fusion", "briefings", "ledger", "requirements", "transfer", "my_key"]


def built(workspace: Workspace) -> list[str]:
    return [key for key in workspace.views if workspace.views.is_built(key)]


def idle(qtbot, window: MainWindow) -> Workspace:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.workspace is not None and not window.workspace.busy, timeout=20000)
    assert window.workspace is not None
    return window.workspace


def test_unlock_builds_only_the_view_shown(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    unlock_as(qtbot, window, ANALYST, ANALYST_PASS)
    workspace = idle(qtbot, window)
    # The rail, the keys and membership come from the role's views without building any of them.
    assert workspace.view_keys() == ANALYST_VIEWS and len(workspace.views) == len(ANALYST_VIEWS)
    assert "fusion" in workspace.views and "users" not in workspace.views
    assert workspace.views.get("users") is None  # a view the role may not use is still absent
    assert built(workspace) == ["reports"]
    reports = workspace.views["reports"]
    assert isinstance(reports, ReportsView) and workspace.stack.currentWidget() is reports
    assert workspace.stack.count() == 1

    # Selecting a rail row builds that view (once) and shows it; the others stay unbuilt.
    workspace.rail.setCurrentRow(ANALYST_VIEWS.index("ledger"))
    assert workspace.current_key() == "ledger" and built(workspace) == ["reports", "ledger"]
    ledger = workspace.views["ledger"]
    assert isinstance(ledger, LedgerView) and workspace.stack.currentWidget() is ledger
    workspace.show_view("reports")
    workspace.show_view("ledger")
    assert workspace.views["ledger"] is ledger and workspace.stack.count() == 2
    idle(qtbot, window)


def test_asking_for_a_view_builds_it_without_showing_it(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    unlock_as(qtbot, window, ANALYST, ANALYST_PASS)
    workspace = idle(qtbot, window)
    fusion = workspace.views["fusion"]
    assert built(workspace) == ["reports", "fusion"] and workspace.current_key() == "reports"
    assert workspace.stack.currentWidget() is workspace.views["reports"]
    workspace.show_view("fusion")
    assert workspace.stack.currentWidget() is fusion
    idle(qtbot, window)


def test_an_unlock_as_the_same_user_returns_to_the_view_and_builds_only_it(  # type: ignore[no-untyped-def]
        qtbot, window: MainWindow) -> None:
    unlock_as(qtbot, window, ANALYST, ANALYST_PASS)
    workspace = idle(qtbot, window)
    workspace.show_view("transfer")
    idle(qtbot, window)
    window.lock()
    unlock_as(qtbot, window, ANALYST, ANALYST_PASS)
    workspace = idle(qtbot, window)
    assert workspace.current_key() == "transfer" and built(workspace) == ["transfer"]
    assert workspace.stack.currentWidget() is workspace.views["transfer"]
