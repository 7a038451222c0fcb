"""`nia-desktop` as a user starts it: on screen quickly, clear words when it cannot start."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

NIA_DESKTOP = str(Path(sys.executable).with_name("nia-desktop"))


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([NIA_DESKTOP, *args], capture_output=True, text=True, env=env, timeout=60, check=False)


def test_demo_opens_a_window_and_cleans_up(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NIA_STARTUP_PROBE": "1",
           "NIA_CONFIG_DIR": str(tmp_path), "TMPDIR": str(tmp_path)}
    done = run(["--demo"], env)
    assert done.returncode == 0, done.stderr
    assert "NIA_WINDOW_SHOWN" in done.stdout
    assert not list(tmp_path.glob("nia-demo-*"))  # the throwaway vault is gone


def test_no_display_is_explained(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = run(["--vault", str(tmp_path)], {**env, "NIA_CONFIG_DIR": str(tmp_path)})
    assert done.returncode == 1 and "no display" in done.stderr
