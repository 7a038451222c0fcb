"""services/link_chart.py on a small vault: the chart's start, expand, links, an edge's reports and the chart
saved with the case (schema v19). A report the reader may not read gives no node, link, count or name, in a
saved chart too once their clearance is lowered; saving, opening and edge reads are audited."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from nia_desktop.core.classification import Level
from nia_desktop.core.errors import BadInput
from nia_desktop.core.roles import Role
from nia_desktop.core.store import audit_log, schema
from nia_desktop.core.vault.kdf import FLOOR
from nia_desktop.services import clearances, fusion, importing, link_chart
from nia_desktop.services.session import Session, unlock
from nia_desktop.services.users import add_user
from nia_desktop.services.vault_setup import init_vault

OFFICER, OFFICER_PASS = "olive", "olive-passphrase-1"
PASSPHRASE = "reader-passphrase-22"
A, B, C, D = "alpha@harbour.example", "bravo@harbour.example", "charlie@harbour.example", "delta@harbour.example"
HIDDEN = "canary@hidden.example"
REPORTS = {  # file: (marking, selectors it names)
    "u1.txt": ("UNCLASSIFIED", [A, B]),
    "u2.txt": ("UNCLASSIFIED", [B, C]),
    "s1.txt": ("SECRET", [A, C, HIDDEN]),
    "u3.txt": ("UNCLASSIFIED", [C, D]),
    "u5.txt": ("UNCLASSIFIED", [A, D]),
    "u6.txt": ("UNCLASSIFIED", [A, B]),
}


@dataclass
class Vault:
    root: Path
    ids: dict[str, int]

    def open(self, user: str) -> Session:
        return unlock(self.root, user, OFFICER_PASS if user == OFFICER else PASSPHRASE)


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Vault]:
    base = tmp_path_factory.mktemp("chart")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NIA_CONFIG_DIR", str(base / "config"))
        root, media = base / "vault", base / "usb"
        init_vault(root, OFFICER, OFFICER_PASS, params=FLOOR, name="Chart")
        with unlock(root, OFFICER, OFFICER_PASS) as officer:
            add_user(officer, "sam", Role.ANALYST, PASSPHRASE, clearance=Level.SECRET)
            add_user(officer, "cora", Role.ANALYST, PASSPHRASE, clearance=Level.CONFIDENTIAL)
            add_user(officer, "lee", Role.ANALYST, PASSPHRASE, clearance=Level.SECRET)
        media.mkdir()
        for file, (marking, selectors) in REPORTS.items():
            body = " ".join(f"Contact {s} was seen." for s in selectors)
            (media / file).write_text(f"CLASSIFICATION: {marking}\nSubject: {file}\n\n{body}\n", encoding="utf-8")
        with unlock(root, "sam", PASSPHRASE) as sam:
            imported = importing.import_paths(sam, [media]).imported
        ids = {str(r["path"]).rsplit("/", 1)[-1]: int(r["id"]) for r in imported}
        made = Vault(root, ids)
        for user in ("sam", "cora", "lee"):
            with made.open(user) as session:
                fusion.run_fusion(session)
        with made.open("sam") as sam:
            fusion.create_case(sam, "Harbour")
            fusion.add_to_case(sam, "Harbour", [ids[f] for f in ("u1.txt", "u2.txt", "s1.txt")])
            fusion.run_fusion(sam, "Harbour")
        yield made


def _ids(session: Session, case: str = "") -> dict[str, int]:
    run = fusion.last_fusion(session, case)
    assert run is not None
    return {alias: e["id"] for e in run["entities"] for alias in [e["name"], *e["aliases"]] if "@" in alias}


def _by_name(piece: link_chart.Piece) -> dict[str, link_chart.ChartNode]:
    return {n.name: n for n in piece.nodes}


def _last(session: Session, action: str) -> dict[str, object]:
    entries = [e for e in audit_log.latest(session.db, 20) if e.action == action]
    assert entries, action
    return entries[-1].details


def test_the_chart_starts_from_the_top_entities_sized_by_readable_reports(vault: Vault) -> None:
    with vault.open("sam") as sam:
        ids = _ids(sam)
        piece = link_chart.top(sam)
        nodes = _by_name(piece)
        assert nodes[A].reports == 4 and nodes[HIDDEN].reports == 1
        pairs = {(link.a, link.b): link.shared for link in piece.links}
        assert pairs[tuple(sorted((ids[A], ids[B])))] == 2  # type: ignore[index]
        assert tuple(sorted((ids[A], ids[C]))) in pairs  # through the SECRET report
        assert len(link_chart.top(sam, limit=2).nodes) == 2
    with vault.open("cora") as cora:
        ids = _ids(cora)
        piece = link_chart.top(cora)
        nodes = _by_name(piece)
        assert HIDDEN not in nodes and nodes[A].reports == 3
        assert tuple(sorted((ids[A], ids[C]))) not in {(link.a, link.b) for link in piece.links}
        assert HIDDEN not in json.dumps([n.name for n in piece.nodes])


def test_expand_adds_neighbours_with_links_to_what_is_shown(vault: Vault) -> None:
    with vault.open("cora") as cora:
        ids = _ids(cora)
        piece = link_chart.expand(cora, ids[A], shown={ids[A]})
        assert {n.name for n in piece.nodes} == {B, D}  # C only through the SECRET report: not a neighbour
        assert {(link.a, link.b) for link in piece.links} == {tuple(sorted((ids[A], ids[B]))),
                                                               tuple(sorted((ids[A], ids[D])))}
        again = link_chart.expand(cora, ids[A], shown={ids[A], ids[B]})
        assert {n.name for n in again.nodes} == {D}
        assert link_chart.expand(cora, ids[A], shown={ids[A]}, limit=1).nodes[0].name == B  # most shared first
        with pytest.raises(BadInput, match="no entity"):
            link_chart.expand(cora, 999_999, shown=set())
    with vault.open("sam") as sam:
        ids = _ids(sam)
        assert {n.name for n in link_chart.expand(sam, ids[A], shown={ids[A]}).nodes} == {B, C, D, HIDDEN}


def test_a_filter_narrows_counts_and_links_and_a_case_its_reports(vault: Vault) -> None:
    with vault.open("sam") as sam:
        ids = _ids(sam)
        assert link_chart.top(sam, chosen=link_chart.ChartFilter(since="2999-01-01")).nodes == []
        agencies = link_chart.agencies(sam)
        assert agencies
        same = link_chart.top(sam, chosen=link_chart.ChartFilter(agencies=tuple(agencies)))
        assert _by_name(same)[A].reports == 4
        assert link_chart.top(sam, chosen=link_chart.ChartFilter(agencies=("no such agency",))).nodes == []
        shown = [ids[A], ids[B], ids[D]]
        assert {n.id for n in link_chart.links(sam, shown).nodes} == set(shown)
        case = _by_name(link_chart.top(sam, "Harbour"))
        assert D not in case and case[A].reports == 2


def test_an_edge_lists_its_readable_reports_with_titles_and_is_audited(vault: Vault) -> None:
    with vault.open("sam") as sam:
        ids = _ids(sam)
        found = link_chart.evidence(sam, ids[A], ids[C])
        assert found.shared == 1 and [r for r, _ in found.reports] == [vault.ids["s1.txt"]]
        assert "s1.txt" in found.reports[0][1]
        assert _last(sam, "entity.edge")["reports"] == [vault.ids["s1.txt"]]
    with vault.open("cora") as cora:
        ids = _ids(cora)
        assert link_chart.evidence(cora, ids[A], ids[C]) == link_chart.Evidence(ids[A], ids[C], 0, [])


def test_a_saved_chart_comes_back_and_drops_what_a_lowered_reader_may_no_longer_see(vault: Vault) -> None:
    with vault.open("lee") as lee:
        assert schema.schema_version(lee.db) == schema.LATEST >= 19
        ids = _ids(lee)
        placed = [link_chart.Placed(ids[A], "email", A, 10.0, 20.0, True),
                  link_chart.Placed(ids[HIDDEN], "email", HIDDEN, -30.0, 5.5),
                  link_chart.Placed(ids[B], "email", B, 40.0, -8.0)]
        kinds = {n.id: n.kind for n in link_chart.top(lee).nodes}
        placed = [link_chart.Placed(p.id, kinds[p.id], p.name, p.x, p.y, p.pinned) for p in placed]
        hidden = [link_chart.Placed(ids[D], kinds[ids[D]], D, 0, 0)]
        assert link_chart.load(lee) is None
        link_chart.save(lee, "", placed, hidden)
        assert _last(lee, "chart.save")["shown"] == 3
        back = link_chart.load(lee)
        assert back is not None and back.dropped == 0
        assert [(n.node.id, n.x, n.y, n.pinned) for n in back.nodes] == [
            (ids[A], 10.0, 20.0, True), (ids[HIDDEN], -30.0, 5.5, False), (ids[B], 40.0, -8.0, False)]
        assert back.hidden == [ids[D]]
        assert tuple(sorted((ids[A], ids[HIDDEN]))) in {(link.a, link.b) for link in back.links}
        assert _last(lee, "chart.open")["entities"] == [ids[A], ids[HIDDEN], ids[B]]
    with vault.open("cora") as cora:
        assert link_chart.load(cora) is None  # a chart is its analyst's own
    with vault.open(OFFICER) as officer:
        clearances.set_clearance(officer, "lee", Level.CONFIDENTIAL)
    with vault.open("lee") as lee:
        # Their scope is now the one of every CONFIDENTIAL reader (cora's fusion): numbered apart, matched by name.
        back = link_chart.load(lee)
        assert back is not None and back.dropped == 1
        names = [n.node.name for n in back.nodes]
        assert HIDDEN not in names and A in names and B in names
        assert all(HIDDEN not in json.dumps([link.a, link.b]) for link in back.links)
        ids = _ids(lee)
        assert tuple(sorted((ids[A], ids[B]))) in {(link.a, link.b) for link in back.links}


def test_a_case_chart_needs_the_case_and_is_kept_apart(vault: Vault) -> None:
    with vault.open("sam") as sam:
        ids = _ids(sam, "Harbour")
        kinds = {n.id: n.kind for n in link_chart.top(sam, "Harbour").nodes}
        link_chart.save(sam, "Harbour", [link_chart.Placed(ids[A], kinds[ids[A]], A, 1.0, 2.0)], [])
        with pytest.raises(BadInput, match="no case"):
            link_chart.save(sam, "Nowhere", [], [])
        assert link_chart.load(sam) is None
        saved = link_chart.load(sam, "Harbour")
        assert saved is not None and [n.node.name for n in saved.nodes] == [A]
        link_chart.exported(sam, "Harbour", "/tmp/chart.png", [ids[A]])
        assert _last(sam, "chart.export")["entities"] == [ids[A]]


def test_a_pictures_marking_combines_the_readable_reports_behind_its_entities(vault: Vault) -> None:
    with vault.open("sam") as sam:
        ids = _ids(sam)
        assert link_chart.marking(sam, [ids[A], ids[B]]).level == Level.SECRET  # A is named in the SECRET report
        assert link_chart.marking(sam, [ids[B], ids[D]]).level == Level.UNCLASSIFIED
    with vault.open("cora") as cora:
        ids = _ids(cora)
        assert link_chart.marking(cora, list(ids.values())).level == Level.UNCLASSIFIED  # nothing hidden counts
