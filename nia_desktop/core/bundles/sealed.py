"""Encrypting a signed bundle to its recipients with age (pyrage), and opening one without leaking plaintext.

Sign, then encrypt: the recipients are named in the signed manifest, so a
bundle re-encrypted to someone else is still refused as addressed elsewhere.
The stock `age -d` tool decrypts the file to the plain bundle.

age releases plaintext in 64 KiB chunks before it notices a truncated or
altered file, so decryption goes into memory, never to disk, bounded by a
size limit; on any failure the buffer is dropped and nothing is kept.
"""

from __future__ import annotations

import io
from typing import BinaryIO, Protocol

import pyrage
from pyrage import x25519

from nia_desktop.core.errors import BadInput, BundleRejected

MAGIC = b"age-encryption.org/v1\n"
MAX_PLAIN = 1 << 30  # a decrypted bundle is held in memory: refuse one larger than this


def is_encrypted(head: bytes) -> bool:
    return head.startswith(MAGIC)


def parse_recipient(text: str) -> str:
    """An age X25519 recipient (age1...), checked; BadInput naming the problem otherwise."""
    value = text.strip()
    try:
        return str(x25519.Recipient.from_str(value))
    except (pyrage.RecipientError, ValueError) as exc:
        raise BadInput(f"not an age X25519 recipient (age1...): {value[:20]!r} ({exc})") from exc


def new_identity() -> tuple[str, str]:
    """A fresh age identity: (secret AGE-SECRET-KEY-1..., recipient age1...)."""
    identity = x25519.Identity.generate()
    return str(identity), str(identity.to_public())


class Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


def encrypt(plain: Readable, out: BinaryIO, recipients: list[str]) -> None:
    """Stream ``plain`` into ``out`` as age ciphertext for ``recipients``."""
    try:
        pyrage.encrypt_io(plain, out, [x25519.Recipient.from_str(r) for r in recipients])
    except pyrage.EncryptError as exc:
        raise BadInput(f"encryption failed: {exc}") from exc


class _Bounded:
    """A write target that refuses to grow past ``limit`` (a decryption bomb)."""

    def __init__(self, limit: int) -> None:
        self.buffer = io.BytesIO()
        self.limit = limit

    def write(self, data: bytes) -> int:
        if self.buffer.tell() + len(data) > self.limit:
            raise ValueError("the decrypted bundle is larger than the limit")
        return self.buffer.write(data)

    def flush(self) -> None:
        """pyrage flushes its writer; a memory buffer has nothing to flush."""


def decrypt(source: BinaryIO, identities: list[str], limit: int = MAX_PLAIN) -> bytes:
    """The plain bundle, in memory; BundleRejected if no identity opens it or it is damaged or truncated."""
    target = _Bounded(limit)
    try:
        pyrage.decrypt_io(source, target, [x25519.Identity.from_str(i) for i in identities])
    except ValueError as exc:
        target.buffer = io.BytesIO()
        raise BundleRejected(f"refused: {exc}") from exc
    except (pyrage.DecryptError, OSError) as exc:
        target.buffer = io.BytesIO()  # drop what age released before it found the damage
        raise BundleRejected("cannot decrypt: the bundle is encrypted to another workstation, or it is damaged "
                             "or truncated") from exc
    return target.buffer.getvalue()
