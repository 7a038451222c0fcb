"""Reports, their original bytes and their full-text index rows."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from nia_desktop.core import search as fts
from nia_desktop.core.classification import Level
from nia_desktop.core.errors import VaultTampered
from nia_desktop.core.search import segment
from nia_desktop.core.vault.connection import VaultConnection


@dataclass(frozen=True)
class NewReport:
    sha256: str
    title: str
    body: str
    agency: str
    classification: Level
    classification_stated: bool
    reliability: str
    credibility: str
    language: str
    report_date: str
    detected_type: str
    encoding: str
    original_name: str
    path: str
    inner_path: str
    size: int
    volume_label: str
    volume_path: str
    imported_by: str
    imported_at: str
    import_id: int
    parent_id: int | None
    fields: dict[str, str]
    structured: Any


@dataclass(frozen=True)
class ReportSummary:
    id: int
    title: str
    agency: str
    sha256: str
    path: str
    classification: Level
    language: str
    imported_at: str
    report_date: str
    reliability: str
    credibility: str
    detected_type: str
    caveats: tuple[str, ...] = ()

    @property
    def marking_text(self) -> str:
        """"SECRET//ORCON": the level in English and every caveat."""
        return "//".join((self.classification.english, *self.caveats))

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "agency": self.agency, "sha256": self.sha256, "path": self.path,
                "classification": self.classification.english, "caveats": list(self.caveats),
                "language": self.language,
                "imported_at": self.imported_at, "date": self.report_date,
                "grading": f"{self.reliability}{self.credibility}", "type": self.detected_type}


@dataclass(frozen=True)
class Report:
    summary: ReportSummary
    body: str
    fields: dict[str, str]
    structured: Any
    details: dict[str, Any]


_SUMMARY = ("id, title, agency, sha256, path, classification, language, imported_at, report_date, reliability, "
            "credibility, detected_type")


def _summary(row: tuple[Any, ...]) -> ReportSummary:
    return ReportSummary(int(row[0]), str(row[1]), str(row[2]), str(row[3]), str(row[4]), Level(int(row[5])),
                         str(row[6]), str(row[7]), str(row[8]), str(row[9]), str(row[10]), str(row[11]))


def with_caveats(db: VaultConnection, summaries: list[ReportSummary]) -> list[ReportSummary]:
    """The same summaries with each report's caveats (one query for the lot)."""
    if not summaries:
        return summaries
    found: dict[int, list[str]] = {}
    ids = [s.id for s in summaries]
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for report_id, name in db.query(f"SELECT report_id, caveat FROM report_caveats WHERE report_id IN "
                                        f"({','.join('?' * len(chunk))}) ORDER BY caveat", chunk):
            found.setdefault(int(report_id), []).append(str(name))
    return [replace(s, caveats=tuple(found[s.id])) if s.id in found else s for s in summaries]


def insert(db: VaultConnection, report: NewReport, raw: bytes,
           segmented: tuple[str, str] | None = None) -> int:
    """Store one report; ``segmented`` is its (title, body) as the index sees them, if already computed."""
    cursor = db.execute(
        "INSERT INTO reports (sha256, title, agency, classification, classification_stated, reliability, "
        "credibility, language, report_date, detected_type, encoding, original_name, path, inner_path, size, "
        "volume_label, volume_path, imported_by, imported_at, import_id, parent_id, fields, structured) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (report.sha256, report.title, report.agency, int(report.classification),
         int(report.classification_stated), report.reliability, report.credibility, report.language,
         report.report_date, report.detected_type, report.encoding, report.original_name, report.path,
         report.inner_path, report.size, report.volume_label, report.volume_path, report.imported_by,
         report.imported_at, report.import_id, report.parent_id, json.dumps(report.fields, ensure_ascii=False),
         None if report.structured is None else json.dumps(report.structured, ensure_ascii=False)),
    )
    report_id = int(cursor.lastrowid or 0)
    db.execute("INSERT INTO report_texts (report_id, body) VALUES (?, ?)", (report_id, report.body))
    if raw != report.body.encode("utf-8"):  # a UTF-8 text file is its own text: not stored twice
        db.execute("INSERT INTO report_blobs (report_id, data) VALUES (?, ?)", (report_id, raw))
    index_title, index_body = segmented or (segment(report.title), segment(report.body))
    db.execute("INSERT INTO reports_fts (rowid, title, body) VALUES (?, ?, ?)", (report_id, index_title, index_body))
    return report_id


def summary(db: VaultConnection, report_id: int) -> ReportSummary | None:
    rows = db.query(f"SELECT {_SUMMARY} FROM reports WHERE id = ?", (report_id,))
    return with_caveats(db, [_summary(rows[0])])[0] if rows else None


