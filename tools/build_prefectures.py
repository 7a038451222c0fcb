"""Regenerate the map's Japanese prefecture outlines: nia_desktop/core/fusion/gazetteer_data/prefectures.json.

    python tools/build_prefectures.py states_jp.json

Input: Natural Earth 1:10m admin-1 states and provinces (public domain), Japan's 47 features as GeoJSON. The
shipped file was built from ``app/jp/states_jp.json`` of github.com/hi-ogawa/d3-map-tutorial at commit
2f4b6c60162a9aea60ff190832dcc66bf2acd6d3 (sha256 598c7a1bb9a1124a164725f0571664238e84820f821845eac4e4602e73c4d201;
2015), which its readme says is ``ogr2ogr -f GeoJSON -where "adm0_a3 = 'JPN' AND name != ''"`` over
ne_10m_admin_1_states_provinces.shp: every Natural Earth field is there (adm1_code JPN-18xx, name_local,
latitude/longitude label point). Natural Earth's own 10m admin-1 files were out of reach (the natural-earth-vector
snapshots are larger than can be fetched, the 10m admin-1 files of natural-earth-geojson are absent from its
snapshot); to check that the geometry is Natural Earth's, ``--check-coast`` counts the vertices found exactly in
Natural Earth 4.x's 1:10m coastline (natural-earth-geojson @ 0b9a6ce, ``10m/physical/ne_10m_coastline.7z``).

Why a tool of its own: the country outlines (tools/build_map_data.py) come from one file at 1:50m; the
prefectures need their shared borders to stay shared after simplification, so that two neighbours never overlap
or leave a sliver between them. Rings are cut at the vertices where the set of prefectures owning a vertex
changes (junctions and coast/border transitions); each piece is simplified once by Douglas-Peucker in one
canonical direction and reused, reversed where needed, by every prefecture that has it.

Label points: inside each prefecture's largest ring, as far from its edges as a grid search finds.
Names: the gazetteer's own (japan.tsv, ``jp:NN``): name_en without "Prefecture"/"Metropolis", name_ja its first
form, matched to Natural Earth's name_local (its English name where name_local is empty: Shizuoka); ISO 3166-2
``JP-NN`` from the gazetteer id (this Natural Earth version leaves iso_3166_2 as "JP-"). The output rounds to
0.001 degree (about 100 m).
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import itertools
import json
import math
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_map_data import simplify  # (the same Douglas-Peucker as the country outlines)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "nia_desktop" / "core" / "fusion" / "gazetteer_data"
TOLERANCE = 0.004  # degrees: about 400 m, below a pixel until Japan fills a large screen twice over
DIGITS = 3
SOURCE = ("Natural Earth 1:10m admin-1 states and provinces (public domain), Japan's 47 prefectures as extracted "
          "with ogr2ogr in github.com/hi-ogawa/d3-map-tutorial @ 2f4b6c60162a9aea60ff190832dcc66bf2acd6d3 "
          "(app/jp/states_jp.json, 2015); shared borders simplified once (Douglas-Peucker 0.004 degree), rounded "
          "to 0.001 degree by tools/build_prefectures.py; names and codes from japan.tsv")

Point = tuple[float, float]
# Islands this Natural Earth version gives to the wrong prefecture: (from, to, kind, latitude, longitude). Kind
# "point": the ring that holds that point; "northeast": every ring lying wholly north and east of it. The Amami
# islands (Kikai, Amami Oshima, Tokunoshima, Okinoerabu, Yoron: north of 26.95 N and east of 128.3 E; Iheya and
# Izena, Okinawa's, lie west of 128.1 E) are Kagoshima's since 1953, not Okinawa's; Nagashima (Nagashima town,
# Izumi district) is Kagoshima's, not Kumamoto's.
MOVES: tuple[tuple[str, str, str, float, float], ...] = (
    ("JP-47", "JP-46", "northeast", 26.95, 128.3),
    ("JP-43", "JP-46", "point", 32.1992, 130.1769),
)


def gazetteer_prefectures(path: Path = DATA / "japan.tsv") -> dict[str, tuple[str, str, str]]:
    """name_ja -> (gazetteer id, ISO 3166-2 code, English name) for the 47 ``jp:NN`` rows."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.startswith("jp:"):
            continue
        cols = line.split("\t")
        code = cols[0][3:]
        if len(code) != 2:
            continue
        english = cols[4].removesuffix(" Prefecture").removesuffix(" Metropolis")
        found[cols[5].split("|")[0]] = (cols[0], f"JP-{code}", english)
    return found


