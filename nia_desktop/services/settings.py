"""Workstation settings (officer changes, everyone reads)."""

from __future__ import annotations

from nia_desktop.core import settings as declared
from nia_desktop.core.errors import BadInput
from nia_desktop.core.roles import Action
from nia_desktop.core.store import settings_store
from nia_desktop.services.session import Session


def current(session: Session) -> dict[str, int]:
    return {key: settings_store.get_int(session.db, s) for key, s in declared.ALL.items()}


def change(session: Session, key: str, value: str) -> int:
    session.require(Action.SETTINGS_CHANGE, key)
    setting = declared.ALL.get(key)
    if setting is None:
        raise BadInput(f"unknown setting {key!r}; known: {', '.join(sorted(declared.ALL))}")
    parsed = setting.parse(value)
    old = settings_store.get_int(session.db, setting)
    with session.db.transaction():
        settings_store.put(session.db, key, str(parsed))
        session.audit("settings.change", key, details={"old": old, "new": parsed})
    return parsed
