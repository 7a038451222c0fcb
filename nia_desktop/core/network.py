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
from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

Neighbours = Callable[[int], Iterable[int]]

EXACT_NODES = 3000  # exact betweenness up to this many nodes (a few seconds in Python); sampled above
PIVOTS = 256  # sources of the sampled betweenness at most
MIN_PIVOTS = 16  # and at least
BUDGET = 40_000_000  # neighbour entries the sampled searches step through in all (about a minute in Python)
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


@dataclass(frozen=True)
class Compact:
    """A graph for the whole-graph measures: nodes numbered 0..n-1 in the order of their ids, each node's
    neighbours a slice of one array of 4-byte numbers (compressed sparse rows). A million reports' network holds
    tens of millions of neighbour entries: as Python sets they would take gigabytes, here 4 bytes each."""

    ids: list[int]  # position -> node id, ascending
    offsets: array[int]  # node i's neighbours are targets[offsets[i]:offsets[i + 1]]
    targets: array[int]

    @classmethod
    def from_pairs(cls, nodes: Iterable[int], pairs: Iterable[tuple[int, int]]) -> Compact:
        """From every node and the distinct (a, b) neighbour pairs sorted by a then b, both directions listed
        (services/entity_network streams them from SQLite, which sorts and removes repeats)."""
        ids = sorted(set(nodes))
        position = {node: index for index, node in enumerate(ids)}
        offsets, targets = array("q", [0]), array("i")
        current = 0
        for a, b in pairs:
            at = position[a]
            while current < at:
                offsets.append(len(targets))
                current += 1
            targets.append(position[b])
        while len(offsets) <= len(ids):
            offsets.append(len(targets))
        return cls(ids, offsets, targets)

    @classmethod
    def of(cls, graph: Graph) -> Compact:
        return cls.from_pairs(graph.adjacency, ((a, b) for a in sorted(graph.adjacency)
                                                for b in sorted(graph.adjacency[a])))

    def __len__(self) -> int:
        return len(self.ids)

    def edge_count(self) -> int:
        return len(self.targets) // 2

    def near(self, index: int) -> array[int]:
        return self.targets[self.offsets[index]:self.offsets[index + 1]]


def _compact(graph: Graph | Compact) -> Compact:
    return graph if isinstance(graph, Compact) else Compact.of(graph)


def degrees(graph: Graph | Compact) -> dict[int, int]:
    """Each node's number of distinct neighbours."""
    if isinstance(graph, Graph):
        return {node: len(near) for node, near in graph.adjacency.items()}
    offsets = graph.offsets
    return {node: offsets[i + 1] - offsets[i] for i, node in enumerate(graph.ids)}


@dataclass(frozen=True)
class Betweenness:
    """Each node's betweenness (pairs of other nodes whose shortest paths run through it, each pair counted
    once, a pair with several shortest paths shared among them), and how it was computed."""

    values: dict[int, float]
    sampled: bool
    pivots: int  # sources the searches started from (every node when exact)
    seed: int | None


def pivots_for(nodes: int, arcs: int, pivots: int = PIVOTS, budget: int = BUDGET) -> int:
    """How many sources a sampled betweenness starts from: ``pivots``, fewer when each search would step
    through so many neighbour entries that they would exceed ``budget`` in all (never below MIN_PIVOTS)."""
    fit = budget // max(1, arcs)
    return max(1, min(nodes, pivots, max(MIN_PIVOTS, fit)))


def betweenness(graph: Graph | Compact, exact_nodes: int = EXACT_NODES, pivots: int | None = None,
                seed: int = SEED, should_stop: Callable[[], bool] | None = None) -> Betweenness:
    """Brandes' betweenness, exact up to ``exact_nodes`` nodes, else from ``pivots`` sources (default:
    pivots_for the graph's size) drawn with ``seed`` and scaled by n / pivots. ``should_stop`` is asked between
    sources (a cancelled view's work)."""
    compact = _compact(graph)
    n = len(compact)
    count = pivots_for(n, len(compact.targets)) if pivots is None else pivots
    sampled = n > exact_nodes and count < n
    sources = sorted(random.Random(seed).sample(range(n), count)) if sampled else range(n)  # noqa: S311 - not secret
    values = [0.0] * n
    done = 0
    for source in sources:
        if should_stop is not None and should_stop():
            break
        _accumulate(compact, source, values)
        done += 1
    scale = (n / max(1, done) if sampled else 1.0) / 2.0  # each pair was counted from both ends
    return Betweenness({node: values[i] * scale for i, node in enumerate(compact.ids)}, sampled, done,
                       seed if sampled else None)


