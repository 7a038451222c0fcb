"""Keep Python's cyclic garbage collector off work that makes millions of acyclic objects.

Fusion, and preparing its tables, allocates millions of small objects that
hold no cycles. The cyclic collector, triggered again and again by those
allocations, rescanned them all each time: it cost a quarter of the fusion
time and, since it holds the GIL, froze the UI thread for up to 400 ms at
10,000 reports. Pausing it only moved the cost: the first collection after
the pause scanned the whole result on the UI thread (0.6 s).

So the collector is paused during the work, and what exists afterwards is
frozen (``gc.freeze``): kept out of every later collection, still freed by
reference counting as usual. Cycles among frozen objects are not collected
until ``collect_frozen`` runs, which the desktop calls when it locks, a
moment when a pause cannot be felt.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_lock = threading.Lock()
_holders = 0
_was_enabled = True


@contextmanager
def paused_gc() -> Iterator[None]:
    """Nestable and thread-safe: the collector resumes when the last holder leaves."""
    global _holders, _was_enabled
    with _lock:
        if _holders == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0:
                gc.freeze()  # whether or not collection was automatic (the desktop collects from a timer)
                if _was_enabled:
                    gc.enable()


def active() -> bool:
    """Whether heavy work is running: a collection now would rescan everything it is building."""
    return _holders > 0


def collect_frozen() -> int:
    """Return frozen objects to the collector and collect now; returns how many objects were unreachable."""
    with _lock:
        if _holders:
            return 0
        gc.unfreeze()
        return gc.collect()


def release(table: dict[Any, Any]) -> None:
    """Free a big table entry by entry, so other threads run in between.

    Dropped whole, a table of millions of objects is freed in one C call
    that holds the GIL: ten thousand shingle sets stopped the UI thread for
    70 ms, the half-million report pairs of a 10,000-report fusion for 80.
    """
    while table:
        table.popitem()


def release_list(items: list[Any]) -> None:
    """As ``release``, for a list: freed from its end, an item at a time."""
    while items:
        items.pop()
