"""Vault care (officer): check the vault for damage, back it up, restore a backup into a new folder.

The rules live in services/vault_check.py and services/backup.py; this view
only picks folders, runs the work on a worker with progress and Cancel, and
shows what was found in plain words.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nia_desktop.core.display import escape_untrusted
from nia_desktop.services import backup, vault_check
from nia_desktop.services.backup import BackupResult, RestoreResult
from nia_desktop.services.session import Session
from nia_desktop.services.vault_check import CheckReport
from nia_desktop.ui.dialogs import ask_restore_folders
from nia_desktop.ui.theme import named
from nia_desktop.ui.views.base import View
from nia_desktop.ui.workers import Task


def backup_folder_name(vault_name: str, now: datetime) -> str:
    """A new folder per backup, named for the vault and the time, so a backup never lands on another."""
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in vault_name).strip("-")[:40] or "vault"
    return f"nia-backup-{safe}-{now.strftime('%Y%m%d-%H%M%S')}"


class VaultCareView(View):
    """Signals:
    restored(object): the RestoreResult of a finished restore.
    """

    key = "vault_care"
    restored = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("Vault care"), parent)
        where = QLabel(self.tr("Vault: %1").replace("%1", str(session.vault.paths.root)))
        where.setWordWrap(True)

        # -- check --
        check_box = QGroupBox(self.tr("Check for damage"))
        self.check_button = named(QPushButton(self.tr("Check now")), "primary")
        self.check_button.setShortcut(QKeySequence("Ctrl+Shift+K"))
        self.check_button.setToolTip(self.tr("Check every page's authentication code, the database structure, the "
                                             "audit chain and the vault folder (Ctrl+Shift+K)"))
        self.check_status = named(QLabel(self.tr("Not checked yet in this session.")), "chainStatusUnknown")
        self.check_status.setWordWrap(True)
        self.check_status.setAccessibleName(self.tr("Vault check result"))
        self.findings = QPlainTextEdit()
        self.findings.setReadOnly(True)
        self.findings.setAccessibleName(self.tr("What the check found"))
        self.findings.setMaximumHeight(160)
        column = QVBoxLayout(check_box)
        column.addWidget(QLabel(self.tr("Reads the whole vault without changing it and names any damaged page, "
                                        "table, audit entry or folder file.")))
        row = QHBoxLayout()
        row.addWidget(self.check_button)
        row.addWidget(self.check_status, 1)
        column.addLayout(row)
        column.addWidget(self.findings)

        # -- backup --
        backup_box = QGroupBox(self.tr("Back up"))
        self.backup_button = QPushButton(self.tr("Back up…"))
        self.backup_button.setToolTip(self.tr("Write a still-encrypted copy with a signed manifest into a new folder "
                                              "on the medium you choose"))
        column = QVBoxLayout(backup_box)
        column.addWidget(QLabel(self.tr("The copy stays encrypted and opens with the same passphrases. Keep it off "
                                        "this machine, with an audit checkpoint.")))
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addStretch(1)
        column.addLayout(row)

        # -- restore --
        restore_box = QGroupBox(self.tr("Restore"))
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.setToolTip(self.tr("Verify a backup and restore it into a new, empty folder"))
        self.checkpoint = QLineEdit(placeholderText=self.tr("Audit checkpoint kept off the machine (optional)"))
        self.checkpoint.setAccessibleName(self.tr("Audit checkpoint file for the restore"))
        browse = QPushButton(self.tr("Checkpoint…"))
        browse.clicked.connect(self._choose_checkpoint)
        column = QVBoxLayout(restore_box)
        column.addWidget(QLabel(self.tr("A restore never overwrites: it writes into a new or empty folder, which you "
                                        "then unlock with the same passphrases.")))
        row = QHBoxLayout()
        row.addWidget(self.checkpoint, 1)
        row.addWidget(browse)
        row.addWidget(self.restore_button)
        column.addLayout(row)

        # -- progress --
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.setTextVisible(True)
        self.progress_label = QLabel()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setShortcut(QKeySequence("Esc"))
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout()
        row.addWidget(self.progress_label)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        self.progress_row = QWidget()
        self.progress_row.setLayout(row)
        self.progress_row.hide()

        self.layout_.addWidget(where)
        self.layout_.addWidget(check_box)
        self.layout_.addWidget(backup_box)
        self.layout_.addWidget(restore_box)
        self.layout_.addWidget(self.progress_row)
        self.layout_.addStretch(1)
        self.check_button.clicked.connect(self.check)
        self.backup_button.clicked.connect(self._choose_backup)
        self.restore_button.clicked.connect(self._choose_restore)
        self.task: Task | None = None
        self.last_report: CheckReport | None = None
        self.last_backup: BackupResult | None = None
        self.last_restore: RestoreResult | None = None

    # -- running --------------------------------------------------------------
    def _start(self, label: str, work: object, on_success: object) -> None:
        for button in (self.check_button, self.backup_button, self.restore_button):
            button.setEnabled(False)
        self.banner.hide()
        self.progress.setRange(0, 0)
        self.progress_label.setText(label)
        self.progress_row.show()
        self.task = self.run(work, on_success=on_success, on_progress=self._progress,  # type: ignore[arg-type]
                             on_finished=self._finished)

    def _progress(self, done: int, total: int, message: str) -> None:
        if total > 0:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * min(done, total) / total))
        self.progress.setFormat(message)

    def _finished(self) -> None:
        self.task = None
        self.progress_row.hide()
        for button in (self.check_button, self.backup_button, self.restore_button):
            button.setEnabled(True)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.progress_label.setText(self.tr("Cancelling…"))

    # -- check ----------------------------------------------------------------
    def check(self) -> None:
        session = self.session
        self.check_status.setObjectName("chainStatusUnknown")
        self.check_status.setText(self.tr("Checking…"))
        self._restyle()

        def work(signals, cancel):  # type: ignore[no-untyped-def]
            return vault_check.check_vault(session, lambda d, t, m: signals.progress.emit(d, t, m), cancel)

        self._start(self.tr("Checking the vault"), work, self.show_report)

    def show_report(self, report: CheckReport) -> None:
        self.last_report = report
        self.findings.setPlainText("\n".join(escape_untrusted(line, 4000) for line in report.lines()))
        if report.ok:
            self.check_status.setObjectName("chainStatusOk")
            self.check_status.setText(self.tr("✔ No damage found: every page, the audit chain and the folder check "
                                              "out."))
        else:
            self.check_status.setObjectName("chainStatusBroken")
            self.check_status.setText(self.tr("✘ DAMAGED: see what was found below. Restore the vault from the last "
                                              "backup."))
        self._restyle()

    def _restyle(self) -> None:
        self.check_status.style().unpolish(self.check_status)
        self.check_status.style().polish(self.check_status)

    # -- backup ---------------------------------------------------------------
    def _choose_backup(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Where to write the backup (a new folder is made "
                                                                "there)"))
        if chosen:
            self.backup_to(Path(chosen) / backup_folder_name(self.session.vault.name, datetime.now(UTC)))

    def backup_to(self, target: Path) -> None:
        session = self.session

        def work(signals, cancel):  # type: ignore[no-untyped-def]
            return backup.backup_vault(session, target, lambda d, t, m: signals.progress.emit(d, t, m), cancel)

        self._start(self.tr("Backing up"), work, self._backed_up)

    def _backed_up(self, result: BackupResult) -> None:
        self.last_backup = result
        self.banner.show_message(
            self.tr("Backup written to %1 (%2 files, audit log up to entry %3). Signed by the audit key %4.")
            .replace("%1", str(result.path)).replace("%2", str(len(result.manifest.files)))
            .replace("%3", str(result.manifest.head_seq)).replace("%4", result.manifest.fingerprint[:16] + "…"),
            "success")

    # -- restore --------------------------------------------------------------
    def _choose_checkpoint(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Audit checkpoint"), "", self.tr("Checkpoint (*.json)"))
        if path:
            self.checkpoint.setText(path)

    def _choose_restore(self) -> None:
        chosen = ask_restore_folders(self)
        if chosen:
            self.restore(*chosen)

    def restore(self, source: Path, target: Path) -> None:
        checkpoint = Path(self.checkpoint.text()) if self.checkpoint.text().strip() else None

        def work(signals, cancel):  # type: ignore[no-untyped-def]
            return backup.restore_backup(source, target, checkpoint,
                                         progress=lambda d, t, m: signals.progress.emit(d, t, m), cancel=cancel)

        self._start(self.tr("Restoring"), work, self._restored)

    def _restored(self, result: RestoreResult) -> None:
        self.last_restore = result
        text = self.tr("Restored the vault into %1 (backup of %2 by %3). Lock, then choose that folder on the unlock "
                       "screen and unlock it with the same passphrases; an officer should then run Check there.") \
            .replace("%1", str(result.path)) \
            .replace("%2", escape_untrusted(result.manifest.created[:16].replace("T", " "))) \
            .replace("%3", escape_untrusted(result.manifest.by))
        if result.warnings:
            text += "\n" + "\n".join(f"⚠ {escape_untrusted(w)}" for w in result.warnings)
        self.banner.show_message(text, "warning" if result.warnings else "success")
        self.restored.emit(result)
