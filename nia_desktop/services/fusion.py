"""Fusion, entity judgements and cases: the analyst's use cases over the fusion engine (core/fusion).

Need-to-know: fusion runs over the reports the user may read and nothing else, so every entity, alias, mention,
link, near-duplicate group and date it finds derives from readable text: a name found only in a report the user
may not read cannot appear (a fusion of everything filtered afterwards would still show it among aliases and in
what it merged). Results are kept per reader access (store/fusion.run_scope), analysts' judgements apply only
where the user may read every report they rest on, and a case shows only its readable reports.
"""

from __future__ import annotations

import contextlib
import math
import uuid
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from nia_desktop.core import gc_pause
from nia_desktop.core.clock import iso_utc
from nia_desktop.core.errors import BadInput
from nia_desktop.core.fusion import cache as extraction_cache
from nia_desktop.core.fusion import segments
from nia_desktop.core.fusion.engine import (
    COMMON_LINK,
    Entity,
    FusionResult,
    content_only,
    extract,
    fuse,
    load_dictionaries,
)
from nia_desktop.core.fusion.incremental import TableIndex, Update
from nia_desktop.core.fusion.judgements import Judgement, node_from_text, node_text
from nia_desktop.core.fusion.nodes import ReportText
from nia_desktop.core.fusion.stored import to_stored
from nia_desktop.core.fusion.watchlist import Matcher
from nia_desktop.core.markings import Access
from nia_desktop.core.names import check_case_name
from nia_desktop.core.roles import Action
from nia_desktop.core.store import cases, clearances
from nia_desktop.core.store import fusion as store
from nia_desktop.core.store import fusion_state as state
from nia_desktop.core.store.reports import missing as missing_reports
from nia_desktop.services import fusion_segmented
from nia_desktop.services.progress import CancelToken, Progress, no_progress
from nia_desktop.services.session import Session

# An e-mail attachment's message, for near-duplicates (0 for any other report).
_MESSAGE = "(SELECT m.id FROM reports m WHERE m.id = r.parent_id AND m.detected_type = 'eml')"


def _report_texts(session: Session, case: str, reader: Access) -> list[ReportText]:
    """The texts of the reports ``reader`` may read: every one, or one case's."""
    clause, params = clearances.readable_sql(session.db, reader, "r")
    if case:
        case_id = _case_id(session, case)
        rows = session.db.query(
            f"SELECT r.id, r.title, t.body, {_MESSAGE} FROM case_reports c JOIN reports r ON r.id = c.report_id "  # noqa: S608 - constants
            f"JOIN report_texts t ON t.report_id = r.id WHERE c.case_id = ? AND {clause} ORDER BY r.id",
            (case_id, *params))
    else:
        rows = session.db.query(f"SELECT r.id, r.title, t.body, {_MESSAGE} FROM reports r "  # noqa: S608 - constants
                                f"JOIN report_texts t ON t.report_id = r.id WHERE {clause} ORDER BY r.id", params)
    return [ReportText(int(i), str(title), str(body), int(message or 0)) for i, title, body, message in rows]


def _scope(session: Session, case: str, reader: Access | None = None) -> state.Scope | None:
    """The latest fusion of ``case`` kept for this user's access, or None: none yet, or one that draws on a
    report re-marked beyond the user's reach since (fusing again makes a new one). The probe starts from the
    smaller side, the reports hidden from the reader or the scope's (services/fusion_tables.draws_on_unreadable)."""
    from nia_desktop.services.fusion_tables import draws_on_unreadable

    reader = reader or session.access()
    found = state.scope(session.db, store.run_scope(case, reader.key()))
    if found is None or draws_on_unreadable(session.db, found.id, reader):
        return None
    return found


def _run(session: Session, case: str, reader: Access | None = None) -> tuple[str, dict[str, Any]] | None:
    """(when, the whole result as `nia fuse --json` and earlier stores had it) of the kept fusion, or None."""
    found = _scope(session, case, reader)
    if found is None:
        return None
    return found.at, to_stored(state.reconstruct(session.db, found.id))


def kept_run(session: Session, case: str = "") -> dict[str, Any] | None:
    """For other services (their caller's permission already checked): the latest fusion kept for this user's
    access, whole, or None."""
    found = _run(session, case)
    return None if found is None else found[1]


