"""The unlocked workspace: banners, header, navigation rail, views, status line.

The rail lists only the views the role may use, read from the same policy
table the services enforce. Each view is built the first time it is shown or
asked for: building all sixteen at unlock held the UI thread 220-300 ms at a
million reports (issue 15), one at a time each stays well under 100 ms.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial

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
from nia_desktop.ui.views.insiders import InsidersView, select_in_audit
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


class Views(Mapping[str, View]):
    """The views the role may use, in rail order, each built on first access (``views[key]``, ``views.get``,
    iterating ``values()``); keys and ``in`` build nothing. ``built()``: the views that exist so far."""

    def __init__(self, specs: list[ViewSpec], build: Callable[[ViewSpec], View]) -> None:
        self._specs = {spec.key: spec for spec in specs}
        self._build = build
        self._built: dict[str, View] = {}

    def __getitem__(self, key: str) -> View:
        view = self._built.get(key)
        if view is None:
            spec = self._specs[key]  # KeyError for a view the role may not use, as before
            view = self._built[key] = self._build(spec)
        return view

    def __iter__(self) -> Iterator[str]:
        return iter(self._specs)

    def __len__(self) -> int:
        return len(self._specs)

    def __contains__(self, key: object) -> bool:
        return key in self._specs

    def is_built(self, key: str) -> bool:
        return key in self._built

    def built(self) -> list[View]:
        return list(self._built.values())


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
        specs = [spec for spec in VIEWS if session.may(spec.needs)]
        self.views = Views(specs, self._build)
        # The first view is built in a later turn of the event loop than the unlock's, so each stays short: from a
        # 1 ms timer, not a posted event, for the window's paint and the timers already due go first.
        self._opening = True
        for spec in specs:
            item = QListWidgetItem(spec.title())
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.rail.addItem(item)
        self.rail.currentRowChanged.connect(self._show_row)
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
        self.rail.setCurrentRow(0)  # shown by _open
        QTimer.singleShot(1, self, self._open)
        self.refresh_access()

    def _open(self) -> None:
        """The view selected by then (the rail's first, or the one an unlock as the same user returns to)."""
        self._opening = False
        self._show_row(self.rail.currentRow())

    def _build(self, spec: ViewSpec) -> View:
        """One view, built on first use, and its links to the others (those resolved when used, so building
        one never builds another)."""
        view = spec.factory(self.session)
        view.classification_changed.connect(lambda level, v=view: self._view_level(v, level))
        self.stack.addWidget(view)
        if isinstance(view, FusionView):
            view.open_report.connect(self.open_report)
        if isinstance(view, ReportsView):
            if "fusion" in self.views:
                view.imported.connect(self._reports_imported)
            if "ledger" in self.views:
                view.who_has.connect(lambda report_id: self.ask_who_has(self._ledger(), report_id))
            if "fusion" in self.views:
                view.open_entity.connect(self.open_entity)
        if isinstance(view, InsidersView) and "audit" in self.views:
            view.show_in_audit.connect(self._show_in_audit)
        return view

    def _reports_imported(self, outcome: object) -> None:
        """New reports reach the Fusion view only once it exists: until then it has shown nothing, and its first
        showing reads them anyway."""
        if self.views.is_built("fusion"):
            fusion = self.views["fusion"]
            assert isinstance(fusion, FusionView)
            fusion.reports_imported(outcome)

    def _ledger(self) -> LedgerView:
        ledger = self.views["ledger"]
        assert isinstance(ledger, LedgerView)
        return ledger

    def _show_in_audit(self, seqs: list[int]) -> None:
        """"Show in audit log" in the Insider watch view (ui/views/insiders.py connect_to_audit, with the Audit
        view built when first needed)."""
        fresh = not self.views.is_built("audit")
        audit = self.views["audit"]
        assert isinstance(audit, AuditView)
        self.show_view(audit.key)
        if fresh:  # its first read of the log is running: select when it lands (a second read would clear it)
            audit.model.modelReset.connect(partial(select_in_audit, audit, seqs),
                                           Qt.ConnectionType.SingleShotConnection)
        else:
            select_in_audit(audit, seqs)

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

    def open_entity(self, entity_id: int) -> None:
        """Show one entity in the Fusion view (a mark clicked in the Reports view's reader)."""
        fusion_view = self.views["fusion"]
        assert isinstance(fusion_view, FusionView)
        self.show_view("fusion")
        fusion_view.show_entity(entity_id)

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
        if row < 0 or self._opening:
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
        return self._opening or self._access_task is not None or self.notices_banner.busy or any(
            view.busy for view in self.views.built())
