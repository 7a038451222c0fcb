"""Intelligence requirements and their coverage: what the Prime Minister's Office asked, and what answers it.

Officers and analysts record requirements; analysts tag the reports that
answer them, from suggestions drawn from each requirement's words and entities.
Requirements nobody has reported on stand out at the top.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nia_desktop.core.display import escape_untrusted
from nia_desktop.core.roles import Action
from nia_desktop.services import assessments
from nia_desktop.services import reports as report_service
from nia_desktop.services.assessments import Coverage
from nia_desktop.services.session import Session
from nia_desktop.ui.models.table import RowsModel
from nia_desktop.ui.theme import named
from nia_desktop.ui.views.base import View
from nia_desktop.ui.widgets.table_view import FilterTable


class SuggestionsDialog(QDialog):
    """Reports the index suggests for a requirement; the analyst ticks those that answer it."""

    def __init__(self, question: str, suggestions: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tag reports"))
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Suggested reports"))
        for report_id, title in suggestions:
            item = QListWidgetItem(f"#{report_id} {escape_untrusted(title, 150)}")
            item.setData(Qt.ItemDataRole.UserRole, report_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Tag the ticked reports"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Which of these answer: %1").replace("%1", escape_untrusted(question, 300)))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def ticked(self) -> list[int]:
        return [int(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]


class RequirementsView(View):
    key = "requirements"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("Requirements"), parent)
        self.model: RowsModel[Coverage] = RowsModel([
            (self.tr("#"), lambda c: c.requirement.id),
            (self.tr("Priority"), lambda c: c.requirement.priority),
            (self.tr("Due"), lambda c: c.requirement.due or "-"),
            (self.tr("Question"), lambda c: escape_untrusted(c.requirement.question, 300)),
            (self.tr("Reports"), lambda c: len(c.reports) if c.reports else self.tr("none yet")),
            (self.tr("Agencies"), lambda c: ", ".join(f"{a} {n}" for a, n in c.agencies.items())),
            (self.tr("Latest"), lambda c: c.latest or "-"),
        ], self)
        self.table = FilterTable(self.model, self)
        self.table.setAccessibleName(self.tr("Requirements and their coverage"))
        self.question = QLineEdit(placeholderText=self.tr("The question, e.g. Who funds the referendum campaign?"))
        self.question.setAccessibleName(self.tr("Question"))
        self.priority = QSpinBox()
        self.priority.setRange(1, 5)
        self.priority.setPrefix(self.tr("priority "))
        self.priority.setAccessibleName(self.tr("Priority, 1 highest"))
        self.due = QLineEdit(placeholderText=self.tr("due YYYY-MM-DD (optional)"))
        self.due.setAccessibleName(self.tr("Due date"))
        self.add_button = named(QPushButton(self.tr("Add requirement")), "primary")
        self.suggest_button = QPushButton(self.tr("Suggest and tag reports…"))
        self.suggest_button.setToolTip(self.tr("Reports sharing the selected requirement's words or entities, "
                                               "or the entities of reports already tagged to it"))
        self.suggest_button.setVisible(session.may(Action.CASE_EDIT))
        form = QHBoxLayout()
        form.addWidget(self.question, 3)
        form.addWidget(self.priority)
        form.addWidget(self.due, 1)
        form.addWidget(self.add_button)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Requirements nobody has reported on show 'none yet'.")), 1)
        bar.addWidget(self.suggest_button)
        self.layout_.addLayout(form)
        self.layout_.addLayout(bar)
        self.layout_.addWidget(self.table, 1)
        self.add_button.clicked.connect(self.add)
        self.question.returnPressed.connect(self.add)
        self.suggest_button.clicked.connect(self.suggest)
        self.refresh()

    def refresh(self) -> None:
        self.run(lambda signals, cancel: assessments.coverage(self.session), on_success=self._show)

    def _show(self, rows: list[Coverage]) -> None:
        # Unanswered first, then by priority: what still needs collection leads.
        self.model.set_rows(sorted(rows, key=lambda c: (bool(c.reports), c.requirement.priority, c.requirement.id)))
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)

    def add(self) -> None:
        question, priority, due = self.question.text(), self.priority.value(), self.due.text().strip()

        def done(_: object) -> None:
            self.question.clear()
            self.due.clear()
            self.banner.show_message(self.tr("Requirement recorded."), "success")
            self.refresh()

        self.run(lambda signals, cancel: assessments.add_requirement(self.session, question, priority, due),
                 on_success=done)

    def suggest(self) -> None:
        chosen = self.table.selected_row()
        if chosen is None:
            self.banner.show_message(self.tr("Select a requirement first."), "warning")
            return
        requirement = chosen.requirement

        def work(signals: object, cancel: object) -> list[tuple[int, str]]:
            found = assessments.suggest_reports(self.session, requirement.id)
            return report_service.titles(self.session, found)

        # The dialog opens once the task has ended: a lock never waits for a dialog left open.
        self.run(work, on_success=lambda found: QTimer.singleShot(
            0, lambda: self._choose(requirement.id, requirement.question, found)))

    def _choose(self, requirement_id: int, question: str, found: list[tuple[int, str]]) -> None:
        if not found:
            self.banner.show_message(self.tr("No untagged report matches the requirement's words or entities."),
                                     "info")
            return
        dialog = SuggestionsDialog(question, found, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.ticked():
            return
        ticked = dialog.ticked()

        def done(added: int) -> None:
            self.banner.show_message(self.tr("Tagged %1 report(s).").replace("%1", str(added)), "success")
            self.refresh()

        self.run(lambda signals, cancel: assessments.tag_reports(self.session, requirement_id, ticked),
                 on_success=done)
