"""`nia consumer`, `nia release-to` and `nia ledger` as users run them (issue 14): registration by officers,
the right product per consumer under the two-person rule, all-or-nothing refusals, a copy the consumer's stock
`age` tool opens, and the ledger's questions with their --json shapes and exit codes."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tests.e2e.conftest import Nia

ANNA = {"user": "anna", "passphrase": "anna-passphrase-1"}
OLIVE = {"user": "olive", "passphrase": "olive-passphrase-1"}
OTTO = {"user": "otto", "passphrase": "otto-passphrase-1"}
CARL = {"user": "carl", "passphrase": "carl-passphrase-1"}
REPORTS = {
    "ts.txt": "TOP SECRET\nSubject: Handler identified\n\nCANARYGLACIER: the handler of Viktor SOROKIN is an SVR "
              "officer under diplomatic cover.\n",
    "s.txt": "SECRET\nSubject: Pier visit\n\nViktor SOROKIN visited Northwind Logistics Ltd in Kobe.\n",
    "c.txt": "CONFIDENTIAL\nSubject: Dock note\n\nViktor SOROKIN of Northwind Logistics Ltd was seen in Osaka.\n",
}
CONSUMER_KEYS = {"name", "organisation", "recipient", "key_fingerprint", "max_level", "caveats", "added_by",
                 "added_at", "removed_at"}
PAGE_KEYS = {"question", "items", "limit", "offset", "more", "next_offset"}


def identity(tmp: Path, name: str) -> tuple[Path, str]:
    """An age identity made by the stock tool, as the consumer's workstation would export its recipient."""
    key = tmp / f"{name}.key"
    subprocess.run(["age-keygen", "-o", str(key)], check=True, capture_output=True)
    recipient = subprocess.run(["age-keygen", "-y", str(key)], check=True, capture_output=True, text=True)
    return key, recipient.stdout.strip()


