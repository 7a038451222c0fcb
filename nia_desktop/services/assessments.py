"""Assessments on cases (ICD 203 terms) and intelligence requirements with their coverage.

Need-to-know: an assessment's judgement derives from the reports it cites, so it carries their combined marking
and is shown only to users who may read every one of them; citing a report one may not read is refused. A
requirement's question is the analysts' own (shown to all); its coverage and suggestions count only the reports
the user may read, and tagging one they may not read is refused.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from nia_desktop.core import search as fts
from nia_desktop.core.assessment import check_confidence, check_likelihood
from nia_desktop.core.clock import iso_utc
from nia_desktop.core.errors import BadInput
from nia_desktop.core.markings import combine
from nia_desktop.core.roles import Action
from nia_desktop.core.store import assessments as store
from nia_desktop.core.store import cases, clearances
from nia_desktop.core.store.reports import missing as missing_reports
from nia_desktop.core.store.reports import search as search_reports
from nia_desktop.services.fusion import entity_weights
from nia_desktop.services.paging import Page, check_window
from nia_desktop.services.reports import readable_search_filters
from nia_desktop.services.session import Session

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _existing_reports(session: Session, report_ids: list[int]) -> list[int]:
    absent = missing_reports(session.db, report_ids)
    if absent:
        raise BadInput(f"no such report: {', '.join(map(str, absent))}")
    return sorted(set(report_ids))


def assess(session: Session, case: str, judgement: str, likelihood: str, confidence: str,
           report_ids: list[int]) -> int:
    """Record an analytic judgement on a case, with the reports it rests on (each one the analyst may read)."""
    session.require(Action.CASE_EDIT, case)
    if not judgement.strip():
        raise BadInput("an assessment needs its judgement in words")
    likelihood, confidence = check_likelihood(likelihood), check_confidence(confidence)
    session.require_readable(report_ids, f"assessment on {case}")  # audited in its own transaction
    with session.db.transaction():
        case_id = cases.find(session.db, case)
        if case_id is None:
            raise BadInput(f"there is no case named {case!r}")
        reports = _existing_reports(session, report_ids)
        assessment_id = store.add_assessment(session.db, case_id, judgement.strip(), likelihood, confidence, reports,
                                             session.name, iso_utc(session.clock.now()))
        session.audit("assessment.add", case, details={"id": assessment_id, "likelihood": likelihood,
                                                       "confidence": confidence, "reports": reports})
    return assessment_id


def case_assessments(session: Session, case: str) -> list[store.Assessment]:
    """The case's assessments this user may read every cited report of, each with its marking (the combination
    of its reports')."""
    session.require(Action.REPORT_READ, case)
    case_id = cases.find(session.db, case)
    if case_id is None:
        raise BadInput(f"there is no case named {case!r}")
    found = store.assessments(session.db, case_id)
    markings = clearances.report_markings(session.db, {r for a in found for r in a.reports})
    reader = session.access()
    shown = []
    for assessment in found:
        cited = [markings[r] for r in assessment.reports if r in markings]
        if len(cited) == len(assessment.reports) and all(reader.may_read(m) for m in cited):
            shown.append(assessment.marked(combine(cited)))
    return shown


def assessments_page(session: Session, case: str, limit: int = 100, offset: int = 0) -> Page[store.Assessment]:
    """A page of case_assessments: a case's assessments are written by hand (tens, not millions), so they are read
    whole and cut after need-to-know, which a hidden assessment therefore never counts towards."""
    check_window(limit, offset)
    return Page.cut(case_assessments(session, case)[offset:offset + limit + 1], limit, offset)


def add_requirement(session: Session, question: str, priority: int, due: str = "") -> int:
    """A priority intelligence requirement: a question the Prime Minister's Office needs answered."""
    session.require(Action.PIR_MANAGE, question[:80])
    if not question.strip():
        raise BadInput("a requirement needs its question")
    if not 1 <= priority <= 5:
        raise BadInput("priority is 1 (highest) to 5")
    if due and not _DATE.fullmatch(due):
        raise BadInput("a due date is written YYYY-MM-DD")
    with session.db.transaction():
        requirement_id = store.add_requirement(session.db, question.strip(), priority, due, session.name,
                                               iso_utc(session.clock.now()))
        session.audit("pir.add", f"requirement {requirement_id}", details={"priority": priority, "due": due})
    return requirement_id


