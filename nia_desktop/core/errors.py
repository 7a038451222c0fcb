"""Typed errors: each carries a message fit for a user and the CLI exit code.

The CLI maps ``exit_code`` straight to the contract codes (DESIGN.md): 1 refused
or bad input, 3 authentication failed, 4 bundle verification failed, 5 audit
chain broken. The UI shows ``user_message`` inline; neither shows a traceback.
"""

from __future__ import annotations


class NiaError(Exception):
    """An expected failure with a plain-words message."""

    exit_code = 1

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


class BadInput(NiaError):
    """The user gave something we cannot use (a file, a name, a value)."""


class PermissionRefused(NiaError):
    """The policy table does not allow this role to take this action."""


class AuthFailed(NiaError):
    """Wrong user or passphrase. The message never says which."""

    exit_code = 3

    def __init__(self, user_message: str = "authentication failed") -> None:
        super().__init__(user_message)


class UnsafeSwap(NiaError):
    """Swap could write decrypted report text to disk and the officer's setting refuses to work over it."""

    def __init__(self, user_message: str, areas: list[str]) -> None:
        super().__init__(user_message)
        self.areas = areas


class VaultTampered(NiaError):
    """A vault file fails a structural or integrity check."""


class VaultDamaged(NiaError):
    """The vault database cannot be read back: a page fails SQLCipher's HMAC, or the file is truncated or
    unreadable. Told in plain words naming the folder and what to do, never as an internal error (exit 1)."""

    def __init__(self, root: object, detail: str = "") -> None:
        where = f"the vault database in {root}" if root else "the vault database"
        because = f" ({detail})" if detail else ""
        super().__init__(f"{where} is damaged{because}: a security officer should run `nia vault check` to see what "
                         "is damaged, then restore the vault from the last backup with `nia vault restore`")
        self.root = root
        self.detail = detail


class BundleRejected(NiaError):
    exit_code = 4


class AuditBroken(NiaError):
    """The audit chain does not verify."""

    exit_code = 5

    def __init__(self, user_message: str, first_bad: int | None = None) -> None:
        super().__init__(user_message)
        self.first_bad = first_bad


class UserCancelled(Exception):
    """The user pressed Cancel; nothing to report."""
