"""The dissemination ledger (analysts and officers): who holds anything derived from a report, what a consumer
was sent, which copies no receipt has acknowledged, which products rest on a report changed since; the selected
product in full; and, for analysts, a correction or recall of it.

Every question runs on a worker through services/ledger.py, which checks need-to-know (an analyst sees only the
products they may read, and asking about a report they may not read is refused and audited) and audits the
question. Answers come a page at a time: "Load more" asks for the next page when the service says there is one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from nia_desktop.core.classification import Level
from nia_desktop.core.display import escape_untrusted
from nia_desktop.core.roles import Action
from nia_desktop.core.store.ledger import Consumer, Holding, Product, Stale
from nia_desktop.services import consumers as consumer_service
from nia_desktop.services import ledger as ledger_service
from nia_desktop.services import notices
from nia_desktop.services.ledger import Page, ProductDetail
from nia_desktop.services.notices import Issued
from nia_desktop.services.session import Session
from nia_desktop.ui.dialogs import confirm_box
from nia_desktop.ui.models.cells import CellRows
from nia_desktop.ui.theme import named
from nia_desktop.ui.views.base import View
from nia_desktop.ui.views.ledger_detail import (
    STATE_COLOURS,
    ProductPane,
    marking_colours,
    marking_text,
    state_text,
    via_text,
    when,
)
from nia_desktop.ui.views.notice_dialog import NoticeDialog
from nia_desktop.ui.widgets.table_view import FilterTable

WHO_HAS, SENT, OUTSTANDING, STALE = range(4)
PAGE_SIZE = 100


class LedgerView(View):
    key = "ledger"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("Ledger"), parent)
        self.page_size = PAGE_SIZE
        self.consumers: list[Consumer] = []
        self.asked: tuple[int, str] | None = None  # the question the table shows: (which, its subject)
        self.more = False
        self._shown_digest = ""
        self._loaded_once = False
        self.questions = QTabBar()
        self.questions.setAccessibleName(self.tr("Ledger question"))
        for label in (self.tr("Who has report…"), self.tr("Sent to consumer"), self.tr("Outstanding"),
                      self.tr("Stale")):
            self.questions.addTab(label)
        self.questions.setTabToolTip(WHO_HAS, self.tr("Every copy of every product that cites the report or carries "
                                                      "an assessment resting on it"))
        self.questions.setTabToolTip(SENT, self.tr("What one consumer was sent, products and notices, newest first"))
        self.questions.setTabToolTip(OUTSTANDING, self.tr("Copies no signed receipt has acknowledged, oldest first"))
        self.questions.setTabToolTip(STALE, self.tr("Released products resting on a report re-marked, re-graded or "
                                                    "found to be a duplicate since"))
        self.report_id = QSpinBox()
        self.report_id.setRange(1, 2_000_000_000)
        self.report_id.setAccessibleName(self.tr("Report number"))
        self.report_id.setPrefix("#")
        self.report_id.setMinimumWidth(110)
        self.consumer = QComboBox()
        self.consumer.setAccessibleName(self.tr("Consumer"))
        self.consumer.setMinimumWidth(260)
        self.consumer.activated.connect(lambda _: self.ask())
        report_box = QWidget()
        report_row = QHBoxLayout(report_box)
        report_row.setContentsMargins(0, 0, 0, 0)
        report_label = QLabel(self.tr("&Report"))
        report_label.setBuddy(self.report_id)
        report_row.addWidget(report_label)
        report_row.addWidget(self.report_id)
        report_row.addStretch(1)
        consumer_box = QWidget()
        consumer_row = QHBoxLayout(consumer_box)
        consumer_row.setContentsMargins(0, 0, 0, 0)
        consumer_label = QLabel(self.tr("&Consumer"))
        consumer_label.setBuddy(self.consumer)
        consumer_row.addWidget(consumer_label)
        consumer_row.addWidget(self.consumer)
        consumer_row.addStretch(1)
        self.subject = QStackedWidget()
        self.subject.addWidget(report_box)
        self.subject.addWidget(consumer_box)
        self.subject.addWidget(QLabel(self.tr("Copies of products and notices not yet acknowledged by a receipt.")))
        self.subject.addWidget(QLabel(self.tr("Products whose reports changed after release.")))
        self.ask_button = named(QPushButton(self.tr("Ask")), "primary")
        self.ask_button.setToolTip(self.tr("Ask the ledger (F5, or Enter in the report number)"))
        self.ask_button.clicked.connect(self.ask)
        self.report_id.editingFinished.connect(self._report_entered)
        QShortcut(QKeySequence("F5"), self, self.ask)
        bar = QHBoxLayout()
        bar.addWidget(self.subject, 1)
        bar.addWidget(self.ask_button)

        self.holdings_model = CellRows([
            (self.tr("Consumer"), lambda h: h.copy.consumer or self.tr("(by key only)")),
            (self.tr("Organisation"), lambda h: escape_untrusted(h.organisation, 80)),
            (self.tr("Product"), lambda h: h.product.digest[:16]),
            (self.tr("Case"), lambda h: escape_untrusted(h.product.case, 60)),
            (self.tr("Marking"), lambda h: marking_text(h.product.classification, h.product.caveats)),
            (self.tr("How"), lambda h: via_text(h.via)),
            (self.tr("State"), lambda h: state_text(h.copy.state)),
            (self.tr("Released"), lambda h: when(h.copy.released_at)),
            (self.tr("Acknowledged"), lambda h: when(h.copy.acknowledged_at)),
        ], self, tooltip=self._holding_tooltip,
            cells={4: lambda h: marking_colours(h.product.classification),
                   6: lambda h: STATE_COLOURS.get(h.copy.state)})
        self.holdings_table = FilterTable(self.holdings_model, self)
        self.holdings_table.setAccessibleName(self.tr("Copies"))
        self._keep_order(self.holdings_table)
        self.stale_model = CellRows([
            (self.tr("Product"), lambda s: s.product.digest[:16]),
            (self.tr("Case"), lambda s: escape_untrusted(s.product.case, 60)),
            (self.tr("Marking"), lambda s: marking_text(s.product.classification, s.product.caveats)),
            (self.tr("Report"), lambda s: s.report_id),
            (self.tr("What changed"), lambda s: ", ".join(self._reason(r) for r in s.reasons)),
            (self.tr("Released"), lambda s: when(s.product.created_at)),
        ], self, cells={2: lambda s: marking_colours(s.product.classification)})
        self.stale_table = FilterTable(self.stale_model, self)
        self.stale_table.setAccessibleName(self.tr("Stale products"))
        self._keep_order(self.stale_table)
        self.results = QStackedWidget()
        self.results.addWidget(self.holdings_table)
        self.results.addWidget(self.stale_table)
        self.count = QLabel()
        self.count.setAccessibleName(self.tr("Rows shown"))
        self.more_button = QPushButton(self.tr("Load more"))
        self.more_button.setToolTip(self.tr("Ask for the next page of the answer"))
        self.more_button.setVisible(False)
        self.more_button.clicked.connect(self.load_more)
        under = QHBoxLayout()
        under.addWidget(self.count, 1)
        under.addWidget(self.more_button)
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.results, 1)
        left_column.addLayout(under)

        self.pane = ProductPane()
        self.correct_button = QPushButton(self.tr("Issue correction…"))
        self.correct_button.setToolTip(self.tr("Tell every holder which product supersedes this one (Ctrl+Shift+C)"))
        self.correct_button.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.correct_button.clicked.connect(lambda: self.open_notice("correct"))
        self.recall_button = QPushButton(self.tr("Recall…"))
        self.recall_button.setToolTip(self.tr("Tell every holder to destroy all copies of this product"))
        self.recall_button.clicked.connect(lambda: self.open_notice("recall"))
        may_issue = session.may(Action.NOTICE_ISSUE)
        for button in (self.correct_button, self.recall_button):
            button.setVisible(may_issue)
            button.setEnabled(False)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.correct_button)
        actions.addWidget(self.recall_button)
        below = QWidget()
        below_column = QVBoxLayout(below)
        below_column.setContentsMargins(0, 0, 0, 0)
        below_column.addWidget(self.pane, 1)
        below_column.addLayout(actions)
        # The answer above, its selected product below: both get the whole width (the answer has nine columns).
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(left)
        split.addWidget(below)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([420, 340])
        self.layout_.addWidget(self.questions)
        self.layout_.addLayout(bar)
        self.layout_.addWidget(split, 1)

        self.detail_timer = QTimer(self)
        self.detail_timer.setSingleShot(True)
        self.detail_timer.setInterval(250)  # one question for the row the user settles on, not for each passed
        self.detail_timer.timeout.connect(self.load_detail)
        self.holdings_table.selectionModel().selectionChanged.connect(lambda *_: self.detail_timer.start())
        self.stale_table.selectionModel().selectionChanged.connect(lambda *_: self.detail_timer.start())
        self.questions.currentChanged.connect(self._question_changed)
        self.dialog: NoticeDialog | None = None
        self.confirm: QMessageBox | None = None
        self._update_buttons()

    @staticmethod
    def _keep_order(table: FilterTable) -> None:
        """The service's order (newest first, oldest first for outstanding) until the user sorts a column."""
        table.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)

    # -- asking -----------------------------------------------------------
    def showEvent(self, event: Any) -> None:
        """The consumers for the Sent question, and the outstanding copies, are read when first shown."""
        super().showEvent(event)
        if not self._loaded_once:
            self._loaded_once = True
            self.refresh()

    def refresh(self) -> None:
        session = self.session
        self.run(lambda signals, cancel: consumer_service.list_consumers(session, include_removed=True),
                 on_success=self._show_consumers)
        if self.asked is not None or self.questions.currentIndex() in (OUTSTANDING, STALE):
            self.ask()

    def _show_consumers(self, rows: list[Consumer]) -> None:
        current = self.consumer.currentData()
        self.consumers = rows
        self.consumer.clear()
        for consumer in rows:
            label = f"{consumer.name} — {escape_untrusted(consumer.organisation, 60)}"
            if consumer.removed_at:
                label += " " + self.tr("(removed)")
            self.consumer.addItem(label, consumer.name)
        index = self.consumer.findData(current)
        self.consumer.setCurrentIndex(max(index, 0))

    def _question_changed(self, which: int) -> None:
        self.subject.setCurrentIndex(which)
        self.results.setCurrentIndex(1 if which == STALE else 0)
        if which in (OUTSTANDING, STALE) or (which == SENT and self.consumer.count()):
            self.ask()
        else:
            self._clear_results()

    def _report_entered(self) -> None:
        if self.report_id.hasFocus():
            self.ask()

    def ask_who_has(self, report_id: int) -> None:
        """From the Reports view ("Who has this?"): ask who holds anything derived from the report."""
        self.report_id.setValue(report_id)
        if self.questions.currentIndex() != WHO_HAS:
            self.questions.blockSignals(True)
            self.questions.setCurrentIndex(WHO_HAS)
            self.questions.blockSignals(False)
            self.subject.setCurrentIndex(WHO_HAS)
            self.results.setCurrentIndex(0)
        self.ask()

    def ask(self) -> None:
        which = self.questions.currentIndex()
        subject = ""
        if which == WHO_HAS:
            subject = str(self.report_id.value())
        elif which == SENT:
            subject = str(self.consumer.currentData() or "")
            if not subject:
                self.banner.show_message(self.tr("No consumer is registered yet: an officer adds them in "
                                                 "Consumers."), "info")
                return
        self.asked = (which, subject)
        self._clear_results()
        self._fetch(0)

    def load_more(self) -> None:
        if self.asked is None or not self.more:
            return
        model = self.stale_model if self.asked[0] == STALE else self.holdings_model
        self._fetch(model.rowCount())

    def _fetch(self, offset: int) -> None:
        assert self.asked is not None
        asked, session, limit = self.asked, self.session, self.page_size
        which, subject = asked
        questions: dict[int, Callable[[], Page[Any]]] = {
            WHO_HAS: lambda: ledger_service.who_has(session, int(subject), limit, offset),
            SENT: lambda: ledger_service.sent(session, subject, limit, offset),
            OUTSTANDING: lambda: ledger_service.outstanding(session, limit, offset),
            STALE: lambda: ledger_service.stale(session, limit, offset),
        }
        question = questions[which]
        self.more_button.setEnabled(False)
        self.ask_button.setEnabled(False)

        def done(page: Page[Any]) -> None:
            if self.asked == asked:  # an answer to a question since replaced is dropped
                self._show_page(page)

        def finished() -> None:
            self.ask_button.setEnabled(True)
            self.more_button.setEnabled(True)

        self.run(lambda signals, cancel: question(), on_success=done, on_finished=finished)

    def _show_page(self, page: Page[Any]) -> None:
        stale = self.asked is not None and self.asked[0] == STALE
        model, table = (self.stale_model, self.stale_table) if stale else (self.holdings_model, self.holdings_table)
        first = page.offset == 0
        if first:
            model.set_rows(page.items)
        else:
            model.append_rows(page.items)
        self.more = page.more
        self.more_button.setVisible(page.more)
        shown = model.rowCount()
        self.count.setText((self.tr("%1 shown; more to load") if page.more else self.tr("%1 in all")).replace(
            "%1", str(shown)) if shown else self._empty_text())
        if first:
            table.resizeColumnsToContents()
            if shown:
                table.selectRow(0)
        self.classification_changed.emit(self.classification())

    def _empty_text(self) -> str:
        which = self.asked[0] if self.asked else WHO_HAS
        return {WHO_HAS: self.tr("Nobody holds anything derived from this report (that you may see)."),
                SENT: self.tr("Nothing was sent to this consumer (that you may see)."),
                OUTSTANDING: self.tr("Every copy has been acknowledged."),
                STALE: self.tr("No released product rests on a report changed since.")}[which]

    def _clear_results(self) -> None:
        self.holdings_model.set_rows([])
        self.stale_model.set_rows([])
        self.more = False
        self.more_button.setVisible(False)
        self.count.clear()
        self.pane.clear()
        self._shown_digest = ""
        self._update_buttons()
        self.classification_changed.emit(self.classification())

    # -- the selected product ---------------------------------------------
    def selected_product(self) -> Product | None:
        if self.results.currentIndex() == 1:
            stale = self.stale_table.selected_row()
            return stale.product if isinstance(stale, Stale) else None
        holding = self.holdings_table.selected_row()
        return holding.product if isinstance(holding, Holding) else None

    def load_detail(self) -> None:
        product = self.selected_product()
        if product is None or product.digest == self._shown_digest:
            self._update_buttons()
            return
        session, digest = self.session, product.digest
        self._shown_digest = digest

        def done(detail: ProductDetail) -> None:
            if self._shown_digest == digest:
                self.pane.show_detail(detail)
                self._update_buttons()
                self.classification_changed.emit(self.classification())

        self.run(lambda signals, cancel: ledger_service.product(session, digest), on_success=done,
                 on_finished=self._update_buttons)

    def _update_buttons(self) -> None:
        detail = self.pane.detail
        ready = (detail is not None and not self.busy and self.selected_product() is not None
                 and detail.product.digest == self._shown_digest)
        for button in (self.correct_button, self.recall_button):
            button.setEnabled(ready)

    # -- corrections and recalls ------------------------------------------
    def open_notice(self, action: str) -> None:
        detail = self.pane.detail
        if detail is None or not self.session.may(Action.NOTICE_ISSUE) or not self.correct_button.isEnabled():
            return
        others = {h.product.digest: h.product for h in self.holdings_model.rows}
        others.update({s.product.digest: s.product for s in self.stale_model.rows})
        holders = [self._who(name) for name in self.pane.holders()]
        dialog = NoticeDialog(action, detail.product, holders, list(others.values()), self)
        dialog.accepted.connect(lambda: self._confirm_notice(dialog))
        self.dialog = dialog
        dialog.open()

    def _who(self, name: str) -> str:
        found = next((c for c in self.consumers if c.name == name), None)
        return f"{name} ({escape_untrusted(found.organisation, 80)})" if found else name

    def _confirm_notice(self, dialog: NoticeDialog) -> None:
        product, action = dialog.product, dialog.action
        why, successor, out = dialog.reason, dialog.superseded_by, dialog.out
        where = str(out) if out is not None else self.tr("the courier's queue")
        text = (self.tr("Send a signed RECALL of product %1 to %2 consumer(s): %3? Each is told to destroy all "
                        "copies. The notices go to %4.") if action == "recall" else
                self.tr("Send a signed correction of product %1 to %2 consumer(s): %3? Each is told it is "
                        "superseded by %5. The notices go to %4."))
        self.confirm = confirm_box(
            self, dialog.windowTitle(),
            text.replace("%1", product.digest[:16] + "…").replace("%2", str(len(dialog.holders)))
            .replace("%3", ", ".join(dialog.holders)).replace("%4", where).replace("%5", (successor or "")[:16]),
            self.tr("Send the recall") if action == "recall" else self.tr("Send the correction"))
        self.confirm.accepted.connect(lambda: self._issue(action, product.digest, why, successor, out))
        self.confirm.open()

    def _issue(self, action: str, digest: str, why: str, successor: str | None, out: Any) -> None:
        session = self.session

        def done(issued: Issued) -> None:
            names = ", ".join(s.consumer for s in issued.sent)
            where = str(out) if out is not None else self.tr("the courier's queue")
            message = (self.tr("Recall of %1 signed for %2; written to %3.") if action == "recall"
                       else self.tr("Correction of %1 signed for %2; written to %3."))
            self.banner.show_message(message.replace("%1", digest[:16] + "…").replace("%2", names)
                                     .replace("%3", where), "success")
            self._shown_digest = ""
            self.load_detail()

        self.run(lambda signals, cancel: notices.issue(session, action, digest, why, successor, out),
                 on_success=done, on_finished=self._update_buttons)
        self._update_buttons()

    # -- shown text -------------------------------------------------------
    def _holding_tooltip(self, holding: Holding) -> str:
        copy = holding.copy
        lines = [self.tr("Product %1").replace("%1", holding.product.digest),
                 self.tr("Custody: %1").replace("%1", escape_untrusted(copy.custody, 200))]
        if copy.delivered_at:
            lines.append(self.tr("Written to %1 by %2, %3").replace("%1", escape_untrusted(copy.volume, 80))
                         .replace("%2", copy.delivered_by).replace("%3", when(copy.delivered_at)))
        return "\n".join(lines)

    def _reason(self, reason: str) -> str:
        if reason == "re-marked":
            return self.tr("re-marked")
        if reason == "re-graded":
            return self.tr("re-graded")
        if reason.startswith("duplicate of report "):
            return self.tr("duplicate of report %1").replace("%1", reason.rsplit(" ", 1)[1])
        return escape_untrusted(reason, 80)

    def classification(self) -> Level:
        """The highest marking of the products listed or shown."""
        levels = [h.product.classification for h in self.holdings_model.rows]
        levels += [s.product.classification for s in self.stale_model.rows]
        if self.pane.detail is not None:
            levels.append(self.pane.detail.product.classification)
        return max(levels, default=Level.UNCLASSIFIED)
