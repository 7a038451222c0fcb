"""The Fusion workspace: entities with corroboration, judgements, near-duplicate diff, assessments."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from nia_desktop.services import fusion, importing
from nia_desktop.services.session import unlock
from nia_desktop.ui.main_window import MainWindow
from nia_desktop.ui.views.fusion.view import FusionView
from tests.conftest import ANALYST, ANALYST_PASS
from tests.gui.conftest import unlock_as

BODY = ("The network spreads fabricated quotes attributed to the governor about the earthquake response, "
        "through fake outlets and paid influencers, and stages them on a Telegram channel first.\n")


@pytest.fixture
def fused_vault(vault_dir: Path, tmp_path: Path) -> Path:
    media = tmp_path / "usb"
    media.mkdir()
    (media / "a.txt").write_text("Subject: A\nOriginator: CIRO\n\nKevin Tang met NAGASE Ren (永瀬蓮) in Roppongi.\n"
                                 + BODY)
    (media / "b.txt").write_text("Subject: B\nOriginator: NPA\n\n永瀬蓮は六本木で接触した。TANG Haoran paid.\n")
    (media / "c.txt").write_text("Subject: C\nOriginator: MOFA\n\nKevin Tang again, with Ren Nagase.\n" + BODY
                                 + "A sentence the re-send added.\n")
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        importing.import_paths(session, [media])
        fusion.create_case(session, "Recruiters")
    return vault_dir


def open_fusion(qtbot, window: MainWindow) -> FusionView:  # type: ignore[no-untyped-def]
    unlock_as(qtbot, window, ANALYST, ANALYST_PASS)
    window.workspace.show_view("fusion")
    view = window.workspace.views["fusion"]
    assert isinstance(view, FusionView)
    qtbot.waitUntil(lambda: (view.workspace is not None and not view.busy) or view.banner.isVisible(),
                    timeout=20000)
    assert not view.banner.isVisible(), view.banner.text()
    return view


def test_entities_corroboration_and_duplicates(qtbot, fused_vault: Path, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = open_fusion(qtbot, window)
    names = {view.entity_model.row_at(view.entity_model.index(i, 0)).name: view.entity_model.row_at(
        view.entity_model.index(i, 0)) for i in range(view.entity_model.rowCount())}
    nagase = names["NAGASE Ren"]
    assert nagase.seen.reports == 3 and nagase.seen.agencies == {"CIRO": 1, "MOFA": 1, "NPA": 1}
    assert not nagase.seen.single_source
    assert "entities" in view.status.text()
    model = view.matrix_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert {"CIRO", "MOFA", "NPA"} <= set(headers)
    assert view.duplicates.groups.count() == 1  # a and c: the same body, one sentence added
    view.duplicates.groups.setCurrentRow(0)
    view.duplicates.compare()
    qtbot.waitUntil(lambda: "lines only" in view.duplicates.diff_status.text(), timeout=10000)
    assert "A sentence the re-send added." in view.duplicates.diff.right.toPlainText()
    view.tabs.setCurrentWidget(view.graph)  # the link chart, read when first shown
    chart = view.graph
    qtbot.waitUntil(lambda: bool(chart.nodes) and chart.complete and not view.busy, timeout=10000)
    nodes = {n.node.name: n for n in chart.nodes.values()}
    assert nodes["NAGASE Ren"].toolTip().startswith("NAGASE Ren (person)")
    assert "3 readable reports" in nodes["NAGASE Ren"].toolTip()
    chart.scene().clearSelection()
    nodes["NAGASE Ren"].setSelected(True)
    chart.actions_["table"].trigger()  # Return: the entity in the table
    assert view.tabs.currentIndex() == 0 and view.selected_entities()[0].name == "NAGASE Ren"
    view.tabs.setCurrentWidget(chart)
    chart.scene().clearSelection()
    nodes["NAGASE Ren"].links[0].setSelected(True)  # a link lists its reports; Return opens one
    qtbot.waitUntil(lambda: chart.evidence.count() > 0 and not view.busy, timeout=10000)
    chart.evidence.itemActivated.emit(chart.evidence.item(0))
    assert window.workspace.current_key() == "reports"  # the report opens in the reader
    reports = window.workspace.views["reports"]
    qtbot.waitUntil(lambda: reports.reader.report is not None, timeout=10000)  # an audited read, on a worker
    window.workspace.show_view("fusion")
    view.tabs.setCurrentWidget(view.timeline)  # read from the tables when first shown
    qtbot.waitUntil(lambda: len(view.timeline.scene().items()) > 0 and not view.busy, timeout=10000)
    marks = [i for i in view.timeline.scene().items() if "#" in i.toolTip()]
    assert sorted(len(m.toolTip().splitlines()) - 1 for m in marks) == [1, 1, 1]  # three reports, three days


def test_merge_from_the_table_is_kept(qtbot, fused_vault: Path, window: MainWindow,  # type: ignore[no-untyped-def]
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    view = open_fusion(qtbot, window)
    model = view.entity_model
    rows = {model.row_at(model.index(i, 0)).name: i for i in range(model.rowCount())}
    selection = view.entities.selectionModel()
    for name in ("Kevin Tang", "TANG Haoran"):
        source = view.entity_model.index(rows[name], 0)
        selection.select(source,
                         selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getText", lambda *a, **k: ("MOFA cable 41", True))
    view.merge_selected()
    qtbot.waitUntil(lambda: "Merged" in view.banner.text(), timeout=10000)
    qtbot.waitUntil(lambda: not view.busy, timeout=20000)
    merged = [view.entity_model.row_at(view.entity_model.index(i, 0)) for i in range(view.entity_model.rowCount())]
    assert any({"Kevin Tang", "TANG Haoran"} <= set(e.aliases) for e in merged)
    row = next(i for i, e in enumerate(merged) if {"Kevin Tang", "TANG Haoran"} <= set(e.aliases))
    view.entities.selectionModel().clearSelection()
    view.entities.selectionModel().select(view.entity_model.index(row, 0), selection.SelectionFlag.Select
                                          | selection.SelectionFlag.Rows)
    logged = view.judgement_log.count()
    view.confirm_selected()
    qtbot.waitUntil(lambda: "Confirmation recorded" in view.banner.text() and not view.busy, timeout=20000)
    assert view.judgement_log.count() > logged  # the confirmation is in the log, undoable like any judgement


def test_assessment_on_a_case(qtbot, fused_vault: Path, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = open_fusion(qtbot, window)
    assert not view.assessments.add_button.isEnabled()  # no case chosen
    view.case.setCurrentIndex(view.case.findData("Recruiters"))
    qtbot.waitUntil(lambda: view.assessments.add_button.isEnabled() and not view.busy, timeout=20000)
    view.assessments.judgement.setPlainText("the two recruiters are one man")
    view.assessments.likelihood.setCurrentIndex(view.assessments.likelihood.findData("likely"))
    view.assessments.basis.setText("1, 3")
    view.assessments.add()
    qtbot.waitUntil(lambda: view.assessments.assessment_list.count() == 1, timeout=10000)
    assert "likely" in view.assessments.assessment_list.item(0).text()


def test_an_import_shows_in_the_fusion_without_fusing_again(qtbot, fused_vault: Path,  # type: ignore[no-untyped-def]
                                                             window: MainWindow, tmp_path: Path) -> None:
    view = open_fusion(qtbot, window)
    new = tmp_path / "d.txt"
    new.write_text("Subject: D\nOriginator: DIH\n\nNAGASE Ren called Sota HIRANO from Sapporo.\n")
    reports = window.workspace.views["reports"]
    reports.open_import()  # the analyst's path: Import…, choose, import, close
    dialog = reports.dialog
    dialog.add_source(new)
    dialog.start_import()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=15000)
    outcome = dialog.outcome
    assert outcome.fused is not None and outcome.fused["reports"] == 1
    assert "new entities" in dialog.result_summary.text()
    dialog.done(0)
    qtbot.waitUntil(lambda: "imported since" in view.status.text() and not view.busy, timeout=10000)
    rows = [view.entity_model.row_at(view.entity_model.index(i, 0)) for i in range(view.entity_model.rowCount())]
    nagase = next(r for r in rows if r.name == "NAGASE Ren")
    assert nagase.seen.reports == 4 and nagase.seen.agencies.get("DIH") == 1
    hirano = next(i for i, r in enumerate(rows) if r.name == "Sota HIRANO")
    assert rows[hirano].seen.reports == 1
    view.entities.selectRow(hirano)  # its detail, read by id, names its one report
    qtbot.waitUntil(lambda: view.detail is not None and view.detail.line.name == "Sota HIRANO", timeout=10000)
    assert [r.id for r in view.detail.reports] == [outcome.imported[0]["id"]]


def test_a_case_from_numbers_and_linked_report_suggestions(qtbot, fused_vault: Path, window: MainWindow,  # type: ignore[no-untyped-def]
                                                          monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    view = open_fusion(qtbot, window)
    panel = view.case_panel
    view.tabs.setCurrentWidget(panel)
    assert panel.hint.isVisible() and not panel.add_button.isEnabled()  # every report: no case chosen
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Tang network", True))
    panel.new_button.click()
    qtbot.waitUntil(lambda: view.scope == "Tang network" and not view.busy, timeout=10000)
    assert not panel.hint.isVisible() and panel.members.count() == 0
    panel.numbers.setText("1")
    panel.numbers_button.click()
    qtbot.waitUntil(lambda: panel.members.count() == 1 and panel.suggestions.rowCount() > 0 and not view.busy,
                    timeout=10000)
    assert "Added 1 reports" in view.status.text() or "entities" in view.status.text()
    suggested = {panel.suggestions.item(r, 0).text() for r in range(panel.suggestions.rowCount())}
    assert suggested == {"#2", "#3"}  # linked to #1 through NAGASE Ren and Kevin Tang
    assert "NAGASE Ren" in panel.suggestions.item(0, 2).text()
    panel.suggestions.selectRow(0)
    panel.add_button.click()
    qtbot.waitUntil(lambda: panel.members.count() == 2 and not view.busy, timeout=10000)
    assert panel.suggestions.rowCount() == 1
    panel.numbers.setText("twelve")
    panel.numbers_button.click()
    assert view.banner.isVisible() and "report numbers" in view.banner.text()


def test_a_fusion_in_parts_says_which_part_and_can_be_stopped(qtbot, fused_vault: Path, window: MainWindow,  # type: ignore[no-untyped-def]
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from nia_desktop.core.fusion import segments

    view = open_fusion(qtbot, window)  # fused whole: three reports
    kept = view.entity_model.rowCount()
    monkeypatch.setattr(segments, "SEGMENT", 1)  # three parts of one report
    seen: list[str] = []
    view.status.setText("")
    real = view._progress

    def watch(done: int, total: int, message: str) -> None:
        real(done, total, message)
        seen.append(view.status.text())

    monkeypatch.setattr(view, "_progress", watch)
    view.fuse()
    assert view.stop_button.isVisible() or not view.busy
    qtbot.waitUntil(lambda: not view.busy, timeout=30000)
    assert not view.banner.isVisible(), view.banner.text()
    assert "Fusing… part 1 of 3" in seen and any(s.startswith("Linking reports…") for s in seen)
    assert not view.stop_button.isVisible()
    assert view.entity_model.rowCount() == kept  # the same entities, fused a part at a time

    view.fuse()
    view._stop()  # before the first part: the kept fusion stands
    qtbot.waitUntil(lambda: not view.busy, timeout=30000)
    assert not view.banner.isVisible(), view.banner.text()
    assert view.status.text() in ("Stopped: the fusion kept before is shown.",) or "entities" in view.status.text()
    assert view.entity_model.rowCount() == kept
