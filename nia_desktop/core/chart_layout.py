"""The link chart's layout: positions for entities from the links between them (pure Python, no Qt, no store).

Force-directed (Fruchterman and Reingold, 1991): linked nodes pull together, every node pushes away the nodes
near it, and the steps shrink as the layout cools. Repulsion is counted only between nodes within a few ideal
lengths of each other, found through a grid of cells, so a step costs about n, not n²: 500 nodes lay out in a
second or so of Python on a worker.

What an analyst needs from a chart, unlike a drawing program's layout:
- the same chart gives the same picture: every random choice comes from one ``seed``, nodes are visited in id
  order;
- expanding a node must not reshuffle what they have already read: nodes already placed keep their place
  (``placed``), only new ones move, starting beside their placed neighbours;
- a node they pinned or dragged never moves (``pinned``);
- nodes do not sit on top of each other: a last pass pushes moving nodes apart until no two are closer than
  the sum of their radii plus ``gap`` (within a tolerance), pinned and placed ones staying where they are.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

Point = tuple[float, float]

LENGTH = 90.0  # the ideal distance between linked nodes, in scene units
RADIUS = 8.0  # a node's radius when none is given
GAP = 6.0  # the least free space kept between two nodes
ITERATIONS = 80
SEED = 16
OVERLAP_PASSES = 60


@dataclass(frozen=True)
class Result:
    """Every node's position; ``moved``: the nodes this run placed or moved (the rest kept theirs)."""

    positions: dict[int, Point]
    moved: frozenset[int]


def radius_for(reports: int, smallest: float = 6.0, largest: float = 22.0) -> float:
    """A node's radius from its readable reports: the area grows with the count, logarithmically, so a node in
    10,000 reports is large but does not cover the chart."""
    return min(largest, smallest + 3.0 * math.log2(1 + max(0, reports)))


def layout(nodes: Sequence[int], edges: Iterable[tuple[int, int]], placed: Mapping[int, Point] | None = None,
           pinned: Collection[int] = (), radii: Mapping[int, float] | None = None, seed: int = SEED,
           iterations: int = ITERATIONS, length: float = LENGTH, gap: float = GAP, relayout: bool = False,
           cancelled: Callable[[], bool] | None = None) -> Result:
    """Positions for ``nodes``; those in ``placed`` stay where they are (with ``relayout``, only the pinned ones
    among them: the others start from their place and move), pinned nodes never move once placed.

    ``edges``: pairs of node ids (either order, repeats and pairs naming an unknown node ignored).
    ``cancelled``: asked between iterations; when it says so the positions so far are returned."""
    placed = dict(placed or {})
    order = sorted(set(nodes))
    radii = dict(radii or {})
    near: dict[int, set[int]] = {n: set() for n in order}
    for a, b in edges:
        if a != b and a in near and b in near:
            near[a].add(b)
            near[b].add(a)
    fixed = {n for n in order if n in placed and (not relayout or n in pinned)}
    free = [n for n in order if n not in fixed and n not in placed]
    rng = random.Random(seed)  # noqa: S311 (a layout, not a secret: the same seed must give the same chart)
    where: dict[int, list[float]] = {n: [placed[n][0], placed[n][1]] for n in order if n in placed}
    _seed_positions(free, near, where, rng, length)
    moving = [n for n in order if n not in fixed]
    if moving:
        _relax(order, moving, near, where, radii, iterations, length, cancelled)
        _separate(order, set(moving), where, radii, gap)
    positions = {n: (where[n][0], where[n][1]) for n in order}
    return Result(positions, frozenset(moving))


def _seed_positions(free: list[int], near: dict[int, set[int]], where: dict[int, list[float]],
                    rng: random.Random, length: float) -> None:
    """Start each new node beside its placed neighbours (their centre, a little off), or, with none placed, on
    a spiral around the chart's centre: a node expanded from another starts next to it."""
    pending = list(free)
    cx, cy = _centre(where)
    spiral = 0
    while pending:
        progress = False
        later = []
        for node in pending:
            known = [where[m] for m in sorted(near[node]) if m in where]
            if known:
                x = sum(p[0] for p in known) / len(known)
                y = sum(p[1] for p in known) / len(known)
                angle = rng.uniform(0, 2 * math.pi)
                reach = length * rng.uniform(0.6, 1.0)
                where[node] = [x + reach * math.cos(angle), y + reach * math.sin(angle)]
                progress = True
            else:
                later.append(node)
        if not progress:
            # Nothing left touches a placed node: put the first on the spiral, and go on from it.
            node = later.pop(0)
            angle = spiral * 2.399963  # the golden angle: points spread evenly on a disc
            reach = length * 0.8 * math.sqrt(spiral + (1 if where else 0))
            where[node] = [cx + reach * math.cos(angle) + rng.uniform(-1, 1),
                           cy + reach * math.sin(angle) + rng.uniform(-1, 1)]
            spiral += 1
        pending = later


