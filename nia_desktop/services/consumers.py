"""Consumers: the workstations this one releases product to (the Prime Minister's Office, the NSS, a ministry,
a partner), each with its age recipient (every copy is encrypted to it), its signing key (its receipts are
checked against it), the highest level and the caveats it may receive. Officers register and remove them;
analysts and officers list them. Every change, and every refusal, is audited.

What a consumer may hold is core/holding.Holder (docs/dissemination.md): its level, the compartments and
controls it is registered for, and for a foreign partner (registered with REL TO …) only what may go to it.

A consumer is one workstation: no two active consumers share an age recipient (a copy for one would open on the
other, and the ledger could not say who holds it) or a signing key (receipts name the consumer by its key, so
one of the two could never acknowledge its copies). ``recipients_refusal`` holds every export encrypted to a
registered recipient (`nia brief --recipient` too, not only release-to) to what its consumers may hold.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager

from nia_desktop.core.bundles.sealed import parse_recipient
from nia_desktop.core.classification import Level
from nia_desktop.core.clock import iso_utc
from nia_desktop.core.errors import BadInput, NiaError
from nia_desktop.core.holding import Holder, holder
from nia_desktop.core.markings import NOFORN, Marking, release_list
from nia_desktop.core.names import USER_NAME
from nia_desktop.core.roles import Action
from nia_desktop.core.signing import fingerprint, load_public_pem
from nia_desktop.core.store import ledger
from nia_desktop.core.store.ledger import Consumer
from nia_desktop.services.clearances import resolve_caveats
from nia_desktop.services.session import Session

MAX_ORGANISATION = 200
MAX_PEM = 4096


def check_name(name: str) -> str:
    """A consumer's name is short and plain (it goes into file names): like a user name."""
    if not USER_NAME.fullmatch(name):
        raise BadInput("a consumer name is 2-32 characters: lower-case letters, digits, '.', '_' or '-', starting "
                       "with a letter")
    return name


def _organisation(text: str) -> str:
    cleaned = " ".join(text.split())
    if not cleaned or len(cleaned) > MAX_ORGANISATION or any(unicodedata.category(c).startswith("C")
                                                             for c in cleaned):
        raise BadInput(f"an organisation is 1-{MAX_ORGANISATION} printable characters")
    return cleaned


def _key(pem: bytes | str | None) -> tuple[str | None, str]:
    """The PEM as kept, and its fingerprint ("" without a key)."""
    if pem is None:
        return None, ""
    data = pem.encode("ascii", "replace") if isinstance(pem, str) else pem
    if len(data) > MAX_PEM:
        raise BadInput("not a PEM public key this application can use (too long)")
    key = load_public_pem(data)
    return data.decode("ascii", "replace").strip() + "\n", fingerprint(key)


@contextmanager
def _audited_refusal(session: Session, action: str, name: str) -> Iterator[None]:
    """A refused request (bad input, refused permission) leaves its own audit entry, then is raised."""
    try:
        yield
    except NiaError as exc:
        session.audit(action, name[:64], "refused", {"reason": exc.user_message[:500]})
        raise


def add_consumer(session: Session, name: str, organisation: str, recipient: str, max_level: Level,
                 caveats: list[str] | tuple[str, ...] = (), key_pem: bytes | str | None = None) -> Consumer:
    """Register a consumer. Its caveats are named as the vault knows them (any compartment or control an officer
    defined, or a release list REL TO …); a name the vault does not know is refused."""
    session.require(Action.CONSUMER_MANAGE, name[:64])
    with _audited_refusal(session, "consumer.add", name):
        check_name(name)
        org = _organisation(organisation)
        age = parse_recipient(recipient)
        pem, key_fingerprint = _key(key_pem)
        names = sorted({r.name for r in resolve_caveats(session, list(caveats))})
        if NOFORN in names and any(release_list(n) is not None for n in names):
            raise BadInput("a consumer with a release list (a foreign partner) cannot be registered for NOFORN")
        existing = ledger.consumer(session.db, name)
        if existing is not None:
            raise BadInput(f"a consumer named {name} is already registered" + (
                f" (removed {existing.removed_at[:10]}; the ledger still names it: choose another name)"
                if existing.removed_at else ""))
        _unshared(session, age, key_fingerprint)
    record = Consumer(name, org, age, key_fingerprint, max_level, tuple(names), session.name,
                      iso_utc(session.clock.now()))
    with session.db.transaction():
        ledger.add_consumer(session.db, record, pem)
        session.audit("consumer.add", name, details={
            "organisation": org, "recipient": age, "key_fingerprint": key_fingerprint or None,
            "max_level": max_level.english, "caveats": names})
    return record


