"""The entities the kept fusion found in one report, for the reader to mark in the text it shows.

Fusion stores each mention with offsets into the report's content as it read
it: the title, a newline, then the body (core/fusion/engine.report_content).
The reader shows the body alone, so offsets here are into the body, and a
mention in the title is left out. A mention is returned only while the body
still reads its surface at those offsets: a mark never lands on other words.

Need-to-know: the report must be readable (the reader opened it, an audited
read, just before), and the mentions come from the user's own fusion of
every report (fusion_tables' scope), which is not shown at all while it draws
on a report the user may no longer read. Within that scope every report is
readable, so an entity's report count counts readable reports only.
Overlapping mentions (a domain implied by the URL around it) keep the first,
longer one: a mark covers each character at most once.

An analyst's "this text is (not) an entity" made since the fusion shown
(core/fusion/marks.py; the scope lists the judgements it applied) is shown
at once as the next fusion will have it in this report: its mentions marked
``pending`` (no entity yet: entity id 0) in place of what they overlap, the
dropped ones left out. An undo shows after the next fusion.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from nia_desktop.core.errors import BadInput
from nia_desktop.core.roles import Action
from nia_desktop.services import fusion_tables
from nia_desktop.services.session import Session


@dataclass(frozen=True)
class MarkedMention:
    """One mention as the reader marks it: [start, end) into the report's body (Python string indexes)."""

    start: int
    end: int
    surface: str
    entity_id: int
    entity_name: str
    kind: str  # the entity's kind (what the mark's colour and underline say)
    reports: int  # the entity's reports in the user's fusion: readable reports only
    pending: bool = False  # an analyst's judgement since the fusion: shown as the next fusion will have it


def report_mentions(session: Session, report_id: int, case: str = "") -> list[MarkedMention]:
    """The mentions of ``report_id`` in the user's kept fusion of ``case`` ('' for every report), in text order;
    empty when the user may not fuse, has not fused, or the fusion did not cover the report."""
    session.require(Action.REPORT_READ, f"report {report_id}")
    session.require_readable([report_id])
    if not session.may(Action.FUSE):
        return []
    found = fusion_tables.readable_scope(session, case)
    if found is None:
        return []
    texts = session.db.query("SELECT r.title, t.body FROM reports r JOIN report_texts t ON t.report_id = r.id "
                             "WHERE r.id = ?", (report_id,))
    if not texts:
        raise BadInput(f"there is no report {report_id}")
    title, body = str(texts[0][0]), str(texts[0][1])
    rows = session.db.query(
        "SELECT m.start_offset, m.end_offset, m.surface, e.id, e.name, e.kind, e.report_count "
        "FROM fusion_mentions m JOIN fusion_entities e ON e.scope_id = m.scope_id AND e.id = m.entity_id "
        "WHERE m.scope_id = ? AND m.report_id = ? ORDER BY m.start_offset, m.end_offset DESC",
        (found.id, report_id))
    applied = session.db.query("SELECT judgements FROM fusion_scopes WHERE id = ?", (found.id,))
    return with_pending(session, json.loads(applied[0][0]) if applied else [], title, body,
                        body_mentions(len(title) + 1, body, rows))


def with_pending(session: Session, applied: Sequence[int], title: str, body: str,
                 marks: list[MarkedMention]) -> list[MarkedMention]:
    """``marks`` with the text judgements in force that the fusion did not apply (not in ``applied``) shown."""
    from nia_desktop.core.fusion.content import header_spans
    from nia_desktop.core.fusion.marks import TEXT_VERDICTS, Marks
    from nia_desktop.core.fusion.model import Kind, Mention
    from nia_desktop.core.fusion.watchlist import Matcher
    from nia_desktop.core.store import fusion as fusion_store
    from nia_desktop.services.fusion import judgements_in_force

    done = set(applied)
    waiting = Marks(j for j in judgements_in_force(session) if j.verdict in TEXT_VERDICTS and j.id not in done)
    if waiting.empty:
        return marks
    kinds = {k.value: k for k in Kind}
    full = f"{title}\n{body}"
    shift = len(title) + 1
    # The watchlist beats a text judgement (core/fusion/marks.py): its hits are neither dropped nor overlaid.
    watched = [(m.start - shift, m.end - shift) for m, _ in Matcher(fusion_store.watchlist(session.db)).find(full)]

    def on_watch(start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in watched)

    kept = [m for m in marks if m.kind not in kinds or (m.start, m.end) in watched or not waiting.dropped(
        Mention(kinds[m.kind], m.surface, m.surface, m.start, m.end))]
    added = [MarkedMention(f.mention.start - shift, f.mention.end - shift, f.mention.surface, 0, f.mention.surface,
                           f.mention.kind.value, 0, pending=True)
             for f in waiting.occurrences(full, header_spans(full))
             if f.mention.start >= shift and not on_watch(f.mention.start - shift, f.mention.end - shift)]
    if not added:
        return kept
    kept = [m for m in kept if not any(a.start < m.end and m.start < a.end for a in added)]
    return sorted(kept + added, key=lambda m: (m.start, -m.end))


def body_mentions(shift: int, body: str, rows: Sequence[Sequence[Any]]) -> list[MarkedMention]:
    """Rows (start, end, surface, entity id, name, kind, reports) in order of start, offsets into title + newline
    + body, as marks into ``body``: those in the title, not reading their surface, or overlapping an earlier one
    left out."""
    marks: list[MarkedMention] = []
    reached = 0
    for start, end, surface, entity_id, name, kind, reports in rows:
        s, e = int(start) - shift, int(end) - shift
        if s < reached or e <= s or body[s:e] != surface:
            continue
        marks.append(MarkedMention(s, e, str(surface), int(entity_id), str(name), str(kind), int(reports)))
        reached = e
    return marks
