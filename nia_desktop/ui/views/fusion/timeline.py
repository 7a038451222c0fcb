"""A timeline per agency: one lane each, a mark per report on its date (QtCharts is not in Essentials)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

from nia_desktop.core.display import escape_untrusted
from nia_desktop.ui.views.fusion.dot import Dot

if TYPE_CHECKING:
    from nia_desktop.core.store.fusion_pages import TimelineMark as Mark

LANE = 60.0
AGENCY_COLOURS = {"CIRO": "#2f6fb3", "MOFA": "#2e8b57", "DIH": "#8a4fbf", "NPA": "#c8102e"}


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


class Timeline(QGraphicsView):
    def __init__(self, on_report: Callable[[int], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.on_report = on_report
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setAccessibleName(self.tr("Timeline of reports per agency"))

    def show_marks(self, marks: list[Mark]) -> int:
        """One lane per agency, one mark per agency and day (its size grows with the reports it stands for; its
        tooltip names the first dozen, read with the marks)."""
        scene = self.scene()
        scene.clear()
        dated = [(m, d) for m in marks if (d := _day(m.day)) is not None]
        if not dated:
            scene.addText(self.tr("No dated reports to show."))
            return 0
        first, last = min(d for _, d in dated), max(d for _, d in dated)
        span = max(1, (last - first).days)
        width = max(600.0, self.viewport().width() - 160.0)  # drawn at 1:1, so labels stay readable
        agencies = sorted({m.agency for m, _ in dated})
        axis = QPen(QColor("#999999"))
        for lane, agency in enumerate(agencies):
            y = lane * LANE
            scene.addLine(0, y, width, y, axis)
            label = scene.addSimpleText(escape_untrusted(agency, 20))
            label.setPos(-90, y - 8)
        for mark, day in dated:
            x = width * (day - first).days / span
            y = agencies.index(mark.agency) * LANE
            shown = "\n".join(f"#{r} {escape_untrusted(t, 100)}" for r, t in mark.reports[:12])
            more = mark.count - len(mark.reports[:12])
            tip = f"{mark.day} {mark.agency}\n{shown}" + (f"\n… +{more}" if more > 0 else "")
            scene.addItem(Dot(x, y, min(12.0, 4.0 + mark.count), AGENCY_COLOURS.get(mark.agency, "#7a7a7a"),
                                tip, functools.partial(self.on_report, mark.reports[0][0])))
        bottom = len(agencies) * LANE
        month = date(first.year, first.month, 1)
        while month <= last:  # a tick and label at each month's start
            x = width * max(0, (month - first).days) / span
            scene.addLine(x, -LANE / 3, x, bottom - LANE / 2, QPen(QColor("#e0e0e0")))
            label = scene.addSimpleText(month.strftime("%Y-%m"))
            label.setPos(x - 20, bottom - LANE / 2 + 4)
            month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        self.resetTransform()
        self.setSceneRect(scene.itemsBoundingRect().adjusted(-20, -20, 20, 20))
        return sum(m.count for m, _ in dated)
