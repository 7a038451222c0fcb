"""Where gazetteer places are, and how the offline map lays them out: coordinates, boundaries, projection, clusters.

Why here: the map view and the places service need the same rules and neither may reach a network. Every
position comes from files shipped in gazetteer_data/ (coordinates.tsv, boundaries.json; sources and licences in
SOURCES.md, built by tools/build_map_data.py). Both are parsed once per process and cached: the map opens many
times, the files never change while the app runs.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).with_name("gazetteer_data")
# Scene units per degree of the equirectangular projection: the world is 3,600 x 1,800 units.
SCALE = 10.0


@dataclass(frozen=True)
class Country:
    """One country's outline as flat [lon, lat, lon, lat, ...] rings (outer rings and holes alike)."""

    iso: str
    name: str
    rings: tuple[tuple[float, ...], ...]


def _read_coordinates(path: Path) -> dict[str, tuple[float, float]]:
    points: dict[str, tuple[float, float]] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            entry_id, lat, lon = line.rstrip("\n").split("\t")
            points[entry_id] = (float(lat), float(lon))
    return points


@cache
def coordinates() -> dict[str, tuple[float, float]]:
    """Every gazetteer entry id with a known position: (latitude, longitude) in degrees."""
    return _read_coordinates(DATA_DIR / "coordinates.tsv")


def position(entry_id: str) -> tuple[float, float] | None:
    """The (latitude, longitude) of a gazetteer entry, or None: a body, an actor, a place without one."""
    return coordinates().get(entry_id)


@cache
def countries() -> tuple[Country, ...]:
    """The shipped country outlines, parsed once."""
    data = json.loads((DATA_DIR / "boundaries.json").read_text(encoding="utf-8"))
    return tuple(Country(str(c["iso"]), str(c["name"]), tuple(tuple(r) for r in c["rings"]))
                 for c in data["countries"])


def project(lat: float, lon: float) -> tuple[float, float]:
    """Equirectangular: x east, y down (as a scene counts), SCALE units per degree; latitude clamped to +-90."""
    lat = max(-90.0, min(90.0, lat))
    return lon * SCALE, -lat * SCALE


def unproject(x: float, y: float) -> tuple[float, float]:
    """The inverse of project(): scene point to (latitude, longitude)."""
    return -y / SCALE, x / SCALE


@dataclass(frozen=True)
class Cluster:
    """Places drawn as one marker at the current zoom: the members' indexes, where to draw it (the centre of
    their reports' weight) and the reports behind it (a report in two members counts in each)."""

    members: tuple[int, ...]
    x: float
    y: float
    weight: int


def cluster(points: list[tuple[float, float, int]], cell: float) -> list[Cluster]:
    """Group projected points (x, y, weight) that fall in the same ``cell``-sized square of the scene.

    A grid rather than distance clustering: linear in the points (1,000 places at every zoom step), and the
    same input always gives the same clusters, so markers do not jump when the view redraws. ``cell`` is the
    marker spacing in scene units at the current zoom (pixels / scale); cell <= 0 gives one cluster per point."""
    if cell <= 0:
        return [Cluster((i,), x, y, w) for i, (x, y, w) in enumerate(points)]
    cells: dict[tuple[int, int], list[int]] = {}
    for index, (x, y, _weight) in enumerate(points):
        cells.setdefault((math.floor(x / cell), math.floor(y / cell)), []).append(index)
    clusters = []
    for key in sorted(cells):
        members = cells[key]
        weight = sum(points[i][2] for i in members)
        share = [max(points[i][2], 1) for i in members]
        total = sum(share)
        x = sum(points[i][0] * s for i, s in zip(members, share, strict=True)) / total
        y = sum(points[i][1] * s for i, s in zip(members, share, strict=True)) / total
        clusters.append(Cluster(tuple(members), x, y, weight))
    return clusters


def marker_radius(weight: int, smallest: float = 4.0, largest: float = 22.0) -> float:
    """A marker's radius in pixels: area grows with the reports (square root), capped so one place never hides
    a country."""
    return min(largest, smallest + 2.0 * math.sqrt(max(weight, 1) - 1))
