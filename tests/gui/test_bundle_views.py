"""The briefing composer, release review, Transfer and Trust views, driven as their users would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from nia_desktop.core.bundles.verify import TrustedKey, verify_bundle
from nia_desktop.core.classification import Level
from nia_desktop.core.roles import Role
from nia_desktop.core.signing import fingerprint
from nia_desktop.core.store import users
from nia_desktop.services import assessments, bundles, fusion, importing
from nia_desktop.services.session import unlock
from nia_desktop.services.users import add_user
from nia_desktop.ui.main_window import MainWindow
from nia_desktop.ui.views.base import View
from nia_desktop.ui.views.briefings.composer import BriefingsView
from nia_desktop.ui.views.briefings.review import ReleaseView
from nia_desktop.ui.views.transfer import TransferView
from nia_desktop.ui.views.trust import TrustView
from tests import samples
from tests.conftest import ANALYST, ANALYST_PASS, COURIER, COURIER_PASS, OFFICER, OFFICER_PASS
from tests.gui.conftest import unlock_as

SECOND, SECOND_PASS = "otto", "otto-passphrase-44"


@pytest.fixture
def case_vault(vault_dir: Path, tmp_path: Path) -> Path:
    """Case "harbour": a SECRET report, and an unclassified one that the case's key judgement cites."""
    media = tmp_path / "media"
    media.mkdir()
    (media / "secret.txt").write_text(samples.EN_REPORT)
    (media / "open.txt").write_text("UNCLASSIFIED\n\nSubject: Port visit\n\nA Russian Embassy attaché visited "
                                    "Kanmon Gateway Terminals in Kitakyushu.\n")
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        outcome = importing.import_paths(session, [media])
        ids = {Path(r["path"]).name: r["id"] for r in outcome.imported}
        fusion.create_case(session, "harbour")
        fusion.add_to_case(session, "harbour", list(ids.values()))
        assessments.assess(session, "harbour", "The attaché is likely collecting on port logistics.", "likely",
                           "moderate", [ids["open.txt"]])
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:  # the second officer: the analyst's reviewer
        add_user(session, SECOND, Role.OFFICER, SECOND_PASS)
    return vault_dir


def open_view(qtbot, window: MainWindow, user: str, passphrase: str, key: str) -> View:  # type: ignore[no-untyped-def]
    unlock_as(qtbot, window, user, passphrase)
    assert window.workspace is not None
    window.workspace.show_view(key)
    view = window.workspace.views[key]
    qtbot.waitUntil(lambda: not view.busy, timeout=20000)
    return view


def accept_box(box: QMessageBox | None) -> None:
    assert box is not None
    box.button(QMessageBox.StandardButton.Cancel)  # Cancel is there, and the default
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole).click()


