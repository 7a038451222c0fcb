"""The link chart's counts at a million reports: node sizes, the links among shown entities, a node's neighbours,
each without walking every report of an entity that most reports name.

Why a cap: two entities named in every one of a million reports share a million of them, and counting those
walks them all (a chart of a million reports' top entities took over a minute). A chart needs to know that a
link exists and how strong it is up to what its strength filter can ask: a link's shared reports are counted up
to CAP, and one that reaches CAP shows "CAP+" (``Shared.more``) until it is selected, when its reports are
counted in full (link_chart.evidence). A count is of readable reports only (of the case's, for a case; within
the chart's filter): a capped count is min(exact, CAP), never an estimate, and a link exists exactly when one
readable report names both ends.

How, cheapest first: an entity in at most SMALL readable reports has its reports read once (its own rows of the
primary key, a contiguous range) and a link between two such is a set intersection; a link with a larger entity
is a join from the smaller end's rows, probing the larger one's primary key, the filter checked only on the
reports both name, stopped at CAP. When the sets would hold more than SETS reports (an expansion among
thousands of shown entities), the entities asked about walk their reports' entities instead, as before.
A node's neighbours: an entity in at most SMALL reports walks its reports' entities (exact); a larger one takes
the entities in most fused reports first, each link counted to CAP, and stops when no entity further down the
fusion's report counts (an upper bound of any readable count) could rank higher.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from nia_desktop.services import entity_network as net
from nia_desktop.services.session import Session

CAP = 1000  # shared reports counted per link at most; the chart's strength filter goes no higher
SMALL = 20_000  # an entity in at most this many reports is read whole (its reports, or its reports' entities)
SETS = 1_500_000  # reports held in sets at most while counting the links among shown entities
VISITS = 2000  # a large entity's candidate neighbours counted at most before its reports are walked instead
WALK = 4  # ... or once the rows its probes read reach this many times its reports (a walk reads about 8 each)
_BATCH = 400


@dataclass(frozen=True)
class ChartFilter:
    """Evidence narrowed to reports of these agencies (none: any) dated within [since, until] (ISO dates, empty:
    open)."""

    agencies: tuple[str, ...] = ()
    since: str = ""
    until: str = ""
    reports: tuple[int, ...] | None = None  # only these reports (the Fusion view's cross-filter); None: any


@dataclass(frozen=True)
class Shared:
    """Readable reports naming both ends: ``count`` exact, or with ``more`` at least CAP (counted no further)."""

    count: int
    more: bool = False


def capped(exact: int) -> Shared:
    return Shared(min(exact, CAP), exact >= CAP)


def where(found: net._Scope, column: str, chosen: ChartFilter | None) -> tuple[str, list[Any]]:
    """SQL limiting ``column`` (a report id) to readable reports (of the case) within the filter."""
    sql, params = net._evidence_filter(found, column)
    if chosen is None:
        return sql, params
    clauses, values = [], list[Any]()
    if chosen.agencies:
        clauses.append(f"q.agency IN ({','.join('?' * len(chosen.agencies))})")
        values += list(chosen.agencies)
    if chosen.since:
        clauses.append("q.report_date >= ?")
        values.append(chosen.since)
    if chosen.until:
        clauses.append("q.report_date <= ?")
        values.append(chosen.until + "\uffff")  # a date-time on the last day is within it
    if clauses:
        sql += f" AND EXISTS (SELECT 1 FROM reports q WHERE q.id = {column} AND {' AND '.join(clauses)})"  # noqa: S608
        params += values
    if chosen.reports is not None:
        sql += f" AND {column} IN (SELECT value FROM json_each(?))"  # noqa: S608 - a column name
        params.append(json.dumps([int(r) for r in chosen.reports]))
    return sql, params


def counts(session: Session, found: net._Scope, ids: Iterable[int], chosen: ChartFilter | None) -> dict[int, int]:
    """Each entity's readable reports (within the filter); entities with none are left out."""
    sql, params = where(found, "fr.report_id", chosen)
    unique, result = sorted(set(ids)), dict[int, int]()
    for start in range(0, len(unique), _BATCH):
        batch = unique[start:start + _BATCH]
        for entity_id, count in session.db.query(
                f"SELECT fr.entity_id, count(*) FROM fusion_entity_reports fr WHERE fr.scope_id = ? AND "  # noqa: S608
                f"fr.entity_id IN ({','.join('?' * len(batch))}){sql} GROUP BY fr.entity_id",
                (found.id, *batch, *params)):
            result[int(entity_id)] = int(count)
    return result


