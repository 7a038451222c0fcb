"""The receiving workstation shows a recall prominently (red) and a correction (amber) at the top of the workspace
until someone marks it seen, on a worker; all notices and held products are one click away."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from nia_desktop.core.classification import Level
from nia_desktop.core.store import audit_log
from nia_desktop.services import notices
from nia_desktop.ui.main_window import MainWindow
from nia_desktop.ui.preferences import Preferences
from nia_desktop.ui.views.notices_banner import NoticesBanner
from nia_desktop.ui.views.transfer import TransferView
from tests.conftest import ANALYST
from tests.gui.conftest import unlock_as
from tests.notices_pair import Pair, pair


@pytest.fixture
def two(vault_dir: Path, tmp_path: Path) -> Pair:
    return pair(vault_dir, tmp_path)


@pytest.fixture
def consumer_window(qtbot, two: Pair, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = MainWindow(two.consumer.root, Preferences(tmp_path / "prefs"))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


def sent(two: Pair, tmp_path: Path, action: str = "recall") -> str:
    """A product held at the consumer, then a notice about it received there; returns the product's digest."""
    digest = two.release(tmp_path / "harbour.nia")
    two.receive(tmp_path / "harbour.nia")
    newer = two.release(tmp_path / "newer.nia", "Harbour visits, corrected") if action == "correct" else None
    with two.nia.session(ANALYST) as session:
        notices.issue(session, action, digest, "the source recanted", newer, out=tmp_path / "notice.nia")
    two.receive(tmp_path / "notice.nia")
    return digest


def banner_of(qtbot, win: MainWindow, user: str, passphrase: str) -> NoticesBanner:  # type: ignore[no-untyped-def]
    unlock_as(qtbot, win, user, passphrase)
    assert win.workspace is not None
    banner = win.workspace.notices_banner
    qtbot.waitUntil(lambda: banner.isVisible() and not banner.busy, timeout=20000)
    return banner


def test_a_recall_shows_in_red_until_a_courier_marks_it_seen(qtbot, two: Pair, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                             consumer_window: MainWindow) -> None:
    digest = sent(two, tmp_path)
    banner = banner_of(qtbot, consumer_window, two.courier, two.consumer.passphrases[two.courier])
    text = banner.label.text()
    # A courier never sees the product's title: its digest stands for it.
    assert text.startswith(f"RECALL: destroy all copies of product {digest[:16]}") and "the source recanted" in text
    assert "Harbour" not in text
    assert banner.level is Level.UNCLASSIFIED  # a digest only: nothing above the view's own level is shown
    assert "#c8102e" in banner.styleSheet()
    assert banner.seen_button.isVisible()
    banner.seen_button.click()
    qtbot.waitUntil(lambda: not banner.isVisible() and not banner.busy, timeout=20000)
    consumer_window.workspace.lock_requested.emit()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: consumer_window.workspace is None, timeout=20000)
    with two.consumer.session(two.officer) as session:
        seen = [e for e in audit_log.iter_entries(session.db) if e.action == "notice.seen"]
        assert len(seen) == 1 and seen[0].actor == two.courier


def test_a_correction_shows_in_amber_with_its_title_to_a_cleared_analyst(qtbot, two: Pair,  # type: ignore[no-untyped-def]
                                                                        tmp_path: Path,
                                                                        consumer_window: MainWindow) -> None:
    sent(two, tmp_path, "correct")
    banner = banner_of(qtbot, consumer_window, two.analyst, two.consumer.passphrases[two.analyst])
    text = banner.label.text()
    assert text.startswith("CORRECTION: Harbour visits superseded by ") and "the source recanted" in text
    assert "#ffd27a" in banner.styleSheet()
    # The title shown is the held product's: the window is marked at its level, whatever the view shows.
    workspace = consumer_window.workspace
    assert workspace is not None and banner.level is Level.CONFIDENTIAL
    assert workspace.top_banner.level is workspace.bottom_banner.level is Level.CONFIDENTIAL
    banner.all_button.click()
    dialog = banner.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.busy and dialog.held_model.rowCount() == 1, timeout=20000)
    assert dialog.top_banner.level is dialog.bottom_banner.level is Level.CONFIDENTIAL
    assert dialog.notices_model.rowCount() == 1
    held = dialog.held_model.rows[0]
    assert held.product.status == "superseded" and held.label == "Harbour visits"
    status_column = [h for h, _ in dialog.held_model.columns].index("Status")
    assert dialog.held_model.index(0, status_column).data().startswith("superseded by ")
    dialog.close()


