"""Sign a receipt for a received briefing or notice bundle (on a consumer's workstation, from the Transfer view's
Received tab): the signed receipt goes to a file or to the courier's queue, and back to the sender, whose ledger
then shows the copy acknowledged. The view runs services/receipts.issue on a worker; it checks everything."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from nia_desktop.core.errors import BadInput
from nia_desktop.ui.dialogs import FormDialog

RECEIPTED = ("briefing", "notice")  # the kinds of received bundle a receipt is signed for


class SignReceiptDialog(FormDialog):
    def __init__(self, bundle_uuid: str, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Sign a receipt"), parent)
        self.bundle_uuid = bundle_uuid
        what = self.tr("briefing") if kind == "briefing" else self.tr("notice")
        about = QLabel(self.tr("Sign a receipt saying this workstation accepted the %1 bundle %2. It is signed with "
                               "your key and goes back to the sender, whose ledger then shows the copy "
                               "acknowledged.").replace("%1", what).replace("%2", bundle_uuid))
        about.setWordWrap(True)
        self.to_queue = QRadioButton(self.tr("The courier's &queue"))
        self.to_file = QRadioButton(self.tr("A &file:"))
        self.to_queue.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.to_queue)
        group.addButton(self.to_file)
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("File the receipt is written to"))
        self.path.textEdited.connect(lambda _: self.to_file.setChecked(True))
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self.choose_file)
        where = QHBoxLayout()
        where.addWidget(self.to_queue)
        where.addWidget(self.to_file)
        where.addWidget(self.path, 1)
        where.addWidget(choose)
        self.again = QCheckBox(self.tr("Sign another if one was already signed"))
        self.again.setToolTip(self.tr("A receipt already went out for this bundle: sign a new one (for a lost "
                                      "medium, say)"))
        self.form.addRow(about)
        self.form.addRow(self.tr("Send to"), where)
        self.form.addRow(self.again)
        self.setMinimumWidth(520)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the receipt"), f"receipt-{self.bundle_uuid[:8]}.nia",
                                              self.tr("NIA bundle (*.nia)"))
        if path:
            self.path.setText(path)
            self.to_file.setChecked(True)

    @property
    def out(self) -> Path | None:
        return Path(self.path.text().strip()) if self.to_file.isChecked() else None

    def validate(self) -> None:
        if self.to_file.isChecked():
            out = self.path.text().strip()
            if not out:
                raise BadInput(self.tr("Choose the file for the receipt, or send it to the courier's queue."))
            if Path(out).exists():
                raise BadInput(self.tr("%1 already exists: choose another name.").replace("%1", out))
            if not Path(out).parent.is_dir():
                raise BadInput(self.tr("%1 is not a folder.").replace("%1", str(Path(out).parent)))
