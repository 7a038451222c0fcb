"""The event timeline's events: the days named inside readable reports (core/fusion/events), each with its
sentence and the entities of the reader's kept fusion named in that sentence.

Why read a page of reports at a time: events come from report text, so a case or an entity with a million
reports is read ``limit`` reports per call (the view asks for the next page on a worker, the CLI pages with
--offset); nothing here reads every report at once.

Need-to-know: only reports the reader may read now are read (their readable clause joins every query), and the
entities come from their own fusion of the scope (services/fusion_tables.readable_scope), which is not used at
all while it draws on a report they may no longer read: then events carry no entities, and the entity and top
entity timelines are empty. An entity's or the top entities' reports are its readable reports only, so an event
in a hidden report never appears, nor its sentence, nor anything counted from it.

Sentences are report content: every page that returns events is audited (``report.events``) with the ids of
the reports it read, as a search names its hits.

Days without a year and relative days (yesterday, 昨日) are resolved from the report's own date (report_date);
a report without one (only its import time) leaves them out: the day it was imported says nothing about them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from nia_desktop.core.errors import BadInput
from nia_desktop.core.fusion import events as extraction
from nia_desktop.core.roles import Action
from nia_desktop.core.store import cases
from nia_desktop.core.store import fusion_pages as pages
from nia_desktop.services import fusion_tables
from nia_desktop.services.report_mentions import body_mentions
from nia_desktop.services.session import Session

PAGE = 100  # reports read per call
MOST_PAGE = 500  # reports a call reads at most
TOP = 12  # entities of the top entities' timeline
AUDIT_IDS = 500  # report ids an audit entry names at most


@dataclass(frozen=True)
class EventEntity:
    """An entity named in an event's sentence."""

    id: int
    name: str
    kind: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "kind": self.kind}


@dataclass(frozen=True)
class Event:
    """A day named in a readable report: [start, end) of its words in the report's body, how it was resolved,
    its sentence and the entities in it."""

    report_id: int
    agency: str
    report_day: str
    day: str
    resolved: str
    surface: str
    start: int
    end: int
    sentence: str
    entities: tuple[EventEntity, ...]

    def to_json(self) -> dict[str, Any]:
        return {"report": self.report_id, "agency": self.agency, "report_day": self.report_day, "day": self.day,
                "resolved": self.resolved, "surface": self.surface, "start": self.start, "end": self.end,
                "sentence": self.sentence, "entities": [e.to_json() for e in self.entities]}


@dataclass(frozen=True)
class EventPage:
    """The events of ``reports`` readable reports from ``offset``; ``more``: reports follow (ask from
    ``offset + reports``)."""

    events: list[Event]
    offset: int
    reports: int
    more: bool

    @property
    def next_offset(self) -> int:
        return self.offset + self.reports

    def to_json(self) -> dict[str, Any]:
        return {"offset": self.offset, "reports": self.reports, "more": self.more,
                "next_offset": self.next_offset if self.more else None, "events": [e.to_json() for e in self.events]}


def _check_window(offset: int, limit: int) -> None:
    if offset < 0 or not 1 <= limit <= MOST_PAGE:
        raise BadInput(f"a page is 1 to {MOST_PAGE} reports from an offset of 0 or more")


def case_events(session: Session, case: str = "", offset: int = 0, limit: int = PAGE) -> EventPage:
    """The events of the readable reports of ``case`` ('' for every report), ``limit`` reports from ``offset`` in
    id order, with the entities of the reader's kept fusion of the case where there is one."""
    session.require(Action.REPORT_READ, f"events of {case or 'all reports'}")
    _check_window(offset, limit)
    clause, params = session.readable("r")
    if case:
        case_id = cases.find(session.db, case)
        if case_id is None:
            raise BadInput(f"there is no case {case!r}")
        sql = (f"SELECT r.id FROM case_reports c JOIN reports r ON r.id = c.report_id "  # noqa: S608
               f"WHERE c.case_id = ? AND {clause} ORDER BY r.id LIMIT ? OFFSET ?")
        rows = session.db.query(sql, (case_id, *params, limit + 1, offset))
    else:
        rows = session.db.query(f"SELECT r.id FROM reports r WHERE {clause} ORDER BY r.id "  # noqa: S608
                                "LIMIT ? OFFSET ?", (*params, limit + 1, offset))
    ids = [int(r[0]) for r in rows]
    scope = fusion_tables.readable_scope(session, case) if session.may(Action.FUSE) else None
    return _page(session, ids[:limit], scope, offset, len(ids) > limit, None, f"case {case}" if case else "")


def range_reports(session: Session, case: str, since: str, until: str, reports: int = PAGE) -> list[int]:
    """The reports among the first ``reports`` readable ones of ``case`` (id order, as case_events pages them)
    with an event from ``since`` to ``until`` (ISO days, inclusive), sorted: what the case's own timeline holds in
    that range once it has read that many reports, whatever another filter narrows the timeline to (the Fusion
    view's cross-filter counts a range over the case, not over the map's region). Each page read is audited as
    case_events audits it."""
    found: set[int] = set()
    offset = 0
    while offset < reports:
        page = case_events(session, case, offset, min(MOST_PAGE, reports - offset))
        found.update(e.report_id for e in page.events if since <= e.day <= until)
        if not page.more:
            break
        offset = page.next_offset
    return sorted(found)


