"""Malformed numbers from outside (issue #10, point 8): each refused with its field named, never a traceback.

SQLite integers are signed 64-bit: a sequence number of 2**63 used to pass the
manifest check and fail inside the receiving INSERT with OverflowError. Every
value here reaches the real CLI in a bundle signed by a key the vault trusts.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from nia_desktop.core.bundles import custody
from nia_desktop.core.bundles.manifest import MANIFEST, SIGNATURE
from nia_desktop.core.bundles.write import Signer, Source, write_bundle
from nia_desktop.core.canonical import canonical_json
from nia_desktop.core.signing import SigningContext, public_pem, sign
from nia_desktop.services.session import unlock
from tests.e2e.conftest import Nia, Result
from tests.helpers import bundle_entries, rebuild_bundle

ANNA = {"user": "anna", "passphrase": "anna-passphrase-1"}
CARL = {"user": "carl", "passphrase": "carl-passphrase-1"}
OLIVE = {"user": "olive", "passphrase": "olive-passphrase-1"}
BAD_NUMBERS: list[Any] = [2**63, 2**64, -1, 1.5, True, "7", 10**400]


def anna_key(nia: Nia) -> Ed25519PrivateKey:
    with unlock(nia.vault, "anna", "anna-passphrase-1") as session:
        return session.signing_key


def good_bundle(tmp: Path, key: Ed25519PrivateKey, kind: str = "reports",
                sources: list[Source] | None = None) -> dict[str, bytes]:
    out = tmp / f"good-{kind}.nia"
    if not out.exists():
        write_bundle(out, kind, sources or [Source("reports/1/original", data=b"a report\n"),
                                            Source("reports/1/meta.json", data=b'{"original_name": "a.txt"}')],
                     Signer("anna", key), 7, "2026-11-25T10:00:00.000000Z", {"seq": 3, "hash": "ab" * 32})
    return bundle_entries(out)


def resigned(entries: dict[str, bytes], key: Ed25519PrivateKey, manifest: bytes) -> dict[str, bytes]:
    return {**entries, MANIFEST: manifest, SIGNATURE: sign(key, SigningContext.BUNDLE_MANIFEST, manifest)}


def clean_refusal(result: Result, code: int, *words: str) -> None:
    assert result.code == code, (result.code, result.out, result.err)
    for word in words:
        assert word in result.err, (word, result.err)
    assert "Traceback" not in result.err + result.out and "internal error" not in result.err


def test_bad_sequence_numbers_are_refused_by_verify_and_receive(nia_vault: Nia, tmp_path: Path) -> None:
    key = anna_key(nia_vault)
    pem = tmp_path / "anna.pem"
    pem.write_bytes(public_pem(key.public_key()))
    good = good_bundle(tmp_path, key)
    for n, value in enumerate(BAD_NUMBERS):
        manifest = json.loads(good[MANIFEST])
        manifest["sequence"] = value
        path = rebuild_bundle(tmp_path / f"seq{n}.nia", resigned(good, key, canonical_json(manifest)))
        for result in (nia_vault("bundle", "verify", str(path), **CARL),
                       nia_vault("bundle", "verify", str(path), "--trust", str(pem)),
                       nia_vault("bundle", "receive", str(path), **CARL)):
            clean_refusal(result, 4, "the manifest is malformed", "sequence must be a whole number")
    json_refusal = nia_vault("bundle", "verify", str(tmp_path / "seq0.nia"), "--json", **CARL)
    assert json_refusal.code == 4 and "sequence" in json_refusal.json()["error"]
    assert nia_vault("bundle", "inbound", "--json", **CARL).json() == []  # nothing was queued


@pytest.mark.parametrize(("field", "value", "words"), [
    ("size", 2**63, "files[0].size must be a whole number"),
    ("size", 2**31, "files[0].size must be a whole number from 0 to 2147483647"),
    ("audit_seq", 2**64, "audit_head.seq must be a whole number"),
    ("audit_seq", 1.5, "audit_head.seq must be a whole number"),
])
def test_other_manifest_numbers_are_bounded(nia_vault: Nia, tmp_path: Path, field: str, value: Any,
                                            words: str) -> None:
    key = anna_key(nia_vault)
    good = good_bundle(tmp_path, key)
    manifest = json.loads(good[MANIFEST])
    if field == "size":
        manifest["files"][0]["size"] = value
    else:
        manifest["audit_head"]["seq"] = value
    path = rebuild_bundle(tmp_path / "bad.nia", resigned(good, key, canonical_json(manifest)))
    clean_refusal(nia_vault("bundle", "receive", str(path), **CARL), 4, words)


def test_json_the_parser_itself_cannot_take_is_refused(nia_vault: Nia, tmp_path: Path) -> None:
    """Python refuses integers of over 4300 digits with a bare ValueError, and deep nesting with RecursionError;
    neither may escape as an internal error."""
    key = anna_key(nia_vault)
    good = good_bundle(tmp_path, key)
    text = good[MANIFEST].decode()
    huge = text.replace('"sequence":7', '"sequence":' + "9" * 5000).encode()
    deep = text.replace('"sequence":7', '"sequence":' + "[" * 100_000 + "]" * 100_000).encode()
    infinite = text.replace('"sequence":7', '"sequence":1e400').encode()
    for n, manifest in enumerate((huge, deep, infinite)):
        path = rebuild_bundle(tmp_path / f"p{n}.nia", resigned(good, key, manifest))
        clean_refusal(nia_vault("bundle", "verify", str(path), **CARL), 4, "the manifest")


def test_bad_custody_hop_numbers_are_refused(nia_vault: Nia, tmp_path: Path) -> None:
    key = anna_key(nia_vault)
    good = good_bundle(tmp_path, key)
    uuid = json.loads(good[MANIFEST])["uuid"]
    hop, _ = custody.new_hop(key, "anna", "2026-11-25T11:00:00.000000Z", "USB", uuid, good[MANIFEST], None, 1)
    for n, number in enumerate(["1e400", "18446744073709551616", "true", '"1"', "1.0", "9" * 5000]):
        forged = hop.replace(b'"n":1', b'"n":' + number.encode())
        signed = {**good, **dict(zip(custody.entry_names(1),
                                     (forged, sign(key, SigningContext.CUSTODY_HOP, forged)), strict=True))}
        path = rebuild_bundle(tmp_path / f"hop{n}.nia", signed)
        clean_refusal(nia_vault("bundle", "verify", str(path), **CARL), 4, "custody hop 1 is malformed")


def test_bad_approval_numbers_are_refused(nia_vault: Nia, tmp_path: Path) -> None:
    key = anna_key(nia_vault)
    with unlock(nia_vault.vault, "olive", "olive-passphrase-1") as session:
        reviewer = session.signing_key
    for n, (request, words) in enumerate([(2**64, "request must be a whole number"),
                                          ("[" * 20_000, "not valid JSON")]):
        approval = canonical_json({"request": 1, "briefing_sha256": "0" * 64, "approver": "olive",
                                   "approver_fingerprint": "1" * 64})
        approval = approval.replace(b'"request":1', b'"request":' + str(request).encode())
        sources = [Source("briefing.json", data=b"{}"), Source("release/approval.json", data=approval),
                   Source("release/approval.sig", data=sign(reviewer, SigningContext.RELEASE_APPROVAL, approval))]
        out = tmp_path / f"briefing{n}.nia"
        write_bundle(out, "briefing", sources, Signer("anna", key), 7 + n, "2026-11-25T10:00:00.000000Z",
                     {"seq": 3, "hash": "ab" * 32})
        clean_refusal(nia_vault("bundle", "verify", str(out), **CARL), 4, "release approval is malformed", words)


def test_malformed_keys_bundle_is_refused(nia_vault: Nia, tmp_path: Path) -> None:
    with unlock(nia_vault.vault, "olive", "olive-passphrase-1") as session:
        officer = session.signing_key
    bodies = [[1, 2], {"users": [{"name": "x", "role": "analyst", "fingerprint": "f", "public_pem": 2**64}]},
              {"rotations": [{"user": "x"}]}, {"users": "everyone"}, {"trusted": [{"name": True}]}]
    for n, body in enumerate(bodies):
        out = tmp_path / f"keys{n}.nia"
        write_bundle(out, "keys", [Source("keys.json", data=json.dumps(body).encode())], Signer("olive", officer),
                     50 + n, "2026-11-25T10:00:00.000000Z", {"seq": 3, "hash": "ab" * 32})
        clean_refusal(nia_vault("trust", "import", str(out), **OLIVE), 4, "keys.json is malformed")


def test_received_meta_json_that_is_malformed_is_refused_on_accept(nia_vault: Nia, tmp_path: Path) -> None:
    key = anna_key(nia_vault)
    out = tmp_path / "meta.nia"
    write_bundle(out, "reports", [Source("reports/1/original", data=b"a report\n"),
                                  Source("reports/1/meta.json", data=b"[" * 100_000)],
                 Signer("anna", key), 9, "2026-11-25T10:00:00.000000Z", {"seq": 3, "hash": "ab" * 32})
    got = nia_vault("bundle", "receive", str(out), "--json", **CARL)
    assert got.code == 0, got.err
    clean_refusal(nia_vault("bundle", "accept", got.json()["uuid"], **ANNA), 4, "meta.json is not valid JSON")


def test_audit_anchor_with_bad_numbers_is_refused(nia_vault: Nia) -> None:
    anchor = nia_vault.vault / "audit-anchor.json"
    original = json.loads(anchor.read_text())
    for seq in (2**64, -1, True, 1.5):
        anchor.write_text(json.dumps({**original, "seq": seq}))
        clean_refusal(nia_vault("audit", "verify", **OLIVE), 5, "anchor file audit-anchor.json is damaged")
    anchor.write_text("[" * 100_000)
    clean_refusal(nia_vault("audit", "verify", **OLIVE), 5, "anchor file audit-anchor.json is damaged")


def test_audit_export_with_bad_numbers_is_refused(nia_vault: Nia, tmp_path: Path) -> None:
    export = tmp_path / "log.jsonl"
    assert nia_vault("audit", "export", "--out", str(export), **OLIVE).code == 0
    key = tmp_path / "audit.pem"
    assert nia_vault("audit", "key", "--out", str(key), **OLIVE).code == 0
    lines = export.read_bytes().splitlines()
    for n, bad in enumerate((b'"seq":1e400', b'"seq":18446744073709551616', b'"seq":true')):
        damaged = tmp_path / f"log{n}.jsonl"
        damaged.write_bytes(b"\n".join([lines[0], lines[1].replace(b'"seq":1', bad, 1), *lines[2:]]) + b"\n")
        clean_refusal(nia_vault("audit", "check-export", str(damaged), "--key", str(key)), 5, "malformed")


def test_report_ids_past_sqlite_range_are_a_usage_error(nia_vault: Nia, tmp_path: Path) -> None:
    result = nia_vault("bundle", "reports", str(2**63), "--out", str(tmp_path / "x.nia"), **ANNA)
    assert result.code == 2 and "REPORT_ID" in result.err and "Traceback" not in result.err


COMMANDS = (["report", "show", "{n}"], ["report", "original", "{n}"], ["reports", "--limit", "{n}"],
            ["search", "x", "--limit", "{n}"], ["case", "add", "harbour", "{n}"], ["entity", "show", "{n}"],
            ["release", "show", "{n}"], ["release", "approve", "{n}"], ["pir", "tag", "{n}", "1"],
            ["audit", "log", "--limit", "{n}"])


def test_every_number_typed_on_the_command_line_is_bounded(nia_vault: Nia) -> None:
    """Issue #10, point 8: any number a user types is refused cleanly (usage error), never an OverflowError."""
    problems = []
    for command in COMMANDS:
        for number in (str(2**63), str(2**64), "-1", "1.5", "9" * 5000):
            who = OLIVE if command[0] in ("release", "audit") else ANNA
            result = nia_vault(*[part.replace("{n}", number) for part in command], **who)
            if result.code != 2 or "Traceback" in result.err or "internal error" in result.err:
                problems.append(f"{command} {number[:20]}: exit {result.code} {result.err[-200:]}")
    assert problems == [], "\n".join(problems)
