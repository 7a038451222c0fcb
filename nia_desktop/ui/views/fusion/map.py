"""The offline map: the fusion's places on shipped country outlines, clustered by zoom; a region selects.

No tiles and no network: the outlines and positions ship with the app (core/fusion/geo, SOURCES.md). The
outlines are one set of paths built once per process off the UI thread (``boundary_paths`` from a worker: a
QPainterPath is a value) and cached; markers are drawn a slice per event-loop turn as the link graph draws
(ui/views/fusion/graph.py), so 1,000 places never stall the window. Markers keep their size in pixels at any
zoom (ItemIgnoresTransformations) and crowd into clusters: places in the same CLUSTER_PIXELS square of the
screen are one marker, its area by the reports behind it; zooming redraws them.

Japan's prefectures (geo.prefectures, Natural Earth 1:10m admin-1) show once zoomed in: their inner borders as
thin lines from PREFECTURE_ZOOM, their names in the UI language from LABEL_ZOOM, as many as fit without
overlapping (the largest first). Clicking the land selects a region's places as the gazetteer places them: the
prefecture under the cursor when its borders show, else the country (``select_at``; ``region`` names it).

Mouse: wheel zooms, drag pans, Shift+drag selects a rectangle, a click on the land selects that prefecture or
country, a click on a marker its places, a double click opens a single place in the entity table. Keyboard: + and
- zoom, arrows pan, 0 the world, J Japan, S selects what is in view, R the prefecture or country at the centre,
Esc clears the selection.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Collection, Iterator, Sequence

from PySide6.QtCore import QLocale, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from nia_desktop.core.display import escape_untrusted
from nia_desktop.core.fusion import geo
from nia_desktop.services.places import Place

SLICE_SECONDS = 0.008  # the drawing's work per event-loop turn, before that turn's paint
COUNTRIES_PER_PATH = 40  # outlines per path item: each item's first paint is one turn's few milliseconds
CLUSTER_PIXELS = 28.0  # places closer than this on screen are one marker
MARKER_COLOUR = "#2e8b57"
SELECTED_COLOUR = "#d98e04"
# (sea, land, coast, names) for the light and the dark theme (ui/theme.py sets the application's nia_dark)
COLOURS = {False: ("#d6e4f0", "#ecece6", "#969696", "#282828"), True: ("#1c2632", "#3a3c3e", "#6e6e6e", "#e6e6e6")}
WORLD = QRectF(-180 * geo.SCALE, -85 * geo.SCALE, 360 * geo.SCALE, 145 * geo.SCALE)  # Antarctica left out
JAPAN = QRectF(122 * geo.SCALE, -46 * geo.SCALE, 25 * geo.SCALE, 22 * geo.SCALE)
ZOOM_STEP = 1.25
LABELLED = 60  # names written beside this many single-place markers at most, the most reported first
PREFECTURE_ZOOM = 1.2  # view scale (pixels per scene unit) from which prefecture borders show: Japan ~300 px
LABEL_ZOOM = 2.0  # from which prefecture names show (Japan framed by J in a 900 x 560 view: 2.45)
CLICK_PIXELS = 4  # a press and release closer than this is a click, not a pan


@functools.cache
def boundary_paths() -> tuple[QPainterPath, ...]:
    """Every country's outline as filled paths, COUNTRIES_PER_PATH to a path; built once (tens of milliseconds:
    call it from a worker first), the same paths every time after."""
    paths = []
    prefecture_borders()  # built here too: this runs on a worker, and the map draws them later from the cache
    shapes = geo.countries()
    for at in range(0, len(shapes), COUNTRIES_PER_PATH):
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        for country in shapes[at:at + COUNTRIES_PER_PATH]:
            for ring in country.rings:
                points = [QPointF(*geo.project(ring[i + 1], ring[i])) for i in range(0, len(ring), 2)]
                path.addPolygon(QPolygonF(points))
                path.closeSubpath()
        paths.append(path)
    return tuple(paths)


@functools.cache
def prefecture_borders() -> QPainterPath:
    """The borders between Japan's prefectures as one stroked path (geo.inner_borders); built once, on the
    worker that builds boundary_paths."""
    path = QPainterPath()
    for line in geo.inner_borders():
        path.moveTo(*geo.project(line[1], line[0]))
        for i in range(2, len(line), 2):
            path.lineTo(*geo.project(line[i + 1], line[i]))
    return path


def ui_language() -> str:
    """'ja' when the application speaks Japanese (ui/i18n sets the default locale), else 'en'."""
    return "ja" if QLocale().language() == QLocale.Language.Japanese else "en"


class Outline(QGraphicsPathItem):
    """Country outlines, drawn without antialiasing and without a cache: a zoom re-rendered every cached
    outline in one paint (78-102 ms at 5x with 1,000 markers, offscreen), an aliased fill of the exposed part
    costs a third of that; a coastline's stair-steps do not matter at this scale."""

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        super().paint(painter, option, widget)


