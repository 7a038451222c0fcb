"""Near-duplicate groups in the Fusion view: the same report re-sent or lightly edited, and what differs.

The groups are read from the fusion tables a page at a time (services/fusion_tables.duplicate_page), with
each report's agency and date for the pickers; "More groups" reads the next page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from nia_desktop.services import fusion, fusion_tables
from nia_desktop.services.fusion_tables import DuplicatePage
from nia_desktop.ui.views.fusion.diff import SideBySide

if TYPE_CHECKING:
    from nia_desktop.ui.views.fusion.view import FusionView


class DuplicatesPanel(QSplitter):
    """Groups on the left; two reports of the chosen group side by side on the right. Works through its view."""

    def __init__(self, view: FusionView) -> None:
        super().__init__()
        self.view = view
        self.facts: dict[int, tuple[str, str]] = {}  # report: (agency, date)
        self.scope: str | None = None
        self._generation = 0
        self.groups = QListWidget()
        self.groups.setAccessibleName(self.tr("Near-duplicate groups"))
        self.first = QComboBox()
        self.second = QComboBox()
        self.first.setAccessibleName(self.tr("First report of the pair"))
        self.second.setAccessibleName(self.tr("Second report of the pair"))
        self.compare_button = QPushButton(self.tr("Compare"))
        self.compare_button.setToolTip(self.tr("Show the two reports side by side (opening them is audited)"))
        self.diff = SideBySide()
        self.diff_status = QLabel()
        pick = QHBoxLayout()
        pick.addWidget(self.first, 1)
        pick.addWidget(self.second, 1)
        pick.addWidget(self.compare_button)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(pick)
        column.addWidget(self.diff_status)
        column.addWidget(self.diff, 1)
        self.more_button = QPushButton(self.tr("More groups"))
        self.more_button.setToolTip(self.tr("Read the next page of near-duplicate groups"))
        self.more_button.hide()
        self.more_button.clicked.connect(self.load_more)
        left = QWidget()
        groups_column = QVBoxLayout(left)
        groups_column.setContentsMargins(0, 0, 0, 0)
        groups_column.addWidget(self.groups, 1)
        groups_column.addWidget(self.more_button)
        self.addWidget(left)
        self.addWidget(right)
        self.setStretchFactor(1, 3)
        self.groups.currentRowChanged.connect(self._pick_group)
        self.compare_button.clicked.connect(self.compare)

    def load(self, scope: str) -> None:
        """The first page of the scope's groups, on a worker (the list shown stays until it lands)."""
        self.scope = scope
        self._generation += 1
        self._read(scope, 0, self._generation, replace=True)

    def load_more(self) -> None:
        if self.scope is not None:
            self.more_button.setEnabled(False)
            self._read(self.scope, self.groups.count(), self._generation, replace=False)

    def _read(self, scope: str, offset: int, generation: int, replace: bool) -> None:
        session = self.view.session
        self.view.run(lambda signals, cancel: fusion_tables.duplicate_page(session, scope, offset),
                      on_success=lambda page: self._show_page(page, generation, replace))

    def _show_page(self, page: DuplicatePage, generation: int, replace: bool) -> None:
        if generation != self._generation:
            return  # another scope was read since
        if replace:
            self.groups.clear()
            self.facts = {}
        self.facts.update(page.facts)
        for group in page.groups:
            titles = ", ".join(f"#{r}" for r in group)
            item = QListWidgetItem(self.tr("%1 reports: %2").replace("%1", str(len(group))).replace("%2", titles))
            item.setData(Qt.ItemDataRole.UserRole, group)
            self.groups.addItem(item)
        self.more_button.setVisible(page.more)
        self.more_button.setEnabled(True)

    def _pick_group(self, row: int) -> None:
        item = self.groups.item(row)
        self.first.clear()
        self.second.clear()
        if item is None:
            return
        for report_id in item.data(Qt.ItemDataRole.UserRole):
            fact = self.facts.get(report_id)
            label = f"#{report_id} {fact[0]} {fact[1]}" if fact else f"#{report_id}"
            self.first.addItem(label, report_id)
            self.second.addItem(label, report_id)
        self.second.setCurrentIndex(min(1, self.second.count() - 1))

    def compare(self) -> None:
        a, b = self.first.currentData(), self.second.currentData()
        if a is None or b is None:
            return
        session = self.view.session
        self.view.run(lambda signals, cancel: (fusion.report_text(session, a), fusion.report_text(session, b)),
                      on_success=self._show_pair)

    def _show_pair(self, texts: tuple[str, str]) -> None:
        left, right = self.diff.show_pair(*texts)
        self.diff_status.setText(self.tr("%1 lines only on the left, %2 only on the right").replace(
            "%1", str(left)).replace("%2", str(right)))