def test_consumers_release_to_and_the_ledger(nia_vault: Nia) -> None:
    nia, tmp = nia_vault, nia_vault.tmp
    assert nia("user", "add", "otto", "--role", "officer", new_passphrase=OTTO["passphrase"], **OLIVE).code == 0
    media = tmp / "usb"
    media.mkdir()
    for name, text in REPORTS.items():
        (media / name).write_text(text, encoding="utf-8")
    ids = {Path(r["path"]).name: r["id"] for r in nia("import", str(media), "--json", **ANNA).json()["imported"]}
    assert nia("case", "create", "harbour", **ANNA).code == 0
    assert nia("case", "add", "harbour", *map(str, ids.values()), **ANNA).code == 0
    assert nia("assess", "harbour", "Northwind hosts the visits.", "--likelihood", "likely", "--confidence", "low",
               "--reports", str(ids["s.txt"]), str(ids["c.txt"]), **ANNA).code == 0

    # Registration: officers only; the recipient may come from a file; a signing key is kept with its fingerprint.
    _, kantei_recipient = identity(tmp, "kantei")
    mofa_key, mofa_recipient = identity(tmp, "mofa")
    (tmp / "mofa.recipient").write_text(mofa_recipient + "\n")
    pem = tmp / "mofa.pem"
    pem.write_bytes(Ed25519PrivateKey.generate().public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    added = nia("consumer", "add", "kantei", "--org", "Prime Minister's Office", "--recipient", kantei_recipient,
                "--max-level", "TOP SECRET", "--json", **OLIVE)
    assert added.code == 0, added.err
    assert set(added.json()) == CONSUMER_KEYS and added.json()["key_fingerprint"] is None
    mofa = nia("consumer", "add", "mofa", "--org", "Ministry of Foreign Affairs", "--recipient",
               str(tmp / "mofa.recipient"), "--key", str(pem), "--max-level", "秘", "--caveat", "orcon", "--json",
               **OLIVE)
    assert mofa.code == 0, mofa.err
    assert mofa.json()["max_level"] == "SECRET" and mofa.json()["caveats"] == ["ORCON"]
    assert len(mofa.json()["key_fingerprint"]) == 64 and mofa.json()["recipient"] == mofa_recipient
    shared = nia("consumer", "add", "press", "--org", "Press office", "--recipient", kantei_recipient,
                 "--max-level", "UNCLASSIFIED", **OLIVE)
    assert shared.code == 1 and "already registered" in shared.err  # a copy for press would open at kantei
    assert nia("consumer", "add", "press", "--org", "Press office", "--recipient", identity(tmp, "press")[1],
               "--max-level", "UNCLASSIFIED", **OLIVE).code == 0
    refused = nia("consumer", "add", "rogue", "--org", "x", "--recipient", kantei_recipient, "--max-level", "SECRET",
                  **ANNA)
    assert refused.code == 1 and refused.err.startswith("nia: ")
    unknown = nia("consumer", "add", "rogue", "--org", "x", "--recipient", kantei_recipient, "--max-level",
                  "SECRET", "--caveat", "NO-SUCH", **OLIVE)
    assert unknown.code == 1 and "no caveat named" in unknown.err
    assert nia("consumer", "add", "rogue", "--recipient", kantei_recipient, "--max-level", "SECRET",
               **OLIVE).code == 2  # --org missing: usage
    listed = nia("consumer", "list", "--json", **ANNA)
    assert [c["name"] for c in listed.json()] == ["kantei", "mofa", "press"]
    assert "Ministry of Foreign Affairs" in nia("consumer", "list", **ANNA).out

    # A consumer who may hold nothing of the case refuses the whole release: nothing written, nothing queued.
    out = tmp / "outgoing"
    out.mkdir()
    none = nia("release-to", "harbour", "--consumer", "kantei", "mofa", "press", "--out", str(out), **ANNA)
    assert none.code == 1 and "press" in none.err and "UNCLASSIFIED" in none.err, none.err
    assert list(out.iterdir()) == [] and nia("release", "list", "--json", **OTTO).json() == []
    assert nia("release-to", "harbour", "--consumer", "mofa", "--full", "--out", str(out), **ANNA).code == 1
    assert nia("release-to", "harbour", "--consumer", "kantei", **ANNA).code == 2  # --out or --queue

    # The two-person rule: one review per product, then the same command exports.
    first = nia("release-to", "harbour", "--consumer", "kantei", "--consumer", "mofa", "--out", str(out), "--json",
                **ANNA)
    assert first.code == 0, first.err
    assert [(r["consumer"], r["status"]) for r in first.json()["released"]] == [("kantei", "queued"),
                                                                               ("mofa", "queued")]
    assert "release review" in nia("release-to", "harbour", "--consumer", "kantei", "mofa", "--out", str(out),
                                   **ANNA).out
    for request in nia("release", "list", "--json", **OTTO).json():
        assert nia("release", "approve", str(request["id"]), **OTTO).code == 0
    done = nia("release-to", "harbour", "--consumer", "kantei", "mofa", "--out", str(out), "--json", **ANNA)
    assert done.code == 0, done.err
    by = {r["consumer"]: r for r in done.json()["released"]}
    assert set(done.json()) == {"case", "released"}
    assert {"consumer", "organisation", "status", "marking", "caveats", "classification", "tearline", "request",
            "uuid", "digest", "path", "custody"} <= set(by["mofa"])
    assert by["kantei"]["marking"].startswith("TOP SECRET") and by["kantei"]["tearline"] is None
    assert by["mofa"]["classification"] == "SECRET" and by["mofa"]["tearline"] == "SECRET"
    assert sorted(p.name for p in out.iterdir()) == sorted(Path(r["path"]).name for r in by.values())
    plain = tmp / "mofa-plain.nia"
    subprocess.run(["age", "-d", "-i", str(mofa_key), "-o", str(plain), by["mofa"]["path"]], check=True)
    with zipfile.ZipFile(plain) as bundle:
        names = bundle.namelist()
        assert "payload/briefing.json" in names
        assert b"CANARYGLACIER" not in bundle.read("payload/briefing.json")
    assert subprocess.run(["age", "-d", "-i", str(mofa_key), by["kantei"]["path"]], capture_output=True,
                          check=False).returncode != 0  # kantei's copy is not mofa's to open

    # The ledger.
    who = nia("ledger", "who-has", str(ids["s.txt"]), "--json", **ANNA)
    assert who.code == 0, who.err
    assert set(who.json()) == PAGE_KEYS and who.json()["more"] is False
    assert {(h["consumer"], h["product"]["digest"], h["organisation"]) for h in who.json()["items"]} == {
        ("kantei", by["kantei"]["digest"], "Prime Minister's Office"),
        ("mofa", by["mofa"]["digest"], "Ministry of Foreign Affairs")}
    assert {"bundle", "kind", "state", "custody", "released_at", "via", "product"} <= set(who.json()["items"][0])
    text = nia("ledger", "who-has", str(ids["s.txt"]), **ANNA).out
    assert "Ministry of Foreign Affairs" in text and by["mofa"]["digest"][:16] in text and "delivered" in text
    paged = nia("ledger", "who-has", str(ids["s.txt"]), "--limit", "1", "--json", **ANNA).json()
    assert paged["more"] is True and len(paged["items"]) == 1
    assert "--offset 1" in nia("ledger", "who-has", str(ids["s.txt"]), "--limit", "1", **ANNA).out
    only = nia("ledger", "who-has", str(ids["ts.txt"]), "--json", **OLIVE).json()["items"]
    assert [h["consumer"] for h in only] == ["kantei"]
    sent = nia("ledger", "sent", "mofa", "--json", **OLIVE).json()
    assert [(s["product"]["digest"], s["state"]) for s in sent["items"]] == [(by["mofa"]["digest"], "delivered")]
    assert nia("ledger", "sent", "nobody", **OLIVE).code == 1
    waiting = nia("ledger", "outstanding", "--json", **OLIVE).json()["items"]
    assert sorted(w["consumer"] for w in waiting) == ["kantei", "mofa"]
    assert nia("ledger", "outstanding", **CARL).code == 1  # couriers never read the ledger
    assert nia("ledger", "stale", "--json", **ANNA).json()["items"] == []
    assert nia("report", "mark", str(ids["c.txt"]), "--level", "SECRET", "--why", "originator", **ANNA).code == 0
    stale = nia("ledger", "stale", "--json", **ANNA).json()["items"]
    assert sorted((s["product"]["digest"], s["report"], s["reasons"][0]) for s in stale) == sorted(
        (by[c]["digest"], ids["c.txt"], "re-marked") for c in ("kantei", "mofa"))
    product = nia("ledger", "product", by["mofa"]["digest"][:12], "--json", **ANNA)
    assert product.code == 0, product.err
    assert product.json()["digest"] == by["mofa"]["digest"] and product.json()["tearline"] == "SECRET"
    assert sorted(d["report"] for d in product.json()["derives_from"]) == sorted([ids["s.txt"], ids["c.txt"]])
    assert [c["consumer"] for c in product.json()["copies"]] == ["mofa"]
    assert nia("ledger", "product", "0" * 64, **ANNA).code == 1

    # A removed consumer receives nothing more; the ledger still names it.
    assert nia("consumer", "remove", "mofa", **OLIVE).code == 0
    gone = nia("release-to", "harbour", "--consumer", "mofa", "--queue", **ANNA)
    assert gone.code == 1 and "removed" in gone.err
    assert [c["name"] for c in nia("consumer", "list", "--all", "--json", **ANNA).json()
            if c["removed_at"]] == ["mofa"]
    log = [e["action"] for e in nia("audit", "log", "--limit", "5000", "--json", **OLIVE).json()]
    assert {"consumer.add", "consumer.remove", "release.to", "ledger.query"} <= set(log)
