"""Ed25519 signatures with domain separation, and key fingerprints.

Every signed message starts with a context label naming what it is, so an
audit checkpoint can never be presented as a bundle manifest or the reverse.
"""

from __future__ import annotations

import hashlib
from enum import StrEnum

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from nia_desktop.core.errors import BadInput


class SigningContext(StrEnum):
    AUDIT_HEAD = "NIA-AUDIT-HEAD-v1"
    AUDIT_CHECKPOINT = "NIA-AUDIT-CHECKPOINT-v1"
    AUDIT_EXPORT = "NIA-AUDIT-EXPORT-v1"
    BUNDLE_MANIFEST = "NIA-BUNDLE-MANIFEST-v1"
    CUSTODY_HOP = "NIA-CUSTODY-HOP-v1"
    RELEASE_APPROVAL = "NIA-RELEASE-APPROVAL-v1"
    KEY_ROTATION = "NIA-KEY-ROTATION-v1"
    VAULT_BACKUP = "NIA-VAULT-BACKUP-v1"


def _framed(context: SigningContext, message: bytes) -> bytes:
    return context.value.encode("ascii") + b"\x00" + message


def sign(key: Ed25519PrivateKey, context: SigningContext, message: bytes) -> bytes:
    return key.sign(_framed(context, message))


def verify(
    key: Ed25519PublicKey, context: SigningContext, message: bytes, signature: bytes
) -> bool:
    try:
        key.verify(signature, _framed(context, message))
    except InvalidSignature:
        return False
    return True


def public_raw(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def public_pem(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def fingerprint(key: Ed25519PublicKey) -> str:
    """SHA-256 over the DER SubjectPublicKeyInfo, as `openssl pkey -pubin -outform DER | sha256sum`."""
    der = key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return hashlib.sha256(der).hexdigest()


def format_fingerprint(hex_digest: str) -> str:
    """Groups of four for reading aloud: 'ab12 cd34 ...'."""
    return " ".join(hex_digest[i : i + 4] for i in range(0, len(hex_digest), 4))


def load_public_pem(data: bytes) -> Ed25519PublicKey:
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:  # SM2 and friends are unsupported, not a crash
        raise BadInput("not a PEM public key this application can use (Ed25519)") from exc
    if not isinstance(key, Ed25519PublicKey):
        raise BadInput("not an Ed25519 public key")
    return key


def public_from_raw(raw: bytes) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(raw)
