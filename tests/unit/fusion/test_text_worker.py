"""Near-duplicates and dates found by a worker process: the same as in-process, and nothing lost when it fails."""

from __future__ import annotations

import sys

import pytest

from nia_desktop.core.fusion import engine, workers
from nia_desktop.core.fusion.nodes import ReportText

STORY = ("The tanker Azure Petrel left Nakhodka on 12 March 2026 with {n} tonnes of diesel declared for Busan. "
         "Port records show it anchored off Tsushima for two days before it reached any port at all. "
         "Harbour Crest Logistics Ltd. chartered it through an office in Vladivostok, paying in three parts. ")


def _reports() -> list[ReportText]:
    reports = []
    for n in range(1, workers.MIN_REPORTS + 41):
        if n % 5 == 0:  # one story re-sent under new headers; at n % 10 == 5, an attachment (never compared)
            text = STORY.format(n=n - 1) * 2
        else:
            text = f"Report {n} on 2026年4月{n % 28 + 1}日: " + " ".join(f"word{n}x{i}" for i in range(60))
        message = n - 1 if n % 10 == 5 else 0
        reports.append(ReportText(n, f"Report {n}", f"REPORT NO: R-{n}\nDATE: 2026-05-01\n\n{text}", message))
    return reports


def _contents(reports: list[ReportText]) -> engine._Contents:
    headers = {r.id: engine.report_content(r)[1] for r in reports}
    return engine._Contents(reports, headers, {r.id: r.message for r in reports if r.message})


def test_the_text_worker_finds_what_this_process_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    reports = _reports()
    here = engine.text_findings(_contents(reports))
    assert here[0] and any(here[1].values())  # near-duplicates and dates to find
    assert not any(5 in group for group in here[0])  # the attachment is its message's, not a copy
    monkeypatch.setenv(workers.ENV_WORKERS, "2")
    started: list[object] = []
    real = workers._TextWorker
    monkeypatch.setattr(workers, "_TextWorker", lambda: started.append(1) or real())
    assert workers.text_only(_contents(reports), len(reports)) == here
    assert started  # a worker process found them
    monkeypatch.setattr(workers, "_TextWorker", lambda: pytest.fail("a worker started for a small job"))
    with pytest.raises(workers.WorkerFailed):
        workers.text_only(_contents(reports[:10]), 10)


def test_a_kept_text_worker_answers_one_job_after_another(monkeypatch: pytest.MonkeyPatch) -> None:
    """In a kept() block (a fusion in segments) one text worker serves every segment, each answer its own."""
    reports = _reports()
    parts = [reports[:-30], reports[30:]]  # each large enough for a worker
    here = [engine.text_findings(_contents(part)) for part in parts]
    monkeypatch.setenv(workers.ENV_WORKERS, "2")
    started: list[workers._TextWorker] = []
    real = workers._TextWorker

    def start() -> workers._TextWorker:
        started.append(real())
        return started[-1]

    monkeypatch.setattr(workers, "_TextWorker", start)
    with workers.kept():
        assert [workers.text_only(_contents(part), len(part)) for part in parts] == here
        assert len(started) == 1 and started[0].proc.poll() is None
    assert started[0].proc.poll() is not None


@pytest.mark.parametrize("worker_code", [
    "import sys; sys.exit(3)",  # dies at once
    # starts, fails every extraction, reads every content, then answers for a report it was not sent
    "import sys; from nia_desktop.core.ingest import wire\n"
    "wire.read_frame(sys.stdin.buffer); wire.write_frame(sys.stdout.buffer, {'ready': True}, [])\n"
    "while True:\n"
    "    h = wire.read_frame(sys.stdin.buffer)[0]\n"
    "    if 'reports' in h: wire.write_frame(sys.stdout.buffer, {'found': {}}, [])\n"
    "    if h.get('done'):\n"
    "        wire.write_frame(sys.stdout.buffer, {'duplicates': [[999999, 1]], 'dates': []}, []); break",
])
def test_a_failing_text_worker_costs_nothing_but_time(monkeypatch: pytest.MonkeyPatch, worker_code: str) -> None:
    reports = _reports()
    monkeypatch.setenv(workers.ENV_WORKERS, "0")
    expected = engine.fuse(reports).to_json()
    monkeypatch.setenv(workers.ENV_WORKERS, "2")
    monkeypatch.setattr(workers, "_command", lambda: [sys.executable, "-c", worker_code])
    assert engine.fuse(reports).to_json() == expected
