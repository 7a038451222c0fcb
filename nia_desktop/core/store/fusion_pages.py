"""The reads the Fusion view pages through: one indexed query per page of a scope's fusion tables (schema v14).

A million reports make hundreds of thousands of entities: the desktop never
holds them all. Each function here answers one screenful (a page of
entities, their corroboration, a page of near-duplicate groups, the graph's
top entities, the timeline's marks grouped in SQL) from the tables a fusion
run fills (fusion_schema), and fetches ``limit + 1`` rows to say whether
there is more.

Need-to-know: a scope is one reader access's fusion, so its rows derive from
reports that access could read when fused. A report re-marked beyond it
since must still show nowhere: every function takes ``readable``, the
reader's clause over the reports table aliased ``r`` (clearances.readable_sql
with alias "r"), or None when the vault hides nothing from the reader
(clearances.hides_any), which spares the join. With a clause, an entity
counts and shows only while one of its reports is readable, and every count
and list of reports is of readable reports.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from nia_desktop.core.vault.connection import VaultConnection

Readable = tuple[str, list[Any]] | None
T = TypeVar("T")

# Sort keys: (SQL expression, whether the tie-break on id runs the same way). The indexes are
# (scope_id, report_count DESC, id), (scope_id, agency_count DESC, id), (scope_id, name COLLATE NOCASE, id):
# ordering by them with these tie-breaks walks an index forwards or backwards, never sorts.
ORDERS: dict[str, tuple[str, bool]] = {
    "reports": ("e.report_count", False),
    "agencies": ("e.agency_count", False),
    "name": ("e.name COLLATE NOCASE", True),
    "kind": ("e.kind", True),
    "mentions": ("e.mentions", True),
}
INDEXED = frozenset({"reports", "agencies", "name"})  # the others sort the scope's rows in a temporary tree
# A report's date as the views show it: its stated date, else the day it was imported.
DAY = "coalesce(nullif(r.report_date, ''), substr(r.imported_at, 1, 10))"
GRADING = "nullif(coalesce(r.reliability, '') || coalesce(r.credibility, ''), '')"


@dataclass(frozen=True)
class Page(Generic[T]):
    rows: list[T]
    more: bool


@dataclass(frozen=True)
class Seen:
    """Who reports an entity: agencies with their readable reports, gradings, first and last seen."""

    agencies: dict[str, int] = field(default_factory=dict)
    gradings: list[str] = field(default_factory=list)
    first_seen: str = ""
    last_seen: str = ""

    @property
    def single_source(self) -> bool:
        return len(self.agencies) <= 1

    @property
    def reports(self) -> int:
        return sum(self.agencies.values())


@dataclass(frozen=True)
class EntityLine:
    """One entity as a table row. ``report_count`` and ``agency_count`` are the fusion's (what the order uses);
    ``seen``, filled by ``with_seen``, counts the reports readable now."""

    id: int
    kind: str
    name: str
    aliases: list[str]
    mentions: int
    report_count: int
    agency_count: int
    seen: Seen = field(default_factory=Seen)


@dataclass(frozen=True)
class EntityReport:
    id: int
    day: str
    agency: str
    title: str


@dataclass(frozen=True)
class EntityDetail:
    """What the details pane shows of one entity: its reports (the first ``limit``), the mentions in the first
    of them as written, and why its names were merged."""

    line: EntityLine
    reports: list[EntityReport]
    report_total: int
    mentions: dict[int, list[tuple[str, int, int]]]  # report: (surface, start, end)
    merges: list[dict[str, Any]]


@dataclass(frozen=True)
class TimelineMark:
    """One agency's reports on one day: their number and the first few (id, title)."""

    agency: str
    day: str
    count: int
    reports: list[tuple[int, str]]


def scope_id(db: VaultConnection, scope: str) -> int | None:
    rows = db.query("SELECT id FROM fusion_scopes WHERE scope = ?", (scope,))
    return int(rows[0][0]) if rows else None


