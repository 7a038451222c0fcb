"""A screenshot of the event timeline (docs/screenshots/event-timeline.png) on the demo vault's case.

Run under an X server:
    xvfb-run -s "-screen 0 1280x800x24" .venv/bin/python tools/event_timeline_screenshot.py [out-dir]

The demo vault (fictional samples) is made in a temporary folder; the analyst fuses the demo case and its
events are read through services/events as the Fusion view reads them; the lanes are per entity, the first
event selected so its sentence shows.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from nia_desktop.services import events, fusion
from nia_desktop.services.session import unlock
from nia_desktop.services.vault_setup import create_demo_vault
from nia_desktop.ui.theme import apply_theme
from nia_desktop.ui.views.fusion.timeline import EventTimeline

CASE = "Demo: Kestrel Bay"


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["NIA_CONFIG_DIR"] = str(Path(tmp) / "config")
        root = create_demo_vault(Path(tmp) / "vault")
        with unlock(root, "analyst", "demo-analyst-pass") as session:
            fusion.fuse_kept(session, CASE)
            found, offset, reports = [], 0, 0
            while True:
                page = events.case_events(session, CASE, offset)
                found += page.events
                reports += page.reports
                if not page.more:
                    break
                offset = page.next_offset
    app = QApplication.instance() or QApplication(sys.argv)
    apply_theme(app, "light")  # type: ignore[arg-type]
    view = EventTimeline()
    view.setWindowTitle("NIA Desktop: event timeline")
    view.resize(1100, 560)
    view.show_events(found, reports, more=False)
    view.lanes_by.setCurrentIndex(1)
    view.show()
    for _ in range(20):
        app.processEvents()
    view.canvas.setFocus()
    view.canvas.step(True)
    view.canvas.zoom(1.0)
    for _ in range(20):
        app.processEvents()
    out.mkdir(parents=True, exist_ok=True)
    view.grab().save(str(out / "event-timeline.png"))
    print(f"{len(found)} events in {reports} reports: wrote {out / 'event-timeline.png'}")
    view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    view.close()


if __name__ == "__main__":
    main()
