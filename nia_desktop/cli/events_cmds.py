"""`nia events [CASE]`: the days named inside the readable reports of a case, an entity or the top entities
(services/events.py), a page of reports at a time, each with its sentence and the entities named in it.

Every page read is audited (report.events) with the reports it read; a report the user may not read is never
read, so nothing of it is printed."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from nia_desktop.cli.context import SubParsers, respond, run_in_session
from nia_desktop.cli.numbers import row_id
from nia_desktop.cli.output import safe

if TYPE_CHECKING:
    from nia_desktop.services.events import EventPage
    from nia_desktop.services.session import Session


def _reports(value: str) -> int:
    from nia_desktop.services.events import MOST_PAGE
    number = row_id(value)
    if number > MOST_PAGE:
        raise argparse.ArgumentTypeError(f"{value[:30]!r} is more than {MOST_PAGE} reports a page")
    return number


def _offset(value: str) -> int:
    return 0 if value == "0" else row_id(value)


def register(commands: SubParsers, common: argparse.ArgumentParser) -> None:
    events = commands.add_parser(
        "events", parents=[common],
        help="days named inside readable reports (meetings, payments, postings) with their sentences")
    events.add_argument("case", nargs="?", default="", help="a case's reports (default: every report)")
    which = events.add_mutually_exclusive_group()
    which.add_argument("--entity", type=row_id, metavar="ID",
                       help="only events whose sentence names this entity of your latest fusion")
    which.add_argument("--top", action="store_true", help="only events naming one of your fusion's top 12 entities")
    events.add_argument("--limit", type=_reports, default=100, metavar="N", help="reports read (100; at most 500)")
    events.add_argument("--offset", type=_offset, default=0, metavar="N", help="reports skipped (for the next page)")
    events.set_defaults(handler=_events)


def _events(args: argparse.Namespace) -> int:
    from nia_desktop.services import events

    def act(session: Session) -> int:
        if args.entity is not None:
            page = events.entity_events(session, args.entity, args.case, args.offset, args.limit)
        elif args.top:
            page = events.top_events(session, args.case, offset=args.offset, limit=args.limit)
        else:
            page = events.case_events(session, args.case, args.offset, args.limit)
        return respond(args, page.to_json(), _text(page))

    return run_in_session(args, act)


def _text(page: EventPage) -> str:
    lines = []
    for e in page.events:
        named = ", ".join(safe(x.name) for x in e.entities)
        lines.append(f"{e.day}  report {e.report_id} ({safe(e.agency)})  {safe(e.surface)}"
                     + (f" [{e.resolved}]" if e.resolved != "explicit" else ""))
        lines.append(f"    {safe(e.sentence)}")
        if named:
            lines.append(f"    named: {named}")
    lines.append(f"{len(page.events)} event(s) in {page.reports} report(s) read from offset {page.offset}"
                 + (f"; more: --offset {page.next_offset}" if page.more else ""))
    return "\n".join(lines)