def _polygons(geometry: dict[str, Any]) -> list[list[list[Point]]]:
    kind, coordinates = geometry["type"], geometry["coordinates"]
    polygons = [coordinates] if kind == "Polygon" else coordinates
    return [[[(float(x), float(y)) for x, y, *_ in ring] for ring in polygon] for polygon in polygons]


def _key(point: Point) -> Point:
    return (round(point[0], 7), round(point[1], 7))


def shared_simplify(shapes: Sequence[list[list[Point]]], tolerance: float = TOLERANCE) -> list[list[list[Point]]]:
    """Simplify every ring of every shape so that a border two shapes share is simplified identically in both.

    ``shapes``: per shape, its rings (closed: first point == last). A ring is cut where the owners of a vertex
    change, and wherever three or more shapes meet; each piece is simplified in a canonical direction (its
    smaller end first) and cached, so the other shape's copy of it comes out the same, point for point."""
    owners: dict[Point, set[int]] = defaultdict(set)
    for index, rings in enumerate(shapes):
        for ring in rings:
            for point in ring:
                owners[_key(point)].add(index)
    done: dict[tuple[Point, ...], list[Point]] = {}

    def piece(points: list[Point]) -> list[Point]:
        keys = tuple(_key(p) for p in points)
        flipped = keys[0] > keys[-1] or (keys[0] == keys[-1] and keys[1:] > keys[-2::-1])
        canonical = keys[::-1] if flipped else keys
        if canonical not in done:
            done[canonical] = simplify(list(canonical), tolerance)
        out = done[canonical]
        return out[::-1] if flipped else out

    result = []
    for rings in shapes:
        simple_rings = []
        for ring in rings:
            body = ring[:-1] if ring[0] == ring[-1] else ring
            n = len(body)
            cuts = [i for i in range(n)
                    if owners[_key(body[i])] != owners[_key(body[i - 1])]
                    or owners[_key(body[i])] != owners[_key(body[(i + 1) % n])]
                    or len(owners[_key(body[i])]) > 2]
            if not cuts:
                simple = simplify([*body, body[0]], tolerance)
                if len(simple) < 4:  # a small island: keep its shape at the finer grain rather than lose it
                    simple = simplify([*body, body[0]], tolerance / 8)
            else:
                simple = []
                for at, start in enumerate(cuts):
                    end = cuts[(at + 1) % len(cuts)]
                    span = body[start:end + 1] if end > start else body[start:] + body[:end + 1]
                    simple.extend(piece(span)[:-1])
                simple.append(simple[0])
            if len(simple) >= 4:
                simple_rings.append(simple)
        result.append(simple_rings)
    return result


def _holds(ring: list[Point], lat: float, lon: float) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in itertools.pairwise(ring):
        if (y1 > lat) != (y2 > lat) and lon < (x2 - x1) * (lat - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def _moved(shapes: list[list[list[Point]]], codes: list[str]) -> list[list[list[Point]]]:
    """Give the MOVES islands to their prefecture; fails when one is not found (another input)."""
    for source, target, kind, lat, lon in MOVES:
        rings = shapes[codes.index(source)]
        moving = [r for r in rings if (_holds(r, lat, lon) if kind == "point"
                                       else min(y for _, y in r) > lat and min(x for x, _ in r) > lon)]
        if not moving:
            raise SystemExit(f"no island of {source} to move to {target} at {lat}, {lon}")
        shapes[codes.index(source)] = [r for r in rings if not any(r is m for m in moving)]
        shapes[codes.index(target)] = shapes[codes.index(target)] + moving
        print(f"moved {len(moving)} ring(s) from {source} to {target}")
    return shapes


def _area(ring: list[Point]) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in itertools.pairwise(ring))) / 2


def label_point(rings: list[list[Point]], steps: int = 48) -> Point:
    """Where a prefecture's name goes: the point of its largest ring farthest from that ring's edges (a grid
    search, at build time). Natural Earth's own label points put Kagoshima's and Nagasaki's in the sea, among
    their islands."""
    ring = max(rings, key=_area)
    xs, ys = [x for x, _ in ring], [y for _, y in ring]
    scale = math.cos(math.radians(sum(ys) / len(ys)))
    best, where = -1.0, ring[0]
    for i in range(1, steps):
        for j in range(1, steps):
            x = min(xs) + (max(xs) - min(xs)) * i / steps
            y = min(ys) + (max(ys) - min(ys)) * j / steps
            if not _holds(ring, y, x):
                continue
            edge = min(_segment_distance((x, y), a, b, scale) for a, b in itertools.pairwise(ring))
            if edge > best:
                best, where = edge, (x, y)
    return where


