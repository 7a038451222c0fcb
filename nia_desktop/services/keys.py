"""A user's own public signing key."""

from __future__ import annotations

from pathlib import Path

from nia_desktop.core.atomic import atomic_write
from nia_desktop.core.roles import Action
from nia_desktop.core.signing import fingerprint, public_pem
from nia_desktop.services.session import Session


def own_fingerprint(session: Session) -> str:
    return fingerprint(session.signing_key.public_key())


def export_public_key(session: Session, out: Path) -> str:
    """Write the PEM (SubjectPublicKeyInfo); return the SHA-256 fingerprint."""
    session.require(Action.OWN_KEY_EXPORT, str(out))
    public = session.signing_key.public_key()
    atomic_write(out, public_pem(public))
    fp = fingerprint(public)
    session.audit("self.key_export", str(out), details={"fingerprint": fp})
    return fp
