"""Fusion's dictionaries load on a worker while the unlock screen waits (services/fusion.load_dictionaries_early): each
holds the GIL for 80-100 ms in one call, which at unlock stalled the UI between the click and the first rows."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

SCRIPT = """
import gc, json, sys
from nia_desktop.core import gc_pause
from nia_desktop.core.fusion import gazetteer, names_ja
from nia_desktop.services import fusion
before = {"sudachi": names_ja._dictionary is not None, "gazetteer": gazetteer._LOADED is not None,
          "pypinyin": "pypinyin" in sys.modules, "frozen": gc.get_freeze_count()}
fusion.load_dictionaries_early()
after = {"sudachi": names_ja._dictionary is not None, "gazetteer": gazetteer._LOADED is not None,
         "pypinyin": "pypinyin" in sys.modules, "frozen": gc.get_freeze_count(), "paused": gc_pause.active(),
         "gc": gc.isenabled()}
print(json.dumps({"before": before, "after": after}))
"""


def test_dictionaries_loaded_early_are_kept_out_of_later_collections() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=180, check=True)
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    before, after = seen["before"], seen["after"]
    assert not (before["sudachi"] or before["gazetteer"] or before["pypinyin"])
    assert after["sudachi"] and after["gazetteer"] and after["pypinyin"]
    # Frozen once loaded: a collection on the UI thread never rescans what they made; collection as before.
    assert after["frozen"] > before["frozen"] + 10_000
    assert not after["paused"] and after["gc"]


def test_the_main_window_starts_the_load_once_per_process(qtbot: Any, tmp_path: object, monkeypatch: object) -> None:
    from pathlib import Path

    from nia_desktop.services import fusion
    from nia_desktop.ui import main_window
    from nia_desktop.ui.preferences import Preferences

    started: list[int] = []
    monkeypatch.setattr(fusion, "load_dictionaries_early", lambda: started.append(1))  # type: ignore[attr-defined]
    monkeypatch.setattr(main_window, "_dictionaries_loading", False)  # type: ignore[attr-defined]
    root = Path(str(tmp_path))
    windows = [main_window.MainWindow(root / "vault", Preferences(root / f"prefs{i}")) for i in range(2)]
    qtbot.waitUntil(lambda: started == [1])  # on a worker, not the UI thread (tests/gui/ui_thread_guard.py)
    qtbot.wait(200)
    assert started == [1]
    for window in windows:
        window.close()
