"""The Fusion view's Map tab: read on a worker when first shown (the UI-thread guard fails the test otherwise),
places of the analyst's fusion as markers, a selection re-emitted for other views, a place opened in the table."""

from __future__ import annotations

from pathlib import Path

import pytest

from nia_desktop.services import importing
from nia_desktop.services.session import unlock
from nia_desktop.ui.main_window import MainWindow
from nia_desktop.ui.views.fusion.view import FusionView
from tests.conftest import ANALYST, ANALYST_PASS
from tests.gui.conftest import unlock_as


@pytest.fixture
def placed_vault(vault_dir: Path, tmp_path: Path) -> Path:
    media = tmp_path / "usb"
    media.mkdir()
    (media / "a.txt").write_text("Subject: A\nOriginator: CIRO\n\nKevin Tang met officials in Osaka.\n")
    (media / "b.txt").write_text("Subject: B\nOriginator: NPA\n\nKevin Tang flew from Osaka to Vladivostok.\n")
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        importing.import_paths(session, [media])
    return vault_dir


def test_the_map_tab_shows_the_fusions_places(qtbot, placed_vault: Path, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    unlock_as(qtbot, window, ANALYST, ANALYST_PASS)
    window.workspace.show_view("fusion")
    view = window.workspace.views["fusion"]
    assert isinstance(view, FusionView)
    qtbot.waitUntil(lambda: view.workspace is not None and not view.busy, timeout=20000)
    view.tabs.setCurrentWidget(view.map)  # read when first shown
    qtbot.waitUntil(lambda: bool(view.map.places) and view.map.complete and not view.busy, timeout=20000)
    by_name = {p.name.split()[0]: p for p in view.map.places}
    assert by_name["Osaka"].reports == 2 and by_name["Vladivostok"].reports == 1
    index = next(i for i, p in enumerate(view.map.places) if p.name.startswith("Vladivostok"))
    with qtbot.waitSignal(view.places_selected) as signal:
        view.map.choose([index])
    assert signal.args == [[by_name["Vladivostok"].entity_id], list(by_name["Vladivostok"].report_ids)]
    view.map.frame_japan()  # at world zoom the two crowd into one marker
    view.map.finish()
    marker = next(m for m in view.map.markers if m.cluster.members == (index,))
    marker.on_open()  # a double click: the place in the entity table
    assert view.tabs.currentIndex() == 0
    qtbot.waitUntil(lambda: bool(view.selected_entities()), timeout=10000)
    assert view.selected_entities()[0].name.startswith("Vladivostok")
    view.show_places_between("2999-01-01", "")  # a date range from elsewhere: no report that late
    qtbot.waitUntil(lambda: not view.map.places and not view.busy, timeout=10000)
    view.show_places_between()
    qtbot.waitUntil(lambda: len(view.map.places) == len(by_name) and not view.busy, timeout=10000)
