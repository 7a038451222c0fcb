"""Fusion, entity judgements and cases: the analyst's use cases over the fusion engine (core/fusion).

Need-to-know: fusion runs over the reports the user may read and nothing else, so every entity, alias, mention,
link, near-duplicate group and date it finds derives from readable text: a name found only in a report the user
may not read cannot appear (a fusion of everything filtered afterwards would still show it among aliases and in
what it merged). Results are kept per reader access (store/fusion.run_scope), analysts' judgements apply only
where the user may read every report they rest on, and a case shows only its readable reports.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from nia_desktop.core.clock import iso_utc
from nia_desktop.core.errors import BadInput
from nia_desktop.core.fusion import cache as extraction_cache
from nia_desktop.core.fusion.engine import FusionResult, content_only, fuse, load_dictionaries
from nia_desktop.core.fusion.incremental import FusionIndex, Update
from nia_desktop.core.fusion.judgements import Judgement, node_from_text
from nia_desktop.core.fusion.nodes import ReportText
from nia_desktop.core.fusion.stored import from_stored, to_stored
from nia_desktop.core.markings import Access
from nia_desktop.core.names import check_case_name
from nia_desktop.core.roles import Action
from nia_desktop.core.store import cases, clearances
from nia_desktop.core.store import fusion as store
from nia_desktop.core.store.reports import missing as missing_reports
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


def _hidden(session: Session, reader: Access) -> set[int]:
    """The reports ``reader`` may not read (one scan of the reports table)."""
    clause, params = clearances.readable_sql(session.db, reader, "r")
    return {int(i) for (i,) in session.db.query(f"SELECT r.id FROM reports r WHERE NOT ({clause})", params)}  # noqa: S608


def _cited(stored: dict[str, Any]) -> set[int]:
    """Every report a stored fusion result draws on: entities' reports, near-duplicates, links, content dates."""
    found = {int(r) for e in stored.get("entities", []) for r in e["reports"]}
    found.update(int(r) for group in stored.get("duplicates", []) for r in group)
    found.update(int(end) for link in stored.get("links", []) for end in (link["a"], link["b"]))
    found.update(int(r) for r in stored.get("dates", {}))
    return found


def _run(session: Session, case: str, reader: Access | None = None) -> tuple[str, dict[str, Any]] | None:
    """The latest fusion of ``case`` kept for this user's access, or None: none yet, or one that draws on a
    report re-marked beyond the user's reach since (fusing again makes a new one)."""
    reader = reader or session.access()
    found = store.last_run(session.db, case, reader.key())
    if found is None or _cited(found[1]) & _hidden(session, reader):
        return None
    return found


def kept_run(session: Session, case: str = "") -> dict[str, Any] | None:
    """For other services (their caller's permission already checked): the latest fusion kept for this user's
    access, as stored, or None."""
    found = _run(session, case)
    return None if found is None else found[1]


def _judgements(session: Session, include_revoked: bool = False) -> list[tuple[Judgement, str | None]]:
    """The analysts' judgements resting only on reports this user may read: the others (their keys are names
    from those reports, their reasons were written by someone who read them) neither apply nor show."""
    found = store.judgements(session.db, include_revoked)
    cited = {r for j, _ in found for r in j.reports}
    readable = clearances.readable_ids(session.db, session.access(), cited) if cited else set()
    return [(j, revoked) for j, revoked in found if readable.issuperset(j.reports)]


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
    """Load fusion's dictionaries now, for a user who may fuse (see engine.load_dictionaries)."""
    if session.may(Action.FUSE):
        load_dictionaries()


def run_fusion(session: Session, case: str = "") -> FusionResult:
    """Entities, links and near-duplicate groups over the reports this user may read (every one, or one case's);
    kept for readers with the same access, and audited."""
    session.require(Action.FUSE, case or "all reports")
    reader = session.access()
    texts = _report_texts(session, case, reader)
    decided = [j for j, _ in _judgements(session)]
    watch = store.watchlist(session.db)
    version = extraction_cache.version(watch)
    wanted = {t.id for t in texts}
    extracted = {r: extraction_cache.decode(d) for r, d in store.extractions(session.db, version).items()
                 if r in wanted}
    cached = set(extracted)
    result = fuse(texts, decided, watch, extracted)
    fresh = [(r, extraction_cache.encode(found)) for r, found in extracted.items() if r not in cached]
    stored = to_stored(result)
    if not case:  # kept for imports to fuse into, one report at a time
        contents = {t.id: content_only(t) for t in texts}
        session.fusion_index = _Kept(reader.key(), FusionIndex(result, contents, watch))
    with session.db.transaction():
        store.save_extractions(session.db, version, fresh)
        store.save_run(session.db, case, reader.key(), session.name, iso_utc(session.clock.now()), stored)
        session.audit("fusion.run", case or "all reports", details={
            "reports": len(texts), "entities": len(result.entities), "links": len(result.links),
            "duplicate_groups": len(result.duplicates), "judgements": len(decided), "watchlist": len(watch),
            "extracted_now": len(fresh)})
    return result


def last_fusion(session: Session, case: str = "") -> dict[str, Any] | None:
    """The stored result of the latest fusion of this scope by a user with this user's access, or None before
    the first."""
    session.require(Action.FUSE, case or "all reports")
    found = _run(session, case)
    return None if found is None else {"at": found[0], **found[1]}


def _entities(session: Session, case: str, ids: list[int]) -> list[dict[str, Any]]:
    run = _run(session, case)
    if run is None:
        raise BadInput("run fusion first (`nia fuse`): entity numbers refer to the latest fusion")
    by_id = {int(e["id"]): e for e in run[1]["entities"]}
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


