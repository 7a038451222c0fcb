"""A sortable, filterable table over a PreparedModel: the shape of lists that can run to tens of thousands."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from nia_desktop.ui.models.prepared import PreparedModel
from nia_desktop.ui.widgets.table_view import style_table


class BigTable(QTableView):
    def __init__(self, model: PreparedModel[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = model
        self.setModel(model)
        style_table(self, QAbstractItemView.SelectionMode.ExtendedSelection)

    def set_filter_text(self, text: str) -> None:
        self.source.set_filter_text(text)

    def sort_by(self, column: int, order: Qt.SortOrder) -> None:
        self.horizontalHeader().setSortIndicator(column, order)  # the model sorts (sortingEnabled)

    def show_sorted(self, column: int, order: Qt.SortOrder) -> None:
        """The rows arrived sorted: show the indicator without sorting again."""
        header = self.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(column, order)
        header.blockSignals(False)

    def selected(self) -> list[Any]:
        return [self.source.row_at(i) for i in self.selectionModel().selectedRows()]
