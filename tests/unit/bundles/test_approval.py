"""A briefing's release approval is checked on every verification (right briefing, second person, good signature,
whoever the approver is), and the receiver enforces release itself: at or above its review level a briefing needs
an approval by a key it trusts as an officer's, not revoked, not the signer's."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from nia_desktop.core.bundles.verify import TrustedKey, Verified, verify_bundle
from nia_desktop.core.bundles.write import Signer, Source, write_bundle
from nia_desktop.core.canonical import canonical_json
from nia_desktop.core.classification import Level
from nia_desktop.core.errors import BundleRejected
from nia_desktop.core.signing import SigningContext, fingerprint, public_raw, sign
from tests.unit.bundles.test_format import FP, KEY, NOW

OLIVE = Ed25519PrivateKey.generate()  # an officer this workstation trusts
OLIVE_FP = fingerprint(OLIVE.public_key())
TOM = Ed25519PrivateKey.generate()  # trusted, but as an analyst's key
TOM_FP = fingerprint(TOM.public_key())
STRANGER = Ed25519PrivateKey.generate()  # nobody here knows this key


def briefing(level: Level = Level.SECRET) -> bytes:
    """briefing.json as services/briefings.py writes it; its classification is its sources' highest."""
    return canonical_json({"case": "harbour", "title": "Harbour", "sources": [
        {"report_id": 1, "title": "a", "agency": "NPA", "date": "", "grading": "", "classification": 0},
        {"report_id": 2, "title": "b", "agency": "MOD", "date": "", "grading": "", "classification": int(level)}]})


def lookup(fp: str, revoked: bool = False) -> TrustedKey | None:
    if fp == FP:
        return TrustedKey("anna", fp, KEY.public_key())
    if fp == OLIVE_FP:
        return TrustedKey("olive", fp, OLIVE.public_key(), revoked=revoked, officer=not revoked)
    if fp == TOM_FP:
        return TrustedKey("tom", fp, TOM.public_key())
    return None


def bundle(tmp_path: Path, name: str, approver: Ed25519PrivateKey | None = OLIVE,
           level: Level = Level.SECRET,
           context: SigningContext = SigningContext.RELEASE_APPROVAL, approved: bytes | None = None,
           carries_key: bool = True, signature: bytes | None = None, public: bytes | None = None,
           covers: dict[str, str] | None = {}, extra: bytes | None = None) -> Path:  # noqa: B006
    """A briefing bundle signed by anna; with an approval by ``approver`` unless it is None. The approval names the
    files it covers (``covers``; empty: briefing.json as carried; None: no list, as older builds wrote)."""
    content = briefing(level)
    sources = [Source("briefing.json", data=content)]
    if extra is not None:
        sources.append(Source("briefing.pdf", data=extra))
    if approver is not None:
        fields = {"request": 1, "approver": "olive", "classification": level.english,
                  "briefing_sha256": hashlib.sha256(approved or content).hexdigest(),
                  "approver_fingerprint": fingerprint(approver.public_key())}
        if covers is not None:
            fields["files"] = covers if covers else {"payload/briefing.json": hashlib.sha256(content).hexdigest()}
        if carries_key:
            fields["approver_public"] = (public or public_raw(approver.public_key())).hex()
        approval = canonical_json(fields)
        sources += [Source("release/approval.json", data=approval),
                    Source("release/approval.sig", data=signature if signature is not None
                           else sign(approver, context, approval))]
    out = tmp_path / name
    write_bundle(out, "briefing", sources, Signer("anna", KEY), 1, NOW, {"seq": 0, "hash": ""})
    return out


def verified(path: Path, review_from: int = 2, trusted=lookup) -> Verified:  # type: ignore[no-untyped-def]
    return verify_bundle(path, trusted, NOW, review_from=review_from)


def refused(path: Path, reason: str, review_from: int = 2, trusted=lookup) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(BundleRejected) as caught:
        verified(path, review_from, trusted)
    assert reason in caught.value.user_message, caught.value.user_message
    return caught.value.user_message


def test_good_approval_by_a_trusted_officer_is_checked_and_returned(tmp_path: Path) -> None:
    result = verified(bundle(tmp_path, "ok.nia"))
    assert result.approval is not None and result.approval["approver"] == "olive" and not result.warnings
    assert result.release is not None and result.release.required and result.release.approver == "olive"
    assert result.release.to_json()["classification"] == "SECRET"


def test_broken_approvals_are_refused(tmp_path: Path) -> None:
    refused(bundle(tmp_path, "a.nia", approved=b"another briefing"), "for another briefing")
    refused(bundle(tmp_path, "b.nia", approver=KEY), "not a second person")
    refused(bundle(tmp_path, "c.nia", context=SigningContext.BUNDLE_MANIFEST), "bad release approval signature")
    refused(bundle(tmp_path, "d.nia"), "revoked", trusted=lambda fp: lookup(fp, revoked=True))
    refused(bundle(tmp_path, "e.nia", public=public_raw(STRANGER.public_key())), "does not match")