class Marker(QGraphicsEllipseItem):
    """A place or a cluster of places: a disc of constant screen size, its count written on it when a cluster."""

    def __init__(self, cluster: geo.Cluster, radius: float, tip: str, count: str,
                 on_click: Callable[[], None], on_open: Callable[[], None], name: str = "",
                 ink: str = "#282828") -> None:
        super().__init__(-radius, -radius, 2 * radius, 2 * radius)
        self.cluster = cluster
        self.setPos(cluster.x, cluster.y)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setBrush(QBrush(QColor(MARKER_COLOUR)))
        pen = QPen(QColor("white"))
        pen.setWidthF(1.5)
        self.setPen(pen)
        self.setToolTip(tip)
        self.setZValue(2)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.on_click, self.on_open = on_click, on_open
        if count:
            label = QGraphicsSimpleTextItem(count, self)
            label.setBrush(QBrush(QColor("white")))
            box = label.boundingRect()
            label.setPos(-box.width() / 2, -box.height() / 2)
        if name:
            label = QGraphicsSimpleTextItem(name, self)
            label.setBrush(QBrush(QColor(ink)))
            label.setPos(radius + 3, -label.boundingRect().height() / 2)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)  # the view leaves it off for the outlines
        super().paint(painter, option, widget)

    def mark(self, selected: bool) -> None:
        self.setBrush(QBrush(QColor(SELECTED_COLOUR if selected else MARKER_COLOUR)))

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            event.ignore()  # the view's region selection starts here
            return
        self.on_click()

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.on_open()


