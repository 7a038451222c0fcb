"""`nia fuse --json` and `nia case` on imported files, as a user runs them."""

from __future__ import annotations

from tests import samples
from tests.e2e.conftest import Nia

ANNA = {"user": "anna", "passphrase": "anna-passphrase-1"}


def test_fuse_json_on_imported_files(nia_vault: Nia) -> None:
    media = nia_vault.tmp / "usb"
    media.mkdir()
    (media / "en.txt").write_text("Subject: Meeting\n\nNAGASE Ren (永瀬蓮) met an officer in Roppongi. "
                                  "Call 090-7342-1186 or mail ren.n@post.example.org.\n")
    (media / "ja.txt").write_bytes("件名：面会\n\n永瀬蓮は六本木で接触した。連絡先は０９０－７３４２－１１８６。\n"
                                   .encode("cp932"))
    (media / "resend.txt").write_text("Subject: Fwd Meeting\n\nNAGASE Ren (永瀬蓮) met an officer in Roppongi. "
                                      "Call 090-7342-1186 or mail ren.n@post.example.org.\n")
    (media / "other.eml").write_bytes(samples.eml_file(True))
    imported = nia_vault("import", str(media), "--json", **ANNA).json()["imported"]
    ids = {r["path"].rsplit("/", 1)[-1]: r["id"] for r in imported}
    result = nia_vault("fuse", "--json", **ANNA)
    assert result.code == 0, result.err
    fused = result.json()
    assert set(fused) >= {"entities", "duplicates", "links"}
    by_alias = {alias: e for e in fused["entities"] for alias in e["aliases"]}
    person = by_alias["NAGASE Ren"]
    assert {"永瀬蓮"} <= set(person["aliases"]) and {ids["en.txt"], ids["ja.txt"]} <= set(person["reports"])
    assert by_alias["090-7342-1186"]["name"] == "+819073421186"
    assert [ids["en.txt"], ids["resend.txt"]] in fused["duplicates"]
    link = next(x for x in fused["links"] if {x["a"], x["b"]} == {ids["en.txt"], ids["ja.txt"]})
    assert link["weight"] > 0 and person["id"] in link["entities"]

    assert nia_vault("case", "create", "Harbour", **ANNA).code == 0
    assert nia_vault("case", "add", "Harbour", str(ids["en.txt"]), str(ids["resend.txt"]), **ANNA).code == 0
    in_case = nia_vault("fuse", "--case", "Harbour", "--json", **ANNA).json()
    assert {r for e in in_case["entities"] for r in e["reports"]} <= {ids["en.txt"], ids["resend.txt"]}
    suggested = nia_vault("case", "suggest", "Harbour", "--json", **ANNA).json()
    assert [s["report"] for s in suggested] == [ids["ja.txt"]]  # linked through NAGASE Ren and the phone
    assert "NAGASE Ren" in suggested[0]["entities"]
    missing = nia_vault("case", "add", "Harbour", "99999", **ANNA)
    assert missing.code == 1 and "no such report: 99999" in missing.err


def test_only_analysts_fuse(nia_vault: Nia) -> None:
    refused = nia_vault("fuse", "--json", user="carl", passphrase="carl-passphrase-1")
    assert refused.code == 1 and "refused" in refused.err.lower()


