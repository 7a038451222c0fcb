"""First run: create a vault whose first user is a security officer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from nia_desktop.core.errors import BadInput
from nia_desktop.core.names import check_new_passphrase, check_user_name
from nia_desktop.ui.dialogs import FormDialog, password_field


class CreateVaultDialog(FormDialog):
    def __init__(self, directory: Path, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Create a vault"), parent)
        self.directory = QLineEdit(str(directory))
        self.directory.setAccessibleName(self.tr("Vault directory"))
        self.vault_name = QLineEdit(directory.name)
        self.vault_name.setAccessibleName(self.tr("Vault name"))
        self.officer = QLineEdit()
        self.officer.setAccessibleName(self.tr("Officer user name"))
        self.passphrase = password_field(self.tr("Officer passphrase"))
        self.repeat = password_field(self.tr("Repeat passphrase"))
        intro = QLabel(self.tr(
            "The first user is a security officer, who then adds analysts and couriers. "
            "Key derivation is calibrated to take about a second on this machine."))
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.form.addRow(self.tr("&Directory"), self.directory)
        self.form.addRow(self.tr("Vault &name"), self.vault_name)
        self.form.addRow(self.tr("&Officer"), self.officer)
        self.form.addRow(self.tr("&Passphrase"), self.passphrase)
        self.form.addRow(self.tr("&Repeat"), self.repeat)

    def validate(self) -> None:
        if not self.directory.text().strip():
            raise BadInput(self.tr("Choose a directory for the vault."))
        check_user_name(self.officer.text().strip())
        if self.passphrase.text() != self.repeat.text():
            raise BadInput(self.tr("The two passphrases differ."))
        check_new_passphrase(self.passphrase.text())
