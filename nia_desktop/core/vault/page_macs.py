"""Each page's HMAC of vault.db checked without SQLCipher, for a file SQLCipher will not open.

SQLCipher reads the schema (``sqlite_master``) before anything else, and that
b-tree grows past page 1 as tables are added. A damaged schema page, or a
damaged page 1, therefore stops the file opening at all, and SQLCipher's own
``cipher_integrity_check`` cannot run. The pages can still be authenticated one
by one, as SQLCipher 4 does with its defaults (the vault never changes them):
- the HMAC key is PBKDF2-HMAC-SHA512 of the raw database key, 2 iterations,
  over the file's 16-byte salt XOR 0x3a;
- each page ends with a 16-byte IV and a 64-byte HMAC-SHA512 over the page's
  ciphertext and IV, then the page number (from 1, 4 bytes little-endian);
  page 1's first 16 bytes are the salt and are not signed.
That tells a damaged page (named by number) from a file encrypted under
another key (no page verifies), which is what `nia vault check` must say.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, hmac
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

PAGE_SIZE = 4096  # SQLCipher 4's default; the vault keeps it
SALT = 16
MAC = 64  # HMAC-SHA512
RESERVED = 80  # IV (16) + MAC (64), already a multiple of the AES block
HMAC_SALT_MASK = 0x3A
HMAC_ITERATIONS = 2
LISTED = 1000  # failing page numbers a scan keeps (it counts them all): a huge file must not fill memory


@dataclass(frozen=True)
class PageScan:
    """Which pages verify under one key: ``verified`` 0 means the key is not this file's at all. ``bad``: the
    first LISTED failing pages, ``failed``: how many fail in all."""
    page_count: int
    bad: tuple[int, ...]
    failed: int = -1  # -1: len(bad)

    @property
    def failures(self) -> int:
        return self.failed if self.failed >= 0 else len(self.bad)

    @property
    def verified(self) -> int:
        return self.page_count - self.failures

    @property
    def key_fits(self) -> bool:
        """At least one page authenticates: the key is the file's, so every failure is damage."""
        return self.verified > 0


def mac_key(raw_key: bytes, salt: bytes) -> bytes:
    kdf = PBKDF2HMAC(algorithm=hashes.SHA512(), length=len(raw_key), salt=bytes(b ^ HMAC_SALT_MASK for b in salt),
                     iterations=HMAC_ITERATIONS)
    return kdf.derive(raw_key)


def page_verifies(page: bytes, number: int, key: bytes) -> bool:
    signed = page[SALT if number == 1 else 0: len(page) - MAC]
    check = hmac.HMAC(key, hashes.SHA512())
    check.update(signed)
    check.update(number.to_bytes(4, "little"))
    try:
        check.verify(page[len(page) - MAC:])
    except InvalidSignature:
        return False
    return True


def not_a_database(path: Path, page_size: int = PAGE_SIZE) -> str:
    """Why ``path`` cannot be a vault database before any key is tried ('' when it may be one): not a regular
    file, or shorter than one page (SQLite takes such a file for an empty database, and an unlock would build a
    new one in it)."""
    try:
        found = os.stat(path)
    except OSError as exc:
        return f"vault.db cannot be read ({exc.strerror or exc})"
    if not stat.S_ISREG(found.st_mode):
        return "vault.db is not a regular file (something else was put in its place)"
    if found.st_size < page_size:
        return f"vault.db is {found.st_size} bytes, shorter than one page ({page_size}): it was truncated"
    return ""


def _next_data(fd: int, at: int, size: int) -> int:
    """Where the file's next data from ``at`` begins (a sparse file's hole reads as zeros, which no page's HMAC
    is): ``at`` itself where the system cannot tell."""
    seek_data = getattr(os, "SEEK_DATA", None)
    if seek_data is None:
        return at
    try:
        return os.lseek(fd, at, seek_data)
    except OSError as exc:
        return size if exc.errno == errno.ENXIO else at  # ENXIO: no data after ``at``


def scan(path: Path, raw_key: bytes, page_size: int = PAGE_SIZE,
         stop: Callable[[], bool] | None = None) -> PageScan:
    """Every page read once, in order; a short last page counts as damaged; the pages of a sparse file's holes
    fail without being read (an attacker's 1 TB hole must not take hours). ``stop`` ends the scan early (the
    pages not yet read are then not counted)."""
    if not_a_database(path, SALT):
        return PageScan(1, (1,), 1)
    with Path(path).open("rb") as handle:
        salt = handle.read(SALT)
        if len(salt) < SALT:
            return PageScan(1, (1,), 1)
        key = mac_key(raw_key, salt)
        size = os.fstat(handle.fileno()).st_size
        count = -(-size // page_size)
        bad: list[int] = []
        failed = number = 0
        while number < count:
            hole = (_next_data(handle.fileno(), number * page_size, size) - number * page_size) // page_size
            if hole > 0:  # whole pages of zeros
                hole = min(hole, count - number)
                bad.extend(range(number + 1, number + 1 + max(0, min(hole, LISTED - len(bad)))))
                failed, number = failed + hole, number + hole
                continue
            handle.seek(number * page_size)
            page = handle.read(page_size)
            if not page:
                break
            number += 1
            if len(page) < page_size or not page_verifies(page, number, key):
                failed += 1
                if len(bad) < LISTED:
                    bad.append(number)
            if stop is not None and number % 4096 == 0 and stop():
                break
    return PageScan(number, tuple(bad), failed)


def key_fits(path: Path, raw_key: bytes, page_size: int = PAGE_SIZE, tries: int = 64) -> bool:
    """Whether any of the first ``tries`` pages authenticates under this key: quick enough for an unlock that
    failed, where a whole scan of a large vault would not be."""
    if not_a_database(path, page_size):
        return False
    with Path(path).open("rb") as handle:
        salt = handle.read(SALT)
        if len(salt) < SALT:
            return False
        key = mac_key(raw_key, salt)
        handle.seek(0)
        for number in range(1, tries + 1):
            page = handle.read(page_size)
            if len(page) < page_size:
                return False
            if page_verifies(page, number, key):
                return True
    return False
