"""The link graph and the timeline as lists of shapes, drawn once and rendered twice (SVG for HTML, PDF).

Laying the figures out here, in plain data, keeps the two renderings the same
picture and keeps Qt out of the core: the PDF is drawn with the same shapes.
A figure's marking combines what it draws: the reports it places (their ids and
agencies are its labels) and the links between them (their weights are its lines).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from nia_desktop.core.briefing.content import Briefing
from nia_desktop.core.classification import Level
from nia_desktop.core.markings import Marking, combine

# One colour per agency, distinguishable in grey print too (different lightness).
AGENCY_COLOURS = {"CIRO": "#1f4e79", "MOFA": "#2e7d32", "MOD": "#b45309", "DIH": "#b45309", "NPA": "#7b1fa2"}
OTHER_COLOUR = "#555555"
MAX_NODES = 30


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float = 1.0
    colour: str = "#888888"


@dataclass(frozen=True)
class Circle:
    x: float
    y: float
    r: float
    colour: str


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str
    size: float = 9.0
    anchor: str = "middle"  # start, middle or end
    colour: str = "#222222"


@dataclass(frozen=True)
class Polygon:
    """A filled outline (the link chart annex's symbols: a square, triangle, hexagon or diamond per kind)."""

    points: tuple[tuple[float, float], ...]
    colour: str


Shape = Line | Circle | Label | Polygon


@dataclass(frozen=True)
class Figure:
    title: str
    width: float
    height: float
    shapes: list[Shape]
    marking: Marking = field(default_factory=lambda: Marking(Level.UNCLASSIFIED))  # what it draws, combined


def colour_of(agency: str) -> str:
    return AGENCY_COLOURS.get(agency.upper(), OTHER_COLOUR)


def link_graph(briefing: Briefing, width: float = 480, height: float = 300) -> Figure:
    """Reports on a circle, joined where they share entities; thicker lines for rarer shared entities."""
    degree = {s.report_id: 0 for s in briefing.sources}
    links = [link for link in briefing.links if link.a in degree and link.b in degree]
    for link in links:
        degree[link.a] += 1
        degree[link.b] += 1
    shown = sorted(degree, key=lambda r: (-degree[r], r))[:MAX_NODES]
    shown.sort()
    agency = {s.report_id: s.agency for s in briefing.sources}
    cx, cy, radius = width / 2, height / 2 + 4, min(width, height) / 2 - 34
    where = {}
    for i, report_id in enumerate(shown):
        angle = 2 * math.pi * i / max(1, len(shown)) - math.pi / 2
        where[report_id] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
    heaviest = max((link.weight for link in links), default=1.0) or 1.0
    shapes: list[Shape] = []
    for link in links:
        if link.a in where and link.b in where:
            (x1, y1), (x2, y2) = where[link.a], where[link.b]
            shapes.append(Line(x1, y1, x2, y2, 0.6 + 2.4 * link.weight / heaviest))
    for report_id, (x, y) in where.items():
        shapes.append(Circle(x, y, 7, colour_of(agency[report_id])))
        outward = 1 if x >= cx else -1
        shapes.append(Label(x + outward * 10, y + 3, f"#{report_id} {agency[report_id]}", 8,
                            "start" if outward > 0 else "end"))
    if not links:
        shapes.append(Label(cx, 14, "No links between the included reports", 9))
    title = "Link graph: reports sharing entities"
    if len(degree) > len(shown):
        title += f" (the {len(shown)} most linked of {len(degree)})"
    drawn = [briefing.source_marking(r) for r in where]
    drawn += [link.marking for link in links if link.a in where and link.b in where and link.marking is not None]
    return Figure(title, width, height, shapes, combine(drawn))


def timeline(briefing: Briefing, width: float = 480, height: float = 170) -> Figure:
    """Dated reports along one axis, labels staggered over four rows (two above, two below) to stay apart."""
    dated = [s for s in briefing.timeline() if s.date][:MAX_NODES]
    axis_y, left, right = height / 2, 40.0, width - 40.0
    shapes: list[Shape] = [Line(left, axis_y, right, axis_y, 1.2, "#444444")]
    if not dated:
        shapes.append(Label(width / 2, axis_y - 12, "No dated reports", 9))
        return Figure("Timeline", width, height, shapes)
    days = [_day_number(s.date) for s in dated]
    first, last = min(days), max(days)
    span = max(1, last - first)
    for n, (source, day) in enumerate(zip(dated, days, strict=True)):
        x = left + (right - left) * (day - first) / span if last > first else (left + right) / 2
        up, far = n % 2 == 0, n % 4 >= 2
        reach = 38 if far else 16
        tip = axis_y - reach if up else axis_y + reach
        shapes.append(Line(x, axis_y, x, tip, 0.8, "#888888"))
        shapes.append(Circle(x, axis_y, 4, colour_of(source.agency)))
        shapes.append(Label(x, tip - 3 if up else tip + 9, f"#{source.report_id} {source.date[5:10]}", 7))
    shapes.append(Label(left, height - 6, dated[0].date[:10], 8, "start", "#444444"))
    shapes.append(Label(right, height - 6, dated[-1].date[:10], 8, "end", "#444444"))
    return Figure("Timeline of the included reports", width, height, shapes,
                  combine(briefing.source_marking(s.report_id) for s in dated))


def _day_number(date: str) -> int:
    """Days since year 0 for an ISO date (YYYY, YYYY-MM or YYYY-MM-DD); a bad date sorts as its year."""
    parts = [int(p) if p.isdigit() else 1 for p in date[:10].split("-")] + [1, 1]
    year, month, day = parts[0], max(1, min(12, parts[1])), max(1, min(31, parts[2]))
    return year * 372 + (month - 1) * 31 + day
