"""The receiving workstation's notices banner: an unseen recall (red), correction (amber) or refused notice (grey,
naming no product) across the top of the workspace until a user marks it seen, and a dialog listing every notice
and the status of every product held.

Everything is read and written on workers (services/notices.py); the banner reloads when the workspace
changes view and once a minute, so a notice a courier has just received shows without a new unlock. What a
user may not read of a held product (its title) is never in what the service returns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from nia_desktop.core.classification import Level
from nia_desktop.core.display import escape_untrusted
from nia_desktop.core.roles import Action
from nia_desktop.services import notices
from nia_desktop.services.notices import HeldView, NoticeView
from nia_desktop.services.session import Session
from nia_desktop.ui.errors import describe
from nia_desktop.ui.models.table import RowsModel
from nia_desktop.ui.widgets.classification_banner import ClassificationBanner
from nia_desktop.ui.widgets.table_view import FilterTable
from nia_desktop.ui.workers import Task, run_task

RELOAD_MS = 60_000
_STYLES = {  # background, text, border: red for a recall, amber for a correction (the words say which, too),
    "recall": ("#c8102e", "#ffffff", "#8a1c1c"),  # grey for a notice refused here (it orders nothing)
    "correct": ("#ffd27a", "#3d2600", "#d98e04"),
    "refused": ("#d9d9d9", "#262626", "#7a7a7a"),
}


def style_of(view: NoticeView) -> str:
    """The banner's colours for a notice: refused, recall or correction."""
    if view.state == notices.REFUSED:
        return "refused"
    return "recall" if view.notice.action == "recall" else "correct"


class _Tasks:
    """Workers this widget started, so the workspace can wait for them before it locks."""

    def __init__(self) -> None:
        self.running: list[Task] = []

    def run(self, fn: Callable[[], Any], on_success: Callable[[Any], None],
            on_error: Callable[[BaseException], None]) -> Task:
        task = run_task(lambda signals, cancel: fn(), on_success=on_success, on_error=on_error,
                        on_finished=lambda: self.running.remove(task) if task in self.running else None)
        self.running.append(task)
        return task


