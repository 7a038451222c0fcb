"""`nia notice`: corrections and recalls, sent (analyst) and received (anyone here), and their acknowledgement."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nia_desktop.cli.context import SubParsers, respond, run_in_session
from nia_desktop.cli.paging import add_paging, paged, window

if TYPE_CHECKING:
    from nia_desktop.services.notices import HeldView, NoticeView
    from nia_desktop.services.session import Session

OUT_HELP = ("the notice file when one consumer holds the product; when several do, one file each beside it, named "
            "after its stem and the consumer (notice.nia -> notice-mofa.nia); an existing folder: one file each in "
            "it, named notice-ACTION-DIGEST-CONSUMER.nia")


def register(commands: SubParsers, common: argparse.ArgumentParser) -> None:
    notice = commands.add_parser("notice", help="corrections and recalls of released products").add_subparsers(
        dest="notice_cmd", required=True)
    for action, text in (("correct", "analyst: a product is superseded by another (--superseded-by)"),
                         ("recall", "analyst: a product is withdrawn: every holder destroys all copies")):
        command = notice.add_parser(action, parents=[common], help=text)
        command.add_argument("product", metavar="PRODUCT_DIGEST", help="the product's digest, or its first 8+ digits")
        command.add_argument("--why", required=True, help="the reason, shown with the notice at every holder")
        command.add_argument("--superseded-by", metavar="DIGEST", default=None,
                             help="the released product that replaces it (required for a correction)")
        where = command.add_mutually_exclusive_group(required=True)
        where.add_argument("--out", type=Path, metavar="FILE|DIR", help=OUT_HELP)
        where.add_argument("--queue", action="store_true", help="keep them in the vault for a courier to write out")
        command.set_defaults(handler=_issue, action=action)
    listing = notice.add_parser("list", parents=[common],
                                help="notices received here and the status of every product held")
    listing.add_argument("--unseen", action="store_true", help="only notices nobody has marked seen")
    add_paging(listing, 100)
    listing.set_defaults(handler=_list)
    seen = notice.add_parser("seen", parents=[common], help="acknowledge a received notice (audited)")
    seen.add_argument("uuid", help="the notice bundle's UUID (nia notice list)")
    seen.set_defaults(handler=_seen)


def _issue(args: argparse.Namespace) -> int:
    from nia_desktop.services import notices

    def act(session: Session) -> int:
        issued = notices.issue(session, args.action, args.product, args.why, args.superseded_by,
                               None if args.queue else args.out)
        lines = [f"{'correction' if args.action == 'correct' else 'recall'} {issued.digest[:16]}… of product "
                 f"{issued.product.digest[:16]}…, sent to {len(issued.sent)} consumer(s):"]
        lines += [f"  {s.consumer}: bundle {s.uuid}, " + (f"wrote {s.path}" if s.path else "queued for a courier")
                  for s in issued.sent]
        return respond(args, issued.to_json(), "\n".join(lines))

    return run_in_session(args, act)


def _list(args: argparse.Namespace) -> int:
    """Notices and held products, each a page (100 unless --limit says otherwise; --offset pages both). Under
    --json each list is the page object when --limit or --offset is given, else an array (a cut said on stderr)."""
    from nia_desktop.cli.output import warn
    from nia_desktop.services import notices
    from nia_desktop.services.paging import Page

    def act(session: Session) -> int:
        size, skip = window(args)
        received = notices.notices_page(session, args.unseen, size, skip)
        held = None if args.unseen else notices.held_page(session, size, skip)
        lines = ["notices:" if received.items else "no notices received",
                 *[_notice_line(n) for n in received.items]]
        if received.more:
            lines.append(f"… more notices: --offset {received.next_offset}")
        if held is not None:
            lines += ["held products:" if held.items else "no products held", *[_held_line(h) for h in held.items]]
            if held.more:
                lines.append(f"… more held products: --offset {held.next_offset}")
        body: dict[str, Any]
        if paged(args):
            body = {"notices": received.to_json(), "held": (held or Page([], size, skip, False)).to_json()}
        else:
            body = {"notices": [n.to_json() for n in received.items], "held": [h.to_json() for h in held.items]
                    if held else []}
            cuts: list[tuple[str, Page[Any] | None]] = [("notices", received), ("held products", held)]
            for name, page in cuts:
                if page is not None and page.more:
                    warn(f"more {name}: --offset {page.next_offset}")
        return respond(args, body, "\n".join(lines))

    return run_in_session(args, act)


def _notice_line(view: NoticeView) -> str:
    from nia_desktop.core.display import escape_untrusted
    from nia_desktop.services.notices import REFUSED

    notice = view.notice
    seen = f"seen by {notice.seen_by}" if notice.seen_at else "NOT SEEN"
    if view.state == REFUSED:  # orders nothing: neither a product nor the sender's words, only who and why
        kind = "recall" if notice.action == "recall" else "correction"
        return (f"  {notice.received_at[:19]}  {notice.uuid}  REFUSED {kind} from "
                f"{escape_untrusted(view.signer, 120)}: {view.refused[0].reason}; nothing was marked  [{seen}]")
    what = ("RECALL: destroy all copies of" if notice.action == "recall" else "CORRECTION:")
    tail = f" superseded by {notice.superseded_by[:16]}" if notice.superseded_by else ""
    return (f"  {notice.received_at[:19]}  {notice.uuid}  {what} {escape_untrusted(view.label, 120)}{tail} — "
            f"{escape_untrusted(notice.why, 300)}  [{len(view.marked)} marked, {seen}]")


def _held_line(view: HeldView) -> str:
    from nia_desktop.core.display import escape_untrusted

    product = view.product
    status = product.status.upper() if product.status != "current" else "current"
    after = f" by {product.superseded_by[:16]}" if product.superseded_by else ""
    return (f"  {product.received_at[:19]}  {product.bundle_uuid}  {product.digest[:16]}  {status}{after}  "
            f"{product.classification.english}  {escape_untrusted(view.label, 120)}")


def _seen(args: argparse.Namespace) -> int:
    from nia_desktop.services import notices

    def act(session: Session) -> int:
        first = notices.mark_seen(session, args.uuid)
        return respond(args, {"uuid": args.uuid, "seen": True, "already": not first},
                       f"notice {args.uuid} marked seen" if first else f"notice {args.uuid} was already seen")

    return run_in_session(args, act)
