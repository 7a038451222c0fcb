"""The view-model sweep of issue 13: a compartmented analyst (SECRET and the operation's compartment), an analyst
cleared to TOP SECRET without compartments and one cleared to CONFIDENTIAL each open every analyst view on the
canary corpus (tests/data/need_to_know), and nothing from a report they may not read is anywhere in what the
desktop holds for them.

Walked: every widget of the main window and of any dialog the views open (labels, line and text edits, buttons,
combo boxes, tabs, tool tips), every Qt model behind an item view (every row and column, Display, ToolTip,
StatusTip and User roles, headers), every QGraphicsScene item (text items, tool tips, the Python attributes of
custom items), and the services' results the views keep (the fusion workspace, the briefing candidates and the
previewed product, the report in the reader). Views: reports (every row opened in the reader, searches and
their hits, a hidden report opened by number as a graph click would), fusion (entities and their details,
corroboration, link graph, timeline, near-duplicate groups compared, the case and its suggestions, assessments,
judgements), requirements (and the suggestions dialog), briefings (composer and PDF preview).

The vault is built once through the services (the CLI sweep, tests/e2e/test_need_to_know_sweep.py, builds it
with `nia`); what each reader may see is checked to be there too, so the sweep cannot pass by showing nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from nia_desktop.core.classification import parse_level
from nia_desktop.core.roles import Role
from nia_desktop.core.vault.kdf import FLOOR
from nia_desktop.services import assessments, clearances, fusion, importing
from nia_desktop.services.session import unlock
from nia_desktop.services.users import add_user
from nia_desktop.services.vault_setup import init_vault
from nia_desktop.ui.main_window import MainWindow
from nia_desktop.ui.preferences import Preferences
from nia_desktop.ui.views import requirements as requirements_view
from nia_desktop.ui.views.briefings.composer import BriefingsView
from nia_desktop.ui.views.fusion.view import FusionView
from nia_desktop.ui.views.reports.view import ReportsView
from tests.gui.conftest import unlock_as
from tests.need_to_know_corpus import (
    ASSESSMENTS,
    CASE,
    CASE_NUMBERS,
    CORPUS,
    DEFINED_LATER,
    IMPORTER,
    JUDGEMENTS,
    OPERATION,
    PIR_NUMBERS,
    PIR_QUESTION,
    READERS,
    REPORTS,
    SDS,
    SHARED_NAMES,
    Output,
    Reader,
    entity_canaries,
    hidden_strings,
    leaks,
)

WAIT = 60_000
OFFICER, OFFICER_PASS = "olive", "olive-passphrase-1"
ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.StatusTipRole,
         Qt.ItemDataRole.UserRole, Qt.ItemDataRole.UserRole + 1, Qt.ItemDataRole.UserRole + 2)


@pytest.fixture(scope="module")
def corpus_vault(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[int, int]]:
    """The CLI sweep's vault, built through the services: (vault, corpus number -> report id)."""
    root = tmp_path_factory.mktemp("views") / "vault"
    init_vault(root, OFFICER, OFFICER_PASS, params=FLOOR, name="Need to know sweep")
    tess = READERS[IMPORTER]
    with unlock(root, OFFICER, OFFICER_PASS) as officer:
        for reader in READERS.values():
            add_user(officer, reader.name, Role.ANALYST, reader.passphrase, clearance=parse_level(reader.level))
        clearances.add_compartment(officer, OPERATION, "Operation HAYABUSA")
        for reader in READERS.values():
            for compartment in sorted(reader.compartments - {DEFINED_LATER}):
                clearances.grant(officer, reader.name, compartment)
    with unlock(root, tess.name, tess.passphrase) as session:
        imported = importing.import_paths(session, [CORPUS / "general"]).imported
        imported += importing.import_paths(session, [CORPUS / "hayabusa"], caveats=[OPERATION]).imported
    by_file = {Path(r["file"]).name: n for n, r in REPORTS.items()}
    ids = {by_file[Path(str(item["path"])).name]: int(item["id"]) for item in imported}
    assert sorted(ids) == sorted(REPORTS)
    with unlock(root, OFFICER, OFFICER_PASS) as officer:
        clearances.add_compartment(officer, DEFINED_LATER)
        for reader in READERS.values():
            if DEFINED_LATER in reader.compartments:
                clearances.grant(officer, reader.name, DEFINED_LATER)
    with unlock(root, tess.name, tess.passphrase) as session:
        fusion.create_case(session, CASE)
        fusion.add_to_case(session, CASE, [ids[n] for n in CASE_NUMBERS if tess.may_read(n)])
        requirement = assessments.add_requirement(session, PIR_QUESTION, 1)
        assessments.tag_reports(session, requirement, [ids[n] for n in PIR_NUMBERS])
        for text, likelihood, confidence, numbers, _ in ASSESSMENTS:
            assessments.assess(session, CASE, text, likelihood, confidence, [ids[n] for n in numbers])
        fused = fusion.run_fusion(session)
        for verdict, first, second in JUDGEMENTS:
            a, b = (_entity_number(fused, REPORTS[n]["canaries"]["surname"]) for n in (first, second))
            if verdict == "merge":
                fusion.merge_entities(session, [a, b], "sweep")
            else:
                fusion.mark_different(session, a, b, "sweep")
        fusion.run_fusion(session)
        fusion.run_fusion(session, CASE)
    return root, ids


