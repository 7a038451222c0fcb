"""The officer's trust store: the keys this workstation accepts bundles from, and the lookup every check uses.

Who counts as an officer here (approves releases, signs trust changes): an
active local officer's current key, or a trust-store key whose role is
officer and that is not revoked. A disabled user's keys are refused for
everything, whether or not a revocation row was recorded. Adding or revoking
an officer's key needs a second officer (services/dual_control.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from nia_desktop.core.bundles.verify import TrustedKey
from nia_desktop.core.clock import iso_utc
from nia_desktop.core.errors import BadInput
from nia_desktop.core.roles import Action, Role
from nia_desktop.core.signing import fingerprint, load_public_pem, public_from_raw, public_pem
from nia_desktop.core.store import trust as store
from nia_desktop.core.store import users
from nia_desktop.services.dual_control import Witness, require_witness
from nia_desktop.services.session import Session

_HEX = frozenset("0123456789abcdef")


def is_officer_role(role: str) -> bool:
    """The trust store's role column is free text: " Officer" must not slip past dual control as a non-officer."""
    return role.strip().casefold() == Role.OFFICER.value


def trust_key(session: Session, pem: bytes, name: str, workstation: str = "", role: str = "",
              witness: Witness | None = None) -> str:
    """Add a public key; returns its fingerprint, which the officer compares out of band before relying on it.
    An officer's key (role officer) changes who may sign trust changes and approve releases: a second officer
    witnesses it."""
    session.require(Action.TRUST_MANAGE, name)
    public = load_public_pem(pem)
    fp = fingerprint(public)
    if store.find(session.db, fp) is not None:
        raise BadInput(f"key {fp[:16]}… is already in the trust store")
    role = Role.OFFICER.value if is_officer_role(role) else role.strip()
    if role == Role.OFFICER.value:
        require_witness(session, witness, f"trusting {name}'s key as a security officer's")
    with session.db.transaction():
        if store.find(session.db, fp) is not None:
            raise BadInput(f"key {fp[:16]}… is already in the trust store")
        store.add(session.db, store.TrustRow(fp, name, workstation, role, public_pem(public).decode("ascii"),
                                             session.name, iso_utc(session.clock.now()), None))
        session.audit("trust.add", name, details={"fingerprint": fp, "workstation": workstation, "role": role,
                                                  "witness": witness.name if witness else None})
    return fp


@dataclass(frozen=True)
class KnownKey:
    """A key this workstation knows of, from wherever: its trust store, its users, their rotated-away keys."""

    fingerprint: str
    name: str
    role: str
    public_pem: str
    where: str  # "trust store", "user", "rotated", or "unknown" (revoked in advance by fingerprint)
    officer: bool = False


def known_keys(session: Session) -> dict[str, KnownKey]:
    """Every key this workstation knows, by fingerprint; a trust-store row wins over the same key elsewhere."""
    found: dict[str, KnownKey] = {}
    for old in store.retired(session.db):
        found[old.fingerprint] = KnownKey(old.fingerprint, f"{old.user} (rotated key)", "",
                                          public_pem(public_from_raw(old.public_raw)).decode("ascii"), "rotated")
    local: dict[str, users.UserRecord] = {}
    for user in users.all_users(session.db):
        local[user.fingerprint] = user
        found[user.fingerprint] = KnownKey(user.fingerprint, user.name, user.role.value,
                                           public_pem(user.public_key).decode("ascii"), "user",
                                           user.active and user.role is Role.OFFICER)
    for row in store.listing(session.db):
        here = local.get(row.fingerprint)
        found[row.fingerprint] = KnownKey(
            row.fingerprint, row.name, row.role, row.public_pem, "trust store",
            is_officer_role(row.role) or (here is not None and here.active and here.role is Role.OFFICER))
    return found


