"""My key: this user's signing-key fingerprint, export, and passphrase change."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QFormLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from nia_desktop.core.signing import format_fingerprint
from nia_desktop.services import keys, users
from nia_desktop.services.session import Session
from nia_desktop.ui.dialogs import NewPassphraseDialog
from nia_desktop.ui.theme import named
from nia_desktop.ui.views.base import View


class MyKeyView(View):
    key = "my_key"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("My key"), parent)
        self.fingerprint = named(QLabel(format_fingerprint(keys.own_fingerprint(session))), "fingerprint")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setWordWrap(True)
        self.fingerprint.setAccessibleName(self.tr("Signing key fingerprint"))
        explain = QLabel(self.tr(
            "Your Ed25519 signing key is wrapped by your own passphrase: nobody else, an officer "
            "included, can sign as you. Give your public key to the officers of other workstations "
            "and read this fingerprint to them over a separate channel."))
        explain.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("User"), QLabel(session.name))
        form.addRow(self.tr("Role"), QLabel(session.role.value))
        form.addRow(self.tr("SHA-256 fingerprint"), self.fingerprint)
        self.export_button = named(QPushButton(self.tr("Export public key…")), "primary")
        self.passphrase_button = QPushButton(self.tr("Change passphrase…"))
        bar = QHBoxLayout()
        bar.addWidget(self.export_button)
        bar.addWidget(self.passphrase_button)
        bar.addStretch(1)
        self.layout_.addLayout(form)
        self.layout_.addWidget(explain)
        self.layout_.addLayout(bar)
        self.layout_.addStretch(1)
        self.export_button.clicked.connect(self.choose_export)
        self.passphrase_button.clicked.connect(self.open_passphrase_dialog)
        self.dialog: NewPassphraseDialog | None = None

    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export public key"), f"{self.session.name}.pem",
                                              self.tr("PEM public key (*.pem)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        session = self.session
        self.run(lambda s, c: keys.export_public_key(session, path), on_success=lambda fp: self.banner.show_message(
            self.tr("Wrote %1. Fingerprint: %2").replace("%1", str(path)).replace("%2", format_fingerprint(fp)),
            "success"))

    def open_passphrase_dialog(self) -> None:
        self.dialog = NewPassphraseDialog(self.tr("Change passphrase"), self.session.name, ask_current=True,
                                          parent=self)
        self.dialog.accepted.connect(self._change)
        self.dialog.open()

    def _change(self) -> None:
        dialog = self.dialog
        assert dialog is not None and dialog.current is not None
        current, new = dialog.current.text(), dialog.new.text()
        dialog.clear_secrets()
        session = self.session
        self.run(lambda s, c: users.change_own_passphrase(session, current, new),
                 on_success=lambda _: self.banner.show_message(self.tr("Passphrase changed."), "success"))
