"""The officer's trust store: the keys this workstation accepts bundles from, and the lookup every check uses."""

from __future__ import annotations

from typing import Any

from nia_desktop.core.bundles.verify import TrustedKey
from nia_desktop.core.clock import iso_utc
from nia_desktop.core.errors import BadInput
from nia_desktop.core.roles import Action
from nia_desktop.core.signing import fingerprint, load_public_pem, public_from_raw, public_pem
from nia_desktop.core.store import trust as store
from nia_desktop.core.store import users
from nia_desktop.services.session import Session


def trust_key(session: Session, pem: bytes, name: str, workstation: str = "", role: str = "") -> str:
    """Add a public key; returns its fingerprint, which the officer compares out of band before relying on it."""
    session.require(Action.TRUST_MANAGE, name)
    public = load_public_pem(pem)
    fp = fingerprint(public)
    with session.db.transaction():
        if store.find(session.db, fp) is not None:
            raise BadInput(f"key {fp[:16]}… is already in the trust store")
        store.add(session.db, store.TrustRow(fp, name, workstation, role, public_pem(public).decode("ascii"),
                                             session.name, iso_utc(session.clock.now()), None))
        session.audit("trust.add", name, details={"fingerprint": fp, "workstation": workstation, "role": role})
    return fp


def revoke_key(session: Session, fp: str) -> None:
    """Stop trusting a key: one in the trust store, or a key one of this workstation's users rotated away from."""
    session.require(Action.TRUST_MANAGE, fp)
    wanted = fp.replace(" ", "")
    with session.db.transaction():
        matches = [r for r in store.listing(session.db) if r.fingerprint.startswith(wanted)]
        retired = [k for k in store.retired(session.db) if k.fingerprint.startswith(wanted)]
        if not matches and len(retired) == 1 and wanted:
            if not store.revoke_retired(session.db, retired[0].fingerprint, iso_utc(session.clock.now())):
                raise BadInput(f"key {retired[0].fingerprint[:16]}… is already revoked")
            session.audit("trust.revoke", retired[0].user, details={"fingerprint": retired[0].fingerprint,
                                                                    "rotated": True})
            return
        if len(matches) != 1:
            raise BadInput(f"no single key in the trust store starts with {fp!r}")
        if not store.revoke(session.db, matches[0].fingerprint, session.name, iso_utc(session.clock.now())):
            raise BadInput(f"key {matches[0].fingerprint[:16]}… is already revoked")
        session.audit("trust.revoke", matches[0].name, details={"fingerprint": matches[0].fingerprint})


def trusted_keys(session: Session) -> list[store.TrustRow]:
    session.require(Action.BUNDLE_VERIFY, "trust store")
    return store.listing(session.db)


def lookup(session: Session) -> Any:
    """Trusted: this vault's trust store, and this vault's own users (a workstation trusts itself), including
    keys they rotated away from (marked rotated, refused once revoked)."""
    def find(fp: str) -> TrustedKey | None:
        row = store.find(session.db, fp)
        if row is not None:
            return TrustedKey(row.name, fp, load_public_pem(row.public_pem.encode("ascii")),
                              row.revoked_at is not None, row.superseded_by is not None)
        for user in users.all_users(session.db):
            if user.fingerprint == fp:
                return TrustedKey(user.name, fp, user.public_key)
        for old in store.retired(session.db, fp):
            return TrustedKey(f"{old.user} (rotated key)", fp, public_from_raw(old.public_raw),
                              old.revoked_at is not None, True)
        return None
    return find