def revoke_key(session: Session, fp: str, witness: Witness | None = None) -> str:
    """Stop trusting a key, whatever holds it: the trust store, a local user's current key, a key a user rotated
    away from, or a full fingerprint known nowhere (revoked in advance, so it is refused if it ever turns up).
    An ambiguous start of a fingerprint is refused, listing the candidates. Revoking an officer's key needs a
    second officer. Returns the full fingerprint revoked."""
    session.require(Action.TRUST_MANAGE, fp)
    wanted = fp.replace(" ", "").lower()
    if not wanted or not set(wanted) <= _HEX or len(wanted) > 64:
        raise BadInput(f"{fp!r} is not a fingerprint: give its hex digits, or enough of its start to be unique")
    matches = [k for k in known_keys(session).values() if k.fingerprint.startswith(wanted)]
    if len(matches) > 1:
        shown = ", ".join(f"{k.fingerprint[:16]}… ({k.name})" for k in matches[:10])
        raise BadInput(f"{len(matches)} keys start with {fp!r}: {shown}; give more of the fingerprint")
    if not matches and len(wanted) != 64:
        raise BadInput(f"no key known here starts with {fp!r}; to revoke a key this workstation has never seen, "
                       "give its full 64-digit fingerprint")
    key = matches[0] if matches else KnownKey(wanted, "unknown key", "", "", "unknown")
    if key.officer:
        require_witness(session, witness, f"revoking {key.name}'s security officer key")
    now = iso_utc(session.clock.now())
    with session.db.transaction():
        done = (store.revoke_retired(session.db, key.fingerprint, now) if key.where == "rotated" else
                store.revoke_any(session.db, key.fingerprint, key.name, key.role, key.public_pem, session.name,
                                 now))
        if not done:
            raise BadInput(f"key {key.fingerprint[:16]}… ({key.name}) is already revoked")
        session.audit("trust.revoke", key.name, details={
            "fingerprint": key.fingerprint, "key": key.where, "rotated": key.where == "rotated",
            "officer": key.officer, "witness": witness.name if witness else None})
    return key.fingerprint


def trusted_keys(session: Session) -> list[store.TrustRow]:
    session.require(Action.BUNDLE_VERIFY, "trust store")
    return store.listing(session.db)


def lookup(session: Session) -> Callable[[str], TrustedKey | None]:
    """Trusted: this vault's trust store, and this vault's own users (a workstation trusts itself), including
    keys they rotated away from (marked rotated, refused once revoked). A revoked row is seen first; a disabled
    user's keys are revoked whether or not such a row was recorded (defence in depth)."""
    def find(fp: str) -> TrustedKey | None:
        user = users.by_fingerprint(session.db, fp)
        row = store.find(session.db, fp)
        if row is not None:
            revoked = row.revoked_at is not None or (user is not None and not user.active)
            public = _public(row.public_pem)
            if public is None and not revoked:
                return None  # a damaged row trusts nothing
            officer = not revoked and (is_officer_role(row.role) or (
                user is not None and user.active and user.role is Role.OFFICER))
            return TrustedKey(row.name, fp, public or _nothing(), revoked, row.superseded_by is not None, officer)
        if user is not None:
            return TrustedKey(user.name, fp, user.public_key, not user.active, False,
                              user.active and user.role is Role.OFFICER)
        for old in store.retired(session.db, fp):
            owner = users.get(session.db, old.user)
            revoked = old.revoked_at is not None or owner is None or not owner.active
            return TrustedKey(f"{old.user} (rotated key)", fp, public_from_raw(old.public_raw), revoked, True)
        return None
    return find


def _public(pem: str) -> Ed25519PublicKey | None:
    try:
        return load_public_pem(pem.encode("ascii"))
    except (BadInput, UnicodeEncodeError, UnsupportedAlgorithm):
        return None


@cache
def _nothing() -> Ed25519PublicKey:
    """The key of a revocation known only by fingerprint (no public key was ever seen). Revoked keys are refused
    before any signature is checked; even so this one verifies nothing: its private half is never kept."""
    return Ed25519PrivateKey.generate().public_key()
