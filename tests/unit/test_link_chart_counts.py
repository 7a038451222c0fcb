"""services/chart_counts.py through services/link_chart.py: the link chart's counts, capped (a link counted to CAP
shared reports, "CAP+") and by every way of counting (sets, probes from the smaller end, walks, a large entity's
neighbours from the fusion's top), agree with counts made here from the reports themselves: for a reader who may
not read the SECRET reports, for a case, under an agency filter and under the cross-filter's set of reports.

The oracle knows which report names which selector and who may read it; it never reads the fusion's tables except
for the fused report counts the neighbours' order breaks ties by (documented in chart_counts.neighbours)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import pytest

from nia_desktop.core.classification import Level
from nia_desktop.core.roles import Role
from nia_desktop.core.vault.kdf import FLOOR
from nia_desktop.services import chart_counts, entity_network, fusion, importing, link_chart
from nia_desktop.services.session import Session, unlock
from nia_desktop.services.users import add_user
from nia_desktop.services.vault_setup import init_vault

OFFICER, OFFICER_PASS = "olive", "olive-passphrase-1"
PASSPHRASE = "reader-passphrase-22"
H1, H2 = "hub.one@harbour.example", "hub.two@harbour.example"
M1, M2 = "mid.one@harbour.example", "mid.two@harbour.example"
S1, S2, S3, S4, S5 = (f"small.{n}@harbour.example" for n in ("one", "two", "three", "four", "five"))
X = "canary@hidden.example"
HUBS = [H1, H2]
REPORTS = [  # (marking, agency, selectors named)
    ("UNCLASSIFIED", "CIRO", [*HUBS, M1, S1]),
    ("UNCLASSIFIED", "CIRO", [*HUBS, M1, S1, S2]),
    ("UNCLASSIFIED", "MOFA", [*HUBS, M1, S2]),
    ("UNCLASSIFIED", "MOFA", [*HUBS, M1, M2]),
    ("UNCLASSIFIED", "CIRO", [*HUBS, M1, M2]),
    ("UNCLASSIFIED", "MOFA", [*HUBS, M2]),
    ("UNCLASSIFIED", "CIRO", [*HUBS, M2, S3]),
    ("UNCLASSIFIED", "MOFA", HUBS),
    ("SECRET", "CIRO", [*HUBS, M1, M2, S1, X]),
    ("SECRET", "MOFA", [*HUBS, M1, X]),
    ("SECRET", "CIRO", [*HUBS, M2, S3]),
    ("UNCLASSIFIED", "CIRO", [S4, S5]),
]
CASE = [0, 1, 3, 8, 11]  # the reports in case "Harbour"
SETTINGS = {  # chart_counts' limits, each forcing another way of counting on this small vault
    "exact": {},
    "capped, probes only": {"CAP": 2, "SMALL": 0},
    "capped, sets and probes": {"CAP": 3, "SMALL": 4},
    "capped, walks": {"CAP": 3, "SMALL": 4, "SETS": 0},
    "capped, neighbours walked after one visit": {"CAP": 2, "SMALL": 0, "VISITS": 1},
    "capped, neighbours walked once probes read more than a walk would": {"CAP": 2, "SMALL": 0, "WALK": 0},
}


@dataclass
class Vault:
    root: Path
    ids: list[int]  # report ids in REPORTS' order

    def open(self, user: str) -> Session:
        return unlock(self.root, user, PASSPHRASE)


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Vault]:
    base = tmp_path_factory.mktemp("chart-counts")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NIA_CONFIG_DIR", str(base / "config"))
        root, media = base / "vault", base / "usb"
        init_vault(root, OFFICER, OFFICER_PASS, params=FLOOR, name="Counts")
        with unlock(root, OFFICER, OFFICER_PASS) as officer:
            add_user(officer, "sam", Role.ANALYST, PASSPHRASE, clearance=Level.SECRET)
            add_user(officer, "cora", Role.ANALYST, PASSPHRASE, clearance=Level.CONFIDENTIAL)
        media.mkdir()
        for n, (marking, agency, selectors) in enumerate(REPORTS):
            body = " ".join(f"Contact {s} was seen." for s in selectors)
            (media / f"r{n:02d}.txt").write_text(f"CLASSIFICATION: {marking}\nAgency: {agency}\nSubject: report {n}\n\n"
                                                 f"{body}\n", encoding="utf-8")
        with unlock(root, "sam", PASSPHRASE) as sam:
            imported = importing.import_paths(sam, [media]).imported
            by_file = {str(r["path"]).rsplit("/", 1)[-1]: int(r["id"]) for r in imported}
            ids = [by_file[f"r{n:02d}.txt"] for n in range(len(REPORTS))]
            fusion.create_case(sam, "Harbour")
            fusion.add_to_case(sam, "Harbour", [ids[n] for n in CASE])
        made = Vault(root, ids)
        for user in ("sam", "cora"):
            with made.open(user) as session:
                fusion.run_fusion(session)
                fusion.run_fusion(session, "Harbour")
        yield made


@dataclass
class Oracle:
    """What the chart must show, from REPORTS: the readable reports (of the case, within the agency) of each
    selector (the agency's code among them: fusion finds the agency in the header), and the entity id of each
    selector in the reader's fusion."""

    reports: dict[str, set[int]]
    ids: dict[str, int]
    fused: dict[int, int]

    def count(self, a: str, b: str) -> int:
        return len(self.reports.get(a, set()) & self.reports.get(b, set()))

    def name(self, entity_id: int) -> str:
        return next(s for s, e in self.ids.items() if e == entity_id)

    def link(self, a: int, b: int, cap: int) -> tuple[int, bool] | None:
        exact = self.count(self.name(a), self.name(b))
        return (min(exact, cap), exact >= cap) if exact else None


def _oracle(session: Session, user: str, case: str, agency: str, only: set[int] | None = None) -> Oracle:
    run = fusion.last_fusion(session, case)
    assert run is not None
    ids = {alias: int(e["id"]) for e in run["entities"] for alias in [e["name"], *e["aliases"]]
           if "@" in alias or alias in ("CIRO", "MOFA")}
    reports: dict[str, set[int]] = {}
    for n, (marking, from_agency, selectors) in enumerate(REPORTS):
        if (marking == "SECRET" and user == "cora") or (case and n not in CASE) or (agency and agency != from_agency):
            continue
        if only is not None and n not in only:
            continue
        for selector in [*selectors, from_agency]:  # the agency in the header is an organisation named too
            reports.setdefault(selector, set()).add(n)
    found = entity_network._scope(session, case)
    fused = {int(e): int(c) for e, c in session.db.query(
        "SELECT id, report_count FROM fusion_entities WHERE scope_id = ?", (found.id,))}
    return Oracle(reports, ids, fused)


Links = dict[tuple[int, int], tuple[int, bool]]


def _links(piece: link_chart.Piece) -> Links:
    return {(link.a, link.b): (link.shared, link.more) for link in piece.links}


def _expected_links(oracle: Oracle, ids: set[int], among: set[int], cap: int) -> Links:
    expected: Links = {}
    for a in ids:
        for b in among | ids:
            found = oracle.link(a, b, cap) if a != b else None
            if found:
                expected[(min(a, b), max(a, b))] = found
    return expected


ONLY = "reports 0 1 3 8 10"  # the cross-filter (ChartFilter.reports) as the agency parameter says it


@pytest.mark.parametrize("setting", list(SETTINGS))
@pytest.mark.parametrize(("user", "case", "agency"), [
    ("sam", "", ""), ("cora", "", ""), ("sam", "Harbour", ""), ("cora", "Harbour", ""), ("sam", "", "CIRO"),
    ("cora", "", "MOFA"), ("sam", "", ONLY), ("cora", "Harbour", ONLY)])
def test_counts_agree_with_the_reports_themselves(vault: Vault, monkeypatch: pytest.MonkeyPatch, setting: str,
                                                  user: str, case: str, agency: str) -> None:
    for name, value in SETTINGS[setting].items():
        monkeypatch.setattr(chart_counts, name, value)
    cap = chart_counts.CAP
    only = {int(n) for n in agency.split()[1:]} if agency == ONLY else None
    chosen = link_chart.ChartFilter(agencies=(agency,)) if agency and only is None else None
    with vault.open(user) as session:
        if only is not None:
            chosen = link_chart.ChartFilter(reports=tuple(vault.ids[n] for n in sorted(only)))
        oracle = _oracle(session, user, case, "" if only is not None else agency, only)
        named = {s for s, r in oracle.reports.items() if r}
        if user == "cora":
            assert X not in named and X not in oracle.ids  # the SECRET-only selector is in nothing she sees
        # The start: every entity with a readable report, most first (ties: lower id), links among them.
        piece = link_chart.top(session, case, chosen=chosen)
        expected_order = sorted((oracle.ids[s] for s in named), key=lambda e: (-len(oracle.reports[oracle.name(e)]), e))
        assert [n.id for n in piece.nodes] == expected_order
        assert {n.id: n.reports for n in piece.nodes} == {oracle.ids[s]: len(oracle.reports[s]) for s in named}
        shown = {n.id for n in piece.nodes}
        assert _links(piece) == _expected_links(oracle, shown, shown, cap)
        two = link_chart.top(session, case, limit=2, chosen=chosen)
        assert [n.id for n in two.nodes] == expected_order[:2]
        # Expanding each entity from itself alone, two neighbours at a time, then from a chart of three.
        for selector in sorted(named):
            entity = oracle.ids[selector]
            for start in ({entity}, {entity, *expected_order[:3]}):
                grown = link_chart.expand(session, entity, start, case, limit=2, chosen=chosen)
                neighbours = [oracle.ids[s] for s in named if oracle.ids[s] not in start and oracle.count(selector, s)]
                neighbours.sort(key=lambda e: (-min(oracle.count(selector, oracle.name(e)), cap), -oracle.fused[e], e))
                assert [n.id for n in grown.nodes] == sorted(neighbours[:2]), (selector, start)
                added = {n.id for n in grown.nodes}
                assert _links(grown) == _expected_links(oracle, added, start | added, cap)
        # A filter changed: the shown entities counted again.
        again = link_chart.links(session, shown, case, chosen=chosen)
        assert _links(again) == _links(piece)
        # Evidence counts in full, whatever the cap.
        for a, b in combinations(sorted(named), 2):
            found = link_chart.evidence(session, oracle.ids[a], oracle.ids[b], case, limit=2)
            both = oracle.reports[a] & oracle.reports[b]
            if agency:
                continue  # evidence is of every readable report (the chart's filter narrows what is drawn)
            assert found.shared == len(both) == entity_network.edge(session, oracle.ids[a], oracle.ids[b], case).shared
            assert [r for r, _ in found.reports] == sorted(vault.ids[n] for n in both)[:2]


def test_the_cap_is_what_the_strength_filter_can_ask(vault: Vault) -> None:
    """A link counted to CAP passes any strength the chart offers exactly when its full count does."""
    with vault.open("sam") as sam:
        oracle = _oracle(sam, "sam", "", "")
        hubs = link_chart.links(sam, [oracle.ids[H1], oracle.ids[H2]])
        assert [(link.shared, link.more) for link in hubs.links] == [(11, False)]
    assert chart_counts.CAP == 1000
