"""Workstation settings (officer): the idle time before auto-lock."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QPushButton, QSpinBox, QWidget

from nia_desktop.core import settings as declared
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
        spec = declared.IDLE_LOCK_MINUTES
        self.idle = QSpinBox()
        self.idle.setRange(spec.minimum, spec.maximum)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setAccessibleName(self.tr("Auto-lock after idle minutes"))
        self.idle.setToolTip(self.tr("Minutes without input before every user's desktop locks itself."))
        form = QFormLayout()
        form.addRow(self.tr("Auto-lock after"), self.idle)
        self.save_button = named(QPushButton(self.tr("Save")), "primary")
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.save_button)
        self.layout_.addLayout(form)
        self.layout_.addLayout(bar)
        self.layout_.addStretch(1)
        self.save_button.clicked.connect(self.save)
        self.refresh()

    def refresh(self) -> None:
        self.idle.setValue(settings_service.current(self.session)[declared.IDLE_LOCK_MINUTES.key])

    def save(self) -> None:
        try:
            settings_service.change(self.session, declared.IDLE_LOCK_MINUTES.key, str(self.idle.value()))
        except Exception as exc:  # shown inline
            self.show_error(exc)
            return
        self.banner.show_message(self.tr("Saved."), "success")
        self.changed.emit(settings_service.current(self.session))
