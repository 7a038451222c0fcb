"""What every view in the workspace shares: a title, an inline banner, the session."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from nia_desktop.core.classification import Level
from nia_desktop.services.session import Session
from nia_desktop.ui.errors import describe
from nia_desktop.ui.theme import named
from nia_desktop.ui.widgets.message_banner import MessageBanner
from nia_desktop.ui.workers import Task, run_task


class View(QWidget):
    """Signals:
    classification_changed(object): the highest Level this view now shows.
    """

    key = ""
    classification_changed = Signal(object)

    def __init__(self, session: Session, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.title = named(QLabel(title), "viewTitle")
        self.banner = MessageBanner(self)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.title)
        self.layout_.addWidget(self.banner)
        self.tasks: list[Task] = []

    def classification(self) -> Level:
        """The highest classification of what this view shows."""
        return Level.UNCLASSIFIED

    def refresh(self) -> None:
        """Reload from the services."""

    def show_error(self, exc: BaseException) -> None:
        message = describe(exc, self.session.vault.paths.root)
        if message:
            self.banner.show_message(message, "error")

    def run(self, fn: Callable[..., Any], on_success: Callable[[Any], None] | None = None,
            on_progress: Callable[[int, int, str], None] | None = None,
            on_finished: Callable[[], None] | None = None) -> Task:
        """Run service work on a worker; errors land in this view's banner."""
        task = run_task(fn, on_success=on_success, on_error=self.show_error, on_progress=on_progress,
                        on_finished=lambda: self._done(task, on_finished))
        self.tasks.append(task)
        return task

    def _done(self, task: Task, then: Callable[[], None] | None) -> None:
        if task in self.tasks:
            self.tasks.remove(task)
        if then:
            then()

    @property
    def busy(self) -> bool:
        return bool(self.tasks)
