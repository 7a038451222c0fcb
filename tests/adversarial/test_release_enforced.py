"""The receiver enforces release (security issue #10): a briefing at or above the receiving workstation's review
level is refused (exit 4, with the reason) unless it carries an approval whose signature verifies, by a key that
workstation trusts as an officer's, not revoked, not the signer's. The approval's signature is always checked.

The bundles are forged the way an insider would: signed with the analyst's real key, the approval made up."""

from __future__ import annotations

import hashlib
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from nia_desktop.core.bundles.write import Signer, Source, write_bundle
from nia_desktop.core.canonical import canonical_json
from nia_desktop.core.classification import Level
from nia_desktop.core.signing import SigningContext, fingerprint, public_pem, public_raw, sign
from nia_desktop.services.session import unlock
from tests.e2e.conftest import Nia, Result

OLIVE = {"user": "olive", "passphrase": "olive-passphrase-1"}
CARL = {"user": "carl", "passphrase": "carl-passphrase-1"}
NOW = "2026-11-25T10:00:00.000000Z"


class Forge:
    """Briefing bundles signed with anna's real key, carrying whatever approval the test asks for."""

    def __init__(self, nia: Nia) -> None:
        self.nia = nia
        with unlock(nia.vault, "anna", "anna-passphrase-1") as session:
            self.anna = session.signing_key
        with unlock(nia.vault, "olive", "olive-passphrase-1") as session:
            self.olive = session.signing_key
        self.sequence = 100

    def pem(self, name: str, key: Ed25519PrivateKey) -> Path:
        path = self.nia.tmp / f"{name}.pem"
        path.write_bytes(public_pem(key.public_key()))
        return path

    def briefing(self, name: str, level: Level = Level.SECRET, approver: Ed25519PrivateKey | None = None,
                 signature: bytes | None = None) -> Path:
        content = canonical_json({"case": "harbour", "title": "Harbour", "author": "anna", "sources": [
            {"report_id": 1, "title": "Port visit", "agency": "NPA", "date": "", "grading": "B2",
             "classification": int(level)}]})
        sources = [Source("briefing.json", data=content)]
        if approver is not None:
            approval = canonical_json({
                "request": 1, "case": "harbour", "author": "anna", "classification": level.english,
                "briefing_sha256": hashlib.sha256(content).hexdigest(), "approver": "olive",
                "files": {"payload/briefing.json": hashlib.sha256(content).hexdigest()},
                "approver_fingerprint": fingerprint(approver.public_key()),
                "approver_public": public_raw(approver.public_key()).hex(), "approved_at": NOW})
            sources += [Source("release/approval.json", data=approval),
                        Source("release/approval.sig", data=signature if signature is not None else
                               sign(approver, SigningContext.RELEASE_APPROVAL, approval))]
        self.sequence += 1
        out = self.nia.tmp / f"{name}.nia"
        write_bundle(out, "briefing", sources, Signer("anna", self.anna), self.sequence, NOW,
                     {"seq": 1, "hash": "ab" * 32})
        return out


def refused(result: Result, *words: str) -> None:
    assert result.code == 4, (result.code, result.err)
    assert all(w in result.err for w in words), result.err


def test_no_approval_at_or_above_the_review_level_is_refused(nia_vault: Nia) -> None:
    forge = Forge(nia_vault)
    secret = forge.briefing("secret")
    refused(nia_vault("bundle", "verify", str(secret), **CARL), "release not approved", "SECRET", "carries none")
    shown = nia_vault("bundle", "verify", str(secret), "--json", **CARL)
    assert shown.code == 4 and shown.json()["ok"] is False and "release not approved" in shown.json()["error"]
    refused(nia_vault("bundle", "receive", str(secret), **CARL), "release not approved")
    assert nia_vault("bundle", "inbound", "--json", **CARL).json() == []
    refused(nia_vault("bundle", "receive", str(forge.briefing("top", Level.TOP_SECRET)), **CARL),
            "TOP SECRET", "release not approved")
    # Below the level, no approval is needed.
    low = forge.briefing("low", Level.CONFIDENTIAL)
    checked = nia_vault("bundle", "verify", str(low), "--json", **CARL)
    assert checked.code == 0, checked.err
    assert checked.json()["release"]["required"] is False and checked.json()["release"]["approved"] is False
    assert nia_vault("bundle", "receive", str(low), **CARL).code == 0
    # The receiving workstation's own level decides: from CONFIDENTIAL up, the same kind of bundle is refused.
    assert nia_vault("settings", "set", "release_review_from", "1", **OLIVE).code == 0
    refused(nia_vault("bundle", "receive", str(forge.briefing("low2", Level.CONFIDENTIAL)), **CARL),
            "CONFIDENTIAL", "release not approved")


