"""The Reports view on a large vault, under the 10 ms probe of tests/gui/test_responsiveness.py (issue 15).

    python tests/bench/bench_million.py fill --vault /tmp/m1 --reports 1000000   # the reports, once
    python tests/bench/bench_reports_view.py --vault /tmp/m1                     # unlock, reload, scroll, sort, ...

The main window unlocks as bench_million's analyst with the probe running (a 10 ms QTimer recording the worst
gap between its ticks: a stall of the UI thread). For each step it prints the time to the first rows shown,
the time until the view is idle again, and the worst stall: the Reports view's first rows after unlock, a
reload, scrolling to the end of the loaded rows five times (each fetches a page), the same after 100 pages
(deep in the listing), each sort, the agency and classification filters, a search from the view and opening a
report. The baseline, from the same run: the first page's bare SELECT (ids only, no need-to-know clause) and
the same with every column the view shows, each the best of three.

The vault is only read (unlock, the audited reads of a search and an opened report append audit entries).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench.bench_million import ANALYST, ANALYST_PASS

SEARCH = "embassy"


def probe(vault: Path, deep_pages: int = 100) -> None:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from nia_desktop.ui.main_window import MainWindow
    from nia_desktop.ui.preferences import Preferences
    from nia_desktop.ui.views.reports.view import ReportsView

    app = QApplication.instance() or QApplication([])
    prefs = Path(os.environ.get("TMPDIR", "/tmp")) / f"reports-view-probe-{os.getpid()}"
    window = MainWindow(vault, Preferences(prefs))
    window.show()

    def wait(until: Callable[[], bool], timeout: float = 900.0) -> None:
        end = time.perf_counter() + timeout
        while not until():
            if time.perf_counter() > end:
                raise TimeoutError("the step did not finish")
            app.processEvents()
            time.sleep(0.001)

    last, worst = [time.perf_counter()], [0.0]

    def tick() -> None:
        now = time.perf_counter()
        worst[0] = max(worst[0], now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    figures: dict[str, dict[str, float]] = {}

    def measure(name: str, action: Callable[[], Any], shown: Callable[[], bool], idle: Callable[[], bool]) -> None:
        """``shown``: the step's rows are on screen; ``idle``: its work (and what it started) has ended."""
        first: list[float] = []

        def done() -> bool:
            if not first and shown():
                first.append(time.perf_counter())
            return bool(first) and idle()

        last[0], worst[0] = time.perf_counter(), 0.0
        timer.start()
        started = time.perf_counter()
        action()
        wait(done)
        took = time.perf_counter() - started
        settle = time.perf_counter() + 0.05
        wait(lambda: time.perf_counter() > settle)
        timer.stop()
        figures[name] = {"first_ms": round((first[0] - started) * 1000), "idle_ms": round(took * 1000),
                         "stall_ms": round(worst[0] * 1000)}
        print(f"  {name}: first rows {figures[name]['first_ms']} ms, idle {figures[name]['idle_ms']} ms, "
              f"worst stall {figures[name]['stall_ms']} ms", flush=True)

    unlock = window.unlock_view
    typed = time.perf_counter() + 3.0  # what a user takes to type a name and passphrase, at the least
    wait(lambda: time.perf_counter() > typed)
    unlock.user.setText(ANALYST)
    unlock.passphrase.setText(ANALYST_PASS)

    def reports_view() -> ReportsView | None:
        view = window.workspace.views.get("reports") if window.workspace is not None else None
        return view if isinstance(view, ReportsView) else None

    built: list[float] = []  # when the workspace (and the Reports view in it) was there, and its first rows

    def rows_in() -> bool:
        view = reports_view()
        if view is not None and not built:
            built.append(time.perf_counter())
        if view is not None and view.model.rowCount() > 0 and len(built) == 1:
            built.append(time.perf_counter())
        return len(built) == 2

    measure("unlock to first rows", unlock.unlock_button.click, rows_in,
            lambda: window.workspace is not None and not window.workspace.busy)
    print(f"    of which from the workspace built to its first rows: {(built[1] - built[0]) * 1000:.0f} ms", flush=True)
    workspace = window.workspace
    view = reports_view()
    assert workspace is not None and view is not None
    workspace.show_view("reports")
    wait(lambda: not workspace.busy)
    model = view.model
    print(f"  {model.total:,} reports ({view.count.text()})", flush=True)
    reloads = [0]
    model.reloaded.connect(lambda: reloads.__setitem__(0, reloads[0] + 1))
    gc.collect()
    gc.freeze()

    def reloaded(before: list[int]) -> Callable[[], bool]:
        return lambda: reloads[0] > before[0]

    def step(name: str, action: Callable[[], Any]) -> None:
        before = [reloads[0]]
        measure(name, action, reloaded(before), lambda: not view.busy)

    step("reload", view.refresh)
    bar = view.table.verticalScrollBar()

    def scroll(name: str) -> None:
        rows = model.rowCount()
        measure(name, lambda: bar.setValue(bar.maximum()), lambda r=rows: model.rowCount() > r or  # type: ignore[misc]
                not model.canFetchMore(), lambda: not view.busy)

    for n in range(5):
        scroll(f"scroll {n + 1}")
    while model.rowCount() < deep_pages * 200 and model.canFetchMore():
        rows = model.rowCount()
        model.fetchMore()
        wait(lambda r=rows: (model.rowCount() > r or not model.canFetchMore()) and not view.busy)  # type: ignore[misc]
    scroll(f"scroll after {model.rowCount():,} rows")
    header = view.table.horizontalHeader()
    for name, column, order in (("sort by title", 2, Qt.SortOrder.AscendingOrder),
                                ("sort by agency", 1, Qt.SortOrder.AscendingOrder),
                                ("sort by classification", 3, Qt.SortOrder.DescendingOrder),
                                ("sort by language", 5, Qt.SortOrder.AscendingOrder),
                                ("sort by date, oldest first", 0, Qt.SortOrder.AscendingOrder),
                                ("sort by date, newest first", 0, Qt.SortOrder.DescendingOrder)):
        step(name, lambda c=column, o=order: header.setSortIndicator(c, o))  # type: ignore[misc]
    step("filter: one agency", lambda: view.agency.setCurrentIndex(1))
    step("filter: one agency, CONFIDENTIAL and above", lambda: view.level.setCurrentIndex(3))
    step("filters cleared", lambda: (view.level.setCurrentIndex(0), view.agency.setCurrentIndex(0)))
    view.search.setText(SEARCH)
    step(f"search {SEARCH!r}", view.apply)
    view.search.setText("")
    step("search cleared", view.apply)
    opened = model.rows[3].id
    measure("open a report", lambda: view.table.selectRow(3),
            lambda: view.reader.report is not None and view.reader.report.summary.id == opened, lambda: not view.busy)
    gc.unfreeze()
    baseline = raw_first_page(workspace.session)
    print("baseline (best of 3, ms):", json.dumps(baseline))
    print("figures (ms):", json.dumps(figures))
    print(f"worst stall of all: {max(f['stall_ms'] for f in figures.values())} ms; slowest first rows: "
          f"{max(f['first_ms'] for f in figures.values())} ms")
    window.close()


def raw_first_page(session: Any) -> dict[str, float]:
    """The first page's SELECT straight on the connection: ids only, then the listing's columns."""
    from nia_desktop.core.store.reports import _SUMMARY

    found: dict[str, float] = {}
    for name, sql in (("ids", "SELECT id FROM reports ORDER BY report_date DESC, id DESC LIMIT 200"),
                      ("columns", f"SELECT {_SUMMARY} FROM reports ORDER BY report_date DESC, id DESC LIMIT 200")):  # noqa: S608
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            session.db.query(sql)
            best = min(best, time.perf_counter() - started)
        found[f"raw first page, {name}"] = round(best * 1000, 1)
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--vault", type=Path, required=True)
    parser.add_argument("--deep-pages", type=int, default=100, help="pages fetched before the deep scroll")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    probe(args.vault, args.deep_pages)


if __name__ == "__main__":
    main()
