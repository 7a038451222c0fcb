"""Ledger view: who has a report (also from the Reports view's "Who has this?"), sent, outstanding and stale, a
page at a time with "Load more"; markings in their banner colours and each copy's state in its own; the selected
product in full; an analyst's recall refused without a why, then sent after a confirmation naming the consumers;
officers see the ledger without the notice actions; every question on a worker (the UI-thread guard)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox

from nia_desktop.core.classification import Level
from nia_desktop.core.store import ledger
from nia_desktop.services.session import unlock
from nia_desktop.ui.main_window import MainWindow
from nia_desktop.ui.theme import CLASSIFICATION_COLOURS
from nia_desktop.ui.views.ledger import OUTSTANDING, SENT, STALE, WHO_HAS, LedgerView
from nia_desktop.ui.views.ledger_detail import STATE_COLOURS
from nia_desktop.ui.views.notice_dialog import NoticeDialog
from nia_desktop.ui.views.reports.view import ReportsView
from tests.conftest import ANALYST, ANALYST_PASS, OFFICER, OFFICER_PASS
from tests.gui.conftest import unlock_as
from tests.unit.test_ledger_queries import LOW, LOW_PASS, Ledger, released  # noqa: F401 (a fixture)


def ledger_view(qtbot, window: MainWindow, user: str = ANALYST, passphrase: str = ANALYST_PASS) -> LedgerView:  # type: ignore[no-untyped-def]
    unlock_as(qtbot, window, user, passphrase)
    assert window.workspace is not None
    window.workspace.show_view("ledger")
    view = window.workspace.views["ledger"]
    assert isinstance(view, LedgerView)
    qtbot.waitUntil(lambda: not view.busy and view.consumer.count() == 2, timeout=20000)
    return view


def settled(qtbot, view: LedgerView) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not view.busy and not view.detail_timer.isActive(), timeout=20000)


def cell(view: LedgerView, row: int, header: str, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    model = view.holdings_model
    return model.index(row, [h for h, _ in model.columns].index(header)).data(role)


def test_who_has_a_report_page_by_page_with_the_product_in_full(qtbot, qtmodeltester, window: MainWindow,  # type: ignore[no-untyped-def]
                                                               released: Ledger) -> None:  # noqa: F811
    view = ledger_view(qtbot, window)
    view.page_size = 1
    view.ask_who_has(released.ids["c.txt"])
    settled(qtbot, view)
    assert view.holdings_model.rowCount() == 1 and view.more_button.isVisible()
    assert view.count.text() == "1 shown; more to load"
    view.more_button.click()
    settled(qtbot, view)
    assert view.holdings_model.rowCount() == 2 and not view.more_button.isVisible()
    assert view.count.text() == "2 in all"
    qtmodeltester.check(view.holdings_model)
    by = {str(cell(view, r, "Consumer")): r for r in range(2)}
    assert set(by) == {"kantei", "mofa"}
    kantei, mofa = by["kantei"], by["mofa"]
    assert cell(view, kantei, "Organisation") == "kantei office"
    assert cell(view, kantei, "Product") == released.digests["kantei"][:16] and cell(view, kantei, "Case") == "harbour"
    assert str(cell(view, kantei, "Marking")).startswith("TOP SECRET / 極秘")
    assert cell(view, mofa, "Marking") == "SECRET / 秘"
    assert cell(view, kantei, "Marking", Qt.ItemDataRole.BackgroundRole) == QColor(
        CLASSIFICATION_COLOURS[Level.TOP_SECRET][0])
    assert cell(view, mofa, "State") == "delivered"
    assert cell(view, mofa, "State", Qt.ItemDataRole.BackgroundRole) == QColor(STATE_COLOURS["delivered"][0])
    assert str(cell(view, mofa, "How")).startswith("cites it, through assessment")
    assert view.classification() is Level.TOP_SECRET  # the banners follow the highest product listed

    # The first row is selected and its product shown; another row shows its own.
    assert view.pane.detail is not None
    view.holdings_table.selectRow(view.holdings_table.proxy.mapFromSource(view.holdings_model.index(mofa, 0)).row())
    settled(qtbot, view)
    detail = view.pane.detail
    assert detail is not None and detail.product.digest == released.digests["mofa"]
    assert detail.product.tearline == "SECRET" and "tearline version at SECRET" in view.pane.heading.text()
    assert [c.consumer for c in detail.copies] == ["mofa"] and view.pane.copies_model.rowCount() == 1
    assert sorted(d.report_id for d in detail.derives_from) == sorted(
        [released.ids["s.txt"], released.ids["c.txt"], released.ids["s2.txt"]])
    assert view.pane.tabs.tabText(0) == "Copies (1)"
    assert view.correct_button.isVisible() and view.correct_button.isEnabled()


def test_sent_outstanding_and_stale(qtbot, window: MainWindow, released: Ledger) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    with unlock(released.vault, OFFICER, OFFICER_PASS) as olive, olive.db.transaction():
        ledger.acknowledge(olive.db, released.uuids["mofa"], "receipt-1", "ff" * 32, "2026-05-01T00:00:00Z", "ok")
    with unlock(released.vault, ANALYST, ANALYST_PASS) as anna:
        from nia_desktop.services import clearances

        clearances.mark_report(anna, released.ids["c.txt"], Level.SECRET, [], "graded up after review")
    view = ledger_view(qtbot, window)
    view.questions.setCurrentIndex(SENT)
    view.consumer.setCurrentIndex(view.consumer.findData("mofa"))
    view.ask()
    settled(qtbot, view)
    assert [h.copy.consumer for h in view.holdings_model.rows] == ["mofa"]
    assert cell(view, 0, "State") == "acknowledged" and cell(view, 0, "Acknowledged")
    view.questions.setCurrentIndex(OUTSTANDING)
    settled(qtbot, view)
    assert [h.copy.consumer for h in view.holdings_model.rows] == ["kantei"]
    view.questions.setCurrentIndex(STALE)
    settled(qtbot, view)
    assert view.results.currentWidget() is view.stale_table
    reasons = {(s.product.digest, s.report_id): s.reasons for s in view.stale_model.rows}
    assert reasons[(released.digests["mofa"], released.ids["c.txt"])] == ("re-marked",)
    assert view.pane.detail is not None  # the first stale product, in full
    view.questions.setCurrentIndex(WHO_HAS)
    assert view.holdings_model.rowCount() == 0 and view.pane.detail is None


def test_a_recall_needs_a_why_and_names_its_consumers(qtbot, window: MainWindow, released: Ledger,  # type: ignore[no-untyped-def]  # noqa: F811
                                                     tmp_path: Path) -> None:
    view = ledger_view(qtbot, window)
    view.ask_who_has(released.ids["ts.txt"])
    settled(qtbot, view)
    assert [h.copy.consumer for h in view.holdings_model.rows] == ["kantei"]
    view.recall_button.click()
    dialog = view.dialog
    assert isinstance(dialog, NoticeDialog) and dialog.isVisible()
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible() and "Say why" in dialog.banner.text()
    dialog.why.setPlainText("   ")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible() and view.confirm is None
    with unlock(released.vault, ANALYST, ANALYST_PASS) as anna:
        assert ledger.notices_about(anna.db, released.digests["kantei"]) == []

    folder = tmp_path / "notices"
    folder.mkdir()
    dialog.why.setPlainText("The handler report was fabricated")
    dialog.to_folder.setChecked(True)
    dialog.folder.setText(str(folder))
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    box = view.confirm
    assert box is not None and box.isVisible() and not dialog.isVisible()
    assert "RECALL of product " + released.digests["kantei"][:16] in box.text()
    assert "1 consumer(s): kantei (kantei office)" in box.text()
    next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()
    qtbot.waitUntil(lambda: view.banner.isVisible() and not view.busy, timeout=20000)
    assert view.banner.level == "success" and "Recall of " in view.banner.text()
    settled(qtbot, view)
    assert len(list(folder.iterdir())) == 1
    assert [n.action for n in view.pane.detail.notices] == ["recall"]  # type: ignore[union-attr]
    with unlock(released.vault, ANALYST, ANALYST_PASS) as anna:
        notices = ledger.notices_about(anna.db, released.digests["kantei"])
        assert [(n.action, n.why) for n in notices] == [("recall", "The handler report was fabricated")]


def test_a_correction_names_the_product_that_supersedes_it(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                           released: Ledger) -> None:  # noqa: F811
    view = ledger_view(qtbot, window)
    view.ask_who_has(released.ids["c.txt"])
    settled(qtbot, view)
    view.holdings_table.selectRow(next(i for i in range(view.holdings_table.proxy.rowCount())
                                       if view.holdings_table.proxy.index(i, 0).data() == "mofa"))
    settled(qtbot, view)
    view.correct_button.click()
    dialog = view.dialog
    assert isinstance(dialog, NoticeDialog)
    dialog.why.setPlainText("Superseded by the full picture")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible() and "names the product that supersedes it" in dialog.banner.text()
    dialog.successor.setCurrentIndex(dialog.successor.findData(released.digests["kantei"]))
    assert dialog.superseded_by == released.digests["kantei"]
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    box = view.confirm
    assert box is not None and "superseded by " + released.digests["kantei"][:16] in box.text()
    assert "the courier's queue" in box.text()
    next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()
    qtbot.waitUntil(lambda: view.banner.isVisible() and not view.busy, timeout=20000)
    assert view.banner.level == "success", view.banner.text()
    with unlock(released.vault, ANALYST, ANALYST_PASS) as anna:
        notices = ledger.notices_about(anna.db, released.digests["mofa"])
        assert [(n.action, n.superseded_by) for n in notices] == [("correct", released.digests["kantei"])]


def test_who_has_this_from_the_reports_view(qtbot, window: MainWindow, released: Ledger) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    unlock_as(qtbot, window, ANALYST, ANALYST_PASS)
    workspace = window.workspace
    assert workspace is not None
    reports = workspace.views["reports"]
    assert isinstance(reports, ReportsView)
    qtbot.waitUntil(lambda: not reports.busy and reports.model.rowCount() > 0, timeout=20000)
    row = next(i for i, r in enumerate(reports.model.rows) if r.id == released.ids["ts.txt"])
    reports.table.selectRow(row)
    reports.ask_who_has()
    assert workspace.current_key() == "ledger"
    view = workspace.views["ledger"]
    assert isinstance(view, LedgerView)
    settled(qtbot, view)
    assert view.report_id.value() == released.ids["ts.txt"] and view.questions.currentIndex() == WHO_HAS
    assert [h.copy.consumer for h in view.holdings_model.rows] == ["kantei"]


def test_an_officer_reads_the_ledger_but_issues_no_notices(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                           released: Ledger) -> None:  # noqa: F811
    view = ledger_view(qtbot, window, OFFICER, OFFICER_PASS)
    view.questions.setCurrentIndex(OUTSTANDING)
    settled(qtbot, view)
    assert sorted(h.copy.consumer for h in view.holdings_model.rows) == ["kantei", "mofa"]
    assert view.pane.detail is not None
    assert not view.correct_button.isVisible() and not view.recall_button.isVisible()
    view.open_notice("recall")
    assert view.dialog is None


def test_an_analyst_cleared_lower_sees_only_what_they_may_read(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                               released: Ledger) -> None:  # noqa: F811
    view = ledger_view(qtbot, window, LOW, LOW_PASS)
    view.ask_who_has(released.ids["c.txt"])
    settled(qtbot, view)
    assert [h.copy.consumer for h in view.holdings_model.rows] == ["mofa"]  # the TOP SECRET product is not listed
    assert view.count.text() == "1 in all" and view.classification() is Level.SECRET
    view.questions.setCurrentIndex(OUTSTANDING)
    settled(qtbot, view)
    assert [h.product.digest for h in view.holdings_model.rows] == [released.digests["mofa"]]
    view.questions.setCurrentIndex(WHO_HAS)
    view.ask_who_has(released.ids["ts.txt"])  # a report above their clearance: refused like any read, audited
    settled(qtbot, view)
    assert view.banner.level == "error" and view.holdings_model.rowCount() == 0
    assert "TOP SECRET" not in view.banner.text() and "Handler" not in view.banner.text()
    with unlock(released.vault, OFFICER, OFFICER_PASS) as olive:
        refused = olive.db.query("SELECT count(*) FROM audit WHERE actor = ? AND outcome = 'refused'", (LOW,))
        assert refused[0][0] >= 1
