"""The ACH matrix as an optional annex of a briefing, portion-marked like the rest.

Each evidence row carries its item's marking (its report's, or for an assessment the combination of the
reports it cites); each hypothesis carries its own, chosen by its author (schema v21), and only hypotheses
marked within the product are annexed (services/ach.annex); the scores and ranks carry the combination of the
rows and the hypotheses they are computed from. Only items resting wholly on the product's own reports are
annexed, and the scores and diagnosticity are computed again from those rows and hypotheses alone
(core/ach.py), so the annex says nothing of an item or a hypothesis left out. A tearline version carries no
annex (services/briefings.py). An annex made before hypotheses were marked has none on its hypotheses
(``marking`` None): they are shown with the scores' marking, as they were then, and its JSON is unchanged.
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
    marking: Marking | None = None  # its own portion mark; None in an annex made before hypotheses had one

    def to_json(self) -> dict[str, Any]:
        value: dict[str, Any] = {"id": self.id, "text": self.text, "score": self.score, "rank": self.rank}
        if self.marking is not None:  # absent, not null, in an older annex: its digest stays what it was
            value["marking"] = self.marking.to_json()
        return value


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
    hypotheses_marking: Marking  # the scores and ranks (and, in an older annex, the hypotheses' words)

    def portion(self, hypothesis: AnnexHypothesis) -> Marking:
        """A hypothesis' portion mark: its own, or in an older annex the scores'."""
        return hypothesis.marking if hypothesis.marking is not None else self.hypotheses_marking

    @property
    def portions(self) -> list[Marking]:
        return [self.hypotheses_marking, *(self.portion(h) for h in self.hypotheses), *(i.marking for i in self.items)]

    def to_json(self) -> dict[str, Any]:
        return {"hypotheses": [h.to_json() for h in self.hypotheses],
                "hypotheses_marking": self.hypotheses_marking.to_json(),
                "items": [{"evidence": i.evidence, "kind": i.kind, "source": i.source, "label": i.label,
                           "ratings": list(i.ratings), "diagnosticity": i.diagnosticity,
                           "marking": i.marking.to_json()} for i in self.items]}

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> AchAnnex:
        return cls([AnnexHypothesis(int(h["id"]), str(h["text"]), int(h["score"]), int(h["rank"]),
                                    Marking.from_json(h["marking"]) if h.get("marking") is not None else None)
                    for h in value["hypotheses"]],
                   [AnnexItem(int(i["evidence"]), str(i["kind"]), int(i["source"]), str(i["label"]),
                              [str(r) for r in i["ratings"]], int(i["diagnosticity"]), Marking.from_json(i["marking"]))
                    for i in value["items"]], Marking.from_json(value["hypotheses_marking"]))


def build(hypotheses: list[tuple[int, str, Marking]], items: list[tuple[int, str, int, str, Marking]],
          cells: ach.Cells) -> AchAnnex:
    """The annex of these hypotheses (id, text, marking) and rows (evidence id, kind, source id, label, marking),
    scored from these alone; the caller chose them (within the product)."""
    ids = [h for h, *_ in hypotheses]
    rows = [e for e, *_ in items]
    scored = ach.scores(ids, rows, cells)
    ranked = ach.ranks(scored)
    return AchAnnex([AnnexHypothesis(h, text, scored[h], ranked[h], marking) for h, text, marking in hypotheses],
                    [AnnexItem(e, kind, source, label,
                               [cells[(h, e)].value if (h, e) in cells else "" for h in ids],
                               ach.diagnosticity(ids, e, cells), marking)
                     for e, kind, source, label, marking in items],
                    combine([*(m for *_, m in items), *(m for *_, m in hypotheses)]))
