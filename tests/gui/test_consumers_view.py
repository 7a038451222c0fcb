"""Consumers view (officer): the registry with each consumer's line, its receipt key or the warning that its
receipts cannot be checked; Add (recipient read from a file, a PEM key file, level, caveats, a partner's release
list) refusing what it can tell is wrong before anything is sent; Remove after a confirmation naming what stops;
an analyst and a courier have no Consumers view; every read and change on a worker (the UI-thread guard)."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox

from nia_desktop.core.bundles.sealed import new_identity
from nia_desktop.core.classification import Level
from nia_desktop.core.markings import SPECIALLY_DESIGNATED_SECRET
from nia_desktop.core.signing import fingerprint, public_pem
from nia_desktop.core.store import audit_log, ledger
from nia_desktop.services import consumers
from nia_desktop.services.session import unlock
from nia_desktop.ui.main_window import MainWindow
from nia_desktop.ui.theme import CLASSIFICATION_COLOURS
from nia_desktop.ui.views.consumers import NO_KEY_COLOURS, AddConsumerDialog, ConsumersView, read_recipient_file
from tests.conftest import ANALYST, ANALYST_PASS, COURIER, COURIER_PASS, OFFICER, OFFICER_PASS
from tests.gui.conftest import unlock_as


def consumers_view(qtbot, window: MainWindow) -> ConsumersView:  # type: ignore[no-untyped-def]
    unlock_as(qtbot, window, OFFICER, OFFICER_PASS)
    assert window.workspace is not None
    window.workspace.show_view("consumers")
    view = window.workspace.views["consumers"]
    assert isinstance(view, ConsumersView)
    qtbot.waitUntil(lambda: not view.busy, timeout=20000)
    return view


def open_dialog(qtbot, view: ConsumersView) -> AddConsumerDialog:  # type: ignore[no-untyped-def]
    view.add_button.click()
    qtbot.waitUntil(lambda: isinstance(view.dialog, AddConsumerDialog) and view.dialog.isVisible(), timeout=20000)
    assert view.dialog is not None
    return view.dialog


def column(view: ConsumersView, header: str) -> int:
    return [h for h, _ in view.model.columns].index(header)


def row_of(view: ConsumersView, name: str) -> int:
    return next(i for i, c in enumerate(view.model.rows) if c.name == name)


def accept_confirmation(box: QMessageBox) -> None:
    next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()


def test_add_a_consumer_with_a_recipient_file_and_a_key(qtbot, qtmodeltester, window: MainWindow,  # type: ignore[no-untyped-def]
                                                        vault_dir: Path, tmp_path: Path) -> None:
    _, recipient = new_identity()
    (tmp_path / "recipient.txt").write_text(f"# written by nia key recipient\n\n{recipient}\n", encoding="utf-8")
    key = Ed25519PrivateKey.generate().public_key()
    (tmp_path / "kantei.pem").write_bytes(public_pem(key))
    (tmp_path / "not-a-key.pem").write_text("hello\n", encoding="utf-8")
    view = consumers_view(qtbot, window)
    assert view.model.rowCount() == 0
    dialog = open_dialog(qtbot, view)

    # What the dialog can tell on its own is said inline, and nothing is sent.
    dialog.name.setText("Kantei Office")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible() and "consumer name is 2-32 characters" in dialog.banner.text()
    dialog.name.setText("kantei")
    dialog.organisation.setText("Prime Minister's Office")
    dialog.recipient.setText("age1notarecipient")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible() and "not an age X25519 recipient" in dialog.banner.text()
    dialog.recipient.setText(read_recipient_file(tmp_path / "recipient.txt"))
    assert dialog.recipient.text() == recipient
    dialog.key_path.setText(str(tmp_path / "not-a-key.pem"))
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible() and "not-a-key.pem" in dialog.banner.text()
    dialog.release.setText("12")
    dialog.key_path.setText(str(tmp_path / "kantei.pem"))
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible() and "partner codes" in dialog.banner.text()
    dialog.release.clear()
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as olive:
        assert consumers.list_consumers(olive) == []

    dialog.max_level.setCurrentIndex(dialog.max_level.findData(int(Level.TOP_SECRET)))
    dialog.caveats.set_checked(SPECIALLY_DESIGNATED_SECRET)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and not view.busy, timeout=20000)
    assert view.banner.level == "success" and "Registered kantei" in view.banner.text()
    qtmodeltester.check(view.model)
    shown = {h: view.model.index(0, column(view, h)).data() for h, _ in view.model.columns}
    assert shown["Name"] == "kantei" and shown["Organisation"] == "Prime Minister's Office"
    assert shown["May hold up to"] == "TOP SECRET / 極秘" and shown["Caveats"] == SPECIALLY_DESIGNATED_SECRET
    assert shown["Receipt key"] == fingerprint(key)[:32] + "…" and shown["Added by"] == OFFICER
    level_cell = view.model.index(0, column(view, "May hold up to"))
    assert level_cell.data(Qt.ItemDataRole.BackgroundRole) == QColor(CLASSIFICATION_COLOURS[Level.TOP_SECRET][0])
    assert recipient in view.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as olive:
        stored = ledger.consumer(olive.db, "kantei")
        assert stored is not None and stored.recipient == recipient and stored.key_fingerprint == fingerprint(key)
        assert stored.caveats == (SPECIALLY_DESIGNATED_SECRET,) and stored.max_level is Level.TOP_SECRET
        assert [e.object for e in audit_log.iter_entries(olive.db) if e.action == "consumer.add"] == ["kantei"]


def test_a_refusal_of_the_service_shows_in_the_banner(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                      vault_dir: Path) -> None:
    _, recipient = new_identity()
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as olive:
        consumers.add_consumer(olive, "mofa", "Ministry of Foreign Affairs", recipient, Level.SECRET)
    view = consumers_view(qtbot, window)
    dialog = open_dialog(qtbot, view)
    dialog.name.setText("mofa")
    dialog.organisation.setText("Another ministry")
    dialog.recipient.setText(recipient)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: view.banner.isVisible() and not view.busy, timeout=20000)
    assert view.banner.level == "error" and "already registered" in view.banner.text()
    assert [c.organisation for c in view.model.rows] == ["Ministry of Foreign Affairs"]


def test_a_consumer_without_a_key_is_flagged_and_removal_names_what_stops(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                                         vault_dir: Path) -> None:
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as olive:
        consumers.add_consumer(olive, "mod", "Ministry of Defense", new_identity()[1], Level.SECRET)
        consumers.add_consumer(olive, "npa", "National Police Agency", new_identity()[1], Level.CONFIDENTIAL)
    view = consumers_view(qtbot, window)
    row = row_of(view, "mod")
    assert view.model.index(row, column(view, "Receipt key")).data() == "no key: receipts cannot be checked"
    assert view.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) == QColor(NO_KEY_COLOURS[0])
    assert not view.remove_button.isEnabled()  # nothing selected yet
    view.select("mod")
    assert view.remove_button.isEnabled()
    view.remove_button.click()
    box = view.confirm
    assert box is not None and box.isVisible()
    assert "Remove mod (Ministry of Defense)?" in box.text() and "Nothing more can be released to it" in box.text()
    assert "stays in the ledger" in box.text()
    accept_confirmation(box)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and not view.busy, timeout=20000)
    assert [c.name for c in view.model.rows] == ["npa"] and "Removed mod" in view.banner.text()
    view.show_removed.setChecked(True)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2 and not view.busy, timeout=20000)
    removed = view.model.rows[row_of(view, "mod")]
    assert removed.removed_at and view.model.index(row_of(view, "mod"), column(view, "Removed")).data()
    view.select("mod")
    assert not view.remove_button.isEnabled()  # already removed
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as olive:
        assert [c.name for c in consumers.list_consumers(olive)] == ["npa"]


def test_only_officers_have_the_consumers_view_and_couriers_no_ledger(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    unlock_as(qtbot, window, ANALYST, ANALYST_PASS)
    assert window.workspace is not None
    keys = window.workspace.view_keys()
    assert "consumers" not in keys and "ledger" in keys
    window.lock()
    unlock_as(qtbot, window, COURIER, COURIER_PASS)
    assert window.workspace is not None
    keys = window.workspace.view_keys()
    assert "consumers" not in keys and "ledger" not in keys
    window.lock()
    unlock_as(qtbot, window, OFFICER, OFFICER_PASS)
    assert window.workspace is not None
    assert {"consumers", "ledger"} <= set(window.workspace.view_keys())
