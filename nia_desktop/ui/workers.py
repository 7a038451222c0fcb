"""The one way views run work off the UI thread.

``run_task`` wraps a service call in a QRunnable on the global thread pool.
Results, errors and progress come back as queued signals, so handlers run on
the UI thread. A CancelToken travels with the task; services check it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

from nia_desktop.core.errors import UserCancelled
from nia_desktop.services.progress import CancelToken


class TaskSignals(QObject):
    """Signals:
    succeeded(object): the task's return value.
    failed(object): the exception it raised (UserCancelled included).
    progress(int, int, str): done, total, message.
    finished(): after succeeded or failed, always.
    """

    succeeded = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int, str)
    finished = Signal()


class Task(QRunnable):
    def __init__(self, fn: Callable[[TaskSignals, CancelToken], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.signals = TaskSignals()
        self.cancel_token = CancelToken()

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn(self.signals, self.cancel_token)
        except (Exception, UserCancelled) as exc:  # delivered to the UI thread, shown by ui.errors
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)
        finally:
            self.signals.finished.emit()

    def cancel(self) -> None:
        self.cancel_token.cancel()


_live: set[Task] = set()
RETIRE_MS = 2000


def run_task(
    fn: Callable[[TaskSignals, CancelToken], Any],
    on_success: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
    on_finished: Callable[[], None] | None = None,
) -> Task:
    """Start ``fn(signals, cancel_token)`` on the pool; handlers run on the UI thread."""
    task = Task(fn)
    if on_success:
        task.signals.succeeded.connect(on_success)
    if on_error:
        task.signals.failed.connect(on_error)
    if on_progress:
        task.signals.progress.connect(on_progress)
    if on_finished:
        task.signals.finished.connect(on_finished)
    _live.add(task)
    # Keep the task alive a while after `finished`: that signal is handled here while the pool
    # thread may still be returning from run(); freeing the runnable then would crash.
    task.signals.finished.connect(lambda: QTimer.singleShot(RETIRE_MS, lambda: _live.discard(task)))
    QThreadPool.globalInstance().start(task)
    return task


def wait_for_all(timeout_ms: int = 30000) -> bool:
    """At exit: let running tasks end before the vault closes."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
