"""The entity network of the signed-in analyst's latest fusion: neighbours, shortest paths and rankings.

For `nia entity path|rank` and the link chart. Nodes are the entities of the user's own fused scope (the case's,
or every report's: services/fusion_tables explains why a scope is one reader access's); two entities are joined
when a report names them both, and those reports are the edge's evidence. Only reports the user may read now
count as evidence, and for a case only that case's reports: an edge whose every report is hidden does not exist
for this reader, and an entity none of whose reports is readable is no node (asked for, it is "not in the
fusion", the same answer as for an id that never existed). A scope that draws on a report the user may no
longer read is not shown at all, as in the Fusion view.

Paths are counted in hops (core/network.py says why); among those of equal length, the ones with the most
evidence (shared reports, added up along the path) come first. Each call is audited (entity.path, entity.rank)
with the reports its answer rests on, as a search is: entity names come from report text.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from nia_desktop.core import network
from nia_desktop.core.errors import BadInput
from nia_desktop.core.roles import Action
from nia_desktop.core.store import cases, clearances
from nia_desktop.core.store import fusion_pages as pages
from nia_desktop.core.store.fusion import run_scope
from nia_desktop.services.fusion_tables import draws_on_unreadable
from nia_desktop.services.session import Session

EVIDENCE = 20  # reports listed per edge (all are counted)
PATHS = 20  # shortest paths listed by default (all are counted)
AUDIT_IDS = 200  # report ids an audit entry names at most
_STREAM = 5000


@dataclass(frozen=True)
class EntityRef:
    id: int
    name: str
    kind: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind}


@dataclass(frozen=True)
class Edge:
    """Two entities and the readable reports naming both (the first EVIDENCE listed, ``shared`` counted)."""

    a: int
    b: int
    reports: list[int]
    shared: int

    def to_json(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "reports": self.reports, "shared": self.shared}


@dataclass(frozen=True)
class EntityPath:
    entities: list[EntityRef]
    edges: list[Edge]

    @property
    def evidence(self) -> int:
        """The shared reports added up along the path: how well it is supported."""
        return sum(e.shared for e in self.edges)

    def to_json(self) -> dict[str, Any]:
        return {"entities": [e.to_json() for e in self.entities], "edges": [e.to_json() for e in self.edges],
                "evidence": self.evidence}


@dataclass(frozen=True)
class PathResult:
    """The shortest paths between two entities: hops (None: no path), how many there are, the first listed."""

    source: EntityRef
    target: EntityRef
    hops: int | None
    total: int
    paths: list[EntityPath]

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source.to_json(), "target": self.target.to_json(), "hops": self.hops,
                "total": self.total, "listed": len(self.paths), "paths": [p.to_json() for p in self.paths]}


@dataclass(frozen=True)
class Neighbour:
    entity: EntityRef
    shared: int  # readable reports naming both


@dataclass(frozen=True)
class RankRow:
    rank: int
    entity: EntityRef
    degree: int
    betweenness: float | None
    broker: bool

    def to_json(self) -> dict[str, Any]:
        return {"rank": self.rank, **self.entity.to_json(), "degree": self.degree,
                "betweenness": None if self.betweenness is None else round(self.betweenness, 3),
                "broker": self.broker}


@dataclass(frozen=True)
class Ranking:
    """The top entities, with the graph's size and how betweenness was computed (sampled or exact)."""

    by: str
    rows: list[RankRow]
    nodes: int
    edges: int
    brokers: int
    sampled: bool = False
    pivots: int = 0
    seed: int | None = None
    seconds: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"by": self.by, "nodes": self.nodes, "edges": self.edges, "brokers": self.brokers,
                "sampled": self.sampled, "pivots": self.pivots, "seed": self.seed,
                "entities": [r.to_json() for r in self.rows]}


@dataclass(frozen=True)
class _Scope:
    id: int
    readable: pages.Readable  # None: the vault hides nothing from the user
    case_id: int | None


