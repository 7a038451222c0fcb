"""The unlocked workspace: banners, header, navigation rail, views, status line.

The rail lists only the views the role may use, read from the same policy
table the services enforce.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from nia_desktop.core.classification import Level
from nia_desktop.core.display import escape_untrusted
from nia_desktop.core.markings import Access
from nia_desktop.core.roles import Action
from nia_desktop.services import clearances
from nia_desktop.services.session import Session
from nia_desktop.ui import workers
from nia_desktop.ui.theme import named
from nia_desktop.ui.views.audit import AuditView
from nia_desktop.ui.views.base import View
from nia_desktop.ui.views.briefings.composer import BriefingsView
from nia_desktop.ui.views.briefings.review import ReleaseView
from nia_desktop.ui.views.compartments import NeedToKnowView
from nia_desktop.ui.views.consumers import ConsumersView
from nia_desktop.ui.views.fusion.view import FusionView
from nia_desktop.ui.views.insiders import InsidersView, connect_to_audit
from nia_desktop.ui.views.ledger import LedgerView
from nia_desktop.ui.views.my_key import MyKeyView
from nia_desktop.ui.views.notices_banner import NoticesBanner
from nia_desktop.ui.views.reports.view import ReportsView
from nia_desktop.ui.views.requirements import RequirementsView
from nia_desktop.ui.views.settings import SettingsView
from nia_desktop.ui.views.transfer import TransferView
from nia_desktop.ui.views.trust import TrustView
from nia_desktop.ui.views.users import UsersView
from nia_desktop.ui.views.vault_care import VaultCareView
from nia_desktop.ui.widgets.classification_banner import ClassificationBanner
from nia_desktop.ui.widgets.message_banner import MessageBanner


@dataclass(frozen=True)
class ViewSpec:
    key: str
    title: Callable[[], str]
    factory: Callable[[Session], View]
    needs: Action


def _t(text: object) -> Callable[[], str]:
    """Translated when the rail is built, so a language change takes effect."""
    return lambda: QCoreApplication.translate("Workspace", str(text))


VIEWS = (
    ViewSpec("reports", _t(QT_TRANSLATE_NOOP("Workspace", "Reports")), ReportsView, Action.REPORT_READ),
    ViewSpec("fusion", _t(QT_TRANSLATE_NOOP("Workspace", "Fusion")), FusionView, Action.FUSE),
    ViewSpec("briefings", _t(QT_TRANSLATE_NOOP("Workspace", "Briefings")), BriefingsView, Action.BRIEF_COMPOSE),
    ViewSpec("users", _t(QT_TRANSLATE_NOOP("Workspace", "Users")), UsersView, Action.USER_LIST),
    ViewSpec("need_to_know", _t(QT_TRANSLATE_NOOP("Workspace", "Need to know")), NeedToKnowView,
             Action.USER_CLEAR),
    ViewSpec("audit", _t(QT_TRANSLATE_NOOP("Workspace", "Audit")), AuditView, Action.AUDIT_VIEW),
    ViewSpec("insiders", _t(QT_TRANSLATE_NOOP("Workspace", "Insider watch")), InsidersView, Action.AUDIT_VIEW),
    ViewSpec("releases", _t(QT_TRANSLATE_NOOP("Workspace", "Release review")), ReleaseView,
             Action.RELEASE_REVIEW),
    ViewSpec("consumers", _t(QT_TRANSLATE_NOOP("Workspace", "Consumers")), ConsumersView, Action.CONSUMER_MANAGE),
    ViewSpec("ledger", _t(QT_TRANSLATE_NOOP("Workspace", "Ledger")), LedgerView, Action.LEDGER_READ),
    ViewSpec("trust", _t(QT_TRANSLATE_NOOP("Workspace", "Trust")), TrustView, Action.TRUST_MANAGE),
    ViewSpec("settings", _t(QT_TRANSLATE_NOOP("Workspace", "Settings")), SettingsView,
             Action.SETTINGS_CHANGE),
    ViewSpec("vault_care", _t(QT_TRANSLATE_NOOP("Workspace", "Vault care")), VaultCareView, Action.VAULT_CHECK),
    ViewSpec("requirements", _t(QT_TRANSLATE_NOOP("Workspace", "Requirements")), RequirementsView,
             Action.PIR_MANAGE),
    ViewSpec("transfer", _t(QT_TRANSLATE_NOOP("Workspace", "Transfer")), TransferView, Action.BUNDLE_VERIFY),
    ViewSpec("my_key", _t(QT_TRANSLATE_NOOP("Workspace", "My key")), MyKeyView, Action.OWN_KEY_EXPORT),
)


class Workspace(QWidget):
    """Signals:
    lock_requested(): the user pressed Lock.
    """

    lock_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.top_banner = ClassificationBanner(self)
        self.bottom_banner = ClassificationBanner(self)
        who = QLabel(self.tr("%1 · %2").replace("%1", session.name).replace("%2", session.role.value))
        who.setAccessibleName(self.tr("Signed in user and role"))
        self.countdown = QLabel()
        self.countdown.setAccessibleName(self.tr("Time until auto-lock"))
        self.lock_button = QPushButton(self.tr("Lock"))
        self.lock_button.setToolTip(self.tr("Lock now (Ctrl+L)"))
        self.lock_button.clicked.connect(self.lock_requested)
        header = QHBoxLayout()
        header.setContentsMargins(10, 4, 10, 4)
        title = QLabel(self.tr("NIA Desktop"))
        title.setStyleSheet("font-weight: 600;")
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(who)
        header.addSpacing(12)
        header.addWidget(self.countdown)
        header.addWidget(self.lock_button)

        self.rail = named(QListWidget(), "navRail")
        self.rail.setAccessibleName(self.tr("Navigation"))
        self.rail.setMaximumWidth(200)
        self.stack = QStackedWidget()
        self.views: dict[str, View] = {}
        for spec in VIEWS:
            if not session.may(spec.needs):
                continue
            view = spec.factory(session)
            view.classification_changed.connect(lambda level, v=view: self._view_level(v, level))
            self.views[spec.key] = view
            self.stack.addWidget(view)
            item = QListWidgetItem(spec.title())
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.rail.addItem(item)
        self.rail.currentRowChanged.connect(self._show_row)
        fusion = self.views.get("fusion")
        reports = self.views.get("reports")
        if isinstance(fusion, FusionView) and isinstance(reports, ReportsView):
            fusion.open_report.connect(self.open_report)
            reports.imported.connect(fusion.reports_imported)
        ledger = self.views.get("ledger")
        if isinstance(ledger, LedgerView) and isinstance(reports, ReportsView):
            reports.who_has.connect(lambda report_id: self.ask_who_has(ledger, report_id))
        insiders, audit = self.views.get("insiders"), self.views.get("audit")
        if isinstance(insiders, InsidersView) and isinstance(audit, AuditView):
            connect_to_audit(insiders, audit, self.show_view)
        splitter = QSplitter()
        splitter.addWidget(self.rail)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        self.vault_label = QLabel(self.tr("Vault: %1").replace("%1", str(session.vault.paths.root)))
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Status"))
        self.access_label = QLabel()
        self.access_label.setAccessibleName(self.tr("Your clearance and compartments"))
        self.access_label.setTextFormat(Qt.TextFormat.PlainText)
        self._access_task: workers.Task | None = None
        status_line = QHBoxLayout()
        status_line.setContentsMargins(10, 2, 10, 2)
        status_line.addWidget(self.vault_label)
        status_line.addStretch(1)
        status_line.addWidget(self.status)
        status_line.addSpacing(16)
        status_line.addWidget(self.access_label)
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.timeout.connect(self.status.clear)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.top_banner)
        layout.addLayout(header)
        # What the vault-folder checks found since an officer last looked (services/session.py): shown once.
        self.folder_banner = MessageBanner(self)
        if session.notices:
            self.folder_banner.show_message(
                self.tr("The vault folder was changed outside NIA Desktop. What was found (recorded in the audit "
                        "log; the folder has been rewritten from the vault):\n%1").replace(
                    "%1", "\n".join(f"• {n}" for n in session.notices)), "warning")
        layout.addWidget(self.folder_banner)
        # Corrections and recalls received here, shown until someone marks them seen (ui/views/notices_banner.py).
        self.notices_banner = NoticesBanner(session, self)
        self.notices_banner.level_changed.connect(lambda _: self.set_classification(self._current_level()))
        layout.addWidget(self.notices_banner)
        layout.addWidget(splitter, 1)
        layout.addLayout(status_line)
        layout.addWidget(self.bottom_banner)
        self.rail.setCurrentRow(0)
        self.refresh_access()

    def refresh_access(self) -> None:
        """The signed-in user's clearance and current compartments, read on a worker (at unlock and at every change
        of view: a grant that ran out or was taken away shows without a new unlock)."""
        if self._access_task is not None:
            return
        session = self.session

        def finished() -> None:
            self._access_task = None

        self._access_task = workers.run_task(lambda signals, cancel: clearances.my_access(session),
                                             on_success=self._show_access, on_finished=finished)

    def _show_access(self, access: Access) -> None:
        held = ", ".join(escape_untrusted(name, 64) for name in sorted(access.compartments))
        self.access_label.setText(self.tr("Cleared: %1 · %2").replace("%1", access.level.banner_text).replace(
            "%2", held or self.tr("no compartments")))
        self.access_label.setToolTip(self.tr(
            "You read reports marked up to %1 that carry only compartments you hold. An officer changes this in "
            "Need to know.").replace("%1", access.level.banner_text))

    def open_report(self, report_id: int) -> None:
        """Show one report in the Reports view's reader (a click in the Fusion view)."""
        reports = self.views["reports"]
        assert isinstance(reports, ReportsView)
        self.show_view("reports")
        reports.open_report_id(report_id)

    def ask_who_has(self, ledger: LedgerView, report_id: int) -> None:
        """"Who has this?" in the Reports view: the Ledger view asks who holds anything derived from the report."""
        self.show_view("ledger")
        ledger.ask_who_has(report_id)

    def view_keys(self) -> list[str]:
        return list(self.views)

    def current_key(self) -> str:
        item = self.rail.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else ""

    def show_view(self, key: str) -> None:
        for row in range(self.rail.count()):
            if self.rail.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.rail.setCurrentRow(row)
                return

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        key = self.rail.item(row).data(Qt.ItemDataRole.UserRole)
        view = self.views[key]
        self.stack.setCurrentWidget(view)
        self.set_classification(view.classification())
        self.refresh_access()
        self.notices_banner.refresh()

    def _view_level(self, view: View, level: Level) -> None:
        if self.stack.currentWidget() is view:
            self.set_classification(level)

    def _current_level(self) -> Level:
        view = self.stack.currentWidget()
        return view.classification() if isinstance(view, View) else Level.UNCLASSIFIED

    def set_classification(self, level: Level) -> None:
        """The window's banners: the current view's level, raised to what the notices banner shows (a held
        product's title) when that is higher."""
        level = max(level, self.notices_banner.level)
        self.top_banner.set_level(level)
        self.bottom_banner.set_level(level)

    def set_countdown(self, seconds: int) -> None:
        minutes, secs = divmod(seconds, 60)
        self.countdown.setText(self.tr("Locks in %1").replace("%1", f"{minutes}:{secs:02d}"))

    def show_status(self, message: str, timeout_ms: int = 5000) -> None:
        self.status.setText(message)
        self._status_timer.start(timeout_ms)

    @property
    def busy(self) -> bool:
        return self._access_task is not None or self.notices_banner.busy or any(
            view.busy for view in self.views.values())
