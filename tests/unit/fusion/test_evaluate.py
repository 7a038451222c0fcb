"""The quality harness on a tiny hand-made corpus whose figures were computed by hand."""

from __future__ import annotations

import pytest

from nia_desktop.core.fusion import evaluate
from nia_desktop.core.fusion.engine import ReportText, fuse
from nia_desktop.core.fusion.evaluate import SystemEntity, TruthEntity

A = ("NAGASE Ren met Konstantin YEGOROV at a symposium on quantum sensing; the ZQX officer later wrote to him "
     "from k.yegorov@post.example.net about a paid trip to a conference in Novosibirsk next spring.")
C = A.replace("a paid trip", "a fully paid trip")  # a re-send, lightly edited
REPORTS = {"A": A, "B": "Ren Nagase and Konstantin Egorov met again.", "C": C,
           "D": "TAKAGI Mio visited an office in Roppongi. The ZQX was mentioned."}
TRUTH = [
    TruthEntity("PER-N", ("NAGASE Ren", "Ren Nagase"), frozenset("ABC")),
    TruthEntity("PER-Y", ("Konstantin YEGOROV", "Konstantin Egorov"), frozenset("ABC")),
    TruthEntity("EML", ("k.yegorov@post.example.net",), frozenset("AC")),
    TruthEntity("ORG-S", ("ZQX",), frozenset("ACD")),  # never found: "ZQX" is defined nowhere, known to no gazetteer
    TruthEntity("PER-T", ("TAKAGI Mio",), frozenset("D")),
    TruthEntity("LOC-R", ("Roppongi",), frozenset("D")),
]
# Report pairs sharing a true entity; none shares a place only, so all are strong.
TRUE_PAIRS = {("A", "B"), ("A", "C"), ("B", "C"), ("A", "D"), ("C", "D")}


def test_hand_computed_figures() -> None:
    names = dict(enumerate(REPORTS, start=1))
    result = fuse(ReportText(i, "", REPORTS[n]) for i, n in names.items())
    system = [SystemEntity((e.name, *e.aliases), frozenset(names[r] for r in e.reports)) for e in result.entities]
    # What fusion found, checked first, so the figures below are about the harness:
    found = {frozenset(s.reports) for s in system}
    assert {frozenset("ABC"), frozenset("AC"), frozenset("D")} <= found
    assert not any("ZQX" in s.names for s in system)

    # B-cubed, by hand: 13 incidences (N 3, Y 3, E 2, S 3, T 1, L 1). Every found cluster is exact, so
    # precision is 13/13; the three ZQX incidences have no cluster and count 1/3 recall each:
    # recall = (10 + 3 * 1/3) / 13 = 11/13.
    figures = evaluate.entities(TRUTH, system)
    assert figures.precision == pytest.approx(1.0)
    assert figures.recall == pytest.approx(11 / 13)
    assert figures.f1 == pytest.approx(2 * 11 / 13 / (1 + 11 / 13))

    # Links: fusion links A-B, A-C, B-C (all true); A-D and C-D go through the ZQX it missed: P 3/3, R 3/5.
    linked = [(names[link["a"]], names[link["b"]]) for link in result.links]
    assert sorted(linked) == [("A", "B"), ("A", "C"), ("B", "C")]
    links = evaluate.links(TRUE_PAIRS, TRUE_PAIRS, linked)
    assert (links.precision, links.recall) == (pytest.approx(1.0), pytest.approx(0.6))

    # Near-duplicates: C is A re-sent; one true pair, found.
    groups = [[names[r] for r in group] for group in result.duplicates]
    assert groups == [["A", "C"]]
    assert evaluate.duplicates([["A", "C"]], groups).f1 == pytest.approx(1.0)
    # and a wrong extra group halves precision: pairs {A-C, B-D}, one of them true.
    assert evaluate.duplicates([["A", "C"]], [["A", "C"], ["B", "D"]]).precision == pytest.approx(0.5)


def test_names_compare_as_the_scorer_does() -> None:
    assert evaluate.name_norm("hxxps://example[.]org") == evaluate.name_norm("https://example.org")
    assert evaluate.name_norm("永瀬 蓮") == evaluate.name_norm("永瀬蓮")
    assert evaluate.name_norm("Ren・NAGASE") == evaluate.name_norm("ren nagase")
