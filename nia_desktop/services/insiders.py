"""Insider watch (officer): per user and day, reads, reads outside their cases, refusals, exports and unusual
hours against their own usual, from the audit log (the rule: core/insiders.py).

What an officer sees through it is what the log's own columns say about people: user names, roles, days,
hours, actions, counts, audit sequence numbers and report ids. Never a report's title or text, and never an
entry's free-text object (a case name, a file name, a search): ``shown_object`` shows an object only in the
numbered form the service that wrote that action builds it in ("report 12" for report.read, "judgement 3" for
an entity judgement, ...), or when it is the actor's own name; a case named "defector kim 2026" or even
"report 12" is free text and stays blank. The full entry is one click away in the audit log, which officers
already read.

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
_N = r"\d{1,19}"
_REPORT = rf"report {_N}"
# The object of each action as its service builds it from numbers (entries with outcome "ok"): shown as is.
_OK_FORMS: dict[str, re.Pattern[str]] = {action: re.compile(form) for action, form in {
    "report.read": _REPORT, "report.export_original": _REPORT, "report.mark": _REPORT, "report.grade": _REPORT,
    "report.search": rf"{_N} hits?",
    "report.events": rf"{_N} reports?", "entity.edge": rf"entity {_N} and {_N}",
    "report.import": rf"import {_N}", "report.import.start": rf"import {_N}", "report.import.batch": rf"import {_N}",
    "release.view": _N, "release.approve": _N, "release.reject": _N,
    "pir.add": rf"requirement {_N}", "pir.tag": rf"requirement {_N}",
    "watchlist.remove": rf"entry {_N}",
    "vault.rekey": rf"epoch {_N}", "vault.rekey.start": rf"epoch {_N}",
}.items()}
_JUDGEMENT = re.compile(rf"judgement {_N}")  # entity.merge, entity.split, entity.undo, ...
# Refusals name what the caller passed, often free text; only these are built from numbers alone.
_REFUSED_FORMS: dict[str, re.Pattern[str]] = {action: re.compile(form) for action, form in {
    "report.need_to_know": rf"{_REPORT}(?:, {_N}){{0,19}}|(?:re-mark|re-grade|ledger who-has) {_REPORT}"
                           rf"|(?:split entity|requirement|judgement) {_N}",
    "release.approve": _N, "release.reject": _N, "release.view": _N, "release.review": rf"release {_N}",
}.items()}


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


def shown_object(obj: str, actor: str, action: str, outcome: str = "ok") -> str:
    """The entry's object if the action builds it from numbers alone (report ids, entity judgements, release or
    requirement numbers) and it has that form, or if it is the actor's own name; otherwise "" (free text)."""
    if obj == actor:
        return obj
    if outcome == "ok":
        form = _OK_FORMS.get(action) or (_JUDGEMENT if action.startswith("entity.") else None)
    else:
        form = _REFUSED_FORMS.get(action) if outcome == "refused" else None
    return obj if form is not None and form.fullmatch(obj) else ""


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
    return [EntryLine(seq, ts, actor, action, shown_object(obj, actor, action, outcome), outcome)
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