def _unshared(session: Session, recipient: str, key_fingerprint: str) -> None:
    """BadInput when an active consumer already has this age recipient or signing key (module docstring). A
    removed consumer's may be registered again: the workstation under a new name."""
    for other in ledger.consumers(session.db):
        if other.recipient == recipient:
            raise BadInput(f"consumer {other.name} is already registered with this age recipient: a copy for one "
                           f"would open on the other's workstation (remove {other.name} first if it moved)")
        if key_fingerprint and other.key_fingerprint == key_fingerprint:
            raise BadInput(f"consumer {other.name} is already registered with this signing key "
                           f"({key_fingerprint[:16]}…): receipts name a consumer by its key, so one of the two "
                           "could never acknowledge its copies")


def list_consumers(session: Session, include_removed: bool = False) -> list[Consumer]:
    session.require(Action.CONSUMER_LIST)
    return ledger.consumers(session.db, include_removed)


def get_consumer(session: Session, name: str) -> Consumer:
    """One consumer (removed ones too: the ledger still names them), or BadInput."""
    session.require(Action.CONSUMER_LIST, name[:64])
    found = ledger.consumer(session.db, name)
    if found is None:
        raise BadInput(f"no consumer named {name[:64]!r} (see nia consumer list)")
    return found


def remove_consumer(session: Session, name: str) -> Consumer:
    """Remove a consumer: it receives nothing more; the ledger keeps naming it for what it was sent."""
    session.require(Action.CONSUMER_MANAGE, name[:64])
    with _audited_refusal(session, "consumer.remove", name):
        found = ledger.consumer(session.db, name)
        if found is None:
            raise BadInput(f"no consumer named {name[:64]!r} (see nia consumer list)")
        if found.removed_at:
            raise BadInput(f"{name} was already removed on {found.removed_at[:10]}")
    with session.db.transaction():
        ledger.remove_consumer(session.db, name, session.name, iso_utc(session.clock.now()))
        session.audit("consumer.remove", name, details={"organisation": found.organisation})
    removed = ledger.consumer(session.db, name)
    assert removed is not None
    return removed


def holder_of(consumer: Consumer) -> Holder:
    """What the consumer may hold (core/holding.py)."""
    return holder(consumer.max_level, consumer.caveats)


def recipients_refusal(session: Session, recipients: list[str], marking: Marking) -> str | None:
    """Why a product marked ``marking`` may not be encrypted to these age recipients, or None. Every active
    consumer registered with one of them must be able to hold it; a recipient that only removed consumers were
    registered with receives nothing more. A recipient no consumer was registered with is not this rule's (an
    NIA workstation, say): the two-person rule and the analyst's clearance govern it."""
    wanted = dict.fromkeys(_as_named(r) for r in recipients)
    registered = [c for c in ledger.consumers(session.db, include_removed=True) if c.recipient in wanted]
    for recipient in wanted:
        matching = [c for c in registered if c.recipient == recipient]
        active = [c for c in matching if not c.removed_at]
        if matching and not active:
            names = ", ".join(c.name for c in matching)
            return (f"{recipient[:16]}… is the recipient of consumer {names}, removed on "
                    f"{matching[-1].removed_at[:10]}, which receives nothing more")
        for consumer in active:
            why = holder_of(consumer).refusal(marking)
            if why is not None:
                return (f"{recipient[:16]}… is consumer {consumer.name}'s ({consumer.organisation}, up to "
                        f"{consumer.max_level.english}), which may not hold it: {why}")
    return None


def _as_named(recipient: str) -> str:
    """A recipient as a bundle names it (" AGE1…" is "age1…"); one that does not parse is kept as given: the
    export refuses it anyway."""
    try:
        return parse_recipient(recipient)
    except BadInput:
        return recipient
