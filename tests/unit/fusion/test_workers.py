"""Extraction in worker processes: the same result as in-process, and a failing worker costs nothing but time."""

from __future__ import annotations

import sys

import pytest

from nia_desktop.core.fusion import workers
from nia_desktop.core.fusion.engine import extract, fuse
from nia_desktop.core.fusion.model import Kind
from nia_desktop.core.fusion.nodes import ReportText
from nia_desktop.core.fusion.watchlist import Matcher, WatchEntry

WATCH = [WatchEntry(1, Kind.ORGANIZATION, "Harbour Crest", ("Harbour Crest", "港冠物流"))]


def _reports(count: int) -> list[ReportText]:
    texts = [
        "NAGASE Ren, a doctoral student at the Minami Institute, met Konstantin YEGOROV (visit {n}). YEGOROV called "
        "from +81-80-4127-3365 and wrote to ops{n}@mail.example.",
        "永瀬蓮（ながせ・れん）は{n}日、港冠物流の担当者とロシア大使館で面会した。連絡先は090-7342-1186。",
        "Harbour Crest Logistics Ltd. chartered a tanker in Nakhodka; payment came from 203.0.113.{m} (case {n}).",
    ]
    return [ReportText(n, f"Report {n}", texts[n % 3].format(n=n, m=n % 250)) for n in range(1, count + 1)]


def _summary(reports: list[ReportText]) -> list[tuple[str, str, tuple[str, ...], tuple[int, ...]]]:
    result = fuse(reports, watch=WATCH)
    return sorted((e.kind.value, e.name, tuple(e.aliases), tuple(e.reports)) for e in result.entities)


def test_workers_find_what_one_process_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    reports = _reports(workers.MIN_REPORTS + 60)
    monkeypatch.setenv(workers.ENV_WORKERS, "0")
    here = _summary(reports)
    monkeypatch.setenv(workers.ENV_WORKERS, "2")
    spawned: list[object] = []
    real = workers._Worker
    monkeypatch.setattr(workers, "_Worker", lambda watch: spawned.append(watch) or real(watch))
    assert _summary(reports) == here
    assert len(spawned) == 2  # both workers really ran


def test_a_small_job_stays_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(workers.ENV_WORKERS, "4")
    monkeypatch.setattr(workers, "_Worker", lambda watch: pytest.fail("a worker started for ten reports"))
    matcher = Matcher(WATCH)
    found = workers.extract_all(_reports(10), WATCH, lambda r: extract(r, matcher))
    assert sorted(found) == list(range(1, 11))


@pytest.mark.parametrize("worker_code", [
    "import sys; sys.exit(3)",  # dies at once
    # starts, then answers for a report it was not asked about
    "import sys; from nia_desktop.core.ingest import wire\n"
    "wire.read_frame(sys.stdin.buffer); wire.write_frame(sys.stdout.buffer, {'ready': True}, [])\n"
    "wire.read_frame(sys.stdin.buffer); wire.write_frame(sys.stdout.buffer, {'found': {'999999': '[]'}}, [])",
    # starts, then sends an extraction that is not one
    "import sys; from nia_desktop.core.ingest import wire\n"
    "wire.read_frame(sys.stdin.buffer); wire.write_frame(sys.stdout.buffer, {'ready': True}, [])\n"
    "h, _ = wire.read_frame(sys.stdin.buffer)\n"
    "wire.write_frame(sys.stdout.buffer, {'found': {str(r[0]): '[[1]]' for r in h['reports']}}, [])",
])
def test_a_failing_worker_is_replaced_by_in_process_extraction(monkeypatch: pytest.MonkeyPatch,
                                                               worker_code: str) -> None:
    reports = _reports(workers.MIN_REPORTS + 10)
    matcher = Matcher(WATCH)
    expected = {r.id: extract(r, matcher) for r in reports}
    monkeypatch.setenv(workers.ENV_WORKERS, "2")
    monkeypatch.setattr(workers, "_command", lambda: [sys.executable, "-c", worker_code])
    assert workers.extract_all(reports, WATCH, lambda r: extract(r, matcher)) == expected


@pytest.mark.parametrize("entry", ["nia_desktop.cli.main", "nia_desktop.app"])
def test_the_apps_own_entry_points_run_a_worker(monkeypatch: pytest.MonkeyPatch, entry: str) -> None:
    """A frozen build starts its own binary with --fusion-worker: both entry points must hand over to the worker."""
    reports = _reports(workers.MIN_REPORTS + 10)
    matcher = Matcher(WATCH)
    expected = {r.id: extract(r, matcher) for r in reports}
    monkeypatch.setenv(workers.ENV_WORKERS, "2")
    code = f"import sys; from {entry} import main; sys.exit(main(['--fusion-worker']))"
    monkeypatch.setattr(workers, "_command", lambda: [sys.executable, "-c", code])
    failed = []
    real = workers._Worker.extract

    def watched(self: workers._Worker, batch: list[ReportText]) -> object:
        try:
            return real(self, batch)
        except workers._WorkerFailed as exc:
            failed.append(exc)
            raise

    monkeypatch.setattr(workers._Worker, "extract", watched)
    assert workers.extract_all(reports, WATCH, lambda r: extract(r, matcher)) == expected
    assert not failed


def test_kept_workers_start_once_and_hand_back_what_they_sent(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fusion in segments keeps its workers: two extractions in one kept() block start two processes, not four;
    each report's extraction as sent is cache.encode of what this process finds; the block closes them."""
    from nia_desktop.core.fusion import cache

    reports = _reports(2 * workers.MIN_REPORTS + 40)
    first, second = reports[:len(reports) // 2], reports[len(reports) // 2:]
    matcher = Matcher(WATCH)
    expected = {r.id: extract(r, matcher) for r in reports}
    monkeypatch.setenv(workers.ENV_WORKERS, "2")
    spawned: list[workers._Worker] = []
    real = workers._Worker

    def start(watch: list[WatchEntry]) -> workers._Worker:
        spawned.append(real(watch))
        return spawned[-1]

    monkeypatch.setattr(workers, "_Worker", start)
    with workers.kept() as kept:
        assert workers.extract_all(first, WATCH, lambda r: extract(r, matcher)) == {r.id: expected[r.id]
                                                                                    for r in first}
        assert len(spawned) == 2 and all(p.proc.poll() is None for p in spawned)  # idle, kept
        assert workers.extract_all(second, WATCH, lambda r: extract(r, matcher)) == {r.id: expected[r.id]
                                                                                     for r in second}
        assert len(spawned) == 2
        assert {r.id: kept.pop_encoded(r.id) for r in reports} == {r.id: cache.encode(expected[r.id])
                                                                   for r in reports}
        # Another watchlist is another worker's: an idle one is not handed to it.
        other = [WatchEntry(2, Kind.PERSON, "Sato Ichiro", ())]
        workers.extract_all(first, other, lambda r: extract(r, Matcher(other)))
        assert len(spawned) == 4
    assert all(p.proc.poll() is not None for p in spawned)  # the block ended: every worker stopped
    assert not workers.KEPT.idle and not workers.KEPT.encoded
    workers.extract_all(first, WATCH, lambda r: extract(r, matcher))  # outside a block: nothing kept
    assert len(spawned) == 6 and all(p.proc.poll() is not None for p in spawned)
    assert not workers.KEPT.encoded
