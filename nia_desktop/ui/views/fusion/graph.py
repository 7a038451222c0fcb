"""The link graph: entities and the reports that mention them, on two rings; pan, zoom, click.

Layout (our own, deterministic and instant): the most-reported entities on
an inner ring, grouped by kind; each report on an outer ring at the mean
angle of the entities it mentions, so reports about the same things sit
together and the lines between rings stay short. Readable at 500 nodes,
and nothing is computed on the UI thread but drawing, and that in slices:
the scene is filled a few milliseconds of work per event-loop turn, the
lines a few hundred per item (each item's first paint renders its cache),
so drawing never stalls the window (it did for 76-118 ms at 500 nodes).
"""

from __future__ import annotations

import functools
import math
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QTransform, QWheelEvent
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSimpleTextItem, QGraphicsView, QWidget

from nia_desktop.core.display import escape_untrusted
from nia_desktop.ui.views.fusion.dot import Dot

KIND_COLOURS = {"person": "#2f6fb3", "organization": "#8a4fbf", "location": "#2e8b57", "operation": "#c8102e"}
SELECTOR_COLOUR = "#d98e04"
REPORT_COLOUR = "#7a7a7a"
LABELLED = 150  # names drawn for at most this many entities, the most-reported first, where they fit
SLICE_SECONDS = 0.008  # the drawing's work per event-loop turn, before that turn's paint
LINES_PER_ITEM = 250  # lines per path item: its first paint (rendering its cache) is one turn's few milliseconds


@dataclass(frozen=True)
class Layout:
    """Positions computed off the UI thread: (key, label, kind, x, y) nodes and (entity, report) edges."""

    entities: list[tuple[int, str, str, float, float]]
    reports: list[tuple[int, str, float, float]]
    edges: list[tuple[int, int]]
    labelled: tuple[int, ...] = ()  # entities whose names may be drawn, most-reported first


def layout(entities: list[tuple[int, str, str, list[int]]], titles: dict[int, str], most: int = 150,
           most_reports: int = 350, chosen_already: bool = False) -> Layout:
    """Choose the ``most`` entities in most reports (two or more) and place them and up to ``most_reports``
    of their reports, those that mention most of the chosen entities first: 500 nodes at most.

    ``chosen_already``: the fusion tables chose them (core/store/fusion_pages.graph, most-reported first) and
    each entity's reports are already those kept."""
    if chosen_already:
        chosen = list(entities)
        labelled = tuple(e[0] for e in chosen[:LABELLED])
    else:
        chosen = sorted((e for e in entities if len(e[3]) > 1), key=lambda e: (-len(e[3]), e[0]))[:most]
        counts: dict[int, int] = {}
        for _, _, _, reports in chosen:
            for report in reports:
                counts[report] = counts.get(report, 0) + 1
        kept = set(sorted(counts, key=lambda r: (-counts[r], r))[:most_reports])
        labelled = tuple(e[0] for e in chosen[:LABELLED])
        chosen = [(i, n, k, [r for r in rs if r in kept]) for i, n, k, rs in chosen]
    chosen.sort(key=lambda e: (e[2], -len(e[3])))
    inner, outer = 300.0, 520.0
    angle: dict[int, float] = {}
    placed_entities = []
    for i, (entity_id, name, kind, _) in enumerate(chosen):
        a = 2 * math.pi * i / max(1, len(chosen))
        angle[entity_id] = a
        placed_entities.append((entity_id, name, kind, inner * math.cos(a), inner * math.sin(a)))
    mentions: dict[int, list[float]] = {}
    edges = []
    for entity_id, _, _, reports in chosen:
        for report in reports:
            mentions.setdefault(report, []).append(angle[entity_id])
            edges.append((entity_id, report))
    placed_reports = []
    order = sorted(mentions, key=lambda r: _mean_angle(mentions[r]))
    for i, report in enumerate(order):
        a = 2 * math.pi * i / max(1, len(order))
        placed_reports.append((report, titles.get(report, ""), outer * math.cos(a), outer * math.sin(a)))
    return Layout(placed_entities, placed_reports, edges, labelled)


def edge_path(placed: Layout) -> QPainterPath:
    """Every line of the layout as one path: one item for every line (thousands of items) took seconds to paint.
    A QPainterPath is a value, not a widget: a worker may build it."""
    where: dict[tuple[str, int], QPointF] = {}
    for entity_id, _name, _kind, x, y in placed.entities:
        where[("e", entity_id)] = QPointF(x, y)
    for report_id, _, x, y in placed.reports:
        where[("r", report_id)] = QPointF(x, y)
    edges = QPainterPath()
    for entity_id, report_id in placed.edges:
        edges.moveTo(where[("e", entity_id)])
        edges.lineTo(where[("r", report_id)])
    return edges


def _split(path: QPainterPath, lines: int) -> Iterator[QPainterPath]:
    """``path``'s lines (a moveTo and a lineTo each, as edge_path draws them) as paths of ``lines`` lines."""
    part = QPainterPath()
    count = 0
    for i in range(path.elementCount()):
        element = path.elementAt(i)
        if element.isMoveTo():
            if count == lines:
                yield part
                part, count = QPainterPath(), 0
            part.moveTo(element.x, element.y)
            count += 1
        else:
            part.lineTo(element.x, element.y)
    if count:
        yield part


def _mean_angle(angles: list[float]) -> float:
    return math.atan2(sum(math.sin(a) for a in angles), sum(math.cos(a) for a in angles)) % (2 * math.pi)


