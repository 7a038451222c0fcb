"""Custody hops: each courier who carries a bundle countersigns it, leaving the signer's manifest untouched.

A hop is canonical JSON in ``custody/NNNN.json`` with its Ed25519 signature
(context ``NIA-CUSTODY-HOP-v1``) in ``custody/NNNN.sig``. It names the bundle,
the SHA-256 of the manifest it vouches for, and the SHA-256 of the hop before
it, so hops form a chain from the signer's manifest: a hop removed from the
middle, reordered, altered or moved to another bundle breaks the chain and
the bundle is refused. (The last hops can be cut off; the receiving
workstation's audit log records who handed the bundle over.)
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any, BinaryIO

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from nia_desktop.core.bundles import container
from nia_desktop.core.canonical import canonical_json
from nia_desktop.core.errors import BundleRejected
from nia_desktop.core.signing import SigningContext, fingerprint, sign, verify
from nia_desktop.core.untrusted import Malformed, load_json, mapping, text, whole_number

PREFIX = "custody/"
_NAME = re.compile(r"custody/(\d{4})\.(json|sig)")
MAX_HOPS = 999


@dataclass(frozen=True)
class Hop:
    number: int
    courier: str
    fingerprint: str
    at: str
    volume: str
    manifest_sha256: str
    previous: str  # SHA-256 of the previous hop's JSON; "" for the first
    bundle: str
    signer_name: str = ""  # filled in on verification: the trusted name of the courier's key

    def to_json(self) -> dict[str, Any]:
        return {"n": self.number, "courier": self.courier, "fingerprint": self.fingerprint, "at": self.at,
                "volume": self.volume, "manifest_sha256": self.manifest_sha256, "previous": self.previous,
                "bundle": self.bundle}

    def encode(self) -> bytes:
        return canonical_json(self.to_json())


def is_custody(name: str) -> bool:
    return name.startswith(PREFIX)


def entry_names(number: int) -> tuple[str, str]:
    return f"{PREFIX}{number:04d}.json", f"{PREFIX}{number:04d}.sig"


def new_hop(key: Ed25519PrivateKey, courier: str, at: str, volume: str, bundle: str, manifest: bytes,
            previous: bytes | None, number: int) -> tuple[bytes, bytes]:
    """The next hop's JSON and signature."""
    if number > MAX_HOPS:
        raise BundleRejected("this bundle has carried too many custody hops")
    hop = Hop(number, courier, fingerprint(key.public_key()), at, volume[:200],
              hashlib.sha256(manifest).hexdigest(), hashlib.sha256(previous).hexdigest() if previous else "", bundle)
    encoded = hop.encode()
    return encoded, sign(key, SigningContext.CUSTODY_HOP, encoded)


def check_chain(files: dict[str, bytes], bundle: str, manifest: bytes, trusted: Any) -> list[Hop]:
    """Every hop, checked in order; BundleRejected naming the first broken one.

    ``files``: the custody entries' bytes by name. ``trusted``: fingerprint -> TrustedKey or None.
    """
    numbers = set()
    for name in files:
        match = _NAME.fullmatch(name)
        if not match:
            raise BundleRejected(f"unexpected custody entry {name!r}")
        numbers.add(int(match.group(1)))
    if numbers != set(range(1, len(numbers) + 1)):
        raise BundleRejected("custody hops are not numbered 1, 2, 3...: a hop was removed or renamed")
    hops, previous = [], b""
    manifest_sha = hashlib.sha256(manifest).hexdigest()
    for number in sorted(numbers):
        data_name, sig_name = entry_names(number)
        if data_name not in files or sig_name not in files:
            raise BundleRejected(f"custody hop {number} is incomplete")
        data, signature = files[data_name], files[sig_name]
        try:
            value = mapping(load_json(data, "the hop"), "the hop")
            hop = Hop(whole_number(value["n"], "n", 1, MAX_HOPS), *(text(value[k], k) for k in (
                "courier", "fingerprint", "at", "volume", "manifest_sha256", "previous", "bundle")))
        except KeyError as exc:
            raise BundleRejected(f"custody hop {number} is malformed (no {exc.args[0]!r} field)") from exc
        except Malformed as exc:
            raise BundleRejected(f"custody hop {number} is malformed ({exc})") from exc
        if hop.encode() != data or hop.number != number:
            raise BundleRejected(f"custody hop {number} is not in canonical form")
        if hop.bundle != bundle or hop.manifest_sha256 != manifest_sha:
            raise BundleRejected(f"custody hop {number} belongs to another bundle")
        if hop.previous != (hashlib.sha256(previous).hexdigest() if previous else ""):
            raise BundleRejected(f"custody hop {number} does not follow hop {number - 1}: the chain is broken")
        key = trusted(hop.fingerprint)
        if key is None:
            raise BundleRejected(f"custody hop {number}: the courier's key {hop.fingerprint[:16]}… is not trusted")
        if key.revoked:
            raise BundleRejected(f"custody hop {number}: the courier's key ({key.name}) is revoked")
        if len(signature) != 64 or not verify(key.public, SigningContext.CUSTODY_HOP, data, signature):
            raise BundleRejected(f"custody hop {number}: bad countersignature")
        hops.append(Hop(hop.number, hop.courier, hop.fingerprint, hop.at, hop.volume, hop.manifest_sha256,
                        hop.previous, hop.bundle, key.name))
        previous = data
    return hops


def append_hop(source: BinaryIO, entries: dict[str, container.Entry], out: BinaryIO, hop: tuple[bytes, bytes],
               number: int) -> None:
    """The bundle again with one more hop: every existing entry copied byte for byte, then the hop."""
    writer = container.Writer(out)
    for entry in entries.values():
        writer.copy(source, entry)
    for name, data in zip(entry_names(number), hop, strict=True):
        for _ in writer.add(name, iter([data]), container.STORED):
            pass
    writer.close()
