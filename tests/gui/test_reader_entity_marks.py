"""The reader marks the entities the kept fusion found in the open report: spans exactly the mention text (a CR LF
and a character beyond the BMP before them), a colour and underline per kind in light and dark themes, a click or
Ctrl+Return to the entity, F3 / Shift+F3 wrapping, a toggle that hides them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette, QTextCursor

from nia_desktop.core.classification import Level
from nia_desktop.services import clearances, fusion, importing, reports
from nia_desktop.services.session import Session, unlock
from nia_desktop.ui.views.reports.reader import ReaderPane, document_positions, mark_style
from nia_desktop.ui.views.reports.view import ReportsView
from tests.conftest import ANALYST, ANALYST_PASS, OFFICER, OFFICER_PASS

SHARED = ("UNCLASSIFIED\r\nSubject: port visit\r\n\r\n😀 Viktor SOROKIN met staff of Kanmon Gateway Terminals in "
          "Kitakyushu.\r\nHe wrote to sorokin.v@northwind-logistics.example from Osaka; Viktor SOROKIN signed it.\r\n")
OTHER = "UNCLASSIFIED\n\nViktor SOROKIN was seen again in Osaka.\n"


@pytest.fixture
def analyst(vault_dir: Path, tmp_path: Path) -> Iterator[Session]:
    media = tmp_path / "media"
    media.mkdir()
    (media / "shared.txt").write_bytes(SHARED.encode("utf-8"))
    (media / "other.txt").write_bytes(OTHER.encode("utf-8"))
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as officer:
        clearances.set_clearance(officer, ANALYST, Level.SECRET)
    session = unlock(vault_dir, ANALYST, ANALYST_PASS)
    importing.import_paths(session, [media], pool_size=1)
    fusion.fuse_kept(session)
    yield session
    session.close()


def ready(qtbot, view: ReportsView) -> ReportsView:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not view.busy, timeout=10000)
    return view


def opened(qtbot, session: Session, name: str) -> ReportsView:  # type: ignore[no-untyped-def]
    ids = {r.path.rsplit("/", 1)[-1]: r.id for r in reports.list_reports(session)}
    view = ReportsView(session)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    qtbot.waitExposed(view)
    ready(qtbot, view)
    view.open_report_id(ids[name])
    qtbot.waitUntil(lambda: bool(view.reader.marks), timeout=10000)
    ready(qtbot, view)
    return view


def _text(reader: ReaderPane, start: int, end: int) -> str:
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def _mark_selections(reader: ReaderPane) -> list:  # type: ignore[type-arg]
    return reader.text.extraSelections()[:len(reader.text.extraSelections()) - reader.highlighted]


def test_document_positions_count_utf16_and_crlf(qtbot) -> None:  # type: ignore[no-untyped-def]
    text = "a😀\r\nb\rc\r\n\r\n𠮷x"
    assert document_positions(text, range(len(text) + 1)) == dict(enumerate([0, 1, 3, 3, 4, 5, 6, 7, 7, 8, 8,
                                                                           9, 11, 12]))
    assert document_positions(text, [10, 2]) == {2: 3, 10: 8}
    assert document_positions("plain\ntext", [0, 5, 10]) == {0: 0, 5: 5, 10: 10}
    reader = ReaderPane()
    qtbot.addWidget(reader)
    reader.text.setPlainText(text)
    assert reader.text.document().characterCount() - 1 == document_positions(text, [len(text)])[len(text)]


def test_marks_are_exactly_the_mentions(qtbot, analyst: Session) -> None:  # type: ignore[no-untyped-def]
    view = opened(qtbot, analyst, "shared.txt")
    reader = view.reader
    # Import reads CR LF as LF (document_positions maps CR LF for bodies that keep it); the emoji counts twice.
    assert "😀" in reader.report.body  # type: ignore[union-attr]
    surfaces = [m.surface for _, _, m in reader.marks]
    assert surfaces.count("Viktor SOROKIN") == 2 and "Kitakyushu" in surfaces and "Osaka" in surfaces
    for start, end, mention in reader.marks:
        assert _text(reader, start, end) == mention.surface
    selections = _mark_selections(reader)
    assert len(selections) == len(reader.marks)
    assert [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in selections] == [
        (a, b) for a, b, _ in reader.marks]
    assert "mentions" in reader.marks_status.text()
    sorokin = next(m for _, _, m in reader.marks if m.surface == "Viktor SOROKIN")
    tip = reader.describe(sorokin)
    assert "Viktor SOROKIN" in tip and "person" in tip and " 2 " in tip


def test_colours_and_underlines_by_kind_in_both_themes(qtbot, analyst: Session) -> None:  # type: ignore[no-untyped-def]
    view = opened(qtbot, analyst, "shared.txt")
    reader = view.reader
    kinds = {m.kind for _, _, m in reader.marks}
    assert {"person", "location"} <= kinds
    for selection, (_, _, mention) in zip(_mark_selections(reader), reader.marks, strict=True):
        light, _, line, _, style = mark_style(mention.kind)
        assert selection.format.background().color() == QColor(light)
        assert selection.format.underlineColor() == QColor(line)
        assert selection.format.underlineStyle() == style
    assert mark_style("person")[4] != mark_style("location")[4] != mark_style("email")[4]
    dark = QPalette(reader.text.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e2124"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e6e6e6"))
    reader.text.setPalette(dark)
    reader.set_marks_visible(True)
    reader._paint()
    for selection, (_, _, mention) in zip(_mark_selections(reader), reader.marks, strict=True):
        assert selection.format.background().color() == QColor(mark_style(mention.kind)[1])
        assert selection.format.foreground().color() == QColor("#e6e6e6")


def test_click_and_keyboard_go_to_the_entity(qtbot, analyst: Session) -> None:  # type: ignore[no-untyped-def]
    view = opened(qtbot, analyst, "shared.txt")
    reader = view.reader
    start, end, mention = next(m for m in reader.marks if m[2].surface == "Kitakyushu")
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(start + 3)
    reader.text.setTextCursor(cursor)
    reader.text.ensureCursorVisible()
    rect = reader.text.cursorRect(cursor)
    with qtbot.waitSignal(view.open_entity, timeout=2000) as chosen:
        qtbot.mouseClick(reader.text.viewport(), Qt.MouseButton.LeftButton, pos=rect.center() + QPoint(1, 0))
    assert chosen.args == [mention.entity_id]
    far = reader.text.cursorRect(QTextCursor(reader.text.document())).center()  # the text's first line: no mark
    emitted: list[int] = []
    view.open_entity.connect(emitted.append)
    qtbot.mouseClick(reader.text.viewport(), Qt.MouseButton.LeftButton, pos=far)
    assert emitted == []
    reader.text.setFocus()
    cursor.setPosition(end)  # the caret just after the name
    reader.text.setTextCursor(cursor)
    qtbot.keyClick(reader.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert emitted == [mention.entity_id]


def test_next_and_previous_wrap(qtbot, analyst: Session) -> None:  # type: ignore[no-untyped-def]
    view = opened(qtbot, analyst, "shared.txt")
    reader = view.reader
    reader.text.setFocus()
    reader.text.moveCursor(QTextCursor.MoveOperation.Start)
    seen = []
    for _ in range(len(reader.marks) + 1):
        qtbot.keyClick(reader.text, Qt.Key.Key_F3)
        cursor = reader.text.textCursor()
        seen.append((cursor.selectionStart(), cursor.selectionEnd()))
    spans = [(a, b) for a, b, _ in reader.marks]
    assert seen == [*spans, spans[0]]  # in order, then back to the first
    qtbot.keyClick(reader.text, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    cursor = reader.text.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == spans[-1]  # before the first: the last
    qtbot.keyClick(reader.text, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    cursor = reader.text.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == spans[-2]
    view.table.setFocus()  # F3 works from the table too
    qtbot.keyClick(view.table, Qt.Key.Key_F3)
    cursor = reader.text.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == spans[-1]


def test_toggle_hides_the_marks(qtbot, analyst: Session) -> None:  # type: ignore[no-untyped-def]
    view = opened(qtbot, analyst, "shared.txt")
    reader = view.reader
    assert len(reader.text.extraSelections()) == len(reader.marks) > 0
    reader.text.setFocus()
    qtbot.keyClick(reader.text, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not reader.marks_visible and reader.text.extraSelections() == []
    assert not reader.next_action.isEnabled()
    emitted: list[int] = []
    view.open_entity.connect(emitted.append)
    start = reader.marks[0][0]
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(start + 1)
    qtbot.mouseClick(reader.text.viewport(), Qt.MouseButton.LeftButton,
                     pos=reader.text.cursorRect(cursor).center())
    assert emitted == []
    reader.marks_action.trigger()
    assert reader.marks_visible and len(reader.text.extraSelections()) == len(reader.marks)


def test_before_any_fusion_there_are_no_marks(qtbot, vault_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    media = tmp_path / "media"
    media.mkdir()
    (media / "later.txt").write_text("UNCLASSIFIED\n\nViktor SOROKIN left Osaka for Kobe.\n", encoding="utf-8")
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        importing.import_paths(session, [media], pool_size=1)
        view = ReportsView(session)
        qtbot.addWidget(view)
        ready(qtbot, view)
        view.open_report_id(reports.list_reports(session)[0].id)
        qtbot.waitUntil(lambda: view.reader.report is not None, timeout=10000)
        ready(qtbot, view)
        assert view.reader.marks == [] and "No entity mentions" in view.reader.marks_status.text()
        assert not view.reader.next_action.isEnabled()
        view.close()
