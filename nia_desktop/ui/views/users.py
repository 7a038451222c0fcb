"""Users (officer): add, disable (with key rotation), reset passphrase."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from nia_desktop.core.names import check_user_name
from nia_desktop.core.roles import Role
from nia_desktop.core.store.users import UserRecord
from nia_desktop.services import dual_control
from nia_desktop.services import users as user_service
from nia_desktop.services.dual_control import Witness
from nia_desktop.services.session import Session
from nia_desktop.ui.dialogs import NewPassphraseDialog, confirm_box
from nia_desktop.ui.models.table import RowsModel
from nia_desktop.ui.views.base import View
from nia_desktop.ui.widgets.table_view import FilterTable
from nia_desktop.ui.witnessing import run_witnessed


class AddUserDialog(NewPassphraseDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add a user"), self.tr("the new user"), parent=parent)
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("User name"))
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("Role"))
        for role, label in ((Role.ANALYST, self.tr("Analyst")), (Role.COURIER, self.tr("Courier")),
                            (Role.OFFICER, self.tr("Security officer"))):
            self.role.addItem(label, role)
        self.form.insertRow(1, self.tr("&Name"), self.name)
        self.form.insertRow(2, self.tr("R&ole"), self.role)

    def validate(self) -> None:
        check_user_name(self.name.text().strip())
        super().validate()


class UsersView(View):
    key = "users"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("Users"), parent)
        self.model: RowsModel[UserRecord] = RowsModel([
            (self.tr("Name"), lambda u: u.name),
            (self.tr("Role"), lambda u: u.role.value),
            (self.tr("Status"), lambda u: self.tr("active") if u.active else self.tr("disabled")),
            (self.tr("Created (UTC)"), lambda u: u.created_at[:19].replace("T", " ")),
            (self.tr("Signing key fingerprint"), lambda u: u.fingerprint[:32] + "…"),
        ], self)
        self.table = FilterTable(self.model, self)
        self.table.setAccessibleName(self.tr("Users"))
        self.filter = QLineEdit(placeholderText=self.tr("Filter users"))
        self.filter.setAccessibleName(self.tr("Filter users"))
        self.filter.textChanged.connect(self.table.set_filter_text)
        self.add_button = QPushButton(self.tr("Add user…"))
        self.add_button.setShortcut(QKeySequence.StandardKey.New)
        self.add_button.setToolTip(self.tr("Add a user with a role (Ctrl+N)"))
        self.disable_button = QPushButton(self.tr("Disable…"))
        self.disable_button.setToolTip(self.tr("Destroy the user's keyslot and rotate the database key"))
        self.reset_button = QPushButton(self.tr("Reset passphrase…"))
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.add_button)
        bar.addWidget(self.reset_button)
        bar.addWidget(self.disable_button)
        self.layout_.addLayout(bar)
        self.layout_.addWidget(self.table, 1)
        self.add_button.clicked.connect(self.open_add_dialog)
        self.disable_button.clicked.connect(self.ask_disable)
        self.reset_button.clicked.connect(self.open_reset_dialog)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.dialog: AddUserDialog | NewPassphraseDialog | None = None
        self.confirm: QMessageBox | None = None
        self.progress: QProgressDialog | None = None
        self.refresh()

    def refresh(self) -> None:
        """List the users on a worker; the buttons wait for it (View.busy)."""
        session = self.session
        self.run(lambda signals, cancel: user_service.list_users(session), on_success=self._show,
                 on_finished=self._update_buttons)
        self._update_buttons()

    def _show(self, rows: list[UserRecord]) -> None:
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()

    def selected(self) -> UserRecord | None:
        return self.table.selected_row()  # type: ignore[no-any-return]

    def select_user(self, name: str) -> None:
        for row in range(self.table.proxy.rowCount()):
            if self.table.proxy.index(row, 0).data() == name:
                self.table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        user = self.selected()
        usable = user is not None and user.active and user.name != self.session.name
        self.disable_button.setEnabled(usable and not self.busy)
        self.reset_button.setEnabled(usable and not self.busy)

    # -- add --------------------------------------------------------------
    def open_add_dialog(self) -> None:
        self.dialog = AddUserDialog(self)
        self.dialog.accepted.connect(self._add_accepted)
        self.dialog.open()

    def _add_accepted(self) -> None:
        dialog = self.dialog
        assert isinstance(dialog, AddUserDialog)
        name, role, secret = dialog.name.text().strip(), Role(dialog.role.currentData()), dialog.new.text()
        dialog.clear_secrets()
        session = self.session
        run_witnessed(self, self.tr("Adding officer %1").replace("%1", name),
                      lambda: role is Role.OFFICER and dual_control.officers_now(session) >= 2,
                      lambda witness: user_service.add_user(session, name, role, secret, witness),
                      lambda record: self._changed(self.tr("Added %1.").replace("%1", record.name)))

    # -- disable ----------------------------------------------------------
    def ask_disable(self) -> None:
        user = self.selected()
        if user is None:
            return
        self.confirm = confirm_box(
            self, self.tr("Disable user"),
            self.tr("Disable %1? Their keyslot is destroyed, so their passphrase opens nothing, and the "
                    "database is re-encrypted under a new key. This cannot be undone; a disabled "
                    "user can only come back as a new user.").replace("%1", user.name),
            self.tr("Disable %1").replace("%1", user.name))
        self.confirm.accepted.connect(lambda: self._disable(user.name, user.role is Role.OFFICER))
        self.confirm.open()

    def _disable(self, name: str, officer: bool) -> None:
        """An officer is disabled only under dual control: the witness is checked first, then the rotation runs."""
        run_witnessed(self, self.tr("Disabling officer %1").replace("%1", name), lambda: officer,
                      lambda witness: witness, lambda witness: self._rotate_out(name, witness))

    def _rotate_out(self, name: str, witness: Witness | None) -> None:
        self.progress = QProgressDialog(self.tr("Disabling %1 and rotating the database key…").replace("%1", name),
                                        "", 0, 0, self)
        self.progress.setCancelButton(None)  # a rotation must finish: the vault is never left half re-keyed
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.show()
        session = self.session

        def work(signals, cancel):  # type: ignore[no-untyped-def]
            user_service.disable_user(session, name, lambda d, t, m: signals.progress.emit(d, t, m), witness=witness)

        self.run(work, on_success=lambda _: self._changed(
                     self.tr("Disabled %1; the database key was rotated.").replace("%1", name)),
                 on_progress=self._on_progress, on_finished=self._close_progress)
        self._update_buttons()

    def _on_progress(self, done: int, total: int, message: str) -> None:
        if self.progress is not None:
            self.progress.setMaximum(total)
            self.progress.setValue(min(done, total))

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress = None
        self._update_buttons()

    # -- reset ------------------------------------------------------------
    def open_reset_dialog(self) -> None:
        user = self.selected()
        if user is None:
            return
        self.dialog = NewPassphraseDialog(self.tr("Reset passphrase"), user.name, parent=self)
        self.dialog.accepted.connect(lambda: self._reset(user.name, user.role is Role.OFFICER))
        self.dialog.open()

    def _reset(self, name: str, officer: bool) -> None:
        dialog = self.dialog
        assert dialog is not None
        secret = dialog.new.text()
        dialog.clear_secrets()
        session = self.session
        run_witnessed(self, self.tr("Resetting officer %1's passphrase").replace("%1", name), lambda: officer,
                      lambda witness: user_service.reset_passphrase(session, name, secret, witness),
                      lambda record: self._changed(
                     self.tr("New passphrase set for %1. They also have a new signing key: "
                             "tell them to export it again.").replace("%1", name)))

    def _changed(self, message: str) -> None:
        self.refresh()
        self.banner.show_message(message, "success")


