"""A vault of a million reports, kept on disk so each measure can be run again on it (issue 15).

    python tests/bench/bench_million.py fill   --vault /tmp/m1 --reports 1000000    # once: prints the fill time
    python tests/bench/bench_million.py size   --vault /tmp/m1                      # vault size beside text size
    python tests/bench/bench_million.py search --vault /tmp/m1                      # p95 beside raw FTS5

Filling goes through the store (core/store/reports.insert: the report, its text and its search index rows),
5,000 reports a transaction, as an import's writer does without the parsing: synthetic contact reports of about
2 KB, English and Japanese, four agencies, twelve months, three levels. The vault's analyst is ``anna``
(passphrase ``anna-passphrase-1``); the officer is ``olive``.

Search: p95 of word and phrase queries, English and Japanese, through services.reports.search (the analyst's
need-to-know clause, ranking, snippets, the audit entry), beside the same MATCH straight on the FTS5 table in the
same run: its first 20 rowids (no ranking, no filter), and its first 20 by FTS5's own bm25 rank. The service's
queries run before the baselines, whose full scans would evict their pages; each word's first query (pages not yet
in SQLCipher's cache) is shown apart as well as counted. Each search commits its audit entry (synchronous=FULL,
rollback journal): about 20 ms of every figure here on a quiet machine, shown apart (its p50 and p95), and more
when other work writes to the same disk. The process's CPU time per query is shown too: on a shared machine it
moves less with the load than the wall-clock figures do.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench.corpus import AGENCIES, report_text, synthetic

ANALYST, ANALYST_PASS = "anna", "anna-passphrase-1"
QUERIES = {"en word": ["embassy", "tanker", "quantum", "sanction", "laboratory"],
           "en phrase": ['"wafer bonding"', '"nominee director"', '"fabricated image"', '"charter sanction"'],
           "ja word": ["量子センシング", "大使館", "偽情報", "港湾", "顧問料"],
           "ja phrase": ['"川崎市で"', '"技術者に"', '"選挙、"', '"偽情報を"']}


def fill(vault: Path, count: int, batch: int = 5000, short: bool = False) -> None:
    """``short``: bench_full_fusion's contact reports of about 400 characters (a million in about two minutes)."""
    from nia_desktop.core.classification import Level
    from nia_desktop.core.roles import Role
    from nia_desktop.core.store import reports as store
    from nia_desktop.core.vault.kdf import FLOOR
    from nia_desktop.services.session import unlock
    from nia_desktop.services.users import add_user
    from nia_desktop.services.vault_setup import init_vault

    init_vault(vault, "olive", "olive-passphrase-1", params=FLOOR)
    with unlock(vault, "olive", "olive-passphrase-1") as session:
        add_user(session, ANALYST, Role.ANALYST, ANALYST_PASS)
    levels = (Level.SECRET, Level.CONFIDENTIAL, Level.UNCLASSIFIED)
    rng = random.Random(15)
    text_bytes = 0
    start = time.perf_counter()
    with unlock(vault, ANALYST, ANALYST_PASS) as session:
        for first in range(0, count, batch):
            with session.db.transaction():
                for i in range(first, min(first + batch, count)):
                    text = synthetic(i, rng) if short else report_text(i, rng)
                    body = text.encode()
                    text_bytes += len(body)
                    store.insert(session.db, store.NewReport(
                        sha256=f"{i:064x}", title=f"report {i}", body=text, agency=AGENCIES[i % 4],
                        classification=levels[i % 3], classification_stated=True, reliability="B",
                        credibility="2", language="en", report_date=f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}",
                        detected_type="text", encoding="utf-8", original_name=f"{i}.txt", path=f"/m/{i}.txt",
                        inner_path="", size=len(body), volume_label="m", volume_path="/m", imported_by=ANALYST,
                        imported_at="2026-03-01T00:00:00Z", import_id=0, parent_id=None, fields={},
                        structured=None), body)
            done = min(first + batch, count)
            if done % 100_000 == 0 or done == count:
                print(f"  {done:>9,} reports  {time.perf_counter() - start:7.0f} s", flush=True)
    elapsed = time.perf_counter() - start
    (vault / "bench-fill.json").write_text(json.dumps({"reports": count, "seconds": round(elapsed, 1),
                                                        "text_bytes": text_bytes}))
    print(f"filled {count:,} reports in {elapsed:.0f} s ({count / elapsed:.0f} reports/s); "
          f"their text {text_bytes / 2**20:.0f} MiB")


