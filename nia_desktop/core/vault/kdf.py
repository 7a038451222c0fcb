"""Argon2id key derivation with stored, bounded parameters.

Parameters are stored per keyslot so they can be raised over time. Values
outside [floor, ceiling] are refused as tampering *before* any memory is
allocated: a forged slot must not make us allocate 1 TiB, nor derive a key so
cheaply that offline guessing becomes easy.
"""

from __future__ import annotations

import math
import time
import unicodedata
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from nia_desktop.core.errors import VaultTampered

KEY_LENGTH = 32

# OWASP's floor (19 MiB, t=2) and RFC 9106's second recommended option (64 MiB, t=3, p=4).
FLOOR_MEMORY_KIB = 19 * 1024
FLOOR_ITERATIONS = 2
RFC9106_MEMORY_KIB = 64 * 1024
RFC9106_ITERATIONS = 3
RFC9106_LANES = 4
# The ceiling guards against a forged slot exhausting memory or time.
CEILING_MEMORY_KIB = 2 * 1024 * 1024
CEILING_ITERATIONS = 64
CEILING_LANES = 16
SALT_BYTES = 16


@dataclass(frozen=True, order=True)
class KdfParams:
    memory_kib: int
    iterations: int
    lanes: int

    def to_json(self) -> dict[str, Any]:
        return {"alg": "argon2id", "m": self.memory_kib, "t": self.iterations, "p": self.lanes}

    @classmethod
    def from_json(cls, data: Any) -> KdfParams:
        if not isinstance(data, dict) or data.get("alg") != "argon2id":
            raise VaultTampered("keyslot names an unknown key-derivation function: refused as tampered")
        values = [data.get(k) for k in ("m", "t", "p")]
        if not all(type(v) is int for v in values):
            raise VaultTampered("keyslot has malformed Argon2id parameters: refused as tampered")
        params = cls(*values)  # type: ignore[arg-type]
        params.check_bounds()
        return params

    def check_bounds(self) -> None:
        if not (FLOOR_MEMORY_KIB <= self.memory_kib <= CEILING_MEMORY_KIB):
            raise VaultTampered(
                f"Argon2id memory {self.memory_kib} KiB is outside "
                f"{FLOOR_MEMORY_KIB}..{CEILING_MEMORY_KIB} KiB: refused as tampered"
            )
        if not (FLOOR_ITERATIONS <= self.iterations <= CEILING_ITERATIONS):
            raise VaultTampered(
                f"Argon2id iterations {self.iterations} outside "
                f"{FLOOR_ITERATIONS}..{CEILING_ITERATIONS}: refused as tampered"
            )
        if not (1 <= self.lanes <= CEILING_LANES):
            raise VaultTampered(f"Argon2id lanes {self.lanes} outside 1..{CEILING_LANES}: refused as tampered")

    def weaker_than(self, other: KdfParams) -> bool:
        return self.memory_kib < other.memory_kib or self.iterations < other.iterations


FLOOR = KdfParams(FLOOR_MEMORY_KIB, FLOOR_ITERATIONS, 1)
RFC9106 = KdfParams(RFC9106_MEMORY_KIB, RFC9106_ITERATIONS, RFC9106_LANES)


def normalise_passphrase(passphrase: str) -> bytes:
    """NFC first, so the same passphrase typed on two keyboards derives one key."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def derive_kek(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    params.check_bounds()
    if not (16 <= len(salt) <= 64):
        raise VaultTampered("keyslot salt has a wrong length: refused as tampered")
    kdf = Argon2id(
        salt=salt,
        length=KEY_LENGTH,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(normalise_passphrase(passphrase))


def _seconds(params: KdfParams) -> float:
    start = time.perf_counter()
    derive_kek("calibration", b"\x00" * SALT_BYTES, params)
    return time.perf_counter() - start


def calibrate(target_seconds: float = 0.9, base: KdfParams = RFC9106) -> KdfParams:
    """Raise iterations above RFC 9106's option until one derivation takes about target_seconds.

    Never goes below ``base``: a slow machine keeps the RFC parameters. The
    first derivation in a process pays for page faults on its memory, so it is
    a warm-up; the estimate is then checked once at the chosen parameters.
    """
    _seconds(base)
    per_iteration = min(_seconds(base), _seconds(base)) / base.iterations
    params = base
    for _ in range(2):
        iterations = min(CEILING_ITERATIONS, max(base.iterations, math.ceil(target_seconds / per_iteration)))
        params = KdfParams(base.memory_kib, iterations, base.lanes)
        if params == base:
            return base
        measured = _seconds(params)
        if 0.7 <= measured <= 1.1:  # aim inside 0.5-1.2 s with room for this machine's noise
            return params
        per_iteration = measured / iterations
    return params