def fused(session: Session, found: net._Scope, ids: Iterable[int]) -> dict[int, int]:
    """The fusion's report count of each entity: at least its readable count, so an upper bound to stop at."""
    unique, result = sorted(set(ids)), dict[int, int]()
    for start in range(0, len(unique), _BATCH):
        batch = unique[start:start + _BATCH]
        result.update((int(e), int(n)) for e, n in session.db.query(
            f"SELECT id, report_count FROM fusion_entities WHERE scope_id = ? AND "  # noqa: S608
            f"id IN ({','.join('?' * len(batch))})", (found.id, *batch)))
    return result


def top(session: Session, found: net._Scope, limit: int, pool: int, chosen: ChartFilter | None) -> dict[int, int]:
    """The ``limit`` entities with most readable reports among the ``pool`` with most fused reports (ties: the
    lower id), with their counts. Counted in the fusion's order, stopping once none further down could rank
    higher (its fused count bounds its readable one): the same answer as counting the whole pool."""
    if limit <= 0:
        return {}
    candidates = [(int(e), int(n)) for e, n in session.db.query(
        "SELECT id, report_count FROM fusion_entities WHERE scope_id = ? ORDER BY report_count DESC, id LIMIT ?",
        (found.id, pool))]
    counted: dict[int, int] = {}
    for entity_id, bound in candidates:
        if len(counted) >= limit:
            kth = sorted(counted.items(), key=lambda kv: (-kv[1], kv[0]))[limit - 1]
            if (-kth[1], kth[0]) < (-bound, entity_id):
                break
        count = counts(session, found, [entity_id], chosen).get(entity_id, 0)
        if count > bound:  # the fusion's count is stale: no bound to stop at, count the pool
            counted = counts(session, found, [e for e, _ in candidates], chosen)
            break
        if count:
            counted[entity_id] = count
    chosen_ids = sorted(counted, key=lambda e: (-counted[e], e))[:limit]
    return {e: counted[e] for e in chosen_ids}


def _probe(session: Session, found: net._Scope, small: int, large: int, chosen: ChartFilter | None) -> int:
    """Readable reports naming both, counted to CAP: ``small``'s rows in order, ``large``'s primary key probed for
    each, the filter checked on the reports both name (CROSS JOIN keeps that order)."""
    sql, params = where(found, "y.report_id", chosen)
    return int(session.db.query(
        "SELECT count(*) FROM (SELECT 1 FROM fusion_entity_reports x CROSS JOIN fusion_entity_reports y "  # noqa: S608
        "ON y.scope_id = x.scope_id AND y.entity_id = ? AND y.report_id = x.report_id "
        f"WHERE x.scope_id = ? AND x.entity_id = ?{sql} LIMIT ?)",
        (large, found.id, small, *params, CAP))[0][0])


def _reports(session: Session, found: net._Scope, entity_id: int, chosen: ChartFilter | None) -> set[int]:
    sql, params = where(found, "fr.report_id", chosen)
    return {int(r) for (r,) in session.db.query(
        f"SELECT fr.report_id FROM fusion_entity_reports fr WHERE fr.scope_id = ? AND fr.entity_id = ?{sql}",  # noqa: S608
        (found.id, entity_id, *params))}


