"""Users view (add, disable, reset), Audit view (verify intact and tampered), Settings, My key."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from nia_desktop.core.vault.keyslots import SlotFile
from nia_desktop.ui.main_window import MainWindow
from nia_desktop.ui.views.audit import AuditView
from nia_desktop.ui.views.my_key import MyKeyView
from nia_desktop.ui.views.settings import SettingsView
from nia_desktop.ui.views.users import AddUserDialog, UsersView
from tests.conftest import ANALYST, COURIER, COURIER_PASS, OFFICER, OFFICER_PASS
from tests.gui.conftest import unlock_as
from tests.helpers import database_key, raw_database


def users_view(qtbot, window: MainWindow) -> UsersView:  # type: ignore[no-untyped-def]
    unlock_as(qtbot, window, OFFICER, OFFICER_PASS)
    assert window.workspace is not None
    window.workspace.show_view("users")
    view = window.workspace.views["users"]
    assert isinstance(view, UsersView)
    qtbot.waitUntil(lambda: not view.busy and view.model.rowCount() > 0, timeout=10000)  # listed on a worker
    return view


def names(view: UsersView) -> list[str]:
    return [row.name for row in view.model.rows]


def test_users_model(qtbot, qtmodeltester, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = users_view(qtbot, window)
    qtmodeltester.check(view.model)
    assert sorted(names(view)) == [ANALYST, COURIER, OFFICER]


def test_add_user(qtbot, window: MainWindow, vault_dir: Path) -> None:  # type: ignore[no-untyped-def]
    view = users_view(qtbot, window)
    view.add_button.click()
    dialog = view.dialog
    assert isinstance(dialog, AddUserDialog)
    dialog.name.setText("dora")
    dialog.role.setCurrentIndex(1)  # courier
    dialog.new.setText("short")
    dialog.repeat.setText("short")
    dialog.buttons.accepted.emit()
    assert "at least 12" in dialog.banner.text()
    dialog.new.setText("dora-passphrase-1")
    dialog.repeat.setText("dora-passphrase-1")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: "dora" in names(view), timeout=10000)
    assert "Added dora" in view.banner.text()
    assert len(SlotFile.load(vault_dir / "keyslots.json").slots) == 4  # one more, named nowhere
    assert b"dora" not in (vault_dir / "keyslots.json").read_bytes()


def test_disable_user_asks_then_rotates(qtbot, window: MainWindow, vault_dir: Path) -> None:  # type: ignore[no-untyped-def]
    view = users_view(qtbot, window)
    assert not view.disable_button.isEnabled()
    view.select_user(COURIER)
    assert view.disable_button.isEnabled()
    view.disable_button.click()
    box = view.confirm
    assert box is not None and COURIER in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert all(r.active for r in view.model.rows)
    view.select_user(COURIER)
    view.disable_button.click()
    accept = next(b for b in view.confirm.buttons() if view.confirm.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole)  # type: ignore[union-attr]
    accept.click()
    qtbot.waitUntil(lambda: any(r.name == COURIER and not r.active for r in view.model.rows), timeout=15000)
    assert "database key was rotated" in view.banner.text()
    assert COURIER not in SlotFile.load(vault_dir / "keyslots.json").slots
    assert window.session is not None and window.session.epoch == 2


def test_own_row_cannot_be_disabled(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = users_view(qtbot, window)
    view.select_user(OFFICER)
    assert not view.disable_button.isEnabled() and not view.reset_button.isEnabled()


def test_reset_passphrase(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = users_view(qtbot, window)
    view.select_user(COURIER)
    before = next(r.fingerprint for r in view.model.rows if r.name == COURIER)
    view.reset_button.click()
    assert view.dialog is not None
    view.dialog.new.setText("carl-passphrase-new")
    view.dialog.repeat.setText("carl-passphrase-new")
    view.dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: next(r.fingerprint for r in view.model.rows if r.name == COURIER) != before,
                    timeout=10000)


def audit_view(qtbot, window: MainWindow) -> AuditView:  # type: ignore[no-untyped-def]
    unlock_as(qtbot, window, OFFICER, OFFICER_PASS)
    assert window.workspace is not None
    window.workspace.show_view("audit")
    view = window.workspace.views["audit"]
    assert isinstance(view, AuditView)
    qtbot.waitUntil(lambda: view.model.rowCount() > 0 and not view.busy, timeout=10000)
    return view


def test_verify_intact_log(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = audit_view(qtbot, window)
    view.verify_button.click()
    qtbot.waitUntil(lambda: view.last_report is not None, timeout=10000)
    assert view.status.objectName() == "chainStatusOk"
    assert "INTACT" in view.status.text()


def test_verify_tampered_log(qtbot, window: MainWindow, vault_dir: Path) -> None:  # type: ignore[no-untyped-def]
    key = database_key(vault_dir, OFFICER, OFFICER_PASS)
    with raw_database(vault_dir, key) as db:
        db.execute("UPDATE audit SET outcome = 'refused' WHERE seq = 3")
    view = audit_view(qtbot, window)
    view.verify_button.click()
    qtbot.waitUntil(lambda: view.last_report is not None, timeout=10000)
    assert view.status.objectName() == "chainStatusBroken"
    assert "BROKEN at entry 3" in view.status.text()


def test_audit_filter(qtbot, qtmodeltester, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = audit_view(qtbot, window)
    qtmodeltester.check(view.model)
    total = view.table.proxy.rowCount()
    view.filter.setText("user.add")
    assert 0 < view.table.proxy.rowCount() < total
    view.filter.setText("")
    view.outcome.setCurrentIndex(2)  # refused
    assert view.table.proxy.rowCount() == 0


def test_audit_export_and_checkpoint(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view = audit_view(qtbot, window)
    view.export_to(tmp_path / "log.jsonl")
    qtbot.waitUntil(lambda: (tmp_path / "log.jsonl").exists() and not view.busy, timeout=10000)
    view.checkpoint_to(tmp_path / "cp.json")
    qtbot.waitUntil(lambda: view.checkpoint_box is not None, timeout=10000)
    assert "NIA-CP " in view.checkpoint_box.text()  # type: ignore[union-attr]


def test_settings_change_idle_time(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    unlock_as(qtbot, window, OFFICER, OFFICER_PASS)
    assert window.workspace is not None
    view = window.workspace.views["settings"]
    assert isinstance(view, SettingsView)
    qtbot.waitUntil(lambda: not view.busy, timeout=10000)
    view.idle.setValue(3)
    view.max_import.setValue(64)
    view.default_level.setCurrentIndex(2)  # stricter than before: no second officer needed
    view.save_button.click()
    qtbot.waitUntil(lambda: "Saved" in view.banner.text(), timeout=10000)
    assert window.watcher.idle_ms == 3 * 60 * 1000
    assert view.witness_dialog is None
    from nia_desktop.services import settings as settings_service

    assert settings_service.current(window.session) == {  # type: ignore[arg-type]
        "idle_lock_minutes": 3, "max_import_mib": 64, "default_classification": 2, "release_review_from": 2,
        "refuse_unencrypted_swap": 0}


def test_switching_review_off_needs_a_second_officer(qtbot, window: MainWindow, vault_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from nia_desktop.core.roles import Role
    from nia_desktop.services import settings as settings_service
    from nia_desktop.services.session import unlock
    from nia_desktop.services.users import add_user

    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        add_user(session, "otto", Role.OFFICER, "otto-passphrase-44")
    unlock_as(qtbot, window, OFFICER, OFFICER_PASS)
    assert window.workspace is not None
    view = window.workspace.views["settings"]
    assert isinstance(view, SettingsView)
    qtbot.waitUntil(lambda: not view.busy, timeout=10000)
    view.review_from.setCurrentIndex(view.review_from.findData(4))
    view.save_button.click()
    qtbot.waitUntil(lambda: view.witness_dialog is not None, timeout=10000)
    dialog = view.witness_dialog
    assert dialog is not None
    dialog.witness.setText(OFFICER)  # the acting officer cannot witness for themselves
    dialog.secret.setText(OFFICER_PASS)
    dialog.accept()
    qtbot.waitUntil(lambda: "dual control" in view.banner.text(), timeout=10000)
    assert settings_service.current(window.session)["release_review_from"] == 2  # type: ignore[arg-type]
    view.save_button.click()
    qtbot.waitUntil(lambda: view.witness_dialog is not dialog, timeout=10000)
    view.witness_dialog.witness.setText("otto")  # type: ignore[union-attr]
    view.witness_dialog.secret.setText("otto-passphrase-44")  # type: ignore[union-attr]
    view.witness_dialog.accept()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: "Saved" in view.banner.text(), timeout=10000)
    assert settings_service.current(window.session)["release_review_from"] == 4  # type: ignore[arg-type]


def test_my_key_export_and_passphrase_change(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    unlock_as(qtbot, window, COURIER, COURIER_PASS)
    assert window.workspace is not None
    window.workspace.show_view("my_key")
    view = window.workspace.views["my_key"]
    assert isinstance(view, MyKeyView)
    qtbot.waitUntil(lambda: view.recipient.text().startswith("age1") and not view.busy, timeout=10000)
    assert len(view.fingerprint.text().replace(" ", "")) == 64
    view.export_to(tmp_path / "carl.pem")
    qtbot.waitUntil(lambda: (tmp_path / "carl.pem").exists() and not view.busy, timeout=10000)
    view.passphrase_button.click()
    dialog = view.dialog
    assert dialog is not None and dialog.current is not None
    dialog.current.setText("wrong-current")
    dialog.new.setText("carl-passphrase-next")
    dialog.repeat.setText("carl-passphrase-next")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: view.banner.isVisible() and not view.busy, timeout=10000)
    assert "Authentication failed" in view.banner.text()
    view.passphrase_button.click()
    view.dialog.current.setText(COURIER_PASS)  # type: ignore[union-attr]
    view.dialog.new.setText("carl-passphrase-next")  # type: ignore[union-attr]
    view.dialog.repeat.setText("carl-passphrase-next")  # type: ignore[union-attr]
    view.dialog.buttons.accepted.emit()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: "Passphrase changed" in view.banner.text(), timeout=10000)


def test_officer_is_shown_what_the_folder_checks_found(qtbot, window: MainWindow, vault_dir: Path) -> None:  # type: ignore[no-untyped-def]
    import json

    from tests.conftest import ANALYST_PASS

    meta = json.loads((vault_dir / "vault.json").read_text())
    meta["kdf_target"]["t"] = 7  # changed by someone with the disk
    meta["name"] = "Renamed"
    (vault_dir / "vault.json").write_text(json.dumps(meta))
    unlock_as(qtbot, window, ANALYST, ANALYST_PASS)  # an analyst is not told, the finding waits for an officer
    assert window.workspace is not None and not window.workspace.folder_banner.isVisible()
    window.lock()
    qtbot.waitUntil(lambda: window.workspace is None, timeout=10000)  # a view may still be loading: lock waits
    unlock_as(qtbot, window, OFFICER, OFFICER_PASS)
    banner = window.workspace.folder_banner  # type: ignore[union-attr]
    assert banner.isVisible() and "vault.json" in banner.text() and "kdf_target" in banner.text()
    assert window.windowTitle().endswith("Test vault")  # the vault's own name, not the file's
    window.lock()
    qtbot.waitUntil(lambda: window.workspace is None, timeout=10000)  # a view may still be loading: lock waits
    unlock_as(qtbot, window, OFFICER, OFFICER_PASS)  # told once; the folder was rewritten from the vault
    assert not window.workspace.folder_banner.isVisible(), window.workspace.folder_banner.text()  # type: ignore[union-attr]


def test_adding_an_officer_asks_for_a_second_one(qtbot, window: MainWindow, vault_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from nia_desktop.core.roles import Role
    from nia_desktop.services.session import unlock
    from nia_desktop.services.users import add_user

    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        add_user(session, "otto", Role.OFFICER, "otto-passphrase-44")
    view = users_view(qtbot, window)
    view.add_button.click()
    dialog = view.dialog
    assert isinstance(dialog, AddUserDialog)
    dialog.name.setText("olga")
    dialog.role.setCurrentIndex(dialog.role.findData("officer"))
    dialog.new.setText("olga-passphrase-1")
    dialog.repeat.setText("olga-passphrase-1")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: getattr(view, "witness_dialog", None) is not None, timeout=10000)
    view.witness_dialog.witness.setText("otto")  # type: ignore[attr-defined]
    view.witness_dialog.secret.setText("otto-passphrase-44")  # type: ignore[attr-defined]
    view.witness_dialog.accept()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: "olga" in names(view), timeout=10000)
