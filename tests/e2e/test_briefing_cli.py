"""Briefings as users make and check them: `nia brief` under the two-person rule (`nia release`), the bundle's
PDF, HTML and STIX checked with outside tools, and age encryption that the stock `age` tool opens."""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

import pypdfium2 as pdfium
from stix2validator import ValidationOptions, validate_file

from tests import samples
from tests.e2e.conftest import Nia

ANNA = {"user": "anna", "passphrase": "anna-passphrase-1"}
OLIVE = {"user": "olive", "passphrase": "olive-passphrase-1"}
CARL = {"user": "carl", "passphrase": "carl-passphrase-1"}
OTTO = {"user": "otto", "passphrase": "otto-passphrase-1"}


def second_officer(nia: Nia) -> None:
    """The vault's second officer (the bootstrap of dual control: docs/security.md). Olive set anna's passphrase,
    so olive is never anna's second person; otto is."""
    added = nia("user", "add", "otto", "--role", "officer", new_passphrase=OTTO["passphrase"], **OLIVE)
    assert added.code == 0, added.err


def secret_case(nia: Nia) -> list[int]:
    """Two reports (English SECRET, Japanese 秘) in case "harbour", with a key judgement resting on both."""
    media = nia.tmp / "usb"
    media.mkdir()
    (media / "npa.txt").write_text(samples.EN_REPORT)
    (media / "ciro.txt").write_text(samples.JA_REPORT)
    ids = sorted(r["id"] for r in nia("import", str(media), "--json", **ANNA).json()["imported"])
    assert nia("case", "create", "harbour", **ANNA).code == 0
    assert nia("case", "add", "harbour", *map(str, ids), **ANNA).code == 0
    assessed = nia("assess", "harbour", "Russian intelligence is targeting quantum sensing research.",
                   "--likelihood", "likely", "--confidence", "moderate", "--reports", *map(str, ids), **ANNA)
    assert assessed.code == 0, assessed.err
    return ids


def test_two_person_rule_then_a_briefing_checked_by_outside_tools(nia_vault: Nia) -> None:
    ids = secret_case(nia_vault)
    out = nia_vault.tmp / "brief.nia"
    first = nia_vault("brief", "harbour", "--out", str(out), "--summary", "港湾と量子研究への接近。", "--json", **ANNA)
    assert first.code == 0, first.err
    assert first.json()["status"] == "queued" and first.json()["classification"] == "SECRET"
    request = first.json()["request"]
    assert not out.exists() and not list(nia_vault.tmp.glob(".brief.nia*"))  # nothing written
    assert nia_vault("brief", "harbour", "--out", str(out), "--summary", "港湾と量子研究への接近。", "--json",
                     **ANNA).json()["status"] == "pending"
    assert nia_vault("release", "approve", str(request), **ANNA).code == 1  # the author is not a reviewer
    puppet = nia_vault("release", "approve", str(request), **OLIVE)  # olive set anna's passphrase
    assert puppet.code == 1 and "olive set anna's passphrase" in puppet.err, puppet.err
    second_officer(nia_vault)
    listed = nia_vault("release", "list", "--json", **OTTO).json()
    assert [r["id"] for r in listed] == [request] and listed[0]["classification"] == "SECRET"
    shown = nia_vault("release", "show", str(request), "--json", **OTTO).json()
    assert sorted(s["report_id"] for s in shown["briefing"]["sources"]) == ids
    assert nia_vault("release", "approve", str(request), **OTTO).code == 0
    assert nia_vault("release", "approve", str(request), **OTTO).code == 1  # decided once
    done = nia_vault("brief", "harbour", "--out", str(out), "--summary", "港湾と量子研究への接近。", "--json", **ANNA)
    assert done.code == 0, done.err
    assert done.json()["status"] == "exported" and out.exists()
    again = nia_vault.tmp / "again.nia"  # one approval, one export
    assert nia_vault("brief", "harbour", "--out", str(again), "--summary", "港湾と量子研究への接近。", "--json",
                     **ANNA).json()["status"] == "queued"

    anna_pem, otto_pem = nia_vault.tmp / "anna.pem", nia_vault.tmp / "otto.pem"
    assert nia_vault("key", "export", "--out", str(anna_pem), **ANNA).code == 0
    assert nia_vault("key", "export", "--out", str(otto_pem), **OTTO).code == 0
    unapproved = nia_vault("bundle", "verify", str(out), "--trust", str(anna_pem), "--json")
    assert unapproved.code == 4 and "release not approved" in unapproved.err  # otto's key is not given
    verified = nia_vault("bundle", "verify", str(out), "--trust", str(anna_pem), "--trust-officer", str(otto_pem),
                         "--json")
    assert verified.code == 0 and verified.json()["kind"] == "briefing", verified.err
    unpacked = nia_vault.tmp / "unpacked"
    zipfile.ZipFile(out).extractall(unpacked)
    payload = unpacked / "payload"
    assert {p.name for p in payload.iterdir()} >= {"briefing.pdf", "briefing.html", "briefing.stix.json",
                                                   "briefing.json", "release"}
    # The officer's approval, checked with openssl under its own signing context.
    approval = payload / "release" / "approval.json"
    assert json.loads(approval.read_text())["approver"] == "otto"
    script = (f"cd {payload / 'release'} && printf 'NIA-RELEASE-APPROVAL-v1\\0' | cat - approval.json > signed && "
              f"openssl pkeyutl -verify -pubin -inkey {otto_pem} -rawin -in signed -sigfile approval.sig")
    checked = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=False)
    assert "Signature Verified Successfully" in checked.stdout, checked.stdout + checked.stderr
    # STIX 2.1, validated by the OASIS validator: no errors, no warnings.
    results = validate_file(str(payload / "briefing.stix.json"), ValidationOptions(version="2.1"))
    assert results.is_valid and not [w for o in results.object_results for w in o.warnings], results.as_dict()
    # The PDF: banner text at the top and bottom of every page, in the banner's colour.
    pdf = pdfium.PdfDocument(str(payload / "briefing.pdf"))
    for index in range(len(pdf)):
        page = pdf[index]
        text = page.get_textpage()
        width, height = page.get_size()
        top = text.get_text_bounded(0, height - 30, width, height)
        bottom = text.get_text_bounded(0, 0, width, 30)
        assert "SECRET / 秘" in top and "SECRET / 秘" in bottom, (index, top, bottom)
        image = page.render(scale=1).to_pil().convert("RGB")
        assert image.getpixel((5, 5)) == image.getpixel((5, image.height - 5)) == (183, 28, 28)
    assert "港湾と量子研究への接近" in pdf[0].get_textpage().get_text_range()
    html = (payload / "briefing.html").read_text()
    assert html.count("SECRET / 秘") >= 2 and "<script" not in html


