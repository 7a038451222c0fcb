"""A case's analysis of competing hypotheses in the Fusion view: the matrix, keyboard first.

Evidence items are rows (each with its portion mark), hypotheses columns (their inconsistency score and rank in
the header), the last column each item's diagnosticity. Arrow keys move; C sets consistent, I inconsistent, N
not applicable, Shift+C and Shift+I the strong forms (CC, II). Every read and change runs on a worker
(services/ach.py), the matrix is read again after each change, and the cursor stays on its cell. Below it,
sensitivity: the items whose absence would change a ranking.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
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
from nia_desktop.core.display import escape_untrusted
from nia_desktop.services import ach

if TYPE_CHECKING:
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
        self.hint = QLabel(self.tr("Choose a case above to weigh hypotheses against its evidence."))
        self.hint.setWordWrap(True)
        self.hypothesis = QLineEdit(placeholderText=self.tr("A hypothesis, e.g. the courier works for ZORIN"))
        self.hypothesis.setAccessibleName(self.tr("New hypothesis"))
        self.add_hypothesis_button = QPushButton(self.tr("Add hypothesis"))
        self.add_hypothesis_button.setShortcut(QKeySequence("Ctrl+Shift+H"))
        self.add_hypothesis_button.setToolTip(self.tr("Add the hypothesis to this case (Ctrl+Shift+H)"))
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Report"), "report")
        self.kind.addItem(self.tr("Assessment"), "assessment")
        self.kind.setAccessibleName(self.tr("Kind of evidence"))
        self.source = QLineEdit(placeholderText=self.tr("Its number, e.g. 12"))
        self.source.setAccessibleName(self.tr("Number of the report or assessment"))
        self.add_evidence_button = QPushButton(self.tr("Add evidence"))
        self.add_evidence_button.setShortcut(QKeySequence("Ctrl+Shift+E"))
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
        adding.addWidget(self.add_hypothesis_button)
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
        self.setTabOrder(self.hypothesis, self.add_hypothesis_button)
        self.setTabOrder(self.add_hypothesis_button, self.kind)
        self.setTabOrder(self.kind, self.source)
        self.setTabOrder(self.source, self.add_evidence_button)
        self.add_hypothesis_button.clicked.connect(self.add_hypothesis)
        self.hypothesis.returnPressed.connect(self.add_hypothesis)
        self.add_evidence_button.clicked.connect(self.add_evidence)
        self.source.returnPressed.connect(self.add_evidence)
        self.table.rated.connect(self.rate)
        self.table.withdrawing.connect(self.withdraw_current)
        self._enable(False)

    def _enable(self, on: bool) -> None:
        self.hint.setVisible(not on)
        for widget in (self.add_hypothesis_button, self.add_evidence_button, self.hypothesis, self.source):
            widget.setEnabled(on)

    # -- reading ---------------------------------------------------------------------------
    def load(self, scope: str) -> None:
        session = self.view.session

        def work(signals: Any, cancel: Any) -> tuple[Matrix, list[Sensitivity]] | None:
            return (ach.matrix(session, scope), ach.sensitivity(session, scope)) if scope else None

        self.view.run(work, on_success=self.show_matrix)

    def show_matrix(self, found: tuple[Matrix, list[Sensitivity]] | None) -> None:
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
        matrix, changes = found
        self.table.setRowCount(len(matrix.evidence))
        self.table.setColumnCount(len(matrix.hypotheses) + 1)
        for c, h in enumerate(matrix.hypotheses):
            head = QTableWidgetItem(self.tr("H%1\nscore %2 · rank %3").replace("%1", str(h.id))
                                    .replace("%2", str(h.score)).replace("%3", str(h.rank)))
            head.setToolTip(escape_untrusted(h.text, 500))
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
            + "".join(f"\nH{h.id}: {escape_untrusted(h.text, 200)}" for h in matrix.hypotheses))
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

    def add_hypothesis(self) -> None:
        text, scope, session = self.hypothesis.text(), self.view.scope, self.view.session
        if not scope or not text.strip():
            return

        def done(_: object) -> None:
            self.hypothesis.clear()
            self.load(scope)

        self.view.run(lambda signals, cancel: ach.add_hypothesis(session, scope, text), on_success=done)

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
