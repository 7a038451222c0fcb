"""`nia fuse`, `nia case create|add` (analyst)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from nia_desktop.cli.context import SubParsers, respond, run_in_session, wants_json
from nia_desktop.cli.output import emit_json, safe, say, table

if TYPE_CHECKING:
    from nia_desktop.services.session import Session


def register(commands: SubParsers, common: argparse.ArgumentParser) -> None:
    fuse = commands.add_parser("fuse", parents=[common], help="entities, links and near-duplicate groups")
    fuse.add_argument("--case", default="", help="only this case's reports (default: every report)")
    fuse.set_defaults(handler=_fuse)
    case = commands.add_parser("case", help="cases: named groups of reports").add_subparsers(
        dest="case_cmd", required=True)
    create = case.add_parser("create", parents=[common], help="create a case")
    create.add_argument("name")
    create.set_defaults(handler=_case_create)
    add = case.add_parser("add", parents=[common], help="add reports to a case")
    add.add_argument("name")
    add.add_argument("ids", nargs="+", type=int, metavar="ID")
    add.set_defaults(handler=_case_add)


def _fuse(args: argparse.Namespace) -> int:
    from nia_desktop.services.fusion import run_fusion

    def act(session: Session) -> int:
        result = run_fusion(session, args.case)
        if wants_json(args):
            emit_json(result.to_json())
            return 0
        rows = [[str(e.id), e.kind.value, e.name, str(len(e.reports)), ", ".join(e.aliases[:4])]
                for e in result.entities if len(e.reports) > 1][:200]
        say(table(rows, ["id", "kind", "name", "reports", "aliases"]))
        say(f"{len(result.entities)} entities, {len(result.links)} linked report pairs, "
            f"{len(result.duplicates)} near-duplicate groups")
        for group in result.duplicates:
            say("near-duplicates: " + ", ".join(safe(str(i)) for i in group))
        return 0

    return run_in_session(args, act)


def _case_create(args: argparse.Namespace) -> int:
    from nia_desktop.services.fusion import create_case

    def act(session: Session) -> int:
        case_id = create_case(session, args.name)
        return respond(args, {"id": case_id, "name": args.name}, f"created case {safe(args.name)}")

    return run_in_session(args, act)


def _case_add(args: argparse.Namespace) -> int:
    from nia_desktop.services.fusion import add_to_case

    def act(session: Session) -> int:
        added = add_to_case(session, args.name, args.ids)
        return respond(args, {"case": args.name, "added": added},
                       f"added {added} report(s) to {safe(args.name)}")

    return run_in_session(args, act)
