"""The event timeline (ui/views/fusion/timeline.EventTimeline): lanes per agency or per entity, the sentence of
the event selected, zoom and scroll in time by keys and mouse, a time range chosen emits its days and reports,
and 1,000 events draw without stalling the window."""

from __future__ import annotations

import gc
import random
import time
from datetime import date, timedelta

from PySide6.QtCore import QPoint, Qt, QTimer

from nia_desktop.services.events import Event, EventEntity
from nia_desktop.ui.views.fusion.timeline import EventTimeline, lanes_for

SOROKIN, NORTHWIND = EventEntity(1, "Viktor SOROKIN", "person"), EventEntity(2, "Northwind Ltd", "organization")


def _event(report: int, day: str, agency: str, sentence: str, *entities: EventEntity) -> Event:
    return Event(report, agency, day, day, "explicit", day, 0, len(day), sentence, tuple(entities))


EVENTS = [
    _event(1, "2026-03-12", "CIRO", "SOROKIN met Northwind staff on 2026-03-12.", SOROKIN, NORTHWIND),
    _event(2, "2026-03-15", "MOFA", "ソロキンは3月15日に出国した。", SOROKIN),
    _event(3, "2026-04-02", "NPA", "A payment was made on 2 April 2026."),
    _event(4, "2026-05-20", "CIRO", "Northwind opened an office\non 2026-05-20.", NORTHWIND),
]


def _timeline(qtbot) -> EventTimeline:  # type: ignore[no-untyped-def]
    view = EventTimeline()
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_lanes_per_agency_and_per_entity() -> None:
    lanes, placed = lanes_for(EVENTS, by_entity=False)
    assert [lane.name for lane in lanes] == ["CIRO", "MOFA", "NPA"]
    assert len(placed) == 4
    lanes, placed = lanes_for(EVENTS, by_entity=True, other="Other")
    assert [lane.name for lane in lanes] == ["Northwind Ltd", "Viktor SOROKIN", "Other"]  # two events each
    assert sorted((p.index, lanes[p.lane].name) for p in placed) == [
        (0, "Northwind Ltd"), (0, "Viktor SOROKIN"), (1, "Viktor SOROKIN"), (2, "Other"), (3, "Northwind Ltd")]


def test_keys_step_through_events_show_their_sentence_and_open_the_report(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _timeline(qtbot)
    view.show_events(EVENTS, 3, more=True)
    assert view.more.isVisible() and "4" in view.count.text()
    view.canvas.setFocus()
    qtbot.keyClick(view.canvas, Qt.Key.Key_N)
    assert "SOROKIN met Northwind staff" in view.sentence.text() and "Viktor SOROKIN" in view.sentence.text()
    qtbot.keyClick(view.canvas, Qt.Key.Key_F3)
    assert "ソロキンは3月15日に出国した。" in view.sentence.text()
    qtbot.keyClick(view.canvas, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert "SOROKIN met Northwind staff" in view.sentence.text()
    with qtbot.waitSignal(view.open_report) as opened:
        qtbot.keyClick(view.canvas, Qt.Key.Key_Return)
    assert opened.args == [1]
    qtbot.keyClick(view.canvas, Qt.Key.Key_L)
    assert view.by_entity() and [lane.name for lane in view.canvas.lanes][-1] == "Other entities"


def test_zoom_and_scroll_in_time(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _timeline(qtbot)
    view.show_events(EVENTS, 3, more=False)
    canvas = view.canvas
    canvas.setFocus()
    span = canvas.end - canvas.start
    qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    assert canvas.end - canvas.start < span
    start = canvas.start
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert canvas.start > start
    qtbot.keyClick(canvas, Qt.Key.Key_0)
    assert canvas.end - canvas.start == span
    x = canvas.x_of(date(2026, 3, 12).toordinal())
    canvas.zoom(4.0, x)  # the wheel's zoom keeps the day under the pointer
    assert abs(canvas.x_of(date(2026, 3, 12).toordinal()) - x) < 1.0
    before = canvas.start
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(400, 150))
    qtbot.mouseMove(canvas, QPoint(300, 150))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(300, 150))
    assert canvas.start > before  # dragged left: later days come into view


def test_a_range_emits_its_days_and_reports(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _timeline(qtbot)
    view.show_events(EVENTS, 3, more=False)
    canvas = view.canvas
    a, b = canvas.x_of(date(2026, 3, 10).toordinal()), canvas.x_of(date(2026, 4, 5).toordinal())
    with qtbot.waitSignal(view.range_selected) as chosen:
        qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, QPoint(int(a), 150))
        qtbot.mouseMove(canvas, QPoint(int(b), 150))
        qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, QPoint(int(b), 150))
    since, until, reports = chosen.args
    assert since <= "2026-03-12" and "2026-04-02" <= until < "2026-05-20"
    assert reports == [1, 2, 3]
    canvas.setFocus()
    with qtbot.waitSignal(view.range_selected) as cleared:
        qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert cleared.args == ["", "", []]
    qtbot.keyClick(canvas, Qt.Key.Key_N)  # by keys: [ at the first event, ] at the second
    qtbot.keyClick(canvas, Qt.Key.Key_BracketLeft)
    qtbot.keyClick(canvas, Qt.Key.Key_N)
    with qtbot.waitSignal(view.range_selected) as keyed:
        qtbot.keyClick(canvas, Qt.Key.Key_BracketRight)
    assert keyed.args == ["2026-03-12", "2026-03-15", [1, 2]]


def test_hovering_an_event_shows_its_sentence(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _timeline(qtbot)
    view.show_events(EVENTS, 3, more=False)
    canvas = view.canvas
    point = QPoint(int(canvas.x_of(date(2026, 4, 2).toordinal())), int(canvas.y_of(2)))  # NPA's lane
    qtbot.mouseMove(canvas, point)
    assert "A payment was made on 2 April 2026." in canvas.toolTip()
    view.canvas.select(3)  # a sentence broken over lines reads as one line, no escaped line break
    assert "Northwind opened an office on 2026-05-20." in view.sentence.text() and "\\x0a" not in view.sentence.text()


def _many(count: int) -> list[Event]:
    rng = random.Random(5)
    entities = [EventEntity(i, f"Entity {i}", "person") for i in range(60)]
    first = date(2020, 1, 1)
    return [_event(i, (first + timedelta(days=rng.randrange(2000))).isoformat(), rng.choice(["CIRO", "MOFA", "NPA"]),
                   f"Sentence {i}.", *rng.sample(entities, 2)) for i in range(count)]


def test_1000_events_draw_without_a_long_stall(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _timeline(qtbot)
    qtbot.wait(20)
    events = _many(1000)
    gc.collect()
    gc.freeze()  # pytest's own objects are not the app's heap (as tests/gui/test_place_map.py does)
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
        painted = view.canvas.paints
        view.show_events(events, 400, more=True)
        qtbot.waitUntil(lambda: view.canvas.paints > painted, timeout=5000)
        view.lanes_by.setCurrentIndex(1)  # 60 entity lanes, each event on two
        for _ in range(5):
            view.canvas.zoom(1.5)
            qtbot.wait(15)
        for _ in range(5):
            view.canvas.pan(0.3)
            qtbot.wait(15)
        last[0] = time.perf_counter()
        qtbot.wait(50)
    finally:
        probe.stop()
        gc.unfreeze()
    assert view.canvas.paints > painted + 5
    assert len(gaps) > 5 and max(gaps) < 0.1, max(gaps)
