"""Release review: the second person of the two-person rule sees exactly what would leave, then approves or
rejects it. The approval is signed with the reviewer's own key and travels in the bundle.

The product under review is shown beside the other versions of the same case (the full product and each
tearline version), each part with its portion mark, so the reviewer sees what a tearline left out; each version
is still approved on its own. A reviewer not cleared for a product's marking is refused it (and audited)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from nia_desktop.core.briefing.content import Briefing
from nia_desktop.core.briefing.preview import PageImage
from nia_desktop.core.classification import Level
from nia_desktop.core.display import escape_untrusted
from nia_desktop.core.errors import BadInput
from nia_desktop.core.markings import Marking
from nia_desktop.core.store.releases import ReleaseRequest
from nia_desktop.services import briefings
from nia_desktop.services.briefings import Version
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


def mark(marking: Marking | None) -> str:
    return f"<b>{escape(marking.portion_mark())}</b> " if marking is not None else ""


def items_html(request: ReleaseRequest, briefing: Briefing) -> str:
    """Every included item with its portion mark, escaped: the reviewer reads what leaves, not a summary of it."""
    def rows(values: list[str]) -> str:
        return "".join(f"<li>{v}</li>" for v in values) or "<li>none</li>"

    sources = [f"{mark(s.marking)}#{s.report_id} {escape(s.agency)} {escape(s.date or '—')} "
               f"{escape(s.grading or '--')} {escape(escape_untrusted(s.title, 200))}" for s in briefing.sources]
    judgements = [f"{mark(j.marking)}{escape(escape_untrusted(j.text, 600))} <i>({escape(j.likelihood)}; "
                  f"{escape(j.confidence)} confidence; reports {', '.join(f'#{r}' for r in j.reports)})</i>"
                  for j in briefing.judgements]
    entities = [f"{mark(e.marking)}{escape(escape_untrusted(e.name, 100))} ({escape(e.kind)}; "
                f"{escape(', '.join(e.agencies))})" for e in briefing.entities]
    version = (f"Tearline version (cut at {escape(briefing.tearline)})" if briefing.tearline else "Full product")
    summary = escape(escape_untrusted(briefing.shown_summary, 2000))
    return (f"<p><b>{version}</b> · release review {request.id} · {escape(request.status)}</p>"
            f"<h3>{mark(briefing.summary_marking)}{escape(escape_untrusted(briefing.title, 300))}</h3>"
            f"<p>Case {escape(request.case)}, composed by {escape(request.author)} at {escape(request.requested_at)}"
            f"<br>Marking: <b>{escape(briefing.marking.banner())}</b></p>"
            f"<p>{mark(briefing.summary_marking) + summary if summary else '<i>no summary</i>'}</p>"
            f"<h4>Key judgements</h4><ol>{rows(judgements)}</ol><h4>Reports</h4><ul>{rows(sources)}</ul>"
            f"<h4>Entities named</h4><ul>{rows(entities)}</ul>")


def withheld_html(request: ReleaseRequest) -> str:
    return (f"<p><b>Release review {request.id}</b> ({escape(request.classification.banner_text)})</p>"
            "<p><i>Not shown: your clearance does not cover this version's marking.</i></p>")


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
        self.versions = QSplitter()  # the version under review beside the case's other versions
        self.versions.setAccessibleName(self.tr("Versions of this case side by side"))
        self.beside: list[QTextBrowser] = []
        self.preview = PagePreview()
        self.approve_button = named(QPushButton(self.tr("Approve release…")), "primary")
        self.reject_button = QPushButton(self.tr("Reject…"))
        self.current: tuple[ReleaseRequest, Briefing] | None = None
        self.confirm: QMessageBox | None = None
        self.dialog: RejectDialog | None = None
        self.versions.addWidget(self._column(self.tr("Under review"), self.details))
        detail = QSplitter()
        detail.addWidget(self.versions)
        detail.addWidget(self.preview)
        detail.setSizes([620, 400])
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
        self._beside([])
        self.preview.show_pages([])
        self._buttons()
        self.classification_changed.emit(self.classification())
        if rows:
            self.table.select_first()

    def _buttons(self) -> None:
        pending = self.current is not None and self.current[0].status == "pending"
        self.approve_button.setEnabled(pending)
        self.reject_button.setEnabled(pending)

    def _column(self, heading: str, browser: QTextBrowser) -> QWidget:
        column = QWidget()
        box = QVBoxLayout(column)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(QLabel(heading))
        box.addWidget(browser, 1)
        return column

    def _beside(self, versions: list[Version]) -> None:
        """One column per other version of the case (the full product, each tearline version)."""
        while self.versions.count() > 1:
            widget = self.versions.widget(self.versions.count() - 1)
            if widget is None:
                break
            widget.setParent(None)
            widget.deleteLater()
        self.beside = []
        for version in versions:
            browser = QTextBrowser()
            browser.setOpenLinks(False)
            browser.setAccessibleName(self.tr("Another version of this case"))
            browser.setHtml(items_html(version.request, version.briefing) if version.briefing is not None
                            else withheld_html(version.request))
            heading = (self.tr("Withheld (not cleared)") if version.briefing is None else
                       self.tr("Tearline version") if version.briefing.tearline else self.tr("Full product"))
            self.beside.append(browser)
            self.versions.addWidget(self._column(heading, browser))

    def open_selected(self) -> None:
        row = self.table.selected_row()
        if row is None:
            return
        session = self.session

        def work(s: object, c: object) -> tuple[list[Version], list[PageImage]]:
            versions = briefings.release_versions(session, row.id)
            shown = next(v for v in versions if v.request.id == row.id)
            assert shown.briefing is not None
            return versions, briefings.preview(session, shown.briefing, 0.7)

        self.current = None
        self._buttons()
        self.run(work, on_success=lambda found: self._open(row.id, *found))

    def _open(self, request_id: int, versions: list[Version], pages: list[PageImage]) -> None:
        shown = next(v for v in versions if v.request.id == request_id)
        assert shown.briefing is not None
        self.current = (shown.request, shown.briefing)
        self.details.setHtml(items_html(shown.request, shown.briefing))
        self._beside([v for v in versions if v.request.id != request_id])
        self.preview.show_pages(pages)
        self._buttons()

    def ask_approve(self) -> None:
        if self.current is None:
            return
        request, briefing = self.current
        self.confirm = confirm_box(
            self, self.tr("Approve release"),
            self.tr("Approve briefing %1 for release at %2? Your signature goes with it in the bundle.")
            .replace("%1", str(request.id)).replace("%2", briefing.marking.banner()),
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
