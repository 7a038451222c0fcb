"""The reader's "This is an entity…" (Ctrl+E) and "Not an entity…" (Ctrl+Shift+D): the dialog, the notice that
the judgement waits for a fusion, F5 fusing again on a worker with the marks following, Ctrl+Z undoing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextCursor

from nia_desktop.services import entity_marks, fusion, importing, reports
from nia_desktop.services.session import Session, unlock
from nia_desktop.ui.views.reports.entity_judgement import EntityJudgementDialog
from nia_desktop.ui.views.reports.view import ReportsView
from nia_desktop.ui.widgets.classification_banner import ClassificationBanner
from tests.conftest import ANALYST, ANALYST_PASS

TEXT = "UNCLASSIFIED\n\nViktor SOROKIN met staff at blue shed in Kitakyushu.\n"
OTHER = "UNCLASSIFIED\n\nThe crates left blue shed at night.\n"


@pytest.fixture
def analyst(vault_dir: Path, tmp_path: Path) -> Iterator[Session]:
    media = tmp_path / "media"
    media.mkdir()
    (media / "a.txt").write_text(TEXT, encoding="utf-8")
    (media / "b.txt").write_text(OTHER, encoding="utf-8")
    session = unlock(vault_dir, ANALYST, ANALYST_PASS)
    importing.import_paths(session, [media], pool_size=1)
    fusion.fuse_kept(session)
    yield session
    session.close()


def _opened(qtbot, session: Session) -> ReportsView:  # type: ignore[no-untyped-def]
    ids = {r.path.rsplit("/", 1)[-1]: r.id for r in reports.list_reports(session)}
    view = ReportsView(session)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not view.busy, timeout=10000)
    view.open_report_id(ids["a.txt"])
    qtbot.waitUntil(lambda: bool(view.reader.marks), timeout=10000)
    qtbot.waitUntil(lambda: not view.busy, timeout=10000)
    return view


def _select(view: ReportsView, words: str) -> None:
    body = view.reader.report.body  # type: ignore[union-attr]
    start = body.index(words)
    cursor = QTextCursor(view.reader.text.document())
    cursor.setPosition(start)
    cursor.setPosition(start + len(words), QTextCursor.MoveMode.KeepAnchor)
    view.reader.text.setTextCursor(cursor)


def _cursor_at(view: ReportsView, position: int) -> QTextCursor:
    cursor = QTextCursor(view.reader.text.document())
    cursor.setPosition(position)
    return cursor


def _focus(qtbot, view: ReportsView) -> None:  # type: ignore[no-untyped-def]
    """The view's window active again and the text focused (a closed dialog leaves activation to the platform)."""
    view.activateWindow()
    view.reader.text.setFocus()
    qtbot.waitUntil(lambda: view.reader.text.hasFocus(), timeout=5000)


def _surfaces(view: ReportsView) -> set[str]:
    return {m[2].surface for m in view.reader.marks}


