"""Extraction on every core: the reports a fusion has not extracted before go to worker processes.

A full fusion of a vault extracts every report once (later fusions reuse
the cached extractions, core/fusion/cache.py). That first pass is most of
the work and pure Python, so it runs in one worker process per core
(core/fusion/worker.py), each fed batches of about BATCH_CHARS characters
by a thread of its own; the threads wait on pipes, which frees the GIL for
the caller (the desktop's UI thread among them). Small jobs stay in-process,
where a worker's start (loading its dictionaries, about half a second) would
not pay. A worker that fails has its batch extracted in-process instead, so
a fusion never depends on one.

A fusion in segments (services/fusion_segmented.py) keeps its workers
between segments (``kept()``): each starts once, not once a segment (a
start loads the dictionaries and pykakasi's, a few seconds of a core), and
the encoded extraction each sent is kept for the caller to store as it came.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import cast

from nia_desktop.core.fusion import cache
from nia_desktop.core.fusion.nodes import Found, ReportText
from nia_desktop.core.fusion.watchlist import WatchEntry

MIN_REPORTS = 300  # fewer reports to extract than this: in-process
BATCH_CHARS = 100_000  # a batch's answer is one json.loads holding the GIL: kept to a few ms for the UI
MAX_WORKERS = 8
ENV_WORKERS = "NIA_FUSION_WORKERS"  # 0 or 1: extract in-process; N: at most N workers


def worker_count() -> int:
    """One worker per core this process may use, at most MAX_WORKERS; NIA_FUSION_WORKERS overrides."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not Linux
        cores = os.cpu_count() or 1
    wanted = os.environ.get(ENV_WORKERS, "").strip()
    if wanted.isdigit():
        return min(int(wanted), MAX_WORKERS)
    return min(cores, MAX_WORKERS)


def _command() -> list[str]:
    if getattr(sys, "frozen", False):  # a PyInstaller build: its own binary runs the worker
        from nia_desktop.core.fusion.worker import FROZEN_FLAG

        return [sys.executable, FROZEN_FLAG]
    return [sys.executable, "-m", "nia_desktop.core.fusion.worker"]


def _batches(reports: list[ReportText]) -> list[list[ReportText]]:
    batches: list[list[ReportText]] = [[]]
    size = 0
    for report in reports:
        if size >= BATCH_CHARS:
            batches.append([])
            size = 0
        batches[-1].append(report)
        size += len(report.title) + len(report.text)
    return [b for b in batches if b]


