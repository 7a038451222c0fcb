"""A full fusion of more reports than fit in memory at once: segment by segment into a scope's tables.

services/fusion.run_fusion fuses up to core/fusion/segments.SEGMENT
readable reports at once, exactly; above that it comes here. The new
scope is built under a key of its own, a segment per transaction (imports
and readers go on meanwhile, against the kept fusion), and replaces the
kept one in a last short transaction: until then readers see the old
fusion whole, and a process killed midway leaves only the unfinished
scope, dropped when the next full fusion starts. Reports an import fused
into the kept fusion meanwhile are carried into the new one then, as an
import would add them.

Memory holds one segment's texts, extractions and fusion, and the list of
report ids: never the corpus.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass

from nia_desktop.core.clock import iso_utc
from nia_desktop.core.fusion import cache as extraction_cache
from nia_desktop.core.fusion import segments, workers
from nia_desktop.core.fusion.engine import FusionResult, content_only, fuse
from nia_desktop.core.fusion.incremental import TableIndex
from nia_desktop.core.fusion.judgements import Judgement
from nia_desktop.core.fusion.nodes import ReportText
from nia_desktop.core.fusion.watchlist import Matcher, WatchEntry
from nia_desktop.core.gc_pause import release, release_list
from nia_desktop.core.markings import Access
from nia_desktop.core.store import clearances
from nia_desktop.core.store import fusion as store
from nia_desktop.core.store import fusion_state as state
from nia_desktop.services.progress import CancelToken, Progress, no_progress
from nia_desktop.services.session import Session

BUILDING = "\x1ebuilding"  # suffix of the key a fusion is built under until it replaces the kept one
_CHUNK = 5000  # ids bound in one statement
# An e-mail attachment's message, for near-duplicates (0 for any other report).
_MESSAGE = "(SELECT m.id FROM reports m WHERE m.id = r.parent_id AND m.detected_type = 'eml')"


@dataclass(frozen=True)
class Built:
    """What a segmented fusion kept."""

    reports: int
    entities: int
    links: int
    duplicate_groups: int
    segments: int
    extracted_now: int
    carried: int  # reports an import fused into the old fusion during the build, carried into the new one


def readable_ids(session: Session, reader: Access, case_id: int | None) -> array[int]:
    """The ids of the reports ``reader`` may read (one case's, or every one), lowest first, 8 bytes each."""
    clause, params = clearances.readable_sql(session.db, reader, "r")
    if case_id is None:
        sql = f"SELECT r.id FROM reports r WHERE {clause} ORDER BY r.id"  # noqa: S608 - constants
        args = list(params)
    else:
        sql = (f"SELECT r.id FROM case_reports c JOIN reports r ON r.id = c.report_id "  # noqa: S608 - constants
               f"WHERE c.case_id = ? AND {clause} ORDER BY r.id")
        args = [case_id, *params]
    ids: array[int] = array("q")
    cursor = session.db.execute(sql, args)
    while rows := cursor.fetchmany(_CHUNK):
        ids.extend(int(r) for (r,) in rows)
    return ids


def texts_of(session: Session, ids: Sequence[int], reader: Access) -> list[ReportText]:
    """The texts of those of ``ids`` that ``reader`` may read (read again: a report re-marked since is left out)."""
    clause, params = clearances.readable_sql(session.db, reader, "r")
    found: list[ReportText] = []
    for start in range(0, len(ids), _CHUNK):
        chunk = list(ids[start:start + _CHUNK])
        marks = ",".join("?" * len(chunk))
        found.extend(ReportText(int(i), str(title), str(body), int(message or 0)) for i, title, body, message in
                     session.db.query(f"SELECT r.id, r.title, t.body, {_MESSAGE} FROM reports r "  # noqa: S608
                                      f"JOIN report_texts t ON t.report_id = r.id WHERE r.id IN ({marks}) "
                                      f"AND {clause} ORDER BY r.id", (*chunk, *params)))
    return found


def build(session: Session, key: str, ids: Sequence[int], decided: list[Judgement], watch: list[WatchEntry],
          size: int = segments.SEGMENT, progress: Progress = no_progress, cancel: CancelToken | None = None) -> Built:
    """Fuse ``ids`` a segment at a time into a new scope that then replaces the one kept under ``key``; progress
    counts segments, then reports linked. Cancelled (UserCancelled) between segments or batches of links, the kept
    fusion stays as it was. The caller checked the permission and audits."""
    db, reader = session.db, session.access()
    at = iso_utc(session.clock.now())
    version = extraction_cache.version(watch)
    with db.transaction():
        sid = state.begin(db, key + BUILDING, session.name, at, [j.id for j in decided])
    merger = segments.Merger(db, sid, at, decided)
    runs = list(segments.segments(ids, size))
    extracted_now = 0
    with workers.kept() as kept:  # the extraction workers start once, not once a segment
        for number, run in enumerate(runs):
            if cancel is not None:
                cancel.raise_if_cancelled()
            progress(number, len(runs), f"fusing segment {number + 1} of {len(runs)}")
            texts = texts_of(session, run, reader)
            wanted = [t.id for t in texts]
            extracted = {r: extraction_cache.decode(d) for r, d in extractions(session, version, wanted).items()}
            cached = set(extracted)
            result = fuse(texts, decided, watch, extracted, links=False)  # the scope's links come from its tables
            # Stored as the worker sent it (cache.encode there): encoded again here, the same text came out.
            fresh = [(r, kept.pop_encoded(r) or extraction_cache.encode(found)) for r, found in extracted.items()
                     if r not in cached]
            extracted_now += len(fresh)
            unsampled = set(state.unsampled(db, wanted))
            samples = [(t.id, sorted(state.sample(content_only(t)))) for t in texts if t.id in unsampled]
            with db.transaction():
                store.save_extractions(db, version, fresh)
                state.save_samples(db, samples)
                merger.merge(result, texts,
                             lambda some: {t.id: content_only(t) for t in texts_of(session, some, reader)})
            let_go(result)
            release(extracted)
            release_list(texts)
            del fresh, samples
    scoped: array[int] = array("q")
    cursor = db.execute("SELECT report_id FROM fusion_scope_reports WHERE scope_id = ? ORDER BY report_id", (sid,))
    while rows := cursor.fetchmany(_CHUNK):
        scoped.extend(int(r) for (r,) in rows)
    links = 0
    for start in range(0, len(scoped), _CHUNK):  # a transaction per chunk: imports are not held up for long
        if cancel is not None:
            cancel.raise_if_cancelled()
        progress(start, len(scoped), "linking reports")
        with db.transaction():
            links += segments.link_reports(db, sid, scoped[start:start + _CHUNK], len(scoped))
    with db.transaction():
        carried = _carry_imports(session, key, sid, watch, at, decided)
        state.rename(db, sid, key)
        counts = db.query("SELECT (SELECT reports FROM fusion_scopes WHERE id = ?), "
                          "(SELECT count(*) FROM fusion_entities WHERE scope_id = ?), "
                          "(SELECT count(DISTINCT group_id) FROM fusion_duplicates WHERE scope_id = ?)",
                          (sid, sid, sid))[0]
    return Built(int(counts[0]), int(counts[1]), links, int(counts[2]), len(runs), extracted_now, carried)


def let_go(result: FusionResult) -> None:
    """Free a fusion's result a piece at a time: dropped whole, one cascade of deallocations holds the GIL (and
    stalls the desktop's UI thread) for tens of milliseconds at 10,000 reports."""
    for items in (result.entities, result.links, result.duplicates):
        release_list(items)
    release(result.mentions)
    release(result.dates)


def extractions(session: Session, version: str, report_ids: list[int]) -> dict[int, str]:
    """The cached extractions of these reports for ``version`` (those there are)."""
    found: dict[int, str] = {}
    for start in range(0, len(report_ids), _CHUNK):
        found.update(store.extractions_of(session.db, version, report_ids[start:start + _CHUNK]))
    return found


def _carry_imports(session: Session, key: str, sid: int, watch: list[WatchEntry], at: str,
                   decided: list[Judgement]) -> int:
    """Reports the kept fusion gained from imports while this one was built, added to it as an import adds them
    (the caller holds the transaction, so no import adds more meanwhile)."""
    old = state.scope(session.db, key)
    if old is None:
        return 0
    missing = [int(r) for (r,) in session.db.query(
        "SELECT o.report_id FROM fusion_scope_reports o WHERE o.scope_id = ? AND NOT EXISTS "
        "(SELECT 1 FROM fusion_scope_reports n WHERE n.scope_id = ? AND n.report_id = o.report_id) "
        "ORDER BY o.report_id", (old.id, sid))]
    if not missing:
        return 0
    reader = session.access()
    index = TableIndex(session.db, sid, watch, at,
                       load=lambda some: {t.id: content_only(t) for t in texts_of(session, some, reader)},
                       judgements=decided)
    matcher = Matcher(watch)
    from nia_desktop.core.fusion.engine import extract

    texts = texts_of(session, missing, reader)
    for text in texts:
        index.add(text, extract(text, matcher))
    return len(texts)
