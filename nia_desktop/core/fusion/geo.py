"""Where gazetteer places are, and how the offline map lays them out: coordinates, boundaries, projection, clusters.

Why here: the map view and the places service need the same rules and neither may reach a network. Every
position comes from files shipped in gazetteer_data/ (coordinates.tsv, boundaries.json, prefectures.json; sources
and licences in SOURCES.md, built by tools/build_map_data.py and tools/build_prefectures.py). A place's country
and prefecture come from its gazetteer id (``jp:13104`` is in JP-13), not from the outlines: simplified
coastlines would put a harbour city in the sea; the outlines answer only "which region is under this point".
All are parsed once per process and cached: the map opens many times, the files never change while the app runs.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).with_name("gazetteer_data")
# Scene units per degree of the equirectangular projection: the world is 3,600 x 1,800 units.
SCALE = 10.0


Ring = tuple[float, ...]  # flat [lon, lat, lon, lat, ...], closed


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


@dataclass(frozen=True)
class Prefecture:
    """One of Japan's 47 prefectures: ISO 3166-2 code, gazetteer id (``jp:NN``), names, where its name goes
    (latitude, longitude) and its outline as flat rings (islands and holes alike: even-odd)."""

    iso: str
    entry_id: str
    name_en: str
    name_ja: str
    label: tuple[float, float]
    rings: tuple[Ring, ...]
    box: tuple[float, float, float, float]  # min lon, min lat, max lon, max lat

    def name(self, language: str) -> str:
        """The name in the UI language ('ja' or anything else for English)."""
        return self.name_ja if language.startswith("ja") else self.name_en


def _box(rings: tuple[Ring, ...]) -> tuple[float, float, float, float]:
    xs = [x for r in rings for x in r[0::2]]
    ys = [y for r in rings for y in r[1::2]]
    return (min(xs), min(ys), max(xs), max(ys)) if xs else (0.0, 0.0, 0.0, 0.0)


@cache
def prefectures() -> tuple[Prefecture, ...]:
    """Japan's prefecture outlines (Natural Earth 1:10m admin-1), parsed once, in code order."""
    data = json.loads((DATA_DIR / "prefectures.json").read_text(encoding="utf-8"))
    found = []
    for p in data["prefectures"]:
        rings = tuple(tuple(float(v) for v in r) for r in p["rings"])
        found.append(Prefecture(str(p["iso"]), str(p["id"]), str(p["name_en"]), str(p["name_ja"]),
                                (float(p["label"][1]), float(p["label"][0])), rings, _box(rings)))
    return tuple(found)


@cache
def prefecture(iso: str) -> Prefecture | None:
    """The prefecture with this ISO 3166-2 code (JP-01 .. JP-47), or None."""
    return next((p for p in prefectures() if p.iso == iso.upper()), None)


@cache
def inner_borders() -> tuple[Ring, ...]:
    """The borders between prefectures, without the coast: polylines [lon, lat, lon, lat, ...] of the edges two
    prefectures share (the build keeps a shared border's points identical in both). The map draws these thin
    inside Japan; the coast is the country outline's."""
    count: dict[tuple[float, float, float, float], int] = {}
    for p in prefectures():
        for ring in p.rings:
            for i in range(0, len(ring) - 2, 2):
                a, b = (ring[i], ring[i + 1]), (ring[i + 2], ring[i + 3])
                key = (*a, *b) if a <= b else (*b, *a)
                count[key] = count.get(key, 0) + 1
    lines: list[list[float]] = []
    for key in sorted(k for k, n in count.items() if n >= 2):
        if lines and lines[-1][-2:] == [key[0], key[1]]:
            lines[-1].extend(key[2:])
        else:
            lines.append(list(key))
    return tuple(tuple(line) for line in lines)


def prefecture_code(entry_id: str) -> str:
    """The ISO 3166-2 code of the prefecture a Japanese gazetteer entry lies in (``jp:13104`` -> JP-13), else ''."""
    if entry_id.startswith("jp:") and len(entry_id) >= 5 and entry_id[3:5].isdigit():
        return f"JP-{entry_id[3:5]}"
    return ""


@cache
def _city_countries() -> dict[str, str]:
    found = {}
    with (DATA_DIR / "cities.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("city:"):
                cols = line.split("\t", 3)
                found[cols[0]] = cols[2]
    return found


def country_code(entry_id: str) -> str:
    """The ISO 3166-1 alpha-2 code of the country a place entry is in ('' for one the gazetteer does not place):
    ``country:FR`` is FR, every ``jp:`` entry JP, a world city its GeoNames country."""
    if entry_id.startswith("country:"):
        return entry_id[8:]
    if entry_id.startswith("jp:"):
        return "JP"
    return _city_countries().get(entry_id, "")


def contains(rings: Sequence[Ring], lat: float, lon: float) -> bool:
    """Whether (lat, lon) is inside the rings, even-odd (an island is inside, a lake's hole outside)."""
    inside = False
    for ring in rings:
        n = len(ring) // 2
        j = n - 1
        for i in range(n):
            xi, yi, xj, yj = ring[2 * i], ring[2 * i + 1], ring[2 * j], ring[2 * j + 1]
            if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
                inside = not inside
            j = i
    return inside


def distance_km(rings: Sequence[Ring], lat: float, lon: float) -> float:
    """How far (lat, lon) is from the rings' nearest edge, in km (0 inside); equirectangular, good to a few
    percent at these distances, which is all "within a few km of the border" needs."""
    if contains(rings, lat, lon):
        return 0.0
    kx = 111.32 * math.cos(math.radians(lat))
    best = math.inf
    for ring in rings:
        for i in range(0, len(ring) - 2, 2):
            ax, ay = (ring[i] - lon) * kx, (ring[i + 1] - lat) * 110.57
            bx, by = (ring[i + 2] - lon) * kx, (ring[i + 3] - lat) * 110.57
            dx, dy = bx - ax, by - ay
            t = max(0.0, min(1.0, -(ax * dx + ay * dy) / (dx * dx + dy * dy))) if dx or dy else 0.0
            best = min(best, math.hypot(ax + t * dx, ay + t * dy))
    return best


def _in_box(box: tuple[float, float, float, float], lat: float, lon: float) -> bool:
    return box[0] <= lon <= box[2] and box[1] <= lat <= box[3]


def prefecture_at(lat: float, lon: float) -> Prefecture | None:
    """The prefecture whose outline holds (lat, lon), or None (the sea, another country)."""
    return next((p for p in prefectures() if _in_box(p.box, lat, lon) and contains(p.rings, lat, lon)), None)


@cache
def _country_boxes() -> tuple[tuple[float, float, float, float], ...]:
    return tuple(_box(c.rings) for c in countries())


def country_at(lat: float, lon: float) -> Country | None:
    """The country whose (1:50m, simplified) outline holds (lat, lon), or None."""
    return next((c for c, box in zip(countries(), _country_boxes(), strict=True)
                 if _in_box(box, lat, lon) and contains(c.rings, lat, lon)), None)


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
