"""The bundle manifest: what a signer vouches for, as canonical JSON (docs/bundle-format.md).

The signature covers the exact manifest bytes behind a context label
(core/signing.py, ``NIA-BUNDLE-MANIFEST-v1``), so no other signed object of
this application can be passed off as a manifest. A manifest is accepted
only in its canonical form: the bytes a reader hashes are the bytes anyone
re-encoding the same values would produce.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from nia_desktop.core.canonical import canonical_json
from nia_desktop.core.errors import BundleRejected

FORMAT = "nia-bundle"
VERSION = 1
KINDS = ("briefing", "reports", "audit", "keys")
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
SUMS = "SHA256SUMS"
PAYLOAD = "payload/"
_HEX64 = re.compile(r"[0-9a-f]{64}")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z")


@dataclass(frozen=True)
class FileEntry:
    path: str  # inside the container, under payload/
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    uuid: str
    kind: str
    created: str
    signer_name: str
    signer_fingerprint: str
    sequence: int
    audit_head: dict[str, Any]
    files: list[FileEntry]
    sums_sha256: str
    recipients: list[str] = field(default_factory=list)
    expires: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT, "version": VERSION, "uuid": self.uuid, "kind": self.kind, "created": self.created,
            "signer": {"name": self.signer_name, "fingerprint": self.signer_fingerprint},
            "sequence": self.sequence, "recipients": self.recipients, "expires": self.expires,
            "audit_head": self.audit_head, "sha256sums": self.sums_sha256,
            "files": [{"path": f.path, "size": f.size, "sha256": f.sha256} for f in self.files],
        }

    def encode(self) -> bytes:
        return canonical_json(self.to_json())


def sums_text(files: list[FileEntry]) -> bytes:
    """The payload's hashes in `sha256sum -c` form, so the stock tool checks them."""
    return "".join(f"{f.sha256}  {f.path}\n" for f in files).encode("utf-8")


def parse(data: bytes) -> Manifest:
    """The manifest, or BundleRejected naming what is wrong with it."""
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BundleRejected(f"the manifest is not valid JSON ({exc.__class__.__name__})") from exc
    if not isinstance(value, dict) or value.get("format") != FORMAT:
        raise BundleRejected("not a NIA bundle manifest")
    if value.get("version") != VERSION:
        raise BundleRejected(f"unknown bundle format version {value.get('version')!r} (this build reads {VERSION})")
    try:
        manifest = Manifest(
            uuid=_matching(value["uuid"], _UUID, "uuid"), kind=_kind(value["kind"]),
            created=_matching(value["created"], _TIME, "created"),
            signer_name=_text(value["signer"]["name"]),
            signer_fingerprint=_matching(value["signer"]["fingerprint"], _HEX64, "signer fingerprint"),
            sequence=_count(value["sequence"]), audit_head=dict(value["audit_head"]),
            files=[FileEntry(_text(f["path"]), _count(f["size"]), _matching(f["sha256"], _HEX64, "file hash"))
                   for f in value["files"]],
            sums_sha256=_matching(value["sha256sums"], _HEX64, "sha256sums"),
            recipients=[_text(r) for r in value["recipients"]],
            expires=None if value["expires"] is None else _matching(value["expires"], _TIME, "expires"),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise BundleRejected(f"the manifest is malformed ({exc})") from exc
    if manifest.encode() != data:
        raise BundleRejected("the manifest is not in canonical form (fields added, reordered or re-encoded)")
    return manifest


def _matching(value: object, pattern: re.Pattern[str], what: str) -> str:
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise ValueError(f"bad {what}")
    return value


def _kind(value: object) -> str:
    if value not in KINDS:
        raise ValueError(f"unknown kind {value!r}")
    return str(value)


def _text(value: object) -> str:
    if not isinstance(value, str) or not value or len(value) > 1000:
        raise ValueError("bad text field")
    return value


def _count(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError("bad number")
    return value