def _entity_number(fused: Any, surname: str) -> int:
    """The entity's number in the stored fusion (the one judgements refer to)."""
    for number, entity in enumerate(fused.entities, start=1):
        if any(surname in alias for alias in [entity.name, *entity.aliases]):
            return number
    raise AssertionError(f"fusion found no entity named {surname}")


@pytest.fixture
def corpus_window(qtbot, corpus_vault: tuple[Path, dict[int, int]],  # type: ignore[no-untyped-def]
                  tmp_path: Path) -> Iterator[MainWindow]:
    window = MainWindow(corpus_vault[0], Preferences(tmp_path / "prefs"))
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()


# -- the walker -----------------------------------------------------------
def model_text(model: QAbstractItemModel, parent: QModelIndex | None = None, depth: int = 0) -> list[str]:
    """Every role's value at every index (children too), and the headers."""
    parent = parent or QModelIndex()
    while model.canFetchMore(parent):
        before = model.rowCount(parent)
        model.fetchMore(parent)
        if model.rowCount(parent) == before:
            break  # fetched on a worker: what has landed is what the model holds
    flat = isinstance(model, (QAbstractListModel, QAbstractTableModel))  # their child methods are private
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)
    parts = []
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            index = model.index(row, column, parent)
            parts += [str(value) for role in ROLES if (value := model.data(index, role)) is not None]
            if not flat and depth < 3 and model.hasChildren(index):
                parts += model_text(model, index, depth + 1)
    if depth == 0:
        for orientation, count in ((Qt.Orientation.Horizontal, columns), (Qt.Orientation.Vertical,
                                                                           model.rowCount())):
            parts += [str(model.headerData(i, orientation)) for i in range(count)]
    return parts


def scene_text(view: QGraphicsView) -> list[str]:
    parts = []
    scene = view.scene()
    if scene is None:
        return parts
    for item in scene.items():
        parts.append(item.toolTip())
        for reader in ("toPlainText", "text"):
            method = getattr(item, reader, None)
            if callable(method):
                parts.append(str(method()))
        parts.append(repr(getattr(item, "__dict__", {})))  # what a custom item paints from
    return parts


