"""A vault is a directory; this module names its files and reads vault.json."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nia_desktop.core.atomic import atomic_write
from nia_desktop.core.errors import BadInput, VaultTampered
from nia_desktop.core.vault.kdf import RFC9106, KdfParams
from nia_desktop.core.vault.writer_lock import WriterLock

META_FORMAT = "nia-vault"
META_VERSION = 1


@dataclass(frozen=True)
class VaultPaths:
    root: Path

    @property
    def meta(self) -> Path:
        return self.root / "vault.json"

    @property
    def database(self) -> Path:
        return self.root / "vault.db"

    @property
    def keyslots(self) -> Path:
        return self.root / "keyslots.json"

    @property
    def anchor(self) -> Path:
        return self.root / "audit-anchor.json"

    @property
    def failures(self) -> Path:
        return self.root / "unlock-failures.json"

    @property
    def lockfile(self) -> Path:
        return self.root / ".lock"

    def exists(self) -> bool:
        return self.meta.is_file()


# The plain files of a vault folder are small; anything larger was not written by this application.
MAX_FOLDER_FILE = 16 << 20


def open_regular(path: Path) -> int:
    """A file descriptor for reading ``path``, refusing a symbolic link, a directory or a device (naming the
    file): never blocked on a planted FIFO, never led elsewhere. FileNotFoundError passes through."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as exc:
        if isinstance(exc, FileNotFoundError):
            raise
        raise VaultTampered(f"{path.name} cannot be opened ({exc.strerror}): a symbolic link or a special file "
                            "is refused") from exc
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise VaultTampered(f"{path.name} is not a regular file: refused")
    return fd


def read_folder_file(path: Path, limit: int = MAX_FOLDER_FILE) -> bytes:
    """One of the vault folder's plain files, read without following a symbolic link and never past ``limit``
    bytes (a link to /dev/zero, or a huge file, is a clear refusal naming the file, not memory exhaustion).

    FileNotFoundError passes through: each caller says what a missing file means.
    """
    with os.fdopen(open_regular(path), "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise VaultTampered(f"{path.name} is larger than {limit} bytes: refused as tampered")
    return data


@dataclass(frozen=True)
class VaultMeta:
    """Plain metadata: nothing in here is secret, and nothing in here is trusted once the vault is open.

    The database keeps the authoritative values (core/vault/folder.py). A
    value that cannot be read here is noted in ``problems`` rather than locking
    every user out; the database's value replaces it after unlock.
    """

    vault_id: str
    name: str
    created: str
    kdf_target: KdfParams
    problems: tuple[str, ...] = field(default=(), compare=False)

    def to_bytes(self) -> bytes:
        return json.dumps(
            {
                "format": META_FORMAT,
                "version": META_VERSION,
                "vault_id": self.vault_id,
                "name": self.name,
                "created": self.created,
                "kdf_target": self.kdf_target.to_json(),
            },
            indent=1,
            sort_keys=True,
        ).encode("utf-8")

    @classmethod
    def load(cls, paths: VaultPaths) -> VaultMeta:
        if not paths.exists():
            raise BadInput(f"no vault at {paths.root} (vault.json is missing)")
        try:
            data: Any = json.loads(read_folder_file(paths.meta, 1 << 20))
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
            raise VaultTampered(f"{paths.meta} is not valid JSON") from exc
        if not isinstance(data, dict) or data.get("format") != META_FORMAT:
            raise VaultTampered(f"{paths.meta} is not a NIA vault description")
        if data.get("version") != META_VERSION:
            raise VaultTampered(f"vault.json: format version {data.get('version')!r} is not supported")
        vault_id = data.get("vault_id")
        if not isinstance(vault_id, str) or not vault_id or len(vault_id) > 100:
            raise VaultTampered("vault.json: the vault id is malformed")
        problems = []
        name, created = data.get("name"), data.get("created")
        if not isinstance(name, str) or len(name) > 200:
            problems.append("vault.json: name is malformed")
            name = "(unreadable name)"
        if not isinstance(created, str) or len(created) > 40:
            problems.append("vault.json: created is malformed")
            created = ""
        try:
            target = KdfParams.from_json(data.get("kdf_target"))
        except VaultTampered as exc:
            problems.append(f"vault.json: kdf_target: {exc.user_message}")
            target = RFC9106
        return cls(vault_id, name, created, target, tuple(problems))

    def save(self, paths: VaultPaths) -> None:
        atomic_write(paths.meta, self.to_bytes())


@contextmanager
def exclusive(paths: VaultPaths) -> Iterator[None]:
    """Serialise changes to the vault folder's files between threads and processes (CLI and GUI): the same
    writer lock every database transaction holds (core/vault/writer_lock.py)."""
    with WriterLock.for_file(paths.lockfile).hold():
        yield
