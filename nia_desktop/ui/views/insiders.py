"""Insider watch (officer): flagged days on top in their severity's colour, each user's figures below, and the
audit entries a selected item rests on, one click from the Audit view.

Everything comes from services/insiders.py on workers: the view never touches the database. What it shows is
what the service gives an officer: user names, days, hours, counts, actions, audit numbers and report ids;
never a report's title or text (the service blanks an entry's free-text object too).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from nia_desktop.core.display import escape_untrusted
from nia_desktop.core.insiders import JST, Basis, Finding, Kind, Severity, UserSummary, Watch, hours_text
from nia_desktop.services import insiders
from nia_desktop.services.insiders import EntryLine
from nia_desktop.services.session import Session
from nia_desktop.ui.theme import named
from nia_desktop.ui.views.audit import AuditView
from nia_desktop.ui.views.base import View
from nia_desktop.ui.views.compartments import StyledRows
from nia_desktop.ui.widgets.table_view import FilterTable

# background, text: high is the SECRET banner's red, medium the warning banner's amber, low plain grey text.
SEVERITY_COLOURS = {Severity.HIGH: ("#c8102e", "#ffffff"), Severity.MEDIUM: ("#ffe0a3", "#5c3300"),
                    Severity.LOW: ("", "#6b6b6b")}


def kind_label(kind: Kind) -> str:
    translate = QCoreApplication.translate
    return {Kind.READS: translate("Insiders", "reads"),
            Kind.OUTSIDE_CASES: translate("Insiders", "reads outside their cases"),
            Kind.REACH: translate("Insiders", "reports shown in search results"),
            Kind.REFUSED: translate("Insiders", "refused attempts"),
            Kind.EXPORTS: translate("Insiders", "exports and releases"),
            Kind.OFF_HOURS: translate("Insiders", "activity at unusual hours")}[kind]


def basis_text(finding: Finding) -> str:
    """Which usual the item was judged against, in a sentence."""
    translate = QCoreApplication.translate
    if finding.basis is Basis.AGENCY:
        return translate("Insiders", "Only %1 earlier active days: judged against the agency's usual day.").replace(
            "%1", str(finding.history_days))
    if finding.basis is Basis.ESTABLISHED:
        return translate("Insiders", "Judged against their established usual (their active days over the last 90 "
                                     "days), lower than their recent one: their days have been rising.")
    if finding.basis is Basis.CEILING:
        return translate("Insiders", "Above twenty times the agency's usual day: flagged whatever their own "
                                     "usual.")
    return translate("Insiders", "Judged against their last %1 active days.").replace(
        "%1", str(finding.history_days))


def severity_label(severity: Severity) -> str:
    translate = QCoreApplication.translate
    return {Severity.HIGH: translate("Insiders", "HIGH"), Severity.MEDIUM: translate("Insiders", "MEDIUM"),
            Severity.LOW: translate("Insiders", "noted")}[severity]


def jst_time(ts: str) -> str:
    """A stored UTC timestamp as Japan time, to the second."""
    try:
        moment = datetime.strptime(ts, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    except ValueError:
        return ts[:19]
    return moment.astimezone(JST).strftime("%Y-%m-%d %H:%M:%S")


def select_in_audit(audit: AuditView, seqs: list[int]) -> None:
    """Select the entries numbered ``seqs`` in the Audit view (filters cleared), scrolled to the first. Entries
    newer than the view's last load are fetched first (its refresh runs on a worker)."""
    wanted = set(seqs)
    if wanted <= {entry.seq for entry in audit.model.rows}:
        _select(audit, wanted)
        return
    # Once, after the reload. (No nested function here: Qt's lupdate then loses the classes below, and their
    # strings would go untranslated.)
    audit.model.modelReset.connect(partial(_select, audit, wanted), Qt.ConnectionType.SingleShotConnection)
    audit.refresh()


