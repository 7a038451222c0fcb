"""A judgement not fused yet shows in italics in the reader, as its status line and the banner say: Qt draws only
the colours of an extra selection, so the italic was set on the marks and never drawn (seen in a screenshot)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QImage, QTextCursor

from nia_desktop.core.classification import Level
from nia_desktop.core.store.reports import Report, ReportSummary
from nia_desktop.services.report_mentions import MarkedMention
from nia_desktop.ui.views.reports.reader import ReaderPane

BODY = "Drones circled the Aozora Photonics plant in Kawasaki."


def _report() -> Report:
    summary = ReportSummary(1, "t", "DIH", "0" * 64, "/m/a.txt", Level.UNCLASSIFIED, "en", "2026-12-01T00:00:00Z",
                            "2026-12-01", "B", "2", "text")
    return Report(summary, BODY, {}, None, {})


def _mentions(pending: bool) -> list[MarkedMention]:
    start = BODY.index("Aozora Photonics")
    return [MarkedMention(start, start + 16, "Aozora Photonics", 0 if pending else 7, "Aozora Photonics",
                          "organization", 1, pending),
            MarkedMention(BODY.index("Kawasaki"), BODY.index("Kawasaki") + 8, "Kawasaki", 3, "Kawasaki",
                          "location", 2)]


def _italic_at(pane: ReaderPane, position: int) -> bool:
    cursor = QTextCursor(pane.text.document())
    cursor.setPosition(position)
    return cursor.charFormat().fontItalic()


def _drawn(pane: ReaderPane, qtbot: Any) -> QImage:
    qtbot.wait(20)
    return pane.text.viewport().grab().toImage()


def test_a_pending_mark_is_drawn_in_italics_and_only_while_pending(qtbot: Any) -> None:
    pane = ReaderPane()
    qtbot.addWidget(pane)
    pane.resize(600, 400)
    pane.show()
    qtbot.waitExposed(pane)
    pane.text.setCursorWidth(0)  # a blinking cursor would make two drawings of the same text differ
    pane.show_report(_report(), [])
    inside, kawasaki = BODY.index("Aozora") + 3, BODY.index("Kawasaki") + 3
    pane.show_mentions(1, _mentions(pending=False))
    fused = _drawn(pane, qtbot)
    assert not _italic_at(pane, inside)

    pane.show_mentions(1, _mentions(pending=True))
    assert _italic_at(pane, inside) and not _italic_at(pane, kawasaki) and not _italic_at(pane, 2)
    assert _drawn(pane, qtbot) != fused  # drawn differently, not only set on a format nobody draws

    pane.set_marks_visible(False)  # the marks hidden: no italics either
    assert not _italic_at(pane, inside)
    pane.set_marks_visible(True)
    assert _italic_at(pane, inside)
    pane.show_mentions(1, _mentions(pending=False))  # fused again: upright, drawn as before
    assert not _italic_at(pane, inside)
    assert _drawn(pane, qtbot) == fused
    assert pane.text.toPlainText() == BODY and not pane.text.document().isUndoAvailable()
