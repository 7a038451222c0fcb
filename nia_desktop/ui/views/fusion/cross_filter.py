"""The Fusion view's cross-filter: a time range on the Events tab and a region on the Map tab narrow the other views.

Each filter stands for a set of reports over the whole scope, whatever the other filters narrow: the range, the
case's reports whose events (dates named inside them) fall in it, as the case's own timeline holds them (not the
region's events the timeline may show meanwhile: range_selected); the region, the reports naming the places
selected. Each chip counts its own filter's reports; filters combine by intersection ("N in common"): the entity
tables (their counts and the entity's detail too) and the link chart show what every filter allows; the map
follows the range and the event timeline the region (a view is never narrowed by its own selection). Clearing one
leaves the others as they were.

The ids are the UI's and nothing trusts them: every service they reach keeps only the reports the user may read
in their own fusion's scope (services/fusion_tables.readable_reports and the pages' joins), so an id list is
never a way around need-to-know. Nothing here blocks the UI thread: the tables' models and the chart ask on
workers, the map is narrowed from the places it already holds, and the timeline reads a region's events on a
worker when its tab is shown (reading events is an audited read of report text: not on every click elsewhere).

The filter bar above the tabs says what applies, with a clear button per filter and one for all; Esc clears the
filter of the tab shown (the Events or the Map tab), else every filter.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QPainterPath, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from nia_desktop.core.display import escape_untrusted
from nia_desktop.core.fusion import geo
from nia_desktop.services import events
from nia_desktop.services.places import Place
from nia_desktop.services.region_events import region_events
from nia_desktop.ui.views.fusion.map import ui_language

if TYPE_CHECKING:
    from nia_desktop.ui.views.fusion.view import FusionView

EVENTS, MAP = "events", "map"
translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls, as written
NAMED = 2  # places named on the map's chip; the rest counted


def _reports(count: int) -> str:
    """'1 report', '37 reports' (English has no translation file to pick the plural from a %n)."""
    if count == 1:
        return translate("CrossFilter", "1 report")
    return translate("CrossFilter", "%1 reports").replace("%1", f"{count:,}")


@dataclass(frozen=True)
class Narrowing:
    """One filter: what its chip says and the reports it stands for."""

    label: str
    reports: frozenset[int]


def combined(narrowings: Iterable[Narrowing]) -> frozenset[int] | None:
    """The reports every filter allows (None: no filter applies)."""
    found: frozenset[int] | None = None
    for narrowing in narrowings:
        found = narrowing.reports if found is None else found & narrowing.reports
    return found


def narrowed_places(places: Sequence[Place], reports: frozenset[int] | None) -> list[Place]:
    """The places named in ``reports`` (None: all), each counting only those reports, most reported first."""
    if reports is None:
        return list(places)
    kept = []
    for place in places:
        ids = tuple(r for r in place.report_ids if r in reports)
        if ids:
            kept.append(replace(place, report_ids=ids))
    kept.sort(key=lambda p: (-p.reports, p.name, p.entity_id))
    return kept


def region_name(code: str, language: str) -> str:
    """The name of the country (ISO 3166-1) or prefecture (JP-13) a click on the map selected, '' for none; the
    shipped outlines' names (a prefecture's in the UI language, a country's in English)."""
    if not code:
        return ""
    prefecture = geo.prefecture(code)
    if prefecture is not None:
        return prefecture.name(language)
    return next((c.name for c in geo.countries() if c.iso == code), code)


def region_label(places: Sequence[Place], entities: Sequence[int], reports: int, region: str = "") -> str:
    """'Map: Tokyo, 12 reports' for a clicked region, else its places: 'Map: Osaka, Kobe and 3 more, 12 reports'."""
    wanted = set(entities)
    names = [escape_untrusted(p.name, 40) for p in places if p.entity_id in wanted]
    shown = ", ".join(names[:NAMED])
    if len(names) > NAMED:
        shown = translate("CrossFilter", "%1 and %2 more").replace("%1", shown).replace("%2", str(len(names) - NAMED))
    shown = region or shown or translate("CrossFilter", "no place")
    return translate("CrossFilter", "Map: %1, %2").replace("%1", shown).replace("%2", _reports(reports))


