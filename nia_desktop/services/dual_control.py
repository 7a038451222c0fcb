"""Dual control: changes to the trust root need a second officer, present and authenticated.

A *witness* is another active officer who types their own name and passphrase
at this workstation for one action (the CLI's ``--witness``, a dialog in the
desktop). Their passphrase is checked against their slot like an unlock. Both
names go into the action's audit entry.

Who counts as a second person: not the acting officer, and nobody who could
act as them (see :func:`independent`): the officer who set a user's
passphrase could have kept it, so they are never that user's second person.
The first two officers are set up together (docs/security.md); from the moment
two officers exist, adding or removing an officer or an officer's key, and
lowering or switching off release review, need a witness.
"""

from __future__ import annotations

from dataclasses import dataclass

from nia_desktop.core import audit as chain
from nia_desktop.core.errors import AuthFailed, PermissionRefused
from nia_desktop.core.roles import Role
from nia_desktop.core.store import users
from nia_desktop.core.store.users import UserRecord
from nia_desktop.core.vault import failures
from nia_desktop.services.session import Session, verify_credentials


@dataclass(frozen=True)
class Witness:
    """A second officer who authenticated for one action."""

    name: str
    fingerprint: str


def independent(a: UserRecord, b: UserRecord, everyone: dict[str, UserRecord] | None = None) -> bool:
    """Two accounts are two people as far as this vault can tell: different, and neither could act as the other.

    Whoever set a user's passphrase could act as them, and so could whoever set *that* officer's passphrase:
    control follows the chain (:func:`controllers`). The bootstrap second officer was set up with the first
    under the two-officer ceremony, so the chain stops there (docs/security.md).
    """
    if a.name == b.name:
        return False
    return not (controllers(a, everyone) & controllers(b, everyone))


def controllers(user: UserRecord, everyone: dict[str, UserRecord] | None = None) -> frozenset[str]:
    """The user and everyone up the chain of who set whose passphrase."""
    found = {user.name}
    current: UserRecord | None = user
    while current is not None and not current.bootstrap and current.credentials_by \
            and current.credentials_by not in found:
        found.add(current.credentials_by)
        current = (everyone or {}).get(current.credentials_by)
    return frozenset(found)


def all_by_name(session: Session) -> dict[str, UserRecord]:
    return {u.name: u for u in users.all_users(session.db)}


def authenticate_witness(session: Session, name: str, passphrase: str) -> Witness:
    """The second officer's passphrase, checked against their slot; a failure is audited and AuthFailed."""
    record = users.get(session.db, name)
    # What was typed as the witness's name is kept only when it is a user's name: it may be a passphrase.
    shown = name if record is not None else "(a name this vault does not know)"
    try:
        if record is None or not record.active or record.role is not Role.OFFICER:
            raise AuthFailed(f"{shown} is not an active security officer of this vault")
        verify_credentials(session, name, passphrase)
    except AuthFailed as exc:
        session.witness_failures += 1
        session.audit("dual_control.witness", shown, chain.Outcome.FAILED, {"reason": exc.user_message})
        # The same back-off as the unlock screen: guessing a passphrase here is no faster than there.
        session.clock.sleep(failures.delay_for(session.witness_failures))
        raise
    return Witness(record.name, record.fingerprint)


def officers_now(session: Session) -> int:
    return users.count_active(session.db, Role.OFFICER)


def require_witness(session: Session, witness: Witness | None, what: str, always: bool = False) -> None:
    """Refuse ``what`` (audited) unless a second, independent officer witnessed it.

    Needed once two officers exist; with ``always``, even while only one does (the change then waits for a
    second officer).
    """
    if witness is None and not always and officers_now(session) < 2:
        return
    problem = None
    actor = users.get(session.db, session.name)
    other = users.get(session.db, witness.name) if witness is not None else None
    if witness is None:
        problem = (f"dual control: {what} needs a second security officer to witness it (--witness NAME)"
                   if officers_now(session) >= 2 else
                   f"dual control: {what} needs two security officers, and this vault has one; add a second "
                   "officer first (docs/security.md)")
    elif other is None or not other.active or other.role is not Role.OFFICER:
        problem = f"dual control: {witness.name} is not an active security officer"
    elif actor is None or not independent(actor, other, all_by_name(session)):
        problem = (f"dual control: {witness.name} cannot witness for {session.name} (the same person, or one set "
                   "the other's passphrase)")
    if problem is not None:
        session.audit("dual_control", what, chain.Outcome.REFUSED, {"reason": problem,
                                                                    "witness": witness.name if witness else None})
        raise PermissionRefused(problem)
