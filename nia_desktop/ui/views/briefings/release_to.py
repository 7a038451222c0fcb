"""Release a case to consumers (analyst, from the Briefings composer): tick the consumers, see which product each
will get (the full product, or a tearline version cut at its line) or why it is refused, choose a folder or the
courier's queue, and release. Each consumer's product is composed from the whole case exactly as `nia release-to`
composes it (services/dissemination.py): the composer's ticks do not apply, its title and summary do.

What each consumer will get is a dry run of the release (services/dissemination.plan) on a worker, redone when
the ticks or the tearline summary change; the release itself runs on a worker and decides again. A release that
refuses any consumer writes nothing for anyone: the result table then says who was refused and why.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nia_desktop.core.classification import Level
from nia_desktop.core.display import escape_untrusted
from nia_desktop.core.errors import PermissionRefused
from nia_desktop.core.store.ledger import Consumer
from nia_desktop.services import consumers as consumer_service
from nia_desktop.services import dissemination
from nia_desktop.services.dissemination import Planned, Release, Released
from nia_desktop.services.session import Session
from nia_desktop.ui.errors import describe
from nia_desktop.ui.models.cells import CellRows
from nia_desktop.ui.theme import CLASSIFICATION_COLOURS, named
from nia_desktop.ui.widgets.classification_banner import ClassificationBanner
from nia_desktop.ui.widgets.message_banner import MessageBanner
from nia_desktop.ui.widgets.table_view import FilterTable
from nia_desktop.ui.workers import Task, run_task

NAME, ORGANISATION, MAY_HOLD, WILL_GET = range(4)
REFUSED_COLOUR = "#8a1c1c"
STATUS_COLOURS = {"exported": ("#e6f4ea", "#1e4d2b"), "queued": ("#e8f0fb", "#17365d"),
                  "pending": ("#fff4e0", "#6b4100"), "refused": ("#fde8e8", "#8a1c1c")}


def review_text(review: str) -> str:
    translate = QCoreApplication.translate
    return {"needed": translate("ReleaseTo", "release review needed"),
            "pending": translate("ReleaseTo", "review pending"),
            "approved": translate("ReleaseTo", "approved"),
            "rejected": translate("ReleaseTo", "review rejected")}.get(review, "")


def planned_text(planned: Planned) -> str:
    """"full product · SECRET / 秘 · release review needed", "tearline at SECRET · …", "refused: …"."""
    translate = QCoreApplication.translate
    if planned.marking is None:
        return translate("ReleaseTo", "refused: %1").replace("%1", escape_untrusted(planned.refusal, 300))
    product = (translate("ReleaseTo", "tearline at %1").replace("%1", planned.tearline) if planned.tearline
               else translate("ReleaseTo", "full product"))
    parts = [product, escape_untrusted(planned.marking.banner(), 200)]
    if planned.review:
        parts.append(review_text(planned.review))
    return " · ".join(parts)


class Outcome:
    """One row of the result table: a consumer's outcome, or its refusal."""

    def __init__(self, consumer: str, status: str, detail: str = "", marking: str = "", file: str = "",
                 level: Level | None = None) -> None:
        self.consumer, self.status, self.detail, self.marking, self.file, self.level = (
            consumer, status, detail, marking, file, level)


def outcome_of(released: Released) -> Outcome:
    translate = QCoreApplication.translate
    if released.status == "exported":
        status = translate("ReleaseTo", "exported")
        where = released.path or translate("ReleaseTo", "the courier's queue")
    elif released.status == "queued":
        status = translate("ReleaseTo", "review queued (request %1)").replace("%1", str(released.request_id))
        where = ""
    else:
        status = translate("ReleaseTo", "review pending (request %1)").replace("%1", str(released.request_id))
        where = ""
    return Outcome(released.consumer, released.status, status, escape_untrusted(released.marking.banner(), 200),
                   where, released.marking.level)


def refusal_of(planned: Planned | None, name: str) -> Outcome:
    """A consumer's row when the release was refused: its own refusal, or that another's stopped it."""
    translate = QCoreApplication.translate
    if planned is not None and planned.marking is None:
        return Outcome(name, "refused", translate("ReleaseTo", "refused: %1").replace(
            "%1", escape_untrusted(planned.refusal, 300)))
    return Outcome(name, "refused", translate("ReleaseTo", "not released: another consumer was refused"))