def tag_reports(session: Session, requirement_id: int, report_ids: list[int]) -> int:
    """Confirm that reports answer a requirement; returns how many were new to it. Each must be one the analyst
    may read."""
    session.require(Action.CASE_EDIT, f"requirement {requirement_id}")
    session.require_readable(report_ids, f"requirement {requirement_id}")  # audited in its own transaction
    with session.db.transaction():
        if requirement_id not in {r.id for r in store.requirements(session.db)}:
            raise BadInput(f"there is no requirement {requirement_id}")
        now = iso_utc(session.clock.now())
        added = sum(store.tag(session.db, requirement_id, r, session.name, now)
                    for r in _existing_reports(session, report_ids))
        session.audit("pir.tag", f"requirement {requirement_id}", details={"reports": report_ids, "added": added})
    return added


@dataclass(frozen=True)
class Coverage:
    requirement: store.Requirement
    reports: list[int]
    agencies: dict[str, int]
    latest: str

    def to_json(self) -> dict[str, Any]:
        r = self.requirement
        return {"id": r.id, "question": r.question, "priority": r.priority, "due": r.due, "reports": self.reports,
                "agencies": self.agencies, "latest": self.latest, "unanswered": not self.reports}


def coverage(session: Session) -> list[Coverage]:
    """Every requirement with its reports, contributing agencies and latest information, counting only the reports
    this user may read; empty ones show it."""
    session.require(Action.PIR_MANAGE, "coverage")
    tags = store.tagged(session.db, session.readable("r"))
    out = []
    for requirement in store.requirements(session.db):
        rows = tags.get(requirement.id, [])
        agencies: dict[str, int] = {}
        for _, agency, _ in rows:
            agencies[agency] = agencies.get(agency, 0) + 1
        out.append(Coverage(requirement, [r for r, _, _ in rows], dict(sorted(agencies.items())),
                            max((d for _, _, d in rows), default="")))
    return out


def coverage_page(session: Session, limit: int = 100, offset: int = 0) -> Page[Coverage]:
    """A page of coverage, requirements in id order (the requirements are few; their reports are counted whole)."""
    check_window(limit, offset)
    return Page.cut(coverage(session)[offset:offset + limit + 1], limit, offset)


_STOP = frozenset("what which who whom whose when where why how is are was were will would does do did the a an "
                  "of in on at to for from and or not by with about into any this that these those there their "
                  "its it be been being has have had can could should may might".split())


def suggest_reports(session: Session, requirement_id: int, limit: int = 20) -> list[int]:
    """Reports that may answer a requirement, untagged ones only, best first.

    From its words (searched in the index, earlier hits weigh more) and from
    entities (the vault's last fusion): those the question names, and those
    in reports already tagged to it; each entity adds its rarity (inverse
    document frequency) to every report that mentions it, twice for the
    entities the question names. Only reports this user may read are
    searched, counted or suggested (their fusion is of those alone).
    """
    session.require(Action.REPORT_READ, f"requirement {requirement_id}")
    requirement = next((r for r in store.requirements(session.db) if r.id == requirement_id), None)
    if requirement is None:
        raise BadInput(f"there is no requirement {requirement_id}")
    done = {r for r, _, _ in store.tagged(session.db, session.readable("r")).get(requirement_id, [])}
    score: dict[int, float] = defaultdict(float)
    words = [w for w in re.findall(r"[\w\u3040-\u30ff\u4e00-\u9fff]+", requirement.question)
             if w.lower() not in _STOP and (len(w) >= 4 or re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", w))]
    expression = " OR ".join(filter(None, (fts.to_fts_query(w) for w in words)))
    if expression:
        hits = search_reports(session.db, expression, 200 + len(done), readable_search_filters(session))
        for position, (summary, _, _) in enumerate(hits):
            score[summary.id] += 2.0 / (1 + position / 10)
    for report, weight in entity_weights(session, requirement.question, done).items():
        score[report] += weight
    ranked = sorted((r for r in score if r not in done), key=lambda r: (-score[r], r))
    return ranked[:limit]
