"""The briefing composer: choose what of a case goes to the Prime Minister's Office, see its marking change as
you choose, preview the PDF, then export it or queue it for a courier; or make a tearline version for a lower
level or without some caveats, with its own title and summary, for a ministry or a partner; or release the case
to registered consumers, each getting the product it may hold (release_to.py, Ctrl+Shift+R).

Reports a key judgement cites cannot be left out (they are ticked and locked):
the marking always covers every source the briefing rests on. The product is
composed, previewed and exported by the services (services/briefings.py) on a
worker, exactly as `nia brief` makes it; this view only gathers the choices.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
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

from nia_desktop.core.briefing.content import Briefing, marking_of, required
from nia_desktop.core.briefing.preview import PageImage
from nia_desktop.core.bundles.sealed import parse_recipient
from nia_desktop.core.classification import Level
from nia_desktop.core.display import escape_untrusted
from nia_desktop.core.markings import FULL, CaveatKind, Tearline
from nia_desktop.core.roles import Action
from nia_desktop.core.store.releases import ReleaseRequest
from nia_desktop.services import briefings
from nia_desktop.services import fusion as fusion_service
from nia_desktop.services.briefings import BriefOutcome
from nia_desktop.services.session import Session
from nia_desktop.ui.entity_kinds import kind_name
from nia_desktop.ui.theme import named
from nia_desktop.ui.views.base import View
from nia_desktop.ui.views.briefings.release_to import ReleaseToDialog
from nia_desktop.ui.widgets.classification_banner import ClassificationBanner
from nia_desktop.ui.widgets.page_preview import PagePreview

DEFAULT_ENTITIES = 40
ANY_RELEASE = "REL"  # as services/briefings.ANY_RELEASE: leave out every portion with a release list


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
        self.product: Briefing | None = None  # the last product the services composed for the preview
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
        self.tearline = QGroupBox(self.tr("Tearline version"))
        self.tearline.setCheckable(True)
        self.tearline.setChecked(False)
        self.tearline.setToolTip(self.tr("A version for a lower level or without some caveats: it is built only from "
                                         "what the line allows, with its own title and summary, and is reviewed "
                                         "and approved on its own."))
        self.max_level = QComboBox()
        self.max_level.setAccessibleName(self.tr("Highest level of the tearline version"))
        for level in Level:
            self.max_level.addItem(level.banner_text, int(level))
        self.max_level.setCurrentIndex(int(Level.SECRET))
        self.without = QListWidget()
        self.without.setAccessibleName(self.tr("Caveats to leave out"))
        self.without.setMaximumHeight(90)
        self.tearline_title = QLineEdit()
        self.tearline_title.setAccessibleName(self.tr("Tearline title"))
        self.tearline_summary = QPlainTextEdit()
        self.tearline_summary.setAccessibleName(self.tr("Tearline summary"))
        self.tearline_summary.setPlaceholderText(self.tr("The summary for this version: only what its line allows "
                                                         "(the full summary is not carried below the line)"))
        self.tearline_summary.setMaximumHeight(80)
        cut = QFormLayout(self.tearline)
        cut.addRow(self.tr("Up to"), self.max_level)
        cut.addRow(self.tr("Leave out"), self.without)
        cut.addRow(self.tr("Title"), self.tearline_title)
        cut.addRow(self.tr("Summary"), self.tearline_summary)
        self.ach_annex = QCheckBox(self.tr("Annex the case's &ACH matrix"))
        self.ach_annex.setToolTip(self.tr("The analysis of competing hypotheses (Fusion view, Hypotheses tab) as an "
                                          "annex, its items on the included reports alone; never in a tearline "
                                          "version (Alt+A)"))
        self.chart_annex = QCheckBox(self.tr("Annex the case's lin&k chart"))
        self.chart_annex.setToolTip(self.tr("The link chart (Fusion view, as you saved it with the case; laid out "
                                            "when none is saved) as an annex: only the entities, links and weights "
                                            "the included reports support. A tearline version's is laid out from "
                                            "the reports under its line (Alt+K)"))
        self.level = ClassificationBanner()
        self.marking_text = QLabel()
        self.marking_text.setWordWrap(True)
        self.marking_text.setAccessibleName(self.tr("Marking of the product"))
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
        self.release_to_button = QPushButton(self.tr("Release to consumers…"))
        self.release_to_button.setToolTip(self.tr("Release the case to registered consumers, each getting the product "
                                                  "it may hold (Ctrl+Shift+R)"))
        self.release_to_button.setVisible(session.may(Action.RELEASE_TO))
        self.release_dialog: ReleaseToDialog | None = None
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
        left_column.addWidget(self.ach_annex)
        left_column.addWidget(self.chart_annex)
        left_column.addWidget(self.tearline)
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addWidget(QLabel(self.tr("This briefing will be marked")))
        right_column.addWidget(self.level)
        right_column.addWidget(self.marking_text)
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
        bottom.addWidget(self.release_to_button)
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
        self.tearline.toggled.connect(lambda _: self.update_level())
        self.ach_annex.toggled.connect(lambda _: self.preview_timer.start())
        self.chart_annex.toggled.connect(lambda _: self.update_level())
        self.max_level.currentIndexChanged.connect(lambda _: self.update_level())
        self.without.itemChanged.connect(lambda _: self.update_level())
        self.tearline_title.textEdited.connect(lambda _: self.preview_timer.start())
        self.tearline_summary.textChanged.connect(self.preview_timer.start)
        self.preview_button.clicked.connect(self.preview_now)
        self.export_button.clicked.connect(self.choose_export)
        self.queue_button.clicked.connect(lambda: self.make(None))
        QShortcut(QKeySequence("Ctrl+E"), self, self.choose_export)
        self.release_to_button.clicked.connect(self.open_release_to)
        QShortcut(QKeySequence("Ctrl+Shift+R"), self, self.open_release_to)
        self.set_enabled(False)
        self.refresh()

    def set_enabled(self, enabled: bool) -> None:
        for widget in (self.preview_button, self.export_button, self.queue_button, self.release_to_button):
            widget.setEnabled(enabled)
        if enabled:
            self._buttons()

    def classification(self) -> Level:
        return self.candidates.classification if self.candidates else Level.UNCLASSIFIED

    def line(self) -> Tearline:
        """The tearline the analyst set, or FULL for the full product."""
        if not self.tearline.isChecked():
            return FULL
        return Tearline(Level(int(self.max_level.currentData())), frozenset(str(c) for c in ticked(self.without)))

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
        for widget in (self.reports, self.entities, self.judgements, self.without):
            widget.blockSignals(True)
            widget.clear()
        caveats = {c.name: c.kind for s in candidates.sources for c in s.portion.caveats}
        for name in sorted(n for n, kind in caveats.items() if kind is not CaveatKind.RELEASE):
            self.without.addItem(checkable(name, name, False))
        if CaveatKind.RELEASE in caveats.values():
            self.without.addItem(checkable(self.tr("Any release list (REL TO …)"), ANY_RELEASE, False))
        for s in candidates.sources:
            text = (f"#{s.report_id}  {s.agency}  {s.date or '—'}  {s.grading or '--'}  "
                    f"[{s.portion.banner()}]  {escape_untrusted(s.title, 120)}")
            self.reports.addItem(checkable(text, s.report_id, True, self.tr("A key judgement cites this report")
                                           if s.report_id in locked else ""))
        for n, e in enumerate(candidates.entities):
            agencies = ", ".join(e.agencies)
            shown = f"{escape_untrusted(e.name, 80)}  ({kind_name(e.kind)}; {agencies})"
            self.entities.addItem(checkable(shown, e.name, n < DEFAULT_ENTITIES))
        for j in candidates.judgements:
            self.judgements.addItem(f"{escape_untrusted(j.text, 400)}\n{j.likelihood}; {j.confidence} confidence; "
                                    f"reports {', '.join(f'#{r}' for r in j.reports)}")
        if not candidates.judgements:
            self.judgements.addItem(self.tr("No assessments on this case yet: record them in Fusion."))
        for widget in (self.reports, self.entities, self.judgements, self.without):
            widget.blockSignals(False)
        self.classification_changed.emit(candidates.classification)
        self.set_enabled(True)
        self.update_level()

    def choices(self) -> dict[str, Any]:
        """What the analyst chose, as services/briefings.compose takes it. Entities are named with every alias
        the case gives them: a tearline version's fusion may name them by another of their names."""
        assert self.candidates is not None
        names = {str(e) for e in ticked(self.entities)}
        named = sorted({n for e in self.candidates.entities if e.name in names for n in (e.name, *e.aliases)})
        line = self.line()
        title: str | None = self.title_edit.text().strip() or self.candidates.title
        summary = self.summary.toPlainText()
        if not line.is_full:
            title, summary = self.tearline_title.text().strip() or None, ""
        return {"case": self.candidates.case, "title": title, "summary": summary.strip(),
                "report_ids": [int(str(r)) for r in ticked(self.reports)], "entity_names": named,
                "tearline": line, "tearline_summary": self.tearline_summary.toPlainText().strip() or None,
                "ach_annex": self.ach_annex.isChecked() and line.is_full,
                "chart_annex": self.chart_annex.isChecked()}

    def update_level(self) -> None:
        """The marking the product will carry, worked out from the choices as the analyst makes them (every part
        derives from its included reports, so the banner is theirs combined); the preview follows."""
        if self.candidates is None:
            return
        chosen = self.choices()
        marking = marking_of(self.candidates, chosen["report_ids"], chosen["tearline"])
        self.level.set_level(marking.level)
        self.marking_text.setText(marking.banner())
        threshold = self.threshold
        if int(marking.level) >= threshold:
            self.rule.setText(self.tr("Two-person rule: an officer reviews and approves this briefing before it "
                                      "can be exported. Exporting now queues the review; export again once "
                                      "approved."))
        else:
            self.rule.setText(self.tr("No release review needed at this classification."))
        if not chosen["tearline"].is_full:
            self.rule.setText(self.rule.text() + " " + self.tr("This tearline version is a product of its own: "
                                                               "its own review and approval."))
        self.review_needed = int(marking.level) >= threshold
        self.state, self.product = None, None
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
        chosen = self.choices()
        if not chosen["tearline"].is_full and not chosen["tearline_summary"]:
            self.preview.show_pages([])
            self.product = None
            self.rule.setText(self.tr("Write the tearline version's summary to preview it."))
            return
        self.rendering = True

        def done() -> None:
            self.rendering = False

        session = self.session

        def work(s: object, c: object) -> tuple[Briefing, ReleaseRequest | None, list[PageImage]]:
            product = briefings.compose(session, **chosen)
            return product, briefings.release_state(session, product), briefings.preview(session, product, 0.75)

        self.run(work, on_success=lambda found: self._previewed(*found), on_finished=done)

    def _previewed(self, product: Briefing, state: ReleaseRequest | None, pages: list[PageImage]) -> None:
        self.product, self.state = product, state
        self.level.set_level(product.marking.level)
        self.marking_text.setText(product.marking.banner())
        self.preview.show_pages(pages)
        self._buttons()

    def choose_export(self) -> None:
        if self.candidates is None or not self.export_button.isEnabled():
            return
        if self.review_needed and (self.state is None or self.state.status != "approved"):
            self.make(None)  # nothing is written: the review is requested
            return
        name = self.product.file_name() if self.product is not None else f"briefing-{self.candidates.case}.nia"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export briefing bundle"), name,
                                              self.tr("NIA bundle (*.nia)"))
        if path:
            self.make(Path(path))

    def make(self, out: Path | None) -> None:
        if self.candidates is None:
            return
        chosen, text = self.choices(), self.recipients.text()
        session = self.session

        def work(signals: object, cancel: object) -> BriefOutcome:
            recipients = [parse_recipient(r) for r in text.replace("\n", ",").split(",") if r.strip()]
            return briefings.brief(session, briefings.compose(session, **chosen), out, recipients)

        self.run(work, on_success=lambda outcome: self._made(outcome, out), on_finished=self.preview_timer.start)

    def _made(self, outcome: BriefOutcome, out: Path | None) -> None:
        version = self.tr("Tearline version") + " " if outcome.tearline else ""
        if outcome.status == "exported":
            where = str(out) if out else self.tr("the courier's outbound queue")
            self.banner.show_message(version + self.tr("Signed briefing bundle written to %1.").replace("%1", where),
                                     "success")
        elif outcome.status == "queued":
            self.banner.show_message(version + self.tr("Release review %1 requested: an officer must approve this "
                                                       "briefing. Nothing was written.")
                                     .replace("%1", str(outcome.request_id)), "info")
        else:
            self.banner.show_message(version + self.tr("Release review %1 is still waiting for an officer.")
                                     .replace("%1", str(outcome.request_id)), "info")

    # -- release to consumers ---------------------------------------------
    def open_release_to(self) -> None:
        """The release dialog for the current case, with the composer's title and summary for the full product."""
        if self.candidates is None or not self.release_to_button.isEnabled() or \
                not self.session.may(Action.RELEASE_TO):
            return
        if self.release_dialog is not None and self.release_dialog.busy:
            self.release_dialog.raise_()
            return
        title = self.title_edit.text().strip() or None
        dialog = ReleaseToDialog(self.session, self.candidates.case, title, self.summary.toPlainText().strip(), self)
        self.release_dialog = dialog
        dialog.open()

    @property
    def busy(self) -> bool:
        """Work of this view or of its release dialog: a lock waits for both."""
        return super().busy or (self.release_dialog is not None and self.release_dialog.busy)
