"""The cyclic collector pauses during heavy work, never rescans its result, and catches up at lock."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from nia_desktop.core.gc_pause import collect_frozen, paused_gc


@pytest.fixture(autouse=True)
def automatic_gc() -> Iterator[None]:
    """Start with automatic collection on (the desktop's GUI tests turn it off for the process)."""
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_paused_then_frozen_then_collected() -> None:
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():  # nested: still paused
            assert not gc.isenabled()
        assert not gc.isenabled()
        cycle: list[object] = []
        cycle.append(cycle)  # a cycle made during the work
    assert gc.isenabled() and gc.get_freeze_count() > 0
    del cycle
    assert collect_frozen() >= 1  # found now, at the quiet moment
    assert gc.get_freeze_count() == 0


def test_two_threads_resume_only_when_both_leave() -> None:
    inside, leave = threading.Event(), threading.Event()

    def other() -> None:
        with paused_gc():
            inside.set()
            leave.wait(5)

    thread = threading.Thread(target=other)
    thread.start()
    inside.wait(5)
    with paused_gc():
        pass
    assert not gc.isenabled()  # the other thread still holds it
    assert collect_frozen() == 0  # and nothing is unfrozen under it
    leave.set()
    thread.join()
    assert gc.isenabled()
    collect_frozen()
