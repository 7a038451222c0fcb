"""The link chart's reads and its saved state: the entities to start from, a node's neighbours, the links among
the entities shown, an edge's reports, and the chart saved with the case (schema v19).

Everything rests on services/entity_network.py's reader's network: the user's own fused scope, evidence only
from reports they may read now (and the case's). A node's size is its count of such reports, a link's strength
its count of shared ones; an entity none of whose reports is readable is no node, a link whose every report is
hidden does not exist. The optional filter (agencies, a date range) narrows the evidence further, never widens
it. A link's shared reports are counted up to chart_counts.CAP (``more``: at least that many), so a chart of
entities named in most of a million reports is read in seconds; its evidence counts them all. A saved chart is
the analyst's own (keyed by case and user); on opening, a saved entity that is no longer a
node for them (re-fused away, or its reports now hidden) is dropped, names and all.

Audited: the reports behind an edge (entity.edge, as a search names what it returned), saving a chart
(chart.save, like other case changes), opening one (chart.open) and exporting a picture (chart.export). Names
of neighbours are not audited alone, as entity_network.neighbours and the Fusion view's table are not.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from nia_desktop.core.clock import iso_utc
from nia_desktop.core.errors import BadInput
from nia_desktop.core.markings import Marking, combine
from nia_desktop.core.roles import Action
from nia_desktop.core.store import cases, clearances
from nia_desktop.core.store import link_charts as store
from nia_desktop.services import chart_counts as counting
from nia_desktop.services import entity_network as net
from nia_desktop.services.chart_counts import ChartFilter
from nia_desktop.services.session import Session

__all__ = ["ChartFilter", "ChartLink", "ChartNode", "Evidence", "Piece", "Placed", "SavedChart", "SavedNode"]

TOP = 60  # entities a new chart starts from
NEIGHBOURS = 40  # neighbours an expand adds at most, most shared reports first
CANDIDATES = 4  # the top entities are chosen among this many times TOP by their fused report count
MAX_NODES = 2000  # a saved chart holds at most this many entities
CAP = counting.CAP  # a link's shared reports counted up to this (the chart's strength filter goes no higher)
_BATCH = 400


@dataclass(frozen=True)
class ChartNode:
    id: int
    name: str
    kind: str
    reports: int  # readable reports naming it (within the filter)


@dataclass(frozen=True)
class ChartLink:
    a: int  # a < b
    b: int
    shared: int  # readable reports naming both, counted up to chart_counts.CAP
    more: bool = False  # ``shared`` reached the cap: at least that many (the evidence counts them all)


@dataclass(frozen=True)
class Piece:
    """Nodes to add to a chart and the links among them and the nodes already shown."""

    nodes: list[ChartNode]
    links: list[ChartLink]


@dataclass(frozen=True)
class SavedNode:
    node: ChartNode
    x: float
    y: float
    pinned: bool


@dataclass(frozen=True)
class SavedChart:
    nodes: list[SavedNode]
    hidden: list[int]
    links: list[ChartLink]
    at: str = ""
    dropped: int = 0  # saved entities that are no longer nodes for this reader


@dataclass(frozen=True)
class Placed:
    """One entity as the chart holds it when saved."""

    id: int
    kind: str
    name: str
    x: float
    y: float
    pinned: bool = False


@dataclass(frozen=True)
class Evidence:
    a: int
    b: int
    shared: int
    reports: list[tuple[int, str]] = field(default_factory=list)  # (id, title), the first ``limit``


def _counts(session: Session, found: net._Scope, ids: Iterable[int], chosen: ChartFilter | None) -> dict[int, int]:
    return counting.counts(session, found, ids, chosen)


def _nodes(session: Session, found: net._Scope, counts: dict[int, int]) -> list[ChartNode]:
    refs = net._refs(session, found, list(counts))
    return [ChartNode(e, refs[e].name, refs[e].kind, counts[e]) for e in counts if e in refs]


def _links(session: Session, found: net._Scope, sizes: dict[int, int], ids: Collection[int],
           chosen: ChartFilter | None, among: Collection[int] | None = None) -> list[ChartLink]:
    """The links between ``ids`` and ``among`` (default: ``ids`` themselves), each with its shared readable reports
    counted to the cap; a pair is listed once, smaller id first. ``sizes``: each entity's readable reports, or a
    bound of them (an entity without is in no link)."""
    found_links = counting.links(session, found, sizes, ids, among if among is not None else ids, chosen)
    return [ChartLink(a, b, s.count, s.more) for (a, b), s in sorted(found_links.items())]


def agencies(session: Session, case: str = "") -> list[str]:
    """The agencies of the reports the reader may read (for the chart's agency filter)."""
    session.require(Action.FUSE, case or "all reports")
    clause, params = session.readable("reports")
    return [str(a) for (a,) in session.db.query(
        f"SELECT DISTINCT agency FROM reports WHERE {clause} ORDER BY agency", tuple(params))]  # noqa: S608


def top(session: Session, case: str = "", limit: int = TOP, chosen: ChartFilter | None = None) -> Piece:
    """The entities in most readable reports (the first ``limit``) and the links among them: where a chart
    starts. Candidates are the CANDIDATES * ``limit`` entities the fusion counted most reports for (an index's
    first rows), so a million-report vault is never read whole; a filter may then leave fewer."""
    found = net._scope(session, case)
    counts = counting.top(session, found, max(0, limit), max(1, limit) * CANDIDATES, chosen)
    nodes = _nodes(session, found, counts)
    return Piece(nodes, _links(session, found, counts, [n.id for n in nodes], chosen))


def expand(session: Session, entity_id: int, shown: Collection[int], case: str = "", limit: int = NEIGHBOURS,
           chosen: ChartFilter | None = None) -> Piece:
    """``entity_id``'s neighbours (most shared reports first, counted to the cap, then most fused reports; the
    first ``limit`` not already ``shown``) and every link between them and the nodes shown. Unknown or
    unreadable entity: BadInput."""
    found = net._scope(session, case)
    net._node(session, found, entity_id)
    new = [e for e, _ in counting.neighbours(session, found, entity_id, set(shown), max(0, limit), chosen)]
    nodes = _nodes(session, found, _counts(session, found, new, chosen))
    added = [n.id for n in nodes]
    # The shown entities' fused counts bound their readable ones: enough to choose how a link is counted (a
    # chart of hubs is not counted again at each expansion).
    sizes = counting.fused(session, found, set(shown) | {entity_id}) | {n.id: n.reports for n in nodes}
    return Piece(nodes, _links(session, found, sizes, added, chosen, among=set(shown) | {entity_id} | set(added)))


def links(session: Session, ids: Collection[int], case: str = "", chosen: ChartFilter | None = None) -> Piece:
    """The shown entities again, counted under a (new) filter, and the links among them: a filter changed."""
    found = net._scope(session, case)
    sizes = _counts(session, found, ids, chosen)
    nodes = _nodes(session, found, sizes)
    return Piece(nodes, _links(session, found, sizes, [n.id for n in nodes], chosen))


def evidence(session: Session, a: int, b: int, case: str = "", limit: int = net.EVIDENCE) -> Evidence:
    """The readable reports naming both entities, with titles (the first ``limit``, all counted: a link the chart
    counted to the cap gets its full count here). Audited."""
    found = net._scope(session, case)
    net._node(session, found, a)
    net._node(session, found, b)
    shared, reports = counting.edge(session, found, a, b, limit)
    titles: dict[int, str] = {}
    if reports:
        marks = ",".join("?" * len(reports))
        titles = {int(i): str(t) for i, t in session.db.query(
            f"SELECT id, title FROM reports WHERE id IN ({marks})", tuple(reports))}  # noqa: S608
    session.audit("entity.edge", f"entity {a} and {b}", details={"case": case, "shared": shared,
                                                                  "reports": reports[:net.AUDIT_IDS]})
    return Evidence(a, b, shared, [(r, titles.get(r, "")) for r in reports])


def _case_key(session: Session, case: str) -> int:
    if not case:
        return store.ALL_REPORTS
    found = cases.find(session.db, case)
    if found is None:
        raise BadInput(f"no case {case!r}")
    return found


def save(session: Session, case: str, placed: list[Placed], hidden: list[Placed]) -> None:
    """Keep the analyst's chart of ``case`` (empty: every report): positions, pins and hidden entities, the
    entity's kind and name kept too, so the chart survives a re-fusion that numbers entities anew. Audited."""
    session.require(Action.CASE_EDIT if case else Action.FUSE, f"chart {case or 'all reports'}")
    if len(placed) + len(hidden) > MAX_NODES:
        raise BadInput(f"a saved chart holds at most {MAX_NODES} entities")
    chart = json.dumps({"version": 1, "nodes": [[p.id, p.kind, p.name, round(p.x, 1), round(p.y, 1), p.pinned]
                                                 for p in placed],
                        "hidden": [[p.id, p.kind, p.name] for p in hidden]}, ensure_ascii=False)
    with session.db.transaction():
        store.save(session.db, _case_key(session, case), session.name, chart, iso_utc(session.clock.now()))
        session.audit("chart.save", f"chart {case or 'all reports'}", details={
            "case": case, "entities": [p.id for p in placed][:net.AUDIT_IDS], "shown": len(placed),
            "pinned": sum(p.pinned for p in placed), "hidden": len(hidden)})


def load(session: Session, case: str = "") -> SavedChart | None:
    """The analyst's saved chart of ``case`` as it stands for them now (None: never saved): each saved entity
    found by id (same kind and name) or else by kind and name in their latest fusion, and kept only when it is
    a node of their network; the links among those. Audited when there is one."""
    found = net._scope(session, case)
    row = store.load(session.db, _case_key(session, case), session.name)
    if row is None:
        return None
    data = json.loads(row[0])
    saved = [(int(i), str(k), str(n), float(x), float(y), bool(p)) for i, k, n, x, y, p in data.get("nodes", [])]
    hidden_saved = [(int(i), str(k), str(n)) for i, k, n in data.get("hidden", [])]
    wanted = [(i, k, n) for i, k, n, *_ in saved] + hidden_saved
    ids = _match(session, found, wanted)
    counts = _counts(session, found, [e for e in ids.values() if e is not None], None)
    by_id = {n.id: n for n in _nodes(session, found, counts)}
    nodes, seen = [], set[int]()
    for i, _k, _n, x, y, pinned in saved:
        current = ids.get(i)
        if current is not None and current in by_id and current not in seen:
            seen.add(current)
            nodes.append(SavedNode(by_id[current], x, y, pinned))
    hidden = sorted({e for e in (ids.get(i) for i, _, _ in hidden_saved) if e is not None and e in by_id})
    kept = [n.node.id for n in nodes]
    result = SavedChart(nodes, hidden, _links(session, found, counts, kept, None), row[1],
                        len(saved) + len(hidden_saved) - len(nodes) - len(hidden))
    session.audit("chart.open", f"chart {case or 'all reports'}", details={
        "case": case, "entities": kept[:net.AUDIT_IDS], "dropped": result.dropped})
    return result


def _match(session: Session, found: net._Scope, wanted: list[tuple[int, str, str]]) -> dict[int, int | None]:
    """Saved id -> the entity now: the same id when its kind and name are unchanged, else the first entity of
    that kind and name, else None."""
    refs = net._refs(session, found, [i for i, _, _ in wanted])
    matched: dict[int, int | None] = {}
    for i, kind, name in wanted:
        ref = refs.get(i)
        if ref is not None and ref.kind == kind and ref.name == name:
            matched[i] = i
            continue
        rows = session.db.query("SELECT id FROM fusion_entities WHERE scope_id = ? AND kind = ? AND name = ? "
                                "ORDER BY id LIMIT 1", (found.id, kind, name))
        matched[i] = int(rows[0][0]) if rows else None
    return matched


def marking(session: Session, entities: Collection[int], case: str = "") -> Marking:
    """The marking a picture of these entities carries: every readable report (of the case) naming any of them
    combined (core/markings.combine), since each name and link shown comes from those. Reports the reader may
    not read name no node and count for nothing."""
    found = net._scope(session, case)
    where, params = counting.where(found, "fr.report_id", None)
    reports: set[int] = set()
    ids = sorted(set(entities))
    for start in range(0, len(ids), _BATCH):
        batch = ids[start:start + _BATCH]
        reports.update(int(r) for (r,) in session.db.query(
            f"SELECT DISTINCT fr.report_id FROM fusion_entity_reports fr WHERE fr.scope_id = ? AND "  # noqa: S608
            f"fr.entity_id IN ({','.join('?' * len(batch))}){where}", (found.id, *batch, *params)))
    return combine(clearances.report_markings(session.db, reports).values())


def exported(session: Session, case: str, path: str, entities: list[int], banner: str = "") -> None:
    """Audit a picture of the chart written to ``path`` (PNG or SVG) under ``banner``: an export of names from
    report text."""
    session.require(Action.FUSE, case or "all reports")
    session.audit("chart.export", path, details={"case": case, "entities": entities[:net.AUDIT_IDS],
                                                 "shown": len(entities), "marking": banner})