def kept_duplicates(session: Session, case: str = "") -> list[list[int]]:
    """The near-duplicate groups of the latest fusion kept for this user's access (none without one), read from
    their own table (services/ledger.py)."""
    found = _scope(session, case)
    return [] if found is None else state.duplicate_groups(session.db, found.id)


def entity_weights(session: Session, question: str, done: set[int]) -> dict[int, float]:
    """For services/assessments.py (its caller's permission already checked): report -> weight from the entities
    of the latest fusion of every report kept for this user's access: those ``question`` names (an alias of three
    characters or more in it; weighed twice) and those of ``done`` (reports already tagged; entities in more than
    COMMON_LINK reports left out). Each adds its rarity (inverse document frequency) to each of its reports. Read
    by index: the reports' entities, the entities' reports; naming is one SQL pass over entity names and aliases.
    """
    kept = _scope(session, "")
    if kept is None:
        return {}
    db, sid = session.db, kept.id
    named = set(state.entities_named_in(db, sid, question))
    near = {e for r in sorted(done) for e in state.report_entities(db, sid, r)} - named
    total = kept.reports + 1
    score: dict[int, float] = defaultdict(float)
    for entity_id in sorted(named | near):
        count = state.report_count(db, sid, entity_id)
        if not count or (entity_id not in named and count > COMMON_LINK):
            continue
        weight = math.log(total / count) * (2 if entity_id in named else 1)
        for report in state.entity_reports(db, sid, entity_id):
            score[report] += weight
    return dict(score)


def _judgements(session: Session, include_revoked: bool = False) -> list[tuple[Judgement, str | None]]:
    """The analysts' judgements resting only on reports this user may read: the others (their keys are names
    from those reports, their reasons were written by someone who read them) neither apply nor show."""
    found = store.judgements(session.db, include_revoked)
    cited = {r for j, _ in found for r in j.reports}
    readable = clearances.readable_ids(session.db, session.access(), cited) if cited else set()
    return [(j, revoked) for j, revoked in found if readable.issuperset(j.reports)]


def judgements_in_force(session: Session) -> list[Judgement]:
    """The judgements in force that apply for this user (resting only on reports they may read), in order made."""
    return [j for j, _ in _judgements(session)]


def _case_id(session: Session, case: str) -> int:
    case_id = cases.find(session.db, case)
    if case_id is None:
        raise BadInput(f"there is no case named {case!r}")
    return case_id


@dataclass(frozen=True)
class Corroboration:
    """Who reports an entity: independent agencies, their gradings, first and last seen."""

    agencies: dict[str, int]
    gradings: list[str]
    first_seen: str
    last_seen: str

    @property
    def single_source(self) -> bool:
        return len(self.agencies) <= 1

    def to_json(self) -> dict[str, Any]:
        return {"agencies": self.agencies, "independent_agencies": len(self.agencies), "gradings": self.gradings,
                "first_seen": self.first_seen, "last_seen": self.last_seen, "single_source": self.single_source}


def corroboration(session: Session, report_ids: list[int]) -> Corroboration:
    """Who reports these reports' entity, counting only the reports this user may read."""
    if not report_ids:
        return Corroboration({}, [], "", "")
    marks = ",".join("?" * len(report_ids))
    clause, params = session.readable()
    query = (f"SELECT agency, reliability, credibility, report_date, imported_at FROM reports "  # noqa: S608
             f"WHERE id IN ({marks}) AND {clause}")
    rows = session.db.query(query, [*report_ids, *params])
    if not rows:
        return Corroboration({}, [], "", "")
    agencies: dict[str, int] = defaultdict(int)
    gradings, dates = set(), []
    for agency, reliability, credibility, report_date, imported_at in rows:
        agencies[str(agency)] += 1
        if reliability or credibility:
            gradings.add(f"{reliability or '?'}{credibility or '?'}")
        dates.append(str(report_date or imported_at[:10]))
    return Corroboration(dict(sorted(agencies.items())), sorted(gradings), min(dates), max(dates))


def prepare(session: Session) -> None:
    """Load fusion's dictionaries now, for a user who may fuse (see engine.load_dictionaries), unless
    load_in_background has (or is still at it: this waits for it)."""
    if session.may(Action.FUSE):
        with gc_pause.paused_gc():
            load_dictionaries()


