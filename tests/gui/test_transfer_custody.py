"""The Transfer view names whom a written-out bundle is handed to, and shows whether a chain reaches this
workstation (issue #10, point 7)."""

from __future__ import annotations

from pathlib import Path

from nia_desktop.services import bundles, importing
from nia_desktop.services.session import unlock
from nia_desktop.ui.main_window import MainWindow
from nia_desktop.ui.views.transfer import TransferView
from tests import samples
from tests.conftest import ANALYST, ANALYST_PASS, COURIER, COURIER_PASS, OFFICER
from tests.gui.conftest import unlock_as


def test_hand_to_is_recorded_and_the_chain_end_is_shown(qtbot, vault_dir: Path, window: MainWindow,  # type: ignore[no-untyped-def]
                                                        tmp_path: Path) -> None:
    media = tmp_path / "in"
    media.mkdir()
    (media / "npa.txt").write_text(samples.EN_REPORT)
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        ids = [int(r["id"]) for r in importing.import_paths(session, [media]).imported]
        bundles.export_reports(session, ids, None)
        bundles.export_reports(session, ids, None)
        here = bundles.workstation_recipient(session)
    unlock_as(qtbot, window, COURIER, COURIER_PASS)
    assert window.workspace is not None
    window.workspace.show_view("transfer")
    view = window.workspace.views["transfer"]
    assert isinstance(view, TransferView)
    qtbot.waitUntil(lambda: view.outbound_model.rowCount() == 2 and not view.busy, timeout=20000)
    usb = tmp_path / "usb"
    usb.mkdir()
    view.out_volume.set_folder(usb, "USB-9")
    for row, whom in ((0, here), (1, OFFICER)):  # to this workstation; to olive, who never countersigns
        view.outbound_table.selectRow(row)
        view.hand_to.setText(whom)
        view.write_selected()
        qtbot.waitUntil(lambda n=row + 1: len(list(usb.glob("*.nia"))) == n and not view.busy, timeout=20000)
    view.in_volume.set_folder(usb, "USB-9")
    view.scan()
    qtbot.waitUntil(lambda: view.media_model.rowCount() == 2 and not view.busy, timeout=20000)
    column = [header for header, _ in view.media_model.columns].index("Custody")
    shown = sorted(str(view.media_model.data(view.media_model.index(r, column))) for r in range(2))
    assert shown == ["1 hop(s), INCOMPLETE", "1 hop(s), complete"]
    gap = next(b for b in view.media_model.rows if not b.custody_complete)
    assert "custody gap" in gap.detail and OFFICER in gap.detail
