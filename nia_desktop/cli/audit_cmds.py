"""`nia audit verify|export|checkpoint|log|key|check-export|insiders` (officer)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from nia_desktop.cli.context import SubParsers, respond, run_in_session, wants_json
from nia_desktop.cli.numbers import limit, small
from nia_desktop.cli.output import emit_json, safe, say, table, warn
from nia_desktop.cli.paging import offset, respond_page, window

if TYPE_CHECKING:
    from nia_desktop.core.audit import ChainReport
    from nia_desktop.core.insiders import Finding, UserSummary, Watch
    from nia_desktop.services.session import Session


def register(commands: SubParsers, common: argparse.ArgumentParser) -> None:
    audit = commands.add_parser("audit", help="the tamper-evident audit log (officer)").add_subparsers(
        dest="audit_cmd", required=True)
    verify = audit.add_parser("verify", parents=[common],
                              help="check the chain from where the last verification ended; exit 5 if broken")
    verify.add_argument("--checkpoint", metavar="FILE", help="also check against a checkpoint taken earlier")
    verify.add_argument("--full", action="store_true",
                        help="walk every entry from the first, not only those after the last verification")
    verify.set_defaults(handler=_verify)
    export = audit.add_parser("export", parents=[common], help="write the log as signed JSON Lines")
    export.add_argument("--out", required=True, metavar="FILE")
    export.add_argument("--bundle", action="store_true",
                        help="write a signed audit bundle (the same JSON Lines inside) instead")
    export.set_defaults(handler=_export)
    checkpoint = audit.add_parser("checkpoint", parents=[common],
                                  help="write a signed checkpoint (sequence, head, time) to keep off the machine")
    checkpoint.add_argument("--out", required=True, metavar="FILE")
    checkpoint.set_defaults(handler=_checkpoint)
    log = audit.add_parser("log", parents=[common], help="show the latest entries")
    log.add_argument("--limit", type=limit, default=50, help="how many of the latest entries (default 50)")
    log.add_argument("--offset", type=offset, default=None, help="skip this many of the newest entries first")
    log.set_defaults(page_size=50)
    log.set_defaults(handler=_log)
    key = audit.add_parser("key", parents=[common], help="write the workstation audit public key (PEM)")
    key.add_argument("--out", required=True, metavar="FILE")
    key.set_defaults(handler=_key)
    check = audit.add_parser("check-export", parents=[common],
                             help="verify an exported log with only the audit public key (no vault)")
    check.add_argument("file")
    check.add_argument("--key", required=True, metavar="PEM", help="the audit public key")
    check.set_defaults(handler=_check_export)
    insiders = audit.add_parser("insiders", parents=[common],
                                help="insider watch: each user's days against their own usual, flagged first")
    insiders.add_argument("--days", type=_days, default=30, help="how many days up to today (JST) to judge "
                                                                  "(default 30, at most 366)")
    insiders.set_defaults(handler=_insiders)


def _report(args: argparse.Namespace, report: ChainReport) -> int:
    """Exit 0 when intact, 5 when broken; time warnings are shown either way and never change the code."""
    if wants_json(args):
        emit_json(report.to_json())
    else:
        for line in report.warnings_text():
            warn(f"WARNING: {safe(line)}")
    if report.ok:
        if not wants_json(args):
            say(report.reason)
        return 0
    if not wants_json(args):
        say(f"BROKEN: {safe(report.reason)}")
    warn(f"nia: audit chain broken: {safe(report.reason)}")
    return 5


def _verify(args: argparse.Namespace) -> int:
    from nia_desktop.core.vault.connection import DatabaseError
    from nia_desktop.services.auditing import verify

    found: list[ChainReport] = []

    def act(session: Session) -> int:
        checkpoint = Path(args.checkpoint) if args.checkpoint else None
        found.append(verify(session, checkpoint, full=args.full))
        return _report(args, found[0])

    try:
        return run_in_session(args, act)
    except DatabaseError:
        if not found or found[0].ok:
            raise
        # A damaged page was found and reported (exit 5); SQLCipher then refuses the session's closing entry.
        warn("nia: the session could not be closed in the log: the database refuses writes after a damaged page")
        return 5


def _export(args: argparse.Namespace) -> int:
    from nia_desktop.services.auditing import export

    def act(session: Session) -> int:
        if args.bundle:
            from nia_desktop.services.key_exchange import export_audit_bundle

            manifest = export_audit_bundle(session, Path(args.out))
            return respond(args, {"out": args.out, "uuid": manifest.uuid},
                           f"Wrote audit bundle {manifest.uuid} to {args.out}")
        head = export(session, Path(args.out))
        return respond(args, {"out": args.out, "entries": head.seq, "head": head.head},
                       f"Wrote {head.seq} entries to {args.out}; head {head.head}")

    return run_in_session(args, act)


def _checkpoint(args: argparse.Namespace) -> int:
    from nia_desktop.services.auditing import checkpoint

    def act(session: Session) -> int:
        head = checkpoint(session, Path(args.out))
        return respond(args, {"out": args.out, **head.to_json(), "short": head.short_text()},
                       f"Checkpoint written to {args.out}\nWrite this down: {head.short_text()}")

    return run_in_session(args, act)


def _log(args: argparse.Namespace) -> int:
    """The latest entries, oldest first; --offset N skips the N newest. --limit alone keeps the array under
    --json (the latest N, as scripts read it); --offset asks for the page object."""
    from nia_desktop.core.audit import entry_to_json
    from nia_desktop.services.auditing import log_page

    def act(session: Session) -> int:
        size, skip = window(args)
        page = log_page(session, size, skip)
        rows = page.items
        return respond_page(args, page, table(
            [[str(e.seq), e.ts[:19], e.actor, e.role, e.action, e.object, e.outcome] for e in rows],
            ["SEQ", "TIME (UTC)", "ACTOR", "ROLE", "ACTION", "OBJECT", "OUTCOME"]), asked=args.offset is not None,
            row=entry_to_json)

    return run_in_session(args, act)


def _key(args: argparse.Namespace) -> int:
    from nia_desktop.services.auditing import export_public_key

    def act(session: Session) -> int:
        fp = export_public_key(session, Path(args.out))
        return respond(args, {"out": args.out, "fingerprint": fp},
                       f"Wrote {args.out}\nSHA-256 fingerprint: {fp}")

    return run_in_session(args, act)


def _check_export(args: argparse.Namespace) -> int:
    from nia_desktop.core.errors import BadInput
    from nia_desktop.core.signing import load_public_pem
    from nia_desktop.services.auditing import check_export

    try:
        key = load_public_pem(Path(args.key).read_bytes())
    except FileNotFoundError as exc:
        raise BadInput(f"{safe(args.key)}: no such file") from exc
    return _report(args, check_export(Path(args.file), key))


def _days(value: str) -> int:
    days = small(value)
    if not 1 <= days <= 366:
        raise argparse.ArgumentTypeError(f"{value[:30]!r} is not a number of days (1 to 366)")
    return days


# What each finding measures, as a person reads it.
_WHAT = {"reads": "reads", "outside_cases": "reads outside their cases", "reach": "reports shown in search results",
         "refused": "refused attempts", "exports": "exports and releases", "off_hours": "entries at unusual hours"}
# Which usual judged it, when it is not the user's own recent days.
_BASIS = {"established": "judged against their established usual (90 days), lower than their recent one",
          "agency": "judged against the agency's usual day: {days} earlier active days of their own",
          "ceiling": "above twenty times the agency's usual day, whatever their own usual"}


def _insiders(args: argparse.Namespace) -> int:
    from nia_desktop.services.insiders import watch

    def act(session: Session) -> int:
        found = watch(session, args.days)
        return respond(args, found.to_json(), _insiders_text(found))

    return run_in_session(args, act)


def _insiders_text(found: Watch) -> str:
    window = found.window
    lines = [f"Insider watch: {window.start} to {window.end} (JST), {window.days} days; "
             f"{len(found.flagged)} flagged, {len(found.noted)} noted"]
    for title, items in (("FLAGGED", found.flagged), ("NOTED (not flagged)", found.noted)):
        if items:
            lines += ["", title]
            lines += [line for finding in items for line in _finding_text(finding)]
    if not found.flagged:
        lines += ["", "Nobody is flagged."]
    if found.users:
        lines += ["", "USERS", table([_user_row(u) for u in found.users],
                                      ["USER", "ROLE", "DAYS", "READS/DAY", "USUAL", "BUSIEST", "OUTSIDE CASES",
                                       "SEARCH REACH", "REFUSED", "EXPORTS", "UNUSUAL HOURS", "USUAL HOURS",
                                       "FLAGGED"])]
    return "\n".join(lines)


def _finding_text(finding: Finding) -> list[str]:
    from nia_desktop.core.insiders import hours_text

    ratio = f"{finding.ratio:.1f}x" if finding.ratio is not None else "usual none"
    what = _WHAT[str(finding.kind)]
    line = (f"  {finding.severity.upper():<6} {safe(finding.user)} ({finding.role})  {finding.day}  {what}: "
            f"{finding.value} vs usual {finding.usual:g} ({ratio}; flagged from {finding.threshold:g})")
    more = []
    if finding.hours:
        more.append(f"         at {hours_text(finding.hours)}; usual hours {hours_text(finding.usual_hours)}")
    if finding.reports:
        more.append(f"         reports: {_listed(finding.reports, finding.value)}")
    if str(finding.basis) in _BASIS:
        more.append("         " + _BASIS[str(finding.basis)].format(days=finding.history_days))
    more.append(f"         audit entries: {_listed(finding.seqs, finding.seq_count)}")
    return [line, *more]


def _listed(numbers: tuple[int, ...], count: int) -> str:
    shown = ", ".join(map(str, numbers[:12]))
    return shown + (f"… ({count} in all)" if count > min(len(numbers), 12) else "")


def _user_row(user: UserSummary) -> list[str]:
    from nia_desktop.core.insiders import hours_text

    busiest = f"{user.busiest_reads} on {user.busiest_day}" if user.busiest_day else ""
    return [user.user, user.role, str(user.active_days), f"{user.reads_per_day:.1f}", f"{user.usual_reads:g}",
            busiest, str(user.outside_cases), str(user.reach), f"{user.refused} ({user.need_to_know} need to know)",
            str(user.exports), str(user.off_hours), hours_text(user.usual_hours), str(user.flagged)]
