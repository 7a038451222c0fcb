"""The link graph draws in slices across event-loop turns (issue 15): 500 nodes never stall the window, and a
layout shown while another is being drawn replaces it whole."""

from __future__ import annotations

import random
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QGraphicsPathItem

from nia_desktop.ui.views.fusion.dot import Dot
from nia_desktop.ui.views.fusion.graph import LINES_PER_ITEM, Layout, LinkGraph, edge_path, layout


def _placed(seed: int, prefix: str) -> Layout:
    rng = random.Random(seed)
    entities = [(i, f"{prefix} {i}", rng.choice(["person", "organization", "location"]),
                 rng.sample(range(1, 3000), rng.randint(2, 60))) for i in range(1, 600)]
    return layout(entities, {r: f"report {r}" for r in range(1, 3000)})


def test_500_nodes_draw_across_turns_without_a_long_one(qtbot) -> None:  # type: ignore[no-untyped-def]
    placed = _placed(3, "Konstantin YEGOROV")
    graph = LinkGraph(lambda e: None, lambda r: None)
    qtbot.addWidget(graph)
    graph.resize(900, 540)
    graph.show()
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    probe = QTimer()
    probe.setInterval(5)
    probe.timeout.connect(tick)
    probe.start()
    with qtbot.waitSignal(graph.drawn, timeout=10000):
        graph.show_layout(placed, edge_path(placed))
        assert not graph.complete  # the rest comes a slice per turn
        assert 0 < len(graph.scene().items()) < len(placed.entities) + len(placed.reports)
    probe.stop()
    dots = [i for i in graph.scene().items() if isinstance(i, Dot)]
    paths = [i for i in graph.scene().items() if isinstance(i, QGraphicsPathItem)]
    assert len(dots) == len(placed.entities) + len(placed.reports)
    assert len(paths) == -(-len(placed.edges) // LINES_PER_ITEM)  # every line, in items of LINES_PER_ITEM
    assert sum(p.path().elementCount() for p in paths) == 2 * len(placed.edges)
    assert len(gaps) > 3 and max(gaps) < 0.1, max(gaps)  # the probe ran all along (a generous bound for CI)
    assert any(label.isVisible() for label in graph.labels)


def test_a_layout_shown_mid_draw_replaces_the_first(qtbot) -> None:  # type: ignore[no-untyped-def]
    first, second = _placed(3, "FIRST"), _placed(4, "SECOND")
    graph = LinkGraph(lambda e: None, lambda r: None)
    qtbot.addWidget(graph)
    graph.resize(900, 540)
    graph.show()
    graph.show_layout(first)
    QApplication.processEvents()
    assert not graph.complete
    graph.show_layout(second)
    graph.finish()
    QApplication.processEvents()  # a turn of the first drawing, had it survived, would add to the scene here
    tips = [i.toolTip() for i in graph.scene().items() if isinstance(i, Dot)]
    assert len(tips) == len(second.entities) + len(second.reports)
    assert not any(t.startswith("FIRST") for t in tips) and any(t.startswith("SECOND") for t in tips)
    assert all(label.text().startswith("SECOND") for label in graph.labels)
