"""A briefing's release approval is checked on every verification: right briefing, second person, good signature."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from nia_desktop.core.bundles.verify import TrustedKey, verify_bundle
from nia_desktop.core.bundles.write import Signer, Source, write_bundle
from nia_desktop.core.canonical import canonical_json
from nia_desktop.core.errors import BundleRejected
from nia_desktop.core.signing import SigningContext, fingerprint, sign
from tests.unit.bundles.test_format import FP, KEY, NOW

OLIVE = Ed25519PrivateKey.generate()
OLIVE_FP = fingerprint(OLIVE.public_key())
BRIEFING = b'{"title":"Harbour"}'


def lookup(fp: str, revoked: bool = False) -> TrustedKey | None:
    if fp == FP:
        return TrustedKey("anna", fp, KEY.public_key())
    if fp == OLIVE_FP:
        return TrustedKey("olive", fp, OLIVE.public_key(), revoked=revoked)
    return None


def bundle(tmp_path: Path, name: str, approver: Ed25519PrivateKey = OLIVE, briefing: bytes = BRIEFING,
           context: SigningContext = SigningContext.RELEASE_APPROVAL, approved: bytes = BRIEFING) -> Path:
    approval = canonical_json({"request": 1, "approver": "olive",
                               "briefing_sha256": hashlib.sha256(approved).hexdigest(),
                               "approver_fingerprint": fingerprint(approver.public_key())})
    out = tmp_path / name
    write_bundle(out, "briefing", [Source("briefing.json", data=briefing),
                                   Source("release/approval.json", data=approval),
                                   Source("release/approval.sig", data=sign(approver, context, approval))],
                 Signer("anna", KEY), 1, NOW, {"seq": 0, "hash": ""})
    return out


def refused(path: Path, reason: str, trusted=lookup) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BundleRejected) as caught:
        verify_bundle(path, trusted, NOW)
    assert reason in caught.value.user_message


def test_good_approval_is_checked_and_returned(tmp_path: Path) -> None:
    verified = verify_bundle(bundle(tmp_path, "ok.nia"), lookup, NOW)
    assert verified.approval is not None and verified.approval["approver"] == "olive" and not verified.warnings


def test_broken_approvals_are_refused(tmp_path: Path) -> None:
    refused(bundle(tmp_path, "a.nia", approved=b"another briefing"), "for another briefing")
    refused(bundle(tmp_path, "b.nia", approver=KEY), "not a second person")
    refused(bundle(tmp_path, "c.nia", context=SigningContext.BUNDLE_MANIFEST), "bad release approval signature")
    refused(bundle(tmp_path, "d.nia"), "revoked", lambda fp: lookup(fp, revoked=True))
    stranger = verify_bundle(bundle(tmp_path, "e.nia", approver=Ed25519PrivateKey.generate()), lookup, NOW)
    assert any("does not trust" in w for w in stranger.warnings)
