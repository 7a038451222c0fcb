"""Two reports side by side, the lines that differ highlighted: what a re-send changed."""

from __future__ import annotations

import difflib

from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QTextEdit, QWidget

from nia_desktop.core.display import escape_untrusted


class SideBySide(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.left = QPlainTextEdit(readOnly=True)
        self.right = QPlainTextEdit(readOnly=True)
        self.left.setAccessibleName(self.tr("First report"))
        self.right.setAccessibleName(self.tr("Second report"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.left)
        layout.addWidget(self.right)
        self.left.verticalScrollBar().valueChanged.connect(self.right.verticalScrollBar().setValue)

    def show_pair(self, first: str, second: str) -> tuple[int, int]:
        """Show both texts (plain, never interpreted); returns how many lines differ on each side."""
        a = [escape_untrusted(line, 2000) for line in first.splitlines()]
        b = [escape_untrusted(line, 2000) for line in second.splitlines()]
        self.left.setPlainText("\n".join(a))
        self.right.setPlainText("\n".join(b))
        only_a: set[int] = set()
        only_b: set[int] = set()
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            if tag != "equal":
                only_a.update(range(i1, i2))
                only_b.update(range(j1, j2))
        _highlight(self.left, only_a, QColor("#fde8e8"))
        _highlight(self.right, only_b, QColor("#e6f4ea"))
        return len(only_a), len(only_b)


def _highlight(editor: QPlainTextEdit, lines: set[int], colour: QColor) -> None:
    selections = []
    fmt = QTextCharFormat()
    fmt.setBackground(colour)
    fmt.setProperty(QTextCharFormat.Property.FullWidthSelection, True)
    for number in sorted(lines):
        block = editor.document().findBlockByNumber(number)
        if not block.isValid():
            continue
        selection = QTextEdit.ExtraSelection()
        selection.cursor = QTextCursor(block)
        selection.format = fmt
        selections.append(selection)
    editor.setExtraSelections(selections)
