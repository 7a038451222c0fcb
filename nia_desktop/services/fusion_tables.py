"""The Fusion view's pages for the signed-in analyst: their own fusion's tables, a page at a time.

Each call checks Action.FUSE and reads only the scope of the user's own access
(store/fusion.run_scope(case, session.access().key())): another reader's
fusion derives from reports this user may not read. Within it, a report the
user may no longer read (re-marked, a grant run out) shows nowhere: when the
vault hides any report from the user, every query joins their readable clause
(core/store/fusion_pages), and a scope that still draws on such a report is
not shown at all (its entities' names and aliases came from that report too):
fusing again makes a new one.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from nia_desktop.core.classification import Level
from nia_desktop.core.markings import Access
from nia_desktop.core.roles import Action
from nia_desktop.core.store import cases, clearances, fusion_state
from nia_desktop.core.store import fusion_pages as pages
from nia_desktop.core.store.fusion import run_scope
from nia_desktop.core.store.fusion_pages import EntityDetail, EntityLine, Page, Seen, TimelineMark
from nia_desktop.services.session import Session

PAGE = 200


@dataclass(frozen=True)
class Scope:
    """The user's fused scope: its id and the readable clause its queries join (None: nothing is hidden)."""

    id: int
    readable: pages.Readable


def _scope(session: Session, case: str) -> Scope | None:
    """The scope of ``case`` ('' for every report) fused for this user's access, or None: not fused yet, or
    drawing on a report this user may no longer read."""
    session.require(Action.FUSE, case or "all reports")
    reader = session.access()
    sid = pages.scope_id(session.db, run_scope(case, reader.key()))
    if sid is None:
        return None
    if not clearances.hides_any(session.db, reader):
        return Scope(sid, None)
    if draws_on_unreadable(session.db, sid, reader):
        return None
    return Scope(sid, clearances.readable_sql(session.db, reader, "r"))


def readable_scope(session: Session, case: str = "") -> Scope | None:
    """The user's fused scope of ``case`` as every page here reads it (None: not fused, or drawing on a report
    they may no longer read): for services that read other rows of it (services/report_mentions.py)."""
    return _scope(session, case)


def draws_on_unreadable(db: Any, sid: int, reader: Access) -> bool:
    """Whether scope ``sid`` covers a report ``reader`` may not read (then nothing of it may be shown), probed
    from the smaller side; no probe at all when the vault hides nothing from them."""
    if not clearances.hides_any(db, reader):
        return False
    above = int(db.query("SELECT count(*) FROM reports WHERE classification > ?", (int(reader.level),))[0][0])
    covered = int(db.query("SELECT reports FROM fusion_scopes WHERE id = ?", (sid,))[0][0])
    if above > covered:  # cleared low: most of the vault hidden, their own fusion small
        return draws_on_hidden(db, sid, *clearances.readable_sql(db, reader, "r"), scope_first=True)
    return fusion_state.draws_on_any(db, sid, *clearances.hidden_ids_sql(db, reader))


def draws_on_hidden(db: Any, sid: int, clause: str, params: list[Any], scope_first: bool) -> bool:
    """Whether the scope covers a report the reader may not read, probed from the smaller side: the hidden
    reports each looked up in the scope (a reader cleared high: few hidden), or the scope's reports each checked
    (a reader cleared low: most of the vault hidden, their own fusion small). Every page asks it."""
    if scope_first:
        return bool(db.query(f"SELECT 1 FROM fusion_scope_reports s JOIN reports r ON r.id = s.report_id "  # noqa: S608
                             f"WHERE s.scope_id = ? AND NOT ({clause}) LIMIT 1", (sid, *params)))
    hidden = f"SELECT r.id FROM reports r WHERE NOT ({clause})"  # noqa: S608 - the readable clause
    return fusion_state.draws_on_any(db, sid, hidden, params)


@dataclass(frozen=True)
class Status:
    """What the status line and the matrix's columns need: counts of readable things, pending work."""

    fused: bool
    at: str = ""
    entities: int = 0
    links: int = 0
    duplicates: int = 0
    pending: int = 0
    agencies: tuple[str, ...] = ()
    highest: Level = Level.UNCLASSIFIED
    unfused: int = 0  # readable reports of the scope that this fusion does not cover (imported by others since)


