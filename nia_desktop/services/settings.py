"""Workstation settings (officer changes, everyone reads).

A change that weakens a safeguard (raising the release-review level or turning
it off, lowering the default classification) needs two officers, even while
only one exists: one officer alone must never switch the two-person rule off
(services/dual_control.py).
"""

from __future__ import annotations

from nia_desktop.core import settings as declared
from nia_desktop.core.errors import BadInput
from nia_desktop.core.roles import Action
from nia_desktop.core.store import settings_store
from nia_desktop.services.dual_control import Witness, require_witness
from nia_desktop.services.session import Session


def current(session: Session) -> dict[str, int]:
    return {key: settings_store.get_int(session.db, s) for key, s in declared.ALL.items()}


def needs_witness(key: str, old: int, new: int) -> bool:
    """Whether this change weakens a safeguard (the desktop asks for a second officer up front)."""
    setting = declared.ALL.get(key)
    return setting is not None and setting.weakened_by(old, new)


def change(session: Session, key: str, value: str, witness: Witness | None = None) -> int:
    session.require(Action.SETTINGS_CHANGE, key)
    setting = declared.ALL.get(key)
    if setting is None:
        raise BadInput(f"unknown setting {key!r}; known: {', '.join(sorted(declared.ALL))}")
    parsed = setting.parse(value)
    old = settings_store.get_int(session.db, setting)
    if setting.weakened_by(old, parsed):
        require_witness(session, witness, f"changing {key} from {old} to {parsed}", always=True)
    with session.db.transaction():
        settings_store.put(session.db, key, str(parsed))
        session.audit("settings.change", key, details={"old": old, "new": parsed,
                                                       "witness": witness.name if witness else None})
    return parsed
