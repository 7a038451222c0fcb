"""Entities as a paged table: rows come a page at a time from the fusion tables, as the view scrolls.

A million reports make hundreds of thousands of entities; the model holds
the pages scrolled to, never the list (services/fusion_tables answers each
page by an index). Sorting by a column the tables index (name, reports,
independent agencies) asks again from the first page; any other column
sorts the rows loaded so far, and its header's tooltip says so. A filter
asks again too. Every query runs on a worker (the view's ``run``); a reload
makes older results, and pages fetched for them, stale: they are dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal

from nia_desktop.core.display import escape_untrusted
from nia_desktop.core.store.fusion_pages import EntityLine, Page
from nia_desktop.services import fusion_tables
from nia_desktop.services.session import Session
from nia_desktop.ui.workers import Task

Index = QModelIndex | QPersistentModelIndex
Runner = Callable[..., Task]
PAGE = 200


@dataclass(frozen=True)
class Column:
    """A header, its cell, and the order the tables sort it by (None: the rows loaded so far are sorted)."""

    header: str
    cell: Callable[[EntityLine], Any]
    order: str | None = None


def _sort_key(value: Any) -> tuple[int, Any]:
    return (0, value) if isinstance(value, int | float) else (1, "" if value is None else str(value).lower())


class EntityPagesModel(QAbstractTableModel):
    """Signals:
    reloaded(): a reload's first page is in.
    """

    reloaded = Signal()

    def __init__(self, session: Session, run: Runner, columns: Callable[[Sequence[str]], list[Column]],
                 order: str = "reports", min_reports: int = 0, with_agencies: bool = False, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self._run = run
        self._columns_for = columns
        self.columns = columns(())
        self.min_reports = min_reports
        self.with_agencies = with_agencies  # the columns depend on the scope's agencies (the matrix)
        self.case: str | None = None  # None until the first reload: nothing to sort yet
        self.text = ""
        self.order, self.descending = order, True
        self.local: tuple[int, Qt.SortOrder] | None = None  # a column sorted among the loaded rows
        self.rows: list[EntityLine] = []
        self.more = False
        self.total = 0
        self.loading = False
        self._generation = 0
        self._page_pending: int | None = None

    # -- loading ----------------------------------------------------------
    def reload(self, case: str | None = None, text: str | None = None,
               on_loaded: Callable[[], None] | None = None) -> None:
        """The first page again (for another case or filter) on a worker; the rows shown stay until it lands."""
        if case is not None:
            self.case = case
        if text is not None:
            self.text = text.strip()
        self._generation += 1
        generation, session, scope, needle = self._generation, self.session, self.case or "", self.text
        order, descending, least, agencies = self.order, self.descending, self.min_reports, self.with_agencies
        self.loading = True

        def work(signals: object, cancel: object) -> tuple[Page[EntityLine], int, tuple[str, ...]]:
            page = fusion_tables.entity_page(session, scope, order, descending, needle, 0, PAGE, least)
            total = fusion_tables.entity_count(session, scope, needle, least) if page.more else len(page.rows)
            return page, total, tuple(fusion_tables.agencies(session, scope)) if agencies else ()

        def loaded(result: tuple[Page[EntityLine], int, tuple[str, ...]]) -> None:
            if generation != self._generation:
                return
            self.loading = False  # before the reset: the table may ask for the next page straight away
            page, total, seen_agencies = result
            self.beginResetModel()
            if self.with_agencies:
                self.columns = self._columns_for(seen_agencies)
            self.rows, self.more, self.total = list(page.rows), page.more, total
            self._sort_loaded()
            self.endResetModel()
            self.reloaded.emit()
            if on_loaded is not None:
                on_loaded()

        def finished() -> None:
            if generation == self._generation:
                self.loading = False

        self._run(work, on_success=loaded, on_finished=finished)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 (Qt API)
        return not parent.isValid() and self.more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 (Qt API)
        """The next page on a worker, appended when it lands (one page at a time)."""
        if self._page_pending == self._generation or self.loading or not self.canFetchMore(parent):
            return
        generation, offset, session, scope, needle = self._generation, len(self.rows), self.session, \
            self.case or "", self.text
        order, descending, least = self.order, self.descending, self.min_reports
        self._page_pending = generation

        def finished() -> None:
            if self._page_pending == generation:
                self._page_pending = None

        def landed(page: Page[EntityLine]) -> None:
            finished()
            if generation != self._generation or offset != len(self.rows):
                return  # reloaded meanwhile
            self.more = page.more
            if not page.rows:
                return
            if self.local is None:
                self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page.rows) - 1)
                self.rows.extend(page.rows)
                self.endInsertRows()
            else:  # the loaded rows are sorted by a column the tables do not index: so are the new ones
                self.layoutAboutToBeChanged.emit()
                self.rows.extend(page.rows)
                self._sort_loaded()
                self.layoutChanged.emit()

        self._run(lambda signals, cancel: fusion_tables.entity_page(
            session, scope, order, descending, needle, offset, PAGE, least), on_success=landed, on_finished=finished)

    def set_text(self, text: str) -> None:
        if text.strip() != self.text and self.case is not None:
            self.reload(text=text)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns) or self.case is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        wanted = self.columns[column].order
        if wanted is not None:
            self.local = None
            if (wanted, descending) != (self.order, self.descending) or self.loading:
                self.order, self.descending = wanted, descending
                self.reload()
            return
        self.layoutAboutToBeChanged.emit()
        self.local = (column, order)
        self._sort_loaded()
        self.layoutChanged.emit()

    def _sort_loaded(self) -> None:
        if self.local is None or self.local[0] >= len(self.columns):
            self.local = None
            return
        cell = self.columns[self.local[0]].cell
        self.rows.sort(key=lambda row: _sort_key(cell(row)), reverse=self.local[1] == Qt.SortOrder.DescendingOrder)

    def sorted_by(self) -> tuple[int, Qt.SortOrder]:
        """The column and direction the rows are in, for the header's indicator."""
        if self.local is not None:
            return self.local
        column = next((i for i, c in enumerate(self.columns) if c.order == self.order), 0)
        return column, Qt.SortOrder.DescendingOrder if self.descending else Qt.SortOrder.AscendingOrder

    # -- Qt model API -----------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        if role == Qt.ItemDataRole.ToolTipRole:
            if self.columns[section].order is None:
                return QCoreApplication.translate(
                    "EntityPagesModel", "Sorting by this column orders the %1 rows loaded so far, not all %2: "
                    "the other columns sort the whole list").replace("%1", str(len(self.rows))).replace(
                    "%2", str(self.total))
            return QCoreApplication.translate("EntityPagesModel", "Sorts the whole list")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows) or index.column() >= len(self.columns):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = self.columns[index.column()].cell(row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return escape_untrusted(", ".join(row.aliases), 2000)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def row_at(self, index: Index) -> EntityLine:
        return self.rows[index.row()]

    def row_of(self, entity_id: int) -> int | None:
        return next((i for i, row in enumerate(self.rows) if row.id == entity_id), None)
