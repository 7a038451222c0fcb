"""core/fusion/geo.py on hand-made cases: shipped coordinates by gazetteer id, the projection, clustering."""

from __future__ import annotations

import time

import pytest

from nia_desktop.core.fusion import gazetteer, geo


def test_coordinates_by_gazetteer_id() -> None:
    tokyo = geo.position("jp:13")
    assert tokyo is not None and 35 < tokyo[0] < 36 and 139 < tokyo[1] < 140
    japan = geo.position("country:JP")
    assert japan is not None and 30 < japan[0] < 40 and 130 < japan[1] < 145
    assert geo.position("body:no-such-thing") is None


def test_every_place_the_gazetteer_finds_in_japan_has_a_position() -> None:
    known = gazetteer.load()
    for entry_id in ("jp:01", "jp:27", "jp:27100", "jp:47"):
        known.entry(entry_id)
        assert geo.position(entry_id) is not None
    missing = [e.id for e in known.entries() if e.id.startswith("jp:") and geo.position(e.id) is None]
    assert len(missing) < 20, missing[:20]


def test_projection_round_trip_and_orientation() -> None:
    x, y = geo.project(35.0, 139.0)
    assert (x, y) == (139.0 * geo.SCALE, -35.0 * geo.SCALE)
    assert geo.unproject(x, y) == pytest.approx((35.0, 139.0))
    north = geo.project(60.0, 0.0)
    south = geo.project(-60.0, 0.0)
    assert north[1] < south[1]  # north is up on screen
    assert geo.project(120.0, 0.0) == geo.project(90.0, 0.0)  # clamped


def test_clusters_group_by_cell_and_weigh_the_centre() -> None:
    points = [(0.0, 0.0, 1), (1.0, 1.0, 3), (50.0, 50.0, 2)]
    clusters = geo.cluster(points, 10.0)
    assert [c.members for c in clusters] == [(0, 1), (2,)]
    first = clusters[0]
    assert first.weight == 4
    assert first.x == pytest.approx(0.75) and first.y == pytest.approx(0.75)
    assert [c.members for c in geo.cluster(points, 0)] == [(0,), (1,), (2,)]
    assert [c.members for c in geo.cluster(points, 1000.0)] == [(0, 1, 2)]
    assert geo.cluster(points, 10.0) == geo.cluster(points, 10.0)  # stable: markers do not jump


def test_marker_radius_grows_with_reports_and_is_capped() -> None:
    assert geo.marker_radius(1) == 4.0
    assert geo.marker_radius(10) > geo.marker_radius(2)
    assert geo.marker_radius(1_000_000) == 22.0


def test_boundaries_load_fast_once_and_include_japan() -> None:
    geo.countries.cache_clear()
    started = time.perf_counter()
    shapes = geo.countries()
    first = time.perf_counter() - started
    assert first < 1.0
    started = time.perf_counter()
    assert geo.countries() is shapes  # cached
    assert time.perf_counter() - started < 0.001
    japan = next(c for c in shapes if c.iso == "JP")
    xs = [x for ring in japan.rings for x in ring[0::2]]
    assert min(xs) > 122 and max(xs) < 150
    assert len(shapes) > 200
