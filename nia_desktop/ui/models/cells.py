"""A table model with colours: whole rows (a removed consumer greyed) and chosen cells of their own (a marking
in its banner's colours, a copy's state in its own), and a tooltip per row."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from nia_desktop.ui.models.table import RowsModel

Colours = tuple[str, str]  # background, text ("" leaves either as the palette has it)
_COLOUR_ROLES = (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole)


class CellRows(RowsModel[Any]):
    """RowsModel with a row tooltip, row colours and per-cell colours (``cells``: column -> colours of a row;
    a cell's own colours win over its row's)."""

    def __init__(self, columns: Sequence[tuple[str, Callable[[Any], Any]]], parent: Any = None,
                 tooltip: Callable[[Any], str] | None = None,
                 colours: Callable[[Any], Colours | None] | None = None,
                 cells: Mapping[int, Callable[[Any], Colours | None]] | None = None) -> None:
        super().__init__(columns, parent)
        self.tooltip = tooltip
        self.colours = colours
        self.cells = dict(cells or {})

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and self.tooltip is not None:
            return self.tooltip(row) or None
        if role in _COLOUR_ROLES:
            chosen = self.cells[index.column()](row) if index.column() in self.cells else None
            if chosen is None and self.colours is not None:
                chosen = self.colours(row)
            if chosen is None:
                return None
            value = chosen[0] if role == Qt.ItemDataRole.BackgroundRole else chosen[1]
            return QColor(value) if value else None
        return super().data(index, role)

    def append_rows(self, rows: Sequence[Any]) -> None:
        """More rows at the end (a page loaded with "Load more"), without resetting the view."""
        if not rows:
            return
        first = len(self.rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self.rows.extend(rows)
        self.endInsertRows()
