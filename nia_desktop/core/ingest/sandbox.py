"""A pool of long-lived parser processes, one per core, each confined (see child.py).

Starting Python per file would cap imports at a few dozen files a second, so
children are reused and recycled after a failure or a number of files. Each
request has a wall-clock timeout; on expiry the child's whole process group is
killed with SIGKILL and reaped, so no zombie is left, and the file is refused
with the reason. The child gets only the file's bytes and its name.
"""

from __future__ import annotations

import contextlib
import io
import os
import queue
import re
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
from nia_desktop.core.ingest.media import text_path  # a name that is not UTF-8 cannot go into a JSON header

RECYCLE_AFTER = 5000
# A child is also replaced after this many bytes of input, so no leak in a parser library can
# grow the pool's memory without bound while importing a gibibyte.
RECYCLE_BYTES = 64 * 1024 * 1024
STARTUP_TIMEOUT = 120.0  # loading every parser takes about 0.5 s on an idle machine


@dataclass
class ParseResult:
    """One file's answer. When ``ok``, every record in ``documents`` has been checked by
    :func:`checked_documents`, so the import can read it without a type check of its own."""

    ok: bool
    documents: list[dict[str, Any]] = field(default_factory=list)
    blobs: list[bytes] = field(default_factory=list)
    reason: str = ""
    detected_type: str = ""


class Malformed(Exception):
    """A child's answer that is not what a parser sends: the file is refused with this reason."""