def digests_of_sizes(db: VaultConnection, sizes: Iterable[int]) -> set[bytes]:
    """The SHA-256 (32 raw bytes) of every report whose original is one of ``sizes`` bytes long: a file can only
    duplicate a report of its own size, so an import reads the digests its files could match, by the size index,
    not every report's (5 s at a million reports)."""
    wanted = sorted(set(sizes))
    found: set[bytes] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(bytes.fromhex(h) for (h,) in db.query(
            f"SELECT sha256 FROM reports INDEXED BY reports_size WHERE size IN ({marks})", chunk))
    return found


def missing(db: VaultConnection, report_ids: list[int]) -> list[int]:
    """The ids among ``report_ids`` that name no report, sorted."""
    if not report_ids:
        return []
    marks = ",".join("?" * len(report_ids))
    known = {int(i) for (i,) in db.query(f"SELECT id FROM reports WHERE id IN ({marks})", report_ids)}
    return sorted(set(report_ids) - known)


def by_sha256(db: VaultConnection, sha256: str) -> int | None:
    rows = db.query("SELECT id FROM reports WHERE sha256 = ?", (sha256,))
    return int(rows[0][0]) if rows else None


@dataclass(frozen=True)
class Filters:
    agency: str = ""
    min_classification: Level | None = None
    date_from: str = ""
    date_to: str = ""
    case_id: int | None = None
    # The reader's need-to-know clause (store/clearances.readable_sql): services always set it. ``readable_rows``
    # is the same rule on the full-text index's rowid, so search takes its candidates among readable reports only;
    # ``rank_locally`` ranks them on their own text, as bm25 would count hidden reports in its word statistics.
    readable: tuple[str, tuple[Any, ...]] | None = None
    readable_rows: tuple[str, tuple[Any, ...]] | None = None
    rank_locally: bool = False

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = ["1=1"]
        params: list[Any] = []
        if self.readable is not None:
            clauses.append(self.readable[0])
            params.extend(self.readable[1])
        if self.agency:
            clauses.append("agency = ?")
            params.append(self.agency)
        if self.min_classification is not None:
            # Unary plus: not by the classification index. Every report may match it (and the reader's own
            # level bounds it above), so SQLite would take it for a narrow range and sort a million rows.
            clauses.append("+classification >= ?")
            params.append(int(self.min_classification))
        if self.date_from:
            clauses.append("report_date >= ?")
            params.append(self.date_from)
        if self.date_to:
            clauses.append("report_date <= ?")
            params.append(self.date_to)
        if self.case_id is not None:
            clauses.append("id IN (SELECT report_id FROM case_reports WHERE case_id = ?)")
            params.append(self.case_id)
        return " AND ".join(clauses), params


SORTABLE = {"id": "id", "date": "report_date", "agency": "agency", "title": "title",
            "classification": "classification", "language": "language", "imported_at": "imported_at"}
# Each order's columns before the id: those of an index where there is one (reports_date, reports_agency,
# reports_classification), so with the id in the same direction SQLite reads the index in order and stops after
# a page; a tie-break the other way (date DESC, id ASC) made it sort every report: 10 s at a million.
_ORDER_COLUMNS = {"id": (), "date": ("report_date",), "agency": ("agency", "report_date"), "title": ("title",),
                  "classification": ("classification",), "language": ("language",),
                  "imported_at": ("imported_at",)}
_ATTRIBUTES = {"report_date": "report_date", "agency": "agency", "title": "title", "classification": "classification",
               "language": "language", "imported_at": "imported_at"}


def _order(order: str) -> tuple[str, ...]:
    return (*_ORDER_COLUMNS.get(order, ()), "id")


def page(db: VaultConnection, filters: Filters, offset: int, limit: int, order: str = "id",
         descending: bool = False, after: ReportSummary | None = None) -> list[ReportSummary]:
    """One page in ``order``. ``after``: the last row of the page before (keyset paging: the page starts from
    the index where that row is, so the thousandth page costs what the first does; OFFSET walks every row
    before it); ``offset`` then counts from there."""
    where, params = filters.where()
    columns = _order(order)
    direction = "DESC" if descending else "ASC"
    if after is not None:
        values = [int(after.classification) if c == "classification" else
                  after.id if c == "id" else getattr(after, _ATTRIBUTES[c]) for c in columns]
        where += f" AND ({', '.join(columns)}) {'<' if descending else '>'} ({', '.join('?' * len(columns))})"
        params = [*params, *values]
    ordered = ", ".join(f"{c} {direction}" for c in columns)
    rows = db.query(f"SELECT {_SUMMARY} FROM reports {_access(filters, order)} WHERE {where} "
                    f"ORDER BY {ordered} LIMIT ? OFFSET ?", (*params, limit, offset))
    return with_caveats(db, [_summary(r) for r in rows])


