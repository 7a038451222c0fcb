"""`--witness NAME`: a second security officer authenticates for one action (dual control).

Commands that change the trust root (trust add --role officer, trust revoke of
an officer's key, trust import of officer keys; the lead's settings and user
commands too) take these options; the service decides whether a witness is
needed and refuses, audited, without one (services/dual_control.py).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from nia_desktop.cli.credentials import witness_passphrase

if TYPE_CHECKING:
    from nia_desktop.services.dual_control import Witness
    from nia_desktop.services.session import Session


def add_witness_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--witness", metavar="NAME",
                        help="a second security officer who witnesses this change (dual control)")
    parser.add_argument("--witness-passphrase-file", metavar="FILE",
                        help="the witness's passphrase (default: $NIA_WITNESS_PASSPHRASE, else the witness types it)")


def witness_from_args(args: argparse.Namespace, session: Session) -> Witness | None:
    """The authenticated witness named by --witness (AuthFailed, exit 3, when their passphrase is wrong), or None
    when none was named."""
    from nia_desktop.services.dual_control import authenticate_witness

    name = getattr(args, "witness", None)
    if not name:
        return None
    return authenticate_witness(session, str(name), witness_passphrase(args, str(name)))
