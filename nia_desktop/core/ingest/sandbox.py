"""A pool of long-lived parser processes, one per core, each confined (see child.py).

Starting Python per file would cap imports at a few dozen files a second, so
children are reused and recycled after a failure or a number of files. Each
request has a wall-clock timeout; on expiry the child's whole process group is
killed with SIGKILL and reaped, so no zombie is left, and the file is refused
with the reason. The child gets only the file's bytes and its name.
"""

from __future__ import annotations

import contextlib
import os
import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from nia_desktop.core.ingest import wire
from nia_desktop.core.ingest.limits import Limits

RECYCLE_AFTER = 5000
# A child is also replaced after this many bytes of input, so no leak in a parser library can
# grow the pool's memory without bound while importing a gibibyte.
RECYCLE_BYTES = 64 * 1024 * 1024


@dataclass
class ParseResult:
    ok: bool
    documents: list[dict[str, Any]] = field(default_factory=list)
    blobs: list[bytes] = field(default_factory=list)
    reason: str = ""
    detected_type: str = ""


def child_command(limits: Limits) -> list[str]:
    settings = [f"{k}={int(v)}" for k, v in limits.to_json().items()]
    if getattr(sys, "frozen", False):  # a PyInstaller build: its own binary runs the child (core/ingest/child.py)
        return [sys.executable, "--parser-child", *settings]
    return [sys.executable, "-m", "nia_desktop.core.ingest.child", *settings]


class ParserProcess:
    """One confined child and the request/response exchange with it."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.served = 0
        self.bytes_served = 0
        env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": os.pathsep.join(p for p in sys.path if p),
               "PYTHONDONTWRITEBYTECODE": "1", "LANG": "C.UTF-8"}
        self.proc = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            child_command(limits), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            start_new_session=True, close_fds=True, env=env)

    def _exchange(self, header: dict[str, Any], blobs: list[bytes], served: int
                  ) -> tuple[dict[str, Any], list[bytes]] | ParseResult:
        """Send one frame and wait for the answer within the timeout; a failure becomes a ParseResult."""
        box: dict[str, Any] = {}

        def exchange() -> None:
            try:
                assert self.proc.stdin is not None and self.proc.stdout is not None
                wire.write_frame(self.proc.stdin, {"limits": self.limits.to_json(), **header}, blobs)
                box["frame"] = wire.read_frame(self.proc.stdout, max_total=self.limits.zip_max_total_bytes * 2)
            except (wire.WireError, OSError, ValueError) as exc:
                box["error"] = exc

        worker = threading.Thread(target=exchange, daemon=True)
        worker.start()
        worker.join(self.limits.parse_timeout_seconds)
        self.served += served
        self.bytes_served += sum(len(b) for b in blobs)
        if worker.is_alive():
            self.kill()
            worker.join(5)
            return ParseResult(False, reason=f"the parser took longer than {self.limits.parse_timeout_seconds:g} s "
                                             "and was stopped")
        if "frame" not in box:
            return ParseResult(False, reason=_crash_reason(self.kill()))
        frame: tuple[dict[str, Any], list[bytes]] = box["frame"]
        return frame

    def request(self, data: bytes, name: str, extra: dict[str, Any] | None = None) -> ParseResult:
        answer = self._exchange({"name": name, **(extra or {})}, [data], 1)
        if isinstance(answer, ParseResult):
            return answer
        header, blobs = answer
        result = _result(header, blobs)
        if result is None:
            self.kill()
            return ParseResult(False, reason="the parser sent a malformed answer")
        return result

    def request_batch(self, files: list[tuple[bytes, str]], extra: dict[str, Any] | None = None
                      ) -> list[ParseResult] | None:
        """Several files in one round trip; None when the batch failed as a whole (then retry one by one)."""
        answer = self._exchange({"batch": [name for _, name in files], **(extra or {})},
                                [data for data, _ in files], len(files))
        if isinstance(answer, ParseResult):
            return None
        header, blobs = answer
        answers = header.get("batch")
        if not isinstance(answers, list) or len(answers) != len(files):
            self.kill()
            return None
        results, cursor = [], 0
        for item in answers:
            count = item.get("blobs") if isinstance(item, dict) else None
            if type(count) is not int or count < 0 or cursor + count > len(blobs):
                self.kill()
                return None
            result = _result(item, blobs[cursor:cursor + count])
            if result is None:
                self.kill()
                return None
            results.append(result)
            cursor += count
        return results

    @property
    def worn_out(self) -> bool:
        return self.served >= RECYCLE_AFTER or self.bytes_served >= RECYCLE_BYTES

    @property
    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill(self) -> int | None:
        """SIGKILL the child's whole process group and reap it. Returns its exit status."""
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        for stream in (self.proc.stdin, self.proc.stdout):
            with contextlib.suppress(OSError):
                if stream is not None:
                    stream.close()
        return self.proc.wait()

    def close(self) -> None:
        """A child keeps nothing worth a clean exit, and waiting for one cost about 0.1 s per child."""
        self.kill()


