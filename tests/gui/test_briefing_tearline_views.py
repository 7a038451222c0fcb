"""Tearline versions in the desktop (issue 13): the composer's tearline controls make a tearline version through
the services (previewed, then queued for review as a product of its own), and the release review shows the
version under review beside the case's other versions, each approved on its own; a reviewer not cleared for a
product's marking is refused it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from nia_desktop.core.classification import Level
from nia_desktop.core.roles import Role
from nia_desktop.services import assessments, clearances, fusion, importing
from nia_desktop.services.session import unlock
from nia_desktop.services.users import add_user
from nia_desktop.ui.main_window import MainWindow
from nia_desktop.ui.views.briefings.composer import BriefingsView
from nia_desktop.ui.views.briefings.review import ReleaseView
from tests.conftest import ANALYST, ANALYST_PASS, OFFICER, OFFICER_PASS
from tests.gui.test_bundle_views import accept_box, open_view

SECOND, SECOND_PASS = "otto", "otto-passphrase-44"
CANARY = "QUAYCANARY"
FILES = {
    "sds.txt": f"TOP SECRET//特定秘密\nSubject: Quay meeting {CANARY}\n\nViktor SOROKIN met Ottokar {CANARY} at "
               "Northwind Logistics Ltd in Kobe.\n",
    "s.txt": "SECRET\nSubject: Pier visit\n\nViktor SOROKIN visited Northwind Logistics Ltd in Kobe.\n",
    "c.txt": "CONFIDENTIAL\nSubject: Dock note\n\nViktor SOROKIN of Northwind Logistics Ltd was seen in Osaka.\n",
}


@pytest.fixture
def marked_case(vault_dir: Path, tmp_path: Path) -> Path:
    media = tmp_path / "media"
    media.mkdir()
    for name, text in FILES.items():
        (media / name).write_text(text, encoding="utf-8")
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as officer:
        add_user(officer, SECOND, Role.OFFICER, SECOND_PASS)
        clearances.grant(officer, ANALYST, "特定秘密")
        clearances.grant(officer, SECOND, "特定秘密")
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        imported = importing.import_paths(session, [media], pool_size=1).imported
        ids = {Path(r["path"]).name: int(r["id"]) for r in imported}
        fusion.create_case(session, "harbour")
        fusion.add_to_case(session, "harbour", list(ids.values()))
        assessments.assess(session, "harbour", f"{CANARY}: the meeting was arranged from abroad.", "likely",
                           "moderate", [ids["sds.txt"]])
    return vault_dir


def test_composer_makes_a_tearline_version_and_the_review_shows_it_beside_the_full_product(
        qtbot, marked_case: Path, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = open_view(qtbot, window, ANALYST, ANALYST_PASS, "briefings")
    assert isinstance(view, BriefingsView)
    qtbot.waitUntil(lambda: view.candidates is not None and view.reports.count() == 3, timeout=20000)
    assert view.level.level == Level.TOP_SECRET and "特定秘密" in view.marking_text.text()
    view.summary.setPlainText(f"Everything, {CANARY} included.")
    view.make(None)  # the full product: its own review
    qtbot.waitUntil(lambda: "Release review 1 requested" in view.banner.text() and not view.busy, timeout=20000)

    caveats = {view.without.item(i).data(Qt.ItemDataRole.UserRole): view.without.item(i)
               for i in range(view.without.count())}
    assert set(caveats) == {"特定秘密"}  # the caveats this case's reports carry
    view.tearline.setChecked(True)
    view.max_level.setCurrentIndex(int(Level.TOP_SECRET))
    caveats["特定秘密"].setCheckState(Qt.CheckState.Checked)
    assert view.level.level == Level.SECRET and "特定秘密" not in view.marking_text.text()  # live, before composing
    view.tearline_title.setText("Harbour: for the ministry")
    view.tearline_summary.setPlainText("Visits continue at the pier and the dock.")
    view.preview_now()
    qtbot.waitUntil(lambda: view.product is not None and view.product.tearline != "" and not view.busy,
                    timeout=20000)
    product = view.product
    assert product is not None and product.title == "Harbour: for the ministry"
    assert product.shown_summary == "Visits continue at the pier and the dock." and not product.summary
    assert CANARY not in product.encode().decode("utf-8") and len(product.sources) == 2
    assert view.preview.pages and view.export_button.text() == "Request release review"
    view.choose_export()
    qtbot.waitUntil(lambda: "Tearline version Release review 2 requested" in view.banner.text() and not view.busy,
                    timeout=20000)

    window.lock()
    review = open_view(qtbot, window, SECOND, SECOND_PASS, "releases")
    assert isinstance(review, ReleaseView)
    qtbot.waitUntil(lambda: review.model.rowCount() == 2 and review.current is not None and not review.busy,
                    timeout=20000)
    review.table.selectRow(1)  # the tearline version
    qtbot.waitUntil(lambda: review.current is not None and review.current[0].id == 2 and not review.busy,
                    timeout=20000)
    tearline = review.details.toHtml()
    assert "Tearline version" in tearline and "(S)" in tearline and CANARY not in tearline
    assert "Visits continue at the pier" in tearline
    assert len(review.beside) == 1  # the full product, side by side
    full = review.beside[0].toHtml()
    assert "Full product" in full and CANARY in full and "(TS//特定秘密)" in full
    review.ask_approve()
    accept_box(review.confirm)
    qtbot.waitUntil(lambda: "Approved release review 2" in review.banner.text() and not review.busy, timeout=20000)
    qtbot.waitUntil(lambda: review.model.rowCount() == 1 and review.current is not None, timeout=20000)
    assert review.current[0].id == 1 and review.approve_button.isEnabled()  # the full product waits on its own

    window.lock()
    review = open_view(qtbot, window, OFFICER, OFFICER_PASS, "releases")  # olive does not hold 特定秘密
    assert isinstance(review, ReleaseView)
    qtbot.waitUntil(lambda: review.model.rowCount() == 1 and not review.busy, timeout=20000)
    qtbot.waitUntil(lambda: "does not cover" in review.banner.text(), timeout=20000)
    assert review.current is None and not review.approve_button.isEnabled()
    assert CANARY not in review.details.toHtml()
