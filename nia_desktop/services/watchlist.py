"""The watchlist: known entities analysts keep, with their aliases (every alias found in any report is that one
entity at every fusion). Entries are analyst-entered, not derived from reports, so every analyst sees them."""

from __future__ import annotations

from nia_desktop.core.clock import iso_utc
from nia_desktop.core.errors import BadInput
from nia_desktop.core.fusion.model import Kind
from nia_desktop.core.fusion.watchlist import WatchEntry
from nia_desktop.core.roles import Action
from nia_desktop.core.store import fusion as store
from nia_desktop.services.session import Session

WATCH_KINDS = (Kind.PERSON, Kind.ORGANIZATION, Kind.LOCATION, Kind.OPERATION)


def add_watch(session: Session, name: str, kind: str, aliases: list[str]) -> int:
    """A known entity and its aliases: every alias found in any report is that one entity."""
    session.require(Action.CASE_EDIT, f"watchlist {name}")
    if not name.strip():
        raise BadInput("a watchlist entry needs a name")
    try:
        chosen = Kind(kind)
    except ValueError:
        chosen = None
    if chosen not in WATCH_KINDS:
        raise BadInput(f"unknown kind {kind!r}: use person, organization, location or operation")
    cleaned = sorted({a.strip() for a in aliases if a.strip()} - {name.strip()})
    with session.db.transaction():
        entry_id = store.add_watch(session.db, chosen.value, name.strip(), cleaned, session.name,
                                   iso_utc(session.clock.now()))
        session.audit("watchlist.add", name.strip(), details={"id": entry_id, "kind": chosen.value,
                                                              "aliases": cleaned})
    return entry_id


def watch_entries(session: Session) -> list[WatchEntry]:
    session.require(Action.FUSE, "watchlist")
    return store.watchlist(session.db)


def remove_watch(session: Session, entry_id: int) -> None:
    session.require(Action.CASE_EDIT, f"watchlist {entry_id}")
    with session.db.transaction():
        if not store.remove_watch(session.db, entry_id, session.name, iso_utc(session.clock.now())):
            raise BadInput(f"there is no watchlist entry {entry_id}")
        session.audit("watchlist.remove", f"entry {entry_id}")
