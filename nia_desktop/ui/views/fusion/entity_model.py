"""Entities as a paged table: rows come a page at a time from the fusion tables, as the view scrolls.

A million reports make hundreds of thousands of entities; the model holds
the pages scrolled to, never the list (services/fusion_tables answers each
page by an index). Sorting by a column the tables index (name, reports,
independent agencies) asks again from the first page; any other column
sorts the rows loaded so far, and its header's tooltip says so. A filter
asks again too. Every query runs on a worker (the view's ``run``); a reload
makes older results, and pages fetched for them, stale: they are dropped.

A page shows as soon as its rows are read (an index walk); who reports each
entity (agencies, gradings, first and last seen) reads every report of the
entities on it, so it follows in a second query and fills its columns
("…" until then). It is kept per fusion in a cache the view shares between
its tables, so sorting again or the matrix never asks twice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from nia_desktop.core.display import escape_untrusted
from nia_desktop.core.store.fusion_pages import EntityLine, Page, Seen
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
    needs_seen: bool = False  # the cell shows who reports the entity: "…" until that is read


class SeenCache(QObject):
    """Who reports each entity, as read for one fusion, shared by the tables that show it: an entity asked for
    by one (``asked``) is not asked again by another; ``changed`` tells them all when answers land.

    Signals:
    changed(): answers landed in ``known``.
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.known: dict[int, Seen] = {}
        self.asked: set[int] = set()


def report_cell(line: EntityLine) -> int | str:
    """The Reports column: the entity's reports, or while a filter applies those within it of them all ("4 of
    11"; the rows then sort by the first number)."""
    if isinstance(line, fusion_tables.FilteredLine):
        return QCoreApplication.translate("EntityPagesModel", "%1 of %2").replace("%1", f"{line.within:,}").replace(
            "%2", f"{line.report_count:,}")
    return line.report_count


def _sort_key(value: Any) -> tuple[int, Any]:
    return (0, value) if isinstance(value, int | float) else (1, "" if value is None else str(value).lower())