def test_requirements_assessments_and_entity_judgements(nia_vault: Nia) -> None:
    media = nia_vault.tmp / "usb"
    media.mkdir()
    (media / "a.txt").write_text("Subject: Harbour\n\nKevin Tang recruited quantum sensing students in Roppongi.\n")
    (media / "b.txt").write_text("Subject: Recruiter\n\nTANG Haoran offered quantum sensing students money.\n")
    ids = [r["id"] for r in nia_vault("import", str(media), "--json", **ANNA).json()["imported"]]
    officer = {"user": "olive", "passphrase": "olive-passphrase-1"}
    made = nia_vault("pir", "add", "Who recruits quantum sensing students?", "--priority", "1", "--due", "2026-12-31",
                     "--json", **officer)
    assert made.code == 0, made.err
    pir_id = made.json()["id"]
    assert nia_vault("pir", "add", "Is the referendum funded from abroad?", "--priority", "2", **officer).code == 0
    assert set(nia_vault("pir", "suggest", str(pir_id), "--json", **ANNA).json()) == set(ids)
    assert nia_vault("pir", "tag", str(pir_id), *map(str, ids), **ANNA).code == 0
    listed = {p["id"]: p for p in nia_vault("pir", "list", "--json", **officer).json()}
    assert listed[pir_id]["reports"] == sorted(ids) and listed[pir_id]["agencies"] == {"unknown": 2}
    assert [p["unanswered"] for p in listed.values()] == [False, True]

    assert nia_vault("case", "create", "Recruiters", **ANNA).code == 0
    made = nia_vault("assess", "Recruiters", "the two recruiters are one man", "--likelihood", "likely",
                     "--confidence", "moderate", "--reports", *map(str, ids), **ANNA)
    assert made.code == 0, made.err
    assert nia_vault("assessments", "Recruiters", "--json", **ANNA).json()[0]["likelihood"] == "likely"
    wrong = nia_vault("assess", "Recruiters", "x", "--likelihood", "probable", "--confidence", "low", **ANNA)
    assert wrong.code == 2  # not an ICD 203 term: a usage error naming the choices

    fused = nia_vault("fuse", "--json", **ANNA).json()
    by_alias = {alias: e for e in fused["entities"] for alias in e["aliases"]}
    kevin, tang = by_alias["Kevin Tang"]["id"], by_alias["TANG Haoran"]["id"]
    assert kevin != tang
    assert nia_vault("entity", "merge", str(kevin), str(tang), "--why", "MOFA cable", **ANNA).code == 0
    again = {alias: e for e in nia_vault("fuse", "--json", **ANNA).json()["entities"] for alias in e["aliases"]}
    assert again["Kevin Tang"]["id"] == again["TANG Haoran"]["id"]
    shown = nia_vault("entity", "show", str(again["Kevin Tang"]["id"]), "--json", **ANNA).json()
    assert shown["corroboration"]["single_source"] is True and len(shown["reports"]) == 2
    log = nia_vault("entity", "log", "--json", **ANNA).json()
    assert log[0]["verdict"] == "same" and log[0]["why"] == "MOFA cable"
    assert nia_vault("entity", "undo", str(log[0]["id"]), **ANNA).code == 0
    after = {alias: e for e in nia_vault("fuse", "--json", **ANNA).json()["entities"] for alias in e["aliases"]}
    assert after["Kevin Tang"]["id"] != after["TANG Haoran"]["id"]
    confirmed = nia_vault("entity", "confirm", str(after["TANG Haoran"]["id"]), "--why", "registry", "--json", **ANNA)
    assert confirmed.code == 0, confirmed.err
    assert nia_vault("entity", "log", "--json", **ANNA).json()[-1]["why"] == "registry"


def test_watchlist_cli(nia_vault: Nia) -> None:
    made = nia_vault("watchlist", "add", "Gennady GROMOV", "--kind", "person", "--alias", "Arkady Svetlov",
                     "--alias", "アルカージー・スヴェトロフ", "--json", **ANNA)
    assert made.code == 0, made.err
    listed = nia_vault("watchlist", "list", "--json", **ANNA).json()
    assert listed[0]["name"] == "Gennady GROMOV" and "Arkady Svetlov" in listed[0]["aliases"]
    assert nia_vault("watchlist", "add", "X", "--kind", "vessel", **ANNA).code == 2
    assert nia_vault("watchlist", "remove", str(made.json()["id"]), **ANNA).code == 0
    assert nia_vault("watchlist", "list", "--json", **ANNA).json() == []


def test_an_import_after_a_fusion_is_fused_into_it(nia_vault: Nia) -> None:
    media = nia_vault.tmp / "usb"
    media.mkdir()
    body = ("NAGASE Ren met Konstantin YEGOROV in Roppongi. Call 090-7342-1186. The network stages fabricated "
            "quotes on a Telegram channel before the fake outlets carry them to paid influencers.\n")
    (media / "first.txt").write_text("Subject: Meeting\n\n" + body)
    first = nia_vault("import", str(media / "first.txt"), "--json", **ANNA).json()
    assert "fused" not in first  # nothing fused yet: no fusion to fuse into
    assert nia_vault("fuse", "--json", **ANNA).code == 0
    (media / "again.txt").write_text("Subject: Fwd Meeting\n\n" + body + "Forwarded by MOFA.\n")
    (media / "new.txt").write_text("Subject: Call\n\nKonstantin Egorov called 090-7342-1186 from Sapporo.\n")
    second = nia_vault("import", str(media / "again.txt"), str(media / "new.txt"), **ANNA)
    assert second.code == 0 and "Fused into the last fusion" in second.out
    ids = {r["path"].rsplit("/", 1)[-1]: r["id"] for r in nia_vault("reports", "--json", **ANNA).json()}
    assert f"report {ids['again.txt']} repeats {ids['first.txt']}" in second.out
    shown = [nia_vault("entity", "show", str(n), "--json", **ANNA).json() for n in range(1, 5)]  # stored, grown
    yegorov = next(e for e in shown if "Konstantin YEGOROV" in e["aliases"])
    assert set(yegorov["reports"]) == {ids["first.txt"], ids["again.txt"], ids["new.txt"]}
    assert "Konstantin Egorov" in yegorov["aliases"]
    log = nia_vault("audit", "log", "--json", user="olive", passphrase="olive-passphrase-1").json()
    assert any(e["action"] == "fusion.incremental" for e in log)
