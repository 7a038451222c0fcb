"""English and Japanese: the .qm files are current, and the UI really switches."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from nia_desktop.ui.i18n import install_translation
from nia_desktop.ui.main_window import MainWindow
from nia_desktop.ui.preferences import Preferences
from tests.conftest import OFFICER, OFFICER_PASS
from tests.gui.conftest import unlock_as

ROOT = Path(__file__).resolve().parents[2]


def test_committed_qm_files_match_their_sources(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import build_translations
    finally:
        sys.path.pop(0)
    for fresh in build_translations.build(out_dir=tmp_path):
        committed = ROOT / "resources" / "translations" / fresh.name
        stale = f"{committed.name} is stale: run tools/build_translations.py"
        assert committed.read_bytes() == fresh.read_bytes(), stale


def test_every_japanese_string_is_translated() -> None:
    text = (ROOT / "resources" / "translations" / "nia_desktop_ja.ts").read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text


def test_every_string_belongs_to_the_class_that_shows_it() -> None:
    """Qt's lupdate files a string under an empty context when it loses track of the class it is in (a nested
    function inside an ``if`` did that): at run time nothing looks there, and the view stays in English."""
    text = (ROOT / "resources" / "translations" / "nia_desktop_ja.ts").read_text(encoding="utf-8")
    assert "<name></name>" not in text


def test_japanese_interface(qtbot, vault_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert install_translation(app, "ja") == "ja"
    try:
        win = MainWindow(vault_dir, Preferences(tmp_path / "prefs"))
        qtbot.addWidget(win)
        assert win.unlock_view.unlock_button.text() == "ロック解除"
        unlock_as(qtbot, win, OFFICER, OFFICER_PASS)
        rail = [win.workspace.rail.item(i).text() for i in range(win.workspace.rail.count())]  # type: ignore[union-attr]
        assert rail == ["ユーザー", "知る必要", "監査", "内部脅威監視", "公開審査", "配布先", "配布台帳", "信頼",
                        "設定", "保管庫の保守", "情報要求", "搬送", "自分の鍵"]
        win.close()
    finally:
        install_translation(app, "en")


def test_language_switch_keeps_the_session(qtbot, vault_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    win = MainWindow(vault_dir, Preferences(tmp_path / "prefs"))
    qtbot.addWidget(win)
    unlock_as(qtbot, win, OFFICER, OFFICER_PASS)
    win.workspace.show_view("settings")  # type: ignore[union-attr]
    session = win.session
    try:
        install_translation(app, "ja")
        win.retranslate()
        assert win.session is session and win.workspace is not None
        assert win.workspace.current_key() == "settings"
        assert win.workspace.lock_button.text() == "ロック"
        assert win.lock_action.isEnabled()  # the rebuilt menu's Lock (Ctrl+L) still works
    finally:
        install_translation(app, "en")
        win.close()
