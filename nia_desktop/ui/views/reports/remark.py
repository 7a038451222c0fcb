"""Re-mark a report (analyst): level, caveats, release list and a required reason.

The dialog only collects the choice; services.clearances.mark_report decides (it refuses a report the analyst
may not read, an unknown caveat name or an empty reason) and audits the marking before and after.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from nia_desktop.core.classification import Level
from nia_desktop.core.display import escape_untrusted
from nia_desktop.core.errors import BadInput
from nia_desktop.core.markings import Access, CaveatKind
from nia_desktop.core.store.clearances import CaveatRecord
from nia_desktop.core.store.reports import ReportSummary
from nia_desktop.ui.dialogs import FormDialog
from nia_desktop.ui.views.reports.caveats import CaveatChecklist, banner_text, parse_release, release_of
from nia_desktop.ui.widgets.classification_banner import ClassificationBanner


class RemarkDialog(FormDialog):
    def __init__(self, summary: ReportSummary, caveats: list[CaveatRecord], reader: Access,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Re-mark report %1").replace("%1", str(summary.id)), parent)
        self.summary = summary
        self.reader = reader
        self.kinds = {c.name: c.kind for c in caveats}
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        for at in (0, -1):  # the report's marking above and below, as on every window that shows content
            bar = ClassificationBanner(self)
            bar.set_level(summary.classification)
            bar.setText(banner_text(summary.classification, summary.caveats))
            layout.insertWidget(at, bar)
        title = QLabel(escape_untrusted(summary.title, 200))
        title.setWordWrap(True)
        self.level = QComboBox()
        self.level.setAccessibleName(self.tr("Classification level"))
        for level in Level:
            self.level.addItem(level.banner_text, int(level))
        self.level.setCurrentIndex(self.level.findData(int(summary.classification)))
        self.caveats = CaveatChecklist(self)
        self.caveats.set_caveats(caveats, summary.caveats, reader)
        self.caveats.fit_rows(8)
        self.release = QLineEdit(release_of(summary.caveats))
        self.release.setAccessibleName(self.tr("Releasable to"))
        self.release.setPlaceholderText(self.tr("partner codes, e.g. GBR, USA (empty: no release list)"))
        self.why = QPlainTextEdit()
        self.why.setAccessibleName(self.tr("Reason for the new marking"))
        self.why.setPlaceholderText(self.tr("Required: why the marking changes (kept in the audit log)"))
        self.why.setFixedHeight(70)
        self.new_marking = QLabel()
        self.new_marking.setWordWrap(True)
        self.new_marking.setAccessibleName(self.tr("New marking"))
        self.form.addRow(self.tr("Report"), title)
        self.form.addRow(self.tr("&Level"), self.level)
        self.form.addRow(self.tr("&Caveats"), self.caveats)
        self.form.addRow(self.tr("&REL TO"), self.release)
        self.form.addRow(self.tr("&Why"), self.why)
        self.form.addRow(self.tr("New marking"), self.new_marking)
        self.level.currentIndexChanged.connect(self._preview)
        self.caveats.itemChanged.connect(self._preview)
        self.release.textChanged.connect(self._preview)
        self.setMinimumWidth(560)
        self._preview()

    @property
    def chosen_level(self) -> Level:
        return Level(int(self.level.currentData()))

    def chosen_caveats(self) -> list[str]:
        """Ticked caveats, then the typed release list; BadInput when the list cannot be read."""
        names = self.caveats.checked_names()
        release = parse_release(self.release.text())
        return names + ([release] if release else [])

    def hides_from_reader(self) -> bool:
        """True when the new marking is one this analyst may not read (the dialog says so; the service decides)."""
        restricting = {n for n in self.caveats.checked_names()
                       if self.kinds.get(n) in (CaveatKind.COMPARTMENT, CaveatKind.UNKNOWN)}
        return self.chosen_level > self.reader.level or not restricting <= self.reader.compartments

    def _preview(self) -> None:
        try:
            names = self.chosen_caveats()
        except BadInput as exc:
            self.new_marking.setText(exc.user_message)
            return
        text = banner_text(self.chosen_level, names)
        if self.hides_from_reader():
            text += "\n" + self.tr("You would no longer read this report.")
        self.new_marking.setText(text)

    @property
    def reason(self) -> str:
        return self.why.toPlainText().strip()

    def validate(self) -> None:
        self.chosen_caveats()
        if not self.reason:
            raise BadInput(self.tr("Say why the report is re-marked: the reason is kept in the audit log."))