def _result(header: dict[str, Any], blobs: list[bytes]) -> ParseResult | None:
    """One file's answer as a ParseResult; None when it is malformed."""
    if header.get("ok") is True:
        documents = header.get("documents")
        if not isinstance(documents, list) or len(documents) != len(blobs):
            return None
        return ParseResult(True, documents=documents, blobs=blobs, detected_type=str(header.get("type", "")))
    return ParseResult(False, reason=str(header.get("reason", "refused by the parser"))[:500])


def _crash_reason(code: int | None) -> str:
    if code is not None and code < 0:
        number = -code
        if number == signal.SIGXCPU:
            return "the parser used up its CPU time limit"
        if number in (signal.SIGSEGV, signal.SIGBUS, signal.SIGABRT):
            return f"the parser crashed ({signal.Signals(number).name})"
        return f"the parser was killed ({signal.Signals(number).name})"
    return "the parser stopped unexpectedly"


class SandboxPool:
    """Thread-safe: each call takes a free child, replacing it after a failure, RECYCLE_AFTER files
    or RECYCLE_BYTES of input."""

    def __init__(self, limits: Limits | None = None, size: int | None = None) -> None:
        self.limits = limits or Limits()
        self.size = size or max(1, os.cpu_count() or 1)
        self._free: queue.Queue[ParserProcess] = queue.Queue()
        self._all: list[ParserProcess] = []
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(self.size):
            self._free.put(self._spawn())

    def _spawn(self) -> ParserProcess:
        process = ParserProcess(self.limits)
        with self._lock:
            self._all.append(process)
        return process

    @contextmanager
    def _child(self) -> Iterator[list[ParserProcess]]:
        """Lend a free child; afterwards replace it if it failed (the caller empties the list), died or is worn out."""
        process = self._free.get()
        holder = [process]
        try:
            yield holder
        finally:
            if not holder or not process.alive or process.worn_out:
                process.close()
                with self._lock:
                    if process in self._all:
                        self._all.remove(process)
                if not self._closed:
                    process = self._spawn()
            self._free.put(process)

    def parse(self, data: bytes, name: str, extra: dict[str, Any] | None = None) -> ParseResult:
        with self._child() as holder:
            result = holder[0].request(data, name, extra)
        return result

    def parse_batch(self, files: list[tuple[bytes, str]], extra: dict[str, Any] | None = None) -> list[ParseResult]:
        """Parse small files in one round trip; if the batch fails, each file is retried alone,
        so a hang or crash still refuses only the file that caused it."""
        if len(files) == 1:
            return [self.parse(*files[0])]
        with self._child() as holder:
            results = holder[0].request_batch(files, extra)
            if results is None:
                holder.clear()
        if results is None:
            results = [self.parse(data, name) for data, name in files]
        return results

    def close(self) -> None:
        self._closed = True
        with self._lock:
            processes = list(self._all)
            self._all.clear()
        for process in processes:
            process.close()

    def __enter__(self) -> SandboxPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
