"""services/entity_network.py on a small vault: paths and rankings over the reader's own fusion, with the reports
that are each edge's evidence; a hidden report's edge never appears (the SECRET shortcut between two selectors
exists for a TOP SECRET reader only), a case restricts the evidence, unknown entities are refused alike, and every
path and ranking is audited."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from nia_desktop.core.classification import Level
from nia_desktop.core.errors import BadInput
from nia_desktop.core.roles import Role
from nia_desktop.core.store import audit_log
from nia_desktop.core.vault.kdf import FLOOR
from nia_desktop.services import clearances, entity_network, fusion, importing
from nia_desktop.services.session import Session, unlock
from nia_desktop.services.users import add_user
from nia_desktop.services.vault_setup import init_vault

OFFICER, OFFICER_PASS = "olive", "olive-passphrase-1"
PASSPHRASE = "reader-passphrase-22"
A, B, C, D = "alpha@harbour.example", "bravo@harbour.example", "charlie@harbour.example", "delta@harbour.example"
E, F, HIDDEN = "echo@island.example", "foxtrot@island.example", "canary@hidden.example"
REPORTS = {  # file: (marking, selectors it names)
    "u1.txt": ("UNCLASSIFIED", [A, B]),
    "u2.txt": ("UNCLASSIFIED", [B, C]),
    "s1.txt": ("SECRET", [A, C, HIDDEN]),  # the shortcut a-c, seen only by those cleared SECRET
    "u3.txt": ("UNCLASSIFIED", [C, D]),
    "u4.txt": ("UNCLASSIFIED", [E, F]),  # an island
    "u5.txt": ("UNCLASSIFIED", [A, D]),  # a second way from a to d
}


@dataclass
class Vault:
    root: Path
    ids: dict[str, int]

    def open(self, user: str) -> Session:
        return unlock(self.root, user, OFFICER_PASS if user == OFFICER else PASSPHRASE)


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Vault]:
    base = tmp_path_factory.mktemp("network")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NIA_CONFIG_DIR", str(base / "config"))
        root, media = base / "vault", base / "usb"
        init_vault(root, OFFICER, OFFICER_PASS, params=FLOOR, name="Network")
        with unlock(root, OFFICER, OFFICER_PASS) as officer:
            add_user(officer, "tess", Role.ANALYST, PASSPHRASE, clearance=Level.TOP_SECRET)
            add_user(officer, "cora", Role.ANALYST, PASSPHRASE, clearance=Level.CONFIDENTIAL)
            add_user(officer, "sam", Role.ANALYST, PASSPHRASE, clearance=Level.SECRET)
        media.mkdir()
        for file, (marking, selectors) in REPORTS.items():
            body = " ".join(f"Contact {s} was seen." for s in selectors)
            (media / file).write_text(f"CLASSIFICATION: {marking}\nSubject: {file}\n\n{body}\n", encoding="utf-8")
        with unlock(root, "tess", PASSPHRASE) as tess:
            imported = importing.import_paths(tess, [media]).imported
        ids = {str(r["path"]).rsplit("/", 1)[-1]: int(r["id"]) for r in imported}
        made = Vault(root, ids)
        for user in ("tess", "cora", "sam"):
            with made.open(user) as session:
                fusion.run_fusion(session)
        with made.open("tess") as tess:
            fusion.create_case(tess, "Harbour")
            fusion.add_to_case(tess, "Harbour", [ids[f] for f in ("u1.txt", "u2.txt", "s1.txt", "u3.txt")])
            fusion.run_fusion(tess, "Harbour")
        yield made


def _ids(session: Session, case: str = "") -> dict[str, int]:
    """Entity numbers by selector in this reader's fusion."""
    run = fusion.last_fusion(session, case)
    assert run is not None
    return {alias: e["id"] for e in run["entities"] for alias in [e["name"], *e["aliases"]] if "@" in alias}


