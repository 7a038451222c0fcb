"""The reader's "This is an entity…" and "Not an entity…": the dialog that asks kind and reason, and what runs
the judgement (services/entity_marks.py) on a worker for the Reports view.

A judgement is recorded at once and applied by the next full fusion (the kept one is not rewritten in place):
the banner says so and how many kept fusions wait for it, the open report shows it at once (italic marks,
services/report_mentions.with_pending), F5 fuses again on a worker (with the view's progress and cancel), and
the open report's marks are read again when it is done. Ctrl+Z undoes the latest judgement
made here (the Fusion view's Judgements tab undoes any).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from nia_desktop.core.display import escape_untrusted
from nia_desktop.core.errors import BadInput
from nia_desktop.core.fusion.marks import MARKABLE, check_text
from nia_desktop.core.store.reports import ReportSummary
from nia_desktop.ui.dialogs import FormDialog
from nia_desktop.ui.views.reports.caveats import banner_text
from nia_desktop.ui.widgets.classification_banner import ClassificationBanner

if TYPE_CHECKING:
    from nia_desktop.services.entity_marks import Judged
    from nia_desktop.ui.views.base import View
    from nia_desktop.ui.views.reports.reader import ReaderPane

ENTITY, NOT_ENTITY = "entity", "not_entity"


class EntityJudgementDialog(FormDialog):
    """Asks the kind (for "not an entity": a kind or any) and why, for text the analyst selected."""

    def __init__(self, verdict: str, text: str, kind: str, kind_names: dict[str, str],
                 summary: ReportSummary | None = None, parent: QWidget | None = None) -> None:
        title = self.tr("This is an entity") if verdict == ENTITY else self.tr("Not an entity")
        super().__init__(title, parent)
        self.verdict = verdict
        self.text = text
        layout = self.layout()
        if summary is not None and isinstance(layout, QVBoxLayout):
            for at in (0, -1):  # it shows the report's words: the report's marking above and below
                bar = ClassificationBanner(self)
                bar.set_level(summary.classification)
                bar.setText(banner_text(summary.classification, summary.caveats))
                layout.insertWidget(at, bar)
        shown = QLabel(escape_untrusted(text, 200))
        shown.setWordWrap(True)
        shown.setAccessibleName(self.tr("Selected text"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind"))
        if verdict == NOT_ENTITY:
            self.kind.addItem(self.tr("any kind"), "")
        for value in (k.value for k in MARKABLE):
            self.kind.addItem(kind_names.get(value, value), value)
        found = self.kind.findData(kind) if kind and verdict == ENTITY else 0
        self.kind.setCurrentIndex(max(found, 0))
        self.why = QLineEdit()
        self.why.setAccessibleName(self.tr("Reason"))
        self.why.setPlaceholderText(self.tr("Why (kept in the judgement log)"))
        explain = QLabel(self.tr(
            "Every place this exact text is written, in every report, becomes a mention of this kind.")
            if verdict == ENTITY else self.tr(
            "Mentions written exactly like this are dropped from fusion, in every report."))
        explain.setWordWrap(True)
        self.form.addRow(self.tr("Text"), shown)
        self.form.addRow(self.tr("&Kind"), self.kind)
        self.form.addRow(self.tr("&Why"), self.why)
        self.form.addRow(explain)
        self.setMinimumWidth(440)

    @property
    def chosen_kind(self) -> str:
        return str(self.kind.currentData() or "")

    @property
    def reason(self) -> str:
        return self.why.text().strip()

    def validate(self) -> None:
        try:
            check_text(self.text)
        except ValueError as exc:
            raise BadInput(str(exc)) from None


class EntityJudging(QObject):
    """Runs the reader's judgements for ``view`` (the Reports view: its session, worker runner and banner)."""

    def __init__(self, view: View, reader: ReaderPane) -> None:
        super().__init__(view)
        self.view = view
        self.reader = reader
        self.made: list[int] = []  # judgements made here, newest last: Ctrl+Z undoes them in turn
        self.fusing = False
        reader.judgement_requested.connect(self.judge)
        reader.undo_requested.connect(self.undo)
        reader.refuse_requested.connect(self.fuse_again)
        reader.set_judging(undo=False, refuse=False)

    def judge(self, verdict: str, text: str, kind: str, why: str) -> None:
        from nia_desktop.services import entity_marks

        report = self.reader.report.summary.id if self.reader.report is not None else None
        session = self.view.session
        if verdict == ENTITY:
            def work(signals: object, cancel: object) -> Judged:
                return entity_marks.mark_entity(session, text, kind, why, report)
        else:
            def work(signals: object, cancel: object) -> Judged:
                return entity_marks.unmark_entity(session, text, kind or None, why, report)
        self.view.run(work, on_success=lambda judged: self._judged(verdict, text, judged))

    def _judged(self, verdict: str, text: str, judged: Judged) -> None:
        self.made.append(judged.judgement)
        shown = escape_untrusted(text, 60)
        said = (self.tr("Recorded: “%1” is an entity (judgement %2).") if verdict == ENTITY else
                self.tr("Recorded: “%1” is not an entity (judgement %2).")).replace("%1", shown).replace(
            "%2", str(judged.judgement))
        self._say(said, judged.queued)

    def undo(self) -> None:
        if not self.made:
            self.view.banner.show_message(self.tr("No entity judgement made here to undo; the Fusion view's "
                                                  "Judgements tab undoes any."), "warning")
            return
        from nia_desktop.services import fusion

        judgement, session = self.made[-1], self.view.session

        def undone(queued: int) -> None:
            if judgement in self.made:
                self.made.remove(judgement)
            self._say(self.tr("Undone: judgement %1 is revoked (it stays in the log).").replace(
                "%1", str(judgement)), queued)

        self.view.run(lambda signals, cancel: fusion.undo_judgement(session, judgement), on_success=undone)

    def _say(self, said: str, queued: int) -> None:
        if queued:
            said += " " + self.tr("Not fused yet: re-fuse recommended (pending on %1 kept fusion(s)); this report "
                                  "shows it in italics. Press F5 to fuse again now. Ctrl+Z undoes.").replace(
                "%1", str(queued))
        else:
            said += " " + self.tr("No fusion is kept yet: the first one applies it. Ctrl+Z undoes.")
        self.view.banner.show_message(said, "success")
        self.reader.set_judging(undo=bool(self.made), refuse=bool(queued) and not self.fusing)
        self.reload_marks()  # a judgement not fused yet shows at once in the open report (italic)

    def fuse_again(self) -> None:
        """The full fusion the judgement waits for, on a worker; the open report's marks are read again after."""
        if self.fusing:
            return
        from nia_desktop.services import fusion

        session = self.view.session
        self.fusing = True
        self.reader.set_judging(undo=bool(self.made), refuse=False)
        self.view.banner.show_message(self.tr("Fusing again to apply your judgements…"), "info")

        def work(signals: Any, cancel: Any) -> object:
            return fusion.fuse_kept(session, "", lambda d, t, m: signals.progress.emit(d, t, m), cancel)

        def progress(done: int, total: int, message: str) -> None:
            self.view.banner.show_message(self.tr("Fusing again: %1 of %2").replace("%1", str(done)).replace(
                "%2", str(total)), "info")

        def finished() -> None:
            self.fusing = False
            self.reader.set_judging(undo=bool(self.made), refuse=False)

        self.view.run(work, on_success=lambda _: self._fused(), on_progress=progress, on_finished=finished)

    def _fused(self) -> None:
        self.view.banner.show_message(self.tr("Fused again: your judgements are applied and the marks follow."),
                                      "success")
        self.reload_marks()

    def reload_marks(self) -> None:
        from nia_desktop.services import report_mentions

        if self.reader.report is None:
            return
        report_id, session = self.reader.report.summary.id, self.view.session
        self.view.run(lambda signals, cancel: report_mentions.report_mentions(session, report_id),
                      on_success=lambda found: self.reader.show_mentions(report_id, found))
