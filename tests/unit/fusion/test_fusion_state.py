"""Fusion state in tables: a full result round-trips, imports on tables match imports in memory, and adding one
report to a fused vault reads and writes about as much at 2,000 reports as at 200."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from nia_desktop.core.classification import Level
from nia_desktop.core.fusion.engine import FusionResult, content_only, fuse
from nia_desktop.core.fusion.incremental import FusionIndex, TableIndex
from nia_desktop.core.fusion.nodes import ReportText
from nia_desktop.core.store import fusion_state as state
from nia_desktop.core.store import reports as store
from nia_desktop.core.vault.connection import VaultConnection
from nia_desktop.services.session import unlock
from tests.bench.corpus import synthetic
from tests.conftest import ANALYST, ANALYST_PASS
from tests.unit.fusion.test_incremental import NEW, REPORTS

AGENCIES = ("CIRO", "MOFA", "DIH", "NPA")


@pytest.fixture
def db(vault_dir: Path) -> Iterator[VaultConnection]:
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        yield session.db


def insert(db: VaultConnection, texts: list[tuple[str, str]], first: int = 0) -> list[ReportText]:
    """Reports in the vault (agencies in turn), returned as fusion reads them."""
    made = []
    with db.transaction():
        for n, (title, body) in enumerate(texts, start=first):
            report_id = store.insert(db, store.NewReport(
                sha256=f"{n:064x}", title=title, body=body, agency=AGENCIES[n % 4], classification=Level.SECRET,
                classification_stated=True, reliability="B", credibility="2", language="en", report_date="2026-03-01",
                detected_type="text", encoding="utf-8", original_name=f"{n}.txt", path=f"/m/{n}.txt", inner_path="",
                size=len(body), volume_label="m", volume_path="/m", imported_by=ANALYST,
                imported_at="2026-03-01T00:00:00Z", import_id=0, parent_id=None, fields={}, structured=None),
                body.encode())
            made.append(ReportText(report_id, title, body))
    return made


def written(db: VaultConnection, key: str, reports: list[ReportText], result: FusionResult) -> int:
    with db.transaction():
        state.save_samples(db, [(r.id, sorted(state.sample(content_only(r)))) for r in reports])
        return state.replace(db, key, ANALYST, "2026-03-02T00:00:00Z", result, [r.id for r in reports])


def shape(result: FusionResult, nodes: bool = True) -> dict[str, Any]:
    """What two results must agree on (mention keys are not stored: their surfaces and offsets are)."""
    return {
        "entities": [(e.id, e.kind, e.name, sorted(e.aliases), sorted(e.reports), e.mentions,
                      sorted(e.nodes) if nodes else [], e.merges) for e in sorted(result.entities, key=lambda e: e.id)],
        "links": sorted((x["a"], x["b"], round(float(x["weight"]), 3), list(x["entities"])) for x in result.links),
        "duplicates": sorted(sorted(g) for g in result.duplicates),
        "dates": {r: d for r, d in result.dates.items() if d},
        "mentions": {r: sorted((m.surface, m.start, m.end, m.kind, e) for m, e in ms)
                     for r, ms in result.mentions.items() if ms},
    }


def corpus(count: int, seed: int = 7) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    return [(f"contact {i}", synthetic(i, rng)) for i in range(count)]


def test_a_full_result_round_trips_through_the_tables(db: VaultConnection) -> None:
    reports = insert(db, [(r.title, r.text) for r in REPORTS] + corpus(40))
    result = fuse(reports)
    sid = written(db, "\x1ereader", reports, result)
    assert shape(state.reconstruct(db, sid)) == shape(result)
    biggest = max(result.entities, key=lambda e: len(e.reports))
    row = db.query("SELECT report_count, agency_count FROM fusion_entities WHERE scope_id = ? AND id = ?",
                   (sid, biggest.id))[0]
    agencies = {AGENCIES[(r - reports[0].id) % 4] for r in biggest.reports}
    assert (row[0], row[1]) == (len(biggest.reports), len(agencies))
    one = state.entity(db, sid, biggest.id)
    assert one is not None and one.reports == sorted(biggest.reports) and sorted(one.nodes) == sorted(biggest.nodes)
    report = biggest.reports[0]
    assert biggest.id in state.report_entities(db, sid, report)
    assert {(x["a"], x["b"]) for x in state.report_links(db, sid, report)} == {
        (x["a"], x["b"]) for x in result.links if report in (x["a"], x["b"])}
    again = written(db, "\x1ereader", reports[:3], fuse(reports[:3]))  # replaced whole
    assert len(state.reconstruct(db, again).entities) == len(fuse(reports[:3]).entities)
    assert db.query("SELECT count(*) FROM fusion_scopes")[0][0] == 1


def test_imports_on_tables_match_imports_in_memory(db: VaultConnection) -> None:
    reports = insert(db, [(r.title, r.text) for r in REPORTS] + corpus(30))
    added = insert(db, [(NEW.title, NEW.text), *corpus(12, seed=11)], first=len(reports))
    before = fuse(reports)
    sid = written(db, "\x1ereader", reports, before)
    memory = FusionIndex(fuse(reports), {r.id: content_only(r) for r in reports})
    with db.transaction():
        tables = TableIndex(db, sid, at="2026-03-03T00:00:00Z")
        for report in added:
            mine, theirs = tables.add(report), memory.add(report)
            assert (mine.entities, mine.new_entities, mine.links, mine.duplicate_of) == \
                (theirs.entities, theirs.new_entities, theirs.links, theirs.duplicate_of)
    got = state.reconstruct(db, sid)
    assert shape(got, nodes=False) == shape(memory.result, nodes=False)
    assert added[0].id in next(g for g in got.duplicates if reports[0].id in g)  # NEW re-sends report 1
    assert db.query("SELECT reports FROM fusion_scopes WHERE id = ?", (sid,))[0][0] == len(reports) + len(added)
    count, _ = state.pending(db, sid)
    assert count == len(memory.pending)


def _work(db: VaultConnection, sid: int, report: ReportText) -> tuple[int, int, int]:
    """(rows written, statements run, SQLite VM steps in thousands) to add one report."""
    raw = db.raw
    statements = [0]
    steps = [0]

    def counted(_: str) -> None:
        statements[0] += 1

    def step() -> int:
        steps[0] += 1
        return 0

    before = raw.total_changes
    raw.set_trace_callback(counted)
    raw.set_progress_handler(step, 1000)
    try:
        with db.transaction():
            TableIndex(db, sid).add(report)
    finally:
        raw.set_trace_callback(None)
        raw.set_progress_handler(None, 0)
    return raw.total_changes - before, statements[0], steps[0]


def test_an_import_touches_about_as_much_at_2000_reports_as_at_200(vault_dir: Path, tmp_path: Path) -> None:
    new = ("contact new", synthetic(99_999, random.Random(5)))
    work = []
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        for size in (200, 2000):
            key = f"\x1e{size}"
            reports = insert(session.db, corpus(size, seed=size), first=10 * size)
            sid = written(session.db, key, reports, fuse(reports))
            (report,) = insert(session.db, [new], first=10 * size + size + 1)
            work.append(_work(session.db, sid, report))
    (small_rows, small_statements, small_steps), (big_rows, big_statements, big_steps) = work
    assert small_rows > 0 and small_statements > 0
    # The bigger vault has ten times the reports: its entities have more reports (common names), so a little
    # more is read, but nothing grows with the vault's size.
    assert big_rows <= 2 * small_rows + 20, work
    assert big_statements <= 2 * small_statements + 50, work
    assert big_steps <= 3 * small_steps + 20, work


def test_a_scope_without_samples_finds_resends_among_reports_sharing_entities(db: VaultConnection) -> None:
    """A scope converted from a kept run (schema v14) has no samples: candidates are read and sampled once."""
    reports = insert(db, [(r.title, r.text) for r in REPORTS])
    (new,) = insert(db, [(NEW.title, NEW.text)], first=len(reports))
    read: list[list[int]] = []

    def load(ids: list[int]) -> dict[int, str]:
        read.append(sorted(ids))
        return {r.id: content_only(r) for r in reports if r.id in ids}

    with db.transaction():
        sid = state.replace(db, "\x1ereader", ANALYST, "2026-03-02T00:00:00Z", fuse(reports),
                            [r.id for r in reports], complete=False)
        update = TableIndex(db, sid, load=load).add(new)
    assert update.duplicate_of == [reports[0].id] and read == [[reports[0].id, reports[1].id]]
    assert state.duplicate_group(db, sid, new.id) == [reports[0].id, new.id]
    assert state.unsampled(db, [r.id for r in reports]) == [reports[2].id]  # sampled once, kept for next time
