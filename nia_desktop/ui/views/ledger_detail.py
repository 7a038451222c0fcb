"""One released product in the Ledger view: its marking, what it derives from as released, the assessments it
carries, every copy with its custody and state, and every notice naming it (services/ledger.product).

Shared by the Ledger view's tables: how a marking, a copy's state and a time are shown.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from nia_desktop.core.classification import Level
from nia_desktop.core.display import escape_untrusted
from nia_desktop.core.store.ledger import Copy, Product
from nia_desktop.services.ledger import ProductDetail
from nia_desktop.ui.models.cells import CellRows, Colours
from nia_desktop.ui.theme import CLASSIFICATION_COLOURS
from nia_desktop.ui.views.reports.caveats import banner_text
from nia_desktop.ui.widgets.classification_banner import ClassificationBanner
from nia_desktop.ui.widgets.table_view import FilterTable

# A copy's state: background, text (the message banner's amber, blue and green); the word says it too.
STATE_COLOURS: dict[str, Colours] = {
    "queued": ("#fff4e0", "#6b4100"),
    "delivered": ("#e8f0fb", "#17365d"),
    "acknowledged": ("#e6f4ea", "#1e4d2b"),
}


def state_text(state: str) -> str:
    translate = QCoreApplication.translate
    return {"queued": translate("Ledger", "queued"), "delivered": translate("Ledger", "delivered"),
            "acknowledged": translate("Ledger", "acknowledged")}.get(state, state)


def when(iso: str) -> str:
    """A stored UTC time in local time, as the user's language writes it ("5 Mar 2026 14:02", "2026年3月5日 14:02");
    "" for none."""
    if not iso:
        return ""
    moment = QDateTime.fromString(iso, Qt.DateFormat.ISODateWithMs)
    if not moment.isValid():
        moment = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    if not moment.isValid():
        return iso[:16].replace("T", " ")
    japanese = QLocale().language() == QLocale.Language.Japanese
    return QLocale().toString(moment.toLocalTime(), "yyyy年M月d日 H:mm" if japanese else "d MMM yyyy HH:mm")


def marking_text(level: Level, caveats: Iterable[str]) -> str:
    return banner_text(level, caveats)


def marking_colours(level: Level) -> Colours:
    return CLASSIFICATION_COLOURS[level]


def via_text(via: str) -> str:
    """How a holding derives from the question: "cites it", "through assessment 4", "product", "notice …"."""
    translate = QCoreApplication.translate
    parts = []
    for part in (p.strip() for p in via.split(",")):
        if part == "report":
            parts.append(translate("Ledger", "cites it"))
        elif part.startswith("assessment "):
            parts.append(translate("Ledger", "through assessment %1").replace("%1", part.split(" ", 1)[1]))
        elif part.startswith("notice "):
            parts.append(translate("Ledger", "notice %1…").replace("%1", part.split(" ", 1)[1]))
        elif part == "product":
            parts.append(translate("Ledger", "product"))
        else:
            parts.append(escape_untrusted(part, 40))
    return ", ".join(parts)


def notice_action_text(action: str) -> str:
    translate = QCoreApplication.translate
    return translate("Ledger", "RECALL") if action == "recall" else translate("Ledger", "correction")


class ProductPane(QWidget):
    """The selected product, shown once services/ledger.product has answered (on the view's worker)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: ProductDetail | None = None
        self.banner = ClassificationBanner(self)
        self.banner.hide()
        self.heading = QLabel(self.tr("Select a row to see the product: what it derives from, every copy and every "
                                      "notice."))
        self.heading.setWordWrap(True)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.heading.setAccessibleName(self.tr("Selected product"))
        self.digest = QLabel()
        self.digest.setTextFormat(Qt.TextFormat.PlainText)
        self.digest.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.digest.setStyleSheet("font-family: monospace; font-size: 11px;")
        self.digest.setAccessibleName(self.tr("Product digest"))
        self.digest.setToolTip(self.tr("The product's digest (SHA-256 of its briefing): what corrections, recalls "
                                       "and receipts name"))
        self.copies_model = CellRows([
            (self.tr("Consumer"), lambda c: c.consumer or self.tr("(by key only)")),
            (self.tr("Kind"), lambda c: self.tr("product") if c.kind == "product" else self.tr("notice")),
            (self.tr("State"), lambda c: state_text(c.state)),
            (self.tr("Custody"), lambda c: escape_untrusted(c.custody, 200)),
            (self.tr("Released"), lambda c: when(c.released_at)),
            (self.tr("Delivered"), lambda c: when(c.delivered_at)),
            (self.tr("Acknowledged"), lambda c: when(c.acknowledged_at)),
            (self.tr("Bundle"), lambda c: c.bundle_uuid),
        ], self, tooltip=self._copy_tooltip, cells={2: lambda c: STATE_COLOURS.get(c.state)})
        self.copies_table = FilterTable(self.copies_model, self)
        self.copies_table.setAccessibleName(self.tr("Copies of the product"))
        self.derived_model = CellRows([
            (self.tr("Report"), lambda d: d.report_id),
            (self.tr("Marking at release"), lambda d: marking_text(d.classification, d.caveats)),
            (self.tr("Grading at release"), lambda d: d.grading or "--"),
        ], self, cells={1: lambda d: marking_colours(d.classification)})
        self.derived_table = FilterTable(self.derived_model, self)
        self.derived_table.setAccessibleName(self.tr("Reports the product derives from"))
        self.notices_model = CellRows([
            (self.tr("Notice"), lambda n: notice_action_text(n.action)),
            (self.tr("Why"), lambda n: escape_untrusted(n.why, 300)),
            (self.tr("Superseded by"), lambda n: n.superseded_by[:16]),
            (self.tr("By"), lambda n: n.author),
            (self.tr("Issued"), lambda n: when(n.created_at)),
        ], self, colours=lambda n: ("#fde8e8", "#8a1c1c") if n.action == "recall" else None)
        self.notices_table = FilterTable(self.notices_model, self)
        self.notices_table.setAccessibleName(self.tr("Notices about the product"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.copies_table, self.tr("Copies"))
        self.tabs.addTab(self.derived_table, self.tr("Derives from"))
        self.tabs.addTab(self.notices_table, self.tr("Notices"))
        about = QWidget()
        about_column = QVBoxLayout(about)
        about_column.setContentsMargins(0, 0, 0, 0)
        about_column.addWidget(self.banner)
        about_column.addWidget(self.heading)
        about_column.addWidget(self.digest)
        about_column.addStretch(1)
        about.setMinimumWidth(300)
        about.setMaximumWidth(460)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 4, 0, 0)
        row.addWidget(about)
        row.addWidget(self.tabs, 1)

    def clear(self) -> None:
        self.detail = None
        self.banner.hide()
        self.heading.setText(self.tr("Select a row to see the product: what it derives from, every copy and every "
                                     "notice."))
        self.digest.clear()
        for model in (self.copies_model, self.derived_model, self.notices_model):
            model.set_rows([])
        self._tab_counts()

    def show_detail(self, detail: ProductDetail) -> None:
        self.detail = detail
        product = detail.product
        self.banner.set_level(product.classification)
        self.banner.setText(marking_text(product.classification, product.caveats))
        self.banner.show()
        self.heading.setText(self.heading_text(product, detail.assessments))
        self.digest.setText(product.digest)
        self.copies_model.set_rows(detail.copies)
        self.derived_model.set_rows(detail.derives_from)
        self.notices_model.set_rows(detail.notices)
        for table in (self.copies_table, self.derived_table, self.notices_table):
            table.resizeColumnsToContents()
        self._tab_counts()

    def heading_text(self, product: Product, assessments: list[int]) -> str:
        version = (self.tr("tearline version at %1").replace("%1", product.tearline) if product.tearline
                   else self.tr("full product"))
        lines = [escape_untrusted(product.title, 200) or self.tr("(untitled)"),
                 self.tr("Case %1 · %2 · by %3, %4").replace("%1", escape_untrusted(product.case, 80))
                 .replace("%2", version).replace("%3", product.author).replace("%4", when(product.created_at))]
        if assessments:
            lines.append(self.tr("Carries assessments %1").replace("%1", ", ".join(str(a) for a in assessments)))
        return "\n".join(lines)

    def _tab_counts(self) -> None:
        self.tabs.setTabText(0, self.tr("Copies (%1)").replace("%1", str(self.copies_model.rowCount())))
        self.tabs.setTabText(1, self.tr("Derives from (%1)").replace("%1", str(self.derived_model.rowCount())))
        self.tabs.setTabText(2, self.tr("Notices (%1)").replace("%1", str(self.notices_model.rowCount())))

    def _copy_tooltip(self, copy: Copy) -> str:
        lines = [self.tr("Released by %1").replace("%1", copy.released_by)]
        if copy.delivered_by:
            lines.append(self.tr("Written to %1 by %2").replace("%1", escape_untrusted(copy.volume, 80))
                         .replace("%2", copy.delivered_by))
        if copy.receipt_uuid:
            lines.append(self.tr("Receipt %1, signed by key %2…").replace("%1", copy.receipt_uuid)
                         .replace("%2", copy.receipt_signer[:16]))
        return "\n".join(lines)

    def holders(self) -> list[str]:
        """The consumers holding a copy of the product: who a notice about it goes to."""
        if self.detail is None:
            return []
        return sorted({c.consumer for c in self.detail.copies if c.kind == "product" and c.consumer})
