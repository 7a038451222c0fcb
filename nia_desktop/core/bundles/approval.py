"""The release approval a briefing bundle carries, and the receiver's release rule: checked on every verification.

The approval names the SHA-256 of ``briefing.json`` and of every payload file
the reviewer approved (``files``: the PDF, HTML and STIX renderings too, which
render byte for byte the same from the same briefing), and is signed by the
reviewer under ``NIA-RELEASE-APPROVAL-v1``; it carries the reviewer's raw
Ed25519 public key (``approver_public``), so its signature is always checked,
whoever the reviewer is. A broken approval refuses the bundle.

The receiving workstation enforces release itself (DESIGN.md): a briefing
classified at or above its review level (the ``release_review_from``
setting) is refused unless it carries an approval whose signature verifies,
by a key this workstation trusts as a security officer's, not revoked, and
not the signer's. The sender's own rule is not taken on trust: a workstation
with the rule off, or a forged bundle, gets no further than this check. An
older approval without ``approver_public`` can only be checked with a key this
workstation trusts; otherwise it counts as no approval.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from nia_desktop.core.bundles import container
from nia_desktop.core.classification import Level
from nia_desktop.core.errors import BundleRejected
from nia_desktop.core.signing import SigningContext, fingerprint, public_from_raw, verify
from nia_desktop.core.untrusted import Malformed, load_json, mapping, sequence, text, whole_number

APPROVAL = "payload/release/approval.json"
APPROVAL_SIG = "payload/release/approval.sig"
BRIEFING = "payload/briefing.json"
MAX_BRIEFING = 64 << 20  # briefing.json is read whole to learn its classification


def review_name(review_from: int) -> str:
    """A review level as people say it: a classification, or off (4 and above)."""
    return Level(review_from).english if 0 <= review_from <= int(Level.TOP_SECRET) else "off"


@dataclass(frozen=True)
class Release:
    """A briefing's release as this workstation judged it: its classification, the review level applied, and the
    approval that counted (None when there is none, or none that could be checked)."""

    level: Level
    review_from: int
    approval: dict[str, Any] | None = None
    approver: str = ""  # the name this workstation trusts the approver's key under; "" when it does not
    warnings: list[str] = field(default_factory=list)

    @property
    def required(self) -> bool:
        return int(self.level) >= self.review_from

    def to_json(self) -> dict[str, Any]:
        return {"classification": self.level.english, "review_from": review_name(self.review_from),
                "required": self.required, "approved": self.approval is not None,
                "approver": self.approval.get("approver") if self.approval else None,
                "approver_fingerprint": self.approval.get("approver_fingerprint") if self.approval else None,
                "approver_trusted_as": self.approver or None}


def check_release(handle: BinaryIO, entries: dict[str, container.Entry], trusted: Callable[[str], Any],
                  signer_fingerprint: str, review_from: int, payload: dict[str, str] | None = None) -> Release:
    """The release rule for a briefing bundle; BundleRejected with the reason when it fails.

    ``payload``: every payload file the manifest lists, with its SHA-256. An approval covers exactly the files it
    names: a PDF, HTML or STIX copy, or any extra file, that the reviewer did not see is refused.
    """
    if BRIEFING not in entries:
        raise BundleRejected("the briefing bundle has no briefing.json: its classification cannot be checked")
    if entries[BRIEFING].size > MAX_BRIEFING:
        raise BundleRejected(f"briefing.json is larger than {MAX_BRIEFING >> 20} MiB")
    briefing = b"".join(container.read_entry(handle, entries[BRIEFING], entries[BRIEFING].size))
    if APPROVAL not in entries and APPROVAL_SIG not in entries:
        level = _classification(briefing)
        if int(level) >= review_from:
            raise BundleRejected(f"release not approved: {_rule(level, review_from)}, and it carries none")
        return Release(level, review_from)
    if APPROVAL not in entries or APPROVAL_SIG not in entries:
        raise BundleRejected("the release approval is incomplete")
    data = b"".join(container.read_entry(handle, entries[APPROVAL], 1 << 16))
    signature = b"".join(container.read_entry(handle, entries[APPROVAL_SIG], 64))
    try:
        approval = _fields(load_json(data, "the release approval"))
        carried = _approver_public(approval)
    except KeyError as exc:
        raise BundleRejected(f"the release approval is malformed (no {exc.args[0]!r} field)") from exc
    except Malformed as exc:
        raise BundleRejected(f"the release approval is malformed ({exc})") from exc
    level = _classification(briefing)
    required, rule = int(level) >= review_from, _rule(level, review_from)
    approver_fp, approved_sha = approval["approver_fingerprint"], approval["briefing_sha256"]
    who = f"{approval.get('approver', '?')} ({approver_fp[:16]}…)"
    if hashlib.sha256(briefing).hexdigest() != approved_sha:
        raise BundleRejected("the release approval is for another briefing")
    if approver_fp == signer_fingerprint:
        raise BundleRejected("the release approval is signed by the briefing's own signer: not a second person")
    if carried is not None and fingerprint(carried) != approver_fp:
        raise BundleRejected("the release approval's key does not match its approver_fingerprint")
    key = trusted(approver_fp)
    if key is not None and key.revoked:
        raise BundleRejected(f"the release approval is signed by a revoked key ({key.name})")
    public = carried if carried is not None else key.public if key is not None else None
    if public is None:  # an older approval by a key unknown here: nothing to check it with
        if required:
            raise BundleRejected(f"release not approved: {rule}; the approval by {who} carries no key and this "
                                 "workstation does not trust the approver's, so it cannot be checked")
        return Release(level, review_from, None, "", [f"the release approval by {who} cannot be checked: it carries "
                                                      "no key and this workstation does not trust the approver's"])
    if len(signature) != 64 or not verify(public, SigningContext.RELEASE_APPROVAL, data, signature):
        raise BundleRejected("bad release approval signature")
    if required and (key is None or not key.officer):
        raise BundleRejected(f"release not approved: {rule}; the approval is by {who}, whose key this workstation "
                             + ("does not trust" if key is None else "trusts, but not as a security officer's"))
    uncovered = _uncovered(approval, payload)
    if uncovered and required:
        raise BundleRejected(f"release not approved: {rule}; the approval does not cover {uncovered}")
    warnings = [f"the release approval does not cover {uncovered}"] if uncovered else []
    if key is None:
        warnings.append(f"release approved by {who}, whose key this workstation does not trust")
    elif not key.officer:
        warnings.append(f"release approved by {key.name}, whose key this workstation does not trust as a security "
                        "officer's")
    return Release(level, review_from, approval, key.name if key is not None else "", warnings)


def _uncovered(approval: dict[str, Any], payload: dict[str, str] | None) -> str:
    """What the bundle carries that the approval does not name with the same SHA-256 ("" when all is covered)."""
    if payload is None:
        return ""
    named = approval.get("files")
    if not isinstance(named, dict):
        return "the PDF, HTML and STIX copies (it names briefing.json only, as older builds did)"
    carried = {path: sha for path, sha in payload.items() if path not in (APPROVAL, APPROVAL_SIG)}
    wrong = sorted(p for p in carried if named.get(p) != carried[p])
    missing = sorted(p for p in named if p not in carried)
    if wrong:
        return f"{wrong[0]} as it is in this bundle" + (f" (and {len(wrong) - 1} more)" if len(wrong) > 1 else "")
    if missing:
        return f"a bundle without {missing[0]}, which it names"
    return ""


def _rule(level: Level, review_from: int) -> str:
    return (f"this {level.english} briefing needs a release approval by a security officer this workstation "
            f"trusts (required here from {review_name(review_from)} up)")


def _classification(briefing: bytes) -> Level:
    """The briefing's classification as core/briefing/content.py computes it: the highest of its sources'."""
    try:
        body = mapping(load_json(briefing, "briefing.json"), "briefing.json")
        levels = [whole_number(mapping(s, "a source")["classification"], "a source's classification", 0,
                               int(Level.TOP_SECRET))
                  for s in sequence(body["sources"], "sources")]
    except KeyError as exc:
        raise BundleRejected(f"briefing.json is malformed (no {exc.args[0]!r} field)") from exc
    except Malformed as exc:
        raise BundleRejected(f"briefing.json is malformed ({exc})") from exc
    return Level(max(levels, default=int(Level.UNCLASSIFIED)))


def _approver_public(approval: dict[str, Any]) -> Ed25519PublicKey | None:
    """The approver's raw public key the approval carries (hex), or None for an older approval without one."""
    if "approver_public" not in approval:
        return None
    raw = text(approval["approver_public"], "approver_public", 64)
    if not _HEX64.fullmatch(raw):
        raise Malformed("approver_public must be a raw Ed25519 public key in hex")
    try:
        return public_from_raw(bytes.fromhex(raw))
    except ValueError as exc:
        raise Malformed("approver_public is not an Ed25519 public key") from exc


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
    if "files" in approval:
        files = mapping(approval["files"], "files")
        if len(files) > 64:
            raise Malformed("files names more payload files than a briefing has")
        for path, sha in files.items():
            text(path, "a file's path", 300)
            if not _HEX64.fullmatch(text(sha, "a file's SHA-256", 64)):
                raise Malformed("a file's SHA-256 must be in hex")
    return approval