def _scope(session: Session, case: str) -> _Scope:
    """The user's fused scope of ``case`` or a clear refusal (no fusion yet, or one drawing on a report they may
    no longer read)."""
    session.require(Action.FUSE, case or "all reports")
    case_id = None
    if case:
        case_id = cases.find(session.db, case)
        if case_id is None:
            raise BadInput(f"no case {case!r}")
    reader = session.access()
    sid = pages.scope_id(session.db, run_scope(case, reader.key()))
    if sid is None or draws_on_unreadable(session.db, sid, reader):
        raise BadInput("run fusion first (`nia fuse" + (f" --case {case!r}" if case else "") + "`): entity "
                       "numbers refer to your latest fusion")
    readable = clearances.readable_sql(session.db, reader, "r") if clearances.hides_any(session.db, reader) \
        else None
    return _Scope(sid, readable, case_id)


def _evidence_filter(found: _Scope, column: str) -> tuple[str, list[Any]]:
    """SQL limiting ``column`` (a report id) to the readable reports, and to the case's."""
    sql, params = "", []
    if found.readable is not None:
        clause, values = found.readable
        sql += f" AND EXISTS (SELECT 1 FROM reports r WHERE r.id = {column} AND {clause})"  # noqa: S608
        params += list(values)
    if found.case_id is not None:
        sql += f" AND EXISTS (SELECT 1 FROM case_reports c WHERE c.case_id = ? AND c.report_id = {column})"  # noqa: S608
        params.append(found.case_id)
    return sql, params


def _graph(session: Session, found: _Scope) -> network.Compact:
    """The reader's whole network: its nodes, then every distinct pair of entities sharing a readable report,
    both ways, sorted and freed of repeats by SQLite (a report naming k entities gives k(k-1) rows: Python never
    holds them, only the compact graph). SQLite sorts in memory (the vault's temp_store), so the pairs are asked
    for a range of entities at a time, each range about PAIR_ROWS mentions: a million reports' pairs at once
    would be a sort of tens of millions of rows."""
    where, params = _evidence_filter(found, "fr.report_id")
    nodes = _stream(session, f"SELECT DISTINCT fr.entity_id FROM fusion_entity_reports fr "  # noqa: S608
                             f"WHERE fr.scope_id = ?{where}", (found.id, *params))
    return network.Compact.from_pairs((int(n) for (n,) in nodes), _pairs(session, found))


PAIR_ROWS = 200_000  # mentions (entity, report) whose pairs one statement sorts


def _pairs(session: Session, found: _Scope) -> Iterator[tuple[int, int]]:
    where, params = _evidence_filter(found, "a.report_id")
    sql = ("SELECT a.entity_id, b.entity_id FROM fusion_entity_reports a CROSS JOIN fusion_entity_reports b "  # noqa: S608
           "ON b.scope_id = a.scope_id AND b.report_id = a.report_id AND b.entity_id != a.entity_id "
           f"WHERE a.scope_id = ? AND a.entity_id >= ? AND a.entity_id < ?{where} "
           "GROUP BY a.entity_id, b.entity_id ORDER BY a.entity_id, b.entity_id")
    # The ranges are read whole first: between two ranges no statement is open, so the vault's read lock is let go
    # and another program's write (an import) gets its turn instead of waiting out a minute-long load.
    for low, high in list(_ranges(session, found.id)):
        for a, b in _stream(session, sql, (found.id, low, high, *params)):
            yield int(a), int(b)


def _ranges(session: Session, sid: int) -> Iterator[tuple[int, int]]:
    """Ranges of entity ids [low, high) each naming about PAIR_ROWS report mentions (the fusion's counts, by its
    primary key; an entity in more reports is a range of its own)."""
    low, size = None, 0
    for entity_id, count in _stream(session, "SELECT id, report_count FROM fusion_entities WHERE scope_id = ? "
                                             "ORDER BY id", (sid,)):
        if low is None:
            low = int(entity_id)
        size += int(count)
        if size >= PAIR_ROWS:
            yield low, int(entity_id) + 1
            low, size = None, 0
    if low is not None:
        yield low, 2**63 - 1