def status(session: Session, case: str = "") -> Status:
    found = _scope(session, case)
    if found is None:
        return Status(False)
    counts = pages.counts(session.db, found.id, found.readable)
    facts = pages.scope_facts(session.db, found.id)
    return Status(True, str(facts.get("at", "")), counts["entities"], counts["links"], counts["duplicates"],
                  pages.pending_count(session.db, found.id), tuple(pages.agencies(session.db, found.id,
                                                                                  found.readable)),
                  _highest(session, case), _unfused(session, case, found.id))


def _unfused(session: Session, case: str, sid: int) -> int:
    """How many readable reports of the scope (with a text, as fusion reads them) the fusion does not cover:
    the scope covers only readable reports (else it is not shown), so the difference of two counts."""
    clause, params = session.readable("r")
    if case:
        query = (f"SELECT count(*) FROM case_reports c JOIN reports r ON r.id = c.report_id JOIN report_texts t "  # noqa: S608
                 f"ON t.report_id = r.id WHERE c.case_id = ? AND {clause}")
        readable = session.db.query(query, (cases.find(session.db, case), *params))[0][0]
    else:
        readable = session.db.query(f"SELECT count(*) FROM reports r JOIN report_texts t ON t.report_id = r.id "  # noqa: S608
                                    f"WHERE {clause}", params)[0][0]
    covered = session.db.query("SELECT count(*) FROM fusion_scope_reports WHERE scope_id = ?", (sid,))[0][0]
    return max(0, int(readable) - int(covered))


def _highest(session: Session, case: str) -> Level:
    """The highest classification among the reports the scope may show: its readable reports (every readable
    report of the vault for the fusion of everything, by the classification index: never lower than what
    shows)."""
    clause, params = session.readable("r")
    if case:
        case_id = cases.find(session.db, case)
        rows = session.db.query(f"SELECT max(r.classification) FROM case_reports c JOIN reports r ON "  # noqa: S608
                                f"r.id = c.report_id WHERE c.case_id = ? AND {clause}", (case_id, *params))
    else:
        rows = session.db.query(f"SELECT max(r.classification) FROM reports r WHERE {clause}", params)  # noqa: S608
    return Level(int(rows[0][0])) if rows and rows[0][0] is not None else Level.UNCLASSIFIED


def entity_page(session: Session, case: str = "", order: str = "reports", descending: bool = True, text: str = "",
                offset: int = 0, limit: int = PAGE, min_reports: int = 0, seen: bool = True,
                reports: Collection[int] | None = None) -> Page[EntityLine]:
    """A page of entities (empty before the first fusion), with their corroboration unless ``seen`` is False:
    the page itself is an index walk, while corroboration reads every report of the entities on it (the most
    reported are in a good share of the corpus), so the desktop shows the rows first and asks for it after.
    ``reports`` (None: no filter): only entities named in these reports that the user may read in the scope,
    as the event timeline's range or the map's region chooses them (``_entities_in``)."""
    found = _scope(session, case)
    if found is None:
        return Page([], False)
    if reports is not None:
        page = _entities_in(session, found, reports, order, descending, text, offset, limit, min_reports)
    else:
        page = pages.entities(session.db, found.id, order, descending, text, offset, limit, found.readable,
                              min_reports)
    if not seen:
        return page
    rows = pages.with_seen(session.db, found.id, page.rows, found.readable)
    return Page([FilteredLine(**vars(r), within=f.within) if isinstance(f, FilteredLine) else r
                 for r, f in zip(rows, page.rows, strict=True)], page.more)


def corroboration(session: Session, entity_ids: list[int], case: str = "") -> dict[int, Seen]:
    """Who reports each of these entities (their readable reports' agencies, gradings, first and last seen)."""
    found = _scope(session, case)
    return {} if found is None else pages.corroboration(session.db, found.id, entity_ids, found.readable)


def entity_count(session: Session, case: str = "", text: str = "", min_reports: int = 0,
                 reports: Collection[int] | None = None) -> int:
    """How many entities the pages hold (``reports`` as entity_page's)."""
    found = _scope(session, case)
    if found is None:
        return 0
    if reports is not None:
        where, params = _filtered_where(found, reports, text, min_reports)
        chosen = _chosen(found, counted=False)
        return int(session.db.query(f"{chosen} SELECT count(*) FROM chosen c CROSS JOIN fusion_entities e "  # noqa: S608
                                    f"ON e.scope_id = ? AND e.id = c.id WHERE {where}", params)[0][0])
    return pages.entity_count(session.db, found.id, text, found.readable, min_reports)


