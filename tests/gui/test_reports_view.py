"""Reports view: lazy table, filters, search with highlights, reader (audited), import wizard with Cancel."""

from __future__ import annotations

from pathlib import Path

import pytest

from nia_desktop.core.classification import Level
from nia_desktop.services import import_history, importing
from nia_desktop.services.session import Session, unlock
from nia_desktop.ui.views.reports import model as model_module
from nia_desktop.ui.views.reports.import_dialog import ImportDialog
from nia_desktop.ui.views.reports.view import ReportsView
from tests import samples
from tests.conftest import ANALYST, ANALYST_PASS


def ready(qtbot, view: ReportsView) -> ReportsView:  # type: ignore[no-untyped-def]
    """The view reads on workers: wait until what it asked for is in."""
    qtbot.waitUntil(lambda: not view.busy, timeout=10000)
    return view


@pytest.fixture
def analyst(vault_dir: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    media = tmp_path / "usb"
    media.mkdir()
    (media / "en.txt").write_text(samples.EN_REPORT)
    (media / "ja.txt").write_bytes(samples.text_file("iso2022_jp"))
    (media / "mail.eml").write_bytes(samples.eml_file(False))
    session = unlock(vault_dir, ANALYST, ANALYST_PASS)
    importing.import_paths(session, [media])
    yield session
    session.close()


def test_table_filters_and_reader(qtbot, qtmodeltester, analyst: Session) -> None:  # type: ignore[no-untyped-def]
    view = ReportsView(analyst)
    qtbot.addWidget(view)
    ready(qtbot, view)
    qtmodeltester.check(view.model)
    assert view.model.rowCount() == 3 and view.count.text() == "3 reports"
    view.agency.setCurrentIndex(view.agency.findData("CIRO"))
    ready(qtbot, view)
    assert view.model.rowCount() == 1
    view.agency.setCurrentIndex(0)
    ready(qtbot, view)
    view.table.selectRow(0)
    assert view.reader.report is None  # opening is an audited read, on a worker
    ready(qtbot, view)
    assert view.reader.report is not None
    reads = analyst.db.query("SELECT count(*) FROM audit WHERE action = 'report.read'")[0][0]
    assert reads == 1
    assert view.classification() is Level.SECRET


def test_search_highlights_hits(qtbot, analyst: Session) -> None:  # type: ignore[no-untyped-def]
    view = ReportsView(analyst)
    qtbot.addWidget(view)
    ready(qtbot, view)
    view.search.setText("量子センシング")
    view.apply()
    ready(qtbot, view)
    assert view.model.rowCount() == 1 and "match" in view.count.text()
    view.table.selectRow(0)
    ready(qtbot, view)
    assert view.reader.highlighted == 2


def test_bad_search_shows_inline_error(qtbot, analyst: Session) -> None:  # type: ignore[no-untyped-def]
    view = ReportsView(analyst)
    qtbot.addWidget(view)
    ready(qtbot, view)
    view.search.setText("OR")
    view.apply()
    ready(qtbot, view)
    assert view.banner.isVisibleTo(view) and "no words" in view.banner.text()


def test_lazy_loading(qtbot, analyst: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(25):
        (folder / f"{i}.txt").write_text(f"Subject: item {i}\n\nserial number {i} of the lazy test")
    importing.import_paths(analyst, [folder])
    monkeypatch.setattr(model_module, "PAGE", 10)
    view = ReportsView(analyst)
    qtbot.addWidget(view)
    ready(qtbot, view)
    assert view.model.total == 28 and view.model.rowCount() < 28  # the table asks for pages, never everything
    levels: list[Level] = []
    view.classification_changed.connect(levels.append)
    while view.model.canFetchMore():
        view.model.fetchMore()
        ready(qtbot, view)
    assert view.model.rowCount() == 28
    assert levels and levels[-1] is view.classification() is Level.SECRET  # the banners follow each page
    model = model_module.ReportsModel(analyst, view.run)  # no table: only the fetches asked for here
    model.reload()
    ready(qtbot, view)
    assert model.total == 28 and model.rowCount() == 10  # one page
    model.fetchMore()
    model.fetchMore()  # while a page is on its way, asking again fetches nothing more
    assert model.rowCount() == 10  # the next page comes from a worker
    ready(qtbot, view)
    assert model.rowCount() == 20
    model.fetchMore()
    ready(qtbot, view)
    assert model.rowCount() == 28 and not model.canFetchMore()


def test_import_wizard_preview_import_result(qtbot, analyst: Session, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    media = tmp_path / "stick"
    media.mkdir()
    (media / "new.md").write_bytes(samples.markdown_file())
    (media / "dup.txt").write_text(samples.EN_REPORT)
    (media / "x.bin").write_bytes(b"\x7fELF" + bytes(10))
    dialog = ImportDialog(analyst)
    qtbot.addWidget(dialog)
    dialog.add_source(media)
    dialog.preview_button.click()
    qtbot.waitUntil(lambda: bool(dialog.preview_rows) and not dialog.busy, timeout=15000)
    statuses = sorted(r.status for r in dialog.preview_rows)
    assert statuses == ["duplicate", "new", "refused"]
    assert "1 new, 1 duplicates, 1 refused" in dialog.preview_summary.text()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=15000)
    assert dialog.pages.currentIndex() == dialog.RESULT
    assert dialog.result_summary.text().startswith("1 imported, 1 duplicates, 1 refused")


def test_import_wizard_cancel(qtbot, analyst: Session, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "lots"
    folder.mkdir()
    for i in range(400):
        (folder / f"{i:03}.txt").write_text(f"Subject: bulk {i}\n\nbulk report number {i}")
    dialog = ImportDialog(analyst)
    qtbot.addWidget(dialog)
    dialog.add_source(folder)
    dialog.start_import()
    qtbot.waitUntil(lambda: dialog.run_progress.value() >= 5, timeout=15000)
    dialog.run_cancel.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=15000)
    assert dialog.outcome.cancelled  # type: ignore[union-attr]
    assert dialog.result_summary.text().startswith("Cancelled.")
    imported = len(dialog.outcome.imported)  # type: ignore[union-attr]
    assert 0 < imported < 400
    runs = import_history.import_history(analyst)
    assert runs[0].status == "cancelled"


def test_selected_reports_go_to_a_new_case(qtbot, analyst: Session, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from nia_desktop.services import fusion

    view = ReportsView(analyst)
    qtbot.addWidget(view)
    view.show()
    ready(qtbot, view)
    view.case_button.click()  # nothing selected: said so, nothing asked
    assert view.banner.isVisible() and "select one or more reports" in view.banner.text()
    for row in (0, 2):
        view.table.selectionModel().select(view.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                                           | QItemSelectionModel.SelectionFlag.Rows)
    chosen = sorted(view.selected_ids())
    assert len(chosen) == 2
    asked: list[str] = []
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Quantum lab", True))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    view.case_button.click()
    qtbot.waitUntil(lambda: not view.busy and "Added 2 reports" in view.banner.text(), timeout=10000)
    assert asked == ['Create the case "Quantum lab"?']
    assert [r["id"] for r in fusion.case_reports(analyst, "Quantum lab")] == chosen
