"""Trust: the keys this workstation accepts bundles from (officer).

Adding a key shows its fingerprint in groups of four to read aloud with its
owner over another channel; the officer confirms the comparison before the
key is trusted. Revoking keeps the key, marked, so earlier bundles now fail.
Keys bundles carry public keys, rotations and revocations between
workstations; importing one shows every change before it is applied, and only
a keys bundle signed by a key trusted here as an officer's is taken. Adding or
revoking an officer's key asks for a second officer (WitnessDialog) once the
vault has two; without one the service refuses, and the refusal is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from nia_desktop.core.display import escape_untrusted
from nia_desktop.core.errors import BadInput
from nia_desktop.core.signing import fingerprint, format_fingerprint, load_public_pem
from nia_desktop.core.store.trust import TrustRow
from nia_desktop.services import dual_control, key_exchange, trust
from nia_desktop.services.dual_control import Witness
from nia_desktop.services.key_exchange import KeysChange
from nia_desktop.services.session import Session
from nia_desktop.ui.dialogs import FormDialog, WitnessDialog, confirm_box
from nia_desktop.ui.models.table import RowsModel
from nia_desktop.ui.theme import named
from nia_desktop.ui.views.base import View
from nia_desktop.ui.widgets.table_view import FilterTable
from nia_desktop.ui.witnessing import run_witnessed


class AddKeyDialog(FormDialog):
    """Name the key's owner and confirm the fingerprint was compared out of band."""

    def __init__(self, path: Path, pem: bytes, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Trust a public key"), parent)
        self.pem = pem
        fp = fingerprint(load_public_pem(pem))
        shown = named(QLabel(format_fingerprint(fp)), "fingerprint")
        shown.setWordWrap(True)
        shown.setAccessibleName(self.tr("Fingerprint to compare"))
        self.name = QLineEdit(path.stem)
        self.name.setAccessibleName(self.tr("Owner's name"))
        self.workstation = QLineEdit()
        self.workstation.setAccessibleName(self.tr("Workstation"))
        self.role = QLineEdit()
        self.role.setPlaceholderText(self.tr("analyst, courier or officer"))
        self.role.setAccessibleName(self.tr("Role"))
        self.compared = QCheckBox(self.tr("I read this fingerprint with the key's owner over another channel, "
                                          "and it matches"))
        self.form.addRow(self.tr("File"), QLabel(escape_untrusted(path.name, 80)))
        self.form.addRow(self.tr("SHA-256 fingerprint"), shown)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Workstation"), self.workstation)
        self.form.addRow(self.tr("Role"), self.role)
        self.form.addRow(self.compared)

    def validate(self) -> None:
        if not self.name.text().strip():
            raise BadInput(self.tr("Name the key's owner."))
        if not self.compared.isChecked():
            raise BadInput(self.tr("Compare the fingerprint with its owner first: a key trusted unchecked could "
                                   "be anyone's."))


class KeysChangeDialog(QMessageBox):
    """What a keys bundle would change, with Apply and Cancel (the default)."""

    def __init__(self, change: KeysChange, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Import keys bundle"))
        lines = [escape_untrusted(line, 200) for line in change.lines()] or [self.tr("Nothing to change.")]
        self.setText(self.tr("Keys bundle signed by %1, trusted here as the security officer %2:")
                     .replace("%1", escape_untrusted(change.signer, 80))
                     .replace("%2", escape_untrusted(change.signer_trusted_as, 80)))
        self.setInformativeText("\n".join(lines))
        self.apply_button = self.addButton(self.tr("Apply these changes"), QMessageBox.ButtonRole.AcceptRole)
        cancel = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(cancel)


class TrustView(View):
    key = "trust"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("Trust"), parent)
        self.model: RowsModel[TrustRow] = RowsModel([
            (self.tr("Name"), lambda r: escape_untrusted(r.name, 80)),
            (self.tr("Workstation"), lambda r: escape_untrusted(r.workstation, 60)),
            (self.tr("Role"), lambda r: escape_untrusted(r.role, 30)),
            (self.tr("Fingerprint"), lambda r: format_fingerprint(r.fingerprint)[:39] + "…"),
            (self.tr("Added"), lambda r: f"{r.added_at[:10]} {r.added_by}"),
            (self.tr("State"), lambda r: self.tr("REVOKED %1").replace("%1", r.revoked_at[:10]) if r.revoked_at
             else self.tr("rotated (still valid)") if r.superseded_by else self.tr("trusted")),
        ], self)
        self.table = FilterTable(self.model, self)
        self.table.setAccessibleName(self.tr("Trusted keys"))
        self.add_button = named(QPushButton(self.tr("Add key…")), "primary")
        self.revoke_button = QPushButton(self.tr("Revoke…"))
        self.export_button = QPushButton(self.tr("Export keys bundle…"))
        self.export_button.setToolTip(self.tr("This workstation's public keys, rotations and trust store, signed "
                                              "by you, for other workstations"))
        self.import_button = QPushButton(self.tr("Import keys bundle…"))
        self.confirm: QMessageBox | None = None
        self.dialog: AddKeyDialog | None = None
        self.witness_dialog: WitnessDialog | None = None
        bar = QHBoxLayout()
        for button in (self.add_button, self.revoke_button, self.export_button, self.import_button):
            bar.addWidget(button)
        bar.addStretch(1)
        hint = QLabel(self.tr("Bundles are accepted only from keys listed here and from this workstation's own "
                              "users. Add another workstation's keys after reading their fingerprints with the "
                              "owner over a separate channel, or import a keys bundle signed by its officer."))
        hint.setWordWrap(True)
        self.layout_.addWidget(hint)
        self.layout_.addLayout(bar)
        self.layout_.addWidget(self.table, 1)
        self.add_button.clicked.connect(self.choose_key)
        self.revoke_button.clicked.connect(self.ask_revoke)
        self.export_button.clicked.connect(self.choose_export)
        self.import_button.clicked.connect(self.choose_import)
        self.refresh()

    def refresh(self) -> None:
        self.run(lambda s, c: trust.trusted_keys(self.session), on_success=self.model.set_rows)

    def choose_key(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Public key to trust"), "", self.tr("PEM (*.pem)"))
        if path:
            self.add_from(Path(path))

    def add_from(self, path: Path) -> None:
        try:
            pem = path.read_bytes()[:64 * 1024]
            self.dialog = AddKeyDialog(path, pem, self)
        except (OSError, BadInput) as exc:
            self.show_error(exc if isinstance(exc, BadInput) else BadInput(f"cannot read {path}: {exc}"))
            return
        self.dialog.accepted.connect(self._add)
        self.dialog.open()

    def _add(self) -> None:
        dialog = self.dialog
        assert dialog is not None
        pem, name, station, role = dialog.pem, dialog.name.text().strip(), dialog.workstation.text().strip(), \
            dialog.role.text().strip()
        session = self.session

        def done(fp: str) -> None:
            self.banner.show_message(self.tr("Trusted %1 (%2).").replace("%1", name)
                                     .replace("%2", format_fingerprint(fp)), "success")
            self.refresh()

        self.witnessed(self.tr("Trusting %1's key as a security officer's").replace("%1", escape_untrusted(name, 80)),
                       lambda: trust.is_officer_role(role),
                       lambda witness: trust.trust_key(session, pem, name, station, role, witness), done)

    def ask_revoke(self) -> None:
        row = self.table.selected_row()
        if row is None:
            self.banner.show_message(self.tr("Select a key first."), "warning")
            return
        self.confirm = confirm_box(
            self, self.tr("Revoke key"),
            self.tr("Revoke %1's key? Every bundle it signed or countersigned is refused from now on. The key "
                    "stays listed, marked revoked.").replace("%1", escape_untrusted(row.name, 80)),
            self.tr("Revoke"))
        fp, session = row.fingerprint, self.session
        what = self.tr("Revoking %1's security officer key").replace("%1", escape_untrusted(row.name, 80))
        self.confirm.accepted.connect(lambda: self.witnessed(
            what, lambda: trust.is_officer_role(row.role), lambda witness: trust.revoke_key(session, fp, witness),
            lambda _: self._changed(self.tr("Key revoked."))))
        self.confirm.open()

    def witnessed(self, what: str, officer: Callable[[], bool], act: Callable[[Witness | None], Any],
                  on_success: Callable[[Any], None]) -> None:
        """Run ``act`` on a worker; a change to an officer's key first asks for a second officer once the vault
        has two (ui/witnessing.py). ``officer`` is asked on the worker too: it is the services' rule."""
        session = self.session
        run_witnessed(self, what, lambda: officer() and dual_control.officers_now(session) >= 2, act, on_success)

    def _changed(self, message: str) -> None:
        self.refresh()
        self.banner.show_message(message, "success")

    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export keys bundle"), "keys.nia",
                                              self.tr("NIA bundle (*.nia)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        self.run(lambda s, c: key_exchange.export_keys(self.session, path),
                 on_success=lambda m: self.banner.show_message(
                     self.tr("Wrote keys bundle %1 to %2.").replace("%1", m.uuid).replace("%2", str(path)),
                     "success"))

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Keys bundle"), "", self.tr("NIA bundle (*.nia)"))
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> None:
        session = self.session

        def preview(change: KeysChange) -> None:
            self.confirm = KeysChangeDialog(change, self)
            self.confirm.accepted.connect(lambda: self.witnessed(
                self.tr("Importing a keys bundle that changes security officers' keys"), lambda: change.needs_witness,
                lambda witness: key_exchange.import_keys(session, path, apply=True, witness=witness),
                lambda _: self._changed(self.tr("Keys bundle applied."))))
            self.confirm.open()

        self.run(lambda s, c: key_exchange.import_keys(session, path), on_success=preview)
