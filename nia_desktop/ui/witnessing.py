"""Dual control in the desktop: ask for a second officer when the service will need one.

Whether a witness is needed is asked of the services on a worker; the second
officer types their name and passphrase in a WitnessDialog; they are checked
(an Argon2id derivation) on a worker too. A cancelled dialog still puts the
change to the service, which refuses it, audited, and says why in the view's
banner: the rule lives in services/dual_control.py, never here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nia_desktop.services import dual_control
from nia_desktop.services.dual_control import Witness
from nia_desktop.ui.dialogs import WitnessDialog
from nia_desktop.ui.views.base import View


def run_witnessed(view: View, what: str, needed: Callable[[], bool], act: Callable[[Witness | None], Any],
                  on_success: Callable[[Any], None]) -> None:
    session = view.session

    def ask(need: bool) -> None:
        if not need:
            view.run(lambda s, c: act(None), on_success=on_success)
            return
        dialog = WitnessDialog(what, view)
        view.witness_dialog = dialog  # type: ignore[attr-defined]  # kept for tests and focus

        def accepted() -> None:
            name, passphrase = dialog.name, dialog.passphrase
            dialog.clear_secrets()
            view.run(lambda s, c: act(dual_control.authenticate_witness(session, name, passphrase)),
                     on_success=on_success)

        dialog.accepted.connect(accepted)
        dialog.rejected.connect(lambda: view.run(lambda s, c: act(None), on_success=on_success))
        dialog.open()

    view.run(lambda s, c: needed(), on_success=ask)
