"""The case's link chart as an optional annex of a briefing, drawn only from what the product's reports say.

The analyst's saved chart (services/link_chart.py) is drawn over the whole case; a briefing rests on some of its
reports. So the annex keeps the chart's choice of entities and their places, and nothing else of it:
- a node is an entity of the product's own fusion (its name and its reports are the product's), shown when the
  saved chart holds an entity of the same kind by one of its names; with no chart saved, every entity the
  product names, laid out here (core/chart_layout.py, one seed: the same product gives the same picture);
- a link joins two nodes only where some of the product's reports name both, its weight is the count of those;
- a node's portion mark is its reports' combined, a link's its shared reports' and its two ends'; the figure's
  is every portion it draws combined, and, when it keeps the analyst's arrangement, every included report's as
  well (the places were chosen with the whole case in view, as the summary was written).

A tearline version carries an annex built from the reports under its line alone, always laid out here: the saved
chart's choice and arrangement were made with what is above the line in view (services/briefings.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from nia_desktop.core import chart_layout
from nia_desktop.core.fusion.selectors import fold
from nia_desktop.core.markings import Marking, combine

MAX_NODES = 60  # entities an annex draws at most (a page), most reported first
KEY_LINKS = 100  # links the key lists at most, heaviest first (the figure draws every one)


class Named(Protocol):
    """What the annex reads of an entity line (core/briefing/content.EntityLine)."""

    @property
    def name(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def aliases(self) -> list[str]: ...
    @property
    def reports(self) -> list[int]: ...


@dataclass(frozen=True)
class SavedPlace:
    """One entity of the analyst's saved chart: its kind and name (in their fusion of the case) and place."""

    kind: str
    name: str
    x: float
    y: float


@dataclass(frozen=True)
class AnnexNode:
    name: str
    kind: str
    reports: list[int]  # the product's reports naming it
    x: float
    y: float
    marking: Marking


@dataclass(frozen=True)
class AnnexLink:
    a: int  # indexes into the annex's nodes, a < b
    b: int
    reports: list[int]  # the product's reports naming both
    marking: Marking

    @property
    def weight(self) -> int:
        return len(self.reports)


@dataclass(frozen=True)
class ChartAnnex:
    nodes: list[AnnexNode]  # most reported first; a node's number in the key is its index + 1
    links: list[AnnexLink]
    saved: bool  # places as the analyst saved them (else laid out from the links)
    offered: int  # entities the chart (or the product) offered before MAX_NODES
    marking: Marking  # the figure's

    @property
    def portions(self) -> list[Marking]:
        return [self.marking, *(n.marking for n in self.nodes), *(link.marking for link in self.links)]

    def heaviest(self, limit: int | None = None) -> list[AnnexLink]:
        """The links as the key lists them: most reports first (the first ``limit``)."""
        return sorted(self.links, key=lambda x: (-x.weight, x.a, x.b))[:limit]

    def key_note(self) -> str:
        """What the key of links leaves out, if anything."""
        left = len(self.links) - KEY_LINKS
        return f"The {KEY_LINKS} heaviest links of {len(self.links)}; the figure draws them all." if left > 0 else ""

    def to_json(self) -> dict[str, Any]:
        return {"saved": self.saved, "offered": self.offered, "marking": self.marking.to_json(),
                "nodes": [{"name": n.name, "kind": n.kind, "reports": list(n.reports), "x": n.x, "y": n.y,
                           "marking": n.marking.to_json()} for n in self.nodes],
                "links": [{"a": x.a, "b": x.b, "reports": list(x.reports), "marking": x.marking.to_json()}
                          for x in self.links]}

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> ChartAnnex:
        return cls([AnnexNode(str(n["name"]), str(n["kind"]), [int(r) for r in n["reports"]], float(n["x"]),
                              float(n["y"]), Marking.from_json(n["marking"])) for n in value["nodes"]],
                   [AnnexLink(int(x["a"]), int(x["b"]), [int(r) for r in x["reports"]],
                              Marking.from_json(x["marking"])) for x in value["links"]],
                   bool(value["saved"]), int(value["offered"]), Marking.from_json(value["marking"]))


def _key(kind: str, name: str) -> tuple[str, str]:
    return kind, fold(name).casefold()


def _chosen(entities: list[Named], saved: list[SavedPlace] | None,
            reports: Mapping[int, Marking]) -> list[tuple[Named, list[int], tuple[float, float] | None]]:
    """The entities drawn, each with its reports among the product's and its saved place (None: lay it out)."""
    usable = [(e, sorted({r for r in e.reports if r in reports})) for e in entities if e.kind != "date"]
    usable = [(e, found) for e, found in usable if found]
    if saved is None:
        return [(e, found, None) for e, found in usable]
    by_name: dict[tuple[str, str], int] = {}
    for index, (e, _) in enumerate(usable):
        for name in (e.name, *e.aliases):
            by_name.setdefault(_key(e.kind, name), index)
    drawn: dict[int, tuple[float, float]] = {}
    for place in saved:
        match = by_name.get(_key(place.kind, place.name))
        if match is not None and match not in drawn:
            drawn[match] = (place.x, place.y)
    return [(usable[i][0], usable[i][1], where) for i, where in drawn.items()]


def build(entities: Iterable[Named], reports: Mapping[int, Marking], saved: list[SavedPlace] | None = None,
          included: Marking | None = None) -> ChartAnnex:
    """The annex of the product whose reports are ``reports`` (id -> marking) and whose entities are ``entities``
    (their reports outside ``reports`` are not counted). ``saved``: the analyst's chart (None: lay the entities
    out here); ``included``: every included report's combined marking, which a saved arrangement carries."""
    chosen = _chosen(list(entities), saved, reports)
    chosen.sort(key=lambda c: (-len(c[1]), c[0].name, c[0].kind))
    offered, chosen = len(chosen), chosen[:MAX_NODES]
    nodes = [AnnexNode(e.name, e.kind, found, 0.0, 0.0, combine(reports[r] for r in found))
             for e, found, _ in chosen]
    links = []
    for a in range(len(nodes)):
        mine = set(nodes[a].reports)
        for b in range(a + 1, len(nodes)):
            shared = sorted(mine.intersection(nodes[b].reports))
            if shared:
                links.append(AnnexLink(a, b, shared, combine([*(reports[r] for r in shared), nodes[a].marking,
                                                              nodes[b].marking])))
    if saved is None:
        found = chart_layout.layout(list(range(len(nodes))), [(x.a, x.b) for x in links],
                                    radii={i: chart_layout.radius_for(len(n.reports)) for i, n in enumerate(nodes)})
        places = found.positions
    else:
        places = {i: where for i, (_, _, where) in enumerate(chosen) if where is not None}
    nodes = [AnnexNode(n.name, n.kind, n.reports, round(places[i][0], 1), round(places[i][1], 1), n.marking)
             for i, n in enumerate(nodes)]
    drawn = [n.marking for n in nodes] + [x.marking for x in links]
    if saved is not None and included is not None:
        drawn.append(included)
    return ChartAnnex(nodes, links, saved is not None, offered, combine(drawn))
