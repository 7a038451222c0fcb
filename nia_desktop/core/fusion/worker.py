"""A fusion worker process: extracts mentions from the reports its parent sends, on a core of its own.

Extraction (Sudachi, the English patterns, the gazetteers, selectors) is
pure Python per report and holds the GIL, so threads cannot use a second
core; a process can. The worker speaks core/ingest/wire.py frames on its
standard input and output: first the watchlist, then batches of reports,
each answered with the encoded extraction of every report in it
(core/fusion/cache.py's format, the one the vault keeps). Started with
``text_only`` instead, it finds near-duplicates and content dates in the
contents it is sent, so they need not share the parent's core. Text travels only
through the pipes: nothing is written to disk, core dumps are off and the
process is not dumpable (core/hardening.py). When the parent goes away its
pipe ends, and so does the worker.
"""

from __future__ import annotations

import sys
from typing import IO

FROZEN_FLAG = "--fusion-worker"


def serve(stdin: IO[bytes], stdout: IO[bytes]) -> None:
    from nia_desktop.core.fusion import cache
    from nia_desktop.core.fusion.engine import extract, load_dictionaries
    from nia_desktop.core.fusion.model import Kind
    from nia_desktop.core.fusion.nodes import ReportText
    from nia_desktop.core.fusion.watchlist import Matcher, WatchEntry
    from nia_desktop.core.ingest.wire import WireError, read_frame, write_frame

    try:
        header, _ = read_frame(stdin)
    except (WireError, EOFError):
        return
    if header.get("text_only") is True:
        serve_text_only(stdin, stdout)
        return
    load_dictionaries()
    entries = [WatchEntry(int(e["id"]), Kind(e["kind"]), str(e["name"]), tuple(e["aliases"]))
               for e in header.get("watch", [])]
    watch = Matcher(entries) if entries else None
    write_frame(stdout, {"ready": True}, [])
    while True:
        try:
            header, _ = read_frame(stdin)
        except (WireError, EOFError):
            return
        found = {str(report_id): cache.encode(extract(ReportText(int(report_id), str(title), str(text)), watch))
                 for report_id, title, text in header.get("reports", [])}
        write_frame(stdout, {"found": found}, [])


def serve_text_only(stdin: IO[bytes], stdout: IO[bytes]) -> None:
    """What fusion finds from the text alone (near-duplicate groups, content dates), on a core of its own while
    the parent resolves entities: every report's content arrives in batches, then ``done``; then the next job's.
    No dictionaries."""
    from nia_desktop.core.fusion.engine import text_findings
    from nia_desktop.core.ingest.wire import WireError, read_frame, write_frame

    write_frame(stdout, {"ready": True}, [])
    while True:  # one job after another (a fusion in segments keeps its worker) until the pipe ends
        contents: list[tuple[int, str, bool]] = []
        while True:
            try:
                header, _ = read_frame(stdin)
            except (WireError, EOFError):
                return
            if header.get("done") is True:
                break
            contents.extend((int(i), str(text), bool(compared)) for i, text, compared in header.get("contents", []))
        duplicates, dates = text_findings(contents)
        del contents
        write_frame(stdout, {"duplicates": duplicates, "dates": [[i, found] for i, found in dates.items()]}, [])


def run_if_requested(argv: list[str]) -> bool:
    """In a frozen build there is no `python -m`: the app's own binary is started with --fusion-worker."""
    if argv[:1] != [FROZEN_FLAG]:
        return False
    main()
    return True


def main() -> None:
    from nia_desktop.core.hardening import harden_process

    harden_process()
    serve(sys.stdin.buffer, sys.stdout.buffer)


if __name__ == "__main__":
    main()
