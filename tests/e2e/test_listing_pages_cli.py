"""Listings page explicitly through `nia`: every readable report by default (an array, streamed), a page object
under --limit/--offset that says when more follows, text that names the next --offset, search cut at its default
page with a note on stderr, and a report the user may not read never listed or counted."""

from __future__ import annotations

import json

import pytest

from nia_desktop.core.classification import Level
from tests.e2e.conftest import Nia
from tests.listing_vault import insert_reports

ANNA = {"user": "anna", "passphrase": "anna-passphrase-1"}
BEN = {"user": "ben", "passphrase": "ben-passphrase-1"}
OLIVE = {"user": "olive", "passphrase": "olive-passphrase-1"}
C, S = Level.CONFIDENTIAL, Level.SECRET
LEVELS = [C, C, C, S, C, C, C]  # the fourth is above Ben's clearance
PAGE_KEYS = {"items", "more", "offset", "limit", "next_offset"}


@pytest.fixture
def listed(nia_vault: Nia) -> list[int]:
    added = nia_vault("user", "add", "ben", "--role", "analyst", "--clearance", "confidential",
                      new_passphrase=BEN["passphrase"], **OLIVE)
    assert added.code == 0, added.err
    return insert_reports(nia_vault.vault, ANNA["user"], ANNA["passphrase"], LEVELS)


def test_reports_array_by_default_and_pages_on_request(nia_vault: Nia, listed: list[int]) -> None:
    readable = [r for r, level in zip(listed, LEVELS, strict=True) if level is C]
    every = nia_vault("reports", "--json", **BEN)
    assert every.code == 0, every.err
    assert [r["id"] for r in every.json()] == readable and every.json()[0]["classification"] == "CONFIDENTIAL"

    first = nia_vault("reports", "--json", "--limit", "4", **BEN).json()
    assert set(first) == PAGE_KEYS and [r["id"] for r in first["items"]] == readable[:4]
    assert (first["more"], first["offset"], first["limit"], first["next_offset"]) == (True, 0, 4, 4)
    rest = nia_vault("reports", "--json", "--limit", "4", "--offset", "4", **BEN).json()
    assert [r["id"] for r in rest["items"]] == readable[4:] and rest["more"] is False and rest["next_offset"] is None
    # Six readable of seven: a page of six is the whole listing, the hidden report is not "more".
    assert nia_vault("reports", "--json", "--limit", "6", **BEN).json()["more"] is False
    assert nia_vault("reports", "--json", "--limit", "6", **ANNA).json()["more"] is True
    past = nia_vault("reports", "--json", "--offset", "40", **BEN).json()
    assert past == {"items": [], "more": False, "offset": 40, "limit": 1000, "next_offset": None}
    assert nia_vault("reports", "--json", "--limit", "0", **BEN).code == 2


def test_reports_text_names_the_next_page(nia_vault: Nia, listed: list[int]) -> None:
    every = nia_vault("reports", **BEN)
    assert every.code == 0, every.err
    lines = every.out.rstrip("\n").split("\n")
    assert lines[0].split() == ["ID", "DATE", "AGENCY", "CLASSIFICATION", "LANG", "GRADE", "TITLE"]
    assert len(lines) == 2 + 6 and "more" not in every.out and str(listed[3]) not in [ln.split()[0] for ln in lines]
    cut = nia_vault("reports", "--limit", "4", **BEN)
    assert cut.code == 0 and cut.out.rstrip("\n").split("\n")[-1] == "… more: --offset 4"
    assert "more" not in nia_vault("reports", "--limit", "4", "--offset", "4", **BEN).out


def test_search_pages_and_says_when_cut(nia_vault: Nia, listed: list[int]) -> None:
    whole = nia_vault("search", "harbour", "--json", **BEN)
    assert whole.code == 0 and len(whole.json()) == 6 and whole.err == ""
    assert listed[3] not in {h["id"] for h in whole.json()}
    first = nia_vault("search", "harbour", "--json", "--limit", "4", **BEN).json()
    assert set(first) == PAGE_KEYS and first["more"] is True and first["next_offset"] == 4
    rest = nia_vault("search", "harbour", "--json", "--limit", "4", "--offset", "4", **BEN).json()
    assert len(rest["items"]) == 2 and rest["more"] is False
    assert {h["id"] for h in first["items"] + rest["items"]} == {h["id"] for h in whole.json()}
    text = nia_vault("search", "harbour", "--limit", "4", **BEN)
    assert text.out.rstrip("\n").split("\n")[-1] == "… more: --offset 4"


def test_every_report_past_a_thousand(nia_vault: Nia) -> None:
    """`nia reports --json` once stopped at 1,000 rows without saying so."""
    ids = insert_reports(nia_vault.vault, ANNA["user"], ANNA["passphrase"], [C] * 1005)
    listed = nia_vault("reports", "--json", **ANNA)
    assert listed.code == 0, listed.err
    rows = json.loads(listed.out)
    assert len(rows) == 1005 and [r["id"] for r in rows] == ids
    search = nia_vault("search", "harbour", "--json", **ANNA)
    assert len(search.json()) == 50 and search.err.strip() == "more results: --offset 50"