class ReleaseToDialog(QDialog):
    """``title`` and ``summary`` are the composer's, for the full product."""

    def __init__(self, session: Session, case: str, title: str | None, summary: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.case, self.title, self.summary = session, case, title, summary
        self.running: list[Task] = []
        self.plans: dict[str, Planned] = {}
        self.consumers: list[Consumer] = []
        self.release: Release | None = None
        self.setWindowTitle(self.tr("Release to consumers"))
        self.plan_timer = QTimer(self)
        self.plan_timer.setSingleShot(True)
        self.plan_timer.setInterval(400)  # one dry run once the analyst pauses, not one per tick
        self.plan_timer.timeout.connect(self.plan_now)
        self.top_banner, self.bottom_banner = ClassificationBanner(self), ClassificationBanner(self)
        self.banner = MessageBanner(self)
        intro = QLabel(self.tr("Release case %1. Each consumer gets the product it may hold: the full product, or "
                               "a tearline version cut at its line. Products are composed from the whole case (the "
                               "composer's ticks do not apply); a consumer that may hold nothing of it refuses the "
                               "whole release.").replace("%1", escape_untrusted(case, 80)))
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(self.tr("Consumers to release to"))
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels([self.tr("Consumer"), self.tr("Organisation"), self.tr("May hold up to"),
                                   self.tr("Will get")])
        self.tree.header().setStretchLastSection(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setMinimumHeight(150)
        self.tree.setStyleSheet("QTreeWidget::item { padding: 3px 2px; }")
        self.tree.itemChanged.connect(lambda *_: self.plan_timer.start())
        self.refusals = QLabel()
        self.refusals.setWordWrap(True)
        self.refusals.setTextFormat(Qt.TextFormat.PlainText)
        self.refusals.setStyleSheet(f"color: {REFUSED_COLOUR};")
        self.refusals.setAccessibleName(self.tr("Consumers refused"))
        self.refusals.hide()
        self.tearline_summary = QPlainTextEdit()
        self.tearline_summary.setAccessibleName(self.tr("Tearline summary"))
        self.tearline_summary.setPlaceholderText(self.tr("Optional: the summary of the tearline versions. Without "
                                                         "it each version says only what it holds."))
        self.tearline_summary.setMaximumHeight(70)
        self.tearline_summary.textChanged.connect(lambda: self.plan_timer.start())
        self.to_queue = QRadioButton(self.tr("The courier's &queue"))
        self.to_folder = QRadioButton(self.tr("A &folder:"))
        self.to_queue.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.to_queue)
        group.addButton(self.to_folder)
        self.folder = QLineEdit()
        self.folder.setAccessibleName(self.tr("Folder the consumers' files are written to"))
        self.folder.setPlaceholderText(self.tr("one encrypted file per consumer"))
        self.folder.textEdited.connect(lambda _: self.to_folder.setChecked(True))
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self.choose_folder)
        where = QHBoxLayout()
        where.addWidget(QLabel(self.tr("Send to")))
        where.addWidget(self.to_queue)
        where.addWidget(self.to_folder)
        where.addWidget(self.folder, 1)
        where.addWidget(choose)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.progress.setAccessibleName(self.tr("Releasing"))
        self.results_model = CellRows([
            (self.tr("Consumer"), lambda o: o.consumer),
            (self.tr("Status"), lambda o: o.detail),
            (self.tr("Marking"), lambda o: o.marking),
            (self.tr("File"), lambda o: o.file),
        ], self, tooltip=lambda o: o.detail,
            cells={1: lambda o: STATUS_COLOURS.get(o.status),
                   2: lambda o: CLASSIFICATION_COLOURS[o.level] if o.level is not None else None})
        self.results = FilterTable(self.results_model, self)
        self.results.setAccessibleName(self.tr("What each consumer got"))
        self.results.setVisible(False)
        self.results.setMinimumHeight(120)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.release_button = named(QPushButton(self.tr("Release")), "primary")
        self.release_button.setToolTip(self.tr("Release to the ticked consumers: each copy signed, encrypted to its "
                                               "consumer and recorded in the ledger, under the two-person rule"))
        self.buttons.addButton(self.release_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.release_button.clicked.connect(self.start_release)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.top_banner)
        column.addWidget(self.banner)
        column.addWidget(intro)
        column.addWidget(self.tree, 1)
        column.addWidget(self.refusals)
        column.addWidget(QLabel(self.tr("Tearline summary")))
        column.addWidget(self.tearline_summary)
        column.addLayout(where)
        column.addWidget(self.progress)
        column.addWidget(self.results, 1)
        column.addWidget(self.buttons)
        column.addWidget(self.bottom_banner)
        self.resize(900, 560)
        self._planning: Task | None = None
        self._replan = False
        self._update_button()
        self._run(lambda: consumer_service.list_consumers(session), self._show_consumers)

    # -- workers ----------------------------------------------------------
    @property
    def busy(self) -> bool:
        return bool(self.running)

    def _run(self, fn: Callable[[], Any], on_success: Callable[[Any], None],
             on_error: Callable[[BaseException], None] | None = None,
             then: Callable[[], None] | None = None) -> Task:
        """``fn`` on a worker; its handlers run on the UI thread only while this dialog still exists (a dry run
        may end after the dialog was closed and its window locked)."""

        def alive(handler: Callable[..., None]) -> Callable[..., None]:
            return lambda *args: handler(*args) if shiboken6.isValid(self) else None

        def finished() -> None:
            if task in self.running:
                self.running.remove(task)
            self._update_button()
            if then is not None:
                then()

        task = run_task(lambda signals, cancel: fn(), on_success=alive(on_success),
                        on_error=alive(on_error or self._failed), on_finished=alive(finished))
        self.running.append(task)
        return task

    def _failed(self, exc: BaseException) -> None:
        message = describe(exc, self.session.vault.paths.root)
        if message:
            self.banner.show_message(message, "error")

    # -- consumers and the dry run ----------------------------------------
    def _show_consumers(self, rows: list[Consumer]) -> None:
        self.consumers = rows
        self.tree.blockSignals(True)
        self.tree.clear()
        for consumer in rows:
            item = QTreeWidgetItem([consumer.name, escape_untrusted(consumer.organisation, 80),
                                    "//".join((consumer.max_level.banner_text, *consumer.caveats)), ""])
            item.setData(NAME, Qt.ItemDataRole.UserRole, consumer.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(NAME, Qt.CheckState.Unchecked)
            background, foreground = CLASSIFICATION_COLOURS[consumer.max_level]
            item.setBackground(MAY_HOLD, QColor(background))
            item.setForeground(MAY_HOLD, QColor(foreground))
            self.tree.addTopLevelItem(item)
        self.tree.blockSignals(False)
        if not rows:
            self.banner.show_message(self.tr("No consumer is registered: a security officer adds them in the "
                                             "Consumers view."), "info")
        self._update_button()

    def items(self) -> list[QTreeWidgetItem]:
        found = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [item for item in found if item is not None]

    def ticked(self) -> list[str]:
        return [str(item.data(NAME, Qt.ItemDataRole.UserRole)) for item in self.items()
                if item.checkState(NAME) == Qt.CheckState.Checked]

    def set_ticked(self, name: str, checked: bool = True) -> None:
        for item in self.items():
            if item.data(NAME, Qt.ItemDataRole.UserRole) == name:
                item.setCheckState(NAME, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def summary_text(self) -> str | None:
        return self.tearline_summary.toPlainText().strip() or None

    def plan_now(self) -> None:
        """What each ticked consumer will get, worked out on a worker (one dry run at a time)."""
        self._update_button()
        names = self.ticked()
        if not names:
            self.plans = {}
            self._show_plans()
            return
        if self._planning is not None:
            self._replan = True
            return
        session, case, summary, title, full = self.session, self.case, self.summary_text(), self.title, self.summary

        def done(found: list[Planned]) -> None:
            self.plans = {p.consumer: p for p in found}
            self._show_plans()

        def finished() -> None:
            self._planning = None
            if self._replan:
                self._replan = False
                self.plan_timer.start()

        self._planning = self._run(lambda: dissemination.plan(session, case, names, summary, title=title,
                                                              summary=full), done, then=finished)

    def _show_plans(self) -> None:
        self.tree.blockSignals(True)
        ticked = set(self.ticked())
        highest = Level.UNCLASSIFIED
        for item in self.items():
            name = str(item.data(NAME, Qt.ItemDataRole.UserRole))
            planned = self.plans.get(name) if name in ticked else None
            item.setText(WILL_GET, planned_text(planned) if planned is not None else "")
            item.setToolTip(WILL_GET, item.text(WILL_GET))
            refused = planned is not None and planned.marking is None
            item.setForeground(WILL_GET, QColor(REFUSED_COLOUR) if refused else self.tree.palette().text().color())
            if planned is not None and planned.marking is not None:
                highest = max(highest, planned.marking.level)
        self.tree.blockSignals(False)
        refusals = [p for name, p in self.plans.items() if name in ticked and p.marking is None]
        self.refusals.setText("\n".join(self.tr("%1 is refused: %2. Nothing is released to anyone while it is "
                                                "ticked.").replace("%1", p.consumer)
                                        .replace("%2", escape_untrusted(p.refusal, 300)) for p in refusals))
        self.refusals.setVisible(bool(refusals))
        self.top_banner.set_level(highest)
        self.bottom_banner.set_level(highest)

    # -- destination ------------------------------------------------------
    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the consumers' files"))
        if folder:
            self.folder.setText(folder)
            self.to_folder.setChecked(True)

    def destination(self) -> Path | None:
        return Path(self.folder.text().strip()) if self.to_folder.isChecked() else None

    def _update_button(self) -> None:
        self.release_button.setEnabled(bool(self.ticked()) and not self.progress.isVisible())

    # -- the release ------------------------------------------------------
    def start_release(self) -> None:
        names = self.ticked()
        if not names or self.progress.isVisible():
            return
        out = self.destination()
        if self.to_folder.isChecked() and (out is None or not str(out) or not out.is_dir()):
            self.banner.show_message(self.tr("Choose an existing folder for the consumers' files, or send them to "
                                             "the courier's queue."), "error")
            return
        self.banner.hide()
        self.progress.setVisible(True)
        self._update_button()
        session, case, summary, title, full = self.session, self.case, self.summary_text(), self.title, self.summary

        def finished() -> None:
            self.progress.setVisible(False)
            self._update_button()

        self._run(lambda: dissemination.release_to(session, case, names, out, summary, title=title, summary=full),
                  self._released, lambda exc: self._refused(exc, names), then=finished)

    def _released(self, release: Release) -> None:
        self.release = release
        rows = [outcome_of(r) for r in release.released]
        self._show_results(rows)
        exported = sum(1 for r in release.released if r.status == "exported")
        waiting = len(release.released) - exported
        message = self.tr("Released to %1 consumer(s).").replace("%1", str(exported))
        if waiting:
            message += " " + self.tr("%1 product(s) wait for an officer's release review: nothing was written for "
                                     "them; release again once approved.").replace("%1", str(waiting))
        self.banner.show_message(message, "success" if not waiting else "info")
        self.plan_timer.start()  # the reviews' state has changed

    def _refused(self, exc: BaseException, names: list[str]) -> None:
        """Nothing was released to anyone: the banner says why; the result table says who was refused and why,
        from a dry run of the same release (on a worker)."""
        self._failed(exc)
        if not isinstance(exc, PermissionRefused):
            return
        session, case, summary, title, full = self.session, self.case, self.summary_text(), self.title, self.summary

        def show(found: list[Planned]) -> None:
            self.plans = {p.consumer: p for p in found}
            self._show_plans()
            self._show_results([refusal_of(self.plans.get(name), name) for name in names])

        self._run(lambda: dissemination.plan(session, case, names, summary, title=title, summary=full), show)

    def _show_results(self, rows: list[Outcome]) -> None:
        self.results_model.set_rows(rows)
        self.results.setVisible(True)
        self.results.resizeColumnsToContents()
