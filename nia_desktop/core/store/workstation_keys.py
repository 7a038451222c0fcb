"""Workstation-level keys kept inside the encrypted database.

``audit``: Ed25519, signs the audit chain head. ``transport``: the age identity bundles are
encrypted to. ``freshness-mac``: authenticates security-state.json (core/freshness.py). Vaults
made before unlock failures were tagged also hold ``failure-log``, now unused.
"""

from __future__ import annotations

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from nia_desktop.core.bundles.sealed import new_identity
from nia_desktop.core.vault.connection import VaultConnection

AUDIT_KEY = "audit"

_RAW = (serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption())
_RAW_PUBLIC = (serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _put(db: VaultConnection, name: str, private_raw: bytes, public_raw: bytes) -> None:
    db.execute("INSERT INTO workstation_keys (name, private_raw, public_raw) VALUES (?, ?, ?)",
               (name, private_raw, public_raw))


def _get(db: VaultConnection, name: str) -> bytes:
    rows = db.query("SELECT private_raw FROM workstation_keys WHERE name = ?", (name,))
    if not rows:
        raise KeyError(name)
    return bytes(rows[0][0])


def create_audit_key(db: VaultConnection) -> Ed25519PrivateKey:
    key = Ed25519PrivateKey.generate()
    _put(db, AUDIT_KEY, key.private_bytes(*_RAW), key.public_key().public_bytes(*_RAW_PUBLIC))
    return key


def audit_key(db: VaultConnection) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(_get(db, AUDIT_KEY))


TRANSPORT_KEY = "transport"


def transport_identity(db: VaultConnection) -> tuple[str, str]:
    """This workstation's age identity (secret, recipient): bundles addressed here are encrypted to it.

    Read without a write transaction; created (in one) the first time it is needed.
    """
    found = _transport(db)
    if found is not None:
        return found
    with db.transaction():
        found = _transport(db)  # another session may have made it meanwhile
        if found is None:
            found = new_identity()
            _put(db, TRANSPORT_KEY, found[0].encode("ascii"), found[1].encode("ascii"))
    return found


def _transport(db: VaultConnection) -> tuple[str, str] | None:
    rows = db.query("SELECT private_raw, public_raw FROM workstation_keys WHERE name = ?", (TRANSPORT_KEY,))
    return (bytes(rows[0][0]).decode("ascii"), bytes(rows[0][1]).decode("ascii")) if rows else None
