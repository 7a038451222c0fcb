"""`nia entity path` and `nia entity rank` in a subprocess: --json shapes, text, no path (exit 0, empty paths),
unknown entity (exit 1, a clear message; under --json the error object), usage errors (exit 2), and a less
cleared analyst's output holding nothing from the SECRET report that joins two selectors."""

from __future__ import annotations

from tests.e2e.conftest import Nia

OLIVE = {"user": "olive", "passphrase": "olive-passphrase-1"}
ANNA = {"user": "anna", "passphrase": "anna-passphrase-1"}  # TOP SECRET
CORA = {"user": "cora", "passphrase": "cora-passphrase-1"}  # CONFIDENTIAL
A, B, C, D = "alpha@harbour.example", "bravo@harbour.example", "charlie@harbour.example", "delta@harbour.example"
E = "echo@island.example"
HIDDEN = "canary@hidden.example"
REPORTS = {
    "u1.txt": ("UNCLASSIFIED", [A, B]),
    "u2.txt": ("UNCLASSIFIED", [B, C]),
    "s1.txt": ("SECRET", [A, C, HIDDEN]),
    "u3.txt": ("UNCLASSIFIED", [C, D]),
    "u4.txt": ("UNCLASSIFIED", [E, "foxtrot@island.example"]),
}


def _vault(nia: Nia) -> dict[str, int]:
    made = nia("user", "add", "cora", "--role", "analyst", "--clearance", "confidential",
               new_passphrase="cora-passphrase-1", **OLIVE)
    assert made.code == 0, made.err
    media = nia.tmp / "usb"
    media.mkdir()
    for file, (marking, selectors) in REPORTS.items():
        body = " ".join(f"Contact {s} was seen." for s in selectors)
        (media / file).write_text(f"CLASSIFICATION: {marking}\nSubject: {file}\n\n{body}\n", encoding="utf-8")
    done = nia("import", str(media), "--json", **ANNA)
    assert done.code == 0, done.err
    return {r["path"].rsplit("/", 1)[-1]: r["id"] for r in done.json()["imported"]}


def _entities(nia: Nia, reader: dict[str, str]) -> dict[str, int]:
    fused = nia("fuse", "--json", **reader)
    assert fused.code == 0, fused.err
    return {alias: e["id"] for e in fused.json()["entities"] for alias in e["aliases"] if "@" in alias}


def test_path_and_rank_with_json_and_text(nia_vault: Nia) -> None:
    reports = _vault(nia_vault)
    ids = _entities(nia_vault, ANNA)
    done = nia_vault("entity", "path", str(ids[A]), str(ids[C]), "--json", **ANNA)
    assert done.code == 0, done.err
    found = done.json()
    assert found["hops"] == 1 and found["total"] == 1 and found["source"]["name"] == A
    (path,) = found["paths"]
    assert [e["name"] for e in path["entities"]] == [A, C]
    assert path["edges"] == [{"a": ids[A], "b": ids[C], "reports": [reports["s1.txt"]], "shared": 1}]

    text = nia_vault("entity", "path", str(ids[A]), str(ids[C]), **ANNA)
    assert text.code == 0 and f"1 shortest path(s) of 1 hop(s) between {A} ({ids[A]})" in text.out
    assert f"-[report {reports['s1.txt']}]- {C}" in text.out

    apart = nia_vault("entity", "path", str(ids[A]), str(ids[E]), "--json", **ANNA)
    assert apart.code == 0 and apart.json()["paths"] == [] and apart.json()["hops"] is None
    said = nia_vault("entity", "path", str(ids[A]), str(ids[E]), **ANNA)
    assert said.code == 0 and "no path between" in said.out

    unknown = nia_vault("entity", "path", str(ids[A]), "999999", "--json", **ANNA)
    assert unknown.code == 1 and "no entity 999999 in your latest fusion" in unknown.err
    assert unknown.json() == {"error": unknown.err.removeprefix("nia: ").strip(), "exit_code": 1}

    ranked = nia_vault("entity", "rank", "--by", "betweenness", "--limit", "2", "--json", **ANNA)
    assert ranked.code == 0, ranked.err
    body = ranked.json()
    assert body["by"] == "betweenness" and body["sampled"] is False and body["nodes"] == 7
    assert [(e["name"], e["betweenness"], e["broker"]) for e in body["entities"]] == [(C, 3.5, True), (A, 0.5, False)]
    assert set(body["entities"][0]) >= {"rank", "id", "name", "kind", "degree", "betweenness", "broker"}
    degree = nia_vault("entity", "rank", "--by", "degree", **ANNA)
    assert degree.code == 0 and "7 entities, 7 links between them, 1 broker(s)" in degree.out
    assert nia_vault("entity", "rank", "--by", "closeness", **ANNA).code == 2
    assert nia_vault("entity", "rank", **ANNA).code == 2
    assert nia_vault("entity", "path", "1", **ANNA).code == 2


def test_a_less_cleared_analyst_sees_no_edge_of_a_hidden_report(nia_vault: Nia) -> None:
    reports = _vault(nia_vault)
    assert _entities(nia_vault, ANNA)
    ids = _entities(nia_vault, CORA)
    assert HIDDEN not in ids
    done = nia_vault("entity", "path", str(ids[A]), str(ids[C]), "--json", **CORA)
    assert done.code == 0, done.err
    (path,) = done.json()["paths"]
    assert [e["name"] for e in path["entities"]] == [A, B, C]
    cited = {r for edge in path["edges"] for r in edge["reports"]}
    assert cited == {reports["u1.txt"], reports["u2.txt"]}
    for command in (["entity", "path", str(ids[A]), str(ids[C])], ["entity", "rank", "--by", "degree", "--json"],
                    ["entity", "rank", "--by", "betweenness"]):
        shown = nia_vault(*command, **CORA)
        assert shown.code == 0, shown.err
        assert HIDDEN not in shown.out + shown.err and "canary" not in shown.out.lower()
    ranked = nia_vault("entity", "rank", "--by", "degree", "--json", **CORA).json()
    assert ranked["nodes"] == 6 and ranked["edges"] == 4
    assert {e["name"]: e["degree"] for e in ranked["entities"]}[A] == 1
    case = nia_vault("entity", "rank", "--by", "degree", "--case", "Nowhere", **CORA)
    assert case.code == 1 and "no case 'Nowhere'" in case.err