def scope_facts(db: VaultConnection, scope: int) -> dict[str, Any]:
    """When and by whom the scope was last fused and how many reports that covered."""
    rows = db.query("SELECT at, user, reports FROM fusion_scopes WHERE id = ?", (scope,))
    return {"at": str(rows[0][0]), "user": str(rows[0][1]), "reports": int(rows[0][2])} if rows else {}


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _entity_where(scope: int, text: str, min_reports: int, readable: Readable) -> tuple[str, list[Any]]:
    where = "e.scope_id = ?"
    params: list[Any] = [scope]
    if text.strip():
        like = _like(text.strip())
        where += " AND (e.name LIKE ? ESCAPE '\\' OR e.aliases LIKE ? ESCAPE '\\')"
        params += [like, like]
    if min_reports > 1:
        where += " AND e.report_count >= ?"
        params.append(min_reports)
    if readable is not None:
        clause, values = readable
        where += (" AND EXISTS (SELECT 1 FROM fusion_entity_reports fr JOIN reports r ON r.id = fr.report_id "
                  f"WHERE fr.scope_id = e.scope_id AND fr.entity_id = e.id AND {clause})")
        params += values
    return where, params


def _line(row: Sequence[Any]) -> EntityLine:
    return EntityLine(int(row[0]), str(row[1]), str(row[2]), [str(a) for a in json.loads(row[3] or "[]")],
                      int(row[4]), int(row[5]), int(row[6]))


_LINE = "e.id, e.kind, e.name, e.aliases, e.mentions, e.report_count, e.agency_count"


def entities(db: VaultConnection, scope: int, order: str = "reports", descending: bool = True, text: str = "",
             offset: int = 0, limit: int = 200, readable: Readable = None, min_reports: int = 0) -> Page[EntityLine]:
    """A page of the scope's entities in ``order`` (a key of ORDERS), those whose name or an alias contains
    ``text`` (case-insensitive for ASCII), in ``min_reports`` reports or more."""
    expression, same = ORDERS[order]
    direction = "DESC" if descending else "ASC"
    tie = direction if same else ("ASC" if descending else "DESC")
    where, params = _entity_where(scope, text, min_reports, readable)
    rows = db.query(f"SELECT {_LINE} FROM fusion_entities e WHERE {where} "
                    f"ORDER BY {expression} {direction}, e.id {tie} LIMIT ? OFFSET ?",
                    (*params, limit + 1, offset))
    return Page([_line(r) for r in rows[:limit]], len(rows) > limit)


def entity_count(db: VaultConnection, scope: int, text: str = "", readable: Readable = None,
                 min_reports: int = 0) -> int:
    where, params = _entity_where(scope, text, min_reports, readable)
    return int(db.query(f"SELECT count(*) FROM fusion_entities e WHERE {where}", params)[0][0])


def _readable_and(readable: Readable) -> tuple[str, list[Any]]:
    return ("", []) if readable is None else (f" AND {readable[0]}", list(readable[1]))


def corroboration(db: VaultConnection, scope: int, entity_ids: Sequence[int], readable: Readable = None,
                  group: int = 20, span: int = 25_000) -> dict[int, Seen]:
    """Who reports each of these entities, counted in SQL over their readable reports.

    The most reported entities are in a good share of the corpus: rather than one long statement, this asks
    ``group`` entities and ``span`` report ids at a time (each an index range) and adds the parts up, so the
    session's connection is free between them for the page a scroll asks for."""
    if not entity_ids:
        return {}
    extra, values = _readable_and(readable)
    top = int(db.query("SELECT coalesce(max(id), 0) FROM reports")[0][0])
    counts: dict[int, dict[str, int]] = {}
    gradings: dict[int, set[str]] = {}
    first: dict[int, str] = {}
    last: dict[int, str] = {}
    ids = list(entity_ids)
    for at in range(0, len(ids), group):
        chosen = ids[at:at + group]
        marks = ",".join("?" * len(chosen))
        size = db.query(f"SELECT coalesce(sum(report_count), 0) FROM fusion_entities WHERE scope_id = ? "
                        f"AND id IN ({marks})", (scope, *chosen))[0][0]
        step = span if int(size) > span else top + 1  # a small group is one statement
        for low in range(0, top + 1, step):
            rows = db.query(
                f"SELECT fr.entity_id, r.agency, count(*), min({DAY}), max({DAY}), "
                f"group_concat(DISTINCT {GRADING}) FROM fusion_entity_reports fr JOIN reports r ON r.id = fr.report_id "
                f"WHERE fr.scope_id = ? AND fr.entity_id IN ({marks}) AND fr.report_id >= ? AND fr.report_id < ?"
                f"{extra} GROUP BY fr.entity_id, r.agency", (scope, *chosen, low, low + step, *values))
            for entity_id, agency, count, earliest, latest, graded in rows:
                entity = int(entity_id)
                agencies = counts.setdefault(entity, {})
                agencies[str(agency)] = agencies.get(str(agency), 0) + int(count)
                gradings.setdefault(entity, set()).update(g for g in str(graded or "").split(",") if g)
                earliest, latest = str(earliest or ""), str(latest or "")
                first[entity] = min(first.get(entity, earliest), earliest)
                last[entity] = max(last.get(entity, latest), latest)
    return {e: Seen(dict(sorted(agencies.items())), sorted(gradings.get(e, ())), first[e], last[e])
            for e, agencies in counts.items()}


