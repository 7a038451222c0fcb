"""The start-up check names missing X11 libraries, but not those a frozen build carries itself."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from nia_desktop.ui import prerequisites


def fake_ldconfig(monkeypatch: pytest.MonkeyPatch, sonames: list[str]) -> None:
    listing = "".join(f"\t{name} (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/{name}\n" for name in sonames)
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: subprocess.CompletedProcess(a, 0, listing, ""))


def test_missing_libraries_are_named_by_package(monkeypatch: pytest.MonkeyPatch) -> None:
    everything_but_cursor = [s for p, s in prerequisites.XCB_PACKAGES.items() if p != "libxcb-cursor0"]
    fake_ldconfig(monkeypatch, everything_but_cursor)
    assert prerequisites.missing_system_libraries() == ["libxcb-cursor0"]


def test_a_frozen_build_counts_what_it_bundles(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake_ldconfig(monkeypatch, ["libEGL.so.1"])
    (tmp_path / "PySide6").mkdir()
    for soname in prerequisites.XCB_PACKAGES.values():
        if soname != "libEGL.so.1" and soname != "libxcb-xinerama.so.0":
            (tmp_path / soname).write_bytes(b"")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert prerequisites.missing_system_libraries() == ["libxcb-xinerama0"]
