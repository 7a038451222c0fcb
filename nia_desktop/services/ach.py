"""Analysis of competing hypotheses on a case: the matrix, its scores, and what each item's absence changes.

Analysts edit (case.edit); readers are analysts and release reviewers (officers review the briefing the matrix
may be annexed to). Need-to-know: an item is a report of the case or an assessment of it; a report the reader
may not read, or an assessment citing one, is absent from their matrix with its cells, and the scores,
diagnosticity and sensitivity are computed from the items they may read alone, so nothing of a hidden report
reaches them. A hypothesis is the analysts' own words, portion-marked by its author (a level and caveats, no
higher than the author may read; schema v21): one the reader may not read is absent from their matrix, scores,
sensitivity and annex with its cells, exactly as a hidden report is, and its id is refused in the words used for
one that does not exist. The author or an officer re-marks it (mark_hypothesis). Every change is audited, and a
refused one too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from nia_desktop.core import ach
from nia_desktop.core.briefing.ach_annex import AchAnnex
from nia_desktop.core.briefing.ach_annex import build as build_annex
from nia_desktop.core.classification import Level
from nia_desktop.core.clock import iso_utc
from nia_desktop.core.errors import BadInput, PermissionRefused
from nia_desktop.core.markings import CaveatKind, Marking, combine
from nia_desktop.core.roles import Action, Role
from nia_desktop.core.store import ach as store
from nia_desktop.core.store import assessments as assessment_store
from nia_desktop.core.store import cases, clearances
from nia_desktop.services.clearances import resolve_caveats
from nia_desktop.services.session import Session

MAX_HYPOTHESIS = 1000
MAX_WHY = 1000
AUDIT_IDS = 200  # report ids named in a read's audit entry


@dataclass(frozen=True)
class HypothesisRow:
    id: int
    text: str
    score: int  # inconsistency (I = 1, II = 2) over the items this reader may read
    rank: int  # 1 = least inconsistent; ties share a rank
    marking: Marking  # chosen by its author (or the v21 default until someone re-marks it)
    user: str = ""  # its author

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "score": self.score, "rank": self.rank, "author": self.user,
                "marking": self.marking.to_json(), "portion": self.marking.portion_mark()}


@dataclass(frozen=True)
class Item:
    """One item of evidence as its reader sees it."""

    id: int
    kind: str  # "report" or "assessment"
    source: int  # the report's or the assessment's id
    label: str  # the report's title, or the assessment's judgement
    marking: Marking
    diagnosticity: int
    reports: tuple[int, ...] = ()  # the reports it rests on: the report itself, or those the assessment cites

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "source": self.source, "label": self.label,
                "reports": list(self.reports),
                "marking": self.marking.to_json(), "portion": self.marking.portion_mark(),
                "diagnosticity": self.diagnosticity}


@dataclass(frozen=True)
class Matrix:
    case: str
    hypotheses: list[HypothesisRow]
    evidence: list[Item]
    cells: dict[tuple[int, int], ach.Rating]  # rated cells of the shown items only

    @property
    def marking(self) -> Marking:
        """The combination of every portion shown: the items' markings and the hypotheses' own."""
        return combine([*(i.marking for i in self.evidence), *(h.marking for h in self.hypotheses)])

    def rating(self, hypothesis: int, evidence: int) -> ach.Rating:
        return ach.rating(self.cells, hypothesis, evidence)

    def to_json(self) -> dict[str, Any]:
        return {"case": self.case, "marking": self.marking.to_json(), "portion": self.marking.portion_mark(),
                "hypotheses": [h.to_json() for h in self.hypotheses],
                "evidence": [i.to_json() for i in self.evidence],
                "cells": [{"hypothesis": h, "evidence": e, "rating": r.value}
                          for (h, e), r in sorted(self.cells.items())]}


def _case(session: Session, case: str) -> int:
    case_id = cases.find(session.db, case)
    if case_id is None:
        raise BadInput(f"there is no case named {case!r}")
    return case_id


def _require_reader(session: Session, case: str) -> None:
    """Analysts read the matrix, and so do release reviewers; anyone else is refused (and audited)."""
    if not session.may(Action.RELEASE_REVIEW):
        session.require(Action.REPORT_READ, f"ach {case}")


_Shown = dict[int, tuple[str, int, str, Marking, tuple[int, ...]]]


def _audit_read(session: Session, case: str, what: str, shown: _Shown) -> None:
    """A read of the matrix names the reports its items rest on (titles and judgements come from them), in the
    shape report.search's entry has ("reports", "hits"), so the insider watch counts them as reach
    (core/insiders.REACH_ACTIONS)."""
    reports = sorted({r for v in shown.values() for r in v[4]})
    session.audit("ach.read", f"ach {case}", details={"of": what, "items": len(shown), "reports": reports[:AUDIT_IDS],
                                                      "hits": len(reports)})


def _visible(session: Session, case_id: int) -> _Shown:
    """Evidence id -> (kind, source id, label, marking, reports it rests on) of the items this reader may read."""
    items = store.evidence(session.db, case_id)
    titles = {int(r[0]): str(r[1]) for r in cases.reports(session.db, case_id, session.readable("r"))}
    judged = {a.id: a for a in assessment_store.assessments(session.db, case_id)}
    wanted = {i.report_id for i in items if i.report_id is not None}
    wanted |= {r for i in items if i.assessment_id in judged for r in judged[i.assessment_id].reports}
    markings = clearances.report_markings(session.db, wanted)
    reader = session.access()
    out: _Shown = {}
    for item in items:
        if item.report_id is not None:
            marking = markings.get(item.report_id)
            if item.report_id in titles and marking is not None and reader.may_read(marking):
                out[item.id] = ("report", item.report_id, titles[item.report_id], marking, (item.report_id,))
        elif item.assessment_id in judged:
            found = judged[item.assessment_id]
            cited = [markings[r] for r in found.reports if r in markings]
            if len(cited) == len(found.reports) and all(reader.may_read(m) for m in cited):
                out[item.id] = ("assessment", found.id, found.judgement, combine(cited), tuple(found.reports))
    return out


def _parts(session: Session, case: str) -> tuple[int, list[store.Hypothesis], _Shown,
                                                  dict[tuple[int, int], ach.Rating]]:
    """The hypotheses and items this reader may read, and the cells of those alone."""
    case_id = _case(session, case)
    shown = _visible(session, case_id)
    reader = session.access()
    found = [h for h in store.hypotheses(session.db, case_id) if reader.may_read(h.marking)]
    ids = {h.id for h in found}
    return case_id, found, shown, {key: r for key, r in store.cells(session.db, case_id).items()
                                   if key[1] in shown and key[0] in ids}


def _hidden_hypothesis(session: Session, case: str, case_id: int, hypothesis_id: int, action: str,
                       found: list[store.Hypothesis]) -> None:
    """Refuse a hypothesis this user may not read in the words used for one that does not exist; audited as a
    need-to-know refusal when it does exist."""
    if hypothesis_id in {h.id for h in found}:
        return
    if hypothesis_id in {h.id for h in store.hypotheses(session.db, case_id)}:
        session.audit(action, f"ach {case}", "refused", {"hypothesis": hypothesis_id, "reason": "need to know"})
    raise BadInput(f"the case {case!r} has no hypothesis {hypothesis_id} you may read")


def matrix(session: Session, case: str) -> Matrix:
    """The case's matrix as this reader may see it, scored."""
    _require_reader(session, case)
    _, found, shown, rated = _parts(session, case)
    _audit_read(session, case, "matrix", shown)
    ids = [h.id for h in found]
    scored = ach.scores(ids, list(shown), rated)
    ranked = ach.ranks(scored)
    return Matrix(case, [HypothesisRow(h.id, h.text, scored[h.id], ranked[h.id], h.marking, h.user) for h in found],
                  [Item(e, kind, source, label, marking, ach.diagnosticity(ids, e, rated), reports)
                   for e, (kind, source, label, marking, reports) in shown.items()], rated)


