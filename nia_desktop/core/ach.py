"""Analysis of competing hypotheses (Heuer): the matrix's arithmetic, as pure functions.

Each cell says how an item of evidence bears on a hypothesis: CC (very consistent), C (consistent), N (not
applicable or neutral), I (inconsistent), II (very inconsistent). An unrated cell counts as N. Heuer's rule is
to reject hypotheses rather than confirm them, so a hypothesis is scored by its inconsistencies alone:

* **inconsistency score**: the sum over evidence of I = 1 and II = 2 (C, CC and N add nothing); the lower the
  score, the more likely the hypothesis. Every item weighs the same: no credibility or relevance weighting, so
  the score is the count the analyst can check by eye;
* **rank**: 1 + the number of hypotheses with a strictly lower score (ties share a rank);
* **diagnosticity** of an item: how far its ratings differ across the hypotheses, the spread (highest minus
  lowest) of CC = 2, C = 1, N = 0, I = -1, II = -2 over the hypotheses. An item rated the same against
  every hypothesis (0) tells them apart not at all, however strong it looks;
* **sensitivity**: drop one item and score again; the items whose absence changes some hypothesis' rank are
  the ones the conclusion leans on, and deserve a second look.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum


class Rating(StrEnum):
    VERY_CONSISTENT = "CC"
    CONSISTENT = "C"
    NOT_APPLICABLE = "N"
    INCONSISTENT = "I"
    VERY_INCONSISTENT = "II"


# How each rating bears on the inconsistency score, and on the diagnosticity scale.
INCONSISTENCY: Mapping[Rating, int] = {Rating.VERY_CONSISTENT: 0, Rating.CONSISTENT: 0, Rating.NOT_APPLICABLE: 0,
                                       Rating.INCONSISTENT: 1, Rating.VERY_INCONSISTENT: 2}
CONSISTENCY: Mapping[Rating, int] = {Rating.VERY_CONSISTENT: 2, Rating.CONSISTENT: 1, Rating.NOT_APPLICABLE: 0,
                                     Rating.INCONSISTENT: -1, Rating.VERY_INCONSISTENT: -2}

_SPELLINGS = {"CC": Rating.VERY_CONSISTENT, "C": Rating.CONSISTENT, "N": Rating.NOT_APPLICABLE,
              "NA": Rating.NOT_APPLICABLE, "N/A": Rating.NOT_APPLICABLE, "I": Rating.INCONSISTENT,
              "II": Rating.VERY_INCONSISTENT}


def parse_rating(text: str) -> Rating | None:
    """C, CC, I, II, N, NA or N/A (any case, spaces ignored); None for anything else."""
    return _SPELLINGS.get("".join(text.split()).upper())


# (hypothesis id, evidence id) -> rating; a missing cell is unrated (counts as N).
Cells = Mapping[tuple[int, int], Rating]


def rating(cells: Cells, hypothesis: int, evidence: int) -> Rating:
    return cells.get((hypothesis, evidence), Rating.NOT_APPLICABLE)


def scores(hypotheses: Sequence[int], evidence: Sequence[int], cells: Cells) -> dict[int, int]:
    """Each hypothesis' inconsistency score over ``evidence`` (I = 1, II = 2)."""
    return {h: sum(INCONSISTENCY[rating(cells, h, e)] for e in evidence) for h in hypotheses}


def ranks(scored: Mapping[int, int]) -> dict[int, int]:
    """1 for the least inconsistent; ties share a rank (1, 1, 3)."""
    values = list(scored.values())
    return {h: 1 + sum(1 for v in values if v < s) for h, s in scored.items()}


def diagnosticity(hypotheses: Sequence[int], evidence: int, cells: Cells) -> int:
    """The spread of an item's ratings over the hypotheses (N and unrated as 0): 0 when it cannot tell them
    apart (rated alike against every one), up to 4 (CC against one, II against another)."""
    values = [CONSISTENCY[rating(cells, h, evidence)] for h in hypotheses]
    return max(values) - min(values) if values else 0


@dataclass(frozen=True)
class Change:
    """What dropping one item does: the ranks that move (hypothesis id -> (rank with it, rank without))."""

    evidence: int
    scores: dict[int, int]
    moved: dict[int, tuple[int, int]]

    @property
    def changes_ranking(self) -> bool:
        return bool(self.moved)


def sensitivity(hypotheses: Sequence[int], evidence: Sequence[int], cells: Cells) -> list[Change]:
    """For every item, the scores without it and the hypotheses whose rank that changes."""
    before = ranks(scores(hypotheses, evidence, cells))
    out = []
    for dropped in evidence:
        rest = [e for e in evidence if e != dropped]
        scored = scores(hypotheses, rest, cells)
        after = ranks(scored)
        out.append(Change(dropped, scored, {h: (before[h], after[h]) for h in hypotheses if before[h] != after[h]}))
    return out
