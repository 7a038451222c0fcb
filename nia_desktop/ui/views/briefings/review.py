"""Release review: the second person of the two-person rule sees exactly what would leave, then approves or
rejects it. The approval is signed with the reviewer's own key and travels in the bundle."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from nia_desktop.core.briefing.content import Briefing
from nia_desktop.core.briefing.pdf_render import render_pdf
from nia_desktop.core.briefing.preview import PageImage, page_images
from nia_desktop.core.classification import Level
from nia_desktop.core.display import escape_untrusted
from nia_desktop.core.errors import BadInput
from nia_desktop.core.store.releases import ReleaseRequest
from nia_desktop.services import briefings
from nia_desktop.services.session import Session
from nia_desktop.ui.dialogs import FormDialog, confirm_box
from nia_desktop.ui.models.table import RowsModel
from nia_desktop.ui.theme import named
from nia_desktop.ui.views.base import View
from nia_desktop.ui.widgets.page_preview import PagePreview
from nia_desktop.ui.widgets.table_view import FilterTable


class RejectDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Reject briefing"), parent)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("What the author must change"))
        self.form.addRow(self.tr("Reason"), self.reason)

    def validate(self) -> None:
        if not self.reason.text().strip():
            raise BadInput(self.tr("Say why, so the author knows what to change."))


def items_html(request: ReleaseRequest, briefing: Briefing) -> str:
    """Every included item, escaped: the reviewer reads what leaves, not a summary of it."""
    def rows(values: list[str]) -> str:
        return "".join(f"<li>{v}</li>" for v in values) or "<li>none</li>"

    sources = [f"#{s.report_id} {escape(s.agency)} {escape(s.date or '—')} {escape(s.grading or '--')} "
               f"<b>{escape(Level(s.classification).banner_text)}</b> {escape(escape_untrusted(s.title, 200))}"
               for s in briefing.sources]
    judgements = [f"{escape(escape_untrusted(j.text, 600))} <i>({escape(j.likelihood)}; {escape(j.confidence)} "
                  f"confidence; reports {', '.join(f'#{r}' for r in j.reports)})</i>" for j in briefing.judgements]
    entities = [f"{escape(escape_untrusted(e.name, 100))} ({escape(e.kind)}; {escape(', '.join(e.agencies))})"
                for e in briefing.entities]
    return (f"<h3>{escape(escape_untrusted(briefing.title, 300))}</h3>"
            f"<p>Case {escape(request.case)}, composed by {escape(request.author)} at {escape(request.requested_at)}"
            f"<br>Computed classification: <b>{escape(briefing.classification.banner_text)}</b></p>"
            f"<p>{escape(escape_untrusted(briefing.summary, 2000)) or '<i>no summary</i>'}</p>"
            f"<h4>Key judgements</h4><ol>{rows(judgements)}</ol><h4>Reports</h4><ul>{rows(sources)}</ul>"
            f"<h4>Entities named</h4><ul>{rows(entities)}</ul>")


class ReleaseView(View):
    key = "releases"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("Release review"), parent)
        self.model: RowsModel[ReleaseRequest] = RowsModel([
            (self.tr("#"), lambda r: r.id),
            (self.tr("Case"), lambda r: escape_untrusted(r.case, 80)),
            (self.tr("Author"), lambda r: r.author),
            (self.tr("Classification"), lambda r: r.classification.banner_text),
            (self.tr("Requested"), lambda r: r.requested_at[:16].replace("T", " ")),
            (self.tr("Status"), lambda r: r.status),
            (self.tr("Decision"), lambda r: f"{r.reviewer}: {escape_untrusted(r.reason, 100)}" if r.reason
             else r.reviewer),
        ], self)
        self.table = FilterTable(self.model, self)
        self.table.setAccessibleName(self.tr("Briefings awaiting review"))
        self.show_decided = QCheckBox(self.tr("Show decided"))
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.setAccessibleName(self.tr("Everything the briefing includes"))
        self.preview = PagePreview()
        self.approve_button = named(QPushButton(self.tr("Approve release…")), "primary")
        self.reject_button = QPushButton(self.tr("Reject…"))
        self.current: tuple[ReleaseRequest, Briefing] | None = None
        self.confirm: QMessageBox | None = None
        self.dialog: RejectDialog | None = None
        detail = QSplitter()
        detail.addWidget(self.details)
        detail.addWidget(self.preview)
        detail.setSizes([500, 460])
        column = QSplitter(Qt.Orientation.Vertical)
        column.addWidget(self.table)
        column.addWidget(detail)
        column.setSizes([180, 420])
        bar = QHBoxLayout()
        bar.addWidget(self.show_decided)
        bar.addStretch(1)
        bar.addWidget(self.reject_button)
        bar.addWidget(self.approve_button)
        box = QVBoxLayout()
        box.addWidget(column, 1)
        self.layout_.addLayout(box, 1)
        self.layout_.addLayout(bar)
        self.show_decided.toggled.connect(lambda _: self.refresh())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.open_selected())
        self.approve_button.clicked.connect(self.ask_approve)
        self.reject_button.clicked.connect(self.ask_reject)
        self._buttons()
        self.refresh()

    def refresh(self) -> None:
        status = None if self.show_decided.isChecked() else "pending"
        self.run(lambda s, c: briefings.release_requests(self.session, status), on_success=self._show)

    def classification(self) -> Level:
        return max((r.classification for r in self.model.rows), default=Level.UNCLASSIFIED)

    def _show(self, rows: list[ReleaseRequest]) -> None:
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.current = None
        self.details.clear()
        self.preview.show_pages([])
        self._buttons()
        self.classification_changed.emit(self.classification())
        if rows:
            self.table.select_first()

    def _buttons(self) -> None:
        pending = self.current is not None and self.current[0].status == "pending"
        self.approve_button.setEnabled(pending)
        self.reject_button.setEnabled(pending)

    def open_selected(self) -> None:
        row = self.table.selected_row()
        if row is None:
            return
        session = self.session

        def work(s: object, c: object) -> tuple[ReleaseRequest, Briefing, list[PageImage]]:
            request, briefing = briefings.release_preview(session, row.id)
            return request, briefing, page_images(render_pdf(briefing), 0.7)

        self.run(work, on_success=lambda found: self._open(*found))

    def _open(self, request: ReleaseRequest, briefing: Briefing, pages: list[PageImage]) -> None:
        self.current = (request, briefing)
        self.details.setHtml(items_html(request, briefing))
        self.preview.show_pages(pages)
        self._buttons()

    def ask_approve(self) -> None:
        if self.current is None:
            return
        request, briefing = self.current
        self.confirm = confirm_box(
            self, self.tr("Approve release"),
            self.tr("Approve briefing %1 for release at %2? Your signature goes with it in the bundle.")
            .replace("%1", str(request.id)).replace("%2", briefing.classification.banner_text),
            self.tr("Approve and sign"))
        self.confirm.accepted.connect(lambda: self._decide(request.id, None))
        self.confirm.open()

    def ask_reject(self) -> None:
        if self.current is None:
            return
        request_id = self.current[0].id
        self.dialog = RejectDialog(self)
        self.dialog.accepted.connect(lambda: self._decide(request_id, self.dialog.reason.text()
                                                          if self.dialog else ""))
        self.dialog.open()

    def _decide(self, request_id: int, reason: str | None) -> None:
        session = self.session

        def work(s: object, c: object) -> str:
            if reason is None:
                briefings.approve(session, request_id)
                return self.tr("Approved release review %1: the author can now export it.")
            briefings.reject(session, request_id, reason)
            return self.tr("Rejected release review %1.")

        def done(text: str) -> None:
            self.refresh()
            self.banner.show_message(text.replace("%1", str(request_id)), "success")

        self.run(work, on_success=done)