class Kept:
    """Worker processes idle between two fusions of one ``kept()`` block, and the encoded extractions they sent."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.users = 0
        self.idle: list[_Worker] = []
        self.encoded: dict[int, str] = {}  # report id -> cache.encode of its extraction, as a worker sent it

    def take(self, watch: list[WatchEntry], text_only: bool = False) -> _Worker | None:
        wanted = _watch_json(watch, text_only)
        with self.lock:
            for n, process in enumerate(self.idle):
                if process.watch == wanted:
                    return self.idle.pop(n)
        return None

    def give_back(self, process: _Worker) -> bool:
        """Keep ``process`` for the next fusion; False when no ``kept()`` block is open (the caller closes it)."""
        with self.lock:
            if self.users > 0 and process.proc.poll() is None:
                self.idle.append(process)
                return True
        return False

    def remember(self, encoded: dict[int, str]) -> None:
        with self.lock:
            if self.users > 0:
                self.encoded.update(encoded)

    def pop_encoded(self, report_id: int) -> str | None:
        with self.lock:
            return self.encoded.pop(report_id, None)


KEPT = Kept()


@contextlib.contextmanager
def kept() -> Iterator[Kept]:
    """Worker processes started inside this block stay until it ends, for the next extraction to use."""
    with KEPT.lock:
        KEPT.users += 1
    try:
        yield KEPT
    finally:
        with KEPT.lock:
            KEPT.users -= 1
            closing, KEPT.idle = (KEPT.idle, []) if KEPT.users == 0 else ([], KEPT.idle)
            if KEPT.users == 0:
                KEPT.encoded = {}
        for process in closing:
            process.close()


def _watch_json(watch: list[WatchEntry], text_only: bool) -> str:
    return "text only" if text_only else json.dumps([e.to_json() for e in watch], sort_keys=True)


def extract_all(reports: list[ReportText], watch: list[WatchEntry],
                extract_here: Callable[[ReportText], list[Found]]) -> dict[int, list[Found]]:
    """Every report's extraction by id: in worker processes when there are enough reports and cores.

    ``extract_here`` extracts one report in this process: for small jobs, one core, or a failed worker.
    """
    workers = min(worker_count(), len(reports) // 100 + 1)
    if len(reports) < MIN_REPORTS or workers < 2:
        return {r.id: extract_here(r) for r in reports}
    todo: queue.Queue[list[ReportText]] = queue.Queue()
    for batch in _batches(reports):
        todo.put(batch)
    results: dict[int, list[Found]] = {}
    lock = threading.Lock()
    failures: list[BaseException] = []

    def drive() -> None:
        process: _Worker | None = KEPT.take(watch)
        if process is None:
            try:
                process = _Worker(watch)
            except (OSError, _WorkerFailed) as exc:
                failures.append(exc)
        try:
            while True:
                try:
                    batch = todo.get_nowait()
                except queue.Empty:
                    return
                found: dict[int, list[Found]] | None = None
                if process is not None:
                    try:
                        found = process.extract(batch)
                    except (OSError, _WorkerFailed) as exc:
                        failures.append(exc)
                        process.close()
                        process = None
                if found is None:
                    found = {r.id: extract_here(r) for r in batch}
                with lock:
                    results.update(found)
        finally:
            if process is not None and not KEPT.give_back(process):
                process.close()

    threads = [threading.Thread(target=drive, name=f"fusion-worker-{n}", daemon=True) for n in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    missing = [r for r in reports if r.id not in results]  # only if a thread itself died
    results.update({r.id: extract_here(r) for r in missing})
    return results


def text_only(contents: Iterable[tuple[int, str, bool]], count: int) -> tuple[list[list[int]], dict[int, list[str]]]:
    """Near-duplicate groups and content dates (engine.text_findings) found by a worker process, for ``count``
    reports' contents streamed to it in batches, (report id, content, compared for near-duplicates) each;
    raises WorkerFailed when no worker can: the caller finds them in-process instead."""
    if count < MIN_REPORTS or worker_count() < 2:
        raise WorkerFailed("too few reports or cores for a worker")
    idle = KEPT.take([], text_only=True)
    process = cast("_TextWorker", idle) if idle is not None else _TextWorker()  # kept as "text only": one
    healthy = False
    try:
        found = process.text_only(contents)
        healthy = True
        return found
    finally:
        if not (healthy and KEPT.give_back(process)):
            process.close()


class _WorkerFailed(Exception):
    """The worker answered with something other than the extraction asked for, or not at all."""


WorkerFailed = _WorkerFailed


class _Worker:
    def __init__(self, watch: list[WatchEntry], text_only: bool = False) -> None:
        from nia_desktop.core.ingest.wire import WireError, read_frame, write_frame

        self._read, self._write, self._wire_error = read_frame, write_frame, WireError
        self.watch = _watch_json(watch, text_only)
        self.proc = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            _command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, close_fds=True)
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.stdin, self.stdout = self.proc.stdin, self.proc.stdout
        try:
            self._write(self.stdin, {"text_only": True} if text_only else {"watch": [e.to_json() for e in watch]}, [])
            header, _ = self._read(self.stdout)
        except (OSError, WireError, EOFError) as exc:
            self.close()
            raise _WorkerFailed(f"fusion worker did not start: {exc}") from exc
        if header.get("ready") is not True:
            self.close()
            raise _WorkerFailed("fusion worker did not start")

    def extract(self, batch: list[ReportText]) -> dict[int, list[Found]]:
        try:
            self._write(self.stdin, {"reports": [[r.id, r.title, r.text] for r in batch]}, [])
            header, _ = self._read(self.stdout)
        except (OSError, self._wire_error, EOFError) as exc:
            raise _WorkerFailed(f"fusion worker failed: {exc}") from exc
        found = header.get("found")
        wanted = {str(r.id) for r in batch}
        if not isinstance(found, dict) or set(found) != wanted:
            raise _WorkerFailed("fusion worker answered for other reports")
        try:
            decoded = {int(k): cache.decode(v) for k, v in found.items()}
        except (ValueError, TypeError, KeyError) as exc:
            raise _WorkerFailed(f"fusion worker sent a malformed extraction: {exc}") from exc
        KEPT.remember({int(k): v for k, v in found.items()})
        return decoded

    def close(self) -> None:
        for stream in (self.stdin, self.stdout):
            with contextlib.suppress(OSError):
                stream.close()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


class _TextWorker(_Worker):
    """A worker finding near-duplicates and dates: it loads no dictionaries."""

    def __init__(self) -> None:
        super().__init__([], text_only=True)

    def text_only(self, contents: Iterable[tuple[int, str, bool]]) -> tuple[list[list[int]], dict[int, list[str]]]:
        batch: list[tuple[int, str, bool]] = []
        size = 0
        sent: list[int] = []
        try:
            for item in contents:
                batch.append(item)
                sent.append(item[0])
                size += len(item[1])
                if size >= BATCH_CHARS:
                    self._write(self.stdin, {"contents": batch}, [])
                    batch, size = [], 0
            self._write(self.stdin, {"contents": batch}, [])
            self._write(self.stdin, {"done": True}, [])
            header, _ = self._read(self.stdout)
        except (OSError, self._wire_error, EOFError) as exc:
            raise _WorkerFailed(f"fusion worker failed: {exc}") from exc
        try:
            duplicates = [[int(r) for r in group] for group in header["duplicates"]]
            dates = {int(r): [str(d) for d in found] for r, found in header["dates"]}
        except (ValueError, TypeError, KeyError) as exc:
            raise _WorkerFailed(f"fusion worker sent malformed findings: {exc}") from exc
        known = set(sent)
        if list(dates) != sent or not all(r in known for group in duplicates for r in group):
            raise _WorkerFailed("fusion worker answered for other reports")
        return duplicates, dates
