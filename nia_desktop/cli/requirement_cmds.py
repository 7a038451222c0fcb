"""`nia pir add|list|tag|suggest` (intelligence requirements) and `nia assess` / `nia assessments` (cases).

What they list counts only the reports the user may read (services/assessments.py); an assessment is shown with
its portion mark, the combination of its cited reports' markings."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from nia_desktop.cli.context import SubParsers, respond, run_in_session
from nia_desktop.cli.numbers import row_id, small
from nia_desktop.cli.output import safe, table
from nia_desktop.cli.paging import add_paging, respond_page, window
from nia_desktop.core.assessment import CONFIDENCES, LIKELIHOODS

if TYPE_CHECKING:
    from nia_desktop.services.session import Session


def register(commands: SubParsers, common: argparse.ArgumentParser) -> None:
    pir = commands.add_parser("pir", help="priority intelligence requirements and their coverage").add_subparsers(
        dest="pir_cmd", required=True)
    add = pir.add_parser("add", parents=[common], help="record a requirement (officer or analyst)")
    add.add_argument("question", metavar="TEXT")
    add.add_argument("--priority", type=small, required=True, help="1 (highest) to 5")
    add.add_argument("--due", default="", metavar="YYYY-MM-DD")
    add.set_defaults(handler=_pir_add)
    listing = pir.add_parser("list", parents=[common], help="requirements with reports, agencies, latest date")
    add_paging(listing, 100)
    listing.set_defaults(handler=_pir_list)
    tag = pir.add_parser("tag", parents=[common], help="confirm reports that answer a requirement (analyst)")
    tag.add_argument("requirement", type=row_id, metavar="PIR_ID")
    tag.add_argument("reports", nargs="+", type=row_id, metavar="REPORT_ID")
    tag.set_defaults(handler=_pir_tag)
    suggest = pir.add_parser("suggest", parents=[common], help="reports that may answer a requirement")
    suggest.add_argument("requirement", type=row_id, metavar="PIR_ID")
    suggest.set_defaults(handler=_pir_suggest)
    assess = commands.add_parser("assess", parents=[common], help="record an assessment on a case (ICD 203 terms)")
    assess.add_argument("case")
    assess.add_argument("judgement", metavar="TEXT")
    assess.add_argument("--likelihood", required=True, choices=list(LIKELIHOODS), metavar="TERM",
                        help="; ".join(f"{t} ({lo}-{hi}%%)" for t, (lo, hi, _) in LIKELIHOODS.items()))
    assess.add_argument("--confidence", required=True, choices=CONFIDENCES)
    assess.add_argument("--reports", nargs="*", type=row_id, default=[], metavar="REPORT_ID")
    assess.set_defaults(handler=_assess)
    listed = commands.add_parser("assessments", parents=[common], help="a case's assessments")
    listed.add_argument("case")
    add_paging(listed, 100)
    listed.set_defaults(handler=_assessments)


def _pir_add(args: argparse.Namespace) -> int:
    from nia_desktop.services.assessments import add_requirement

    def act(session: Session) -> int:
        made = add_requirement(session, args.question, args.priority, args.due)
        return respond(args, {"id": made}, f"recorded requirement {made}")

    return run_in_session(args, act)


def _pir_list(args: argparse.Namespace) -> int:
    from nia_desktop.services.assessments import coverage_page

    def act(session: Session) -> int:
        page = coverage_page(session, *window(args))
        rows = page.items
        text = table([[str(c.requirement.id), str(c.requirement.priority), c.requirement.due or "-",
                       safe(c.requirement.question[:60]), str(len(c.reports)),
                       ", ".join(c.agencies) or "NONE REPORTED", c.latest or "-"] for c in rows],
                     ["id", "priority", "due", "question", "reports", "agencies", "latest"])
        return respond_page(args, page, text)

    return run_in_session(args, act)


def _pir_tag(args: argparse.Namespace) -> int:
    from nia_desktop.services.assessments import tag_reports

    def act(session: Session) -> int:
        added = tag_reports(session, args.requirement, args.reports)
        return respond(args, {"added": added}, f"tagged {added} new report(s) to requirement {args.requirement}")

    return run_in_session(args, act)


def _pir_suggest(args: argparse.Namespace) -> int:
    from nia_desktop.services.assessments import suggest_reports

    def act(session: Session) -> int:
        found = suggest_reports(session, args.requirement)
        return respond(args, found, ("suggested reports: " + ", ".join(map(str, found))) if found
                       else "no untagged report matches the requirement's words or entities")

    return run_in_session(args, act)


def _assess(args: argparse.Namespace) -> int:
    from nia_desktop.services.assessments import assess

    def act(session: Session) -> int:
        made = assess(session, args.case, args.judgement, args.likelihood, args.confidence, args.reports)
        return respond(args, {"id": made}, f"recorded assessment {made} on {safe(args.case)}")

    return run_in_session(args, act)


def _assessments(args: argparse.Namespace) -> int:
    from nia_desktop.services.assessments import assessments_page

    def act(session: Session) -> int:
        page = assessments_page(session, args.case, *window(args))
        found = page.items
        text = "\n".join(f"{a.id}. {a.marking.portion_mark() + ' ' if a.marking else ''}It is {a.likelihood} "
                         f"({a.confidence} confidence) that {safe(a.judgement)} "
                         f"[reports {', '.join(map(str, a.reports)) or '-'}; {a.user}, {a.at}]" for a in found)
        return respond_page(args, page, text or "no assessments yet")

    return run_in_session(args, act)
