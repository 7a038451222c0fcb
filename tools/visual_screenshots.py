"""Screenshots of the analyst's visual workspace on the demo vault: the link chart, the map and the reader's
entity marks (docs/screenshots/link-chart.png, map.png, reader-marks.png; with ``--lang ja`` the same with -ja).

Run under an X server:
    xvfb-run -s "-screen 0 1280x800x24" .venv/bin/python tools/visual_screenshots.py [--lang ja] [out-dir]

The demo vault (fictional samples) is made in a temporary folder; the analyst fuses every report and the demo
case through services/fusion, as the Fusion view would, then the real Fusion and Reports views read them on their
workers: the chart opens on the case's top entities, the two most reported are expanded, the entities ranked by
degree (brokers marked) and the shortest paths between the two most reported entities with no link of their own
highlighted; the map shows Japan (J); the reader opens, of a search's first 8 hits, the one with the most entity
marks (no mention selected: the reader's "Mention n of m: ..." line is one unwrapped label that widens the reader
until the reports table is a sliver).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from nia_desktop.services import fusion
from nia_desktop.services.session import unlock
from nia_desktop.services.vault_setup import create_demo_vault
from nia_desktop.ui.i18n import install_translation
from nia_desktop.ui.theme import apply_theme
from nia_desktop.ui.views.fusion.view import FusionView
from nia_desktop.ui.views.reports.view import ReportsView
from nia_desktop.ui.workers import wait_for_all

CASE = "Demo: Kestrel Bay"
QUERY = "Kestrel"


def wait(app: QCoreApplication, done: Callable[[], bool], seconds: float = 120) -> None:
    """Turn the event loop until ``done`` (the views' work is on workers) or the time is up."""
    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    for _ in range(20):
        app.processEvents()


def save(widget: QWidget, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(path))
    print(f"wrote {path}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", choices=("en", "ja"), default="en")
    parser.add_argument("out", nargs="?", default="docs/screenshots")
    args = parser.parse_args()
    out, suffix = Path(args.out), "" if args.lang == "en" else f"-{args.lang}"
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["NIA_CONFIG_DIR"] = str(Path(tmp) / "config")
        root = create_demo_vault(Path(tmp) / "vault")
        session = unlock(root, "analyst", "demo-analyst-pass")
        fusion.fuse_kept(session, "")
        fusion.fuse_kept(session, CASE)
        app = QApplication.instance() or QApplication(sys.argv)
        install_translation(app, args.lang)
        apply_theme(app, "light")  # type: ignore[arg-type]

        view = FusionView(session)
        view.setWindowTitle("NIA Desktop")
        view.resize(1240, 760)
        view.show()
        wait(app, lambda: view.case.findData(CASE) >= 0 and not view.busy)
        view.case.setCurrentIndex(view.case.findData(CASE))
        wait(app, lambda: not view.busy)
        chart = view.graph
        view.tabs.setCurrentWidget(chart)
        wait(app, lambda: bool(chart.nodes) and not view.busy and chart.complete)
        top = sorted(chart.nodes.values(), key=lambda n: (-n.node.reports, n.node.id))
        chart.expand([n.node.id for n in top[:2]])
        wait(app, lambda: not view.busy and chart.complete)
        chart.rank()
        wait(app, lambda: not view.busy and chart.complete)
        # Two well-reported entities with no link of their own: the path between them runs through others.
        ranked = sorted(chart.nodes.values(), key=lambda n: (-n.node.reports, n.node.id))
        pairs = [(a, b) for i, a in enumerate(ranked) for b in ranked[i + 1:]
                 if (min(a.node.id, b.node.id), max(a.node.id, b.node.id)) not in chart.links]
        chart.scene_.clearSelection()
        for node in pairs[0] if pairs else ranked[:2]:
            node.setSelected(True)
        chart.find_path()
        wait(app, lambda: not view.busy and chart.complete)
        chart.fit()
        wait(app, lambda: not view.busy)
        save(view, out / f"link-chart{suffix}.png")

        view.tabs.setCurrentWidget(view.map)
        wait(app, lambda: not view.busy and bool(view.map.scene().items()))
        view.map.frame_japan()  # J: the demo case's two places are 10 km apart, one cluster at this zoom
        print(f"{len(view.map.places)} places on the map")
        view.map.setFocus()
        wait(app, lambda: not view.busy)
        save(view, out / f"map{suffix}.png")
        view.close()

        reports = ReportsView(session)
        reports.setWindowTitle("NIA Desktop")
        reports.resize(1240, 760)
        reports.show()
        wait(app, lambda: not reports.busy)
        reports.search.setText(QUERY)
        reports.apply()
        wait(app, lambda: not reports.busy and reports.model.rowCount() > 0)
        marked = []  # (marks, row): the hit with the most entity marks is shown
        for row in range(min(reports.model.rowCount(), 8)):
            reports.table.selectRow(row)
            wait(app, lambda: not reports.busy, 30)
            wait(app, lambda: not reports.busy, 30)  # the report, then its mentions
            marked.append((len(reports.reader.marks), -row))
        reports.table.selectRow(-max(marked)[1])
        wait(app, lambda: not reports.busy and bool(reports.reader.marks))
        reports.reader.text.setFocus()
        wait(app, lambda: not reports.busy)
        save(reports, out / f"reader-marks{suffix}.png")
        reports.close()
        wait_for_all()
        session.close()


if __name__ == "__main__":
    main()
