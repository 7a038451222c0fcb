"""Listings page explicitly through `nia`: every readable report by default (an array, streamed), a page object
under --limit/--offset that says when more follows, text that names the next --offset, search cut at its default
page with a note on stderr, and a report the user may not read never listed or counted."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from nia_desktop.core.classification import Level
from tests.e2e.conftest import NIA, Nia
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
    # A reader that stops early (| head) ends the stream quietly, not with an internal error.
    environment = {k: v for k, v in os.environ.items() if not k.startswith("NIA_")}
    environment.update(NIA_VAULT=str(nia_vault.vault), NIA_USER=ANNA["user"], NIA_PASSPHRASE=ANNA["passphrase"])
    for extra in (["--json"], []):
        reader = subprocess.Popen([NIA, "reports", *extra], env=environment, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
        assert reader.stdout is not None and reader.stdout.readline()
        reader.stdout.close()
        assert reader.wait(timeout=120) == 0 and reader.stderr is not None and reader.stderr.read() == b""


def test_a_refused_listing_writes_no_partial_array(nia_vault: Nia, listed: list[int]) -> None:
    refused = nia_vault("reports", "--case", "nosuch", "--json", **BEN)
    assert refused.code == 1 and "nosuch" in refused.json()["error"]  # stdout is the error alone, no "["


def test_audit_log_pages_back_from_the_head(nia_vault: Nia) -> None:
    latest = nia_vault("audit", "log", "--json", "--limit", "3", **OLIVE)
    assert latest.code == 0 and isinstance(latest.json(), list) and len(latest.json()) == 3
    seqs = [e["seq"] for e in latest.json()]
    assert seqs == sorted(seqs) and "more: --offset 3" in latest.err  # older entries precede them
    older = nia_vault("audit", "log", "--json", "--limit", "3", "--offset", "3", **OLIVE).json()
    assert set(older) == PAGE_KEYS and older["offset"] == 3 and older["next_offset"] in (6, None)
    older_seqs = [e["seq"] for e in older["items"]]
    assert older_seqs == list(range(older_seqs[0], older_seqs[0] + 3))  # each nia call adds its own entries
    deep = nia_vault("audit", "log", "--json", "--offset", "100000", **OLIVE).json()
    assert deep["items"] == [] and deep["more"] is False
    text = nia_vault("audit", "log", "--limit", "2", **OLIVE)
    assert text.out.rstrip("\n").split("\n")[-1] == "… more: --offset 2"


def test_imports_page_hides_what_the_reader_may_not_read(nia_vault: Nia, listed: list[int]) -> None:
    media = nia_vault.tmp / "media"
    media.mkdir()
    for n in range(3):
        (media / f"r{n}.txt").write_text(f"{'SECRET' if n == 1 else 'CONFIDENTIAL'}\nSubject: note {n}\n\nText {n}.\n",
                                         encoding="utf-8")
        assert nia_vault("import", str(media / f"r{n}.txt"), **ANNA).code == 0
    runs = nia_vault("imports", "--json", "--limit", "2", **BEN).json()
    assert set(runs) == PAGE_KEYS and len(runs["items"]) == 2 and runs["more"] is True
    assert [r["id"] for r in runs["items"]] == sorted((r["id"] for r in runs["items"]), reverse=True)
    last = nia_vault("imports", "--json", "--offset", "2", **BEN).json()
    assert len(last["items"]) == 1 and last["more"] is False
    every = nia_vault("imports", "--json", **BEN).json()
    assert [r["counts"] for r in every] == [{"imported": 1}, {"imported": 0}, {"imported": 1}]
    secret_run = every[1]["id"]
    assert nia_vault("imports", str(secret_run), "--json", "--limit", "5", **BEN).json()["items"] == []
    assert len(nia_vault("imports", str(secret_run), "--json", **ANNA).json()) == 1


def test_outbound_queue_pages(nia_vault: Nia, listed: list[int]) -> None:
    carl = {"user": "carl", "passphrase": "carl-passphrase-1"}
    uuids = []
    for report in listed[:3]:
        queued = nia_vault("bundle", "reports", str(report), "--queue", "--json", **ANNA)
        assert queued.code == 0, queued.err
        uuids.append(queued.json()["uuid"])
    every = nia_vault("bundle", "outbound", "--json", **carl)
    assert sorted(r["uuid"] for r in every.json()) == sorted(uuids) and every.err == ""
    first = nia_vault("bundle", "outbound", "--json", "--limit", "2", **carl).json()
    assert set(first) == PAGE_KEYS and len(first["items"]) == 2 and first["more"] is True
    rest = nia_vault("bundle", "outbound", "--json", "--offset", "2", **carl).json()
    assert rest["more"] is False and {r["uuid"] for r in first["items"] + rest["items"]} == set(uuids)
    cut = nia_vault("bundle", "outbound", "--limit", "1", **carl)
    assert cut.code == 0 and cut.out.rstrip("\n").split("\n")[-1] == "… more: --offset 1"
