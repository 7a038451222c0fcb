"""The one error path of the UI: what a failure becomes on screen.

Cancellations show nothing; NiaError shows its own plain message; anything
else shows a generic message with a reference, and the details go to the log
(never report text or a traceback on screen).
"""

from __future__ import annotations

import logging
import secrets

from PySide6.QtCore import QCoreApplication

from nia_desktop.core.errors import NiaError, UserCancelled

log = logging.getLogger("nia_desktop.ui")


def describe(exc: BaseException) -> str | None:
    if isinstance(exc, UserCancelled):
        return None
    if isinstance(exc, NiaError):
        return translate_message(exc.user_message)
    reference = secrets.token_hex(4)
    log.error("unexpected error (reference %s)", reference, exc_info=exc)
    return QCoreApplication.translate(
        "errors", "Something went wrong (reference %1). Nothing was changed; details are in the log."
    ).replace("%1", reference)


def translate_message(message: str) -> str:
    """Service messages are English; the common ones have a translation."""
    if message == "authentication failed":
        return QCoreApplication.translate("errors", "Authentication failed: check the user name and passphrase.")
    return message
