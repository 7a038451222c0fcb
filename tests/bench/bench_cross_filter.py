"""The entity table narrowed to a set of reports (the Fusion view's event range or map region), at scale.

    python tests/bench/bench_fusion_view.py bare  --vault /tmp/xf100k --reports 100000   # the reports, once
    python tests/bench/bench_fusion_view.py state --vault /tmp/xf100k                    # a fused state, once
    python tests/bench/bench_cross_filter.py --vault /tmp/xf100k

Times, as the entity model asks them on a worker, the first page (200 rows, without who reports them) and the
count, unfiltered and for report sets of growing size (spread over the id range, as a date range's reports
are), the readable_reports check the filter bar makes and the top row's detail (its reports within the filter);
the median of five runs each, and peak RSS. The filtered rows carry their count within the filter and sort by it.
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


def probe(vault: Path, user: str, passphrase: str) -> None:
    """The Fusion view with a 10 ms timer ticking: each filter sent as the Events tab sends a range, until the
    table's first rows and its count are in; then cleared. Prints when the rows showed and the worst tick gap."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from nia_desktop.services.session import unlock
    from nia_desktop.ui.main_window import MainWindow
    from nia_desktop.ui.preferences import Preferences
    from nia_desktop.ui.views.fusion.view import FusionView

    with unlock(vault, user, passphrase) as session:  # the ids to send, read before the window opens
        ids = [int(r) for (r,) in session.db.query(
            "SELECT id FROM reports WHERE id NOT IN (SELECT report_id FROM report_caveats) ORDER BY id")]
    app = QApplication.instance() or QApplication([])
    window = MainWindow(vault, Preferences(Path(os.environ.get("TMPDIR", "/tmp")) / f"xf-probe-{os.getpid()}"))
    window.show()

    def wait(until: Callable[[], bool], timeout: float = 600.0) -> None:
        end = time.perf_counter() + timeout
        while not until():
            if time.perf_counter() > end:
                raise TimeoutError("the step did not finish")
            app.processEvents()
            time.sleep(0.001)

    window.unlock_view.user.setText(user)
    window.unlock_view.passphrase.setText(passphrase)
    window.unlock_view.unlock_button.click()
    wait(lambda: window.workspace is not None)
    workspace = window.workspace
    assert workspace is not None
    workspace.show_view("fusion")
    view = workspace.views["fusion"]
    assert isinstance(view, FusionView)
    model = view.entity_model
    wait(lambda: view.workspace is not None and not view.busy and not model.loading)
    last, worst = [time.perf_counter()], [0.0]

    def tick() -> None:
        now = time.perf_counter()
        worst[0] = max(worst[0], now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    def step(chosen: list[int] | None) -> str:
        """Send ``chosen`` (None: clear) and wait for the first rows, then the count."""
        counted, first = [False], list[float]()
        wanted = None if chosen is None else tuple(chosen)

        def mark_counted() -> None:
            counted[0] = True

        def done() -> bool:
            if not model.loading and model.reports == wanted and not first:
                first.append(time.perf_counter())
            return bool(first) and not view.busy and (counted[0] or not model.more or wanted is None)

        model.counted.connect(mark_counted)
        last[0], worst[0] = time.perf_counter(), 0.0
        timer.start()
        began = time.perf_counter()
        if chosen is None:
            view.cross.range_selected("", "", [])
        else:
            view.cross.range_selected("2026-01-01", "2026-12-31", chosen)
        wait(done)
        took = time.perf_counter() - began
        timer.stop()
        model.counted.disconnect(mark_counted)
        return (f"first rows {(first[0] - began) * 1000:7.0f} ms, counted {took * 1000:7.0f} ms "
                f"({model.total:,} entities), worst tick gap {worst[0] * 1000:5.0f} ms")

    rng = random.Random(16)
    for size in (37, 1_000, 10_000, 50_000):
        print(f"{size:>8,} reports: " + step(sorted(rng.sample(ids, min(size, len(ids))))))
    print(f"{'cleared':>16}: " + step(None))
    window.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--vault", type=Path, required=True)
    parser.add_argument("--user", default=ANALYST)
    parser.add_argument("--passphrase", default=ANALYST_PASS)
    parser.add_argument("--hide-one", action="store_true",
                        help="first add a report under a compartment the analyst lacks (outside the fusion): every "
                             "query then joins the analyst's readable clause, as for a reader the vault hides "
                             "anything from")
    parser.add_argument("--probe", action="store_true", help="the Fusion view under a 10 ms timer instead")
    args = parser.parse_args()
    if args.probe:
        probe(args.vault, args.user, args.passphrase)
        return
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
            # The detail pane of the top row (its reports within the filter, as the view reads it when selected)
            top = page.rows[0].id if page.rows else 0
            detail_ms, detail = _median_ms(lambda c=chosen, t=top: fusion_tables.entity_detail(  # type: ignore[misc]
                session, t, reports=c))
            label = "no filter" if size is None else f"{size:,} reports"
            listed = 0 if detail is None else detail.report_total
            print(f"{label:>15}: first page {page_ms:7.1f} ms ({len(page.rows)} rows), page at 2,000 "
                  f"{deep_ms:7.1f} ms, count {count_ms:7.1f} ms ({count:,} entities), readable check "
                  f"{check_ms:6.1f} ms, top row's detail {detail_ms:6.1f} ms ({listed:,} reports)")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
