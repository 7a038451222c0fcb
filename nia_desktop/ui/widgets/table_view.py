"""A sortable, filterable table: the shape every list in the app takes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from nia_desktop.ui.models.table import RowsModel


def style_table(table: QTableView, selection: QAbstractItemView.SelectionMode) -> None:
    """How every table in the app looks and selects: whole rows, sortable, compact, no row numbers."""
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(selection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)


class FilterTable(QTableView):
    def __init__(self, model: RowsModel, parent: QWidget | None = None) -> None:  # type: ignore[type-arg]
        super().__init__(parent)
        self.source = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.setModel(self.proxy)
        style_table(self, QAbstractItemView.SelectionMode.SingleSelection)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)

    def set_filter_text(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)

    def selected_row(self) -> Any:
        indexes = self.selectionModel().selectedRows()
        if not indexes:
            return None
        return self.source.row_at(self.proxy.mapToSource(indexes[0]))

    def select_first(self) -> None:
        if self.proxy.rowCount():
            self.selectRow(0)
