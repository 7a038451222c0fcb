"""The briefing composer: choose what of a case goes to the Prime Minister's Office, see its classification
change as you choose, preview the PDF, then export it or queue it for a courier.

Reports a key judgement cites cannot be left out (they are ticked and locked):
the classification always covers every source the briefing rests on.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nia_desktop.core.briefing.content import Briefing, required, select
from nia_desktop.core.briefing.pdf_render import render_pdf
from nia_desktop.core.briefing.preview import PageImage, page_images
from nia_desktop.core.bundles.sealed import parse_recipient
from nia_desktop.core.classification import Level
from nia_desktop.core.display import escape_untrusted
from nia_desktop.core.store.releases import ReleaseRequest
from nia_desktop.services import briefings
from nia_desktop.services import fusion as fusion_service
from nia_desktop.services.briefings import BriefOutcome
from nia_desktop.services.session import Session
from nia_desktop.ui.theme import named
from nia_desktop.ui.views.base import View
from nia_desktop.ui.widgets.classification_banner import ClassificationBanner
from nia_desktop.ui.widgets.page_preview import PagePreview

DEFAULT_ENTITIES = 40


def checkable(text: str, value: object, checked: bool, locked: str = "") -> QListWidgetItem:
    item = QListWidgetItem(text)
    item.setData(Qt.ItemDataRole.UserRole, value)
    flags = item.flags() | Qt.ItemFlag.ItemIsUserCheckable
    if locked:
        flags &= ~Qt.ItemFlag.ItemIsEnabled
    item.setFlags(flags)
    item.setCheckState(Qt.CheckState.Checked if checked or locked else Qt.CheckState.Unchecked)
    if locked:
        item.setToolTip(locked)
    return item


def ticked(widget: QListWidget) -> list[object]:
    return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


class BriefingsView(View):
    key = "briefings"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("Briefings"), parent)
        self.candidates: Briefing | None = None
        self.threshold = int(Level.SECRET)
        self.rendering = False
        self.review_needed = False
        self.state: ReleaseRequest | None = None
        self.case = QComboBox()
        self.case.setAccessibleName(self.tr("Case"))
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(self.tr("Briefing title"))
        self.summary = QPlainTextEdit()
        self.summary.setPlaceholderText(self.tr("Two or three sentences for the Prime Minister's Office"))
        self.summary.setAccessibleName(self.tr("Summary"))
        self.summary.setMaximumHeight(110)
        self.reports = QListWidget()
        self.reports.setAccessibleName(self.tr("Reports to include"))
        self.entities = QListWidget()
        self.entities.setAccessibleName(self.tr("Entities to name"))
        self.judgements = QListWidget()
        self.judgements.setAccessibleName(self.tr("Key judgements"))
        self.judgements.setWordWrap(True)
        lists = QTabWidget()
        lists.addTab(self.reports, self.tr("Reports"))
        lists.addTab(self.entities, self.tr("Entities"))
        lists.addTab(self.judgements, self.tr("Key judgements"))
        self.level = ClassificationBanner()
        self.rule = QLabel()
        self.rule.setWordWrap(True)
        self.recipients = QLineEdit(placeholderText=self.tr("optional: age1… recipients, comma separated"))
        self.recipients.setAccessibleName(self.tr("Encrypt to recipients"))
        self.recipients.setToolTip(self.tr("The bundle is encrypted with age to these recipients, named inside the "
                                           "signed manifest; any other workstation refuses it."))
        self.preview_button = QPushButton(self.tr("Preview PDF"))
        self.export_button = named(QPushButton(self.tr("Export to file…")), "primary")
        self.export_button.setToolTip(self.tr("Sign the briefing into a bundle file (Ctrl+E)"))
        self.queue_button = QPushButton(self.tr("Queue for courier"))
        self.queue_button.setToolTip(self.tr("Keep the signed bundle in the vault until a courier writes it to media"))
        self.preview = PagePreview()

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Case")))
        top.addWidget(self.case, 1)
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Summary"), self.summary)
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addLayout(form)
        left_column.addWidget(lists, 1)
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(QLabel(self.tr("This briefing will be classified")))
        right_column.addWidget(self.level)
        right_column.addWidget(self.rule)
        right_column.addWidget(self.preview, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([420, 520])
        bottom = QHBoxLayout()
        bottom.addWidget(self.recipients, 1)
        bottom.addWidget(self.preview_button)
        bottom.addWidget(self.queue_button)
        bottom.addWidget(self.export_button)
        self.layout_.addLayout(top)
        self.layout_.addWidget(split, 1)
        self.layout_.addLayout(bottom)

        # The preview follows the choices, redrawn once the analyst pauses (rendering takes a moment).
        self.preview_timer = QTimer(self)
        self.preview_timer.setSingleShot(True)
        self.preview_timer.setInterval(700)
        self.preview_timer.timeout.connect(self.preview_now)
        self.case.currentTextChanged.connect(self.load)
        self.reports.itemChanged.connect(lambda _: self.update_level())
        self.entities.itemChanged.connect(lambda _: self.update_level())
        self.title_edit.textEdited.connect(lambda _: self.preview_timer.start())
        self.summary.textChanged.connect(self.preview_timer.start)
        self.preview_button.clicked.connect(self.preview_now)
        self.export_button.clicked.connect(self.choose_export)
        self.queue_button.clicked.connect(lambda: self.make(None))
        QShortcut(QKeySequence("Ctrl+E"), self, self.choose_export)
        self.set_enabled(False)
        self.refresh()

    def set_enabled(self, enabled: bool) -> None:
        for widget in (self.preview_button, self.export_button, self.queue_button):
            widget.setEnabled(enabled)
        if enabled:
            self._buttons()

    def classification(self) -> Level:
        return self.candidates.classification if self.candidates else Level.UNCLASSIFIED

    def refresh(self) -> None:
        self.run(lambda s, c: fusion_service.case_names(self.session), on_success=self._cases)

    def _cases(self, names: list[str]) -> None:
        current = self.case.currentText()
        self.case.blockSignals(True)
        self.case.clear()
        self.case.addItems(names)
        self.case.blockSignals(False)
        if not names:
            self.banner.show_message(self.tr("No cases yet: create one in Fusion, then compose its briefing here."),
                                     "info")
            return
        self.case.setCurrentText(current if current in names else names[0])
        self.load(self.case.currentText())

    def load(self, case: str) -> None:
        if not case:
            return
        self.set_enabled(False)
        session = self.session
        self.run(lambda s, c: (briefings.candidates(session, case), briefings.review_threshold(session)),
                 on_success=lambda found: self._fill(*found))

    def _fill(self, candidates: Briefing, threshold: int) -> None:
        self.candidates, self.threshold = candidates, threshold
        self.title_edit.setText(candidates.title)
        locked = required(candidates)
        for widget in (self.reports, self.entities, self.judgements):
            widget.blockSignals(True)
            widget.clear()
        for s in candidates.sources:
            text = (f"#{s.report_id}  {s.agency}  {s.date or '—'}  {s.grading or '--'}  "
                    f"[{Level(s.classification).english}]  {escape_untrusted(s.title, 120)}")
            self.reports.addItem(checkable(text, s.report_id, True, self.tr("A key judgement cites this report")
                                           if s.report_id in locked else ""))
        for n, e in enumerate(candidates.entities):
            agencies = ", ".join(e.agencies)
            self.entities.addItem(checkable(f"{escape_untrusted(e.name, 80)}  ({e.kind}; {agencies})", e.name,
                                            n < DEFAULT_ENTITIES))
        for j in candidates.judgements:
            self.judgements.addItem(f"{escape_untrusted(j.text, 400)}\n{j.likelihood}; {j.confidence} confidence; "
                                    f"reports {', '.join(f'#{r}' for r in j.reports)}")
        if not candidates.judgements:
            self.judgements.addItem(self.tr("No assessments on this case yet: record them in Fusion."))
        for widget in (self.reports, self.entities, self.judgements):
            widget.blockSignals(False)
        self.classification_changed.emit(candidates.classification)
        self.set_enabled(True)
        self.update_level()

    def chosen(self) -> Briefing:
        assert self.candidates is not None
        return select(self.candidates, [int(str(r)) for r in ticked(self.reports)],
                      [str(e) for e in ticked(self.entities)], self.title_edit.text().strip() or
                      self.candidates.title, self.summary.toPlainText().strip())

    def update_level(self) -> None:
        if self.candidates is None:
            return
        briefing = self.chosen()
        level = briefing.classification
        self.level.set_level(level)
        threshold = self.threshold
        if int(level) >= threshold:
            self.rule.setText(self.tr("Two-person rule: an officer reviews and approves this briefing before it "
                                      "can be exported. Exporting now queues the review; export again once "
                                      "approved."))
        else:
            self.rule.setText(self.tr("No release review needed at this classification."))
        self.review_needed = int(level) >= threshold
        self.state = None
        self._buttons()
        self.preview_timer.start()

    def _buttons(self) -> None:
        """Under the two-person rule the buttons follow the review: request it, wait, then export."""
        status = self.state.status if self.state is not None else ""
        waiting = self.review_needed and status == "pending"
        approved = not self.review_needed or status == "approved"
        ready = self.candidates is not None
        self.export_button.setText(self.tr("Export to file…") if approved else
                                   self.tr("Waiting for review…") if waiting else self.tr("Request release review"))
        self.export_button.setEnabled(ready and not waiting)
        self.queue_button.setEnabled(ready and approved)
        if self.review_needed and status == "rejected" and self.state is not None:
            self.rule.setText(self.tr("Rejected by %1: %2. Change the briefing, then request a review again.")
                              .replace("%1", self.state.reviewer).replace("%2", escape_untrusted(self.state.reason)))

    def preview_now(self) -> None:
        if self.candidates is None:
            return
        if self.rendering:
            self.preview_timer.start()  # one rendering at a time; try again shortly
            return
        briefing = self.chosen()
        self.rendering = True

        def done() -> None:
            self.rendering = False

        session = self.session

        def work(s: object, c: object) -> tuple[ReleaseRequest | None, list[PageImage]]:
            return briefings.release_state(session, briefing), page_images(render_pdf(briefing), 0.75)

        self.run(work, on_success=lambda found: self._previewed(*found), on_finished=done)

    def _previewed(self, state: ReleaseRequest | None, pages: list[PageImage]) -> None:
        self.state = state
        self.preview.show_pages(pages)
        self._buttons()

    def choose_export(self) -> None:
        if self.candidates is None or not self.export_button.isEnabled():
            return
        if self.review_needed and (self.state is None or self.state.status != "approved"):
            self.make(None)  # nothing is written: the review is requested
            return
        name = f"briefing-{self.candidates.case}.nia"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export briefing bundle"), name,
                                              self.tr("NIA bundle (*.nia)"))
        if path:
            self.make(Path(path))

    def make(self, out: Path | None) -> None:
        if self.candidates is None:
            return
        briefing, text = self.chosen(), self.recipients.text()
        session = self.session

        def work(signals: object, cancel: object) -> BriefOutcome:
            recipients = [parse_recipient(r) for r in text.replace("\n", ",").split(",") if r.strip()]
            return briefings.brief(session, briefing, out, recipients)

        self.run(work, on_success=lambda outcome: self._made(outcome, out), on_finished=self.preview_timer.start)

    def _made(self, outcome: BriefOutcome, out: Path | None) -> None:
        if outcome.status == "exported":
            where = str(out) if out else self.tr("the courier's outbound queue")
            self.banner.show_message(self.tr("Signed briefing bundle written to %1.").replace("%1", where), "success")
        elif outcome.status == "queued":
            self.banner.show_message(self.tr("Release review %1 requested: an officer must approve this briefing. "
                                             "Nothing was written.").replace("%1", str(outcome.request_id)), "info")
        else:
            self.banner.show_message(self.tr("Release review %1 is still waiting for an officer.")
                                     .replace("%1", str(outcome.request_id)), "info")
