"""Attacks on portion-marked ACH hypotheses (schema v21) from a reader cleared below one: diagnosticity is spread
across hypotheses, so it must be computed over the ones the reader may read alone; the annex of a product below a
hypothesis carries nothing of it."""

from __future__ import annotations

from pathlib import Path

from nia_desktop.core.classification import Level
from nia_desktop.services import ach, clearances
from nia_desktop.services.session import unlock
from tests.conftest import ANALYST, ANALYST_PASS, OFFICER, OFFICER_PASS
from tests.unit.test_ach_markings import with_ts  # noqa: F401 (the fixture)
from tests.unit.test_ach_service import CASE, built  # noqa: F401 (the fixture)


def test_diagnosticity_and_sensitivity_of_a_shown_item_ignore_a_hidden_hypothesis(
        vault_dir: Path, with_ts: dict[str, int]) -> None:  # noqa: F811
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        full = {i.id: i.diagnosticity for i in ach.matrix(anna, CASE).evidence}
    assert full[with_ts["s"]] == 3  # C, I and the TOP SECRET hypothesis' II: spread 3
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as olive:
        clearances.set_clearance(olive, ANALYST, Level.SECRET)
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        found = ach.matrix(anna, CASE)
        shown = {i.id: i.diagnosticity for i in found.evidence}
        assert shown[with_ts["s"]] == 2  # C and I alone
        assert shown[with_ts["c"]] == 0  # C, C: the hidden hypothesis' CC does not count
        assert all(set(c.scores) == {with_ts["h1"], with_ts["h2"]} for c in ach.sensitivity(anna, CASE))
        annex = ach.annex(anna, CASE, {with_ts["dih-s.txt"], with_ts["npa-c.txt"]})
        assert [h.id for h in annex.hypotheses] == [with_ts["h1"], with_ts["h2"]]
        assert {i.evidence: i.diagnosticity for i in annex.items}[with_ts["s"]] == 2
        assert "CANARY-H3" not in str(annex.to_json())
