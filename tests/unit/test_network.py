"""core/network.py on hand-made graphs: shortest paths (ties, caps, no path), degree, Brandes betweenness against
hand-computed values and a brute-force count over every pair (networkx is not in the venv), the sampled
estimate, and brokers (articulation points)."""

from __future__ import annotations

import itertools
import random

import pytest

from nia_desktop.core import network
from nia_desktop.core.network import Graph, betweenness, brokers, degrees, rank, shortest_paths


def graph(*edges: tuple[int, int], nodes: tuple[int, ...] = ()) -> Graph:
    made = Graph()
    for node in nodes:
        made.add_node(node)
    for a, b in edges:
        made.add_edge(a, b)
    return made


def chain(n: int) -> Graph:
    return graph(*((i, i + 1) for i in range(1, n)))


def test_two_paths_of_equal_length_are_both_found() -> None:
    square = graph((1, 2), (2, 4), (1, 3), (3, 4))
    found = shortest_paths(square.neighbours, 1, 4)
    assert (found.hops, found.total, found.paths) == (2, 2, [[1, 2, 4], [1, 3, 4]])
    back = shortest_paths(square.neighbours, 4, 1)
    assert (back.hops, back.total, back.paths) == (2, 2, [[4, 2, 1], [4, 3, 1]])


def test_ties_are_counted_beyond_the_cap() -> None:
    ladder = graph(*((1, m) for m in (2, 3)), *((m, n) for m in (2, 3) for n in (4, 5)), (4, 6), (5, 6),
                   (1, 7), (7, 8), (8, 9), (9, 10), (10, 6))  # a longer way round is no shortest path
    found = shortest_paths(ladder.neighbours, 1, 6, cap=3)
    assert found.hops == 3 and found.total == 4 and found.capped
    assert found.paths == [[1, 2, 4, 6], [1, 2, 5, 6], [1, 3, 4, 6]]
    every = shortest_paths(ladder.neighbours, 1, 6)
    assert len(every.paths) == 4 and not every.capped and [1, 3, 5, 6] in every.paths


@pytest.mark.parametrize("length", [2, 3, 4, 5, 6, 9])
def test_a_chain_of_any_length_is_walked_from_both_ends(length: int) -> None:
    found = shortest_paths(chain(length).neighbours, 1, length)
    assert found.hops == length - 1 and found.paths == [list(range(1, length + 1))]


def test_disconnected_and_same_entity() -> None:
    two = graph((1, 2), (3, 4), nodes=(5,))
    assert shortest_paths(two.neighbours, 1, 4) == network.Paths(1, 4, None, 0, [])
    assert shortest_paths(two.neighbours, 1, 5).paths == []
    assert shortest_paths(two.neighbours, 5, 5).paths == [[5]]


def _brute_paths(made: Graph, s: int, t: int) -> list[list[int]]:
    """Every simple path, kept if of the shortest length."""
    found: list[list[int]] = []

    def walk(path: list[int]) -> None:
        if path[-1] == t:
            found.append(path)
            return
        for near in sorted(made.neighbours(path[-1])):
            if near not in path:
                walk([*path, near])

    walk([s])
    if not found:
        return []
    short = min(len(p) for p in found)
    return sorted(p for p in found if len(p) == short)


def _random_graph(rng: random.Random, n: int, p: float) -> Graph:
    made = Graph()
    for node in range(n):
        made.add_node(node)
    for a, b in itertools.combinations(range(n), 2):
        if rng.random() < p:
            made.add_edge(a, b)
    return made


def test_paths_match_a_brute_force_on_random_graphs() -> None:
    rng = random.Random(7)
    for _ in range(30):
        made = _random_graph(rng, 9, 0.25)
        for s, t in itertools.combinations(range(9), 2):
            found = shortest_paths(made.neighbours, s, t, cap=1000)
            expected = _brute_paths(made, s, t)
            assert found.paths == expected, (s, t)
            assert found.total == len(expected)


def test_degree_counts_distinct_neighbours_and_cliques() -> None:
    made = Graph()
    made.add_clique([1, 2, 3])
    made.add_clique([3, 2, 4])
    made.add_clique([5])
    assert degrees(made) == {1: 2, 2: 3, 3: 3, 4: 2, 5: 0}
    assert made.edge_count() == 5


def test_betweenness_hand_computed() -> None:
    assert betweenness(chain(3)).values == {1: 0, 2: 1, 3: 0}
    assert betweenness(chain(4)).values == {1: 0, 2: 2, 3: 2, 4: 0}
    star = graph(*((0, leaf) for leaf in range(1, 5)))
    assert betweenness(star).values == {0: 6, 1: 0, 2: 0, 3: 0, 4: 0}  # C(4, 2) pairs of leaves
    cycle = graph((1, 2), (2, 3), (3, 4), (4, 1))
    assert betweenness(cycle).values == dict.fromkeys((1, 2, 3, 4), 0.5)  # one of two ways between its opposites
    result = betweenness(cycle)
    assert not result.sampled and result.pivots == 4 and result.seed is None


