"""The Fusion workspace of a case (analyst): entities, corroboration, near-duplicates, assessments.

Fusion runs on a worker and keeps its result in the vault's tables; the
view then reads them a page at a time (services/fusion_tables): the
entities and the corroboration matrix are paged models, an entity's detail
is read by id when selected, the graph and the timeline are read when their
tab is first shown. Nothing holds every entity, so a million reports open
as fast as ten thousand. Merge, split and "different" are judgements: each
asks for a reason, is recorded and audited by the service, and fusion runs
again to show its effect.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QPainterPath
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from nia_desktop.core.classification import Level
from nia_desktop.core.display import escape_untrusted
from nia_desktop.core.store.fusion_pages import EntityDetail, EntityLine, TimelineMark
from nia_desktop.services import events, fusion, fusion_tables, places
from nia_desktop.services.fusion_tables import Status
from nia_desktop.services.session import Session
from nia_desktop.ui.entity_kinds import kind_name
from nia_desktop.ui.theme import named
from nia_desktop.ui.views.base import View
from nia_desktop.ui.views.fusion.ach_panel import AchPanel
from nia_desktop.ui.views.fusion.assessments_panel import AssessmentsPanel
from nia_desktop.ui.views.fusion.case_panel import CasePanel
from nia_desktop.ui.views.fusion.chart import LinkChart
from nia_desktop.ui.views.fusion.cross_filter import CrossFilter
from nia_desktop.ui.views.fusion.duplicates_panel import DuplicatesPanel
from nia_desktop.ui.views.fusion.entity_model import Column, EntityPagesModel, SeenCache, report_cell
from nia_desktop.ui.views.fusion.map import PlaceMap, boundary_paths
from nia_desktop.ui.views.fusion.timeline import EventTimeline, Timeline
from nia_desktop.ui.widgets.table_view import style_table

FILTER_DELAY_MS = 300  # the filter asks again once typing pauses


def _shown(text: str, limit: int = 200) -> str:
    return escape_untrusted(text, limit)


def _reports_from(agency: str, entity: EntityLine) -> int:
    return entity.seen.agencies.get(agency, 0)


class EntityTable(QTableView):
    """A table over a paged entity model: its header shows the order the rows are in."""

    def __init__(self, model: EntityPagesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = model
        self.setModel(model)
        style_table(self, QAbstractItemView.SelectionMode.ExtendedSelection)
        model.reloaded.connect(self.show_order)

    def show_order(self) -> None:
        """The rows arrived sorted: show the indicator without sorting again."""
        column, order = self.source.sorted_by()
        header = self.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(column, order)
        header.blockSignals(False)

    def selected(self) -> list[EntityLine]:
        return [self.source.row_at(i) for i in self.selectionModel().selectedRows()]


class FusionView(View):
    """Signals:
    open_report(int): the analyst clicked a report in the graph or the timeline.

    ``workspace`` is the status of the fusion shown (None before the first): its counts, agencies, pending
    work and when it ran; the entities themselves are in the models, a page at a time.
    """

    key = "fusion"
    open_report = Signal(int)
    places_selected = Signal(list, list)  # the map's selection: entity ids, report ids (both empty: cleared)
    # The event timeline's time range: first and last ISO day (inclusive) and the reports whose events fall in it
    # ('', '', [] when cleared). The tables, the chart and the map follow it (cross_filter.py), as they follow
    # the map's selection.
    events_range = Signal(str, str, list)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("Fusion"), parent)
        self.workspace: Status | None = None
        self.case = QComboBox()
        self.case.setAccessibleName(self.tr("Case"))
        self.case.setToolTip(self.tr("Fuse every report, or one case's"))
        self.run_button = named(QPushButton(self.tr("Fuse")), "primary")
        self.run_button.setShortcut(QKeySequence("F5"))
        self.run_button.setToolTip(self.tr("Run fusion again (F5)"))
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop this fusion: the fusion kept before it stays as it was"))
        self.stop_button.hide()
        self._fusion_task: Any = None
        self.status = QLabel(self.tr("Not fused yet in this session."))
        self.status.setAccessibleName(self.tr("Fusion status"))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Case:")))
        bar.addWidget(self.case, 1)
        bar.addWidget(self.status, 2)
        bar.addWidget(self.stop_button)
        bar.addWidget(self.run_button)
        self.layout_.addLayout(bar)
        self.pending = QLabel()
        self.pending.setAccessibleName(self.tr("Pending fusion work"))
        self.pending.setWordWrap(True)
        self.pending.hide()
        self.layout_.addWidget(self.pending)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._entities_tab(), self.tr("Entities"))
        self.tabs.addTab(self._corroboration_tab(), self.tr("Corroboration"))
        self.graph = LinkChart(session, runner=lambda fn, then, finished: self.run(fn, on_success=then,
                                                                                      on_finished=finished))
        self.graph.select_entity.connect(self.select_entity)
        self.graph.open_report.connect(self.describe_report)
        self.tabs.addTab(self.graph, self.tr("Link chart"))
        self.timeline = Timeline(self.describe_report)
        self.tabs.addTab(self.timeline, self.tr("Timeline"))
        self.event_timeline = EventTimeline()
        self.event_timeline.open_report.connect(self.describe_report)
        self.event_timeline.more_wanted.connect(self._more_events)
        self.event_timeline.range_selected.connect(self.events_range)
        self._events_next: tuple[str, int] | None = None  # the scope and offset of the next page of reports
        self.tabs.addTab(self.event_timeline, self.tr("Events"))
        self.map = PlaceMap(self.select_entity)
        self.map.selected.connect(self.places_selected)
        self.tabs.addTab(self.map, self.tr("Map"))
        self.duplicates = DuplicatesPanel(self)
        self.tabs.addTab(self.duplicates, self.tr("Near-duplicates"))
        self.case_panel = CasePanel(self)
        self.tabs.addTab(self.case_panel, self.tr("Case"))
        self.assessments = AssessmentsPanel(self)
        self.tabs.addTab(self.assessments, self.tr("Assessments"))
        self.ach = AchPanel(self)
        self.tabs.addTab(self.ach, self.tr("Hypotheses (ACH)"))
        self.tabs.addTab(self._judgements_tab(), self.tr("Judgements"))
        # The Events tab's range and the Map tab's region narrow the tables, the chart and each other
        self.cross = CrossFilter(self)
        self.cross.changed.connect(self._refilter_detail)
        self.layout_.addWidget(self.cross.bar)
        for before, after in zip([self.run_button, *self.cross.bar.buttons()], [*self.cross.bar.buttons(), self.tabs],
                                 strict=True):
            self.setTabOrder(before, after)  # the filter bar's buttons come before the tabs
        self.layout_.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(lambda _: self.draw_current_tab())
        self.run_button.clicked.connect(lambda: self.fuse())
        self.stop_button.clicked.connect(self._stop)
        self.case.currentIndexChanged.connect(lambda _: self.show_kept())
        self._shown_once = False
        self._fusing = False
        self.drawn_tabs: set[QWidget] = set()  # the tabs read for the fusion shown
        self._shown_scope: str | None = None  # the scope the tables were last read for
        self._since = 0  # reports imported and fused in since the last full fusion
        self._wanted_case = ""
        self._titles: dict[int, str] = {}  # reports' titles the graph and timeline show, for the status line
        self.detail: EntityDetail | None = None
        self._detail_wanted: int | None = None

    def showEvent(self, event: Any) -> None:
        """Fusion is heavy: it first runs when the analyst opens the view, not at every unlock."""
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.refresh()

    # -- building ----------------------------------------------------------
    def _entities_tab(self) -> QWidget:
        self.entity_model = EntityPagesModel(self.session, self.run, self._entity_columns, "reports", parent=self)
        self.entities = EntityTable(self.entity_model, self)
        self.entities.setAccessibleName(self.tr("Entities"))
        self.entities.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.entities.customContextMenuRequested.connect(self._entity_menu)
        self.entities.selectionModel().selectionChanged.connect(lambda *_: self._show_entity())
        self.entity_filter = QLineEdit(placeholderText=self.tr("Filter: name or alias…"))
        self.entity_filter.setAccessibleName(self.tr("Filter entities"))
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(lambda: self.entity_model.set_text(self.entity_filter.text()))
        self.entity_filter.textChanged.connect(lambda _: self._filter_timer.start())
        self.merge_action = QAction(self.tr("Merge selected…"), self)
        self.merge_action.setShortcut(QKeySequence("Ctrl+M"))
        self.merge_action.triggered.connect(self.merge_selected)
        self.different_action = QAction(self.tr("Mark as different…"), self)
        self.different_action.triggered.connect(self.mark_different)
        self.split_action = QAction(self.tr("Split off reports…"), self)
        self.split_action.triggered.connect(self.split_selected)
        self.confirm_action = QAction(self.tr("Confirm as resolved…"), self)
        self.confirm_action.triggered.connect(self.confirm_selected)
        self.addActions([self.merge_action, self.different_action, self.split_action, self.confirm_action])
        self.details = QTextBrowser()
        self.details.setAccessibleName(self.tr("Entity details"))
        self.details.setPlaceholderText(self.tr("Select an entity to see its aliases, reports, the agencies that "
                                                "report it and why its names were merged."))
        self.details.setOpenLinks(False)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.entity_filter)
        column.addWidget(self.entities, 1)
        hint = QLabel(self.tr("Select entities and right-click to merge, split, confirm or mark them as different "
                              "(Ctrl+M merges). Your judgements are kept and beat the automatic rules."))
        hint.setWordWrap(True)
        column.addWidget(hint)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        return split

    def _corroboration_tab(self) -> QWidget:
        self.matrix_model = EntityPagesModel(self.session, self.run, self._matrix_columns, "agencies", min_reports=2,
                                             with_agencies=True, parent=self)
        self.matrix = EntityTable(self.matrix_model, self)
        self.matrix.setAccessibleName(self.tr("Corroboration matrix: entities by agencies"))
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        note = QLabel(self.tr("How many reports from each agency mention each entity. Entities one agency alone "
                              "reports are marked single source."))
        note.setWordWrap(True)
        column.addWidget(note)
        column.addWidget(self.matrix, 1)
        return box
    def _judgements_tab(self) -> QWidget:
        self.judgement_log = QListWidget()
        self.judgement_log.setAccessibleName(self.tr("Judgement log"))
        self.undo_button = QPushButton(self.tr("Undo selected judgement"))
        self.undo_button.setToolTip(self.tr("Revoke it: it stays in the log, marked as revoked, and fusion runs again"))
        self.undo_button.clicked.connect(self.undo_judgement)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        note = QLabel(self.tr("Every merge, split and 'different' made by an analyst: who, when, why."))
        note.setWordWrap(True)
        column.addWidget(note)
        column.addWidget(self.judgement_log, 1)
        column.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignRight)
        return box

    def _show_judgements(self, log: list[dict[str, Any]]) -> None:
        self.judgement_log.clear()
        for j in reversed(log):
            verdict = j["verdict"]
            if verdict in ("entity", "not_entity"):  # a text judgement (core/fusion/marks.py): its text and kind
                said = json.loads(j["a"])[-1], (json.loads(j["b"]) or [self.tr("any kind")])[0]
                verdict = f"{verdict} “{_shown(said[0], 80)}” ({said[1]})"
            text = self.tr("#%1 %2 by %3 at %4: %5").replace("%1", str(j["id"])).replace("%2", verdict).replace(
                "%3", j["by"]).replace("%4", j["at"][:16]).replace("%5", _shown(j["why"] or "-", 300))
            if j["revoked_by"]:
                text += self.tr(" (revoked by %1)").replace("%1", j["revoked_by"])
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, None if j["revoked_by"] else j["id"])
            self.judgement_log.addItem(item)

    def undo_judgement(self) -> None:
        item = self.judgement_log.currentItem()
        judgement_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        if judgement_id is None:
            self.banner.show_message(self.tr("Select a judgement that is still in force."), "warning")
            return
        self.run(lambda signals, cancel: fusion.undo_judgement(self.session, judgement_id),
                 on_success=lambda _: self._judged(self.tr("Judgement revoked.")))

    # -- loading -----------------------------------------------------------
    def refresh(self) -> None:
        self.run(lambda signals, cancel: fusion.case_names(self.session), on_success=self._fill_cases)

    def choose_case(self, name: str) -> None:
        """Show this case (just created): the case list is read again with it chosen."""
        self._wanted_case = name
        self.refresh()

    def case_changed(self, added: int) -> None:
        self.status.setText(self.tr("Added %1 reports to the case.").replace("%1", str(added)))
        self.fuse()

    def _fill_cases(self, names: list[str]) -> None:
        current = self._wanted_case or self.case.currentData()
        self._wanted_case = ""
        self.case.blockSignals(True)
        self.case.clear()
        self.case.addItem(self.tr("All reports"), "")
        for name in names:
            self.case.addItem(_shown(name, 120), name)
        index = self.case.findData(current)
        self.case.setCurrentIndex(max(0, index))
        self.case.blockSignals(False)
        self.show_kept()

    @property
    def scope(self) -> str:
        return str(self.case.currentData() or "")

    def reports_imported(self, outcome: Any) -> None:
        """New reports: on screen at once when the import fused them into the fusion shown, else at the next."""
        if self.workspace is None:
            return  # nothing shown yet: the first fusion includes them
        if outcome.fused is not None and not self.scope:
            self._since += len(outcome.imported)
            self.fuse(grown=True)
        else:
            self.status.setText(self.tr("%1 reports imported since this fusion: press F5 to fuse again").replace(
                "%1", str(len(outcome.imported))))

    def show_kept(self) -> None:
        """Show the scope's kept fusion (imports keep it current) without fusing again; fuse when there is none.
        Opening the view at a million reports reads a page, not the whole corpus: the first page, the groups
        and the status line are read side by side."""
        scope = self.scope
        self._load_panels(scope)
        self.status.setText(self.tr("Reading the fusion…"))
        self._read(scope, fuse_if_none=True)

    def fuse(self, grown: bool = False, panels: bool = True) -> None:
        """Fuse and show (F5); ``grown``: show the tables as imports have grown them, without fusing again."""
        if self._fusing:
            return
        if not grown:
            self._since = 0
        scope, session = self.scope, self.session
        self._fusing = True
        self.run_button.setEnabled(False)
        self.status.setText(self.tr("Fusing…") if not grown else self.tr("Reading the fusion…"))

        def work(signals: Any, cancel: Any) -> None:
            """Fuse into the tables, here, off the UI thread; the view then reads them a page at a time."""
            if not grown:  # counts only: no whole result to hold or free
                fusion.fuse_kept(session, scope, lambda d, t, m: signals.progress.emit(d, t, m), cancel)

        self._fusion_task = self.run(work, on_success=lambda _: self._read(scope), on_progress=self._progress,
                                     on_finished=self._fused)
        self.stop_button.setVisible(not grown)
        if panels:
            self._load_panels(scope)

    def _load_panels(self, scope: str) -> None:
        self.assessments.load(scope)
        self.case_panel.load(scope)
        self.ach.load(scope)
        self.run(lambda signals, cancel: fusion.judgement_log(self.session), on_success=self._show_judgements)

    def _progress(self, done: int, total: int, message: str) -> None:
        """A fusion too large for memory at once runs in parts, then links its reports: say which."""
        text = self.tr("Linking reports… %1 of %2") if message.startswith("linking") else self.tr(
            "Fusing… part %1 of %2")
        self.status.setText(text.replace("%1", f"{done + 1 if not message.startswith('linking') else done:,}")
                            .replace("%2", f"{total:,}"))

    def _stop(self) -> None:
        if self._fusion_task is not None:
            self._fusion_task.cancel()
            self.status.setText(self.tr("Stopping…"))

    def _fused(self) -> None:
        stopped = self._fusion_task is not None and self._fusion_task.cancel_token.cancelled
        self._fusing = False
        self._fusion_task = None
        self.stop_button.hide()
        self.run_button.setEnabled(True)
        if stopped:
            self.status.setText(self.tr("Stopped: the fusion kept before is shown."))
            self._read(self.scope)

    def _read(self, scope: str, fuse_if_none: bool = False) -> None:
        """Read the scope's tables: the first pages of both tables, the groups, the status line, side by side;
        the graph and the timeline when their tab is shown. ``fuse_if_none``: fuse when nothing is kept."""
        if scope != self.scope:
            return  # another case was chosen meanwhile: its fusion reads its own
        if scope != self._shown_scope:
            self.cross.reset()  # another scope's reports: the filters go (one scope's fusion again keeps them)
        else:
            self.cross.refused()  # its reports stand; the entity ids it kept are the old fusion's
        self._shown_scope = scope
        seen = SeenCache()  # who reports each entity, read once for both tables (freed with its last reference)
        self.entity_model.forget(seen)
        self.matrix_model.forget(seen)
        self.entity_model.reload(scope)
        self.matrix_model.reload(scope)
        self.duplicates.load(scope)
        self.drawn_tabs.clear()
        self._titles.clear()
        session = self.session
        self.run(lambda signals, cancel: fusion_tables.status(session, scope),
                 on_success=lambda found: self._show_status(scope, found, fuse_if_none))

    def _entity_columns(self, agencies: Sequence[str] = ()) -> list[Column]:
        single = self.tr("single source")
        # Reports and sources are the fusion's counts (a scope drawing on a report the reader may no longer read
        # is not shown at all, so they count readable reports): they show with the row, before who reports it.
        return [
            Column(self.tr("Kind"), lambda e: kind_name(e.kind)),
            Column(self.tr("Name"), lambda e: _shown(e.name), "name"),
            Column(self.tr("Reports"), report_cell, "reports"),
            Column(self.tr("Mentions"), lambda e: e.mentions),
            Column(self.tr("Agencies"), lambda e: ", ".join(e.seen.agencies), needs_seen=True),
            Column(self.tr("Sources"), lambda e: single if e.agency_count <= 1 else e.agency_count, "agencies"),
            Column(self.tr("Aliases"), lambda e: _shown(", ".join(e.aliases), 300)),
        ]

    def _matrix_columns(self, agencies: Sequence[str]) -> list[Column]:
        columns = [Column(self.tr("Entity"), lambda e: _shown(e.name), "name"),
                   Column(self.tr("Kind"), lambda e: kind_name(e.kind))]
        for agency in agencies:
            columns.append(Column(agency, functools.partial(_reports_from, agency), needs_seen=True))
        columns.append(Column(self.tr("Independent agencies"), lambda e: e.agency_count, "agencies"))
        columns.append(Column(self.tr("Gradings"), lambda e: ", ".join(e.seen.gradings), needs_seen=True))
        columns.append(Column(self.tr("First seen"), lambda e: e.seen.first_seen, needs_seen=True))
        columns.append(Column(self.tr("Last seen"), lambda e: e.seen.last_seen, needs_seen=True))
        return columns

    def _show_status(self, scope: str, status: Status, fuse_if_none: bool = False) -> None:
        if scope != self._shown_scope:
            return
        if not status.fused and fuse_if_none:
            self.fuse(panels=False)  # nothing kept for this scope and access yet: fuse it
            return
        self.workspace = status
        if not status.fused:
            self.status.setText(self.tr("Not fused yet for your access: press F5 to fuse."))
        else:
            text = self.tr("%1 entities, %2 linked report pairs, %3 near-duplicate groups").replace(
                "%1", str(status.entities)).replace("%2", str(status.links)).replace("%3", str(status.duplicates))
            if self._since:
                text += self.tr(" (with %1 reports imported since, fused as they arrived; F5 fuses all again)"
                                ).replace("%1", str(self._since))
            self.status.setText(text)
        for column, width in enumerate((110, 230, 70, 80, 150, 100)):
            self.entities.setColumnWidth(column, width)
        self.show_pending(status.pending, status.unfused)
        self.draw_current_tab()
        self.classification_changed.emit(self.classification())

    def show_pending(self, count: int, unfused: int = 0) -> None:
        """What imports could not fuse in by themselves (a definition joining two older entities...) and entity
        judgements made since (services/entity_marks.py), and
        readable reports this fusion does not cover (imported by others since): both call for F5."""
        lines = []
        if count:
            lines.append(self.tr("Re-fuse recommended: %1 pending: changes only a full fusion makes, found by "
                                 "imports since the last one (such as two older entities now known to be one) or "
                                 "asked for by entity judgements made since (text that is, or is not, an "
                                 "entity).").replace("%1", str(count)))
        if unfused:
            lines.append(self.tr("%1 reports you may read are not in this fusion yet (imported by others since "
                                 "it ran).").replace("%1", str(unfused)))
        if lines:
            lines.append(self.tr("Press F5 to fuse again."))
        self.pending.setText(" ".join(lines))
        self.pending.setVisible(bool(lines))

    def draw_current_tab(self) -> None:
        """Read and draw the graph or the timeline for the latest fusion when its tab is shown, once: each is
        a query and tens of milliseconds of drawing, better spent when the analyst asks for it."""
        tab, scope, session = self.tabs.currentWidget(), self._shown_scope, self.session
        if scope is None or tab in self.drawn_tabs or tab not in (self.graph, self.timeline, self.map,
                                                                  self.event_timeline):
            return
        self.drawn_tabs.add(tab)
        if tab is self.graph:  # the saved chart of this case, or its top entities
            self.graph.open_chart(scope)
        elif tab is self.map:
            # The outlines' paths are built on the worker too (once per process, cached): tens of milliseconds.
            self.run(lambda signals, cancel: (places.places(session, scope), boundary_paths()),
                     on_success=lambda found: self._show_map(scope, *found))
        elif tab is self.event_timeline:  # the first page of reports (the map's region's); the analyst asks for more
            self.cross.read_events(scope)
        else:
            self.run(lambda signals, cancel: fusion_tables.timeline(session, scope),
                     on_success=lambda marks: self._show_timeline(scope, marks))

    def show_events_page(self, scope: str, page: events.EventPage) -> None:
        if scope != self._shown_scope:
            return
        self._events_next = (scope, page.next_offset) if page.more else None
        if page.offset == 0:
            self.event_timeline.show_events(page.events, page.reports, page.more, self.cross.keeps_range())
        else:
            self.event_timeline.add_events(page.events, page.reports, page.more)
        self.cross.events_read()

    def _more_events(self) -> None:
        """Read the events of the next page of reports (an audited read of their text, on a worker)."""
        if self._events_next is None or self._events_next[0] != self._shown_scope:
            return
        scope, offset = self._events_next
        self._events_next = None  # one page at a time
        self.cross.read_events(scope, offset)

    def show_places_between(self, since: str = "", until: str = "") -> None:
        """Map only the places named in reports dated from ``since`` to ``until`` (ISO days, '' open; both empty
        shows every place again): by the reports' own dates, where the Events tab's range narrows the map to the
        reports its events are in (cross_filter.py)."""
        scope, session = self._shown_scope, self.session
        if scope is None:
            return
        self.drawn_tabs.add(self.map)
        self.run(lambda signals, cancel: (places.places(session, scope, since, until), boundary_paths()),
                 on_success=lambda found: self._show_map(scope, *found))

    def _show_map(self, scope: str, found: list[places.Place], outlines: tuple[QPainterPath, ...]) -> None:
        if scope == self._shown_scope:
            self.cross.show_map(found, outlines)

    def _show_timeline(self, scope: str, marks: list[TimelineMark]) -> None:
        if scope == self._shown_scope:
            self._titles.update((r, t) for m in marks for r, t in m.reports)
            self.timeline.show_marks(marks)

    def classification(self) -> Level:
        return Level.UNCLASSIFIED if self.workspace is None else self.workspace.highest

    # -- entities ----------------------------------------------------------
    def show_entity(self, entity_id: int) -> None:
        """An entity of the fusion of every report (a mark in the reader): that fusion is shown first when a
        case's is, since a case's fusion numbers its entities apart."""
        if self.scope:
            self.case.setCurrentIndex(0)  # "All reports": show_kept reads its fusion
        self.select_entity(entity_id)

    def select_entity(self, entity_id: int) -> None:
        """From the graph: show the entity in the table, with its details (read by id if its row is not loaded)."""
        self.tabs.setCurrentIndex(0)
        if self.entity_filter.text():
            self._filter_timer.stop()
            self.entity_filter.blockSignals(True)
            self.entity_filter.clear()
            self.entity_filter.blockSignals(False)
            self.entity_model.reload(text="", on_loaded=lambda: self._select_row(entity_id))
            return
        self._select_row(entity_id)

    def _select_row(self, entity_id: int) -> None:
        row = self.entity_model.row_of(entity_id)
        if row is None:
            self.entities.selectionModel().clearSelection()
            self._load_detail(entity_id)
            return
        index = self.entity_model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.entities.selectionModel().select(index, flags)
        self.entities.scrollTo(index)

    def describe_report(self, report_id: int) -> None:
        title = self._titles.get(report_id)
        if title is not None:
            self.status.setText(f"#{report_id}: {_shown(title, 120)}")
        self.open_report.emit(report_id)

    def selected_entities(self) -> list[EntityLine]:
        return self.entities.selected()

    def _show_entity(self) -> None:
        chosen = self.selected_entities()
        if not chosen:
            self.detail = None
            self.details.clear()
            return
        self._load_detail(chosen[0].id)

    def _refilter_detail(self) -> None:
        """The filters changed: the entity shown is read again, its reports within them."""
        if self._detail_wanted is not None and self.detail is not None:
            self._load_detail(self._detail_wanted)

    def _load_detail(self, entity_id: int) -> None:
        """The entity's detail by id, on a worker; a later selection wins."""
        self._detail_wanted = entity_id
        session, scope, within = self.session, self._shown_scope or "", self.entity_model.reports
        self.run(lambda signals, cancel: fusion_tables.entity_detail(session, entity_id, scope, within),
                 on_success=lambda detail: self._show_detail(entity_id, detail))

    def _show_detail(self, entity_id: int, detail: EntityDetail | None) -> None:
        if entity_id != self._detail_wanted:
            return
        self.detail = detail
        if detail is None:
            self.details.setPlainText(self.tr("This entity is no longer in the fusion: press F5 to fuse again."))
            return
        e, seen = detail.line, detail.line.seen
        lines = [f"{_shown(e.name)} ({kind_name(e.kind)})", "",
                 self.tr("Aliases: %1").replace("%1", _shown(", ".join(e.aliases), 1000)),
                 self.tr("Agencies: %1").replace("%1", ", ".join(f"{a} ({n})" for a, n in seen.agencies.items())
                                                  + (self.tr(" — single source") if seen.single_source else "")),
                 self.tr("Gradings: %1").replace("%1", ", ".join(seen.gradings) or "-"),
                 self.tr("First seen %1, last seen %2").replace("%1", seen.first_seen or "-").replace(
                     "%2", seen.last_seen or "-"), "", self.tr("Reports:")]
        if isinstance(detail, fusion_tables.FilteredDetail):  # the cross-filter's reports only (Esc lifts it)
            lines.insert(-1, self.tr("%1 of its %2 reports are within the filters (Esc clears them).").replace(
                "%1", f"{detail.report_total:,}").replace("%2", f"{detail.every:,}"))
        lines += [f"  #{r.id} {r.day} {r.agency}: {_shown(r.title, 120)}" for r in detail.reports]
        if detail.report_total > len(detail.reports):
            lines.append(self.tr("  … and %1 more").replace("%1", str(detail.report_total - len(detail.reports))))
        if detail.mentions:
            lines += ["", self.tr("Mentions (report: as written, at characters):")]
            lines += [f"  #{r}: " + ", ".join(f"{_shown(s, 60)} {a}-{b}" for s, a, b in ms)
                      for r, ms in detail.mentions.items()]
        if detail.merges:
            lines += ["", self.tr("Why these were merged:")]
            lines += [f"  {_shown(' '.join(m['a'][1:]))} + {_shown(' '.join(m['b'][1:]))}: {_shown(m['why'])}"
                      for m in detail.merges[:50]]
        self.details.setPlainText("\n".join(lines))

    def _entity_menu(self, position: Any) -> None:
        count = len(self.selected_entities())
        menu = QMenu(self)
        self.merge_action.setEnabled(count >= 2)
        self.different_action.setEnabled(count == 2)
        self.split_action.setEnabled(count == 1)
        self.confirm_action.setEnabled(count == 1)
        menu.addActions([self.merge_action, self.different_action, self.split_action, self.confirm_action])
        menu.exec(self.entities.viewport().mapToGlobal(position))

    def _reason(self, title: str, question: str) -> str | None:
        reason, ok = QInputDialog.getText(self, title, question)
        return reason.strip() if ok else None

    def merge_selected(self) -> None:
        chosen = self.selected_entities()
        if len(chosen) < 2:
            self.banner.show_message(self.tr("Select two or more entities to merge."), "warning")
            return
        names = ", ".join(_shown(e.name, 60) for e in chosen)
        reason = self._reason(self.tr("Merge entities"), self.tr("Merge %1 into one entity? Why:").replace("%1", names))
        if reason is None:
            return
        ids, scope = [e.id for e in chosen], self.scope
        self.run(lambda signals, cancel: fusion.merge_entities(self.session, ids, reason, scope),
                 on_success=lambda _: self._judged(self.tr("Merged. The Judgements tab can undo it.")))

    def mark_different(self) -> None:
        chosen = self.selected_entities()
        if len(chosen) != 2:
            self.banner.show_message(self.tr("Select exactly two entities."), "warning")
            return
        reason = self._reason(self.tr("Different entities"), self.tr("Never merge %1 and %2? Why:").replace(
            "%1", _shown(chosen[0].name, 60)).replace("%2", _shown(chosen[1].name, 60)))
        if reason is None:
            return
        a, b, scope = chosen[0].id, chosen[1].id, self.scope
        self.run(lambda signals, cancel: fusion.mark_different(self.session, a, b, reason, scope),
                 on_success=lambda _: self._judged(self.tr("Recorded: they will be kept apart.")))

    def split_selected(self) -> None:
        chosen = self.selected_entities()
        if len(chosen) != 1:
            self.banner.show_message(self.tr("Select one entity to split."), "warning")
            return
        entity = chosen[0]
        text, ok = QInputDialog.getText(self, self.tr("Split entity"), self.tr(
            "Which of its reports are about someone or something else? Report numbers (%1):").replace(
            "%1", ", ".join(str(r.id) for r in (self.detail.reports[:40] if self.detail is not None
                                                 and self.detail.line.id == entity.id else []))))
        if not ok:
            return
        try:
            reports = sorted({int(x) for x in text.replace(",", " ").split()})
        except ValueError:
            self.banner.show_message(self.tr("Report numbers are whole numbers, separated by commas."), "error")
            return
        reason = self._reason(self.tr("Split entity"), self.tr("Why are they different?"))
        if reason is None:
            return
        scope = self.scope
        self.run(lambda signals, cancel: fusion.split_entity(self.session, entity.id, reports, reason, scope),
                 on_success=lambda _: self._judged(self.tr("Split recorded.")))

    def confirm_selected(self) -> None:
        chosen = self.selected_entities()
        if len(chosen) != 1:
            self.banner.show_message(self.tr("Select one entity to confirm."), "warning")
            return
        reason = self._reason(self.tr("Confirm entity"), self.tr(
            "Its names stay one entity through every re-fusion. Why is it right? (optional)"))
        if reason is None:
            return
        entity, scope = chosen[0], self.scope
        self.run(lambda signals, cancel: fusion.confirm_entity(self.session, entity.id, reason, scope),
                 on_success=lambda _: self._judged(self.tr("Confirmation recorded.")))

    def _judged(self, message: str) -> None:
        self.banner.show_message(message, "success")
        self.fuse()