def within(product: Marking, marking: Marking) -> bool:
    """Whether a portion so marked may stand in a product so marked without raising its marking: no higher level,
    no compartment or control it lacks, no release list narrowing its own (combining changes nothing)."""
    return combine([product, marking]) == product


def annex(session: Session, case: str, report_ids: set[int], included: Marking | None = None) -> AchAnnex:
    """The matrix as a briefing's annex: the items resting wholly on ``report_ids`` (the product's reports, all
    readable, ``included`` their combined marking), and the hypotheses this reader may read whose own marking is
    within ``included`` (a hypothesis above the product is left out, as an item resting on a report outside it
    is), scored from those alone (core/briefing/ach_annex.py)."""
    _require_reader(session, case)
    _, found, shown, rated = _parts(session, case)
    if not found:
        raise BadInput(f"the case {case!r} has no hypotheses to annex: add some with nia ach add-hypothesis")
    kept = {e: v for e, v in shown.items() if set(v[4]) <= report_ids}
    product = included if included is not None else combine(v[3] for v in kept.values())
    found = [h for h in found if within(product, h.marking)]
    if not found:
        raise BadInput(f"no hypothesis of the case {case!r} is marked within this product "
                       f"({product.portion_mark()}): re-mark one with nia ach mark-hypothesis, or include the "
                       "reports it draws on")
    rated = {key: r for key, r in rated.items() if key[0] in {h.id for h in found}}
    return build_annex([(h.id, h.text, h.marking) for h in found],
                       [(e, kind, source, label, marking) for e, (kind, source, label, marking, _) in kept.items()],
                       {key: r for key, r in rated.items() if key[1] in kept})


