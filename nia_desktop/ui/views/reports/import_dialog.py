"""The import wizard: choose a volume, folder or files; preview; import with progress and Cancel; result.

Every step that touches the media runs on a worker; the dialog stays usable
and Cancel stops between files (each file is all-or-nothing).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStorageInfo, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from nia_desktop.core.display import escape_untrusted
from nia_desktop.core.store.clearances import CaveatRecord
from nia_desktop.services import clearances, importing
from nia_desktop.services.importing import ImportOutcome, PreviewRow
from nia_desktop.services.session import Session
from nia_desktop.ui.errors import describe
from nia_desktop.ui.models.table import RowsModel
from nia_desktop.ui.views.reports.caveats import CaveatChecklist
from nia_desktop.ui.widgets.message_banner import MessageBanner
from nia_desktop.ui.widgets.table_view import FilterTable
from nia_desktop.ui.workers import Task, run_task


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if value < 1024 or unit == "TiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


def removable_volumes() -> list[QStorageInfo]:
    """Mounted volumes worth offering: real filesystems other than the system's own."""
    volumes = []
    for volume in QStorageInfo.mountedVolumes():
        root = volume.rootPath()
        if not volume.isValid() or not volume.isReady() or root == "/" or root.startswith(("/proc", "/sys", "/run",
                                                                                             "/dev", "/boot")):
            continue
        if bytes(volume.fileSystemType().data()).decode(errors="replace") in ("tmpfs", "devtmpfs", "overlay",
                                                                             "squashfs"):
            continue
        volumes.append(volume)
    return volumes


