"""Release to consumers from the Briefings composer (Ctrl+Shift+R): the dialog shows what each ticked consumer will
get (the full product or a tearline version at its line, with the review it needs) before anything is written;
a release writes one file per consumer and lists each outcome; a consumer that may hold nothing refuses the
whole release: the reason shows and nothing is written for anyone; under the two-person rule the result says a
review was queued; every service call on a worker (the UI-thread guard)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from nia_desktop.core.classification import Level
from nia_desktop.services.session import unlock
from nia_desktop.ui.main_window import MainWindow
from nia_desktop.ui.theme import CLASSIFICATION_COLOURS
from nia_desktop.ui.views.briefings.composer import BriefingsView
from nia_desktop.ui.views.briefings.release_to import WILL_GET, ReleaseToDialog
from tests.conftest import ANALYST, ANALYST_PASS, OFFICER, OFFICER_PASS
from tests.gui.conftest import unlock_as
from tests.unit.test_release_to import World, without_review, world  # noqa: F401 (a fixture)


def release_dialog(qtbot, window: MainWindow) -> ReleaseToDialog:  # type: ignore[no-untyped-def]
    unlock_as(qtbot, window, ANALYST, ANALYST_PASS)
    assert window.workspace is not None
    window.workspace.show_view("briefings")
    view = window.workspace.views["briefings"]
    assert isinstance(view, BriefingsView)
    qtbot.waitUntil(lambda: view.candidates is not None and view.release_to_button.isEnabled(), timeout=30000)
    assert view.release_to_button.isVisible()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    qtbot.keyClick(view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = view.release_dialog
    assert isinstance(dialog, ReleaseToDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.busy and len(dialog.items()) == 4, timeout=20000)
    return dialog


def will_get(dialog: ReleaseToDialog) -> dict[str, str]:
    return {item.text(0): item.text(WILL_GET) for item in dialog.items()}


def tick(qtbot, dialog: ReleaseToDialog, *names: str) -> None:  # type: ignore[no-untyped-def]
    for name in names:
        dialog.set_ticked(name)
    qtbot.waitUntil(lambda: not dialog.plan_timer.isActive() and not dialog.busy
                    and all(will_get(dialog)[n] for n in names), timeout=30000)


def files_and_products(vault: Path, out: Path) -> tuple[list[Path], int, int]:
    with unlock(vault, OFFICER, OFFICER_PASS) as olive:
        products = olive.db.query("SELECT count(*) FROM products")[0][0]
        copies = olive.db.query("SELECT count(*) FROM copies")[0][0]
    return sorted(out.iterdir()), int(products), int(copies)


def test_each_consumer_gets_its_product_and_the_result_lists_the_files(qtbot, qtmodeltester, window: MainWindow,  # type: ignore[no-untyped-def]
                                                                      world: World,  # noqa: F811
                                                                      tmp_path: Path) -> None:
    without_review(world.vault)
    dialog = release_dialog(qtbot, window)
    assert not dialog.release_button.isEnabled()  # nobody ticked
    tick(qtbot, dialog, "kantei", "mofa")
    shown = will_get(dialog)
    assert shown["kantei"].startswith("full product · TOP SECRET / 極秘")
    assert shown["mofa"].startswith("tearline at SECRET · SECRET / 秘")
    assert shown["press"] == "" and shown["mod"] == ""  # not ticked: nothing worked out for them
    assert dialog.top_banner.level is Level.TOP_SECRET
    out = tmp_path / "out"
    out.mkdir()
    dialog.to_folder.setChecked(True)
    dialog.folder.setText(str(out))
    dialog.release_button.click()
    qtbot.waitUntil(lambda: dialog.results_model.rowCount() == 2 and not dialog.busy, timeout=60000)
    qtmodeltester.check(dialog.results_model)
    rows = {o.consumer: o for o in dialog.results_model.rows}
    assert {o.status for o in rows.values()} == {"exported"}
    assert rows["kantei"].marking.startswith("TOP SECRET / 極秘") and rows["mofa"].marking == "SECRET / 秘"
    files, products, copies = files_and_products(world.vault, out)
    assert sorted(Path(o.file) for o in rows.values()) == files and len(files) == 2
    assert (products, copies) == (2, 2)
    marking_cell = dialog.results_model.index(list(rows).index("mofa"), 2)
    assert marking_cell.data(Qt.ItemDataRole.BackgroundRole) == QColor(CLASSIFICATION_COLOURS[Level.SECRET][0])
    assert dialog.banner.level == "success" and "Released to 2 consumer(s)." in dialog.banner.text()
    dialog.close()


def test_a_refused_release_shows_the_reason_and_writes_nothing(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                               world: World,  # noqa: F811
                                                               tmp_path: Path) -> None:
    without_review(world.vault)
    dialog = release_dialog(qtbot, window)
    tick(qtbot, dialog, "mofa", "press")
    assert will_get(dialog)["press"].startswith("refused: nothing in case 'harbour' may go to press (press office, "
                                                "up to UNCLASSIFIED)")
    out = tmp_path / "out"
    out.mkdir()
    dialog.to_folder.setChecked(True)
    dialog.folder.setText(str(out))
    assert dialog.release_button.isEnabled()  # the service is the judge: the release is refused there, audited
    dialog.release_button.click()
    qtbot.waitUntil(lambda: dialog.results_model.rowCount() == 2 and not dialog.busy, timeout=60000)
    assert dialog.banner.level == "error" and "refused, nothing released to anyone" in dialog.banner.text()
    rows = {o.consumer: o for o in dialog.results_model.rows}
    assert rows["press"].status == "refused" and rows["press"].detail.startswith("refused: nothing in case")
    assert rows["mofa"].detail == "not released: another consumer was refused"
    assert files_and_products(world.vault, out) == ([], 0, 0)
    dialog.close()


def test_under_the_two_person_rule_a_review_is_queued(qtbot, window: MainWindow, world: World) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    dialog = release_dialog(qtbot, window)
    tick(qtbot, dialog, "mofa", "mod")
    assert will_get(dialog)["mofa"].endswith("release review needed")
    assert dialog.to_queue.isChecked()
    dialog.release_button.click()
    qtbot.waitUntil(lambda: dialog.results_model.rowCount() == 2 and not dialog.busy, timeout=60000)
    statuses = sorted((o.consumer, o.status, o.detail.split(" (")[0]) for o in dialog.results_model.rows)
    assert statuses == [("mod", "queued", "review queued"), ("mofa", "queued", "review queued")]
    assert "wait for an officer's release review" in dialog.banner.text()
    # mofa and mod share one product: one review; the plan now says it is pending.
    qtbot.waitUntil(lambda: not dialog.plan_timer.isActive() and not dialog.busy
                    and will_get(dialog)["mofa"].endswith("review pending"), timeout=30000)
    with unlock(world.vault, OFFICER, OFFICER_PASS) as olive:
        assert olive.db.query("SELECT count(*) FROM release_requests")[0][0] == 1
        assert olive.db.query("SELECT count(*) FROM copies")[0][0] == 0
    dialog.close()
