"""The briefing composer's ACH annex: ticked (Alt+A), the product it composes carries the case's matrix, shown
in the preview; a tearline version never does."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from nia_desktop.core.classification import Level
from nia_desktop.services import ach
from nia_desktop.services.session import unlock
from nia_desktop.ui.main_window import MainWindow
from nia_desktop.ui.views.briefings.composer import BriefingsView
from tests.conftest import ANALYST, ANALYST_PASS
from tests.gui.test_bundle_views import case_vault, open_view  # noqa: F401 (the fixture)


def test_the_composer_annexes_the_matrix(qtbot, case_vault: Path, window: MainWindow) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    with unlock(case_vault, ANALYST, ANALYST_PASS) as anna:
        h = ach.add_hypothesis(anna, "harbour", "The attaché maps the port for a service",
                               Level.UNCLASSIFIED)
        first = min(int(r[0]) for r in anna.db.query("SELECT report_id FROM case_reports"))
        e = ach.add_evidence(anna, "harbour", report_id=first)
        ach.mark(anna, "harbour", h, e, "C")
    view = open_view(qtbot, window, ANALYST, ANALYST_PASS, "briefings")
    assert isinstance(view, BriefingsView)
    qtbot.waitUntil(lambda: view.candidates is not None and view.reports.count() == 2, timeout=20000)
    assert not view.ach_annex.isChecked() and view.choices()["ach_annex"] is False
    view.ach_annex.setFocus()
    qtbot.keyClick(view.ach_annex, Qt.Key.Key_Space)
    assert view.ach_annex.isChecked() and view.choices()["ach_annex"] is True
    qtbot.waitUntil(lambda: view.product is not None and view.product.ach is not None and not view.busy,
                    timeout=30000)
    assert [x.text for x in view.product.ach.hypotheses] == ["The attaché maps the port for a service"]
    assert view.product.ach.items[0].ratings == ["C"]
    assert view.level.level >= Level.UNCLASSIFIED and not view.banner.isVisible()
    view.tearline.setChecked(True)
    assert view.choices()["ach_annex"] is False  # a tearline version carries no annex
