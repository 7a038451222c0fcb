"""Small dialogs shared by views: confirmation, new-passphrase entry, and a second officer's witness.

All are opened with ``open()`` (window-modal, no nested event loop) and report
through ``accepted``/``finished``, so tests drive them like a user would.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from nia_desktop.core.errors import BadInput
from nia_desktop.core.names import check_new_passphrase
from nia_desktop.ui.widgets.message_banner import MessageBanner


def confirm_box(parent: QWidget, title: str, text: str, action_label: str) -> QMessageBox:
    """A question with one clearly named action and Cancel as the default."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    box.addButton(action_label, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    return box


def password_field(accessible_name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(accessible_name)
    return field


class FormDialog(QDialog):
    """A form with an inline error banner and OK/Cancel; subclasses validate."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.banner = MessageBanner(self)
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    def validate(self) -> None:
        """Raise BadInput with a plain message when a field is wrong."""

    def _try_accept(self) -> None:
        try:
            self.validate()
        except BadInput as exc:
            self.banner.show_message(exc.user_message, "error")
            return
        self.accept()


class NewPassphraseDialog(FormDialog):
    """Asks for a new passphrase twice; optionally the current one first."""

    def __init__(self, title: str, who: str, ask_current: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.current = password_field(self.tr("Current passphrase")) if ask_current else None
        self.new = password_field(self.tr("New passphrase"))
        self.repeat = password_field(self.tr("Repeat new passphrase"))
        self.form.addRow(QLabel(self.tr("For %1").replace("%1", who)))
        if self.current is not None:
            self.form.addRow(self.tr("&Current passphrase"), self.current)
        self.form.addRow(self.tr("&New passphrase"), self.new)
        self.form.addRow(self.tr("&Repeat"), self.repeat)

    def validate(self) -> None:
        if self.current is not None and not self.current.text():
            raise BadInput(self.tr("Enter your current passphrase."))
        if self.new.text() != self.repeat.text():
            raise BadInput(self.tr("The two new passphrases differ."))
        check_new_passphrase(self.new.text())

    def clear_secrets(self) -> None:
        for field in (self.current, self.new, self.repeat):
            if field is not None:
                field.clear()


class WitnessDialog(FormDialog):
    """Dual control: a second security officer types their own name and passphrase for one action.

    The view authenticates them through services/dual_control.py on a worker (``name``, ``passphrase``) and
    clears the field right after; the service refuses the action, audited, when no second officer is given.
    """

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Second officer"), parent)
        explain = QLabel(self.tr("%1 needs a second security officer, present at this workstation, to witness it "
                                 "with their own passphrase.").replace("%1", what))
        explain.setWordWrap(True)
        self.witness = QLineEdit()
        self.witness.setAccessibleName(self.tr("Witnessing officer's name"))
        self.secret = password_field(self.tr("Witnessing officer's passphrase"))
        self.form.addRow(explain)
        self.form.addRow(self.tr("&Officer"), self.witness)
        self.form.addRow(self.tr("&Passphrase"), self.secret)
        self.setMinimumWidth(460)  # the explanation wraps to a readable measure

    @property
    def name(self) -> str:
        return self.witness.text().strip()

    @property
    def passphrase(self) -> str:
        return self.secret.text()

    def validate(self) -> None:
        if not self.name:
            raise BadInput(self.tr("Name the second security officer."))
        if not self.passphrase:
            raise BadInput(self.tr("The second officer types their passphrase."))

    def clear_secrets(self) -> None:
        self.secret.clear()


def ask_restore_folders(parent: QWidget) -> tuple[Path, Path] | None:
    """The backup folder to restore and an empty folder to restore into, or None when either is cancelled."""
    source = QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("Dialogs", "The backup folder to restore"))
    if not source:
        return None
    target = QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("Dialogs", "An empty folder to restore into"))
    return (Path(source), Path(target)) if target else None
