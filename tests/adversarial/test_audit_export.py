"""An exported audit log is accepted only as written: exactly the entries its signed head covers.

The entry hash is a plain SHA-256 anyone can extend, so the sweep below inserts well-formed, correctly
chained entries everywhere, and deletes, duplicates, swaps and flips every line. Only the untouched export
passes. The service is swept (fast); the CLI is run on a few variants for its exit code 5.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from nia_desktop.core import audit as chain
from nia_desktop.core.canonical import canonical_json
from nia_desktop.core.store import audit_log
from nia_desktop.services import auditing
from nia_desktop.services.session import Session
from tests.e2e.conftest import Nia

OLIVE = {"user": "olive", "passphrase": "olive-passphrase-1"}


def entry_line(entry: chain.AuditEntry) -> bytes:
    return canonical_json({"type": "entry", **chain.entry_to_json(entry)})


@pytest.fixture
def exported(officer: Session, tmp_path: Path) -> tuple[list[bytes], Ed25519PublicKey]:
    """An export of 25 entries, as lines, and the audit key the officer holds."""
    while audit_log.count(officer.db) < 24:
        officer.audit("test.padding", "harbour")
    out = tmp_path / "audit.jsonl"
    auditing.export(officer, out)
    lines = out.read_bytes().split(b"\n")
    assert lines[-1] == b"" and len(lines) - 1 == 27  # header, 25 entries, signed head
    return lines[:-1], auditing.audit_public_key(officer)


def check(tmp_path: Path, lines: list[bytes], key: Ed25519PublicKey, tail: bytes = b"\n") -> chain.ChainReport:
    path = tmp_path / "variant.jsonl"
    path.write_bytes(b"\n".join(lines) + tail)
    return auditing.check_export(path, key)


def extension_after(last: dict[str, object], **change: object) -> bytes:
    """A well-formed entry that links correctly from ``last``: what anyone can compute without any key."""
    fields = {"ts": "2026-12-07T03:00:00.000000Z", "actor": "olive", "role": "officer", "action": "user.add",
              "object": "mole", "outcome": "ok", "details": {}, **change}
    return entry_line(chain.make_entry(str(last["hash"]), seq=int(last["seq"]) + 1, **fields))  # type: ignore[call-overload]


def variants(lines: list[bytes]) -> Iterator[tuple[str, list[bytes], bytes]]:
    """(what was done, the lines, what ends the file)."""
    n = len(lines)
    entries = [json.loads(line) for line in lines[1:-1]]
    tail_extension = extension_after(entries[-1])
    for at in range(n + 1):
        yield f"tail extension inserted at line {at + 1}", [*lines[:at], tail_extension, *lines[at:]], b"\n"
        if 1 <= at <= n - 1:  # an entry that links from the one just before it, in the middle
            before = entries[at - 2] if at >= 2 else None
            forged = (extension_after(before) if before is not None else
                      entry_line(chain.make_entry(entries[0]["prev_hash"], seq=1, ts="2026-01-01T00:00:00.000000Z",
                                                  actor="olive", role="officer", action="init", object="x",
                                                  outcome="ok", details={})))
            yield f"linked entry inserted at line {at + 1}", [*lines[:at], forged, *lines[at:]], b"\n"
        yield f"blank line inserted at line {at + 1}", [*lines[:at], b"", *lines[at:]], b"\n"
    for at in range(n):
        yield f"line {at + 1} deleted", lines[:at] + lines[at + 1:], b"\n"
        yield f"line {at + 1} duplicated", [*lines[:at + 1], lines[at], *lines[at + 1:]], b"\n"
        if at + 1 < n:
            swapped = [*lines[:at], lines[at + 1], lines[at], *lines[at + 2:]]
            yield f"lines {at + 1} and {at + 2} swapped", swapped, b"\n"
        respaced = json.dumps(json.loads(lines[at])).encode()
        yield f"line {at + 1} re-spaced", [*lines[:at], respaced, *lines[at + 1:]], b"\n"
        yield f"line {at + 1} with CR", [*lines[:at], lines[at] + b"\r", *lines[at + 1:]], b"\n"
        line = lines[at]
        for i in range(len(line)):  # every byte of every line
            flipped = line[:i] + bytes([line[i] ^ 0x01]) + line[i + 1:]
            yield f"line {at + 1} byte {i} flipped", [*lines[:at], flipped, *lines[at + 1:]], b"\n"
    yield "trailing garbage", lines, b"\ngarbage\n"
    yield "trailing blank line", lines, b"\n\n"
    yield "no final newline", lines, b""
    yield "cut inside the signed head", [*lines[:-1], lines[-1][:40]], b"\n"
    yield "the signed head alone removed, entries end the file", lines[:-1], b"\n"


def test_untouched_export_is_accepted(exported: tuple[list[bytes], Ed25519PublicKey], tmp_path: Path) -> None:
    lines, key = exported
    report = check(tmp_path, lines, key)
    assert report.ok and report.entries == 25 and "chain intact" in report.reason, report


def test_entry_appended_before_the_signed_head_is_refused(exported: tuple[list[bytes], Ed25519PublicKey],
                                                          tmp_path: Path) -> None:
    """The reported hole: a correctly chained 26th entry placed before the head that vouches for 25."""
    lines, key = exported
    forged = extension_after(json.loads(lines[-2]))
    report = check(tmp_path, [*lines[:-1], forged, lines[-1]], key)
    assert not report.ok
    assert report.reason.startswith("line 28 ") and "covers entries 1 to 25 but the file holds 26" in report.reason
    assert "line 27 to 27" in report.reason or "lines 27 to 27" in report.reason


def test_every_variant_is_refused(exported: tuple[list[bytes], Ed25519PublicKey], tmp_path: Path) -> None:
    lines, key = exported
    accepted, tried = [], 0
    for what, changed, tail in variants(lines):
        if changed == lines and tail == b"\n":
            continue  # a no-op (e.g. a byte flipped twice): not a variant
        tried += 1
        report = check(tmp_path, changed, key, tail)
        if report.ok:
            accepted.append(what)
        else:
            assert report.reason.startswith("line "), (what, report.reason)
    assert tried > 8000 and not accepted, accepted[:10]


def test_refusals_name_the_line(exported: tuple[list[bytes], Ed25519PublicKey], tmp_path: Path) -> None:
    lines, key = exported
    header = json.loads(lines[0])
    header["exported_by"] = "mallory"
    assert check(tmp_path, [canonical_json(header), *lines[1:]], key).reason.startswith("line 1 ")
    entry = json.loads(lines[5])
    entry["object"] = "someone-else"
    report = check(tmp_path, [*lines[:5], canonical_json(entry), *lines[6:]], key)
    assert report.reason.startswith("line 6 ") and report.first_bad == 5 and "modified" in report.reason
    assert check(tmp_path, [*lines, lines[-1]], key).reason.startswith("line 27 ")  # head duplicated
    assert check(tmp_path, lines, key, b"\n\n").reason.startswith("line 28 ")


def test_export_for_another_key_is_refused(exported: tuple[list[bytes], Ed25519PublicKey], tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    lines, _ = exported
    report = check(tmp_path, lines, Ed25519PrivateKey.generate().public_key())
    assert not report.ok and report.reason.startswith("line 1 ") and "audit key other than" in report.reason


def test_cli_exits_5_naming_the_line(nia_vault: Nia, tmp_path: Path) -> None:
    export, key = tmp_path / "log.jsonl", tmp_path / "audit.pem"
    assert nia_vault("audit", "export", "--out", str(export), **OLIVE).code == 0
    assert nia_vault("audit", "key", "--out", str(key), **OLIVE).code == 0
    lines = export.read_bytes().split(b"\n")[:-1]
    assert nia_vault("audit", "check-export", str(export), "--key", str(key)).code == 0
    last = len(lines)
    cases = {
        "extension": ([*lines[:-1], extension_after(json.loads(lines[-2])), lines[-1]], f"line {last + 1} "),
        "deleted": ([*lines[:3], *lines[4:]], "line 4 "),
        "swapped": ([*lines[:2], lines[3], lines[2], *lines[4:]], "line 3 "),
        "trailing": ([*lines, b"{}"], f"line {last + 1} "),
    }
    for name, (changed, where) in cases.items():
        bad = tmp_path / f"{name}.jsonl"
        bad.write_bytes(b"\n".join(changed) + b"\n")
        result = nia_vault("audit", "check-export", str(bad), "--key", str(key))
        assert result.code == 5 and where in result.err and "Traceback" not in result.err, (name, result.err)
        shown = nia_vault("audit", "check-export", str(bad), "--key", str(key), "--json")
        assert shown.code == 5 and shown.json()["ok"] is False and shown.json()["reason"].startswith(where)


def test_version_1_export_still_checks_and_says_its_header_is_unsigned(officer: Session, tmp_path: Path) -> None:
    """Exports written before format 2 (head signed without the header's digest) are still read, strictly."""
    from nia_desktop.core.signing import SigningContext
    from nia_desktop.core.store import workstation_keys

    out = tmp_path / "audit.jsonl"
    auditing.export(officer, out)
    lines = out.read_bytes().split(b"\n")[:-1]
    header = {**json.loads(lines[0]), "version": 1}
    last = json.loads(lines[-2])
    head = chain.sign_head(workstation_keys.audit_key(officer.db), SigningContext.AUDIT_EXPORT,
                           officer.vault.meta.vault_id, last["seq"], last["hash"], "2026-12-07T03:00:00.000000Z")
    v1 = [canonical_json(header), *lines[1:-1], canonical_json({"type": "signed_head", **head.to_json()})]
    key = auditing.audit_public_key(officer)
    report = check(tmp_path, v1, key)
    assert report.ok and "version 1 export" in report.reason, report.reason
    assert not check(tmp_path, [*v1[:-1], extension_after(last), v1[-1]], key).ok
    v2_head = json.loads(lines[-1])
    assert not check(tmp_path, [*v1[:-1], canonical_json(v2_head)], key).ok  # a v2 head under a v1 header