def load_dictionaries_early() -> None:
    """Load fusion's dictionaries before anyone unlocks: the desktop runs this on a worker while the unlock
    screen waits for a passphrase.

    Sudachi's dictionary and pypinyin's json.loads each hold the GIL for 80-100 ms in one call: loaded at unlock,
    they stalled the UI between the click and the first rows (at a million reports, 117-164 ms with the
    collection that followed). Under paused_gc, what they made is frozen afterwards, so no collection on the UI
    thread rescans it. A failure is left to the first fusion to report."""
    with contextlib.suppress(Exception), gc_pause.paused_gc():
        load_dictionaries()


@dataclass(frozen=True)
class FusionCounts:
    """What a full fusion kept, counted (its rows are in the scope's tables)."""

    reports: int
    entities: int
    links: int
    duplicate_groups: int
    segments: int = 1


def fuse_kept(session: Session, case: str = "", progress: Progress = no_progress,
              cancel: CancelToken | None = None) -> FusionCounts:
    """Fuse the reports this user may read (every one, or one case's) into the tables kept for readers with the
    same access, audited; the counts only, so no caller holds a whole result (the desktop, `nia fuse`). Progress
    and cancel reach a fusion run a segment at a time (a smaller one is one step)."""
    counts, result = _fuse(session, case, progress, cancel)
    if result is not None:
        fusion_segmented.let_go(result)
    return counts


def run_fusion(session: Session, case: str = "") -> FusionResult:
    """As fuse_kept, and the whole result (`nia fuse --json`, the self-test): read back from the tables when the
    fusion ran a segment at a time."""
    result = _fuse(session, case)[1]
    if result is None:
        kept = state.scope(session.db, store.run_scope(case, session.access().key()))
        result = state.reconstruct(session.db, kept.id) if kept is not None else FusionResult([], [], [], {})
    return result


def _fuse(session: Session, case: str, progress: Progress = no_progress,
          cancel: CancelToken | None = None) -> tuple[FusionCounts, FusionResult | None]:
    """Up to segments.SEGMENT reports fused at once, exactly, here; more a segment at a time
    (services/fusion_segmented.py), memory bounded by the segment."""
    from nia_desktop.services.entity_marks import queue_missed

    session.require(Action.FUSE, case or "all reports")
    reader = session.access()
    decided = [j for j, _ in _judgements(session)]
    watch = store.watchlist(session.db)
    key = store.run_scope(case, reader.key())
    ids = fusion_segmented.readable_ids(session, reader, _case_id(session, case) if case else None)
    size = segments.segment_size()
    if len(ids) > size:
        built = fusion_segmented.build(session, key, ids, decided, watch, size, progress, cancel)
        del ids
        with session.db.transaction():
            session.audit("fusion.run", case or "all reports", details={
                "reports": built.reports, "entities": built.entities, "links": built.links,
                "duplicate_groups": built.duplicate_groups, "judgements": len(decided), "watchlist": len(watch),
                "extracted_now": built.extracted_now, "segments": built.segments, "carried": built.carried})
        return FusionCounts(built.reports, built.entities, built.links, built.duplicate_groups, built.segments), None
    del ids
    texts = _report_texts(session, case, reader)
    version = extraction_cache.version(watch)
    wanted = {t.id for t in texts}
    extracted = {r: extraction_cache.decode(d) for r, d in
                 fusion_segmented.extractions(session, version, sorted(wanted)).items()}
    cached = set(extracted)
    result = fuse(texts, decided, watch, extracted)
    fresh = [(r, extraction_cache.encode(found)) for r, found in extracted.items() if r not in cached]
    # Near-duplicate samples of the reports never sampled (they depend on the text alone: taken once).
    unsampled = set(state.unsampled(session.db, wanted))
    samples = [(t.id, sorted(state.sample(content_only(t)))) for t in texts if t.id in unsampled]
    with session.db.transaction():
        store.save_extractions(session.db, version, fresh)
        state.save_samples(session.db, samples)
        kept = state.replace(session.db, key, session.name, iso_utc(session.clock.now()), result, wanted,
                             [j.id for j in decided], complete=True)
        queue_missed(session, kept, decided)  # an entity judgement made while it ran waits for the next
        session.audit("fusion.run", case or "all reports", details={
            "reports": len(texts), "entities": len(result.entities), "links": len(result.links),
            "duplicate_groups": len(result.duplicates), "judgements": len(decided), "watchlist": len(watch),
            "extracted_now": len(fresh)})
    return FusionCounts(len(texts), len(result.entities), len(result.links), len(result.duplicates)), result