def _access(filters: Filters, order: str) -> str:
    """How a page reads the reports table. Without statistics SQLite takes the reader's ``classification <= ?``
    for a narrow range and sorts every report it admits (two thirds of a million for a CONFIDENTIAL reader), so
    the order's own index is named: it yields the rows in order and the page stops after ``limit``. The title and
    language orders have theirs since schema v16 (without, 1.3 s to a first page at a million). An order no index
    gives (the import time) sorts every admitted report whatever the plan, and a scan of the table in rowid order
    (1 s at a million) beats the classification index and a lookup of each row (4 s). A case or a date range
    narrows the rows through its own index: the planner chooses then (but the date order keeps the date index)."""
    dated = bool(filters.date_from or filters.date_to)
    if filters.case_id is not None or (dated and order != "date"):
        return ""
    if order == "date" or order == "agency":
        return "INDEXED BY reports_agency" if filters.agency or order == "agency" else "INDEXED BY reports_date"
    if order in ("classification", "title", "language"):
        return f"INDEXED BY reports_{order}"
    return "NOT INDEXED"


def window(db: VaultConnection, filters: Filters, offset: int, limit: int, order: str = "id",
           descending: bool = False) -> tuple[list[ReportSummary], bool]:
    """One page and whether rows follow it: ``limit + 1`` rows are fetched, the table is never counted."""
    rows = page(db, filters, offset, limit + 1, order, descending)
    return rows[:limit], len(rows) > limit


def after(db: VaultConnection, filters: Filters, last_id: int, limit: int) -> list[ReportSummary]:
    """Up to ``limit`` reports with an id above ``last_id``, in id order (keyset paging): each page starts from
    the id index wherever it is, so the millionth row costs what the first does (OFFSET would walk every row
    before it)."""
    sql, params = after_query(filters, _SUMMARY)
    rows = db.query(sql, (last_id, *params, limit))
    return with_caveats(db, [_summary(r) for r in rows])


def after_query(filters: Filters, columns: str = "id") -> tuple[str, list[Any]]:
    """after()'s statement (parameters: the last id, ``params``, the limit). NOT INDEXED keeps SQLite on the id
    (rowid) order: with an index on classification or agency it could pick that one and sort every matching row
    for each page."""
    where, params = filters.where()
    return f"SELECT {columns} FROM reports NOT INDEXED WHERE id > ? AND {where} ORDER BY id LIMIT ?", params


def count(db: VaultConnection, filters: Filters = Filters()) -> int:
    """Counted through an index that holds every column the filters test (since schema v17 the agency index
    carries the classification): 29 ms for an agency's quarter of a million reports, where a scan of the table
    took 1.1 s."""
    where, params = filters.where()
    return int(db.query(f"SELECT count(*) FROM reports WHERE {where}", params)[0][0])


def agencies(db: VaultConnection, filters: Filters = Filters()) -> list[str]:
    """The agencies with a report ``filters`` admit, one index seek each: the next agency after the last (the
    agencies are few), then whether any of its reports passes the filters. DISTINCT over the filtered reports
    read every report's row: 19 s at a million."""
    where, params = filters.where()
    found: list[str] = []
    last: str | None = None
    while True:
        rows = db.query("SELECT min(agency) FROM reports WHERE agency > ?" if last is not None else
                        "SELECT min(agency) FROM reports", () if last is None else (last,))
        if not rows or rows[0][0] is None:
            return found
        last = str(rows[0][0])
        if db.query(f"SELECT 1 FROM reports WHERE agency = ? AND {where} LIMIT 1", (last, *params)):
            found.append(last)


def get(db: VaultConnection, report_id: int) -> Report | None:
    rows = db.query(f"SELECT {_SUMMARY}, body, fields, structured, encoding, original_name, inner_path, size, "
                    "volume_label, volume_path, imported_by, import_id, parent_id, classification_stated "
                    "FROM reports JOIN report_texts ON report_texts.report_id = reports.id WHERE id = ?",
                    (report_id,))
    if not rows:
        return None
    row = rows[0]
    summary = with_caveats(db, [_summary(row[:12])])[0]
    details = dict(zip(("encoding", "original_name", "inner_path", "size", "volume_label", "volume_path",
                        "imported_by", "import_id", "parent_id", "classification_stated"), row[15:], strict=True))
    details["children"] = [int(c) for (c,) in db.query("SELECT id FROM reports WHERE parent_id = ?", (report_id,))]
    return Report(summary, str(row[12]), json.loads(row[13]), json.loads(row[14]) if row[14] else None, details)


