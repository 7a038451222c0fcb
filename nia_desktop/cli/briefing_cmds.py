"""`nia brief` and `nia release`: briefings out, under the two-person rule when it applies."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from nia_desktop.cli.context import SubParsers, respond, run_in_session, wants_json
from nia_desktop.cli.numbers import row_id
from nia_desktop.cli.output import emit_json, say

if TYPE_CHECKING:
    from nia_desktop.services.session import Session


def register(commands: SubParsers, common: argparse.ArgumentParser) -> None:
    brief = commands.add_parser(
        "brief", parents=[common], help="analyst: sign a briefing of a case into a bundle",
        description="Compose a briefing of CASE (PDF, HTML, STIX 2.1) and sign it into a bundle. When the "
                    "two-person rule applies, the first run queues a release review and writes nothing; run the "
                    "same command again once an officer has approved it.")
    brief.add_argument("case")
    where = brief.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", type=Path, metavar="FILE")
    where.add_argument("--queue", action="store_true", help="keep it in the vault for a courier to write out")
    brief.add_argument("--recipient", action="append", default=[], metavar="PUBKEY",
                       help="encrypt to this age recipient (age1..., or a file holding one); repeatable")
    brief.add_argument("--title", default=None)
    brief.add_argument("--summary", default=None)
    brief.add_argument("--report", dest="reports", type=row_id, action="append", metavar="ID",
                       help="include only these reports (repeatable; default: the whole case)")
    brief.set_defaults(handler=_brief)

    release = commands.add_parser("release", help="officer: release reviews (two-person rule)").add_subparsers(
        dest="release_cmd", required=True)
    listing = release.add_parser("list", parents=[common], help="briefings waiting for review")
    listing.add_argument("--all", action="store_true", help="decided ones too")
    listing.set_defaults(handler=_list)
    show = release.add_parser("show", parents=[common], help="the briefing under review, item by item")
    show.add_argument("id", type=row_id)
    show.set_defaults(handler=_show)
    approve = release.add_parser("approve", parents=[common], help="approve a briefing for export")
    approve.add_argument("id", type=row_id)
    approve.set_defaults(handler=_approve)
    reject = release.add_parser("reject", parents=[common], help="reject a briefing, saying why")
    reject.add_argument("id", type=row_id)
    reject.add_argument("--reason", required=True)
    reject.set_defaults(handler=_reject)


def _recipients(values: list[str]) -> list[str]:
    """Each --recipient is an age1... string or a file holding one (as age-keygen -y prints it)."""
    from nia_desktop.core.bundles.sealed import parse_recipient
    from nia_desktop.core.errors import BadInput

    found = []
    for value in values:
        text = value
        if not value.startswith("age1"):
            try:
                text = Path(value).read_text(encoding="ascii").strip()
            except (OSError, UnicodeDecodeError) as exc:
                raise BadInput(f"--recipient {value}: neither an age1... recipient nor a readable file") from exc
        found.append(parse_recipient(text))
    return found


def _brief(args: argparse.Namespace) -> int:
    from nia_desktop.services import briefings

    def act(session: Session) -> int:
        recipients = _recipients(args.recipient)
        briefing = briefings.compose(session, args.case, args.title, args.summary, args.reports)
        outcome = briefings.brief(session, briefing, args.out, recipients)
        level = outcome.classification.banner_text
        if outcome.status == "exported":
            assert outcome.manifest is not None
            where = f"wrote {args.out}" if args.out else "queued for a courier"
            text = (f"{where}: briefing bundle {outcome.manifest.uuid} ({level}), sequence "
                    f"{outcome.manifest.sequence}" + (f", encrypted to {len(recipients)} recipient(s)"
                                                      if recipients else ""))
        elif outcome.status == "queued":
            text = (f"release review {outcome.request_id} queued ({level}: two-person rule); nothing written.\n"
                    "Run this command again once an officer has approved it (nia release approve "
                    f"{outcome.request_id}).")
        else:
            text = f"release review {outcome.request_id} is still waiting for an officer; nothing written."
        return respond(args, outcome.to_json(), text)

    return run_in_session(args, act)


def _list(args: argparse.Namespace) -> int:
    from nia_desktop.services import briefings

    def act(session: Session) -> int:
        rows = briefings.release_requests(session, None if args.all else "pending")
        if wants_json(args):
            emit_json([r.to_json() for r in rows])
            return 0
        for r in rows:
            say(f"{r.id:>4}  {r.status:9} {r.classification.english:13} {r.case}  by {r.author}  {r.requested_at}"
                + (f"  ({r.reviewer}: {r.reason})" if r.reason else ""))
        if not rows:
            say("no release reviews waiting" if not args.all else "no release reviews")
        return 0

    return run_in_session(args, act)


def _show(args: argparse.Namespace) -> int:
    from nia_desktop.services import briefings

    def act(session: Session) -> int:
        request, briefing = briefings.release_preview(session, args.id)
        lines = [f"release review {request.id}: {request.status}", f"case {request.case}, by {request.author}",
                 f"classification: {briefing.classification.banner_text}", f"title: {briefing.title}",
                 f"summary: {briefing.summary or '(none)'}", "key judgements:",
                 *[f"  - {j.text} ({j.likelihood}; {j.confidence} confidence; reports {j.reports})"
                   for j in briefing.judgements],
                 "reports:", *[f"  #{s.report_id} {s.agency} {s.date} {s.grading or '--'} "
                               f"[{s.classification}] {s.title}" for s in briefing.sources],
                 "entities:", *[f"  {e.name} ({e.kind}) {', '.join(e.agencies)}" for e in briefing.entities]]
        return respond(args, {**request.to_json(), "briefing": briefing.to_json()}, "\n".join(lines))

    return run_in_session(args, act)


def _approve(args: argparse.Namespace) -> int:
    from nia_desktop.services import briefings

    def act(session: Session) -> int:
        digest = briefings.approve(session, args.id)
        return respond(args, {"id": args.id, "approval_sha256": digest},
                       f"approved release review {args.id}; the author can now export it")

    return run_in_session(args, act)


def _reject(args: argparse.Namespace) -> int:
    from nia_desktop.services import briefings

    def act(session: Session) -> int:
        briefings.reject(session, args.id, args.reason)
        return respond(args, {"id": args.id, "rejected": True}, f"rejected release review {args.id}")

    return run_in_session(args, act)