@dataclass(frozen=True)
class Sensitivity:
    evidence: int
    label: str
    scores: dict[int, int]
    moved: dict[int, tuple[int, int]]  # hypothesis -> (rank with the item, rank without)

    def to_json(self) -> dict[str, Any]:
        return {"evidence": self.evidence, "label": self.label, "changes_ranking": bool(self.moved),
                "scores": {str(h): s for h, s in self.scores.items()},
                "moved": [{"hypothesis": h, "rank": a, "without": b} for h, (a, b) in sorted(self.moved.items())]}


def sensitivity(session: Session, case: str) -> list[Sensitivity]:
    """For each item this reader may read: the scores without it and the ranks that move."""
    _require_reader(session, case)
    _, found, shown, rated = _parts(session, case)
    _audit_read(session, case, "sensitivity", shown)
    return [Sensitivity(c.evidence, shown[c.evidence][2], c.scores, c.moved)
            for c in ach.sensitivity([h.id for h in found], list(shown), rated)]


def _own_marking(session: Session, case: str, action: str, level: Level, caveats: list[str] | tuple[str, ...],
                 details: dict[str, Any]) -> Marking:
    """The marking these words name, refused (and audited) when it is above what this user may read: a level over
    their clearance, or a compartment they do not hold. A caveat the vault does not know is bad input."""
    reader = session.access()
    if level > reader.level:
        session.audit(action, f"ach {case}", "refused", {**details, "reason": "above own clearance",
                                                         "level": level.english})
        raise BadInput(f"you may not mark a hypothesis {level.english}: your clearance is {reader.level.english}")
    records = resolve_caveats(session, list(caveats))
    marking = Marking.of(level, (r.caveat for r in records))
    missing = sorted(marking.compartments - reader.compartments)
    if missing:
        session.audit(action, f"ach {case}", "refused", {**details, "reason": "compartment not held"})
        raise BadInput(f"you may not mark a hypothesis with {', '.join(missing)}: you do not hold it")
    return marking


