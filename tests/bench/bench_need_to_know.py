"""What need-to-know filtering costs (issue 13): search p95 and opening the Fusion view, filtered beside unfiltered.

    python tests/bench/bench_need_to_know.py --reports 100000                  # search and Fusion at 100,000
    python tests/bench/bench_need_to_know.py --reports 100000 --fusion 0       # search only
    python tests/bench/bench_need_to_know.py --reports 10000 --fusion 10000    # a quick look

Target (issue 13): filtering costs no more than 20 % on search p95 and on opening the Fusion view.

The vault is filled through the store (as bench_import.py fills its search vault): reports spread over the four
levels, 10 % of them in a compartment (特定秘密 or an operation's), some under ORCON (a control: it restricts
nothing). Each text is a short contact report with people, companies and selectors (tests/bench/corpus.py
synthetic, so fusion has work), followed in the search vault by ~800 characters of the search corpus's words.

Search: 50 queries (English and Japanese words and phrases, prefixes, AND/OR), each run in rounds, the paths
interleaved query by query (each goes first in turn) so that drift and a cold page cache hit them alike:
* store, unfiltered: core.store.reports.search with Filters() (no reading clause; the baseline the brief names);
* store, with the filters the service passes for each analyst below (the reading clause on the reports, the same
  rule on the full-text rowids, and ranking on the candidates' own text when anything is hidden from them);
* service, unfiltered: services.reports.search with need-to-know taken out (Session.readable returns no
  clause): the same work a user's search does (snippets, ranking), without filtering;
* service, as each analyst: a fully cleared one (TOP SECRET and every compartment: the clause is still applied
  and still reads the user's grants at every call) and a SECRET analyst holding one compartment.

Opening the Fusion view: what the view runs on a worker when it opens (ui/views/fusion/view.py:
services.fusion.fusion_workspace(session, "", grown=False): a full fusion of what the user may read, stored, and
the facts of every readable report), timed with every report's extraction already kept in the vault (as after
the first fusion or an import), for the fully cleared analyst, beside the same call with filtering taken out
(store.clearances.readable_sql returns no clause, readable_ids keeps every id), alternated.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench.corpus import report_text, synthetic

OFFICER, ANALYSTS = ("olive", "olive-passphrase-1"), {"cleared": "cleared-passphrase-1",
                                                      "secret": "secret-passphrase-1"}
OPERATION, OTHER = "HAYABUSA", "BLUEFIN"
QUERIES = [
    "embassy", "tanker", "quantum", "sanction", "laboratory", "harbour", "nominee", "recruitment", "broadcast",
    "channel", "consultant", "payment", "election", "candidate", "wafer", "Roppongi", "NAGASE", "Meridian",
    "Harbour Crest", "Goldleaf", '"wafer bonding"', '"nominee director"', '"fabricated image"',
    '"charter sanction"', '"harbour logistics"', '"embassy attaché"', "embassy AND tanker", "quantum OR sensing",
    "lab*", "sanc*",
    "量子センシング", "大使館", "偽情報", "港湾", "顧問料", "選挙", "候補者", "タンカー", "制裁", "取締役", "永瀬蓮",
    "六本木", '"川崎市で"', '"技術者に"', '"選挙、"', '"偽情報を"', '"港湾を"', '"制裁に"', "研究室 OR 勧誘",
    "接触",
]


def make_vault(root: Path, count: int, words: bool = True) -> float:
    """A vault with ``count`` reports filled through the store, markings set; returns the seconds it took.
    ``words``: each contact report is followed by ~800 characters of the search corpus's words (for search; fusion
    takes the contact reports alone: drawn from 32 words, those tails would all look like near-duplicates)."""
    from nia_desktop.core.classification import Level
    from nia_desktop.core.markings import ORCON, SPECIALLY_DESIGNATED_SECRET
    from nia_desktop.core.roles import Role
    from nia_desktop.core.store import clearances as marks
    from nia_desktop.core.store import reports as store
    from nia_desktop.core.vault.kdf import FLOOR
    from nia_desktop.services import clearances
    from nia_desktop.services.session import unlock
    from nia_desktop.services.users import add_user
    from nia_desktop.services.vault_setup import init_vault

    init_vault(root, *OFFICER, params=FLOOR)
    with unlock(root, *OFFICER) as officer:
        add_user(officer, "cleared", Role.ANALYST, ANALYSTS["cleared"], clearance=Level.TOP_SECRET)
        add_user(officer, "secret", Role.ANALYST, ANALYSTS["secret"], clearance=Level.SECRET)
        for name in (OPERATION, OTHER):
            clearances.add_compartment(officer, name, f"bench compartment {name}")
        for name in (SPECIALLY_DESIGNATED_SECRET, OPERATION, OTHER):
            clearances.grant(officer, "cleared", name)
        clearances.grant(officer, "secret", OPERATION)
    rng = random.Random(13)
    start = time.perf_counter()
    with unlock(root, "cleared", ANALYSTS["cleared"]) as session:
        for first in range(0, count, 5000):
            with session.db.transaction():
                for i in range(first, min(first + 5000, count)):
                    text = synthetic(i, rng) + ("\n" + report_text(i, rng, 800) if words else "")
                    level = Level(i % 4)
                    report_id = store.insert(session.db, store.NewReport(
                        sha256=f"{i:064x}", title=f"contact report {i}", body=text, agency=("NPA", "CIRO", "MOFA",
                                                                                             "DIH")[i % 4],
                        classification=level, classification_stated=True, reliability="B", credibility="2",
                        language="en", report_date=f"2026-03-{i % 28 + 1:02}", detected_type="text",
                        encoding="utf-8", original_name=f"{i}.txt", path=f"/m/{i}.txt", inner_path="",
                        size=len(text), volume_label="m", volume_path="/m", imported_by="cleared",
                        imported_at="2026-03-01T00:00:00Z", import_id=0, parent_id=None, fields={},
                        structured=None), text.encode())
                    caveats = {0: [SPECIALLY_DESIGNATED_SECRET], 7: [OPERATION]}.get(i % 20, [])
                    if i % 25 == 3:
                        caveats.append(ORCON)
                    if caveats:
                        marks.set_report_caveats(session.db, report_id, caveats)
    return time.perf_counter() - start


@contextmanager
def without_need_to_know() -> Iterator[None]:
    """The same code with the reading filter taken out: no clause, every id readable."""
    from nia_desktop.core.store import clearances
    from nia_desktop.services import session as session_module

    saved = (clearances.readable_sql, clearances.readable_rows_sql, clearances.hides_any, clearances.readable_ids,
             session_module.Session.readable)
    clearances.readable_sql = lambda db, reader, table="reports": ("1", [])  # type: ignore[assignment]
    clearances.readable_rows_sql = lambda db, reader, column: ("1", [])  # type: ignore[assignment]
    clearances.hides_any = lambda db, reader: False  # type: ignore[assignment]
    clearances.readable_ids = lambda db, reader, ids: set(ids)  # type: ignore[assignment]
    session_module.Session.readable = lambda self, table="reports": ("1", [])  # type: ignore[assignment]
    try:
        yield
    finally:
        (clearances.readable_sql, clearances.readable_rows_sql, clearances.hides_any, clearances.readable_ids,
         session_module.Session.readable) = saved


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[max(0, int(len(ordered) * 0.95) - 1)]


def row(label: str, times: list[float], base: list[float] | None, hits: int) -> str:
    ratio = f"{p95(times) / p95(base):5.2f}" if base else "     "
    return (f"  {label:52} p50 {statistics.median(times) * 1000:7.1f} ms   p95 {p95(times) * 1000:7.1f} ms   "
            f"ratio {ratio}   ({hits} hits)")


def bench_search(root: Path, rounds: int) -> None:
    from dataclasses import replace

    from nia_desktop.core import search as fts
    from nia_desktop.core.store import clearances
    from nia_desktop.core.store import reports as store
    from nia_desktop.core.store.reports import Filters
    from nia_desktop.services import reports
    from nia_desktop.services.session import unlock

    cleared = unlock(root, "cleared", ANALYSTS["cleared"])
    secret = unlock(root, "secret", ANALYSTS["secret"])

    def reader_filters(session: Any) -> Filters:
        """The filters services.reports.search passes the store for this user."""
        reader = session.access()
        clause, params = clearances.readable_sql(session.db, reader)
        rows, row_params = clearances.readable_rows_sql(session.db, reader, "reports_fts.rowid")
        return replace(Filters(), readable=(clause, tuple(params)), readable_rows=(rows, tuple(row_params)),
                       rank_locally=clearances.hides_any(session.db, reader))

    def store_search(filters: Filters) -> Callable[[str], int]:
        return lambda q: len(store.search(cleared.db, fts.to_fts_query(q), 20, filters))

    def service_search(session: Any) -> Callable[[str], int]:
        return lambda q: len(reports.search(session, q, limit=20))

    def unfiltered_service(session: Any) -> Callable[[str], int]:
        def run(q: str) -> int:
            with without_need_to_know():
                return len(reports.search(session, q, limit=20))
        return run

    # Each session is its own connection with its own page cache: a service path is compared with the same
    # session's search with need-to-know taken out (one warmed by the other paths' queries would flatter it).
    paths: dict[str, Callable[[str], int]] = {
        "store, unfiltered (Filters())": store_search(Filters()),
        "store, fully cleared analyst's filters": store_search(reader_filters(cleared)),
        "store, SECRET + one compartment's filters": store_search(reader_filters(secret)),
        "service, need-to-know taken out": unfiltered_service(cleared),
        "service, fully cleared analyst": service_search(cleared),
        "service, need-to-know taken out (SECRET's session)": unfiltered_service(secret),
        "service, SECRET + one compartment": service_search(secret),
    }
    times: dict[str, list[float]] = {label: [] for label in paths}
    hits: dict[str, int] = dict.fromkeys(paths, 0)
    for run in paths.values():  # warm each path's pages once
        for query in QUERIES:
            run(query)
    labels = list(paths)
    for round_ in range(rounds):
        for n, query in enumerate(QUERIES):
            turn = (n + round_) % len(labels)  # each path goes first as often as the others
            for label in labels[turn:] + labels[:turn]:
                run = paths[label]
                start = time.perf_counter()
                found = run(query)
                times[label].append(time.perf_counter() - start)
                hits[label] += found
    print(f"search: {len(QUERIES)} queries x {rounds} rounds, top 20 with snippets; ratio = p95 / the unfiltered "
          "p95 at the same level (store or service)")
    bases = {"store": times["store, unfiltered (Filters())"], "cleared": times["service, need-to-know taken out"],
             "secret": times["service, need-to-know taken out (SECRET's session)"]}
    for label in paths:
        base = bases["store" if label.startswith("store") else "secret" if "SECRET" in label else "cleared"]
        print(row(label, times[label], None if times[label] is base else base, hits[label] // rounds))
    cleared.close()
    secret.close()


def bench_fusion(root: Path, runs: int) -> None:
    from nia_desktop.core.gc_pause import paused_gc
    from nia_desktop.services import fusion
    from nia_desktop.services.session import unlock

    session = unlock(root, "cleared", ANALYSTS["cleared"])
    start = time.perf_counter()
    with paused_gc():
        first = fusion.fusion_workspace(session, "", False)
    print(f"fusion: first opening (extracts every report, keeps the extractions): {time.perf_counter() - start:.1f} s,"
          f" {len(first.reports)} reports, {len(first.entities)} entities")
    del first
    filtered, unfiltered = [], []
    for _ in range(runs):
        for timing, off in ((filtered, False), (unfiltered, True)):
            start = time.perf_counter()
            with paused_gc():
                if off:
                    with without_need_to_know():
                        space = fusion.fusion_workspace(session, "", False)
                else:
                    space = fusion.fusion_workspace(session, "", False)
            timing.append(time.perf_counter() - start)
            shown = len(space.reports)
            del space
    base = statistics.median(unfiltered)
    print(f"fusion: opening the Fusion view (fusion_workspace, extractions kept), {runs} runs each, alternated:")
    print(f"  {'need-to-know taken out':44} median {base:7.2f} s   runs {', '.join(f'{t:.2f}' for t in unfiltered)}")
    print(f"  {'fully cleared analyst (filtered)':44} median {statistics.median(filtered):7.2f} s   runs "
          f"{', '.join(f'{t:.2f}' for t in filtered)}   ratio {statistics.median(filtered) / base:5.2f}   "
          f"({shown} reports)")
    secret = unlock(root, "secret", ANALYSTS["secret"])
    start = time.perf_counter()
    with paused_gc():
        space = fusion.fusion_workspace(secret, "", False)
    print(f"  {'SECRET + one compartment (once)':44} {time.perf_counter() - start:7.2f} s   "
          f"({len(space.reports)} reports it may read)")
    secret.close()
    session.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5, help="search rounds over every query")
    parser.add_argument("--fusion", type=int, default=-1, metavar="N",
                        help="fuse a vault of N reports (default: --reports; 0: no fusion)")
    parser.add_argument("--fusion-runs", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    fusion_size = args.reports if args.fusion < 0 else args.fusion
    with tempfile.TemporaryDirectory() as tmp:
        fill = make_vault(Path(tmp) / "vault", args.reports)
        print(f"{args.reports} reports (a quarter at each level; 10 % in a compartment), filled in {fill:.0f} s")
        bench_search(Path(tmp) / "vault", args.rounds)
        if fusion_size:
            root = Path(tmp) / "fusion"
            fill = make_vault(root, fusion_size, words=False)
            print(f"{fusion_size} contact reports for fusion (same levels and compartments), filled in {fill:.0f} s")
            bench_fusion(root, args.fusion_runs)


if __name__ == "__main__":
    main()
