"""`nia ach ...` as a user runs it: hypotheses, evidence, marks, the matrix and its sensitivity, with --json;
exit codes per DESIGN.md; a report the reader may not read is absent from their matrix, and so is a hypothesis
marked above them; a hypothesis is marked by its author (--level, --caveat) and re-marked (mark-hypothesis)."""

from __future__ import annotations

from tests.e2e.conftest import Nia

ANNA = {"user": "anna", "passphrase": "anna-passphrase-1"}
OLIVE = {"user": "olive", "passphrase": "olive-passphrase-1"}
CARL = {"user": "carl", "passphrase": "carl-passphrase-1"}


def test_ach_from_the_command_line(nia_vault: Nia) -> None:
    media = nia_vault.tmp / "usb"
    media.mkdir()
    (media / "ts.txt").write_text("TOP SECRET\nSubject: Quay CANARY-ONE\n\nYAMADA Taro met ZORIN at the quay.\n")
    (media / "c.txt").write_text("CONFIDENTIAL\nSubject: Dock note\n\nYAMADA Taro spoke of money.\n")
    imported = nia_vault("import", str(media), "--json", **ANNA).json()["imported"]
    ids = {r["path"].rsplit("/", 1)[-1]: r["id"] for r in imported}
    assert nia_vault("case", "create", "Quay", **ANNA).code == 0
    assert nia_vault("case", "add", "Quay", str(ids["ts.txt"]), str(ids["c.txt"]), **ANNA).code == 0
    h1 = nia_vault("ach", "add-hypothesis", "Quay", "ZORIN runs YAMADA", "--level", "confidential", "--json",
                   **ANNA).json()["id"]
    h2 = nia_vault("ach", "add-hypothesis", "Quay", "YAMADA acts alone", "--level", "秘", "--caveat", "orcon",
                   "--json", **ANNA).json()["id"]
    ts = nia_vault("ach", "add-evidence", "Quay", "--report", str(ids["ts.txt"]), "--json", **ANNA).json()["id"]
    c = nia_vault("ach", "add-evidence", "Quay", "--report", str(ids["c.txt"]), "--json", **ANNA).json()["id"]
    for h, e, r in ((h1, ts, "CC"), (h2, ts, "II"), (h1, c, "C"), (h2, c, "na")):
        done = nia_vault("ach", "mark", "Quay", str(h), str(e), r, **ANNA)
        assert done.code == 0, done.err
    shown = nia_vault("ach", "matrix", "Quay", "--json", **ANNA)
    assert shown.code == 0, shown.err
    matrix = shown.json()
    assert matrix["portion"] == "(TS//ORCON)"  # the items' and the hypotheses' marks combined
    assert [h["portion"] for h in matrix["hypotheses"]] == ["(C)", "(S//ORCON)"]
    assert [(h["id"], h["score"], h["rank"]) for h in matrix["hypotheses"]] == [(h1, 0, 1), (h2, 2, 2)]
    assert {e["id"]: e["diagnosticity"] for e in matrix["evidence"]} == {ts: 4, c: 1}
    text = nia_vault("ach", "matrix", "Quay", **ANNA)
    assert text.code == 0 and "(TS//ORCON) ACH matrix of Quay" in text.out
    assert f"(C) H{h1}: ZORIN runs YAMADA" in text.out and f"(S//ORCON) H{h2}: YAMADA acts alone" in text.out
    assert "(C)" in text.out and "NA" in text.out
    moved = {s["evidence"]: s for s in nia_vault("ach", "sensitivity", "Quay", "--json", **ANNA).json()}
    assert moved[ts]["changes_ranking"] and moved[ts]["moved"] == [{"hypothesis": h2, "rank": 2, "without": 1}]
    assert not moved[c]["changes_ranking"]
    listed = nia_vault("ach", "hypotheses", "Quay", "--json", **ANNA).json()
    assert [h["text"] for h in listed] == ["ZORIN runs YAMADA", "YAMADA acts alone"]

    # Exit codes: a bad rating is refused (1), a missing argument is a usage error (2), a courier is refused (1),
    # and the officer (the release reviewer) reads (services/ach tests: an officer may not edit).
    bad = nia_vault("ach", "mark", "Quay", str(h1), str(c), "maybe", **ANNA)
    assert bad.code == 1 and "rating" in bad.err
    assert nia_vault("ach", "add-evidence", "Quay", **ANNA).code == 2
    assert nia_vault("ach", "matrix", "Quay", **CARL).code == 1
    assert nia_vault("ach", "matrix", "Quay", "--json", **OLIVE).code == 0

    # The matrix as a briefing's annex: queued for review (TOP SECRET), never below a tearline.
    brief = nia_vault("brief", "Quay", "--queue", "--ach-annex", "--json", **ANNA)
    assert brief.code == 0, brief.err
    shown = nia_vault("release", "show", str(brief.json()["request"]), **OLIVE)
    assert shown.code == 0, shown.err
    assert "ACH annex:" in shown.out and f"(C) E{c} report" in shown.out
    assert f"(C) H{h1} ZORIN runs YAMADA" in shown.out
    assert f"H{h2}" not in shown.out  # ORCON: no report of the product carries it, so it is not within
    cut = nia_vault("brief", "Quay", "--queue", "--ach-annex", "--max-level", "CONFIDENTIAL", "--tearline-summary",
                    "Dock talk.", **ANNA)
    assert cut.code == 1 and "tearline" in cut.err

    # Marking: required (usage error without), never above the author's clearance or compartments (nothing
    # written), re-marked by its author with a reason (audited).
    assert nia_vault("ach", "add-hypothesis", "Quay", "No mark", **ANNA).code == 2
    h3 = nia_vault("ach", "add-hypothesis", "Quay", "CANARY-H3 a service runs ZORIN", "--level", "TOP SECRET",
                   "--json", **ANNA).json()["id"]
    assert nia_vault("ach", "mark", "Quay", str(h3), str(c), "I", **ANNA).code == 0
    sds = nia_vault("ach", "add-hypothesis", "Quay", "In a compartment", "--level", "SECRET", "--caveat", "SDS",
                    **ANNA)
    assert sds.code == 1 and "do not hold" in sds.err
    remark = nia_vault("ach", "mark-hypothesis", "Quay", str(h2), "--level", "SECRET", "--why",
                       "no ORCON report behind it", "--json", **ANNA)
    assert remark.code == 0, remark.err
    assert remark.json()["portion"] == "(S)"
    assert nia_vault("ach", "mark-hypothesis", "Quay", str(h2), "--level", "SECRET", **ANNA).code == 2  # no --why

    # Lowered to SECRET, the analyst's matrix has no TOP SECRET item, hypothesis, mark or score from them.
    assert nia_vault("user", "clear", "anna", "--level", "SECRET", **OLIVE).code == 0
    lowered = nia_vault("ach", "matrix", "Quay", "--json", **ANNA)
    assert lowered.code == 0, lowered.err
    seen = lowered.json()
    assert [e["id"] for e in seen["evidence"]] == [c] and seen["portion"] == "(S)"
    assert [h["id"] for h in seen["hypotheses"]] == [h1, h2]
    assert [(h["score"], h["rank"]) for h in seen["hypotheses"]] == [(0, 1), (0, 1)]
    assert "CANARY" not in lowered.out and all(x["evidence"] == c and x["hypothesis"] != h3 for x in seen["cells"])
    for words in (nia_vault("ach", "matrix", "Quay", **ANNA).out, nia_vault("ach", "sensitivity", "Quay", "--json",
                                                                             **ANNA).out,
                  nia_vault("ach", "hypotheses", "Quay", **ANNA).out):
        assert "CANARY" not in words and "(TS)" not in words and f"H{h3}" not in words
    hidden = nia_vault("ach", "mark", "Quay", str(h1), str(ts), "I", **ANNA)
    assert hidden.code == 1 and "CANARY" not in hidden.err
    for args in (("mark", "Quay", str(h3), str(c), "C"), ("withdraw", "Quay", "--hypothesis", str(h3))):
        refused = nia_vault("ach", *args, **ANNA)
        assert refused.code == 1 and f"no hypothesis {h3} you may read" in refused.err
    above = nia_vault("ach", "add-hypothesis", "Quay", "Above me", "--level", "TOP SECRET", **ANNA)
    assert above.code == 1 and "your clearance is SECRET" in above.err
    # The officer sees all four (nothing was written by the refusals) and re-marks the TOP SECRET one down.
    assert [h["id"] for h in nia_vault("ach", "hypotheses", "Quay", "--json", **OLIVE).json()] == [h1, h2, h3]
    assert nia_vault("ach", "mark-hypothesis", "Quay", str(h3), "--level", "SECRET", "--why", "reviewed: only the "
                     "SECRET reporting", **OLIVE).code == 0
    assert h3 in [h["id"] for h in nia_vault("ach", "hypotheses", "Quay", "--json", **ANNA).json()]
    log = nia_vault("audit", "log", "--json", "--limit", "500", **OLIVE).json()
    marks = [e for e in log if e["action"] == "ach.hypothesis.mark" and e["outcome"] == "ok"]
    assert {(e["actor"], e["details"]["from"], e["details"]["to"]) for e in marks} == {
        ("anna", "(S//ORCON)", "(S)"), ("olive", "(TS)", "(S)")}
    assert any(e["action"] == "ach.hypothesis.add" and e["outcome"] == "refused" for e in log)
