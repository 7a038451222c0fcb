"""Issue a correction or a recall of a released product (analyst, from the Ledger view): why (required, shown on
the consumer's workstation), the product that supersedes it (a correction), and where the signed notices go (a
folder, one file per consumer, or the courier's queue). The view asks once more, naming every consumer who will
receive it, then runs services/notices.issue on a worker; the service checks everything again."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from nia_desktop.core.display import escape_untrusted
from nia_desktop.core.errors import BadInput
from nia_desktop.core.store.ledger import Product
from nia_desktop.ui.dialogs import FormDialog

HEX = set("0123456789abcdef")
MIN_PREFIX = 8  # as services/notices.MIN_PREFIX


class NoticeDialog(FormDialog):
    """``action`` is "correct" or "recall"; ``others`` are products the analyst may pick as the successor."""

    def __init__(self, action: str, product: Product, holders: list[str], others: list[Product],
                 parent: QWidget | None = None) -> None:
        recall = action == "recall"
        super().__init__(self.tr("Recall a product") if recall else self.tr("Issue a correction"), parent)
        self.action = action
        self.product = product
        self.holders = holders
        about = QLabel(self.tr("%1 of product %2 (%3, case %4)").replace(
            "%1", self.tr("A recall: every holder is told to destroy all copies") if recall
            else self.tr("A correction: every holder is told which product supersedes it")).replace(
            "%2", product.digest[:16] + "…").replace("%3", escape_untrusted(product.title, 120)).replace(
            "%4", escape_untrusted(product.case, 80)))
        about.setWordWrap(True)
        self.why = QPlainTextEdit()
        self.why.setAccessibleName(self.tr("Why"))
        self.why.setPlaceholderText(self.tr("Required: shown on the consumer's workstation with the notice"))
        self.why.setMaximumHeight(90)
        self.successor = QComboBox()
        self.successor.setEditable(True)
        self.successor.setAccessibleName(self.tr("Superseded by (product digest)"))
        editor = self.successor.lineEdit()
        if editor is not None:
            editor.setPlaceholderText(self.tr("the digest of the product that replaces it"))
        for other in others:
            if other.digest != product.digest:
                self.successor.addItem(f"{other.digest[:16]}  {escape_untrusted(other.title, 60)}", other.digest)
        self.successor.setCurrentIndex(-1)
        self.to_queue = QRadioButton(self.tr("The courier's &queue"))
        self.to_folder = QRadioButton(self.tr("A &folder:"))
        self.to_queue.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.to_queue)
        group.addButton(self.to_folder)
        self.folder = QLineEdit()
        self.folder.setAccessibleName(self.tr("Folder the notices are written to"))
        self.folder.setPlaceholderText(self.tr("one file per consumer"))
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self.choose_folder)
        self.folder.textEdited.connect(lambda _: self.to_folder.setChecked(True))
        where = QHBoxLayout()
        where.addWidget(self.to_queue)
        where.addWidget(self.to_folder)
        where.addWidget(self.folder, 1)
        where.addWidget(choose)
        goes = QLabel(self.tr("Goes to %1 consumer(s): %2").replace("%1", str(len(holders))).replace(
            "%2", ", ".join(holders) or self.tr("nobody holds it")))
        goes.setWordWrap(True)
        self.form.addRow(about)
        self.form.addRow(self.tr("&Why"), self.why)
        if not recall:
            self.form.addRow(self.tr("&Superseded by"), self.successor)
        self.form.addRow(self.tr("Send to"), where)
        self.form.addRow(goes)
        self.setMinimumWidth(560)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the signed notices"))
        if folder:
            self.folder.setText(folder)
            self.to_folder.setChecked(True)

    @property
    def reason(self) -> str:
        return self.why.toPlainText().strip()

    @property
    def superseded_by(self) -> str | None:
        if self.action == "recall":
            return None
        chosen = self.successor.currentData()
        if chosen and self.successor.currentText() == self.successor.itemText(self.successor.currentIndex()):
            return str(chosen)
        return self.successor.currentText().strip().lower() or None

    @property
    def out(self) -> Path | None:
        return Path(self.folder.text().strip()) if self.to_folder.isChecked() else None

    def validate(self) -> None:
        if not self.reason:
            raise BadInput(self.tr("Say why: the consumer's workstation shows it with the notice."))
        if self.action == "correct":
            successor = self.superseded_by or ""
            if not successor:
                raise BadInput(self.tr("A correction names the product that supersedes it."))
            if len(successor) < MIN_PREFIX or len(successor) > 64 or not set(successor) <= HEX:
                raise BadInput(self.tr("The superseding product is named by its digest: at least its first %1 hex "
                                       "digits.").replace("%1", str(MIN_PREFIX)))
            if self.product.digest.startswith(successor):
                raise BadInput(self.tr("A product cannot supersede itself."))
        if self.to_folder.isChecked():
            folder = self.folder.text().strip()
            if not folder or not Path(folder).is_dir():
                raise BadInput(self.tr("Choose an existing folder for the notices, or send them to the courier's "
                                       "queue."))
        if not self.holders:
            raise BadInput(self.tr("No consumer holds this product: there is nobody to notify."))
