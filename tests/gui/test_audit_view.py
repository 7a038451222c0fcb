"""Audit view: # sorts as a number, time warnings beside the verdict, Full verification."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from nia_desktop.ui.main_window import MainWindow
from tests.conftest import OFFICER, OFFICER_PASS
from tests.gui.test_officer_views import audit_view
from tests.helpers import database_key
from tests.unit.test_audit_verify import PAST, append_raw, now


def shown_numbers(view) -> list[int]:  # type: ignore[no-untyped-def]
    proxy = view.table.proxy
    return [int(proxy.data(proxy.index(row, 0))) for row in range(proxy.rowCount())]


def verified(qtbot, view):  # type: ignore[no-untyped-def]
    view.last_report = None
    view.verify_button.click()
    qtbot.waitUntil(lambda: view.last_report is not None and not view.busy, timeout=15000)
    return view.last_report


def test_number_column_sorts_as_a_number(qtbot, window: MainWindow, vault_dir: Path) -> None:  # type: ignore[no-untyped-def]
    append_raw(vault_dir, database_key(vault_dir, OFFICER, OFFICER_PASS), [now()] * 16)  # past 10 and 20
    view = audit_view(qtbot, window)
    assert view.model.rowCount() >= 21
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    numbers = shown_numbers(view)
    assert numbers == sorted(numbers) and numbers[:3] == [1, 2, 3]  # as text: 1, 10, 11
    view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert shown_numbers(view) == sorted(numbers, reverse=True)


def test_clock_set_back_shown_as_a_warning(qtbot, window: MainWindow, vault_dir: Path) -> None:  # type: ignore[no-untyped-def]
    append_raw(vault_dir, database_key(vault_dir, OFFICER, OFFICER_PASS), [now(), PAST])
    view = audit_view(qtbot, window)
    assert view.warnings.isHidden()
    report = verified(qtbot, view)
    assert report.ok and view.status.objectName() == "chainStatusOk"
    assert not view.warnings.isHidden()
    assert "WARNING" in view.warnings.text() and f"is dated {PAST} before entry" in view.warnings.text()
    assert "clock may have been set back" in view.warnings.text()


def test_full_verification_option(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = audit_view(qtbot, window)
    first = verified(qtbot, view)
    assert first.ok and first.full
    second = verified(qtbot, view)
    assert second.ok and not second.full and second.from_seq == first.entries
    assert "verified earlier" in view.status.text()
    view.full_verify.setChecked(True)
    third = verified(qtbot, view)
    assert third.ok and third.full and third.from_seq == 0 and "verified earlier" not in view.status.text()
