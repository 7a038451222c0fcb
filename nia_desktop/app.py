"""`nia-desktop`: the GUI composition root.

Parses arguments, hardens the process, creates the QApplication, applies the
theme and translation, and shows the unlock window. Heavy modules load after
the window is on screen where they can.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="nia-desktop", description="NIA Desktop workstation")
    parser.add_argument("--vault", metavar="DIR", help="vault directory (default: $NIA_VAULT or the last one used)")
    parser.add_argument("--demo", action="store_true",
                        help="create a throwaway demo vault (one user per role) and open it")
    parser.add_argument("--lang", choices=("system", "en", "ja"), help="interface language for this run")
    parser.add_argument("--theme", choices=("system", "light", "dark"), help="colour theme for this run")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation on a throwaway vault, offscreen; exit 0 when it all works")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    from nia_desktop.core.fusion import worker
    from nia_desktop.core.ingest.child import run_if_requested

    if run_if_requested(arguments) or worker.run_if_requested(arguments):  # a frozen build's child or worker
        return 0
    args = parse_args(arguments)
    if args.self_test:
        return _self_test()
    from nia_desktop.core.hardening import harden_process

    harden_process()
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)  # no disk logs: nothing secret lands on disk
    from nia_desktop.ui.prerequisites import missing_system_libraries

    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform in ("", "xcb") and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        sys.stderr.write("nia-desktop: no display to open a window on (DISPLAY is not set). Run it from a "
                         "desktop session, or use the `nia` command line.\n")
        return 1
    needs_xcb = platform in ("", "xcb") and bool(os.environ.get("DISPLAY"))
    missing = missing_system_libraries() if needs_xcb else []
    if missing:
        sys.stderr.write(
            "nia-desktop: Qt cannot open a window: these system libraries are missing: "
            + ", ".join(missing)
            + "\nInstall them with:\n  sudo apt-get install " + " ".join(missing) + "\n"
        )
        return 1

    from PySide6.QtWidgets import QApplication

    from nia_desktop.ui.fonts import register_shipped_fonts
    from nia_desktop.ui.i18n import install_translation
    from nia_desktop.ui.preferences import Preferences
    from nia_desktop.ui.theme import apply_theme

    app = QApplication(sys.argv[:1])
    app.setApplicationName("NIA Desktop")
    app.setOrganizationName("NIA")
    register_shipped_fonts()
    preferences = Preferences()
    apply_theme(app, args.theme or preferences.theme)
    install_translation(app, args.lang or preferences.language)

    demo_dir: Path | None = None
    hint = ""
    if args.demo:
        from nia_desktop.services.vault_setup import create_demo_vault

        demo_dir = Path(tempfile.mkdtemp(prefix="nia-demo-"))
        vault = create_demo_vault(demo_dir / "vault")
        hint = app.translate("app", "Demo vault (throwaway, deleted on exit): officer / demo-officer-pass, "
                                    "reviewer / demo-reviewer-pass (second officer), analyst / demo-analyst-pass, "
                                    "courier / demo-courier-pass")
    else:
        chosen = args.vault or os.environ.get("NIA_VAULT") or preferences.last_vault
        vault = Path(chosen) if chosen else _default_vault()

    from nia_desktop.ui.main_window import MainWindow

    window = MainWindow(vault, preferences, demo_hint=hint)
    if args.demo:
        window.unlock_view.prepare("officer")

    def change_language(value: str) -> None:
        preferences.language = value
        install_translation(app, value)
        window.retranslate()

    def change_theme(value: str) -> None:
        preferences.theme = value
        apply_theme(app, value)

    window.language_changed.connect(change_language)
    window.theme_changed.connect(change_theme)
    window.show()
    if os.environ.get("NIA_STARTUP_PROBE"):
        _probe_startup(app, window)
    try:
        return app.exec()
    finally:
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)


def _self_test() -> int:
    """The services' self-test, then Qt itself: offscreen window, shipped font, Japanese translation."""
    from nia_desktop.core.hardening import harden_process
    from nia_desktop.services.self_test import Step, passed, run_self_test

    harden_process()

    def show(step: Step) -> None:
        sys.stdout.write(step.line() + "\n")
        sys.stdout.flush()

    ok = passed(run_self_test(show))
    if ok:
        import time

        start = time.perf_counter()
        try:
            detail = _qt_check()
            show(Step("desktop", True, time.perf_counter() - start, detail))
        except Exception as exc:  # any Qt failure is the finding: report it, exit 1
            show(Step("desktop", False, time.perf_counter() - start, f"{type(exc).__name__}: {exc}"))
            ok = False
    sys.stdout.write("self-test passed\n" if ok else "self-test FAILED\n")
    return 0 if ok else 1


def _qt_check() -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from nia_desktop.ui.fonts import register_shipped_fonts
    from nia_desktop.ui.i18n import install_translation
    from nia_desktop.ui.main_window import MainWindow
    from nia_desktop.ui.preferences import Preferences

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    families = register_shipped_fonts()
    if not families:
        raise RuntimeError("the shipped CJK font did not load")
    if install_translation(app, "ja") != "ja":
        raise RuntimeError("the Japanese translation did not load")
    with tempfile.TemporaryDirectory(prefix="nia-self-test-ui-") as scratch:
        window = MainWindow(Path(scratch) / "vault", Preferences(Path(scratch) / "prefs"))
        window.show()
        app.processEvents()
        picture = window.grab()
        window.close()
        if picture.isNull() or picture.width() < 200:
            raise RuntimeError("the window did not render")
    install_translation(app, "en")
    return (f"window rendered {picture.width()}x{picture.height()} on {QGuiApplication.platformName()}, "
            f"font {families[0]}, Japanese interface")


def _default_vault() -> Path:
    from nia_desktop.cli.credentials import default_vault

    return default_vault()


def _probe_startup(app: object, window: object) -> None:
    """For tests/bench: report when the window is exposed, then quit."""
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def report() -> None:
        sys.stdout.write(f"NIA_WINDOW_SHOWN {time.time():.6f}\n")
        sys.stdout.flush()
        QApplication.quit()

    QTimer.singleShot(0, report)


if __name__ == "__main__":
    sys.exit(main())
