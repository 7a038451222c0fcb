"""A screenshot of the Fusion view's Hypotheses (ACH) tab (docs/screenshots/ach.png) on the demo vault's case.

Run under an X server:
    xvfb-run -s "-screen 0 1280x800x24" .venv/bin/python tools/ach_screenshot.py [out-dir]

The demo vault (fictional samples) is made in a temporary folder; the analyst writes three hypotheses on the
demo case, adds five of its reports and its assessment as evidence and rates the cells through services/ach,
as `nia ach` would; the real Fusion view then reads the matrix on its worker.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from nia_desktop.core.classification import Level
from nia_desktop.services import ach, assessments
from nia_desktop.services.session import unlock
from nia_desktop.services.vault_setup import create_demo_vault
from nia_desktop.ui.theme import apply_theme
from nia_desktop.ui.views.fusion.view import FusionView

CASE = "Demo: Kestrel Bay"
HYPOTHESES = ("Kestrel Bay is a front run by a foreign intelligence service",
              "Kestrel Bay is a legitimate trader exploited by a third party",
              "The approaches are unconnected commercial contacts")
# Report number -> ratings against the three hypotheses.
RATINGS = {1: ("C", "C", "I"), 2: ("CC", "I", "II"), 5: ("C", "C", "C"), 8: ("II", "N", "I"), 11: ("CC", "I", "I")}


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["NIA_CONFIG_DIR"] = str(Path(tmp) / "config")
        root = create_demo_vault(Path(tmp) / "vault")
        session = unlock(root, "analyst", "demo-analyst-pass")
        levels = (Level.SECRET, Level.CONFIDENTIAL, Level.SECRET)  # each hypothesis' portion mark
        hypotheses = [ach.add_hypothesis(session, CASE, text, level)
                      for text, level in zip(HYPOTHESES, levels, strict=True)]
        for report, ratings in RATINGS.items():
            item = ach.add_evidence(session, CASE, report_id=report)
            for h, rating in zip(hypotheses, ratings, strict=True):
                ach.mark(session, CASE, h, item, rating)
        judged = assessments.case_assessments(session, CASE)[0]
        item = ach.add_evidence(session, CASE, assessment_id=judged.id)
        for h, rating in zip(hypotheses, ("C", "C", "I"), strict=True):
            ach.mark(session, CASE, h, item, rating)
        app = QApplication.instance() or QApplication(sys.argv)
        apply_theme(app, "light")  # type: ignore[arg-type]
        view = FusionView(session)
        view.setWindowTitle("NIA Desktop: analysis of competing hypotheses")
        view.resize(1240, 700)
        view.show()
        view.tabs.setCurrentWidget(view.ach)
        deadline = time.monotonic() + 120
        while (view.case.findData(CASE) < 0 or view.busy) and time.monotonic() < deadline:  # the cases, read
            app.processEvents()
            time.sleep(0.02)
        view.case.setCurrentIndex(view.case.findData(CASE))
        while (view.ach.table.rowCount() < len(RATINGS) + 1 or view.busy) and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
        view.ach.table.setFocus()
        view.ach.table.setCurrentCell(1, 1)
        for _ in range(20):
            app.processEvents()
        out.mkdir(parents=True, exist_ok=True)
        view.grab().save(str(out / "ach.png"))
        print(f"{view.ach.table.rowCount()} items, {len(hypotheses)} hypotheses: wrote {out / 'ach.png'}")
        view.close()
        from nia_desktop.ui.workers import wait_for_all

        wait_for_all()
        session.close()


if __name__ == "__main__":
    main()
