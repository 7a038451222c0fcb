"""A case's assessments in the Fusion view: the list, and a form in ICD 203 terms to add one."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nia_desktop.core.assessment import CONFIDENCES, LIKELIHOODS
from nia_desktop.core.display import escape_untrusted
from nia_desktop.services import assessments
from nia_desktop.ui.theme import named

if TYPE_CHECKING:
    from nia_desktop.ui.views.fusion.view import FusionView


class AssessmentsPanel(QWidget):
    """Works through its view: the view's session, worker tasks, banner and chosen case."""

    def __init__(self, view: FusionView) -> None:
        super().__init__()
        self.view = view
        self.assessment_list = QListWidget()
        self.assessment_list.setAccessibleName(self.tr("Assessments of this case"))
        self.assessment_list.setWordWrap(True)
        self.judgement = QPlainTextEdit()
        self.judgement.setPlaceholderText(self.tr("The judgement, e.g. the two recruiters work for the same service"))
        self.judgement.setAccessibleName(self.tr("Judgement"))
        self.judgement.setMaximumHeight(90)
        self.likelihood = QComboBox()
        for term, (low, high, japanese) in LIKELIHOODS.items():
            self.likelihood.addItem(f"{term} ({low}-{high}%) / {japanese}", term)
        self.likelihood.setAccessibleName(self.tr("Likelihood (ICD 203)"))
        self.confidence = QComboBox()
        for level in CONFIDENCES:
            self.confidence.addItem(level, level)
        self.confidence.setAccessibleName(self.tr("Confidence"))
        self.basis = QLineEdit(placeholderText=self.tr("Report numbers it rests on, e.g. 12, 45"))
        self.basis.setAccessibleName(self.tr("Reports the judgement rests on"))
        self.add_button = named(QPushButton(self.tr("Add assessment")), "primary")
        self.hint = QLabel(self.tr("Choose a case above to record assessments on it."))
        form = QFormLayout()
        form.addRow(self.tr("Judgement"), self.judgement)
        form.addRow(self.tr("Likelihood"), self.likelihood)
        form.addRow(self.tr("Confidence"), self.confidence)
        form.addRow(self.tr("Rests on"), self.basis)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.hint)
        column.addWidget(self.assessment_list, 1)
        column.addLayout(form)
        column.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignRight)
        self.add_button.clicked.connect(self.add)

    def load(self, scope: str) -> None:
        session = self.view.session
        self.view.run(lambda signals, cancel: assessments.case_assessments(session, scope) if scope else [],
                      on_success=self.show_assessments)

    def show_assessments(self, found: list[Any]) -> None:
        self.assessment_list.clear()
        has_case = bool(self.view.scope)
        self.hint.setVisible(not has_case)
        self.add_button.setEnabled(has_case)
        for a in found:
            self.assessment_list.addItem(self.tr("It is %1 (%2 confidence) that %3 — reports %4; %5").replace(
                "%1", a.likelihood).replace("%2", a.confidence).replace("%3", escape_untrusted(a.judgement, 500))
                .replace("%4", ", ".join(map(str, a.reports)) or "-").replace("%5", a.user))

    def add(self) -> None:
        scope, session, banner = self.view.scope, self.view.session, self.view.banner
        text = self.judgement.toPlainText()
        likelihood, confidence = self.likelihood.currentData(), self.confidence.currentData()
        try:
            reports = [int(x) for x in self.basis.text().replace(",", " ").split()]
        except ValueError:
            banner.show_message(self.tr("Report numbers are whole numbers, separated by commas."), "error")
            return

        def done(_: object) -> None:
            self.judgement.clear()
            self.basis.clear()
            banner.show_message(self.tr("Assessment recorded."), "success")
            self.load(scope)

        self.view.run(lambda signals, cancel: assessments.assess(session, scope, text, likelihood, confidence,
                                                                 reports), on_success=done)
