"""`nia fuse`, `nia case create|add` (analyst)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from nia_desktop.cli.context import SubParsers, respond, run_in_session, wants_json
from nia_desktop.cli.numbers import limit, row_id
from nia_desktop.cli.output import emit_json, safe, say, table

if TYPE_CHECKING:
    from nia_desktop.services.entity_network import EntityRef
    from nia_desktop.services.session import Session


def register(commands: SubParsers, common: argparse.ArgumentParser) -> None:
    fuse = commands.add_parser("fuse", parents=[common], help="entities, links and near-duplicate groups")
    fuse.add_argument("--case", default="", help="only this case's reports (default: every report)")
    fuse.set_defaults(handler=_fuse)
    entity = commands.add_parser(
        "entity", help="entities: analysts' judgements, paths and rankings (numbers from the latest `nia fuse` "
        "of the same scope)"
    ).add_subparsers(dest="entity_cmd", required=True)
    show = entity.add_parser("show", parents=[common], help="an entity: aliases, reports, corroboration, merges")
    show.add_argument("id", type=row_id)
    show.add_argument("--case", default="")
    show.set_defaults(handler=_entity_show)
    merge = entity.add_parser("merge", parents=[common], help="these entities are one (kept across re-fusion)")
    merge.add_argument("ids", nargs="+", type=row_id, metavar="ID")
    merge.add_argument("--why", default="", help="the reason, kept in the judgement log")
    merge.add_argument("--case", default="")
    merge.set_defaults(handler=_entity_merge)
    confirm = entity.add_parser("confirm", parents=[common],
                                help="this entity is right as resolved (kept whole across re-fusion)")
    confirm.add_argument("id", type=row_id)
    confirm.add_argument("--why", default="", help="the reason, kept in the judgement log")
    confirm.add_argument("--case", default="")
    confirm.set_defaults(handler=_entity_confirm)
    different = entity.add_parser("different", parents=[common], help="these two are never one entity")
    different.add_argument("ids", nargs=2, type=row_id, metavar="ID")
    different.add_argument("--why", default="")
    different.add_argument("--case", default="")
    different.set_defaults(handler=_entity_different)
    split = entity.add_parser("split", parents=[common], help="the entity's mentions in these reports are another")
    split.add_argument("id", type=row_id)
    split.add_argument("--reports", nargs="+", type=row_id, required=True, metavar="REPORT_ID")
    split.add_argument("--why", default="")
    split.add_argument("--case", default="")
    split.set_defaults(handler=_entity_split)
    kinds = "person, organization, location, operation, domain, ip, email, phone, url, social_handle, " \
        "telegram_channel, crypto_address"
    mark = entity.add_parser("mark", parents=[common], help="this text is an entity of this kind, in every report "
                             "(kept across re-fusion; applied by the next full fusion)")
    mark.add_argument("text", help="the words exactly as written (whole words in Latin script)")
    mark.add_argument("--kind", required=True, help=f"one of: {kinds}")
    mark.add_argument("--why", default="", help="the reason, kept in the judgement log")
    mark.add_argument("--report", type=row_id, required=True,
                      help="the report the text was read in: the judgement rests on it, and only readers of that "
                           "report see its words")
    mark.set_defaults(handler=_entity_mark)
    unmark = entity.add_parser("unmark", parents=[common], help="this text is not an entity (of this kind, or of "
                               "any): its mentions are dropped everywhere")
    unmark.add_argument("text", help="the words exactly as written")
    unmark.add_argument("--kind", default="", help=f"only mentions of this kind (default: any); one of: {kinds}")
    unmark.add_argument("--why", default="", help="the reason, kept in the judgement log")
    unmark.add_argument("--report", type=row_id, required=True,
                        help="the report the text was read in: the judgement rests on it, and only readers of that "
                             "report see its words")
    unmark.set_defaults(handler=_entity_unmark)
    undo = entity.add_parser("undo", parents=[common], help="revoke a judgement (it stays in the log)")
    undo.add_argument("judgement", type=row_id, metavar="JUDGEMENT_ID")
    undo.set_defaults(handler=_entity_undo)
    log = entity.add_parser("log", parents=[common], help="every judgement: who, when, why, which reports")
    log.set_defaults(handler=_entity_log)
    path = entity.add_parser("path", parents=[common], help="the shortest paths between two entities, counted in "
                             "hops, with the reports that join each pair (docs/entity-network.md)")
    path.add_argument("ids", nargs=2, type=row_id, metavar="ID")
    path.add_argument("--case", default="", help="only this case's reports as evidence (its own fusion)")
    path.add_argument("--limit", type=limit, default=20, help="paths listed (all are counted; default 20)")
    path.set_defaults(handler=_entity_path)
    ranked = entity.add_parser("rank", parents=[common], help="entities by degree or betweenness, brokers marked")
    ranked.add_argument("--by", required=True, choices=["degree", "betweenness"])
    ranked.add_argument("--case", default="", help="only this case's reports as evidence (its own fusion)")
    ranked.add_argument("--limit", type=limit, default=50, help="entities listed (default 50)")
    ranked.set_defaults(handler=_entity_rank)
    watch = commands.add_parser("watchlist", help="known entities and their aliases (analyst)").add_subparsers(
        dest="watch_cmd", required=True)
    add_watch = watch.add_parser("add", parents=[common], help="a known entity: its aliases all become it")
    add_watch.add_argument("name")
    add_watch.add_argument("--kind", required=True, choices=["person", "organization", "location", "operation"])
    add_watch.add_argument("--alias", action="append", default=[], metavar="TEXT", help="repeat for each alias")
    add_watch.set_defaults(handler=_watch_add)
    list_watch = watch.add_parser("list", parents=[common], help="the watchlist")
    list_watch.set_defaults(handler=_watch_list)
    remove = watch.add_parser("remove", parents=[common], help="take an entry off (kept, marked removed)")
    remove.add_argument("id", type=row_id)
    remove.set_defaults(handler=_watch_remove)
    case = commands.add_parser("case", help="cases: named groups of reports").add_subparsers(
        dest="case_cmd", required=True)
    create = case.add_parser("create", parents=[common], help="create a case")
    create.add_argument("name")
    create.set_defaults(handler=_case_create)
    suggest = case.add_parser("suggest", parents=[common], help="reports linked to the case's, not yet in it")
    suggest.add_argument("name")
    suggest.set_defaults(handler=_case_suggest)
    add = case.add_parser("add", parents=[common], help="add reports to a case")
    add.add_argument("name")
    add.add_argument("ids", nargs="+", type=row_id, metavar="ID")
    add.set_defaults(handler=_case_add)


def _fuse(args: argparse.Namespace) -> int:
    from nia_desktop.services.fusion import fuse_kept, pending_work, run_fusion
    from nia_desktop.services.fusion_tables import duplicate_page, entity_page

    def act(session: Session) -> int:
        if wants_json(args):
            result = run_fusion(session, args.case)
            waiting, _ = pending_work(session, args.case)  # a full fusion clears the scope's queue: 0 unless raced
            emit_json({**result.to_json(), "pending": waiting})
            return 0
        counts = fuse_kept(session, args.case)
        waiting, _ = pending_work(session, args.case)
        top = entity_page(session, args.case, limit=200, min_reports=2, seen=False).rows
        say(table([[str(e.id), e.kind, e.name, str(e.report_count), ", ".join(e.aliases[:4])] for e in top],
                  ["id", "kind", "name", "reports", "aliases"]))
        say(f"{counts.entities} entities, {counts.links} linked report pairs, "
            f"{counts.duplicate_groups} near-duplicate groups")
        offset, more = 0, True
        while more:  # a page at a time: a million reports' groups are never one list
            page = duplicate_page(session, args.case, offset)
            for group in page.groups:
                say("near-duplicates: " + ", ".join(safe(str(i)) for i in group))
            offset, more = offset + len(page.groups), page.more and bool(page.groups)
        if waiting:
            say(f"re-fuse recommended: {waiting} pending")
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


def _entity_show(args: argparse.Namespace) -> int:
    from nia_desktop.services.fusion import corroboration, entity_details

    def act(session: Session) -> int:
        entity = entity_details(session, args.id, args.case)
        if entity is None:
            from nia_desktop.core.errors import BadInput

            raise BadInput(f"no entity {args.id} in the latest fusion: run `nia fuse` first")
        seen = corroboration(session, entity["reports"]).to_json()
        body = {**entity, "corroboration": seen}
        text = "\n".join([
            f"{safe(entity['name'])} ({entity['kind']}), {len(entity['reports'])} report(s)",
            "aliases: " + ", ".join(safe(a) for a in entity["aliases"]),
            "reports: " + ", ".join(map(str, entity["reports"])),
            "agencies: " + ", ".join(f"{a} {n}" for a, n in seen["agencies"].items())
            + ("  (single source)" if seen["single_source"] else ""),
            f"gradings: {', '.join(seen['gradings']) or '-'}; first seen {seen['first_seen']}, "
            f"last seen {seen['last_seen']}",
            *[f"merged: {safe(' '.join(m['a']))} + {safe(' '.join(m['b']))} ({safe(m['why'])})"
              for m in entity.get("merges", [])]])
        return respond(args, body, text)

    return run_in_session(args, act)


def _entity_merge(args: argparse.Namespace) -> int:
    from nia_desktop.services.fusion import merge_entities

    def act(session: Session) -> int:
        made = merge_entities(session, args.ids, args.why, args.case)
        return respond(args, {"judgements": made}, f"recorded judgement(s) {', '.join(map(str, made))}; "
                       "run `nia fuse` to see the result")

    return run_in_session(args, act)


def _entity_confirm(args: argparse.Namespace) -> int:
    from nia_desktop.services.fusion import confirm_entity

    def act(session: Session) -> int:
        made = confirm_entity(session, args.id, args.why, args.case)
        return respond(args, {"judgements": made}, f"recorded judgement(s) {', '.join(map(str, made))}")

    return run_in_session(args, act)


def _entity_different(args: argparse.Namespace) -> int:
    from nia_desktop.services.fusion import mark_different

    def act(session: Session) -> int:
        made = mark_different(session, args.ids[0], args.ids[1], args.why, args.case)
        return respond(args, {"judgements": [made]}, f"recorded judgement {made}; run `nia fuse` to see the result")

    return run_in_session(args, act)


def _entity_split(args: argparse.Namespace) -> int:
    from nia_desktop.services.fusion import split_entity

    def act(session: Session) -> int:
        made = split_entity(session, args.id, args.reports, args.why, args.case)
        return respond(args, {"judgements": made}, f"recorded judgement(s) {', '.join(map(str, made))}; "
                       "run `nia fuse` to see the result")

    return run_in_session(args, act)


def _entity_mark(args: argparse.Namespace) -> int:
    from nia_desktop.services.entity_marks import mark_entity

    def act(session: Session) -> int:
        made = mark_entity(session, args.text, args.kind, args.why, args.report)
        return respond(args, made.to_json(), f"recorded judgement {made.judgement}; {_queued(made.queued)}")

    return run_in_session(args, act)


def _entity_unmark(args: argparse.Namespace) -> int:
    from nia_desktop.services.entity_marks import unmark_entity

    def act(session: Session) -> int:
        made = unmark_entity(session, args.text, args.kind or None, args.why, args.report)
        return respond(args, made.to_json(), f"recorded judgement {made.judgement}; {_queued(made.queued)}")

    return run_in_session(args, act)


def _queued(count: int) -> str:
    if not count:
        return "the next `nia fuse` applies it"
    return f"re-fuse recommended: pending on {count} kept fusion(s) until `nia fuse` runs again"


def _entity_undo(args: argparse.Namespace) -> int:
    from nia_desktop.services.fusion import undo_judgement

    def act(session: Session) -> int:
        queued = undo_judgement(session, args.judgement)
        return respond(args, {"revoked": args.judgement, "queued": queued}, f"revoked judgement {args.judgement}"
                       + (f"; {_queued(queued)}" if queued else ""))

    return run_in_session(args, act)


def _entity_log(args: argparse.Namespace) -> int:
    from nia_desktop.services.fusion import judgement_log

    def act(session: Session) -> int:
        log = judgement_log(session)
        rows = [[str(j["id"]), j["verdict"], safe(j["a"]), safe(j["b"]), j["by"], j["at"], safe(j["why"]),
                 "revoked" if j["revoked_by"] else ""] for j in log]
        return respond(args, log, table(rows, ["id", "verdict", "a", "b", "by", "at", "why", "state"]))

    return run_in_session(args, act)


def _watch_add(args: argparse.Namespace) -> int:
    from nia_desktop.services.watchlist import add_watch

    def act(session: Session) -> int:
        made = add_watch(session, args.name, args.kind, args.alias)
        return respond(args, {"id": made}, f"watchlist entry {made}: {safe(args.name)}")

    return run_in_session(args, act)


def _watch_list(args: argparse.Namespace) -> int:
    from nia_desktop.services.watchlist import watch_entries

    def act(session: Session) -> int:
        entries = watch_entries(session)
        text = table([[str(e.id), e.kind.value, safe(e.name), safe(", ".join(e.aliases))] for e in entries],
                     ["id", "kind", "name", "aliases"])
        return respond(args, [e.to_json() for e in entries], text)

    return run_in_session(args, act)


def _watch_remove(args: argparse.Namespace) -> int:
    from nia_desktop.services.watchlist import remove_watch

    def act(session: Session) -> int:
        remove_watch(session, args.id)
        return respond(args, {"removed": args.id}, f"removed watchlist entry {args.id}")

    return run_in_session(args, act)


def _case_suggest(args: argparse.Namespace) -> int:
    from nia_desktop.services.fusion import suggest_for_case

    def act(session: Session) -> int:
        found = suggest_for_case(session, args.name)
        text = table([[str(s["report"]), f"{s['weight']:.2f}", safe(", ".join(s["entities"])[:100])] for s in found],
                     ["report", "weight", "linked through"]) if found else "no linked report outside the case"
        return respond(args, found, text)

    return run_in_session(args, act)


def _entity_path(args: argparse.Namespace) -> int:
    from nia_desktop.services.entity_network import paths

    def act(session: Session) -> int:
        found = paths(session, args.ids[0], args.ids[1], args.case, args.limit)

        def name(ref: EntityRef) -> str:
            return f"{safe(ref.name)} ({ref.id})"

        if found.hops is None:
            text = f"no path between {name(found.source)} and {name(found.target)}"
        else:
            lines = [f"{found.total} shortest path(s) of {found.hops} hop(s) between {name(found.source)} and "
                     f"{name(found.target)}" + (f"; the first {len(found.paths)} listed" if found.total >
                                                len(found.paths) else "")]
            for number, path in enumerate(found.paths, start=1):
                steps = [name(path.entities[0])]
                for edge, entity in zip(path.edges, path.entities[1:], strict=True):
                    shown = edge.reports[:5]  # --json lists up to 20, every one counted
                    more = f" +{edge.shared - len(shown)}" if edge.shared > len(shown) else ""
                    steps.append(f"-[report {', '.join(map(str, shown))}{more}]- {name(entity)}")
                lines.append(f"{number}. " + " ".join(steps))
            text = "\n".join(lines)
        return respond(args, found.to_json(), text)

    return run_in_session(args, act)


def _entity_rank(args: argparse.Namespace) -> int:
    from nia_desktop.services.entity_network import rank

    def act(session: Session) -> int:
        ranking = rank(session, args.by, args.case, args.limit)
        rows = [[str(r.rank), str(r.entity.id), r.entity.kind, r.entity.name, str(r.degree),
                 "" if r.betweenness is None else f"{r.betweenness:.1f}", "broker" if r.broker else ""]
                for r in ranking.rows]
        how = ""
        if args.by == "betweenness":
            how = (f"; betweenness sampled: {ranking.pivots} of {ranking.nodes} entities as sources (seed "
                   f"{ranking.seed}), scaled up" if ranking.sampled else "; betweenness exact")
        text = (table(rows, ["rank", "id", "kind", "name", "degree", "betweenness", ""]) + "\n"
                f"{ranking.nodes} entities, {ranking.edges} links between them, {ranking.brokers} broker(s) "
                f"(an entity whose removal cuts some of its neighbours off from each other){how}")
        return respond(args, ranking.to_json(), text)

    return run_in_session(args, act)
