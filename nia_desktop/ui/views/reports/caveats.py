"""Markings in the reports views: banner text, the caveat checklist, and what a release-list field means.

The checklist offers what services.clearances.list_caveats returns (compartments and controls; an unknown
marking only when the report already carries it); release lists are typed ("GBR, USA"), never ticked from a
list of every partner the vault has seen.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from nia_desktop.core.classification import Level
from nia_desktop.core.display import escape_untrusted
from nia_desktop.core.errors import BadInput
from nia_desktop.core.markings import Access, CaveatKind, fold, release_list, release_name
from nia_desktop.core.store.clearances import CaveatRecord

OFFERED = (CaveatKind.COMPARTMENT, CaveatKind.CONTROL)



def banner_text(level: Level, caveats: Iterable[str]) -> str:
    """"SECRET / 秘//特定秘密//ORCON": both spellings of the level, then every caveat (as Marking.banner)."""
    return "//".join((level.banner_text, *(escape_untrusted(c, 64) for c in caveats)))


def parse_release(text: str) -> str | None:
    """A typed release list ("GBR, USA" or "REL TO GBR, USA") as the vault names it; None when empty."""
    if not text.strip():
        return None
    partners = release_list(text) or release_list("REL TO " + text)
    if not partners:
        raise BadInput(QCoreApplication.translate("Caveats", "Write the release list as partner codes, e.g. GBR, USA."))
    return release_name(partners)


def release_of(caveats: Iterable[str]) -> str:
    """The partners of the release list among ``caveats``, for the typed field ("GBR, USA")."""
    for name in caveats:
        partners = release_list(name)
        if partners:
            return ", ".join(partners)
    return ""


class CaveatChecklist(QListWidget):
    """Checkable caveats; ``checked_names`` is what the user ticked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Caveats"))
        self.records: dict[str, CaveatRecord] = {}

    def set_caveats(self, records: list[CaveatRecord], checked: Iterable[str] = (),
                    reader: Access | None = None) -> None:
        """Offer compartments and controls (and any unknown marking already ``checked``). With ``reader``, a
        compartment they do not hold says that ticking it hides the report from them."""
        ticked = {fold(name) for name in checked}
        self.clear()
        self.records = {}
        for record in records:
            if record.kind not in OFFERED and not (record.kind is CaveatKind.UNKNOWN and record.name in ticked):
                continue
            label = escape_untrusted(record.name, 64)
            if record.kind is CaveatKind.COMPARTMENT:
                label = self.tr("%1 (compartment)").replace("%1", label)
            elif record.kind is CaveatKind.UNKNOWN:
                label = self.tr("%1 (unknown: restricts reading until an officer defines it)").replace("%1", label)
            if (reader is not None and record.kind in (CaveatKind.COMPARTMENT, CaveatKind.UNKNOWN)
                    and record.name not in reader.compartments):
                label += " — " + self.tr("you do not hold it")
            item = QListWidgetItem(label)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if record.name in ticked else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, record.name)
            item.setToolTip(escape_untrusted(record.description, 300))
            if label.endswith(self.tr("you do not hold it")):
                item.setToolTip(self.tr("You do not hold this compartment: a report carrying it is hidden from you"))
            self.addItem(item)
            self.records[record.name] = record
        if not self.count():
            item = QListWidgetItem(self.tr("No compartments or controls are defined yet (an officer adds them)."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(item)

    def fit_rows(self, most: int) -> None:
        """As tall as its rows, up to ``most`` of them (then it scrolls)."""
        rows = max(1, min(self.count(), most))
        self.setFixedHeight(rows * max(self.sizeHintForRow(0), 18) + 2 * self.frameWidth() + 4)

    def checked_names(self) -> list[str]:
        names = []
        for row in range(self.count()):
            item = self.item(row)
            if item.data(Qt.ItemDataRole.UserRole) and item.checkState() == Qt.CheckState.Checked:
                names.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return names

    def set_checked(self, name: str, checked: bool = True) -> None:
        for row in range(self.count()):
            item = self.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == name:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
