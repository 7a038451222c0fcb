"""Verifying a bundle: layout, manifest, signer, signature, expiry, then every payload byte.

Read-only: nothing is written while a bundle is checked. Every refusal is a
BundleRejected (exit 4) whose message names the reason. Cheap checks come
first, so a forged or truncated bundle is refused before its payload is read.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from nia_desktop.core.bundles import container, custody, sealed
from nia_desktop.core.bundles.approval import Release, check_release
from nia_desktop.core.bundles.hashing import hashing_helper, sha256_alongside
from nia_desktop.core.bundles.manifest import MANIFEST, PAYLOAD, SIGNATURE, SUMS, Manifest, parse, sums_text
from nia_desktop.core.errors import BundleRejected
from nia_desktop.core.settings import RELEASE_REVIEW_FROM
from nia_desktop.core.signing import SigningContext, verify

REVIEW_FROM = RELEASE_REVIEW_FROM.default  # a caller without a vault setting gets the default (SECRET)


@dataclass(frozen=True)
class Limits:
    max_entries: int = 10_000
    max_manifest: int = 16 << 20
    max_ratio: int = 200  # uncompressed / compressed, per deflated entry over 1 MiB


@dataclass(frozen=True)
class TrustedKey:
    name: str
    fingerprint: str
    public: Ed25519PublicKey
    revoked: bool = False
    rotated: bool = False  # superseded by a newer key of the same signer: still verifies, said so
    officer: bool = False  # trusted as a security officer's: may approve releases and sign trust changes


@dataclass(frozen=True)
class Verified:
    manifest: Manifest
    signer: TrustedKey
    entries: dict[str, container.Entry]
    warnings: list[str] = field(default_factory=list)
    custody: list[custody.Hop] = field(default_factory=list)
    manifest_bytes: bytes = b""
    approval: dict[str, Any] | None = None  # a briefing's release approval, checked
    release: Release | None = None  # a briefing's classification against this workstation's review level


def open_bundle_file(path: Path) -> BinaryIO:
    """Open a bundle for reading only if it is a regular file: a FIFO or a device on the medium would block the
    reader forever, or never end. BundleRejected naming the file otherwise."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise BundleRejected(f"cannot read {path.name}: {exc.strerror}") from exc
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise BundleRejected(f"{path.name} is not a regular file (a pipe, device or folder): refused")
    os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def verify_bundle(path: Path, trusted: Callable[[str], TrustedKey | None], now: str,
                  limits: Limits = Limits(), review_from: int = REVIEW_FROM) -> Verified:
    with open_bundle_file(path) as handle:
        return verify_stream(handle, os.fstat(handle.fileno()).st_size, trusted, now, limits, review_from)


def verify_file(path: Path, trusted: Callable[[str], TrustedKey | None], now: str, identities: list[str],
                keep: bool = False, limits: Limits = Limits(),
                review_from: int = REVIEW_FROM) -> tuple[Verified, bytes | None]:
    """A bundle file, plain or age-encrypted: an encrypted one is opened with ``identities`` in memory first (core/
    bundles/sealed.py). Returns the plain bytes when it was encrypted, or when ``keep`` asks for them (read once,
    so what is kept is exactly what was verified); a plain file is otherwise streamed from disk."""
    try:
        with open_bundle_file(path) as handle:
            encrypted = sealed.is_encrypted(handle.read(len(sealed.MAGIC)))
            if encrypted and not identities:
                raise BundleRejected(f"{path.name} is encrypted: give the age identity that opens it (--identity)")
            if not (encrypted or keep):
                size = os.fstat(handle.fileno()).st_size
                return verify_stream(handle, size, trusted, now, limits, review_from), None
            handle.seek(0)
            plain = sealed.decrypt(handle, identities) if encrypted else handle.read()
    except OSError as exc:
        raise BundleRejected(f"cannot read {path.name}: {exc.strerror}") from exc
    return verify_stream(io.BytesIO(plain), len(plain), trusted, now, limits, review_from), plain


