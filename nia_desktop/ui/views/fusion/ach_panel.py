"""A case's analysis of competing hypotheses in the Fusion view: the matrix, keyboard first.

Evidence items are rows (each with its portion mark), hypotheses columns (their inconsistency score and rank in
the header), the last column each item's diagnosticity. Arrow keys move; C sets consistent, I inconsistent, N
not applicable, Shift+C and Shift+I the strong forms (CC, II). Every read and change runs on a worker
(services/ach.py), the matrix is read again after each change, and the cursor stays on its cell. Below it,
sensitivity: the items whose absence would change a ranking.

Each hypothesis carries its author's portion mark, shown before its words ("(S) H3"). A new one is marked with
the level and caveats chosen beside its field: offered as the author's clearance with every compartment and
control of the case's reports they may read (services/ach.suggested_marking: the highest they may have drawn
on), never higher than they may read. Ctrl+Shift+M re-marks the current column's hypothesis with them, after
asking why. A hypothesis the user may not read is not shown at all (the service leaves it out).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nia_desktop.core.ach import Rating
from nia_desktop.core.classification import Level
from nia_desktop.core.display import escape_untrusted
from nia_desktop.services import ach

if TYPE_CHECKING:
    from nia_desktop.core.markings import Marking
    from nia_desktop.services.ach import Matrix, Sensitivity
    from nia_desktop.ui.views.fusion.view import FusionView

# Key (with or without Shift) -> the rating it sets.
KEYS: dict[tuple[int, bool], Rating] = {
    (Qt.Key.Key_C.value, False): Rating.CONSISTENT, (Qt.Key.Key_C.value, True): Rating.VERY_CONSISTENT,
    (Qt.Key.Key_I.value, False): Rating.INCONSISTENT, (Qt.Key.Key_I.value, True): Rating.VERY_INCONSISTENT,
    (Qt.Key.Key_N.value, False): Rating.NOT_APPLICABLE, (Qt.Key.Key_N.value, True): Rating.NOT_APPLICABLE,
}
SHOWN = {Rating.VERY_CONSISTENT: "CC", Rating.CONSISTENT: "C", Rating.NOT_APPLICABLE: "N/A",
         Rating.INCONSISTENT: "I", Rating.VERY_INCONSISTENT: "II"}


class MatrixTable(QTableWidget):
    """A table that turns C, I and N into ratings of the current cell (never an editor)."""

    rated = Signal(int, int, str)  # row, column, rating value
    withdrawing = Signal(bool)  # True: the current column's hypothesis (Shift+Delete); False: the row's item

    def keyPressEvent(self, event: QKeyEvent) -> None:
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        rating = KEYS.get((event.key(), shift))
        other = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
        if rating is not None and not other and self.currentRow() >= 0 and self.currentColumn() >= 0:
            self.rated.emit(self.currentRow(), self.currentColumn(), rating.value)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Delete and not other:
            self.withdrawing.emit(shift)
            event.accept()
            return
        super().keyPressEvent(event)


class AchPanel(QWidget):
    """Works through its view: the view's session, worker tasks, banner and chosen case."""

    def __init__(self, view: FusionView) -> None:
        super().__init__()
        self.view = view
        self.found: Matrix | None = None
        self.offered_for = ""  # the case whose suggested marking the level and caveats fields were set to
        self.hint = QLabel(self.tr("Choose a case above to weigh hypotheses against its evidence."))
        self.hint.setWordWrap(True)
        self.hypothesis = QLineEdit(placeholderText=self.tr("A hypothesis, e.g. the courier works for ZORIN"))
        self.hypothesis.setAccessibleName(self.tr("New hypothesis"))
        self.add_hypothesis_button = QPushButton(self.tr("Add hypothesis"))
        self.add_hypothesis_button.setToolTip(self.tr("Add the hypothesis to this case (Ctrl+Shift+H)"))
        self.level = QComboBox()
        self.level.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # "TOP SECRET / 極秘" whole
        self.level.setAccessibleName(self.tr("Classification of the hypothesis"))
        self.level.setToolTip(self.tr(
            "The hypothesis' classification. Offered as your clearance, the highest you may have drawn on: the "
            "case's highest report level would be lower whenever you know more than the case holds, and a "
            "reader cleared below what you drew on must not read it. Lower it only when its words rest on "
            "nothing above the level you choose. Never above your clearance."))
        self.caveats = QLineEdit(placeholderText=self.tr("Caveats, e.g. ORCON//REL TO USA"))
        self.caveats.setAccessibleName(self.tr("Caveats of the hypothesis"))
        self.caveats.setToolTip(self.tr(
            "Its caveats, separated by //. Offered as every compartment and control of the case's reports you "
            "may read; a compartment only if you hold it."))
        self.remark_button = QPushButton(self.tr("Re-mark"))
        self.remark_button.setToolTip(self.tr(
            "Give the current column's hypothesis the classification and caveats chosen here, after saying why "
            "(Ctrl+Shift+M; its author or an officer)"))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Report"), "report")
        self.kind.addItem(self.tr("Assessment"), "assessment")
        self.kind.setAccessibleName(self.tr("Kind of evidence"))
        self.source = QLineEdit(placeholderText=self.tr("Its number, e.g. 12"))
        self.source.setAccessibleName(self.tr("Number of the report or assessment"))
        self.add_evidence_button = QPushButton(self.tr("Add evidence"))
        self.add_evidence_button.setToolTip(self.tr("Add the report or assessment as evidence (Ctrl+Shift+E)"))
        self.table = MatrixTable(0, 0)
        self.table.setAccessibleName(self.tr("ACH matrix: evidence by hypothesis; C, I, N rate the cell"))
        self.table.setToolTip(self.tr("Arrow keys move. C consistent, Shift+C very consistent, I inconsistent, "
                                      "Shift+I very inconsistent, N not applicable. Delete withdraws the row's "
                                      "item, Shift+Delete the column's hypothesis."))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(False)
        self.summary = QLabel()
        self.summary.setAccessibleName(self.tr("Scores"))
        self.summary.setWordWrap(True)
        self.sensitivity = QListWidget()
        self.sensitivity.setAccessibleName(self.tr("Sensitivity: what each item's absence changes"))
        self.sensitivity.setMaximumHeight(110)
        adding = QHBoxLayout()
        adding.addWidget(self.hypothesis, 2)
        adding.addWidget(self.level)
        adding.addWidget(self.caveats, 1)
        adding.addWidget(self.add_hypothesis_button)
        adding.addWidget(self.remark_button)
        adding.addWidget(self.kind)
        adding.addWidget(self.source, 1)
        adding.addWidget(self.add_evidence_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.hint)
        column.addLayout(adding)
        column.addWidget(self.table, 1)
        column.addWidget(self.summary)
        column.addWidget(QLabel(self.tr("Sensitivity (drop one item):")))
        column.addWidget(self.sensitivity)
        self.setTabOrder(self.table, self.hypothesis)
        self.setTabOrder(self.hypothesis, self.level)
        self.setTabOrder(self.level, self.caveats)
        self.setTabOrder(self.caveats, self.add_hypothesis_button)
        self.setTabOrder(self.add_hypothesis_button, self.remark_button)
        self.setTabOrder(self.remark_button, self.kind)
        self.setTabOrder(self.kind, self.source)
        self.setTabOrder(self.source, self.add_evidence_button)
        self.add_hypothesis_button.clicked.connect(self.add_hypothesis)
        self.hypothesis.returnPressed.connect(self.add_hypothesis)
        self.remark_button.clicked.connect(self.remark_current)
        # QShortcuts, live while the tab is shown (a button's own shortcut did not reach this tab's buttons).
        QShortcut(QKeySequence("Ctrl+Shift+H"), self, self.add_hypothesis)
        QShortcut(QKeySequence("Ctrl+Shift+E"), self, self.add_evidence)
        QShortcut(QKeySequence("Ctrl+Shift+M"), self, self.remark_current)
        self.add_evidence_button.clicked.connect(self.add_evidence)
        self.source.returnPressed.connect(self.add_evidence)
        self.table.rated.connect(self.rate)
        self.table.withdrawing.connect(self.withdraw_current)
        self._enable(False)

    def _enable(self, on: bool) -> None:
        self.hint.setVisible(not on)
        for widget in (self.add_hypothesis_button, self.add_evidence_button, self.hypothesis, self.source,
                       self.level, self.caveats, self.remark_button):
            widget.setEnabled(on)

    def offer(self, scope: str, suggested: Marking | None) -> None:
        """Fill the level list up to the user's clearance, and choose the suggested marking once per case (what
        the analyst chose afterwards is kept while the matrix is read again)."""
        if suggested is None or scope == self.offered_for:
            return
        self.offered_for = scope
        self.level.clear()
        for level in Level:
            if level <= suggested.level:
                self.level.addItem(level.banner_text, level)
        self.level.setCurrentIndex(self.level.count() - 1)
        self.caveats.setText("//".join(suggested.names))

    def chosen_marking(self) -> tuple[Level | None, list[str]]:
        level = self.level.currentData()
        return (level if isinstance(level, Level) else None,
                [c.strip() for c in self.caveats.text().split("//") if c.strip()])

    # -- reading ---------------------------------------------------------------------------
    def load(self, scope: str) -> None:
        session = self.view.session

        def work(signals: Any, cancel: Any) -> tuple[Matrix, list[Sensitivity], Marking | None] | None:
            if not scope:
                return None
            offered = ach.suggested_marking(session, scope) if scope != self.offered_for else None
            return ach.matrix(session, scope), ach.sensitivity(session, scope), offered

        self.view.run(work, on_success=lambda found: self.show_matrix(found, scope))

    def show_matrix(self, found: tuple[Matrix, list[Sensitivity], Marking | None] | None, scope: str = "") -> None:
        row, col = max(self.table.currentRow(), 0), max(self.table.currentColumn(), 0)
        self.table.clear()
        self.sensitivity.clear()
        self.summary.clear()
        self.found = found[0] if found else None
        self._enable(found is not None)
        if found is None:
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            return
        matrix, changes, offered = found
        self.offer(scope, offered)
        self.table.setRowCount(len(matrix.evidence))
        self.table.setColumnCount(len(matrix.hypotheses) + 1)
        for c, h in enumerate(matrix.hypotheses):
            head = QTableWidgetItem(self.tr("%4 H%1\nscore %2 · rank %3").replace("%1", str(h.id))
                                    .replace("%2", str(h.score)).replace("%3", str(h.rank))
                                    .replace("%4", h.marking.portion_mark()))
            head.setToolTip(f"{h.marking.portion_mark()} {escape_untrusted(h.text, 500)}")
            self.table.setHorizontalHeaderItem(c, head)
        self.table.setHorizontalHeaderItem(len(matrix.hypotheses), QTableWidgetItem(self.tr("Diagnosticity")))
        kinds = {"report": self.tr("report %1"), "assessment": self.tr("assessment %1")}
        for r, item in enumerate(matrix.evidence):
            label = f"{item.marking.portion_mark()} E{item.id} · {kinds[item.kind].replace('%1', str(item.source))}"
            head = QTableWidgetItem(f"{label} · {escape_untrusted(item.label, 60)}")
            head.setToolTip(escape_untrusted(item.label, 500))
            self.table.setVerticalHeaderItem(r, head)
            for c, h in enumerate(matrix.hypotheses):
                cell = QTableWidgetItem(SHOWN[matrix.rating(h.id, item.id)] if (h.id, item.id) in matrix.cells
                                        else "")
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, c, cell)
            score = QTableWidgetItem(str(item.diagnosticity))
            score.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            score.setToolTip(self.tr("0: rated alike against every hypothesis, so it tells them apart not at all"))
            self.table.setItem(r, len(matrix.hypotheses), score)
        if matrix.evidence and matrix.hypotheses:
            self.table.setCurrentCell(min(row, len(matrix.evidence) - 1), min(col, len(matrix.hypotheses) - 1))
        leaders = [f"H{h.id}" for h in matrix.hypotheses if h.rank == 1]
        self.summary.setText(
            self.tr("%1 Least inconsistent: %2. Scores count I as 1 and II as 2; lower is more likely.")
            .replace("%1", matrix.marking.portion_mark()).replace("%2", ", ".join(leaders) or "-")
            + "".join(f"\n{h.marking.portion_mark()} H{h.id}: {escape_untrusted(h.text, 200)}"
                      for h in matrix.hypotheses))
        for change in changes:
            moved = ", ".join(f"H{h} {a}→{b}" for h, (a, b) in sorted(change.moved.items()))
            text = (self.tr("Without E%1: %2") if moved else self.tr("Without E%1: no rank changes")).replace(
                "%1", str(change.evidence)).replace("%2", moved)
            self.sensitivity.addItem(text)

    # -- changing ----------------------------------------------------------------------------
    def rate(self, row: int, column: int, rating: str) -> None:
        matrix, scope, session = self.found, self.view.scope, self.view.session
        if matrix is None or not 0 <= row < len(matrix.evidence) or not 0 <= column < len(matrix.hypotheses):
            return  # the diagnosticity column, or nothing shown
        hypothesis, evidence = matrix.hypotheses[column].id, matrix.evidence[row].id
        self.view.run(lambda signals, cancel: ach.mark(session, scope, hypothesis, evidence, rating),
                      on_success=lambda _: self.load(scope))

    def withdraw_current(self, hypothesis: bool) -> None:
        """Withdraw the current column's hypothesis or the current row's item, once the analyst confirms."""
        matrix, scope, session = self.found, self.view.scope, self.view.session
        row, column = self.table.currentRow(), self.table.currentColumn()
        if matrix is None:
            return
        if hypothesis and 0 <= column < len(matrix.hypotheses):
            target = matrix.hypotheses[column].id
            question = self.tr("Withdraw hypothesis H%1 and its ratings from the matrix?").replace("%1", str(target))
        elif not hypothesis and 0 <= row < len(matrix.evidence):
            target = matrix.evidence[row].id
            question = self.tr("Withdraw item E%1 and its ratings from the matrix?").replace("%1", str(target))
        else:
            return
        answer = QMessageBox.question(self, self.tr("Withdraw"), question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.view.run(lambda signals, cancel: ach.withdraw(
            session, scope, hypothesis_id=target if hypothesis else None,
            evidence_id=None if hypothesis else target), on_success=lambda _: self.load(scope))

    def remark_current(self) -> None:
        """Re-mark the current column's hypothesis with the level and caveats chosen, once the user says why."""
        matrix, scope, session = self.found, self.view.scope, self.view.session
        column = self.table.currentColumn()
        level, caveats = self.chosen_marking()
        if matrix is None or level is None:
            return
        if not 0 <= column < len(matrix.hypotheses):
            self.view.banner.show_message(self.tr("Choose a hypothesis' column in the matrix to re-mark it."),
                                          "warning")
            return
        target = matrix.hypotheses[column]
        shown = "//".join((level.english, *caveats))
        why, ok = QInputDialog.getText(self, self.tr("Re-mark hypothesis"), self.tr(
            "Re-mark H%1 from %2 to %3? Why:").replace("%1", str(target.id))
            .replace("%2", target.marking.portion_mark()).replace("%3", shown))
        if not ok or not why.strip():
            return
        self.view.run(lambda signals, cancel: ach.mark_hypothesis(session, scope, target.id, level, caveats, why),
                      on_success=lambda _: self.load(scope))

    def add_hypothesis(self) -> None:
        text, scope, session = self.hypothesis.text(), self.view.scope, self.view.session
        level, caveats = self.chosen_marking()
        if not scope or not text.strip() or level is None:
            return

        def done(_: object) -> None:
            self.hypothesis.clear()
            self.load(scope)

        self.view.run(lambda signals, cancel: ach.add_hypothesis(session, scope, text, level, caveats),
                      on_success=done)

    def add_evidence(self) -> None:
        scope, session, kind = self.view.scope, self.view.session, self.kind.currentData()
        number = self.source.text().strip()
        if not scope:
            return
        if not number.isdigit() or not 0 < int(number) < 2**63:
            self.view.banner.show_message(self.tr("Give the report's or assessment's number, e.g. 12."), "error")
            return
        value = int(number)

        def done(_: object) -> None:
            self.source.clear()
            self.load(scope)

        self.view.run(lambda signals, cancel: ach.add_evidence(
            session, scope, report_id=value if kind == "report" else None,
            assessment_id=value if kind == "assessment" else None), on_success=done)
