"""Hostile media: deep folders, very long names, a crowded folder, and a medium that fails or is pulled out.

Each ends the import cleanly (status "done") with every file on the medium in
the manifest: imported, or refused or skipped with its reason; a folder that
could not be listed is an entry of its own. FUSE is not available to the
tests, so a failing medium is simulated: os.read and os.scandir raise EIO
for the paths chosen, and files or folders are removed part way.
"""

from __future__ import annotations

import errno
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from nia_desktop.core.ingest import media as media_module
from nia_desktop.core.ingest.media import ScanItem, scan
from nia_desktop.core.ingest.model import FileStatus
from nia_desktop.services import import_history, importing
from nia_desktop.services.session import unlock
from tests import samples
from tests.conftest import ANALYST, ANALYST_PASS

MAX = 512 * 1024 * 1024
PATH_MAX = os.pathconf("/", "PC_PATH_MAX") if hasattr(os, "pathconf") else 4096


def _report(i: int | str) -> str:
    return f"{samples.EN_REPORT}\nserial {i}"


def _import(vault_dir: Path, media: Path) -> tuple[importing.ImportOutcome, str, list[Any]]:
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        outcome = importing.import_paths(session, [media])
        [run] = [r for r in import_history.import_history(session) if r.id == outcome.import_id]
        return outcome, run.status, import_history.import_manifest(session, outcome.import_id)


def _unaccounted(files: list[str], manifest: list[Any]) -> list[str]:
    """Files on the medium neither in the manifest nor inside a folder the manifest says could not be read."""
    listed = {m.path for m in manifest}
    folders = [m.path + os.sep for m in manifest if m.reason.startswith("folder cannot be read")]
    return [f for f in files if f not in listed and not any(f.startswith(d) for d in folders)]


def _remove_deep(root: Path) -> None:
    """rmtree recurses once a level; a tree 1,500 deep is taken down from the bottom instead."""
    deepest = root
    while True:
        inner = [p for p in deepest.iterdir() if p.is_dir() and not p.is_symlink()]
        if not inner:
            break
        deepest = inner[0]
    while True:
        shutil.rmtree(deepest)
        if deepest == root:
            return
        deepest = deepest.parent


@pytest.fixture
def deep_media(tmp_path: Path) -> Iterator[tuple[Path, list[str]]]:
    """1,500 nested folders, a file at the top, the middle and the bottom."""
    root = Path(os.path.realpath(tmp_path)) / "deep"
    root.mkdir()
    files = []
    here = root
    for level in range(1500):
        if level in (0, 750, 1499):
            (here / f"level{level}.txt").write_text(_report(level))
            files.append(str(here / f"level{level}.txt"))
        here = here / "d"
        here.mkdir()
    yield root, files
    _remove_deep(root)


def test_scan_walks_a_folder_1500_levels_deep(deep_media: tuple[Path, list[str]]) -> None:
    root, files = deep_media
    items = list(scan([root], MAX))  # os.walk raised RecursionError here
    assert [str(i.path) for i in items] == files
    assert all(i.status is None for i in items)


def test_import_of_a_folder_1500_levels_deep(vault_dir: Path, deep_media: tuple[Path, list[str]]) -> None:
    root, files = deep_media
    outcome, status, manifest = _import(vault_dir, root)
    assert status == "done"
    assert sorted(m.path for m in manifest if m.status == "imported") == sorted(files)  # outcome paths are shortened
    assert len(outcome.imported) == len(files) and not _unaccounted(files, manifest)