class EntityPagesModel(QAbstractTableModel):
    """Signals:
    reloaded(): a reload's first page is in.
    counted(): ``total`` is known (counted after the first rows, when there are more).
    """

    reloaded = Signal()
    counted = Signal()

    def __init__(self, session: Session, run: Runner, columns: Callable[[Sequence[str]], list[Column]],
                 order: str = "reports", min_reports: int = 0, with_agencies: bool = False,
                 seen: SeenCache | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self.cache = SeenCache(self) if seen is None else seen
        self.cache.changed.connect(self._seen_landed)
        self._run = run
        self._columns_for = columns
        self.columns = columns(())
        self.min_reports = min_reports
        self.with_agencies = with_agencies  # the columns depend on the scope's agencies (the matrix)
        self.case: str | None = None  # None until the first reload: nothing to sort yet
        self.text = ""
        self.reports: tuple[int, ...] | None = None  # only entities of these reports (the view's cross-filter)
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
        reports = self.reports
        self.loading = True

        def work(signals: object, cancel: object) -> tuple[Page[EntityLine], int, tuple[str, ...]]:
            page = fusion_tables.entity_page(session, scope, order, descending, needle, 0, PAGE, least, seen=False,
                                             reports=reports)
            # The count may read far more than the page (filtered by reports, those reports again; for a reader
            # the vault hides anything from, every entity's readable reports: 4 s at a million): the rows show
            # first and the count follows (_count_later).
            return page, len(page.rows), tuple(fusion_tables.agencies(session, scope)) if agencies else ()

        def loaded(result: tuple[Page[EntityLine], int, tuple[str, ...]]) -> None:
            if generation != self._generation:
                return
            self.loading = False  # before the reset: the table may ask for the next page straight away
            page, total, seen_agencies = result
            self.beginResetModel()
            if self.with_agencies:
                self.columns = self._columns_for(seen_agencies)
            self.rows, self.more, self.total = self._known(page.rows), page.more, total
            self._sort_loaded()
            self.endResetModel()
            self._ask_seen(page.rows)
            if page.more:
                self._count_later(generation, scope, needle, least, reports)
            self.reloaded.emit()
            if on_loaded is not None:
                on_loaded()

        def finished() -> None:
            if generation == self._generation:
                self.loading = False

        self._run(work, on_success=loaded, on_finished=finished)

    def _count_later(self, generation: int, scope: str, needle: str, least: int,
                     reports: tuple[int, ...] | None) -> None:
        """The table's count on a worker after its first rows (``counted`` when it lands)."""
        session = self.session

        def landed(total: int) -> None:
            if generation == self._generation:
                self.total = total
                self.counted.emit()
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, len(self.columns) - 1))

        self._run(lambda signals, cancel: fusion_tables.entity_count(session, scope, needle, least, reports),
                  on_success=landed)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 (Qt API)
        return not parent.isValid() and self.more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 (Qt API)
        """The next page on a worker, appended when it lands (one page at a time)."""
        if self._page_pending == self._generation or self.loading or not self.canFetchMore(parent):
            return
        generation, offset, session, scope, needle = self._generation, len(self.rows), self.session, \
            self.case or "", self.text
        order, descending, least, reports = self.order, self.descending, self.min_reports, self.reports
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
            rows = self._known(page.rows)
            if self.local is None:
                self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
                self.rows.extend(rows)
                self.endInsertRows()
            else:  # the loaded rows are sorted by a column the tables do not index: so are the new ones
                self.layoutAboutToBeChanged.emit()
                self.rows.extend(rows)
                self._sort_loaded()
                self.layoutChanged.emit()
            self._ask_seen(rows)

        self._run(lambda signals, cancel: fusion_tables.entity_page(
            session, scope, order, descending, needle, offset, PAGE, least, seen=False, reports=reports),
            on_success=landed,
            on_finished=finished)

    @property
    def seen(self) -> dict[int, Seen]:
        """Entity: who reports it, for the fusion shown."""
        return self.cache.known

    def _known(self, rows: Sequence[EntityLine]) -> list[EntityLine]:
        """The rows with who reports them where that is already read."""
        return [replace(row, seen=self.seen[row.id]) if row.id in self.seen else row for row in rows]

    def _ask_seen(self, rows: Sequence[EntityLine]) -> None:
        """Who reports the entities neither known nor asked for yet, on a worker; cells fill in as it lands."""
        cache = self.cache
        wanted = [row.id for row in rows if row.id not in cache.known and row.id not in cache.asked]
        if not wanted:
            return
        cache.asked.update(wanted)
        session, scope = self.session, self.case or ""

        def landed(found: dict[int, Seen]) -> None:
            cache.known.update({entity_id: found.get(entity_id, Seen()) for entity_id in wanted})
            cache.changed.emit()

        def finished() -> None:
            cache.asked.difference_update(wanted)  # answered, or failed: another page may ask again

        self._run(lambda signals, cancel: fusion_tables.corroboration(session, wanted, scope), on_success=landed,
                  on_finished=finished)

    def _seen_landed(self) -> None:
        if not self.rows or not any(row.id in self.seen and row.seen is not self.seen[row.id] for row in self.rows):
            return
        sorting = self.local is not None and self.columns[self.local[0]].needs_seen
        if sorting:
            self.layoutAboutToBeChanged.emit()
        self.rows = self._known(self.rows)
        if sorting:
            self._sort_loaded()
            self.layoutChanged.emit()
        else:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1))

    def forget(self, seen: SeenCache) -> None:
        """A new fusion (or scope) is shown: what was read of who reports each entity no longer holds."""
        self.cache.changed.disconnect(self._seen_landed)
        self.cache = seen
        seen.changed.connect(self._seen_landed)

    def set_reports(self, reports: Sequence[int] | None) -> None:
        """Only the entities named in ``reports`` (sorted, distinct; None: every entity), asked again from the
        first page: the service keeps only those of the reports the user may read in the scope."""
        wanted = None if reports is None else tuple(reports)
        if wanted != self.reports:
            self.reports = wanted
            if self.case is not None:
                self.reload()

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
        column = self.columns[self.local[0]]
        self.rows.sort(key=lambda row: _sort_key(self._cell(column, row)),
                       reverse=self.local[1] == Qt.SortOrder.DescendingOrder)

    def _cell(self, column: Column, row: EntityLine) -> Any:
        return None if column.needs_seen and row.id not in self.seen else column.cell(row)

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
            column = self.columns[index.column()]
            if column.needs_seen and row.id not in self.seen:
                return "…"
            value = column.cell(row)
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