def last_fusion(session: Session, case: str = "") -> dict[str, Any] | None:
    """The stored result of the latest fusion of this scope by a user with this user's access, or None before
    the first."""
    session.require(Action.FUSE, case or "all reports")
    found = _run(session, case)
    return None if found is None else {"at": found[0], **found[1]}


def entity_details(session: Session, entity_id: int, case: str = "") -> dict[str, Any] | None:
    """One entity of the latest fusion kept for this user's access, as `nia fuse --json` shows it plus its keys,
    merges and mention count, read by its id; None when there is no such entity (or no fusion)."""
    session.require(Action.FUSE, case or "all reports")
    found = _scope(session, case)
    entity = None if found is None else state.entity(session.db, found.id, entity_id)
    return None if entity is None else _stored_entity(entity)


def _stored_entity(entity: Entity) -> dict[str, Any]:
    return {**entity.to_json(), "nodes": [node_text(n) for n in entity.nodes], "merges": entity.merges,
            "mentions": entity.mentions}


def _entities(session: Session, case: str, ids: list[int]) -> list[dict[str, Any]]:
    found = _scope(session, case)
    if found is None:
        raise BadInput("run fusion first (`nia fuse`): entity numbers refer to the latest fusion")
    by_id = {i: _stored_entity(e) for i, e in state.entities(session.db, found.id, ids).items()}
    missing = [i for i in ids if i not in by_id]
    if missing:
        raise BadInput(f"no entity {', '.join(map(str, missing))} in the latest fusion"
                       + (f" of case {case!r}" if case else ""))
    return [by_id[i] for i in ids]


def _judge(session: Session, judgement: Judgement, what: str) -> int:
    with session.db.transaction():
        judgement_id = store.add_judgement(session.db, judgement)
        # What was judged on which reports, not the entity's names: those come from report text, which officers
        # reading the log never see (the analysts' own log, judgement_log, has them).
        session.audit(f"entity.{what}", f"judgement {judgement_id}", details={
            "verdict": judgement.verdict, "reports": list(judgement.reports), "by": judgement.by})
    return judgement_id


def merge_entities(session: Session, ids: list[int], why: str = "", case: str = "") -> list[int]:
    """The analyst says these entities are one: recorded, applied at every fusion until undone."""
    session.require(Action.CASE_EDIT, f"merge {ids}")
    if len(set(ids)) < 2:
        raise BadInput("name two or more entities to merge")
    entities = _entities(session, case, ids)
    now = iso_utc(session.clock.now())
    first = node_from_text(entities[0]["nodes"][0])
    return [_judge(session, Judgement("same", first, node_from_text(e["nodes"][0]), session.name, now, why,
                                      tuple(sorted(set(entities[0]["reports"]) | set(e["reports"])))), "merge")
            for e in entities[1:]]


def confirm_entity(session: Session, entity_id: int, why: str = "", case: str = "") -> list[int]:
    """The analyst says this entity is right as resolved: its keys stay one entity through every re-fusion,
    whatever later rules, imports or homonym splits would do (undo each judgement to release it)."""
    session.require(Action.CASE_EDIT, f"confirm {entity_id}")
    (entity,) = _entities(session, case, [entity_id])
    nodes = [node_from_text(n) for n in entity["nodes"]]
    now, reports = iso_utc(session.clock.now()), tuple(sorted(entity["reports"]))
    reason = why or "confirmed as resolved"
    return [_judge(session, Judgement("same", nodes[0], node, session.name, now, reason, reports), "confirm")
            for node in (nodes[1:] or nodes[:1])]


def mark_different(session: Session, a: int, b: int, why: str = "", case: str = "") -> int:
    """The analyst says these two are never one entity, whatever the rules find."""
    session.require(Action.CASE_EDIT, f"different {a} {b}")
    if a == b:
        raise BadInput("an entity cannot be different from itself: use `nia entity split`")
    first, second = _entities(session, case, [a, b])
    now = iso_utc(session.clock.now())
    return _judge(session, Judgement("different", node_from_text(first["nodes"][0]),
                                     node_from_text(second["nodes"][0]), session.name, now, why,
                                     tuple(sorted(set(first["reports"]) | set(second["reports"])))), "different")


