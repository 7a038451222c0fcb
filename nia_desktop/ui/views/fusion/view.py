"""The Fusion workspace of a case (analyst): entities, corroboration, near-duplicates, assessments.

Fusion runs on a worker; the tables are lazy models, so a vault of ten
thousand reports fills them without stalling the UI thread. Merge, split
and "different" are judgements: each asks for a reason, is recorded and
audited by the service, and fusion runs again to show its effect.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
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
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from nia_desktop.core.classification import Level
from nia_desktop.core.display import escape_untrusted
from nia_desktop.core.gc_pause import paused_gc
from nia_desktop.services import fusion
from nia_desktop.services.fusion import EntityRow, Workspace
from nia_desktop.services.session import Session
from nia_desktop.ui.models.prepared import PreparedModel, prepare
from nia_desktop.ui.theme import named
from nia_desktop.ui.views.base import View
from nia_desktop.ui.views.fusion.assessments_panel import AssessmentsPanel
from nia_desktop.ui.views.fusion.case_panel import CasePanel
from nia_desktop.ui.views.fusion.duplicates_panel import DuplicatesPanel
from nia_desktop.ui.views.fusion.graph import LinkGraph, layout
from nia_desktop.ui.views.fusion.prepared import Prepared, timeline_marks
from nia_desktop.ui.views.fusion.timeline import Timeline
from nia_desktop.ui.widgets.big_table import BigTable


def _shown(text: str, limit: int = 200) -> str:
    return escape_untrusted(text, limit)


class FusionView(View):
    """Signals:
    open_report(int): the analyst clicked a report in the graph or the timeline.
    """

    key = "fusion"
    open_report = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("Fusion"), parent)
        self.workspace: Workspace | None = None
        self.case = QComboBox()
        self.case.setAccessibleName(self.tr("Case"))
        self.case.setToolTip(self.tr("Fuse every report, or one case's"))
        self.run_button = named(QPushButton(self.tr("Fuse")), "primary")
        self.run_button.setShortcut(QKeySequence("F5"))
        self.run_button.setToolTip(self.tr("Run fusion again (F5)"))
        self.status = QLabel(self.tr("Not fused yet in this session."))
        self.status.setAccessibleName(self.tr("Fusion status"))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Case:")))
        bar.addWidget(self.case, 1)
        bar.addWidget(self.status, 2)
        bar.addWidget(self.run_button)
        self.layout_.addLayout(bar)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._entities_tab(), self.tr("Entities"))
        self.tabs.addTab(self._corroboration_tab(), self.tr("Corroboration"))
        self.graph = LinkGraph(self.select_entity, self.describe_report)
        self.tabs.addTab(self.graph, self.tr("Link graph"))
        self.timeline = Timeline(self.describe_report)
        self.tabs.addTab(self.timeline, self.tr("Timeline"))
        self.duplicates = DuplicatesPanel(self)
        self.tabs.addTab(self.duplicates, self.tr("Near-duplicates"))
        self.case_panel = CasePanel(self)
        self.tabs.addTab(self.case_panel, self.tr("Case"))
        self.assessments = AssessmentsPanel(self)
        self.tabs.addTab(self.assessments, self.tr("Assessments"))
        self.tabs.addTab(self._judgements_tab(), self.tr("Judgements"))
        self.layout_.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(lambda _: self._draw_current_tab())
        self.run_button.clicked.connect(lambda: self.fuse())
        self.case.currentIndexChanged.connect(lambda _: self.fuse())
        self._shown_once = False
        self._fusing = False
        self._prepared: Prepared | None = None
        self._drawn: set[QWidget] = set()
        self._since = 0  # reports imported and fused in since the last full fusion
        self._wanted_case = ""

    def showEvent(self, event: Any) -> None:
        """Fusion is heavy: it first runs when the analyst opens the view, not at every unlock."""
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.refresh()

    # -- building ----------------------------------------------------------
    def _entities_tab(self) -> QWidget:
        self.entity_model: PreparedModel[EntityRow] = PreparedModel(self)
        self.entities = BigTable(self.entity_model, self)
        self.entities.setAccessibleName(self.tr("Entities"))
        self.entities.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.entities.customContextMenuRequested.connect(self._entity_menu)
        self.entities.selectionModel().selectionChanged.connect(lambda *_: self._show_entity())
        self.entity_filter = QLineEdit(placeholderText=self.tr("Filter: name, alias, kind, agency…"))
        self.entity_filter.setAccessibleName(self.tr("Filter entities"))
        self.entity_filter.textChanged.connect(self.entities.set_filter_text)
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
        self.matrix_model: PreparedModel[EntityRow] = PreparedModel(self)
        self.matrix = BigTable(self.matrix_model, self)
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
            text = self.tr("#%1 %2 by %3 at %4: %5").replace("%1", str(j["id"])).replace("%2", j["verdict"]).replace(
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
        self.fuse()

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

    def fuse(self, grown: bool = False) -> None:
        """Fuse and show (F5); ``grown``: show the fusion as imports have grown it, without fusing again."""
        if self._fusing:
            return
        if not grown:
            self._since = 0
        scope = self.scope
        self._fusing = True
        self.run_button.setEnabled(False)
        self.status.setText(self.tr("Fusing…"))
        entity_columns, matrix_columns = self._entity_columns(), self._matrix_columns

        def work(signals: object, cancel: object) -> Prepared:
            """Fuse, then compute every table cell and the graph's layout here, off the UI thread."""
            with paused_gc():
                return tables(fusion.fusion_workspace(self.session, scope, grown))

        def tables(space: Workspace) -> Prepared:
            facts = space.reports
            by_reports = sorted(space.entities, key=lambda e: -len(e.reports))  # what the tables open sorted by
            return Prepared(
                space, prepare(entity_columns, by_reports),
                prepare(matrix_columns(space.agencies),
                        sorted((e for e in by_reports if len(e.reports) > 1), key=lambda e: -len(e.seen.agencies))),
                layout([(e.id, e.name, e.kind, e.reports) for e in space.entities],
                       {r: f.title for r, f in facts.items()}),
                timeline_marks(space))

        self.run(work, on_success=self._show, on_finished=self._fused)
        self.assessments.load(scope)
        self.case_panel.load(scope)
        self.run(lambda signals, cancel: fusion.judgement_log(self.session), on_success=self._show_judgements)

    def _fused(self) -> None:
        self._fusing = False
        self.run_button.setEnabled(True)

    def _entity_columns(self) -> list[tuple[str, Any]]:
        single = self.tr("single source")
        return [
            (self.tr("Kind"), lambda e: e.kind),
            (self.tr("Name"), lambda e: _shown(e.name)),
            (self.tr("Reports"), lambda e: len(e.reports)),
            (self.tr("Mentions"), lambda e: e.mentions),
            (self.tr("Agencies"), lambda e: ", ".join(e.seen.agencies)),
            (self.tr("Sources"), lambda e: single if e.seen.single_source else len(e.seen.agencies)),
            (self.tr("Aliases"), lambda e: _shown(", ".join(e.aliases), 300)),
        ]

    def _matrix_columns(self, agencies: list[str]) -> list[tuple[str, Any]]:
        columns: list[tuple[str, Any]] = [(self.tr("Entity"), lambda e: _shown(e.name)),
                                          (self.tr("Kind"), lambda e: e.kind)]
        for agency in agencies:
            columns.append((agency, lambda e, a=agency: e.seen.agencies.get(a, 0)))
        columns.append((self.tr("Independent agencies"), lambda e: len(e.seen.agencies)))
        columns.append((self.tr("Gradings"), lambda e: ", ".join(e.seen.gradings)))
        columns.append((self.tr("First seen"), lambda e: e.seen.first_seen))
        columns.append((self.tr("Last seen"), lambda e: e.seen.last_seen))
        return columns

    def _show(self, prepared: Prepared) -> None:
        """Only hand-over here: every cell, mark and position was computed on the worker."""
        workspace = prepared.workspace
        self.workspace = workspace
        result = workspace.result
        self.entity_model.set_prepared(prepared.entities, (2, Qt.SortOrder.DescendingOrder))
        self.entities.show_sorted(2, Qt.SortOrder.DescendingOrder)
        for column, width in enumerate((110, 230, 70, 80, 150, 100)):
            self.entities.setColumnWidth(column, width)
        independent = len(prepared.matrix.headers) - 4
        self.matrix_model.set_prepared(prepared.matrix, (independent, Qt.SortOrder.DescendingOrder))
        self.matrix.show_sorted(independent, Qt.SortOrder.DescendingOrder)
        self.duplicates.show_groups(workspace)
        self._drawn.clear()  # the graph and timeline are drawn when first shown
        self._prepared = prepared
        self._draw_current_tab()
        status = self.tr("%1 entities, %2 linked report pairs, %3 near-duplicate groups").replace(
            "%1", str(len(result.entities))).replace("%2", str(len(result.links))).replace(
            "%3", str(len(result.duplicates)))
        if self._since:
            status += self.tr(" (with %1 reports imported since, fused as they arrived; F5 fuses all again)").replace(
                "%1", str(self._since))
        self.status.setText(status)
        self.classification_changed.emit(self.classification())

    def _draw_current_tab(self) -> None:
        """Draw the graph or the timeline for the latest result when its tab is shown, once: each is tens
        of milliseconds of UI-thread work, better spent when the analyst asks for it than all at once."""
        prepared, tab = self._prepared, self.tabs.currentWidget()
        if prepared is None or tab in self._drawn:
            return
        if tab is self.graph:
            self.graph.show_layout(prepared.layout)
        elif tab is self.timeline:
            self.timeline.show_marks(prepared.marks)
        self._drawn.add(tab)

    def classification(self) -> Level:
        if self.workspace is None or not self.workspace.reports:
            return Level.UNCLASSIFIED
        reports = {r for e in self.workspace.entities for r in e.reports}
        return max((Level(self.workspace.reports[r].classification) for r in reports if r in self.workspace.reports),
                   default=Level.UNCLASSIFIED)

    # -- entities ----------------------------------------------------------
    def select_entity(self, entity_id: int) -> None:
        """From the graph: show the entity in the table, with its details."""
        self.entity_filter.clear()
        for row in range(self.entity_model.rowCount()):
            if self.entity_model.row_at(self.entity_model.index(row, 0)).id == entity_id:
                self.tabs.setCurrentIndex(0)
                index = self.entity_model.index(row, 0)
                flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
                self.entities.selectionModel().select(index, flags)
                self.entities.scrollTo(index)
                return

    def describe_report(self, report_id: int) -> None:
        fact = self.workspace.reports.get(report_id) if self.workspace else None
        if fact is not None:
            self.status.setText(f"#{report_id} {fact.date} {fact.agency}: {_shown(fact.title, 120)}")
        self.open_report.emit(report_id)

    def selected_entities(self) -> list[EntityRow]:
        return self.entities.selected()

    def _show_entity(self) -> None:
        chosen = self.selected_entities()
        if not chosen or self.workspace is None:
            self.details.clear()
            return
        e = chosen[0]
        facts = self.workspace.reports
        lines = [f"{_shown(e.name)} ({e.kind})", "",
                 self.tr("Aliases: %1").replace("%1", _shown(", ".join(e.aliases), 1000)),
                 self.tr("Agencies: %1").replace("%1", ", ".join(f"{a} ({n})" for a, n in e.seen.agencies.items())
                                                  + (self.tr(" — single source") if e.seen.single_source else "")),
                 self.tr("Gradings: %1").replace("%1", ", ".join(e.seen.gradings) or "-"),
                 self.tr("First seen %1, last seen %2").replace("%1", e.seen.first_seen or "-").replace(
                     "%2", e.seen.last_seen or "-"), "", self.tr("Reports:")]
        lines += [f"  #{r} {facts[r].date} {facts[r].agency}: {_shown(facts[r].title, 120)}" for r in e.reports
                  if r in facts]
        mentions = self.workspace.result.mentions
        found = [(r, [m for m, owner in mentions.get(r, ()) if owner == e.id]) for r in e.reports[:30]]
        if any(ms for _, ms in found):
            lines += ["", self.tr("Mentions (report: as written, at characters):")]
            lines += [f"  #{r}: " + ", ".join(f"{_shown(m.surface, 60)} {m.start}-{m.end}" for m in ms[:8])
                      for r, ms in found if ms]
        entity = next((x for x in self.workspace.result.entities if x.id == e.id), None)
        if entity is not None and entity.merges:
            lines += ["", self.tr("Why these were merged:")]
            lines += [f"  {_shown(' '.join(m['a'][1:]))} + {_shown(' '.join(m['b'][1:]))}: {_shown(m['why'])}"
                      for m in entity.merges[:50]]
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
            "%1", ", ".join(map(str, entity.reports[:40]))))
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
