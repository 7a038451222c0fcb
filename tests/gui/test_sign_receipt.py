"""Sign receipt… in the Transfer view (a consumer's workstation): an analyst signs a receipt for a received briefing
to a file on a worker; received back at the NIA, it acknowledges the copy in the ledger. A second receipt for the
same bundle is refused unless asked for; a file that exists is refused in the dialog."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from nia_desktop.core.store import ledger
from nia_desktop.ui.main_window import MainWindow
from nia_desktop.ui.preferences import Preferences
from nia_desktop.ui.views.sign_receipt import SignReceiptDialog
from nia_desktop.ui.views.transfer import TransferView
from tests.conftest import OFFICER
from tests.gui.conftest import unlock_as
from tests.notices_pair import Pair, pair


@pytest.fixture
def two(vault_dir: Path, tmp_path: Path) -> Pair:
    return pair(vault_dir, tmp_path)  # the ministry's analyst signs its receipts (the key the NIA registered)


@pytest.fixture
def consumer_window(qtbot, two: Pair, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = MainWindow(two.consumer.root, Preferences(tmp_path / "prefs"))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


def transfer_view(qtbot, win: MainWindow, two: Pair) -> TransferView:  # type: ignore[no-untyped-def]
    unlock_as(qtbot, win, two.analyst, two.consumer.passphrases[two.analyst])
    assert win.workspace is not None
    win.workspace.show_view("transfer")
    view = win.workspace.views["transfer"]
    assert isinstance(view, TransferView)
    qtbot.waitUntil(lambda: not view.busy and view.received_model.rowCount() > 0, timeout=20000)
    view.tabs.setCurrentIndex(next(i for i in range(view.tabs.count()) if view.tabs.tabText(i) == "Received"))
    return view


def sign(qtbot, view: TransferView, row: int, out: Path | None, again: bool = False) -> SignReceiptDialog:  # type: ignore[no-untyped-def]
    view.received_table.selectRow(view.received_table.proxy.mapFromSource(view.received_model.index(row, 0)).row())
    view.receipt_button.click()
    dialog = view.receipt_dialog
    assert isinstance(dialog, SignReceiptDialog) and dialog.isVisible()
    if out is not None:
        dialog.to_file.setChecked(True)
        dialog.path.setText(str(out))
    dialog.again.setChecked(again)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not view.busy and view.banner.isVisible(), timeout=20000)
    return dialog


def test_a_receipt_signed_in_the_transfer_view_acknowledges_the_copy(qtbot, two: Pair, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                              consumer_window: MainWindow) -> None:
    digest = two.release(tmp_path / "harbour.nia")
    two.receive(tmp_path / "harbour.nia")
    view = transfer_view(qtbot, consumer_window, two)
    assert view.receipt_button.isVisible()
    row = next(i for i, r in enumerate(view.received_model.rows) if r[1] == "briefing")
    out = tmp_path / "receipt.nia"
    sign(qtbot, view, row, out)
    assert view.banner.level == "success" and "signed; written to" in view.banner.text() and out.is_file()

    view.banner.hide()
    sign(qtbot, view, row, tmp_path / "again.nia")
    assert view.banner.level == "error" and "already signed" in view.banner.text()
    assert not (tmp_path / "again.nia").exists()

    two.nia_receive(out)
    with two.nia.session(OFFICER) as olive:
        copies = ledger.copies_of(olive.db, digest)
        assert [(c.consumer, c.state) for c in copies] == [("mofa", "acknowledged")]


def test_a_file_that_exists_is_refused_in_the_dialog(qtbot, two: Pair, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                     consumer_window: MainWindow) -> None:
    two.release(tmp_path / "harbour.nia")
    two.receive(tmp_path / "harbour.nia")
    view = transfer_view(qtbot, consumer_window, two)
    view.received_table.selectRow(0)
    view.receipt_button.click()
    dialog = view.receipt_dialog
    assert dialog is not None
    dialog.to_file.setChecked(True)
    dialog.path.setText(str(tmp_path / "harbour.nia"))
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible() and "already exists" in dialog.banner.text()
    dialog.reject()
