"""Timelines (QtCharts is not in Essentials): the reports per agency, a mark per report on its date
(Timeline), and the event timeline, the days named inside reports with their sentences, on lanes per agency or
per entity (EventTimeline, read from services/events)."""

from __future__ import annotations

import bisect
import functools
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QMouseEvent, QPainter, QPaintEvent, QPen, QWheelEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nia_desktop.core.display import escape_untrusted
from nia_desktop.services.events import Event
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


# -- the event timeline ------------------------------------------------------------------------------------------
# Days named inside reports (services/events), a lane per agency or per entity. Painted by one widget rather than
# a scene of items: a thousand events are a thousand ellipses in one paint (a few milliseconds), and zooming or
# scrolling in time repaints only what is in view, so the window never waits on the drawing.

GUTTER = 150  # pixels left of the axis for lane names
EVENT_LANE = 26.0
AXIS = 22  # pixels of the day axis at the top
MOST_LANES = 40  # entity lanes at most: the entities in the most events (the rest in "Other entities")
MIN_SPAN, MAX_SPAN = 2.0, 366.0 * 200  # days in view
HIT = 6.0  # pixels from an event's centre a click or hover still finds it


@dataclass(frozen=True)
class Lane:
    key: str  # "agency:CIRO", "entity:12", "other"
    name: str
    colour: str


@dataclass(frozen=True)
class Placed:
    """One event drawn in one lane (an event naming two entities is drawn in both their lanes)."""

    lane: int
    day: float  # proleptic ordinal of the event's day
    index: int  # into the timeline's events


def lanes_for(events: Sequence[Event], by_entity: bool, other: str = "Other") -> tuple[list[Lane], list[Placed]]:
    """Lanes and the events placed on them: per agency (sorted), or per entity, the MOST_LANES in the most events
    first; events naming none of them go to one last lane named ``other``."""
    placed: list[Placed] = []
    if not by_entity:
        agencies = sorted({e.agency for e in events})
        row = {a: i for i, a in enumerate(agencies)}
        lanes = [Lane(f"agency:{a}", a, AGENCY_COLOURS.get(a, "#7a7a7a")) for a in agencies]
        for i, e in enumerate(events):
            placed.append(Placed(row[e.agency], _ordinal(e.day), i))
        return lanes, placed
    counts: Counter[int] = Counter()
    names: dict[int, tuple[str, str]] = {}
    for e in events:
        for entity in e.entities:
            counts[entity.id] += 1
            names.setdefault(entity.id, (entity.name, entity.kind))
    chosen = [i for i, _ in sorted(counts.items(), key=lambda c: (-c[1], names[c[0]][0], c[0]))[:MOST_LANES]]
    at = {entity_id: n for n, entity_id in enumerate(chosen)}
    lanes = [Lane(f"entity:{i}", names[i][0], KIND_COLOURS.get(names[i][1], "#7a7a7a")) for i in chosen]
    rest = len(lanes)
    for i, e in enumerate(events):
        hits = [at[x.id] for x in e.entities if x.id in at]
        for lane in hits or [rest]:
            placed.append(Placed(lane, _ordinal(e.day), i))
    if any(p.lane == rest for p in placed):
        lanes.append(Lane("other", other, "#9a9a9a"))
    return lanes, placed


KIND_COLOURS = {"person": "#c8102e", "organization": "#2f6fb3", "location": "#2e8b57", "operation": "#8a4fbf"}


def one_line(text: str) -> str:
    """A sentence as one line: a list or a wrapped paragraph's line breaks and runs of spaces as one space."""
    return " ".join(text.split())


def _ordinal(day: str) -> float:
    found = _day(day)
    return float(found.toordinal()) if found is not None else 0.0


