"""`nia import`, `nia reports`, `nia search`, `nia report show`, `nia imports` (analyst)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from nia_desktop.cli.clearance_cmds import register_report
from nia_desktop.cli.context import SubParsers, respond, run_in_session, wants_json
from nia_desktop.cli.numbers import row_id
from nia_desktop.cli.output import emit_json, safe, say, table, warn
from nia_desktop.cli.paging import add_paging, paged, respond_page, stream_json, stream_table, window, with_more

if TYPE_CHECKING:
    from nia_desktop.core.store.reports import ReportSummary
    from nia_desktop.services.session import Session

REPORTS_PAGE = 1000  # nia reports --offset without --limit; without either it lists every report
SEARCH_PAGE = 50
IMPORTS_PAGE = 200  # runs, or one run's manifest items
_REPORT_HEADERS = ["ID", "DATE", "AGENCY", "CLASSIFICATION", "LANG", "GRADE", "TITLE"]


def register(commands: SubParsers, common: argparse.ArgumentParser) -> None:
    imp = commands.add_parser("import", parents=[common], help="import reports from files, folders or a volume")
    imp.add_argument("paths", nargs="+", metavar="PATH")
    imp.add_argument("--agency", default="", help="originating agency: CIRO, MOFA, DIH or NPA (default: from each "
                                                   "report's header, else 'unknown')")
    imp.add_argument("--case", default="", help="also add every imported report to this case (created if new)")
    imp.add_argument("--caveat", action="append", default=[], metavar="NAME",
                     help="add this caveat (compartment, control or REL TO list) to every report of the import")
    imp.set_defaults(handler=_import)
    listing = commands.add_parser("reports", parents=[common], help="list reports (every one, or a page)")
    listing.add_argument("--case", default="")
    listing.add_argument("--agency", default="")
    add_paging(listing, REPORTS_PAGE, every=True)
    listing.set_defaults(handler=_reports)
    search = commands.add_parser("search", parents=[common], help="full-text search (English and Japanese)")
    search.add_argument("query")
    add_paging(search, SEARCH_PAGE)
    search.set_defaults(handler=_search)
    report = commands.add_parser("report", help="one report").add_subparsers(dest="report_cmd", required=True)
    show = report.add_parser("show", parents=[common], help="print a report's metadata and text (audited)")
    show.add_argument("id", type=row_id)
    show.set_defaults(handler=_show)
    original = report.add_parser("original", parents=[common], help="write a report's original bytes (audited)")
    original.add_argument("id", type=row_id)
    original.add_argument("--out", required=True, metavar="FILE")
    original.set_defaults(handler=_original)
    history = commands.add_parser("imports", parents=[common], help="past import runs, or one run's manifest")
    history.add_argument("id", type=row_id, nargs="?")
    add_paging(history, IMPORTS_PAGE)
    history.set_defaults(handler=_imports)
    register_report(report, common)


def _import(args: argparse.Namespace) -> int:
    from nia_desktop.services.importing import import_paths

    def act(session: Session) -> int:
        def progress(done: int, total: int, message: str) -> None:
            if not wants_json(args) and sys.stderr.isatty():
                sys.stderr.write(f"\r{done}/{total} {message[:60]:60}")

        outcome = import_paths(session, [Path(p) for p in args.paths], args.agency, args.case, progress,
                               caveats=args.caveat)
        if not wants_json(args) and sys.stderr.isatty():
            sys.stderr.write("\n")
        body = outcome.to_json()
        if wants_json(args):
            emit_json(body)
        else:
            counts = outcome.counts()
            say(f"Import {outcome.import_id}: {counts['imported']} imported, {counts['duplicates']} duplicates, "
                f"{counts['refused']} refused, {counts['skipped']} skipped")
            for row in outcome.duplicates:
                of = row["of"] if row["of"] is not None else "a report already in the vault"
                say(f"  duplicate  {row['path']}: duplicate of {of}")
            for row in outcome.refused + outcome.skipped:
                say(f"  {'refused' if row in outcome.refused else 'skipped'}    {row['path']}: {row['reason']}")
            if outcome.fuse_error:
                warn(f"nia: {outcome.fuse_error}")
            if outcome.fused is not None:
                fused = outcome.fused
                say(f"Fused into the last fusion: {fused['new_entities']} new entities, linked to "
                    f"{fused['linked_reports']} earlier reports, {len(fused['resends'])} likely re-sends")
                for resend in fused["resends"]:
                    say(f"  report {resend['report']} repeats {', '.join(map(str, resend['of']))}")
                if fused.get("pending"):
                    say(f"re-fuse recommended: {fused['pending']} pending (`nia fuse` does what imports cannot)")
        if outcome.imported or (outcome.duplicates and not outcome.refused):
            return 0
        return 1

    return run_in_session(args, act)


def _report_row(r: ReportSummary) -> list[str]:
    return [str(r.id), r.report_date, r.agency, r.marking_text, r.language, r.reliability + r.credibility,
            r.title[:70]]


def _reports(args: argparse.Namespace) -> int:
    """Every report the user may read, streamed (JSON array or table); with --limit/--offset, one page."""
    from nia_desktop.core.store.reports import Filters
    from nia_desktop.services.reports import every_report, report_page

    def act(session: Session) -> int:
        filters = Filters(agency=args.agency.upper())
        if paged(args):
            size, skip = window(args)
            page = report_page(session, args.case, filters, offset=skip, limit=size)
            return respond(args, page.to_json(), with_more(table([_report_row(r) for r in page.items],
                                                                 _REPORT_HEADERS), page))
        rows = every_report(session, args.case, filters)
        if wants_json(args):
            stream_json(r.to_json() for r in rows)
        else:
            stream_table((_report_row(r) for r in rows), _REPORT_HEADERS, [7, 10, 6, 14, 4, 5, 0])
        return 0

    return run_in_session(args, act)


def _search(args: argparse.Namespace) -> int:
    """A page of hits: --json is the array of hits (a note on stderr when more follow) unless --limit/--offset
    ask for the page object."""
    from nia_desktop.services.reports import search_page

    def act(session: Session) -> int:
        size, skip = window(args)
        page = search_page(session, args.query, size, offset=skip)
        hits = page.items
        if wants_json(args) and not paged(args):
            if page.more:
                warn(f"more results: --offset {page.next_offset}")
            emit_json([h.to_json() for h in hits])
            return 0
        return respond(args, page.to_json(), with_more(
            "\n".join(f"{h.summary.id:>6}  {safe(h.summary.title)[:70]}\n        {safe(h.snippet)}"
                      for h in hits) or "no matches", page))

    return run_in_session(args, act)


def _show(args: argparse.Namespace) -> int:
    from nia_desktop.services.reports import open_report

    def act(session: Session) -> int:
        report = open_report(session, args.id)
        s = report.summary
        marking = "//".join((s.classification.banner_text, *s.caveats))
        head = (f"Report {s.id}: {safe(s.title)}\nAgency {s.agency} · {safe(marking)} · grading "
                f"{s.reliability}{s.credibility or '-'} · {s.language} · {s.report_date}\nSource {safe(s.path)}\n"
                f"SHA-256 {s.sha256}\n")
        return respond(args, {**s.to_json(), "text": report.body, "fields": report.fields,
                              "details": report.details}, head + "\n" + safe_text(report.body))

    return run_in_session(args, act)


def _original(args: argparse.Namespace) -> int:
    from nia_desktop.core.atomic import atomic_write
    from nia_desktop.services.reports import original_bytes

    def act(session: Session) -> int:
        data = original_bytes(session, args.id)
        atomic_write(Path(args.out), data)
        return respond(args, {"id": args.id, "out": args.out, "size": len(data)},
                       f"Wrote the original bytes of report {args.id} ({len(data)} bytes) to {args.out}")

    return run_in_session(args, act)


def safe_text(text: str) -> str:
    """Report text for a terminal: line breaks kept, every other control character escaped."""
    return "\n".join(safe(line) if len(line) < 200 else line for line in text.split("\n"))


def _imports(args: argparse.Namespace) -> int:
    """Runs newest first, or one run's manifest, a page at a time (the array under --json unless asked for a page;
    a cut is said on stderr)."""
    from nia_desktop.services.import_history import history_page, manifest_page

    def act(session: Session) -> int:
        size, skip = window(args)
        if args.id is None:
            runs = history_page(session, size, skip)
            return respond_page(args, runs, table(
                [[str(r.id), r.started_at[:19], r.user, r.status, ", ".join(f"{k} {v}" for k, v in r.counts.items())]
                 for r in runs.items], ["ID", "STARTED (UTC)", "USER", "STATUS", "COUNTS"]), row=lambda r: r.__dict__)
        items = manifest_page(session, args.id, size, skip)
        return respond_page(args, items, table([[i.status, i.detected_type, i.path, i.reason] for i in items.items],
                                               ["STATUS", "TYPE", "PATH", "REASON"]))

    return run_in_session(args, act)
