"""A lazy table model over the reports: pages are fetched as the view scrolls.

A vault of 100,000 reports opens without loading them all: rowCount grows by
one page at a time through canFetchMore/fetchMore. With a search active the
model shows the ranked hits instead.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from nia_desktop.core.classification import Level
from nia_desktop.core.display import escape_untrusted
from nia_desktop.core.store.reports import Filters, ReportSummary
from nia_desktop.services import reports
from nia_desktop.services.reports import Hit
from nia_desktop.services.session import Session
from nia_desktop.ui.theme import CLASSIFICATION_COLOURS

Index = QModelIndex | QPersistentModelIndex
PAGE = 200


class ReportsModel(QAbstractTableModel):
    COLUMNS = ("date", "agency", "title", "classification", "grading", "language")

    def __init__(self, session: Session, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self.filters = Filters()
        self.rows: list[ReportSummary] = []
        self.snippets: dict[int, str] = {}
        self.total = 0
        self.query = ""
        self.order, self.descending = "date", True
        self.headers = (self.tr("Date"), self.tr("Agency"), self.tr("Title"), self.tr("Classification"),
                        self.tr("Grading"), self.tr("Language"))

    # -- loading ----------------------------------------------------------
    def reload(self, filters: Filters | None = None, query: str | None = None) -> None:
        """Start again from the first page (or run the search); raises the service's errors."""
        if filters is not None:
            self.filters = filters
        if query is not None:
            self.query = query.strip()
        self.beginResetModel()
        self.rows, self.snippets = [], {}
        try:
            if self.query:
                hits: list[Hit] = reports.search(self.session, self.query, limit=500, filters=self.filters)
                self.rows = [h.summary for h in hits]
                self.snippets = {h.summary.id: h.snippet for h in hits}
                self.total = len(self.rows)
            else:
                self.total = reports.count_reports(self.session, filters=self.filters)
                self.rows = reports.list_reports(self.session, filters=self.filters, offset=0, limit=PAGE,
                                                 order=self.order, descending=self.descending)
        finally:
            self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 (Qt API)
        return not parent.isValid() and not self.query and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 (Qt API)
        more = reports.list_reports(self.session, filters=self.filters, offset=len(self.rows), limit=PAGE,
                                    order=self.order, descending=self.descending)
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

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
                "classification": row.classification.english, "grading": row.reliability + row.credibility,
                "language": row.language,
            }[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == "title":
            return escape_untrusted(self.snippets.get(row.id, row.title), 400)
        if role == Qt.ItemDataRole.ForegroundRole and column == "classification":
            return QColor(CLASSIFICATION_COLOURS[row.classification][0])
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def highest_loaded(self) -> Level:
        return max((r.classification for r in self.rows), default=Level.UNCLASSIFIED)