def split_entity(session: Session, entity_id: int, report_ids: list[int], why: str = "", case: str = "") -> list[int]:
    """The analyst says the entity's mentions in these reports are someone (something) else."""
    session.require(Action.CASE_EDIT, f"split {entity_id}")
    session.require_readable(report_ids, f"split entity {entity_id}")
    (entity,) = _entities(session, case, [entity_id])
    outside = sorted(set(report_ids) - set(entity["reports"]))
    if outside:
        raise BadInput(f"entity {entity_id} is not mentioned in report {', '.join(map(str, outside))}")
    if not report_ids or set(report_ids) == set(entity["reports"]):
        raise BadInput("name some, not all, of the entity's reports to split off")
    now = iso_utc(session.clock.now())
    new_node = ("split", uuid.uuid4().hex[:12])
    made = []
    for node in _nodes_in(session, [node_from_text(n) for n in entity["nodes"]], report_ids):
        made.append(_judge(session, Judgement("split", node, new_node, session.name, now, why,
                                              tuple(sorted(report_ids))), "split"))
        made.append(_judge(session, Judgement("different", node, new_node, session.name, now, why,
                                              tuple(sorted(report_ids))), "split"))
    return made


def _nodes_in(session: Session, nodes: list[tuple[str, ...]], report_ids: list[int]) -> list[tuple[str, ...]]:
    """The entity's keys that extraction found in these reports: a split changes mentions of those alone, and a
    key found only in the entity's other reports (perhaps ones a later reader may not read) stays out of the
    judgement, whose keys everyone who may read its reports sees in the log."""
    found = store.extractions_of(session.db, extraction_cache.version(store.watchlist(session.db)), report_ids)
    if set(found) != set(report_ids):
        raise BadInput("the watchlist changed since the latest fusion: run `nia fuse` again, then split")
    present = {f.node for data in found.values() for f in extraction_cache.decode(data)}
    kept = [node for node in nodes if node in present]
    if not kept:
        raise BadInput("none of the entity's names is found as such in those reports: nothing to split")
    return kept


def undo_judgement(session: Session, judgement_id: int) -> int:
    """Revoke a judgement; one resting on a report this user may not read is refused (and audited). Returns how
    many kept fusions now wait for a full fusion to drop a revoked text judgement (services/entity_marks.py)."""
    from nia_desktop.services.entity_marks import queue

    session.require(Action.CASE_EDIT, f"judgement {judgement_id}")
    judged = next((j for j, _ in store.judgements(session.db) if j.id == judgement_id), None)
    if judged is not None:
        session.require_readable(list(judged.reports), f"judgement {judgement_id}")
    with session.db.transaction():
        if not store.revoke(session.db, judgement_id, session.name, iso_utc(session.clock.now())):
            raise BadInput(f"there is no judgement {judgement_id} in force")
        queued = queue(session, judged, judgement_id, revoked=True) if judged is not None else 0
        session.audit("entity.undo", f"judgement {judgement_id}")
    return queued


def judgement_log(session: Session) -> list[dict[str, Any]]:
    """Every judgement this user may read all the reports of, revoked ones too."""
    session.require(Action.FUSE, "judgements")
    return [{**j.to_json(), "revoked_by": revoked} for j, revoked in _judgements(session, True)]


def create_case(session: Session, name: str) -> int:
    session.require(Action.CASE_EDIT, name)
    name = check_case_name(name)
    with session.db.transaction():
        if cases.find(session.db, name) is not None:
            raise BadInput(f"a case named {name!r} already exists")
        case_id = cases.create(session.db, name, session.name, iso_utc(session.clock.now()))
        session.audit("case.create", name)
    return case_id


def add_to_case(session: Session, name: str, report_ids: list[int]) -> int:
    """Add reports to a case; returns how many were new to it. Adding one this user may not read is refused."""
    session.require(Action.CASE_EDIT, name)
    session.require_readable(report_ids, f"add to case {name}")  # audited in its own transaction
    with session.db.transaction():
        case_id = cases.find(session.db, name)
        if case_id is None:
            raise BadInput(f"there is no case named {name!r}: create it with `nia case create`")
        absent = missing_reports(session.db, report_ids)
        if absent:
            raise BadInput(f"no such report: {', '.join(map(str, absent))}")
        before = session.db.query("SELECT count(*) FROM case_reports WHERE case_id = ?", (case_id,))[0][0]
        now = iso_utc(session.clock.now())
        for report_id in report_ids:
            cases.add_report(session.db, case_id, report_id, session.name, now)
        added = int(session.db.query("SELECT count(*) FROM case_reports WHERE case_id = ?", (case_id,))[0][0]) - before
        session.audit("case.add", name, details={"reports": report_ids, "added": added})
    return int(added)