def entity_events(session: Session, entity_id: int, case: str = "", offset: int = 0,
                  limit: int = PAGE) -> EventPage:
    """The events whose sentence names ``entity_id`` in the reader's kept fusion of ``case``, read from its
    readable reports, ``limit`` from ``offset``; empty before a fusion or while it draws on a hidden report."""
    return _entities_events(session, [entity_id], case, offset, limit, f"entity {entity_id}")


def top_entities(session: Session, case: str = "", most: int = TOP) -> list[EventEntity]:
    """The ``most`` entities of the reader's kept fusion of ``case`` in the most reports (readable ones only)."""
    found = fusion_tables.readable_scope(session, case)
    if found is None:
        return []
    lines = pages.entities(session.db, found.id, "reports", True, limit=max(1, min(most, 100)),
                           readable=found.readable).rows
    return [EventEntity(line.id, line.name, line.kind) for line in lines]


def top_events(session: Session, case: str = "", most: int = TOP, offset: int = 0,
               limit: int = PAGE) -> EventPage:
    """The events whose sentence names one of the ``most`` top entities (top_entities), read from their
    readable reports, ``limit`` from ``offset``."""
    ids = [e.id for e in top_entities(session, case, most)]
    return _entities_events(session, ids, case, offset, limit, f"top {len(ids)} entities")


def _entities_events(session: Session, entity_ids: list[int], case: str, offset: int, limit: int,
                     what: str) -> EventPage:
    session.require(Action.REPORT_READ, f"events of {what}")
    _check_window(offset, limit)
    found = fusion_tables.readable_scope(session, case)
    if found is None or not entity_ids:
        return EventPage([], offset, 0, False)
    clause, params = ("1", []) if found.readable is None else (found.readable[0], list(found.readable[1]))
    marks = ",".join("?" * len(entity_ids))
    rows = session.db.query(
        "SELECT DISTINCT fr.report_id FROM fusion_entity_reports fr JOIN reports r ON r.id = fr.report_id "  # noqa: S608
        f"WHERE fr.scope_id = ? AND fr.entity_id IN ({marks}) AND ({clause}) ORDER BY fr.report_id "
        "LIMIT ? OFFSET ?", (found.id, *entity_ids, *params, limit + 1, offset))
    ids = [int(r[0]) for r in rows]
    session.require_readable(ids[:limit])  # the readable clause said so; a grant run out since refuses here
    return _page(session, ids[:limit], found, offset, len(ids) > limit, set(entity_ids), what)


def _page(session: Session, ids: list[int], scope: fusion_tables.Scope | None, offset: int, more: bool,
          wanted: set[int] | None, what: str) -> EventPage:
    """Read ``ids`` (readable reports), extract their events, keep those naming one of ``wanted`` (None: all),
    audit the read when any report was read."""
    found: list[Event] = []
    if ids:
        marks = ",".join("?" * len(ids))
        texts = session.db.query(
            "SELECT r.id, r.title, t.body, r.agency, coalesce(r.report_date, ''), "  # noqa: S608
            f"{pages.DAY} FROM reports r JOIN report_texts t ON t.report_id = r.id WHERE r.id IN ({marks}) "
            "ORDER BY r.id", tuple(ids))
        for report_id, title, body, agency, reported, shown_day in texts:
            mentions = _mentions(session, scope, int(report_id), len(str(title)) + 1, str(body))
            for day in extraction.extract(str(body), extraction.report_day(str(reported)), mentions):
                named = tuple(EventEntity(m.entity_id, m.name, m.kind) for m in day.entities)
                if wanted is not None and not wanted.intersection(e.id for e in named):
                    continue
                found.append(Event(int(report_id), str(agency or ""), str(shown_day or "")[:10], day.day,
                                   day.resolved, day.surface, day.start, day.end, day.sentence, _unique(named)))
        # "reports" and "hits" as report.search writes them: the insider watch's reach reads those two keys.
        session.audit("report.events", f"{len(ids)} reports", details={
            "reports": ids[:AUDIT_IDS], "hits": len(ids), "events": len(found), **({"of": what} if what else {})})
    found.sort(key=lambda e: (e.day, e.report_id, e.start))
    return EventPage(found, offset, len(ids), more)


def _unique(named: tuple[EventEntity, ...]) -> tuple[EventEntity, ...]:
    seen: dict[int, EventEntity] = {}
    for entity in named:
        seen.setdefault(entity.id, entity)
    return tuple(seen.values())


def _mentions(session: Session, scope: fusion_tables.Scope | None, report_id: int, shift: int,
              body: str) -> list[extraction.Mention]:
    """The kept fusion's mentions of the report as offsets into its body (report_mentions.body_mentions)."""
    if scope is None:
        return []
    rows = session.db.query(
        "SELECT m.start_offset, m.end_offset, m.surface, e.id, e.name, e.kind, e.report_count "
        "FROM fusion_mentions m JOIN fusion_entities e ON e.scope_id = m.scope_id AND e.id = m.entity_id "
        "WHERE m.scope_id = ? AND m.report_id = ? ORDER BY m.start_offset, m.end_offset DESC",
        (scope.id, report_id))
    return [extraction.Mention(m.start, m.end, m.entity_id, m.entity_name, m.kind)
            for m in body_mentions(shift, body, rows)]
