"""The bundle manifest: what a signer vouches for, as canonical JSON (docs/bundle-format.md).

The signature covers the exact manifest bytes behind a context label
(core/signing.py, ``NIA-BUNDLE-MANIFEST-v1``), so no other signed object of
this application can be passed off as a manifest. A manifest is accepted
only in its canonical form: the bytes a reader hashes are the bytes anyone
re-encoding the same values would produce.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from nia_desktop.core.canonical import canonical_json
from nia_desktop.core.errors import BundleRejected
from nia_desktop.core.untrusted import Malformed, load_json, mapping, sequence, shown, text, whole_number

FORMAT = "nia-bundle"
VERSION = 1
KINDS = ("briefing", "reports", "audit", "keys", "notice", "receipt")
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


MAX_FILE_SIZE = (1 << 31) - 1  # no ZIP64 in this version: an entry stays under 2 GiB (container.py)


def parse(data: bytes) -> Manifest:
    """The manifest, or BundleRejected naming what is wrong with it (the field, for a malformed value)."""
    try:
        value = load_json(data, "the manifest")
    except Malformed as exc:
        raise BundleRejected(f"{exc} ({exc.__cause__.__class__.__name__})") from exc
    if not isinstance(value, dict) or value.get("format") != FORMAT:
        raise BundleRejected("not a NIA bundle manifest")
    if value.get("version") != VERSION or type(value.get("version")) is not int:
        raise BundleRejected(f"unknown bundle format version {shown(value.get('version'))} "
                             f"(this build reads {VERSION})")
    try:
        signer = mapping(value["signer"], "signer")
        files = sequence(value["files"], "files")
        manifest = Manifest(
            uuid=_matching(value["uuid"], _UUID, "uuid"), kind=_kind(value["kind"]),
            created=_matching(value["created"], _TIME, "created"),
            signer_name=text(signer["name"], "signer name", empty=False),
            signer_fingerprint=_matching(signer["fingerprint"], _HEX64, "signer fingerprint"),
            sequence=whole_number(value["sequence"], "sequence"), audit_head=_audit_head(value["audit_head"]),
            files=[_file(mapping(f, f"files[{n}]"), n) for n, f in enumerate(files)],
            sums_sha256=_matching(value["sha256sums"], _HEX64, "sha256sums"),
            recipients=[text(r, "recipient", empty=False) for r in sequence(value["recipients"], "recipients")],
            expires=None if value["expires"] is None else _matching(value["expires"], _TIME, "expires"),
        )
        encoded = manifest.encode()
    except KeyError as exc:
        raise BundleRejected(f"the manifest is malformed (no {exc.args[0]!r} field)") from exc
    except (TypeError, ValueError) as exc:
        raise BundleRejected(f"the manifest is malformed ({exc})") from exc
    if encoded != data:
        raise BundleRejected("the manifest is not in canonical form (fields added, reordered or re-encoded)")
    return manifest


def _file(value: dict[str, Any], n: int) -> FileEntry:
    return FileEntry(text(value["path"], f"files[{n}].path", empty=False),
                     whole_number(value["size"], f"files[{n}].size", 0, MAX_FILE_SIZE),
                     _matching(value["sha256"], _HEX64, f"files[{n}].sha256"))


def _audit_head(value: object) -> dict[str, Any]:
    """The signer's audit chain head: exactly {"seq", "hash"}, the hash empty before the first entry."""
    head = mapping(value, "audit_head")
    if set(head) != {"seq", "hash"}:
        raise Malformed("audit_head must hold exactly seq and hash")
    digest = text(head["hash"], "audit_head.hash", 64)
    if digest and not _HEX64.fullmatch(digest):
        raise Malformed("audit_head.hash must be a SHA-256 in hex, or empty")
    return {"seq": whole_number(head["seq"], "audit_head.seq"), "hash": digest}


def _matching(value: object, pattern: re.Pattern[str], what: str) -> str:
    if not isinstance(value, str) or not pattern.fullmatch(value):
        raise Malformed(f"bad {what}")
    return value


def _kind(value: object) -> str:
    if value not in KINDS or not isinstance(value, str):
        raise Malformed(f"unknown kind {shown(value)}")
    return value
