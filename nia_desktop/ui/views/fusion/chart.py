"""The link chart: entities as nodes, the reports naming two of them as the evidence on the link between them.

An analyst builds it as in i2 Analyst's Notebook: it starts from the case's (or the vault's) top entities by
readable reports, and grows by expanding a node to its neighbours; nodes can be collapsed, pinned, dragged
(a dragged node stays pinned where it was put) and hidden; a filter narrows kinds, agencies, dates and link
strength; the shortest paths between two selected entities are highlighted; a ranking by degree or betweenness
numbers the top entities and marks brokers (dashed ring). A link's tooltip says how many reports it rests on;
selecting it lists them, a double-click opens one. The chart is saved with the case (Ctrl+S) and exported as
PNG or SVG.

Nothing reads the store on the UI thread: each service call (services/link_chart, services/entity_network) and
the force-directed layout (core/chart_layout) run on a worker, and the result is put into the scene a few
milliseconds of work per event-loop turn, so a 500-node chart never stalls the window. Names are drawn at one
size at any zoom, and only where they overlap no name of a node with more reports.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QContextMenuEvent,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QTransform,
    QWheelEvent,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QSpinBox,
    QSplitter,
    QStyleOptionGraphicsItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nia_desktop.core import chart_layout
from nia_desktop.core.display import escape_untrusted
from nia_desktop.core.markings import Marking
from nia_desktop.services import entity_network, link_chart
from nia_desktop.services.session import Session
from nia_desktop.ui.theme import CLASSIFICATION_COLOURS
from nia_desktop.ui.workers import run_task

Runner = Callable[[Callable[[Any, Any], Any], Callable[[Any], None], Callable[[], None]], Any]
KIND_COLOURS = {"person": "#2f6fb3", "organization": "#8a4fbf", "location": "#2e8b57", "operation": "#c8102e"}
SELECTOR_COLOUR = "#d98e04"
PATH_COLOUR = "#ff7f00"
SLICE_SECONDS = 0.008  # the scene's work per event-loop turn
LABELLED = 200  # names drawn for at most this many nodes, most reports first, where they fit
PLAIN_LINKS = 1500  # past this many links they are drawn without antialiasing (4x cheaper; entities keep it)


def _shape(kind: str, r: float) -> QPainterPath:
    """A symbol per kind: person a disc, organisation a square, place a triangle, operation a hexagon, any
    selector (e-mail, phone, domain, ...) a diamond; colour repeats the kind (colour alone is not enough)."""
    path = QPainterPath()
    if kind == "person":
        path.addEllipse(QPointF(0, 0), r, r)
    elif kind == "organization":
        path.addRect(QRectF(-r * 0.9, -r * 0.9, r * 1.8, r * 1.8))
    elif kind == "location":
        path.addPolygon(QPolygonF([QPointF(0, -r * 1.1), QPointF(r, r * 0.75), QPointF(-r, r * 0.75)]))
        path.closeSubpath()
    elif kind == "operation":
        path.addPolygon(QPolygonF([QPointF(r * math.cos(a * math.pi / 3), r * math.sin(a * math.pi / 3))
                                   for a in range(6)]))
        path.closeSubpath()
    else:
        path.addPolygon(QPolygonF([QPointF(0, -r * 1.15), QPointF(r, 0), QPointF(0, r * 1.15), QPointF(-r, 0)]))
        path.closeSubpath()
    return path


class NodeItem(QGraphicsItem):
    """One entity: its symbol, sized by readable reports, with a label below; movable and selectable."""

    def __init__(self, node: link_chart.ChartNode, chart: LinkChart) -> None:
        super().__init__()
        self.node, self.chart = node, chart
        self.radius = chart_layout.radius_for(node.reports)
        self.path = _shape(node.kind, self.radius)
        self.colour = QColor(KIND_COLOURS.get(node.kind, SELECTOR_COLOUR))
        self.pinned = False
        self.broker = False
        self.on_path = False
        self.rank = 0
        self.links: list[LinkItem] = []
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsMovable | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
        self.setZValue(2)
        self.label = QGraphicsSimpleTextItem(escape_untrusted(node.name, 28), self)
        self.label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.label.setPos(0, self.radius + 2)
        self.label.setVisible(False)
        self.refresh_tip()

    def refresh_tip(self) -> None:
        lines = [f"{escape_untrusted(self.node.name, 80)} ({self.node.kind})",
                 QCoreApplication.translate("LinkChart", "{0} readable reports").format(self.node.reports)]
        if self.rank:
            lines.append(QCoreApplication.translate("LinkChart", "rank {0}").format(self.rank))
        if self.broker:
            lines.append(QCoreApplication.translate("LinkChart", "broker: the one link between groups"))
        if self.pinned:
            lines.append(QCoreApplication.translate("LinkChart", "pinned (P to unpin)"))
        lines.append(QCoreApplication.translate("LinkChart", "E expand, C collapse, P pin, H hide"))
        self.setToolTip("\n".join(lines))

    def boundingRect(self) -> QRectF:
        r = self.radius + 6
        return QRectF(-r, -r, 2 * r, 2 * r)

    def shape(self) -> QPainterPath:
        return self.path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)  # whether or not the links are (PLAIN_LINKS)
        painter.setBrush(QBrush(self.colour))
        outline = QColor("#202020") if self.pinned else self.colour.darker(140)
        pen = QPen(outline, 3 if self.pinned else 1)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.drawPath(self.path)
        if self.isSelected() or self.on_path:
            ring = QPen(QColor(PATH_COLOUR) if self.on_path else QColor("#1f77ff"), 3)
            ring.setCosmetic(True)
            painter.setPen(ring)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0, 0), self.radius + 3, self.radius + 3)
        if self.broker:
            dashed = QPen(QColor("#202020"), 1.5, Qt.PenStyle.DashLine)
            dashed.setCosmetic(True)
            painter.setPen(dashed)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0, 0), self.radius + 5, self.radius + 5)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            for link in self.links:
                link.follow()
        return super().itemChange(change, value)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        moved = event.buttonDownScenePos(Qt.MouseButton.LeftButton) != event.scenePos()
        super().mouseReleaseEvent(event)
        if moved:
            self.chart.dragged(self)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.chart.expand([self.node.id])


class LinkItem(QGraphicsLineItem):
    """A link: its width grows with the shared reports; select it to list them."""

    def __init__(self, link: link_chart.ChartLink, a: NodeItem, b: NodeItem, chart: LinkChart) -> None:
        super().__init__()
        self.link, self.a, self.b, self.chart = link, a, b, chart
        self.on_path = False
        a.links.append(self)
        b.links.append(self)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(1)
        self.restyle()
        if link.more:  # counted up to the cap (services/chart_counts): the evidence counts them all
            self.setToolTip(QCoreApplication.translate(
                "LinkChart", "{0}+ shared readable reports (counted up to {0}): select to count and list them, "
                "double-click to open the first").format(link.shared))
        else:
            self.setToolTip(QCoreApplication.translate(
                "LinkChart", "{0} shared readable reports: select to list them, double-click to open the first").format(
                link.shared))
        self.follow()

    def restyle(self) -> None:
        colour = QColor(PATH_COLOUR) if self.on_path else QColor("#1f77ff") if self.isSelected() \
            else QColor(150, 150, 150)
        pen = QPen(colour, min(6.0, 1.0 + math.log2(max(1, self.link.shared))) + (2 if self.on_path else 0))
        pen.setCosmetic(True)
        self.setPen(pen)

    def follow(self) -> None:
        self.setLine(self.a.pos().x(), self.a.pos().y(), self.b.pos().x(), self.b.pos().y())

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self.restyle()
        return super().itemChange(change, value)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.chart.open_first(self)


class ChartView(QGraphicsView):
    """Wheel zooms (names decluttered again), drag on the background selects a region."""

    def __init__(self, chart: LinkChart) -> None:
        super().__init__()
        self.chart = chart
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)

    def wheelEvent(self, event: QWheelEvent) -> None:
        factor = 1.15 if event.angleDelta().y() > 0 else 1 / 1.15
        self.scale(factor, factor)
        self.chart.declutter()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Arrow keys walk the visible entities, most reports first (Right/Down next, Left/Up previous); with
        Shift the selection grows (two entities for Ctrl+P). The rest as QGraphicsView does."""
        step = {Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1}.get(
            Qt.Key(event.key()))
        if step is None:
            super().keyPressEvent(event)
            return
        self.chart.step_selection(step, bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = QMenu(self)
        for action in self.chart.menu_actions:
            menu.addAction(action) if action is not None else menu.addSeparator()
        menu.exec(event.globalPos())


@dataclass(frozen=True)
class _Update:
    """A worker's answer: nodes and links to add (or, with ``replace``, the chart's new content), and every
    node's position."""

    piece: link_chart.Piece
    positions: dict[int, tuple[float, float]]
    replace: bool = False
    pinned: frozenset[int] = frozenset()
    hidden: frozenset[int] = frozenset()
    source: int | None = None  # the node expanded


class LinkChart(QWidget):
    """The chart of one case (or of every report) for the signed-in analyst.

    Signals:
    open_report(int): a report chosen from a link's evidence.
    select_entity(int): the entity to show in the Fusion view's table.
    settled(): the scene holds everything the last answer brought (tests and the status line wait on it).
    """

    open_report = Signal(int)
    select_entity = Signal(int)
    settled = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None, runner: Runner | None = None) -> None:
        """``runner(fn, on_success, on_finished)``: how a view runs work (View.run: errors in its banner, its
        ``busy`` counting the chart's work too); without one, run_task with errors on the status line."""
        super().__init__(parent)
        self.session = session
        self.runner = runner
        self.case = ""
        self.nodes: dict[int, NodeItem] = {}
        self.links: dict[tuple[int, int], LinkItem] = {}
        self.hidden: set[int] = set()
        self.kinds_shown: set[str] | None = None  # None: every kind
        self.strength = 1
        self.expanded: dict[int, set[int]] = {}
        self.busy = 0
        self.complete = True
        self._steps: Iterator[bool] | None = None
        self._turn = QTimer(self)
        self._turn.setInterval(0)
        self._turn.timeout.connect(self._advance)
        self._evidence_for: tuple[int, int] | None = None
        self._epoch = 0
        self._cursor: NodeItem | None = None  # the entity the arrow keys moved to last
        self.reports_filter: tuple[int, ...] | None = None  # filter_reports: only these reports count
        self._unfiltered: dict[int, tuple[float, float]] = {}  # where the entities were before it was set

        self.scene_ = QGraphicsScene(self)
        self.scene_.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.scene_.selectionChanged.connect(self._selection_changed)
        self.view = ChartView(self)
        self.view.setScene(self.scene_)
        self.view.setAccessibleName(self.tr("Link chart of entities; links are the reports naming both"))
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.status = QLabel(self.tr("Choose a case and show the chart."))
        self.status.setAccessibleName(self.tr("Link chart status"))
        self.status.setWordWrap(True)
        self.evidence = QListWidget()
        self.evidence.setAccessibleName(self.tr("Reports on the selected link"))
        self.evidence.itemActivated.connect(self._evidence_chosen)
        self.evidence.itemDoubleClicked.connect(self._evidence_chosen)
        self.evidence_title = QLabel(self.tr("Select a link to list the reports it rests on."))
        self.evidence_title.setWordWrap(True)

        self.agency = QComboBox()
        self.agency.setAccessibleName(self.tr("Agency filter"))
        self.agency.addItem(self.tr("Any agency"), "")
        self.since, self.until = QDateEdit(), QDateEdit()
        for edit, name in ((self.since, self.tr("From date")), (self.until, self.tr("To date"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setSpecialValueText(self.tr("any"))
            edit.setMinimumDate(edit.minimumDate())
            edit.setDate(edit.minimumDate())
            edit.setAccessibleName(name)
        self.strength_box = QSpinBox()
        self.strength_box.setRange(1, link_chart.CAP)  # links are counted to the cap: exact at any strength asked
        self.strength_box.setPrefix(self.tr("links ≥ "))
        self.strength_box.setAccessibleName(self.tr("Hide links under this many shared reports"))
        self.strength_box.setToolTip(self.tr("Hide links under this many shared reports"))
        self.strength_box.valueChanged.connect(self.set_strength)
        self.rank_by = QComboBox()
        self.rank_by.addItem(self.tr("Rank by degree"), "degree")
        self.rank_by.addItem(self.tr("Rank by betweenness"), "betweenness")
        self.rank_by.setAccessibleName(self.tr("Ranking"))

        self.actions_: dict[str, QAction] = {}
        self.menu_actions: list[QAction | None] = []
        add = self._action
        add("start", self.tr("Top entities"), "Ctrl+T", self.tr("Start again from the top entities by reports"),
            self.start)
        add("expand", self.tr("Expand"), "E", self.tr("Add the selected entities' neighbours"), self.expand)
        add("collapse", self.tr("Collapse"), "C", self.tr("Remove what expanding the selected entities added"),
            self.collapse)
        add("pin", self.tr("Pin / unpin"), "P", self.tr("A pinned entity never moves in a layout"), self.toggle_pin)
        add("hide", self.tr("Hide"), "H", self.tr("Hide the selected entities (Delete too)"), self.hide_selected,
            extra="Delete")
        add("unhide", self.tr("Show hidden"), "Shift+H", self.tr("Show every hidden entity again"), self.unhide)
        add("table", self.tr("Show in table"), "Return", self.tr("Show the selected entity in the entities table"),
            self.show_in_table)
        self.menu_actions.append(None)
        add("path", self.tr("Find paths"), "Ctrl+P", self.tr("Shortest paths between the two selected entities"),
            self.find_path)
        add("rank", self.tr("Rank"), "R", self.tr("Number the top entities and mark brokers"), self.rank)
        add("filter", self.tr("Apply filter"), "Ctrl+Return", self.tr("Count links again within the agency and "
                                                                       "dates chosen"), self.apply_filter)
        self.menu_actions.append(None)
        add("layout", self.tr("Lay out again"), "L", self.tr("Move every unpinned entity to a new layout"),
            self.relayout)
        add("fit", self.tr("Fit"), "F", self.tr("Show the whole chart"), self.fit)
        add("save", self.tr("Save with case"), "Ctrl+S", self.tr("Keep positions, pins and hidden entities with "
                                                                 "the case"), self.save)
        add("export", self.tr("Export picture…"), "Ctrl+Shift+S", self.tr("Save the chart as PNG or SVG"),
            self.export_dialog)
        self.kind_button = QToolButton()
        self.kind_button.setText(self.tr("Kinds"))
        self.kind_button.setAccessibleName(self.tr("Kinds shown"))
        self.kind_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.kind_menu = QMenu(self.kind_button)
        self.kind_button.setMenu(self.kind_menu)

        bar = QHBoxLayout()
        for key in ("start", "expand", "collapse", "pin", "hide", "path", "rank", "fit", "save", "export"):
            button = QToolButton()
            button.setDefaultAction(self.actions_[key])
            bar.addWidget(button)
        bar.addStretch(1)
        filters = QHBoxLayout()
        filters.addWidget(self.kind_button)
        filters.addWidget(self.agency)
        filters.addWidget(self.since)
        filters.addWidget(self.until)
        button = QToolButton()
        button.setDefaultAction(self.actions_["filter"])
        filters.addWidget(button)
        filters.addWidget(self.strength_box)
        filters.addWidget(self.rank_by)
        filters.addStretch(1)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.evidence_title)
        side_layout.addWidget(self.evidence, 1)
        split = QSplitter()
        split.addWidget(self.view)
        split.addWidget(side)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        split.setSizes([800, 220])
        split.setCollapsible(0, False)
        side.setMaximumWidth(420)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(bar)
        outer.addLayout(filters)
        outer.addWidget(split, 1)
        outer.addWidget(self.status)
        self.setTabOrder(self.view, self.evidence)

    def _action(self, key: str, text: str, shortcut: str, tip: str, slot: Callable[[], None],
                extra: str = "") -> None:
        action = QAction(text, self)
        keys = [QKeySequence(shortcut)] + ([QKeySequence(extra)] if extra else [])
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(f"{tip} ({' / '.join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)})")
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        self.actions_[key] = action
        self.menu_actions.append(action)

    # -- reading -------------------------------------------------------------------------------------------
    def _run(self, fn: Callable[[], Any], then: Callable[[Any], None], what: str, replaces: bool = False) -> None:
        """Run ``fn`` on a worker, ``then`` with its answer here; ``replaces``: its answer is the chart's whole
        content, and any answer asked for before it is dropped when it comes (a slower first chart must not
        land on a second one)."""
        self.busy += 1
        self.status.setText(what)
        if replaces:
            self._epoch += 1
        epoch = self._epoch

        def answered(value: Any) -> None:
            if epoch == self._epoch:
                then(value)

        def failed(error: BaseException) -> None:
            self.status.setText(self.tr("Could not finish: {0}").format(escape_untrusted(str(error), 300)))

        def finished() -> None:
            self.busy -= 1

        if self.runner is not None:
            self.runner(lambda signals, cancel: fn(), answered, finished)
            return
        run_task(lambda signals, cancel: fn(), on_success=answered, on_error=failed, on_finished=finished)

    def scene(self) -> QGraphicsScene:
        return self.scene_

    def _chosen(self) -> link_chart.ChartFilter:
        since = "" if self.since.date() == self.since.minimumDate() else self.since.date().toString("yyyy-MM-dd")
        until = "" if self.until.date() == self.until.minimumDate() else self.until.date().toString("yyyy-MM-dd")
        agency = str(self.agency.currentData() or "")
        return link_chart.ChartFilter((agency,) if agency else (), since, until, self.reports_filter)

    def _snapshot(self) -> tuple[dict[int, tuple[float, float]], set[int], dict[int, float]]:
        positions = {i: (n.pos().x(), n.pos().y()) for i, n in self.nodes.items()}
        return positions, {i for i, n in self.nodes.items() if n.pinned}, {i: n.radius for i, n in self.nodes.items()}

    def open_chart(self, case: str) -> None:
        """Show ``case``'s chart (empty: every report): the one saved, else the top entities."""
        self.case = case
        self._unfiltered = {}  # a new fusion's (or scope's) chart: the positions kept before name its old ids
        session, chosen = self.session, self._chosen()

        def read() -> tuple[_Update, list[str]]:
            names = link_chart.agencies(session, case)
            saved = link_chart.load(session, case)
            if saved is None or not saved.nodes:
                piece = link_chart.top(session, case, chosen=chosen)
                return _laid_out(piece, {}, set(), replace=True), names
            piece = link_chart.Piece([n.node for n in saved.nodes], saved.links)
            placed = {n.node.id: (n.x, n.y) for n in saved.nodes}
            pinned = {n.node.id for n in saved.nodes if n.pinned}
            update = _laid_out(piece, placed, pinned, replace=True)
            return _Update(update.piece, update.positions, True, frozenset(pinned), frozenset(saved.hidden)), names

        self._run(read, self._opened, self.tr("Reading the chart…"), replaces=True)

    def _opened(self, found: tuple[_Update, list[str]]) -> None:
        update, names = found
        current = self.agency.currentData()
        self.agency.blockSignals(True)
        self.agency.clear()
        self.agency.addItem(self.tr("Any agency"), "")
        for name in names:
            self.agency.addItem(escape_untrusted(name, 40), name)
        index = self.agency.findData(current)
        self.agency.setCurrentIndex(max(0, index))
        self.agency.blockSignals(False)
        self._apply(update)

    def start(self) -> None:
        session, case, chosen = self.session, self.case, self._chosen()
        self._run(lambda: _laid_out(link_chart.top(session, case, chosen=chosen), {}, set(), replace=True),
                  self._apply, self.tr("Reading the top entities…"), replaces=True)

    def show_piece(self, piece: link_chart.Piece) -> None:
        """Lay out ``piece`` (on a worker) as the chart's whole content and draw it in slices."""
        self._run(lambda: _laid_out(piece, {}, set(), replace=True), self._apply, self.tr("Laying out…"),
                  replaces=True)

    def step_selection(self, step: int, extend: bool) -> None:
        """Select the next (``step`` 1) or previous (-1) visible entity in order of reports, from the one
        selected last; ``extend``: keep the others selected."""
        order = sorted((n for n in self.nodes.values() if n.isVisible()), key=lambda n: (-n.node.reports, n.node.id))
        if not order:
            return
        current = self._cursor if self._cursor in order else None
        index = 0 if current is None else (order.index(current) + step) % len(order)
        if not extend:
            self.scene_.clearSelection()
        self._cursor = order[index]
        self._cursor.setSelected(True)
        self.view.ensureVisible(self._cursor)
        self.status.setText(self.tr("{0} selected: {1}").format(
            len(self.selected_nodes()), escape_untrusted(self._cursor.node.name, 60)))

    def selected_nodes(self) -> list[NodeItem]:
        return sorted((i for i in self.scene_.selectedItems() if isinstance(i, NodeItem)), key=lambda n: n.node.id)

    def expand(self, ids: list[int] | None = None) -> None:
        chosen_ids = ids if ids is not None else [n.node.id for n in self.selected_nodes()]
        if not chosen_ids:
            self.status.setText(self.tr("Select an entity to expand (E)."))
            return
        session, case, chosen = self.session, self.case, self._chosen()
        positions, pinned, radii = self._snapshot()
        shown = set(positions) | self.hidden

        def read() -> _Update:
            nodes, links = list[link_chart.ChartNode](), list[link_chart.ChartLink]()
            seen = set(shown)
            for entity_id in chosen_ids:
                piece = link_chart.expand(session, entity_id, seen, case, chosen=chosen)
                nodes += piece.nodes
                links += piece.links
                seen |= {n.id for n in piece.nodes}
            return _laid_out(link_chart.Piece(nodes, links), positions, pinned, radii=radii,
                             source=chosen_ids[0] if len(chosen_ids) == 1 else None)

        self._run(read, self._apply, self.tr("Expanding…"))

    # -- drawing -------------------------------------------------------------------------------------------
    def _apply(self, update: _Update) -> None:
        """Put an answer into the scene a slice per event-loop turn (a newer answer waits for none)."""
        if self._steps is not None:
            self.finish()
        self._steps = self._fill(update)
        self.complete = False
        self._advance()
        if not self.complete:
            self._turn.start()

    def finish(self) -> None:
        while not self.complete:
            self._advance()

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
        self.refresh_visibility()
        self.declutter()
        self.status.setText(self.tr("{0} entities, {1} links shown; {2} hidden.").format(
            sum(n.isVisible() for n in self.nodes.values()), sum(k.isVisible() for k in self.links.values()),
            len(self.hidden)))
        self.settled.emit()

    def _fill(self, update: _Update) -> Iterator[bool]:
        """The scene's changes a step at a time; True: end this turn here (its paint comes before the rest).
        A new chart's frame is set before any item is in: set after, the transform would change and every
        item would be painted again in the last turn."""
        if update.replace:
            self.scene_.clear()
            self.nodes, self.links, self.expanded = {}, {}, {}
            self.hidden = set(update.hidden)
            if update.positions:
                self._frame(update.positions)
        added = []
        for node in update.piece.nodes:
            if node.id in self.nodes:
                continue
            item = NodeItem(node, self)
            x, y = update.positions.get(node.id, (0.0, 0.0))
            item.setPos(x, y)
            item.pinned = node.id in update.pinned
            item.refresh_tip()
            item.setVisible(self._wanted(item))
            self.scene_.addItem(item)
            self.nodes[node.id] = item
            added.append(node.id)
            yield False
        if update.source is not None:
            self.expanded.setdefault(update.source, set()).update(added)
        for node_id, where in update.positions.items():
            moved = self.nodes.get(node_id)
            if moved is not None and not moved.pinned and (moved.pos().x(), moved.pos().y()) != where:
                moved.setPos(*where)
                yield False
        # A chart of hubs at a million reports links nearly every pair: 140 entities, 9,700 links, whose
        # antialiased paint took 350 ms a frame (plain: 90 ms). Drawn plain past PLAIN_LINKS, and a fill of that
        # many is not painted turn by turn (a hundred turns each painting everything so far: 10 s, every turn a
        # stall) but once, when its links are all in.
        many = len(self.links) + len(update.piece.links) > PLAIN_LINKS
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing, not many)
        held = many and len(update.piece.links) > PLAIN_LINKS
        if held:
            self.view.viewport().setUpdatesEnabled(False)
        try:
            for link in update.piece.links:
                key = (link.a, link.b)
                if key in self.links or link.a not in self.nodes or link.b not in self.nodes:
                    continue
                item_ = LinkItem(link, self.nodes[link.a], self.nodes[link.b], self)
                item_.setVisible(item_.a.isVisible() and item_.b.isVisible() and link.shared >= self.strength)
                self.scene_.addItem(item_)
                self.links[key] = item_
                yield False
        finally:
            if held:
                self.view.viewport().setUpdatesEnabled(True)
        yield True  # the last items paint before the names are placed

    def refresh_visibility(self) -> None:
        """Hidden entities, kinds filtered out, and links under the strength chosen are not drawn."""
        for node in self.nodes.values():
            wanted = self._wanted(node)
            if node.isVisible() != wanted:
                node.setVisible(wanted)
        for link in self.links.values():
            wanted = link.a.isVisible() and link.b.isVisible() and link.link.shared >= self.strength
            if link.isVisible() != wanted:
                link.setVisible(wanted)
        self._refresh_kinds()

    def _wanted(self, node: NodeItem) -> bool:
        return node.node.id not in self.hidden and (self.kinds_shown is None or node.node.kind in self.kinds_shown)

    def _refresh_kinds(self) -> None:
        kinds = sorted({n.node.kind for n in self.nodes.values()})
        if [a.data() for a in self.kind_menu.actions()] == kinds:
            return
        self.kind_menu.clear()
        for kind in kinds:
            action = self.kind_menu.addAction(kind)
            action.setData(kind)
            action.setCheckable(True)
            action.setChecked(self.kinds_shown is None or kind in self.kinds_shown)
            action.toggled.connect(lambda on, k=kind: self.show_kind(k, on))

    def show_kind(self, kind: str, shown: bool) -> None:
        every = {n.node.kind for n in self.nodes.values()}
        current = set(every if self.kinds_shown is None else self.kinds_shown)
        current = current | {kind} if shown else current - {kind}
        self.kinds_shown = None if current >= every else current
        self.refresh_visibility()
        self.declutter()

    def set_strength(self, shared: int) -> None:
        self.strength = shared
        self.refresh_visibility()

    def declutter(self) -> None:
        """Name the nodes with most reports first, each only where its name overlaps none shown."""
        shown: list[QRectF] = []
        ranked = sorted((n for n in self.nodes.values() if n.isVisible()), key=lambda n: (-n.node.reports, n.node.id))
        for index, node in enumerate(ranked):
            if index >= LABELLED:
                node.label.setVisible(False)
                continue
            anchor = self.view.mapFromScene(node.mapToScene(node.label.pos()))
            box = node.label.boundingRect()
            rect = QRectF(anchor.x() - box.width() / 2, anchor.y(), box.width(), box.height())
            fits = not any(rect.intersects(other) for other in shown)
            node.label.setVisible(fits)
            node.label.setTransform(QTransform.fromTranslate(-box.width() / 2, 0))
            if fits:
                shown.append(rect)
        for node in self.nodes.values():
            if not node.isVisible():
                node.label.setVisible(False)

    def _frame(self, positions: dict[int, tuple[float, float]]) -> None:
        xs, ys = [x for x, _ in positions.values()], [y for _, y in positions.values()]
        frame = QRectF(min(xs) - 60, min(ys) - 60, max(xs) - min(xs) + 120, max(ys) - min(ys) + 120)
        self.scene_.setSceneRect(frame)
        self.view.fitInView(frame, Qt.AspectRatioMode.KeepAspectRatio)

    def fit(self) -> None:
        visible = [n for n in self.nodes.values() if n.isVisible()] or list(self.nodes.values())
        if not visible:
            return
        frame = QRectF()
        for node in visible:
            frame = frame.united(node.sceneBoundingRect())
        frame.adjust(-40, -40, 40, 40)
        self.scene_.setSceneRect(frame.united(self.scene_.itemsBoundingRect()))
        self.view.fitInView(frame, Qt.AspectRatioMode.KeepAspectRatio)
        self.declutter()

    # -- editing -------------------------------------------------------------------------------------------
    def dragged(self, node: NodeItem) -> None:
        """A node the analyst put somewhere stays there: pinned."""
        for item in self.selected_nodes() or [node]:
            item.pinned = True
            item.refresh_tip()
            item.update()

    def toggle_pin(self) -> None:
        chosen = self.selected_nodes()
        pin = not all(n.pinned for n in chosen)
        for node in chosen:
            node.pinned = pin
            node.refresh_tip()
            node.update()

    def hide_selected(self) -> None:
        for node in self.selected_nodes():
            self.hidden.add(node.node.id)
            node.setSelected(False)
        self.refresh_visibility()
        self.declutter()

    def unhide(self) -> None:
        self.hidden.clear()
        self.refresh_visibility()
        self.declutter()

    def collapse(self) -> None:
        """Remove the entities expanding the selected ones added, unless pinned or linked to another entity
        still shown."""
        for node in self.selected_nodes():
            added = self.expanded.pop(node.node.id, set())
            for other in sorted(added):
                item = self.nodes.get(other)
                if item is None or item.pinned:
                    continue
                ends = {link.a.node.id if link.b is item else link.b.node.id for link in item.links}
                if ends - {node.node.id} - added:
                    continue
                self._remove(item)
        self.refresh_visibility()
        self.declutter()

    def _remove(self, item: NodeItem) -> None:
        for link in list(item.links):
            other = link.a if link.b is item else link.b
            other.links.remove(link)
            self.links.pop((link.link.a, link.link.b), None)
            self.scene_.removeItem(link)
        self.scene_.removeItem(item)
        del self.nodes[item.node.id]
        self.hidden.discard(item.node.id)

    def relayout(self) -> None:
        positions, pinned, radii = self._snapshot()
        piece = link_chart.Piece([n.node for n in self.nodes.values()], [k.link for k in self.links.values()])
        self._run(lambda: _laid_out(piece, positions, pinned, radii=radii, relayout=True), self._apply,
                  self.tr("Laying out…"))

    def apply_filter(self) -> None:
        """Count the shown entities and their links again within the agency and dates chosen: an entity or a
        link with no report left goes."""
        session, case, chosen = self.session, self.case, self._chosen()
        positions, pinned, _ = self._snapshot()
        ids, hidden = list(positions), set(self.hidden)

        def read() -> _Update:
            piece = link_chart.links(session, ids, case, chosen)
            kept = {n.id for n in piece.nodes}
            return _Update(piece, {i: p for i, p in positions.items() if i in kept}, True,
                           frozenset(pinned & kept), frozenset(hidden & kept))

        self._run(read, self._apply, self.tr("Filtering…"), replaces=True)

    def filter_dates(self, since: str, until: str) -> None:
        """Narrow the links to reports dated ``since`` to ``until`` (ISO days, '' open): a range chosen on the
        Events tab. Counted again on a worker when the chart has entities; both empty lifts the date filter."""
        for edit, day in ((self.since, since), (self.until, until)):
            parsed = QDate.fromString(day, "yyyy-MM-dd") if day else edit.minimumDate()
            edit.setDate(parsed if parsed.isValid() else edit.minimumDate())
        if self.nodes:
            self.apply_filter()

    def filter_reports(self, reports: Sequence[int] | None) -> None:
        """Count the chart within these reports only (None lifts it): the Fusion view's cross-filter (an event
        range, a map region). The entities shown when it was first set come back where they were as it changes
        or lifts; counted again on a worker."""
        wanted = None if reports is None else tuple(sorted(set(reports)))
        if wanted == self.reports_filter:
            return
        positions, pinned, _ = self._snapshot()
        if self.reports_filter is None:
            self._unfiltered = dict(positions)
        kept = {**self._unfiltered, **positions}
        self.reports_filter = wanted
        if wanted is None:
            self._unfiltered = {}
        if not kept:
            return
        session, case, chosen, hidden = self.session, self.case, self._chosen(), set(self.hidden)

        def read() -> _Update:
            piece = link_chart.links(session, list(kept), case, chosen)
            shown = {n.id for n in piece.nodes}
            return _Update(piece, {i: p for i, p in kept.items() if i in shown}, True, frozenset(pinned & shown),
                           frozenset(hidden & shown))

        self._run(read, self._apply, self.tr("Filtering…"), replaces=True)

    # -- analysis ------------------------------------------------------------------------------------------
    def find_path(self) -> None:
        chosen = self.selected_nodes()
        if len(chosen) != 2:
            self.status.setText(self.tr("Select exactly two entities to find the paths between them (Ctrl+P)."))
            return
        session, case, a, b = self.session, self.case, chosen[0].node.id, chosen[1].node.id
        positions, pinned, radii = self._snapshot()

        def read() -> tuple[entity_network.PathResult, _Update]:
            found = entity_network.paths(session, a, b, case)
            on_path = {e.id for p in found.paths for e in p.entities}
            piece = link_chart.links(session, sorted(set(positions) | on_path), case)
            return found, _laid_out(piece, positions, pinned, radii=radii)

        self._run(read, self._paths_found, self.tr("Finding paths…"))

    def _paths_found(self, found: tuple[entity_network.PathResult, _Update]) -> None:
        result, update = found
        self._apply(update)
        self.finish()
        for node in self.nodes.values():
            node.on_path = False
            node.update()
        for link in self.links.values():
            link.on_path = False
            link.restyle()
        for path in result.paths:
            for entity in path.entities:
                if entity.id in self.nodes:
                    self.nodes[entity.id].on_path = True
                    self.hidden.discard(entity.id)
            for edge in path.edges:
                step = self.links.get((min(edge.a, edge.b), max(edge.a, edge.b)))
                if step is not None:
                    step.on_path = True
                    step.restyle()
        self.refresh_visibility()
        self.declutter()
        if result.hops is None:
            self.status.setText(self.tr("No path between them in the reports you may read."))
        else:
            self.status.setText(self.tr("{0} shortest paths of {1} links; {2} highlighted.").format(
                result.total, result.hops, len(result.paths)))

    def path_nodes(self) -> set[int]:
        return {i for i, n in self.nodes.items() if n.on_path}

    def rank(self) -> None:
        session, case, by = self.session, self.case, str(self.rank_by.currentData())
        self._run(lambda: entity_network.rank(session, by, case, limit=50), self._ranked,
                  self.tr("Ranking (on the whole network: may take a while)…"))

    def _ranked(self, ranking: entity_network.Ranking) -> None:
        by_id = {row.entity.id: row for row in ranking.rows}
        for node_id, node in self.nodes.items():
            row = by_id.get(node_id)
            node.rank = row.rank if row else 0
            node.broker = bool(row and row.broker)
            node.label.setText((f"#{node.rank} " if node.rank else "")
                               + escape_untrusted(node.node.name, 28))
            node.refresh_tip()
            node.update()
        self.declutter()
        self.status.setText(self.tr("Ranked by {0}: {1} of the top {2} shown, {3} brokers in the network{4}.").format(
            {"degree": self.tr("degree"), "betweenness": self.tr("betweenness")}.get(ranking.by, ranking.by),
            sum(1 for i in by_id if i in self.nodes), len(ranking.rows), ranking.brokers,
            self.tr(" (sampled)") if ranking.sampled else ""))

    # -- evidence ------------------------------------------------------------------------------------------
    def _selection_changed(self) -> None:
        links = [i for i in self.scene_.selectedItems() if isinstance(i, LinkItem)]
        if len(links) != 1:
            return
        link = links[0].link
        if self._evidence_for == (link.a, link.b):
            return
        self._evidence_for = (link.a, link.b)
        session, case = self.session, self.case
        self._run(lambda: link_chart.evidence(session, link.a, link.b, case), self._show_evidence,
                  self.tr("Reading the link's reports…"))

    def show_in_table(self) -> None:
        chosen = self.selected_nodes()
        if chosen:
            self.select_entity.emit(chosen[0].node.id)

    def _show_evidence(self, found: link_chart.Evidence) -> None:
        self.evidence.clear()
        a, b = self.nodes.get(found.a), self.nodes.get(found.b)
        names = [escape_untrusted(n.node.name, 40) if n else "?" for n in (a, b)]
        self.evidence_title.setText(self.tr("{0} and {1}: {2} shared reports, the first {3} listed").format(
            names[0], names[1], found.shared, len(found.reports)))
        for report_id, title in found.reports:
            item = QListWidgetItem(f"#{report_id} {escape_untrusted(title, 120)}")
            item.setData(Qt.ItemDataRole.UserRole, report_id)
            self.evidence.addItem(item)
        self.status.setText(self.tr("Return or double-click opens a report."))

    def _evidence_chosen(self, item: QListWidgetItem) -> None:
        self.open_report.emit(int(item.data(Qt.ItemDataRole.UserRole)))

    def open_first(self, link: LinkItem) -> None:
        session, case = self.session, self.case
        self._run(lambda: link_chart.evidence(session, link.link.a, link.link.b, case, limit=1),
                  lambda found: self.open_report.emit(found.reports[0][0]) if found.reports else None,
                  self.tr("Opening the link's first report…"))

    # -- keeping -------------------------------------------------------------------------------------------
    def placed(self) -> tuple[list[link_chart.Placed], list[link_chart.Placed]]:
        """Every entity on the chart with its place and pin, and the hidden ones again (kept in place, so
        "Show hidden" after opening puts them back where they were)."""
        shown = [link_chart.Placed(i, n.node.kind, n.node.name, n.pos().x(), n.pos().y(), n.pinned)
                 for i, n in sorted(self.nodes.items())]
        return shown, [p for p in shown if p.id in self.hidden]

    def save(self) -> None:
        session, case = self.session, self.case
        shown, hidden = self.placed()
        self._run(lambda: link_chart.save(session, case, shown, hidden),
                  lambda _: self.status.setText(self.tr("Chart saved with {0}.").format(
                      escape_untrusted(case, 60) if case else self.tr("every report"))), self.tr("Saving…"))

    def export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the chart"), "chart.png",
                                              self.tr("PNG image (*.png);;SVG drawing (*.svg)"))
        if path:
            self.export(Path(path))

    def export(self, path: Path) -> None:
        """Write the visible chart to ``path`` (PNG, or SVG by its suffix) with its classification banner at the
        top and bottom: the marking of every readable report naming a shown entity, read on a worker first;
        the export is audited with it."""
        self.finish()
        session, case = self.session, self.case
        shown = [i for i, n in self.nodes.items() if n.isVisible()]
        self._run(lambda: link_chart.marking(session, shown, case), lambda found: self._write(path, shown, found),
                  self.tr("Reading the chart's marking…"))

    def _write(self, path: Path, shown: list[int], marking: Marking) -> None:
        source = self.scene_.itemsBoundingRect().adjusted(-20, -20, 20, 20)
        band = max(24.0, source.height() * 0.04)
        height = source.height() + 2 * band
        if path.suffix.lower() == ".svg":
            generator = QSvgGenerator()
            generator.setFileName(str(path))
            generator.setSize(QSize(int(source.width()), int(height)))
            generator.setViewBox(QRectF(0, 0, source.width(), height))
            generator.setTitle(self.tr("Link chart") + " " + marking.banner())
            painter = QPainter(generator)
            self._paint_page(painter, source, source.width(), height, band, marking)
            painter.end()
        else:
            scale = min(4.0, 4000 / max(1.0, source.width(), height))
            image = QImage(int(source.width() * scale), int(height * scale), QImage.Format.Format_ARGB32)
            image.fill(QColor("white"))
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.scale(scale, scale)
            self._paint_page(painter, source, source.width(), height, band, marking)
            painter.end()
            if path.suffix.lower() != ".png":
                path = path.with_name(path.name + ".png")
            if not image.save(str(path)):
                self.status.setText(self.tr("Could not write {0}.").format(escape_untrusted(str(path), 200)))
                return
        session, case, banner = self.session, self.case, marking.banner()
        self._run(lambda: link_chart.exported(session, case, str(path), shown, banner),
                  lambda _: self.status.setText(self.tr("Chart exported to {0} ({1}).").format(path.name, banner)),
                  self.tr("Exporting…"))

    def _paint_page(self, painter: QPainter, source: QRectF, width: float, height: float, band: float,
                    marking: Marking) -> None:
        """The chart between two banners in the level's conventional colour, its text spelled out."""
        self.scene_.render(painter, QRectF(0, band, width, height - 2 * band), source)
        font = painter.font()
        font.setPixelSize(int(band * 0.55))
        font.setBold(True)
        painter.setFont(font)
        for top in (0.0, height - band):
            box = QRectF(0, top, width, band)
            background, text = CLASSIFICATION_COLOURS[marking.level]
            painter.fillRect(box, QColor(background))
            painter.setPen(QColor(text))
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), marking.banner())


def _laid_out(piece: link_chart.Piece, placed: dict[int, tuple[float, float]], pinned: set[int],
              radii: dict[int, float] | None = None, replace: bool = False, relayout: bool = False,
              source: int | None = None) -> _Update:
    """The layout of what is shown plus ``piece`` (on a worker): nodes placed keep their place."""
    sizes = dict(radii or {})
    sizes.update({n.id: chart_layout.radius_for(n.reports) for n in piece.nodes})
    nodes = sorted(set(placed) | {n.id for n in piece.nodes}) if not replace else sorted(
        {n.id for n in piece.nodes})
    edges = [(link.a, link.b) for link in piece.links]
    result = chart_layout.layout(nodes, edges, placed={i: p for i, p in placed.items() if i in set(nodes)},
                                 pinned=pinned, radii=sizes, relayout=relayout)
    return _Update(piece, result.positions, replace, frozenset(pinned), source=source)
