"""Screenshots of dissemination (docs/screenshots): the officer's consumer registry, the ledger answering who holds
a report, the release dialog, and a consumer workstation showing a recall. (The insider watch has its own tool,
tools/insider_screenshots.py.)

Run under an X server (ImageMagick's `import` grabs the screen):
    Xvfb :99 -screen 0 1600x1000x24 &  DISPLAY=:99 .venv/bin/python tools/dissemination_screenshots.py [out-dir]

Throwaway vaults, everything done through the services as the CLI would: the NIA (the demo vault), the Ministry
of Foreign Affairs and the Prime Minister's Office. The NIA registers both (and a partner and the NSS), releases
the demo case to the two ministries under the two-person rule, receives the Prime Minister's Office's receipt,
and recalls the ministry's product; the ministry's courier receives the copy and the recall.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from screen_pacing import pacing

from nia_desktop.core.bundles.sealed import new_identity
from nia_desktop.core.classification import Level
from nia_desktop.core.roles import Role
from nia_desktop.core.signing import public_pem
from nia_desktop.core.vault.kdf import FLOOR
from nia_desktop.services import briefings, bundles, consumers, dissemination, notices, receipts, trust
from nia_desktop.services.briefings import approve
from nia_desktop.services.session import Session, unlock
from nia_desktop.services.users import add_user
from nia_desktop.services.vault_setup import create_demo_vault, init_vault

CASE = "Demo: Kestrel Bay"
OFFICER, REVIEWER, ANALYST, COURIER = (("officer", "demo-officer-pass"), ("reviewer", "demo-reviewer-pass"),
                                       ("analyst", "demo-analyst-pass"), ("courier", "demo-courier-pass"))
WIDTH, HEIGHT = 1440, 900


@dataclass
class Workstation:
    root: Path
    prefix: str

    def user(self, role: str) -> tuple[str, str]:
        name = f"{self.prefix}-{role}"
        return name, f"{name}-passphrase-9"

    def session(self, role: str) -> Session:
        return unlock(self.root, *self.user(role))


def consumer_workstation(root: Path, prefix: str, label: str) -> Workstation:
    made = Workstation(root, prefix)
    init_vault(root, *made.user("officer"), params=FLOOR, name=label)
    with made.session("officer") as officer:
        for role in (Role.ANALYST, Role.COURIER):
            name, passphrase = made.user(role.value)
            add_user(officer, name, role, passphrase)
    return made


def disseminate(nia: Path, work: Path) -> tuple[Workstation, int]:
    """Register consumers, release the demo case to two, a receipt back, a recall out; returns the ministry's
    workstation (holding the recalled product) and a report the products cite."""
    mofa = consumer_workstation(work / "mofa", "m", "Ministry of Foreign Affairs")
    kantei = consumer_workstation(work / "kantei", "k", "Prime Minister's Office")
    with unlock(nia, *ANALYST) as analyst, unlock(nia, *REVIEWER) as reviewer:
        signer, approver = (public_pem(s.signing_key.public_key()) for s in (analyst, reviewer))
        cited = min(s.report_id for s in briefings.candidates(analyst, CASE).sources)
    for station in (mofa, kantei):
        with station.session("officer") as officer:
            trust.trust_key(officer, signer, "analyst@nia", "nia", "analyst")
            trust.trust_key(officer, approver, "reviewer@nia", "nia", "officer")
    with unlock(nia, *OFFICER) as officer:
        for station, name, organisation, level in ((kantei, "kantei", "Prime Minister's Office", Level.TOP_SECRET),
                                                   (mofa, "mofa", "Ministry of Foreign Affairs", Level.SECRET)):
            with station.session("analyst") as analyst:
                recipient = bundles.workstation_recipient(analyst)
                key = public_pem(analyst.signing_key.public_key())
            consumers.add_consumer(officer, name, organisation, recipient, level, key_pem=key)
        consumers.add_consumer(officer, "nss", "National Security Secretariat", new_identity()[1], Level.SECRET)
        consumers.add_consumer(officer, "odni", "US liaison (ODNI)", new_identity()[1], Level.CONFIDENTIAL,
                               ["REL TO USA"])
        consumers.add_consumer(officer, "npa-liaison", "National Police Agency liaison", new_identity()[1],
                               Level.CONFIDENTIAL)
        consumers.remove_consumer(officer, "npa-liaison")
    out = work / "outgoing"
    out.mkdir()
    tearline_summary = "For the ministries: port logistics staff were approached."
    with unlock(nia, *ANALYST) as analyst:
        first = dissemination.release_to(analyst, CASE, ["kantei", "mofa"], out, tearline_summary).released
    waiting = sorted({r.request_id for r in first if r.status != "exported" and r.request_id is not None})
    if waiting:  # the two-person rule: the second officer approves, the analyst releases again
        with unlock(nia, *REVIEWER) as reviewer:
            for request in waiting:
                approve(reviewer, request)
        with unlock(nia, *ANALYST) as analyst:
            first = dissemination.release_to(analyst, CASE, ["kantei", "mofa"], out, tearline_summary).released
    done = {r.consumer: r for r in first}
    for station, name in ((kantei, "kantei"), (mofa, "mofa")):
        with station.session("courier") as courier:
            bundles.receive(courier, Path(str(done[name].path)))
    with kantei.session("analyst") as analyst:
        held = notices.held_products(analyst)[0]
        receipts.issue(analyst, held.product.bundle_uuid, work / "receipt-kantei.nia")
    with unlock(nia, *COURIER) as courier:
        bundles.receive(courier, work / "receipt-kantei.nia")
    with unlock(nia, *ANALYST) as analyst:
        notices.issue(analyst, "recall", str(done["mofa"].digest), "MOFA's source recanted the port-call account; "
                      "withdrawn pending re-assessment", out=work / "recall-mofa.nia")
    with mofa.session("courier") as courier:
        bundles.receive(courier, work / "recall-mofa.nia")
    return mofa, cited


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots").resolve()
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="nia-dissem-shots-"))
    try:
        return take(out, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)  # the throwaway vaults


def take(out: Path, work: Path) -> int:
    nia = create_demo_vault(work / "nia")
    mofa, cited = disseminate(nia, work)

    from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

    from nia_desktop.ui.fonts import register_shipped_fonts
    from nia_desktop.ui.i18n import install_translation
    from nia_desktop.ui.main_window import MainWindow
    from nia_desktop.ui.preferences import Preferences
    from nia_desktop.ui.theme import apply_theme
    from nia_desktop.ui.views.briefings.composer import BriefingsView
    from nia_desktop.ui.views.briefings.release_to import WILL_GET, ReleaseToDialog
    from nia_desktop.ui.views.consumers import ConsumersView
    from nia_desktop.ui.views.ledger import LedgerView
    from nia_desktop.ui.views.transfer import TransferView

    app = QApplication(sys.argv[:1])
    register_shipped_fonts()
    apply_theme(app, "light")
    install_translation(app, "en")

    settle, wait = pacing(app, 90)

    def shot(name: str, over: QWidget) -> None:
        settle(1.0)
        geometry = over.frameGeometry()
        subprocess.run(["import", "-window", "root", "-crop",  # noqa: S603, S607 (ImageMagick)
                        f"{geometry.width()}x{geometry.height()}+{geometry.x()}+{geometry.y()}", "+repage",
                        str(out / name)], check=True)
        print(out / name)

    def open_window(vault: Path) -> MainWindow:
        window = MainWindow(vault, Preferences(work / f"prefs-{vault.name}"))
        window.setGeometry(0, 0, WIDTH, HEIGHT)
        window.show()
        return window

    def sign_in(window: MainWindow, user: str, passphrase: str) -> None:
        if window.workspace is not None:
            window.lock()
        wait(lambda: window.workspace is None and window.unlock_view.unlock_button.isEnabled())
        window.unlock_view.user.setText(user)
        window.unlock_view.passphrase.setText(passphrase)
        window.unlock_view.unlock_button.click()
        wait(lambda: window.workspace is not None and not window.workspace.busy)

    def view_of(window: MainWindow, key: str) -> QWidget:
        assert window.workspace is not None
        window.workspace.show_view(key)
        return window.workspace.views[key]

    window = open_window(nia)
    sign_in(window, *OFFICER)
    registry = view_of(window, "consumers")
    assert isinstance(registry, ConsumersView)
    registry.show_removed.setChecked(True)
    wait(lambda: not registry.busy and registry.model.rowCount() == 5)
    registry.select("kantei")
    shot("consumers-officer.png", window)

    sign_in(window, *ANALYST)
    ledger = view_of(window, "ledger")
    assert isinstance(ledger, LedgerView)
    wait(lambda: not ledger.busy and ledger.consumer.count() > 0)
    ledger.ask_who_has(cited)
    wait(lambda: not ledger.busy and ledger.pane.detail is not None and not ledger.detail_timer.isActive())
    shot("ledger-who-has.png", window)

    composer = view_of(window, "briefings")
    assert isinstance(composer, BriefingsView)
    wait(lambda: composer.candidates is not None and composer.release_to_button.isEnabled() and not composer.busy)
    composer.open_release_to()
    dialog = composer.release_dialog
    assert isinstance(dialog, ReleaseToDialog)
    wait(lambda: not dialog.busy and len(dialog.items()) == 4)
    for name in ("kantei", "mofa", "nss", "odni"):
        dialog.set_ticked(name)
    wait(lambda: not dialog.plan_timer.isActive() and not dialog.busy
         and all(item.text(WILL_GET) for item in dialog.items()))
    dialog.tearline_summary.setPlainText("For the ministries: port logistics staff were approached.")
    dialog.plan_timer.start()
    wait(lambda: not dialog.plan_timer.isActive() and not dialog.busy)
    dialog.to_folder.setChecked(True)
    dialog.folder.setText("/media/courier-usb/outgoing")
    dialog.move(window.geometry().center() - dialog.rect().center())
    shot("release-to-dialog.png", window)
    dialog.close()
    window.close()

    receiving = open_window(mofa.root)
    sign_in(receiving, *mofa.user("analyst"))
    transfer = view_of(receiving, "transfer")
    assert isinstance(transfer, TransferView)
    assert receiving.workspace is not None
    banner = receiving.workspace.notices_banner
    wait(lambda: banner.isVisible() and not banner.busy and not transfer.busy)
    transfer.tabs.setCurrentIndex(next(i for i in range(transfer.tabs.count())
                                       if transfer.tabs.tabText(i) == "Received"))
    transfer.show_held()  # "Notices and held products…": the recalled product WITHDRAWN
    held = transfer.held_dialog
    assert held is not None
    wait(lambda: not held.busy and held.held_model.rowCount() > 0)
    tabs = held.findChild(QTabWidget)
    assert tabs is not None
    tabs.setCurrentIndex(1)  # the products held, the recalled one WITHDRAWN
    held.resize(1000, 300)
    held.held_table.resizeColumnsToContents()
    held.move(receiving.geometry().center().x() - 500 + 100, receiving.geometry().y() + 420)
    shot("notice-banner.png", receiving)
    held.close()
    receiving.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