# The entities named in the reports the UI sent, as a table built once per statement: the ids come as one JSON
# array (json_each), never a statement of thousands of placeholders, and the join keeps only those of the
# scope's reports (fusion_entity_reports is the scope's) the user may read now (the readable clause over ``r``):
# an id the UI sends of a report outside the case, hidden or unknown names nothing. SQLite keeps the table in
# memory (the vault's temp_store), and CROSS JOIN walks it first: a range of 37 reports reads their few hundred
# entities, not the scope's hundreds of thousands in index order.
# For a page each chosen entity carries ``n``, how many of those reports name it: the row's count within the
# filters (the count of rows needs only which entities: DISTINCT, a little cheaper).
def _chosen(found: Scope, counted: bool = True) -> str:
    clause = "1" if found.readable is None else found.readable[0]
    pick = "fr.entity_id, count(*)" if counted else "DISTINCT fr.entity_id, 0"
    return (f"WITH chosen(id, n) AS MATERIALIZED (SELECT {pick} FROM json_each(?) j "  # noqa: S608
            "CROSS JOIN fusion_entity_reports fr ON fr.scope_id = ? AND fr.report_id = j.value "
            f"JOIN reports r ON r.id = fr.report_id WHERE {clause}{' GROUP BY fr.entity_id' if counted else ''})")


@dataclass(frozen=True)
class FilteredLine(EntityLine):
    """A row while a filter applies: ``within`` of its ``report_count`` reports are among the filter's (readable
    ones of the scope), what the Reports column shows and sorts by then."""

    within: int = 0


def _ids_json(reports: Collection[int]) -> str:
    """The report ids as a JSON array of integers (anything else is refused: they are bound, never spliced)."""
    return json.dumps(sorted({int(r) for r in reports}))


def _filtered_where(found: Scope, reports: Collection[int], text: str, min_reports: int) -> tuple[str, list[Any]]:
    """The WITH clause's and the WHERE clause's parameters for the entities of ``reports``, in statement order."""
    values = [] if found.readable is None else list(found.readable[1])
    where, params = pages._entity_where(found.id, text, min_reports, None)  # readable: within the WITH clause
    return where, [_ids_json(reports), found.id, *values, found.id, *params]


def _entities_in(session: Session, found: Scope, reports: Collection[int], order: str, descending: bool, text: str,
                 offset: int, limit: int, min_reports: int) -> Page[EntityLine]:
    """A page of the entities named in ``reports`` (readable ones of the scope), in ``order`` as the unfiltered
    pages, except that "reports" sorts by how many of ``reports`` name each (then by all its reports): the chosen
    entities are sorted in memory, which a range's or a region's few thousand allow."""
    expression, same = pages.ORDERS[order]
    direction = "DESC" if descending else "ASC"
    tie = direction if same else ("ASC" if descending else "DESC")
    if order == "reports":
        expression = f"c.n {direction}, {expression}"
    where, params = _filtered_where(found, reports, text, min_reports)
    rows = session.db.query(f"{_chosen(found)} SELECT {pages._LINE}, c.n FROM chosen c CROSS JOIN "  # noqa: S608
                            f"fusion_entities e ON e.scope_id = ? AND e.id = c.id WHERE {where} "
                            f"ORDER BY {expression} {direction}, e.id {tie} LIMIT ? OFFSET ?",
                            (*params, limit + 1, offset))
    return Page([FilteredLine(**vars(pages._line(r)), within=int(r[7])) for r in rows[:limit]], len(rows) > limit)


def readable_reports(session: Session, reports: Collection[int], case: str = "") -> list[int]:
    """Which of ``reports`` the user may read within the scope of their fusion of ``case`` (sorted): what a
    filter sent by the UI may stand for (the filter bar counts these; nothing else of the ids is trusted)."""
    found = _scope(session, case)
    if found is None or not reports:
        return []
    clause, values = ("1", []) if found.readable is None else found.readable
    return [int(r) for (r,) in session.db.query(
        "SELECT DISTINCT s.report_id FROM json_each(?) j CROSS JOIN fusion_scope_reports s ON s.scope_id = ? "  # noqa: S608
        f"AND s.report_id = j.value JOIN reports r ON r.id = s.report_id WHERE {clause} ORDER BY s.report_id",
        (_ids_json(reports), found.id, *values))]


@dataclass(frozen=True)
class FilteredDetail(EntityDetail):
    """An entity's detail while a filter applies: ``reports``, ``report_total`` and ``mentions`` are of its
    reports within the filter (readable ones of the scope); ``every`` counts all its readable reports."""

    every: int = 0