def test_composer_classification_review_and_export(qtbot, case_vault: Path, window: MainWindow,  # type: ignore[no-untyped-def]
                                                   tmp_path: Path) -> None:
    view = open_view(qtbot, window, ANALYST, ANALYST_PASS, "briefings")
    assert isinstance(view, BriefingsView)
    qtbot.waitUntil(lambda: view.candidates is not None and view.reports.count() == 2, timeout=20000)
    assert view.level.level == Level.SECRET
    rows = {view.reports.item(i).text(): view.reports.item(i) for i in range(view.reports.count())}
    secret = next(item for text, item in rows.items() if "SECRET" in text)
    cited = next(item for text, item in rows.items() if "SECRET" not in text)
    assert not cited.flags() & Qt.ItemFlag.ItemIsEnabled  # a cited report cannot be left out
    secret.setCheckState(Qt.CheckState.Unchecked)
    assert view.level.level == Level.UNCLASSIFIED  # live, as the analyst chooses
    assert "No release review" in view.rule.text()
    secret.setCheckState(Qt.CheckState.Checked)
    assert view.level.level == Level.SECRET and "Two-person rule" in view.rule.text()
    view.preview_now()
    qtbot.waitUntil(lambda: len(view.preview.pages) >= 1 and not view.busy, timeout=20000)
    out = tmp_path / "brief.nia"
    view.summary.setPlainText("港湾物流への接近。")
    assert view.export_button.text() == "Request release review" and not view.queue_button.isEnabled()
    view.choose_export()  # asks for the review: no file dialog, nothing written
    qtbot.waitUntil(lambda: "Release review 1 requested" in view.banner.text(), timeout=20000)
    qtbot.waitUntil(lambda: view.export_button.text() == "Waiting for review…", timeout=20000)
    assert not view.export_button.isEnabled()

    window.lock()
    review = open_view(qtbot, window, OFFICER, OFFICER_PASS, "releases")
    assert isinstance(review, ReleaseView)
    qtbot.waitUntil(lambda: review.model.rowCount() == 1 and review.current is not None and not review.busy,
                    timeout=20000)
    html = review.details.toHtml()
    assert "Port visit" in html and "港湾物流への接近" in html and "SECRET" in html
    assert review.preview.pages and review.approve_button.isEnabled()
    review.ask_reject()
    assert review.dialog is not None
    review.dialog.buttons.accepted.emit()  # no reason: refused inline, dialog stays
    assert review.dialog.isVisible() and "Say why" in review.dialog.banner.text()
    review.dialog.reject()
    review.ask_approve()
    accept_box(review.confirm)  # the officer who set the analyst's passphrase is not a second person
    qtbot.waitUntil(lambda: "two-person rule" in review.banner.text() and not review.busy, timeout=20000)
    assert review.model.rowCount() == 1

    window.lock()
    review = open_view(qtbot, window, SECOND, SECOND_PASS, "releases")
    assert isinstance(review, ReleaseView)
    qtbot.waitUntil(lambda: review.model.rowCount() == 1 and review.current is not None and not review.busy,
                    timeout=20000)
    review.ask_approve()
    accept_box(review.confirm)
    qtbot.waitUntil(lambda: "Approved release review 1" in review.banner.text() and not review.busy, timeout=20000)
    assert review.model.rowCount() == 0

    window.lock()
    view = open_view(qtbot, window, ANALYST, ANALYST_PASS, "briefings")
    assert isinstance(view, BriefingsView)
    qtbot.waitUntil(lambda: view.candidates is not None, timeout=20000)
    view.summary.setPlainText("港湾物流への接近。")
    qtbot.waitUntil(lambda: view.export_button.text() == "Export to file…" and view.queue_button.isEnabled(),
                    timeout=20000)
    view.make(out)
    qtbot.waitUntil(lambda: out.exists() and not view.busy, timeout=20000)
    assert "Signed briefing bundle written" in view.banner.text()
    with unlock(case_vault, OFFICER, OFFICER_PASS) as session:
        known = {u.fingerprint: TrustedKey(u.name, u.fingerprint, u.public_key, officer=u.role is Role.OFFICER)
                 for u in users.all_users(session.db) if u.name in (ANALYST, SECOND)}
    verified = verify_bundle(out, known.get, "2026-01-01T00:00:00Z")
    assert "payload/release/approval.json" in verified.entries


