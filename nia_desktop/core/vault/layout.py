"""A vault is a directory; this module names its files and reads vault.json."""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nia_desktop.core.atomic import atomic_write
from nia_desktop.core.errors import BadInput, VaultTampered
from nia_desktop.core.vault.kdf import KdfParams

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


@dataclass(frozen=True)
class VaultMeta:
    """Plain metadata: nothing in here is secret (ids, names, KDF targets)."""

    vault_id: str
    name: str
    created: str
    kdf_target: KdfParams
    failure_log_public: bytes | None = None

    def to_bytes(self) -> bytes:
        return json.dumps(
            {
                "format": META_FORMAT,
                "version": META_VERSION,
                "vault_id": self.vault_id,
                "name": self.name,
                "created": self.created,
                "kdf_target": self.kdf_target.to_json(),
                "failure_log_public": (self.failure_log_public or b"").hex(),
            },
            indent=1,
            sort_keys=True,
        ).encode("utf-8")

    @classmethod
    def load(cls, paths: VaultPaths) -> VaultMeta:
        if not paths.exists():
            raise BadInput(f"no vault at {paths.root} (vault.json is missing)")
        try:
            data: Any = json.loads(paths.meta.read_bytes())
        except (ValueError, UnicodeDecodeError) as exc:
            raise VaultTampered(f"{paths.meta} is not valid JSON") from exc
        if not isinstance(data, dict) or data.get("format") != META_FORMAT:
            raise VaultTampered(f"{paths.meta} is not a NIA vault description")
        if data.get("version") != META_VERSION:
            raise VaultTampered(f"vault format version {data.get('version')!r} is not supported")
        fields = [data.get(k) for k in ("vault_id", "name", "created")]
        if not all(isinstance(v, str) for v in fields):
            raise VaultTampered(f"{paths.meta} is malformed")
        try:
            failure_public = bytes.fromhex(str(data.get("failure_log_public", ""))) or None
        except ValueError:
            failure_public = None
        if failure_public is not None and len(failure_public) != 32:
            failure_public = None
        return cls(str(fields[0]), str(fields[1]), str(fields[2]),
                   KdfParams.from_json(data.get("kdf_target")), failure_public)

    def save(self, paths: VaultPaths) -> None:
        atomic_write(paths.meta, self.to_bytes())


@contextmanager
def exclusive(paths: VaultPaths) -> Iterator[None]:
    """Serialise changes to the keyslot file between processes (CLI and GUI)."""
    fd = os.open(paths.lockfile, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
