"""Atomic file replacement: temp file in the same directory, fsync, rename.

A crash at any moment leaves either the old file or the new one, never a torn
one. Permissions are set before any byte is written.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
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


@contextmanager
def staged_file(out: Path, replace: bool = False) -> Iterator[Path]:
    """A hidden path beside ``out`` to write to; renamed onto ``out`` only when the with-block completes.

    So an output appears only after what the block commits (its audit entry) has committed: if the block
    raises (a full disk failing the audit write, a refusal), the staged file is removed and ``out`` never
    exists. ``replace`` allows ``out`` to exist already (a bundle countersigned in place).
    """
    if not replace and out.exists():
        raise BadInput(f"{out} already exists: choose another name")
    partial = out.with_name(f".{out.name}.{secrets.token_hex(8)}.partial")
    try:
        yield partial
        if not partial.exists():
            raise FileNotFoundError(f"nothing was written for {out}")
        if not replace and out.exists():
            raise BadInput(f"{out} appeared while it was being written: choose another name")
        os.replace(partial, out)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        raise
    fsync_dir(out.parent)
