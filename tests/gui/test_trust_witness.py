"""The Trust view under dual control: adding or revoking an officer's key asks for a second officer; without one the
service's refusal is shown; a keys bundle's preview names the officer it is trusted from and each key's role."""

from __future__ import annotations

import json
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from nia_desktop.core.bundles.write import Signer, Source, write_bundle
from nia_desktop.core.roles import Role
from nia_desktop.core.signing import fingerprint, public_pem
from nia_desktop.core.store import trust as store
from nia_desktop.services.session import unlock
from nia_desktop.services.users import add_user
from nia_desktop.ui.dialogs import WitnessDialog
from nia_desktop.ui.main_window import MainWindow
from nia_desktop.ui.views.trust import TrustView
from tests.conftest import OFFICER, OFFICER_PASS
from tests.gui.test_bundle_views import accept_box, open_view

OSCAR, OSCAR_PASS = "oscar", "oscar-passphrase-4444"


def test_officer_keys_need_a_second_officer(qtbot, vault_dir: Path, window: MainWindow,  # type: ignore[no-untyped-def]
                                            tmp_path: Path) -> None:
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        add_user(session, OSCAR, Role.OFFICER, OSCAR_PASS)
    boss = Ed25519PrivateKey.generate()
    pem = tmp_path / "boss.pem"
    pem.write_bytes(public_pem(boss.public_key()))
    view = open_view(qtbot, window, OFFICER, OFFICER_PASS, "trust")
    assert isinstance(view, TrustView)

    def add_as_officer() -> WitnessDialog:
        view.add_from(pem)
        assert view.dialog is not None
        view.dialog.role.setText("officer")
        view.dialog.compared.setChecked(True)
        view.dialog.buttons.accepted.emit()
        qtbot.waitUntil(lambda: view.witness_dialog is not None and view.witness_dialog.isVisible(), timeout=20000)
        assert view.witness_dialog is not None
        return view.witness_dialog

    add_as_officer().reject()  # no second officer: the service refuses, and says so
    qtbot.waitUntil(lambda: "dual control" in view.banner.text() and not view.busy, timeout=20000)
    assert view.model.rowCount() == 0
    dialog = add_as_officer()
    dialog.buttons.accepted.emit()  # nobody named: refused inline
    assert dialog.isVisible() and "second security officer" in dialog.banner.text()
    dialog.witness.setText(OSCAR)
    dialog.secret.setText(OSCAR_PASS)
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and not view.busy, timeout=20000)
    assert view.model.data(view.model.index(0, 2)) == "officer" and dialog.secret.text() == ""

    view.witness_dialog = None
    view.table.selectRow(0)
    view.ask_revoke()
    accept_box(view.confirm)
    qtbot.waitUntil(lambda: view.witness_dialog is not None and view.witness_dialog.isVisible(), timeout=20000)
    assert view.witness_dialog is not None
    view.witness_dialog.witness.setText(OSCAR)
    view.witness_dialog.secret.setText(OSCAR_PASS)
    view.witness_dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: "REVOKED" in str(view.model.data(view.model.index(0, 5))), timeout=20000)


def test_a_keys_bundle_preview_names_its_officer_and_roles(qtbot, vault_dir: Path,  # type: ignore[no-untyped-def]
                                                           window: MainWindow, tmp_path: Path) -> None:
    boss, newcomer = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        from nia_desktop.services import trust

        trust.trust_key(session, public_pem(boss.public_key()), "boss@ws-b", role="officer")
    body = {"users": [{"name": "nina", "role": "courier", "fingerprint": fingerprint(newcomer.public_key()),
                       "public_pem": public_pem(newcomer.public_key()).decode()}]}
    keys = tmp_path / "keys.nia"
    write_bundle(keys, "keys", [Source("keys.json", data=json.dumps(body).encode())], Signer("boss", boss), 1,
                 "2026-11-25T10:00:00.000000Z", {"seq": 1, "hash": "ab" * 32})
    view = open_view(qtbot, window, OFFICER, OFFICER_PASS, "trust")
    assert isinstance(view, TrustView)
    view.import_from(keys)
    qtbot.waitUntil(lambda: view.confirm is not None and not view.busy, timeout=20000)
    assert view.confirm is not None
    assert "trusted here as the security officer boss@ws-b" in view.confirm.text()
    assert "add nina@boss (courier)" in view.confirm.informativeText()
    accept_box(view.confirm)
    qtbot.waitUntil(lambda: view.model.rowCount() == 2 and not view.busy, timeout=20000)
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        assert store.find(session.db, fingerprint(newcomer.public_key())) is not None
