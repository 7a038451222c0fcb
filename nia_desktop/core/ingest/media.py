"""Walking chosen files, folders or volumes without trusting them.

Never follows a symbolic link out of the chosen root; skips device files,
FIFOs and sockets; refuses files over the size limit before reading them.
Opening re-checks with O_NOFOLLOW and fstat, so a file swapped for a link or a
FIFO between the walk and the read is caught.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from nia_desktop.core.ingest.model import FileStatus


@dataclass(frozen=True)
class ScanItem:
    path: Path
    root: Path
    size: int
    status: FileStatus | None = None  # None: to be read; else SKIPPED or REFUSED
    reason: str = ""
    data: bytes | None = None  # already in memory (a file carried in a verified bundle), never on disk


def _special(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device file"
    return "not a regular file"


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


def _item(path: Path, root: Path, max_bytes: int) -> ScanItem:
    try:
        info = os.lstat(path)
    except OSError as exc:
        return ScanItem(path, root, 0, FileStatus.REFUSED, f"cannot be read ({exc.strerror})")
    if stat.S_ISLNK(info.st_mode):
        target = Path(os.path.realpath(path))
        if not _inside(target, root):
            return ScanItem(path, root, 0, FileStatus.SKIPPED, "a symbolic link pointing outside the chosen folder")
        try:
            info = os.stat(target)
        except OSError:
            return ScanItem(path, root, 0, FileStatus.SKIPPED, "a broken symbolic link")
        if not stat.S_ISREG(info.st_mode):
            return ScanItem(path, root, 0, FileStatus.SKIPPED, f"a link to {_special(info.st_mode)}")
        path = target
    elif not stat.S_ISREG(info.st_mode):
        return ScanItem(path, root, 0, FileStatus.SKIPPED, _special(info.st_mode))
    if info.st_size > max_bytes:
        return ScanItem(path, root, info.st_size, FileStatus.REFUSED,
                        f"larger than the {max_bytes // (1024 * 1024)} MiB limit set by the officer")
    return ScanItem(path, root, info.st_size)


def scan(paths: list[Path], max_bytes: int) -> Iterator[ScanItem]:
    """Every file under the given paths, in a stable order, each with what will happen to it.

    Iterative, so a folder nested thousands of levels deep is walked like any
    other (os.walk recursed, and 1,500 levels raised RecursionError). A folder
    that cannot be listed (removed, EIO, a path past PATH_MAX) becomes an item
    of its own with the reason, so nothing on the medium goes unaccounted.
    """
    for given in paths:
        root = Path(os.path.realpath(given))
        if not os.path.lexists(given):
            yield ScanItem(Path(given), root, 0, FileStatus.REFUSED, "no such file or folder")
            continue
        if not os.path.isdir(given) or os.path.islink(given):
            yield _item(Path(os.path.abspath(given)), root.parent if root.is_file() else root, max_bytes)
            continue
        yield from _walk(root, max_bytes)


def _walk(root: Path, max_bytes: int) -> Iterator[ScanItem]:
    """Depth first, in name order: a folder's files (and links to folders), then each sub-folder."""
    seen: set[tuple[int, int]] = set()  # (device, inode) of folders walked: a looping medium ends here
    stack = [root]
    while stack:
        directory = stack.pop()
        files, subdirs, failure = _list(directory, seen)
        for name in files:
            yield _item(directory / name, root, max_bytes)
        if failure:
            yield ScanItem(directory, root, 0, FileStatus.REFUSED, failure)
        stack.extend(directory / name for name in reversed(subdirs))


def _list(directory: Path, seen: set[tuple[int, int]]) -> tuple[list[str], list[str], str]:
    """(files and links, sub-folders to walk, why the listing failed or stopped short: '' when it did not)."""
    files: list[str] = []
    subdirs: list[str] = []
    try:
        info = os.stat(directory, follow_symlinks=False)
        if (info.st_dev, info.st_ino) in seen:
            return [], [], "a folder that loops back to one already scanned"
        seen.add((info.st_dev, info.st_ino))
        with os.scandir(directory) as entries:
            for entry in entries:
                try:
                    walk_into = entry.is_dir(follow_symlinks=False)
                except OSError:  # vanished since listed: _item reports it
                    walk_into = False
                (subdirs if walk_into else files).append(entry.name)
    except OSError as exc:
        done = "; the files listed before the error are included" if files or subdirs else ""
        return sorted(files), sorted(subdirs), f"folder cannot be read ({exc.strerror or exc}){done}"
    return sorted(files), sorted(subdirs), ""


def text_path(path: Path | str) -> str:
    """A path as text that can be stored and shown: a name that is not valid UTF-8 (a byte 0xff decodes
    to the lone surrogate \\udcff, which SQLite cannot take) keeps its bytes as \\xff escapes."""
    try:
        raw = os.fsencode(path)
    except UnicodeEncodeError:  # a lone surrogate not from the file system: escape it as it is
        return str(path).encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def read_file(item: ScanItem, max_bytes: int) -> bytes:
    """Read a scanned file, refusing anything that changed into a link, FIFO or bigger file since."""
    if item.data is not None:
        if len(item.data) > max_bytes:
            raise OSError(f"{item.path.name} is over the size limit")
        return item.data
    fd = os.open(item.path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(f"{item.path.name} is no longer a regular file")
        if info.st_size > max_bytes:
            raise OSError(f"{item.path.name} grew past the size limit")
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            total += len(chunk)
            if total > max_bytes:
                raise OSError(f"{item.path.name} grew past the size limit")
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def volume_of(path: Path) -> tuple[str, str]:
    """(mount point, label) of the filesystem holding ``path``: the label is the mount point's name."""
    best = ""
    try:
        with open("/proc/self/mountinfo", encoding="utf-8", errors="replace") as handle:
            for line in handle:
                fields = line.split()
                if len(fields) > 4:
                    mount = fields[4].replace("\\040", " ")
                    if _inside(Path(os.path.realpath(path)), Path(mount)) and len(mount) > len(best):
                        best = mount
    except OSError:
        return "", ""
    return best, (Path(best).name or best)
