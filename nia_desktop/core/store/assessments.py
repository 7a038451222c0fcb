"""Assessments on cases, and intelligence requirements with the reports tagged against them."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from typing import Any

from nia_desktop.core.markings import Marking
from nia_desktop.core.vault.connection import VaultConnection


@dataclass(frozen=True)
class Assessment:
    id: int
    case_id: int
    judgement: str
    likelihood: str
    confidence: str
    reports: list[int]
    user: str
    at: str
    # What its judgement derives from: core/markings.combine of the cited reports' markings (services set it).
    marking: Marking | None = None

    def marked(self, marking: Marking) -> Assessment:
        return replace(self, marking=marking)

    def to_json(self) -> dict[str, Any]:
        out = {"id": self.id, "judgement": self.judgement, "likelihood": self.likelihood,
               "confidence": self.confidence, "reports": self.reports, "by": self.user, "at": self.at}
        if self.marking is not None:
            out["marking"] = self.marking.to_json()
        return out


def add_assessment(db: VaultConnection, case_id: int, judgement: str, likelihood: str, confidence: str,
                   reports: list[int], user: str, at: str) -> int:
    cursor = db.execute("INSERT INTO assessments (case_id, judgement, likelihood, confidence, reports, user, at) "
                        "VALUES (?,?,?,?,?,?,?)", (case_id, judgement, likelihood, confidence, json.dumps(reports),
                                                   user, at))
    return int(cursor.lastrowid or 0)


def assessments(db: VaultConnection, case_id: int) -> list[Assessment]:
    rows = db.query("SELECT id, case_id, judgement, likelihood, confidence, reports, user, at FROM assessments "
                    "WHERE case_id = ? ORDER BY id", (case_id,))
    return [Assessment(int(r[0]), int(r[1]), str(r[2]), str(r[3]), str(r[4]), [int(x) for x in json.loads(r[5])],
                       str(r[6]), str(r[7])) for r in rows]


@dataclass(frozen=True)
class Requirement:
    id: int
    question: str
    priority: int
    due: str
    user: str
    at: str


def add_requirement(db: VaultConnection, question: str, priority: int, due: str, user: str, at: str) -> int:
    cursor = db.execute("INSERT INTO requirements (question, priority, due, user, at) VALUES (?,?,?,?,?)",
                        (question, priority, due, user, at))
    return int(cursor.lastrowid or 0)


def requirements(db: VaultConnection) -> list[Requirement]:
    return [Requirement(int(r[0]), str(r[1]), int(r[2]), str(r[3]), str(r[4]), str(r[5])) for r in db.query(
        "SELECT id, question, priority, due, user, at FROM requirements ORDER BY priority, id")]


def tag(db: VaultConnection, requirement_id: int, report_id: int, user: str, at: str) -> bool:
    cursor = db.execute("INSERT OR IGNORE INTO requirement_reports (requirement_id, report_id, user, at) "
                        "VALUES (?,?,?,?)", (requirement_id, report_id, user, at))
    return bool(cursor.rowcount == 1)


def tagged(db: VaultConnection, readable: tuple[str, list[Any]]) -> dict[int, list[tuple[int, str, str]]]:
    """Requirement id -> [(report id, agency, report date or import date)], of the reports ``readable`` (the
    reader's clause on alias ``r``, store/clearances.readable_sql) lets through."""
    clause, params = readable
    out: dict[int, list[tuple[int, str, str]]] = {}
    for requirement_id, report_id, agency, report_date, imported_at in db.query(
            "SELECT t.requirement_id, r.id, r.agency, r.report_date, r.imported_at FROM requirement_reports t "
            f"JOIN reports r ON r.id = t.report_id WHERE {clause} ORDER BY t.requirement_id, r.id", params):
        out.setdefault(int(requirement_id), []).append((int(report_id), str(agency),
                                                        str(report_date or str(imported_at)[:10])))
    return out
