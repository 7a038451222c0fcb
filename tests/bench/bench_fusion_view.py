"""The Fusion view on a large fused vault, under the 10 ms probe of tests/gui/test_responsiveness.py (issue 15).

    python tests/bench/bench_million.py fill --vault /tmp/v100k --reports 100000   # the reports, once
    python tests/bench/bench_fusion_view.py state --vault /tmp/v100k                # a fused state, once
    python tests/bench/bench_fusion_view.py probe --vault /tmp/v100k                # open, scroll, sort, filter
    python tests/bench/bench_fusion_view.py bare  --vault /tmp/v1m --reports 1000000  # reports without search index

``state`` writes the analyst's fusion of every report straight into the v14 tables (a full fusion of 100,000
reports takes many minutes; the view only reads the tables): about one entity per four reports, each report
naming six of them, drawn so that a few entities are in a large share of the reports (log-uniform: the first
is in about one report in two), near-duplicate groups of two and three, links between reports sharing a rare
entity, and three pending items. ``--fuse`` runs the real fusion (services/fusion.run_fusion) instead.

``probe`` opens the main window, unlocks as the analyst and shows the Fusion view with the probe running;
it prints the time to the first rows shown, then the worst stall of each step: open, scroll to the end five
times (each fetches a page), sort by name, by reports, by mentions (loaded rows only), filter, and each tab
(the link chart until it is drawn in full). ``--tabs "Link chart"`` probes only the tabs named (no scrolling).
Every stall over 100 ms is reported with where the UI thread was (sampled every 10 ms by a thread of the probe),
so a stall is found without a profiler.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import random
import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench.bench_million import ANALYST, ANALYST_PASS

KINDS = ("person", "organization", "location", "operation")


def bare(vault: Path, count: int, batch: int = 20_000) -> None:
    """A vault of ``count`` reports written straight into the reports and texts tables, without the search index
    (the Fusion view never searches): a million in minutes where bench_million's fill takes hours. Same
    agencies, dates, levels and analyst as bench_million; each text is one short line."""
    from nia_desktop.core.classification import Level
    from nia_desktop.core.roles import Role
    from nia_desktop.core.vault.kdf import FLOOR
    from nia_desktop.services.session import unlock
    from nia_desktop.services.users import add_user
    from nia_desktop.services.vault_setup import init_vault
    from tests.bench.corpus import AGENCIES

    start = time.perf_counter()
    init_vault(vault, "olive", "olive-passphrase-1", params=FLOOR)
    with unlock(vault, "olive", "olive-passphrase-1") as session:
        add_user(session, ANALYST, Role.ANALYST, ANALYST_PASS)
    levels = (Level.SECRET, Level.CONFIDENTIAL, Level.UNCLASSIFIED)
    with unlock(vault, ANALYST, ANALYST_PASS) as session:
        for first in range(0, count, batch):
            rows = [(f"{i:064x}", f"report {i}", AGENCIES[i % 4], int(levels[i % 3]), "B", "2",
                     f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}", f"{i}.txt", f"/m/{i}.txt", i + 1)
                    for i in range(first, min(first + batch, count))]
            with session.db.transaction():
                session.db.executemany(
                    "INSERT INTO reports (sha256, title, agency, classification, classification_stated, reliability, "
                    "credibility, language, report_date, detected_type, encoding, original_name, path, inner_path, "
                    "size, volume_label, volume_path, imported_by, imported_at, import_id, parent_id, fields, "
                    "structured, id) VALUES (?, ?, ?, ?, 1, ?, ?, 'en', ?, 'text', 'utf-8', ?, ?, '', 40, 'm', '/m', "
                    "'anna', '2026-03-01T00:00:00Z', 0, NULL, '{}', NULL, ?)", rows)
                session.db.executemany("INSERT INTO report_texts (report_id, body) VALUES (?, ?)",
                                       [(r[-1], f"Contact report {r[-1]}.") for r in rows])
    print(f"bare vault of {count:,} reports (no search index) in {time.perf_counter() - start:.0f} s")


def state(vault: Path, per_report: int = 6, batch: int = 20_000) -> None:
    """The analyst's fused scope of every report, written directly (see the module's docstring)."""
    from nia_desktop.core.store.fusion import run_scope
    from nia_desktop.core.store.fusion_state import drop, scope
    from nia_desktop.services.session import unlock

    start = time.perf_counter()
    rng = random.Random(15)
    with unlock(vault, ANALYST, ANALYST_PASS) as session:
        db = session.db
        reports = [(int(i), str(a)) for i, a in db.query("SELECT id, agency FROM reports ORDER BY id")]
        count = len(reports)
        entities = max(10, count // 4)
        key = run_scope("", session.access().key())
        with db.transaction():
            old = scope(db, key)
            if old is not None:
                drop(db, old.id)
            sid = int(db.execute("INSERT INTO fusion_scopes (scope, at, user, reports, next_entity, complete) "
                                 "VALUES (?, '2026-12-07T00:00:00Z', ?, ?, ?, 1)",
                                 (key, ANALYST, count, entities + 1)).lastrowid or 0)
        members: dict[int, list[int]] = {}
        agencies: dict[int, set[str]] = {}
        pending_rows: list[tuple[int, int]] = []
        rare: dict[int, list[int]] = {}
        for first in range(0, count, batch):
            rows, mentions, scope_rows = [], [], []
            for report_id, agency in reports[first:first + batch]:
                scope_rows.append((sid, report_id))
                chosen = {min(entities, int(math.exp(rng.random() * math.log(entities)))) for _ in range(per_report)}
                for entity in chosen:
                    rows.append((sid, entity, report_id))
                    if report_id % 10 == 0:  # one report in ten has its mentions written: enough for the details
                        mentions.append((sid, report_id, 10 * entity % 1900, 10 * entity % 1900 + 8, entity,
                                         KINDS[entity % 4], f"Name{entity}"))
                    members.setdefault(entity, []).append(report_id)
                    agencies.setdefault(entity, set()).add(agency)
                    if entity > entities // 2:
                        rare.setdefault(entity, []).append(report_id)
            with db.transaction():
                db.executemany("INSERT INTO fusion_scope_reports (scope_id, report_id) VALUES (?, ?)", scope_rows)
                db.executemany("INSERT OR IGNORE INTO fusion_entity_reports (scope_id, entity_id, report_id) "
                               "VALUES (?, ?, ?)", rows)
                db.executemany("INSERT OR IGNORE INTO fusion_mentions (scope_id, report_id, start_offset, end_offset, "
                               "entity_id, kind, surface) VALUES (?, ?, ?, ?, ?, ?, ?)", mentions)
        entity_rows = [(sid, e, KINDS[e % 4], f"Name{e} {KINDS[e % 4]}", json.dumps([f"Name{e}", f"N. {e}"]),
                        "[]", len(members.get(e, ())) * 2, len(members.get(e, ())), len(agencies.get(e, ())))
                       for e in range(1, entities + 1) if e in members]
        links = [(sid, rs[0], rs[1], 1.0, json.dumps([e])) for e, rs in rare.items() if len(rs) > 1]
        ids = [r for r, _ in reports]
        duplicates = [(sid, r, ids[i]) for i in range(0, count - 3, 97) for r in ids[i:i + 2 + i % 2]]
        pending_rows = [(sid, ids[0])] * 3
        with db.transaction():
            for at in range(0, len(entity_rows), batch):
                db.executemany("INSERT INTO fusion_entities (scope_id, id, kind, name, aliases, merges, mentions, "
                               "report_count, agency_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               entity_rows[at:at + batch])
            db.executemany("INSERT OR REPLACE INTO fusion_links (scope_id, a, b, weight, entities) "
                           "VALUES (?, ?, ?, ?, ?)", links)
            db.executemany("INSERT OR REPLACE INTO fusion_duplicates (scope_id, report_id, group_id) VALUES (?, ?, ?)",
                           duplicates)
            db.executemany("INSERT INTO fusion_pending (scope_id, report_id, reason, detail, at) VALUES "
                           "(?, ?, 'definition', 'two older entities', '2026-12-07T00:00:00Z')", pending_rows)
    print(f"fused state of {count:,} reports: {len(entity_rows):,} entities, {sum(map(len, members.values())):,} "
          f"entity reports, {len(links):,} links, in {time.perf_counter() - start:.0f} s")


def fuse(vault: Path) -> None:
    from nia_desktop.services import fusion
    from nia_desktop.services.session import unlock

    start = time.perf_counter()
    with unlock(vault, ANALYST, ANALYST_PASS) as session:
        result = fusion.run_fusion(session)
    print(f"fused: {len(result.entities):,} entities in {time.perf_counter() - start:.0f} s")


class StallStacks:
    """Where the UI thread is while it does not tick: a thread samples its stack every 10 ms, and a stall over
    ``floor`` seconds keeps the samples taken during it (counted by their innermost frames)."""

    def __init__(self, floor: float = 0.1) -> None:
        self.floor, self.ui = floor, threading.get_ident()
        self.last = time.perf_counter()
        self.samples: list[str] = []
        self.stalls: list[tuple[float, dict[str, int]]] = []
        self.held: list[tuple[float, dict[int, str]]] = []  # the sampler kept from running: every thread after
        self.running = True
        self.thread = threading.Thread(target=self._watch, daemon=True)
        self.thread.start()

    def tick(self) -> None:
        now = time.perf_counter()
        if now - self.last > self.floor and self.samples:
            counted: dict[str, int] = {}
            for sample in self.samples:
                counted[sample] = counted.get(sample, 0) + 1
            self.stalls.append(((now - self.last) * 1000, counted))
        self.last, self.samples = now, []

    def _watch(self) -> None:
        while self.running:
            slept = time.perf_counter()
            time.sleep(0.01)
            if time.perf_counter() - slept > self.floor:  # no thread could run Python: one held the GIL in C
                self.held.append(((time.perf_counter() - slept) * 1000, {
                    thread: " <- ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}"
                                        for f in reversed(traceback.extract_stack(frame)[-6:]))
                    for thread, frame in sys._current_frames().items() if thread != threading.get_ident()}))
            if time.perf_counter() - self.last > 0.02:
                frame = sys._current_frames().get(self.ui)
                if frame is not None:
                    self.samples.append(" <- ".join(
                        f"{Path(f.filename).name}:{f.lineno} {f.name}"
                        for f in reversed(traceback.extract_stack(frame)[-6:])))

    def report(self) -> None:
        self.running = False
        for took, counted in self.stalls:
            print(f"  stall {took:.0f} ms, the UI thread at:")
            for where, n in sorted(counted.items(), key=lambda kv: -kv[1])[:3]:
                print(f"    {n * 10} ms  {where}")
        for took, threads in self.held:
            print(f"  the probe's sampler kept from running {took:.0f} ms (the GIL held in C); then:")
            for thread, where in threads.items():
                print(f"    {'UI' if thread == self.ui else thread}: {where}")


def probe(vault: Path, tabs: tuple[str, ...] = ()) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from nia_desktop.ui.main_window import MainWindow
    from nia_desktop.ui.preferences import Preferences
    from nia_desktop.ui.views.fusion.view import FusionView

    app = QApplication.instance() or QApplication([])
    prefs = Path(os.environ.get("TMPDIR", "/tmp")) / f"fusion-view-probe-{os.getpid()}"
    window = MainWindow(vault, Preferences(prefs))
    window.show()

    def wait(until: Callable[[], bool], timeout: float = 600.0) -> None:
        end = time.perf_counter() + timeout
        while not until():
            if time.perf_counter() > end:
                raise TimeoutError("the step did not finish")
            app.processEvents()
            time.sleep(0.001)

    view = window.unlock_view
    view.user.setText(ANALYST)
    view.passphrase.setText(ANALYST_PASS)
    view.unlock_button.click()
    wait(lambda: window.workspace is not None)
    workspace = window.workspace
    assert workspace is not None
    wait(lambda: not workspace.busy)
    gc.collect()
    gc.freeze()

    last, worst = [time.perf_counter()], [0.0]

    stacks = StallStacks()

    def tick() -> None:
        stacks.tick()
        now = time.perf_counter()
        worst[0] = max(worst[0], now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    stalls: dict[str, float] = {}

    def measure(name: str, action: Callable[[], Any], until: Callable[[], bool]) -> float:
        last[0], worst[0] = time.perf_counter(), 0.0
        timer.start()
        started = time.perf_counter()
        action()
        wait(until)
        took = time.perf_counter() - started
        settle = time.perf_counter() + 0.05
        wait(lambda: time.perf_counter() > settle)
        timer.stop()
        stalls[name] = worst[0] * 1000
        return took

    fusion = workspace.views["fusion"]
    assert isinstance(fusion, FusionView)
    first: list[float] = []

    def shown() -> bool:
        if fusion.entity_model.rowCount() and not first:
            first.append(time.perf_counter())
        return fusion.workspace is not None and not fusion.busy

    opened = time.perf_counter()
    took = measure("open", lambda: workspace.show_view("fusion"), shown)
    print(f"first rows shown after {(first[0] - opened) * 1000:.0f} ms; everything read after {took * 1000:.0f} ms "
          f"({fusion.status.text()})")
    model = fusion.entity_model
    for n in range(0 if tabs else 5):
        rows, grown = model.rowCount(), []

        def filled(r: int = rows, at: list[float] = grown) -> bool:
            if model.rowCount() > r and not at:
                at.append(time.perf_counter())
            return (model.rowCount() > r or not model.canFetchMore()) and not fusion.busy

        began = time.perf_counter()
        took = measure(f"scroll {n + 1}", lambda: fusion.entities.verticalScrollBar().setValue(
            fusion.entities.verticalScrollBar().maximum()), filled)
        print(f"  scroll to the end: {model.rowCount()} rows shown after {((grown or [began])[0] - began) * 1000:.0f} "
              f"ms, who reports them after {took * 1000:.0f} ms")
    for name, column, order in (("sort by name", 1, 0), ("sort by reports", 2, 1), ("sort by mentions (loaded)", 3, 1)):
        from PySide6.QtCore import Qt

        if tabs:
            break
        took = measure(name, lambda c=column, o=order: fusion.entities.sortByColumn(
            c, Qt.SortOrder.DescendingOrder if o else Qt.SortOrder.AscendingOrder),
            lambda: not model.loading and not fusion.busy)
        print(f"  {name}: {took * 1000:.0f} ms")
    if not tabs:
        took = measure("filter", lambda: fusion.entity_filter.setText("name12"),
                       lambda: model.text == "name12" and not model.loading and not fusion.busy)
        print(f"  filter 'name12': {model.rowCount()} rows of {model.total} after {took * 1000:.0f} ms (300 ms "
              "pause included)")
    for index in range(fusion.tabs.count()):
        if tabs and fusion.tabs.tabText(index) not in tabs:
            continue
        # The graph is drawn a slice per event-loop turn after its task ends: the step lasts until it is whole.
        took = measure(f"tab {fusion.tabs.tabText(index)}", lambda i=index: fusion.tabs.setCurrentIndex(i),
                       lambda: not fusion.busy and fusion.graph.complete)
        print(f"  tab {fusion.tabs.tabText(index)}: {took * 1000:.0f} ms")
    if not tabs or "Link chart" in tabs:
        chart_steps(fusion.graph, measure)
    gc.unfreeze()
    print("worst stall per step (ms):", json.dumps({k: round(v) for k, v in stalls.items()}))
    print(f"worst of all: {max(stalls.values()):.0f} ms")
    stacks.report()
    window.close()


def chart_steps(chart: Any, measure: Callable[[str, Callable[[], Any], Callable[[], bool]], float]) -> None:
    """The link chart once shown: expand the entity in most reports, then one in fewest, then select the link
    between the two in most reports (its reports counted in full) and read its evidence."""
    nodes = sorted(chart.nodes.values(), key=lambda n: (-n.node.reports, n.node.id))
    if len(nodes) < 2:
        return
    done = lambda: chart.busy == 0 and chart.complete  # noqa: E731
    for name, node in (("chart expand (most reports)", nodes[0]), ("chart expand (fewest reports)", nodes[-1])):
        shown = len(chart.nodes)
        took = measure(name, lambda n=node: chart.expand([n.node.id]), lambda s=shown: len(chart.nodes) > s and done())
        print(f"  {name}: {node.node.name} ({node.node.reports:,} reports), {len(chart.nodes) - shown} entities and "
              f"{len(chart.links):,} links shown after {took * 1000:.0f} ms")
    link = chart.links.get((min(nodes[0].node.id, nodes[1].node.id), max(nodes[0].node.id, nodes[1].node.id)))
    if link is None:
        return
    chart.scene_.clearSelection()
    took = measure("chart link evidence", lambda: link.setSelected(True),
                   lambda: chart.evidence.count() > 0 and chart.busy == 0)
    print(f"  a link's evidence: {chart.evidence_title.text()} (shown as {link.link.shared}"
          f"{'+' if link.link.more else ''}) after {took * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=("bare", "state", "probe"))
    parser.add_argument("--reports", type=int, default=1_000_000, help="bare: how many reports")
    parser.add_argument("--vault", type=Path, required=True)
    parser.add_argument("--fuse", action="store_true", help="state: run the real fusion instead")
    parser.add_argument("--tabs", nargs="*", default=[], help="probe: only these tabs (by their English text)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.what == "bare":
        bare(args.vault, args.reports)
    elif args.what == "state":
        fuse(args.vault) if args.fuse else state(args.vault)
    else:
        probe(args.vault, tuple(args.tabs))


if __name__ == "__main__":
    main()
