"""Consumers (officer): the workstations this one releases product to, what each may hold, and the key its
receipts are checked against; add one, or remove one (it receives nothing more; the ledger keeps naming it).

Everything is read and changed through services/consumers.py on workers; the services check every field
again and audit every change and refusal, which shows in the banner. The Add dialog only catches what it can
tell on its own (a name's form, an age recipient, a PEM key that does not load) before anything is sent.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from nia_desktop.core.bundles.sealed import parse_recipient
from nia_desktop.core.classification import Level
from nia_desktop.core.display import escape_untrusted
from nia_desktop.core.errors import BadInput
from nia_desktop.core.names import USER_NAME
from nia_desktop.core.signing import load_public_pem
from nia_desktop.core.store.clearances import CaveatRecord
from nia_desktop.core.store.ledger import Consumer
from nia_desktop.services import clearances
from nia_desktop.services import consumers as consumer_service
from nia_desktop.services.session import Session
from nia_desktop.ui.dialogs import FormDialog, confirm_box
from nia_desktop.ui.models.cells import CellRows
from nia_desktop.ui.theme import CLASSIFICATION_COLOURS
from nia_desktop.ui.views.base import View
from nia_desktop.ui.views.compartments import local_date
from nia_desktop.ui.views.reports.caveats import CaveatChecklist, parse_release
from nia_desktop.ui.widgets.table_view import FilterTable

MAX_KEY_FILE = 4096  # as services/consumers.MAX_PEM: a public key is a few hundred bytes
NO_KEY_COLOURS = ("#fff4e0", "#6b4100")  # the warning banner's: receipts from this consumer cannot be checked
REMOVED_COLOUR = "#8a8f94"


def key_text(consumer: Consumer) -> str:
    if not consumer.key_fingerprint:
        return QCoreApplication.translate("Consumers", "no key: receipts cannot be checked")
    return consumer.key_fingerprint[:32] + "…"


def caveats_text(consumer: Consumer) -> str:
    return ", ".join(escape_untrusted(c, 64) for c in consumer.caveats) or "—"


def read_recipient_file(path: Path) -> str:
    """The first age recipient in a file written by `nia key recipient` (comments and blank lines skipped)."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_KEY_FILE + 1)
    except OSError as exc:
        raise BadInput(QCoreApplication.translate("Consumers", "%1 could not be read (%2)").replace(
            "%1", str(path)).replace("%2", exc.strerror or type(exc).__name__)) from exc
    lines = [line.strip() for line in data[:MAX_KEY_FILE].decode("utf-8", "replace").splitlines()]
    found = next((line for line in lines if line and not line.startswith("#")), "")
    if not found:
        raise BadInput(QCoreApplication.translate("Consumers", "%1 holds no age recipient (age1…)").replace(
            "%1", str(path)))
    return parse_recipient(found)


