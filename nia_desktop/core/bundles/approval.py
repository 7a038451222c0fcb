"""The release approval a briefing bundle carries: checked on every verification, like the manifest.

The approval names the SHA-256 of ``briefing.json`` and is signed by the
reviewer under ``NIA-RELEASE-APPROVAL-v1``. A bundle whose approval does not
match its briefing, or whose signature fails, is refused; an approval by a key
this workstation does not trust is reported as a warning (the bundle's own
signer is trusted, the reviewer may belong to another workstation).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from typing import Any, BinaryIO

from nia_desktop.core.bundles import container
from nia_desktop.core.errors import BundleRejected
from nia_desktop.core.signing import SigningContext, verify
from nia_desktop.core.untrusted import Malformed, load_json, mapping, text, whole_number

APPROVAL = "payload/release/approval.json"
APPROVAL_SIG = "payload/release/approval.sig"
BRIEFING = "payload/briefing.json"


def check_approval(handle: BinaryIO, entries: dict[str, container.Entry], trusted: Callable[[str], Any],
                   signer_fingerprint: str) -> tuple[dict[str, Any] | None, list[str]]:
    """(the approval, warnings); None when the bundle carries no approval. BundleRejected when it is broken."""
    if APPROVAL not in entries and APPROVAL_SIG not in entries:
        return None, []
    if APPROVAL not in entries or APPROVAL_SIG not in entries or BRIEFING not in entries:
        raise BundleRejected("the release approval is incomplete")
    data = b"".join(container.read_entry(handle, entries[APPROVAL], 1 << 16))
    signature = b"".join(container.read_entry(handle, entries[APPROVAL_SIG], 64))
    try:
        approval = _fields(load_json(data, "the release approval"))
    except KeyError as exc:
        raise BundleRejected(f"the release approval is malformed (no {exc.args[0]!r} field)") from exc
    except Malformed as exc:
        raise BundleRejected(f"the release approval is malformed ({exc})") from exc
    approver_fp, approved_sha = approval["approver_fingerprint"], approval["briefing_sha256"]
    digest = hashlib.sha256()
    for chunk in container.read_entry(handle, entries[BRIEFING], entries[BRIEFING].size):
        digest.update(chunk)
    if digest.hexdigest() != approved_sha:
        raise BundleRejected("the release approval is for another briefing")
    if approver_fp == signer_fingerprint:
        raise BundleRejected("the release approval is signed by the briefing's own signer: not a second person")
    key = trusted(approver_fp)
    if key is None:
        return approval, [f"release approved by {approval.get('approver', '?')}, whose key ({approver_fp[:16]}…) "
                          "this workstation does not trust"]
    if key.revoked:
        raise BundleRejected(f"the release approval is signed by a revoked key ({key.name})")
    if len(signature) != 64 or not verify(key.public, SigningContext.RELEASE_APPROVAL, data, signature):
        raise BundleRejected("bad release approval signature")
    return approval, []


_HEX64 = re.compile(r"[0-9a-f]{64}")


def _fields(value: object) -> dict[str, Any]:
    """The approval's fields checked by type (services/briefings.py writes them): the request number within
    SQLite's range, hashes in hex, the rest text."""
    approval = mapping(value, "the approval")
    for name in ("approver_fingerprint", "briefing_sha256"):
        if not _HEX64.fullmatch(text(approval[name], name, 64)):
            raise Malformed(f"{name} must be a SHA-256 in hex")
    if "request" in approval:
        whole_number(approval["request"], "request", 1)
    for name in ("case", "author", "classification", "approver", "approved_at"):
        if name in approval:
            text(approval[name], name)
    return approval
