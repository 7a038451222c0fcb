"""The coloured bar at the top and bottom of every window that shows content."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from nia_desktop.core.classification import Level
from nia_desktop.ui.theme import CLASSIFICATION_COLOURS


class ClassificationBanner(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumHeight(22)
        self.level = Level.UNCLASSIFIED
        self.set_level(Level.UNCLASSIFIED)

    def set_level(self, level: Level) -> None:
        self.level = level
        background, foreground = CLASSIFICATION_COLOURS[level]
        self.setStyleSheet(f"background: {background}; color: {foreground}; font-weight: 700; letter-spacing: 1px;")
        self.setText(level.banner_text)
        self.setAccessibleName(self.tr("Classification: %1").replace("%1", level.banner_text))
