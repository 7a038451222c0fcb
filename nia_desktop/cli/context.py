"""Run a command inside an unlocked session that is always sealed and closed."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nia_desktop.cli.credentials import passphrase, user_name, vault_path
from nia_desktop.cli.output import emit_json, say, warn

if TYPE_CHECKING:
    from nia_desktop.services.session import Session


def run_in_session(args: argparse.Namespace, action: Callable[[Session], int]) -> int:
    session = open_session(args)
    try:
        return action(session)
    finally:
        session.close()


def open_session(args: argparse.Namespace, secret: str | None = None) -> Session:
    """Unlock as the command's user (``secret``: a passphrase already read), with the swap warning, the
    writer-lock wait and the folder notices."""
    from nia_desktop.core.swap import unsafe_swap_warning
    from nia_desktop.core.vault import writer_lock
    from nia_desktop.services.session import unlock

    warning = unsafe_swap_warning()
    if warning:
        warn(f"warning: {warning}")
    writer_lock.on_wait = _tell_waiting
    writer_lock.DEFAULT_TIMEOUT = _lock_wait()
    session = unlock(vault_path(args), user_name(args), passphrase(args) if secret is None else secret)
    for notice in session.notices:  # what the vault-folder checks found: told to the first officer, once
        warn(f"vault folder: {notice}")
    return session


def _lock_wait() -> float:
    """NIA_LOCK_WAIT: how many seconds to wait for another program's change (default 600, 0 to 86400)."""
    import os

    from nia_desktop.core.errors import BadInput
    from nia_desktop.core.vault import writer_lock

    value = os.environ.get("NIA_LOCK_WAIT", "")
    if not value:
        return writer_lock.DEFAULT_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds <= 86400:
        raise BadInput(f"NIA_LOCK_WAIT must be a number of seconds from 0 to 86400, not {value[:40]!r}")
    return seconds


def _tell_waiting(vault: Path) -> None:
    """Another program holds the vault's writer lock: say so once, then wait (core/vault/writer_lock.py)."""
    warn(f"waiting for another program using the vault at {vault} (the desktop or another nia command) to "
         f"finish a change; Ctrl+C to stop")


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