def case_reports(session: Session, name: str) -> list[dict[str, Any]]:
    """A case's reports this user may read, oldest first: id, title, agency, date."""
    session.require(Action.FUSE, name)
    case_id = _case_id(session, name)
    return [{"id": int(r[0]), "title": str(r[1]), "agency": str(r[2]), "date": str(r[3] or str(r[4])[:10])}
            for r in cases.reports(session.db, case_id, session.readable("r"))]


@dataclass(frozen=True)
class EntityRow:
    """One line of the entities table: the entity and who reports it."""

    id: int
    kind: str
    name: str
    aliases: list[str]
    reports: list[int]
    seen: Corroboration
    mentions: int = 0


@dataclass(frozen=True)
class ReportFacts:
    agency: str
    grading: str
    date: str
    title: str
    classification: int


@dataclass(frozen=True)
class Workspace:
    """Everything the Fusion workspace shows, computed off the UI thread in one pass."""

    result: FusionResult
    entities: list[EntityRow]
    reports: dict[int, ReportFacts]
    agencies: list[str]


def fusion_workspace(session: Session, case: str = "", grown: bool = False) -> Workspace:
    """Fuse, then attach corroboration to every entity with one query for all reports' metadata.

    ``grown``: no fusion; the session's last full fusion as imports since have grown it (fuse_imported).
    Only reports this user may read are fused, counted or described.
    """
    if grown:
        session.require(Action.FUSE, "all reports")
        kept = _scope(session, "")
        if kept is None:
            raise BadInput("there is no fusion to show")
        result = state.reconstruct(session.db, kept.id)
    else:
        result = run_fusion(session, case)
    clause, params = session.readable()
    facts = {int(r[0]): ReportFacts(str(r[1]), f"{r[2] or ''}{r[3] or ''}", str(r[4] or str(r[5])[:10]), str(r[6]),
                                    int(r[7]))
             for r in session.db.query("SELECT id, agency, reliability, credibility, report_date, imported_at, title, "  # noqa: S608
                                       f"classification FROM reports WHERE {clause}", params)}
    rows = []
    for entity in result.entities:
        agencies: dict[str, int] = defaultdict(int)
        gradings, dates = set(), []
        for report_id in entity.reports:
            fact = facts.get(report_id)
            if fact is None:
                continue
            agencies[fact.agency] += 1
            if fact.grading:
                gradings.add(fact.grading)
            dates.append(fact.date)
        rows.append(EntityRow(entity.id, entity.kind.value, entity.name, entity.aliases, entity.reports,
                              Corroboration(dict(sorted(agencies.items())), sorted(gradings), min(dates, default=""),
                                            max(dates, default="")), entity.mentions))
    agencies_seen = sorted({a for row in rows for a in row.seen.agencies})
    return Workspace(result, rows, facts, agencies_seen)


def report_text(session: Session, report_id: int) -> str:
    """A report's text for a side-by-side comparison; reading it is audited like opening it."""
    from nia_desktop.services.reports import open_report

    return open_report(session, report_id).body


def case_names(session: Session) -> list[str]:
    session.require(Action.FUSE, "cases")
    return cases.names(session.db)


def suggest_for_case(session: Session, case: str, limit: int = 20) -> list[dict[str, Any]]:
    """Reports not in the case that the latest full fusion links to its reports, strongest first.

    A suggestion's weight is the sum of its links' weights to the case's reports (rarer shared entities
    weigh more); the entities that link it are listed so the analyst can judge before adding it.
    """
    session.require(Action.CASE_EDIT, case)
    case_id = _case_id(session, case)
    reader = session.access()
    members = {int(r[0]) for r in cases.reports(session.db, case_id,
                                                clearances.readable_sql(session.db, reader, "r"))}
    kept = _scope(session, "", reader)
    if kept is None:
        raise BadInput("run fusion over every report first (`nia fuse`): suggestions come from its links")
    score: dict[int, float] = defaultdict(float)
    through: dict[int, set[int]] = defaultdict(set)
    for member in sorted(members):  # each member's links, by index
        for link in state.report_links(session.db, kept.id, member):
            a, b = int(link["a"]), int(link["b"])
            if (a in members) == (b in members):
                continue
            outside = b if a in members else a
            score[outside] += float(link["weight"])
            through[outside].update(int(e) for e in link["entities"])
    ranked = sorted(score, key=lambda r: (-score[r], r))[:limit]
    named = state.entities(session.db, kept.id, {e for r in ranked for e in through[r]})
    names = {i: e.name for i, e in named.items()}
    return [{"report": r, "weight": round(score[r], 3), "entities": sorted(names.get(e, str(e)) for e in through[r])}
            for r in ranked]


