"""Dissemination end to end with three vaults, as their users work (issue 14): the NIA releases a case to a
ministry and to the Prime Minister's Office, each gets the product it may hold, receipts come back, a recall
goes out and is acknowledged, and the ledger answers who holds what. A consumer cleared below everything in
the case is refused, and nothing is written for anyone."""

from __future__ import annotations

from pathlib import Path

from nia_desktop.core.bundles.sealed import new_identity
from tests.e2e.conftest import Nia

ANNA = {"user": "anna", "passphrase": "anna-passphrase-1"}
OLIVE = {"user": "olive", "passphrase": "olive-passphrase-1"}
OTTO = {"user": "otto", "passphrase": "otto-passphrase-1"}
CARL = {"user": "carl", "passphrase": "carl-passphrase-1"}
DAVE = {"user": "dave", "passphrase": "dave-passphrase-1"}

TOP_SECRET = """TOP SECRET

CABINET INTELLIGENCE AND RESEARCH OFFICE
Date of issue  : 2 April 2026
Classification : TOP SECRET
Grading        : A1
Subject        : Handler of the Kanmon contact identified

The handler of the Kanmon Gateway contact is an officer of the SVR under diplomatic cover, codename GLACIER.
"""
SECRET = """SECRET

NATIONAL POLICE AGENCY (NPA)
Date of issue  : 5 March 2026
Classification : SECRET
Grading        : B2
Subject        : Embassy officer meets port logistics staff

A cultural attaché of the Russian Embassy met staff of Kanmon Gateway Terminals in Kitakyushu.
"""
CONFIDENTIAL = """【取扱注意】

発出部署　外務省 国際情報統括官組織
報告日　　令和8年3月9日
区分　　　取扱注意
表題　　　港湾物流企業への接触

在京ロシア大使館の文化担当官が関門ゲートウェイ・ターミナルズの社員と会食した。
"""


def workstation(tmp: Path, name: str, users: tuple[tuple[str, str], ...]) -> Nia:
    vault = Nia(tmp / name, tmp)
    assert vault("init", "--officer", "olive", "--kdf-memory", "19", "--kdf-time", "2",
                 passphrase=OLIVE["passphrase"]).code == 0
    for user, role in users:
        added = vault("user", "add", user, "--role", role, new_passphrase=f"{user}-passphrase-1", **OLIVE)
        assert added.code == 0, added.err
    return vault


def key_of(vault: Nia, who: dict[str, str], name: str) -> Path:
    pem = vault.tmp / f"{name}.pem"
    assert vault("key", "export", "--out", str(pem), **who).code == 0
    return pem


