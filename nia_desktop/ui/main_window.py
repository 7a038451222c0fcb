"""The main window: the unlock screen or the workspace, menus, and locking.

Locking closes the session (the audit head is signed and the database closed)
and drops the workspace; unlocking again as the same user returns to the view
they were on.

The database is never used on this thread: the settings read at unlock and the
close at lock run on workers (ui/workers.py). Only quitting closes the session
here, after every worker has ended.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from nia_desktop.core import settings as declared
from nia_desktop.core.gc_pause import collect_frozen
from nia_desktop.core.swap import SwapArea, swap_areas
from nia_desktop.services import fusion as fusion_service
from nia_desktop.services import settings as settings_service
from nia_desktop.services import swap_policy
from nia_desktop.services.session import Session
from nia_desktop.ui import gc_scheduler, workers
from nia_desktop.ui.errors import describe
from nia_desktop.ui.inactivity import InactivityWatcher
from nia_desktop.ui.preferences import Preferences
from nia_desktop.ui.views.create_vault import CreateVaultDialog
from nia_desktop.ui.views.settings import SettingsView
from nia_desktop.ui.views.unlock import UnlockView
from nia_desktop.ui.widgets.message_banner import MessageBanner
from nia_desktop.ui.workspace import Workspace

SWAP_CHECK_MS = 30_000  # swap is read again this often during a session: a swapon after unlock is noticed


GIL_SWITCH_SECONDS = 0.001
_dictionaries_loading = False


def _load_fusion_dictionaries_once() -> None:
    """Fusion's dictionaries load while the unlock screen waits, once per process (services/fusion.py says why)."""
    global _dictionaries_loading
    if not _dictionaries_loading:
        _dictionaries_loading = True
        workers.run_task(lambda signals, cancel: fusion_service.load_dictionaries_early())


