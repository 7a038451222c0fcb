"""An analyst tells fusion "this text is an entity" or "this text is not one" (core/fusion/marks.py).

Both are judgements in the analysts' log beside merges and splits: who, when, why, the report the text was
selected in; audited like them (``entity.mark``, ``entity.unmark``; the text itself stays out of the audit
details, which officers read, as merges keep names out); revoked, never deleted, through the same undo
(services/fusion.undo_judgement). Analysts only (the merge permission).

Applied where fusion runs: every full fusion, fusion in parts and import from now on. The fusions already
kept are not rewritten in place: a text judgement can add or drop mentions in any report of a scope, and
changing a kept fusion's entities, counts and links for that exactly as a full fusion would is a full fusion.
So a new judgement (or its undo) is queued as pending work on every kept fusion it bears on (those covering
the report it rests on, which every text judgement names): "re-fuse recommended: N pending", cleared
by the next full fusion of that scope. The pending line names the judgement by number, never its text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from nia_desktop.core.clock import iso_utc
from nia_desktop.core.errors import BadInput
from nia_desktop.core.fusion import marks
from nia_desktop.core.fusion.engine import report_content
from nia_desktop.core.fusion.judgements import Judgement
from nia_desktop.core.fusion.model import Kind
from nia_desktop.core.fusion.nodes import ReportText
from nia_desktop.core.roles import Action
from nia_desktop.core.store import fusion_state as state
from nia_desktop.services.session import Session

PENDING_REASON = "judgement"


@dataclass(frozen=True)
class Judged:
    """What recording a text judgement (or undoing one) did: its number, and how many kept fusions now wait
    for a full fusion to apply it (0: no fusion kept yet; the first applies it)."""

    judgement: int
    queued: int
    applied: bool = False  # never in place: see the module's docstring

    def to_json(self) -> dict[str, Any]:
        return {"judgement": self.judgement, "applied": self.applied, "queued": self.queued,
                "status": "applied" if self.applied else ("queued" if self.queued else "recorded")}


def mark_entity(session: Session, text: str, kind: str, why: str = "", report: int | None = None) -> Judged:
    """``text`` is an entity of ``kind`` wherever it is written (selected in ``report``, which must hold it)."""
    session.require(Action.CASE_EDIT, "mark an entity")
    surface, reports = _checked(session, text, report, why)
    try:
        judged_kind = marks.check_kind(kind)
    except ValueError as exc:
        raise BadInput(str(exc)) from None
    judgement = marks.entity_judgement(surface, judged_kind, session.name, iso_utc(session.clock.now()),
                                       why.strip(), reports)
    return _record(session, judgement, "mark")


def unmark_entity(session: Session, text: str, kind: str | None = None, why: str = "",
                  report: int | None = None) -> Judged:
    """``text`` is not an entity (of ``kind``, or of any kind): its mentions are dropped everywhere."""
    session.require(Action.CASE_EDIT, "mark not an entity")
    surface, reports = _checked(session, text, report, why)
    judged_kind: Kind | None = None
    if kind:
        try:
            judged_kind = marks.check_kind(kind)
        except ValueError as exc:
            raise BadInput(str(exc)) from None
    _not_watched(session, surface, judged_kind)
    judgement = marks.not_entity_judgement(surface, judged_kind, session.name, iso_utc(session.clock.now()),
                                           why.strip(), reports)
    return _record(session, judgement, "unmark")


def _not_watched(session: Session, surface: str, kind: Kind | None) -> None:
    """Refuse "not an entity" of a name the watchlist finds (its name or an alias, of the kind judged): the
    watchlist beats text judgements (core/fusion/marks.py), so it would silently do nothing; the entry is changed
    on the watchlist, where every analyst sees it."""
    from nia_desktop.core.fusion.watchlist import Matcher
    from nia_desktop.core.store import fusion as store

    for mention, entry_id in Matcher(store.watchlist(session.db)).find(surface):
        if mention.start == 0 and mention.end == len(surface) and (kind is None or mention.kind is kind):
            raise BadInput(f"that text is on the watchlist (entry {entry_id}), which beats a judgement: change or "
                           "remove the watchlist entry instead (nia watchlist list)")


def _checked(session: Session, text: str, report: int | None, why: str = "") -> tuple[str, tuple[int, ...]]:
    """The surface, checked, and the reports the judgement rests on: the one it was selected in, which must be
    readable and hold the text."""
    try:
        surface = marks.check_text(text)
    except ValueError as exc:
        raise BadInput(str(exc)) from None
    if any(0xD800 <= ord(c) <= 0xDFFF for c in why):
        raise BadInput("the reason is not valid UTF-8 (undecodable bytes): type it again")
    if report is None:
        # The judgement's words are shown to whoever may read the report it rests on: resting on none, they
        # would reach every analyst whatever they were drawn from (found by the outside review).
        raise BadInput("a text judgement rests on the report the text was read in: name it (--report ID)")
    session.require_readable([report], f"report {report}")
    rows = session.db.query("SELECT r.title, t.body FROM reports r JOIN report_texts t ON t.report_id = r.id "
                            "WHERE r.id = ?", (report,))
    if not rows:
        raise BadInput(f"there is no report {report}")
    full, _ = report_content(ReportText(report, str(rows[0][0]), str(rows[0][1])))
    if surface not in full:
        raise BadInput(f"report {report} does not contain that text (as written: case and spacing count)")
    return surface, (report,)


def _record(session: Session, judgement: Judgement, what: str) -> Judged:
    from nia_desktop.core.store import fusion as store

    with session.db.transaction():
        judgement_id = store.add_judgement(session.db, judgement)
        queued = queue(session, judgement, judgement_id, revoked=False)
        session.audit(f"entity.{what}", f"judgement {judgement_id}", details={
            "verdict": judgement.verdict, "kind": judgement.b[0] if judgement.b else "any",
            "reports": list(judgement.reports), "by": judgement.by, "queued": queued})
    return Judged(judgement_id, queued)


def queue(session: Session, judgement: Judgement, judgement_id: int, revoked: bool,
          only: int | None = None) -> int:
    """Pending work on every kept fusion a text judgement (made or revoked) bears on (or on scope ``only``); how
    many. The caller holds the transaction."""
    if judgement.verdict not in marks.TEXT_VERDICTS:
        return 0
    scopes = [int(sid) for (sid,) in session.db.query("SELECT id FROM fusion_scopes ORDER BY id")] \
        if only is None else [only]
    if judgement.reports:
        wanted = sorted(set(judgement.reports))
        scopes = [sid for sid in scopes if state.in_scope(session.db, sid, wanted) == set(wanted)]
    what = "an entity" if judgement.verdict == "entity" else "not an entity"
    detail = (f"judgement {judgement_id} (text is {what}) was {'revoked' if revoked else 'made'} after this "
              "fusion: a full fusion applies it")
    at = iso_utc(session.clock.now())
    report = judgement.reports[0] if judgement.reports else 0
    for sid in scopes:
        state.add_pending(session.db, sid, at, [(report, PENDING_REASON, detail)])
    return len(scopes)


def queue_missed(session: Session, scope_id: int, decided: list[Judgement]) -> int:
    """A fusion that ran with ``decided`` and was just kept as ``scope_id``: the text judgements made or revoked
    while it ran (queued on the scope it replaced, now gone) queued on it. The caller holds the transaction."""
    from nia_desktop.services.fusion import judgements_in_force

    now = {j.id: j for j in judgements_in_force(session) if j.verdict in marks.TEXT_VERDICTS}
    used = {j.id: j for j in decided if j.verdict in marks.TEXT_VERDICTS}
    made = [j for i, j in now.items() if i not in used]
    gone = [j for i, j in used.items() if i not in now]
    return sum(queue(session, j, j.id, False, scope_id) for j in made) + \
        sum(queue(session, j, j.id, True, scope_id) for j in gone)


def text_judgements(session: Session, include_revoked: bool = False) -> list[dict[str, Any]]:
    """The text judgements this user may see (resting on reports they may read), newest first: for the reader's
    undo. Each: id, verdict, text, kind ('' for any), by, at, why, reports, revoked_by."""
    from nia_desktop.services.fusion import judgement_log

    found = []
    for j in judgement_log(session):
        if j["verdict"] not in marks.TEXT_VERDICTS or (j["revoked_by"] and not include_revoked):
            continue
        a, b = _node(j["a"]), _node(j["b"])
        found.append({"id": j["id"], "verdict": j["verdict"], "text": a[1] if len(a) == 2 else "",
                      "kind": b[0] if b else "", "by": j["by"], "at": j["at"], "why": j["why"],
                      "reports": j["reports"], "revoked_by": j["revoked_by"]})
    return sorted(found, key=lambda j: -int(j["id"]))


def _node(text: str) -> tuple[str, ...]:
    from nia_desktop.core.fusion.judgements import node_from_text

    return node_from_text(text)