def _walk(session: Session, found: net._Scope, entity_id: int, partners: Collection[int] | None,
          chosen: ChartFilter | None) -> dict[int, int]:
    """Exact readable reports ``entity_id`` shares with each entity (of ``partners``; None: any), from its reports'
    entities (the report index scanned, not probed per partner)."""
    sql, params = where(found, "a.report_id", chosen)
    among, values = "", list[Any]()
    if partners is not None:
        if not partners:
            return {}
        among, values = f" AND +b.entity_id IN ({','.join('?' * len(partners))})", sorted(partners)
    # CROSS JOIN: from the entity's own rows. Left to choose, SQLite walked every row of the scope in entity order
    # (to group without sorting) and looked each up among the entity's: 5 s for anyone at a million reports.
    return {int(e): int(n) for e, n in session.db.query(
        "SELECT b.entity_id, count(*) FROM fusion_entity_reports a CROSS JOIN fusion_entity_reports b "  # noqa: S608
        f"ON b.scope_id = a.scope_id AND b.report_id = a.report_id AND b.entity_id != a.entity_id{among} "
        f"WHERE a.scope_id = ? AND a.entity_id = ?{sql} GROUP BY b.entity_id",
        (*values, found.id, entity_id, *params))}


def links(session: Session, found: net._Scope, sizes: dict[int, int], ids: Collection[int],
          among: Collection[int], chosen: ChartFilter | None) -> dict[tuple[int, int], Shared]:
    """The links between ``ids`` and ``among`` (with ``ids``), each pair once (smaller id first), counted to CAP.
    ``sizes``: every entity's readable reports within the filter (counts()) or a bound of them (fused()): they
    choose only how a pair is counted; an entity without any is in no link."""
    asked = set(ids)
    targets = sorted({e for e in set(among) | asked if sizes.get(e)})
    wanted = sorted({e for e in asked if sizes.get(e)})
    pairs = {(min(a, b), max(a, b)) for a in wanted for b in targets if a != b}
    if not pairs:
        return {}

    def smaller_first(pair: tuple[int, int]) -> tuple[int, int]:
        a, b = pair
        return (a, b) if (sizes[a], a) <= (sizes[b], b) else (b, a)

    found_links: dict[tuple[int, int], Shared] = {}
    both_small = {p for p in pairs if sizes[p[0]] <= SMALL and sizes[p[1]] <= SMALL}
    for pair in sorted(pairs - both_small):
        small, large = smaller_first(pair)
        shared = _probe(session, found, small, large, chosen)
        if shared:
            found_links[pair] = capped(shared)
    in_sets = sorted({e for p in both_small for e in p})
    if sum(sizes[e] for e in in_sets) <= SETS:
        held = {e: _reports(session, found, e, chosen) for e in in_sets}
        for a, b in sorted(both_small):
            shared = len(held[a] & held[b])  # CPython walks the smaller set
            if shared:
                found_links[(a, b)] = capped(shared)
        return found_links
    partners: dict[int, set[int]] = {}
    for a, b in both_small:  # walked from the end asked about (an expansion's few new entities)
        walker, other = (a, b) if a in asked and (b not in asked or (sizes[a], a) <= (sizes[b], b)) else (b, a)
        partners.setdefault(walker, set()).add(other)
    for walker, others in sorted(partners.items()):
        for other, shared in _walk(session, found, walker, others, chosen).items():
            if shared:
                found_links[(min(walker, other), max(walker, other))] = capped(shared)
    return found_links


