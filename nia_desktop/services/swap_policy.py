"""The swap rule: warn, or (an officer's setting) refuse to work, while swap could write report text to disk.

core/swap.py judges each swap area; this module applies the workstation's
``refuse_unencrypted_swap`` setting. It runs first thing after every unlock
(services/session.py): with the setting on, an unsafe swap area refuses the
unlock, audited, naming the areas. Swap can be switched on at any time
(``swapon``), so the desktop reads /proc/swaps again every 30 seconds during a
session (ui/main_window.py) and reports each newly unsafe area here: audited,
shown, and with the setting on the session is locked. The command line is
checked at each command's unlock only: a long import or fusion is not
re-checked while it runs.

The setting lives in the encrypted database, so it can only be read once the
vault is open: the refusal keeps report text from being worked on over unsafe
swap, not the vault key from being derived.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from nia_desktop.core import audit as chain
from nia_desktop.core import settings as declared
from nia_desktop.core.errors import UnsafeSwap
from nia_desktop.core.store import settings_store
from nia_desktop.core.swap import SwapArea, swap_areas
from nia_desktop.services.session import Session

SwapReader = Callable[[], list[SwapArea]]


@dataclass(frozen=True)
class SwapCheck:
    """The unsafe swap areas found, and whether this workstation's setting refuses to work over them."""

    unsafe: list[SwapArea]
    refused: bool

    def message(self) -> str:
        listed = "; ".join(a.describe() for a in self.unsafe)
        if self.refused:
            return (f"refused: swap could write decrypted report text to disk ({listed}), and this workstation's "
                    f"{declared.REFUSE_UNENCRYPTED_SWAP.key} setting refuses to work over it. Ask the system "
                    "administrator to encrypt swap (dm-crypt) or turn it off (swapoff), then unlock again.")
        return (f"swap could write decrypted report text to disk ({listed}). Ask the system administrator to "
                "encrypt swap or turn it off.")


def refuses(session: Session) -> bool:
    """Whether the officer set this workstation to refuse work over unsafe swap."""
    return settings_store.get_int(session.db, declared.REFUSE_UNENCRYPTED_SWAP) == 1


def check_swap(session: Session, read: SwapReader | None = None) -> SwapCheck:
    """Every unsafe swap area now, and the setting's verdict on them (nothing audited)."""
    unsafe = [a for a in (read or swap_areas)() if not a.safe]
    return SwapCheck(unsafe, bool(unsafe) and refuses(session))


def enforce_swap_policy(session: Session, read: SwapReader | None = None) -> list[SwapArea]:
    """At unlock: UnsafeSwap when the setting refuses and swap is unsafe; otherwise the unsafe areas, which the CLI
    and the unlock screen warn about. Unsafe swap is audited either way, so an officer can see which sessions
    ran over it."""
    check = check_swap(session, read)
    if check.unsafe:
        session.audit("swap.refused" if check.refused else "swap.unsafe", ", ".join(a.name for a in check.unsafe),
                      chain.Outcome.REFUSED if check.refused else chain.Outcome.OK,
                      {"areas": [a.describe() for a in check.unsafe], "at": "unlock"})
    if check.refused:
        raise UnsafeSwap(check.message(), [a.name for a in check.unsafe])
    return check.unsafe


def swap_appeared(session: Session, areas: list[SwapArea]) -> SwapCheck:
    """During a session: swap areas that became unsafe (a swapon since unlock) are audited; the result says
    whether the setting wants the session locked."""
    check = SwapCheck(areas, bool(areas) and refuses(session))
    session.audit("swap.unsafe", ", ".join(a.name for a in areas),
                  chain.Outcome.REFUSED if check.refused else chain.Outcome.OK,
                  {"areas": [a.describe() for a in areas], "at": "session", "locks": check.refused})
    return check
