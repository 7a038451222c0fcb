"""The link graph is readable at 500 nodes: names shown only where they overlap no other, more on zoom."""

from __future__ import annotations

import random

from nia_desktop.ui.views.fusion.graph import LinkGraph, layout


def test_500_nodes_names_never_overlap_and_zoom_shows_more(qtbot) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(3)
    entities = [(i, f"Konstantin YEGOROV {i}", rng.choice(["person", "organization", "domain"]),
                 rng.sample(range(1, 3000), rng.randint(2, 60))) for i in range(1, 600)]
    placed = layout(entities, {r: f"report {r}" for r in range(1, 3000)})
    assert len(placed.entities) + len(placed.reports) == 500
    graph = LinkGraph(lambda e: None, lambda r: None)
    qtbot.addWidget(graph)
    graph.resize(900, 540)
    graph.show()
    graph.show_layout(placed)
    qtbot.waitUntil(lambda: graph.complete, timeout=10000)  # drawn a slice per event-loop turn

    def visible_rects():  # type: ignore[no-untyped-def]
        return [graph.label_rect(label) for label in graph.labels if label.isVisible()]

    shown = visible_rects()
    assert 10 <= len(shown) < len(graph.labels)
    assert not any(a.intersects(b) for i, a in enumerate(shown) for b in shown[i + 1:])
    first = graph.labels[0]
    assert first.isVisible()  # the most-reported entity is always named
    for _ in range(4):
        graph.scale(1.15, 1.15)
    graph.declutter()
    assert len(visible_rects()) > len(shown)
