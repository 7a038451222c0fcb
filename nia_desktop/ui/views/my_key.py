"""My key: this user's signing-key fingerprint, export, rotation and passphrase change, and the workstation's
age recipient that other workstations encrypt bundles to."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QFormLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from nia_desktop.core.errors import BadInput
from nia_desktop.core.signing import format_fingerprint
from nia_desktop.services import bundles, keys, users
from nia_desktop.services.session import Session
from nia_desktop.ui.dialogs import FormDialog, NewPassphraseDialog, password_field
from nia_desktop.ui.theme import named
from nia_desktop.ui.views.base import View


class RotateKeyDialog(FormDialog):
    """Rotating re-wraps the new key under the passphrase: ask for it again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Rotate signing key"), parent)
        explain = QLabel(self.tr("A new signing key replaces yours. Bundles you signed before still verify, "
                                 "marked as signed by a rotated key, until an officer revokes the old key. "
                                 "Send your new public key (or an officer's keys bundle) to the workstations "
                                 "that trust you."))
        explain.setWordWrap(True)
        self.passphrase = password_field(self.tr("Your passphrase"))
        self.form.addRow(explain)
        self.form.addRow(self.tr("Your passphrase"), self.passphrase)

    def validate(self) -> None:
        if not self.passphrase.text():
            raise BadInput(self.tr("Enter your passphrase."))


class MyKeyView(View):
    key = "my_key"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("My key"), parent)
        self.fingerprint = named(QLabel("…"), "fingerprint")
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
        self.recipient = named(QLabel("…"), "fingerprint")
        self.recipient.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.recipient.setWordWrap(True)
        self.recipient.setAccessibleName(self.tr("This workstation's age recipient"))
        self.recipient.setToolTip(self.tr("Other workstations encrypt bundles for this one to this recipient "
                                          "(nia key recipient)."))
        form.addRow(self.tr("Workstation recipient"), self.recipient)
        self.export_button = named(QPushButton(self.tr("Export public key…")), "primary")
        self.passphrase_button = QPushButton(self.tr("Change passphrase…"))
        self.rotate_button = QPushButton(self.tr("Rotate key…"))
        bar = QHBoxLayout()
        bar.addWidget(self.export_button)
        bar.addWidget(self.passphrase_button)
        bar.addWidget(self.rotate_button)
        bar.addStretch(1)
        self.layout_.addLayout(form)
        self.layout_.addWidget(explain)
        self.layout_.addLayout(bar)
        self.layout_.addStretch(1)
        self.export_button.clicked.connect(self.choose_export)
        self.passphrase_button.clicked.connect(self.open_passphrase_dialog)
        self.rotate_button.clicked.connect(self.open_rotate_dialog)
        self.dialog: NewPassphraseDialog | None = None
        self.rotate_dialog: RotateKeyDialog | None = None
        # Both on a worker, as every service call (the recipient is read from the vault).
        self.run(lambda s, c: keys.own_fingerprint(session),
                 on_success=lambda fp: self.fingerprint.setText(format_fingerprint(fp)))
        self.run(lambda s, c: bundles.workstation_recipient(session), on_success=self.recipient.setText)

    def open_rotate_dialog(self) -> None:
        self.rotate_dialog = RotateKeyDialog(self)
        self.rotate_dialog.accepted.connect(self._rotate)
        self.rotate_dialog.open()

    def _rotate(self) -> None:
        dialog = self.rotate_dialog
        assert dialog is not None
        passphrase = dialog.passphrase.text()
        dialog.passphrase.clear()
        session = self.session

        def done(fingerprints: tuple[str, str]) -> None:
            self.fingerprint.setText(format_fingerprint(fingerprints[1]))
            self.banner.show_message(self.tr("Key rotated. New fingerprint: %1")
                                     .replace("%1", format_fingerprint(fingerprints[1])), "success")

        self.run(lambda s, c: keys.rotate_own_key(session, passphrase), on_success=done)

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