def _accumulate(graph: Compact, source: int, values: list[float]) -> None:
    """One source's dependencies (Brandes): a breadth-first search counting shortest paths, then their
    dependencies added up from the farthest node back. Lists indexed by position, not dictionaries: this loop
    is where a ranking spends its time."""
    offsets, targets = graph.offsets, graph.targets
    n = len(graph.ids)
    depth = [-1] * n
    sigma = [0] * n
    depth[source], sigma[source] = 0, 1
    order = [source]
    head = 0
    while head < len(order):
        node = order[head]
        head += 1
        here, paths = depth[node] + 1, sigma[node]
        for near in targets[offsets[node]:offsets[node + 1]]:
            seen = depth[near]
            if seen < 0:
                depth[near] = here
                sigma[near] = paths
                order.append(near)
            elif seen == here:
                sigma[near] += paths
    delta = [0.0] * n
    for node in reversed(order):
        below = depth[node] - 1
        share = (1.0 + delta[node]) / sigma[node]
        for near in targets[offsets[node]:offsets[node + 1]]:
            if depth[near] == below:  # a predecessor: found again here rather than kept in lists
                delta[near] += sigma[near] * share
        if node != source:
            values[node] += delta[node]


def brokers(graph: Graph | Compact) -> set[int]:
    """The articulation points (Tarjan, iterative: a long chain would overflow Python's recursion)."""
    compact = _compact(graph)
    n = len(compact)
    offsets, targets = compact.offsets, compact.targets
    index = [-1] * n
    low = [0] * n
    found: set[int] = set()
    counter = 0
    for root in range(n):
        if index[root] >= 0:
            continue
        index[root] = low[root] = counter
        counter += 1
        children = 0
        stack = [(root, -1, offsets[root])]
        while stack:
            node, parent, at = stack[-1]
            end = offsets[node + 1]
            while at < end:
                near = targets[at]
                at += 1
                if near == parent:
                    continue
                if index[near] >= 0:
                    low[node] = min(low[node], index[near])
                    continue
                index[near] = low[near] = counter
                counter += 1
                if node == root:
                    children += 1
                stack[-1] = (node, parent, at)
                stack.append((near, node, offsets[near]))
                break
            else:
                stack.pop()
                if stack:
                    up = stack[-1][0]
                    low[up] = min(low[up], low[node])
                    if up != root and low[node] >= index[up]:
                        found.add(up)
        if children > 1:
            found.add(root)
    return {compact.ids[i] for i in found}


@dataclass(frozen=True)
class Ranked:
    node: int
    degree: int
    betweenness: float | None  # None when ranked by degree (not computed)
    broker: bool


def rank(graph: Graph | Compact, by: str, limit: int = 50, exact_nodes: int = EXACT_NODES, pivots: int | None = None,
         seed: int = SEED) -> tuple[list[Ranked], Betweenness | None, set[int]]:
    """The ``limit`` nodes with the highest degree or betweenness (ties: the other measure, then the lower id),
    brokers marked; with the betweenness result when it was computed, and every broker."""
    if by not in ("degree", "betweenness"):
        raise ValueError(f"rank by degree or betweenness, not {by!r}")
    compact = _compact(graph)
    degree = degrees(compact)
    between = betweenness(compact, exact_nodes, pivots, seed) if by == "betweenness" else None
    marked = brokers(compact)
    if between is None:
        order = sorted(degree, key=lambda n: (-degree[n], n))
    else:
        values = between.values
        order = sorted(degree, key=lambda n: (-values[n], -degree[n], n))
    return [Ranked(n, degree[n], None if between is None else between.values[n], n in marked)
            for n in order[:max(0, limit)]], between, marked