class LinkGraph(QGraphicsView):
    """Click an entity or a report: ``on_entity(id)`` / ``on_report(id)``. Wheel zooms, drag pans.

    Signals:
    drawn(): the last layout shown is in the scene in full (``complete``).
    """

    drawn = Signal()

    def __init__(self, on_entity: Callable[[int], None], on_report: Callable[[int], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.on_entity, self.on_report = on_entity, on_report
        scene = QGraphicsScene(self)
        # No BSP index: 650 items are found by a walk as fast, and each insertion into the index cost time.
        scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setScene(scene)
        self.labels: list[QGraphicsSimpleTextItem] = []
        self.complete = True
        self._steps: Iterator[bool] | None = None
        self._turn = QTimer(self)
        self._turn.setInterval(0)
        self._turn.timeout.connect(self._advance)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setAccessibleName(self.tr("Link graph of entities and reports"))

    def show_layout(self, placed: Layout, edges: QPainterPath | None = None) -> None:
        """Draw ``placed``: its first slice now, the rest a slice per event-loop turn (``drawn`` when done; a
        layout shown meanwhile replaces it). ``edges``: its lines as one path built beforehand (edge_path, on a
        worker: tens of thousands of lines are tens of milliseconds of Python); split here into items of
        LINES_PER_ITEM lines, a turn each."""
        self._turn.stop()
        scene = self.scene()
        scene.clear()
        self.labels = []
        self.complete = False
        # The frame is set before any item is in: set after, it would change the transform and every item's
        # cache would be rendered again in one turn.
        nodes = [(x, y) for _, _, _, x, y in placed.entities] + [(x, y) for _, _, x, y in placed.reports]
        if nodes:
            xs, ys = [x for x, _ in nodes], [y for _, y in nodes]
            frame = QRectF(min(xs) - 10, min(ys) - 10, max(xs) - min(xs) + 20, max(ys) - min(ys) + 20)
            scene.setSceneRect(frame)
            self.fitInView(frame, Qt.AspectRatioMode.KeepAspectRatio)
        self._steps = self._fill(placed, edge_path(placed) if edges is None else edges)
        self._advance()
        if not self.complete:
            self._turn.start()

    def finish(self) -> None:
        """Draw what is left of the layout now (a caller that needs the whole scene at once)."""
        while not self.complete:
            self._advance()

    def _advance(self) -> None:
        """One turn's slice: steps until SLICE_SECONDS have passed or a step asks for a paint first."""
        if self._steps is None:
            return
        deadline = time.perf_counter() + SLICE_SECONDS
        for paint_first in self._steps:
            if paint_first or time.perf_counter() > deadline:
                return
        self._steps = None
        self._turn.stop()
        self.complete = True
        self.declutter()
        self.drawn.emit()

    def _fill(self, placed: Layout, edges: QPainterPath) -> Iterator[bool]:
        """The scene's items one step at a time; True: this turn ends here, so its new items paint before more.
        Dots and names first (each a small paint), then the lines a path item per turn."""
        scene = self.scene()
        labels: dict[int, QGraphicsSimpleTextItem] = {}
        wanted = set(placed.labelled)
        for entity_id, name, kind, x, y in placed.entities:
            shown = escape_untrusted(name, 60)
            scene.addItem(Dot(x, y, 9, KIND_COLOURS.get(kind, SELECTOR_COLOUR), f"{shown} ({kind})",
                              functools.partial(self.on_entity, entity_id)))
            if entity_id in wanted:
                label = QGraphicsSimpleTextItem(escape_untrusted(name, 24))
                # Outward, between the rings, at the same size at any zoom; left-hand labels end at their dot.
                label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
                scale = 1 + 14 / max(1.0, math.hypot(x, y))
                label.setPos(x * scale, y * scale)
                box = label.boundingRect()
                label.setTransform(QTransform.fromTranslate(-box.width() if x < 0 else 0, -box.height() / 2))
                label.setZValue(3)
                label.setVisible(False)  # declutter shows those that fit, once all are in
                scene.addItem(label)
                labels[entity_id] = label
            yield False
        self.labels = [labels[e] for e in placed.labelled if e in labels]
        for report_id, title, x, y in placed.reports:
            scene.addItem(Dot(x, y, 5, REPORT_COLOUR, f"#{report_id} {escape_untrusted(title, 120)}",
                              functools.partial(self.on_report, report_id)))
            yield False
        # Opaque hairlines: translucent ones took 150 ms a paint at 2,000 edges (11 ms opaque), and every pan
        # or zoom repaints them; each path item is cached as a pixmap between transforms.
        pen = QPen(QColor(205, 205, 205))
        pen.setCosmetic(True)
        for part in _split(edges, LINES_PER_ITEM):
            item = scene.addPath(part, pen)
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            yield True

    def declutter(self) -> None:
        """Show each name, most-reported entity first, only where it overlaps no name already shown: at 500
        nodes they would pile up at the top and bottom of the ring. Zooming in makes room for more."""
        shown: list[QRectF] = []
        for label in self.labels:
            rect = self.label_rect(label)
            fits = not any(rect.intersects(other) for other in shown)
            label.setVisible(fits)
            if fits:
                shown.append(rect)

    def label_rect(self, label: QGraphicsSimpleTextItem) -> QRectF:
        """Where a name is on screen, in view pixels (it ignores the view's scale)."""
        anchor = self.mapFromScene(label.pos())
        box = label.boundingRect()
        return QRectF(anchor.x() + label.transform().dx(), anchor.y() + label.transform().dy(), box.width(),
                      box.height())

    def wheelEvent(self, event: QWheelEvent) -> None:
        factor = 1.15 if event.angleDelta().y() > 0 else 1 / 1.15
        self.scale(factor, factor)
        self.declutter()