def test_a_rejected_briefing_says_why(nia_vault: Nia) -> None:
    secret_case(nia_vault)
    out = nia_vault.tmp / "brief.nia"
    request = nia_vault("brief", "harbour", "--out", str(out), "--json", **ANNA).json()["request"]
    assert nia_vault("release", "reject", str(request), "--reason", "", **OLIVE).code == 1
    assert nia_vault("release", "reject", str(request), "--reason", "source 2 is not releasable", **OLIVE).code == 0
    refused = nia_vault("brief", "harbour", "--out", str(out), **ANNA)
    assert refused.code == 1 and "source 2 is not releasable" in refused.err and not out.exists()
    log = nia_vault("audit", "log", "--json", **OLIVE).json()
    assert [e["action"] for e in log if e["action"].startswith("release.")] == ["release.request", "release.reject"]


def test_encrypted_to_the_prime_ministers_office_and_opened_by_stock_age(nia_vault: Nia, tmp_path: Path) -> None:
    secret_case(nia_vault)
    alone = nia_vault("settings", "set", "release_review_from", "4", **OLIVE)
    assert alone.code == 1 and "two security officers" in alone.err  # one officer never turns the rule off
    second_officer(nia_vault)
    witnessed = nia_vault("settings", "set", "release_review_from", "4", "--witness", "otto",
                          env={"NIA_WITNESS_PASSPHRASE": OTTO["passphrase"]}, **OLIVE)
    assert witnessed.code == 0, witnessed.err  # two-person rule off, under dual control
    key = nia_vault.tmp / "pmo.key"
    subprocess.run(["age-keygen", "-o", str(key)], capture_output=True, check=True)
    recipient = subprocess.run(["age-keygen", "-y", str(key)], capture_output=True, text=True,
                               check=True).stdout.strip()
    out = nia_vault.tmp / "pmo.nia"
    made = nia_vault("brief", "harbour", "--out", str(out), "--recipient", recipient, "--json", **ANNA)
    assert made.code == 0 and made.json()["status"] == "exported", made.err
    assert out.read_bytes().startswith(b"age-encryption.org/v1\n")
    assert b"briefing" not in out.read_bytes()
    anna_pem = nia_vault.tmp / "anna.pem"
    assert nia_vault("key", "export", "--out", str(anna_pem), **ANNA).code == 0
    plain = nia_vault.tmp / "plain.nia"
    subprocess.run(["age", "-d", "-i", str(key), "-o", str(plain), str(out)], check=True)
    check = nia_vault.tmp / "check"
    check.mkdir()
    script = f"""set -e
cd {check} && unzip -q {plain}
printf 'NIA-BUNDLE-MANIFEST-v1\\0' | cat - manifest.json > manifest.signed
openssl pkeyutl -verify -pubin -inkey {anna_pem} -rawin -in manifest.signed -sigfile manifest.sig
sha256sum -c SHA256SUMS
test "$(jq -r '.recipients[0]' manifest.json)" = "{recipient}"
"""
    checked = subprocess.run(["bash", "-c", script], capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    opened = nia_vault("bundle", "verify", str(out), "--trust", str(anna_pem), "--identity", str(key),
                       "--review-from", "off", "--json")
    assert opened.code == 0 and opened.json()["kind"] == "briefing", opened.err
    assert nia_vault("bundle", "verify", str(out), "--trust", str(anna_pem), "--identity", str(key)).code == 4
    assert nia_vault("bundle", "verify", str(out), "--trust", str(anna_pem)).code == 4  # no identity given
    # Truncated in transit: refused, and no plaintext left anywhere in the working folder.
    cut = nia_vault.tmp / "cut.nia"
    cut.write_bytes(out.read_bytes()[:-300])
    before = set(nia_vault.tmp.rglob("*"))
    refused = nia_vault("bundle", "verify", str(cut), "--trust", str(anna_pem), "--identity", str(key))
    assert refused.code == 4 and "damaged or truncated" in refused.err
    assert set(nia_vault.tmp.rglob("*")) == before

    # Another workstation: a bundle addressed to the PMO is not for it; one addressed to it is received.
    there = Nia(tmp_path / "vault-b", tmp_path)
    assert there("init", "--officer", "olive", "--kdf-memory", "19", "--kdf-time", "2",
                 passphrase="olive-passphrase-1").code == 0
    assert there("user", "add", "carl", "--role", "courier", new_passphrase="carl-passphrase-1", **OLIVE).code == 0
    assert there("trust", "add", str(anna_pem), "--name", "anna@ws-a", **OLIVE).code == 0
    second_officer(there)  # this workstation receives unapproved briefings only once two officers say so
    assert there("settings", "set", "release_review_from", "4", "--witness", "otto",
                 env={"NIA_WITNESS_PASSPHRASE": OTTO["passphrase"]}, **OLIVE).code == 0
    elsewhere = there("bundle", "receive", str(out), **CARL)
    assert elsewhere.code == 4 and "another workstation" in elsewhere.err
    b_recipient = there("key", "recipient", **CARL).out.strip()
    assert b_recipient.startswith("age1")
    to_b = nia_vault.tmp / "to-b.nia"
    assert nia_vault("brief", "harbour", "--out", str(to_b), "--recipient", b_recipient, **ANNA).code == 0
    got = there("bundle", "receive", str(to_b), "--json", **CARL)
    assert got.code == 0 and got.json()["kind"] == "briefing", got.err
    # Decrypted by the PMO and passed on in the clear: still addressed to the PMO, refused here.
    forwarded = there("bundle", "receive", str(plain), **CARL)
    assert forwarded.code == 4 and "another workstation" in forwarded.err


def test_a_tearline_version_from_the_command_line(nia_vault: Nia) -> None:
    """`nia brief CASE --max-level LEVEL [--without CAVEAT]... --tearline-summary TEXT`: only what the line allows,
    its own summary, the banner and the line stated in the JSON; a product of its own (no review below SECRET)."""
    secret_case(nia_vault)
    dock = nia_vault.tmp / "dock"
    dock.mkdir()
    (dock / "dock.txt").write_text("CONFIDENTIAL\n\nSubject: Dock note\n\nA Russian Embassy attaché was seen at "
                                   "Kanmon Gateway Terminals in Kitakyushu.\n")
    (added,) = nia_vault("import", str(dock), "--case", "harbour", "--json", **ANNA).json()["imported"]
    out = nia_vault.tmp / "tearline.nia"
    bare = nia_vault("brief", "harbour", "--out", str(out), "--max-level", "取扱注意", **ANNA)
    assert bare.code == 1 and "--tearline-summary" in bare.err and not out.exists()
    unknown = nia_vault("brief", "harbour", "--out", str(out), "--without", "NO-SUCH", "--tearline-summary", "x",
                        **ANNA)
    assert unknown.code == 1 and "no caveat named" in unknown.err
    made = nia_vault("brief", "harbour", "--out", str(out), "--max-level", "confidential", "--without", "REL",
                     "--summary", "FULL SUMMARY NOT BELOW", "--tearline-summary", "An attaché at the terminals.",
                     "--json", **ANNA)
    assert made.code == 0, made.err
    result = made.json()
    assert result["status"] == "exported" and result["marking"] == "CONFIDENTIAL / 取扱注意"
    assert result["tearline"] == {"max_level": "CONFIDENTIAL", "without": ["REL"]}
    with zipfile.ZipFile(out) as bundle:
        briefing = json.loads(bundle.read("payload/briefing.json"))
        stix = bundle.read("payload/briefing.stix.json").decode("utf-8")
    assert [s["report_id"] for s in briefing["sources"]] == [added["id"]] and briefing["judgements"] == []
    assert briefing["tearline"] == "CONFIDENTIAL" and briefing["tearline_summary"] == "An attaché at the terminals."
    everything = json.dumps(briefing, ensure_ascii=False) + stix
    for above in ("FULL SUMMARY NOT BELOW", "Embassy officer meets", "量子センシング", "quantum sensing research"):
        assert above not in everything, above