def test_no_approval_at_or_above_the_review_level_is_refused(tmp_path: Path) -> None:
    message = refused(bundle(tmp_path, "none.nia", approver=None), "release not approved")
    assert "SECRET" in message and "carries none" in message
    refused(bundle(tmp_path, "ts.nia", approver=None, level=Level.TOP_SECRET), "release not approved")
    refused(bundle(tmp_path, "conf.nia", approver=None, level=Level.CONFIDENTIAL), "release not approved",
            review_from=1)


def test_below_the_review_level_no_approval_is_needed(tmp_path: Path) -> None:
    for level in (Level.UNCLASSIFIED, Level.CONFIDENTIAL):
        result = verified(bundle(tmp_path, f"{level.name}.nia", approver=None, level=level))
        assert result.release is not None and not result.release.required and result.approval is None
    off = verified(bundle(tmp_path, "off.nia", approver=None, level=Level.TOP_SECRET), review_from=4)
    assert off.release is not None and not off.release.required


def test_a_zero_signature_is_refused_whoever_the_approver_is(tmp_path: Path) -> None:
    zero = bytes(64)
    refused(bundle(tmp_path, "trusted.nia", signature=zero), "bad release approval signature")
    refused(bundle(tmp_path, "stranger.nia", approver=STRANGER, signature=zero), "bad release approval signature")
    # Even where no approval is needed, an approval that is carried is checked.
    refused(bundle(tmp_path, "low.nia", approver=STRANGER, signature=zero, level=Level.UNCLASSIFIED),
            "bad release approval signature")
    # An older approval without the approver's key, by a key unknown here: it cannot be checked, so it is none.
    refused(bundle(tmp_path, "old.nia", approver=STRANGER, signature=zero, carries_key=False), "cannot be checked")
    low = verified(bundle(tmp_path, "old-low.nia", approver=STRANGER, signature=zero, carries_key=False,
                          level=Level.CONFIDENTIAL))
    assert low.approval is None and any("cannot be checked" in w for w in low.warnings)
    # An older approval by a trusted officer is checked with the key this workstation holds.
    assert verified(bundle(tmp_path, "old-olive.nia", carries_key=False)).approval is not None
    refused(bundle(tmp_path, "old-zero.nia", signature=zero, carries_key=False), "bad release approval signature")


def test_the_approver_must_be_trusted_here_as_an_officer(tmp_path: Path) -> None:
    refused(bundle(tmp_path, "stranger.nia", approver=STRANGER), "does not trust")
    refused(bundle(tmp_path, "tom.nia", approver=TOM), "not as a security officer's")
    below = verified(bundle(tmp_path, "tom-low.nia", approver=TOM, level=Level.CONFIDENTIAL))
    assert below.approval is not None and any("security officer" in w for w in below.warnings)
    stranger = verified(bundle(tmp_path, "stranger-low.nia", approver=STRANGER, level=Level.UNCLASSIFIED))
    assert any("does not trust" in w for w in stranger.warnings)


def test_a_briefing_whose_classification_cannot_be_read_is_refused(tmp_path: Path) -> None:
    for n, content in enumerate([b"{}", b"[", json.dumps({"sources": [{"classification": 9}]}).encode(),
                                 json.dumps({"sources": [{"classification": "0"}]}).encode()]):
        out = tmp_path / f"m{n}.nia"
        write_bundle(out, "briefing", [Source("briefing.json", data=content)], Signer("anna", KEY), 1, NOW,
                     {"seq": 0, "hash": ""})
        refused(out, "briefing.json is malformed")
    out = tmp_path / "none.nia"
    write_bundle(out, "briefing", [Source("briefing.pdf", data=b"%PDF")], Signer("anna", KEY), 1, NOW,
                 {"seq": 0, "hash": ""})
    refused(out, "no briefing.json")


def test_an_approval_covers_exactly_the_files_it_names(tmp_path: Path) -> None:
    """Red-team A11: a PDF the reviewer never saw, beside the approved briefing.json, is refused; so is an approval
    that names no files at all (older builds named briefing.json only)."""
    refused(bundle(tmp_path, "extra.nia", extra=b"%PDF- NOT REVIEWED"), "does not cover payload/briefing.pdf")
    refused(bundle(tmp_path, "nolist.nia", covers=None), "does not cover the PDF, HTML and STIX copies")
    named = {"payload/briefing.json": "0" * 64}
    refused(bundle(tmp_path, "changed.nia", covers=named), "does not cover payload/briefing.json")
    below = verified(bundle(tmp_path, "low.nia", level=Level.CONFIDENTIAL, extra=b"%PDF-"))
    assert any("does not cover" in w for w in below.warnings)  # told, though no approval is needed there