def read_key_file(path: Path) -> bytes:
    """A consumer's PEM public signing key, checked to load as Ed25519 (the service checks it again)."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_KEY_FILE + 1)
    except OSError as exc:
        raise BadInput(QCoreApplication.translate("Consumers", "%1 could not be read (%2)").replace(
            "%1", str(path)).replace("%2", exc.strerror or type(exc).__name__)) from exc
    if len(data) > MAX_KEY_FILE:
        raise BadInput(QCoreApplication.translate("Consumers", "%1 is too long for a public key").replace(
            "%1", str(path)))
    try:
        load_public_pem(data)
    except BadInput as exc:
        raise BadInput(f"{path}: {exc.user_message}") from exc
    return data


class AddConsumerDialog(FormDialog):
    """Name, organisation, the workstation's age recipient, its receipt key, and what it may hold."""

    def __init__(self, caveats: list[CaveatRecord], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add a consumer"), parent)
        self.key_pem: bytes | None = None
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Consumer name"))
        self.name.setMaxLength(32)
        self.name.setPlaceholderText(self.tr("e.g. kantei, mofa-iicd"))
        self.organisation = QLineEdit()
        self.organisation.setAccessibleName(self.tr("Organisation"))
        self.organisation.setMaxLength(200)
        self.organisation.setPlaceholderText(self.tr("e.g. Prime Minister's Office"))
        self.recipient = QLineEdit()
        self.recipient.setAccessibleName(self.tr("Age recipient of the consumer's workstation"))
        self.recipient.setPlaceholderText(self.tr("age1… (their `nia key recipient`)"))
        recipient_file = QPushButton(self.tr("From file…"))
        recipient_file.setToolTip(self.tr("Read the recipient from a file the consumer's workstation wrote"))
        recipient_file.clicked.connect(self.choose_recipient_file)
        recipient_row = QHBoxLayout()
        recipient_row.addWidget(self.recipient, 1)
        recipient_row.addWidget(recipient_file)
        self.key_path = QLineEdit()
        self.key_path.setAccessibleName(self.tr("Receipt signing key file (PEM)"))
        self.key_path.setPlaceholderText(self.tr("optional: the PEM public key of the user who signs receipts"))
        key_file = QPushButton(self.tr("Choose…"))
        key_file.clicked.connect(self.choose_key_file)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_path, 1)
        key_row.addWidget(key_file)
        self.max_level = QComboBox()
        self.max_level.setAccessibleName(self.tr("Highest level the consumer may hold"))
        for level in Level:
            self.max_level.addItem(level.banner_text, int(level))
        self.max_level.setCurrentIndex(int(Level.SECRET))
        self.caveats = CaveatChecklist()
        self.caveats.setAccessibleName(self.tr("Compartments and controls the consumer may hold"))
        self.caveats.set_caveats(caveats)
        self.caveats.fit_rows(6)
        self.release = QLineEdit()
        self.release.setAccessibleName(self.tr("Release list: the partner this consumer is"))
        self.release.setPlaceholderText(self.tr("a foreign partner only: its code, e.g. USA"))
        self.release.setToolTip(self.tr("A foreign partner is registered with its release list (REL TO …): it "
                                        "receives only what may be released to it, and nothing marked NOFORN"))
        note = QLabel(self.tr("Every copy is encrypted to the recipient. Without a key, receipts from this consumer "
                              "cannot be checked and its copies stay outstanding in the ledger."))
        note.setWordWrap(True)
        self.form.addRow(self.tr("&Name"), self.name)
        self.form.addRow(self.tr("&Organisation"), self.organisation)
        self.form.addRow(self.tr("&Recipient"), recipient_row)
        self.form.addRow(self.tr("Receipt &key"), key_row)
        self.form.addRow(self.tr("May hold &up to"), self.max_level)
        self.form.addRow(self.tr("&Caveats"), self.caveats)
        self.form.addRow(self.tr("Re&lease list"), self.release)
        self.form.addRow(note)
        self.setMinimumWidth(560)

    def choose_recipient_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("The consumer workstation's recipient"))
        if not path:
            return
        try:
            self.recipient.setText(read_recipient_file(Path(path)))
        except BadInput as exc:
            self.banner.show_message(exc.user_message, "error")

    def choose_key_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("The consumer's receipt signing key"), "",
                                              self.tr("PEM public key (*.pem);;All files (*)"))
        if path:
            self.key_path.setText(path)

    @property
    def level(self) -> Level:
        return Level(int(self.max_level.currentData()))

    def chosen_caveats(self) -> list[str]:
        names = self.caveats.checked_names()
        release = parse_release(self.release.text())
        return names + ([release] if release else [])

    def validate(self) -> None:
        if not USER_NAME.fullmatch(self.name.text().strip()):
            raise BadInput(self.tr("A consumer name is 2-32 characters: lower-case letters, digits, '.', '_' or "
                                   "'-', starting with a letter."))
        if not self.organisation.text().strip():
            raise BadInput(self.tr("Name the consumer's organisation."))
        if not self.recipient.text().strip():
            raise BadInput(self.tr("Paste the consumer workstation's age recipient, or read it from a file."))
        self.recipient.setText(parse_recipient(self.recipient.text()))
        self.chosen_caveats()  # a release list that does not read is said here
        path = self.key_path.text().strip()
        self.key_pem = read_key_file(Path(path)) if path else None


