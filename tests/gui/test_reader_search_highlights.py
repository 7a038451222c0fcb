"""The reader highlights exactly the words searched for, whatever comes before them: a character beyond the BMP
(an emoji) takes two positions in Qt's document, and case folding can lengthen text (ß is ss)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt

from nia_desktop.core.classification import Level
from nia_desktop.core.store.reports import Report, ReportSummary
from nia_desktop.ui.views.reports.reader import ReaderPane


def _report(body: str) -> Report:
    summary = ReportSummary(1, "t", "NPA", "0" * 64, "/m/a.txt", Level.UNCLASSIFIED, "en", "2026-12-01T00:00:00Z",
                            "2026-12-01", "B", "2", "text")
    return Report(summary, body, {}, None, {})


@pytest.mark.parametrize("before", ["", "📎🛰 ", "Straße ", "📎 Straße\r\n"])
def test_each_hit_highlights_the_word_searched(qtbot: Any, before: str) -> None:
    pane = ReaderPane()
    qtbot.addWidget(pane)
    pane.show_report(_report(f"{before}Met staff in Kobe; then KOBE port."), ["kobe"])
    assert pane.highlighted == 2
    hits = pane.text.extraSelections()[-2:]
    assert [hit.cursor.selectedText() for hit in hits] == ["Kobe", "KOBE"]


def test_a_long_mention_line_never_widens_the_reader(qtbot: Any) -> None:
    """The mention line (F3) named a long entity: the pane's minimum width grew to 1,096 px and squeezed the
    reports table beside it to a sliver (seen in a screenshot)."""
    pane = ReaderPane()
    qtbot.addWidget(pane)
    pane.resize(500, 600)
    pane.show()
    pane.show_report(_report("Met staff in Kobe."), [])
    qtbot.wait(20)
    before = pane.minimumSizeHint().width()
    pane.marks_status.setText("Mention 3 of 7: " + "Defense Intelligence Headquarters of a ministry " * 4)
    qtbot.wait(20)
    assert pane.minimumSizeHint().width() <= max(before, 400), (before, pane.minimumSizeHint().width())


def test_the_mention_line_is_read_whole_in_a_narrow_reader(qtbot: Any) -> None:
    """Beside the mention buttons the line was cut at the pane's edge: "2 entity m" (seen in a screenshot), and
    the italics' explanation ("... from your judgements not fused yet (italic; F5 fuses again)") never showed.
    It wraps on its own row, and the pane still does not widen for it."""
    pane = ReaderPane()
    qtbot.addWidget(pane)
    pane.resize(480, 600)
    pane.show()
    pane.show_report(_report("Met staff in Kobe."), [])
    qtbot.wait(20)
    before = pane.minimumSizeHint().width()
    text = ("4 entity mentions, 1 of them from your judgements not fused yet (italic; F5 fuses again) "
            "· Defense Intelligence Headquarters of a ministry")
    pane.marks_status.setText(text)
    qtbot.waitUntil(lambda: pane.marks_status.height() > pane.marks_status.fontMetrics().height() * 1.5)
    label = pane.marks_status
    needed = label.fontMetrics().boundingRect(QRect(0, 0, label.width(), 10_000),
                                              int(Qt.TextFlag.TextWordWrap), text)
    assert label.width() <= pane.width() and needed.height() <= label.height(), (label.size(), needed)
    assert pane.minimumSizeHint().width() <= max(before, 400)
