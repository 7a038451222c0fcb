"""Need-to-know through the `nia` command, as officers and analysts use it: clearances, compartments, caveats from
headers and from the importer, re-marking, refusals (exit 1, audited), and markings that survive a transfer to
another workstation."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.conftest import Nia
from tests.e2e.test_transfer_cli import ANNA, CARL, DANA, DAVE, OLIVE, workstation_b

BEN = {"user": "ben", "passphrase": "ben-passphrase-1"}

REPORTS = {
    "sds.txt": "TOP SECRET//特定秘密//ORCON\nSubject: Harbour survey CANARYSDS\n\nKAWADA Ichiro met a handler.\n",
    "heron.txt": "SECRET\nSubject: Heron meeting CANARYHERON\n\nKAWADA Ichiro travelled to Busan.\n",
    "wnintel.txt": "SECRET//WNINTEL\nSubject: Source note CANARYWNINTEL\n\nKAWADA Ichiro was recruited.\n",
    "plain.txt": "CONFIDENTIAL\nSubject: Conference note\n\nKAWADA Ichiro spoke at a conference in Kyoto.\n",
    "ts.txt": "TOP SECRET\nSubject: Intercept CANARYTS\n\nKAWADA Ichiro called Vladivostok.\n",
}


def _vault(nia_vault: Nia) -> dict[str, int]:
    assert nia_vault("user", "add", "ben", "--role", "analyst", "--clearance", "secret",
                     new_passphrase="ben-passphrase-1", **OLIVE).code == 0
    assert nia_vault("compartment", "add", "OP-HERON", "--description", "Operation Heron", **OLIVE).code == 0
    media = nia_vault.tmp / "in"
    media.mkdir()
    for name, text in REPORTS.items():
        (media / name).write_text(text, encoding="utf-8")
    # The importer must know of a compartment to add it: Anna is read into OP-HERON for the import only.
    assert nia_vault("user", "grant", "anna", "OP-HERON", **OLIVE).code == 0
    ids = {}
    for name in REPORTS:
        extra = ["--caveat", "op-heron"] if name == "heron.txt" else []
        done = nia_vault("import", str(media / name), *extra, "--json", **ANNA)
        assert done.code == 0, done.err
        ids[name] = done.json()["imported"][0]["id"]
    assert nia_vault("user", "ungrant", "anna", "OP-HERON", **OLIVE).code == 0
    return ids


def test_each_analyst_sees_only_what_they_may_read(nia_vault: Nia) -> None:
    ids = _vault(nia_vault)
    listed = {r["id"]: r for r in nia_vault("reports", "--json", **ANNA).json()}
    # Anna is TOP SECRET without compartments: 特定秘密, OP-HERON and the unknown WNINTEL are closed to her.
    assert set(listed) == {ids["plain.txt"], ids["ts.txt"]}
    assert listed[ids["plain.txt"]]["caveats"] == []
    assert nia_vault("user", "grant", "anna", "op-heron", "--until", "2099-12-31", **OLIVE).code == 0
    assert nia_vault("user", "grant", "anna", "特定秘密", **OLIVE).code == 0
    listed = {r["id"]: r for r in nia_vault("reports", "--json", **ANNA).json()}
    assert set(listed) == {ids["sds.txt"], ids["heron.txt"], ids["plain.txt"], ids["ts.txt"]}
    assert listed[ids["sds.txt"]]["caveats"] == ["ORCON", "特定秘密"]
    assert listed[ids["heron.txt"]]["caveats"] == ["OP-HERON"]

    # Ben is SECRET: the TOP SECRET reports are absent from his list, search and fusion, and refused when opened.
    ben_list = nia_vault("reports", "--json", **BEN).json()
    assert {r["id"] for r in ben_list} == {ids["plain.txt"]}
    search = nia_vault("search", "KAWADA", "--json", **BEN)
    assert search.code == 0 and {h["id"] for h in search.json()} == {ids["plain.txt"]}
    for canary in ("CANARYSDS", "CANARYHERON", "CANARYWNINTEL", "CANARYTS"):
        assert canary not in search.out and canary not in nia_vault("reports", **BEN).out
        assert nia_vault("search", canary, "--json", **BEN).json() == []
    shown = nia_vault("report", "show", str(ids["ts.txt"]), **BEN)
    assert shown.code == 1 and "refused" in shown.err and "CANARYTS" not in shown.out + shown.err
    assert nia_vault("report", "original", str(ids["sds.txt"]), "--out", str(nia_vault.tmp / "x"), **BEN).code == 1
    assert not (nia_vault.tmp / "x").exists()

    log = nia_vault("audit", "log", "--json", "--limit", "1000", **OLIVE).json()
    refusals = [e for e in log if e["action"] == "report.need_to_know" and e["actor"] == "ben"]
    assert len(refusals) == 2 and all(e["outcome"] == "refused" for e in refusals)
    assert {"user.grant", "compartment.add"} <= {e["action"] for e in log}


def test_officers_manage_clearances_but_never_their_own(nia_vault: Nia) -> None:
    _vault(nia_vault)
    assert nia_vault("user", "grant", "olive", "OP-HERON", **OLIVE).code == 1
    assert nia_vault("user", "clear", "olive", "--level", "secret", **OLIVE).code == 1
    assert nia_vault("user", "grant", "anna", "NO-SUCH", **OLIVE).code == 1
    assert nia_vault("user", "grant", "anna", "OP-HERON", "--until", "2001-01-01", **OLIVE).code == 1
    assert nia_vault("user", "grant", "ben", "OP-HERON", **ANNA).code == 1  # analysts cannot grant
    assert nia_vault("compartment", "add", "OP-X", **ANNA).code == 1
    assert nia_vault("user", "clear", "ben", "--level", "極秘", **OLIVE).code == 0
    assert nia_vault("user", "grant", "ben", "OP-HERON", "--until", "2099-01-31", **OLIVE).code == 0
    shown = nia_vault("user", "clearances", "ben", "--json", **OLIVE).json()
    assert shown == [{"name": "ben", "role": "analyst", "clearance": "TOP SECRET", "compartments": [
        {"compartment": "OP-HERON", "until": "2099-01-31", "granted_by": "olive", "granted_at":
         shown[0]["compartments"][0]["granted_at"], "current": True}]}]
    assert nia_vault("user", "ungrant", "ben", "OP-HERON", **OLIVE).code == 0
    assert nia_vault("user", "ungrant", "ben", "OP-HERON", **OLIVE).code == 1
    listed = nia_vault("compartment", "list", "--json", **OLIVE).json()
    kinds = {c["name"]: c["kind"] for c in listed}
    assert kinds["WNINTEL"] == "unknown" and kinds["特定秘密"] == "compartment" and kinds["ORCON"] == "control"
    # Defining the unknown marking as a control opens it to everyone cleared to its level.
    assert {r["id"] for r in nia_vault("reports", "--json", **ANNA).json()} == {4, 5}
    assert nia_vault("compartment", "add", "wnintel", "--control", **OLIVE).code == 0
    assert 3 in {r["id"] for r in nia_vault("reports", "--json", **ANNA).json()}


def test_remarking_needs_a_reason_and_is_audited(nia_vault: Nia) -> None:
    ids = _vault(nia_vault)
    plain = str(ids["plain.txt"])
    assert nia_vault("report", "mark", plain, "--level", "secret", "--why", " ", **ANNA).code == 1
    # OP-HERON is a compartment Anna does not hold: she may not know of it, so it is named like a typo.
    unknown = nia_vault("report", "mark", plain, "--level", "secret", "--caveat", "OP-HERON", "--why", "x", **ANNA)
    assert unknown.code == 1 and "no caveat named 'OP-HERON'" in unknown.err
    marked = nia_vault("report", "mark", plain, "--level", "top secret", "--caveat", "特定秘密", "--why",
                       "names a designated source", "--json", **ANNA)
    assert marked.code == 0 and marked.json()["caveats"] == ["特定秘密"], marked.err
    assert marked.json()["classification"] == "TOP SECRET"
    # Anna marked it into a compartment she does not hold: it is gone from her list, and from Ben's.
    assert int(plain) not in {r["id"] for r in nia_vault("reports", "--json", **ANNA).json()}
    assert nia_vault("reports", "--json", **BEN).json() == []
    again = nia_vault("report", "mark", plain, "--level", "secret", "--why", "undo", **ANNA)
    assert again.code == 1 and "refused" in again.err
    log = nia_vault("audit", "log", "--json", "--limit", "1000", **OLIVE).json()
    entry = next(e for e in log if e["action"] == "report.mark")
    assert entry["details"]["from"] == "CONFIDENTIAL" and entry["details"]["to"] == "TOP SECRET//特定秘密"
    assert entry["details"]["why"] == "names a designated source"
    assert nia_vault("report", "mark", plain, "--level", "secret", "--why", "x", **OLIVE).code == 1  # officers: no


def test_an_unknown_caveat_on_import_is_refused_before_anything_is_written(nia_vault: Nia) -> None:
    media = nia_vault.tmp / "one.txt"
    media.write_text("SECRET\nSubject: one\n\nText.\n")
    refused = nia_vault("import", str(media), "--caveat", "OP-TYPO", **ANNA)
    assert refused.code == 1 and "OP-TYPO" in refused.err
    assert nia_vault("reports", "--json", **ANNA).json() == []
    done = nia_vault("import", str(media), "--caveat", "REL TO usa, gbr", "--json", **ANNA)
    assert done.code == 0
    assert nia_vault("reports", "--json", **ANNA).json()[0]["caveats"] == ["REL TO GBR, USA"]


def test_a_compartment_travels_with_its_report_to_another_workstation(nia_vault: Nia, tmp_path: Path) -> None:
    assert nia_vault("compartment", "add", "OP-HERON", **OLIVE).code == 0
    assert nia_vault("user", "grant", "anna", "OP-HERON", **OLIVE).code == 0
    media = nia_vault.tmp / "heron.txt"
    media.write_text("SECRET\nSubject: Heron CANARYTRAVEL\n\nKAWADA Ichiro.\n")
    report_id = nia_vault("import", str(media), "--caveat", "OP-HERON", "--json", **ANNA).json()["imported"][0]["id"]
    queued = nia_vault("bundle", "reports", str(report_id), "--queue", "--json", **ANNA)
    assert queued.code == 0, queued.err
    usb = nia_vault.tmp / "usb"
    usb.mkdir()
    bundle = Path(nia_vault("bundle", "write-out", queued.json()["uuid"], "--to", str(usb), "--volume", "USB",
                            "--json", **CARL).json()["path"])
    anna_pem, carl_pem = nia_vault.tmp / "anna.pem", nia_vault.tmp / "carl.pem"
    assert nia_vault("key", "export", "--out", str(anna_pem), **ANNA).code == 0
    assert nia_vault("key", "export", "--out", str(carl_pem), **CARL).code == 0
    there = workstation_b(tmp_path)
    assert there("trust", "add", str(anna_pem), "--name", "anna@a", "--role", "analyst", **OLIVE).code == 0
    assert there("trust", "add", str(carl_pem), "--name", "carl@a", "--role", "courier", **OLIVE).code == 0
    assert there("bundle", "receive", str(bundle), **DAVE).code == 0
    accepted = there("bundle", "accept", queued.json()["uuid"], "--json", **DANA)
    assert accepted.code == 0 and len(accepted.json()["imported"]) == 1, accepted.err
    # The header says only SECRET; the sender held it in OP-HERON, unknown here: closed until defined and granted.
    assert there("reports", "--json", **DANA).json() == []
    assert there("search", "CANARYTRAVEL", "--json", **DANA).json() == []
    assert there("compartment", "add", "OP-HERON", **OLIVE).code == 0
    assert there("user", "grant", "dana", "OP-HERON", **OLIVE).code == 0
    (row,) = there("reports", "--json", **DANA).json()
    assert row["caveats"] == ["OP-HERON"] and row["classification"] == "SECRET"