class PlaceMap(QGraphicsView):
    """The map. ``on_entity(id)``: a double click on a single place.

    Signals:
    selected(list, list): the selected places' entity ids and their reports' ids (both sorted; empty lists when
        the selection is cleared), for other views to filter by.
    drawn(): the places last shown are in the scene in full (``complete``).
    """

    selected = Signal(list, list)
    drawn = Signal()

    def __init__(self, on_entity: Callable[[int], None] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.on_entity = on_entity
        scene = QGraphicsScene(self)
        scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)  # as the graph: inserts stay cheap
        scene.setSceneRect(QRectF(-200 * geo.SCALE, -95 * geo.SCALE, 400 * geo.SCALE, 190 * geo.SCALE))
        app = QApplication.instance()
        self.sea, self.land, self.coast, self.ink = COLOURS[bool(app is not None and app.property("nia_dark"))]
        scene.setBackgroundBrush(QBrush(QColor(self.sea)))
        self.setScene(scene)
        self.places: list[Place] = []
        self._points: list[tuple[float, float, int]] = []
        self.markers: list[Marker] = []
        self.chosen: set[int] = set()  # indexes into places
        self.region = ""  # the country (FR) or prefecture (JP-13) whose places a click selected, '' otherwise
        self.borders: QGraphicsPathItem | None = None
        self.names: list[tuple[geo.Prefecture, QGraphicsSimpleTextItem]] = []  # largest prefecture first
        self._press: tuple[QPointF, bool] | None = None  # where a press began, and whether on a marker
        self.complete = True
        self._outlines = False
        self._cell = 0.0
        self._band = QRectF()
        self._steps: Iterator[bool] | None = None
        self._turn = QTimer(self)
        self._turn.setInterval(0)
        self._turn.timeout.connect(self._advance)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.rubberBandChanged.connect(self._banding)
        self.setAccessibleName(self.tr("Map of the places in the fusion"))
        self.setToolTip(self.tr("Wheel or +/- zoom, drag or arrows pan, click the land or R selects a country or "
                                "prefecture, Shift+drag or S selects a rectangle, 0 world, J Japan, Esc clears"))

    # -- drawing -------------------------------------------------------------
    def show_places(self, places: Sequence[Place], outlines: Sequence[QPainterPath] | None = None,
                    keep: Collection[int] = ()) -> None:
        """Draw ``places`` (and the outlines, the first time: ``outlines`` built by boundary_paths on a worker,
        else here): the first slice now, the rest a slice per event-loop turn; ``drawn`` when done. ``keep``:
        entity ids whose places stay selected, without a new ``selected`` (another view narrowed the places)."""
        self.places = list(places)
        self._points = [(*geo.project(p.lat, p.lon), p.reports) for p in self.places]
        self.chosen = {i for i, p in enumerate(self.places) if p.entity_id in keep} if keep else set()
        self.region = self.region if self.chosen else ""  # a clicked region's name goes with its places
        if not self._outlines:
            self._outlines = True
            self._steps = self._fill_outlines(boundary_paths() if outlines is None else outlines)
            self.frame_world()
        else:
            self._steps = None
        self._redraw()

    def _fill_outlines(self, outlines: Sequence[QPainterPath]) -> Iterator[bool]:
        pen = QPen(QColor(self.coast))
        pen.setCosmetic(True)
        for path in outlines:
            item = Outline(path)
            item.setPen(pen)
            item.setBrush(QBrush(QColor(self.land)))
            item.setZValue(0)
            self.scene().addItem(item)
            yield True
        self._add_prefectures()
        yield True

    def _add_prefectures(self) -> None:
        """Japan's prefecture borders and names, hidden until zoomed in (``_prefecture_detail``)."""
        pen = QPen(QColor(self.coast))
        pen.setCosmetic(True)
        pen.setWidthF(0.6)
        self.borders = Outline(prefecture_borders())
        self.borders.setPen(pen)
        self.borders.setZValue(1)
        self.scene().addItem(self.borders)
        language = ui_language()
        ink = QColor(self.ink)
        ink.setAlpha(170)
        shapes = sorted(geo.prefectures(), key=lambda p: -(p.box[2] - p.box[0]) * (p.box[3] - p.box[1]))
        for prefecture in shapes:
            name = QGraphicsSimpleTextItem(prefecture.name(language))
            name.setBrush(QBrush(ink))
            name.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            box = name.boundingRect()
            name.setTransform(QTransform.fromTranslate(-box.width() / 2, -box.height() / 2))
            name.setPos(*geo.project(*prefecture.label))
            name.setZValue(1)
            name.setToolTip(f"{prefecture.name_ja} {prefecture.name_en} ({prefecture.iso})")
            self.scene().addItem(name)
            self.names.append((prefecture, name))
        self._prefecture_detail()

    def _prefecture_detail(self) -> None:
        """Borders from PREFECTURE_ZOOM; names from LABEL_ZOOM, each only where it overlaps none shown before."""
        if self.borders is None:
            return
        scale = self.transform().m11()
        self.borders.setVisible(scale >= PREFECTURE_ZOOM)
        taken: list[QRectF] = []
        for _prefecture, name in self.names:
            shown = False
            if scale >= LABEL_ZOOM:
                at = self.mapFromScene(name.pos())
                box = name.boundingRect()
                rect = QRectF(at.x() - box.width() / 2 - 2, at.y() - box.height() / 2, box.width() + 4, box.height())
                shown = not any(rect.intersects(other) for other in taken)
                if shown:
                    taken.append(rect)
            name.setVisible(shown)

    def _redraw(self) -> None:
        """Cluster for the current zoom and draw the markers in slices (after the outlines still to come)."""
        self._turn.stop()
        for marker in self.markers:
            self.scene().removeItem(marker)
        self.markers = []
        self._cell = CLUSTER_PIXELS / max(self.transform().m11(), 1e-9)
        clusters = geo.cluster(self._points, self._cell)
        outlines = self._steps
        self._steps = self._chain(outlines, self._fill_markers(clusters))
        self.complete = False
        self._advance()
        if not self.complete:
            self._turn.start()

    @staticmethod
    def _chain(first: Iterator[bool] | None, then: Iterator[bool]) -> Iterator[bool]:
        if first is not None:
            yield from first
        yield from then

    def _fill_markers(self, clusters: list[geo.Cluster]) -> Iterator[bool]:
        # Smallest on top: a big cluster never hides a small place next to it.
        labelled = 0
        for cluster in sorted(clusters, key=lambda c: -c.weight):
            names = [self.places[i].name for i in cluster.members]
            shown = ", ".join(escape_untrusted(n, 40) for n in names[:8]) + (" …" if len(names) > 8 else "")
            tip = self.tr("%n report(s)", "", cluster.weight) + f": {shown}"
            count = str(len(names)) if len(names) > 1 else ""
            name = escape_untrusted(names[0], 24) if not count and labelled < LABELLED else ""
            labelled += bool(name)
            marker = Marker(cluster, geo.marker_radius(cluster.weight), tip, count,
                            functools.partial(self.choose, cluster.members),
                            functools.partial(self._open, cluster.members), name, self.ink)
            marker.mark(bool(self.chosen) and set(cluster.members) <= self.chosen)
            self.scene().addItem(marker)
            self.markers.append(marker)
            yield False
        yield True

    def _advance(self) -> None:
        if self._steps is None:
            return
        deadline = time.perf_counter() + SLICE_SECONDS
        for paint_first in self._steps:
            if paint_first or time.perf_counter() > deadline:
                return
        self._steps = None
        self._turn.stop()
        self.complete = True
        self.drawn.emit()

    def finish(self) -> None:
        """Draw what is left now (a caller that needs the whole scene at once)."""
        while not self.complete:
            self._advance()

    # -- selection -----------------------------------------------------------
    def choose(self, members: Sequence[int], region: str = "") -> None:
        """Select these places (indexes into ``places``) and tell the other views; ``region``: the country or
        prefecture they are the places of (select_at), '' for a marker's, a rectangle's or none."""
        self.region = region
        self.chosen = set(members)
        for marker in self.markers:
            marker.mark(bool(self.chosen) and set(marker.cluster.members) <= self.chosen)
        entities = sorted({self.places[i].entity_id for i in self.chosen})
        reports = sorted({r for i in self.chosen for r in self.places[i].report_ids})
        self.selected.emit(entities, reports)

    def select_region(self, region: QRectF) -> None:
        """Select every place inside ``region`` (scene coordinates), whatever the clusters."""
        area = region.normalized()
        self.choose([i for i, (x, y, _) in enumerate(self._points) if area.contains(QPointF(x, y))])

    def clear_selection(self) -> None:
        self.choose([])

    def select_at(self, point: QPointF) -> str:
        """Select the places of the region under ``point`` (scene coordinates) as the gazetteer places them: the
        prefecture when its borders show (zoomed in past PREFECTURE_ZOOM), else the country. Returns the region's
        code ('' on the sea, the selection then cleared)."""
        lat, lon = geo.unproject(point.x(), point.y())
        prefecture = geo.prefecture_at(lat, lon) if self.transform().m11() >= PREFECTURE_ZOOM else None
        if prefecture is not None:
            code = prefecture.iso
            members = [i for i, p in enumerate(self.places) if p.prefecture == code]
        else:
            country = geo.country_at(lat, lon)
            code = country.iso if country is not None else ""
            members = [i for i, p in enumerate(self.places) if code and p.country == code]
        self.choose(members, code)
        return code

    def _open(self, members: Sequence[int]) -> None:
        if len(members) == 1 and self.on_entity is not None:
            self.on_entity(self.places[members[0]].entity_id)

    def _banding(self, rect: QRect, start: QPointF, end: QPointF) -> None:
        """Qt reports the band while it is dragged and a null one when released: select what the last held."""
        if not rect.isNull():
            self._band = QRectF(start, end)
        elif not self._band.isNull():
            band, self._band = self._band, QRectF()
            self.select_region(band)

    # -- navigation ----------------------------------------------------------
    def frame_world(self) -> None:
        self.fitInView(WORLD, Qt.AspectRatioMode.KeepAspectRatio)

    def frame_japan(self) -> None:
        self.fitInView(JAPAN, Qt.AspectRatioMode.KeepAspectRatio)
        self._rezoomed()

    def zoom(self, factor: float) -> None:
        scale = self.transform().m11() * factor
        if 0.02 < scale < 400:
            self.scale(factor, factor)
            self._rezoomed()

    def _rezoomed(self) -> None:
        """Markers crowd or part with the zoom: cluster again when the cell changed; prefectures show or hide."""
        self._prefecture_detail()
        cell = CLUSTER_PIXELS / max(self.transform().m11(), 1e-9)
        if self.places and abs(cell - self._cell) > 1e-9:
            self._redraw()

    def visible_region(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.zoom(ZOOM_STEP if event.angleDelta().y() > 0 else 1 / ZOOM_STEP)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag if shift else QGraphicsView.DragMode.ScrollHandDrag)
        item = self.itemAt(event.position().toPoint())
        on_marker = isinstance(item, Marker) or (item is not None and isinstance(item.parentItem(), Marker))
        self._press = (event.position(), on_marker) if event.button() == Qt.MouseButton.LeftButton and not shift \
            else None
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        press, self._press = self._press, None
        if press is not None and not press[1] and event.button() == Qt.MouseButton.LeftButton:
            moved = event.position() - press[0]
            if abs(moved.x()) + abs(moved.y()) < CLICK_PIXELS:  # a click on the land, not a pan
                self.select_at(self.mapToScene(event.position().toPoint()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(ZOOM_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_0:
            self.frame_world()
            self._rezoomed()
        elif key == Qt.Key.Key_J:
            self.frame_japan()
        elif key == Qt.Key.Key_S:
            self.select_region(self.visible_region())
        elif key == Qt.Key.Key_R:
            self.select_at(self.mapToScene(self.viewport().rect().center()))
        elif key == Qt.Key.Key_Escape and self.chosen:
            self.clear_selection()
        else:
            super().keyPressEvent(event)  # arrows pan through the scroll bars