def _make_long_path(root: Path, name_length: int, levels: int) -> Path:
    """Folders of ``name_length`` characters, ``levels`` deep, made through directory descriptors, so the whole
    path may pass PATH_MAX (no single call sees it)."""
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    path = root
    try:
        for level in range(levels):
            name = f"{level:03d}" + "n" * (name_length - 3)
            os.mkdir(name, dir_fd=fd)
            inner = os.open(name, os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
            os.close(fd)
            fd = inner
            path = path / name
            with open(os.open("file.txt", os.O_WRONLY | os.O_CREAT, 0o600, dir_fd=fd), "w") as handle:
                handle.write(_report(f"long {level}"))
    finally:
        os.close(fd)
    return path


def test_names_near_name_max_and_paths_past_path_max(vault_dir: Path, tmp_path: Path) -> None:
    root = Path(os.path.realpath(tmp_path)) / "long"
    root.mkdir()
    ascii_name = "a" * 251 + ".txt"  # 255 bytes: NAME_MAX
    utf8_name = "秘" * 83 + ".txt"  # 253 bytes of UTF-8
    (root / ascii_name).write_text(_report("ascii"))
    (root / utf8_name).write_text(_report("utf8"))
    _make_long_path(root, 250, 18)  # about 4,550 characters at the bottom
    on_disk = [str(root / ascii_name), str(root / utf8_name)]
    path = root
    for level in range(18):
        path = path / (f"{level:03d}" + "n" * 247)
        on_disk.append(str(path / "file.txt"))
    readable = [f for f in on_disk if len(os.fsencode(f)) < PATH_MAX]
    assert 3 < len(readable) < len(on_disk)  # some files below PATH_MAX, some past it

    items = list(scan([root], MAX))
    by_path = {str(i.path): i for i in items}
    for name in readable:
        assert by_path[name].status is None, name
    too_long = [i for i in items if i.status is not None]
    assert too_long and all("too long" in i.reason for i in too_long)

    outcome, status, manifest = _import(vault_dir, root)
    assert status == "done"
    assert sorted(m.path for m in manifest if m.status == "imported") == sorted(readable)
    assert outcome.refused and all("too long" in r["reason"] for r in outcome.refused)
    assert not _unaccounted(on_disk, manifest)


def _crowded(root: Path, count: int) -> list[str]:
    root.mkdir()
    names = []
    for i in range(count):
        path = root / f"r{i:06d}.txt"
        path.write_bytes(b"Subject: crowded folder\n\nreport %d\n" % i)
        names.append(str(path))
    return names


def test_ten_thousand_files_in_one_folder(vault_dir: Path, tmp_path: Path) -> None:
    """The suite's size; tests/adversarial/test_hostile_media.py::test_a_hundred_thousand_files_in_one_folder
    (marked slow) is the full 100,000."""
    _crowded_import(vault_dir, Path(os.path.realpath(tmp_path)) / "crowded", 10_000)


@pytest.mark.slow
def test_a_hundred_thousand_files_in_one_folder(vault_dir: Path, tmp_path: Path) -> None:
    _crowded_import(vault_dir, Path(os.path.realpath(tmp_path)) / "crowded", 100_000)


def _crowded_import(vault_dir: Path, root: Path, count: int) -> None:
    files = _crowded(root, count)
    started = time.monotonic()
    outcome, status, manifest = _import(vault_dir, root)
    print(f"\n{count} files in one folder: imported in {time.monotonic() - started:.1f} s")
    assert status == "done"
    assert len(outcome.imported) == count and not outcome.refused and not outcome.skipped
    assert sorted(m.path for m in manifest) == files


@pytest.fixture
def failing_media(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, list[str]]:
    """A medium whose 'bad' folder fails every read with EIO, whose 'unlisted' folder cannot be listed, whose
    'flaky' folder fails part way through its listing, and whose 'vanishing' folder loses entries as it is
    listed."""
    root = Path(os.path.realpath(tmp_path)) / "failing"
    files: list[str] = []
    for folder in ("bad", "flaky", "good", "unlisted", "vanishing", "vanishing/gone_dir"):
        (root / folder).mkdir(parents=True)
        for i in range(4):
            path = root / folder / f"f{i}.txt"
            path.write_text(_report(f"{folder} {i}"))
            files.append(str(path))
    real_read, real_scandir = os.read, os.scandir

    def read(fd: int, size: int) -> bytes:
        with_path = os.readlink(f"/proc/self/fd/{fd}")
        if with_path.startswith(str(root / "bad") + os.sep):
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        return real_read(fd, size)

    class Flaky:
        """A listing that gives two entries, then fails like a medium pulled out."""

        def __init__(self, inner: Any) -> None:
            self.inner, self.given = inner, 0

        def __enter__(self) -> Flaky:
            return self

        def __exit__(self, *exc: object) -> None:
            self.inner.close()

        def __iter__(self) -> Flaky:
            return self

        def __next__(self) -> os.DirEntry[str]:
            if self.given == 2:
                raise OSError(errno.EIO, os.strerror(errno.EIO))
            self.given += 1
            entry: os.DirEntry[str] = next(self.inner)
            return entry

    def scandir(path: Any = ".") -> Any:
        where = str(path)
        if where == str(root / "unlisted"):
            raise OSError(errno.EIO, os.strerror(errno.EIO), where)
        if where == str(root / "flaky"):
            return Flaky(real_scandir(path))
        if where == str(root / "vanishing"):
            listing = list(real_scandir(path))  # listed, then pulled out from under the scan
            os.remove(root / "vanishing" / "f1.txt")
            shutil.rmtree(root / "vanishing" / "gone_dir")
            return _Listing(listing)
        return real_scandir(path)

    monkeypatch.setattr(os, "read", read)
    monkeypatch.setattr(os, "scandir", scandir)
    return root, files


class _Listing:
    """A listing already read, behaving as os.scandir's iterator does."""

    def __init__(self, entries: list[os.DirEntry[str]]) -> None:
        self.entries = iter(entries)

    def __enter__(self) -> _Listing:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def __iter__(self) -> _Listing:
        return self

    def __next__(self) -> os.DirEntry[str]:
        return next(self.entries)

    def close(self) -> None:
        pass


def test_scan_of_a_failing_medium_names_every_folder_it_could_not_read(failing_media: tuple[Path, list[str]]) -> None:
    root, _files = failing_media
    items = {str(i.path): i for i in scan([root], MAX)}
    assert items[str(root / "unlisted")].reason == "folder cannot be read (Input/output error)"
    flaky = items[str(root / "flaky")]
    assert flaky.status is FileStatus.REFUSED and "the files listed before the error are included" in flaky.reason
    assert "No such file" in items[str(root / "vanishing" / "f1.txt")].reason
    assert "No such file" in items[str(root / "vanishing" / "gone_dir")].reason
    assert all(items[str(root / "good" / f"f{i}.txt")].status is None for i in range(4))


def test_import_from_a_failing_medium_accounts_for_every_file(vault_dir: Path,
                                                            failing_media: tuple[Path, list[str]]) -> None:
    root, files = failing_media
    outcome, status, manifest = _import(vault_dir, root)
    assert status == "done"
    imported = {r["path"] for r in outcome.imported}
    assert {str(root / "good" / f"f{i}.txt") for i in range(4)} <= imported
    reasons = {r["path"]: r["reason"] for r in outcome.refused}
    assert all("Input/output error" in reasons[str(root / "bad" / f"f{i}.txt")] for i in range(4))
    assert "Input/output error" in reasons[str(root / "unlisted")]
    assert not _unaccounted([f for f in files if "gone_dir" not in f and not f.endswith("vanishing/f1.txt")],
                            manifest)
    assert str(root / "vanishing" / "f1.txt") in reasons and str(root / "vanishing" / "gone_dir") in reasons


def test_medium_removed_in_the_middle_of_an_import(vault_dir: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """After a few files are read the whole medium disappears: the rest are refused, the import ends done."""
    root = Path(os.path.realpath(tmp_path)) / "pulled"
    files = []
    for folder in ("a", "b", "c"):
        (root / folder).mkdir(parents=True)
        for i in range(20):
            path = root / folder / f"{i:02d}.txt"
            path.write_text(_report(f"{folder}{i}"))
            files.append(str(path))
    real: Callable[[ScanItem, int], bytes] = media_module.read_file
    lock, reads = threading.Lock(), [0]

    def read_file(item: ScanItem, max_bytes: int) -> bytes:
        with lock:
            reads[0] += 1
            if reads[0] == 6:
                shutil.rmtree(root)  # pulled out
        return real(item, max_bytes)

    monkeypatch.setattr(media_module, "read_file", read_file)
    outcome, status, manifest = _import(vault_dir, root)
    assert status == "done"
    assert len(outcome.imported) == 5 and len(outcome.refused) == len(files) - 5
    assert all("No such file" in r["reason"] for r in outcome.refused)
    assert sorted(m.path for m in manifest) == sorted(files)


def test_names_that_are_not_utf8(vault_dir: Path, tmp_path: Path) -> None:
    root = os.fsencode(os.path.realpath(tmp_path)) + b"/latin1"
    os.mkdir(root)
    os.mkdir(root + b"/dossier-\xe9t\xe9")
    for name, serial in ((b"/bad\xff\xfe.txt", 1), (b"/dossier-\xe9t\xe9/in.txt", 2), (b"/good.txt", 3)):
        with open(root + name, "wb") as handle:
            handle.write(_report(serial).encode())
    outcome, status, manifest = _import(vault_dir, Path(os.fsdecode(root)))
    assert status == "done" and len(outcome.imported) == 3
    text = os.fsdecode(root)
    assert sorted(m.path for m in manifest) == [f"{text}/bad\\xff\\xfe.txt", f"{text}/dossier-\\xe9t\\xe9/in.txt",
                                                f"{text}/good.txt"]
