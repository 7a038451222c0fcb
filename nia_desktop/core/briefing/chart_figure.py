"""The link chart annex as a figure (core/briefing/figures.py shapes): drawn once, rendered as SVG and in the PDF.

Symbols and colours per kind are the chart's own (ui/views/fusion/chart.py: a disc for a person, a square for an
organisation, a triangle for a place, a hexagon for an operation, a diamond for any selector; the colour repeats
the kind), a node's size grows with its reports and a line's width with the reports naming both ends. Names are
placed most reported first, each beside its symbol where it overlaps no symbol and no name already placed
(below, above, right, left); where none fits, the node's number in the annex's key instead, or nothing: no two
labels ever collide. A legend below names the kinds drawn.
"""

from __future__ import annotations

import math
import threading
import unicodedata
from functools import cache

from fpdf import FPDF

from nia_desktop.core import chart_layout
from nia_desktop.core.briefing.chart_annex import ChartAnnex
from nia_desktop.core.briefing.figures import Circle, Figure, Label, Line, Polygon, Shape
from nia_desktop.core.display import escape_untrusted
from nia_desktop.core.resources import resources_root

KIND_COLOURS = {"person": "#2f6fb3", "organization": "#8a4fbf", "location": "#2e8b57", "operation": "#c8102e"}
SELECTOR_COLOUR = "#d98e04"
KIND_ORDER = ("person", "organization", "location", "operation")
WIDTH, HEIGHT = 480.0, 400.0
LEGEND = 40.0  # the legend's band at the bottom
LABEL_SIZE = 7.0
NAME_LIMIT = 24
Box = tuple[float, float, float, float]  # left, top, right, bottom


def colour_of(kind: str) -> str:
    return KIND_COLOURS.get(kind, SELECTOR_COLOUR)


def symbol(kind: str, x: float, y: float, r: float) -> Shape:
    """The chart's symbol for ``kind`` centred on (x, y)."""
    colour = colour_of(kind)
    points: tuple[tuple[float, float], ...]
    if kind == "person":
        return Circle(x, y, r, colour)
    if kind == "organization":
        s = r * 0.9
        points = ((x - s, y - s), (x + s, y - s), (x + s, y + s), (x - s, y + s))
    elif kind == "location":
        points = ((x, y - r * 1.1), (x + r, y + r * 0.75), (x - r, y + r * 0.75))
    elif kind == "operation":
        points = tuple((x + r * math.cos(a * math.pi / 3), y + r * math.sin(a * math.pi / 3)) for a in range(6))
    else:
        points = ((x, y - r * 1.15), (x + r, y), (x, y + r * 1.15), (x - r, y))
    return Polygon(points, colour)


_MEASURING = threading.Lock()


@cache
def _metrics() -> FPDF:
    """The briefing's font (IPAex Gothic, as the PDF sets the labels), loaded once to measure text."""
    pdf = FPDF()
    pdf.add_font("IPAexGothic", fname=str(resources_root() / "fonts" / "ipaexg.ttf"))
    pdf.set_font("IPAexGothic", size=10)
    return pdf


def text_width(text: str, size: float) -> float:
    """A slightly generous width for ``text`` at ``size``, from the font the PDF sets it in (a character it
    lacks: a full em): the labels are kept apart by these boxes, so overestimating only leaves more space."""
    with _MEASURING:
        measured = _metrics().get_string_width(text)  # mm at 10 pt
    em = measured * 72 / 25.4 / 10
    floor = sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in text)
    return max(em, floor) * size * 1.08


def _label_box(label: Label) -> Box:
    width = text_width(label.text, label.size)
    left = {"start": label.x, "middle": label.x - width / 2, "end": label.x - width}[label.anchor]
    return left, label.y - label.size * 0.9, left + width, label.y + label.size * 0.3


