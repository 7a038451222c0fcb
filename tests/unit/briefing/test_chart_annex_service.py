"""compose(chart_annex=True) on a vault: the annex draws the product's own fusion over its reports alone (an
address named only in a TOP SECRET report left out is absent, as is a link only that report supports), keeps
the analyst's saved chart of the case (its entities and places) for the full product, and never for a tearline
version, whose annex is laid out from the reports under its line; the request's audit entry names the annex."""

from __future__ import annotations

from pathlib import Path

import pytest

from nia_desktop.core.classification import Level
from nia_desktop.core.markings import Caveat, CaveatKind, Marking, Tearline, combine
from nia_desktop.core.store import audit_log
from nia_desktop.services import briefings, fusion, importing, link_chart, reports
from nia_desktop.services.session import Session, unlock
from tests.conftest import ANALYST, ANALYST_PASS

A, B, C = "alpha@harbour.example", "bravo@harbour.example", "charlie@harbour.example"
HIDDEN = "canary@hidden.example"
FILES = {"s1.txt": ("SECRET//REL TO USA, GBR", [A, B]), "c1.txt": ("CONFIDENTIAL//REL TO USA", [B, C]),
         "ts1.txt": ("TOP SECRET", [A, B, C, HIDDEN])}
CASE = "Harbour"
S_REL = Marking.of(Level.SECRET, [Caveat("REL TO GBR, USA", CaveatKind.RELEASE)])
C_REL = Marking.of(Level.CONFIDENTIAL, [Caveat("REL TO USA", CaveatKind.RELEASE)])


def write_media(media: Path) -> None:
    """Three reports naming addresses (a fusion finds them every time): S and C in the product, TS left out."""
    media.mkdir()
    for name, (marking, named) in FILES.items():
        body = " ".join(f"Contact {s} was seen." for s in named)
        (media / name).write_text(f"CLASSIFICATION: {marking}\nSubject: {name}\n\n{body}\n", encoding="utf-8")


@pytest.fixture
def ids(vault_dir: Path, tmp_path: Path) -> dict[str, int]:
    write_media(tmp_path / "media")
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        importing.import_paths(anna, [tmp_path / "media"], pool_size=1)
        found = {r.path.rsplit("/", 1)[-1]: r.id for r in reports.list_reports(anna)}
        fusion.create_case(anna, CASE)
        fusion.add_to_case(anna, CASE, list(found.values()))
    return found


def _product(session: Session, ids: dict[str, int], **options: object) -> briefings.Briefing:
    return briefings.compose(session, CASE, report_ids=[ids["s1.txt"], ids["c1.txt"]], **options)  # type: ignore[arg-type]


def test_the_annex_rests_on_the_products_reports_alone(vault_dir: Path, ids: dict[str, int]) -> None:
    s1, c1 = ids["s1.txt"], ids["c1.txt"]
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        plain = _product(anna, ids)
        assert plain.chart is None and "chart" not in plain.to_json()
        product = _product(anna, ids, chart_annex=True)
        chart = product.chart
        assert chart is not None and not chart.saved
        assert {n.name: n.reports for n in chart.nodes} == {A: [s1], B: sorted([s1, c1]), C: [c1]}
        pairs = {frozenset((chart.nodes[x.a].name, chart.nodes[x.b].name)): x.reports for x in chart.links}
        assert pairs == {frozenset({A, B}): [s1], frozenset({B, C}): [c1]}  # A-C rests on the TS report alone
        assert chart.marking == combine([S_REL, C_REL]) == product.marking == plain.marking
        assert HIDDEN not in product.encode().decode("utf-8")
        # The whole case: the TOP SECRET report's address and links come in, weights count it.
        whole = briefings.compose(anna, CASE, chart_annex=True).chart
        assert whole is not None and HIDDEN in {n.name for n in whole.nodes} and whole.marking.level is Level.TOP_SECRET
        assert max(x.weight for x in whole.links) == 2


def test_a_saved_chart_is_kept_for_the_full_product_and_never_below_a_tearline(vault_dir: Path,
                                                                                ids: dict[str, int]) -> None:
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        fusion.run_fusion(anna, CASE)
        run = fusion.last_fusion(anna, CASE)
        assert run is not None
        entity = {e["name"]: (int(e["id"]), str(e["kind"])) for e in run["entities"]}
        link_chart.save(anna, CASE, [link_chart.Placed(entity[n][0], entity[n][1], n, x, y)
                                     for n, x, y in ((A, 5.0, 6.0), (HIDDEN, 0.0, 0.0), (C, 90.0, -30.0))], [])
        # A product of some of the case's reports: the saved places were chosen with the TOP SECRET report's
        # A-C link in view, which this SECRET product leaves out, so it is laid out from its own links.
        some = _product(anna, ids, chart_annex=True).chart
        assert some is not None and not some.saved and {n.name for n in some.nodes} == {A, B, C}
        assert (5.0, 6.0) not in {(n.x, n.y) for n in some.nodes}
        assert some.marking == combine([S_REL, C_REL])
        # Every report of the case: the saved chart's entities and places, marked with every included report.
        product = briefings.compose(anna, CASE, chart_annex=True)
        chart = product.chart
        assert chart is not None and chart.saved
        assert {n.name: (n.x, n.y) for n in chart.nodes} == {A: (5.0, 6.0), HIDDEN: (0.0, 0.0),
                                                              C: (90.0, -30.0)}  # no B: not on the saved chart
        assert chart.marking.level is Level.TOP_SECRET == product.marking.level
        opened = [e for e in audit_log.latest(anna.db, 30) if e.action == "chart.open"]
        assert opened and opened[-1].details["case"] == CASE
        outcome = briefings.brief(anna, product, None)
        assert outcome.status == "queued"  # TOP SECRET: the two-person rule
        request = [e for e in audit_log.latest(anna.db, 30) if e.action == "release.request"][-1]
        assert request.details["chart_annex"] == {"entities": 3, "links": 3, "saved": True}
        assert "ach_annex" not in request.details  # only the annexes a product carries are named
        # The CONFIDENTIAL tearline version: laid out from c1 alone, whatever the saved chart holds.
        cut = briefings.compose(anna, CASE, tearline=Tearline(Level.CONFIDENTIAL), tearline_summary="below",
                                chart_annex=True)
        assert cut.chart is not None and not cut.chart.saved
        assert {n.name for n in cut.chart.nodes} == {B, C} and cut.chart.marking == C_REL
        assert [x.reports for x in cut.chart.links] == [[ids["c1.txt"]]]
        assert cut.marking == C_REL