def neighbours(session: Session, found: net._Scope, entity_id: int, shown: Collection[int], limit: int,
               chosen: ChartFilter | None) -> list[tuple[int, Shared]]:
    """``entity_id``'s first ``limit`` neighbours not ``shown``: most shared readable reports first, counted to
    CAP; ties by the fusion's report count (most first), then id."""
    if limit <= 0:
        return []
    bound = fused(session, found, [entity_id]).get(entity_id, 0)
    if bound > SMALL:
        near = _from_top(session, found, entity_id, bound, set(shown), limit, chosen)
        if near is not None:
            return near
    walked = {e: capped(n) for e, n in _walk(session, found, entity_id, None, chosen).items()
              if n and e not in shown}
    if len(walked) > limit:  # the fused counts break ties only around the cut
        kth = sorted(s.count for s in walked.values())[-limit]
        walked = {e: s for e, s in walked.items() if s.count >= kth}
    order = fused(session, found, walked)
    return sorted(walked.items(), key=lambda kv: (-kv[1].count, -order.get(kv[0], 0), kv[0]))[:limit]


def _from_top(session: Session, found: net._Scope, entity_id: int, bound: int, shown: set[int], limit: int,
              chosen: ChartFilter | None) -> list[tuple[int, Shared]] | None:
    """Neighbours of a large entity from the entities in most fused reports down, each link counted to CAP, until
    no entity further down could rank higher; None (then its reports are walked) after VISITS candidates or
    WALK times its reports read, or when a fused count proves stale (no bound to stop at)."""
    best: list[tuple[tuple[int, int, int], Shared]] = []
    visited, work, after = 0, 0, (2**63 - 1, 0)
    while True:
        rows = [(int(e), int(n)) for e, n in session.db.query(
            "SELECT id, report_count FROM fusion_entities WHERE scope_id = ? AND (report_count < ? OR "
            "(report_count = ? AND id > ?)) ORDER BY report_count DESC, id LIMIT ?",
            (found.id, after[0], after[0], after[1], _BATCH))]
        if not rows:
            return [(key[2], shared) for key, shared in best[:limit]]
        after = (rows[-1][1], rows[-1][0])
        for other, fused_count in rows:
            if other == entity_id or other in shown:
                continue
            ceiling = min(CAP, fused_count, bound)
            if len(best) >= limit and best[limit - 1][0] < (-ceiling, -fused_count, other):
                return [(key[2], shared) for key, shared in best[:limit]]
            visited += 1
            if visited > VISITS:
                return None
            small, large = (other, entity_id) if (fused_count, other) <= (bound, entity_id) else (entity_id, other)
            count = _probe(session, found, small, large, chosen)
            if count > ceiling:
                return None
            # A probe that reached the cap stopped early; one that did not read the smaller end whole. Sparse
            # neighbours (a place in 25,000 reports beside people in 10,000) would be read this way at length.
            work += CAP if count >= CAP else min(fused_count, bound)
            if work > WALK * bound:
                return None
            if count:
                best.append(((-min(count, CAP), -fused_count, other), capped(count)))
                best.sort(key=lambda kv: kv[0])


def edge(session: Session, found: net._Scope, a: int, b: int, limit: int) -> tuple[int, list[int]]:
    """Every readable report (of the case) naming both, counted in full, and the first ``limit`` by id: a link's
    evidence. Joined from the end in fewer reports, so a person's link with a hub reads the person's reports."""
    bounds = fused(session, found, [a, b])
    small, large = (a, b) if (bounds.get(a, 0), a) <= (bounds.get(b, 0), b) else (b, a)
    sql, params = where(found, "y.report_id", None)
    joined = ("FROM fusion_entity_reports x CROSS JOIN fusion_entity_reports y ON y.scope_id = x.scope_id AND "
              f"y.entity_id = ? AND y.report_id = x.report_id WHERE x.scope_id = ? AND x.entity_id = ?{sql}")
    values = (large, found.id, small, *params)
    shared = int(session.db.query(f"SELECT count(*) {joined}", values)[0][0])
    first = [int(r) for (r,) in session.db.query(f"SELECT x.report_id {joined} ORDER BY x.report_id LIMIT ?",
                                                 (*values, max(0, limit)))]
    return shared, first