def _centre(where: Mapping[int, list[float]]) -> Point:
    if not where:
        return 0.0, 0.0
    return (sum(p[0] for p in where.values()) / len(where), sum(p[1] for p in where.values()) / len(where))


def _relax(order: list[int], moving: list[int], near: dict[int, set[int]], where: dict[int, list[float]],
           radii: Mapping[int, float], iterations: int, length: float,
           cancelled: Callable[[], bool] | None) -> None:
    """Fruchterman-Reingold steps on the moving nodes only, repulsion from any node within 2.5 lengths."""
    reach = 2.5 * length
    temperature = length * 1.5
    cooling = temperature / max(1, iterations)
    for _ in range(iterations):
        if cancelled is not None and cancelled():
            return
        grid = _grid(order, where, reach)
        cx, cy = _centre(where)
        for node in moving:
            x, y = where[node]
            fx = fy = 0.0
            own = radii.get(node, RADIUS)
            for other in _around(grid, x, y, reach):
                if other == node:
                    continue
                dx, dy = x - where[other][0], y - where[other][1]
                d2 = dx * dx + dy * dy
                if d2 < 1e-6:
                    # Two nodes on one point: push apart along a direction fixed by their ids.
                    angle = (node * 7919 + other) % 360 * math.pi / 180
                    dx, dy, d2 = math.cos(angle) * 0.01, math.sin(angle) * 0.01, 1e-4
                if d2 > reach * reach:
                    continue
                d = math.sqrt(d2)
                spacing = length + own + radii.get(other, RADIUS)
                push = spacing * spacing / d
                fx += dx / d * push
                fy += dy / d * push
            for other in near[node]:
                dx, dy = where[other][0] - x, where[other][1] - y
                d = math.sqrt(dx * dx + dy * dy) or 1e-3
                pull = d * d / length
                fx += dx / d * pull
                fy += dy / d * pull
            if not near[node]:
                # A node linked to nothing shown drifts gently towards the others instead of far away.
                fx += (cx - x) * 0.05
                fy += (cy - y) * 0.05
            force = math.hypot(fx, fy)
            if force > 0:
                step = min(force, temperature)
                where[node] = [x + fx / force * step, y + fy / force * step]
        temperature = max(temperature - cooling, length * 0.02)


def _grid(order: list[int], where: Mapping[int, list[float]], cell: float) -> dict[tuple[int, int], list[int]]:
    grid: dict[tuple[int, int], list[int]] = {}
    for node in order:
        x, y = where[node]
        grid.setdefault((math.floor(x / cell), math.floor(y / cell)), []).append(node)
    return grid


def _around(grid: dict[tuple[int, int], list[int]], x: float, y: float, cell: float) -> Iterable[int]:
    gx, gy = math.floor(x / cell), math.floor(y / cell)
    for i in (gx - 1, gx, gx + 1):
        for j in (gy - 1, gy, gy + 1):
            yield from grid.get((i, j), ())


def _separate(order: list[int], moving: set[int], where: dict[int, list[float]], radii: Mapping[int, float],
              gap: float) -> None:
    """Push apart every two nodes closer than their radii and ``gap``; only moving nodes move (both halfway
    when both may). Stops when a pass finds no overlap."""
    largest = max((radii.get(n, RADIUS) for n in order), default=RADIUS)
    cell = 2 * largest + gap
    for _ in range(OVERLAP_PASSES):
        grid = _grid(order, where, cell)
        overlapping = False
        for node in order:
            x, y = where[node]
            for other in _around(grid, x, y, cell):
                if other <= node or (node not in moving and other not in moving):
                    continue
                need = radii.get(node, RADIUS) + radii.get(other, RADIUS) + gap
                dx, dy = where[other][0] - x, where[other][1] - y
                d = math.hypot(dx, dy)
                if d >= need:
                    continue
                overlapping = True
                if d < 1e-6:
                    angle = (node * 7919 + other) % 360 * math.pi / 180
                    dx, dy, d = math.cos(angle), math.sin(angle), 1.0
                    short = need
                else:
                    short = need - d
                ux, uy = dx / d, dy / d
                if node in moving and other in moving:
                    where[node] = [x - ux * short / 2, y - uy * short / 2]
                    where[other] = [where[other][0] + ux * short / 2, where[other][1] + uy * short / 2]
                elif node in moving:
                    where[node] = [x - ux * short, y - uy * short]
                else:
                    where[other] = [where[other][0] + ux * short, where[other][1] + uy * short]
                x, y = where[node]
        if not overlapping:
            return


def overlaps(positions: Mapping[int, Point], radii: Mapping[int, float] | None = None, gap: float = 0.0,
             tolerance: float = 0.5) -> list[tuple[int, int]]:
    """The pairs of nodes closer than their radii and ``gap`` by more than ``tolerance`` (for tests and checks)."""
    radii = radii or {}
    ids = sorted(positions)
    found = []
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            d = math.dist(positions[a], positions[b])
            if d + tolerance < radii.get(a, RADIUS) + radii.get(b, RADIUS) + gap:
                found.append((a, b))
    return found