TEXT_KEYS = ("type", "title", "text", "inner", "encoding")
META_KEYS = frozenset(("classification", "reliability", "credibility", "agency", "language", "date"))
MAX_STRUCTURED_DEPTH = 64  # a parsed STIX bundle is about 8 deep; storing it re-encodes it recursively
_CONFINEMENT = re.compile(r"[a-z0-9=\- ]{1,200}")


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
        self.reported: str | None = None  # the confinement in the child's greeting, once read
        self.bytes_served = 0
        env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": os.pathsep.join(p for p in sys.path if p),
               "PYTHONDONTWRITEBYTECODE": "1", "LANG": "C.UTF-8"}
        self.proc = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            child_command(limits), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            start_new_session=True, close_fds=True, env=env)
        assert self.proc.stdin is not None and isinstance(self.proc.stdout, io.BufferedReader)
        self.stdin, self.stdout = self.proc.stdin, self.proc.stdout

    def pending_output(self) -> bool:
        """True when the child sent something nobody asked for: it cannot be trusted to answer the next
        request in step. Looks in the reader's buffer and the pipe without waiting (an unbuffered pipe cost
        a third of the pool's throughput in small reads)."""
        fd = self.stdout.fileno()
        try:
            os.set_blocking(fd, False)
            try:
                return bool(self.stdout.peek(1))  # b"" when nothing is buffered and the pipe is empty (or at EOF)
            finally:
                os.set_blocking(fd, True)
        except (OSError, ValueError):
            return True

    def _ready(self) -> ParseResult | None:
        """Wait for the child's greeting, sent once it has loaded its parsers and confined itself, so that a
        request's timeout measures parsing and not start-up (which takes seconds on a loaded machine)."""
        if self.reported is not None:
            return None
        box: dict[str, Any] = {}

        def greeting() -> None:
            try:
                box["frame"] = wire.read_frame(self.stdout, max_total=0)
            except Exception as exc:  # whatever it sent, it must not end the import
                box["error"] = exc

        worker = threading.Thread(target=greeting, daemon=True)
        worker.start()
        worker.join(STARTUP_TIMEOUT)
        if worker.is_alive():
            self.kill()
            worker.join(5)
            return ParseResult(False, reason=f"the parser did not start within {STARTUP_TIMEOUT:g} s")
        header = box["frame"][0] if "frame" in box else {}
        if header.get("ready") is not True:
            self.kill()
            return ParseResult(False, reason="the parser could not start")
        reported = header.get("confinement")
        self.reported = reported if isinstance(reported, str) and _CONFINEMENT.fullmatch(reported) else "unknown"
        return None

    def _exchange(self, header: dict[str, Any], blobs: list[bytes], served: int
                  ) -> tuple[dict[str, Any], list[bytes]] | ParseResult:
        """Send one frame and wait for the answer within the timeout; a failure becomes a ParseResult."""
        failed = self._ready()
        if failed is not None:
            return failed
        box: dict[str, Any] = {}

        def exchange() -> None:
            try:
                wire.write_frame(self.stdin, {"limits": self.limits.to_json(), **header}, blobs)
                box["frame"] = wire.read_frame(self.stdout, max_total=self.limits.zip_max_total_bytes * 2)
                box["extra"] = self.pending_output()
            except (wire.WireError, OSError, ValueError) as exc:
                box["error"] = exc
            except Exception as exc:  # whatever the child sent, it must not end the import
                box["error"] = wire.WireError(f"unreadable answer ({type(exc).__name__})")

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
            error = box.get("error")
            if isinstance(error, wire.WireError) and self.alive:  # still running, but it sent garbage
                self.kill()
                return ParseResult(False, reason=f"the parser sent a malformed answer: {error}")
            return ParseResult(False, reason=_crash_reason(self.kill()))
        if box.get("extra"):
            self.kill()
            return ParseResult(False, reason="the parser sent a malformed answer: more than one answer to a request")
        frame: tuple[dict[str, Any], list[bytes]] = box["frame"]
        return frame

    def request(self, data: bytes, name: str, extra: dict[str, Any] | None = None) -> ParseResult:
        answer = self._exchange({"name": text_path(name), **(extra or {})}, [data], 1)
        if isinstance(answer, ParseResult):
            return answer
        header, blobs = answer
        try:
            return _result(header, blobs)
        except Malformed as exc:
            self.kill()
            return ParseResult(False, reason=f"the parser sent a malformed answer: {exc}")

    def confinement(self) -> str:
        """The protections this child reported when it started (before it read any file), with the seccomp
        part checked in /proc by this process."""
        if self._ready() is not None or self.reported is None:
            return "unknown (the parser did not start)"
        reported = self.reported
        mode = _seccomp_mode(self.proc.pid)
        if mode is not None and mode != 2:  # the kernel says no filter, whatever the child says
            reported = re.sub(r"seccomp=\S+", "seccomp=off", reported)
        return reported

    def request_batch(self, files: list[tuple[bytes, str]], extra: dict[str, Any] | None = None
                      ) -> list[ParseResult] | None:
        """Several files in one round trip; None when the batch failed as a whole (then retry one by one)."""
        answer = self._exchange({"batch": [text_path(name) for _, name in files], **(extra or {})},
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
            try:
                results.append(_result(item, blobs[cursor:cursor + count]))
            except Malformed:
                self.kill()
                return None
            cursor += count
        if cursor != len(blobs):
            self.kill()
            return None
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
        for stream in (self.stdin, self.stdout):
            with contextlib.suppress(OSError, ValueError):
                if stream is not None:
                    stream.close()
        return self.proc.wait()

    def close(self) -> None:
        """A child keeps nothing worth a clean exit, and waiting for one cost about 0.1 s per child."""
        self.kill()


def _result(header: dict[str, Any], blobs: list[bytes]) -> ParseResult:
    """One file's answer as a ParseResult; raises Malformed when it is not what a parser sends.

    A child that parsed a hostile file may be running the attacker's code, so
    its answer is checked here, in one place, before anything reads it.
    """
    if not isinstance(header, dict):
        raise Malformed("the answer is not an object")
    kind = header.get("type", "")
    if not isinstance(kind, str):
        raise Malformed("the detected type is not text")
    if header.get("ok") is True:
        return ParseResult(True, documents=checked_documents(header.get("documents"), blobs), blobs=blobs,
                           detected_type=kind[:100])
    if header.get("ok") is not False or blobs:
        raise Malformed("the answer is neither a result nor a refusal")
    reason = header.get("reason")
    return ParseResult(False, reason=reason[:500] if isinstance(reason, str) and reason else "refused by the parser")


def checked_documents(documents: object, blobs: list[bytes]) -> list[dict[str, Any]]:
    """The child's records, each with exactly the keys the import reads and values of the types it expects
    (services/importing.py _store_document); raises Malformed otherwise."""
    if not isinstance(documents, list):
        raise Malformed("the documents are not a list")
    if len(documents) != len(blobs):
        raise Malformed(f"{len(documents)} documents but {len(blobs)} original byte strings")
    if not all(isinstance(blob, bytes) for blob in blobs):
        raise Malformed("an original is not a byte string")
    return [_checked_record(index, record) for index, record in enumerate(documents)]


def _checked_record(index: int, record: object) -> dict[str, Any]:
    if not isinstance(record, dict):
        raise Malformed(f"document {index} is not an object")
    clean: dict[str, Any] = {}
    for key in TEXT_KEYS:
        value = record.get(key)
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise Malformed(f"document {index}: {key} is not text")
        clean[key] = value
    fields = record.get("fields")
    if fields is None:
        fields = {}
    if not isinstance(fields, dict) or not all(isinstance(v, str) for v in fields.values()):
        raise Malformed(f"document {index}: fields are not text by name")
    clean["fields"] = fields  # JSON object keys are always text
    parent = record.get("parent")
    if parent is not None and (type(parent) is not int or not 0 <= parent < index):
        raise Malformed(f"document {index}: parent is not an earlier document")
    clean["parent"] = parent
    index_body = record.get("index_body")
    if index_body is not None and not isinstance(index_body, str):
        raise Malformed(f"document {index}: index text is not text")
    clean["index_body"] = index_body
    meta = record.get("meta")  # values are checked by metadata.checked, which recomputes bad ones
    clean["meta"] = meta if isinstance(meta, dict) and meta.keys() >= META_KEYS else None
    structured = record.get("structured")
    if _deeper_than(structured, MAX_STRUCTURED_DEPTH):
        raise Malformed(f"document {index}: structured content nested deeper than {MAX_STRUCTURED_DEPTH}")
    clean["structured"] = structured
    return clean


def _deeper_than(value: object, limit: int) -> bool:
    """Whether JSON lists and objects nest deeper than ``limit``; iterative, so any depth is safe to ask."""
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children: Any
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


def _seccomp_mode(pid: int) -> int | None:
    """The kernel's word on a process's seccomp mode (2: filter), or None where /proc does not say."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as handle:
            for line in handle:
                if line.startswith("Seccomp:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


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
        self._confinement: str | None = None
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
        if not process.alive or (process.reported is not None and process.pending_output()):
            # it died, or sent more than it was asked for (before its greeting is read, that is the greeting)
            process.close()
            with self._lock:
                if process in self._all:
                    self._all.remove(process)
            process = self._spawn()
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

    def confinement(self) -> str:
        """What confines the parser children, e.g. 'landlock=6 seccomp=sockets-denied netns=0'.

        From one child's greeting, sent before it read any request, so no hostile
        file can have had a say in it; waits for that child to start.
        """
        if self._confinement is None:
            with self._child() as holder:
                self._confinement = holder[0].confinement()
        return self._confinement

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