def with_seen(db: VaultConnection, scope: int, lines: list[EntityLine], readable: Readable = None) -> list[EntityLine]:
    """The lines with their corroboration attached."""
    seen = corroboration(db, scope, [e.id for e in lines], readable)
    return [EntityLine(e.id, e.kind, e.name, e.aliases, e.mentions, e.report_count, e.agency_count,
                       seen.get(e.id, Seen())) for e in lines]


def agencies(db: VaultConnection, scope: int, readable: Readable = None) -> list[str]:
    """The agencies of the scope's readable reports: the corroboration matrix's columns. Reads the reports'
    agency index one agency at a time (a few probes), not the scope's rows."""
    extra, values = _readable_and(readable)
    found: list[str] = []
    last = ""
    while True:
        rows = db.query(f"SELECT r.agency FROM reports r WHERE r.agency > ?{extra} AND EXISTS ("
                        "SELECT 1 FROM fusion_entity_reports fr WHERE fr.scope_id = ? AND fr.report_id = r.id) "
                        "ORDER BY r.agency LIMIT 1", (last, *values, scope))
        if not rows:
            return found
        last = str(rows[0][0])
        found.append(last)


def entity(db: VaultConnection, scope: int, entity_id: int, readable: Readable = None, limit: int = 500,
           mention_reports: int = 30) -> EntityDetail | None:
    """One entity by id, or None (not in this scope, or none of its reports readable)."""
    where, params = _entity_where(scope, "", 0, readable)
    rows = db.query(f"SELECT {_LINE}, e.merges FROM fusion_entities e WHERE {where} AND e.id = ?",
                    (*params, entity_id))
    if not rows:
        return None
    (line,) = with_seen(db, scope, [_line(rows[0])], readable)
    merges = list(json.loads(rows[0][7] or "[]"))
    extra, values = _readable_and(readable)
    reports = [EntityReport(int(r[0]), str(r[1] or ""), str(r[2]), str(r[3])) for r in db.query(
        f"SELECT r.id, {DAY}, r.agency, r.title FROM fusion_entity_reports fr JOIN reports r ON r.id = fr.report_id "
        f"WHERE fr.scope_id = ? AND fr.entity_id = ?{extra} ORDER BY fr.report_id LIMIT ?",
        (scope, entity_id, *values, limit))]
    total = line.seen.reports
    first = [r.id for r in reports[:mention_reports]]
    mentions: dict[int, list[tuple[str, int, int]]] = {}
    if first:
        marks = ",".join("?" * len(first))
        for report_id, surface, start, end in db.query(
                "SELECT report_id, surface, start_offset, end_offset FROM fusion_mentions "
                f"WHERE scope_id = ? AND entity_id = ? AND report_id IN ({marks}) "
                "ORDER BY report_id, start_offset", (scope, entity_id, *first)):
            found = mentions.setdefault(int(report_id), [])
            if len(found) < 8:
                found.append((str(surface), int(start), int(end)))
    return EntityDetail(line, reports, total, mentions, merges)


def duplicate_groups(db: VaultConnection, scope: int, offset: int = 0, limit: int = 200,
                     readable: Readable = None) -> Page[list[int]]:
    """A page of near-duplicate groups (each its readable reports, lowest first; a group keeps two or more)."""
    extra, values = _readable_and(readable)
    rows = db.query(
        f"SELECT d.group_id, group_concat(d.report_id) FROM (SELECT d.group_id, d.report_id "
        f"FROM fusion_duplicates d JOIN reports r ON r.id = d.report_id WHERE d.scope_id = ?{extra} "
        "ORDER BY d.group_id, d.report_id) d GROUP BY d.group_id HAVING count(*) > 1 ORDER BY d.group_id "
        "LIMIT ? OFFSET ?", (scope, *values, limit + 1, offset))
    groups = [sorted(int(x) for x in str(r[1]).split(",")) for r in rows[:limit]]
    return Page(groups, len(rows) > limit)


