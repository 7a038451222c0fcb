"""Screenshots of the analyst's visual workspace on the demo vault: the link chart, the map, the reader's entity
marks, the Fusion view's cross-filter and the reader's entity judgements (docs/screenshots/link-chart.png,
map.png, reader-marks.png, cross-filter.png, entity-judgement-dialog.png, entity-judgement-pending.png; with
``--lang ja`` the same with -ja; ``--only map`` etc. takes some of them).

Run under an X server (the judgement's dialog is its own window: that shot is of the screen):
    xvfb-run -s "-screen 0 1280x800x24" .venv/bin/python tools/visual_screenshots.py [--lang ja] [--only NAME]
        [out-dir]

The demo vault (fictional samples) is made in a temporary folder; the analyst fuses every report and the demo
case through services/fusion, as the Fusion view would, then the real Fusion and Reports views read them on their
workers: the chart opens on the case's top entities, the two most reported are expanded, the entities ranked by
degree (brokers marked) and the shortest paths between the two most reported entities with no link of their own
highlighted; the map shows Japan (J); the reader opens, of a search's first 8 hits, the one with the most entity
marks (no mention selected: the reader's "Mention n of m: ..." line is one unwrapped label that widens the reader
until the reports table is a sliver).

The cross-filter: on the case's Events tab a range of days is chosen, on its Map tab the prefecture of the case's
places is clicked (framed on Japan, where prefectures are selectable); the Entities tab is shown, narrowed to the
reports both allow, the filter bar above the tabs naming each filter and what they have in common. The entity
judgement: a report where fusion missed a name (JUDGED in the report titled REPORT_WORDS) is opened, the name
selected and Ctrl+E pressed; the dialog is filled (kind, reason) and shot over the Reports view, then accepted:
the reader shows the new mention in italics and the view's banner says it waits for a fusion.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from nia_desktop.core.fusion import geo
from nia_desktop.services import fusion
from nia_desktop.services.session import Session, unlock
from nia_desktop.services.vault_setup import create_demo_vault
from nia_desktop.ui.i18n import install_translation
from nia_desktop.ui.theme import apply_theme
from nia_desktop.ui.views.fusion.view import FusionView
from nia_desktop.ui.views.reports.view import ReportsView
from nia_desktop.ui.workers import wait_for_all

CASE = "Demo: Kestrel Bay"
QUERY = "Kestrel"
SHOTS = ("link-chart", "map", "reader-marks", "cross-filter", "entity-judgement")
RANGE = ("2026-02-20", "2026-03-06")  # the Events tab's range for the cross-filter
YOKOHAMA = (35.45, 139.64)  # clicked on the map: the demo case's places are in Kanagawa
REPORT_WORDS, JUDGED, WHY = ("Drone flights", "Aozora Photonics",
                             "The plant's owner (NPA-FAD-26-00311)")


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


def save_screen(widget: QWidget, path: Path) -> None:
    """The screen where ``widget`` is, cropped to it: with the dialogs it opened above it (their own windows)."""
    screen = QGuiApplication.primaryScreen()
    frame = widget.frameGeometry()
    screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height()).save(str(path))
    print(f"wrote {path}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", choices=("en", "ja"), default="en")
    parser.add_argument("--only", choices=SHOTS, action="append", help="take only these (repeatable)")
    parser.add_argument("out", nargs="?", default="docs/screenshots")
    args = parser.parse_args()
    out, suffix, only = Path(args.out), "" if args.lang == "en" else f"-{args.lang}", set(args.only or SHOTS)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["NIA_CONFIG_DIR"] = str(Path(tmp) / "config")
        root = create_demo_vault(Path(tmp) / "vault")
        session = unlock(root, "analyst", "demo-analyst-pass")
        fusion.fuse_kept(session, "")
        fusion.fuse_kept(session, CASE)
        app = QApplication.instance() or QApplication(sys.argv)
        install_translation(app, args.lang)
        apply_theme(app, "light")  # type: ignore[arg-type]
        if only & {"link-chart", "map"}:
            chart_and_map(app, session, out, suffix, only)
        if "cross-filter" in only:
            cross_filter(app, session, out / f"cross-filter{suffix}.png")
        if "reader-marks" in only:
            reader_marks(app, session, out / f"reader-marks{suffix}.png")
        if "entity-judgement" in only:  # last: it changes the analyst's judgements
            entity_judgement(app, session, out, suffix)
        wait_for_all()
        session.close()


def fusion_view(app: QCoreApplication, session: Session) -> FusionView:
    """The Fusion view on the demo case, its entities read."""
    view = FusionView(session)
    view.setWindowTitle("NIA Desktop")
    view.resize(1240, 760)
    view.show()
    wait(app, lambda: view.case.findData(CASE) >= 0 and not view.busy)
    view.case.setCurrentIndex(view.case.findData(CASE))
    wait(app, lambda: not view.busy)
    return view


def chart_and_map(app: QCoreApplication, session: Session, out: Path, suffix: str, only: set[str]) -> None:
    view = fusion_view(app, session)
    if "link-chart" in only:
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
    if "map" in only:
        view.tabs.setCurrentWidget(view.map)
        wait(app, lambda: not view.busy and bool(view.map.scene().items()))
        view.map.frame_japan()  # J: the demo case's two places are 10 km apart, one cluster at this zoom
        print(f"{len(view.map.places)} places on the map")
        view.map.setFocus()
        wait(app, lambda: not view.busy)
        save(view, out / f"map{suffix}.png")
    view.close()


def cross_filter(app: QCoreApplication, session: Session, path: Path) -> None:
    """A range on the Events tab and a prefecture on the Map tab; the Entities tab narrowed to both."""
    view = fusion_view(app, session)
    view.tabs.setCurrentWidget(view.event_timeline)
    wait(app, lambda: not view.busy and bool(view.event_timeline.events))
    canvas = view.event_timeline.canvas
    canvas.choose(float(date.fromisoformat(RANGE[0]).toordinal()), float(date.fromisoformat(RANGE[1]).toordinal()))
    wait(app, lambda: not view.busy)
    view.tabs.setCurrentWidget(view.map)
    wait(app, lambda: not view.busy and bool(view.map.places))
    view.map.frame_japan()  # prefectures are selectable from this zoom
    wait(app, lambda: not view.busy)
    x, y = geo.project(*YOKOHAMA)
    print(f"map region clicked: {view.map.select_at(QPointF(x, y))}")
    wait(app, lambda: not view.busy and len(view.cross.sources) == 2)
    view.tabs.setCurrentIndex(0)
    wait(app, lambda: not view.busy and view.entity_model.rowCount() > 0)
    view.entities.selectRow(0)  # the most reported entity in the reports both filters allow, and why
    wait(app, lambda: not view.busy)
    print("filter bar:", " | ".join(label.text() for label, _ in view.cross.bar.chips.values()),
          view.cross.bar.common.text())
    save(view, path)
    view.close()


def reader_marks(app: QCoreApplication, session: Session, path: Path) -> None:
    reports = reports_view(app, session, QUERY)
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
    save(reports, path)
    reports.close()


def reports_view(app: QCoreApplication, session: Session, query: str) -> ReportsView:
    """The Reports view at the screen's top left, searched for ``query``."""
    reports = ReportsView(session)
    reports.setWindowTitle("NIA Desktop")
    reports.resize(1240, 760)
    reports.move(0, 0)
    reports.show()
    wait(app, lambda: not reports.busy)
    reports.search.setText(query)
    reports.apply()
    wait(app, lambda: not reports.busy and reports.model.rowCount() > 0)
    return reports


