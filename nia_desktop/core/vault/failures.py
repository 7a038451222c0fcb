"""Failed unlock attempts: a growing delay, and a record for the audit log.

The database cannot be written before a successful unlock, so failures are
kept in a small file beside it and entered in the audit log at the next
successful unlock. The attempted user name is sealed (HPKE) to a workstation
key whose private half lives in the database: someone who typed a passphrase
into the user field must not find it on disk in clear. Only the times are
plain, for the back-off.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from nia_desktop.core.atomic import atomic_write
from nia_desktop.core.vault.layout import VaultPaths

FREE_ATTEMPTS = 3
MAX_DELAY_SECONDS = 30.0
MAX_RECORDED = 1000
_INFO = b"nia-unlock-failure-v1"
_HPKE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)


@dataclass(frozen=True)
class Failure:
    time: str
    sealed_user: bytes


def delay_for(consecutive_failures: int) -> float:
    """No delay for the first few typos, then 1, 2, 4 ... seconds, capped."""
    if consecutive_failures < FREE_ATTEMPTS:
        return 0.0
    return min(MAX_DELAY_SECONDS, float(2 ** (consecutive_failures - FREE_ATTEMPTS)))


def load(paths: VaultPaths) -> list[Failure]:
    try:
        data: Any = json.loads(paths.failures.read_bytes())
    except FileNotFoundError:
        return []
    except (ValueError, UnicodeDecodeError):
        # A damaged record still counts as one failure, never as zero.
        return [Failure("unknown", b"")]
    items = data.get("failures") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return [Failure("unknown", b"")]
    out = []
    for item in items:
        if not isinstance(item, dict):
            continue
        try:
            sealed = base64.b64decode(str(item.get("user", "")), validate=True)
        except ValueError:
            sealed = b""
        out.append(Failure(str(item.get("time", "unknown")), sealed))
    return out


def record(paths: VaultPaths, time: str, user: str, public_raw: bytes | None) -> int:
    """Append one failure; returns how many are now on record."""
    sealed = b""
    if public_raw is not None:
        public = X25519PublicKey.from_public_bytes(public_raw)
        sealed = _HPKE.encrypt(user.encode("utf-8"), public, info=_INFO)
    failures = [*load(paths), Failure(time, sealed)][-MAX_RECORDED:]
    payload = {
        "failures": [
            {"time": f.time, "user": base64.b64encode(f.sealed_user).decode("ascii")} for f in failures
        ]
    }
    atomic_write(paths.failures, json.dumps(payload).encode("utf-8"))
    return len(failures)


def reveal(failure: Failure, private: X25519PrivateKey) -> str:
    """The attempted user name, or a marker when the record cannot be opened."""
    if not failure.sealed_user:
        return "(not recorded)"
    try:
        return _HPKE.decrypt(failure.sealed_user, private, info=_INFO).decode("utf-8", "replace")
    except (InvalidTag, ValueError):
        return "(unreadable record)"


def clear(paths: VaultPaths) -> None:
    paths.failures.unlink(missing_ok=True)
