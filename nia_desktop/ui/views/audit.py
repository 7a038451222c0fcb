"""Audit log (officer): chain status on top, a filterable table, Verify, Export, Checkpoint."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from nia_desktop.core.audit import AuditEntry, ChainReport
from nia_desktop.core.display import escape_untrusted
from nia_desktop.services import auditing
from nia_desktop.services.session import Session
from nia_desktop.ui.models.table import RowsModel
from nia_desktop.ui.theme import named
from nia_desktop.ui.views.base import View
from nia_desktop.ui.widgets.table_view import FilterTable


class AuditView(View):
    key = "audit"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("Audit log"), parent)
        self.status = named(QLabel(self.tr("Chain not verified yet in this session.")), "chainStatusUnknown")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Audit chain status"))
        self.model: RowsModel[AuditEntry] = RowsModel([
            (self.tr("#"), lambda e: e.seq),
            (self.tr("Time (UTC)"), lambda e: e.ts[:19].replace("T", " ")),
            (self.tr("Actor"), lambda e: escape_untrusted(e.actor)),
            (self.tr("Role"), lambda e: e.role),
            (self.tr("Action"), lambda e: e.action),
            (self.tr("Object"), lambda e: escape_untrusted(e.object)),
            (self.tr("Outcome"), lambda e: e.outcome),
            (self.tr("Details"), lambda e: escape_untrusted(
                ", ".join(f"{k}={v}" for k, v in sorted(e.details.items())), 300)),
        ], self)
        self.table = FilterTable(self.model, self)
        self.table.proxy.setSortRole(Qt.ItemDataRole.UserRole)  # each column's own value: # sorts as a number
        self.table.setAccessibleName(self.tr("Audit entries"))
        self.filter = QLineEdit(placeholderText=self.tr("Filter: user, action, object…"))
        self.filter.setAccessibleName(self.tr("Filter audit entries"))
        self.filter.textChanged.connect(self.table.set_filter_text)
        self.outcome = QComboBox()
        self.outcome.setAccessibleName(self.tr("Outcome filter"))
        self.outcome.addItem(self.tr("All outcomes"), "")
        for value, label in (("ok", self.tr("ok")), ("refused", self.tr("refused")), ("failed", self.tr("failed"))):
            self.outcome.addItem(label, value)
        self.outcome.currentIndexChanged.connect(self._filter_outcome)
        self.verify_button = named(QPushButton(self.tr("Verify chain")), "primary")
        self.verify_button.setShortcut(QKeySequence("Ctrl+Shift+V"))
        self.verify_button.setToolTip(self.tr("Recompute the hashes added since the last verification and check "
                                              "the signed heads (Ctrl+Shift+V)"))
        self.full_verify = QCheckBox(self.tr("Full verification"))
        self.full_verify.setToolTip(self.tr("Walk every entry from the first, not only those added since the last "
                                            "verification"))
        self.warnings = named(QLabel(), "chainWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setAccessibleName(self.tr("Audit time warnings"))
        self.warnings.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings.hide()
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Write the log as signed JSON Lines"))
        self.checkpoint_button = QPushButton(self.tr("Checkpoint…"))
        self.checkpoint_button.setToolTip(self.tr("Write a signed checkpoint to keep off this machine"))
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.outcome)
        bar.addWidget(self.full_verify)
        bar.addWidget(self.verify_button)
        bar.addWidget(self.export_button)
        bar.addWidget(self.checkpoint_button)
        self.layout_.insertWidget(1, self.status)
        self.layout_.insertWidget(2, self.warnings)
        self.layout_.addLayout(bar)
        self.layout_.addWidget(self.table, 1)
        self.verify_button.clicked.connect(self.verify)
        self.export_button.clicked.connect(self.choose_export)
        self.checkpoint_button.clicked.connect(self.choose_checkpoint)
        self.last_report: ChainReport | None = None
        self.checkpoint_box: QMessageBox | None = None
        self.refresh()

    def refresh(self) -> None:
        session = self.session
        self.run(lambda s, c: list(auditing.entries(session)), on_success=self._loaded)

    def _loaded(self, entries: list[AuditEntry]) -> None:
        self.model.set_rows(entries)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.resizeColumnsToContents()

    def _filter_outcome(self) -> None:
        value = self.outcome.currentData()
        self.table.proxy.setFilterKeyColumn(6 if value else -1)
        self.table.proxy.setFilterFixedString(value or self.filter.text())

    # -- verify -----------------------------------------------------------
    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.status.setObjectName("chainStatusUnknown")
        self.status.setText(self.tr("Verifying…"))
        self.warnings.hide()
        self._restyle()
        session, full = self.session, self.full_verify.isChecked()

        def work(signals, cancel):  # type: ignore[no-untyped-def]
            return auditing.verify(session, progress=lambda d, t, m: signals.progress.emit(d, t, m),
                                   cancel=cancel, full=full)

        self.run(work, on_success=self.show_report,
                 on_progress=lambda d, t, m: self.status.setText(self.tr("Verifying… %1 of %2 entries")
                                                                 .replace("%1", str(d)).replace("%2", str(t))),
                 on_finished=self._verify_finished)

    def _verify_finished(self) -> None:
        self.verify_button.setEnabled(True)
        if self.last_report is None:
            self.status.setText(self.tr("Verification did not finish."))
        self.refresh()

    def show_report(self, report: ChainReport) -> None:
        self.last_report = report
        if report.ok:
            self.status.setObjectName("chainStatusOk")
            text = self.tr("✔ INTACT: %1 entries, every hash and signed head checks out.").replace(
                "%1", str(report.entries))
            if report.from_seq:
                text += " " + self.tr("Entries 1 to %1 were verified earlier and not walked again; tick Full "
                                      "verification to walk them.").replace("%1", str(report.from_seq))
            self.status.setText(text)
        else:
            self.status.setObjectName("chainStatusBroken")
            where = (self.tr("at entry %1").replace("%1", str(report.first_bad))
                     if report.first_bad is not None else "")
            self.status.setText(self.tr("✘ BROKEN %1: %2").replace("%1", where).replace("%2", report.reason))
        self._show_warnings(report)
        self._restyle()

    def _show_warnings(self, report: ChainReport) -> None:
        """Time running backwards: shown beside the verdict, never changing it (the clock may have been set back)."""
        if not report.warnings_total:
            self.warnings.hide()
            return
        lines = [escape_untrusted(line, 400) for line in report.warnings]
        more = report.warnings_total - len(report.warnings)
        if more > 0:
            lines.append(self.tr("… and %1 more.").replace("%1", str(more)))
        self.warnings.setText(self.tr("⚠ WARNING: %1 entries are dated before the entry they follow:")
                              .replace("%1", str(report.warnings_total)) + "\n" + "\n".join(lines))
        self.warnings.show()

    def _restyle(self) -> None:
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    # -- export and checkpoint -------------------------------------------
    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export audit log"), "audit-log.jsonl",
                                              self.tr("JSON Lines (*.jsonl)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        session = self.session

        def exported(head: object) -> None:
            self.banner.show_message(self.tr("Exported %1 entries to %2.").replace("%1", str(head.seq))  # type: ignore[attr-defined]
                                     .replace("%2", str(path)), "success")
            self.refresh()

        self.run(lambda s, c: auditing.export(session, path), on_success=exported)

    def choose_checkpoint(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save audit checkpoint"), "audit-checkpoint.json",
                                              self.tr("Checkpoint (*.json)"))
        if path:
            self.checkpoint_to(Path(path))

    def checkpoint_to(self, path: Path) -> None:
        session = self.session
        self.run(lambda s, c: auditing.checkpoint(session, path), on_success=self._show_checkpoint)

    def _show_checkpoint(self, head: object) -> None:
        short = head.short_text()  # type: ignore[attr-defined]
        QGuiApplication.clipboard().setText(short)
        self.checkpoint_box = QMessageBox(QMessageBox.Icon.Information, self.tr("Audit checkpoint"),
                                          self.tr("Checkpoint saved. Also write this line down and keep it "
                                                  "off this machine (it is on the clipboard too):\n\n%1")
                                          .replace("%1", short), QMessageBox.StandardButton.Ok, self)
        self.checkpoint_box.open()
        self.refresh()
