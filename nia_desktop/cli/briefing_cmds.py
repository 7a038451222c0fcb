"""`nia brief` and `nia release`: briefings out, under the two-person rule when it applies."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from nia_desktop.cli.context import SubParsers, respond, run_in_session
from nia_desktop.cli.numbers import row_id
from nia_desktop.cli.output import safe
from nia_desktop.cli.paging import add_paging, respond_page, window
from nia_desktop.cli.recipients import recipients as _recipients

if TYPE_CHECKING:
    from nia_desktop.core.markings import Marking
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
    brief.add_argument("--max-level", default=None, metavar="LEVEL",
                       help="a tearline version: only what is marked at or below LEVEL (UNCLASSIFIED, CONFIDENTIAL, "
                            "SECRET, TOP SECRET, or the Japanese names)")
    brief.add_argument("--without", action="append", default=[], metavar="CAVEAT",
                       help="a tearline version: leave out everything carrying CAVEAT (a compartment, ORCON, NOFORN, "
                            "a REL TO list, or REL for any release list); repeatable")
    brief.add_argument("--ach-annex", action="store_true",
                       help="annex the case's ACH matrix (nia ach), its items on the briefing's reports alone")
    brief.add_argument("--chart-annex", action="store_true",
                       help="annex the case's link chart (as saved in the Fusion view, else laid out): only the "
                            "briefing's entities, links and weights from its own reports; a tearline version's is "
                            "laid out from the reports under its line")
    brief.add_argument("--tearline-summary", default=None, metavar="TEXT",
                       help="the tearline version's own summary (required with --max-level or --without; the "
                            "--summary is never carried below the line)")
    brief.set_defaults(handler=_brief)

    release = commands.add_parser("release", help="officer: release reviews (two-person rule)").add_subparsers(
        dest="release_cmd", required=True)
    listing = release.add_parser("list", parents=[common], help="briefings waiting for review")
    listing.add_argument("--all", action="store_true", help="decided ones too")
    add_paging(listing, 100)
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


def _brief(args: argparse.Namespace) -> int:
    from nia_desktop.services import briefings

    def act(session: Session) -> int:
        from nia_desktop.core.classification import parse_level
        from nia_desktop.core.markings import FULL

        recipients = _recipients(args.recipient)
        tearline = FULL
        if args.max_level is not None or args.without:
            tearline = briefings.tearline_of(session, None if args.max_level is None else parse_level(args.max_level),
                                             args.without)
        briefing = briefings.compose(session, args.case, args.title, args.summary, args.reports,
                                     tearline=tearline, tearline_summary=args.tearline_summary,
                                     ach_annex=args.ach_annex, chart_annex=args.chart_annex)
        outcome = briefings.brief(session, briefing, args.out, recipients)
        level = briefing.marking.banner()
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
        if not tearline.is_full:
            text += f"\ntearline version: {tearline.label()}"
        return respond(args, {**outcome.to_json(), "tearline": None if tearline.is_full else tearline.to_json()},
                       text)

    return run_in_session(args, act)


def _list(args: argparse.Namespace) -> int:
    """Release reviews in id order, a page at a time (100 unless --limit says otherwise)."""
    from nia_desktop.services import briefings

    def act(session: Session) -> int:
        size, skip = window(args)
        page = briefings.release_page(session, None if args.all else "pending", size, skip)
        lines = [f"{r.id:>4}  {r.status:9} {r.classification.english:13} {r.case}  by {r.author}  {r.requested_at}"
                 + (f"  ({r.reviewer}: {r.reason})" if r.reason else "") for r in page.items]
        empty = "no release reviews waiting" if not args.all else "no release reviews"
        return respond_page(args, page, "\n".join(lines) or empty)

    return run_in_session(args, act)


def _show(args: argparse.Namespace) -> int:
    from nia_desktop.services import briefings

    def act(session: Session) -> int:
        request, briefing = briefings.release_preview(session, args.id)

        def mark(marking: Marking | None) -> str:
            return marking.portion_mark() if marking is not None else ""

        lines = [f"release review {request.id}: {request.status}", f"case {request.case}, by {request.author}",
                 f"marking: {briefing.marking.banner()}",
                 f"product: {'tearline version at ' + briefing.tearline if briefing.tearline else 'full product'}",
                 f"title: {mark(briefing.summary_marking)} {briefing.title}",
                 f"summary: {mark(briefing.summary_marking)} {briefing.shown_summary or '(none)'}", "key judgements:",
                 *[f"  - {mark(j.marking)} {j.text} ({j.likelihood}; {j.confidence} confidence; reports {j.reports})"
                   for j in briefing.judgements],
                 "reports:", *[f"  {mark(s.marking)} #{s.report_id} {s.agency} {s.date} {s.grading or '--'} "
                               f"{s.title}" for s in briefing.sources],
                 "entities:", *[f"  {mark(e.marking)} {e.name} ({e.kind}) {', '.join(e.agencies)}"
                                for e in briefing.entities]]
        if briefing.ach is not None:  # the ACH annex: what the reviewer approves with the rest
            annex = briefing.ach
            lines += ["ACH annex:", *[f"  {mark(annex.portion(h))} H{h.id} {safe(h.text)} "
                                      f"(inconsistency {h.score}, rank {h.rank})" for h in annex.hypotheses],
                      *[f"  {mark(i.marking)} E{i.evidence} {i.kind} #{i.source} {safe(i.label)}: "
                        f"{' '.join(r or '-' for r in i.ratings)}" for i in annex.items]]
        if briefing.chart is not None:  # the link chart annex: its figure's mark, then each entity and link
            chart = briefing.chart
            lines += [f"link chart annex: {mark(chart.marking)} {len(chart.nodes)} entities, {len(chart.links)} "
                      f"links ({'as saved' if chart.saved else 'laid out'})",
                      *[f"  {mark(n.marking)} {i}. {safe(n.name)} ({n.kind}) reports {n.reports}"
                        for i, n in enumerate(chart.nodes, 1)],
                      *[f"  {mark(x.marking)} {x.a + 1} - {x.b + 1}: {x.weight} report(s) {x.reports}"
                        for x in chart.heaviest()]]
        return respond(args, {**request.to_json(), "marking": briefing.marking.to_json(),
                              "tearline": briefing.tearline or None, "briefing": briefing.to_json()},
                       "\n".join(lines))

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