def counts(db: VaultConnection, scope: int, readable: Readable = None) -> dict[str, int]:
    """The status line: entities, linked report pairs and near-duplicate groups, of readable reports."""
    extra, values = _readable_and(readable)
    if readable is None:
        links = db.query("SELECT count(*) FROM fusion_links WHERE scope_id = ?", (scope,))[0][0]
    else:
        clause, given = readable
        ends = " AND ".join(f"EXISTS (SELECT 1 FROM reports r WHERE r.id = l.{end} AND {clause})" for end in "ab")
        links = db.query(f"SELECT count(*) FROM fusion_links l WHERE l.scope_id = ? AND {ends}",
                         (scope, *given, *given))[0][0]
    groups = db.query(
        f"SELECT count(*) FROM (SELECT d.group_id FROM fusion_duplicates d JOIN reports r ON r.id = d.report_id "
        f"WHERE d.scope_id = ?{extra} GROUP BY d.group_id HAVING count(*) > 1)", (scope, *values))[0][0]
    return {"entities": entity_count(db, scope, readable=readable), "links": int(links), "duplicates": int(groups)}


def pending_count(db: VaultConnection, scope: int) -> int:
    """What imports could not do incrementally since the last full fusion: "re-fuse recommended: N pending"."""
    return int(db.query("SELECT count(*) FROM fusion_pending WHERE scope_id = ?", (scope,))[0][0])


def graph(db: VaultConnection, scope: int, most: int = 150, most_reports: int = 350,
          readable: Readable = None) -> tuple[list[tuple[int, str, str, list[int]]], dict[int, str]]:
    """The link graph's nodes: the ``most`` entities in most reports (two or more, by the index), and of their
    readable reports the ``most_reports`` that mention most of them, grouped in SQL; with the reports' titles.
    Returns ((id, name, kind, reports kept), titles)."""
    chosen = entities(db, scope, "reports", True, "", 0, most, readable, min_reports=2).rows
    if not chosen:
        return [], {}
    marks = ",".join("?" * len(chosen))
    extra, values = _readable_and(readable)
    ids = [e.id for e in chosen]
    kept = [int(r[0]) for r in db.query(
        f"SELECT fr.report_id FROM fusion_entity_reports fr JOIN reports r ON r.id = fr.report_id "
        f"WHERE fr.scope_id = ? AND fr.entity_id IN ({marks}){extra} GROUP BY fr.report_id "
        "ORDER BY count(*) DESC, fr.report_id LIMIT ?", (scope, *ids, *values, most_reports))]
    if not kept:
        return [(e.id, e.name, e.kind, []) for e in chosen], {}
    report_marks = ",".join("?" * len(kept))
    edges: dict[int, list[int]] = {}
    for entity_id, report_id in db.query(
            f"SELECT entity_id, report_id FROM fusion_entity_reports WHERE scope_id = ? AND report_id IN "
            f"({report_marks}) AND entity_id IN ({marks}) ORDER BY entity_id, report_id", (scope, *kept, *ids)):
        edges.setdefault(int(entity_id), []).append(int(report_id))
    titles = {int(r[0]): str(r[1]) for r in db.query(
        f"SELECT id, title FROM reports WHERE id IN ({report_marks})", kept)}
    return [(e.id, e.name, e.kind, edges.get(e.id, [])) for e in chosen], titles


def timeline(db: VaultConnection, scope: int, readable: Readable = None, shown: int = 12) -> list[TimelineMark]:
    """The scope's readable reports grouped by agency and day in SQL, with the first ``shown`` of each group
    (id, title) for its tooltip."""
    extra, values = _readable_and(readable)
    rows = db.query(
        "SELECT agency, day, count(*), json_group_array(CASE WHEN n <= ? THEN json_array(id, title) END) "
        f"FROM (SELECT r.id, r.agency, r.title, {DAY} AS day, "
        f"row_number() OVER (PARTITION BY r.agency, {DAY} ORDER BY r.id) AS n FROM reports r "
        "JOIN fusion_scope_reports s ON s.report_id = r.id WHERE s.scope_id = ?"
        f"{extra} AND length({DAY}) >= 10) GROUP BY agency, day ORDER BY agency, day",
        (shown, scope, *values))
    marks = []
    for agency, day, count, pairs in rows:
        first = sorted((int(p[0]), str(p[1])) for p in json.loads(pairs) if p)
        marks.append(TimelineMark(str(agency), str(day)[:10], int(count), first))
    return marks
