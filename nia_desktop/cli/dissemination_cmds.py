"""`nia consumer`, `nia release-to` and `nia ledger`: who product goes to, and who holds what
(docs/dissemination.md)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nia_desktop.cli.context import SubParsers, respond, run_in_session
from nia_desktop.cli.numbers import limit, row_id, small
from nia_desktop.cli.output import safe, table

if TYPE_CHECKING:
    from nia_desktop.core.store.ledger import Consumer, Holding, Product
    from nia_desktop.services.paging import Page
    from nia_desktop.services.session import Session


def register(commands: SubParsers, common: argparse.ArgumentParser) -> None:
    consumer = commands.add_parser("consumer", help="the consumers product is released to").add_subparsers(
        dest="consumer_cmd", required=True)
    add = consumer.add_parser("add", parents=[common], help="officer: register a consumer",
                              description="Register a consumer workstation: its age recipient (every copy is "
                                          "encrypted to it), its signing key (its receipts are checked against it), "
                                          "the highest level and the caveats it may receive.")
    add.add_argument("name")
    add.add_argument("--org", required=True, metavar="T", help="the organisation, e.g. \"Prime Minister's Office\"")
    add.add_argument("--recipient", required=True, metavar="AGE_RECIPIENT",
                     help="the workstation's age recipient (age1..., or a file holding one)")
    add.add_argument("--key", type=Path, metavar="PEM", help="the workstation's public signing key (PEM)")
    add.add_argument("--max-level", required=True, metavar="LEVEL",
                     help="UNCLASSIFIED, CONFIDENTIAL, SECRET, TOP SECRET (or the Japanese names)")
    add.add_argument("--caveat", action="append", default=[], metavar="NAME",
                     help="a compartment, a control (ORCON, NOFORN) or a release list (\"REL TO GBR\": a foreign "
                          "partner) it may receive; repeatable")
    add.set_defaults(handler=_add)
    listing = consumer.add_parser("list", parents=[common], help="the registered consumers")
    listing.add_argument("--all", action="store_true", help="removed ones too")
    listing.set_defaults(handler=_list)
    remove = consumer.add_parser("remove", parents=[common], help="officer: remove a consumer (the ledger keeps it)")
    remove.add_argument("name")
    remove.set_defaults(handler=_remove)

    release = commands.add_parser(
        "release-to", parents=[common], help="analyst: release a case to consumers, the right product for each",
        description="Compose CASE's product for each consumer: the full product when they may hold it, else a "
                    "tearline version at their line; anything above what a consumer may hold is refused and "
                    "nothing is written for anyone. Under the two-person rule the first run queues a review per "
                    "product; run the same command again once approved.")
    release.add_argument("case")
    release.add_argument("--consumer", dest="consumers", nargs="+", action="extend", required=True, metavar="NAME",
                         help="a registered consumer; repeatable, or several after one --consumer")
    where = release.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", type=Path, metavar="DIR", help="write one file per consumer into DIR")
    where.add_argument("--queue", action="store_true", help="keep them in the vault for a courier to write out")
    release.add_argument("--tearline-summary", default=None, metavar="T",
                         help="the tearline versions' own summary (default: one saying only what each holds)")
    release.add_argument("--full", action="store_true",
                         help="the full product only: refuse any consumer who may not hold it")
    release.add_argument("--title", default=None, help="the full product's title (never carried below a line)")
    release.add_argument("--summary", default=None, help="the full product's summary (never carried below a line)")
    release.add_argument("--tearline-title", default=None, metavar="T",
                         help="the tearline versions' title (default: Briefing: CASE)")
    release.set_defaults(handler=_release)

    ledger = commands.add_parser("ledger", help="who holds what: the dissemination ledger").add_subparsers(
        dest="ledger_cmd", required=True)
    pages = argparse.ArgumentParser(add_help=False)
    pages.add_argument("--limit", type=limit, default=100, help="rows per page (default 100)")
    pages.add_argument("--offset", type=small, default=0, help="rows to skip (the next page: offset + limit)")
    who = ledger.add_parser("who-has", parents=[common, pages],
                            help="every copy of every product derived from a report")
    who.add_argument("report", type=row_id, metavar="REPORT_ID")
    who.set_defaults(handler=_who_has)
    sent = ledger.add_parser("sent", parents=[common, pages], help="what a consumer was sent, and when")
    sent.add_argument("consumer", metavar="CONSUMER")
    sent.set_defaults(handler=_sent)
    outstanding = ledger.add_parser("outstanding", parents=[common, pages],
                                    help="copies no signed receipt has acknowledged")
    outstanding.set_defaults(handler=_outstanding)
    stale = ledger.add_parser("stale", parents=[common, pages],
                              help="products resting on a report re-marked, re-graded or found a duplicate since")
    stale.set_defaults(handler=_stale)
    product = ledger.add_parser("product", parents=[common], help="one product: sources, copies, notices")
    product.add_argument("digest", metavar="DIGEST", help="its SHA-256, or enough of its first characters")
    product.set_defaults(handler=_product)


# -- consumers ---------------------------------------------------------------------------------------------------
def _consumer_rows(rows: list[Consumer]) -> str:
    return table([[c.name, c.organisation, c.max_level.english, ", ".join(c.caveats) or "-",
                   c.key_fingerprint[:16] or "-", c.recipient[:20] + "…", c.removed_at[:10] or ""] for c in rows],
                 ["NAME", "ORGANISATION", "UP TO", "CAVEATS", "KEY", "RECIPIENT", "REMOVED"])


def _add(args: argparse.Namespace) -> int:
    from nia_desktop.cli.recipients import recipient
    from nia_desktop.core.classification import parse_level
    from nia_desktop.core.errors import BadInput
    from nia_desktop.services.consumers import add_consumer

    def act(session: Session) -> int:
        pem = None
        if args.key is not None:
            try:
                pem = args.key.read_bytes()[:65536]
            except OSError as exc:
                raise BadInput(f"--key {args.key}: cannot read it ({exc.strerror})") from exc
        added = add_consumer(session, args.name, args.org, recipient(args.recipient), parse_level(args.max_level),
                             args.caveat, pem)
        return respond(args, added.to_json(), f"added consumer {added.name} ({safe(added.organisation)}), up to "
                       f"{added.max_level.english}" + (f", {', '.join(added.caveats)}" if added.caveats else ""))

    return run_in_session(args, act)


def _list(args: argparse.Namespace) -> int:
    from nia_desktop.services.consumers import list_consumers

    def act(session: Session) -> int:
        rows = list_consumers(session, args.all)
        return respond(args, [c.to_json() for c in rows], _consumer_rows(rows) if rows else "no consumers")

    return run_in_session(args, act)


def _remove(args: argparse.Namespace) -> int:
    from nia_desktop.services.consumers import remove_consumer

    def act(session: Session) -> int:
        removed = remove_consumer(session, args.name)
        return respond(args, removed.to_json(), f"removed consumer {removed.name}: it receives nothing more "
                                                "(the ledger keeps what it was sent)")

    return run_in_session(args, act)


# -- release -----------------------------------------------------------------------------------------------------
def _release(args: argparse.Namespace) -> int:
    from nia_desktop.services.dissemination import release_to

    def act(session: Session) -> int:
        done = release_to(session, args.case, args.consumers, None if args.queue else args.out,
                          args.tearline_summary, args.full, args.title, args.summary, args.tearline_title)
        lines = []
        for r in done.released:
            product = f"tearline version at {r.tearline}" if r.tearline else "full product"
            head = f"{r.consumer} ({safe(r.organisation)}): {product}, {r.marking.banner()}"
            if r.status == "exported":
                lines.append(f"{head}\n  {'wrote ' + str(r.path) if r.path else 'queued for a courier'}: bundle "
                             f"{r.uuid}, product {(r.digest or '')[:16]}")
            elif r.status == "queued":
                lines.append(f"{head}\n  release review {r.request_id} queued (two-person rule); nothing written")
            else:
                lines.append(f"{head}\n  release review {r.request_id} still waits for an officer; nothing written")
        if any(r.status != "exported" for r in done.released):
            lines.append("Run this command again once an officer has approved the reviews (nia release approve ID).")
        return respond(args, done.to_json(), "\n".join(lines))

    return run_in_session(args, act)


# -- ledger ------------------------------------------------------------------------------------------------------
def _marking(product: Product) -> str:
    return "//".join((product.classification.english, *product.caveats))


def _holdings_text(page: Page[Holding], empty: str) -> str:
    if not page.items:
        return empty
    rows = [[h.copy.consumer or "(unregistered)", h.organisation or "-", h.product.digest[:16], h.product.case,
             _marking(h.product), h.copy.kind if h.copy.kind == "notice" else (h.product.tearline and "tearline")
             or "full", h.copy.state, h.copy.released_at[:16].replace("T", " "), h.via] for h in page.items]
    text = table(rows, ["CONSUMER", "ORGANISATION", "PRODUCT", "CASE", "MARKING", "KIND", "STATE", "WHEN", "VIA"])
    return text + _more(page)


def _more(page: Page[Any]) -> str:
    return f"\n… more: --offset {page.offset + page.limit}" if page.more else ""


def _who_has(args: argparse.Namespace) -> int:
    from nia_desktop.services.ledger import who_has

    def act(session: Session) -> int:
        page = who_has(session, args.report, args.limit, args.offset)
        return respond(args, page.to_json(), _holdings_text(
            page, f"no released product derives from report {args.report}"))

    return run_in_session(args, act)


def _sent(args: argparse.Namespace) -> int:
    from nia_desktop.services.ledger import sent

    def act(session: Session) -> int:
        page = sent(session, args.consumer, args.limit, args.offset)
        return respond(args, page.to_json(), _holdings_text(page, f"nothing sent to {safe(args.consumer)}"))

    return run_in_session(args, act)


def _outstanding(args: argparse.Namespace) -> int:
    from nia_desktop.services.ledger import outstanding

    def act(session: Session) -> int:
        page = outstanding(session, args.limit, args.offset)
        return respond(args, page.to_json(), _holdings_text(page, "every copy is acknowledged"))

    return run_in_session(args, act)


def _stale(args: argparse.Namespace) -> int:
    from nia_desktop.services.ledger import stale

    def act(session: Session) -> int:
        page = stale(session, args.limit, args.offset)
        text = table([[s.product.digest[:16], s.product.case, _marking(s.product), str(s.report_id),
                       ", ".join(s.reasons)] for s in page.items],
                     ["PRODUCT", "CASE", "MARKING", "REPORT", "CHANGED"]) + _more(page) if page.items \
            else "no released product rests on a report changed since"
        return respond(args, page.to_json(), text)

    return run_in_session(args, act)


def _product(args: argparse.Namespace) -> int:
    from nia_desktop.services.ledger import product

    def act(session: Session) -> int:
        found = product(session, args.digest)
        p = found.product
        lines = [f"product {p.digest}", f"case {safe(p.case)}: {safe(p.title)}", f"marking {_marking(p)}"
                 + (f" (tearline version at {p.tearline})" if p.tearline else " (full product)"),
                 f"by {p.author}, {p.created_at[:16].replace('T', ' ')}",
                 "derives from: " + (", ".join(f"#{d.report_id} ({d.classification.english}"
                                               + "".join(f"//{c}" for c in d.caveats)
                                               + (f", {d.grading}" if d.grading else "") + ")"
                                               for d in found.derives_from) or "-"),
                 "assessments: " + (", ".join(map(str, found.assessments)) or "-"), "copies:"]
        lines += [f"  {c.consumer or '(unregistered)'}: {c.state}, {c.released_at[:16].replace('T', ' ')}, "
                  f"{safe(c.custody)}" for c in found.copies] or ["  -"]
        lines += [f"notice {n.digest[:16]}: {n.action}, {safe(n.why)}" for n in found.notices]
        return respond(args, found.to_json(), "\n".join(lines))

    return run_in_session(args, act)
