"""media.scan's walk: its order, folders that loop back, and text for names that are not UTF-8."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from nia_desktop.core.ingest import media
from nia_desktop.core.ingest.model import FileStatus


def test_order_is_files_then_folders_by_name(tmp_path: Path) -> None:
    root = Path(os.path.realpath(tmp_path))
    for name in ("b/2.txt", "b/1.txt", "a/x/deep.txt", "a/z.txt", "top.txt", "c.txt"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x")
    found = [str(i.path.relative_to(root)) for i in media.scan([root], 1 << 20)]
    assert found == ["c.txt", "top.txt", "a/z.txt", "a/x/deep.txt", "b/1.txt", "b/2.txt"]


def test_a_folder_that_loops_back_is_walked_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A crafted file system can make a folder its own descendant; here 'a/again' claims to be 'a'."""
    root = Path(os.path.realpath(tmp_path))
    (root / "a" / "again").mkdir(parents=True)
    (root / "a" / "f.txt").write_text("x")
    (root / "a" / "again" / "g.txt").write_text("x")
    real_stat = os.stat

    def stat(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        if str(path) == str(root / "a" / "again"):
            path = root / "a"
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat)
    items = list(media.scan([root], 1 << 20))
    loop = [i for i in items if i.status is FileStatus.REFUSED]
    assert [i.path for i in loop] == [root / "a" / "again"] and "loops back" in loop[0].reason
    assert [i.path for i in items if i.status is None] == [root / "a" / "f.txt"]


def test_text_path_keeps_undecodable_bytes_as_escapes() -> None:
    assert media.text_path(os.fsdecode(b"/m/r\xe9sum\xe9.txt")) == "/m/r\\xe9sum\\xe9.txt"
    assert media.text_path("/m/秘.txt") == "/m/秘.txt"
    assert media.text_path("a\ud800b") == "a\\ud800b"
    media.text_path(os.fsdecode(b"\xff")).encode("utf-8")  # storable
