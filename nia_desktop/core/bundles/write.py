"""Writing a signed bundle: payload streamed in and hashed once, then the sums, the manifest, its signature.

All or nothing: the bundle is written to a hidden file beside the target,
flushed to disk, then renamed into place; on any failure the partial file is
removed and the target is untouched. A bundle with recipients is built in
memory and only its age ciphertext reaches the disk.
"""

from __future__ import annotations

import hashlib
import io
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from nia_desktop.core.bundles import container, sealed
from nia_desktop.core.bundles.manifest import MANIFEST, PAYLOAD, SIGNATURE, SUMS, FileEntry, Manifest, sums_text
from nia_desktop.core.errors import BadInput
from nia_desktop.core.signing import SigningContext, fingerprint, sign

# Already compressed: stored as they are (deflating them again costs time and saves nothing).
_STORED = frozenset({".pdf", ".png", ".jpg", ".jpeg", ".gif", ".zip", ".gz", ".xz", ".bz2", ".7z", ".docx", ".xlsx",
                     ".pptx", ".age", ".mp4", ".webp"})
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Source:
    """One payload file: its name in the bundle (under payload/) and its bytes, from a file or in memory."""

    name: str
    path: Path | None = None
    data: bytes | None = None

    def chunks(self) -> Iterator[bytes]:
        if self.data is not None:
            yield self.data
            return
        assert self.path is not None
        with self.path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                yield chunk


@dataclass(frozen=True)
class Signer:
    name: str
    key: Ed25519PrivateKey


def write_bundle(out: Path, kind: str, sources: list[Source], signer: Signer, sequence: int, created: str,
                 audit_head: dict[str, Any], recipients: list[str] | None = None,
                 expires: str | None = None) -> Manifest:
    """Write the bundle; with ``recipients`` (age X25519 recipients, named in the signed manifest) the file is the
    age encryption of the signed bundle."""
    if out.exists():
        raise BadInput(f"{out} already exists: choose another name")
    names = [PAYLOAD + s.name for s in sources]
    if len(set(names)) != len(names) or not all(container.safe_name(n) for n in names):
        raise BadInput("payload names must be distinct relative paths")
    partial = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.partial")
    recipients = [sealed.parse_recipient(r) for r in recipients or []]
    try:
        with partial.open("xb") as handle:
            if recipients:
                plain = io.BytesIO()
                manifest = _write_signed(plain, kind, sources, names, signer, sequence, created, audit_head,
                                         recipients, expires)
                plain.seek(0)
                sealed.encrypt(plain, handle, recipients)
            else:
                manifest = _write_signed(handle, kind, sources, names, signer, sequence, created, audit_head,
                                         recipients, expires)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, out)
        directory = os.open(out.parent, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return manifest


def bundle_bytes(kind: str, sources: list[Source], signer: Signer, sequence: int, created: str,
                 audit_head: dict[str, Any], recipients: list[str] | None = None,
                 expires: str | None = None) -> tuple[Manifest, bytes]:
    """The bundle in memory, for the outbound queue inside the vault (nothing touches the disk)."""
    names = [PAYLOAD + s.name for s in sources]
    if len(set(names)) != len(names) or not all(container.safe_name(n) for n in names):
        raise BadInput("payload names must be distinct relative paths")
    recipients = [sealed.parse_recipient(r) for r in recipients or []]
    plain = io.BytesIO()
    manifest = _write_signed(plain, kind, sources, names, signer, sequence, created, audit_head, recipients, expires)
    if not recipients:
        return manifest, plain.getvalue()
    plain.seek(0)
    encrypted = io.BytesIO()
    sealed.encrypt(plain, encrypted, recipients)
    return manifest, encrypted.getvalue()


def _write_signed(handle: BinaryIO, kind: str, sources: list[Source], names: list[str],
                  signer: Signer, sequence: int, created: str, audit_head: dict[str, Any], recipients: list[str],
                  expires: str | None) -> Manifest:
    zip_writer = container.Writer(handle)
    files = []
    for source, name in zip(sources, names, strict=True):
        digest, size = hashlib.sha256(), 0
        method = container.STORED if Path(name).suffix.lower() in _STORED else container.DEFLATED
        for chunk in zip_writer.add(name, source.chunks(), method):
            digest.update(chunk)
            size += len(chunk)
        files.append(FileEntry(name, size, digest.hexdigest()))
    sums = sums_text(files)
    manifest = Manifest(str(uuid.uuid4()), kind, created, signer.name, fingerprint(signer.key.public_key()),
                        sequence, audit_head, files, hashlib.sha256(sums).hexdigest(), recipients, expires)
    encoded = manifest.encode()
    for name, data in ((SUMS, sums), (MANIFEST, encoded),
                       (SIGNATURE, sign(signer.key, SigningContext.BUNDLE_MANIFEST, encoded))):
        for _ in zip_writer.add(name, iter([data]), container.STORED):
            pass
    zip_writer.close()
    return manifest
