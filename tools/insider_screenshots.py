"""Screenshots of the insider watch (docs/screenshots): the officer's view with a flagged night of reading, and
the same entries selected in the Audit view.

Run under an X server (ImageMagick's `import` grabs the screen):
    Xvfb :99 -screen 0 1280x800x24 &  DISPLAY=:99 .venv/bin/python tools/insider_screenshots.py [out-dir] [--lang ja]

The vault is the demo vault plus 80 short fictional notes and a second analyst ("kenji"). Six weeks of work
are read through the services with the session clock set (a few reports a working day each, office hours);
three days ago kenji read 70 reports between 21:45 and midnight, and the day before he tried six times to open
reports marked 特定秘密 that he is not cleared for. Nothing is real.
"""

from __future__ import annotations

import contextlib
import random
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from screen_pacing import pacing

from nia_desktop.core.errors import PermissionRefused
from nia_desktop.core.insiders import JST
from nia_desktop.core.markings import SPECIALLY_DESIGNATED_SECRET
from nia_desktop.core.roles import Role
from nia_desktop.services import clearances, fusion, importing, reports
from nia_desktop.services.session import Session, unlock
from nia_desktop.services.users import add_user
from nia_desktop.services.vault_setup import create_demo_vault

KENJI, KENJI_PASS = "kenji", "demo-kenji-passphrase"


@dataclass
class SetClock:
    at: datetime

    def now(self) -> datetime:
        return self.at

    def monotonic(self) -> float:
        return 0.0

    def sleep(self, seconds: float) -> None:
        return None


def at(session: Session, day: date, hour: float) -> None:
    session.clock = SetClock((datetime(day.year, day.month, day.day, tzinfo=JST)  # type: ignore[assignment]
                              + timedelta(hours=hour)).astimezone(UTC))


def build_vault(root: Path, media: Path) -> Path:
    create_demo_vault(root)
    with unlock(root, "officer", "demo-officer-pass") as officer:
        add_user(officer, KENJI, Role.ANALYST, KENJI_PASS)
        clearances.grant(officer, "analyst", SPECIALLY_DESIGNATED_SECRET)
    media.mkdir()
    for n in range(80):
        (media / f"note-{n:02d}.txt").write_text(
            f"UNCLASSIFIED\nSubject: Port logistics note {n}\n\nA fictional note about shipping schedules, "
            f"number {n}.\n", encoding="utf-8")
    rng = random.Random(14)  # noqa: S311 (a fictional history, not a secret)
    today = datetime.now(UTC).astimezone(JST).date()
    with unlock(root, "analyst", "demo-analyst-pass") as analyst:
        at(analyst, today - timedelta(days=45), 9.5)
        importing.import_paths(analyst, [media])
        ids = sorted(r.id for r in reports.list_reports(analyst, limit=500))
        secret = ids[-2:]
        for report_id in secret:
            clearances.mark_report(analyst, report_id, reports.open_report(analyst, report_id).summary.classification,
                                   [SPECIALLY_DESIGNATED_SECRET], "MOD designated it")
        fusion.create_case(analyst, "Harbour logistics")
        fusion.add_to_case(analyst, "Harbour logistics", ids[:30])
    open_ids = ids[:-2]
    for name, passphrase, mean in (("analyst", "demo-analyst-pass", 4), (KENJI, KENJI_PASS, 3)):
        with unlock(root, name, passphrase) as session:
            for offset in range(44, 0, -1):
                day = today - timedelta(days=offset)
                if day.weekday() >= 5:
                    continue
                for _ in range(max(1, round(rng.gauss(mean, 1)))):
                    at(session, day, rng.uniform(9, 17.5))
                    reports.open_report(session, rng.choice(open_ids[:30]))
    with unlock(root, KENJI, KENJI_PASS) as kenji:
        night = today - timedelta(days=3)
        for n, report_id in enumerate(open_ids[:70]):
            at(kenji, night, 21.75 + 2.2 * n / 70)
            reports.open_report(kenji, report_id)
        for n in range(6):
            at(kenji, night - timedelta(days=1), 15 + n / 10)
            with contextlib.suppress(PermissionRefused):  # refused and audited: that is the point
                reports.open_report(kenji, secret[n % 2])
    return root


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    lang = "ja" if "--lang" in sys.argv and sys.argv[sys.argv.index("--lang") + 1:][:1] == ["ja"] else "en"
    args = [a for a in args if a != "ja"]
    out = Path(args[0] if args else "docs/screenshots").resolve()
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="nia-insider-shots-"))
    try:
        return take(out, work, lang)
    finally:
        shutil.rmtree(work, ignore_errors=True)  # the throwaway vault


def take(out: Path, work: Path, lang: str) -> int:
    vault = build_vault(work / "vault", work / "media")

    from PySide6.QtWidgets import QApplication

    from nia_desktop.ui.fonts import register_shipped_fonts
    from nia_desktop.ui.i18n import install_translation
    from nia_desktop.ui.main_window import MainWindow
    from nia_desktop.ui.preferences import Preferences
    from nia_desktop.ui.theme import apply_theme
    from nia_desktop.ui.views.audit import AuditView
    from nia_desktop.ui.views.insiders import InsidersView

    app = QApplication(sys.argv[:1])
    register_shipped_fonts()
    apply_theme(app, "light")
    install_translation(app, lang)
    window = MainWindow(vault, Preferences(work / "prefs"))
    window.setGeometry(0, 0, 1280, 800)
    window.show()
    suffix = "" if lang == "en" else f"-{lang}"

    settle, wait = pacing(app, 60)

    def shot(name: str) -> None:
        settle(1.0)
        subprocess.run(["import", "-window", "root", str(out / name)], check=True)  # noqa: S603, S607 (ImageMagick)
        print(out / name)

    wait(lambda: window.unlock_view.unlock_button.isEnabled())
    window.unlock_view.user.setText("officer")
    window.unlock_view.passphrase.setText("demo-officer-pass")
    window.unlock_view.unlock_button.click()
    wait(lambda: window.workspace is not None and not window.workspace.busy)
    workspace = window.workspace
    assert workspace is not None
    workspace.show_view("insiders")
    view = workspace.views["insiders"]
    assert isinstance(view, InsidersView)
    wait(lambda: view.result is not None and not view.busy and len(view.entries) > 0)
    shot(f"insider-watch{suffix}.png")
    view.open_in_audit()
    audit = workspace.views["audit"]
    assert isinstance(audit, AuditView)
    wait(lambda: workspace.current_key() == "audit" and bool(audit.table.selectionModel().selectedRows()))
    shot(f"insider-watch-audit{suffix}.png")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
