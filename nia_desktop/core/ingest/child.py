"""The parser child: `python -m nia_desktop.core.ingest.child`.

Started by the sandbox pool in its own session (process group). Before it
reads any untrusted byte it loads every parser, then limits itself: address
space, CPU time, no file writes (RLIMIT_FSIZE 0), few open files, no core
dumps, not dumpable, no new privileges, no socket of any kind (seccomp.py), no
file access (landlock.py), and a network namespace of its own where the
kernel allows one. It reads requests (bytes + name)
on stdin and answers on stdout; it never sees a key or a database handle.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import resource
import sys
import traceback
import unicodedata
from typing import Any

from nia_desktop.core.ingest import landlock, seccomp, wire
from nia_desktop.core.ingest.limits import Limits
from nia_desktop.core.ingest.model import Document, ParseRefused

PR_SET_NO_NEW_PRIVS = 38
PR_SET_DUMPABLE = 4
CLONE_NEWUSER, CLONE_NEWNET = 0x10000000, 0x40000000
LANDLOCK_ABI = 0  # set by confine(): 0 when the kernel offers no Landlock
SECCOMP = "off"  # set by confine(): "sockets-denied" once the socket filter is installed
NETNS = 0  # set by confine(): 1 in a network namespace of its own


def _preload() -> None:
    """Import everything a parse may need while imports can still open files (Landlock comes next)."""
    import bz2  # noqa: F401  (zipfile imports these lazily)
    import codecs
    import email.contentmanager
    import email.headerregistry
    import email.parser
    import email.policy  # noqa: F401
    import lzma  # noqa: F401
    import quopri  # noqa: F401

    import docx  # noqa: F401
    import pypdfium2  # noqa: F401
    import stix2
    import stix2.v21  # noqa: F401

    from nia_desktop.core.ingest import detect, metadata, parse  # noqa: F401
    from nia_desktop.core.ingest.dates import first_date
    from nia_desktop.core.search import segment

    for name in ("utf-8", "utf-8-sig", "utf-16", "cp932", "shift_jis", "euc_jp", "iso2022_jp", "iso2022_jp_ext",
                 "iso2022_jp_2", "latin-1", "ascii", "cp1252", "utf-16-le", "utf-16-be", "idna"):
        codecs.lookup(name)
    # Warm the lazily compiled paths (regular expressions, unicodedata tables) once.
    metadata.derive("SECRET 2026-03-05 令和8年3月5日 5 March 2026 Grading: B2")
    segment("量子センシング test")
    first_date("2026年3月5日")
    _warm_up()


def _warm_up() -> None:
    """Parse one small file of every format, so every module a parser loads lazily is loaded now.

    After Landlock no file can be opened, so an import that happened only on
    first use (antlr4 inside stix2's pattern checks, zipfile's helpers,
    python-docx's parts) would fail then.
    """
    import io
    import zipfile
    from email.message import EmailMessage

    import docx
    import pypdfium2
    import stix2

    from nia_desktop.core.ingest.parse import parse_file

    samples: list[tuple[bytes, str]] = []
    document = docx.Document()
    document.add_paragraph("Subject: warm-up")
    document.add_table(rows=1, cols=1).cell(0, 0).text = "x"
    buffer = io.BytesIO()
    document.save(buffer)
    samples.append((buffer.getvalue(), "w.docx"))
    pdf = pypdfium2.PdfDocument.new()
    pdf.new_page(200, 200)
    buffer = io.BytesIO()
    pdf.save(buffer)
    pdf.close()
    samples.append((buffer.getvalue(), "w.pdf"))
    indicator = stix2.Indicator(pattern="[domain-name:value = 'a.example']", pattern_type="stix",
                                valid_from="2026-01-01T00:00:00Z")
    report = stix2.Report(name="w", published="2026-01-01T00:00:00Z", object_refs=[indicator.id])
    samples.append((stix2.Bundle(indicator, report).serialize().encode(), "w.json"))
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "a@b.example", "c@d.example", "warm-up"
    message["Date"] = "Thu, 05 Mar 2026 09:00:00 +0900"
    message.set_content("本文", charset="iso-2022-jp")
    message.add_attachment(b"annex", maintype="text", subtype="plain", filename="a.txt")
    message.add_attachment(b"<p>x</p>", maintype="text", subtype="html", filename="b.html")
    samples.append((bytes(message), "w.eml"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.txt", "x")
    samples.append((buffer.getvalue(), "w.zip"))
    samples += [(b'{"Event": {"info": "w", "Attribute": []}}', "w.json"),
                (b"title,text\nw,x\n", "w.csv"),
                (b"<html><head><meta charset='shift_jis'></head><body>x</body></html>", "w.html"),
                (b"---\ntitle: w\n---\n# w", "w.md"),
                ("秘\n".encode("cp932") * 20, "w.txt"), ("秘\n".encode("euc_jp") * 20, "w.txt")]
    for data, name in samples:
        with contextlib.suppress(ParseRefused):
            _flatten(parse_file(data, name, Limits()))


def confine(limits: Limits) -> None:
    """Limit this process before it reads an untrusted byte; each mechanism the kernel lacks is skipped
    (and shown in :func:`confinement`), never fatal."""
    resource.setrlimit(resource.RLIMIT_AS, (limits.child_memory_bytes, limits.child_memory_bytes))
    resource.setrlimit(resource.RLIMIT_CPU, (limits.child_cpu_seconds, limits.child_cpu_seconds))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_NOFILE, (16, 16))
    global LANDLOCK_ABI, SECCOMP, NETNS
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        zero = ctypes.c_ulong(0)
        libc.prctl(PR_SET_NO_NEW_PRIVS, ctypes.c_ulong(1), zero, zero, zero)
        libc.prctl(PR_SET_DUMPABLE, zero, zero, zero, zero)
        # A second layer under the socket filter: a new network namespace has no interface but a
        # loopback that is down. Debian and many containers forbid unprivileged user namespaces: then 0.
        NETNS = int(libc.unshare(ctypes.c_int(CLONE_NEWUSER | CLONE_NEWNET)) == 0)
    SECCOMP = seccomp.deny_sockets()
    LANDLOCK_ABI = landlock.deny_all()


def confinement() -> str:
    """Which protections this child runs under, e.g. 'landlock=6 seccomp=sockets-denied netns=1'."""
    return f"landlock={LANDLOCK_ABI} seccomp={SECCOMP} netns={NETNS}"


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
        normal = document.normalized or unicodedata.normalize("NFKC", document.text)  # once for both below
        records.append({
            "type": document.detected_type, "title": document.title, "text": document.text,
            "inner": document.inner, "fields": document.fields, "structured": document.structured,
            "encoding": document.encoding, "parent": parent,
            # Metadata and the index's segmentation are computed here, in parallel with other children.
            "meta": derive(normal), "index_body": segment(normal),
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


def _probe() -> str:
    try:
        with open("/etc/hostname", "rb") as handle:
            handle.read(1)
        readable = "yes"
    except OSError as exc:
        readable = type(exc).__name__
    return f"{confinement()} read_file={readable}"


def serve(stdin: Any, stdout: Any) -> None:
    """Greet the parent (it starts a request's timeout only then, and learns the confinement from it before
    any file is read), then answer requests until stdin closes."""
    wire.write_frame(stdout, {"ready": True, "confinement": confinement()}, [])
    while True:
        try:
            request, blobs = wire.read_frame(stdin)
        except wire.WireError:
            return  # the parent closed the pipe: exit quietly
        if "test_reply" in request:  # test hook: answer with these bytes, as an exploited child could
            stdout.write(bytes.fromhex(str(request["test_reply"])))
            stdout.flush()
            continue
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
        if request.get("test_probe"):  # test hook: what can this child still reach?
            wire.write_frame(stdout, {"ok": True, "documents": [], "type": _probe()}, [])
            continue
        if request.get("test_hang"):  # test hook: a parser that never returns
            while True:
                pass
        if request.get("detect_only"):
            from nia_desktop.core.ingest.detect import detect

            wire.write_frame(stdout, {"ok": True, "type": detect(blobs[0], name), "documents": []}, [])
            continue
        header, out = _answer(blobs[0], name, limits)
        wire.write_frame(stdout, header, out)


FROZEN_FLAG = "--parser-child"


def run_if_requested(argv: list[str]) -> bool:
    """In a frozen build there is no `python -m`: the app's own binary is started with --parser-child."""
    if argv[:1] != [FROZEN_FLAG]:
        return False
    sys.argv = [sys.argv[0], *argv[1:]]
    main()
    return True


def main() -> None:
    limits = Limits.from_json({k: int(v) for k, v in (a.split("=", 1) for a in sys.argv[1:])})
    _preload()
    os.umask(0o077)
    confine(limits)
    serve(sys.stdin.buffer, sys.stdout.buffer)


if __name__ == "__main__":
    main()
