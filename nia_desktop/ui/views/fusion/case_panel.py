"""A case in the Fusion view: its reports, the linked reports not yet in it, and adding them.

Suggestions come from the vault's last fusion (every report): reports
linked to the case's own, ranked by the weight of those links, each with
the entities that link it, so the analyst judges before adding.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nia_desktop.core.display import escape_untrusted
from nia_desktop.core.errors import BadInput
from nia_desktop.services import fusion
from nia_desktop.ui.theme import named

if TYPE_CHECKING:
    from nia_desktop.ui.views.fusion.view import FusionView


def report_numbers(text: str) -> list[int]:
    """ "12, 45 46" -> [12, 45, 46]; anything else is a clear error."""
    parts = text.replace(",", " ").split()
    if not parts or not all(p.isdigit() for p in parts):
        raise BadInput("give report numbers, e.g. 12, 45")
    return [int(p) for p in parts]


class CasePanel(QWidget):
    """Works through its view: the view's session, worker tasks, banner and chosen case."""

    def __init__(self, view: FusionView) -> None:
        super().__init__()
        self.view = view
        self.hint = QLabel(self.tr("Choose a case above, or create one, to see its reports and the reports "
                                   "linked to them."))
        self.hint.setWordWrap(True)
        self.new_button = QPushButton(self.tr("New case…"))
        self.new_button.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.new_button.setToolTip(self.tr("Create a case (Ctrl+Shift+N)"))
        self.members = QListWidget()
        self.members.setAccessibleName(self.tr("Reports in this case"))
        self.suggestions = QTableWidget(0, 3)
        self.suggestions.setHorizontalHeaderLabels([self.tr("Report"), self.tr("Weight"), self.tr("Linked through")])
        self.suggestions.setAccessibleName(self.tr("Linked reports not in this case"))
        self.suggestions.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.suggestions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.suggestions.verticalHeader().setVisible(False)
        self.suggestions.horizontalHeader().setStretchLastSection(True)
        self.add_button = named(QPushButton(self.tr("Add selected to case")), "primary")
        self.add_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.add_button.setToolTip(self.tr("Add the selected suggestions to the case (Ctrl+Enter)"))
        self.numbers = QLineEdit(placeholderText=self.tr("Or report numbers, e.g. 12, 45"))
        self.numbers.setAccessibleName(self.tr("Report numbers to add"))
        self.numbers_button = QPushButton(self.tr("Add"))

        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(QLabel(self.tr("In the case")))
        left_column.addWidget(self.members, 1)
        by_number = QHBoxLayout()
        by_number.addWidget(self.numbers, 1)
        by_number.addWidget(self.numbers_button)
        left_column.addLayout(by_number)
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(QLabel(self.tr("Linked reports not in it (from the last fusion of every report)")))
        right_column.addWidget(self.suggestions, 1)
        right_column.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignRight)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([420, 480])
        top = QHBoxLayout()
        top.addWidget(self.hint, 1)
        top.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignRight)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(split, 1)
        self.new_button.clicked.connect(self.new_case)
        self.add_button.clicked.connect(self.add_selected)
        self.numbers_button.clicked.connect(self.add_numbers)
        self.numbers.returnPressed.connect(self.add_numbers)

    def load(self, scope: str) -> None:
        session = self.view.session
        has_case = bool(scope)
        self.hint.setVisible(not has_case)
        for widget in (self.add_button, self.numbers, self.numbers_button):
            widget.setEnabled(has_case)
        self.members.clear()
        self.suggestions.setRowCount(0)
        if not has_case:
            return

        def work(signals: object, cancel: object) -> tuple[list[dict[str, Any]], list[dict[str, Any]] | str]:
            members = fusion.case_reports(session, scope)
            try:
                return members, fusion.suggest_for_case(session, scope, limit=50)
            except BadInput as exc:  # no fusion of every report yet: say so where the suggestions go
                return members, exc.user_message

        self.view.run(work, on_success=self._show)

    def _show(self, found: tuple[list[dict[str, Any]], list[dict[str, Any]] | str]) -> None:
        members, suggested = found
        for member in members:
            self.members.addItem(f"#{member['id']}  {member['date']}  {escape_untrusted(member['agency'], 20)}  "
                                 f"{escape_untrusted(member['title'], 120)}")
        if not suggested:
            suggested = self.tr("Every report linked to this case's reports is in it already.")
        if isinstance(suggested, str):  # nothing to suggest, or no fusion yet: say why where they would be
            self.suggestions.setRowCount(1)
            self.suggestions.setItem(0, 2, QTableWidgetItem(suggested))
            self.add_button.setEnabled(False)
            return
        self.suggestions.setRowCount(len(suggested))
        for row, item in enumerate(suggested):
            report = QTableWidgetItem(f"#{item['report']}")
            report.setData(Qt.ItemDataRole.UserRole, item["report"])
            self.suggestions.setItem(row, 0, report)
            self.suggestions.setItem(row, 1, QTableWidgetItem(f"{item['weight']:.1f}"))
            self.suggestions.setItem(row, 2, QTableWidgetItem(
                escape_untrusted(", ".join(item["entities"]), 300)))
        self.suggestions.resizeColumnsToContents()

    def new_case(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New case"), self.tr("Case name:"))
        if not ok or not name.strip():
            return
        session, name = self.view.session, name.strip()
        self.view.run(lambda signals, cancel: fusion.create_case(session, name),
                      on_success=lambda _: self.view.choose_case(name))

    def add_selected(self) -> None:
        rows = sorted({index.row() for index in self.suggestions.selectedIndexes()})
        cells = [self.suggestions.item(r, 0) for r in rows]
        ids = [int(cell.data(Qt.ItemDataRole.UserRole)) for cell in cells if cell is not None]
        if ids:
            self._add(ids)

    def add_numbers(self) -> None:
        try:
            ids = report_numbers(self.numbers.text())
        except BadInput as exc:
            self.view.show_error(exc)
            return
        self.numbers.clear()
        self._add(ids)

    def _add(self, ids: list[int]) -> None:
        session, scope = self.view.session, self.view.scope
        self.view.run(lambda signals, cancel: fusion.add_to_case(session, scope, ids),
                      on_success=lambda added: self.view.case_changed(int(added)))