class MainWindow(QMainWindow):
    """Signals:
    locked(): the session was closed and the unlock screen is showing.
    language_changed(str): the user picked a language in the View menu.
    theme_changed(str): the user picked a theme.
    """

    locked = Signal()
    language_changed = Signal(str)
    theme_changed = Signal(str)

    def __init__(self, vault: Path, preferences: Preferences, demo_hint: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        gc_scheduler.install()  # cyclic garbage is collected on this thread only
        # Every Qt event passes through Python (event filters, slots), and each pass waits for the GIL while a
        # worker computes: up to the switch interval (5 ms by default) each, which added up to stalls of over
        # 100 ms in an event-loop turn during a fusion. 1 ms keeps the turn short; the worker loses little.
        sys.setswitchinterval(GIL_SWITCH_SECONDS)
        self.setWindowTitle(self.tr("NIA Desktop"))
        self.resize(1180, 760)
        self.preferences = preferences
        self.session: Session | None = None
        self.workspace: Workspace | None = None
        self._resume: tuple[str, str] | None = None  # (user, view) to return to after a lock
        self._lock_pending = False
        self.create_dialog: CreateVaultDialog | None = None
        self.pages = QStackedWidget()
        self.swap_banner = MessageBanner()  # above every page: unsafe swap found during a session
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.swap_banner)
        column.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.swap_reader: Callable[[], list[SwapArea]] = swap_areas  # tests give a fake /proc/swaps
        self._swap_known: set[str] = set()  # unsafe areas already reported in this session
        self._swap_task: workers.Task | None = None
        self._settings_task: workers.Task | None = None  # the settings read after unlock
        self._closing: workers.Task | None = None  # a locked session being sealed and closed
        self._retiring: list[Workspace] = []  # workspaces replaced by a language change, their work still running
        self.swap_timer = QTimer(self)
        self.swap_timer.setInterval(SWAP_CHECK_MS)
        self.swap_timer.timeout.connect(self.check_swap)
        self.unlock_view = UnlockView(vault, demo_hint)
        self.unlock_view.unlocked.connect(self.on_unlocked)
        self.unlock_view.create_requested.connect(self.open_create_vault)
        self.pages.addWidget(self.unlock_view)
        self.watcher = InactivityWatcher(declared.IDLE_LOCK_MINUTES.default * 60, self)
        self.watcher.expired.connect(lambda: self.lock(self.tr("Locked after inactivity.")))
        self.watcher.remaining.connect(self._tick)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.watcher)
        self._build_menus()
        self.statusBar().showMessage(self.tr("Locked"))
        self.unlock_view.prepare()
        _load_fusion_dictionaries_once()

    # -- menus ------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.lock_action = QAction(self.tr("&Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setEnabled(self.session is not None)  # menus are rebuilt by a language change
        self.lock_action.triggered.connect(lambda: self.lock(self.tr("Locked.")))
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        language_menu = view_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for value, label in (("system", self.tr("Follow the system")), ("en", "English"), ("ja", "日本語")):
            action = QAction(label, self, checkable=True)
            action.setChecked(self.preferences.language == value)
            action.triggered.connect(lambda _=False, v=value: self.language_changed.emit(v))
            group.addAction(action)
            language_menu.addAction(action)
        theme_menu = view_menu.addMenu(self.tr("&Theme"))
        theme_group = QActionGroup(self)
        for value, label in (("system", self.tr("Follow the system")), ("light", self.tr("Light")),
                             ("dark", self.tr("Dark"))):
            action = QAction(label, self, checkable=True)
            action.setChecked(self.preferences.theme == value)
            action.triggered.connect(lambda _=False, v=value: self.theme_changed.emit(v))
            theme_group.addAction(action)
            theme_menu.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        shortcuts = QAction(self.tr("&Keyboard shortcuts"), self)
        shortcuts.setShortcut(QKeySequence.StandardKey.HelpContents)
        shortcuts.triggered.connect(self.show_shortcuts)
        help_menu.addAction(shortcuts)
        about = QAction(self.tr("&About NIA Desktop"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def show_shortcuts(self) -> None:
        QMessageBox.information(self, self.tr("Keyboard shortcuts"), self.tr(
            "Ctrl+L  lock now\nCtrl+Q  quit\nCtrl+F  search reports (Reports)\nCtrl+I  import (Reports)\n"
            "Ctrl+Shift+M  re-mark the open report: level, caveats, reason (Reports)\n"
            "Ctrl+Shift+H  who holds anything derived from the selected report (Reports)\n"
            "Ctrl+E  the selected text is an entity; Ctrl+Shift+D  it is not one (Reports reader)\n"
            "F5  fuse again to apply them; Ctrl+Z  undo the latest (Reports reader)\n"
            "F5  fuse again (Fusion)\nCtrl+M  merge selected entities (Fusion)\n"
            "Esc  clear the events or map filter of the tab shown (Fusion)\n"
            "Ctrl+Shift+H  add a hypothesis; Ctrl+Shift+E  add evidence; Ctrl+Shift+M  re-mark the current "
            "hypothesis (Fusion, ACH tab)\n"
            "Ctrl+E  export the briefing (Briefings)\nCtrl+Shift+R  release to consumers (Briefings)\n"
            "F5  ask again (Ledger, Insider watch)\nCtrl+Shift+C  issue a correction or recall (Ledger)\n"
            "Ctrl+N  add a user (Users), a consumer (Consumers)\nDelete  remove the selected consumer (Consumers)\n"
            "Ctrl+Shift+A  the selected item's entries in the audit log (Insider watch)\n"
            "Ctrl+Shift+L  set the selected user's clearance (Need to know)\n"
            "Ctrl+G  grant a compartment (Need to know)\nDelete  take the selected compartment away (Need to know)\n"
            "Ctrl+Shift+N  define a compartment or control (Need to know)\n"
            "Ctrl+Shift+V  verify the audit chain (Audit)\nF1  this list\n\n"
            "The status line shows your clearance and the compartments you hold today. A report above your "
            "clearance, or carrying a compartment you do not hold, is absent from every list; opening it is "
            "refused and recorded."))

    def show_about(self) -> None:
        from nia_desktop import __version__

        QMessageBox.about(self, self.tr("About NIA Desktop"), self.tr(
            "NIA Desktop %1\nIntelligence-fusion workstation for air-gapped machines.").replace("%1", __version__))

    # -- unlock / lock ----------------------------------------------------
    def on_unlocked(self, session: Session) -> None:
        self.session = session
        self.preferences.last_vault = str(session.vault.paths.root)
        self.workspace = self._make_workspace(session)
        self.pages.setCurrentWidget(self.workspace)
        if self._resume and self._resume[0] == session.name:
            self.workspace.show_view(self._resume[1])
        self._resume = None
        self._read_settings(session)
        self.watcher.start()
        self._swap_known = {a.name for a in self.swap_reader() if not a.safe}  # audited by the unlock itself
        self.check_swap()
        self.swap_timer.start()
        self.lock_action.setEnabled(True)
        self.setWindowTitle(self.tr("NIA Desktop: %1").replace("%1", session.vault.name))
        self.statusBar().hide()  # the workspace has its own status line above the bottom banner
        self.workspace.show_status(self.tr("Unlocked as %1").replace("%1", session.name))

    def _make_workspace(self, session: Session) -> Workspace:
        workspace = Workspace(session)
        workspace.lock_requested.connect(lambda: self.lock(self.tr("Locked.")))
        settings_view = workspace.views.get("settings")
        if isinstance(settings_view, SettingsView):
            settings_view.changed.connect(self._apply_settings)
        self.pages.addWidget(workspace)
        return workspace

    def _read_settings(self, session: Session) -> None:
        """The officer's auto-lock time, read on a worker; until it lands the previous (or default) one holds."""

        def read(values: dict[str, int]) -> None:
            if self.session is session:
                self._apply_settings(values)

        def failed(exc: BaseException) -> None:
            message = describe(exc)
            if message and self.workspace is not None:
                self.workspace.show_status(message)

        def finished() -> None:
            self._settings_task = None

        self._settings_task = workers.run_task(lambda signals, cancel: settings_service.current(session),
                                               on_success=read, on_error=failed, on_finished=finished)

    def _apply_settings(self, values: dict[str, int]) -> None:
        minutes = values.get(declared.IDLE_LOCK_MINUTES.key, declared.IDLE_LOCK_MINUTES.default)
        self.watcher.set_idle_seconds(minutes * 60)

    def _tick(self, seconds: int) -> None:
        if self.workspace is not None:
            self.workspace.set_countdown(seconds)

    def lock(self, message: str = "") -> None:
        """Close the session and show the unlock screen; waits for running work first.

        The workspace goes at once; the audit entry, the seal and the close run on a worker, and the unlock
        screen takes input (and ``locked`` is emitted) when they are done.
        """
        if self.session is None or self.workspace is None:
            return
        if (self.workspace.busy or any(w.busy for w in self._retiring) or self._swap_task is not None
                or self._settings_task is not None):
            if not self._lock_pending:
                self._lock_pending = True
                self.workspace.show_status(self.tr("Locking when the current task finishes…"))
                QTimer.singleShot(200, lambda: self._retry_lock(message))
            return
        self._lock_pending = False
        self.watcher.stop()
        self.swap_timer.stop()
        session, workspace = self.session, self.workspace
        self._resume = (session.name, workspace.current_key())
        self.session, self.workspace = None, None
        self.pages.removeWidget(workspace)
        workspace.deleteLater()
        self.lock_action.setEnabled(False)
        self.setWindowTitle(self.tr("NIA Desktop"))
        self.pages.setCurrentWidget(self.unlock_view)
        self.unlock_view.set_closing(True)
        self.statusBar().show()
        self.statusBar().showMessage(self.tr("Locking…"))
        shown = [message]

        def failed(exc: BaseException) -> None:  # the database is closed either way
            shown[0] = describe(exc, session.vault.paths.root) or message

        def closed() -> None:
            self._closing = None
            self.unlock_view.set_closing(False)
            QTimer.singleShot(0, collect_frozen)  # the unlock screen shows first; nobody feels the pause then
            self.unlock_view.prepare(session.name, shown[0])
            self.statusBar().showMessage(self.tr("Locked"))
            self.locked.emit()

        self._closing = workers.run_task(lambda signals, cancel: session.close("lock"), on_error=failed,
                                         on_finished=closed)

    # -- swap during a session -----------------------------------------------
    def check_swap(self) -> None:
        """Read swap again (cheap): a newly unsafe area is audited and shown, and locks the session when the
        officer's setting refuses work over it (services/swap_policy.py)."""
        if self.session is None:
            return
        unsafe = [a for a in self.swap_reader() if not a.safe]
        new = [a for a in unsafe if a.name not in self._swap_known]
        self._swap_known = {a.name for a in unsafe}
        if not unsafe:
            self.swap_banner.hide()
            return
        self.swap_banner.show_message(self.tr(
            "Swap could write decrypted report text to disk: %1. Ask the system administrator to encrypt swap or "
            "turn it off.").replace("%1", "; ".join(a.describe() for a in unsafe)), "warning")
        if not new or self._swap_task is not None:
            return
        session = self.session

        def done(check: swap_policy.SwapCheck) -> None:
            if check.refused and self.session is session and self.workspace is not None:
                for view in self.workspace.views.built():  # a view not built yet has no work running
                    for task in view.tasks:
                        task.cancel()  # lock as soon as running work stops
                self.unlock_view._show_swap_warning(check.unsafe)
                self.lock(check.message())

        def finished() -> None:
            self._swap_task = None

        self._swap_task = workers.run_task(lambda signals, cancel: swap_policy.swap_appeared(session, new),
                                           on_success=done, on_finished=finished)

    def _retry_lock(self, message: str) -> None:
        self._lock_pending = False
        self.lock(message)

    # -- first run --------------------------------------------------------
    def open_create_vault(self) -> None:
        self.create_dialog = CreateVaultDialog(self.unlock_view.vault, self)
        self.create_dialog.accepted.connect(self._create_vault)
        self.create_dialog.open()

    def _create_vault(self) -> None:
        dialog = self.create_dialog
        assert dialog is not None
        root = Path(dialog.directory.text().strip()).expanduser()
        officer, secret, name = dialog.officer.text().strip(), dialog.passphrase.text(), dialog.vault_name.text()
        dialog.passphrase.clear()
        dialog.repeat.clear()
        self.unlock_view.status.setText(self.tr("Creating the vault and calibrating key derivation…"))

        def work(signals, cancel):  # type: ignore[no-untyped-def]
            from nia_desktop.services.vault_setup import init_vault

            return init_vault(root, officer, secret, name=name or None)

        def done(created: Path) -> None:
            self.unlock_view.status.setText("")
            self.unlock_view.set_vault(created)
            self.unlock_view.prepare(officer, self.tr("Vault created. Unlock it as %1.").replace("%1", officer))

        def failed(exc: BaseException) -> None:
            self.unlock_view.status.setText("")
            message = describe(exc)
            if message:
                self.unlock_view.banner.show_message(message, "error")

        workers.run_task(work, on_success=done, on_error=failed)

    # -- language ---------------------------------------------------------
    def retranslate(self) -> None:
        """Rebuild every widget after a language change; the session stays open."""
        self.menuBar().clear()
        self._build_menus()
        old_unlock = self.unlock_view
        self.unlock_view = UnlockView(old_unlock.vault, old_unlock.demo_hint.text())
        self.unlock_view.unlocked.connect(self.on_unlocked)
        self.unlock_view.create_requested.connect(self.open_create_vault)
        self.unlock_view.set_closing(self._closing is not None)
        self.pages.insertWidget(0, self.unlock_view)
        self.pages.removeWidget(old_unlock)
        old_unlock.deleteLater()
        if self.session is not None and self.workspace is not None:
            old, key = self.workspace, self.workspace.current_key()
            self.workspace = self._make_workspace(self.session)
            self.pages.setCurrentWidget(self.workspace)
            self.workspace.show_view(key)
            self.pages.removeWidget(old)
            self._retire(old)
        else:
            self.pages.setCurrentWidget(self.unlock_view)
            self.unlock_view.prepare()

    def _retire(self, workspace: Workspace) -> None:
        """Delete a replaced workspace once its views' work has landed: their handlers still touch its widgets
        (and a lock waits for that work too). One already deleted with the window is forgotten."""
        if not shiboken6.isValid(workspace):
            if workspace in self._retiring:
                self._retiring.remove(workspace)
            return
        workspace.hide()
        if workspace.busy:
            if workspace not in self._retiring:
                self._retiring.append(workspace)
            QTimer.singleShot(200, lambda: self._retire(workspace))
            return
        if workspace in self._retiring:
            self._retiring.remove(workspace)
        workspace.deleteLater()

    # -- closing ----------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        workers.wait_for_all()
        if self.session is not None:
            try:
                self.session.close("close")
            except Exception as exc:  # a damaged database cannot be sealed; the window closes all the same
                describe(exc, self.session.vault.paths.root)  # logged
            finally:
                self.session = None
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.watcher)
        event.accept()
