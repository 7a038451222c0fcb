"""The briefing composer's link chart annex: off by default, ticked from the keyboard (Alt+K), the product it
composes carries the chart of the included reports (preview and product); a tearline version carries one laid
out from the reports under its line, never the saved chart, and no entity of a report above it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from nia_desktop.core.classification import Level
from nia_desktop.ui.main_window import MainWindow
from nia_desktop.ui.views.briefings.composer import BriefingsView
from tests.conftest import ANALYST, ANALYST_PASS
from tests.gui.test_bundle_views import case_vault, open_view  # noqa: F401 (the fixture)


def test_the_composer_annexes_the_link_chart(qtbot, case_vault: Path, window: MainWindow) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    view = open_view(qtbot, window, ANALYST, ANALYST_PASS, "briefings")
    assert isinstance(view, BriefingsView)
    qtbot.waitUntil(lambda: view.candidates is not None and view.reports.count() == 2, timeout=20000)
    assert not view.chart_annex.isChecked() and view.choices()["chart_annex"] is False
    assert "Alt+K" in view.chart_annex.toolTip()
    view.chart_annex.setFocus()
    qtbot.keyClick(view.chart_annex, Qt.Key.Key_Space)
    assert view.chart_annex.isChecked() and view.choices()["chart_annex"] is True
    qtbot.waitUntil(lambda: view.product is not None and view.product.chart is not None and not view.busy,
                    timeout=30000)
    chart = view.product.chart
    assert chart.nodes and not chart.saved  # nothing saved for this case: laid out
    assert {n.name for n in chart.nodes} <= {e.name for e in view.product.entities}
    assert view.product.marking == view.product.summary_marking  # the annex raises nothing
    # A tearline version at UNCLASSIFIED: its annex names only what the unclassified report names.
    view.tearline.setChecked(True)
    view.max_level.setCurrentIndex(view.max_level.findData(int(Level.UNCLASSIFIED)))
    view.tearline_summary.setPlainText("The port visit, below the line.")
    assert view.choices()["chart_annex"] is True
    qtbot.waitUntil(lambda: view.product is not None and view.product.tearline != "" and not view.busy,
                    timeout=30000)
    cut = view.product.chart
    assert cut is not None and not cut.saved and cut.marking.level is Level.UNCLASSIFIED
    below = {s.report_id for s in view.product.sources}
    assert cut.nodes and all(set(n.reports) <= below for n in cut.nodes)
