"""Writing a signed bundle: payload streamed in and hashed once, then the sums, the manifest, its signature.

All or nothing: the bundle is written to a hidden file beside the target,
flushed to disk, then renamed into place; on any failure the partial file is
removed and the target is untouched. A bundle with recipients is produced as
a stream straight into age (pyrage's encrypt_io): its plaintext never reaches
the disk, and memory stays bounded (a payload file is read twice instead: once
for the CRC its header needs first, on a helper thread one file ahead, and once
to send it).
"""

from __future__ import annotations

import hashlib
import io
import os
import uuid
import zlib
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from nia_desktop.core.atomic import fsync_dir
from nia_desktop.core.bundles import container, sealed
from nia_desktop.core.bundles.hashing import hashing_helper, sha256_alongside
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
    names = _payload_names(sources)
    partial = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.partial")
    recipients = [sealed.parse_recipient(r) for r in recipients or []]
    try:
        with partial.open("xb", buffering=0) as handle:
            if recipients:
                signed: list[Manifest] = []
                stream = _stream_signed(signed, kind, sources, names, signer, sequence, created, audit_head,
                                        recipients, expires)
                sealed.encrypt(_Reader(stream), handle, recipients)
                manifest = signed[0]
            else:
                manifest = _write_signed(handle, kind, sources, names, signer, sequence, created, audit_head,
                                         recipients, expires)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, out)
        fsync_dir(out.parent)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return manifest


def _payload_names(sources: list[Source]) -> list[str]:
    names = [PAYLOAD + s.name for s in sources]
    if len(set(names)) != len(names) or not all(container.safe_name(n) for n in names):
        raise BadInput("payload names must be distinct relative paths")
    return names


def bundle_bytes(kind: str, sources: list[Source], signer: Signer, sequence: int, created: str,
                 audit_head: dict[str, Any], recipients: list[str] | None = None,
                 expires: str | None = None) -> tuple[Manifest, bytes]:
    """The bundle in memory, for the outbound queue inside the vault (nothing touches the disk)."""
    names = _payload_names(sources)
    recipients = [sealed.parse_recipient(r) for r in recipients or []]
    if not recipients:
        plain = io.BytesIO()
        manifest = _write_signed(plain, kind, sources, names, signer, sequence, created, audit_head, recipients,
                                 expires)
        return manifest, plain.getvalue()
    signed: list[Manifest] = []
    encrypted = io.BytesIO()
    sealed.encrypt(_Reader(_stream_signed(signed, kind, sources, names, signer, sequence, created, audit_head,
                                          recipients, expires)), encrypted, recipients)
    return signed[0], encrypted.getvalue()


def _write_signed(handle: BinaryIO, kind: str, sources: list[Source], names: list[str],
                  signer: Signer, sequence: int, created: str, audit_head: dict[str, Any], recipients: list[str],
                  expires: str | None) -> Manifest:
    """Hashing runs on a helper thread alongside the writing (core/bundles/hashing.py)."""
    zip_writer = container.Writer(handle)
    files = []
    with hashing_helper() as helper:
        for source, name in zip(sources, names, strict=True):
            method = container.STORED if Path(name).suffix.lower() in _STORED else container.DEFLATED
            sha256, size = sha256_alongside(zip_writer.add(name, source.chunks(), method), helper)
            files.append(FileEntry(name, size, sha256))
    manifest, tail = _signed_tail(files, kind, signer, sequence, created, audit_head, recipients, expires)
    for name, data in tail:
        for _ in zip_writer.add(name, iter([data]), container.STORED):
            pass
    zip_writer.close()
    return manifest


def _signed_tail(files: list[FileEntry], kind: str, signer: Signer, sequence: int, created: str,
                 audit_head: dict[str, Any], recipients: list[str],
                 expires: str | None) -> tuple[Manifest, list[tuple[str, bytes]]]:
    """The manifest over the payload written, and the entries that close the bundle: sums, manifest, signature."""
    sums = sums_text(files)
    manifest = Manifest(str(uuid.uuid4()), kind, created, signer.name, fingerprint(signer.key.public_key()),
                        sequence, audit_head, files, hashlib.sha256(sums).hexdigest(), recipients, expires)
    encoded = manifest.encode()
    return manifest, [(SUMS, sums), (MANIFEST, encoded),
                      (SIGNATURE, sign(signer.key, SigningContext.BUNDLE_MANIFEST, encoded))]


