"""The officer's Vault care view: check, back up and restore on workers with progress and Cancel (issue #11)."""

from __future__ import annotations

import time
from pathlib import Path

import sqlcipher3

from nia_desktop.core.errors import UserCancelled
from nia_desktop.services.session import unlock
from nia_desktop.ui.errors import describe
from nia_desktop.ui.main_window import MainWindow
from nia_desktop.ui.views import vault_care
from nia_desktop.ui.views.vault_care import VaultCareView, backup_folder_name
from tests.conftest import OFFICER, OFFICER_PASS
from tests.gui.conftest import unlock_as
from tests.helpers import raw_database


def _view(qtbot, window: MainWindow) -> VaultCareView:  # type: ignore[no-untyped-def]
    unlock_as(qtbot, window, OFFICER, OFFICER_PASS)
    assert window.workspace is not None
    window.workspace.show_view("vault_care")
    view = window.workspace.views["vault_care"]
    assert isinstance(view, VaultCareView)
    return view


def test_check_shows_a_clean_vault(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, window)
    view.check_button.click()
    qtbot.waitUntil(lambda: view.last_report is not None and view.task is None, timeout=20000)
    assert view.check_status.objectName() == "chainStatusOk"
    assert "no damage found" in view.findings.toPlainText()


def test_check_names_a_damaged_page(qtbot, window: MainWindow, vault_dir: Path) -> None:  # type: ignore[no-untyped-def]
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        key = session.db_key
    with raw_database(vault_dir, key) as db:
        page = int(db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'fusion_judgements'").fetchone()[0])
    with (vault_dir / "vault.db").open("r+b") as handle:
        handle.seek(4096 * (page - 1) + 100)
        handle.write(b"\x00\xff\x00\xff")
    view = _view(qtbot, window)
    view.check()
    qtbot.waitUntil(lambda: view.last_report is not None and view.task is None, timeout=20000)
    assert view.check_status.objectName() == "chainStatusBroken"
    assert f"page {page}" in view.findings.toPlainText() and "fusion_judgements" in view.findings.toPlainText()


def test_backup_then_restore_into_an_empty_folder(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view = _view(qtbot, window)
    media = tmp_path / "media"
    media.mkdir()
    target = media / backup_folder_name("Test vault / main", window.session.clock.now())  # type: ignore[union-attr]
    assert "/" not in target.name[len("nia-backup-"):]
    view.backup_to(target)
    qtbot.waitUntil(lambda: view.last_backup is not None and view.task is None, timeout=20000)
    assert (target / "manifest.json").is_file()
    assert view.banner.level == "success" and str(target) in view.banner.label.text()
    restored = tmp_path / "restored"
    with qtbot.waitSignal(view.restored, timeout=20000):
        view.restore(target, restored)
    qtbot.waitUntil(lambda: view.task is None, timeout=5000)
    assert (restored / "vault.db").is_file()
    assert "same passphrases" in view.banner.label.text()
    # Restoring onto a folder that is no longer empty is refused in the banner, in plain words.
    view.restore(target, restored)
    qtbot.waitUntil(lambda: view.task is None and view.banner.isVisible(), timeout=20000)
    assert view.banner.level == "error" and "not empty" in view.banner.label.text()


def test_progress_and_cancel(qtbot, window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def slow(session, target, progress, cancel):  # type: ignore[no-untyped-def]
        for done in range(1000):
            if cancel.cancelled:
                raise UserCancelled()
            progress(done, 1000, "Copying vault.db")
            time.sleep(0.01)
        raise AssertionError("never cancelled")

    monkeypatch.setattr(vault_care.backup, "backup_vault", slow)
    view = _view(qtbot, window)
    view.backup_to(tmp_path / "b")
    qtbot.waitUntil(lambda: view.progress.value() > 0, timeout=10000)
    assert view.progress_row.isVisible() and not view.backup_button.isEnabled()
    assert view.progress.format() == "Copying vault.db"
    view.cancel_button.click()
    qtbot.waitUntil(lambda: view.task is None, timeout=10000)
    assert not view.progress_row.isVisible() and view.backup_button.isEnabled()
    assert not view.banner.isVisible()  # a cancel is not an error


def test_a_damaged_database_is_described_in_plain_words() -> None:
    message = describe(sqlcipher3.DatabaseError("database disk image is malformed"), Path("/vaults/main"))
    assert message is not None
    assert "/vaults/main" in message and "damaged" in message and "nia vault check" in message
    assert "Something went wrong" not in message
    other = describe(RuntimeError("boom"), Path("/vaults/main"))
    assert other is not None and "Something went wrong" in other


def test_the_unlock_screen_restores_a_backup_and_unlocks_it(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                            tmp_path: Path) -> None:
    from nia_desktop.services.backup import backup_vault

    with unlock(window.unlock_view.vault, OFFICER, OFFICER_PASS) as session:
        backup_vault(session, tmp_path / "b")
    view = window.unlock_view
    occupied = tmp_path / "occupied"
    occupied.mkdir()
    (occupied / "x").write_text("x")
    view.restore_backup(tmp_path / "b", occupied)
    qtbot.waitUntil(lambda: not view.busy and view.banner.isVisible(), timeout=20000)
    assert view.banner.level == "error" and "not empty" in view.banner.label.text()
    restored = tmp_path / "fresh-machine" / "vault"
    restored.parent.mkdir()
    view.restore_backup(tmp_path / "b", restored)
    qtbot.waitUntil(lambda: not view.busy and view.banner.level == "success", timeout=20000)
    assert view.vault == restored and view.unlock_button.isEnabled()
    unlock_as(qtbot, window, OFFICER, OFFICER_PASS)
    assert window.session is not None and window.session.vault.paths.root == restored


def _damage_root(vault_dir: Path, table: str) -> None:
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        key = session.db_key
    with raw_database(vault_dir, key) as db:
        page = int(db.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0])
    with (vault_dir / "vault.db").open("r+b") as handle:
        handle.seek(4096 * (page - 1) + 200)
        handle.write(b"\x13\x37\x13\x37")


def test_a_damaged_page_met_by_a_view_is_told_in_its_banner(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                            vault_dir: Path) -> None:
    _damage_root(vault_dir, "requirements")
    unlock_as(qtbot, window, OFFICER, OFFICER_PASS)
    window.workspace.show_view("requirements")  # type: ignore[union-attr]
    view = window.workspace.views["requirements"]  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: view.banner.isVisible(), timeout=20000)
    text = view.banner.label.text()
    assert view.banner.level == "error" and str(vault_dir) in text and "damaged" in text, text
    assert "Something went wrong" not in text


def test_a_damaged_page_met_by_unlock_is_told_naming_the_vault(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                               vault_dir: Path) -> None:
    _damage_root(vault_dir, "users")
    view = window.unlock_view
    view.user.setText(OFFICER)
    view.passphrase.setText(OFFICER_PASS)
    view.unlock_button.click()
    qtbot.waitUntil(lambda: not view.busy and view.banner.isVisible(), timeout=20000)
    text = view.banner.label.text()
    assert str(vault_dir) in text and "damaged" in text and "Something went wrong" not in text, text