def original_bytes(db: VaultConnection, report_id: int) -> bytes | None:
    """The file's exact bytes, checked against the SHA-256 recorded at import; None if no such report.

    Kept in report_blobs, except where they are the report's text in UTF-8.
    """
    rows = db.query("SELECT r.sha256, b.data, t.body FROM reports r JOIN report_texts t ON t.report_id = r.id "
                    "LEFT JOIN report_blobs b ON b.report_id = r.id WHERE r.id = ?", (report_id,))
    if not rows:
        return None
    sha, blob, body = rows[0]
    data = bytes(blob) if blob is not None else str(body).encode("utf-8")
    if hashlib.sha256(data).hexdigest() != sha:
        raise VaultTampered(f"report {report_id}: its original bytes do not match the SHA-256 recorded at import")
    return data


RECENT_CANDIDATES = 500
PHRASE_CANDIDATES = 200
# Ranked on their own text (a reader from whom anything is hidden): each candidate's body is read and counted.
LOCAL_CANDIDATES = 100


def search(db: VaultConnection, fts_query: str, limit: int, filters: Filters = Filters(),
           terms: list[str] | None = None) -> list[tuple[ReportSummary, float, str]]:
    """(summary, score, body) of the best matches among the newest candidates; lower score is better.

    Scoring every match of a common word costs time in proportion to the
    vault (half a second at 100,000 reports). FTS5 walks a doclist in rowid
    order cheaply, so we take the newest matches and rank those: relevance
    among recent reporting, in bounded time. bm25 counts the documents that
    match each phrase with a full scan, which is slow for multi-token phrases
    (every Japanese word of three or more characters is one), so those
    candidates are ranked by term frequency instead (core.search.tf_score)
    when ``terms`` (core.search.query_terms) are given; without them such
    candidates come newest first with the score 0.0.
    """
    # The candidates are already readable (readable_rows): the reports-side clause would only check them again.
    where, params = (replace(filters, readable=None) if filters.readable_rows else filters).where()
    rows_clause, rows_params = filters.readable_rows or ("1=1", ())
    phrase = any(" " in part for part in fts_query.split('"')[1::2])
    if phrase or filters.rank_locally:
        inner = (f"SELECT rowid, 0.0 AS score FROM reports_fts WHERE reports_fts MATCH ? AND {rows_clause} "
                 "ORDER BY rowid DESC LIMIT ?")
        budget = PHRASE_CANDIDATES if phrase else LOCAL_CANDIDATES
    else:
        inner = (f"SELECT rowid, bm25(reports_fts, 3.0, 1.0) AS score FROM reports_fts WHERE reports_fts MATCH ? "
                 f"AND {rows_clause} ORDER BY rowid DESC LIMIT ?")
        budget = RECENT_CANDIDATES
    token = None if phrase else fts.one_token(fts_query)
    # The index's average length counts hidden reports' text too: a reader from whom anything is hidden gets the
    # candidates' own average (None here), so no amount of hidden text moves their order.
    average = _average_length(db) if token is not None and not filters.rank_locally else None
    if token is not None and (average is not None or filters.rank_locally):
        return _one_word(db, fts_query, token, average, limit, (where, params), (rows_clause, rows_params))
    local = phrase or filters.rank_locally
    if local and terms is not None:
        return _by_frequency(db, fts_query, terms, limit, budget, (where, params), (rows_clause, rows_params))
    rows = db.query(
        f"SELECT {_SUMMARY}, candidates.score FROM ({inner}) AS candidates "
        f"JOIN reports ON reports.id = candidates.rowid WHERE {where} ORDER BY candidates.score, reports.id DESC "
        "LIMIT ?", (fts_query, *rows_params, budget, *params, budget if local else limit))
    found = with_caveats(db, [_summary(r[:12]) for r in rows])
    hits = [(summary, float(r[12])) for summary, r in zip(found, rows, strict=True)]
    bodies = dict(db.query(f"SELECT report_id, body FROM report_texts WHERE report_id IN "
                           f"({','.join('?' * len(hits))})", [h[0].id for h in hits])) if hits else {}
    return [(summary, score, str(bodies.get(summary.id, ""))) for summary, score in hits]


