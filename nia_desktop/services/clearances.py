"""Need-to-know: compartments and caveats (officers define them), users' clearances and grants (officers give
and take them, never to themselves), and re-marking a report (with a reason). Every change is audited.

The rule itself (who reads what) is core/markings.Access; every read path asks the session for it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from nia_desktop.core.classification import Level
from nia_desktop.core.clock import iso_utc
from nia_desktop.core.errors import BadInput, PermissionRefused
from nia_desktop.core.markings import MAX_CAVEATS, MAX_NAME, Access, CaveatKind, fold, release_list, release_name
from nia_desktop.core.roles import Action, Role
from nia_desktop.core.store import clearances, reports, users
from nia_desktop.core.store.clearances import CaveatRecord, Grant
from nia_desktop.services.session import Session

DEFINABLE = (CaveatKind.COMPARTMENT, CaveatKind.CONTROL)
BUILT_IN_BY = "(built in)"  # schema v12 adds the built-in caveats under this name


def list_caveats(session: Session) -> list[CaveatRecord]:
    """The caveats the vault knows. Officers see all, with how many reports carry each (a count of markings, not
    of content). An analyst sees the controls, release lists and built-in compartments, the compartments they
    hold, and an unknown marking only when a report they may read carries it: a compartment's name or a
    header's codeword can itself be need-to-know."""
    session.require(Action.COMPARTMENT_LIST)
    records = clearances.all_caveats(session.db, with_counts=session.role is Role.OFFICER)
    if session.role is Role.OFFICER:
        return records
    reader = session.access()
    clause, params = session.readable("r")
    carried = {str(n) for (n,) in session.db.query(
        f"SELECT DISTINCT c.caveat FROM report_caveats c JOIN reports r ON r.id = c.report_id WHERE {clause}",  # noqa: S608
        params)}
    return [r for r in records
            if r.kind in (CaveatKind.CONTROL, CaveatKind.RELEASE) or r.name in reader.compartments
            or r.name in carried or (r.kind is CaveatKind.COMPARTMENT and r.added_by == BUILT_IN_BY)]


def add_compartment(session: Session, name: str, description: str = "",
                    kind: CaveatKind = CaveatKind.COMPARTMENT) -> CaveatRecord:
    """Define a compartment (or a dissemination control). A marking imports found and kept as unknown becomes
    what the officer says it is."""
    session.require(Action.COMPARTMENT_MANAGE, name[:MAX_NAME])
    folded = fold(name)
    if not folded or len(folded) > MAX_NAME or "//" in folded or release_list(folded) is not None:
        raise BadInput(f"{name[:MAX_NAME]!r} cannot be a compartment name: give 1-{MAX_NAME} characters, no '//' "
                       "(release lists, REL TO …, need no definition)")
    if kind not in DEFINABLE:
        raise BadInput("a definition is a compartment or a control")
    now = iso_utc(session.clock.now())
    with session.db.transaction():
        existing = clearances.resolve(session.db, folded)
        if existing is not None and existing.kind is not CaveatKind.UNKNOWN:
            raise BadInput(f"{existing.name} is already defined (a {existing.kind.value})")
        if existing is not None:
            clearances.redefine(session.db, existing.name, kind, description)
            folded = existing.name
        else:
            clearances.add_caveat(session.db, folded, kind, description, session.name, now)
        session.audit("compartment.add", folded, details={"kind": kind.value, "description": description[:500],
                                                          "was_unknown": existing is not None})
    record = clearances.resolve(session.db, folded)
    assert record is not None
    return record


def _compartment(session: Session, name: str) -> CaveatRecord:
    record = clearances.resolve(session.db, name)
    if record is None or record.kind is not CaveatKind.COMPARTMENT:
        known = ", ".join(r.name for r in clearances.all_caveats(session.db) if r.kind is CaveatKind.COMPARTMENT)
        raise BadInput(f"no compartment named {name[:MAX_NAME]!r} (compartments: {known or 'none'})")
    return record


def _other_user(session: Session, name: str, what: str) -> None:
    record = users.get(session.db, name)
    if record is None:
        raise BadInput(f"there is no user named {name}")
    if name == session.name:
        session.audit(what, name, "refused", {"reason": "own clearance"})
        raise PermissionRefused("refused: nobody changes their own clearance or compartments; ask another officer")


@dataclass(frozen=True)
class UserAccess:
    """A user's clearance as officers manage it."""

    name: str
    role: str
    level: Level
    grants: list[Grant]
    today: str

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role, "clearance": self.level.english,
                "compartments": [g.to_json() | {"current": g.current(self.today)} for g in self.grants]}


def user_access(session: Session, name: str | None = None) -> list[UserAccess]:
    """Every user's clearance and grants (or one user's), expired grants marked."""
    session.require(Action.USER_LIST, name or "clearances")
    today = iso_utc(session.clock.now())[:10]
    by_user: dict[str, list[Grant]] = {}
    for held in clearances.grants(session.db):
        by_user.setdefault(held.user, []).append(held)
    return [UserAccess(u.name, u.role.value, clearances.clearance(session.db, u.name), by_user.get(u.name, []), today)
            for u in users.all_users(session.db) if name is None or u.name == name]


