"""Screenshots of need-to-know (docs/screenshots): a fully cleared analyst's reports beside a compartmented
analyst's view of the same vault, and the officer managing clearances.

Run under an X server (ImageMagick's `import` grabs the screen):
    Xvfb :99 -screen 0 1280x800x24 &  DISPLAY=:99 .venv/bin/python tools/need_to_know_screenshots.py [out-dir]

The vault is the demo vault (resources/samples) with an operation compartment, some reports re-marked into
it and into 特定秘密, one report with a header marking nobody has defined, and a second analyst ("kenji",
SECRET, OP-HERON only). Everything is set up through the services, as the CLI would.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from screen_pacing import pacing

from nia_desktop.core.classification import Level
from nia_desktop.core.clock import iso_utc
from nia_desktop.core.markings import NOFORN, ORCON, SPECIALLY_DESIGNATED_SECRET
from nia_desktop.core.roles import Role
from nia_desktop.core.store.clearances import grant as grant_row
from nia_desktop.services import clearances, importing, reports
from nia_desktop.services.session import unlock
from nia_desktop.services.users import add_user
from nia_desktop.services.vault_setup import create_demo_vault

OPERATION = "OP-HERON"
KENJI, KENJI_PASS = "kenji", "demo-kenji-passphrase"


def build_vault(root: Path, media: Path) -> Path:
    create_demo_vault(root)
    with unlock(root, "officer", "demo-officer-pass") as officer:
        clearances.add_compartment(officer, OPERATION, "Operation Heron: the NPA's source reporting on Kestrel Bay")
        add_user(officer, KENJI, Role.ANALYST, KENJI_PASS)
        clearances.set_clearance(officer, KENJI, Level.SECRET)
        clearances.grant(officer, KENJI, OPERATION, "2026-12-31")
        clearances.grant(officer, "analyst", OPERATION)
        clearances.grant(officer, "analyst", SPECIALLY_DESIGNATED_SECRET)
        # A grant that has run out (the service refuses to give one ending in the past, so it is written as an
        # old grant would be): the officer's view marks it expired.
        ended = (officer.clock.now() - dt.timedelta(days=20)).date().isoformat()
        with officer.db.transaction():
            grant_row(officer.db, KENJI, SPECIALLY_DESIGNATED_SECRET, ended, "officer", iso_utc(officer.clock.now()))
    media.mkdir()
    (media / "wn.txt").write_text("SECRET//WNINTEL\n\nSubject: Warning notice on a liaison channel\n\n"
                                  "A liaison channel may be compromised.\n")
    with unlock(root, "analyst", "demo-analyst-pass") as analyst:
        importing.import_paths(analyst, [media])
        listed = reports.list_reports(analyst, limit=200)
        by_agency: dict[str, list[reports.ReportSummary]] = {}
        for summary in listed:
            by_agency.setdefault(summary.agency, []).append(summary)

        def mark(summaries: list[reports.ReportSummary], level: Level | None, caveats: list[str], why: str) -> None:
            for summary in summaries:
                clearances.mark_report(analyst, summary.id, level or summary.classification, caveats, why)

        mark(by_agency.get("DIH", [])[:2], Level.TOP_SECRET, [SPECIALLY_DESIGNATED_SECRET],
             "MOD designated these as Specially Designated Secrets")
        mark(by_agency.get("NPA", [])[:3], None, [OPERATION], "Operation Heron source reporting")
        mark(by_agency.get("MOFA", [])[:1], None, [ORCON, "REL TO USA, GBR"], "Originator controlled; releasable")
        mark(by_agency.get("CIRO", [])[:1], None, [NOFORN], "Not for partners")
    return root


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots").resolve()
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="nia-ntk-shots-"))
    try:
        return take(out, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)  # the throwaway vault


def take(out: Path, work: Path) -> int:
    vault = build_vault(work / "vault", work / "media")

    from PySide6.QtWidgets import QApplication

    from nia_desktop.ui.fonts import register_shipped_fonts
    from nia_desktop.ui.i18n import install_translation
    from nia_desktop.ui.main_window import MainWindow
    from nia_desktop.ui.preferences import Preferences
    from nia_desktop.ui.theme import apply_theme
    from nia_desktop.ui.views.compartments import NeedToKnowView
    from nia_desktop.ui.views.reports.remark import RemarkDialog
    from nia_desktop.ui.views.reports.view import ReportsView

    app = QApplication(sys.argv[:1])
    register_shipped_fonts()
    apply_theme(app, "light")
    install_translation(app, "en")
    window = MainWindow(vault, Preferences(work / "prefs"))
    window.setGeometry(0, 0, 1280, 800)
    window.show()

    settle, wait = pacing(app, 60)

    def sign_in(user: str, passphrase: str) -> None:
        if window.workspace is not None:
            window.lock()
        wait(lambda: window.workspace is None and window.unlock_view.unlock_button.isEnabled())
        window.unlock_view.user.setText(user)
        window.unlock_view.passphrase.setText(passphrase)
        window.unlock_view.unlock_button.click()
        wait(lambda: window.workspace is not None and not window.workspace.busy)

    def shot(name: str) -> None:
        settle(1.0)
        subprocess.run(["import", "-window", "root", str(out / name)], check=True)  # noqa: S603, S607 (ImageMagick)
        print(out / name)

    def reports_view(select: Callable[[reports.ReportSummary], bool]) -> None:
        assert window.workspace is not None
        window.workspace.show_view("reports")
        view = window.workspace.views["reports"]
        assert isinstance(view, ReportsView)
        wait(lambda: not view.busy and view.model.rowCount() > 0)
        row = next((i for i, r in enumerate(view.model.rows) if select(r)), 0)
        view.table.selectRow(row)
        wait(lambda: not view.busy and view.reader.report is not None)

    sign_in("analyst", "demo-analyst-pass")
    reports_view(lambda r: SPECIALLY_DESIGNATED_SECRET in r.caveats)
    shot("need-to-know-cleared.png")
    sign_in(KENJI, KENJI_PASS)
    reports_view(lambda r: OPERATION in r.caveats)
    shot("need-to-know-compartmented.png")
    assert window.workspace is not None
    view = window.workspace.views["reports"]
    assert isinstance(view, ReportsView) and view.reader.report is not None
    view.remark_open_report()
    wait(lambda: isinstance(view.dialog, RemarkDialog) and view.dialog.isVisible())
    dialog = view.dialog
    assert isinstance(dialog, RemarkDialog)
    dialog.caveats.set_checked(ORCON)
    dialog.release.setText("USA, GBR")
    dialog.why.setPlainText("The originator asked for control; releasable to two partners")
    dialog.move(window.geometry().center() - dialog.rect().center())
    shot("remark-dialog.png")
    dialog.reject()
    sign_in("officer", "demo-officer-pass")
    assert window.workspace is not None
    window.workspace.show_view("need_to_know")
    view = window.workspace.views["need_to_know"]
    assert isinstance(view, NeedToKnowView)
    wait(lambda: not view.busy and view.users_model.rowCount() > 0)
    view.select_user(KENJI)
    shot("clearances-officer.png")
    view.tabs.setCurrentIndex(1)
    shot("compartments-officer.png")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