def entity_judgement(app: QCoreApplication, session: Session, out: Path, suffix: str) -> None:
    """JUDGED selected in the report fusion missed it in, Ctrl+E, the dialog filled; then accepted."""
    reports = reports_view(app, session, f'"{REPORT_WORDS}"')
    reports.table.selectRow(0)
    wait(app, lambda: not reports.busy and reports.reader.report is not None)
    wait(app, lambda: not reports.busy)
    reader = reports.reader
    found = reader.text.document().find(JUDGED)
    if found.isNull():
        raise SystemExit(f"{JUDGED!r} is not in the report opened")
    cursor = reader.text.textCursor()
    cursor.setPosition(found.selectionStart())
    cursor.setPosition(found.selectionEnd(), QTextCursor.MoveMode.KeepAnchor)
    reader.text.setTextCursor(cursor)
    reports.activateWindow()
    reader.text.setFocus()
    wait(app, lambda: reports.isActiveWindow(), 5)
    QTest.keyClick(reader.text, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    wait(app, lambda: reader.dialog is not None and reader.dialog.isVisible(), 5)
    if reader.dialog is None:  # no window manager to make the window active: the shortcut's action itself
        reader.mark_entity_action.trigger()
        wait(app, lambda: reader.dialog is not None and reader.dialog.isVisible(), 10)
    dialog = reader.dialog
    assert dialog is not None
    dialog.kind.setCurrentIndex(dialog.kind.findData("organization"))  # type: ignore[attr-defined]
    dialog.why.setText(WHY)  # type: ignore[attr-defined]
    dialog.why.setFocus()  # type: ignore[attr-defined]
    wait(app, lambda: False, 1)
    save_screen(reports, out / f"entity-judgement-dialog{suffix}.png")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()  # type: ignore[attr-defined]
    wait(app, lambda: not reports.busy and any(m.pending for _, _, m in reader.marks))
    cursor.clearSelection()  # the new mark's italics show, not the selection's colours
    reader.text.setTextCursor(cursor)
    reader.text.setFocus()
    wait(app, lambda: not reports.busy)
    print("banner:", reports.banner.text())
    save(reports, out / f"entity-judgement-pending{suffix}.png")
    reports.close()


if __name__ == "__main__":
    main()