def test_the_shortcut_through_a_secret_report_exists_for_the_cleared_reader_only(vault: Vault) -> None:
    with vault.open("tess") as tess:
        ids = _ids(tess)
        found = entity_network.paths(tess, ids[A], ids[C])
        assert (found.hops, found.total) == (1, 1)
        (edge,) = found.paths[0].edges
        assert edge.reports == [vault.ids["s1.txt"]] and edge.shared == 1
    with vault.open("cora") as cora:
        ids = _ids(cora)
        assert HIDDEN not in ids
        found = entity_network.paths(cora, ids[A], ids[C])
        assert (found.hops, found.total) == (2, 2)  # a-b-c and a-d-c, each edge one unclassified report
        names = [[e.name for e in p.entities] for p in found.paths]
        assert sorted(names) == sorted([[A, B, C], [A, D, C]])
        evidence = {r for p in found.paths for e in p.edges for r in e.reports}
        assert evidence == {vault.ids[f] for f in ("u1.txt", "u2.txt", "u3.txt", "u5.txt")}
        text = json.dumps(found.to_json())
        assert HIDDEN not in text and str(vault.ids["s1.txt"]) not in [str(r) for r in evidence]


def test_no_path_and_unknown_entities(vault: Vault) -> None:
    with vault.open("cora") as cora:
        ids = _ids(cora)
        apart = entity_network.paths(cora, ids[A], ids[E])
        assert apart.hops is None and apart.paths == [] and apart.total == 0
        assert apart.to_json()["paths"] == []
        for missing in (max(ids.values()) + 50, 10**12):
            with pytest.raises(BadInput, match=f"no entity {missing} in your latest fusion"):
                entity_network.paths(cora, ids[A], missing)
        with pytest.raises(BadInput, match="degree or betweenness"):
            entity_network.rank(cora, "closeness")


def test_rankings_count_readable_evidence_only(vault: Vault) -> None:
    with vault.open("tess") as tess:
        ids = _ids(tess)
        ranked = entity_network.rank(tess, "betweenness", limit=100)
        by_id = {r.entity.id: r for r in ranked.rows}
        assert by_id[ids[A]].degree == 4  # b, c, d, hidden
        assert by_id[ids[HIDDEN]].degree == 2
        assert not ranked.sampled and ranked.nodes == 7
    with vault.open("cora") as cora:
        ids = _ids(cora)
        ranked = entity_network.rank(cora, "degree", limit=100)
        assert HIDDEN not in json.dumps(ranked.to_json())
        by_name = {r.entity.name: r for r in ranked.rows}
        assert by_name[A].degree == 2 and by_name[C].degree == 2  # the a-c edge is only in the SECRET report
        assert ranked.nodes == 6 and ranked.edges == 5
        between = entity_network.rank(cora, "betweenness", limit=100)
        values = {r.entity.name: r.betweenness for r in between.rows}
        assert values == {A: 0.5, B: 0.5, C: 0.5, D: 0.5, E: 0.0, F: 0.0}  # the square a-b-c-d, and an island
        assert not any(r.broker for r in between.rows)
        assert [n.entity.name for n in entity_network.neighbours(cora, ids[A])] == sorted([B, D])


def test_a_case_restricts_the_evidence(vault: Vault) -> None:
    with vault.open("tess") as tess:
        ids = _ids(tess, "Harbour")
        assert E not in ids  # u4 is not in the case
        found = entity_network.paths(tess, ids[A], ids[D], "Harbour")
        assert found.hops == 2 and [[e.name for e in p.entities] for p in found.paths] == [[A, C, D]]
        ranked = entity_network.rank(tess, "degree", "Harbour", limit=10)
        assert {r.entity.name for r in ranked.rows} == {A, B, C, D, HIDDEN}
        broker = {r.entity.name: r.broker for r in ranked.rows}
        assert broker[C] and not broker[A]  # d hangs on c alone without u5
        with pytest.raises(BadInput, match="no case"):
            entity_network.rank(tess, "degree", "Nowhere")
    with vault.open("cora") as cora, pytest.raises(BadInput, match="run fusion first"):
        entity_network.rank(cora, "degree", "Harbour")  # cora has not fused the case