def size(vault: Path) -> None:
    filled = json.loads((vault / "bench-fill.json").read_text())
    files = {p.name: p.stat().st_size for p in vault.iterdir() if p.is_file()}
    total = sum(files.values())
    print(f"vault of {filled['reports']:,} reports: {total / 2**20:,.0f} MiB on disk "
          f"(vault.db {files.get('vault.db', 0) / 2**20:,.0f} MiB) beside {filled['text_bytes'] / 2**20:,.0f} MiB "
          f"of report text: {total / filled['text_bytes']:.2f}x")


def search(vault: Path, rounds: int) -> None:
    from nia_desktop.services import reports
    from nia_desktop.services.session import unlock

    with unlock(vault, ANALYST, ANALYST_PASS) as session:
        commits: list[float] = []
        audit = session.audit

        def timed_audit(*args: Any, **kwargs: Any) -> Any:  # the real audit entry, its time noted
            t = time.perf_counter()
            try:
                return audit(*args, **kwargs)
            finally:
                commits.append(time.perf_counter() - t)

        session.audit = timed_audit  # type: ignore[method-assign]
        for label, words in QUERIES.items():
            first: list[float] = []
            again: list[float] = []
            commits.clear()
            cpu = time.process_time()
            for round_ in range(rounds):  # the service alone first: the baselines' full scans would evict its pages
                for word in words:
                    t = time.perf_counter()
                    hits = reports.search(session, word, limit=20)
                    (again if round_ else first).append(time.perf_counter() - t)
            cpu = (time.process_time() - cpu) / (rounds * len(words))
            raw, ranked = [], []
            for _ in range(max(1, rounds // 5)):
                for word in words:
                    t = time.perf_counter()
                    session.db.query("SELECT rowid FROM reports_fts WHERE reports_fts MATCH ? LIMIT 20", (_fts(word),))
                    raw.append(time.perf_counter() - t)
                    t = time.perf_counter()
                    session.db.query("SELECT rowid FROM reports_fts WHERE reports_fts MATCH ? ORDER BY rank LIMIT 20",
                                     (_fts(word),))
                    ranked.append(time.perf_counter() - t)
            every = first + again
            print(f"  {label:10} p50 {statistics.median(every) * 1000:6.1f} ms  p95 {_p95(every) * 1000:6.1f} ms  "
                  f"(CPU {cpu * 1000:5.1f} ms a query; the audit entry p50 "
                  f"{statistics.median(commits) * 1000:5.1f} ms, p95 {_p95(commits) * 1000:6.1f} ms) "
                  f"(a word's first query: max {max(first) * 1000:6.1f} ms; again: p95 {_p95(again) * 1000:6.1f} ms)"
                  f"   baselines: MATCH first 20 p95 {_p95(raw) * 1000:5.1f} ms, MATCH ranked (bm25) first 20 p95 "
                  f"{_p95(ranked) * 1000:7.1f} ms  ({len(hits)} hits shown)")


def _fts(query: str) -> str:
    """The FTS5 expression the service itself hands to MATCH (core/search.to_fts_query)."""
    from nia_desktop.core import search as fts

    return fts.to_fts_query(query)


def _p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[max(0, int(len(ordered) * 0.95) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=("fill", "size", "search"))
    parser.add_argument("--vault", type=Path, required=True)
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--short", action="store_true", help="fill with short synthetic reports (about 400 characters)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.what == "fill":
        fill(args.vault, args.reports, short=args.short)
    elif args.what == "size":
        size(args.vault)
    else:
        search(args.vault, args.rounds)


if __name__ == "__main__":
    main()
