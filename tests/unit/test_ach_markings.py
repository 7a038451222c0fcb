"""Portion-marked ACH hypotheses (schema v21): a hypothesis carries its author's marking, never above what the
author may read; one a reader may not read is absent from their matrix, scores, sensitivity and cells, refused
like one that does not exist; the author or an officer re-marks it (audited); hypotheses written before v21
default to TOP SECRET with their case's compartments and controls; a briefing's annex carries only those within
the product, each with its own portion mark."""

from __future__ import annotations

from pathlib import Path

import pytest

from nia_desktop.core.briefing.html_render import render_html
from nia_desktop.core.classification import Level
from nia_desktop.core.errors import BadInput, PermissionRefused
from nia_desktop.core.markings import Caveat, CaveatKind, Marking, combine
from nia_desktop.core.roles import Role
from nia_desktop.core.store import ach as store
from nia_desktop.core.store import audit_log
from nia_desktop.core.store.ach_marking_schema import v21_ach_hypothesis_markings
from nia_desktop.services import ach, briefings, clearances
from nia_desktop.services.session import unlock
from nia_desktop.services.users import add_user
from tests.conftest import ANALYST, ANALYST_PASS, OFFICER, OFFICER_PASS
from tests.unit.test_ach_service import CASE, built  # noqa: F401 (the fixture)

SDS = "特定秘密"
ORCON = Marking.of(Level.SECRET, [Caveat("ORCON", CaveatKind.CONTROL)])


@pytest.fixture
def with_ts(vault_dir: Path, built: dict[str, int]) -> dict[str, int]:  # noqa: F811
    """The built case plus a TOP SECRET hypothesis (H3) rated against the SECRET and CONFIDENTIAL items so that,
    with it, H1 ranks 2nd of three."""
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        h3 = ach.add_hypothesis(anna, CASE, "CANARY-H3 ZORIN's service runs the courier", Level.TOP_SECRET)
        for e, r in ((built["s"], "II"), (built["c"], "C"), (built["ts"], "CC")):
            ach.mark(anna, CASE, h3, e, r)
    return {**built, "h3": h3}


def _ids(found: ach.Matrix) -> list[int]:
    return [h.id for h in found.hypotheses]


def test_a_hypothesis_above_the_reader_is_absent_everywhere(vault_dir: Path, with_ts: dict[str, int]) -> None:
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        full = ach.matrix(anna, CASE)
        assert _ids(full) == [with_ts["h1"], with_ts["h2"], with_ts["h3"]]
        assert next(h for h in full.hypotheses if h.id == with_ts["h3"]).marking == Marking(Level.TOP_SECRET)
        assert any(h == with_ts["h3"] for h, _ in full.cells)
        assert full.to_json()["hypotheses"][2]["portion"] == "(TS)"
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as olive:
        clearances.set_clearance(olive, ANALYST, Level.SECRET)
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        found = ach.matrix(anna, CASE)
        assert _ids(found) == [with_ts["h1"], with_ts["h2"]]
        assert all(h != with_ts["h3"] for h, _ in found.cells)
        # Ranked among the hypotheses shown alone (and the items shown alone).
        assert {h.id: (h.score, h.rank) for h in found.hypotheses} == {with_ts["h1"]: (0, 1),
                                                                       with_ts["h2"]: (1, 2)}
        changes = ach.sensitivity(anna, CASE)
        assert all(with_ts["h3"] not in c.scores and with_ts["h3"] not in c.moved for c in changes)
        text = str(found.to_json()) + str([c.to_json() for c in changes])
        assert "CANARY-H3" not in text and "(TS)" not in text
        # Its id is refused in the words used for one that does not exist, and the attempt audited.
        for attempt in (lambda: ach.mark(anna, CASE, with_ts["h3"], with_ts["c"], "I"),
                        lambda: ach.withdraw(anna, CASE, hypothesis_id=with_ts["h3"]),
                        lambda: ach.mark_hypothesis(anna, CASE, with_ts["h3"], Level.SECRET, [], "lower")):
            with pytest.raises(BadInput, match=f"has no hypothesis {with_ts['h3']} you may read"):
                attempt()
            last = audit_log.last(anna.db)
            assert last is not None and last.outcome == "refused" and last.details["reason"] == "need to know"
        with pytest.raises(BadInput, match="no hypothesis 999 you may read"):
            ach.mark(anna, CASE, 999, with_ts["c"], "I")
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as olive:  # nothing was changed by the refused attempts
        assert store.cells(olive.db, olive.db.query("SELECT id FROM cases")[0][0])[(with_ts["h3"], with_ts["c"])] \
            .value == "C"