def verify_stream(handle: BinaryIO, total: int, trusted: Callable[[str], TrustedKey | None], now: str,
                  limits: Limits = Limits(), review_from: int = REVIEW_FROM) -> Verified:
    """The same checks on an open file or a bundle held in memory (one received into the vault).

    ``review_from`` is the receiving workstation's release review level (core/settings.py): a briefing at or
    above it is refused unless an officer this workstation trusts, other than the signer, approved it."""
    entries = {e.name: e for e in container.read_directory(handle, total, limits.max_entries)}
    for name in (MANIFEST, SIGNATURE, SUMS):
        if name not in entries:
            raise BundleRejected(f"the bundle has no {name}")
    manifest_bytes = b"".join(container.read_entry(handle, entries[MANIFEST], limits.max_manifest))
    signature = b"".join(container.read_entry(handle, entries[SIGNATURE], 64))
    manifest = parse(manifest_bytes)
    key = trusted(manifest.signer_fingerprint)
    if key is None:
        raise BundleRejected(f"untrusted signer: {manifest.signer_name} (key {manifest.signer_fingerprint[:16]}…) "
                             "is not in the trust store")
    if key.revoked:
        raise BundleRejected(f"the signer's key {manifest.signer_fingerprint[:16]}… ({key.name}) is revoked")
    if len(signature) != 64 or not verify(key.public, SigningContext.BUNDLE_MANIFEST, manifest_bytes, signature):
        raise BundleRejected("bad signature: the manifest was not signed by the key it names, or was altered")
    if manifest.expires is not None and manifest.expires <= now:
        raise BundleRejected(f"the bundle expired at {manifest.expires}")
    hops = custody.check_chain(
        {n: b"".join(container.read_entry(handle, e, 1 << 16)) for n, e in entries.items() if custody.is_custody(n)},
        manifest.uuid, manifest_bytes, trusted)
    listed = {f.path: f for f in manifest.files}
    present = {n for n in entries if n not in (MANIFEST, SIGNATURE, SUMS) and not custody.is_custody(n)}
    extra, missing = sorted(present - set(listed)), sorted(set(listed) - present)
    if extra:
        raise BundleRejected(f"file not in the manifest: {extra[0]}")
    if missing:
        raise BundleRejected(f"file missing from the bundle: {missing[0]}")
    if any(not name.startswith(PAYLOAD) for name in listed):
        raise BundleRejected("a payload file lies outside payload/")
    sums = b"".join(container.read_entry(handle, entries[SUMS], limits.max_manifest))
    if hashlib.sha256(sums).hexdigest() != manifest.sums_sha256 or sums != sums_text(manifest.files):
        raise BundleRejected("SHA256SUMS does not match the manifest")
    with hashing_helper() as helper:
        for name, listed_file in listed.items():
            entry = entries[name]
            if entry.size != listed_file.size:
                raise BundleRejected(f"{name}: size {entry.size} differs from the manifest's {listed_file.size}")
            if entry.method == container.DEFLATED and entry.size > 1 << 20 and \
                    entry.size > limits.max_ratio * max(1, entry.compressed):
                raise BundleRejected(f"{name} is over-compressed ({entry.size} bytes from {entry.compressed})")
            sha256, _ = sha256_alongside(container.read_entry(handle, entry, listed_file.size), helper)
            if sha256 != listed_file.sha256:
                raise BundleRejected(f"hash mismatch: {name}")
    warnings = ["signed with a rotated key (still valid until revoked)"] if key.rotated else []
    release: Release | None = None
    if manifest.kind == "briefing":
        release = check_release(handle, entries, trusted, manifest.signer_fingerprint, review_from,
                                {f.path: f.sha256 for f in manifest.files})
        warnings += release.warnings
    return Verified(manifest, key, entries, warnings, hops, manifest_bytes,
                    release.approval if release else None, release)