@dataclass(frozen=True)
class _Prepared:
    """An entry whose CRC and sizes are known before it is sent, and how to send it."""

    method: int
    crc: int
    compressed: int
    size: int
    sha256: str
    data: bytes | None  # the bytes to send, or None: re-read the source file


def _prepare(source: Source, method: int) -> _Prepared:
    digest, crc, size = hashlib.sha256(), 0, 0
    squeeze = zlib.compressobj(6, zlib.DEFLATED, -15) if method == container.DEFLATED else None
    packed = bytearray()
    for chunk in source.chunks():
        digest.update(chunk)
        crc, size = zlib.crc32(chunk, crc), size + len(chunk)
        if squeeze:
            packed += squeeze.compress(chunk)
    if squeeze:
        packed += squeeze.flush()
        return _Prepared(method, crc, len(packed), size, digest.hexdigest(), bytes(packed))
    return _Prepared(method, crc, size, size, digest.hexdigest(), source.data)


def _resent(source: Source, prepared: _Prepared) -> Iterator[bytes]:
    """A stored file's bytes again, checked against the first reading: a file changed in between is refused."""
    crc = 0
    for chunk in source.chunks():
        crc = zlib.crc32(chunk, crc)
        yield chunk
    if crc != prepared.crc:
        raise BadInput(f"{source.name} changed while the bundle was written")


def _stream_signed(signed: list[Manifest], kind: str, sources: list[Source], names: list[str], signer: Signer,
                   sequence: int, created: str, audit_head: dict[str, Any], recipients: list[str],
                   expires: str | None) -> Iterator[bytes]:
    """The signed bundle's bytes in order, for a target that cannot seek; the manifest lands in ``signed``.

    The next file is hashed on a helper thread while this one is sent (hashlib and file reads release the
    GIL): one file ahead only, so memory holds at most one deflated entry besides the current one.
    """
    writer = container.SequentialWriter()
    files = []
    methods = [container.STORED if Path(n).suffix.lower() in _STORED else container.DEFLATED for n in names]
    with ThreadPoolExecutor(1, thread_name_prefix="bundle-hash") as helper:
        ahead = helper.submit(_prepare, sources[0], methods[0]) if sources else None
        for index, (source, name) in enumerate(zip(sources, names, strict=True)):
            assert ahead is not None
            ready = ahead.result()
            if index + 1 < len(sources):
                ahead = helper.submit(_prepare, sources[index + 1], methods[index + 1])
            data = iter([ready.data]) if ready.data is not None else _resent(source, ready)
            yield from writer.entry(name, ready.method, ready.crc, ready.compressed, ready.size, data)
            files.append(FileEntry(name, ready.size, ready.sha256))
    manifest, tail = _signed_tail(files, kind, signer, sequence, created, audit_head, recipients, expires)
    for name, data_bytes in tail:
        yield from writer.entry(name, container.STORED, zlib.crc32(data_bytes), len(data_bytes), len(data_bytes),
                                iter([data_bytes]))
    yield writer.directory()
    signed.append(manifest)


class _Reader:
    """A file-like ``read`` over a stream of byte chunks, which pyrage's encrypt_io pulls from (8 KiB at a
    time: each read slices the current chunk, so nothing is moved or joined)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self.chunks = chunks
        self.current = memoryview(b"")
        self.offset = 0

    def read(self, size: int = -1, /) -> bytes:
        while self.offset >= len(self.current):
            try:
                self.current, self.offset = memoryview(next(self.chunks)), 0
            except StopIteration:
                return b""
        end = len(self.current) if size < 0 else self.offset + size
        out = bytes(self.current[self.offset:end])
        self.offset += len(out)
        return out