def _stream(session: Session, sql: str, params: tuple[Any, ...]) -> Iterator[Any]:
    cursor = session.db.execute(sql, params)
    while rows := cursor.fetchmany(_STREAM):
        yield from rows


def _neighbours_sql(found: _Scope) -> tuple[str, list[Any]]:
    """A node's neighbours with their shared readable reports. CROSS JOIN keeps the node's own rows outside: left
    to choose, SQLite walked every row of the scope and looked each up among the node's (2.9 s a node at a
    million reports, for every node a path search widens)."""
    where, params = _evidence_filter(found, "a.report_id")
    return ("SELECT b.entity_id, count(*) FROM fusion_entity_reports a CROSS JOIN fusion_entity_reports b "  # noqa: S608
            "ON b.scope_id = a.scope_id AND b.report_id = a.report_id AND b.entity_id != a.entity_id "
            f"WHERE a.scope_id = ? AND a.entity_id = ?{where} GROUP BY b.entity_id ORDER BY b.entity_id", params)


def _store_neighbours(session: Session, found: _Scope) -> Callable[[int], list[int]]:
    """A node's neighbours read from the store: one indexed query per node the path search widens."""
    sql, params = _neighbours_sql(found)

    def read(node: int) -> list[int]:
        return [int(e) for e, _ in session.db.query(sql, (found.id, node, *params))]

    return read


def _refs(session: Session, found: _Scope, ids: list[int]) -> dict[int, EntityRef]:
    refs: dict[int, EntityRef] = {}
    unique = sorted(set(ids))
    for start in range(0, len(unique), 500):
        batch = unique[start:start + 500]
        marks = ",".join("?" * len(batch))
        for entity_id, name, kind in session.db.query(
                f"SELECT id, name, kind FROM fusion_entities WHERE scope_id = ? AND id IN ({marks})",  # noqa: S608
                (found.id, *batch)):
            refs[int(entity_id)] = EntityRef(int(entity_id), str(name), str(kind))
    return refs


def _node(session: Session, found: _Scope, entity_id: int) -> EntityRef:
    """The entity as a node of this reader's network, or a refusal that says the same whether it never existed
    or none of its reports is readable (BadInput: exit 1)."""
    where, params = _evidence_filter(found, "fr.report_id")
    readable = session.db.query(f"SELECT 1 FROM fusion_entity_reports fr WHERE fr.scope_id = ? AND "  # noqa: S608
                                f"fr.entity_id = ?{where} LIMIT 1", (found.id, entity_id, *params))
    ref = _refs(session, found, [entity_id]).get(entity_id) if readable else None
    if ref is None:
        raise BadInput(f"no entity {entity_id} in your latest fusion: see `nia fuse` for the numbers")
    return ref


def edge(session: Session, a: int, b: int, case: str = "", limit: int = EVIDENCE) -> Edge:
    """The readable reports naming both entities (the first ``limit``, all counted); no edge: none."""
    return _edge(session, _scope(session, case), a, b, limit)


def _edge(session: Session, found: _Scope, a: int, b: int, limit: int) -> Edge:
    where, params = _evidence_filter(found, "x.report_id")
    rows = session.db.query(
        "SELECT x.report_id FROM fusion_entity_reports x JOIN fusion_entity_reports y ON y.scope_id = x.scope_id "  # noqa: S608
        f"AND y.report_id = x.report_id AND y.entity_id = ? WHERE x.scope_id = ? AND x.entity_id = ?{where} "
        "ORDER BY x.report_id", (b, found.id, a, *params))
    reports = [int(r) for (r,) in rows]
    return Edge(a, b, reports[:limit], len(reports))


