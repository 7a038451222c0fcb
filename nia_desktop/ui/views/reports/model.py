"""A lazy table model over the reports: pages are fetched as the view scrolls.

A vault of a million reports opens without loading them all: rowCount grows
by one page at a time through canFetchMore/fetchMore, each page read from
where the last one ended (keyset paging: the hundredth page costs what the
first does). The first page shows before the reports are counted: the count
follows in its own task (``counted``). With a search active the model shows
the ranked hits instead.

Every query runs on a worker (the view's ``run``): the database is shared with
imports, and the UI thread must never wait for it. A reload's result replaces
the rows when it lands; a reload started since makes an older result, and any
page fetched for it, stale, and it is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from nia_desktop.core.classification import Level
from nia_desktop.core.display import escape_untrusted
from nia_desktop.core.store.reports import Filters, ReportSummary
from nia_desktop.services import reports
from nia_desktop.services.reports import Hit
from nia_desktop.services.session import Session
from nia_desktop.ui.theme import CLASSIFICATION_COLOURS
from nia_desktop.ui.views.reports.caveats import banner_text
from nia_desktop.ui.workers import Task

Index = QModelIndex | QPersistentModelIndex
PAGE = 200
# How the model starts work: View.run(fn, on_success=..., on_finished=...), so the view counts it as busy
# (a lock waits for it) and its errors land in the view's banner.
Runner = Callable[..., Task]


class ReportsModel(QAbstractTableModel):
    """Signals:
    reloaded(): a reload's rows (or search hits) are in the model.
    counted(): ``total`` is known for the rows shown (it is None from a reload of the listing until then).
    """

    COLUMNS = ("date", "agency", "title", "classification", "grading", "language")
    reloaded = Signal()
    counted = Signal()

    def __init__(self, session: Session, run: Runner, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self._run = run
        self._generation = 0  # bumped by every reload: results of an older one are dropped
        self._page_pending: int | None = None  # the generation a page is being fetched for
        self.loading = False
        self.filters = Filters()
        self.rows: list[ReportSummary] = []
        self.snippets: dict[int, str] = {}
        self.total: int | None = 0
        self.more = False  # rows follow the last one loaded (the listing; hits come all at once)
        self.query = ""
        self.order, self.descending = "date", True
        self.headers = (self.tr("Date"), self.tr("Agency"), self.tr("Title"), self.tr("Classification"),
                        self.tr("Grading"), self.tr("Language"))

    # -- loading ----------------------------------------------------------
    def reload(self, filters: Filters | None = None, query: str | None = None,
               on_loaded: Callable[[], None] | None = None) -> None:
        """Start again from the first page (or run the search) on a worker; ``on_loaded`` runs once it is in.

        The rows shown stay until then; a failure (a malformed search) leaves them and goes to the runner's
        error handler.
        """
        if filters is not None:
            self.filters = filters
        if query is not None:
            self.query = query.strip()
        self._generation += 1
        generation, session, filters_, query_ = self._generation, self.session, self.filters, self.query
        order, descending = self.order, self.descending
        self.loading = True

        def work(signals: object, cancel: object) -> tuple[list[ReportSummary], dict[int, str], bool]:
            if query_:
                hits: list[Hit] = reports.search(session, query_, limit=500, filters=filters_)
                return [h.summary for h in hits], {h.summary.id: h.snippet for h in hits}, False
            rows = reports.list_reports(session, filters=filters_, offset=0, limit=PAGE + 1, order=order,
                                        descending=descending)
            return rows[:PAGE], {}, len(rows) > PAGE

        def loaded(result: tuple[list[ReportSummary], dict[int, str], bool]) -> None:
            if generation != self._generation:
                return  # a newer reload was started
            self.loading = False  # before the reset: the table may ask for the next page straight away
            self.beginResetModel()
            self.rows, self.snippets, self.more = result
            self.total = None if self.more else len(self.rows)
            self.endResetModel()
            self.reloaded.emit()
            if on_loaded is not None:
                on_loaded()
            if self.more:
                self._count(generation, filters_)

        def finished() -> None:
            if generation == self._generation:
                self.loading = False

        self._run(work, on_success=loaded, on_finished=finished)

    def _count(self, generation: int, filters: Filters) -> None:
        """Count the listing's reports in a task of its own, after its first page is shown (a count at a
        million is a scan: up to a second with a filter)."""
        session = self.session

        def counted(total: int) -> None:
            if generation == self._generation:
                self.total = total
                self.counted.emit()

        self._run(lambda signals, cancel: reports.count_reports(session, filters=filters), on_success=counted)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 (Qt API)
        return not parent.isValid() and not self.query and self.more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 (Qt API)
        """Fetch the next page on a worker, from the last row loaded; the rows are appended when it lands (one
        page at a time)."""
        if self._page_pending == self._generation or self.loading or not self.canFetchMore(parent):
            return
        generation, loaded, session, filters = self._generation, len(self.rows), self.session, self.filters
        order, descending, last = self.order, self.descending, self.rows[-1] if self.rows else None
        self._page_pending = generation

        def landed(found: list[ReportSummary]) -> None:
            finished()  # before the insert: the table may ask for the next page straight away
            if generation != self._generation or loaded != len(self.rows):
                return  # reloaded meanwhile
            page, self.more = found[:PAGE], len(found) > PAGE
            if not self.more and self.total is None:
                self.total = len(self.rows) + len(page)
                self.counted.emit()
            if page:
                self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
                self.rows.extend(page)
                self.endInsertRows()

        def finished() -> None:
            if self._page_pending == generation:
                self._page_pending = None

        self._run(lambda signals, cancel: reports.list_reports(
            session, filters=filters, offset=0, limit=PAGE + 1, order=order, descending=descending, after=last),
            on_success=landed, on_finished=finished)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self.query:
            return  # hits stay in rank order
        self.order = {0: "date", 1: "agency", 2: "title", 3: "classification", 5: "language"}.get(column, "id")
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    # -- Qt model API -----------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "date": row.report_date, "agency": row.agency, "title": escape_untrusted(row.title),
                "classification": escape_untrusted(row.marking_text, 200),
                "grading": row.reliability + row.credibility,
                "language": row.language,
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == "title":
            return escape_untrusted(self.snippets.get(row.id, row.title), 400)
        if role == Qt.ItemDataRole.ToolTipRole and column == "classification":
            return banner_text(row.classification, row.caveats)
        if role == Qt.ItemDataRole.ForegroundRole and column == "classification":
            return QColor(CLASSIFICATION_COLOURS[row.classification][0])
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def summary(self, report_id: int) -> ReportSummary | None:
        return next((r for r in self.rows if r.id == report_id), None)

    def highest_loaded(self) -> Level:
        return max((r.classification for r in self.rows), default=Level.UNCLASSIFIED)
