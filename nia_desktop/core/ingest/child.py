"""The parser child: `python -m nia_desktop.core.ingest.child`.

Started by the sandbox pool in its own session (process group). Before it
reads any untrusted byte it loads every parser, then limits itself: address
space, CPU time, no file writes (RLIMIT_FSIZE 0), few open files, no core
dumps, not dumpable, and no new privileges. It reads requests (bytes + name)
on stdin and answers on stdout; it never sees a key or a database handle.
"""

from __future__ import annotations

import ctypes
import os
import resource
import sys
import traceback
from typing import Any

from nia_desktop.core.ingest import wire
from nia_desktop.core.ingest.limits import Limits
from nia_desktop.core.ingest.model import Document, ParseRefused

PR_SET_NO_NEW_PRIVS = 38
PR_SET_DUMPABLE = 4


def _preload() -> None:
    """Import everything a parse may need while imports can still open files."""
    import docx  # noqa: F401
    import pypdfium2  # noqa: F401
    import stix2  # noqa: F401

    from nia_desktop.core.ingest import parse  # noqa: F401


def confine(limits: Limits) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (limits.child_memory_bytes, limits.child_memory_bytes))
    resource.setrlimit(resource.RLIMIT_CPU, (limits.child_cpu_seconds, limits.child_cpu_seconds))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_NOFILE, (16, 16))
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
        libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)


def _flatten(documents: list[Document]) -> tuple[list[dict[str, Any]], list[bytes]]:
    """Documents (with children) as flat JSON records plus a blob each; parents precede children.

    Iterative on purpose: a recursive closure would form a reference cycle that
    keeps every file's text alive until the cyclic collector runs, and a
    parser's memory would creep up by megabytes per large file.
    """
    from nia_desktop.core.ingest.metadata import derive
    from nia_desktop.core.search import segment

    records: list[dict[str, Any]] = []
    blobs: list[bytes] = []
    stack: list[tuple[Document, int | None]] = [(d, None) for d in reversed(documents)]
    while stack:
        document, parent = stack.pop()
        index = len(records)
        records.append({
            "type": document.detected_type, "title": document.title, "text": document.text,
            "inner": document.inner, "fields": document.fields, "structured": document.structured,
            "encoding": document.encoding, "parent": parent,
            # Metadata and the index's segmentation are computed here, in parallel with other children.
            "meta": derive(document.text), "index_body": segment(document.text),
        })
        blobs.append(document.raw)
        stack.extend((child, index) for child in reversed(document.children))
    return records, blobs


def _answer(data: bytes, name: str, limits: Limits) -> tuple[dict[str, Any], list[bytes]]:
    """One file's answer: parsed documents, or the reason it is refused."""
    from nia_desktop.core.ingest.parse import parse_file

    try:
        records, out = _flatten(parse_file(data, name, limits))
        return {"ok": True, "documents": records}, out
    except ParseRefused as exc:
        return {"ok": False, "reason": exc.reason}, []
    except MemoryError:
        return {"ok": False, "reason": "the parser ran out of its memory limit"}, []
    except RecursionError:
        return {"ok": False, "reason": "the file is nested too deeply to parse"}, []
    except Exception as exc:  # a parser bug on hostile input refuses this file only
        detail = traceback.format_exception_only(type(exc), exc)[-1].strip()[:200]
        return {"ok": False, "reason": f"the parser failed: {detail}"}, []


def serve(stdin: Any, stdout: Any) -> None:
    while True:
        try:
            request, blobs = wire.read_frame(stdin)
        except wire.WireError:
            return  # the parent closed the pipe: exit quietly
        limits = Limits.from_json(request.get("limits", {}))
        names = request.get("batch")
        if isinstance(names, list):  # several small files in one round trip
            answers, out = [], []
            for index, (data, name) in enumerate(zip(blobs, names, strict=False)):
                if request.get("test_hang_at") == index:  # test hook: a hang inside a batch
                    while True:
                        pass
                header, parts = _answer(data, str(name), limits)
                answers.append({**header, "blobs": len(parts)})
                out.extend(parts)
            wire.write_frame(stdout, {"ok": True, "batch": answers}, out)
            continue
        name = str(request.get("name", ""))
        if request.get("test_hang"):  # test hook: a parser that never returns
            while True:
                pass
        if request.get("detect_only"):
            from nia_desktop.core.ingest.detect import detect

            wire.write_frame(stdout, {"ok": True, "type": detect(blobs[0], name), "documents": []}, [])
            continue
        header, out = _answer(blobs[0], name, limits)
        wire.write_frame(stdout, header, out)


def main() -> None:
    limits = Limits.from_json({k: int(v) for k, v in (a.split("=", 1) for a in sys.argv[1:])})
    _preload()
    os.umask(0o077)
    confine(limits)
    serve(sys.stdin.buffer, sys.stdout.buffer)


if __name__ == "__main__":
    main()
