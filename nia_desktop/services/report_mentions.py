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
"""

from __future__ import annotations

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
    return body_mentions(len(title) + 1, body, rows)


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