def _one_word(db: VaultConnection, fts_query: str, token: bytes, average: float | None, limit: int,
              where: tuple[str, list[Any]], rows: tuple[str, tuple[Any, ...]]
              ) -> list[tuple[ReportSummary, float, str]]:
    """search() for one word: bm25's order among the newest candidates, its term frequencies counted on their text.

    FTS5's bm25 first counts every report holding the word (its whole doclist) for the word's weight, which is
    the same for every candidate of a one-word search: the order needs only each candidate's hits (title three
    times, as bm25(reports_fts, 3.0, 1.0) weighs them), its length in tokens (the index's docsize row) and the
    index's average length (``average``; None: the candidates' own). Text comes as UTF-8 bytes, decoded only for
    the hits returned.
    """
    found = db.query(
        f"SELECT reports.id, CAST(reports.title AS BLOB), CAST(report_texts.body AS BLOB), "
        f"(SELECT sz FROM reports_fts_docsize WHERE reports_fts_docsize.id = candidates.rowid) "
        f"FROM (SELECT rowid FROM reports_fts WHERE reports_fts MATCH ? AND {rows[0]} ORDER BY rowid DESC LIMIT ?) "
        f"AS candidates JOIN reports ON reports.id = candidates.rowid "
        f"JOIN report_texts ON report_texts.report_id = candidates.rowid WHERE {where[0]}",
        (fts_query, *rows[1], RECENT_CANDIDATES, *where[1]))
    sizes = [bytes(size) if size is not None else b"" for *_, size in found]
    packed = fts.varints(b"".join(sizes))  # one pass for all: two varints a row (title, body)
    known = [sum(fts.varints(size)) for size in sizes if size]
    if average is None:
        average = max(1.0, sum(known) / len(known)) if known else 1.0
    lengths = ([a + b for a, b in zip(packed[::2], packed[1::2], strict=True)] if len(packed) == 2 * len(found)
               else [sum(fts.varints(size)) if size else average for size in sizes])
    scored = []
    for (report_id, title, body, _), length in zip(found, lengths, strict=True):
        hits = max(1, 3 * fts.token_hits(bytes(title), token) + fts.token_hits(bytes(body), token))  # it matched
        scored.append((fts.bm25_one_token(hits, int(length), average), -int(report_id), bytes(body)))
    scored.sort(key=lambda s: s[:2])
    return _hits(db, scored[:limit])


def _by_frequency(db: VaultConnection, fts_query: str, terms: list[str], limit: int, budget: int,
                  where: tuple[str, list[Any]], rows: tuple[str, tuple[Any, ...]]
                  ) -> list[tuple[ReportSummary, float, str]]:
    """search() for phrases and for a reader from whom anything is hidden: the newest ``budget`` candidates
    ranked by core.search.tf_score, their text read as UTF-8 bytes and decoded only for the hits returned."""
    found = db.query(
        f"SELECT reports.id, reports.title, CAST(report_texts.body AS BLOB), length(report_texts.body) "
        f"FROM (SELECT rowid FROM reports_fts WHERE reports_fts MATCH ? AND {rows[0]} ORDER BY rowid DESC LIMIT ?) "
        f"AS candidates JOIN reports ON reports.id = candidates.rowid "
        f"JOIN report_texts ON report_texts.report_id = candidates.rowid WHERE {where[0]}",
        (fts_query, *rows[1], budget, *where[1]))
    scored = sorted((fts.tf_score_bytes(str(title), bytes(body), int(chars), terms), -int(report_id), bytes(body))
                    for report_id, title, body, chars in found)
    return _hits(db, scored[:limit])


def _hits(db: VaultConnection, best: list[tuple[float, int, bytes]]) -> list[tuple[ReportSummary, float, str]]:
    """(score, -id, UTF-8 body) in rank order as search() returns them, each with its summary."""
    if not best:
        return []
    ids = [-negative for _, negative, _ in best]
    summaries = {s.id: s for s in with_caveats(db, [_summary(r) for r in db.query(
        f"SELECT {_SUMMARY} FROM reports WHERE id IN ({','.join('?' * len(ids))})", ids)])}
    return [(summaries[-negative], score, body.decode("utf-8")) for score, negative, body in best
            if -negative in summaries]


def _average_length(db: VaultConnection) -> float | None:
    """The index's mean report length in tokens, from FTS5's averages record (row 1 of its data table: the row
    count, then each column's total); None when it cannot be read (an empty index)."""
    rows = db.query("SELECT block FROM reports_fts_data WHERE id = 1")
    try:
        row_count, *totals = fts.varints(bytes(rows[0][0]))
    except (IndexError, TypeError, ValueError):
        return None
    return sum(totals) / row_count if row_count and totals else None