def _meets(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def collisions(labels: list[Label]) -> list[tuple[int, int]]:
    """Pairs of labels whose boxes overlap (for tests: there are none)."""
    boxes = [_label_box(label) for label in labels]
    return [(i, j) for i in range(len(boxes)) for j in range(i + 1, len(boxes)) if _meets(boxes[i], boxes[j])]


def _candidates(text: str, x: float, y: float, r: float) -> list[Label]:
    """Below, above, right and left of the symbol; then its four corners; then the first four again one line
    further out: in a dense middle the nearest places are all taken, and the most reported entity sits there."""
    s = LABEL_SIZE
    near = [Label(x, y + r + s + 1, text, s), Label(x, y - r - 2.5, text, s),
            Label(x + r + 3, y + s * 0.35, text, s, "start"), Label(x - r - 3, y + s * 0.35, text, s, "end")]
    corners = [Label(x + r, y + r + s, text, s, "start"), Label(x - r, y + r + s, text, s, "end"),
               Label(x + r, y - r - 1.5, text, s, "start"), Label(x - r, y - r - 1.5, text, s, "end")]
    far = [Label(x, y + r + 2 * s + 2, text, s), Label(x, y - r - s - 3.5, text, s),
           Label(x + r + 3, y + s * 1.45, text, s, "start"), Label(x - r - 3, y - s * 0.75, text, s, "end")]
    return near + corners + far


def _leadered(text: str, x: float, y: float, r: float) -> list[tuple[Label, Line]]:
    """Places further out, in eight directions, each with a thin line back to the symbol: for the few most
    reported entities, whose names matter most and which sit where the chart is densest."""
    s = LABEL_SIZE
    found = []
    for step in (2.5, 4.0, 5.5, 7.0):
        out = r + step * s
        for dx, dy in ((0, 1), (0, -1), (1, 0), (-1, 0), (1, 1), (-1, 1), (1, -1), (-1, -1)):
            lx, ly = x + dx * out, y + dy * out
            anchor = "start" if dx > 0 else "end" if dx < 0 else "middle"
            text_y = ly + s * 0.35 if dy == 0 else ly + (s if dy > 0 else 0)
            end_y = ly if dy == 0 else ly - (0 if dy > 0 else -0.5)
            length = (dx * dx + dy * dy) ** 0.5
            leader = Line(x + dx / length * r, y + dy / length * r, lx, end_y, 0.4, "#777777")
            found.append((Label(lx + dx * 1.5, text_y, text, s, anchor), leader))
    return found


LEADERED = 5  # how many of the most reported entities may have their name set out with a leader line


def _place(texts: list[tuple[str, str]], where: list[tuple[float, float, float]], frame: Box) -> list[Shape]:
    """Labels, most reported node first (``texts`` in that order: its name, then its number), none overlapping
    a symbol, another label or the frame's edge; the first few names may stand further out on a leader line."""
    taken: list[Box] = [(x - r - 1, y - r * 1.2 - 1, x + r + 1, y + r * 1.2 + 1) for x, y, r in where]
    placed: list[Shape] = []

    def free(label: Label) -> bool:
        return _inside(box := _label_box(label), frame) and not any(_meets(box, t) for t in taken)

    for n, ((name, number), (x, y, r)) in enumerate(zip(texts, where, strict=True)):
        found = next((c for c in _candidates(name, x, y, r) if free(c)), None)
        leader = None
        if found is None and n < LEADERED:
            found, leader = next(((c, line) for c, line in _leadered(name, x, y, r) if free(c)), (None, None))
        if found is None:
            found = next((c for c in _candidates(number, x, y, r) if free(c)), None)
        if found is not None:
            placed += [leader, found] if leader is not None else [found]
            taken.append(_label_box(found))
    return placed


def _inside(box: Box, frame: Box) -> bool:
    return box[0] >= frame[0] and box[1] >= frame[1] and box[2] <= frame[2] and box[3] <= frame[3]


def title_of(annex: ChartAnnex) -> str:
    title = "Link chart: entities named in the included reports, " + (
        "placed as the analyst saved the chart" if annex.saved else "laid out from their links")
    if annex.offered > len(annex.nodes):
        title += f" (the {len(annex.nodes)} most reported of {annex.offered})"
    return title


def figure(annex: ChartAnnex, width: float = WIDTH, height: float = HEIGHT) -> Figure:
    """The annex drawn: links, symbols, labels that do not collide, and a legend; marked with the annex's
    marking."""
    shapes: list[Shape] = []
    bottom = height - LEGEND
    if not annex.nodes:
        shapes.append(Label(width / 2, bottom / 2, "No entity of the saved chart is named in the included reports"
                            if annex.saved else "No entities named in the included reports", 9))
        return Figure(title_of(annex), width, height, shapes, annex.marking)
    radii = [max(3.0, min(9.0, chart_layout.radius_for(len(n.reports)) * 0.5)) for n in annex.nodes]
    pad = 14.0
    xs, ys = [n.x for n in annex.nodes], [n.y for n in annex.nodes]
    span_x, span_y = max(xs) - min(xs), max(ys) - min(ys)
    inner_w, inner_h = width - 2 * pad - 40, bottom - 2 * pad - 10
    scale = min(inner_w / span_x if span_x else 1.0, inner_h / span_y if span_y else 1.0, 1.5)
    mid_x, mid_y = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    where = [(width / 2 + (n.x - mid_x) * scale, bottom / 2 + (n.y - mid_y) * scale, r)
             for n, r in zip(annex.nodes, radii, strict=True)]
    heaviest = max((x.weight for x in annex.links), default=1) or 1
    for link in sorted(annex.links, key=lambda x: x.weight):
        (x1, y1, _), (x2, y2, _) = where[link.a], where[link.b]
        shapes.append(Line(x1, y1, x2, y2, 0.5 + 2.5 * link.weight / heaviest, "#9a9a9a"))
    for node, (x, y, r) in zip(annex.nodes, where, strict=True):
        shapes.append(symbol(node.kind, x, y, r))
    shapes += _place([(escape_untrusted(n.name, NAME_LIMIT), str(i + 1)) for i, n in enumerate(annex.nodes)],
                     where, (0.0, 0.0, width, bottom))
    shapes += _legend(sorted({n.kind for n in annex.nodes},
                             key=lambda k: (KIND_ORDER.index(k) if k in KIND_ORDER else len(KIND_ORDER), k)),
                      width, bottom)
    return Figure(title_of(annex), width, height, shapes, annex.marking)


def _legend(kinds: list[str], width: float, top: float) -> list[Shape]:
    """A symbol and name per kind drawn, wrapping to a second row, then what a line's width means."""
    shapes: list[Shape] = [Line(8, top + 2, width - 8, top + 2, 0.5, "#cccccc")]
    x, y = 14.0, top + 14
    # Every selector kind (domain, e-mail, phone...) has the one symbol: one entry names them all.
    selectors = [kind.replace("_", " ") for kind in kinds if kind not in KIND_COLOURS]
    entries = [(kind, kind.replace("_", " ")) for kind in kinds if kind in KIND_COLOURS]
    if selectors:
        entries.append((selectors[0], f"selector ({', '.join(selectors)})" if len(selectors) > 1 else selectors[0]))
    for kind, text in entries:
        room = 14 + text_width(text, LABEL_SIZE) + 12
        if x + room > width - 8:
            x, y = 14.0, y + 13
        shapes += [symbol(kind, x, y - 2.5, 4), Label(x + 8, y, text, LABEL_SIZE, "start", "#444444")]
        x += room
    note = "line: reports naming both (thicker: more); size: reports naming it"
    if x + 24 + text_width(note, LABEL_SIZE) > width - 8:
        x, y = 14.0, y + 13
    shapes += [Line(x - 4, y - 2.5, x + 14, y - 2.5, 1.5, "#9a9a9a"),
               Label(x + 18, y, note, LABEL_SIZE, "start", "#444444")]
    return shapes