def test_a_marking_above_the_author_is_refused_and_nothing_written(vault_dir: Path,
                                                                   built: dict[str, int]) -> None:  # noqa: F811
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as olive:
        clearances.set_clearance(olive, ANALYST, Level.SECRET)
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        before = anna.db.query("SELECT count(*) FROM ach_hypotheses")[0][0]
        with pytest.raises(BadInput, match="your clearance is SECRET"):
            ach.add_hypothesis(anna, CASE, "Above me", Level.TOP_SECRET)
        last = audit_log.last(anna.db)
        assert last is not None and last.action == "ach.hypothesis.add" and last.outcome == "refused"
        with pytest.raises(BadInput, match="do not hold"):
            ach.add_hypothesis(anna, CASE, "In a compartment", Level.SECRET, [SDS])
        with pytest.raises(BadInput, match="no caveat named"):
            ach.add_hypothesis(anna, CASE, "A typo", Level.SECRET, ["ORKON"])
        with pytest.raises(BadInput, match="your clearance is SECRET"):
            ach.mark_hypothesis(anna, CASE, built["h1"], Level.TOP_SECRET, [], "raise it")
        assert anna.db.query("SELECT count(*) FROM ach_hypotheses")[0][0] == before
        assert anna.db.query("SELECT count(*) FROM ach_hypothesis_caveats")[0][0] == 0
        # Within the author's reach: level, controls, release lists (aliases as the vault names them).
        made = ach.add_hypothesis(anna, CASE, "Controlled", Level.SECRET, ["orcon", "REL TO usa"])
        shown = next(h for h in ach.matrix(anna, CASE).hypotheses if h.id == made)
        assert shown.marking.portion_mark() == "(S//ORCON//REL TO USA)"
        entry = next(e for e in reversed(list(audit_log.iter_entries(anna.db))) if e.action == "ach.hypothesis.add")
        assert entry.details == {"id": made, "marking": "(S//ORCON//REL TO USA)"}
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as olive:
        clearances.grant(olive, ANALYST, SDS, None)
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        held = ach.add_hypothesis(anna, CASE, "In a compartment", Level.SECRET, ["SDS"])
        assert next(h for h in ach.matrix(anna, CASE).hypotheses if h.id == held).marking.compartments == {SDS}


def test_re_marking_by_the_author_or_an_officer(vault_dir: Path, built: dict[str, int]) -> None:  # noqa: F811
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as olive:
        add_user(olive, "bert", Role.ANALYST, "bert-passphrase-4444")
    with unlock(vault_dir, "bert", "bert-passphrase-4444") as bert:
        with pytest.raises(PermissionRefused, match="its author or an officer"):
            ach.mark_hypothesis(bert, CASE, built["h1"], Level.SECRET, [], "mine now")
        last = audit_log.last(bert.db)
        assert last is not None and last.outcome == "refused" and last.details["reason"] == "not the author"
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        with pytest.raises(BadInput, match="--why"):
            ach.mark_hypothesis(anna, CASE, built["h1"], Level.SECRET, [], "  ")
        assert ach.mark_hypothesis(anna, CASE, built["h1"], Level.SECRET, ["ORCON"], "drew on the DIH report") \
            == ORCON
        last = audit_log.last(anna.db)
        assert last is not None and last.action == "ach.hypothesis.mark" and last.details == {
            "hypothesis": built["h1"], "from": "(C)", "to": "(S//ORCON)", "why": "drew on the DIH report"}
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as olive:
        assert ach.mark_hypothesis(olive, CASE, built["h1"], Level.TOP_SECRET, [], "reviewed") \
            == Marking(Level.TOP_SECRET)
        row = olive.db.query("SELECT level, marked_by FROM ach_hypotheses WHERE id = ?", (built["h1"],))[0]
        assert (row[0], row[1]) == (3, OFFICER)


