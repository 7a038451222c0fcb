"""The offline map (ui/views/fusion/map.py): 1,000 places draw in slices without stalling the window, markers
cluster by zoom, a region selects places and says which entities and reports, keyboard zoom and selection."""

from __future__ import annotations

import gc
import random
import time

from PySide6.QtCore import QPoint, QRectF, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from nia_desktop.core.fusion import geo
from nia_desktop.services.places import Place
from nia_desktop.ui.views.fusion.map import PlaceMap, boundary_paths


def _places(count: int, seed: int = 7) -> list[Place]:
    rng = random.Random(seed)
    found = []
    for i in range(count):
        if i % 3 == 0:  # a third in Japan, crowded
            lat, lon = rng.uniform(31, 43), rng.uniform(130, 145)
        else:
            lat, lon = rng.uniform(-50, 65), rng.uniform(-170, 175)
        reports = tuple(sorted(rng.sample(range(1, 5000), rng.randint(1, 40))))
        found.append(Place(i + 1, f"Place {i + 1}", f"city:{i + 1}", lat, lon, reports))
    return found


def _map(qtbot) -> PlaceMap:  # type: ignore[no-untyped-def]
    view = PlaceMap()
    qtbot.addWidget(view)
    view.resize(900, 560)
    view.show()
    return view


def test_1000_places_draw_across_turns_without_a_long_one(qtbot) -> None:  # type: ignore[no-untyped-def]
    outlines = boundary_paths()  # the Fusion view builds them on a worker, as here before the probe starts
    view = _map(qtbot)
    qtbot.wait(20)  # shown and painted once empty, as the tab is before its places arrive
    places = _places(1000)
    # pytest's objects are not the app's heap: keep the collector from rescanning them (a full collection of
    # them took 250 ms inside one marker's step here), as the app's start-up freeze does for its own
    # (ui/gc_scheduler.py; tests/gui/test_responsiveness.py does the same).
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
    with qtbot.waitSignal(view.drawn, timeout=20000):
        view.show_places(places, outlines)
        assert not view.complete  # the rest comes a slice per turn
    view.zoom(4.0)  # redrawing at another zoom is sliced too
    qtbot.waitUntil(lambda: view.complete, timeout=20000)
    last[0] = time.perf_counter()
    qtbot.wait(50)
    probe.stop()
    gc.unfreeze()
    assert len(gaps) > 3 and max(gaps) < 0.1, max(gaps)
    members = sorted(i for m in view.markers for i in m.cluster.members)
    assert members == list(range(1000))  # every place in exactly one marker


def test_markers_cluster_at_world_zoom_and_part_when_zoomed_in(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _map(qtbot)
    places = _places(300)
    view.show_places(places)
    view.finish()
    world = len(view.markers)
    assert world < len(places)
    assert max(len(m.cluster.members) for m in view.markers) > 1
    view.frame_japan()
    view.finish()
    assert len(view.markers) > world
    crowded = next(m for m in view.markers if len(m.cluster.members) > 1) if world else None
    assert crowded is None or crowded.cluster.weight == sum(places[i].reports for i in crowded.cluster.members)


def test_a_region_selects_its_places_entities_and_reports(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _map(qtbot)
    tokyo = Place(11, "Tokyo", "jp:13", 35.69, 139.69, (1, 2))
    osaka = Place(12, "Osaka", "jp:27", 34.69, 135.50, (2, 3))
    paris = Place(13, "Paris", "city:2988507", 48.85, 2.35, (9,))
    view.show_places([tokyo, osaka, paris])
    view.finish()
    x1, y1 = geo.project(46.0, 128.0)
    x2, y2 = geo.project(30.0, 146.0)
    with qtbot.waitSignal(view.selected) as signal:
        view.select_region(QRectF(x1, y1, x2 - x1, y2 - y1))
    assert signal.args == [[11, 12], [1, 2, 3]]
    with qtbot.waitSignal(view.selected) as signal:
        qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert signal.args == [[], []]


def test_keyboard_zooms_frames_japan_and_selects_what_is_in_view(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _map(qtbot)
    view.show_places([Place(11, "Tokyo", "jp:13", 35.69, 139.69, (1,)),
                      Place(13, "Paris", "city:2988507", 48.85, 2.35, (9,))])
    view.finish()
    view.setFocus()
    before = view.transform().m11()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.transform().m11() > before
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert abs(view.transform().m11() - before) < 1e-9
    qtbot.keyClick(view, Qt.Key.Key_J)
    assert view.transform().m11() > before * 5  # Japan readable
    view.finish()
    names = [c.text() for m in view.markers for c in m.childItems() if hasattr(c, "text")]
    assert "Tokyo" in names  # a single place's name beside its marker
    with qtbot.waitSignal(view.selected) as signal:
        qtbot.keyClick(view, Qt.Key.Key_S)
    assert signal.args == [[11], [1]]  # Tokyo in view, Paris not


def test_shift_drag_selects_a_region_and_a_plain_drag_pans(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _map(qtbot)
    view.show_places([Place(11, "Tokyo", "jp:13", 35.69, 139.69, (1,)),
                      Place(13, "Paris", "city:2988507", 48.85, 2.35, (9,))])
    view.finish()
    view.frame_japan()
    view.finish()
    centre = view.mapFromScene(*geo.project(35.69, 139.69))
    start, end = centre - QPoint(40, 40), centre + QPoint(40, 40)
    with qtbot.waitSignal(view.selected) as signal:
        qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, start)
        qtbot.mouseMove(view.viewport(), centre)
        qtbot.mouseMove(view.viewport(), end)
        qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, end)
    assert signal.args == [[11], [1]]
    assert view.dragMode() == view.DragMode.ScrollHandDrag


def test_the_dark_theme_gets_a_dark_sea_and_light_names(qtbot) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert app is not None
    was = app.property("nia_dark")
    app.setProperty("nia_dark", True)
    try:
        view = _map(qtbot)
    finally:
        app.setProperty("nia_dark", was)
    assert view.scene().backgroundBrush().color().lightness() < 80
    assert QColor(view.ink).lightness() > 180
    assert _map(qtbot).scene().backgroundBrush().color().lightness() > 180  # light by default