def suggested_marking(session: Session, case: str) -> Marking:
    """The marking an author is offered for a new hypothesis: their own clearance, with every compartment and
    control carried by a report of the case they may read (never a release list). That is the highest they may
    have drawn on; the case's highest report level would be lower whenever they know more than the case holds,
    so it is not the safe default. Reads markings only, no content, so it is not audited."""
    case_id = _case(session, case)
    reader = session.access()
    ids = [int(r[0]) for r in cases.reports(session.db, case_id, session.readable("r"))]
    carried = {c for m in clearances.report_markings(session.db, ids).values() if reader.may_read(m)
               for c in m.caveats if c.kind is not CaveatKind.RELEASE}
    return Marking.of(reader.level, carried)


def add_hypothesis(session: Session, case: str, text: str, level: Level,
                   caveats: list[str] | tuple[str, ...] = ()) -> int:
    """Add a hypothesis marked by its author: ``level`` and ``caveats`` (names or aliases the vault knows), at
    most what the author may read."""
    session.require(Action.CASE_EDIT, f"ach {case}")
    text = text.strip()
    if not text:
        raise BadInput("a hypothesis needs its words")
    if len(text) > MAX_HYPOTHESIS:
        raise BadInput(f"a hypothesis is at most {MAX_HYPOTHESIS} characters")
    if any(0xD800 <= ord(c) <= 0xDFFF for c in text):  # bytes that were not UTF-8 (a terminal's)
        raise BadInput("the hypothesis is not valid UTF-8 (undecodable bytes): type it again")
    case_id = _case(session, case)
    marking = _own_marking(session, case, "ach.hypothesis.add", level, caveats, {})
    with session.db.transaction():
        made = store.add_hypothesis(session.db, case_id, text, session.name, iso_utc(session.clock.now()), marking)
        session.audit("ach.hypothesis.add", case, details={"id": made, "marking": marking.portion_mark()})
    return made


def mark_hypothesis(session: Session, case: str, hypothesis_id: int, level: Level,
                    caveats: list[str] | tuple[str, ...], why: str) -> Marking:
    """Re-mark a hypothesis: its level and its whole set of caveats become these. Its author (an analyst) or an
    officer, who must be able to read it now and may mark it no higher than they may read; a reason is required
    and the change is audited with the marking before and after."""
    if session.role is not Role.OFFICER:
        session.require(Action.CASE_EDIT, f"ach {case}")
    if not why.strip():
        raise BadInput("say why the hypothesis is re-marked (--why)")
    if len(why) > MAX_WHY:
        raise BadInput(f"a reason is at most {MAX_WHY} characters")
    if any(0xD800 <= ord(c) <= 0xDFFF for c in why):
        raise BadInput("the reason is not valid UTF-8 (undecodable bytes): type it again")
    case_id, found, _, _ = _parts(session, case)
    _hidden_hypothesis(session, case, case_id, hypothesis_id, "ach.hypothesis.mark", found)
    before = next(h for h in found if h.id == hypothesis_id)
    if session.role is not Role.OFFICER and before.user != session.name:
        session.audit("ach.hypothesis.mark", f"ach {case}", "refused",
                      {"hypothesis": hypothesis_id, "reason": "not the author"})
        raise PermissionRefused(f"refused: hypothesis {hypothesis_id} is {before.user}'s; its author or an "
                                "officer re-marks it")
    marking = _own_marking(session, case, "ach.hypothesis.mark", level, caveats, {"hypothesis": hypothesis_id})
    with session.db.transaction():
        store.set_marking(session.db, hypothesis_id, marking, session.name, iso_utc(session.clock.now()))
        session.audit("ach.hypothesis.mark", f"ach {case}", details={
            "hypothesis": hypothesis_id, "from": before.marking.portion_mark(), "to": marking.portion_mark(),
            "why": why.strip()})
    return marking


