"""Need-to-know on the command line: `nia compartment add|list`, `nia user clear|grant|ungrant|clearances`
(officer) and `nia report mark` (analyst)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from nia_desktop.cli.context import SubParsers, respond, run_in_session
from nia_desktop.cli.numbers import row_id
from nia_desktop.cli.output import safe, table

if TYPE_CHECKING:
    from nia_desktop.services.session import Session


def register(commands: SubParsers, common: argparse.ArgumentParser) -> None:
    compartment = commands.add_parser("compartment", help="compartments and caveats (officer defines, analysts list)"
                                      ).add_subparsers(dest="compartment_cmd", required=True)
    add = compartment.add_parser("add", parents=[common], help="define a compartment (or, with --control, a "
                                                                "dissemination control)")
    add.add_argument("name")
    add.add_argument("--description", default="")
    add.add_argument("--control", action="store_true",
                     help="a dissemination control (does not restrict who reads, only what is released)")
    add.set_defaults(handler=_add)
    compartment.add_parser("list", parents=[common], help="every caveat the vault knows").set_defaults(handler=_list)


def register_user(user: SubParsers, common: argparse.ArgumentParser) -> None:
    clear = user.add_parser("clear", parents=[common], help="set a user's clearance level (officer)")
    clear.add_argument("name")
    clear.add_argument("--level", required=True, help="UNCLASSIFIED, CONFIDENTIAL, SECRET or TOP SECRET")
    clear.set_defaults(handler=_clear)
    grant = user.add_parser("grant", parents=[common], help="give a user a compartment (officer; never oneself)")
    grant.add_argument("name")
    grant.add_argument("compartment")
    grant.add_argument("--until", metavar="DATE", help="the last day the grant counts (YYYY-MM-DD)")
    grant.set_defaults(handler=_grant)
    ungrant = user.add_parser("ungrant", parents=[common], help="take a compartment from a user (officer)")
    ungrant.add_argument("name")
    ungrant.add_argument("compartment")
    ungrant.set_defaults(handler=_ungrant)
    shown = user.add_parser("clearances", parents=[common], help="every user's clearance and compartments")
    shown.add_argument("name", nargs="?")
    shown.set_defaults(handler=_clearances)


def register_report(report: SubParsers, common: argparse.ArgumentParser) -> None:
    mark = report.add_parser("mark", parents=[common],
                             help="re-mark a report: its level and its whole set of caveats (audited, needs --why)")
    mark.add_argument("id", type=row_id)
    mark.add_argument("--level", required=True)
    mark.add_argument("--caveat", action="append", default=[], metavar="NAME")
    mark.add_argument("--why", required=True)
    mark.set_defaults(handler=_mark)
    grade = report.add_parser("grade", parents=[common],
                              help="re-grade a report's source and information (e.g. B2; audited, needs --why)")
    grade.add_argument("id", type=row_id)
    grade.add_argument("--grading", required=True, help="Admiralty code: reliability A-F, credibility 1-6")
    grade.add_argument("--why", required=True)
    grade.set_defaults(handler=_grade)


def _level(text: str) -> Any:
    from nia_desktop.core.classification import parse_level

    return parse_level(text)


def _add(args: argparse.Namespace) -> int:
    from nia_desktop.core.markings import CaveatKind
    from nia_desktop.services.clearances import add_compartment

    def act(session: Session) -> int:
        kind = CaveatKind.CONTROL if args.control else CaveatKind.COMPARTMENT
        record = add_compartment(session, args.name, args.description, kind)
        return respond(args, record.to_json(), f"Defined {record.kind.value} {safe(record.name)}")

    return run_in_session(args, act)


def _list(args: argparse.Namespace) -> int:
    from nia_desktop.services.clearances import list_caveats

    def act(session: Session) -> int:
        records = list_caveats(session)
        return respond(args, [r.to_json() for r in records],
                       table([[safe(r.name), r.kind.value, safe(", ".join(r.aliases))[:40],
                               safe(r.description)[:60]] for r in records],
                             ["NAME", "KIND", "ALIASES", "DESCRIPTION"]))

    return run_in_session(args, act)


def _clear(args: argparse.Namespace) -> int:
    from nia_desktop.services.clearances import set_clearance

    def act(session: Session) -> int:
        level = _level(args.level)
        set_clearance(session, args.name, level)
        return respond(args, {"name": args.name, "clearance": level.english},
                       f"{args.name} is cleared to {level.banner_text}")

    return run_in_session(args, act)


def _grant(args: argparse.Namespace) -> int:
    from nia_desktop.services.clearances import grant

    def act(session: Session) -> int:
        held = grant(session, args.name, args.compartment, args.until)
        return respond(args, {"name": args.name, **held.to_json()},
                       f"{args.name} holds {safe(held.compartment)}"
                       + (f" until the end of {held.until}" if held.until else ""))

    return run_in_session(args, act)


def _ungrant(args: argparse.Namespace) -> int:
    from nia_desktop.services.clearances import ungrant

    def act(session: Session) -> int:
        ungrant(session, args.name, args.compartment)
        return respond(args, {"name": args.name, "compartment": args.compartment, "held": False},
                       f"{args.name} no longer holds {safe(args.compartment)}")

    return run_in_session(args, act)


def _clearances(args: argparse.Namespace) -> int:
    from nia_desktop.services.clearances import user_access

    def act(session: Session) -> int:
        rows = user_access(session, args.name)
        return respond(args, [r.to_json() for r in rows],
                       table([[r.name, r.role, r.level.english,
                               ", ".join(g.compartment + (f" (until {g.until})" if g.until else "")
                                         + ("" if g.current(r.today) else " EXPIRED") for g in r.grants)]
                              for r in rows], ["NAME", "ROLE", "CLEARANCE", "COMPARTMENTS"]))

    return run_in_session(args, act)


def _mark(args: argparse.Namespace) -> int:
    from nia_desktop.services.clearances import mark_report

    def act(session: Session) -> int:
        summary = mark_report(session, args.id, _level(args.level), args.caveat, args.why)
        return respond(args, summary.to_json(), f"Report {summary.id} is now {safe(summary.marking_text)}")

    return run_in_session(args, act)


def _grade(args: argparse.Namespace) -> int:
    from nia_desktop.services.reports import grade_report

    def act(session: Session) -> int:
        summary = grade_report(session, args.id, args.grading, args.why)
        return respond(args, summary.to_json(),
                       f"Report {summary.id} is now graded {summary.reliability}{summary.credibility}")

    return run_in_session(args, act)
