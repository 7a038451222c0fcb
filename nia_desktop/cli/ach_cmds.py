"""`nia ach ...`: analysis of competing hypotheses on a case (services/ach.py).

What is shown is what the user may read: an item from a report they may not read is absent, with its cells,
and the scores are of the items shown; a hypothesis marked above what they may read is absent the same way. Each
hypothesis is marked by its author (--level, --caveat) and re-marked with mark-hypothesis. The matrix is printed
with its portion marks, items as rows (a terminal is narrower than a matrix of many items), hypotheses as columns
H1, H2, ... named below it with theirs."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from nia_desktop.cli.context import SubParsers, respond, run_in_session
from nia_desktop.cli.numbers import row_id
from nia_desktop.cli.output import safe, table

if TYPE_CHECKING:
    from nia_desktop.services.ach import Matrix
    from nia_desktop.services.session import Session


def register(commands: SubParsers, common: argparse.ArgumentParser) -> None:
    group = commands.add_parser("ach", help="analysis of competing hypotheses on a case").add_subparsers(
        dest="ach_cmd", required=True, metavar="COMMAND")
    listing = group.add_parser("hypotheses", parents=[common], help="a case's hypotheses with their scores")
    listing.add_argument("case")
    listing.set_defaults(handler=_hypotheses)
    add = group.add_parser("add-hypothesis", parents=[common], help="add a hypothesis to a case (analyst)")
    add.add_argument("case")
    add.add_argument("text", metavar="TEXT")
    add.add_argument("--level", required=True, help="its classification, at most your clearance")
    add.add_argument("--caveat", action="append", default=[], metavar="NAME",
                     help="a caveat it carries (repeat); a compartment only if you hold it")
    add.set_defaults(handler=_add_hypothesis)
    remark = group.add_parser("mark-hypothesis", parents=[common],
                              help="re-mark a hypothesis: its level and whole set of caveats (author or officer; "
                                   "audited, needs --why)")
    remark.add_argument("case")
    remark.add_argument("id", type=row_id, metavar="ID")
    remark.add_argument("--level", required=True)
    remark.add_argument("--caveat", action="append", default=[], metavar="NAME")
    remark.add_argument("--why", required=True)
    remark.set_defaults(handler=_mark_hypothesis)
    evidence = group.add_parser("add-evidence", parents=[common],
                                help="add a report or an assessment of the case as evidence (analyst)")
    evidence.add_argument("case")
    one = evidence.add_mutually_exclusive_group(required=True)
    one.add_argument("--report", type=row_id, metavar="ID")
    one.add_argument("--assessment", type=row_id, metavar="ID")
    evidence.set_defaults(handler=_add_evidence)
    mark = group.add_parser("mark", parents=[common], help="rate a cell: CC, C, NA, I or II (analyst)")
    mark.add_argument("case")
    mark.add_argument("hypothesis", type=row_id, metavar="H")
    mark.add_argument("evidence", type=row_id, metavar="E")
    mark.add_argument("rating", metavar="C|I|II|CC|NA")
    mark.set_defaults(handler=_mark)
    withdraw = group.add_parser("withdraw", parents=[common], help="take a hypothesis or an item out (analyst)")
    withdraw.add_argument("case")
    which = withdraw.add_mutually_exclusive_group(required=True)
    which.add_argument("--hypothesis", type=row_id, metavar="H")
    which.add_argument("--evidence", type=row_id, metavar="E")
    withdraw.set_defaults(handler=_withdraw)
    shown = group.add_parser("matrix", parents=[common], help="the matrix, scores and diagnosticity")
    shown.add_argument("case")
    shown.set_defaults(handler=_matrix)
    sensitivity = group.add_parser("sensitivity", parents=[common],
                                   help="for each item: the ranks that change without it")
    sensitivity.add_argument("case")
    sensitivity.set_defaults(handler=_sensitivity)


def _hypotheses(args: argparse.Namespace) -> int:
    from nia_desktop.services.ach import matrix

    def act(session: Session) -> int:
        found = matrix(session, args.case).hypotheses
        text = table([[h.marking.portion_mark(), str(h.id), str(h.rank), str(h.score), safe(h.text)[:80]]
                      for h in found], ["mark", "id", "rank", "inconsistency", "hypothesis"])
        return respond(args, [h.to_json() for h in found], text if found else "no hypotheses yet")

    return run_in_session(args, act)


def _add_hypothesis(args: argparse.Namespace) -> int:
    from nia_desktop.core.classification import parse_level
    from nia_desktop.services.ach import add_hypothesis

    def act(session: Session) -> int:
        level = parse_level(args.level)
        made = add_hypothesis(session, args.case, args.text, level, args.caveat)
        return respond(args, {"id": made}, f"added hypothesis {made} to {safe(args.case)}")

    return run_in_session(args, act)


def _mark_hypothesis(args: argparse.Namespace) -> int:
    from nia_desktop.core.classification import parse_level
    from nia_desktop.services.ach import mark_hypothesis

    def act(session: Session) -> int:
        level = parse_level(args.level)
        marking = mark_hypothesis(session, args.case, args.id, level, args.caveat, args.why)
        return respond(args, {"id": args.id, "marking": marking.to_json(), "portion": marking.portion_mark()},
                       f"hypothesis {args.id} of {safe(args.case)} is now {safe(marking.portion_mark())}")

    return run_in_session(args, act)


def _add_evidence(args: argparse.Namespace) -> int:
    from nia_desktop.services.ach import add_evidence

    def act(session: Session) -> int:
        made = add_evidence(session, args.case, report_id=args.report, assessment_id=args.assessment)
        return respond(args, {"id": made}, f"evidence item {made} in {safe(args.case)}")

    return run_in_session(args, act)


def _mark(args: argparse.Namespace) -> int:
    from nia_desktop.services.ach import mark

    def act(session: Session) -> int:
        rated = mark(session, args.case, args.hypothesis, args.evidence, args.rating)
        return respond(args, {"hypothesis": args.hypothesis, "evidence": args.evidence, "rating": rated.value},
                       f"H{args.hypothesis} x E{args.evidence}: {rated.value}")

    return run_in_session(args, act)


def _withdraw(args: argparse.Namespace) -> int:
    from nia_desktop.services.ach import withdraw

    def act(session: Session) -> int:
        withdraw(session, args.case, hypothesis_id=args.hypothesis, evidence_id=args.evidence)
        what = f"hypothesis {args.hypothesis}" if args.hypothesis else f"item {args.evidence}"
        return respond(args, {"withdrawn": True}, f"withdrew {what} from {safe(args.case)}")

    return run_in_session(args, act)


_SHOWN = {"CC": "CC", "C": "C", "N": "NA", "I": "I", "II": "II"}


def matrix_text(found: Matrix) -> str:
    """Items as rows with their portion marks, hypotheses as columns; scores and ranks at the foot."""
    if not found.hypotheses and not found.evidence:
        return f"{found.marking.portion_mark()} no hypotheses or evidence yet"
    heads = [f"H{h.id}" for h in found.hypotheses]
    rows = [[item.marking.portion_mark(), f"E{item.id}", f"{item.kind} {item.source}", item.label[:50],
             *[_SHOWN.get(found.rating(h.id, item.id).value, "NA") for h in found.hypotheses],
             str(item.diagnosticity)] for item in found.evidence]
    rows.append(["", "", "", "inconsistency", *[str(h.score) for h in found.hypotheses], ""])
    rows.append(["", "", "", "rank", *[str(h.rank) for h in found.hypotheses], ""])
    lines = [f"{found.marking.portion_mark()} ACH matrix of {safe(found.case)}",
             table(rows, ["mark", "item", "source", "evidence", *heads, "diagnosticity"]), ""]
    lines += [f"{h.marking.portion_mark()} H{h.id}: {safe(h.text)}" for h in found.hypotheses]
    return "\n".join(lines)


def _matrix(args: argparse.Namespace) -> int:
    from nia_desktop.services.ach import matrix

    def act(session: Session) -> int:
        found = matrix(session, args.case)
        return respond(args, found.to_json(), matrix_text(found))

    return run_in_session(args, act)


def _sensitivity(args: argparse.Namespace) -> int:
    from nia_desktop.services.ach import sensitivity

    def act(session: Session) -> int:
        found = sensitivity(session, args.case)
        rows = [[f"E{c.evidence}", c.label[:50], ", ".join(f"H{h}: {a} -> {b}" for h, (a, b) in sorted(c.moved.items()))
                 or "no rank changes"] for c in found]
        text = table(rows, ["without", "evidence", "ranks"]) if rows else "no evidence yet"
        return respond(args, [c.to_json() for c in found], text)

    return run_in_session(args, act)
