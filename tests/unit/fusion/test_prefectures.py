"""Japan's prefecture outlines (gazetteer_data/prefectures.json, core/fusion/geo): all 47 with their codes and
names, every Japanese gazetteer place inside (or within a few km of) the prefecture its id names, shared borders
simplified alike, and the point and region look-ups the map selects by."""

from __future__ import annotations

import json
from collections import Counter

from nia_desktop.core.fusion import geo

# How far a municipality's office may lie outside its prefecture's outline: Natural Earth's 1:10m borders and
# the 0.004-degree simplification move a border by up to a few km (Midori Ward of Sagamihara: 2.7 km).
NEAR_KM = 4.0
# Known places the 1:10m outlines cannot hold, with why; the test fails when one is fixed (remove it) or when
# another place falls outside, so the list stays exact.
OUTSIDE = {
    "jp:47356": "Tonaki Village: the island is too small for Natural Earth 1:10m admin-1 (24 km)",
    "jp:30427": "Kitayama Village: Wakayama's exclave between Mie and Nara is not drawn at 1:10m (15 km)",
    "jp:47354": "Zamami Village: the Kerama islands are absent at 1:10m (5 km)",
}


def test_all_47_prefectures_with_codes_names_and_labels() -> None:
    found = geo.prefectures()
    assert [p.iso for p in found] == [f"JP-{n:02d}" for n in range(1, 48)]
    assert [p.entry_id for p in found] == [f"jp:{n:02d}" for n in range(1, 48)]
    tokyo = geo.prefecture("jp-13")
    assert tokyo is not None and (tokyo.name_en, tokyo.name_ja) == ("Tokyo", "東京都")
    assert (tokyo.name("ja_JP"), tokyo.name("en")) == ("東京都", "Tokyo")
    assert geo.prefecture("JP-48") is None
    for p in found:
        assert p.rings and all(len(r) >= 8 and len(r) % 2 == 0 for r in p.rings), p.iso
        assert geo.prefecture_at(*p.label) is p or geo.distance_km(p.rings, *p.label) < 10, p.iso


def test_every_japanese_gazetteer_place_lies_in_its_prefecture() -> None:
    outside = {}
    checked = 0
    for entry_id, (lat, lon) in geo.coordinates().items():
        code = geo.prefecture_code(entry_id)
        if not code:
            continue
        prefecture = geo.prefecture(code)
        assert prefecture is not None, entry_id
        checked += 1
        distance = geo.distance_km(prefecture.rings, lat, lon)
        if distance > NEAR_KM:
            outside[entry_id] = round(distance, 1)
    assert checked > 1900  # the 47 prefectures and their ~1,900 municipalities
    assert set(outside) == set(OUTSIDE), outside


def test_the_amami_islands_and_nagashima_are_kagoshimas() -> None:
    """This Natural Earth version gives them to Okinawa and Kumamoto; the build moves them (tools/build_prefectures)."""
    for entry_id in ("jp:46222", "jp:46535", "jp:46404"):  # Amami City, Yoron, Nagashima
        lat, lon = geo.coordinates()[entry_id]
        found = geo.prefecture_at(lat, lon)
        assert found is not None and found.iso == "JP-46"
    naha = geo.prefecture_at(26.21, 127.68)
    assert naha is not None and naha.iso == "JP-47"


def test_shared_borders_are_the_same_points_in_both_neighbours() -> None:
    """A vertex on a land border belongs to both prefectures: simplified alike, no overlaps or slivers."""
    owners: Counter[tuple[float, float]] = Counter()
    for p in geo.prefectures():
        points = {(r[i], r[i + 1]) for r in p.rings for i in range(0, len(r), 2)}
        owners.update(points)
    shared = sum(1 for n in owners.values() if n >= 2)
    assert shared > 1000  # Honshu's and Kyushu's inner borders, in both prefectures' rings
    # Tokyo and Kanagawa meet along the Tama river: the points of the one's border are the other's.
    tokyo, kanagawa = geo.prefecture("JP-13"), geo.prefecture("JP-14")
    assert tokyo is not None and kanagawa is not None
    t = {(r[i], r[i + 1]) for r in tokyo.rings for i in range(0, len(r), 2)}
    k = {(r[i], r[i + 1]) for r in kanagawa.rings for i in range(0, len(r), 2)}
    assert len(t & k) >= 15


def test_point_lookups_and_codes() -> None:
    assert geo.prefecture_code("jp:13104") == "JP-13"
    assert geo.prefecture_code("jp:01") == "JP-01"
    assert geo.prefecture_code("city:2643743") == "" and geo.prefecture_code("country:JP") == ""
    assert geo.country_code("country:FR") == "FR"
    assert geo.country_code("jp:27100") == "JP"
    assert geo.country_code("city:2643743") == "GB"  # London
    assert geo.country_code("body:npa") == ""
    osaka = geo.prefecture_at(34.69, 135.50)
    assert osaka is not None and osaka.iso == "JP-27"
    assert geo.prefecture_at(35.0, 150.0) is None  # the Pacific
    assert geo.prefecture_at(48.85, 2.35) is None
    france = geo.country_at(46.5, 2.5)
    assert france is not None and france.iso == "FR"
    assert geo.country_at(0.0, -140.0) is None


def test_the_shipped_file_names_its_source_and_licence() -> None:
    data = json.loads((geo.DATA_DIR / "prefectures.json").read_text(encoding="utf-8"))
    assert "Natural Earth" in data["source"] and "public domain" in data["licence"]
    assert "prefectures.json" in (geo.DATA_DIR / "SOURCES.md").read_text(encoding="utf-8")
    assert (geo.DATA_DIR / "prefectures.json").stat().st_size < 300_000


def test_inner_borders_are_shared_edges_without_the_coast() -> None:
    borders = geo.inner_borders()
    points = {(line[i], line[i + 1]) for line in borders for i in range(0, len(line), 2)}
    assert len(points) > 1000
    owners: Counter[tuple[float, float]] = Counter()
    for p in geo.prefectures():
        owners.update({(r[i], r[i + 1]) for r in p.rings for i in range(0, len(r), 2)})
    assert all(owners[point] >= 2 for point in points)
    hokkaido = geo.prefecture("JP-01")
    assert hokkaido is not None  # an island prefecture: all coast, no inner border
    assert not [pt for pt in points if pt[1] > hokkaido.box[1] and pt[0] > 139.8]
    okinawa = geo.prefecture("JP-47")
    assert okinawa is not None and not [pt for pt in points if pt[1] < 27.5]