def test_mark_selected_text_fuse_again_and_undo(qtbot, analyst: Session) -> None:  # type: ignore[no-untyped-def]
    view = _opened(qtbot, analyst)
    reader = view.reader
    assert "blue shed" not in _surfaces(view)
    shortcuts = {a.text(): a.shortcut().toString() for a in reader.judgement_actions}
    assert shortcuts == {"This is an entity…": "Ctrl+E", "Not an entity…": "Ctrl+Shift+D",
                         "Undo entity judgement": "Ctrl+Z", "Fuse again": "F5"}
    others = {a.shortcut().toString() for a in view.findChildren(type(reader.marks_action))
              if a not in reader.judgement_actions and not a.shortcut().isEmpty()}
    assert not others & set(shortcuts.values())  # free in the Reports view
    assert not reader.refuse_action.isEnabled() and not reader.undo_judgement_action.isEnabled()

    reader.text.setFocus()
    _select(view, "blue shed")
    qtbot.keyClick(reader.text, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = reader.dialog
    assert isinstance(dialog, EntityJudgementDialog) and dialog.isVisible() and dialog.text == "blue shed"
    banners = dialog.findChildren(ClassificationBanner)  # it shows the report's words: its marking, top and bottom
    assert len(banners) == 2 and all("UNCLASSIFIED" in b.text() for b in banners)
    layout = dialog.layout()
    assert layout.itemAt(0).widget() in banners
    assert layout.itemAt(layout.count() - 1).widget() in banners
    dialog.kind.setCurrentIndex(dialog.kind.findData("location"))
    dialog.why.setText("a container yard")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: "Recorded" in view.banner.text(), timeout=10000)
    assert "re-fuse recommended" in view.banner.text() and "F5" in view.banner.text()
    made = entity_marks.text_judgements(analyst)
    assert [(j["verdict"], j["text"], j["kind"], j["why"]) for j in made] == [
        ("entity", "blue shed", "location", "a container yard")]
    assert made[0]["reports"] == [reader.report.summary.id]  # type: ignore[union-attr]
    assert reader.refuse_action.isEnabled() and reader.undo_judgement_action.isEnabled()
    qtbot.waitUntil(lambda: "blue shed" in _surfaces(view), timeout=10000)  # at once, as not fused yet
    pending = next(m for m in reader.marks if m[2].surface == "blue shed")
    assert pending[2].pending and pending[2].kind == "location" and "next fusion" in reader.describe(pending[2])
    assert "not fused yet" in reader.marks_status.text()
    reader.text.setTextCursor(_cursor_at(view, pending[0] + 1))
    with qtbot.assertNotEmitted(reader.entity_chosen):  # no entity yet to go to
        reader.choose_entity_at_cursor()

    _focus(qtbot, view)
    qtbot.keyClick(reader.text, Qt.Key.Key_F5)  # fusing again runs on a worker; the marks follow
    assert not reader.refuse_action.isEnabled()
    qtbot.waitUntil(lambda: any(m[2].surface == "blue shed" and not m[2].pending for m in reader.marks),
                    timeout=30000)
    qtbot.waitUntil(lambda: not view.busy, timeout=10000)
    yard = next(m[2] for m in reader.marks if m[2].surface == "blue shed")
    assert yard.kind == "location" and yard.reports == 2 and yard.entity_id  # in both reports, one entity

    _focus(qtbot, view)
    qtbot.keyClick(reader.text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Undone" in view.banner.text(), timeout=10000)
    assert entity_marks.text_judgements(analyst) == [] and not reader.undo_judgement_action.isEnabled()
    assert fusion.pending_work(analyst)[0] == 1
    reader.refuse_action.trigger()
    qtbot.waitUntil(lambda: "blue shed" not in _surfaces(view) and not view.busy, timeout=30000)


def test_not_an_entity_on_a_marked_mention(qtbot, analyst: Session) -> None:  # type: ignore[no-untyped-def]
    view = _opened(qtbot, analyst)
    reader = view.reader
    start, _end, mention = next(m for m in reader.marks if m[2].surface == "Kitakyushu")
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(start + 2)  # no selection: the mark at the cursor
    reader.text.setTextCursor(cursor)
    reader.text.setFocus()
    qtbot.keyClick(reader.text, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = reader.dialog
    assert isinstance(dialog, EntityJudgementDialog) and dialog.text == "Kitakyushu"
    assert dialog.chosen_kind == ""  # any kind, unless the analyst narrows it
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: "is not an entity" in view.banner.text(), timeout=10000)
    qtbot.waitUntil(lambda: "Kitakyushu" not in _surfaces(view), timeout=10000)  # shown at once
    reader.refuse_action.trigger()
    qtbot.waitUntil(lambda: "Kitakyushu" not in _surfaces(view) and not view.busy, timeout=30000)
    assert mention.entity_name and "Viktor SOROKIN" in _surfaces(view)


def test_without_text_nothing_is_asked(qtbot, analyst: Session) -> None:  # type: ignore[no-untyped-def]
    view = _opened(qtbot, analyst)
    reader = view.reader
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(0)
    reader.text.setTextCursor(cursor)
    reader.mark_entity_action.trigger()
    assert reader.dialog is None and "Select the words first" in reader.marks_status.text()
    _select(view, "met staff")
    reader.mark_entity_action.trigger()
    dialog = reader.dialog
    assert isinstance(dialog, EntityJudgementDialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("organization"))
    dialog.reject()
    assert entity_marks.text_judgements(analyst) == []
    assert QKeySequence("Ctrl+E") == reader.mark_entity_action.shortcut()