def _select(audit: AuditView, wanted: set[int]) -> None:
    audit.filter.clear()
    audit.outcome.setCurrentIndex(0)
    proxy, table = audit.table.proxy, audit.table
    selection = QItemSelection()
    first = None
    for row, entry in enumerate(audit.model.rows):
        if entry.seq in wanted:
            index = proxy.mapFromSource(audit.model.index(row, 0))
            selection.select(index, index)
            if first is None or index.row() < first.row():
                first = index
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    table.selectionModel().select(selection, flags)
    if first is not None:
        table.scrollTo(first, QAbstractItemView.ScrollHint.PositionAtTop)


class InsidersView(View):
    """Signals:
    show_in_audit(list): the audit entry numbers to select in the Audit view.
    """

    key = "insiders"
    show_in_audit = Signal(list)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("Insider watch"), parent)
        self.result: Watch | None = None
        self.entries: list[EntryLine] = []
        self._wanted: tuple[int, ...] = ()
        help_text = QLabel(self.tr(
            "Each user's days against their own usual: reads, reads outside their cases (as they stood when "
            "read), reports shown to them in search results, refused attempts (need to know among them), exports "
            "and releases, and activity at hours they do not usually work, in Japan time. A day is flagged at six "
            "times its usual, recent or established (so creeping up day by day is caught), far outside its usual "
            "spread, or at twenty times the agency's usual day; never for small numbers. Select an item to list "
            "the audit entries it rests on. Nothing a report says is shown here."))
        help_text.setWordWrap(True)
        help_text.setTextFormat(Qt.TextFormat.PlainText)
        self.days = QSpinBox()
        self.days.setRange(1, insiders.MAX_DAYS)
        self.days.setValue(30)
        self.days.setAccessibleName(self.tr("Days to judge"))
        self.days.setToolTip(self.tr("How many days up to today (Japan time) to judge; each day is compared with "
                                     "the user's own earlier days"))
        days_label = QLabel(self.tr("&Days:"))
        days_label.setBuddy(self.days)
        self.refresh_button = named(QPushButton(self.tr("Refresh")), "primary")
        self.refresh_button.setShortcut(QKeySequence("F5"))
        self.refresh_button.setToolTip(self.tr("Read the audit log again (F5)"))
        self.refresh_button.clicked.connect(self.refresh)
        self.days.editingFinished.connect(self._days_changed)
        self.summary = QLabel()
        self.summary.setAccessibleName(self.tr("Insider watch summary"))
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        bar = QHBoxLayout()
        bar.addWidget(days_label)
        bar.addWidget(self.days)
        bar.addWidget(self.refresh_button)
        bar.addSpacing(12)
        bar.addWidget(self.summary, 1)

        self.findings_model = StyledRows([
            (self.tr("Severity"), lambda f: severity_label(f.severity)),
            (self.tr("User"), lambda f: escape_untrusted(f.user, 64)),
            (self.tr("Role"), lambda f: f.role),
            (self.tr("Day (JST)"), lambda f: f.day.isoformat()),
            (self.tr("What"), lambda f: kind_label(f.kind)),
            (self.tr("Count"), lambda f: f.value),
            (self.tr("Usual"), lambda f: round(f.usual, 1)),
            (self.tr("× usual"), lambda f: "" if f.ratio is None else f"{f.ratio:.1f}"),
            (self.tr("Flagged from"), lambda f: round(f.threshold, 1)),
            (self.tr("Entries"), lambda f: f.seq_count),
        ], self, tooltip=self._finding_tooltip, colours=lambda f: SEVERITY_COLOURS[f.severity])
        self.findings_table = FilterTable(self.findings_model, self)
        self.findings_table.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.findings_table.setSortingEnabled(False)  # the service's order: flagged first, by severity
        self.findings_table.proxy.sort(-1)
        self.findings_table.setAccessibleName(self.tr("Flagged and noted items"))
        self.findings_table.selectionModel().selectionChanged.connect(self._finding_selected)
        self.findings_table.doubleClicked.connect(lambda _index: self.open_in_audit())

        self.entries_model = StyledRows([
            (self.tr("#"), lambda e: e.seq),
            (self.tr("Time (JST)"), lambda e: jst_time(e.ts)),
            (self.tr("Action"), lambda e: e.action),
            (self.tr("Object"), lambda e: escape_untrusted(e.object, 120) or self.tr("(in the audit log)")),
            (self.tr("Outcome"), lambda e: e.outcome),
        ], self)
        self.entries_table = FilterTable(self.entries_model, self)
        self.entries_table.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.entries_table.setAccessibleName(self.tr("Audit entries of the selected item"))
        self.entries_table.doubleClicked.connect(lambda _index: self.open_in_audit())
        self.entries_label = QLabel(self.tr("Select an item to list its audit entries."))
        self.entries_label.setWordWrap(True)
        self.entries_label.setTextFormat(Qt.TextFormat.PlainText)
        self.audit_button = QPushButton(self.tr("Show in audit log"))
        self.audit_button.setToolTip(self.tr("Select these entries in the Audit view (Ctrl+Shift+A, or "
                                             "double-click the item)"))
        self.audit_button.setEnabled(False)
        self.audit_button.clicked.connect(self.open_in_audit)
        QShortcut(QKeySequence("Ctrl+Shift+A"), self, self.open_in_audit)
        entries_box = QWidget()
        entries_layout = QVBoxLayout(entries_box)
        entries_layout.setContentsMargins(8, 0, 0, 0)
        entries_layout.addWidget(self.entries_label)
        entries_layout.addWidget(self.entries_table, 1)
        entries_layout.addWidget(self.audit_button, 0, Qt.AlignmentFlag.AlignRight)

        self.users_model = StyledRows([
            (self.tr("User"), lambda u: escape_untrusted(u.user, 64)),
            (self.tr("Role"), lambda u: u.role),
            (self.tr("Active days"), lambda u: u.active_days),
            (self.tr("Reads a day"), lambda u: round(u.reads_per_day, 1)),
            (self.tr("Usual reads"), lambda u: round(u.usual_reads, 1)),
            (self.tr("Busiest day"), self._busiest),
            (self.tr("Outside cases"), lambda u: u.outside_cases),
            (self.tr("Search reach"), lambda u: u.reach),
            (self.tr("Refused"), lambda u: u.refused),
            (self.tr("Need to know"), lambda u: u.need_to_know),
            (self.tr("Exports"), lambda u: u.exports),
            (self.tr("Unusual hours"), lambda u: u.off_hours),
            (self.tr("Usual hours"), lambda u: hours_text(u.usual_hours)),
            (self.tr("Flagged"), lambda u: u.flagged),
        ], self, tooltip=self._user_tooltip,
            colours=lambda u: SEVERITY_COLOURS[Severity.MEDIUM] if u.flagged else None)
        self.users_table = FilterTable(self.users_model, self)
        self.users_table.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.users_table.setAccessibleName(self.tr("Users over the window"))

        top = QSplitter()
        top.addWidget(self.findings_table)
        top.addWidget(entries_box)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self.users_table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.layout_.addWidget(help_text)
        self.layout_.addLayout(bar)
        self.layout_.addWidget(split, 1)

    def showEvent(self, event: QShowEvent) -> None:
        """The first look reads the log (not every officer's unlock: the reading is audited and takes a pass)."""
        super().showEvent(event)
        if self.result is None and not self.busy:
            self.refresh()

    # -- loading ----------------------------------------------------------
    def refresh(self) -> None:
        """Judge the last N days on a worker (the whole window is read in one pass)."""
        if not self.refresh_button.isEnabled():
            return
        session, days = self.session, self.days.value()
        self.refresh_button.setEnabled(False)
        self.summary.setText(self.tr("Reading the audit log…"))

        def work(signals, cancel):  # type: ignore[no-untyped-def]
            return insiders.watch(session, days, progress=lambda d, t, m: signals.progress.emit(d, t, m),
                                  cancel=cancel)

        self.run(work, on_success=self._loaded, on_progress=self._progress,
                 on_finished=lambda: self.refresh_button.setEnabled(True))

    def _days_changed(self) -> None:
        if self.result is None or self.result.window.days != self.days.value():
            self.refresh()

    def _progress(self, done: int, total: int, message: str) -> None:
        self.summary.setText(self.tr("Reading the audit log… %1 of %2 entries").replace("%1", str(done))
                             .replace("%2", str(total)))

    def _loaded(self, result: Watch) -> None:
        self.result = result
        self.findings_model.set_rows(list(result.findings))
        self.users_model.set_rows(list(result.users))
        self.findings_table.resizeColumnsToContents()
        self.users_table.resizeColumnsToContents()
        window = result.window
        self.summary.setText(self.tr("%1 to %2 (JST): %3 flagged, %4 noted, %5 users").replace(
            "%1", window.start.isoformat()).replace("%2", window.end.isoformat()).replace(
            "%3", str(len(result.flagged))).replace("%4", str(len(result.noted))).replace(
            "%5", str(len(result.users))))
        self._show_entries([])
        self.entries_label.setText(self.tr("Select an item to list its audit entries.") if result.findings
                                   else self.tr("Nothing stands out in these days."))
        if result.flagged:
            self.findings_table.selectRow(0)

    # -- the selected item's entries ---------------------------------------
    def selected_finding(self) -> Finding | None:
        found = self.findings_table.selected_row()
        return found if isinstance(found, Finding) else None

    def _finding_selected(self) -> None:
        finding = self.selected_finding()
        self.audit_button.setEnabled(finding is not None)
        if finding is None:
            self._show_entries([])
            return
        self._wanted = finding.seqs
        self.entries_label.setText(self._entries_text(finding))
        session, seqs = self.session, list(finding.seqs)

        def shown(lines: list[EntryLine]) -> None:
            if self._wanted == tuple(seqs):  # the selection may have moved on meanwhile
                self._show_entries(lines)

        self.run(lambda s, c: insiders.entries(session, seqs), on_success=shown)

    def _show_entries(self, lines: list[EntryLine]) -> None:
        self.entries = lines
        self.entries_model.set_rows(lines)
        self.entries_table.resizeColumnsToContents()

    def _entries_text(self, finding: Finding) -> str:
        text = self.tr("%1, %2: %3 %4 against a usual %5. Audit entries: %6.").replace(
            "%1", escape_untrusted(finding.user, 64)).replace("%2", finding.day.isoformat()).replace(
            "%3", str(finding.value)).replace("%4", kind_label(finding.kind)).replace(
            "%5", f"{finding.usual:g}").replace("%6", str(finding.seq_count))
        if finding.seq_count > len(finding.seqs):
            text += " " + self.tr("The first %1 are listed.").replace("%1", str(len(finding.seqs)))
        return text

    def open_in_audit(self) -> None:
        """Ask the workspace to show the selected item's entries in the Audit view."""
        finding = self.selected_finding()
        if finding is not None:
            self.show_in_audit.emit(list(finding.seqs))

    # -- texts ------------------------------------------------------------
    def _finding_tooltip(self, finding: Finding) -> str:
        lines = [self.tr("Flagged at %1 or more: the highest of the floor, six times usual and usual plus six "
                         "spreads.").replace("%1", f"{finding.threshold:g}"), basis_text(finding)]
        if finding.hours:
            lines.append(self.tr("Active at %1; usual hours %2.").replace("%1", hours_text(finding.hours))
                         .replace("%2", hours_text(finding.usual_hours)))
        if finding.reports:
            more = "…" if finding.value > len(finding.reports) else ""
            lines.append(self.tr("Reports: %1").replace("%1", ", ".join(map(str, finding.reports[:30])) + more))
        return "\n".join(lines)

    def _user_tooltip(self, user: UserSummary) -> str:
        return self.tr("Reads per day over the window: %1").replace("%1", ", ".join(
            f"{day.strftime('%m-%d')} {n}" for day, n in user.daily_reads[-31:]))

    def _busiest(self, user: UserSummary) -> str:
        if user.busiest_day is None:
            return ""
        return self.tr("%1 on %2").replace("%1", str(user.busiest_reads)).replace("%2",
                                                                                  user.busiest_day.isoformat())


def connect_to_audit(view: InsidersView, audit: AuditView, show: Callable[[str], Any]) -> None:
    """The workspace's hook: "Show in audit log" switches to the Audit view and selects the entries."""
    def go(seqs: list[int]) -> None:
        show(audit.key)
        select_in_audit(audit, seqs)

    view.show_in_audit.connect(go)