class NoticesBanner(QFrame):
    """Signals:
    changed(): a notice was marked seen.
    level_changed(Level): the highest level of what the banner now shows (a held product's title); the workspace
    raises its classification banners to it.
    """

    changed = Signal()
    level_changed = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("noticesBanner")
        self.tasks = _Tasks()
        self.current: NoticeView | None = None
        self.unseen: list[NoticeView] = []
        self.level = Level.UNCLASSIFIED
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.seen_button = QPushButton(self.tr("Seen"))
        self.seen_button.setToolTip(self.tr("Acknowledge this notice (recorded in the audit log); the banner then "
                                            "shows the next one, if any"))
        self.seen_button.setVisible(session.may(Action.RECEIPT_ISSUE))
        self.seen_button.clicked.connect(self.mark_seen)
        self.all_button = QPushButton(self.tr("All notices…"))
        self.all_button.setToolTip(self.tr("Every notice received and the status of every product held"))
        self.all_button.clicked.connect(self.show_all)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.seen_button)
        row.addWidget(self.all_button)
        self.timer = QTimer(self)
        self.timer.setInterval(RELOAD_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.dialog: NoticesDialog | None = None
        self.loading: Task | None = None
        self.hide()
        self.refresh()

    @property
    def busy(self) -> bool:
        return bool(self.tasks.running) or (self.dialog is not None and self.dialog.busy)

    def refresh(self) -> None:
        """Reload the unseen notices on a worker (skipped while a reload is already running)."""
        if (self.loading is not None and self.loading in self.tasks.running) or \
                not self.session.may(Action.BUNDLE_VERIFY):
            return
        session = self.session
        self.loading = self.tasks.run(lambda: notices.received_notices(session, unseen_only=True), self._show,
                                      self._failed)

    def _show(self, unseen: list[NoticeView]) -> None:
        self.unseen = unseen
        self.current = unseen[0] if unseen else None
        self._set_level(shown_level(self.current.applies) if self.current is not None
                        and self.current.state != notices.REFUSED else Level.UNCLASSIFIED)
        if self.current is None:
            self.hide()
            return
        background, foreground, border = _STYLES[style_of(self.current)]
        self.setStyleSheet(f"QFrame#noticesBanner {{ background: {background}; border: 2px solid {border}; }}"
                           f"QFrame#noticesBanner > QLabel {{ color: {foreground}; font-weight: 600; }}")
        text = notice_text(self.current)
        if len(unseen) > 1:
            text += "  " + self.tr("(%1 more unseen)").replace("%1", str(len(unseen) - 1))
        self.label.setText(text)
        self.setAccessibleName(text)
        self.seen_button.setEnabled(True)
        self.show()

    def _set_level(self, level: Level) -> None:
        if level != self.level:
            self.level = level
            self.level_changed.emit(level)

    def _failed(self, exc: BaseException) -> None:
        message = describe(exc, self.session.vault.paths.root)
        if message:
            self._set_level(Level.UNCLASSIFIED)
            self.label.setText(self.tr("Notices could not be read: %1").replace("%1", message))
            self.show()

    def mark_seen(self) -> None:
        if self.current is None:
            return
        session, notice_uuid = self.session, self.current.notice.uuid
        self.seen_button.setEnabled(False)

        def done(_: bool) -> None:
            self.changed.emit()
            self.refresh()

        def failed(exc: BaseException) -> None:
            self.seen_button.setEnabled(True)
            self._failed(exc)

        self.tasks.run(lambda: notices.mark_seen(session, notice_uuid), done, failed)

    def show_all(self) -> None:
        if self.dialog is None:
            self.dialog = NoticesDialog(self.session, self)
        self.dialog.reload()
        self.dialog.show()
        self.dialog.raise_()


def notice_text(view: NoticeView) -> str:
    """The banner's words for a notice: what to do, to which product, and why. A notice refused here orders
    nothing: its words name no product and repeat none of the sender's, only who signed it and why it was
    refused (a security event for the officer)."""
    from PySide6.QtCore import QCoreApplication

    notice = view.notice
    if view.state == notices.REFUSED:
        kind = QCoreApplication.translate("NoticesBanner", "recall") if notice.action == "recall" else \
            QCoreApplication.translate("NoticesBanner", "correction")
        return QCoreApplication.translate(
            "NoticesBanner", "Refused %1 from %2: %3. Nothing was marked; do not act on it.").replace(
            "%1", kind).replace("%2", escape_untrusted(view.signer, 120)).replace("%3", refusal_text(view))
    what = escape_untrusted(view.label, 120)
    why = escape_untrusted(notice.why, 400)
    if notice.action == "recall":
        return QCoreApplication.translate("NoticesBanner", "RECALL: destroy all copies of %1 — %2").replace(
            "%1", what).replace("%2", why)
    return QCoreApplication.translate("NoticesBanner", "CORRECTION: %1 superseded by %2 — %3").replace(
        "%1", what).replace("%2", notice.superseded_by[:16]).replace("%3", why)


def refusal_text(view: NoticeView) -> str:
    """Why a notice was refused here, in words (the signer rule of services/notices)."""
    from PySide6.QtCore import QCoreApplication

    if view.refused and view.refused[0].reason == notices.REFUSED_THEN:
        return QCoreApplication.translate("NoticesBanner", "refused when it came: its key had not signed the "
                                                           "product and was not then trusted here as a security "
                                                           "officer's")
    return QCoreApplication.translate("NoticesBanner", "not signed by the product's signer, nor by a key trusted "
                                                       "here as a security officer's")


def kind_text(view: NoticeView) -> str:
    """The notices table's Notice column: RECALL, correction, or the refused one of either."""
    from PySide6.QtCore import QCoreApplication

    if view.state == notices.REFUSED:
        return QCoreApplication.translate("NoticesBanner", "REFUSED recall") if view.notice.action == "recall" \
            else QCoreApplication.translate("NoticesBanner", "REFUSED correction")
    return QCoreApplication.translate("NoticesBanner", "RECALL") if view.notice.action == "recall" else \
        QCoreApplication.translate("NoticesBanner", "correction")


def product_text(view: NoticeView) -> str:
    """The notices table's Product column: what the notice stands for; for a refused one, who signed it and why
    it was refused, never the product it named."""
    from PySide6.QtCore import QCoreApplication

    if view.state == notices.REFUSED:
        return QCoreApplication.translate("NoticesBanner", "none: from %1, %2").replace(
            "%1", escape_untrusted(view.signer, 120)).replace("%2", refusal_text(view))
    return escape_untrusted(view.label, 120)


class NoticesDialog(QDialog):
    """Every notice received (unseen first) and every product held with its status."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.tasks = _Tasks()
        self.setWindowTitle(self.tr("Notices and held products"))
        self.resize(900, 480)
        self.notices_model: RowsModel[NoticeView] = RowsModel([
            (self.tr("Received"), lambda n: n.notice.received_at[:16].replace("T", " ")),
            (self.tr("Notice"), kind_text),
            (self.tr("Product"), product_text),
            (self.tr("Why"), lambda n: escape_untrusted(n.notice.why, 200)),
            (self.tr("Marked"), lambda n: f"{len(n.marked)} / {len(n.applies) + len(n.refused)}"),
            (self.tr("Seen"), lambda n: self.tr("by %1").replace("%1", n.notice.seen_by) if n.notice.seen_at
             else self.tr("NOT SEEN")),
            (self.tr("Bundle"), lambda n: n.notice.uuid),
        ], self)
        self.held_model: RowsModel[HeldView] = RowsModel([
            (self.tr("Received"), lambda h: h.product.received_at[:16].replace("T", " ")),
            (self.tr("Product"), lambda h: escape_untrusted(h.label, 120)),
            (self.tr("Classification"), lambda h: h.product.classification.banner_text),
            (self.tr("Status"), lambda h: status_text(h)),
            (self.tr("Digest"), lambda h: h.product.digest[:16]),
            (self.tr("Bundle"), lambda h: h.product.bundle_uuid),
        ], self)
        self.notices_table = FilterTable(self.notices_model, self)
        self.notices_table.setAccessibleName(self.tr("Notices received"))
        self.held_table = FilterTable(self.held_model, self)
        self.held_table.setAccessibleName(self.tr("Products held"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        tabs = QTabWidget()
        tabs.addTab(self.notices_table, self.tr("Notices"))
        tabs.addTab(self.held_table, self.tr("Products held"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        # Held products' titles are shown to a reader cleared for them: the dialog is marked with the highest.
        self.top_banner, self.bottom_banner = ClassificationBanner(self), ClassificationBanner(self)
        column = QVBoxLayout(self)
        column.addWidget(self.top_banner)
        column.addWidget(tabs, 1)
        column.addWidget(self.message)
        column.addWidget(buttons)
        column.addWidget(self.bottom_banner)

    @property
    def busy(self) -> bool:
        return bool(self.tasks.running)

    def reload(self) -> None:
        session = self.session
        self.tasks.run(lambda: (notices.received_notices(session), notices.held_products(session)), self._loaded,
                       self._failed)

    def _loaded(self, found: tuple[list[NoticeView], list[HeldView]]) -> None:
        self.notices_model.set_rows(found[0])
        self.held_model.set_rows(found[1])
        level = max([shown_level(found[1])] + [shown_level(n.applies) for n in found[0] if n.state != notices.REFUSED])
        self.top_banner.set_level(level)
        self.bottom_banner.set_level(level)
        self.message.setText(self.tr("%1 notice(s), %2 product(s) held.").replace("%1", str(len(found[0])))
                             .replace("%2", str(len(found[1]))))

    def _failed(self, exc: BaseException) -> None:
        self.message.setText(describe(exc, self.session.vault.paths.root) or "")


def shown_level(held: Iterable[HeldView]) -> Level:
    """The highest level among held products whose titles this user is shown (withheld ones show only a digest)."""
    return max((h.product.classification for h in held if not h.withheld), default=Level.UNCLASSIFIED)


def status_text(view: HeldView) -> str:
    """A held product's status in words: current, superseded (by which), or withdrawn."""
    from PySide6.QtCore import QCoreApplication

    product = view.product
    if product.status == "withdrawn":
        return QCoreApplication.translate("NoticesBanner", "WITHDRAWN: destroy all copies")
    if product.status == "superseded":
        return QCoreApplication.translate("NoticesBanner", "superseded by %1").replace(
            "%1", product.superseded_by[:16] or "?")
    return QCoreApplication.translate("NoticesBanner", "current")