class EventCanvas(QWidget):
    """The lanes and their events, painted; the time in view is [start, end) in ordinal days.

    Mouse: wheel zooms around the pointer (Shift+wheel scrolls the lanes), drag pans, Shift+drag selects a time
    range, a click selects an event, hovering shows its sentence. Keys are the EventTimeline's."""

    selected_event = Signal(int)  # index into the events; -1: none
    range_chosen = Signal(float, float)  # ordinal days, inclusive; (0, 0): cleared

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumHeight(160)
        self.events: list[Event] = []
        self.lanes: list[Lane] = []
        self.placed: list[Placed] = []
        self.start, self.end = 0.0, 1.0
        self.top = 0.0  # pixels of lanes scrolled up
        self.current = -1
        self.chosen: tuple[float, float] | None = None
        self._drag: tuple[float, float, float, bool] | None = None  # x, start, top at press; selecting
        self._dragged_to = 0.0
        self.paints = 0

    # -- data and view ---------------------------------------------------
    def set_lanes(self, events: list[Event], lanes: list[Lane], placed: list[Placed], keep_view: bool) -> None:
        self.events, self.lanes, self.placed = events, lanes, sorted(placed, key=lambda p: p.day)
        if not keep_view:
            self.fit()
        self.update()

    def fit(self) -> None:
        """Every event in view with a day's margin; the lanes from the top."""
        days = [p.day for p in self.placed]
        first, last = (min(days), max(days)) if days else (0.0, 1.0)
        self.start, self.end = first - 1.0, max(last + 2.0, first - 1.0 + MIN_SPAN)
        self.top = 0.0
        self.update()

    def zoom(self, factor: float, around: float | None = None) -> None:
        """Narrow (factor > 1) or widen the time in view, keeping the day at pixel ``around`` (default: centre)."""
        span = self.end - self.start
        width = max(1.0, self.width() - GUTTER)
        at = 0.5 if around is None else min(1.0, max(0.0, (around - GUTTER) / width))
        pivot = self.start + span * at
        new = min(MAX_SPAN, max(MIN_SPAN, span / factor))
        self.start = pivot - new * at
        self.end = self.start + new
        self.update()

    def pan(self, fraction: float) -> None:
        shift = (self.end - self.start) * fraction
        self.start += shift
        self.end += shift
        self.update()

    def scroll_lanes(self, pixels: float) -> None:
        most = max(0.0, len(self.lanes) * EVENT_LANE - (self.height() - AXIS))
        self.top = min(most, max(0.0, self.top + pixels))
        self.update()

    def x_of(self, day: float) -> float:
        return GUTTER + (day + 0.5 - self.start) / (self.end - self.start) * max(1.0, self.width() - GUTTER)

    def day_at(self, x: float) -> float:
        return self.start + (x - GUTTER) / max(1.0, self.width() - GUTTER) * (self.end - self.start)

    def y_of(self, lane: int) -> float:
        return AXIS + lane * EVENT_LANE + EVENT_LANE / 2 - self.top

    def event_at(self, x: float, y: float) -> int:
        """The event drawn nearest (x, y), within HIT pixels; -1: none."""
        lo, hi = self.day_at(x - HIT) - 0.5, self.day_at(x + HIT) + 0.5
        days = [p.day for p in self.placed]
        best, found = HIT * HIT, -1
        for p in self.placed[bisect.bisect_left(days, lo):bisect.bisect_right(days, hi)]:
            dx, dy = self.x_of(p.day) - x, self.y_of(p.lane) - y
            if dx * dx + dy * dy <= best:
                best, found = dx * dx + dy * dy, p.index
        return found

    # -- painting --------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        self.paints += 1
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.base())
        text = palette.text().color()
        width, height = self.width(), self.height()
        if self.chosen is not None:
            a, b = self.x_of(self.chosen[0] - 0.5), self.x_of(self.chosen[1] + 0.5)
            shade = QColor(palette.highlight().color())
            shade.setAlpha(60)
            painter.fillRect(QRectF(a, AXIS, b - a, height - AXIS), shade)
        self._paint_axis(painter, text, width, height)
        painter.setClipRect(QRectF(0, AXIS, width, height - AXIS))
        grid = QPen(QColor("#b0b0b0"))
        metrics = painter.fontMetrics()
        first = max(0, int(self.top // EVENT_LANE))
        last = min(len(self.lanes), int((self.top + height) // EVENT_LANE) + 1)
        for n in range(first, last):
            y = self.y_of(n)
            painter.setPen(grid)
            painter.drawLine(QPointF(GUTTER, y), QPointF(width, y))
            painter.setPen(text)
            name = metrics.elidedText(escape_untrusted(self.lanes[n].name, 80), Qt.TextElideMode.ElideRight,
                                      GUTTER - 8)
            painter.drawText(QRectF(4, y - EVENT_LANE / 2, GUTTER - 8, EVENT_LANE),
                             int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), name)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setClipRect(QRectF(GUTTER, AXIS, width - GUTTER, height - AXIS))
        days = [p.day for p in self.placed]
        lo, hi = bisect.bisect_left(days, self.start - 1), bisect.bisect_right(days, self.end + 1)
        brushes = {i: QColor(lane.colour) for i, lane in enumerate(self.lanes)}
        painter.setPen(Qt.PenStyle.NoPen)
        for p in self.placed[lo:hi]:
            if first <= p.lane < last:
                painter.setBrush(brushes[p.lane])
                painter.drawEllipse(QPointF(self.x_of(p.day), self.y_of(p.lane)), 4.5, 4.5)
        if self.current >= 0:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(palette.highlight().color(), 2.0))
            for p in self.placed[lo:hi]:
                if p.index == self.current:
                    painter.drawEllipse(QPointF(self.x_of(p.day), self.y_of(p.lane)), 7.5, 7.5)
        painter.end()

    def _paint_axis(self, painter: QPainter, text: QColor, width: int, height: int) -> None:
        """A tick at each year, month or day start, whichever leaves 70 pixels or more between labels."""
        span = self.end - self.start
        per_day = max(1e-9, (width - GUTTER) / span)
        first = date.fromordinal(max(1, int(self.start)))
        last = date.fromordinal(max(1, min(date.max.toordinal(), int(self.end) + 1)))
        ticks: list[tuple[date, str]] = []
        if per_day * 28 < 70:
            step = max(1, int(70 / (per_day * 365)) + 1)
            ticks = [(date(y, 1, 1), str(y)) for y in range(first.year - first.year % step, last.year + 1, step)
                     if y >= 1]
        elif per_day < 70:
            month = date(first.year, first.month, 1)
            while month <= last:
                ticks.append((month, month.strftime("%Y-%m")))
                month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        else:
            ticks = [(date.fromordinal(d), date.fromordinal(d).isoformat())
                     for d in range(first.toordinal(), last.toordinal() + 1)]
        light = QPen(QColor("#d8d8d8"))
        for day, label in ticks[:400]:
            x = self.x_of(day.toordinal() - 0.5)
            if x < GUTTER:
                continue
            painter.setPen(light)
            painter.drawLine(QPointF(x, AXIS), QPointF(x, height))
            painter.setPen(text)
            painter.drawText(QPointF(x + 3, AXIS - 6), label)

    # -- mouse -----------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.scroll_lanes(-steps * EVENT_LANE)
        elif steps:
            self.zoom(1.25 ** steps, event.position().x())
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self.setFocus()
        selecting = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        self._drag = (event.position().x(), self.start, self.top, selecting)
        self._dragged_to = event.position().x()
        found = self.event_at(event.position().x(), event.position().y())
        if found >= 0 and not selecting:
            self.select(found)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        x, y = event.position().x(), event.position().y()
        if self._drag is None:
            found = self.event_at(x, y)
            self.setToolTip(self.tip(found) if found >= 0 else "")
            return
        x0, start, _, selecting = self._drag
        self._dragged_to = x
        if selecting:
            a, b = sorted((self.day_at(x0), self.day_at(x)))
            self.chosen = (float(int(a)), float(int(b)))
        else:
            shift = (x0 - x) / max(1.0, self.width() - GUTTER) * (self.end - self.start)
            self.start, self.end = start + shift, start + shift + (self.end - self.start)
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag is not None and self._drag[3] and self.chosen is not None:
            self.range_chosen.emit(*self.chosen)
        self._drag = None

    # -- selection -------------------------------------------------------
    def select(self, index: int) -> None:
        self.current = index
        self.update()
        self.selected_event.emit(index)

    def step(self, forward: bool) -> None:
        """Select the next (or previous) event in time, and bring it into view."""
        if not self.events:
            return
        order = sorted(range(len(self.events)), key=lambda i: (self.events[i].day, i))
        at = order.index(self.current) if self.current in order else (-1 if forward else len(order))
        chosen = order[min(len(order) - 1, at + 1)] if forward else order[max(0, at - 1)]
        day = _ordinal(self.events[chosen].day)
        if not self.start <= day <= self.end - 1:
            span = self.end - self.start
            self.start, self.end = day - span / 2, day + span / 2
        self.select(chosen)

    def choose(self, first: float, last: float) -> None:
        self.chosen = None if (first, last) == (0.0, 0.0) else (first, last)
        self.update()
        self.range_chosen.emit(first, last)

    def tip(self, index: int) -> str:
        e = self.events[index]
        sentence = escape_untrusted(one_line(e.sentence), 500)
        return f"{e.day} · {escape_untrusted(e.agency, 20)} · #{e.report_id}\n{sentence}"


class EventTimeline(QWidget):
    """The event timeline: days named inside reports on lanes per agency or per entity, an event's sentence
    below the lanes.

    Keys (the lanes focused): + and - zoom, Left and Right scroll in time, Up and Down (or Shift+wheel) scroll
    the lanes, 0 shows every event, N or F3 the next event in time and P or Shift+F3 the previous, Return opens
    the event's report, [ and ] set the start and end of the range at the event selected, S selects the time in
    view, Esc clears the range, L switches lanes between agencies and entities.

    Signals:
    range_selected(str, str, list): a time range chosen (first and last ISO day, inclusive) and the ids of the
        reports whose events fall in it, for other views to filter (the Fusion view's map; the link chart can
        connect the same way); ('', '', []) when cleared.
    open_report(int): Return or a double click on an event.
    more_wanted(): the analyst asked for the next page of reports (their events are added with add_events).
    """

    range_selected = Signal(str, str, list)
    open_report = Signal(int)
    more_wanted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Event timeline"))
        self.lanes_by = QComboBox()
        self.lanes_by.addItem(self.tr("Lanes per agency"), False)
        self.lanes_by.addItem(self.tr("Lanes per entity"), True)
        self.lanes_by.setAccessibleName(self.tr("Lanes"))
        self.lanes_by.setToolTip(self.tr("One lane per agency or per entity (L)"))
        self.count = QLabel(self.tr("No events yet."))
        self.count.setAccessibleName(self.tr("Events shown"))
        self.more = QPushButton(self.tr("Read more reports"))
        self.more.setToolTip(self.tr("Read the next page of reports for their events (Ctrl+M)"))
        self.more.setShortcut(QKeySequence("Ctrl+M"))
        self.more.hide()
        self.canvas = EventCanvas()
        self.canvas.setAccessibleName(self.tr("Events on their lanes"))
        self.sentence = QLabel()
        self.sentence.setAccessibleName(self.tr("The event's sentence"))
        self.sentence.setTextFormat(Qt.TextFormat.PlainText)
        self.sentence.setWordWrap(True)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                              | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.sentence.setMinimumHeight(48)
        bar = QHBoxLayout()
        bar.addWidget(self.lanes_by)
        bar.addWidget(self.count, 1)
        bar.addWidget(self.more)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.sentence)
        self.setTabOrder(self.lanes_by, self.canvas)
        self.setTabOrder(self.canvas, self.sentence)
        self.setTabOrder(self.sentence, self.more)
        self.lanes_by.currentIndexChanged.connect(lambda _: self._relane(keep_view=True))
        self.more.clicked.connect(self.more_wanted)
        self.canvas.selected_event.connect(self._show_sentence)
        self.canvas.range_chosen.connect(self._chosen)
        self.canvas.installEventFilter(self)
        self.events: list[Event] = []
        self.reports = 0

    # -- data -------------------------------------------------------------
    def show_events(self, events: list[Event], reports: int, more: bool, keep_range: bool = False) -> None:
        """Show ``events`` read from ``reports`` reports (``more``: further reports may be read); ``keep_range``:
        the time range chosen stays marked (the same events of fewer reports, as another view filters them)."""
        self.events = list(events)
        self.reports = reports
        self.canvas.current = -1
        if not keep_range:
            self.canvas.chosen = None
        self.sentence.clear()
        self._relane(keep_view=False)
        self._counted(more)

    def add_events(self, events: list[Event], reports: int, more: bool) -> None:
        """Add the events of the next page of reports, keeping the time in view and the selection."""
        self.events.extend(events)
        self.reports += reports
        self._relane(keep_view=True)
        self._counted(more)

    def by_entity(self) -> bool:
        return bool(self.lanes_by.currentData())

    def _relane(self, keep_view: bool) -> None:
        lanes, placed = lanes_for(self.events, self.by_entity(), self.tr("Other entities"))
        self.canvas.set_lanes(self.events, lanes, placed, keep_view)

    def _counted(self, more: bool) -> None:
        self.more.setVisible(more)
        if not self.events:
            self.count.setText(self.tr("No dated events in the %n report(s) read.", "", self.reports))
            return
        self.count.setText(self.tr("%1 events in %2 reports read").replace("%1", str(len(self.events)))
                           .replace("%2", str(self.reports)) + (self.tr("; more to read") if more else ""))

    def _show_sentence(self, index: int) -> None:
        if index < 0:
            self.sentence.clear()
            return
        e = self.events[index]
        names = ", ".join(escape_untrusted(x.name, 60) for x in e.entities[:12])
        head = self.tr("%1 (%2) in report #%3 of %4 (%5)").replace("%1", e.day).replace(
            "%2", escape_untrusted(e.surface, 60)).replace("%3", str(e.report_id)).replace(
            "%4", escape_untrusted(e.agency, 20)).replace("%5", e.report_day)
        lines = [head, escape_untrusted(one_line(e.sentence), 1000)]
        if names:
            lines.append(self.tr("Named: %1").replace("%1", names))
        self.sentence.setText("\n".join(lines))

    def _chosen(self, first: float, last: float) -> None:
        if (first, last) == (0.0, 0.0):
            self.range_selected.emit("", "", [])
            return
        since = date.fromordinal(max(1, int(first))).isoformat()
        until = date.fromordinal(max(1, int(last))).isoformat()
        reports = sorted({e.report_id for e in self.events if since <= e.day <= until})
        self.range_selected.emit(since, until, reports)

    # -- keys ---------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.canvas and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key(event)
        if watched is self.canvas and event.type() == QEvent.Type.MouseButtonDblClick:
            if self.canvas.current >= 0:
                self.open_report.emit(self.events[self.canvas.current].report_id)
            return True
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        canvas = self.canvas
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            canvas.zoom(1.5)
        elif key == Qt.Key.Key_Minus:
            canvas.zoom(1 / 1.5)
        elif key == Qt.Key.Key_Left:
            canvas.pan(-0.2)
        elif key == Qt.Key.Key_Right:
            canvas.pan(0.2)
        elif key == Qt.Key.Key_Up:
            canvas.scroll_lanes(-EVENT_LANE)
        elif key == Qt.Key.Key_Down:
            canvas.scroll_lanes(EVENT_LANE)
        elif key == Qt.Key.Key_0:
            canvas.fit()
        elif key == Qt.Key.Key_N or (key == Qt.Key.Key_F3 and not shift):
            canvas.step(True)
        elif key == Qt.Key.Key_P or key == Qt.Key.Key_F3:
            canvas.step(False)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and canvas.current >= 0:
            self.open_report.emit(self.events[canvas.current].report_id)
        elif key in (Qt.Key.Key_BracketLeft, Qt.Key.Key_BracketRight) and canvas.current >= 0:
            day = _ordinal(self.events[canvas.current].day)
            first, last = canvas.chosen or (day, day)
            first, last = (day, max(day, last)) if key == Qt.Key.Key_BracketLeft else (min(first, day), day)
            canvas.choose(first, last)
        elif key == Qt.Key.Key_S:
            canvas.choose(float(int(canvas.start + 0.5)), float(int(canvas.end - 0.5)))
        elif key == Qt.Key.Key_Escape and canvas.chosen is not None:
            canvas.choose(0.0, 0.0)
        elif key == Qt.Key.Key_L:
            self.lanes_by.setCurrentIndex(1 - self.lanes_by.currentIndex())
        else:
            return False
        return True
