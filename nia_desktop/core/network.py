"""The entity network's algorithms: shortest paths, degree, betweenness and brokers (no store access, no Qt).

Nodes are entity ids; an edge joins two entities named together in a report the reader may read (the service,
services/entity_network.py, builds the graph from those reports only, so nothing here can see a hidden one).
Edges are unweighted for paths and betweenness: a link's IDF weight or its count of shared reports measures how
strong the evidence is, not a distance, and adding them up along a path would mean nothing. Paths are counted in
hops; among paths of equal length the service puts first those with the most evidence.

Betweenness is Brandes' algorithm (2001) on the undirected graph, counting each unordered pair of endpoints once.
Above ``EXACT_NODES`` nodes it starts from ``pivots`` sources drawn with a fixed seed and scales by n / pivots
(Brandes and Pich, 2007): the same vault gives the same ranking, and the result says it was sampled.

A broker is an articulation point: an entity whose removal leaves some of its neighbours unable to reach each
other, the one link between two groups (Tarjan's algorithm, linear, exact at any size).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

Neighbours = Callable[[int], Iterable[int]]

EXACT_NODES = 3000  # exact betweenness up to this many nodes (a few seconds in Python); sampled above
PIVOTS = 256  # sources of the sampled betweenness
SEED = 16  # the sample's seed: fixed, so the same graph always ranks the same


@dataclass
class Graph:
    """An undirected simple graph: each node's set of neighbours (no self-loops)."""

    adjacency: dict[int, set[int]] = field(default_factory=dict)

    def add_node(self, node: int) -> None:
        self.adjacency.setdefault(node, set())

    def add_edge(self, a: int, b: int) -> None:
        if a == b:
            self.add_node(a)
            return
        self.adjacency.setdefault(a, set()).add(b)
        self.adjacency.setdefault(b, set()).add(a)

    def add_clique(self, nodes: Iterable[int]) -> None:
        """Every pair of ``nodes`` joined: the entities of one report."""
        members = sorted(set(nodes))
        for index, a in enumerate(members):
            near = self.adjacency.setdefault(a, set())
            near.update(members[index + 1:])
            near.update(members[:index])

    def neighbours(self, node: int) -> set[int]:
        return self.adjacency.get(node, set())

    def __contains__(self, node: object) -> bool:
        return node in self.adjacency

    def __len__(self) -> int:
        return len(self.adjacency)

    def edge_count(self) -> int:
        return sum(len(near) for near in self.adjacency.values()) // 2


@dataclass(frozen=True)
class Paths:
    """The shortest paths from ``source`` to ``target``: their length in hops, how many there are in all, and
    the first ``cap`` of them (each a list of nodes, ends included), in the order of their nodes."""

    source: int
    target: int
    hops: int | None  # None: no path
    total: int
    paths: list[list[int]]

    @property
    def capped(self) -> bool:
        return self.total > len(self.paths)


def shortest_paths(neighbours: Neighbours, source: int, target: int, cap: int = 20) -> Paths:
    """Every shortest path between two nodes (the first ``cap`` listed, all counted), by a breadth-first search
    from both ends, each step widening the smaller frontier: a hub's neighbourhood is read only when the other
    side's is larger. ``neighbours`` may read an in-memory Graph or the store."""
    if source == target:
        return Paths(source, target, 0, 1, [[source]])
    sides = [_Side(source), _Side(target)]
    while sides[0].frontier and sides[1].frontier:
        grow, other = (sides[0], sides[1]) if len(sides[0].frontier) <= len(sides[1].frontier) else \
            (sides[1], sides[0])
        grow.step(neighbours)
        meeting = sorted(v for v in grow.frontier if v in other.preds)
        if meeting:
            # Every node met has the other side's current depth (see the module's tests): the paths through it
            # are each path from the source to it joined to each path from it to the target.
            start, end = sides
            total = sum(start.count[v] * end.count[v] for v in meeting)
            listed: list[list[int]] = []
            for v in meeting:
                for head in start.walk(v):
                    for tail in end.walk(v):
                        listed.append(head + tail[::-1][1:])
                        if len(listed) >= cap:
                            break
                    if len(listed) >= cap:
                        break
                if len(listed) >= cap:
                    break
            return Paths(source, target, start.depth + end.depth, total, sorted(listed)[:cap])
    return Paths(source, target, None, 0, [])


class _Side:
    """One end of the bidirectional search: predecessors and path counts of every node reached."""

    def __init__(self, root: int) -> None:
        self.root = root
        self.preds: dict[int, list[int]] = {root: []}
        self.count: dict[int, int] = {root: 1}
        self.frontier: list[int] = [root]
        self.depth = 0

    def step(self, neighbours: Neighbours) -> None:
        fresh: dict[int, list[int]] = {}
        for node in self.frontier:
            for near in neighbours(node):
                if near in self.preds:
                    continue
                fresh.setdefault(near, []).append(node)
        for node, preds in fresh.items():
            self.preds[node] = sorted(preds)
            self.count[node] = sum(self.count[p] for p in preds)
        self.frontier = sorted(fresh)
        self.depth += 1

    def walk(self, node: int) -> Iterator[list[int]]:
        """The paths from this side's root to ``node`` (root first), lazily, in order."""
        if node == self.root:
            yield [node]
            return
        for pred in self.preds[node]:
            for path in self.walk(pred):
                yield [*path, node]


