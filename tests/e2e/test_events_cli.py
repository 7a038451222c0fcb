"""`nia events` in a subprocess: --json shape and text, pages of reports, --entity, usage errors (exit 2), an
unknown case (exit 1), and a less cleared analyst's output holding nothing of the SECRET report's events."""

from __future__ import annotations

from tests.e2e.conftest import Nia

OLIVE = {"user": "olive", "passphrase": "olive-passphrase-1"}
ANNA = {"user": "anna", "passphrase": "anna-passphrase-1"}  # TOP SECRET
CORA = {"user": "cora", "passphrase": "cora-passphrase-1"}  # CONFIDENTIAL
REPORTS = {
    "u1.txt": ("UNCLASSIFIED", "2026-03-20", "Viktor SOROKIN met officials in Osaka on 12 March 2026."),
    "u2.txt": ("UNCLASSIFIED", "2026-03-21", "ヴィクトル・ソロキンは昨日、神戸に着いた。"),
    "s1.txt": ("SECRET", "2026-03-22", "Viktor SOROKIN paid Borislav HIDDENCANARY on 2026-03-17."),
}


def _vault(nia: Nia) -> dict[str, int]:
    made = nia("user", "add", "cora", "--role", "analyst", "--clearance", "confidential",
               new_passphrase="cora-passphrase-1", **OLIVE)
    assert made.code == 0, made.err
    media = nia.tmp / "usb"
    media.mkdir()
    for file, (marking, day, body) in REPORTS.items():
        (media / file).write_text(f"CLASSIFICATION: {marking}\nSubject: {file}\nDate: {day}\n\n{body}\n",
                                  encoding="utf-8")
    done = nia("import", str(media), "--case", "Kobe", "--json", **ANNA)
    assert done.code == 0, done.err
    return {r["path"].rsplit("/", 1)[-1]: r["id"] for r in done.json()["imported"]}


def test_events_json_text_pages_and_need_to_know(nia_vault: Nia) -> None:
    ids = _vault(nia_vault)
    fused = nia_vault("fuse", "--case", "Kobe", "--json", **ANNA)
    assert fused.code == 0, fused.err
    done = nia_vault("events", "Kobe", "--json", **ANNA)
    assert done.code == 0, done.err
    page = done.json()
    assert page["reports"] == 3 and page["more"] is False and page["next_offset"] is None
    found = {(e["report"], e["day"], e["resolved"]) for e in page["events"]}
    assert found == {(ids["u1.txt"], "2026-03-12", "explicit"), (ids["u2.txt"], "2026-03-20", "relative"),
                     (ids["s1.txt"], "2026-03-17", "explicit")}
    meeting = next(e for e in page["events"] if e["day"] == "2026-03-12")
    assert meeting["sentence"] == REPORTS["u1.txt"][2]
    sorokin = next(x["id"] for x in meeting["entities"] if "SOROKIN" in x["name"].upper())

    text = nia_vault("events", "Kobe", **ANNA)
    assert text.code == 0 and "2026-03-12  report" in text.out and REPORTS["u1.txt"][2] in text.out
    first = nia_vault("events", "Kobe", "--limit", "2", "--json", **ANNA).json()
    assert first["reports"] == 2 and first["more"] is True and first["next_offset"] == 2
    rest = nia_vault("events", "Kobe", "--limit", "2", "--offset", "2", "--json", **ANNA).json()
    assert rest["reports"] == 1 and rest["more"] is False
    named = nia_vault("events", "Kobe", "--entity", str(sorokin), "--json", **ANNA).json()
    assert named["events"] and all(any(x["id"] == sorokin for x in e["entities"]) for e in named["events"])

    assert nia_vault("events", "Kobe", "--limit", "501", **ANNA).code == 2
    assert nia_vault("events", "Kobe", "--entity", "x", **ANNA).code == 2
    unknown = nia_vault("events", "No such case", **ANNA)
    assert unknown.code == 1 and "no case" in unknown.err

    low = nia_vault("events", "Kobe", "--json", **CORA)
    assert low.code == 0, low.err
    assert {e["report"] for e in low.json()["events"]} == {ids["u1.txt"], ids["u2.txt"]}
    assert "HIDDENCANARY" not in low.out and "2026-03-17" not in low.out
    assert "HIDDENCANARY" in nia_vault("events", "Kobe", **ANNA).out  # the same command, cleared: it is there
