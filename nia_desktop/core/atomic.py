"""Atomic file replacement: temp file in the same directory, fsync, rename.

A crash at any moment leaves either the old file or the new one, never a torn
one. Permissions are set before any byte is written.

An output appears only after the transaction that records it has committed
(staged_file). When several exports commit in one enclosing transaction (a
release to several consumers), ``held_back`` keeps every staged file hidden
until that transaction has committed, then renames them all: a power cut
before the commit leaves only hidden staged files, never a copy the vault does
not record.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from nia_desktop.core.errors import BadInput


def atomic_write(path: Path, data: bytes) -> None:
    publish(stage(path, data), path)


def stage(path: Path, data: bytes) -> Path:
    """``data`` written and fsynced to a fresh hidden file beside ``path``; publish() renames it into place."""
    directory = path.parent
    # A fresh random name, created exclusively: nothing planted beforehand (a link, a file) is ever opened.
    tmp = directory / f".{path.name}.tmp-{os.getpid()}-{secrets.token_hex(8)}"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        discard(tmp)
        raise
    return tmp


def publish(staged: Path, path: Path) -> None:
    """Rename a staged file onto ``path`` and make the rename durable."""
    try:
        os.replace(staged, path)
    except BaseException:
        discard(staged)
        raise
    fsync_dir(path.parent)


def discard(staged: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        staged.unlink()


def fsync_dir(directory: Path) -> None:
    """Make a rename durable: fsync the directory entry itself."""
    dfd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(dfd)
    finally:
        os.close(dfd)


class HeldBack:
    """Staged files waiting for an enclosing transaction to commit (``held_back``)."""

    def __init__(self) -> None:
        self.pending: list[tuple[Path, Path, bool]] = []  # (staged, out, replace)

    def claims(self, out: Path) -> bool:
        return any(target == out for _, target, _ in self.pending)

    def publish(self) -> None:
        """After the commit: rename every staged file onto its name, in order. A name taken meanwhile (without
        ``replace``) stops there: that file and the rest are discarded and BadInput names the first."""
        pending, self.pending = self.pending, []
        for index, (partial, out, replace) in enumerate(pending):
            try:
                if not replace and out.exists():
                    raise BadInput(f"{out} appeared while it was being written: it was recorded but not written")
                publish(partial, out)
            except BaseException:
                for rest, _, _ in pending[index:]:
                    discard(rest)
                raise

    def discard(self) -> None:
        pending, self.pending = self.pending, []
        for partial, _, _ in pending:
            discard(partial)


_HELD: ContextVar[HeldBack | None] = ContextVar("held_back", default=None)


@contextmanager
def held_back() -> Iterator[HeldBack]:
    """Inside this block, staged_file hands its finished file over instead of renaming it: the caller renames
    them all with ``publish()`` once its own transaction has committed. Leaving the block without publishing (an
    error, a refusal) removes every staged file."""
    held = HeldBack()
    token = _HELD.set(held)
    try:
        yield held
    finally:
        _HELD.reset(token)
        held.discard()


@contextmanager
def staged_file(out: Path, replace: bool = False) -> Iterator[Path]:
    """A hidden path beside ``out`` to write to; renamed onto ``out`` only when the with-block completes.

    So an output appears only after what the block commits (its audit entry) has committed: if the block
    raises (a full disk failing the audit write, a refusal), the staged file is removed and ``out`` never
    exists. ``replace`` allows ``out`` to exist already (a bundle countersigned in place). Inside ``held_back``
    the finished file stays staged, handed to the enclosing caller, which renames it after its own commit.
    """
    held = _HELD.get()
    if not replace and (out.exists() or (held is not None and held.claims(out))):
        raise BadInput(f"{out} already exists: choose another name")
    partial = out.with_name(f".{out.name}.{secrets.token_hex(8)}.partial")
    try:
        yield partial
        if not partial.exists():
            raise FileNotFoundError(f"nothing was written for {out}")
        if not replace and out.exists():
            raise BadInput(f"{out} appeared while it was being written: choose another name")
        if held is not None:
            held.pending.append((partial, out, replace))
            return
        os.replace(partial, out)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        raise
    fsync_dir(out.parent)