def add_evidence(session: Session, case: str, report_id: int | None = None, assessment_id: int | None = None) -> int:
    """Add a report of the case, or an assessment of it, as an item; returns its id (the same id again when it is
    already in). Refused (and audited) when the analyst may not read the report or every report it cites."""
    session.require(Action.CASE_EDIT, f"ach {case}")
    if (report_id is None) == (assessment_id is None):
        raise BadInput("an item of evidence is one report or one assessment")
    case_id = _case(session, case)
    if report_id is not None:
        session.require_readable([report_id], f"ach {case}")
        if report_id not in {int(r[0]) for r in cases.reports(session.db, case_id, session.readable("r"))}:
            raise BadInput(f"report {report_id} is not in the case {case!r}: add it to the case first")
    else:
        found = next((a for a in assessment_store.assessments(session.db, case_id) if a.id == assessment_id), None)
        if found is None:
            raise BadInput(f"the case {case!r} has no assessment {assessment_id}")
        session.require_readable(found.reports, f"ach {case}")
    with session.db.transaction():
        existing = store.find_evidence(session.db, case_id, report_id, assessment_id)
        if existing is not None:
            return existing
        made = store.add_evidence(session.db, case_id, report_id, assessment_id, session.name,
                                  iso_utc(session.clock.now()))
        session.audit("ach.evidence.add", case, details={"id": made, "report": report_id,
                                                         "assessment": assessment_id})
    return made


def mark(session: Session, case: str, hypothesis_id: int, evidence_id: int, rating: str | ach.Rating) -> ach.Rating:
    """Rate one cell: CC, C, N (N/A), I or II. An item the analyst may not read cannot be rated (refused as
    need-to-know, audited) in the words used for one that does not exist."""
    session.require(Action.CASE_EDIT, f"ach {case}")
    parsed = rating if isinstance(rating, ach.Rating) else ach.parse_rating(rating)
    if parsed is None:
        raise BadInput(f"a rating is CC, C, N/A, I or II, not {str(rating)[:20]!r}")
    case_id, found, shown, _ = _parts(session, case)
    _hidden_hypothesis(session, case, case_id, hypothesis_id, "ach.mark", found)
    if evidence_id not in shown:
        if evidence_id in {e.id for e in store.evidence(session.db, case_id)}:  # hidden: audited, told alike
            session.audit("ach.mark", f"ach {case}", "refused", {"evidence": evidence_id, "reason": "need to know"})
        raise BadInput(f"the case {case!r} has no item {evidence_id} you may read")
    with session.db.transaction():
        store.mark(session.db, hypothesis_id, evidence_id, parsed, session.name, iso_utc(session.clock.now()))
        session.audit("ach.mark", f"ach {case}", details={"hypothesis": hypothesis_id, "evidence": evidence_id,
                                                          "rating": parsed.value})
    return parsed


def withdraw(session: Session, case: str, hypothesis_id: int | None = None, evidence_id: int | None = None) -> None:
    """Take a hypothesis or an item out of the matrix (kept in the vault, with its cells, for the audit trail)."""
    session.require(Action.CASE_EDIT, f"ach {case}")
    if (hypothesis_id is None) == (evidence_id is None):
        raise BadInput("withdraw one hypothesis or one item")
    case_id, found, shown, _ = _parts(session, case)
    if evidence_id is not None and evidence_id not in shown:
        raise BadInput(f"the case {case!r} has no item {evidence_id} you may read")
    if hypothesis_id is not None:
        _hidden_hypothesis(session, case, case_id, hypothesis_id, "ach.withdraw", found)
    table, row = ("ach_hypotheses", hypothesis_id) if hypothesis_id is not None else ("ach_evidence", evidence_id)
    assert row is not None
    with session.db.transaction():
        if not store.withdraw(session.db, table, case_id, row):
            raise BadInput(f"the case {case!r} has no {'hypothesis' if hypothesis_id is not None else 'item'} {row}")
        session.audit("ach.withdraw", f"ach {case}", details={"hypothesis": hypothesis_id, "evidence": evidence_id})