def test_release_receipts_recall_and_who_has_across_three_vaults(tmp_path: Path) -> None:
    nia = workstation(tmp_path, "nia", (("anna", "analyst"), ("carl", "courier"), ("otto", "officer")))
    ministry = workstation(tmp_path, "mofa", (("dave", "courier"),))
    kantei = workstation(tmp_path, "kantei", (("dave", "courier"),))

    media = tmp_path / "usb"
    media.mkdir()
    for name, text in (("ciro-ts.txt", TOP_SECRET), ("npa-s.txt", SECRET), ("mofa-c.txt", CONFIDENTIAL)):
        (media / name).write_text(text, encoding="utf-8")
    imported = nia("import", str(media), "--json", **ANNA)
    assert imported.code == 0, imported.err
    ids = {Path(r["path"]).name: r["id"] for r in imported.json()["imported"]}
    assert nia("case", "create", "kanmon", **ANNA).code == 0
    assert nia("case", "add", "kanmon", *map(str, ids.values()), **ANNA).code == 0

    # Each consumer workstation's age recipient and receipt-signing key go into the NIA's registry.
    for vault, name, org, level in ((ministry, "mofa", "Ministry of Foreign Affairs", "SECRET"),
                                    (kantei, "kantei", "Prime Minister's Office", "TOP SECRET")):
        recipient = vault("key", "recipient", "--json", **DAVE).json()["recipient"]
        added = nia("consumer", "add", name, "--org", org, "--recipient", recipient,
                    "--key", str(key_of(vault, DAVE, f"dave-{name}")), "--max-level", level, "--json", **OLIVE)
        assert added.code == 0, added.err
    press = nia("consumer", "add", "press", "--org", "Press office", "--recipient", new_identity()[1],
                "--max-level", "UNCLASSIFIED", **OLIVE)
    assert press.code == 0, press.err
    listed = {c["name"]: c for c in nia("consumer", "list", "--json", **ANNA).json()}
    assert listed["mofa"]["max_level"] == "SECRET" and listed["kantei"]["max_level"] == "TOP SECRET"
    assert nia("consumer", "add", "rogue", "--org", "x", "--recipient", "age1x", "--max-level", "SECRET",
               **ANNA).code == 1  # officers manage consumers

    out = tmp_path / "outgoing"
    out.mkdir()
    refused = nia("release-to", "kanmon", "--consumer", "mofa", "kantei", "press", "--out", str(out), **ANNA)
    assert refused.code == 1 and "press" in refused.err, refused.err  # nothing in the case is UNCLASSIFIED
    assert not list(out.iterdir())
    assert nia("release", "list", "--json", **OTTO).json() == []  # not even a review was queued

    first = nia("release-to", "kanmon", "--consumer", "mofa", "--consumer", "kantei", "--out", str(out), "--json",
                **ANNA)
    assert first.code == 0, first.err
    assert not list(out.iterdir())  # SECRET and above: each product waits for its release review
    for request in nia("release", "list", "--json", **OTTO).json():
        assert nia("release", "approve", str(request["id"]), **OTTO).code == 0
    released = nia("release-to", "kanmon", "--consumer", "mofa", "--consumer", "kantei", "--out", str(out), "--json",
                   **ANNA)
    assert released.code == 0, released.err
    bundles = sorted(out.iterdir())
    assert len(bundles) == 2
    by_consumer = {r["consumer"]: r for r in released.json()["released"]}
    assert by_consumer["kantei"]["marking"].startswith("TOP SECRET")
    assert by_consumer["mofa"]["marking"].startswith("SECRET") and by_consumer["mofa"]["tearline"]
    full, tearline = by_consumer["kantei"]["digest"], by_consumer["mofa"]["digest"]
    assert full != tearline

    # Each workstation trusts the NIA analyst (signer) and officer (release approval), then receives its copy.
    anna_pem, otto_pem = key_of(nia, ANNA, "anna"), key_of(nia, OTTO, "otto")
    holdings = {}
    for vault, name in ((ministry, "mofa"), (kantei, "kantei")):
        assert vault("trust", "add", str(anna_pem), "--name", "anna@nia", "--role", "analyst", **OLIVE).code == 0
        assert vault("trust", "add", str(otto_pem), "--name", "otto@nia", "--role", "officer", **OLIVE).code == 0
        mine = Path(by_consumer[name]["path"])
        other = Path(by_consumer["kantei" if name == "mofa" else "mofa"]["path"])
        assert vault("bundle", "receive", str(other), **DAVE).code == 4  # encrypted to the other workstation
        received = vault("bundle", "receive", str(mine), "--json", **DAVE)
        assert received.code == 0, received.err
        holdings[name] = received.json()["uuid"]
    ministry_text = ministry("bundle", "verify", str(by_consumer["mofa"]["path"]), "--json", **DAVE)
    assert ministry_text.code == 0
    assert "GLACIER" not in (out / Path(by_consumer["mofa"]["path"]).name).read_bytes().decode("latin-1")

    who = nia("ledger", "who-has", str(ids["npa-s.txt"]), "--json", **ANNA)
    assert who.code == 0, who.err
    holders = {(h["consumer"], h["product"]["digest"]) for h in who.json()["items"]}
    assert holders == {("mofa", tearline), ("kantei", full)}
    only_full = nia("ledger", "who-has", str(ids["ciro-ts.txt"]), "--json", **ANNA).json()["items"]
    assert {h["consumer"] for h in only_full} == {"kantei"}
    assert {h["consumer"] for h in nia("ledger", "outstanding", "--json", **OLIVE).json()["items"]} == \
        {"mofa", "kantei"}

    # Receipts back: signed by each consumer's courier, received by the NIA's courier.
    for vault, name in ((ministry, "mofa"), (kantei, "kantei")):
        receipt = tmp_path / f"receipt-{name}.nia"
        signed = vault("bundle", "receipt", holdings[name], "--out", str(receipt), **DAVE)
        assert signed.code == 0, signed.err
        back = nia("bundle", "receive", str(receipt), **CARL)
        assert back.code == 0, back.err
    assert nia("ledger", "outstanding", "--json", **OLIVE).json()["items"] == []
    sent = nia("ledger", "sent", "kantei", "--json", **OLIVE).json()["items"]
    assert [(s["product"]["digest"], s["state"]) for s in sent] == [(full, "acknowledged")]

    # A recall of the full product reaches the only workstation holding it; its receipt closes it.
    notice_file = tmp_path / "recall.nia"
    recalled = nia("notice", "recall", full, "--why", "GLACIER identification withdrawn by CIRO",
                   "--out", str(notice_file), "--json", **ANNA)
    assert recalled.code == 0, recalled.err
    pending = nia("ledger", "outstanding", "--json", **OLIVE).json()["items"]
    assert [(p["consumer"], p["kind"]) for p in pending] == [("kantei", "notice")]
    written = sorted(tmp_path.glob("recall*.nia"))
    assert len(written) == 1
    taken = kantei("bundle", "receive", str(written[0]), "--json", **DAVE)
    assert taken.code == 0, taken.err
    shown = kantei("notice", "list", "--json", **DAVE)
    assert shown.code == 0, shown.err
    held = {h["digest"]: h["status"] for h in shown.json()["held"]}
    assert held[full] == "withdrawn"
    kantei_log = [e["action"] for e in kantei("audit", "log", "--json", **OLIVE).json()]
    assert "notice.receive" in kantei_log
    notice_receipt = tmp_path / "receipt-recall.nia"
    assert kantei("bundle", "receipt", taken.json()["uuid"], "--out", str(notice_receipt), **DAVE).code == 0
    assert nia("bundle", "receive", str(notice_receipt), **CARL).code == 0
    assert nia("ledger", "outstanding", "--json", **OLIVE).json()["items"] == []

    nia_log = [e["action"] for e in nia("audit", "log", "--limit", "1000", "--json", **OLIVE).json()]
    assert {"consumer.add", "release.to", "notice.issue", "ledger.query"} <= set(nia_log)
