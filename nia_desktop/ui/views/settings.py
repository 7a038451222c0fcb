"""Workstation settings (officer): auto-lock, import size limit, default classification."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QPushButton, QSpinBox, QWidget

from nia_desktop.core import settings as declared
from nia_desktop.core.classification import Level
from nia_desktop.services import settings as settings_service
from nia_desktop.services.session import Session
from nia_desktop.ui.theme import named
from nia_desktop.ui.views.base import View


class SettingsView(View):
    """Signals:
    changed(dict): the new settings, after a successful save.
    """

    key = "settings"
    changed = Signal(dict)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("Workstation settings"), parent)
        self.idle = self._spin(declared.IDLE_LOCK_MINUTES, self.tr(" min"), self.tr("Auto-lock after idle minutes"))
        self.max_import = self._spin(declared.MAX_IMPORT_MIB, self.tr(" MiB"), self.tr("Largest file to import"))
        self.default_level = QComboBox()
        self.default_level.setAccessibleName(self.tr("Classification of unmarked reports"))
        self.default_level.setToolTip(declared.DEFAULT_CLASSIFICATION.help)
        for level in Level:
            self.default_level.addItem(level.banner_text, int(level))
        form = QFormLayout()
        form.addRow(self.tr("Auto-lock after"), self.idle)
        form.addRow(self.tr("Largest file accepted from media"), self.max_import)
        form.addRow(self.tr("Classification of unmarked reports"), self.default_level)
        self.save_button = named(QPushButton(self.tr("Save")), "primary")
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.save_button)
        self.layout_.addLayout(form)
        self.layout_.addLayout(bar)
        self.layout_.addStretch(1)
        self.save_button.clicked.connect(self.save)
        self.refresh()

    def _spin(self, spec: declared.IntSetting, suffix: str, name: str) -> QSpinBox:
        box = QSpinBox()
        box.setRange(spec.minimum, spec.maximum)
        box.setSuffix(suffix)
        box.setAccessibleName(name)
        box.setToolTip(spec.help)
        return box

    def refresh(self) -> None:
        values = settings_service.current(self.session)
        self.idle.setValue(values[declared.IDLE_LOCK_MINUTES.key])
        self.max_import.setValue(values[declared.MAX_IMPORT_MIB.key])
        self.default_level.setCurrentIndex(self.default_level.findData(values[declared.DEFAULT_CLASSIFICATION.key]))

    def save(self) -> None:
        wanted = {
            declared.IDLE_LOCK_MINUTES.key: self.idle.value(),
            declared.MAX_IMPORT_MIB.key: self.max_import.value(),
            declared.DEFAULT_CLASSIFICATION.key: int(self.default_level.currentData()),
        }
        current = settings_service.current(self.session)
        try:
            for key, value in wanted.items():
                if current[key] != value:
                    settings_service.change(self.session, key, str(value))
        except Exception as exc:  # shown inline
            self.show_error(exc)
            return
        self.banner.show_message(self.tr("Saved."), "success")
        self.changed.emit(settings_service.current(self.session))