def test_hypotheses_written_before_v21_default_to_top_secret_with_the_case_caveats(
        vault_dir: Path, built: dict[str, int]) -> None:  # noqa: F811
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as olive:
        clearances.grant(olive, ANALYST, SDS, None)
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        clearances.mark_report(anna, built["dih-s.txt"], Level.SECRET, ["ORCON", "REL TO USA"], "test")
        with anna.db.transaction():  # back to v20: the columns and table v21 adds, gone
            anna.db.execute("DROP TABLE ach_hypothesis_caveats")
            for column in ("marked_at", "marked_by", "level"):
                anna.db.execute(f"ALTER TABLE ach_hypotheses DROP COLUMN {column}")
            v21_ach_hypothesis_markings(anna.db)
        found = store.hypotheses(anna.db, int(anna.db.query("SELECT id FROM cases")[0][0]))
        # TOP SECRET, the case's control ORCON (never its release list), and the author's compartment.
        assert {h.id: h.marking.portion_mark() for h in found} == {built["h1"]: f"(TS//{SDS}//ORCON)",
                                                                  built["h2"]: f"(TS//{SDS}//ORCON)"}
        assert all(h.marked_by is None for h in found)
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as olive:
        clearances.ungrant(olive, ANALYST, SDS)
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:  # without the compartment: none of them
        assert ach.matrix(anna, CASE).hypotheses == []


def test_the_annex_carries_only_hypotheses_within_the_product(vault_dir: Path,
                                                              with_ts: dict[str, int]) -> None:
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        orcon = ach.add_hypothesis(anna, CASE, "Controlled words", Level.SECRET, ["ORCON"])
        whole = briefings.compose(anna, CASE, ach_annex=True)
        assert whole.ach is not None
        # TOP SECRET product: the TS hypothesis is in, with its own mark; the ORCON one is not (no report has it).
        assert [h.id for h in whole.ach.hypotheses] == [with_ts["h1"], with_ts["h2"], with_ts["h3"]]
        assert [whole.ach.portion(h).portion_mark() for h in whole.ach.hypotheses] == ["(C)", "(C)", "(TS)"]
        assert whole.marking == combine(whole.portions) and whole.classification is Level.TOP_SECRET
        html = render_html(whole)
        assert f'<span class="portion">(TS)</span> H{with_ts["h3"]}: CANARY-H3' in html
        assert f'<span class="portion">(C)</span> H{with_ts["h1"]}: The courier works' in html
        assert orcon not in [h.id for h in whole.ach.hypotheses] and "Controlled words" not in html
        # A SECRET product (its TS report left out): no trace of the TS hypothesis, scored without it.
        part = briefings.compose(anna, CASE, report_ids=[with_ts["dih-s.txt"], with_ts["npa-c.txt"]],
                                 ach_annex=True)
        assert part.ach is not None and part.classification is Level.SECRET
        assert [h.id for h in part.ach.hypotheses] == [with_ts["h1"], with_ts["h2"]]
        assert [(h.score, h.rank) for h in part.ach.hypotheses] == [(0, 1), (1, 2)]
        assert "CANARY-H3" not in render_html(part) and "CANARY-H3" not in str(part.to_json())
        # Only hypotheses above the product: nothing to annex, said plainly.
        ach.withdraw(anna, CASE, hypothesis_id=with_ts["h1"])
        ach.withdraw(anna, CASE, hypothesis_id=with_ts["h2"])
        with pytest.raises(BadInput, match="marked within this product"):
            briefings.compose(anna, CASE, report_ids=[with_ts["npa-c.txt"]], ach_annex=True)


def test_within() -> None:
    s, c = Marking(Level.SECRET), Marking(Level.CONFIDENTIAL)
    rel = Marking.of(Level.SECRET, [Caveat("REL TO USA", CaveatKind.RELEASE)])
    assert ach.within(s, c) and ach.within(s, s) and not ach.within(c, s)
    assert not ach.within(s, ORCON) and ach.within(ORCON, s)
    assert not ach.within(rel, s)  # an unlisted SECRET portion would take the product's release list away
    assert ach.within(rel, rel) and ach.within(rel, Marking(Level.UNCLASSIFIED))