def set_clearance(session: Session, name: str, level: Level) -> None:
    session.require(Action.USER_CLEAR, name)
    _other_user(session, name, "user.clear")
    with session.db.transaction():
        before = clearances.clearance(session.db, name)
        clearances.set_clearance(session.db, name, level)
        session.audit("user.clear", name, details={"from": before.english, "to": level.english})


def _date(text: str) -> str:
    try:
        return dt.date.fromisoformat(text.strip()).isoformat()
    except ValueError as exc:
        raise BadInput(f"{text[:20]!r} is not a date: write YYYY-MM-DD") from exc


def grant(session: Session, name: str, compartment: str, until: str | None = None) -> Grant:
    """Give a user a compartment, until the end of ``until`` (YYYY-MM-DD) if given."""
    session.require(Action.USER_CLEAR, f"{name} {compartment[:MAX_NAME]}")
    _other_user(session, name, "user.grant")
    record = _compartment(session, compartment)
    end = _date(until) if until else None
    today = iso_utc(session.clock.now())[:10]
    if end is not None and end < today:
        raise BadInput(f"{end} has passed: a grant must end today or later")
    with session.db.transaction():
        clearances.grant(session.db, name, record.name, end, session.name, iso_utc(session.clock.now()))
        session.audit("user.grant", name, details={"compartment": record.name, "until": end})
    return next(g for g in clearances.grants(session.db, name) if g.compartment == record.name)


def ungrant(session: Session, name: str, compartment: str) -> None:
    session.require(Action.USER_CLEAR, f"{name} {compartment[:MAX_NAME]}")
    _other_user(session, name, "user.ungrant")
    record = _compartment(session, compartment)
    with session.db.transaction():
        if not clearances.ungrant(session.db, name, record.name):
            raise BadInput(f"{name} does not hold {record.name}")
        session.audit("user.ungrant", name, details={"compartment": record.name})


def my_access(session: Session) -> Access:
    """The signed-in user's own clearance and current compartments (shown in the status bar)."""
    return session.access()


def resolve_caveats(session: Session, names: list[str] | tuple[str, ...]) -> list[CaveatRecord]:
    """The caveats these names stand for; a name the vault does not know is refused (a typo must not leave a
    report unmarked, or marked by accident). Release lists (REL TO …) need no definition. An analyst names only
    the caveats they may know of (list_caveats): whether another compartment exists is not theirs to learn."""
    found = []
    known = None if session.role is Role.OFFICER else {r.name for r in list_caveats(session)}
    for name in names:
        record = clearances.resolve(session.db, name)
        if record is not None and known is not None and record.name not in known:
            record = None  # a compartment this analyst may not know of is named like one that does not exist
        if record is None and release_list(name) is not None:
            now = iso_utc(session.clock.now())
            with session.db.transaction():
                clearances.add_caveat(session.db, release_name(release_list(name) or ()), CaveatKind.RELEASE, "",
                                      session.name, now)
            record = clearances.resolve(session.db, name)
        if record is None:
            raise BadInput(f"no caveat named {name[:MAX_NAME]!r}: an officer adds compartments with "
                           "`nia compartment add` (see `nia compartment list`)")
        found.append(record)
    return found


def import_caveats(session: Session, names: list[str] | tuple[str, ...]) -> list[str]:
    """The caveats an importer asked for, as the vault names them."""
    return sorted({r.name for r in resolve_caveats(session, names)})


def header_caveats(session: Session, stated: list[str]) -> list[str]:
    """Inside an import's batch: the caveats a report's header states, as the vault names them. One the vault does
    not know is kept as an unknown marking that nobody reads past until an officer defines it (never dropped)."""
    names = []
    now = iso_utc(session.clock.now())
    for raw in stated[:MAX_CAVEATS]:
        if not isinstance(raw, str) or not raw.strip():
            continue
        record = clearances.resolve(session.db, raw)
        if record is not None:
            names.append(record.name)
            continue
        partners = release_list(raw)
        name = release_name(partners) if partners else fold(raw)[:MAX_NAME]
        kind = CaveatKind.RELEASE if partners else CaveatKind.UNKNOWN
        clearances.add_caveat(session.db, name, kind, "found in a report header", session.name, now)
        names.append(name)
    return names


def mark_report(session: Session, report_id: int, level: Level, caveats: list[str], why: str) -> reports.ReportSummary:
    """Re-mark a report: its level and its whole set of caveats become these. The analyst must be able to read it
    now; a reason is required and the change is audited with the marking before and after."""
    session.require(Action.REPORT_MARK, f"report {report_id}")
    if not why.strip():
        raise BadInput("say why the report is re-marked (--why)")
    session.require_readable([report_id], f"re-mark report {report_id}")
    before = reports.summary(session.db, report_id)
    if before is None:
        raise BadInput(f"there is no report {report_id}")
    names = sorted({r.name for r in resolve_caveats(session, caveats)})
    with session.db.transaction():
        clearances.set_level(session.db, report_id, level)
        clearances.set_report_caveats(session.db, report_id, names)
        session.audit("report.mark", f"report {report_id}", details={
            "from": before.marking_text, "to": "//".join((level.english, *names)), "why": why.strip()[:1000],
            "sha256": before.sha256})
    after = reports.summary(session.db, report_id)
    assert after is not None
    return after
