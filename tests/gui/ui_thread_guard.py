"""Catch a database statement or a service call run on the UI thread by desktop code (issue #11, point 2).

The session's connection is shared by threads under a lock: a statement on
the UI thread can wait seconds behind an import batch (a frozen window), and
its writes can land inside another thread's open transaction. So every
statement's thread is checked, at the lowest level: SQLite's trace callback
on each connection ``sqlcipher3.connect`` opens, which sees every statement
however VaultConnection wraps it.

A statement on the main thread (Qt's GUI thread in tests) is blamed on the
first frame outside nia_desktop/core, nia_desktop/services, the standard
library and this file: under tests/ it is the test's own set-up (allowed);
anywhere else (nia_desktop/ui, or Qt's event loop handing a signal straight
to a service) it is a violation, unless that frame is on ALLOWED below.

Service calls are checked the same way, whether or not they reach the
database (a bundle check reads files, a rotation derives keys): every public
function of every nia_desktop.services module is wrapped for the test, and a
call on the main thread is blamed like a statement. The views reach services
only through module attributes (``reports.open_report``), which the wrapper
replaces.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import pkgutil
import sys
import sysconfig
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

import sqlcipher3

import nia_desktop.services

ROOT = Path(__file__).resolve().parents[2]
_SKIPPED = tuple(str(p) for p in (ROOT / "nia_desktop" / "core", ROOT / "nia_desktop" / "services",
                                  Path(sysconfig.get_paths()["stdlib"]).resolve(), Path(__file__).resolve()))
_TESTS = str(ROOT / "tests")

# (file relative to the repository, function) of the frame that called into the services. Each entry is a place
# where the UI thread must wait for the database on purpose; keep it this small.
ALLOWED: dict[tuple[str, str], str] = {
    # Quitting: the window is going away, every worker has been waited for (workers.wait_for_all), and the
    # session must be audited, sealed and closed before the process exits. Nothing is left to keep responsive.
    ("nia_desktop/ui/main_window.py", "closeEvent"): "quit seals and closes the session",
}


@dataclass
class Violation:
    statement: str
    where: tuple[str, str]
    stack: str
    count: int = 1


@dataclass
class UiThreadGuard:
    """Records statements and service calls run on the main thread by anything but the tests themselves."""

    allowed: dict[tuple[str, str], str] = field(default_factory=lambda: dict(ALLOWED))
    violations: dict[tuple[str, int], Violation] = field(default_factory=dict)
    statements: int = 0  # statements seen on any thread: proves the guard is attached
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def attach(self, conn: Any) -> None:
        conn.set_trace_callback(self._trace)

    def _trace(self, statement: str) -> None:
        self.statements += 1
        if threading.current_thread() is threading.main_thread():
            self._blame(" ".join(statement.split())[:160], sys._getframe(1))

    def wrap(self, fn: Callable[..., Any], name: str) -> Callable[..., Any]:
        """``fn`` (a service), recording a call on the main thread."""

        @functools.wraps(fn)
        def service(*args: Any, **kwargs: Any) -> Any:
            if threading.current_thread() is threading.main_thread():
                self._blame(f"call {name}()", sys._getframe(1))
            return fn(*args, **kwargs)

        return service

    def _blame(self, what: str, frame: FrameType | None) -> None:
        """Record ``what`` unless the first frame outside core, services and the standard library is a test's
        (or on ALLOWED)."""
        innermost = frame
        while frame is not None and frame.f_code.co_filename.startswith(_SKIPPED):
            frame = frame.f_back
        if frame is None:
            return
        filename = frame.f_code.co_filename
        if filename.startswith(_TESTS):
            return  # the test's own set-up or check, called directly
        try:
            relative = str(Path(filename).relative_to(ROOT))
        except ValueError:
            relative = filename  # Qt's event loop (pytest-qt, PySide) handed a signal straight to a service
        where = (relative, frame.f_code.co_name)
        if where in self.allowed:
            return
        key = (relative, frame.f_lineno)
        with self._lock:
            if key in self.violations:
                self.violations[key].count += 1
                return
            frames = traceback.extract_stack(innermost)
            ours = [f for f in frames if f.filename.startswith(str(ROOT)) and "/.venv/" not in f.filename]
            stack = "".join(traceback.format_list(ours[-20:]))  # this project's frames, the statement's last
            self.violations[key] = Violation(what, where, stack)

    def report(self) -> str:
        parts = []
        for (path, line), v in self.violations.items():
            parts.append(f"{path}:{line} in {v.where[1]}() used the database or a service {v.count} time(s) on the "
                         f"UI thread, first: {v.statement!r}\n{v.stack}")
        return "\n".join(parts)

    def check(self) -> None:
        """Fail the test when desktop code ran a statement on the UI thread."""
        if self.violations:
            raise AssertionError("database or service work on the UI thread (run it through ui/workers.py "
                                 "run_task):\n"
                                 + self.report())


def services() -> list[tuple[Any, str, Callable[..., Any]]]:
    """(module, name, function) for every public function defined in a nia_desktop.services module."""
    found = []
    for info in pkgutil.iter_modules(nia_desktop.services.__path__):
        module = importlib.import_module(f"nia_desktop.services.{info.name}")
        for name, fn in vars(module).items():
            if inspect.isfunction(fn) and fn.__module__ == module.__name__ and not name.startswith("_"):
                found.append((module, name, fn))
    return found


def install(monkeypatch: Any, trace_sql: bool = True) -> UiThreadGuard:
    """Attach a guard to every connection opened from now on (the session's included), and to every service;
    ``trace_sql`` False leaves the connections alone (services are still checked)."""
    guard = UiThreadGuard()
    for module, name, fn in services():
        monkeypatch.setattr(module, name, guard.wrap(fn, f"{module.__name__.rsplit('.', 1)[1]}.{name}"))
    if not trace_sql:
        return guard
    original: Callable[..., Any] = sqlcipher3.connect

    def connect(*args: Any, **kwargs: Any) -> Any:
        conn = original(*args, **kwargs)
        guard.attach(conn)
        return conn

    monkeypatch.setattr(sqlcipher3, "connect", connect)
    return guard
