"""Custody hops: each courier who carries a bundle countersigns it, leaving the signer's manifest untouched.

A hop is canonical JSON in ``custody/NNNN.json`` with its Ed25519 signature
(context ``NIA-CUSTODY-HOP-v1``) in ``custody/NNNN.sig``. It names the bundle,
the SHA-256 of the manifest it vouches for, the SHA-256 of the hop before it,
and whom the courier hands the bundle to (``to``): the next courier's key, or
the destination workstation's age recipient. Hops form a chain from the
signer's manifest: a hop removed from the middle, reordered, altered or moved
to another bundle breaks the chain, and a hop signed by anyone but the courier
the hop before it named (a later courier's hop replaced by an earlier one's)
is refused.

The end of the chain is not signed by anyone after it, so cutting the last
hops off cannot break a signature; it leaves a chain that hands the bundle to
someone other than the one now checking it. ``assess`` says so: the chain is
complete only when every hop names its next holder and the last one hands the
bundle to the courier or workstation now checking it. A bundle that should
carry custody and carries none is flagged, never passed over in silence.
Hops made without ``to`` (by older versions, or without --to) stay readable
and are flagged.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any, BinaryIO

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from nia_desktop.core.bundles import container
from nia_desktop.core.canonical import canonical_json
from nia_desktop.core.errors import BundleRejected
from nia_desktop.core.signing import SigningContext, fingerprint, sign, verify
from nia_desktop.core.untrusted import Malformed, load_json, mapping, text, whole_number

PREFIX = "custody/"
_NAME = re.compile(r"custody/(\d{4})\.(json|sig)")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_RECIPIENT = re.compile(r"age1[02-9ac-hj-np-z]{58}")
MAX_HOPS = 999
COURIER, WORKSTATION = "courier", "workstation"


@dataclass(frozen=True)
class HandTo:
    """Whom a courier hands the bundle to: another courier (their key's fingerprint) or the destination
    workstation (its age recipient, as `nia key recipient` prints it). ``name`` is as the courier stated it."""

    kind: str  # COURIER or WORKSTATION
    id: str  # courier: key fingerprint; workstation: age recipient
    name: str = ""

    def to_json(self) -> dict[str, str]:
        key = "fingerprint" if self.kind == COURIER else "recipient"
        return {"kind": self.kind, key: self.id, "name": self.name}

    def describe(self) -> str:
        who = self.name or ("a courier" if self.kind == COURIER else "a workstation")
        if self.kind == COURIER:
            return f"{who} (key {self.id[:16]}…)"
        return f"workstation {who} ({self.id[:16]}…)"

    @classmethod
    def from_json(cls, value: object) -> HandTo:
        found = mapping(value, "to")
        kind = found.get("kind")
        key = "fingerprint" if kind == COURIER else "recipient" if kind == WORKSTATION else ""
        if not key or set(found) != {"kind", key, "name"}:
            raise Malformed("to must be {kind: courier, fingerprint, name} or {kind: workstation, recipient, name}")
        ident = text(found[key], f"to.{key}", 100)
        if not (_HEX64 if kind == COURIER else _RECIPIENT).fullmatch(ident):
            raise Malformed(f"to.{key} is not a {'key fingerprint' if kind == COURIER else 'age recipient'}")
        return cls(str(kind), ident, text(found["name"], "to.name", 200))


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
    to: HandTo | None = None  # None: the hop does not say (an older version, or no --to)

    def to_json(self) -> dict[str, Any]:
        value: dict[str, Any] = {
            "n": self.number, "courier": self.courier, "fingerprint": self.fingerprint, "at": self.at,
            "volume": self.volume, "manifest_sha256": self.manifest_sha256, "previous": self.previous,
            "bundle": self.bundle}
        if self.to is not None:
            value["to"] = self.to.to_json()
        return value

    def encode(self) -> bytes:
        return canonical_json(self.to_json())

    def who(self) -> str:
        return f"{self.signer_name or self.courier} (key {self.fingerprint[:16]}…)"


def is_custody(name: str) -> bool:
    return name.startswith(PREFIX)


def entry_names(number: int) -> tuple[str, str]:
    return f"{PREFIX}{number:04d}.json", f"{PREFIX}{number:04d}.sig"


def new_hop(key: Ed25519PrivateKey, courier: str, at: str, volume: str, bundle: str, manifest: bytes,
            previous: bytes | None, number: int, to: HandTo | None = None) -> tuple[bytes, bytes]:
    """The next hop's JSON and signature."""
    if number > MAX_HOPS:
        raise BundleRejected("this bundle has carried too many custody hops")
    hop = Hop(number, courier, fingerprint(key.public_key()), at, volume[:200],
              hashlib.sha256(manifest).hexdigest(), hashlib.sha256(previous).hexdigest() if previous else "", bundle,
              to=to)
    encoded = hop.encode()
    return encoded, sign(key, SigningContext.CUSTODY_HOP, encoded)


def _parse(data: bytes, number: int) -> Hop:
    try:
        value = mapping(load_json(data, "the hop"), "the hop")
        extra = set(value) - {"n", "courier", "fingerprint", "at", "volume", "manifest_sha256", "previous", "bundle",
                              "to"}
        if extra:
            raise Malformed(f"unknown field {min(extra)!r}")
        fields = {k: text(value[k], k) for k in ("courier", "fingerprint", "at", "volume", "manifest_sha256",
                                                   "previous", "bundle")}
        return Hop(whole_number(value["n"], "n", 1, MAX_HOPS), **fields,
                   to=HandTo.from_json(value["to"]) if "to" in value else None)
    except KeyError as exc:
        raise BundleRejected(f"custody hop {number} is malformed (no {exc.args[0]!r} field)") from exc
    except Malformed as exc:
        raise BundleRejected(f"custody hop {number} is malformed ({exc})") from exc


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
    hops: list[Hop] = []
    previous = b""
    manifest_sha = hashlib.sha256(manifest).hexdigest()
    for number in sorted(numbers):
        data_name, sig_name = entry_names(number)
        if data_name not in files or sig_name not in files:
            raise BundleRejected(f"custody hop {number} is incomplete")
        data, signature = files[data_name], files[sig_name]
        hop = _parse(data, number)
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
        hop = replace(hop, signer_name=key.name)
        before = hops[-1].to if hops else None
        if before is not None and before.kind == COURIER and before.id != hop.fingerprint:
            raise BundleRejected(
                f"custody hop {number} is signed by {hop.who()}, but hop {number - 1} handed the bundle to "
                f"{before.describe()}: a later courier's hop was replaced or cut")
        hops.append(hop)
        previous = data
    return hops


@dataclass(frozen=True)
class Holder:
    """Who is checking the chain now, so its end can be compared with them: the user's key, this workstation's
    age recipient, and which keys belong to this workstation's users. Without a vault nobody is known."""

    fingerprint: str = ""
    name: str = ""
    recipient: str = ""
    workstation: str = ""
    local: Callable[[str], bool] = field(default=lambda fp: False)

    def describe(self) -> str:
        return f"{self.name} on {self.workstation}" if self.name else "whoever checks it"


@dataclass(frozen=True)
class Custody:
    """The chain as the holder sees it: complete, or the warnings that say where it is not."""

    hops: list[Hop]
    complete: bool
    warnings: list[str]

    def to_json(self) -> dict[str, Any]:
        return {"hops": [{**h.to_json(), "trusted_as": h.signer_name} for h in self.hops],
                "complete": self.complete, "warnings": self.warnings}


def assess(hops: list[Hop], holder: Holder, signer_fingerprint: str, encrypted: bool = False) -> Custody:
    """Whether the chain reaches ``holder``; BundleRejected when the holder can see that a hop after a delivery to
    this workstation was made by someone who does not work here (a replaced hop)."""
    warnings: list[str] = []
    if not hops:
        if holder.local(signer_fingerprint):
            return Custody([], True, [])  # signed here: nobody had to carry it
        why = ("it arrived encrypted, and couriers cannot countersign inside an encrypted bundle; this "
               "workstation's audit log records who handed it in" if encrypted else
               "its custody hops were stripped, or it was handed over without `nia bundle carry`")
        return Custody([], False, [f"no custody: who carried it is not shown ({why})"])
    for hop, after in zip(hops, [*hops[1:], None], strict=True):
        to = hop.to
        if to is None:
            warnings.append(f"custody hop {hop.number} ({hop.who()}) does not say whom the bundle was handed to "
                            "(made without --to, or by an older version): a later hop could be cut or replaced "
                            "unseen")
        elif after is not None and to.kind == WORKSTATION:
            if to.id != holder.recipient:
                warnings.append(f"custody hop {after.number} follows a delivery to {to.describe()}: only that "
                                f"workstation can tell whether {after.who()} works there")
            elif not holder.local(after.fingerprint):
                raise BundleRejected(
                    f"custody hop {after.number} is signed by {after.who()}, who is not a user of this workstation, "
                    f"but hop {hop.number} delivered the bundle here: a hop was replaced")
    last = hops[-1]
    to = last.to
    if to is not None:
        if to.id and to.id == (holder.fingerprint if to.kind == COURIER else holder.recipient):
            return Custody(hops, not warnings, warnings)
        if not holder.name:
            warnings.append(f"the last custody hop ({last.number}) hands the bundle to {to.describe()}; checked "
                            "without a vault, whether that is you is not known")
        elif to.kind == COURIER:
            warnings.append(f"custody gap: hop {last.number} ({last.who()}) handed the bundle to {to.describe()}, "
                            f"but no hop by them follows and it is {holder.describe()} who holds it now: their hop "
                            "was cut, or they handed it on without countersigning (nia bundle carry --to)")
        else:
            warnings.append(f"custody gap: hop {last.number} ({last.who()}) delivers the bundle to "
                            f"{to.describe()}, not to this workstation ({holder.recipient[:16]}…)")
    return Custody(hops, False, warnings)


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
