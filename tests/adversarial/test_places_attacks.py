"""`nia places` probed by a role that may not run fusion: whether a case exists is not told (the refusal comes
first, as the other entity listings', and is audited), and paging past the end is an empty page, exit 0."""

from __future__ import annotations

from tests.e2e.conftest import Nia
from tests.e2e.test_places_cli import ANNA, OLIVE, _fused


def test_a_refused_role_learns_no_case_name_and_the_refusal_is_audited(nia_vault: Nia) -> None:
    _fused(nia_vault)
    real = nia_vault("places", "--case", "Kansai", **OLIVE)
    unknown = nia_vault("places", "--case", "No such case", **OLIVE)
    assert real.code == unknown.code == 1
    assert "refused" in real.err and "refused" in unknown.err, unknown.err  # was: "there is no case named ..."
    log = nia_vault("audit", "log", "--json", "--limit", "500", **OLIVE).json()
    refused = [e for e in log if e["outcome"] == "refused" and e["actor"] == "olive"]
    assert len(refused) >= 2, refused

    beyond = nia_vault("places", "--offset", "1000000", "--json", **ANNA)
    assert beyond.code == 0 and beyond.json()["items"] == [] and beyond.json()["more"] is False
    assert nia_vault("places", "--offset", "-1", **ANNA).code == 2
