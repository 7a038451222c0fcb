"""A small clickable disc for the graph and the timeline: a tooltip, and a callback on click."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsEllipseItem


class Dot(QGraphicsEllipseItem):
    def __init__(self, x: float, y: float, radius: float, colour: str, tip: str,
                 on_click: Callable[[], None]) -> None:
        super().__init__(x - radius, y - radius, 2 * radius, 2 * radius)
        self.setBrush(QBrush(QColor(colour)))
        self.setPen(QPen(Qt.PenStyle.NoPen))
        self.setToolTip(tip)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.on_click = on_click
        self.setZValue(2)

    def mousePressEvent(self, event: object) -> None:
        self.on_click()
