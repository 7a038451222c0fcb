"""Reports (analyst): search box, filters, the lazy table, the reader; import and history.

Every service call (the table's pages, the agencies, opening a report, which is
an audited read) runs on a worker through ``View.run``; the widgets change when
its result comes back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QWidget,
)

from nia_desktop.core.classification import Level
from nia_desktop.core.display import escape_untrusted
from nia_desktop.core.errors import BadInput
from nia_desktop.core.markings import Access
from nia_desktop.core.roles import Action
from nia_desktop.core.search import query_terms
from nia_desktop.core.store.clearances import CaveatRecord
from nia_desktop.core.store.reports import Filters, Report, ReportSummary
from nia_desktop.services import clearances, fusion, report_mentions, reports
from nia_desktop.services.session import Session
from nia_desktop.ui.errors import describe
from nia_desktop.ui.views.base import View
from nia_desktop.ui.views.reports.caveats import banner_text
from nia_desktop.ui.views.reports.entity_judgement import EntityJudging
from nia_desktop.ui.views.reports.model import ReportsModel
from nia_desktop.ui.views.reports.reader import ReaderPane

NO_DATE = QDate(2000, 1, 1)


class ReportsView(View):
    """Signals:
    imported(object): an import finished with reports in it; its ImportOutcome.
    who_has(int): the user asked who holds anything derived from this report (the Ledger view answers).
    open_entity(int): the user clicked an entity's mark in the reader (or Go to entity): the Fusion view's
        select_entity shows it.
    """

    key = "reports"
    imported = Signal(object)
    who_has = Signal(int)
    open_entity = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("Reports"), parent)
        self.search = QLineEdit(placeholderText=self.tr("Search reports: words, \"phrases\", prefix*, AND OR NOT"))
        self.search.setAccessibleName(self.tr("Search reports"))
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.apply)
        self.agency = QComboBox()
        self.agency.setAccessibleName(self.tr("Agency filter"))
        self.level = QComboBox()
        self.level.setAccessibleName(self.tr("Classification filter"))
        self.level.addItem(self.tr("Any classification"), None)
        for level in Level:
            self.level.addItem(self.tr("%1 and above").replace("%1", level.english), int(level))
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        for edit, name in ((self.date_from, self.tr("From date")), (self.date_to, self.tr("To date"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMinimumDate(NO_DATE)
            edit.setSpecialValueText(self.tr("any"))
            edit.setDate(NO_DATE)
            edit.setAccessibleName(name)
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setObjectName("primary")
        self.import_button.setShortcut(QKeySequence("Ctrl+I"))
        self.import_button.setToolTip(self.tr("Import reports from removable media, a folder or files (Ctrl+I)"))
        self.history_button = QPushButton(self.tr("Import history…"))
        self.case_button = QPushButton(self.tr("Add to case…"))
        self.case_button.setShortcut(QKeySequence("Ctrl+K"))
        self.case_button.setToolTip(self.tr("Add the selected reports to a case, or a new one (Ctrl+K)"))
        self.case_button.setVisible(session.may(Action.CASE_EDIT))
        self.remark_button = QPushButton(self.tr("Re-mark…"))
        self.remark_button.setShortcut(QKeySequence("Ctrl+Shift+M"))
        self.remark_button.setToolTip(self.tr("Change the open report's level and caveats, with a reason that is "
                                              "audited (Ctrl+Shift+M)"))
        self.remark_button.setVisible(session.may(Action.REPORT_MARK))
        self.remark_button.setEnabled(False)
        self.count = QLabel()
        for widget in (self.agency, self.level):
            widget.currentIndexChanged.connect(self.apply)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self.apply)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.import_button)
        top.addWidget(self.history_button)
        top.addWidget(self.case_button)
        top.addWidget(self.remark_button)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Agency")))
        filters.addWidget(self.agency)
        filters.addWidget(self.level)
        filters.addWidget(QLabel(self.tr("From")))
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.date_to)
        filters.addStretch(1)
        filters.addWidget(self.count)

        self.model = ReportsModel(session, self.run, self)
        self.model.reloaded.connect(self._reloaded)
        self.model.counted.connect(self._show_count)
        # A page fetched as the table scrolls may hold a higher classification: the banners follow it.
        self.model.rowsInserted.connect(lambda *_: self.classification_changed.emit(self.classification()))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Reports"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # several, for a case
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 90), (1, 60), (3, 150), (4, 60), (5, 70)):
            self.table.setColumnWidth(column, width)
        self.reader = ReaderPane()
        self.reader.entity_chosen.connect(self.open_entity)
        self.judging = EntityJudging(self, self.reader)  # "This is (not) an entity" on the reader's text
        for action in self.reader.mention_actions:  # F3 and the others from the table too, not only the text
            self.addAction(action)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(self.reader)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([640, 420])
        self.layout_.addLayout(top)
        self.layout_.addLayout(filters)
        self.layout_.addWidget(split, 1)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self.open_row(current.row()))
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self.search.setFocus)
        if session.may(Action.LEDGER_READ):
            QShortcut(QKeySequence("Ctrl+Shift+H"), self, self.ask_who_has)
        self.import_button.clicked.connect(self.open_import)
        self.history_button.clicked.connect(self.open_history)
        self.case_button.clicked.connect(self.add_selected_to_case)
        self.remark_button.clicked.connect(self.remark_open_report)
        self.dialog: QWidget | None = None
        self.menu: QMenu | None = None
        self._reading: int | None = None  # the report last asked for: an older one that lands late is not shown
        self.refresh()

    # -- loading ----------------------------------------------------------
    def refresh(self) -> None:
        """Reload the table and, alongside, the agencies the filter offers."""
        session = self.session
        self.run(lambda signals, cancel: reports.agencies(session), on_success=self._show_agencies)
        self.apply()

    def _show_agencies(self, codes: list[str]) -> None:
        current = self.agency.currentData()
        self.agency.blockSignals(True)
        self.agency.clear()
        self.agency.addItem(self.tr("All"), "")
        for code in codes:
            self.agency.addItem(code, code)
        index = self.agency.findData(current)
        self.agency.setCurrentIndex(max(index, 0))
        self.agency.blockSignals(False)
        if self.agency.currentData() != current:
            self.apply()  # the chosen agency has no reports any more

    def filters(self) -> Filters:
        level = self.level.currentData()
        date_from = self.date_from.date()
        date_to = self.date_to.date()
        return Filters(
            agency=self.agency.currentData() or "",
            min_classification=Level(level) if level is not None else None,
            date_from="" if date_from == NO_DATE else date_from.toString("yyyy-MM-dd"),
            date_to="" if date_to == NO_DATE else date_to.toString("yyyy-MM-dd"),
        )

    def apply(self) -> None:
        """Filter or search again (on a worker); a malformed search shows inline, as the worker's error."""
        self.model.reload(self.filters(), self.search.text(), on_loaded=self.reader.show_placeholder)

    def _reloaded(self) -> None:
        self.banner.hide()
        self._show_count()
        self.classification_changed.emit(self.classification())

    def _show_count(self) -> None:
        """The count follows the first page (model.counted): until then the label says it is on its way."""
        total = self.model.total
        if total is None:
            self.count.setText(self.tr("counting reports…"))
        elif self.model.query:
            self.count.setText(self.tr("%1 matches").replace("%1", str(total)))
        else:
            self.count.setText(self.tr("%1 reports").replace("%1", str(total)))

    def classification(self) -> Level:
        shown = [self.model.highest_loaded()]
        if self.reader.report is not None:
            shown.append(self.reader.report.summary.classification)
        return max(shown)

    def open_row(self, row: int) -> None:
        if row < 0 or row >= len(self.model.rows):
            return
        self._open(self.model.rows[row].id, query_terms(self.model.query) if self.model.query else [])

    def open_report_id(self, report_id: int) -> None:
        """Open one report in the reader, from elsewhere (a click in the Fusion view's graph or timeline)."""
        self._open(report_id, [])

    def _open(self, report_id: int, terms: list[str]) -> None:
        """Opening is an audited read: it runs on a worker, and the reader shows the report when it lands."""
        self._reading = report_id
        session = self.session

        def opened(report: Report) -> None:
            if self._reading != report_id:
                return  # the user has moved on to another report
            self.reader.show_report(report, terms)
            self.remark_button.setEnabled(True)
            self.classification_changed.emit(self.classification())
            self._load_mentions(report_id)

        def refused(exc: BaseException) -> None:
            """Need to know (or any failure): the reader shows the message, and nothing of any report."""
            if self._reading == report_id:
                self.reader.show_refused(describe(exc, session.vault.paths.root) or "")
                self.remark_button.setEnabled(False)
                self.classification_changed.emit(self.classification())

        task = self.run(lambda signals, cancel: reports.open_report(session, report_id), on_success=opened)
        task.signals.failed.connect(refused)

    def _load_mentions(self, report_id: int) -> None:
        """The entities the user's kept fusion found in the open report, read on a worker and marked when in."""
        session = self.session

        def marked(found: list[report_mentions.MarkedMention]) -> None:
            if self._reading == report_id:
                self.reader.show_mentions(report_id, found)

        self.run(lambda signals, cancel: report_mentions.report_mentions(session, report_id), on_success=marked)

    # -- context menu -----------------------------------------------------
    def _context_menu(self, position: QPoint) -> None:
        row = self.table.indexAt(position).row()
        if row < 0 or row >= len(self.model.rows):
            return
        summary = self.model.rows[row]
        self.menu = QMenu(self)
        self.menu.addAction(self.tr("Open")).triggered.connect(lambda: self.open_row(row))
        if self.session.may(Action.REPORT_MARK):
            action = self.menu.addAction(self.tr("Re-mark…"))
            action.setShortcut(QKeySequence("Ctrl+Shift+M"))
            action.triggered.connect(lambda: self.remark(summary))
        if self.session.may(Action.CASE_EDIT):
            action = self.menu.addAction(self.tr("Add to case…"))
            action.setShortcut(QKeySequence("Ctrl+K"))
            action.triggered.connect(self.add_selected_to_case)
        if self.session.may(Action.LEDGER_READ):
            action = self.menu.addAction(self.tr("Who has this?"))
            action.setShortcut(QKeySequence("Ctrl+Shift+H"))
            action.setToolTip(self.tr("Every consumer holding a product derived from this report (Ledger)"))
            action.triggered.connect(lambda: self.who_has.emit(summary.id))
        self.menu.popup(self.table.viewport().mapToGlobal(position))

    def ask_who_has(self) -> None:
        """Who holds anything derived from the selected report (Ctrl+Shift+H): the Ledger view answers."""
        ids = self.selected_ids()
        if ids:
            self.who_has.emit(ids[0])

    # -- re-marking -------------------------------------------------------
    def remark_open_report(self) -> None:
        if self.reader.report is not None:
            self.remark(self.reader.report.summary)

    def remark(self, summary: ReportSummary) -> None:
        """The caveats the vault knows and the analyst's own access are read on a worker; the dialog opens when
        they are in (a lock never waits for a dialog left open)."""
        session = self.session
        self.remark_button.setEnabled(False)

        def work(signals: object, cancel: object) -> tuple[list[CaveatRecord], Access]:
            return clearances.list_caveats(session), clearances.my_access(session)

        def finished() -> None:
            self.remark_button.setEnabled(self.reader.report is not None)

        self.run(work, on_success=lambda found: QTimer.singleShot(0, lambda: self._open_remark(summary, *found)),
                 on_finished=finished)

    def _open_remark(self, summary: ReportSummary, caveats: list[CaveatRecord], reader: Access) -> None:
        from nia_desktop.ui.views.reports.remark import RemarkDialog

        dialog = RemarkDialog(summary, caveats, reader, self)
        dialog.accepted.connect(lambda: self._mark(summary.id, dialog.chosen_level, dialog.chosen_caveats(),
                                                   dialog.reason, dialog.hides_from_reader()))
        self.dialog = dialog
        dialog.open()

    def _mark(self, report_id: int, level: Level, caveats: list[str], why: str, hidden: bool) -> None:
        session = self.session

        def done(after: ReportSummary) -> None:
            if hidden:
                if self.reader.report is not None and self.reader.report.summary.id == report_id:
                    self.reader.show_placeholder()
                    self.remark_button.setEnabled(False)
                message = self.tr("Re-marked report %1 as %2. Your clearance does not cover that marking, so it is "
                                  "hidden from you now.")
            else:
                self.reader.remarked(after)
                message = self.tr("Re-marked report %1 as %2.")
            self.apply()
            self.banner.show_message(message.replace("%1", str(report_id)).replace(
                "%2", banner_text(after.classification, after.caveats)), "success")

        self.run(lambda signals, cancel: clearances.mark_report(session, report_id, level, caveats, why),
                 on_success=done)

    # -- cases ------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.rows[r].id for r in rows if r < len(self.model.rows)]

    def add_selected_to_case(self) -> None:
        """Choose a case (or type a new name, created after a confirmation) for the selected reports."""
        ids = self.selected_ids()
        if not ids:
            self.show_error(BadInput("select one or more reports first"))
            return
        session = self.session
        self.case_button.setEnabled(False)
        # The question opens once the task has ended: a lock never waits for a dialog left open.
        self.run(lambda signals, cancel: fusion.case_names(session),
                 on_success=lambda names: QTimer.singleShot(0, lambda: self._choose_case(ids, names)),
                 on_finished=lambda: self.case_button.setEnabled(True))

    def _choose_case(self, ids: list[int], names: list[str]) -> None:
        name, ok = QInputDialog.getItem(
            self, self.tr("Add to case"),
            self.tr("Add %1 reports to the case (type a new name to create one):").replace("%1", str(len(ids))),
            names, 0, True)
        name = name.strip()
        if not ok or not name:
            return
        if name not in names and QMessageBox.question(
                self, self.tr("New case"), self.tr("Create the case \"%1\"?").replace("%1", escape_untrusted(name, 80)),
        ) != QMessageBox.StandardButton.Yes:
            return
        session = self.session

        def work(signals: object, cancel: object) -> int:
            if name not in names:
                fusion.create_case(session, name)
            return fusion.add_to_case(session, name, ids)

        self.run(work, on_success=lambda added: self.banner.show_message(
            self.tr("Added %1 reports to the case %2.").replace("%1", str(added)).replace(
                "%2", escape_untrusted(name, 80)), "success"))

    # -- import -----------------------------------------------------------
    def open_import(self) -> None:
        from nia_desktop.ui.views.reports.import_dialog import ImportDialog

        dialog = ImportDialog(self.session, self)
        dialog.finished.connect(lambda _: self._import_closed(dialog))
        self.dialog = dialog
        dialog.open()

    def _import_closed(self, dialog: Any) -> None:
        self.refresh()
        if dialog.outcome is not None and dialog.outcome.imported:
            self.imported.emit(dialog.outcome)

    def open_history(self) -> None:
        from nia_desktop.ui.views.reports.history import ImportHistoryDialog

        self.dialog = ImportHistoryDialog(self.session, self.run, self)
        self.dialog.open()

    @property
    def busy(self) -> bool:
        """Work of this view or of its import dialog: a lock waits for both."""
        dialog_busy = bool(getattr(self.dialog, "busy", False))
        return super().busy or dialog_busy
