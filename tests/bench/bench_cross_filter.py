"""The entity table narrowed to a set of reports (the Fusion view's event range or map region), at scale.

    python tests/bench/bench_fusion_view.py bare  --vault /tmp/xf100k --reports 100000   # the reports, once
    python tests/bench/bench_fusion_view.py state --vault /tmp/xf100k                    # a fused state, once
    python tests/bench/bench_cross_filter.py --vault /tmp/xf100k

Times, as the entity model asks them on a worker, the first page (200 rows, without who reports them) and the
count, unfiltered and for report sets of growing size (spread over the id range, as a date range's reports
are), and the readable_reports check the filter bar makes; the median of five runs each, and peak RSS.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench.bench_million import ANALYST, ANALYST_PASS


def _median_ms(fn: Callable[[], Any], runs: int = 5) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--vault", type=Path, required=True)
    parser.add_argument("--user", default=ANALYST)
    parser.add_argument("--passphrase", default=ANALYST_PASS)
    parser.add_argument("--hide-one", action="store_true",
                        help="first add a report under a compartment the analyst lacks (outside the fusion): every "
                             "query then joins the analyst's readable clause, as for a reader the vault hides "
                             "anything from")
    args = parser.parse_args()
    from nia_desktop.services import fusion_tables
    from nia_desktop.services.session import unlock

    with unlock(args.vault, args.user, args.passphrase) as session:
        if args.hide_one and not session.db.query("SELECT 1 FROM caveats WHERE name = 'BENCH-HIDDEN'"):
            with session.db.transaction():
                session.db.execute("INSERT INTO caveats (name, kind, added_by, added_at) VALUES "
                                   "('BENCH-HIDDEN', 'compartment', 'bench', '')")
                columns = ("title, agency, classification, classification_stated, reliability, credibility, "
                           "language, report_date, detected_type, encoding, original_name, path, inner_path, size, "
                           "volume_label, volume_path, imported_by, imported_at, import_id, parent_id, fields, "
                           "structured")
                session.db.execute(f"INSERT INTO reports (sha256, {columns}) SELECT 'hidden' || sha256, {columns} "  # noqa: S608
                                   "FROM reports ORDER BY id LIMIT 1")
                session.db.execute("INSERT INTO report_caveats (report_id, caveat) SELECT max(id), 'BENCH-HIDDEN' "
                                   "FROM reports")
        print("readable clause joined" if fusion_tables.readable_scope(session).readable else "nothing hidden")  # type: ignore[union-attr]
        ids = [int(r) for (r,) in session.db.query(
            "SELECT id FROM reports WHERE id NOT IN (SELECT report_id FROM report_caveats) ORDER BY id")]
        print(f"{len(ids):,} reports; analyst's fusion: {fusion_tables.entity_count(session):,} entities")
        rng = random.Random(16)
        for size in (None, 37, 1_000, 10_000, 50_000):
            chosen = None if size is None else sorted(rng.sample(ids, min(size, len(ids))))
            page_ms, page = _median_ms(lambda c=chosen: fusion_tables.entity_page(  # type: ignore[misc]
                session, limit=200, seen=False, reports=c))
            count_ms, count = _median_ms(lambda c=chosen: fusion_tables.entity_count(session, reports=c))  # type: ignore[misc]
            deep_ms, _ = _median_ms(lambda c=chosen: fusion_tables.entity_page(  # type: ignore[misc]
                session, offset=2000, limit=200, seen=False, reports=c))
            check_ms = _median_ms(lambda c=chosen: fusion_tables.readable_reports(session, c or []))[0]  # type: ignore[misc]
            label = "no filter" if size is None else f"{size:,} reports"
            print(f"{label:>15}: first page {page_ms:7.1f} ms ({len(page.rows)} rows), page at 2,000 "
                  f"{deep_ms:7.1f} ms, count {count_ms:7.1f} ms ({count:,} entities), readable check "
                  f"{check_ms:6.1f} ms")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