def test_transfer_inbound_received_and_outbound(qtbot, case_vault: Path, window: MainWindow,  # type: ignore[no-untyped-def]
                                                tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    with unlock(case_vault, ANALYST, ANALYST_PASS) as session:
        ids = [r["id"] for r in fusion.case_reports(session, "harbour")]
        bundles.export_reports(session, ids, usb / "good.nia")
        bundles.export_reports(session, ids[:1], None)  # queued for a courier
    damaged = bytearray((usb / "good.nia").read_bytes())
    damaged[len(damaged) // 2] ^= 1
    (usb / "bad.nia").write_bytes(bytes(damaged))

    view = open_view(qtbot, window, COURIER, COURIER_PASS, "transfer")
    assert isinstance(view, TransferView)
    assert [view.tabs.tabText(i) for i in range(view.tabs.count())] == ["Inbound", "Received", "Outbound"]
    assert not view.accept_button.isVisibleTo(view)  # couriers carry; analysts import
    view.in_volume.set_folder(usb, "USB-7")
    view.scan()
    qtbot.waitUntil(lambda: view.media_model.rowCount() == 2 and not view.busy, timeout=20000)
    found = {b.path.name: b for b in view.media_model.rows}
    assert found["good.nia"].ok and found["good.nia"].kind == "reports"
    assert not found["bad.nia"].ok and found["bad.nia"].detail
    assert "1 refused" in view.banner.text()
    view.media_table.selectRow([b.path.name for b in view.media_model.rows].index("good.nia"))
    view.receive_selected()
    qtbot.waitUntil(lambda: view.received_model.rowCount() == 1 and not view.busy, timeout=20000)
    assert "queued for an analyst" in view.banner.text()

    qtbot.waitUntil(lambda: view.outbound_model.rowCount() == 1, timeout=20000)
    out = tmp_path / "out"
    out.mkdir()
    view.out_volume.set_folder(out, "USB-9")
    view.outbound_table.selectRow(0)
    view.write_selected()
    qtbot.waitUntil(lambda: "marked delivered" in view.banner.text() and not view.busy, timeout=20000)
    assert len(list(out.glob("*.nia"))) == 1
    qtbot.waitUntil(lambda: "delivered to USB-9" in str(view.outbound_model.data(view.outbound_model.index(0, 6))),
                    timeout=20000)

    window.lock()
    view = open_view(qtbot, window, ANALYST, ANALYST_PASS, "transfer")
    assert isinstance(view, TransferView)
    assert [view.tabs.tabText(i) for i in range(view.tabs.count())] == ["Received"]
    qtbot.waitUntil(lambda: view.received_model.rowCount() == 1, timeout=20000)
    view.received_table.selectRow(0)
    view.accept_selected()
    qtbot.waitUntil(lambda: "Accepted:" in view.banner.text() and not view.busy, timeout=20000)
    assert "2 duplicates" in view.banner.text()  # the same reports are already in this vault


def test_trust_add_revoke_export_import(qtbot, vault_dir: Path, window: MainWindow,  # type: ignore[no-untyped-def]
                                        tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from nia_desktop.core.signing import public_pem

    key = Ed25519PrivateKey.generate().public_key()
    pem = tmp_path / "kenji.pem"
    pem.write_bytes(public_pem(key))
    view = open_view(qtbot, window, OFFICER, OFFICER_PASS, "trust")
    assert isinstance(view, TrustView)
    view.add_from(pem)
    dialog = view.dialog
    assert dialog is not None and fingerprint(key)[:4] in dialog.findChild(type(view.title), "fingerprint").text()
    dialog.buttons.accepted.emit()  # not compared yet: refused
    assert dialog.isVisible() and "Compare the fingerprint" in dialog.banner.text()
    dialog.workstation.setText("ws-b")
    dialog.compared.setChecked(True)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and not view.busy, timeout=20000)
    assert view.model.data(view.model.index(0, 5)) == "trusted"
    view.table.selectRow(0)
    view.ask_revoke()
    accept_box(view.confirm)
    qtbot.waitUntil(lambda: "REVOKED" in str(view.model.data(view.model.index(0, 5))), timeout=20000)

    keys = tmp_path / "keys.nia"
    view.export_to(keys)
    qtbot.waitUntil(lambda: keys.exists() and not view.busy, timeout=20000)
    view.import_from(keys)  # our own keys bundle: nothing new to change
    qtbot.waitUntil(lambda: view.confirm is not None and "Nothing to change" in view.confirm.informativeText(),
                    timeout=20000)
    view.confirm.button(QMessageBox.StandardButton.Cancel).click()  # type: ignore[union-attr]
