"""Auto-lock: any keyboard or mouse input restarts an idle countdown.

Installed as an application-wide event filter. ``expired`` fires once when
the idle time passes; ``remaining`` ticks every second for the countdown shown
beside the lock button.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QTimer, Signal

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.ShortcutOverride,
})


class InactivityWatcher(QObject):
    """Signals:
    expired(): the idle time has passed; the owner locks.
    remaining(int): seconds left, once a second.
    """

    expired = Signal()
    remaining = Signal(int)

    def __init__(self, idle_seconds: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.idle_ms = idle_seconds * 1000
        self._elapsed = QElapsedTimer()
        self._elapsed.start()
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._check)
        self._active = False

    def set_idle_seconds(self, seconds: int) -> None:
        self.idle_ms = seconds * 1000
        self.reset()

    def start(self) -> None:
        self._active = True
        self.reset()
        self._tick.start()

    def stop(self) -> None:
        self._active = False
        self._tick.stop()

    def reset(self) -> None:
        self._elapsed.restart()

    def seconds_left(self) -> int:
        return max(0, (self.idle_ms - int(self._elapsed.elapsed())) // 1000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._active and event.type() in _INPUT_EVENTS:
            self._elapsed.restart()
        return False

    def _check(self) -> None:
        if not self._active:
            return
        if self._elapsed.elapsed() >= self.idle_ms:
            self.stop()
            self.expired.emit()
        else:
            self.remaining.emit(self.seconds_left())

    def check_now(self) -> None:
        """For tests: evaluate the countdown without waiting for the tick."""
        self._check()
