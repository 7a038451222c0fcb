"""Reading and searching reports (analysts). Opening a report and every search are audited; listings are not
(they show titles and dates page by page: an entry per page would bury the log, and docs/insider-watch.md says
what the watch therefore cannot count).

Every function here narrows to what the user may read (need-to-know, store/clearances.py): a report above their
clearance or in a compartment they do not hold is absent from lists, counts, agencies and search; opening it is
refused and audited.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from nia_desktop.core import search as fts
from nia_desktop.core.errors import BadInput
from nia_desktop.core.roles import Action
from nia_desktop.core.store import cases, clearances, reports
from nia_desktop.core.store.reports import Filters, Report, ReportSummary
from nia_desktop.services.paging import Page, check_window
from nia_desktop.services.session import Session


def _filters(session: Session, filters: Filters | None, case: str = "") -> Filters:
    """The caller's filters, narrowed to one case if named, and always to what this user may read (the caller's
    own ``readable`` is never trusted)."""
    filters = filters or Filters()
    if case:
        case_id = cases.find(session.db, case)
        if case_id is None:
            raise BadInput(f"there is no case named {case!r}")
        filters = replace(filters, case_id=case_id)
    clause, params = session.readable()
    return replace(filters, readable=(clause, tuple(params)))


def list_reports(session: Session, case: str = "", filters: Filters | None = None, offset: int = 0,
                 limit: int = 1000, order: str = "id", descending: bool = False,
                 after: ReportSummary | None = None) -> list[ReportSummary]:
    """``after``: the last report of the page before, in the same order (keyset paging, store/reports.page)."""
    session.require(Action.REPORT_READ)
    return reports.page(session.db, _filters(session, filters, case), offset, limit, order, descending, after)


def report_page(session: Session, case: str = "", filters: Filters | None = None, offset: int = 0,
                limit: int = 1000, order: str = "id", descending: bool = False) -> Page[ReportSummary]:
    """One page of the listing and whether more follows (``limit + 1`` rows fetched, nothing counted)."""
    session.require(Action.REPORT_READ)
    check_window(limit, offset)
    rows, more = reports.window(session.db, _filters(session, filters, case), offset, limit, order, descending)
    return Page(rows, limit, offset, more)


STREAM_BATCH = 500


def every_report(session: Session, case: str = "", filters: Filters | None = None,
                 batch: int = STREAM_BATCH) -> Iterator[ReportSummary]:
    """Every report the user may read, in id order, fetched ``batch`` at a time by id (keyset paging): memory
    holds one batch whatever the vault's size, and the last batch costs what the first does. The permission and
    the case are checked here, before the first row is asked for (a caller may have started writing by then)."""
    session.require(Action.REPORT_READ)
    return _batches(session, _filters(session, filters, case), batch)


def _batches(session: Session, narrowed: Filters, batch: int) -> Iterator[ReportSummary]:
    last = 0
    while True:
        rows = reports.after(session.db, narrowed, last, batch)
        yield from rows
        if len(rows) < batch:
            return
        last = rows[-1].id


def count_reports(session: Session, case: str = "", filters: Filters | None = None) -> int:
    session.require(Action.REPORT_READ)
    return reports.count(session.db, _filters(session, filters, case))


def agencies(session: Session) -> list[str]:
    session.require(Action.REPORT_READ)
    return reports.agencies(session.db, _filters(session, None))


def open_report(session: Session, report_id: int) -> Report:
    """The whole report; the read is audited so an officer can answer 'who has seen this?'."""
    session.require(Action.REPORT_READ, f"report {report_id}")
    session.require_readable([report_id])
    report = reports.get(session.db, report_id)
    if report is None:
        raise BadInput(f"there is no report {report_id}")
    session.audit("report.read", f"report {report_id}", details={"sha256": report.summary.sha256})
    return report


def original_bytes(session: Session, report_id: int) -> bytes:
    session.require(Action.REPORT_READ, f"report {report_id}")
    session.require_readable([report_id])
    data = reports.original_bytes(session.db, report_id)
    if data is None:
        raise BadInput(f"there is no report {report_id}")
    session.audit("report.export_original", f"report {report_id}")
    return data


def readable_search_filters(session: Session, filters: Filters | None = None,
                            rank_locally: bool | None = None) -> Filters:
    """The store's search filters for this user: candidates only among the reports they may read, ranked on their
    own text when anything is hidden from them (``rank_locally`` None: whenever anything is), as bm25's word
    statistics count hidden reports."""
    reader = session.access()
    clause, params = clearances.readable_rows_sql(session.db, reader, "reports_fts.rowid")
    local = clearances.hides_any(session.db, reader) if rank_locally is None else rank_locally
    return replace(_filters(session, filters), readable_rows=(clause, tuple(params)), rank_locally=local)


@dataclass(frozen=True)
class Hit:
    summary: ReportSummary
    rank: float
    snippet: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.summary.id, "title": self.summary.title, "snippet": self.snippet, "rank": self.rank,
                "agency": self.summary.agency, "classification": self.summary.classification.english}


# The report ids a search's audit entry names at most (the desktop's page of hits); the count is always whole.
SEARCH_AUDIT_IDS = 500


def search(session: Session, query: str, limit: int = 50, filters: Filters | None = None,
           offset: int = 0) -> list[Hit]:
    """The hits of one page of a search (search_page without saying whether more follow)."""
    return search_page(session, query, limit, filters, offset).items


def search_page(session: Session, query: str, limit: int = 50, filters: Filters | None = None,
                offset: int = 0) -> Page[Hit]:
    """Full-text search, English and Japanese; words, "phrases", prefix*, AND/OR/NOT.

    Hits show titles and a window of text, so every search is audited (``report.search``, one entry) with the
    ids it returned (the first SEARCH_AUDIT_IDS) and how many: the insider watch counts them as reach. The query
    itself is never written: it may carry words the analyst read in a report, and officers read the log.

    A page is ``limit`` hits from ``offset`` in rank order; one hit more is ranked to say whether more follow.
    Hits come from the newest candidates the store ranks (store/reports.search), so paging ends with them."""
    session.require(Action.REPORT_READ, "search")
    check_window(limit, offset)
    expression = fts.to_fts_query(query)
    if not expression:
        raise BadInput("the search has no words to look for")
    terms = fts.query_terms(query)
    reader = session.access()
    # bm25 weighs each word by how many reports hold it, hidden ones included: for a reader from whom anything is
    # hidden, its scores (and, between several words, its order) tell what hidden reports say. One word's weight
    # is common to every hit, so bm25's order is kept there, with the candidates' own average length (the index's
    # counts hidden text), and its scores are replaced by positions; any other search is ranked on the candidates'
    # own text.
    hidden = clearances.hides_any(session.db, reader)
    one_word = _ONE_WORD.fullmatch(expression) is not None
    try:
        rows = reports.search(session.db, expression, offset + limit + 1,
                              readable_search_filters(session, filters, rank_locally=hidden), terms)
    except Exception as exc:  # FTS5 syntax errors surface as OperationalError
        if "fts5" in str(exc).lower() or "syntax" in str(exc).lower():
            raise BadInput(f"cannot understand the search {query!r}") from exc
        raise
    if hidden and one_word:  # bm25's order (phrases and the rest are ranked on the candidates' text)
        rows = [(s, float(position), body) for position, (s, _, body) in enumerate(rows, start=1)]
    window = rows[offset:offset + limit + 1]
    hits = [Hit(summary, rank, fts.snippet(body, terms)) for summary, rank, body in window[:limit]]
    session.audit("report.search", f"{len(hits)} hits", details={
        "hits": len(hits), "limit": limit, **({"offset": offset} if offset else {}),
        "reports": [h.summary.id for h in hits[:SEARCH_AUDIT_IDS]]})
    return Page(hits, limit, offset, len(window) > limit)


_ONE_WORD = re.compile(r'"[^" ]+"')


def titles(session: Session, report_ids: list[int]) -> list[tuple[int, str]]:
    """(id, title) of each report, in the order given; unknown ids are left out."""
    session.require(Action.REPORT_READ, f"{len(report_ids)} report titles")
    readable = clearances.readable_ids(session.db, session.access(), report_ids)
    found = {}
    for report_id in report_ids:
        summary = reports.summary(session.db, report_id) if report_id in readable else None
        if summary is not None:
            found[report_id] = summary.title
    return [(r, found[r]) for r in report_ids if r in found]


_GRADING = re.compile(r"([A-F])([1-6])")


def grade_report(session: Session, report_id: int, grading: str, why: str) -> ReportSummary:
    """Re-grade a report's source (reliability A-F, credibility 1-6, the Admiralty code, e.g. "B2"): an analyst
    who may read it, with a reason, audited with the grading before and after; a refusal is audited too.
    Products released from it are then listed by `nia ledger stale`."""
    session.require(Action.REPORT_MARK, f"report {report_id}")
    try:
        return _grade(session, report_id, grading, why)
    except BadInput as exc:
        session.audit("report.grade", f"report {report_id}", "refused", {"reason": exc.user_message[:500]})
        raise


def _grade(session: Session, report_id: int, grading: str, why: str) -> ReportSummary:
    found = _GRADING.fullmatch(grading.strip().upper())
    if found is None:
        raise BadInput(f"not an Admiralty grading: {grading[:20]!r} (a letter A-F and a digit 1-6, e.g. B2)")
    if not why.strip():
        raise BadInput("say why the report is re-graded (--why)")
    session.require_readable([report_id], f"re-grade report {report_id}")
    before = reports.summary(session.db, report_id)
    if before is None:
        raise BadInput(f"there is no report {report_id}")
    with session.db.transaction():
        session.db.execute("UPDATE reports SET reliability = ?, credibility = ? WHERE id = ?",
                           (found.group(1), found.group(2), report_id))
        session.audit("report.grade", f"report {report_id}", details={
            "from": f"{before.reliability}{before.credibility}", "to": found.group(0), "why": why.strip()[:1000],
            "sha256": before.sha256})
    after = reports.summary(session.db, report_id)
    assert after is not None
    return after