def widget_texts(root: QWidget, where: str) -> list[Output]:
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        parts = [widget.toolTip(), widget.windowTitle(), widget.accessibleName(), widget.accessibleDescription(),
                 widget.statusTip(), widget.whatsThis()]
        if isinstance(widget, QLabel):
            parts.append(widget.text())
        if isinstance(widget, QLineEdit):
            parts += [widget.text(), widget.placeholderText()]
        if isinstance(widget, QTextEdit):
            parts += [widget.toPlainText(), widget.toHtml()]
        if isinstance(widget, QPlainTextEdit):
            parts.append(widget.toPlainText())
        if isinstance(widget, QAbstractButton):
            parts.append(widget.text())
        if isinstance(widget, QComboBox):
            parts += [f"{widget.itemText(i)} {widget.itemData(i)}" for i in range(widget.count())]
        if isinstance(widget, QTabWidget):
            parts += [f"{widget.tabText(i)} {widget.tabToolTip(i)}" for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            parts += model_text(widget.model())
        if isinstance(widget, QGraphicsView):
            parts += scene_text(widget)
        text = "\n".join(p for p in parts if p)
        if text:
            found.append(Output(f"{where}: {type(widget).__name__} {widget.accessibleName() or widget.objectName()}",
                                text))
    return found


class Sweep:
    """What one reader's walk through the views collected."""

    def __init__(self, qtbot: Any, window: MainWindow) -> None:
        self.qtbot = qtbot
        self.window = window
        self.outputs: list[Output] = []

    def collect(self, where: str) -> None:
        self.outputs += widget_texts(self.window, where)
        for top in QApplication.topLevelWidgets():  # dialogs, menus, tool tips the views opened
            if top is not self.window and top.isVisible():
                self.outputs += widget_texts(top, f"{where} (window {type(top).__name__})")

    def keep(self, where: str, value: object) -> None:
        """A service result a view holds, as its repr: a field the view does not show is still held."""
        self.outputs.append(Output(where, repr(value)))

    def wait(self, condition: Any) -> None:
        self.qtbot.waitUntil(condition, timeout=WAIT)


def text_of(sweep: Sweep, prefix: str) -> str:
    return "\n".join(o.text for o in sweep.outputs if o.label.startswith(prefix))


def walk_reports(sweep: Sweep, ids: dict[int, int], hidden: list[int]) -> None:
    workspace = sweep.window.workspace
    assert workspace is not None
    workspace.show_view("reports")
    view = workspace.views["reports"]
    assert isinstance(view, ReportsView)
    sweep.wait(lambda: not view.busy and view.model.rowCount() > 0)
    sweep.collect("reports: list")
    for row in range(view.model.rowCount()):  # every report the table offers, in the reader
        report_id = view.model.rows[row].id
        view.open_row(row)
        sweep.wait(lambda r=report_id: view.reader.report is not None and view.reader.report.summary.id == r)
        sweep.keep(f"reports: reader #{report_id} (held)", view.reader.report)
        sweep.outputs += widget_texts(view.reader, f"reports: reader #{report_id}")
    secret = REPORTS[hidden[-1]]["canaries"]["token"]
    for query in ("CNRY*", "Yegorov OR 平岩哲也", secret):
        view.search.setText(query)
        view.apply()
        sweep.wait(lambda q=query: not view.busy and view.model.query == q)
        if query == secret:  # what the analyst typed is theirs; what came back is checked
            assert view.model.rowCount() == 0
            view.search.setText("")
        sweep.collect(f"reports: search {query}")
        if view.model.rowCount():
            view.open_row(0)
            sweep.wait(lambda: not view.busy and view.reader.report is not None)
            sweep.collect(f"reports: search {query}, first hit read")
    view.apply()
    sweep.wait(lambda: not view.busy and not view.model.query)
    for number in hidden[:3]:  # as a click on a report in the graph or the timeline would
        view.open_report_id(ids[number])
        sweep.wait(lambda: not view.busy)
        sweep.collect(f"reports: hidden report #{number} opened by number")
        assert view.reader.report is None or view.reader.report.summary.id != ids[number]


def walk_fusion(sweep: Sweep) -> FusionView:
    workspace = sweep.window.workspace
    assert workspace is not None
    workspace.show_view("fusion")
    view = workspace.views["fusion"]
    assert isinstance(view, FusionView)
    sweep.wait(lambda: (view.workspace is not None and not view.busy) or view.banner.isVisible())
    assert not view.banner.isVisible(), view.banner.text()

    def walk(scope: str) -> None:
        sweep.keep(f"fusion {scope}: workspace (held)", view.workspace)
        sweep.collect(f"fusion {scope}: entities")
        model = view.entity_model
        for row in range(model.rowCount()):
            if model.row_at(model.index(row, 0)).name in SHARED_NAMES:
                view.entities.selectRow(row)
                sweep.wait(lambda: not view.busy)
                sweep.outputs += widget_texts(view.details, f"fusion {scope}: details of row {row}")
        for tab in (view.graph, view.timeline, view.event_timeline, view.map, view.duplicates, view.case_panel,
                    view.assessments, view.ach):
            view.tabs.setCurrentWidget(tab)
            sweep.wait(lambda: not view.busy)
            sweep.collect(f"fusion {scope}: tab {type(tab).__name__}")
        view.tabs.setCurrentWidget(view.duplicates)
        for group in range(view.duplicates.groups.count()):
            view.duplicates.groups.setCurrentRow(group)
            view.duplicates.compare()
            sweep.wait(lambda: not view.busy and bool(view.duplicates.diff_status.text()))
            sweep.outputs += widget_texts(view.duplicates, f"fusion {scope}: duplicates group {group} compared")
        view.tabs.setCurrentIndex(view.tabs.count() - 1)  # judgements
        sweep.collect(f"fusion {scope}: judgements")
        view.tabs.setCurrentIndex(0)

    walk("every report")
    view.case.setCurrentIndex(view.case.findData(CASE))
    sweep.wait(lambda: view.scope == CASE and view.workspace is not None and not view.busy)
    walk(f"case {CASE}")
    return view


def walk_requirements(sweep: Sweep, monkeypatch: pytest.MonkeyPatch) -> None:
    workspace = sweep.window.workspace
    assert workspace is not None
    workspace.show_view("requirements")
    view = workspace.views["requirements"]
    sweep.wait(lambda: not view.busy and view.model.rowCount() == 1)  # type: ignore[attr-defined]
    sweep.collect("requirements")
    shown: list[QDialog] = []

    def exec_(dialog: QDialog) -> int:
        shown.append(dialog)
        sweep.outputs.extend(widget_texts(dialog, "requirements: suggestions dialog"))
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(requirements_view.SuggestionsDialog, "exec", exec_)
    view.table.selectRow(0)  # type: ignore[attr-defined]
    view.suggest()  # type: ignore[attr-defined]
    sweep.wait(lambda: not view.busy and (bool(shown) or view.banner.isVisible()))
    sweep.collect("requirements: after suggest")


def walk_briefings(sweep: Sweep) -> BriefingsView:
    workspace = sweep.window.workspace
    assert workspace is not None
    workspace.show_view("briefings")
    view = workspace.views["briefings"]
    assert isinstance(view, BriefingsView)
    sweep.wait(lambda: not view.busy and view.candidates is not None)
    view.case.setCurrentText(CASE)
    sweep.wait(lambda: not view.busy and view.candidates is not None and view.candidates.case == CASE)
    sweep.keep("briefings: candidates (held)", view.candidates)
    sweep.collect("briefings: composer")
    view.preview_now()
    sweep.wait(lambda: not view.busy and not view.rendering and view.product is not None)
    sweep.keep("briefings: previewed product (held)", view.product)
    sweep.collect("briefings: preview")
    return view


@pytest.mark.slow
@pytest.mark.parametrize("name", ["sam", "tom", "cora"])
def test_no_view_holds_anything_of_a_hidden_report(qtbot, corpus_window: MainWindow,  # type: ignore[no-untyped-def]
                                                    corpus_vault: tuple[Path, dict[int, int]], name: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    reader = READERS[name]
    _, ids = corpus_vault
    hidden = reader.hidden()
    assert any(SDS in REPORTS[n]["caveats"] for n in hidden) and hidden
    unlock_as(qtbot, corpus_window, reader.name, reader.passphrase)
    sweep = Sweep(qtbot, corpus_window)
    walk_reports(sweep, ids, hidden)
    fusion_view = walk_fusion(sweep)
    walk_requirements(sweep, monkeypatch)
    briefings_view = walk_briefings(sweep)

    found = leaks(sweep.outputs, hidden_strings(reader))
    assert not found, f"{len(found)} leaks to {name}:\n" + "\n".join(sorted(set(found)))

    # Not vacuous: the walk reads the places a leak would show. Each holds canaries of reports this reader may
    # read and an analyst cleared to UNCLASSIFIED may not: the same walk would have caught them there.
    lower = hidden_strings(Reader("uma", "UNCLASSIFIED"))
    places = ("reports: reader", "ChartView", "Timeline", "Entity details", "Second report", "Reports in this case",
              "Suggested reports", "Reports to include", "previewed product")
    blind = [p for p in places if not leaks([o for o in sweep.outputs if p in o.label], lower)]
    assert not blind, f"the walk saw no report content in {blind}"

    # What the reader may read is there.
    readable = reader.readable()
    listed = text_of(sweep, "reports: list")
    assert all(REPORTS[n]["canaries"]["token"] in listed for n in readable)
    entities = text_of(sweep, "fusion every report")  # the table shows a few aliases; the workspace holds all
    missing = {n: [c for c in entity_canaries(n) if c not in entities] for n in readable}
    assert not {n: m for n, m in missing.items() if m}, "the Fusion view lost names of readable reports"
    shown = text_of(sweep, "fusion every report: entities")
    assert all(REPORTS[n]["canaries"]["surname"] in shown for n in readable)
    assert fusion_view.graph.scene() is not None and fusion_view.graph.scene().items()
    candidates = briefings_view.candidates
    assert candidates is not None
    case_readable = {ids[n] for n in CASE_NUMBERS if reader.may_read(n)}
    assert {s.report_id for s in candidates.sources} == case_readable
    judgements = {j.text for j in candidates.judgements}
    for text, _, _, numbers, _ in ASSESSMENTS:
        assert (text in judgements) == all(reader.may_read(n) for n in numbers), text
    assert "Konstantin Yegorov" in text_of(sweep, "briefings: composer")