def test_an_officer_sees_the_recall_but_has_no_seen_button(qtbot, two: Pair, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                           consumer_window: MainWindow) -> None:
    sent(two, tmp_path)
    banner = banner_of(qtbot, consumer_window, two.officer, two.consumer.passphrases[two.officer])
    assert banner.label.text().startswith("RECALL:") and not banner.seen_button.isVisible()


def test_the_transfer_view_lists_held_products_with_their_status(qtbot, two: Pair, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                 consumer_window: MainWindow) -> None:
    digest = sent(two, tmp_path)
    unlock_as(qtbot, consumer_window, two.courier, two.consumer.passphrases[two.courier])
    workspace = consumer_window.workspace
    assert workspace is not None
    workspace.show_view("transfer")
    view = workspace.views["transfer"]
    assert isinstance(view, TransferView)
    qtbot.waitUntil(lambda: not view.busy, timeout=20000)
    view.held_button.click()
    dialog = view.held_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.busy and dialog.held_model.rowCount() == 1, timeout=20000)
    status_column = [h for h, _ in dialog.held_model.columns].index("Status")
    product_column = [h for h, _ in dialog.held_model.columns].index("Product")
    assert dialog.held_model.index(0, status_column).data() == "WITHDRAWN: destroy all copies"
    assert dialog.held_model.index(0, product_column).data() == f"product {digest[:16]}"
    dialog.close()


def test_a_refused_recall_shows_grey_and_names_no_product(qtbot, two: Pair, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                          consumer_window: MainWindow) -> None:
    """bob, trusted at the ministry as an analyst, did not sign anna's product: his recall is refused there. The
    officer still sees it, as a security event: grey, who signed it and why it was refused, never the product or
    bob's words; the dialog lists it as refused."""
    from nia_desktop.core.bundles.notices import new_notice
    from nia_desktop.core.bundles.write import Source
    from nia_desktop.core.roles import Role
    from nia_desktop.services.bundles import sign_out
    from nia_desktop.services.users import add_user
    from tests.conftest import OFFICER

    digest = two.release(tmp_path / "harbour.nia")
    two.receive(tmp_path / "harbour.nia")
    with two.nia.session(OFFICER) as session:
        add_user(session, "bob", Role.ANALYST, "bob-passphrase-44")
    two.nia.passphrases["bob"] = "bob-passphrase-44"
    two.trust("bob", "analyst")
    with two.nia.session("bob") as session:
        payload = new_notice("recall", [digest], "Compromised: destroy it now.", None, "bob",
                             "2026-12-07T10:00:00.000000Z")
        sign_out(session, "notice", [Source("notice.json", data=payload.encode())], tmp_path / "bob.nia",
                 [two.consumer.recipient()])
    two.receive(tmp_path / "bob.nia")
    banner = banner_of(qtbot, consumer_window, two.officer, two.consumer.passphrases[two.officer])
    text = banner.label.text()
    assert text.startswith("Refused recall from bob@nia") and "not signed by the product's signer" in text
    assert "Harbour" not in text and digest[:16] not in text and "destroy" not in text
    assert "#d9d9d9" in banner.styleSheet() and "#c8102e" not in banner.styleSheet()
    banner.all_button.click()
    dialog = banner.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.busy and dialog.notices_model.rowCount() == 1, timeout=20000)
    columns = [h for h, _ in dialog.notices_model.columns]
    row = {name: dialog.notices_model.index(0, n).data() for n, name in enumerate(columns)}
    assert row["Notice"] == "REFUSED recall" and row["Product"].startswith("none: from bob@nia")
    assert row["Marked"] == "0 / 1"
    dialog.close()