class ConsumersView(View):
    key = "consumers"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("Consumers"), parent)
        self.consumers: list[Consumer] = []
        help_text = QLabel(self.tr(
            "The workstations product is released to, and what each may hold. A release to a consumer gets the "
            "full product or a tearline version cut at its line; anything above it is refused."))
        help_text.setWordWrap(True)
        self.model = CellRows([
            (self.tr("Name"), lambda c: c.name),
            (self.tr("Organisation"), lambda c: escape_untrusted(c.organisation, 120)),
            (self.tr("May hold up to"), lambda c: c.max_level.banner_text),
            (self.tr("Caveats"), caveats_text),
            (self.tr("Receipt key"), key_text),
            (self.tr("Added by"), lambda c: c.added_by),
            (self.tr("Added"), lambda c: local_date(c.added_at)),
            (self.tr("Removed"), lambda c: local_date(c.removed_at) if c.removed_at else ""),
        ], self, tooltip=self._tooltip, colours=self._colours,
            cells={2: lambda c: CLASSIFICATION_COLOURS[c.max_level]})
        self.table = FilterTable(self.model, self)
        self.table.setAccessibleName(self.tr("Consumers"))
        self.filter = QLineEdit(placeholderText=self.tr("Filter consumers"))
        self.filter.setAccessibleName(self.tr("Filter consumers"))
        self.filter.textChanged.connect(self.table.set_filter_text)
        self.show_removed = QCheckBox(self.tr("Show &removed"))
        self.show_removed.setToolTip(self.tr("Removed consumers receive nothing more; the ledger still names them"))
        self.show_removed.toggled.connect(lambda _: self.refresh())
        self.add_button = QPushButton(self.tr("Add consumer…"))
        self.add_button.setObjectName("primary")
        self.add_button.setShortcut(QKeySequence.StandardKey.New)
        self.add_button.setToolTip(self.tr("Register a consumer's workstation (Ctrl+N)"))
        self.add_button.clicked.connect(self.open_add)
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.remove_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.remove_button.setToolTip(self.tr("The consumer receives nothing more (Delete)"))
        self.remove_button.clicked.connect(self.ask_remove)
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.show_removed)
        bar.addWidget(self.remove_button)
        bar.addWidget(self.add_button)
        self.layout_.addWidget(help_text)
        self.layout_.addLayout(bar)
        self.layout_.addWidget(self.table, 1)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.dialog: AddConsumerDialog | None = None
        self.confirm: QMessageBox | None = None
        self.refresh()

    # -- loading ----------------------------------------------------------
    def refresh(self) -> None:
        session, removed = self.session, self.show_removed.isChecked()
        self.run(lambda signals, cancel: consumer_service.list_consumers(session, removed), on_success=self._show,
                 on_finished=self._update_buttons)
        self._update_buttons()

    def _show(self, rows: list[Consumer]) -> None:
        chosen = self.selected()
        self.consumers = rows
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        if chosen is not None:
            self.select(chosen.name)

    def selected(self) -> Consumer | None:
        return self.table.selected_row()  # type: ignore[no-any-return]

    def select(self, name: str) -> None:
        for row in range(self.table.proxy.rowCount()):
            if self.table.proxy.index(row, 0).data() == name:
                self.table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.remove_button.setEnabled(chosen is not None and not chosen.removed_at and not self.busy)
        self.add_button.setEnabled(not self.busy)

    def _colours(self, consumer: Consumer) -> tuple[str, str] | None:
        if consumer.removed_at:
            return "", REMOVED_COLOUR
        if not consumer.key_fingerprint:
            return NO_KEY_COLOURS
        return None

    def _tooltip(self, consumer: Consumer) -> str:
        lines = [self.tr("Recipient: %1").replace("%1", consumer.recipient)]
        if consumer.key_fingerprint:
            lines.append(self.tr("Receipt key fingerprint: %1").replace("%1", consumer.key_fingerprint))
        else:
            lines.append(self.tr("No receipt key: its receipts cannot be checked, so its copies stay outstanding"))
        if consumer.removed_at:
            lines.append(self.tr("Removed on %1: receives nothing more").replace("%1", local_date(consumer.removed_at)))
        return "\n".join(lines)

    # -- add --------------------------------------------------------------
    def open_add(self) -> None:
        """The caveats the vault knows are read on a worker; the dialog opens when they are in."""
        if not self.add_button.isEnabled():
            return
        session = self.session
        self.add_button.setEnabled(False)
        self.run(lambda signals, cancel: clearances.list_caveats(session),
                 on_success=lambda found: QTimer.singleShot(0, lambda: self._open_add(found)),
                 on_finished=self._update_buttons)

    def _open_add(self, caveats: list[CaveatRecord]) -> None:
        dialog = AddConsumerDialog(caveats, self)
        dialog.accepted.connect(lambda: self._add(dialog))
        self.dialog = dialog
        dialog.open()

    def _add(self, dialog: AddConsumerDialog) -> None:
        session = self.session
        name, organisation = dialog.name.text().strip(), dialog.organisation.text().strip()
        recipient, level, caveats, pem = dialog.recipient.text(), dialog.level, dialog.chosen_caveats(), dialog.key_pem

        def done(record: Consumer) -> None:
            self.refresh()
            self.banner.show_message(self.tr("Registered %1 (%2), up to %3.").replace("%1", record.name).replace(
                "%2", escape_untrusted(record.organisation, 120)).replace("%3", record.max_level.banner_text),
                "success")
            QTimer.singleShot(0, lambda: self.select(record.name))

        self.run(lambda signals, cancel: consumer_service.add_consumer(session, name, organisation, recipient, level,
                                                                       caveats, pem), on_success=done)
        self._update_buttons()

    # -- remove -----------------------------------------------------------
    def ask_remove(self) -> None:
        chosen = self.selected()
        if chosen is None or not self.remove_button.isEnabled():
            return
        self.confirm = confirm_box(
            self, self.tr("Remove a consumer"),
            self.tr("Remove %1 (%2)? Nothing more can be released to it: a release naming it is refused. What it "
                    "was already sent stays in the ledger, corrections and recalls of those products still go to "
                    "it, and its receipts are still checked. This cannot be undone; the name cannot be used "
                    "again.").replace("%1", chosen.name).replace("%2", escape_untrusted(chosen.organisation, 120)),
            self.tr("Remove %1").replace("%1", chosen.name))
        self.confirm.accepted.connect(lambda: self._remove(chosen.name))
        self.confirm.open()

    def _remove(self, name: str) -> None:
        session = self.session

        def done(_: Consumer) -> None:
            self.refresh()
            self.banner.show_message(self.tr("Removed %1: it receives nothing more.").replace("%1", name), "success")

        self.run(lambda signals, cancel: consumer_service.remove_consumer(session, name), on_success=done)
        self._update_buttons()

    def classification(self) -> Level:
        return Level.UNCLASSIFIED  # names, organisations and keys: no product and no report content
