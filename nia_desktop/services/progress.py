"""Progress callbacks and cancellation, the only way services talk back to a face.

Services take a ``Progress`` callable and a ``CancelToken``; the UI turns them
into queued signals, the CLI prints or ignores them.
"""

from __future__ import annotations

import threading
from typing import Protocol

from nia_desktop.core.errors import UserCancelled


class Progress(Protocol):
    def __call__(self, done: int, total: int, message: str) -> None: ...


def no_progress(done: int, total: int, message: str) -> None:
    """The default: nobody is watching."""


class CancelToken:
    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise UserCancelled()
