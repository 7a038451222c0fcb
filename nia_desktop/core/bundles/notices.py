"""Notices and receipts: the payloads of "notice" and "receipt" bundles (docs/bundle-format.md).

A notice (corrections and recalls) names earlier products by digest (the
SHA-256 of their briefing.json payload), so sender and receiver name a
product the same way; a receipt names the bundle it acknowledges and the
digest of what that bundle carried. Both are canonical JSON and are accepted
only in canonical form: the notice's digest, which receipts and the ledger
use, is then the digest of exactly the bytes anyone would encode for the same
values. Both arrive from outside, so every field is checked here and a bad
one is refused with the field named (BundleRejected, exit 4), before any of
it reaches the database.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, BinaryIO, TypeVar

from nia_desktop.core.bundles import container
from nia_desktop.core.bundles.manifest import Manifest
from nia_desktop.core.canonical import canonical_json
from nia_desktop.core.errors import BundleRejected
from nia_desktop.core.untrusted import Malformed, load_json, mapping, sequence, shown, text

NOTICE_FILE = "payload/notice.json"
RECEIPT_FILE = "payload/receipt.json"
ACTIONS = ("correct", "recall")
RECEIPT_KINDS = ("briefing", "notice")  # what a receipt acknowledges: a product's bundle or a notice's
MAX_PRODUCTS = 1000
MAX_WHY = 2000
MAX_NAME = 200
MAX_PAYLOAD = 1 << 20  # a notice naming MAX_PRODUCTS digests is under 100 KB
HEX64 = re.compile(r"[0-9a-f]{64}")
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z")
AGE_RECIPIENT = re.compile(r"age1[02-9ac-hj-np-z]{58}")  # bech32: no 1, b, i or o after the separator


@dataclass(frozen=True)
class Notice:
    """A correction (the products are superseded by ``superseded_by``) or a recall (withdrawn: destroy all
    copies; ``superseded_by`` may name a replacement)."""

    action: str
    products: tuple[str, ...]
    why: str
    superseded_by: str | None
    issued_by: str
    issued_at: str

    def to_json(self) -> dict[str, Any]:
        return {"action": self.action, "products": list(self.products), "why": self.why,
                "superseded_by": self.superseded_by, "issued_by": self.issued_by, "issued_at": self.issued_at}

    def encode(self) -> bytes:
        return canonical_json(self.to_json())

    def digest(self) -> str:
        """What the ledger, receipts and the receiving workstation call this notice."""
        return hashlib.sha256(self.encode()).hexdigest()


@dataclass(frozen=True)
class Receipt:
    """A consumer workstation's word that it accepted one bundle: ``for`` its UUID, ``item`` the digest of the
    product (kind briefing) or notice (kind notice) it carried."""

    for_uuid: str
    kind: str
    item: str
    accepted_at: str
    by: str
    workstation: str  # the consumer workstation's age recipient

    def to_json(self) -> dict[str, Any]:
        return {"for": self.for_uuid, "kind": self.kind, "item": self.item, "accepted_at": self.accepted_at,
                "by": self.by, "workstation": self.workstation}

    def encode(self) -> bytes:
        return canonical_json(self.to_json())


def new_notice(action: str, products: list[str], why: str, superseded_by: str | None, issued_by: str,
               issued_at: str) -> Notice:
    """A notice built here, held to the rules a receiver applies (so nothing is signed that it would refuse)."""
    notice = Notice(action, tuple(products), why, superseded_by, issued_by, issued_at)
    parse_notice(notice.encode())
    return notice


def new_receipt(for_uuid: str, kind: str, item: str, accepted_at: str, by: str, workstation: str) -> Receipt:
    receipt = Receipt(for_uuid, kind, item, accepted_at, by, workstation)
    parse_receipt(receipt.encode())
    return receipt


def parse_notice(data: bytes) -> Notice:
    """notice.json, or BundleRejected naming the field that is wrong."""
    def build(value: dict[str, Any]) -> Notice:
        action = _one_of(value["action"], ACTIONS, "action")
        products = sequence(value["products"], "products", MAX_PRODUCTS)
        digests = tuple(_matching(p, HEX64, f"products[{n}]") for n, p in enumerate(products))
        if not digests:
            raise Malformed("products must name at least one product")
        if len(set(digests)) != len(digests):
            raise Malformed("products names a product twice")
        successor = value["superseded_by"]
        if successor is not None:
            successor = _matching(successor, HEX64, "superseded_by")
            if successor in digests:
                raise Malformed("superseded_by names a product the notice itself corrects or recalls")
        elif action == "correct":
            raise Malformed("a correction must name the product that supersedes (superseded_by)")
        return Notice(action, digests, _words(value["why"], "why", MAX_WHY), successor,
                      _words(value["issued_by"], "issued_by", MAX_NAME), _matching(value["issued_at"], TIME,
                                                                                   "issued_at"))

    notice = _parse(data, "notice.json", ("action", "products", "why", "superseded_by", "issued_by", "issued_at"),
                    build)
    if notice.encode() != data:
        raise BundleRejected("notice.json is not in canonical form (fields reordered or re-encoded)")
    return notice


def parse_receipt(data: bytes) -> Receipt:
    """receipt.json, or BundleRejected naming the field that is wrong."""
    def build(value: dict[str, Any]) -> Receipt:
        return Receipt(_matching(value["for"], UUID, "for"), _one_of(value["kind"], RECEIPT_KINDS, "kind"),
                       _matching(value["item"], HEX64, "item"), _matching(value["accepted_at"], TIME, "accepted_at"),
                       _words(value["by"], "by", MAX_NAME), _matching(value["workstation"], AGE_RECIPIENT,
                                                                      "workstation"))

    receipt = _parse(data, "receipt.json", ("for", "kind", "item", "accepted_at", "by", "workstation"), build)
    if receipt.encode() != data:
        raise BundleRejected("receipt.json is not in canonical form (fields reordered or re-encoded)")
    return receipt


def carried(handle: BinaryIO, manifest: Manifest, entries: dict[str, container.Entry]) -> bytes:
    """The one payload file of a verified notice or receipt bundle; BundleRejected when it carries anything
    else (a notice bundle is notice.json alone, a receipt bundle receipt.json alone)."""
    wanted = {"notice": NOTICE_FILE, "receipt": RECEIPT_FILE}.get(manifest.kind)
    if wanted is None:
        raise BundleRejected(f"a {manifest.kind} bundle is not a notice or a receipt")
    names = [f.path for f in manifest.files]
    if names != [wanted]:
        raise BundleRejected(f"a {manifest.kind} bundle carries {wanted.removeprefix('payload/')} and nothing else")
    entry = entries[wanted]
    return b"".join(container.read_entry(handle, entry, MAX_PAYLOAD))


def payload_digest(manifest: Manifest, path: str) -> str:
    """The SHA-256 the signed manifest lists for ``path`` (checked against the bytes when it was verified)."""
    for f in manifest.files:
        if f.path == path:
            return f.sha256
    raise BundleRejected(f"the bundle has no {path.removeprefix('payload/')}")


# -- field checks -------------------------------------------------------------------------------
T = TypeVar("T")


def _parse(data: bytes, what: str, fields: tuple[str, ...], build: Callable[[dict[str, Any]], T]) -> T:
    try:
        value = mapping(load_json(data, what), what)
        extra = sorted(set(value) - set(fields))
        if extra:
            raise Malformed(f"unknown field {extra[0][:40]!r}")
        missing = [f for f in fields if f not in value]
        if missing:
            raise Malformed(f"no {missing[0]!r} field")
        return build(value)
    except Malformed as exc:
        raise BundleRejected(f"{what} is malformed: {exc}") from exc


def _matching(value: object, pattern: re.Pattern[str], field: str) -> str:
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise Malformed(f"{field} is not what it must be ({shown(value)})")
    return value


def _one_of(value: object, allowed: tuple[str, ...], field: str) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise Malformed(f"{field} must be one of {', '.join(allowed)}, not {shown(value)}")
    return value


def _words(value: object, field: str, longest: int) -> str:
    """Text a person wrote: not blank, no control characters but line breaks and tabs (a notice's reason is
    shown in a banner and a terminal: no escape sequences, no bidi overrides)."""
    found = text(value, field, longest, empty=False)
    if not found.strip():
        raise Malformed(f"{field} must not be blank")
    if any((ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) < 0xA0 or c in _BIDI for c in found):
        raise Malformed(f"{field} holds a control character")
    return found


_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
