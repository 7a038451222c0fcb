"""Need-to-know through `nia fuse`, `nia case`, `nia entity`, `nia pir` and `nia assess(ments)`: a less cleared
analyst's output (stdout and stderr, text and --json) holds nothing from a report they may not read, and adding
one to a case, tagging it or citing it is refused with exit 1.

The corpus is the services-level test's (tests/unit/test_need_to_know_fusion.py): one person and one company in
reports at every level and compartment, canary names only in the hidden ones.
"""

from __future__ import annotations

from tests.e2e.conftest import Nia
from tests.unit.test_need_to_know_fusion import CANARIES, REPORTS, WHY

OLIVE = {"user": "olive", "passphrase": "olive-passphrase-1"}
ANNA = {"user": "anna", "passphrase": "anna-passphrase-1"}  # TOP SECRET, no compartment
TESS = {"user": "tess", "passphrase": "tess-passphrase-1"}  # TOP SECRET, 特定秘密 and HERON
CORA = {"user": "cora", "passphrase": "cora-passphrase-1"}  # CONFIDENTIAL
READS = {"anna": {"u.txt", "c.txt", "s.txt", "ts.txt"}, "cora": {"u.txt", "c.txt"}}


def _vault(nia: Nia) -> dict[str, int]:
    assert nia("compartment", "add", "HERON", "--description", "an operation", **OLIVE).code == 0
    for name, extra in (("tess", []), ("cora", ["--clearance", "confidential"])):
        made = nia("user", "add", name, "--role", "analyst", *extra, new_passphrase=f"{name}-passphrase-1", **OLIVE)
        assert made.code == 0, made.err
    for compartment in ("特定秘密", "HERON"):
        assert nia("user", "grant", "tess", compartment, **OLIVE).code == 0
    media = nia.tmp / "usb"
    media.mkdir()
    for file, (marking, body) in REPORTS.items():
        (media / file).write_text(f"CLASSIFICATION: {marking}\nSubject: {file}\n\n{body}\n", encoding="utf-8")
    done = nia("import", str(media), "--json", **TESS)
    assert done.code == 0, done.err
    ids = {r["path"].rsplit("/", 1)[-1]: r["id"] for r in done.json()["imported"]}
    every = [str(i) for i in sorted(ids.values())]
    fused = nia("fuse", "--json", **TESS)
    assert fused.code == 0, fused.err
    assert all(c in fused.out for c in ("SECRETCANARY", "TOPCANARY", "CANARYHIDDEN", "鬼塚", "BIRDCANARY"))
    for case, members in (("Northwind", every), ("Osaka", [str(ids["u.txt"])])):
        assert nia("case", "create", case, **TESS).code == 0
        assert nia("case", "add", case, *members, **TESS).code == 0
    assert nia("assess", "Northwind", "SOROKIN recruits for Northwind", "--likelihood", "likely", "--confidence",
               "moderate", "--reports", str(ids["sds.txt"]), str(ids["u.txt"]), **TESS).code == 0
    assert nia("assess", "Northwind", "Northwind ships through Osaka", "--likelihood", "likely", "--confidence",
               "low", "--reports", str(ids["u.txt"]), **TESS).code == 0
    assert nia("pir", "add", "What is Northwind Logistics doing in Japan?", "--priority", "1", **TESS).code == 0
    assert nia("pir", "tag", "1", *every, **TESS).code == 0
    entities = {alias: e["id"] for e in fused.json()["entities"] for alias in e["aliases"]}
    merged = nia("entity", "merge", str(entities["Zoltan CANARYHIDDEN"]), str(entities["Viktor SOROKIN"]),
                 "--why", WHY, **TESS)
    assert merged.code == 0, merged.err
    return ids


def test_less_cleared_analysts_see_nothing_hidden(nia_vault: Nia) -> None:
    ids = _vault(nia_vault)
    for who, reader in (("anna", ANNA), ("cora", CORA)):
        canaries = [c for f, found in CANARIES.items() if f not in READS[who] for c in found] + [WHY]
        readable = {ids[f] for f in READS[who]}
        commands = [["fuse", "--json"], ["fuse"], ["fuse", "--case", "Northwind", "--json"],
                    ["fuse", "--case", "Northwind"], ["entity", "show", "1", "--json"], ["entity", "show", "1"],
                    ["entity", "log", "--json"], ["entity", "log"], ["case", "suggest", "Osaka", "--json"],
                    ["case", "suggest", "Osaka"], ["pir", "list", "--json"], ["pir", "list"],
                    ["pir", "suggest", "1", "--json"], ["assessments", "Northwind", "--json"],
                    ["assessments", "Northwind"], ["reports", "--case", "Northwind", "--json"]]
        outputs = {}
        for command in commands:
            done = nia_vault(*command, **reader)
            assert done.code == 0, (who, command, done.err)
            leaked = [c for c in canaries if c in done.out + done.err]
            assert not leaked, (who, command, leaked)
            outputs[" ".join(command)] = done
        fused = outputs["fuse --json"].json()
        assert {r for e in fused["entities"] for r in e["reports"]} == readable
        assert all(set(g) <= readable for g in fused["duplicates"])
        (pir,) = outputs["pir list --json"].json()
        assert set(pir["reports"]) == readable
        assert set(outputs["pir suggest 1 --json"].json()) <= readable
        (assessment,) = outputs["assessments Northwind --json"].json()
        assert assessment["judgement"] == "Northwind ships through Osaka"
        assert assessment["marking"]["level"] == "UNCLASSIFIED"
        assert outputs["entity log --json"].json() == []

        hidden = str(ids["s.txt"] if who == "cora" else ids["sds.txt"])
        for command in (["case", "add", "Osaka", hidden], ["pir", "tag", "1", hidden],
                        ["assess", "Osaka", "a judgement", "--likelihood", "likely", "--confidence", "low",
                         "--reports", hidden]):
            refused = nia_vault(*command, **reader)
            assert refused.code == 1 and "refused" in refused.err, (who, command, refused.err)
            assert not [c for c in canaries if c in refused.out + refused.err]

    log = nia_vault("audit", "log", "--json", "--limit", "1000", **OLIVE).json()
    refusals = [e for e in log if e["action"] == "report.need_to_know" and e["outcome"] == "refused"]
    assert {e["actor"] for e in refusals} == {"anna", "cora"} and len(refusals) == 6


def test_the_cleared_analyst_still_sees_everything(nia_vault: Nia) -> None:
    ids = _vault(nia_vault)
    fused = nia_vault("fuse", "--json", **TESS).json()
    assert {r for e in fused["entities"] for r in e["reports"]} == set(ids.values())
    assessed = nia_vault("assessments", "Northwind", **TESS)
    assert "(TS//特定秘密) It is likely" in assessed.out
    assert len(nia_vault("entity", "log", "--json", **TESS).json()) == 1
