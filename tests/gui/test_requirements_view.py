"""Requirements view: record a requirement, see coverage, tag suggested reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from nia_desktop.services import importing
from nia_desktop.services.session import unlock
from nia_desktop.ui.main_window import MainWindow
from nia_desktop.ui.views.requirements import RequirementsView, SuggestionsDialog
from tests.conftest import ANALYST, ANALYST_PASS, OFFICER, OFFICER_PASS
from tests.gui.conftest import unlock_as


@pytest.fixture
def vault_with_reports(vault_dir: Path, tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text("Subject: Funding\n\nDonations to the referendum campaign came from Hong Kong.\n")
    (tmp_path / "b.txt").write_text("Subject: Other\n\nA tanker was seen near Nakhodka.\n")
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        importing.import_paths(session, [tmp_path / "a.txt", tmp_path / "b.txt"])
    return vault_dir


def open_view(qtbot, window: MainWindow, user: str, passphrase: str) -> RequirementsView:  # type: ignore[no-untyped-def]
    unlock_as(qtbot, window, user, passphrase)
    window.workspace.show_view("requirements")
    view = window.workspace.views["requirements"]
    assert isinstance(view, RequirementsView)
    qtbot.waitUntil(lambda: not view.busy, timeout=10000)
    return view


def test_officer_records_and_analyst_tags(qtbot, vault_with_reports: Path, window: MainWindow,  # type: ignore[no-untyped-def]
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    view = open_view(qtbot, window, OFFICER, OFFICER_PASS)
    assert not view.suggest_button.isVisibleTo(view)  # officers record; analysts tag
    view.question.setText("Who funds the referendum campaign?")
    view.priority.setValue(1)
    view.due.setText("2026-12-31")
    view.add()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and not view.busy, timeout=10000)
    assert view.model.data(view.model.index(0, 4)) == "none yet"

    window.lock()
    view = open_view(qtbot, window, ANALYST, ANALYST_PASS)
    assert view.suggest_button.isVisibleTo(view)
    view.table.selectRow(0)
    monkeypatch.setattr(SuggestionsDialog, "exec", lambda self: SuggestionsDialog.DialogCode.Accepted)
    monkeypatch.setattr(SuggestionsDialog, "ticked", lambda self: [int(self.list.item(0).data(256))])
    view.suggest()
    qtbot.waitUntil(lambda: "Tagged 1" in view.banner.text(), timeout=10000)
    qtbot.waitUntil(lambda: view.model.data(view.model.index(0, 4)) == "1", timeout=10000)
    assert view.model.data(view.model.index(0, 5)) == "unknown 1"
