"""The reader pane: a report's text with search hits highlighted and the entities fusion found in it marked, its
metadata, custody and hashes.

Marks (show_mentions) are extra selections over the text, a background and an
underline style per entity kind (the colour is never the only sign) and a
tooltip with the entity's name, kind and readable reports. A click on a mark,
or Ctrl+Return on the mention at the cursor, emits entity_chosen; F3 and
Shift+F3 move to the next and previous mention, wrapping; Ctrl+Shift+E hides
the marks. The analyst tells fusion what is an entity: Ctrl+E on selected text
("This is an entity…", a kind and why), Ctrl+Shift+D on selected text or a
mark ("Not an entity…"); the view runs them (entity_judgement.EntityJudging),
F5 fuses again to apply them and Ctrl+Z undoes the latest. Offsets arrive as Python string indexes into the body; the
document counts UTF-16 units and reads a CR LF as one paragraph break, so
they are mapped (document_positions) and a mark whose text is not its
mention's is not drawn.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QHelpEvent,
    QKeySequence,
    QMouseEvent,
    QPalette,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTextEdit,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from nia_desktop.core.display import escape_untrusted
from nia_desktop.core.search import highlight_spans
from nia_desktop.core.store.reports import Report, ReportSummary
from nia_desktop.services.report_mentions import MarkedMention
from nia_desktop.ui.entity_kinds import kind_name
from nia_desktop.ui.views.reports.caveats import banner_text
from nia_desktop.ui.widgets.classification_banner import ClassificationBanner

UnderlineStyle = QTextCharFormat.UnderlineStyle
# Per kind: background in a light theme, in a dark one (each keeps the theme's text readable over it), the
# underline's colour in each, and an underline style of its own, so a mark's kind never rests on colour alone.
MARK_STYLES: dict[str, tuple[str, str, str, str, UnderlineStyle]] = {
    "person": ("#d6e6f8", "#1d3a5a", "#1f5a99", "#8fbff0", UnderlineStyle.SingleUnderline),
    "organization": ("#eadcf5", "#402656", "#6f3aa0", "#cfa6ef", UnderlineStyle.DashUnderline),
    "location": ("#d5efd8", "#1c4729", "#23724a", "#86d7a6", UnderlineStyle.WaveUnderline),
    "operation": ("#f8d6da", "#5a1d27", "#a8102a", "#f2939f", UnderlineStyle.DotLine),
    "date": ("#e6e6e6", "#43474b", "#55595d", "#b9bdc1", UnderlineStyle.DashDotDotLine),
}
SELECTOR_STYLE = ("#fbe6c6", "#563a10", "#935c00", "#f0bf6e", UnderlineStyle.DashDotLine)  # phones, e-mail, ...


def mark_style(kind: str) -> tuple[str, str, str, str, UnderlineStyle]:
    return MARK_STYLES.get(kind, SELECTOR_STYLE)


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def document_positions(text: str, indexes: Iterable[int]) -> dict[int, int]:
    """For each of ``indexes`` into ``text`` the position a QTextDocument holding it gives that character: a
    character beyond the BMP takes two positions (UTF-16), a CR before an LF none (one paragraph break). Counted
    by regular expressions between the indexes in order, so a long report costs C loops, not a Python one."""
    wanted = sorted(set(indexes))
    if "\r\n" not in text and (text.isascii() or not _ASTRAL.search(text)):
        return {i: i for i in wanted}
    positions: dict[int, int] = {}
    astral = pairs = done = 0  # before ``done``: characters beyond the BMP, CR LF pairs whose LF is reached
    for index in wanted:
        astral += len(_ASTRAL.findall(text, done, index))
        pairs += text.count("\r\n", done, index + 1)  # a pair's LF shares its CR's position
        positions[index] = index + astral - pairs
        done = index
    return positions


class ReaderPane(QWidget):
    """Signals:
    entity_chosen(int): the analyst clicked an entity's mark, or chose Go to entity on the mention at the cursor.
    judgement_requested(str, str, str, str): verdict ("entity", "not_entity"), text, kind ('' for any), why.
    undo_requested(), refuse_requested(): undo the latest judgement made here; fuse again to apply judgements.
    """

    entity_chosen = Signal(int)
    judgement_requested = Signal(str, str, str, str)
    undo_requested = Signal()
    refuse_requested = Signal()

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
        self.text.viewport().installEventFilter(self)
        self.text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.text.customContextMenuRequested.connect(self._text_menu)
        self.marks_action = self._action(self.tr("Entity marks"), "Ctrl+Shift+E", self.tr(
            "Mark the entities your fusion found in this report: a colour and underline per kind (Ctrl+Shift+E)"))
        self.marks_action.setCheckable(True)
        self.marks_action.setChecked(True)
        self.marks_action.toggled.connect(self.set_marks_visible)
        self.next_action = self._action(self.tr("Next mention"), "F3", self.tr(
            "Select the next entity mention in the text, from the top after the last (F3)"))
        self.next_action.triggered.connect(self.next_mention)
        self.previous_action = self._action(self.tr("Previous mention"), "Shift+F3", self.tr(
            "Select the previous entity mention in the text, from the end before the first (Shift+F3)"))
        self.previous_action.triggered.connect(self.previous_mention)
        self.entity_action = self._action(self.tr("Go to entity"), "Ctrl+Return", self.tr(
            "Show the entity of the mention at the cursor in the Fusion view (Ctrl+Return; or click its mark)"))
        self.entity_action.triggered.connect(self.choose_entity_at_cursor)
        self.mark_entity_action = self._action(self.tr("This is an entity…"), "Ctrl+E", self.tr(
            "Tell fusion the selected text is an entity of a kind you choose, wherever it is written (Ctrl+E)"))
        self.mark_entity_action.triggered.connect(lambda: self.ask_judgement("entity"))
        self.not_entity_action = self._action(self.tr("Not an entity…"), "Ctrl+Shift+D", self.tr(
            "Tell fusion the selected text, or the marked mention at the cursor, is not an entity (Ctrl+Shift+D)"))
        self.not_entity_action.triggered.connect(lambda: self.ask_judgement("not_entity"))
        self.undo_judgement_action = self._action(self.tr("Undo entity judgement"), "Ctrl+Z", self.tr(
            "Revoke the latest entity judgement made here; it stays in the judgement log (Ctrl+Z)"))
        self.undo_judgement_action.triggered.connect(self.undo_requested)
        self.refuse_action = self._action(self.tr("Fuse again"), "F5", self.tr(
            "Fuse again now, on a worker, to apply your entity judgements; the marks follow (F5)"))
        self.refuse_action.triggered.connect(self.refuse_requested)
        self.judgement_actions = [self.mark_entity_action, self.not_entity_action, self.undo_judgement_action,
                                  self.refuse_action]
        self.dialog: QDialog | None = None
        self.mention_actions = [self.marks_action, self.previous_action, self.next_action, self.entity_action,
                                *self.judgement_actions]
        self.marks_status = QLabel()
        # A mention's line can be long (an entity's name, kind, report count; what the italic marks mean): on
        # its own row under the buttons, wrapped at the pane's edge, never a reason for the pane to widen and
        # squeeze the reports table beside it (beside the buttons it was cut to "2 entity m").
        self.marks_status.setWordWrap(True)
        self.marks_status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for action in self.mention_actions[:4]:  # the judgements are in the text's menu and on their keys
            button = QToolButton()
            button.setDefaultAction(action)
            bar.addWidget(button)
        bar.addStretch(1)
        rows = QVBoxLayout()
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(2)
        rows.addLayout(bar)
        rows.addWidget(self.marks_status)
        self.mention_bar = QWidget()
        self.mention_bar.setLayout(rows)
        self.marks: list[tuple[int, int, MarkedMention]] = []  # (document start, end, mention), in text order
        self._hits: list[QTextEdit.ExtraSelection] = []
        self._italic: list[tuple[int, int]] = []  # the document ranges set in italics (pending judgements)
        self._pressed: QPoint | None = None
        self.menu: QMenu | None = None
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
        layout.addWidget(self.mention_bar)
        layout.addWidget(split, 1)
        self.report: Report | None = None
        self.marking_field: QLabel | None = None
        self.show_placeholder()

    def show_placeholder(self) -> None:
        self.report = None
        self.banner.hide()
        self.title.setText(self.tr("Select a report to read it. Opening a report is recorded in the audit log."))
        self.text.clear()
        self._italic = []
        self._hits = []
        self.clear_mentions()
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
        self._italic = []  # new text, no formats
        self.marks = []
        self._highlight(report.body, terms)
        self.marks_status.setText(self.tr("Looking for entity mentions…"))
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
        spans = highlight_spans(body, terms)
        at = document_positions(body, [i for span in spans for i in span])  # Python offsets are not Qt's
        for start, end in spans:
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(at[start])
            cursor.setPosition(at[end], QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self._hits = selections
        self._paint()
        if selections:
            self.text.setTextCursor(selections[0].cursor)
            self.text.centerCursor()

    @property
    def highlighted(self) -> int:
        """Search hits highlighted in the text (entity marks not counted)."""
        return len(self._hits)

    # -- entity marks -----------------------------------------------------
    def _action(self, text: str, keys: str, tip: str) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        self.addAction(action)
        return action

    def clear_mentions(self) -> None:
        self.marks = []
        self.marks_status.clear()
        self._paint()
        self._enable()

    def show_mentions(self, report_id: int, mentions: list[MarkedMention]) -> None:
        """Mark the open report's mentions (``report_id``'s: a late answer for another report is dropped)."""
        if self.report is None or self.report.summary.id != report_id:
            return
        body = self.report.body
        at = document_positions(body, [i for m in mentions for i in (m.start, m.end) if 0 <= i <= len(body)])
        document = self.text.document()
        marks = []
        for mention in mentions:
            if not 0 <= mention.start < mention.end <= len(body):
                continue
            start, end = at[mention.start], at[mention.end]
            cursor = QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            if cursor.selectedText().replace("\u2029", "\n") != mention.surface.replace("\r\n", "\n"):
                continue  # never a mark on other words
            marks.append((start, end, mention))
        self.marks = marks
        waiting = sum(1 for m in marks if m[2].pending)
        if waiting:
            self.marks_status.setText(self.tr("%1 entity mentions, %2 of them from your judgements not fused yet "
                                              "(italic; F5 fuses again)").replace("%1", str(len(marks))).replace(
                "%2", str(waiting)))
        elif marks:
            self.marks_status.setText(self.tr("%1 entity mentions").replace("%1", str(len(marks))))
        else:
            self.marks_status.setText(self.tr("No entity mentions: none found, or no fusion covers this report"))
        self._paint()
        self._enable()

    def set_marks_visible(self, visible: bool) -> None:
        if self.marks_action.isChecked() != visible:
            self.marks_action.setChecked(visible)  # toggled calls back here
            return
        self._paint()
        self._enable()

    @property
    def marks_visible(self) -> bool:
        return self.marks_action.isChecked()

    def _enable(self) -> None:
        moving = bool(self.marks) and self.marks_visible
        for action in (self.next_action, self.previous_action, self.entity_action):
            action.setEnabled(moving)

    def mark_format(self, kind: str) -> QTextCharFormat:
        """A mark's look in the current theme (light or dark by the text's background)."""
        light, dark, line_light, line_dark, style = mark_style(kind)
        is_dark = self.text.palette().color(QPalette.ColorRole.Base).lightness() < 128
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(dark if is_dark else light))
        fmt.setForeground(self.text.palette().color(QPalette.ColorRole.Text))
        fmt.setUnderlineStyle(style)
        fmt.setUnderlineColor(QColor(line_dark if is_dark else line_light))
        return fmt

    def _paint(self) -> None:
        """Marks under the search hits (a hit's yellow stays on top)."""
        selections = []
        if self.marks_visible:
            formats: dict[str, QTextCharFormat] = {}
            for start, end, mention in self.marks:
                cursor = QTextCursor(self.text.document())
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                if mention.kind not in formats:
                    formats[mention.kind] = self.mark_format(mention.kind)
                selection.format = QTextCharFormat(formats[mention.kind])
                selection.format.setToolTip(self.describe(mention))
                selections.append(selection)
        self._italicise([(s, e) for s, e, m in self.marks if m.pending] if self.marks_visible else [])
        self.text.setExtraSelections(selections + self._hits)

    def _italicise(self, ranges: list[tuple[int, int]]) -> None:
        """A judgement not fused yet in italics, beside the fused marks: in the document's own formats (Qt draws
        only an extra selection's colours, never its font), those of the previous marks undone first."""
        if ranges == self._italic:
            return
        document = self.text.document()
        undo = document.isUndoRedoEnabled()
        document.setUndoRedoEnabled(False)
        last = document.characterCount() - 1
        for (start, end), italic in [*((r, False) for r in self._italic), *((r, True) for r in ranges)]:
            if 0 <= start < end <= last:
                cursor = QTextCursor(document)
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                fmt = QTextCharFormat()  # plain text has no format of its own: undone, it is as before
                if italic:
                    fmt.setFontItalic(True)
                    cursor.mergeCharFormat(fmt)
                else:
                    cursor.setCharFormat(fmt)
        document.setUndoRedoEnabled(undo)
        self._italic = ranges

    def kind_name(self, kind: str) -> str:
        return kind_name(kind)

    def describe(self, mention: MarkedMention) -> str:
        """A mark's tooltip: the entity's name and kind, and its reports (readable ones: the fusion shown draws
        on no other); for a judgement not fused yet, that."""
        if mention.pending:
            return self.tr("%1 (%2) · your judgement, applied by the next fusion (F5)").replace(
                "%1", escape_untrusted(mention.surface, 120)).replace("%2", self.kind_name(mention.kind))
        return self.tr("%1 (%2) · in %3 of your reports · click or Ctrl+Return to show it").replace(
            "%1", escape_untrusted(mention.entity_name, 120)).replace("%2", self.kind_name(mention.kind)).replace(
            "%3", str(mention.reports))

    def mark_at(self, position: int) -> tuple[int, int, MarkedMention] | None:
        """The mark around a document position (its end included: the caret just after a name)."""
        for mark in self.marks:
            if mark[0] <= position <= mark[1]:
                return mark
        return None

    def _mark_under(self, point: QPoint) -> tuple[int, int, MarkedMention] | None:
        """The mark drawn under a point of the viewport (not one a character's width away)."""
        if not self.marks or not self.marks_visible:
            return None
        cursor = self.text.cursorForPosition(point)
        position = cursor.position()
        x = self.text.cursorRect(cursor).x()
        for start, end, mention in self.marks:
            if start < position < end or (position == start and point.x() >= x) or \
                    (position == end and point.x() <= x):
                return start, end, mention
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """On the text's viewport: a mark's tooltip, and a click (no drag) on a mark chooses its entity."""
        if watched is self.text.viewport():
            if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
                mark = self._mark_under(event.pos())
                if mark is None:
                    QToolTip.hideText()
                else:
                    QToolTip.showText(event.globalPos(), self.describe(mark[2]), self.text.viewport())
                return True
            if isinstance(event, QMouseEvent) and event.button() == Qt.MouseButton.LeftButton:
                if event.type() == QEvent.Type.MouseButtonPress:
                    self._pressed = event.position().toPoint()
                elif event.type() == QEvent.Type.MouseButtonRelease and self._pressed is not None:
                    point, pressed, self._pressed = event.position().toPoint(), self._pressed, None
                    if (point - pressed).manhattanLength() < QApplication.startDragDistance() and \
                            not self.text.textCursor().hasSelection():
                        mark = self._mark_under(point)
                        if mark is not None and not mark[2].pending:
                            self.entity_chosen.emit(mark[2].entity_id)
        return super().eventFilter(watched, event)

    def _select(self, mark: tuple[int, int, MarkedMention]) -> None:
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(mark[0])
        cursor.setPosition(mark[1], QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        self.text.centerCursor()
        self.marks_status.setText(self.tr("Mention %1 of %2: %3").replace("%1", str(self.marks.index(mark) + 1))
                                  .replace("%2", str(len(self.marks))).replace("%3", self.describe(mark[2])))
        self.marks_status.setToolTip(self.marks_status.text())  # the whole line, where the pane cuts it

    def next_mention(self) -> None:
        """Select the next mention after the cursor (or the selected mention), wrapping to the first."""
        if not self.marks or not self.marks_visible:
            return
        cursor = self.text.textCursor()
        after = [m for m in self.marks if (m[0] > cursor.selectionStart() if cursor.hasSelection()
                                            else m[0] >= cursor.position())]
        self._select(after[0] if after else self.marks[0])

    def previous_mention(self) -> None:
        """Select the mention before the cursor (or the selected mention), wrapping to the last."""
        if not self.marks or not self.marks_visible:
            return
        before = [m for m in self.marks if m[0] < self.text.textCursor().selectionStart()]
        self._select(before[-1] if before else self.marks[-1])

    def choose_entity_at_cursor(self) -> None:
        """Go to the entity of the mention at the cursor (Ctrl+Return), if the cursor is on one."""
        if not self.marks_visible:
            return
        mark = self.mark_at(self.text.textCursor().selectionStart())
        if mark is not None and not mark[2].pending:
            self.entity_chosen.emit(mark[2].entity_id)

    # -- the analyst's entity judgements ---------------------------------------
    def set_judging(self, undo: bool, refuse: bool) -> None:
        """Whether there is a judgement made here to undo, and one waiting for a fusion."""
        self.undo_judgement_action.setEnabled(undo)
        self.refuse_action.setEnabled(refuse)

    def judged_text(self) -> tuple[str, MarkedMention | None]:
        """The selected text (one line, trimmed), else the marked mention's at the cursor; and that mention."""
        cursor = self.text.textCursor()
        mark = self.mark_at(cursor.selectionStart()) if self.marks_visible else None
        if cursor.hasSelection():
            text = cursor.selectedText().replace("\u2029", "\n").strip()
            if mark is not None and (mark[0], mark[1]) != (cursor.selectionStart(), cursor.selectionEnd()):
                mark = None
            return text, mark[2] if mark else None
        return (mark[2].surface, mark[2]) if mark is not None else ("", None)

    def ask_judgement(self, verdict: str) -> None:
        """Ask kind and why for the selected text (or the mark at the cursor), then emit judgement_requested."""
        from nia_desktop.ui.views.reports.entity_judgement import EntityJudgementDialog

        if self.report is None:
            return
        text, mark = self.judged_text()
        if not text:
            self.marks_status.setText(self.tr("Select the words first (or put the cursor on a marked mention)."))
            return
        names = {kind: self.kind_name(kind) for kind in MARK_STYLES} | {
            kind: self.kind_name(kind) for kind in ("domain", "ip", "email", "phone", "url", "social_handle",
                                                    "telegram_channel", "crypto_address")}
        dialog = EntityJudgementDialog(verdict, text, mark.kind if mark else "person", names, self.report.summary,
                                       self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self.judgement_requested.emit(
            verdict, dialog.text, dialog.chosen_kind, dialog.reason))
        dialog.open()

    def _text_menu(self, point: QPoint) -> None:
        """The text's own menu (copy, select all) with the mention actions after it."""
        self.menu = self.text.createStandardContextMenu(point)
        self.menu.addSeparator()
        for action in self.mention_actions:
            if action in self.judgement_actions:
                continue
            self.menu.addAction(action)
        self.menu.addSeparator()
        for action in self.judgement_actions:
            self.menu.addAction(action)
        self.menu.popup(self.text.viewport().mapToGlobal(point))

    def changeEvent(self, event: QEvent) -> None:
        """A theme change repaints the marks in the new theme's colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.marks:
            self._paint()
