"""Light and dark themes with one accent colour, and the classification colours."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from nia_desktop.core.classification import Level

ACCENT = "#2f6fb3"

# Conventional banner colours (UI.md): text is always spelled out as well.
CLASSIFICATION_COLOURS: dict[Level, tuple[str, str]] = {
    Level.UNCLASSIFIED: ("#007a33", "#ffffff"),
    Level.CONFIDENTIAL: ("#0033a0", "#ffffff"),
    Level.SECRET: ("#c8102e", "#ffffff"),
    Level.TOP_SECRET: ("#ff8c00", "#000000"),
}


W = TypeVar("W", bound=QWidget)


def named(widget: W, object_name: str) -> W:
    """Give a widget the object name the stylesheet styles it by."""
    widget.setObjectName(object_name)
    return widget


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, theme: str = "system") -> None:
    """theme: 'light', 'dark' or 'system'."""
    app.setStyle("Fusion")
    dark = system_prefers_dark() if theme == "system" else theme == "dark"
    palette = QPalette()
    if dark:
        base, window, text = QColor("#1e2124"), QColor("#26292d"), QColor("#e6e6e6")
        palette.setColor(QPalette.ColorRole.Window, window)
        palette.setColor(QPalette.ColorRole.WindowText, text)
        palette.setColor(QPalette.ColorRole.Base, base)
        palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#2b2f33"))
        palette.setColor(QPalette.ColorRole.Text, text)
        palette.setColor(QPalette.ColorRole.Button, window)
        palette.setColor(QPalette.ColorRole.ButtonText, text)
        palette.setColor(QPalette.ColorRole.ToolTipBase, base)
        palette.setColor(QPalette.ColorRole.ToolTipText, text)
        palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#8a8f94"))
    else:
        palette = app.style().standardPalette()
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Link, QColor(ACCENT))
    app.setPalette(palette)
    app.setProperty("nia_dark", dark)
    app.setStyleSheet(_STYLESHEET)


_STYLESHEET = f"""
QListWidget#navRail {{ border: none; font-size: 14px; padding-top: 6px; outline: 0; }}
QListWidget#navRail::item {{ padding: 8px 14px; border-radius: 4px; margin: 1px 6px; }}
QListWidget#navRail::item:selected {{ background: {ACCENT}; color: white; }}
QLabel#viewTitle {{ font-size: 18px; font-weight: 600; }}
QLabel#chainStatusOk {{ background: #007a33; color: white; padding: 8px; border-radius: 4px; font-weight: 600; }}
QLabel#chainStatusBroken {{ background: #c8102e; color: white; padding: 8px; border-radius: 4px; font-weight: 600; }}
QLabel#chainStatusUnknown {{ border: 1px solid palette(mid); padding: 8px; border-radius: 4px; }}
QPushButton#primary {{ background: {ACCENT}; color: white; padding: 6px 16px; border-radius: 4px; }}
QPushButton#primary:disabled {{ background: palette(mid); }}
QLabel#capsWarning {{ color: #b36b00; }}
QLabel#fingerprint {{ font-family: monospace; font-size: 14px; }}
"""
