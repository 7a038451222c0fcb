"""Transfer: bundles in and out through removable media.

Inbound (couriers): choose a volume, see each bundle on it with its
verification, receive the good ones into the vault's queue. Received: what
waits for an analyst, who accepts report bundles into the vault. Outbound
(couriers): bundles analysts queued, written to the chosen volume with a
custody hop, fsync and a read-back check. Couriers see metadata, never content.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nia_desktop.core.display import escape_untrusted
from nia_desktop.core.roles import Action
from nia_desktop.core.store.trust import Outbound
from nia_desktop.services import bundles, couriers, receipts
from nia_desktop.services.couriers import MediaBundle
from nia_desktop.services.session import Session
from nia_desktop.ui.models.table import RowsModel
from nia_desktop.ui.theme import named
from nia_desktop.ui.views.base import View
from nia_desktop.ui.views.notices_banner import NoticesDialog
from nia_desktop.ui.views.reports.import_dialog import human_size, removable_volumes
from nia_desktop.ui.views.sign_receipt import RECEIPTED, SignReceiptDialog
from nia_desktop.ui.widgets.table_view import FilterTable
from nia_desktop.ui.workers import Task

Received = tuple[str, str, str, int, str, str]


class VolumePicker(QWidget):
    """Mounted removable volumes, or any folder the user chooses."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setAccessibleName(self.tr("Volume"))
        self.combo.setMinimumWidth(260)
        self.choose = QPushButton(self.tr("Choose folder…"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Volume")))
        row.addWidget(self.combo, 1)
        row.addWidget(self.choose)
        self.choose.clicked.connect(self._choose)
        self.reload()

    def reload(self) -> None:
        self.combo.clear()
        for volume in removable_volumes():
            read_only = self.tr(", read-only") if volume.isReadOnly() else ""
            label = volume.displayName() or volume.rootPath()
            self.combo.addItem(f"{label} ({human_size(volume.bytesTotal())}{read_only})",
                               (volume.rootPath(), label))
        if not self.combo.count():
            self.combo.addItem(self.tr("No removable volume: choose a folder"), None)

    def _choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the medium's folder"))
        if folder:
            self.set_folder(Path(folder))

    def set_folder(self, folder: Path, label: str = "") -> None:
        self.combo.insertItem(0, str(folder), (str(folder), label or folder.name))
        self.combo.setCurrentIndex(0)

    def chosen(self) -> tuple[Path, str] | None:
        data = self.combo.currentData()
        return (Path(data[0]), str(data[1])) if data else None


class TransferView(View):
    key = "transfer"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("Transfer"), parent)
        self.tabs = QTabWidget()
        self.layout_.addWidget(self.tabs, 1)
        self.scan_task: Task | None = None
        self._inbound_tab()
        self._received_tab()
        self._outbound_tab()
        self.refresh()

    # -- inbound: media -> vault ------------------------------------------------------------
    def _inbound_tab(self) -> None:
        page = QWidget()
        self.in_volume = VolumePicker()
        self.scan_button = named(QPushButton(self.tr("Scan and verify")), "primary")
        self.cancel_scan = QPushButton(self.tr("Cancel"))
        self.cancel_scan.setEnabled(False)
        self.scan_progress = QProgressBar()
        self.scan_progress.setVisible(False)
        self.media_model: RowsModel[MediaBundle] = RowsModel([
            (self.tr("File"), lambda b: escape_untrusted(str(b.path.name), 80)),
            (self.tr("Size"), lambda b: human_size(b.size)),
            (self.tr("Verification"), lambda b: self.tr("verified") if b.ok else self.tr("REFUSED")),
            (self.tr("Kind"), lambda b: b.kind),
            (self.tr("Signer"), lambda b: escape_untrusted(b.signer, 60)),
            (self.tr("Custody"), lambda b: (self.tr("%1 hop(s), complete") if b.custody_complete else
                                             self.tr("%1 hop(s), INCOMPLETE")).replace("%1", str(b.hops))
             if b.ok else ""),
            (self.tr("Detail"), lambda b: escape_untrusted(b.detail, 200)),
        ], self)
        self.media_table = FilterTable(self.media_model, self)
        self.media_table.setAccessibleName(self.tr("Bundles on the volume"))
        self.media_hint = QLabel(self.tr("Choose the courier's volume, then Scan and verify: every bundle on it is "
                                         "checked (signature, signer, custody, every byte) before you receive it."))
        self.media_hint.setWordWrap(True)
        self.receive_button = QPushButton(self.tr("Receive selected"))
        self.receive_button.setToolTip(self.tr("Verify again and queue the bundle for an analyst"))
        top = QHBoxLayout()
        top.addWidget(self.in_volume, 1)
        top.addWidget(self.scan_button)
        top.addWidget(self.cancel_scan)
        bottom = QHBoxLayout()
        bottom.addWidget(self.scan_progress, 1)
        bottom.addStretch(1)
        bottom.addWidget(self.receive_button)
        column = QVBoxLayout(page)
        column.addLayout(top)
        column.addWidget(self.media_hint)
        column.addWidget(self.media_table, 1)
        column.addLayout(bottom)
        self.scan_button.clicked.connect(self.scan)
        self.cancel_scan.clicked.connect(lambda: self.scan_task.cancel() if self.scan_task else None)
        self.receive_button.clicked.connect(self.receive_selected)
        if self.session.may(Action.BUNDLE_RECEIVE):
            self.tabs.addTab(page, self.tr("Inbound"))
        else:
            page.setParent(self)
            page.hide()

    def scan(self) -> None:
        chosen = self.in_volume.chosen()
        if chosen is None:
            self.banner.show_message(self.tr("Choose a volume or folder first."), "warning")
            return
        root = chosen[0]
        session = self.session
        self.scan_progress.setVisible(True)
        self.scan_button.setEnabled(False)
        self.cancel_scan.setEnabled(True)

        def progress(done: int, total: int, name: str) -> None:
            self.scan_progress.setRange(0, max(1, total))
            self.scan_progress.setValue(done)
            self.scan_progress.setFormat(f"%v / %m  {escape_untrusted(name, 60)}")

        def finished() -> None:
            self.scan_button.setEnabled(True)
            self.cancel_scan.setEnabled(False)
            self.scan_task = None

        self.scan_task = self.run(lambda signals, cancel: couriers.scan_media(
            session, root, lambda d, t, m: signals.progress.emit(d, t, m), cancel),
            on_success=self._scanned, on_progress=progress, on_finished=finished)

    def _scanned(self, found: list[MediaBundle]) -> None:
        self.media_model.set_rows(found)
        good = sum(1 for b in found if b.ok)
        self.banner.show_message(self.tr("%1 bundle(s) found: %2 verified, %3 refused.")
                                 .replace("%1", str(len(found))).replace("%2", str(good))
                                 .replace("%3", str(len(found) - good)), "info" if good == len(found) else "warning")

    def receive_selected(self) -> None:
        chosen = self.media_table.selected_row()
        if chosen is None:
            self.banner.show_message(self.tr("Select a bundle first."), "warning")
            return
        if not chosen.ok:
            self.banner.show_message(self.tr("That bundle was refused: %1").replace("%1", chosen.detail), "error")
            return
        session = self.session

        def done(got: bundles.Received) -> None:
            if got.already:
                text = self.tr("Already received: nothing added.")
            elif got.manifest.kind == "reports":
                text = self.tr("Received %1 bundle from %2; queued for an analyst.").replace(
                    "%1", got.manifest.kind).replace("%2", got.manifest.signer_name)
            else:  # a briefing held, a notice applied, a receipt acknowledged (services/bundles.receive)
                text = self.tr("Received %1 bundle from %2.").replace("%1", got.manifest.kind).replace(
                    "%2", got.manifest.signer_name)
            self.banner.show_message(" ".join([text, *got.warnings]), "success")
            self.refresh_received()

        self.run(lambda s, c: bundles.receive(session, chosen.path), on_success=done)

    # -- received: the inbound queue ----------------------------------------------------------
    def _received_tab(self) -> None:
        page = QWidget()
        self.received_model: RowsModel[Received] = RowsModel([
            (self.tr("Received"), lambda r: r[4][:16].replace("T", " ")),
            (self.tr("Kind"), lambda r: r[1]),
            (self.tr("Bundle"), lambda r: r[0]),
            (self.tr("Signer key"), lambda r: r[2][:16] + "…"),
            (self.tr("Sequence"), lambda r: r[3]),
            (self.tr("Status"), lambda r: r[5]),
        ], self)
        self.received_table = FilterTable(self.received_model, self)
        self.received_table.setAccessibleName(self.tr("Received bundles"))
        self.accept_button = named(QPushButton(self.tr("Accept into the vault")), "primary")
        self.accept_button.setToolTip(self.tr("Check the bundle again and import its reports, "
                                              "deduplicated, with custody naming the bundle and its signer"))
        self.accept_button.setVisible(self.session.may(Action.REPORT_IMPORT))
        self.held_button = QPushButton(self.tr("Notices and held products…"))
        self.held_button.setToolTip(self.tr("Corrections and recalls received, and the status of every product held "
                                            "here (current, superseded or withdrawn)"))
        self.held_button.clicked.connect(self.show_held)
        self.held_dialog: NoticesDialog | None = None
        self.receipt_button = QPushButton(self.tr("Sign receipt…"))
        self.receipt_button.setToolTip(self.tr("Sign a receipt for the selected briefing or notice bundle: the "
                                               "sender's ledger then shows it acknowledged"))
        self.receipt_button.setVisible(self.session.may(Action.RECEIPT_ISSUE))
        self.receipt_button.clicked.connect(self.sign_receipt)
        self.receipt_dialog: SignReceiptDialog | None = None
        bar = QHBoxLayout()
        bar.addWidget(self.held_button)
        bar.addStretch(1)
        bar.addWidget(self.receipt_button)
        bar.addWidget(self.accept_button)
        column = QVBoxLayout(page)
        column.addWidget(self.received_table, 1)
        column.addLayout(bar)
        self.accept_button.clicked.connect(self.accept_selected)
        self.tabs.addTab(page, self.tr("Received"))

    @property
    def busy(self) -> bool:
        return super().busy or (self.held_dialog is not None and self.held_dialog.busy)

    def show_held(self) -> None:
        if self.held_dialog is None:
            self.held_dialog = NoticesDialog(self.session, self)
        self.held_dialog.reload()
        self.held_dialog.show()
        self.held_dialog.raise_()

    def sign_receipt(self) -> None:
        """A receipt for the selected received briefing or notice, to a file or the courier's queue (on a worker)."""
        chosen = self.received_table.selected_row()
        if chosen is None or chosen[1] not in RECEIPTED:
            self.banner.show_message(self.tr("Select a received briefing or notice first."), "warning")
            return
        dialog = SignReceiptDialog(chosen[0], chosen[1], self)
        dialog.accepted.connect(lambda: self._sign(dialog.bundle_uuid, dialog.out, dialog.again.isChecked()))
        self.receipt_dialog = dialog
        dialog.open()

    def _sign(self, bundle_uuid: str, out: Path | None, again: bool) -> None:
        session = self.session

        def done(signed: receipts.Signed) -> None:
            where = str(signed.path) if signed.path else self.tr("the courier's queue")
            self.banner.show_message(self.tr("Receipt %1 for bundle %2 signed; written to %3.").replace(
                "%1", signed.manifest.uuid).replace("%2", bundle_uuid).replace("%3", where), "success")
            self.refresh()

        self.run(lambda s, c: receipts.issue(session, bundle_uuid, out, again), on_success=done)

    def refresh_received(self) -> None:
        self.run(lambda s, c: bundles.inbound(self.session), on_success=self._show_received)

    def _show_received(self, rows: list[Received]) -> None:
        self.received_model.set_rows(rows)
        self.received_table.resizeColumnsToContents()

    def accept_selected(self) -> None:
        chosen = self.received_table.selected_row()
        if chosen is None:
            self.banner.show_message(self.tr("Select a received bundle first."), "warning")
            return
        session, bundle_uuid = self.session, chosen[0]

        def done(outcome: object) -> None:
            counts = outcome.counts()  # type: ignore[attr-defined]
            self.banner.show_message(self.tr("Accepted: %1 imported, %2 duplicates, %3 refused.")
                                     .replace("%1", str(counts["imported"])).replace("%2", str(counts["duplicates"]))
                                     .replace("%3", str(counts["refused"])), "success")
            self.refresh_received()

        self.run(lambda s, c: bundles.accept(session, bundle_uuid), on_success=done)

    # -- outbound: vault -> media ---------------------------------------------------------------
    def _outbound_tab(self) -> None:
        page = QWidget()
        self.outbound_model: RowsModel[Outbound] = RowsModel([
            (self.tr("Queued"), lambda r: r.queued_at[:16].replace("T", " ")),
            (self.tr("Kind"), lambda r: r.kind),
            (self.tr("File"), lambda r: r.file_name),
            (self.tr("Size"), lambda r: human_size(r.size)),
            (self.tr("Encrypted"), lambda r: self.tr("yes") if r.encrypted else self.tr("no")),
            (self.tr("By"), lambda r: r.queued_by),
            (self.tr("Status"), lambda r: r.status if r.status != "delivered" else
             self.tr("delivered to %1").replace("%1", r.volume)),
        ], self)
        self.outbound_table = FilterTable(self.outbound_model, self)
        self.outbound_table.setAccessibleName(self.tr("Bundles to write out"))
        self.out_volume = VolumePicker()
        self.hand_to = QLineEdit()
        self.hand_to.setAccessibleName(self.tr("Hand to"))
        self.hand_to.setPlaceholderText(self.tr("Hand to: next courier's name or key, or the workstation's age1…"))
        self.hand_to.setToolTip(self.tr("Recorded in your custody hop: the next courier's hop must be theirs, and "
                                        "the receiving side sees whether the chain reaches it"))
        self.write_button = named(QPushButton(self.tr("Write to volume")), "primary")
        self.write_button.setToolTip(self.tr("Adds your custody countersignature, writes with fsync, reads the "
                                             "file back and compares hashes, then marks it delivered"))
        bar = QHBoxLayout()
        bar.addWidget(self.out_volume, 1)
        bar.addWidget(self.hand_to, 1)
        bar.addWidget(self.write_button)
        column = QVBoxLayout(page)
        column.addWidget(self.outbound_table, 1)
        column.addLayout(bar)
        self.write_button.clicked.connect(self.write_selected)
        if self.session.may(Action.BUNDLE_WRITE_OUT):
            self.tabs.addTab(page, self.tr("Outbound"))
        else:
            page.setParent(self)
            page.hide()

    def refresh(self) -> None:
        self.refresh_received()
        if self.session.may(Action.BUNDLE_WRITE_OUT):
            self.run(lambda s, c: couriers.outbound(self.session), on_success=self.outbound_model.set_rows)

    def write_selected(self) -> None:
        chosen = self.outbound_table.selected_row()
        where = self.out_volume.chosen()
        if chosen is None or where is None:
            self.banner.show_message(self.tr("Select a queued bundle and a volume first."), "warning")
            return
        session, to = self.session, self.hand_to.text().strip()

        def done(target: Path) -> None:
            self.banner.show_message(self.tr("Wrote %1, read it back and checked it; marked delivered.")
                                     .replace("%1", str(target)), "success")
            self.refresh()

        self.run(lambda s, c: couriers.write_out(session, chosen.uuid, where[0], where[1], to), on_success=done)
