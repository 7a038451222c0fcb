"""The backup format: a folder holding the vault's files as they were at one moment, and a signed manifest.

A backup is the vault folder's own files, copied byte for byte: vault.db stays
encrypted under the same key, keyslots.json still wraps it for the same
passphrases, so nothing has to be re-encrypted and nothing is ever in clear.
Beside them, ``manifest.json`` names every file (size and SHA-256), the vault,
the audit head at the moment of the copy, when and by whom, and carries the
workstation audit public key; ``manifest.sig`` is an Ed25519 signature over the
exact manifest bytes by that key (context NIA-VAULT-BACKUP-v1).

Restoring needs no passphrase (a fresh machine has none of the vault yet), so
the manifest's own key is what the signature is checked against. That stops
damage and any change that is not re-signed. A forger who re-signs with a key
of their own is caught by the audit anchor (signed by the vault's real audit
key), by a checkpoint or audit key the officer kept, and after the first
unlock by `nia vault check` (the key must be the database's audit key).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from nia_desktop.core.atomic import fsync_dir
from nia_desktop.core.canonical import canonical_json
from nia_desktop.core.errors import BadInput, UserCancelled
from nia_desktop.core.signing import SigningContext, fingerprint, public_from_raw, public_raw, sign, verify
from nia_desktop.core.untrusted import Malformed, load_json, mapping, sequence, text, whole_number
from nia_desktop.core.vault.layout import open_regular

FORMAT = "nia-vault-backup"
VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
RESTORED_FROM = "restored-from.json"  # kept in a restored vault's folder: the manifest it came from
REQUIRED = ("vault.db", "vault.json", "keyslots.json")
OPTIONAL = ("audit-anchor.json", "security-state.json", "unlock-failures.json")
FILES = REQUIRED + OPTIONAL  # nothing else is ever copied or restored (no lock file, no journal, no stray file)
MAX_MANIFEST = 1 << 20
CHUNK = 1 << 20

Step = Callable[[int, int, str], None]


@dataclass(frozen=True)
class FileEntry:
    name: str
    size: int
    sha256: str

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "size": self.size, "sha256": self.sha256}


@dataclass(frozen=True)
class Manifest:
    vault_id: str
    vault_name: str
    created: str
    by: str
    head_seq: int
    head_hash: str
    audit_public: bytes  # raw Ed25519 public key
    files: tuple[FileEntry, ...]

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": VERSION, "vault_id": self.vault_id, "vault_name": self.vault_name,
                "created": self.created, "by": self.by,
                "audit_head": {"seq": self.head_seq, "hash": self.head_hash},
                "audit_public_key": self.audit_public.hex(),
                "files": [f.to_json() for f in sorted(self.files, key=lambda f: f.name)]}

    def to_bytes(self) -> bytes:
        return canonical_json(self.to_json())

    @property
    def public_key(self) -> Ed25519PublicKey:
        return public_from_raw(self.audit_public)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)

    def entry(self, name: str) -> FileEntry | None:
        return next((f for f in self.files if f.name == name), None)

    @classmethod
    def from_bytes(cls, data: bytes) -> Manifest:
        """Parse an untrusted manifest; every field checked (BadInput naming manifest.json)."""
        try:
            body = mapping(load_json(data, MANIFEST), MANIFEST)
            if body.get("format") != FORMAT or body.get("version") != VERSION:
                raise Malformed(f"{MANIFEST} is not a version {VERSION} NIA vault backup manifest")
            head = mapping(body.get("audit_head"), "audit_head")
            public = bytes.fromhex(text(body.get("audit_public_key"), "audit_public_key", 64, empty=False))
            if len(public) != 32:
                raise Malformed("audit_public_key must be 32 bytes")
            files = []
            for item in sequence(body.get("files"), "files", len(FILES)):
                row = mapping(item, "a file entry")
                name = text(row.get("name"), "a file name", 100, empty=False)
                if name not in FILES:
                    raise Malformed(f"the manifest lists {name!r}, which is not a vault file")
                digest = text(row.get("sha256"), f"{name}: sha256", 64, empty=False)
                if len(digest) != 64 or set(digest) - set("0123456789abcdef"):
                    raise Malformed(f"{name}: sha256 must be 64 lower-case hex digits")
                files.append(FileEntry(name, whole_number(row.get("size"), f"{name}: size"), digest))
            names = [f.name for f in files]
            if len(set(names)) != len(names):
                raise Malformed("the manifest lists a file twice")
            for name in REQUIRED:
                if name not in names:
                    raise Malformed(f"the manifest does not list {name}")
            head_hash = text(head.get("hash"), "audit_head.hash", 64, empty=False)
            return cls(text(body.get("vault_id"), "vault_id", 100, empty=False),
                       text(body.get("vault_name"), "vault_name", 200), text(body.get("created"), "created", 40),
                       text(body.get("by"), "by", 200), whole_number(head.get("seq"), "audit_head.seq"),
                       head_hash, public, tuple(files))
        except (Malformed, ValueError) as exc:
            raise BadInput(f"{MANIFEST}: {exc}") from exc


def sign_manifest(manifest: Manifest, key: Ed25519PrivateKey) -> tuple[bytes, bytes]:
    """(manifest bytes, signature): the key must be the one the manifest names."""
    if public_raw(key.public_key()) != manifest.audit_public:
        raise ValueError("the manifest names another key than the one signing it")
    data = manifest.to_bytes()
    return data, sign(key, SigningContext.VAULT_BACKUP, data)


def check_signature(data: bytes, signature: bytes) -> Manifest:
    """The manifest, when its signature verifies with the key it carries; BadInput naming the file otherwise."""
    manifest = Manifest.from_bytes(data)
    if len(signature) != 64 or not verify(manifest.public_key, SigningContext.VAULT_BACKUP, data, signature):
        raise BadInput(f"{SIGNATURE}: the signature over {MANIFEST} does not verify: the manifest was changed "
                       "or damaged. Refused; nothing was restored")
    return manifest


# -- files ----------------------------------------------------------------
def copy_file(source: Path, target: Path, step: Step | None = None, cancel: Callable[[], bool] | None = None,
              limit: int | None = None) -> FileEntry:
    """Copy one file to a new private file (fsynced), hashing as it goes; the entry describes what was written."""
    fd = open_regular(source)
    digest, size = hashlib.sha256(), 0
    total = os.fstat(fd).st_size
    out = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    try:
        with os.fdopen(fd, "rb") as src, os.fdopen(out, "wb") as dst:
            while chunk := src.read(CHUNK):
                if cancel is not None and cancel():
                    raise UserCancelled()
                size += len(chunk)
                if limit is not None and size > limit:
                    raise BadInput(f"{source.name} is larger than its manifest entry says: refused")
                digest.update(chunk)
                dst.write(chunk)
                if step is not None:
                    step(size, max(total, size), f"Copying {source.name}")
            dst.flush()
            os.fsync(dst.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            target.unlink()
        raise
    return FileEntry(source.name, size, digest.hexdigest())


def write_new(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def read_small(path: Path, limit: int) -> bytes:
    fd = open_regular(path)
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise BadInput(f"{path.name} is larger than {limit} bytes: refused")
    return data


def check_destination(target: Path, what: str) -> None:
    """``target`` must not exist, or be an empty directory: a vault or a backup is never overwritten."""
    if target.is_symlink():
        raise BadInput(f"{target} is a symbolic link: refused, nothing was written")
    if target.exists():
        if not target.is_dir():
            raise BadInput(f"{target} exists and is not a folder: refused, nothing was written")
        if any(target.iterdir()):
            raise BadInput(f"{target} is not empty: {what} is written only into a new or empty folder (nothing "
                           "is ever overwritten). Choose another folder")
    if not target.parent.is_dir():
        raise BadInput(f"{target.parent} does not exist: create it (or mount the medium) first")


def staging_dir(target: Path) -> Path:
    """A private temporary folder beside ``target``: renamed into place only once complete."""
    tmp = target.parent / f".{target.name}.partial-{secrets.token_hex(6)}"
    os.mkdir(tmp, 0o700)
    return tmp


def publish(tmp: Path, target: Path) -> None:
    """Rename the finished folder into place (over an empty folder, if one is there), durably."""
    fsync_dir(tmp)
    os.rename(tmp, target)
    fsync_dir(target.parent)


def discard(tmp: Path) -> None:
    shutil.rmtree(tmp, ignore_errors=True)
