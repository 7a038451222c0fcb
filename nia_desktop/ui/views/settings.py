"""Workstation settings (officer): auto-lock, import size limit, default classification, release review.

A change that weakens a safeguard (release review raised or switched off, the
default classification lowered) asks for a second officer first; the service
refuses it, audited, without one (services/settings.py).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QPushButton, QSpinBox, QWidget

from nia_desktop.core import settings as declared
from nia_desktop.core.classification import Level
from nia_desktop.services import settings as settings_service
from nia_desktop.services.dual_control import Witness
from nia_desktop.services.session import Session
from nia_desktop.ui.dialogs import WitnessDialog
from nia_desktop.ui.theme import named
from nia_desktop.ui.views.base import View
from nia_desktop.ui.witnessing import run_witnessed

REVIEW_OFF = 4


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
        self.default_level = self._levels(self.tr("Classification of unmarked reports"),
                                          declared.DEFAULT_CLASSIFICATION.help)
        self.review_from = self._levels(self.tr("Briefings that need a second person's approval"),
                                        declared.RELEASE_REVIEW_FROM.help)
        self.review_from.addItem(self.tr("None (two-person rule off)"), REVIEW_OFF)
        self.refuse_swap = QCheckBox(self.tr("Refuse to unlock while swap is unencrypted"))
        self.refuse_swap.setToolTip(declared.REFUSE_UNENCRYPTED_SWAP.help)
        form = QFormLayout()
        form.addRow(self.tr("Auto-lock after"), self.idle)
        form.addRow(self.tr("Largest file accepted from media"), self.max_import)
        form.addRow(self.tr("Classification of unmarked reports"), self.default_level)
        form.addRow(self.tr("Release review from"), self.review_from)
        form.addRow(self.tr("Swap"), self.refuse_swap)
        self.save_button = named(QPushButton(self.tr("Save")), "primary")
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.save_button)
        self.layout_.addLayout(form)
        self.layout_.addLayout(bar)
        self.layout_.addStretch(1)
        self.save_button.clicked.connect(self.save)
        self.witness_dialog: WitnessDialog | None = None
        self.refresh()

    def _spin(self, spec: declared.IntSetting, suffix: str, name: str) -> QSpinBox:
        box = QSpinBox()
        box.setRange(spec.minimum, spec.maximum)
        box.setSuffix(suffix)
        box.setAccessibleName(name)
        box.setToolTip(spec.help)
        return box

    def _levels(self, name: str, help_text: str) -> QComboBox:
        box = QComboBox()
        box.setAccessibleName(name)
        box.setToolTip(help_text)
        for level in Level:
            box.addItem(level.banner_text, int(level))
        return box

    def refresh(self) -> None:
        self.run(lambda s, c: settings_service.current(self.session), on_success=self._show)

    def _show(self, values: dict[str, int]) -> None:
        self.idle.setValue(values[declared.IDLE_LOCK_MINUTES.key])
        self.max_import.setValue(values[declared.MAX_IMPORT_MIB.key])
        self.default_level.setCurrentIndex(self.default_level.findData(values[declared.DEFAULT_CLASSIFICATION.key]))
        self.review_from.setCurrentIndex(self.review_from.findData(values[declared.RELEASE_REVIEW_FROM.key]))
        self.refuse_swap.setChecked(bool(values[declared.REFUSE_UNENCRYPTED_SWAP.key]))

    def wanted(self) -> dict[str, int]:
        return {
            declared.IDLE_LOCK_MINUTES.key: self.idle.value(),
            declared.MAX_IMPORT_MIB.key: self.max_import.value(),
            declared.DEFAULT_CLASSIFICATION.key: int(self.default_level.currentData()),
            declared.RELEASE_REVIEW_FROM.key: int(self.review_from.currentData()),
            declared.REFUSE_UNENCRYPTED_SWAP.key: int(self.refuse_swap.isChecked()),
        }

    def save(self) -> None:
        """Ask for a second officer first when a change weakens a safeguard (services/settings.py decides)."""
        wanted, session = self.wanted(), self.session
        changes: dict[str, int] = {}

        def needed() -> bool:
            current = settings_service.current(session)
            changes.update({k: v for k, v in wanted.items() if current[k] != v})
            return any(settings_service.needs_witness(k, current[k], v) for k, v in changes.items())

        def act(witness: Witness | None) -> dict[str, int]:
            for key, value in changes.items():
                settings_service.change(session, key, str(value), witness)
            return settings_service.current(session)

        run_witnessed(self, self.tr("Weakening a safeguard (release review, the default classification or the swap "
                                    "rule)"),
                      needed, act, self._saved)

    def _saved(self, values: dict[str, int]) -> None:
        self._show(values)
        self.banner.show_message(self.tr("Saved."), "success")
        self.changed.emit(values)
