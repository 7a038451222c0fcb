"""The one error path of the UI: what a failure becomes on screen.

Cancellations show nothing; NiaError shows its own plain message; a damaged
vault database says so, naming the vault folder and what to do; anything
else shows a generic message with a reference, and the details go to the log
(never report text or a traceback on screen).
"""

from __future__ import annotations

import logging
import secrets
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from nia_desktop.core.errors import NiaError, UserCancelled, VaultDamaged
from nia_desktop.core.vault.integrity import damage_detail

log = logging.getLogger("nia_desktop.ui")


def describe(exc: BaseException, vault: Path | None = None) -> str | None:
    """What to show for ``exc``; ``vault`` is the open vault's folder, named when its database is damaged."""
    if isinstance(exc, UserCancelled):
        return None
    if isinstance(exc, VaultDamaged):
        return damaged_message(exc.root, exc.detail)
    if isinstance(exc, NiaError):
        return translate_message(exc.user_message)
    detail = damage_detail(exc, vault / "vault.db" if vault else None)
    if detail is not None:
        log.error("vault database damaged: %s", detail)
        return damaged_message(vault, detail)
    reference = secrets.token_hex(4)
    log.error("unexpected error (reference %s)", reference, exc_info=exc)
    return QCoreApplication.translate(
        "errors", "Something went wrong (reference %1). Nothing was changed; details are in the log."
    ).replace("%1", reference)


def damaged_message(vault: object, detail: str) -> str:
    """A damaged page of vault.db in plain words: where, and what an officer does about it."""
    where = (QCoreApplication.translate("errors", "The vault database in %1 is damaged").replace("%1", str(vault))
             if vault else QCoreApplication.translate("errors", "The vault database is damaged"))
    return QCoreApplication.translate(
        "errors", "%1 (%2). A security officer should run Check in the Vault care view, or `nia vault check` "
                  "(which works even when the vault no longer unlocks), to see what is damaged, then restore the "
                  "vault from the last backup (Restore a backup… on the unlock screen, or `nia vault restore`)."
    ).replace("%1", where).replace("%2", detail)


def translate_message(message: str) -> str:
    """Service messages are English; the common ones have a translation."""
    if message == "authentication failed":
        return QCoreApplication.translate("errors", "Authentication failed: check the user name and passphrase.")
    return message