def _brute_betweenness(made: Graph) -> dict[int, float]:
    values = dict.fromkeys(made.adjacency, 0.0)
    for s, t in itertools.combinations(sorted(made.adjacency), 2):
        found = _brute_paths(made, s, t)
        for path in found:
            for node in path[1:-1]:
                values[node] += 1 / len(found)
    return values


def test_betweenness_matches_a_brute_force_on_random_graphs() -> None:
    rng = random.Random(11)
    for _ in range(15):
        made = _random_graph(rng, 8, 0.35)
        expected = _brute_betweenness(made)
        assert betweenness(made).values == pytest.approx(expected)


def test_sampled_betweenness_is_said_reproducible_and_close() -> None:
    rng = random.Random(3)
    made = Graph()
    for hub in range(3):  # three stars, their hubs in a chain: the hubs carry every path
        for leaf in range(100):
            made.add_edge(1000 + hub, hub * 100 + leaf)
    made.add_edge(1000, 1001)
    made.add_edge(1001, 1002)
    for _ in range(40):
        made.add_edge(rng.randrange(300), rng.randrange(300))
    exact = betweenness(made)
    first = betweenness(made, exact_nodes=50, pivots=120, seed=5)
    again = betweenness(made, exact_nodes=50, pivots=120, seed=5)
    assert first.sampled and first.pivots == 120 and first.seed == 5 and first.values == again.values
    top = sorted(exact.values, key=lambda n: -exact.values[n])[:3]
    assert set(sorted(first.values, key=lambda n: -first.values[n])[:3]) == set(top) == {1000, 1001, 1002}
    for hub in top:
        assert first.values[hub] == pytest.approx(exact.values[hub], rel=0.2)


def test_brokers_are_articulation_points() -> None:
    bowtie = graph((1, 2), (2, 3), (3, 1), (3, 4), (4, 5), (5, 6), (6, 4))
    assert brokers(bowtie) == {3, 4}
    assert brokers(chain(5)) == {2, 3, 4}
    assert brokers(graph((1, 2), (2, 3), (3, 4), (4, 1))) == set()
    assert brokers(graph(*((0, leaf) for leaf in range(1, 4)), (7, 8), nodes=(9,))) == {0}
    assert brokers(chain(20000)) == set(range(2, 20000))  # no recursion


def test_rank_by_degree_and_betweenness() -> None:
    bowtie = graph((1, 2), (2, 3), (3, 1), (3, 4), (4, 5), (5, 6), (6, 4), (6, 7))
    rows, between, marked = rank(bowtie, "degree", limit=3)
    assert [(r.node, r.degree, r.broker) for r in rows] == [(3, 3, True), (4, 3, True), (6, 3, True)]
    assert between is None and marked == {3, 4, 6}
    assert all(r.betweenness is None for r in rows)
    rows, between, _ = rank(bowtie, "betweenness", limit=10)
    assert between is not None and [(r.node, r.betweenness) for r in rows][:3] == [(4, 9), (3, 8), (6, 5)]
    assert {r.node: r.broker for r in rows}[6] and not {r.node: r.broker for r in rows}[1]
    assert rank(bowtie, "betweenness", limit=0)[0] == []
    with pytest.raises(ValueError, match="degree or betweenness"):
        rank(bowtie, "closeness")


def test_the_compact_graph_gives_what_the_sets_give() -> None:
    rng = random.Random(5)
    made = _random_graph(rng, 30, 0.15)
    made.add_node(1000)  # an isolated node, last
    compact = network.Compact.of(made)
    assert compact.ids == sorted(made.adjacency) and compact.edge_count() == made.edge_count()
    assert degrees(compact) == degrees(made)
    assert [compact.ids[i] for i in compact.near(compact.ids.index(3))] == sorted(made.neighbours(3))
    assert betweenness(compact).values == pytest.approx(betweenness(made).values)
    assert brokers(compact) == brokers(made)
    empty = network.Compact.from_pairs([], [])
    assert len(empty) == 0 and betweenness(empty).values == {} and brokers(empty) == set()


def test_sampled_pivots_shrink_with_the_graph_within_bounds() -> None:
    assert network.pivots_for(100_000, 1_000) == network.PIVOTS
    assert network.pivots_for(100_000, 40_000_000 // 50) == 50
    assert network.pivots_for(100_000, 10**9) == network.MIN_PIVOTS
    assert network.pivots_for(10, 10**9) == 10
    stopped = betweenness(chain(50), exact_nodes=0, pivots=20, should_stop=iter([False, False, True]).__next__)
    assert stopped.sampled and stopped.pivots == 2  # the sources searched before the stop, and scaled by them