def undo_judgement(session: Session, judgement_id: int) -> None:
    """Revoke a judgement; one resting on a report this user may not read is refused (and audited)."""
    session.require(Action.CASE_EDIT, f"judgement {judgement_id}")
    judged = next((j for j, _ in store.judgements(session.db) if j.id == judgement_id), None)
    if judged is not None:
        session.require_readable(list(judged.reports), f"judgement {judgement_id}")
    with session.db.transaction():
        if not store.revoke(session.db, judgement_id, session.name, iso_utc(session.clock.now())):
            raise BadInput(f"there is no judgement {judgement_id} in force")
        session.audit("entity.undo", f"judgement {judgement_id}")


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
        index = _kept_index(session, session.access())
        if index is None:
            raise BadInput("there is no fusion in this session to show")
        result = index.result
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
    run = _run(session, "", reader)
    if run is None:
        raise BadInput("run fusion over every report first (`nia fuse`): suggestions come from its links")
    names = {int(e["id"]): str(e["name"]) for e in run[1]["entities"]}
    score: dict[int, float] = defaultdict(float)
    through: dict[int, set[int]] = defaultdict(set)
    for link in run[1]["links"]:
        a, b = int(link["a"]), int(link["b"])
        if (a in members) == (b in members):
            continue
        outside = b if a in members else a
        score[outside] += float(link["weight"])
        through[outside].update(int(e) for e in link["entities"])
    ranked = sorted(score, key=lambda r: (-score[r], r))[:limit]
    return [{"report": r, "weight": round(score[r], 3), "entities": sorted(names.get(e, str(e)) for e in through[r])}
            for r in ranked]


@dataclass(frozen=True)
class ImportFused:
    """What fusing newly imported reports into the session's last full fusion found."""

    reports: int
    new_entities: int
    linked_reports: int
    resends: list[tuple[int, list[int]]]  # (new report, the reports it repeats)

    def to_json(self) -> dict[str, Any]:
        return {"reports": self.reports, "new_entities": self.new_entities, "linked_reports": self.linked_reports,
                "resends": [{"report": r, "of": of} for r, of in self.resends]}


def fuse_imported(session: Session, report_ids: list[int]) -> ImportFused | None:
    """Fuse just-imported reports into the last full fusion kept for this user's access, report by report (about
    a millisecond each, plus extraction), and store the grown result; None before the first full fusion. `nia
    fuse` still runs the full fusion. Reports the importer may not read (their marking is above them) are left
    out: they are never in the importer's fusion."""
    if not report_ids:
        return None
    session.require(Action.FUSE, f"{len(report_ids)} imported reports")
    reader = session.access()
    index = _fusion_index(session, reader)
    if index is None:
        return None
    texts = _texts(session, report_ids, reader)
    if not texts:
        return ImportFused(0, 0, 0, [])
    updates: list[Update] = [index.add(text) for text in texts]
    watch = store.watchlist(session.db)
    fresh = [(u.report, extraction_cache.encode(u.found)) for u in updates]
    stored = to_stored(index.result)  # before taking the database lock
    added = [u.report for u in updates]
    fused = ImportFused(len(updates), sum(len(u.new_entities) for u in updates),
                        len({r for u in updates for link in u.links for r in link} - set(added)),
                        [(u.report, u.duplicate_of) for u in updates if u.duplicate_of])
    with session.db.transaction():
        store.save_extractions(session.db, extraction_cache.version(watch), fresh)
        store.save_run(session.db, "", reader.key(), session.name, iso_utc(session.clock.now()), stored)
        session.audit("fusion.incremental", "all reports", details={**fused.to_json(), "reports_added": added})
    return fused


@dataclass(frozen=True)
class _Kept:
    """The session's full fusion (for imports to grow) and the access it was made for."""

    reader: str
    index: FusionIndex


def _kept_index(session: Session, reader: Access) -> FusionIndex | None:
    """The session's index if it was made for this access and draws on no report the user may no longer read
    (a grant ran out, a report was re-marked); otherwise it is dropped."""
    kept = session.fusion_index
    if isinstance(kept, _Kept) and kept.reader == reader.key():
        result = kept.index.result
        drawn = kept.index.reports | {r for group in result.duplicates for r in group} | set(result.dates)
        if not drawn & _hidden(session, reader):
            return kept.index
    session.fusion_index = None
    return None


def _fusion_index(session: Session, reader: Access) -> FusionIndex | None:
    """The session's index, or one built from the stored last fusion for this access (another session's, or the
    CLI's): re-sends are then looked for among the reports sharing most entities, read when needed."""
    index = _kept_index(session, reader)
    if index is not None:
        return index
    found = _run(session, "", reader)
    result = None if found is None else from_stored(found[1])
    if result is None:
        return None
    index = FusionIndex(result, None, store.watchlist(session.db),
                        load=lambda ids: {t.id: content_only(t) for t in _texts(session, ids, session.access())})
    session.fusion_index = _Kept(reader.key(), index)
    return index


def _texts(session: Session, report_ids: list[int], reader: Access) -> list[ReportText]:
    """The texts of those of ``report_ids`` that ``reader`` may read."""
    marks = ",".join("?" * len(report_ids))
    clause, params = clearances.readable_sql(session.db, reader, "r")
    query = (f"SELECT r.id, r.title, t.body FROM reports r JOIN report_texts t ON t.report_id = r.id "  # noqa: S608
             f"WHERE r.id IN ({marks}) AND {clause} ORDER BY r.id")
    return [ReportText(int(i), str(title), str(body)) for i, title, body in
            session.db.query(query, [*report_ids, *params])]
