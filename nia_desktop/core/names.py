"""Rules for user names and new passphrases, shared by every face."""

from __future__ import annotations

import re
import unicodedata

from nia_desktop.core.errors import BadInput

USER_NAME = re.compile(r"[a-z][a-z0-9._-]{1,31}")
MIN_PASSPHRASE_CHARS = 12


def check_user_name(name: str) -> str:
    if not USER_NAME.fullmatch(name):
        raise BadInput(
            "a user name is 2-32 characters: lower-case letters, digits, '.', '_' or '-', "
            "starting with a letter"
        )
    return name


def check_new_passphrase(passphrase: str) -> str:
    if len(unicodedata.normalize("NFC", passphrase)) < MIN_PASSPHRASE_CHARS:
        raise BadInput(f"a passphrase needs at least {MIN_PASSPHRASE_CHARS} characters")
    if passphrase != passphrase.strip() or "\n" in passphrase:
        raise BadInput("a passphrase may not start or end with spaces or contain line breaks")
    return passphrase


def check_case_name(name: str) -> str:
    """A case name: 1-120 printable characters (Japanese welcome), no control characters."""
    cleaned = name.strip()
    if not cleaned or len(cleaned) > 120 or any(unicodedata.category(c).startswith("C") for c in cleaned):
        raise BadInput("a case name is 1-120 printable characters")
    return cleaned