class ImportDialog(QDialog):
    SOURCE, PREVIEW, RUNNING, RESULT = range(4)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Import reports"))
        self.resize(900, 560)
        self.sources: list[Path] = []
        self.task: Task | None = None
        self.caveat_task: Task | None = None  # the caveats the checklist offers, read on a worker
        self.preview_rows: list[PreviewRow] = []
        self.outcome: ImportOutcome | None = None
        self.banner = MessageBanner(self)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._source_page())
        self.pages.addWidget(self._preview_page())
        self.pages.addWidget(self._running_page())
        self.pages.addWidget(self._result_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.pages, 1)
        self._load_caveats()

    def _load_caveats(self) -> None:
        session = self.session

        def loaded(records: list[CaveatRecord]) -> None:
            self.caveats.set_caveats(records)
            self.caveats.fit_rows(4)

        def finished() -> None:
            self.caveat_task = None

        self.caveat_task = run_task(lambda signals, cancel: clearances.list_caveats(session), on_success=loaded,
                                    on_error=self._failed, on_finished=finished)

    # -- page 1: sources --------------------------------------------------
    def _source_page(self) -> QWidget:
        page = QWidget()
        self.volumes = QListWidget()
        self.volumes.setAccessibleName(self.tr("Mounted volumes"))
        for volume in removable_volumes():
            label = volume.displayName() or volume.name() or volume.rootPath()
            flags = self.tr("read-only") if volume.isReadOnly() else self.tr("writable")
            item = QListWidgetItem(f"{escape_untrusted(label)} — {volume.rootPath()} — "
                                   f"{human_size(volume.bytesTotal())} — {flags}")
            item.setData(Qt.ItemDataRole.UserRole, volume.rootPath())
            self.volumes.addItem(item)
        if not self.volumes.count():
            self.volumes.addItem(self.tr("No removable volume is mounted. Choose a folder or files instead."))
            self.volumes.setEnabled(False)
        self.volumes.itemDoubleClicked.connect(self._add_volume)
        add_volume = QPushButton(self.tr("Add volume"))
        add_volume.clicked.connect(lambda: self._add_volume(self.volumes.currentItem()))
        add_folder = QPushButton(self.tr("Add folder…"))
        add_folder.clicked.connect(self._choose_folder)
        add_files = QPushButton(self.tr("Add files…"))
        add_files.clicked.connect(self._choose_files)
        self.chosen = QListWidget()
        self.chosen.setAccessibleName(self.tr("Chosen sources"))
        self.agency = QComboBox()
        self.agency.setAccessibleName(self.tr("Agency"))
        self.agency.addItem(self.tr("From each report's header"), "")
        for code in importing.AGENCY_CODES:
            self.agency.addItem(code, code)
        self.case = QLineEdit(placeholderText=self.tr("optional: add the reports to this case"))
        self.case.setAccessibleName(self.tr("Case"))
        self.caveats = CaveatChecklist(page)
        self.caveats.setAccessibleName(self.tr("Caveats added to every report of this import"))
        self.caveats.setToolTip(self.tr("Ticked caveats are added to every report of this import, beside those "
                                        "each report's header states"))
        self.caveats.fit_rows(4)
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.setObjectName("primary")
        self.preview_button.setEnabled(False)
        self.preview_button.clicked.connect(self.start_preview)
        buttons = QHBoxLayout()
        buttons.addWidget(add_volume)
        buttons.addWidget(add_folder)
        buttons.addWidget(add_files)
        buttons.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Agency"), self.agency)
        form.addRow(self.tr("Case"), self.case)
        form.addRow(self.tr("Caveats"), self.caveats)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.preview_button)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("Mounted volumes")))
        layout.addWidget(self.volumes, 1)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("To import")))
        layout.addWidget(self.chosen, 1)
        layout.addLayout(form)
        layout.addLayout(bottom)
        return page

    def add_source(self, path: Path) -> None:
        if path in self.sources:
            return
        self.sources.append(path)
        self.chosen.addItem(escape_untrusted(str(path), 400))
        self.preview_button.setEnabled(True)

    def _add_volume(self, item: QListWidgetItem | None) -> None:
        if item is not None and item.data(Qt.ItemDataRole.UserRole):
            self.add_source(Path(item.data(Qt.ItemDataRole.UserRole)))

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder to import"))
        if folder:
            self.add_source(Path(folder))

    def _choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Choose files to import"))
        for name in files:
            self.add_source(Path(name))

    # -- page 2: preview --------------------------------------------------
    def _preview_page(self) -> QWidget:
        page = QWidget()
        self.preview_progress = QProgressBar()
        self.preview_model: RowsModel[PreviewRow] = RowsModel([
            (self.tr("File"), lambda r: r.path),
            (self.tr("Type"), lambda r: r.detected_type),
            (self.tr("Size"), lambda r: human_size(r.size)),
            (self.tr("Status"), lambda r: r.status),
            (self.tr("Reason"), lambda r: r.reason),
            (self.tr("SHA-256"), lambda r: r.sha256),
        ], self)
        self.preview_table = FilterTable(self.preview_model, self)
        self.preview_table.setAccessibleName(self.tr("Preview"))
        self.preview_summary = QLabel()
        self.preview_cancel = QPushButton(self.tr("Cancel"))
        self.preview_cancel.clicked.connect(self.cancel)
        back = QPushButton(self.tr("Back"))
        back.clicked.connect(lambda: self.pages.setCurrentIndex(self.SOURCE))
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("primary")
        self.import_button.clicked.connect(self.start_import)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_summary, 1)
        buttons.addWidget(self.preview_cancel)
        buttons.addWidget(back)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.preview_progress)
        layout.addWidget(self.preview_table, 1)
        layout.addLayout(buttons)
        return page

    def start_preview(self) -> None:
        self.pages.setCurrentIndex(self.PREVIEW)
        self.banner.hide()
        self.import_button.setEnabled(False)
        self.preview_cancel.setEnabled(True)
        self.preview_summary.setText(self.tr("Scanning…"))
        session, sources = self.session, list(self.sources)
        self.task = run_task(
            lambda signals, cancel: importing.preview(
                session, sources, lambda d, t, m: signals.progress.emit(d, t, m), cancel),
            on_success=self._previewed, on_error=self._failed, on_progress=self._on_preview_progress,
            on_finished=self._task_done)

    def _on_preview_progress(self, done: int, total: int, name: str) -> None:
        self.preview_progress.setMaximum(max(total, 1))
        self.preview_progress.setValue(done)
        self.preview_summary.setText(self.tr("Scanning %1 of %2: %3").replace("%1", str(done))
                                     .replace("%2", str(total)).replace("%3", name))

    def _previewed(self, rows: list[PreviewRow]) -> None:
        self.preview_rows = rows
        self.preview_model.set_rows(rows)
        self.preview_table.resizeColumnsToContents()
        counts = {status: sum(1 for r in rows if r.status == status)
                  for status in ("new", "duplicate", "refused", "skipped")}
        self.preview_summary.setText(self.tr("%1 files: %2 new, %3 duplicates, %4 refused, %5 skipped")
                                     .replace("%1", str(len(rows))).replace("%2", str(counts["new"]))
                                     .replace("%3", str(counts["duplicate"])).replace("%4", str(counts["refused"]))
                                     .replace("%5", str(counts["skipped"])))
        self.import_button.setEnabled(bool(rows))
        self.preview_cancel.setEnabled(False)

    # -- page 3: running --------------------------------------------------
    def _running_page(self) -> QWidget:
        page = QWidget()
        self.run_progress = QProgressBar()
        self.run_label = QLabel()
        self.run_label.setTextFormat(Qt.TextFormat.PlainText)
        self.run_cancel = QPushButton(self.tr("Cancel"))
        self.run_cancel.setToolTip(self.tr("Stop after the current file; what is imported stays, whole"))
        self.run_cancel.clicked.connect(self.cancel)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.run_label)
        layout.addWidget(self.run_progress)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.run_cancel)
        layout.addLayout(row)
        layout.addStretch(2)
        return page

    def start_import(self) -> None:
        self.pages.setCurrentIndex(self.RUNNING)
        self.run_cancel.setEnabled(True)
        self.run_label.setText(self.tr("Starting…"))
        session, sources = self.session, list(self.sources)
        agency, case = self.agency.currentData() or "", self.case.text().strip()
        caveats = self.caveats.checked_names()
        self.task = run_task(
            lambda signals, cancel: importing.import_paths(
                session, sources, agency, case, lambda d, t, m: signals.progress.emit(d, t, m), cancel,
                caveats=caveats),
            on_success=self._imported, on_error=self._failed, on_progress=self._on_import_progress,
            on_finished=self._task_done)

    def _on_import_progress(self, done: int, total: int, name: str) -> None:
        self.run_progress.setMaximum(max(total, 1))
        self.run_progress.setValue(done)
        self.run_label.setText(self.tr("Importing %1 of %2: %3").replace("%1", str(done)).replace("%2", str(total))
                               .replace("%3", name))

    # -- page 4: result ---------------------------------------------------
    def _result_page(self) -> QWidget:
        page = QWidget()
        self.result_summary = QLabel()
        self.result_summary.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.result_model: RowsModel[dict[str, object]] = RowsModel([
            (self.tr("Status"), lambda r: r["status"]),
            (self.tr("File"), lambda r: r["path"]),
            (self.tr("Reason"), lambda r: r["reason"]),
        ], self)
        self.result_table = FilterTable(self.result_model, self)
        self.result_table.setAccessibleName(self.tr("Import result"))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(page)
        layout.addWidget(self.result_summary)
        layout.addWidget(self.result_table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        return page

    def _imported(self, outcome: ImportOutcome) -> None:
        self.outcome = outcome
        self.show_result(outcome)

    def show_result(self, outcome: ImportOutcome) -> None:
        counts = outcome.counts()
        text = (self.tr("%1 imported, %2 duplicates, %3 refused, %4 skipped")
                .replace("%1", str(counts["imported"])).replace("%2", str(counts["duplicates"]))
                .replace("%3", str(counts["refused"])).replace("%4", str(counts["skipped"])))
        if outcome.cancelled:
            text = self.tr("Cancelled. ") + text
        if outcome.fused is not None:  # fused into this session's last fusion
            fused = outcome.fused
            text += "\n" + self.tr("Fusion: linked to %1 earlier reports, %2 new entities, %3 possible re-sends")\
                .replace("%1", str(fused["linked_reports"])).replace("%2", str(fused["new_entities"]))\
                .replace("%3", str(len(fused["resends"])))
        self.result_summary.setText(text)
        rows: list[dict[str, object]] = []
        for status, items in ((self.tr("refused"), outcome.refused), (self.tr("skipped"), outcome.skipped)):
            rows.extend({"status": status, "path": r["path"], "reason": r["reason"]} for r in items)
        rows.extend({"status": self.tr("duplicate"), "path": r["path"],
                     "reason": self.tr("duplicate of %1").replace("%1", str(r["of"])) if r["of"] is not None
                     else self.tr("duplicate of a report already in the vault")} for r in outcome.duplicates)
        rows.extend({"status": self.tr("imported"), "path": r["path"], "reason": ""} for r in outcome.imported)
        self.result_model.set_rows(rows)
        self.result_table.proxy.sort(-1)  # keep refusals first, as listed, until the user sorts
        self.result_table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.result_table.resizeColumnsToContents()
        self.pages.setCurrentIndex(self.RESULT)

    # -- shared -----------------------------------------------------------
    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.run_cancel.setEnabled(False)
            self.preview_cancel.setEnabled(False)
            self.run_label.setText(self.tr("Cancelling after the current file…"))

    def _failed(self, exc: BaseException) -> None:
        message = describe(exc)
        self.pages.setCurrentIndex(self.SOURCE)
        if message:
            self.banner.show_message(message, "error")
        else:
            self.banner.show_message(self.tr("Cancelled."), "info")

    def _task_done(self) -> None:
        self.task = None

    @property
    def busy(self) -> bool:
        return self.task is not None or self.caveat_task is not None

    def reject(self) -> None:
        if self.task is not None:
            self.cancel()  # closing while busy cancels; the dialog closes when the work stops
            self.task.signals.finished.connect(super().reject)
            return
        super().reject()