class FilterBar(QWidget):
    """What filters apply, each with its clear button, and a button that clears them all.

    Signals:
    clear(str): a filter's clear button ('events' or 'map'); '' clears every filter.
    """

    clear = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("CrossFilter", "Filters applied"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(translate("CrossFilter", "Filtered by:")))
        self.chips: dict[str, tuple[QLabel, QPushButton]] = {}  # each filter's text and clear button, in order
        for source, name in ((EVENTS, translate("CrossFilter", "Clear the events filter")),
                             (MAP, translate("CrossFilter", "Clear the map filter"))):
            label = QLabel()
            label.setTextFormat(Qt.TextFormat.PlainText)
            button = QPushButton("×")
            button.setAccessibleName(name)
            button.setToolTip(name + translate("CrossFilter", " (Esc on its tab)"))
            button.setMaximumWidth(28)
            button.clicked.connect(lambda _=False, s=source: self.clear.emit(s))
            row.addWidget(label)
            row.addWidget(button)
            self.chips[source] = (label, button)
        row.addStretch(1)
        self.common = QLabel()
        self.common.setAccessibleName(translate("CrossFilter", "Reports every filter allows"))
        self.clear_all = QPushButton(translate("CrossFilter", "Clear filters"))
        self.clear_all.setToolTip(translate("CrossFilter", "Show every entity, place and event again (Esc)"))
        self.clear_all.clicked.connect(lambda: self.clear.emit(""))
        row.addWidget(self.common)
        row.addWidget(self.clear_all)
        self.show_filters({})

    def buttons(self) -> list[QPushButton]:
        """The bar's buttons in their Tab order (hidden ones are skipped by Tab)."""
        return [*(button for _, button in self.chips.values()), self.clear_all]

    def show_filters(self, sources: dict[str, Narrowing]) -> None:
        """Each filter's chip, shown while it applies; the bar hidden when none does."""
        for source, (label, button) in self.chips.items():
            narrowing = sources.get(source)
            label.setText("" if narrowing is None else narrowing.label)
            label.setVisible(narrowing is not None)
            button.setVisible(narrowing is not None)
        every = combined(sources.values())
        self.common.setText(translate("CrossFilter", "%1 in common").replace("%1", _reports(len(every)))
                            if len(sources) > 1 and every is not None else "")
        self.setVisible(bool(sources))


