"""Insider watch (officer): per user and day, reads, reads outside their cases, refusals, exports and unusual
hours against their own usual, from the audit log (the rule: core/insiders.py).

What an officer sees through it is what the log's own columns say about people: user names, roles, days,
hours, actions, counts, audit sequence numbers and report ids. Never a report's title or text, and never an
entry's free-text object (a case name, a file name): ``shown_object`` keeps only numbers and the actor's own
name; the full entry is one click away in the audit log, which officers already read.

The log is streamed once, in batches, from the first entry of the baseline's lookback (found by bisecting the
entry numbers on their timestamps, so a year of log costs only the days read), and the viewing is audited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from nia_desktop.core import insiders as rule
from nia_desktop.core.errors import BadInput
from nia_desktop.core.roles import Action
from nia_desktop.core.store import audit_log, insider_sources
from nia_desktop.services.progress import CancelToken, Progress, no_progress
from nia_desktop.services.session import Session

MAX_DAYS = 366
# Days the start of the stream is moved back beyond the lookback: entries a clock set back misplaced in
# time order are still read (the tally itself keeps only entries dated inside its span).
_SLACK_DAYS = 2
_BATCH = 5000
# An entry's object shown as is: "report 12", "report 3, 9", "split entity 4", "judgement 2", "17".
_NUMBERED = re.compile(r"(?:[a-z][a-z-]*(?: [a-z][a-z-]*){0,3} )?\d{1,19}(?:, \d{1,19}){0,50}")


@dataclass(frozen=True)
class EntryLine:
    """One audit entry as the insider watch lists it."""

    seq: int
    ts: str
    actor: str
    action: str
    object: str  # shown_object: "" when the entry's object is free text
    outcome: str

    def to_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "ts": self.ts, "actor": self.actor, "action": self.action,
                "object": self.object, "outcome": self.outcome}


def shown_object(obj: str, actor: str) -> str:
    """The object if it is numbers (report ids, entity, release or requirement numbers) or the actor's name."""
    return obj if obj == actor or _NUMBERED.fullmatch(obj) else ""


def watch(session: Session, days: int = 30, progress: Progress = no_progress,
          cancel: CancelToken | None = None) -> rule.Watch:
    """Every user's findings over the last ``days`` days (JST) and a summary per user; audited."""
    session.require(Action.AUDIT_VIEW, "insiders")
    if not 1 <= days <= MAX_DAYS:
        raise BadInput(f"--days must be from 1 to {MAX_DAYS}, not {days}")
    db = session.db
    window = rule.Window.ending(session.clock.now(), days)
    tally = rule.Tally(window, insider_sources.case_reports_by_user(db))
    after = _last_before(session, rule.jst_midnight_utc(tally.scan_from - timedelta(days=_SLACK_DAYS)))
    total = audit_log.count(db)
    for batch in insider_sources.row_batches(db, after=after, batch=_BATCH):
        if cancel is not None:
            cancel.raise_if_cancelled()
        tally.feed(batch)
        progress(int(batch[-1][0]) - after, total - after, "Reading the audit log")
    result = tally.finish()
    session.audit("audit.insiders", f"{days} days", details={
        "days": days, "start": window.start.isoformat(), "end": window.end.isoformat(),
        "flagged": len(result.flagged), "users": len(result.users)})
    return result


def entries(session: Session, seqs: list[int]) -> list[EntryLine]:
    """The entries a finding rests on (at most a finding's cap), objects as ``shown_object`` allows."""
    session.require(Action.AUDIT_VIEW, "insiders")
    if len(seqs) > 1000:
        raise BadInput("at most 1000 audit entries at a time")
    return [EntryLine(seq, ts, actor, action, shown_object(obj, actor), outcome)
            for seq, ts, actor, action, obj, outcome in insider_sources.entry_lines(session.db, seqs)]


def _last_before(session: Session, ts: str) -> int:
    """The highest entry number dated before ``ts`` (0 if none), by bisection on the entry numbers: entries are
    appended in time order, so this reads about 20 timestamps in a year of log instead of every entry."""
    low, high = 0, audit_log.count(session.db)  # the answer lies in low..high
    while low < high:
        middle = (low + high + 1) // 2
        stamp = audit_log.ts_at(session.db, middle)
        if stamp is not None and stamp < ts:
            low = middle
        else:
            high = middle - 1
    return low