@dataclass(frozen=True)
class ImportFused:
    """What fusing newly imported reports into the session's last full fusion found."""

    reports: int
    new_entities: int
    linked_reports: int
    resends: list[tuple[int, list[int]]]  # (new report, the reports it repeats)
    pending: int = 0  # what only a full fusion would do, waiting since the last one (pending_work)

    def to_json(self) -> dict[str, Any]:
        return {"reports": self.reports, "new_entities": self.new_entities, "linked_reports": self.linked_reports,
                "resends": [{"report": r, "of": of} for r, of in self.resends], "pending": self.pending}


def fuse_imported(session: Session, report_ids: list[int]) -> ImportFused | None:
    """Fuse just-imported reports into the last full fusion kept for this user's access, report by report (about
    a millisecond each, plus extraction), changing only the rows they touch; None before the first full fusion.
    `nia fuse` still runs the full fusion. Reports the importer may not read (their marking is above them) are
    left out: they are never in the importer's fusion."""
    if not report_ids:
        return None
    session.require(Action.FUSE, f"{len(report_ids)} imported reports")
    reader = session.access()
    kept = _scope(session, "", reader)
    if kept is None:
        return None
    texts = _texts(session, report_ids, reader)
    if not texts:
        return ImportFused(0, 0, 0, [], _pending_count(session, kept.id))
    watch = store.watchlist(session.db)
    now = iso_utc(session.clock.now())
    matcher = Matcher(watch)
    found = {t.id: extract(t, matcher) for t in texts}  # the slow part, before taking the writer lock
    with session.db.transaction():
        # Again under the writer lock: a full fusion that committed during extraction replaced the scope (and
        # may cover these reports already); they go into the scope as it is now, and only where it lacks them.
        kept = _scope(session, "", reader)
        if kept is None:
            return None
        texts = [t for t in texts if not state.covers(session.db, kept.id, t.id)]
        index = TableIndex(session.db, kept.id, watch, now,
                           load=lambda ids: {t.id: content_only(t) for t in _texts(session, ids, reader)},
                           judgements=[j for j, _ in _judgements(session)])
        updates: list[Update] = [index.add(text, found[text.id]) for text in texts]
        added = [u.report for u in updates]
        fused = ImportFused(len(updates), sum(len(u.new_entities) for u in updates),
                            len({r for u in updates for link in u.links for r in link} - set(added)),
                            [(u.report, u.duplicate_of) for u in updates if u.duplicate_of],
                            _pending_count(session, kept.id))
        store.save_extractions(session.db, extraction_cache.version(watch),
                               [(u.report, extraction_cache.encode(u.found)) for u in updates])
        session.audit("fusion.incremental", "all reports", details={**fused.to_json(), "reports_added": added})
    return fused


def _pending_count(session: Session, scope_id: int) -> int:
    return state.pending(session.db, scope_id, 0)[0]


def pending_work(session: Session, case: str = "", limit: int = 100) -> tuple[int, list[dict[str, Any]]]:
    """What imports could not do incrementally since the latest full fusion kept for this user's access (a
    definition joining two older entities, a key homonyms share...): how many, and the first ``limit``."""
    session.require(Action.FUSE, case or "all reports")
    kept = _scope(session, case)
    return (0, []) if kept is None else state.pending(session.db, kept.id, limit)


def _texts(session: Session, report_ids: list[int], reader: Access) -> list[ReportText]:
    """The texts of those of ``report_ids`` that ``reader`` may read."""
    marks = ",".join("?" * len(report_ids))
    clause, params = clearances.readable_sql(session.db, reader, "r")
    query = (f"SELECT r.id, r.title, t.body FROM reports r JOIN report_texts t ON t.report_id = r.id "  # noqa: S608
             f"WHERE r.id IN ({marks}) AND {clause} ORDER BY r.id")
    return [ReportText(int(i), str(title), str(body)) for i, title, body in
            session.db.query(query, [*report_ids, *params])]
