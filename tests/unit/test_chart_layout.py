"""The link chart's layout (core/chart_layout.py) on hand-made graphs: deterministic, incremental (nodes already
placed keep their place when others are added), pins respected, no two nodes overlapping, linked nodes nearer."""

from __future__ import annotations

import math
import random
import time

from nia_desktop.core import chart_layout as cl


def _star(centre: int, leaves: range) -> list[tuple[int, int]]:
    return [(centre, leaf) for leaf in leaves]


def test_the_same_graph_and_seed_give_the_same_positions_another_seed_others() -> None:
    edges = [*_star(1, range(2, 12)), (2, 3), (5, 6)]
    first = cl.layout(list(range(1, 12)), edges, seed=5)
    again = cl.layout(list(reversed(range(1, 12))), list(reversed(edges)), seed=5)
    other = cl.layout(list(range(1, 12)), edges, seed=6)
    assert first.positions == again.positions
    assert first.positions != other.positions


def test_nodes_already_placed_keep_their_place_when_neighbours_are_added() -> None:
    base = cl.layout(list(range(1, 8)), _star(1, range(2, 8)))
    added = list(range(20, 30))
    grown = cl.layout(list(range(1, 8)) + added, _star(1, range(2, 8)) + _star(3, range(20, 30)),
                      placed=base.positions)
    for node, where in base.positions.items():
        assert grown.positions[node] == where
    assert grown.moved == frozenset(added)
    # The new nodes sit near the node they were expanded from, not across the chart.
    for node in added:
        assert math.dist(grown.positions[node], grown.positions[3]) < 4 * cl.LENGTH
    assert not cl.overlaps(grown.positions, gap=cl.GAP)


def test_pinned_nodes_never_move_even_when_the_rest_is_laid_out_again() -> None:
    nodes = list(range(1, 15))
    edges = [(i, i + 1) for i in range(1, 14)]
    base = cl.layout(nodes, edges)
    moved_by_hand = dict(base.positions)
    moved_by_hand[4] = (900.0, -700.0)  # dragged and pinned
    again = cl.layout(nodes, edges, placed=moved_by_hand, pinned={4, 9}, relayout=True)
    assert again.positions[4] == (900.0, -700.0)
    assert again.positions[9] == base.positions[9]
    assert 4 not in again.moved and 9 not in again.moved
    assert any(again.positions[n] != base.positions[n] for n in nodes if n not in (4, 9))
    # Its neighbours are pulled towards where the analyst put it.
    assert math.dist(again.positions[5], (900.0, -700.0)) < math.dist(base.positions[5], (900.0, -700.0))


def test_no_overlaps_beyond_a_tolerance_with_sizes_and_nodes_started_on_one_point() -> None:
    rng = random.Random(4)
    nodes = list(range(1, 121))
    edges = [(rng.choice(nodes), rng.choice(nodes)) for _ in range(200)]
    radii = {n: cl.radius_for(rng.randint(0, 5000)) for n in nodes}
    result = cl.layout(nodes, edges, radii=radii)
    assert not cl.overlaps(result.positions, radii, gap=cl.GAP)
    # Nodes placed on one point by a caller are separated too (only the new ones move).
    crowded = cl.layout([1, 2, 3, 4], [], placed={1: (0.0, 0.0)})
    assert not cl.overlaps(crowded.positions, gap=cl.GAP)
    assert crowded.positions[1] == (0.0, 0.0)


def test_linked_nodes_end_nearer_than_unlinked_ones() -> None:
    # Two cliques of five joined by one edge: inside a clique, nodes are nearer than across.
    left, right = list(range(1, 6)), list(range(6, 11))
    edges = [(a, b) for group in (left, right) for a in group for b in group if a < b] + [(5, 6)]
    result = cl.layout(left + right, edges).positions

    def mean(pairs: list[tuple[int, int]]) -> float:
        return sum(math.dist(result[a], result[b]) for a, b in pairs) / len(pairs)

    inside = [(a, b) for group in (left, right) for a in group for b in group if a < b]
    across = [(a, b) for a in left for b in right]
    assert mean(inside) < mean(across) / 1.5


def test_unknown_nodes_in_edges_and_self_loops_are_ignored_and_cancel_returns_early() -> None:
    result = cl.layout([1, 2], [(1, 1), (1, 2), (2, 99)])
    assert set(result.positions) == {1, 2}
    asked = []
    cl.layout(list(range(50)), [], cancelled=lambda: asked.append(1) is None and len(asked) > 2)
    assert len(asked) == 3


def test_radius_grows_with_reports_and_is_bounded() -> None:
    assert cl.radius_for(0) < cl.radius_for(10) < cl.radius_for(1000) <= 22.0
    assert cl.radius_for(10**9) == 22.0


def test_500_nodes_lay_out_in_seconds_without_overlap() -> None:
    rng = random.Random(9)
    nodes = list(range(500))
    edges = [(rng.randrange(500), rng.randrange(500)) for _ in range(900)]
    radii = {n: cl.radius_for(rng.randint(1, 300)) for n in nodes}
    began = time.perf_counter()
    result = cl.layout(nodes, edges, radii=radii)
    assert time.perf_counter() - began < 20  # about 3 s on a busy 2-core machine: a worker's job
    assert not cl.overlaps(result.positions, radii, gap=cl.GAP)
