"""The link graph: entities and the reports that mention them, on two rings; pan, zoom, click.

Layout (our own, deterministic and instant): the most-reported entities on
an inner ring, grouped by kind; each report on an outer ring at the mean
angle of the entities it mentions, so reports about the same things sit
together and the lines between rings stay short. Readable at 500 nodes,
and nothing is computed on the UI thread but drawing.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QTransform, QWheelEvent
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSimpleTextItem, QGraphicsView, QWidget

from nia_desktop.core.display import escape_untrusted
from nia_desktop.ui.views.fusion.dot import Dot

KIND_COLOURS = {"person": "#2f6fb3", "organization": "#8a4fbf", "location": "#2e8b57", "operation": "#c8102e"}
SELECTOR_COLOUR = "#d98e04"
REPORT_COLOUR = "#7a7a7a"
LABELLED = 150  # names drawn for at most this many entities, the most-reported first, where they fit


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


def _mean_angle(angles: list[float]) -> float:
    return math.atan2(sum(math.sin(a) for a in angles), sum(math.cos(a) for a in angles)) % (2 * math.pi)


class LinkGraph(QGraphicsView):
    """Click an entity or a report: ``on_entity(id)`` / ``on_report(id)``. Wheel zooms, drag pans."""

    def __init__(self, on_entity: Callable[[int], None], on_report: Callable[[int], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.on_entity, self.on_report = on_entity, on_report
        self.setScene(QGraphicsScene(self))
        self.labels: list[QGraphicsSimpleTextItem] = []
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setAccessibleName(self.tr("Link graph of entities and reports"))

    def show_layout(self, placed: Layout, edges: QPainterPath | None = None) -> None:
        """Draw ``placed``; ``edges``: its lines as one path built beforehand (edge_path, on a worker: tens of
        thousands of lines are tens of milliseconds of Python)."""
        scene = self.scene()
        scene.clear()
        # Opaque hairlines: translucent ones took 150 ms a paint at 2,000 edges (11 ms opaque), and every pan
        # or zoom repaints them; the one path item is cached as a pixmap between transforms.
        pen = QPen(QColor(205, 205, 205))
        pen.setCosmetic(True)
        scene.addPath(edge_path(placed) if edges is None else edges, pen).setCacheMode(
            QGraphicsItem.CacheMode.DeviceCoordinateCache)
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
                scene.addItem(label)
                labels[entity_id] = label
        self.labels = [labels[e] for e in placed.labelled if e in labels]
        for report_id, title, x, y in placed.reports:
            scene.addItem(Dot(x, y, 5, REPORT_COLOUR, f"#{report_id} {escape_untrusted(title, 120)}",
                                functools.partial(self.on_report, report_id)))
        self.fitInView(scene.itemsBoundingRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self.declutter()

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
