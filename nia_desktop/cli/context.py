"""Run a command inside an unlocked session that is always sealed and closed."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from nia_desktop.cli.credentials import passphrase, user_name, vault_path
from nia_desktop.cli.output import emit_json, say, warn

if TYPE_CHECKING:
    from nia_desktop.services.session import Session


def run_in_session(args: argparse.Namespace, action: Callable[[Session], int]) -> int:
    from nia_desktop.core.swap import unsafe_swap_warning
    from nia_desktop.services.session import unlock

    warning = unsafe_swap_warning()
    if warning:
        warn(f"warning: {warning}")
    session = unlock(vault_path(args), user_name(args), passphrase(args))
    for notice in session.notices:  # what the vault-folder checks found: told to the first officer, once
        warn(f"vault folder: {notice}")
    try:
        return action(session)
    finally:
        session.close()


def wants_json(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "json", False))


def respond(args: argparse.Namespace, value: Any, text: str) -> int:
    """Print ``value`` as JSON under --json, else ``text``; a command's success path."""
    if wants_json(args):
        emit_json(value)
    else:
        say(text)
    return 0


SubParsers = Any  # argparse's _SubParsersAction is private
