"""The release approval a briefing bundle carries: checked on every verification, like the manifest.

The approval names the SHA-256 of ``briefing.json`` and is signed by the
reviewer under ``NIA-RELEASE-APPROVAL-v1``. A bundle whose approval does not
match its briefing, or whose signature fails, is refused; an approval by a key
this workstation does not trust is reported as a warning (the bundle's own
signer is trusted, the reviewer may belong to another workstation).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any, BinaryIO

from nia_desktop.core.bundles import container
from nia_desktop.core.errors import BundleRejected
from nia_desktop.core.signing import SigningContext, verify

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
        approval = json.loads(data)
        approver_fp = str(approval["approver_fingerprint"])
        approved_sha = str(approval["briefing_sha256"])
    except (json.JSONDecodeError, UnicodeDecodeError, KeyError, TypeError) as exc:
        raise BundleRejected("the release approval is malformed") from exc
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
