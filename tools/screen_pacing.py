"""Pacing for the screenshot tools: let a real window under Xvfb draw, and wait for it to get somewhere.

The tools run as scripts (`python tools/x_screenshots.py`), so this module is imported from their own folder.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtWidgets import QApplication


def pacing(app: QApplication, default_timeout: float = 60) -> tuple[Callable[..., None], Callable[..., None]]:
    """(settle, wait): settle(seconds) processes events for that long; wait(condition, timeout) settles until the
    condition holds, or raises TimeoutError."""

    def settle(seconds: float = 0.6) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    def wait(condition: Callable[[], bool], timeout: float = default_timeout) -> None:
        end = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > end:
                raise TimeoutError("the window did not get there")
            settle(0.1)

    return settle, wait
