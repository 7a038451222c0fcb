"""Fusion and cases: the analyst's use cases over the fusion engine (core/fusion)."""

from __future__ import annotations

from nia_desktop.core.clock import iso_utc
from nia_desktop.core.errors import BadInput
from nia_desktop.core.fusion.engine import FusionResult, ReportText, fuse
from nia_desktop.core.names import check_case_name
from nia_desktop.core.roles import Action
from nia_desktop.core.store import cases
from nia_desktop.services.session import Session


def _report_texts(session: Session, case: str) -> list[ReportText]:
    if case:
        case_id = cases.find(session.db, case)
        if case_id is None:
            raise BadInput(f"there is no case named {case!r}")
        rows = session.db.query(
            "SELECT r.id, r.title, t.body FROM case_reports c JOIN reports r ON r.id = c.report_id "
            "JOIN report_texts t ON t.report_id = r.id WHERE c.case_id = ? ORDER BY r.id", (case_id,))
    else:
        rows = session.db.query("SELECT r.id, r.title, t.body FROM reports r JOIN report_texts t ON t.report_id = r.id "
                                "ORDER BY r.id")
    return [ReportText(int(i), str(title), str(body)) for i, title, body in rows]


def run_fusion(session: Session, case: str = "") -> FusionResult:
    """Entities, links and near-duplicate groups over the vault's reports, or one case's."""
    session.require(Action.FUSE, case or "all reports")
    texts = _report_texts(session, case)
    result = fuse(texts)
    with session.db.transaction():
        session.audit("fusion.run", case or "all reports", details={
            "reports": len(texts), "entities": len(result.entities), "links": len(result.links),
            "duplicate_groups": len(result.duplicates)})
    return result


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
    """Add reports to a case; returns how many were new to it."""
    session.require(Action.CASE_EDIT, name)
    with session.db.transaction():
        case_id = cases.find(session.db, name)
        if case_id is None:
            raise BadInput(f"there is no case named {name!r}: create it with `nia case create`")
        marks = ",".join("?" * len(report_ids))
        query = f"SELECT id FROM reports WHERE id IN ({marks})"  # noqa: S608 - only placeholders are formatted
        known = {int(i) for (i,) in session.db.query(query, report_ids)}
        missing = sorted(set(report_ids) - known)
        if missing:
            raise BadInput(f"no such report: {', '.join(map(str, missing))}")
        before = session.db.query("SELECT count(*) FROM case_reports WHERE case_id = ?", (case_id,))[0][0]
        now = iso_utc(session.clock.now())
        for report_id in report_ids:
            cases.add_report(session.db, case_id, report_id, session.name, now)
        added = int(session.db.query("SELECT count(*) FROM case_reports WHERE case_id = ?", (case_id,))[0][0]) - before
        session.audit("case.add", name, details={"reports": report_ids, "added": added})
    return int(added)
