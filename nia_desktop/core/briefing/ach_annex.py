"""The ACH matrix as an optional annex of a briefing, portion-marked like the rest.

Each evidence row carries its item's marking (its report's, or for an assessment the combination of the
reports it cites); the hypotheses, their scores and ranks carry the combination of every report the product
includes, as the summary does (a hypothesis is the analysts' own words, written with all of them in view; its
scores derive from the rows, which rest on those reports). Only items resting wholly on the product's own
reports are annexed, and the scores and diagnosticity are computed again from those rows alone (core/ach.py),
so the annex says nothing of an item left out. A tearline version carries no annex (services/briefings.py):
like the full summary, the hypotheses' words may draw on what is above the line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from nia_desktop.core import ach
from nia_desktop.core.markings import Marking, combine

SHOWN = {"CC": "CC", "C": "C", "N": "N/A", "I": "I", "II": "II"}


@dataclass(frozen=True)
class AnnexHypothesis:
    id: int
    text: str
    score: int
    rank: int


@dataclass(frozen=True)
class AnnexItem:
    evidence: int
    kind: str  # "report" or "assessment"
    source: int
    label: str
    ratings: list[str]  # one per hypothesis, in the annex's order: CC, C, N, I, II, or "" (unrated)
    diagnosticity: int
    marking: Marking


@dataclass(frozen=True)
class AchAnnex:
    hypotheses: list[AnnexHypothesis]
    items: list[AnnexItem]
    hypotheses_marking: Marking  # the hypotheses, scores and ranks: every included report's (as the summary's)

    @property
    def portions(self) -> list[Marking]:
        return [self.hypotheses_marking, *(i.marking for i in self.items)]

    def to_json(self) -> dict[str, Any]:
        return {"hypotheses": [{"id": h.id, "text": h.text, "score": h.score, "rank": h.rank}
                               for h in self.hypotheses],
                "hypotheses_marking": self.hypotheses_marking.to_json(),
                "items": [{"evidence": i.evidence, "kind": i.kind, "source": i.source, "label": i.label,
                           "ratings": list(i.ratings), "diagnosticity": i.diagnosticity,
                           "marking": i.marking.to_json()} for i in self.items]}

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> AchAnnex:
        return cls([AnnexHypothesis(int(h["id"]), str(h["text"]), int(h["score"]), int(h["rank"]))
                    for h in value["hypotheses"]],
                   [AnnexItem(int(i["evidence"]), str(i["kind"]), int(i["source"]), str(i["label"]),
                              [str(r) for r in i["ratings"]], int(i["diagnosticity"]), Marking.from_json(i["marking"]))
                    for i in value["items"]], Marking.from_json(value["hypotheses_marking"]))


def build(hypotheses: list[tuple[int, str]], items: list[tuple[int, str, int, str, Marking]],
          cells: ach.Cells, included: Marking | None = None) -> AchAnnex:
    """The annex of these hypotheses (id, text) and rows (evidence id, kind, source id, label, marking), scored
    from these rows alone; ``included``: the combined marking of the product's reports (default: the rows')."""
    ids = [h for h, _ in hypotheses]
    rows = [e for e, *_ in items]
    scored = ach.scores(ids, rows, cells)
    ranked = ach.ranks(scored)
    return AchAnnex([AnnexHypothesis(h, text, scored[h], ranked[h]) for h, text in hypotheses],
                    [AnnexItem(e, kind, source, label,
                               [cells[(h, e)].value if (h, e) in cells else "" for h in ids],
                               ach.diagnosticity(ids, e, cells), marking)
                     for e, kind, source, label, marking in items],
                    combine([m for *_, m in items] + ([included] if included is not None else [])))
