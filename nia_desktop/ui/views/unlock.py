"""The unlock screen: the vault's name and path, user, passphrase, caps-lock warning.

Key derivation takes most of a second, so it runs on a worker; the screen
stays responsive and shows that it is working.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nia_desktop.core.errors import NiaError
from nia_desktop.core.swap import SwapArea, swap_areas
from nia_desktop.ui.dialogs import ask_restore_folders
from nia_desktop.ui.errors import describe
from nia_desktop.ui.theme import named
from nia_desktop.ui.widgets.message_banner import MessageBanner
from nia_desktop.ui.workers import Task, run_task


class CapsLockDetector(QObject):
    """Guesses Caps Lock from typed letters: Qt has no portable query for it."""

    changed = Signal(bool)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            text = event.text()
            if len(text) == 1 and text.isalpha() and text.lower() != text.upper():
                shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self.changed.emit(text.isupper() != shift)
        return False


class UnlockView(QWidget):
    """Signals:
    unlocked(object): a services.session.Session, on the UI thread.
    create_requested(): the user asked to create a vault here.
    """

    unlocked = Signal(object)
    create_requested = Signal()

    def __init__(self, vault: Path, demo_hint: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self._task: Task | None = None
        self.title = named(QLabel(), "viewTitle")
        self.path_label = QLabel()
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path_label.setWordWrap(True)
        self.banner = MessageBanner(self)
        self.swap_banner = MessageBanner(self)
        self._show_swap_warning()
        self.user = QLineEdit()
        self.user.setAccessibleName(self.tr("User name"))
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.caps = named(QLabel(self.tr("Caps Lock appears to be on.")), "capsWarning")
        self.caps.hide()
        self._caps_detector = CapsLockDetector(self)
        self._caps_detector.changed.connect(self.caps.setVisible)
        self.passphrase.installEventFilter(self._caps_detector)
        self.unlock_button = named(QPushButton(self.tr("Unlock")), "primary")
        self.unlock_button.setDefault(True)
        self.unlock_button.setToolTip(self.tr("Unlock the vault (Enter)"))
        self.status = QLabel()
        self.choose_button = QPushButton(self.tr("Open another vault…"))
        self.restore_button = QPushButton(self.tr("Restore a backup…"))
        self.restore_button.setToolTip(self.tr("Verify a vault backup and restore it into a new, empty folder, then "
                                               "unlock it there with the same passphrases"))
        self.create_button = QPushButton(self.tr("Create a vault here…"))
        self.create_button.setToolTip(self.tr("First run: create a vault whose first user is a security officer"))
        self.demo_hint = QLabel(demo_hint)
        self.demo_hint.setWordWrap(True)
        self.demo_hint.setVisible(bool(demo_hint))

        form = QFormLayout()
        form.addRow(self.tr("&User"), self.user)
        form.addRow(self.tr("&Passphrase"), self.passphrase)
        form.addRow("", self.caps)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.create_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)

        card = QWidget()
        card.setMaximumWidth(520)
        inner = QVBoxLayout(card)
        inner.addWidget(self.title)
        inner.addWidget(self.path_label)
        inner.addSpacing(8)
        inner.addWidget(self.swap_banner)
        inner.addWidget(self.banner)
        inner.addLayout(form)
        inner.addLayout(buttons)
        inner.addWidget(self.status)
        inner.addWidget(self.demo_hint)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 3)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        self.unlock_button.clicked.connect(self.try_unlock)
        self.passphrase.returnPressed.connect(self.try_unlock)
        self.user.returnPressed.connect(self.passphrase.setFocus)
        self.choose_button.clicked.connect(self._choose_vault)
        self.restore_button.clicked.connect(self._choose_restore)
        self.create_button.clicked.connect(self.create_requested)
        self.set_vault(vault)

    def _show_swap_warning(self, areas: list[SwapArea] | None = None) -> None:
        """Before anything is decrypted: say so when swap could carry report text to disk."""
        unsafe = [a for a in (swap_areas() if areas is None else areas) if not a.safe]
        if unsafe:
            self.swap_banner.show_message(self.tr(
                "Swap could write decrypted report text to disk: %1. Ask the system administrator to encrypt "
                "swap or turn it off.").replace("%1", ", ".join(a.name for a in unsafe)), "warning")
        else:
            self.swap_banner.hide()

    # -- vault ------------------------------------------------------------
    def set_vault(self, vault: Path) -> None:
        from nia_desktop.core.vault.layout import VaultMeta, VaultPaths

        self.vault = vault
        self.path_label.setText(str(vault))
        try:
            meta = VaultMeta.load(VaultPaths(vault))
        except NiaError:
            self.title.setText(self.tr("No vault here yet"))
            self.create_button.setVisible(True)
            self._set_inputs_enabled(False)
            return
        self.title.setText(self.tr("Unlock %1").replace("%1", meta.name))
        self.create_button.setVisible(False)
        self._set_inputs_enabled(True)

    def _choose_vault(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose a vault directory"), str(self.vault.parent))
        if chosen:
            self.banner.hide()
            self.set_vault(Path(chosen))

    # -- restoring a backup (a fresh machine has no vault to unlock yet) -----
    def _choose_restore(self) -> None:
        chosen = ask_restore_folders(self)
        if chosen:
            self.restore_backup(*chosen)

    def restore_backup(self, source: Path, target: Path) -> None:
        """Verify and restore on a worker (services/backup.py), then offer the restored vault for unlock."""
        if self._task is not None:
            return
        self.banner.hide()
        self._set_inputs_enabled(False)
        self.status.setText(self.tr("Restoring… checking every file of the backup"))

        def work(signals: object, cancel: object) -> object:
            from nia_desktop.services.backup import restore_backup

            return restore_backup(source, target, cancel=cancel)  # type: ignore[arg-type]

        self._task = run_task(work, on_success=self._restored, on_error=self._failed,
                              on_finished=self._restore_finished)

    def _restore_finished(self) -> None:
        self._task = None
        self.status.setText("")
        self.set_vault(self.vault)  # inputs enabled only where there is a vault to unlock

    def _restored(self, result: object) -> None:
        warnings = getattr(result, "warnings", [])
        self.set_vault(Path(getattr(result, "path", self.vault)))
        text = self.tr("Backup verified and restored here. Unlock it with the same passphrases; a security officer "
                       "should then run Check in Vault care.")
        self.banner.show_message("\n".join([text, *warnings]), "warning" if warnings else "success")

    # -- unlocking --------------------------------------------------------
    def prepare(self, user: str = "", message: str = "") -> None:
        """Show the screen ready for input, e.g. after a lock."""
        self.passphrase.clear()
        if user:
            self.user.setText(user)
        if message:
            self.banner.show_message(message, "info")
        (self.passphrase if self.user.text() else self.user).setFocus()

    def try_unlock(self) -> None:
        if self._task is not None or not self.unlock_button.isEnabled():
            return
        user, secret = self.user.text().strip(), self.passphrase.text()
        if not user or not secret:
            self.banner.show_message(self.tr("Enter your user name and passphrase."), "warning")
            return
        self.passphrase.clear()
        self.banner.hide()
        self._set_busy(True)
        vault = self.vault

        def work(signals: object, cancel: object) -> object:
            from nia_desktop.services import fusion
            from nia_desktop.services.session import unlock

            session = unlock(vault, user, secret)
            # Their load stalls the UI thread less now than in the first fusion; a failure is never a reason to
            # refuse the unlock (the first fusion will say what is wrong).
            with contextlib.suppress(Exception):
                fusion.prepare(session)
            return session

        self._task = run_task(work, on_success=self._succeeded, on_error=self._failed,
                              on_finished=self._finished)

    def _succeeded(self, session: object) -> None:
        self.unlocked.emit(session)

    def _failed(self, exc: BaseException) -> None:
        message = describe(exc, self.vault)
        if message:
            self.banner.show_message(message, "error")
        self.passphrase.setFocus()

    def _finished(self) -> None:
        self._task = None
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        self._set_inputs_enabled(not busy)
        self.status.setText(self.tr("Unlocking… deriving your key") if busy else "")

    def set_closing(self, closing: bool) -> None:
        """While the locked session is sealed and closed on a worker: nothing can be unlocked yet."""
        self._set_inputs_enabled(not closing)
        self.status.setText(self.tr("Locking… sealing the audit log") if closing else "")

    def _set_inputs_enabled(self, enabled: bool) -> None:
        for widget in (self.user, self.passphrase, self.unlock_button):
            widget.setEnabled(enabled)

    @property
    def busy(self) -> bool:
        return self._task is not None