def neighbours(session: Session, entity_id: int, case: str = "", limit: int = 200) -> list[Neighbour]:
    """The entities named with ``entity_id`` in readable reports, most shared reports first (the first
    ``limit``): what the link chart adds when a node is expanded. Not audited alone: names only, as the
    Fusion view's table shows them; the reports behind an edge are asked for through ``edge``."""
    found = _scope(session, case)
    _node(session, found, entity_id)
    sql, params = _neighbours_sql(found)
    counts = {int(e): int(n) for e, n in session.db.query(sql, (found.id, entity_id, *params))}
    chosen = sorted(counts, key=lambda e: (-counts[e], e))[:max(0, limit)]
    refs = _refs(session, found, chosen)
    return [Neighbour(refs[e], counts[e]) for e in chosen if e in refs]


def paths(session: Session, source: int, target: int, case: str = "", cap: int = PATHS) -> PathResult:
    """The shortest paths between two entities (by hops; the first ``cap`` listed, most evidence first, all
    counted), each edge with its readable reports. Unknown or unreadable entity: BadInput. Audited."""
    found = _scope(session, case)
    start, end = _node(session, found, source), _node(session, found, target)
    found_paths = network.shortest_paths(_store_neighbours(session, found), source, target, max(1, cap))
    refs = _refs(session, found, [n for p in found_paths.paths for n in p])
    edges: dict[tuple[int, int], Edge] = {}
    listed: list[EntityPath] = []
    for nodes in found_paths.paths:
        steps = []
        for a, b in pairwise(nodes):
            key = (min(a, b), max(a, b))
            if key not in edges:
                edges[key] = _edge(session, found, key[0], key[1], EVIDENCE)
            steps.append(Edge(a, b, edges[key].reports, edges[key].shared))
        listed.append(EntityPath([refs[n] for n in nodes], steps))
    listed.sort(key=lambda p: (-p.evidence, [e.id for e in p.entities]))
    result = PathResult(start, end, found_paths.hops, found_paths.total, listed)
    cited = sorted({r for e in edges.values() for r in e.reports})
    session.audit("entity.path", f"entity {source} to {target}", details={
        "case": case, "hops": result.hops, "paths": result.total, "reports": cited[:AUDIT_IDS],
        "cited": len(cited)})
    return result


def rank(session: Session, by: str = "degree", case: str = "", limit: int = 50,
         exact_nodes: int = network.EXACT_NODES, pivots: int | None = None, seed: int = network.SEED) -> Ranking:
    """The ``limit`` entities of highest degree or betweenness in the reader's network, brokers marked (see
    core/network.py: betweenness sampled with a fixed seed above ``exact_nodes``). Audited with the entities
    listed."""
    if by not in ("degree", "betweenness"):
        raise BadInput(f"rank by degree or betweenness, not {by!r}")
    found = _scope(session, case)
    began = time.monotonic()
    graph = _graph(session, found)
    loaded = time.monotonic()
    ranked, between, marked = network.rank(graph, by, limit, exact_nodes, pivots, seed)
    done = time.monotonic()
    refs = _refs(session, found, [r.node for r in ranked])
    rows = [RankRow(i, refs[r.node], r.degree, r.betweenness, r.broker)
            for i, r in enumerate((r for r in ranked if r.node in refs), start=1)]
    result = Ranking(by, rows, len(graph), graph.edge_count(), len(marked),
                     between.sampled if between else False, between.pivots if between else 0,
                     between.seed if between else None,
                     {"load": round(loaded - began, 3), "rank": round(done - loaded, 3)})
    session.audit("entity.rank", by + (f" in case {case}" if case else ""), details={
        "case": case, "by": by, "nodes": result.nodes, "edges": result.edges, "sampled": result.sampled,
        "entities": [r.entity.id for r in rows][:AUDIT_IDS]})
    return result
