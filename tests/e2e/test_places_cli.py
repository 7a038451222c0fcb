"""`nia places` in a subprocess: the places of a fusion with country, prefecture, position and readable report
counts; --json rows and the page object with --limit/--offset (a cut said on stderr otherwise); --region by
country or prefecture; bad input (exit 1) and usage errors (exit 2); every page audited (entity.places); and a
less cleared analyst's listing holding nothing of a place named only in a SECRET report."""

from __future__ import annotations

from tests.e2e.conftest import Nia

OLIVE = {"user": "olive", "passphrase": "olive-passphrase-1"}
ANNA = {"user": "anna", "passphrase": "anna-passphrase-1"}  # TOP SECRET
CORA = {"user": "cora", "passphrase": "cora-passphrase-1"}  # CONFIDENTIAL
REPORTS = {
    "u1.txt": ("UNCLASSIFIED", "Viktor SOROKIN met officials in Osaka, then flew to Sapporo."),
    "u2.txt": ("UNCLASSIFIED", "ソロキンは大阪から神戸に移動し、その後パリに向かった。"),
    "u3.txt": ("UNCLASSIFIED", "A second meeting in Osaka was planned for April."),
    "s1.txt": ("SECRET", "Viktor SOROKIN met his handler in Vladivostok."),
}


def _fused(nia: Nia) -> None:
    made = nia("user", "add", "cora", "--role", "analyst", "--clearance", "confidential",
               new_passphrase="cora-passphrase-1", **OLIVE)
    assert made.code == 0, made.err
    media = nia.tmp / "usb"
    media.mkdir()
    for file, (marking, body) in REPORTS.items():
        (media / file).write_text(f"CLASSIFICATION: {marking}\nSubject: {file}\nDate: 2026-03-20\n\n{body}\n",
                                  encoding="utf-8")
    done = nia("import", str(media), "--case", "Kansai", "--json", **ANNA)
    assert done.code == 0, done.err
    for who in (ANNA, CORA):
        fused = nia("fuse", "--json", **who)
        assert fused.code == 0, fused.err


def test_places_listing_pages_regions_audit_and_need_to_know(nia_vault: Nia) -> None:
    before = nia_vault("places", "--json", **ANNA)
    assert before.code == 0 and before.json() == []  # no fusion yet: nothing, not an error
    _fused(nia_vault)

    done = nia_vault("places", "--json", **ANNA)
    assert done.code == 0, done.err
    rows = done.json()
    by_name = {r["name"]: r for r in rows}
    assert {"Osaka Prefecture", "Sapporo City", "Vladivostok"} <= set(by_name), sorted(by_name)
    osaka = by_name["Osaka Prefecture"]
    assert osaka["country"] == "JP" and osaka["prefecture"] == "JP-27" and osaka["prefecture_name"] == "Osaka"
    assert osaka["reports"] == 3 and abs(osaka["lat"] - 34.69) < 0.2 and abs(osaka["lon"] - 135.5) < 0.2
    assert by_name["Sapporo City"]["prefecture"] == "JP-01" and by_name["Kobe City"]["prefecture"] == "JP-28"
    assert by_name["Paris"]["country"] == "FR"
    assert by_name["Vladivostok"]["country"] == "RU" and by_name["Vladivostok"]["prefecture"] == ""
    assert rows[0]["name"] == "Osaka Prefecture"  # most reported first
    assert [r["reports"] for r in rows] == sorted((r["reports"] for r in rows), reverse=True)

    text = nia_vault("places", **ANNA)
    assert text.code == 0 and "JP-27 Osaka" in text.out and "Kobe City" in text.out and "Vladivostok" in text.out

    first = nia_vault("places", "--limit", "2", "--json", **ANNA).json()
    assert first["more"] is True and first["next_offset"] == 2 and len(first["items"]) == 2
    rest = nia_vault("places", "--limit", "2", "--offset", "2", "--json", **ANNA).json()
    assert [r["name"] for r in first["items"] + rest["items"]][:4] == [r["name"] for r in rows][:4]
    cut = nia_vault("places", "--limit", "1", **ANNA)
    assert cut.code == 0 and "… more: --offset 1" in cut.out

    japan = nia_vault("places", "--region", "jp", "--json", **ANNA).json()  # the code in any case
    assert {"Osaka Prefecture", "Sapporo City", "Kobe City"} <= {r["name"] for r in japan}
    assert all(r["country"] == "JP" for r in japan) and "Vladivostok" not in str(japan)
    kansai = nia_vault("places", "--region", "JP-27", "--json", **ANNA).json()
    assert [r["name"] for r in kansai] == ["Osaka Prefecture"]

    assert nia_vault("places", "--limit", "0", **ANNA).code == 2
    assert nia_vault("places", "--offset", "x", **ANNA).code == 2
    for bad, says in (("JP-48", "JP-01 to JP-47"), ("Japan", "two-letter code")):
        refused = nia_vault("places", "--region", bad, **ANNA)
        assert refused.code == 1 and says in refused.err, refused.err
    unknown = nia_vault("places", "--case", "No such case", **ANNA)
    assert unknown.code == 1 and "no case" in unknown.err

    low = nia_vault("places", "--json", **CORA)
    assert low.code == 0, low.err
    assert "Vladivostok" not in low.out and "Osaka Prefecture" in {r["name"] for r in low.json()}

    log = nia_vault("audit", "log", "--json", "--limit", "500", **OLIVE).json()
    listed = [e for e in log if e["action"] == "entity.places"]
    assert {e["actor"] for e in listed} == {"anna", "cora"}
    region = next(e for e in listed if e["details"]["region"] == "JP-27")
    assert region["details"]["places"] == 1 and region["details"]["entities"] == [kansai[0]["entity_id"]]
