"""The reader pane: a report's text with search hits highlighted, its metadata, custody and hashes."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from nia_desktop.core.display import escape_untrusted
from nia_desktop.core.search import highlight_spans
from nia_desktop.core.store.reports import Report, ReportSummary
from nia_desktop.ui.views.reports.caveats import banner_text
from nia_desktop.ui.widgets.classification_banner import ClassificationBanner


class ReaderPane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.banner = ClassificationBanner(self)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Report text"))
        self.meta = QWidget()
        self.form = QFormLayout(self.meta)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Scrolled, so a long source path or a hash never widens the pane at the list's expense.
        meta_scroll = QScrollArea()
        meta_scroll.setWidget(self.meta)
        meta_scroll.setWidgetResizable(True)
        meta_scroll.setFrameShape(QFrame.Shape.NoFrame)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.text)
        split.addWidget(meta_scroll)
        split.setStretchFactor(0, 3)
        split.setSizes([330, 270])  # in proportion: the text above, the metadata below
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.title)
        layout.addWidget(split, 1)
        self.report: Report | None = None
        self.marking_field: QLabel | None = None
        self.show_placeholder()

    def show_placeholder(self) -> None:
        self.report = None
        self.banner.hide()
        self.title.setText(self.tr("Select a report to read it. Opening a report is recorded in the audit log."))
        self.text.clear()
        self._clear_form()

    def _clear_form(self) -> None:
        self.marking_field = None
        while self.form.rowCount():
            self.form.removeRow(0)

    def show_refused(self, message: str) -> None:
        """A report this user may not read: the service's refusal, never anything of the report."""
        self.show_placeholder()
        self.title.setText(message)

    def show_marking(self, summary: ReportSummary) -> None:
        """The banner: the level in both spellings and every caveat ("SECRET / 秘//特定秘密//ORCON")."""
        self.banner.set_level(summary.classification)
        self.banner.setText(banner_text(summary.classification, summary.caveats))
        self.banner.setAccessibleName(self.tr("Marking: %1").replace("%1", self.banner.text()))
        self.banner.show()

    def remarked(self, summary: ReportSummary) -> None:
        """The open report was re-marked: its banner and classification row follow, without a new read."""
        if self.report is None or self.report.summary.id != summary.id:
            return
        self.report = replace(self.report, summary=summary)
        self.show_marking(summary)
        if self.marking_field is not None:
            self.marking_field.setText(self._marking_row(summary))

    def _marking_row(self, summary: ReportSummary) -> str:
        stated = (self.tr("as marked") if self.report is not None and self.report.details.get("classification_stated")
                  else self.tr("default: no marking found"))
        return f"{banner_text(summary.classification, summary.caveats)} ({stated})"

    def show_report(self, report: Report, terms: list[str]) -> None:
        self.report = report
        s, d = report.summary, report.details
        self.show_marking(s)
        self.title.setText(escape_untrusted(s.title, 300))
        self.text.setPlainText(report.body)
        self._highlight(report.body, terms)
        self._clear_form()
        rows = [
            (self.tr("Agency"), s.agency),
            (self.tr("Date"), s.report_date or self.tr("not stated")),
            (self.tr("Marking"), self._marking_row(s)),
            (self.tr("Grading"), (s.reliability + s.credibility) or self.tr("not stated")),
            (self.tr("Language"), s.language),
            (self.tr("Type"), f"{s.detected_type} {d.get('encoding') or ''}".strip()),
            (self.tr("Source"), escape_untrusted(s.path, 400)),
            (self.tr("Volume"), f"{escape_untrusted(str(d.get('volume_label', '')))} ({d.get('volume_path', '')})"),
            (self.tr("Imported"), f"{s.imported_at[:19].replace('T', ' ')} UTC · {d.get('imported_by')} · "
                                  f"import {d.get('import_id')}"),
            (self.tr("Size"), f"{d.get('size')} bytes"),
            (self.tr("SHA-256"), s.sha256),
        ]
        if d.get("parent_id"):
            rows.append((self.tr("Attached to"), self.tr("report %1").replace("%1", str(d["parent_id"]))))
        if d.get("children"):
            rows.append((self.tr("Attachments"), ", ".join(str(c) for c in d["children"])))
        for label, value in rows:
            field = QLabel(str(value))
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            field.setTextFormat(Qt.TextFormat.PlainText)
            field.setWordWrap(True)
            self.form.addRow(label, field)
            if label == self.tr("Marking"):
                self.marking_field = field

    def _highlight(self, body: str, terms: list[str]) -> None:
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#ffe066"))
        fmt.setForeground(QColor("#000000"))
        selections = []
        for start, end in highlight_spans(body, terms):
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self.text.setExtraSelections(selections)
        if selections:
            self.text.setTextCursor(selections[0].cursor)
            self.text.centerCursor()

    @property
    def highlighted(self) -> int:
        return len(self.text.extraSelections())
