"""ACH scoring (core/ach.py) on hand-made matrices in the style of Heuer's textbook example."""

from __future__ import annotations

from nia_desktop.core import ach
from nia_desktop.core.ach import Rating

CC, C, N = Rating.VERY_CONSISTENT, Rating.CONSISTENT, Rating.NOT_APPLICABLE
I, II = Rating.INCONSISTENT, Rating.VERY_INCONSISTENT  # noqa: E741 (Heuer's letters)

# Heuer, Psychology of Intelligence Analysis, ch. 8, in miniature: will Iraq retaliate for a US bombing?
# H1 no retaliation, H2 minor terrorism, H3 major terrorism. Evidence:
# E10 Saddam's public threat (C, C, C: not diagnostic), E20 Iraq will not want to provoke another attack
# (C, C, I), E30 increased security at the ports (I, C, C), E40 Iraq's need to save face (II, C, CC).
H = [1, 2, 3]
E = [10, 20, 30, 40]
CELLS = {(1, 10): C, (2, 10): C, (3, 10): C,
         (1, 20): C, (2, 20): C, (3, 20): I,
         (1, 30): I, (2, 30): C, (3, 30): C,
         (1, 40): II, (2, 40): C, (3, 40): CC}


def test_scores_count_inconsistencies_weighted_one_and_two() -> None:
    assert ach.scores(H, E, CELLS) == {1: 3, 2: 0, 3: 1}
    assert ach.ranks(ach.scores(H, E, CELLS)) == {1: 3, 2: 1, 3: 2}


def test_consistent_evidence_adds_nothing_and_unrated_counts_as_not_applicable() -> None:
    assert ach.scores(H, [10], CELLS) == {1: 0, 2: 0, 3: 0}
    assert ach.scores(H, [99], CELLS) == {1: 0, 2: 0, 3: 0}
    assert ach.rating(CELLS, 1, 99) is N
    # CC is as good as C for the score: Heuer scores by what refutes, not by what supports.
    assert ach.scores([3], [40], CELLS) == {3: 0}


def test_ties_share_a_rank() -> None:
    assert ach.ranks({1: 2, 2: 0, 3: 0, 4: 5}) == {1: 3, 2: 1, 3: 1, 4: 4}
    assert ach.ranks({}) == {}


def test_diagnosticity_is_the_spread_of_ratings_across_hypotheses() -> None:
    assert ach.diagnosticity(H, 10, CELLS) == 0  # consistent with everything: tells nothing
    assert ach.diagnosticity(H, 20, CELLS) == 2  # C, C, I
    assert ach.diagnosticity(H, 40, CELLS) == 4  # II against CC: the most diagnostic
    assert ach.diagnosticity(H, 99, CELLS) == 0  # unrated
    assert ach.diagnosticity([], 10, CELLS) == 0
    assert ach.diagnosticity([1, 2], 50, {(1, 50): C}) == 1  # bears on one, not applicable to the other


def test_sensitivity_names_the_items_the_ranking_leans_on() -> None:
    changes = {c.evidence: c for c in ach.sensitivity(H, E, CELLS)}
    assert not changes[10].changes_ranking  # non-diagnostic: dropping it changes nothing
    assert changes[20].scores == {1: 3, 2: 0, 3: 0}
    assert changes[20].moved == {3: (2, 1)}  # H3 ties for first without E2
    assert changes[40].scores == {1: 1, 2: 0, 3: 1}
    assert changes[40].moved == {1: (3, 2)}
    assert changes[30].moved == {}  # H1 still last (2 against 0 and 1)


def test_ratings_are_parsed_in_every_usual_spelling() -> None:
    assert [ach.parse_rating(t) for t in ("c", "CC", " i ", "ii", "N/A", "na", "N")] == [C, CC, I, II, N, N, N]
    assert ach.parse_rating("X") is None and ach.parse_rating("") is None
