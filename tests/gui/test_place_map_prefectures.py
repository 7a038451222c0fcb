"""Japan's prefectures on the offline map (ui/views/fusion/map.py): inner borders and names only once zoomed in,
names in the UI language and never overlapping, and a click on the land (or R) selecting the places of the
prefecture or the country under it, as the gazetteer places them."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QPoint, QRectF, Qt

from nia_desktop.core.fusion import geo
from nia_desktop.services.places import Place
from nia_desktop.ui.views.fusion.map import LABEL_ZOOM, PREFECTURE_ZOOM, PlaceMap

TOKYO = Place(11, "Shinjuku", "jp:13104", 35.69, 139.70, (1, 2))
HACHIOJI = Place(12, "Hachioji", "jp:13201", 35.66, 139.32, (3,))
OSAKA = Place(13, "Osaka", "jp:27100", 34.69, 135.50, (2, 4))
SAPPORO = Place(14, "Sapporo", "jp:01100", 43.06, 141.35, (5,))
PARIS = Place(15, "Paris", "city:2988507", 48.85, 2.35, (9,))
PLACES = [TOKYO, HACHIOJI, OSAKA, SAPPORO, PARIS]


def _map(qtbot) -> PlaceMap:  # type: ignore[no-untyped-def]
    view = PlaceMap()
    qtbot.addWidget(view)
    view.resize(900, 560)
    view.show()
    view.show_places(PLACES)
    view.finish()
    return view


def _click(qtbot, view: PlaceMap, lat: float, lon: float) -> None:  # type: ignore[no-untyped-def]
    at = view.mapFromScene(*geo.project(lat, lon))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)


def _shown_names(view: PlaceMap) -> list[str]:
    return [name.text() for _, name in view.names if name.isVisible()]


def test_borders_and_names_show_only_when_zoomed_into_japan(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _map(qtbot)
    assert view.borders is not None and len(view.names) == 47
    assert view.transform().m11() < PREFECTURE_ZOOM
    assert not view.borders.isVisible() and _shown_names(view) == []  # the world: country outlines only
    view.frame_japan()
    assert view.transform().m11() >= LABEL_ZOOM
    assert view.borders.isVisible()
    shown = _shown_names(view)
    assert "Hokkaido" in shown and 10 <= len(shown) < 47  # the big ones; crowded Kanto waits for a closer zoom
    view.zoom(1.25 ** 6)
    assert len(_shown_names(view)) > len(shown) or len(_shown_names(view)) == 47 or "Tokyo" in _shown_names(view)
    rects = [view.mapFromScene(name.sceneBoundingRect()).boundingRect()
             for _, name in view.names if name.isVisible()]
    # names keep their pixel size (ItemIgnoresTransformations): compare them on screen
    boxes = []
    for _, name in view.names:
        if name.isVisible():
            at = view.mapFromScene(name.pos())
            box = name.boundingRect()
            boxes.append(QRectF(at.x() - box.width() / 2, at.y() - box.height() / 2, box.width(), box.height()))
    assert rects and all(not a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


def test_names_follow_the_ui_language(qtbot) -> None:  # type: ignore[no-untyped-def]
    was = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Japanese))
    try:
        view = _map(qtbot)
    finally:
        QLocale.setDefault(was)
    texts = {name.text() for _, name in view.names}
    assert "北海道" in texts and "東京都" in texts and "Hokkaido" not in texts
    english = {name.text() for _, name in _map(qtbot).names}
    assert "Hokkaido" in english and "北海道" not in english


def test_a_click_selects_the_prefecture_or_the_country_under_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _map(qtbot)
    # The world: a click on France is the country.
    with qtbot.waitSignal(view.selected) as signal:
        _click(qtbot, view, 44.5, 0.5)
    assert view.region == "FR" and signal.args == [[15], [9]]
    # Closer, borders not yet shown: a click on Kyushu is still Japan, every Japanese place.
    view.zoom(1.0 / view.transform().m11())
    view.centerOn(*geo.project(36.0, 137.0))
    view.finish()
    assert view.transform().m11() < PREFECTURE_ZOOM
    with qtbot.waitSignal(view.selected) as signal:
        _click(qtbot, view, 32.8, 131.0)
    assert view.region == "JP" and signal.args == [[11, 12, 13, 14], [1, 2, 3, 4, 5]]
    # Zoomed into Japan: a click is the prefecture (Tokyo's two places, not Osaka's).
    view.frame_japan()
    view.finish()
    with qtbot.waitSignal(view.selected) as signal:
        _click(qtbot, view, 35.8, 139.05)  # western Tokyo (Okutama), away from the markers
    assert view.region == "JP-13" and signal.args == [[11, 12], [1, 2, 3]]
    with qtbot.waitSignal(view.selected) as signal:
        _click(qtbot, view, 35.0, 150.0)  # the Pacific: nothing
    assert view.region == "" and signal.args == [[], []]
    # R: the region at the view's centre.
    view.centerOn(*geo.project(34.6, 135.55))
    view.setFocus()
    with qtbot.waitSignal(view.selected) as signal:
        qtbot.keyClick(view, Qt.Key.Key_R)
    assert view.region == "JP-27" and signal.args == [[13], [2, 4]]
    with qtbot.waitSignal(view.selected) as signal:
        qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.region == "" and signal.args == [[], []]


def test_a_pan_or_a_marker_click_is_not_a_region_click(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _map(qtbot)
    view.frame_japan()
    view.finish()
    start = view.mapFromScene(*geo.project(36.5, 138.0))
    emitted: list[list[int]] = []
    view.selected.connect(lambda entities, reports: emitted.append(entities))
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    qtbot.mouseMove(view.viewport(), start + QPoint(30, 20))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       start + QPoint(30, 20))
    assert emitted == [] and view.region == ""
    marker = next(m for m in view.markers if 13 in [view.places[i].entity_id for i in m.cluster.members])
    with qtbot.waitSignal(view.selected) as signal:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         view.mapFromScene(marker.pos()))
    assert signal.args[0] == [13] and view.region == ""  # the marker's place, not Osaka prefecture's


def test_1000_places_over_japans_prefectures_redraw_without_a_long_turn(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Zoomed into Japan with the borders and names shown, the 1,000 places' markers redraw a slice per turn
    and a zoom step (names placed again) stalls the window under 100 ms, as at world zoom (test_place_map)."""
    import gc
    import random
    import time

    from PySide6.QtCore import QTimer

    from nia_desktop.ui.views.fusion.map import boundary_paths

    rng = random.Random(3)
    places = [Place(i + 1, f"P{i + 1}", f"jp:{rng.randint(1, 47):02d}", rng.uniform(31, 43), rng.uniform(130, 145),
                    tuple(sorted(rng.sample(range(1, 5000), rng.randint(1, 30))))) for i in range(1000)]
    view = PlaceMap()
    qtbot.addWidget(view)
    view.resize(900, 560)
    view.show()
    view.show_places([], boundary_paths())
    view.finish()
    view.frame_japan()
    view.zoom(1.25 ** 2)
    qtbot.wait(20)
    assert view.borders is not None and view.borders.isVisible() and _shown_names(view)
    gc.collect()
    gc.freeze()
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    probe = QTimer()
    probe.setInterval(10)
    probe.timeout.connect(tick)
    probe.start()
    try:
        with qtbot.waitSignal(view.drawn, timeout=20000):
            view.show_places(places)
            assert not view.complete
        view.zoom(1.25)
        qtbot.waitUntil(lambda: view.complete, timeout=20000)
        last[0] = time.perf_counter()
        qtbot.wait(50)
    finally:
        probe.stop()
        gc.unfreeze()
    assert len(gaps) > 3 and max(gaps) < 0.1, max(gaps)