class CrossFilter(QObject):
    """The view's filters and how each view follows them (see the module's docstring).

    Signals:
    changed(): a filter was set, changed or cleared (the views have been asked to follow).
    """

    changed = Signal()

    def __init__(self, view: FusionView) -> None:
        super().__init__(view)
        self.view = view
        self.sources: dict[str, Narrowing] = {}
        self.bar = FilterBar()
        self.bar.clear.connect(self.clear)
        self.places: list[Place] = []  # every place of the fusion shown, as read for the map
        self.outlines: Sequence[QPainterPath] | None = None
        self.region: tuple[int, ...] = ()  # the entities of the places selected on the map
        self._region_entries: set[str] = set()  # after a re-fusion: the region's places, found again by entry
        self._map_turn = self._region_turn = 0  # answers from workers for an older choice are dropped
        self._events_scope = ""  # the scope the timeline's events were last read for
        self._of_region = False  # the timeline holds the region's events (else the case's)
        self._case_read = 0  # how many of the case's reports its own (unfiltered) timeline has read
        self._range: tuple[str, str] = ("", "")  # the range the events filter stands for
        self._range_turn = 0
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), view)
        self.escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.escape.setEnabled(False)
        self.escape.activated.connect(self.clear_shown)
        view.event_timeline.range_selected.connect(self.range_selected)
        view.map.selected.connect(self.region_selected)

    def reports(self, excluding: str = "") -> frozenset[int] | None:
        """The reports the filters other than ``excluding`` allow (None: none applies)."""
        return combined(n for s, n in self.sources.items() if s != excluding)

    # -- the sources -----------------------------------------------------------
    def range_selected(self, since: str, until: str, reports: list[int]) -> None:
        """The timeline's range. It stands for the reports of the case's events in it, as the case's own timeline
        holds them: taken from the timeline while it holds the case's events; while it holds the region's, those
        are the region's only (the chip would count the common reports), so the same range is kept as it stood,
        and a new one is read over the case's reports on a worker (services/events.range_reports)."""
        self._range_turn += 1
        if not since and not until:
            self._range = ("", "")
            self._set(EVENTS, None)
            return
        if not self._of_region:
            self._set_range(since, until, frozenset(reports))
            return
        if EVENTS in self.sources and self._range == (since, until):
            return  # the region's events read again, or more of them: the range still stands for the case's
        turn, session, scope, depth = self._range_turn, self.view.session, self._events_scope, max(
            self._case_read, events.PAGE)

        def landed(found: list[int]) -> None:
            if turn == self._range_turn:
                self._set_range(since, until, frozenset(found))

        self.view.run(lambda signals, cancel: events.range_reports(session, scope, since, until, depth),
                      on_success=landed)

    def _set_range(self, since: str, until: str, reports: frozenset[int]) -> None:
        self._range = (since, until)
        label = translate("CrossFilter", "Events %1 – %2, %3").replace("%1", since).replace("%2", until).replace(
            "%3", _reports(len(reports)))
        self._set(EVENTS, Narrowing(label, reports))

    def region_selected(self, entities: list[int], reports: list[int]) -> None:
        """The map's selection: its places' reports as every place of the fusion counts them (the map may show
        them narrowed by the range; clearing the range must not leave the region narrowed), gathered on a worker
        (a region at a million reports names hundreds of thousands)."""
        self.region = tuple(entities)
        self._region_turn += 1
        if not entities:
            self._set(MAP, None)
            return
        turn, places, wanted = self._region_turn, self.places or list(self.view.map.places), set(entities)
        code, language = self.view.map.region, ui_language()

        def work(signals: Any, cancel: Any) -> tuple[frozenset[int], str]:
            every = frozenset(r for p in places if p.entity_id in wanted for r in p.report_ids) or frozenset(reports)
            return every, region_name(code, language)  # the outlines are parsed once, maybe here

        def landed(found: tuple[frozenset[int], str]) -> None:
            every, name = found
            if turn == self._region_turn:
                self._set(MAP, Narrowing(region_label(places, entities, len(every), name), every))

        self.view.run(work, on_success=landed)

    def _set(self, source: str, narrowing: Narrowing | None) -> None:
        if self.sources.get(source) == narrowing:
            return
        if narrowing is None:
            self.sources.pop(source, None)
        else:
            self.sources[source] = narrowing
        self._follow(source)

    # -- the views follow ------------------------------------------------------
    def _follow(self, changed: str) -> None:
        view, every = self.view, self.reports()
        ordered = None if every is None else tuple(sorted(every))  # once: a region at a million is 10^5 ids
        view.entity_model.set_reports(ordered)
        view.matrix_model.set_reports(ordered)
        view.graph.filter_reports(ordered)
        if changed != MAP and view.map in view.drawn_tabs:
            self._show_map()
        if changed != EVENTS and view.event_timeline in view.drawn_tabs:
            if view.tabs.currentWidget() is view.event_timeline or EVENTS in self.sources:
                # Now: shown, or a range stands whose reports are those of the events the timeline holds
                self.read_events(self._events_scope)
            else:
                view.drawn_tabs.discard(view.event_timeline)  # read again for the region when next shown
        self.bar.show_filters(self.sources)
        self.escape.setEnabled(bool(self.sources))
        self.changed.emit()

    def show_map(self, places: Sequence[Place], outlines: Sequence[QPainterPath] | None) -> None:
        """The fusion's places as read for the map: shown narrowed to the range, the region kept selected."""
        self.places, self.outlines = list(places), outlines
        if self._region_entries:  # the same places in the new fusion's numbering
            self.region = tuple(p.entity_id for p in self.places if (p.entry_id or p.name) in self._region_entries)
            self._region_entries = set()
        self._show_map()

    def refused(self) -> None:
        """The same scope fused again: the filters' reports stand, but its entities are numbered anew, so the
        region's places are found again by their gazetteer entry in the places read next, and the places kept for
        the map (old ids) go; the chart drops its own (LinkChart.open_chart)."""
        wanted = set(self.region)
        self._region_entries = {p.entry_id or p.name for p in self.places if p.entity_id in wanted}
        self.places = []
        self._map_turn += 1

    def _show_map(self) -> None:
        """The places narrowed to the other filters (on a worker: their reports at a million are millions of
        ids), the region's still marked as selected (without a new ``selected``: the region's filter stands for
        its places' every report, not only those shown)."""
        self._map_turn += 1
        turn, places, reports, kept = self._map_turn, self.places, self.reports(excluding=MAP), set(self.region)
        if reports is None and not kept:
            self.view.map.show_places(places, self.outlines)
            return

        def landed(shown: list[Place]) -> None:
            if turn == self._map_turn:  # the region as it is now (cleared meanwhile: nothing stays selected)
                self.view.map.show_places(shown, self.outlines, keep=set(self.region))

        self.view.run(lambda signals, cancel: narrowed_places(places, reports), on_success=landed)

    def read_events(self, scope: str, offset: int = 0) -> None:
        """A page of events on a worker: of the case's reports, or of the region's while one is selected."""
        session, region = self.view.session, self.sources.get(MAP)
        self._events_scope = scope
        if region is None:
            def work(signals: Any, cancel: Any) -> events.EventPage:
                return events.case_events(session, scope, offset)
        else:
            chosen = sorted(region.reports)

            def work(signals: Any, cancel: Any) -> events.EventPage:
                return region_events(session, chosen, scope, offset)

        def landed(page: events.EventPage) -> None:
            self._of_region = region is not None
            if region is None:
                self._case_read = max(self._case_read, page.next_offset)
            self.view.show_events_page(scope, page)

        self.view.run(work, on_success=landed)

    def keeps_range(self) -> bool:
        """Whether the timeline's range stays marked as its events are read again (for the region)."""
        return EVENTS in self.sources

    def events_read(self) -> None:
        """The timeline holds other events (the region's, the case's again, or a further page): the range that
        stands is sent again (range_selected takes its reports from the case's events, or keeps them while the
        timeline holds the region's)."""
        canvas = self.view.event_timeline.canvas
        if EVENTS in self.sources and canvas.chosen is not None:
            canvas.choose(*canvas.chosen)  # emits the range with its reports among the events now held

    # -- clearing --------------------------------------------------------------
    def clear(self, source: str = "") -> None:
        """Clear one filter ('' every one) through its own view, so its selection goes too."""
        for chosen in [source] if source else list(self.sources):
            if chosen == EVENTS:
                self.view.event_timeline.canvas.choose(0.0, 0.0)  # emits the cleared range
            elif chosen == MAP:
                self.view.map.clear_selection()  # emits the cleared selection
            if chosen in self.sources:  # the view emitted nothing (never shown): clear it here
                self._set(chosen, None)

    def clear_shown(self) -> None:
        """Esc: the filter of the Events or the Map tab while it is shown, else every filter."""
        current = self.view.tabs.currentWidget()
        shown = EVENTS if current is self.view.event_timeline else MAP if current is self.view.map else ""
        self.clear(shown if shown in self.sources else "")

    def reset(self) -> None:
        """Another scope is shown: its reports are others, so every filter goes (its views are read again)."""
        self.sources.clear()
        self.region = ()
        self._region_entries = set()
        self._of_region, self._case_read, self._range = False, 0, ("", "")
        self._range_turn += 1
        self._region_turn += 1
        self._map_turn += 1
        self.places = []
        self.view.entity_model.reports = None
        self.view.matrix_model.reports = None
        self.view.graph.filter_reports(None)
        self.bar.show_filters(self.sources)
        self.escape.setEnabled(False)