def _segment_distance(point: Point, a: Point, b: Point, scale: float) -> float:
    px, py = (point[0] - a[0]) * scale, point[1] - a[1]
    dx, dy = (b[0] - a[0]) * scale, b[1] - a[1]
    t = max(0.0, min(1.0, (px * dx + py * dy) / (dx * dx + dy * dy))) if dx or dy else 0.0
    return math.hypot(px - t * dx, py - t * dy)


def _flat(ring: Iterable[Point]) -> list[float]:
    flat: list[float] = []
    last = None
    for x, y in ring:
        point = (round(x, DIGITS), round(y, DIGITS))
        if point != last:
            flat.extend(point)
            last = point
    return flat


def build(features: list[dict[str, Any]]) -> dict[str, Any]:
    names = gazetteer_prefectures()
    picked = []
    for feature in features:
        props = feature["properties"]
        assert isinstance(props, dict)
        local = str(props.get("name_local") or "")
        if local not in names:  # this version leaves Shizuoka's name_local empty: match the English name
            by_english = [ja for ja, (_, _, en) in names.items() if en == props.get("name")]
            if not by_english:
                raise SystemExit(f"{local!r} ({props.get('name')}) is not a prefecture in japan.tsv")
            local = by_english[0]
        picked.append((names[local], local, props, _polygons(feature["geometry"])))
    if len({p[0][0] for p in picked}) != 47:
        raise SystemExit(f"expected Japan's 47 prefectures, found {len({p[0][0] for p in picked})}")
    shapes = shared_simplify(_moved([[ring for polygon in p[3] for ring in polygon] for p in picked],
                                    [p[0][1] for p in picked]))
    prefectures = []
    for ((entry_id, iso, english), local, props, _), rings in sorted(zip(picked, shapes, strict=True)):
        flat = [_flat(r) for r in rings]
        x, y = label_point(rings)
        prefectures.append({"iso": iso, "id": entry_id, "name_en": english, "name_ja": local,
                            "label": [round(x, DIGITS), round(y, DIGITS)],
                            "ne_adm1_code": props.get("adm1_code"),
                            "rings": [r for r in flat if len(r) >= 8]})
    return {"source": SOURCE, "licence": "public domain (Natural Earth; 'Made with Natural Earth')",
            "built": datetime.date.today().isoformat(), "prefectures": prefectures}


def check_coast(features: list[dict[str, Any]], coast: Path) -> tuple[int, int]:
    """(vertices, of which exactly on Natural Earth's 10m coastline): evidence the geometry is Natural Earth's."""
    points: set[Point] = set()
    for feature in json.loads(coast.read_text(encoding="utf-8"))["features"]:
        geometry = feature["geometry"]
        lines = [geometry["coordinates"]] if geometry["type"] == "LineString" else geometry["coordinates"]
        for line in lines:
            points.update((round(x, 6), round(y, 6)) for x, y, *_ in line if 122 < x < 154 and 20 < y < 46)
    total = hits = 0
    for feature in features:
        for polygon in _polygons(feature["geometry"]):
            for ring in polygon:
                for x, y in ring:
                    total += 1
                    hits += (round(x, 6), round(y, 6)) in points
    return total, hits


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("states", type=Path, help="Natural Earth 10m admin-1, Japan's features (GeoJSON)")
    parser.add_argument("--check-coast", type=Path, help="ne_10m_coastline.json to compare vertices with")
    parser.add_argument("--out", type=Path, default=DATA / "prefectures.json")
    args = parser.parse_args(argv)
    raw = args.states.read_bytes()
    features = [f for f in json.loads(raw)["features"] if f["properties"].get("adm0_a3") == "JPN"]
    print(f"input sha256 {hashlib.sha256(raw).hexdigest()}, {len(features)} features")
    if args.check_coast:
        total, hits = check_coast(features, args.check_coast)
        print(f"{hits} of {total} vertices ({hits / total:.0%}) are on Natural Earth's 10m coastline")  # 6997 of 14549
    data = build(features)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    args.out.write_text(text + "\n", encoding="utf-8")
    points = sum(len(r) // 2 for p in data["prefectures"] for r in p["rings"])
    print(f"wrote {args.out} ({len(text.encode()):,} bytes, {points:,} points)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