def test_paths_and_rankings_are_audited(vault: Vault) -> None:
    with vault.open("cora") as cora:
        ids = _ids(cora)
        before = audit_log.last(cora.db)
        assert before is not None
        entity_network.paths(cora, ids[A], ids[C])
        entity_network.rank(cora, "degree")
        entries = [e for e in audit_log.latest(cora.db, 10) if e.seq > before.seq]
        actions = [e.action for e in entries]
        assert "entity.path" in actions and "entity.rank" in actions
        path_entry = next(e for e in entries if e.action == "entity.path")
        assert set(path_entry.details["reports"]) == {vault.ids[f] for f in ("u1.txt", "u2.txt", "u3.txt", "u5.txt")}


def test_a_report_re_marked_beyond_the_reader_takes_its_edges_away(vault: Vault) -> None:
    """Last (it re-marks s1): sam's fusion drew on it, so nothing of that fusion is shown until sam fuses again,
    and then the shortcut is gone."""
    with vault.open("sam") as sam:
        ids = _ids(sam)
        assert entity_network.paths(sam, ids[A], ids[C]).hops == 1
    with vault.open("tess") as tess:
        clearances.mark_report(tess, vault.ids["s1.txt"], Level.TOP_SECRET, [], "source protection")
    with vault.open("sam") as sam:
        for ask in (lambda: entity_network.paths(sam, ids[A], ids[C]), lambda: entity_network.rank(sam, "degree"),
                    lambda: entity_network.neighbours(sam, ids[A]), lambda: entity_network.edge(sam, ids[A], ids[C])):
            with pytest.raises(BadInput, match="run fusion first") as refused:
                ask()
            assert HIDDEN not in str(refused.value)
        fusion.run_fusion(sam)
        ids = _ids(sam)
        found = entity_network.paths(sam, ids[A], ids[C])
        assert found.hops == 2 and vault.ids["s1.txt"] not in {r for p in found.paths for e in p.edges
                                                                 for r in e.reports}
        assert entity_network.edge(sam, ids[A], ids[C]).shared == 0
        assert HIDDEN not in json.dumps(entity_network.rank(sam, "betweenness").to_json())


def test_the_graph_read_a_range_of_entities_at_a_time_is_the_same(vault: Vault,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    with vault.open("tess") as tess:
        whole = entity_network.rank(tess, "betweenness", limit=100).to_json()
        monkeypatch.setattr(entity_network, "PAIR_ROWS", 1)  # every entity a range of its own
        found = entity_network._scope(tess, "")
        assert len(list(entity_network._ranges(tess, found.id))) == whole["nodes"]
        assert entity_network.rank(tess, "betweenness", limit=100).to_json() == whole


@pytest.mark.parametrize(("user", "case"), [("tess", ""), ("cora", ""), ("tess", "Harbour")])
def test_a_nodes_neighbours_are_read_from_its_own_rows(vault: Vault, user: str, case: str) -> None:
    """The path search reads each node's neighbours: the plan must start from the node's rows (its primary key
    prefix) and reach the others by the by-report index, never walk the scope's rows (2.9 s a node at a
    million reports before)."""
    with vault.open(user) as session:
        found = entity_network._scope(session, case)
        sql, params = entity_network._neighbours_sql(found)
        plan = [str(row[3]) for row in session.db.query("EXPLAIN QUERY PLAN " + sql, (found.id, 1, *params))]
        searches = [line for line in plan if line.startswith(("SEARCH", "SCAN"))]
        assert searches[0].startswith("SEARCH a USING PRIMARY KEY (scope_id=? AND entity_id=?)"), plan
        assert any(line.startswith("SEARCH b USING COVERING INDEX fusion_entity_reports_by_report") for line in plan)
        assert not any(line.startswith("SCAN") for line in plan), plan