def test_forged_or_misplaced_approvals_are_refused(nia_vault: Nia) -> None:
    forge = Forge(nia_vault)
    stranger, clerk, former = (Ed25519PrivateKey.generate() for _ in range(3))
    zero = bytes(64)
    refused(nia_vault("bundle", "verify", str(forge.briefing("z1", approver=forge.olive, signature=zero)), **CARL),
            "bad release approval signature")
    refused(nia_vault("bundle", "verify", str(forge.briefing("z2", approver=stranger, signature=zero)), **CARL),
            "bad release approval signature")
    refused(nia_vault("bundle", "verify", str(forge.briefing("self", approver=forge.anna)), **CARL),
            "not a second person")
    refused(nia_vault("bundle", "verify", str(forge.briefing("unknown", approver=stranger)), **CARL),
            "release not approved", "does not trust")
    assert nia_vault("trust", "add", str(forge.pem("clerk", clerk)), "--name", "clerk@ws-b", "--role", "analyst",
                     **OLIVE).code == 0
    refused(nia_vault("bundle", "verify", str(forge.briefing("clerk", approver=clerk)), **CARL),
            "release not approved", "not as a security officer's")
    added = nia_vault("trust", "add", str(forge.pem("former", former)), "--name", "former@ws-b", "--role",
                      "officer", "--json", **OLIVE)
    assert added.code == 0, added.err
    assert nia_vault("trust", "revoke", added.json()["fingerprint"], **OLIVE).code == 0
    refused(nia_vault("bundle", "verify", str(forge.briefing("former", approver=former)), **CARL), "revoked")
    good = nia_vault("bundle", "verify", str(forge.briefing("good", approver=forge.olive)), "--json", **CARL)
    assert good.code == 0, good.err
    release = good.json()["release"]
    assert release["required"] and release["approved"] and release["approver_trusted_as"] == "olive"
    assert nia_vault("bundle", "receive", str(forge.briefing("good2", approver=forge.olive)), **CARL).code == 0


def test_without_a_vault_the_default_level_and_officers_named_on_the_command_line(nia_vault: Nia) -> None:
    forge = Forge(nia_vault)
    anna_pem, olive_pem = forge.pem("anna", forge.anna), forge.pem("olive", forge.olive)
    secret = forge.briefing("secret")
    refused(nia_vault("bundle", "verify", str(secret), "--trust", str(anna_pem)), "release not approved")
    for off in ("4", "off"):
        assert nia_vault("bundle", "verify", str(secret), "--trust", str(anna_pem), "--review-from", off).code == 0
    low = forge.briefing("low", Level.CONFIDENTIAL)
    assert nia_vault("bundle", "verify", str(low), "--trust", str(anna_pem)).code == 0
    refused(nia_vault("bundle", "verify", str(low), "--trust", str(anna_pem), "--review-from", "confidential"),
            "release not approved")
    refused(nia_vault("bundle", "verify", str(low), "--trust", str(anna_pem), "--review-from", "取扱注意"),
            "release not approved")
    approved = forge.briefing("approved", approver=forge.olive)
    refused(nia_vault("bundle", "verify", str(approved), "--trust", str(anna_pem)), "does not trust")
    refused(nia_vault("bundle", "verify", str(approved), "--trust", str(anna_pem), "--trust", str(olive_pem)),
            "not as a security officer's")
    ok = nia_vault("bundle", "verify", str(approved), "--trust", str(anna_pem), "--trust-officer", str(olive_pem))
    assert ok.code == 0 and "approved by olive" in ok.out, ok.err
    assert nia_vault("bundle", "verify", str(approved), "--trust", str(anna_pem), "--review-from", "9").code == 2
    assert nia_vault("bundle", "verify", str(approved), "--review-from", "2", **CARL).code == 2  # only with --trust
