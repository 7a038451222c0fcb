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
    missing = nia_vault("case", "add", "Harbour", "99999", **ANNA)
    assert missing.code == 1 and "no such report: 99999" in missing.err


def test_only_analysts_fuse(nia_vault: Nia) -> None:
    refused = nia_vault("fuse", "--json", user="carl", passphrase="carl-passphrase-1")
    assert refused.code == 1 and "refused" in refused.err.lower()