def degrees(graph: Graph) -> dict[int, int]:
    """Each node's number of distinct neighbours."""
    return {node: len(near) for node, near in graph.adjacency.items()}


@dataclass(frozen=True)
class Betweenness:
    """Each node's betweenness (pairs of other nodes whose shortest paths run through it, each pair counted
    once, a pair with several shortest paths shared among them), and how it was computed."""

    values: dict[int, float]
    sampled: bool
    pivots: int  # sources the searches started from (every node when exact)
    seed: int | None


def betweenness(graph: Graph, exact_nodes: int = EXACT_NODES, pivots: int = PIVOTS, seed: int = SEED,
                should_stop: Callable[[], bool] | None = None) -> Betweenness:
    """Brandes' betweenness, exact up to ``exact_nodes`` nodes, else from ``pivots`` sources drawn with
    ``seed`` and scaled by n / pivots. ``should_stop`` is asked between sources (a cancelled view's work)."""
    nodes = sorted(graph.adjacency)
    values = dict.fromkeys(nodes, 0.0)
    sampled = len(nodes) > exact_nodes and pivots < len(nodes)
    sources = sorted(random.Random(seed).sample(nodes, pivots)) if sampled else nodes  # noqa: S311 - not secret
    for source in sources:
        if should_stop is not None and should_stop():
            break
        _accumulate(graph.adjacency, source, values)
    scale = (len(nodes) / len(sources) if sampled else 1.0) / 2.0  # each pair was counted from both ends
    return Betweenness({node: value * scale for node, value in values.items()}, sampled, len(sources),
                       seed if sampled else None)


def _accumulate(adjacency: dict[int, set[int]], source: int, values: dict[int, float]) -> None:
    """One source's dependencies (Brandes): a breadth-first search counting shortest paths, then their
    dependencies added up from the farthest node back."""
    order: list[int] = []
    preds: dict[int, list[int]] = {source: []}
    sigma: dict[int, int] = {source: 1}
    depth: dict[int, int] = {source: 0}
    queue = [source]
    head = 0
    while head < len(queue):
        node = queue[head]
        head += 1
        order.append(node)
        here, paths = depth[node] + 1, sigma[node]
        for near in adjacency[node]:
            seen = depth.get(near)
            if seen is None:
                depth[near] = here
                sigma[near] = paths
                preds[near] = [node]
                queue.append(near)
            elif seen == here:
                sigma[near] += paths
                preds[near].append(node)
    delta = dict.fromkeys(order, 0.0)
    for node in reversed(order):
        share = (1.0 + delta[node]) / sigma[node]
        for pred in preds[node]:
            delta[pred] += sigma[pred] * share
        if node != source:
            values[node] += delta[node]


def brokers(graph: Graph) -> set[int]:
    """The articulation points (Tarjan, iterative: a long chain would overflow Python's recursion)."""
    found: set[int] = set()
    index: dict[int, int] = {}
    low: dict[int, int] = {}
    counter = 0
    for root in sorted(graph.adjacency):
        if root in index:
            continue
        index[root] = low[root] = counter
        counter += 1
        children = 0
        stack: list[tuple[int, int, Iterator[int]]] = [(root, -1, iter(sorted(graph.adjacency[root])))]
        while stack:
            node, parent, pending = stack[-1]
            advanced = False
            for near in pending:
                if near == parent:
                    continue
                if near in index:
                    low[node] = min(low[node], index[near])
                    continue
                index[near] = low[near] = counter
                counter += 1
                if node == root:
                    children += 1
                stack.append((near, node, iter(sorted(graph.adjacency[near]))))
                advanced = True
                break
            if advanced:
                continue
            stack.pop()
            if stack:
                up = stack[-1][0]
                low[up] = min(low[up], low[node])
                if up != root and low[node] >= index[up]:
                    found.add(up)
        if children > 1:
            found.add(root)
    return found


@dataclass(frozen=True)
class Ranked:
    node: int
    degree: int
    betweenness: float | None  # None when ranked by degree (not computed)
    broker: bool


def rank(graph: Graph, by: str, limit: int = 50, exact_nodes: int = EXACT_NODES, pivots: int = PIVOTS,
         seed: int = SEED) -> tuple[list[Ranked], Betweenness | None, set[int]]:
    """The ``limit`` nodes with the highest degree or betweenness (ties: the other measure, then the lower id),
    brokers marked; with the betweenness result when it was computed, and every broker."""
    if by not in ("degree", "betweenness"):
        raise ValueError(f"rank by degree or betweenness, not {by!r}")
    degree = degrees(graph)
    between = betweenness(graph, exact_nodes, pivots, seed) if by == "betweenness" else None
    marked = brokers(graph)
    if between is None:
        order = sorted(degree, key=lambda n: (-degree[n], n))
    else:
        values = between.values
        order = sorted(degree, key=lambda n: (-values[n], -degree[n], n))
    return [Ranked(n, degree[n], None if between is None else between.values[n], n in marked)
            for n in order[:max(0, limit)]], between, marked
