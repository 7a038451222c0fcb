"""Import history: every past run, and any run's manifest (every file with its status).

Both are read on a worker through the Reports view's ``run`` (its banner shows
errors, and a lock waits for the read).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QSplitter, QVBoxLayout, QWidget

from nia_desktop.core.display import escape_untrusted
from nia_desktop.core.store.imports import ImportRun, ManifestItem
from nia_desktop.services import import_history
from nia_desktop.services.session import Session
from nia_desktop.ui.models.table import RowsModel
from nia_desktop.ui.widgets.table_view import FilterTable
from nia_desktop.ui.workers import Task


class ImportHistoryDialog(QDialog):
    def __init__(self, session: Session, run: Callable[..., Task], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._run = run
        self._shown_run: int | None = None  # the run whose manifest was asked for last
        self.setWindowTitle(self.tr("Import history"))
        self.resize(1000, 600)
        self.runs: RowsModel[ImportRun] = RowsModel([
            (self.tr("Import"), lambda r: r.id),
            (self.tr("Started (UTC)"), lambda r: r.started_at[:19].replace("T", " ")),
            (self.tr("User"), lambda r: r.user),
            (self.tr("Status"), lambda r: r.status if r.finished_at else self.tr("interrupted")),
            (self.tr("Imported"), lambda r: r.counts.get("imported", "")),
            (self.tr("Duplicates"), lambda r: r.counts.get("duplicates", "")),
            (self.tr("Refused"), lambda r: r.counts.get("refused", "")),
            (self.tr("Sources"), lambda r: escape_untrusted(", ".join(r.sources), 300)),
        ], self)
        self.items: RowsModel[ManifestItem] = RowsModel([
            (self.tr("Status"), lambda i: i.status),
            (self.tr("File"), lambda i: escape_untrusted(i.path, 400)),
            (self.tr("Type"), lambda i: i.detected_type),
            (self.tr("Reason"), lambda i: i.reason),
            (self.tr("SHA-256"), lambda i: i.sha256),
        ], self)
        self.run_table = FilterTable(self.runs, self)
        self.item_table = FilterTable(self.items, self)
        split = QSplitter()
        split.addWidget(self.run_table)
        split.addWidget(self.item_table)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.run_table.selectionModel().selectionChanged.connect(self._show_items)
        self._run(lambda signals, cancel: import_history.import_history(session), on_success=self._show_runs)

    def _show_runs(self, runs: list[ImportRun]) -> None:
        self.runs.set_rows(runs)
        self.run_table.sortByColumn(0, self.run_table.horizontalHeader().sortIndicatorOrder())

    def _show_items(self) -> None:
        run = self.run_table.selected_row()
        if run is None:
            return
        run_id, session = run.id, self.session
        self._shown_run = run_id

        def show(items: list[ManifestItem]) -> None:
            if self._shown_run == run_id:  # not a run selected before the one now selected
                self.items.set_rows(items)
                self.item_table.resizeColumnsToContents()

        self._run(lambda signals, cancel: import_history.import_manifest(session, run_id), on_success=show)
