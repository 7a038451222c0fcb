"""Run Python's cyclic garbage collector on the UI thread only, from a timer.

Automatic collection runs on whichever thread happens to allocate. When a
cycle that holds Qt objects (a closed window, a view and the lambdas its
signals keep) was collected on a worker thread, Qt destroyed widgets off
the GUI thread and the process crashed (seen as "Garbage-collecting" in a
worker's traceback, during an unlock). So the desktop turns automatic
collection off and collects here, on the UI thread, with the same
generation thresholds Python would use, checked every second. What exists
at start-up is frozen out of every later collection, so a full collection
scans only what the session made.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

from nia_desktop.core import gc_pause

_installed: MainThreadCollector | None = None


class MainThreadCollector(QObject):
    INTERVAL_MS = 1000

    def __init__(self) -> None:
        super().__init__()
        gc.disable()
        gc.collect()
        gc.freeze()  # what start-up made (modules, Qt bindings) lives for good: never rescan it
        self.thresholds = gc.get_threshold()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(self.INTERVAL_MS)

    def check(self) -> int:
        """Collect the oldest generation whose count passed its threshold; returns the generation, or -1."""
        if gc_pause.active():  # fusion is building millions of objects; they are frozen when it ends
            return -1
        counts = gc.get_count()
        generation = -1
        for index in range(3):
            if counts[index] > self.thresholds[index]:
                generation = index
        if generation >= 0:
            gc.collect(generation)
        return generation


def install() -> MainThreadCollector:
    """Once per process, on the UI thread, after the QApplication exists."""
    global _installed
    if _installed is None:
        _installed = MainThreadCollector()
    return _installed
