"""One writer per vault, across threads and processes: the vault folder's ``.lock`` file.

SQLite lets one connection write at a time, but it does not serialise what
this application writes beside the database after a commit (security-state.json,
the audit anchor, keyslots.json), and a busy database fails after its timeout
instead of waiting its turn. So every write transaction, and every change of
a folder file, holds this lock: an ``flock`` on ``.lock`` between processes
(the desktop and any number of ``nia`` commands), under a re-entrant thread
lock within one process (flock is per open file, so two threads of one
process would otherwise both "hold" it).

A process that has to wait is told once through ``on_wait`` (the CLI prints
a line to stderr) and gives up after ``timeout`` seconds with VaultBusy,
never silently.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import stat
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar

from nia_desktop.core.errors import BadInput, VaultTampered

DEFAULT_TIMEOUT = 600.0
_POLL = 0.05

class VaultBusy(BadInput):
    """Another program kept the vault's writer lock too long: nothing was changed (exit 1)."""


# Told once per wait, with the vault folder's path: the CLI prints it, the desktop does not need it (its work
# runs on worker threads and shows progress).
on_wait: Callable[[Path], None] | None = None


class WriterLock:
    """Re-entrant within a thread, exclusive between threads and between processes."""

    _registry: ClassVar[dict[Path, WriterLock]] = {}
    _registry_lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, path: Path) -> None:
        self.path = path
        self._thread_lock = threading.RLock()
        self._depth = 0
        self._fd: int | None = None
        self.timeout = DEFAULT_TIMEOUT
        self._contenders = 0

    @classmethod
    def for_file(cls, path: Path) -> WriterLock:
        """The one lock object of this process for ``path`` (the same file must never be flocked twice)."""
        key = Path(os.path.abspath(path))
        with cls._registry_lock:
            lock = cls._registry.get(key)
            if lock is None:
                lock = cls._registry[key] = cls(key)
            return lock

    @property
    def held(self) -> bool:
        """True when the calling thread holds the lock."""
        return self._depth > 0 and self._thread_lock._is_owned()  # type: ignore[attr-defined]

    @property
    def contended(self) -> bool:
        """Another thread of this process waits for the lock."""
        return self._contenders > 0

    def acquire(self) -> None:
        deadline = time.monotonic() + self.timeout
        if not self._thread_lock.acquire(blocking=False):
            self._contenders += 1
            try:
                if not self._thread_lock.acquire(timeout=self.timeout):
                    raise VaultBusy(self._busy_message())
            finally:
                self._contenders -= 1
        try:
            if self._depth == 0:
                self._lock_file(deadline)
            self._depth += 1
        except BaseException:
            self._thread_lock.release()
            raise

    def release(self) -> None:
        self._depth -= 1
        try:
            if self._depth == 0 and self._fd is not None:
                fd, self._fd = self._fd, None
                with contextlib.suppress(OSError):
                    fcntl.flock(fd, fcntl.LOCK_UN)
                os.close(fd)
        finally:
            self._thread_lock.release()

    @contextmanager
    def hold(self) -> Iterator[None]:
        self.acquire()
        try:
            yield
        finally:
            self.release()

    def _lock_file(self, deadline: float) -> None:
        fd = _open_lock_file(self.path)
        try:
            told = False
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if not told and on_wait is not None:
                        on_wait(self.path.parent)
                    told = True
                    if time.monotonic() >= deadline:
                        raise VaultBusy(self._busy_message()) from None
                    time.sleep(_POLL)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd

    def _busy_message(self) -> str:
        return (f"the vault at {self.path.parent} is busy: another program (the desktop or another nia command) "
                f"kept it for over {self.timeout:.0f} s. Nothing was changed; try again when it has finished")


def _open_lock_file(path: Path) -> int:
    """Open (or create) the lock file without following a link or blocking on a planted FIFO."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, 0o600)
    except OSError as exc:
        raise VaultTampered(f"{path.name} in the vault folder cannot be opened ({exc.strerror}): a symbolic link "
                            "or a special file there is refused") from exc
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise VaultTampered(f"{path.name} in the vault folder is not a regular file: refused")
    return fd
