"""A scrollable column of rendered pages: what the PDF will look like, banners and all."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from nia_desktop.core.briefing.preview import PageImage


class PagePreview(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setAccessibleName(self.tr("Briefing preview"))
        self.inner = QWidget()
        self.column = QVBoxLayout(self.inner)
        self.column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.setWidget(self.inner)
        self.pages: list[QLabel] = []

    def show_pages(self, pages: list[PageImage]) -> None:
        for label in self.pages:
            label.deleteLater()
        self.pages = []
        for number, page in enumerate(pages, 1):
            image = QImage(page.rgb, page.width, page.height, page.width * 3, QImage.Format.Format_RGB888).copy()
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setAccessibleName(self.tr("Page %1").replace("%1", str(number)))
            label.setStyleSheet("border: 1px solid #999; margin: 6px;")
            self.column.addWidget(label)
            self.pages.append(label)