def entity_detail(session: Session, entity_id: int, case: str = "", reports: Collection[int] | None = None,
                  limit: int = 500) -> EntityDetail | None:
    """The entity's detail; with ``reports`` (the cross-filter's, as entity_page's) its evidence is the reports
    among those that name it: the analyst narrowing to a range or a region reads what lies within it."""
    found = _scope(session, case)
    if found is None:
        return None
    detail = pages.entity(session.db, found.id, entity_id, found.readable, limit=limit)
    if detail is None or reports is None:
        return detail
    clause, values = ("1", []) if found.readable is None else found.readable
    within = (f"FROM json_each(?) j CROSS JOIN fusion_entity_reports fr ON fr.scope_id = ? AND "
              f"fr.report_id = j.value AND fr.entity_id = ? JOIN reports r ON r.id = fr.report_id WHERE {clause}")
    bound = (_ids_json(reports), found.id, entity_id, *values)
    total = int(session.db.query(f"SELECT count(*) {within}", bound)[0][0])
    rows = session.db.query(f"SELECT r.id, {pages.DAY}, r.agency, r.title {within} ORDER BY fr.report_id LIMIT ?",
                            (*bound, limit))
    listed = [pages.EntityReport(int(r[0]), str(r[1] or ""), str(r[2]), str(r[3])) for r in rows]
    return FilteredDetail(detail.line, listed, total, _mentions(session, found.id, entity_id, listed[:30]),
                          detail.merges, every=detail.report_total)


def _mentions(session: Session, sid: int, entity_id: int,
              listed: list[pages.EntityReport]) -> dict[int, list[tuple[str, int, int]]]:
    """The entity's mentions as written in these reports (at most eight each), as pages.entity reads them."""
    found: dict[int, list[tuple[str, int, int]]] = {}
    if not listed:
        return found
    marks = ",".join("?" * len(listed))
    for report_id, surface, start, end in session.db.query(
            "SELECT report_id, surface, start_offset, end_offset FROM fusion_mentions WHERE scope_id = ? AND "  # noqa: S608
            f"entity_id = ? AND report_id IN ({marks}) ORDER BY report_id, start_offset",
            (sid, entity_id, *(r.id for r in listed))):
        held = found.setdefault(int(report_id), [])
        if len(held) < 8:
            held.append((str(surface), int(start), int(end)))
    return found


@dataclass(frozen=True)
class DuplicatePage:
    groups: list[list[int]]
    more: bool
    facts: dict[int, tuple[str, str]]  # report: (agency, day)


def duplicate_page(session: Session, case: str = "", offset: int = 0, limit: int = PAGE) -> DuplicatePage:
    found = _scope(session, case)
    if found is None:
        return DuplicatePage([], False, {})
    page = pages.duplicate_groups(session.db, found.id, offset, limit, found.readable)
    ids = sorted({r for group in page.rows for r in group})
    facts: dict[int, tuple[str, str]] = {}
    for start in range(0, len(ids), 500):
        batch = ids[start:start + 500]
        marks = ",".join("?" * len(batch))
        for report_id, agency, day in session.db.query(
                f"SELECT r.id, r.agency, {pages.DAY} FROM reports r WHERE r.id IN ({marks})", batch):  # noqa: S608
            facts[int(report_id)] = (str(agency), str(day or ""))
    return DuplicatePage(page.rows, page.more, facts)


def graph(session: Session, case: str = "", most: int = 150,
          most_reports: int = 350) -> tuple[list[tuple[int, str, str, list[int]]], dict[int, str]]:
    """The link graph's entities (id, name, kind, reports shown) and their reports' titles."""
    found = _scope(session, case)
    return ([], {}) if found is None else pages.graph(session.db, found.id, most, most_reports, found.readable)


def timeline(session: Session, case: str = "") -> list[TimelineMark]:
    found = _scope(session, case)
    return [] if found is None else pages.timeline(session.db, found.id, found.readable)


def pending(session: Session, case: str = "") -> int:
    found = _scope(session, case)
    return 0 if found is None else pages.pending_count(session.db, found.id)



def agencies(session: Session, case: str = "") -> list[str]:
    """The agencies of the scope's readable reports: the corroboration matrix's columns."""
    found = _scope(session, case)
    return [] if found is None else pages.agencies(session.db, found.id, found.readable)
