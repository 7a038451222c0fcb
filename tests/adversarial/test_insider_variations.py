"""Variations of the outside reviewer's insider-view attacks (tests/adversarial/test_dissemination_attacks.py,
findings 8-11), each a different road to the same gain:

* climbing unflagged: an account back from a leave longer than the lookback (nothing of its own in it), and an
  established one creeping up day after day;
* free text in the officer's view: a case named exactly like a numbered object ("report 12"), a watchlist
  entry named by a number;
* unwatched reach: one search asking for every hit at once (`nia search WORD --limit 100000`);
* erasing reads outside one's cases: joining, afterwards, another analyst's case that holds the reports read.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from nia_desktop.core import insiders as rule
from nia_desktop.core.roles import Role
from nia_desktop.core.store import audit_log
from nia_desktop.services import fusion, importing, insiders
from nia_desktop.services.reports import SEARCH_AUDIT_IDS, open_report, search
from nia_desktop.services.session import unlock
from nia_desktop.services.users import add_user
from tests.adversarial.test_dissemination_attacks import SetClock, World, at, read_rows
from tests.adversarial.test_dissemination_attacks import world as world  # the fixture
from tests.conftest import ANALYST, ANALYST_PASS, OFFICER, OFFICER_PASS

HANA, HANA_PASS = "hana", "hana-passphrase-77"


def most_unflagged(rows: list[tuple[object, ...]], day: date) -> int:
    """The most reads on ``day`` after ``rows`` that leave mallory unflagged: the line does not depend on the day's
    own figure, so one trial at the agency ceiling (800) names it."""
    trial = rows + read_rows("mallory", "analyst", at(day, 10), 800, len(rows) + 1, 1_000_000 + len(rows))
    tally = rule.Tally(rule.Window(day, day), {})
    tally.feed(sorted(trial, key=lambda r: (str(r[1]), int(str(r[0])))))
    judged = next(f for f in tally.finish().findings if f.kind is rule.Kind.READS)
    return int(judged.threshold - 1e-9)


def test_back_from_four_months_leave_an_account_cannot_climb_in_its_first_week() -> None:
    """mallory read 100 reports a day for six weeks, four months ago. Back from leave, each day she reads the most
    that goes unflagged: her old days are past the lookback, so the agency's usual day holds her first week."""
    first = date(2026, 12, 24)
    rows: list[tuple[object, ...]] = []
    for back in range(42):
        rows += read_rows("mallory", "analyst", at(first - timedelta(days=120 + back), 10), 100, len(rows) + 1,
                          len(rows) + 1)
    climbed = []
    for n in range(7):
        day = first + timedelta(days=n)
        most = most_unflagged(rows, day)
        climbed.append(most)
        rows += read_rows("mallory", "analyst", at(day, 10), most, len(rows) + 1, len(rows) + 1)
    assert max(climbed) < 20 * rule.RULES.defaults[rule.Kind.READS], climbed
    assert climbed[0] < 6 * 40 + 1


def test_an_established_reader_creeping_up_every_day_stays_under_ten_times_usual_for_three_weeks() -> None:
    first = date(2026, 12, 10)
    rows: list[tuple[object, ...]] = []
    for back in range(90, 0, -1):
        if (first - timedelta(days=back)).weekday() < 5:
            rows += read_rows("mallory", "analyst", at(first - timedelta(days=back), 10), 10, len(rows) + 1,
                              len(rows) + 1)
    climbed = []
    for n in range(21):
        day = first + timedelta(days=n)
        most = most_unflagged(rows, day)
        climbed.append(most)
        rows += read_rows("mallory", "analyst", at(day, 10), most, len(rows) + 1, len(rows) + 1)
    assert max(climbed) < 100, climbed


def test_a_case_named_like_a_numbered_object_is_not_shown(world: World) -> None:
    from nia_desktop.services.watchlist import add_watch

    with world.analyst() as session:
        fusion.create_case(session, "report 12")
        add_watch(session, "2026", "person", [])
        seqs = [e.seq for e in audit_log.iter_entries(session.db)
                if e.action in {"case.create", "watchlist.add"} and e.object in {"report 12", "2026"}]
    assert len(seqs) == 2
    with world.officer() as olive:
        assert [line.object for line in insiders.entries(olive, seqs)] == ["", ""]


def test_one_search_for_every_hit_is_one_entry_naming_them_all(world: World, tmp_path: Path) -> None:
    """`--limit 100000`: the store ranks at most its newest RECENT_CANDIDATES matches, and the entry names as many
    ids, so a search's entry never leaves a hit out; the watch counts every hit as reached."""
    from nia_desktop.core.store.reports import RECENT_CANDIDATES

    assert SEARCH_AUDIT_IDS >= RECENT_CANDIDATES
    media = tmp_path / "many"
    media.mkdir()
    for n in range(RECENT_CANDIDATES + 20):
        (media / f"m{n:04d}.txt").write_text(f"UNCLASSIFIED\nSubject: Manifest {n}\n\nManifest {n} of MV Kestrel.\n",
                                             encoding="utf-8")
    with world.analyst() as session:
        importing.import_paths(session, [media], pool_size=1)
        before = audit_log.count(session.db)
        hits = search(session, "Kestrel", limit=100_000)
        after = [e for e in audit_log.iter_entries(session.db) if e.seq > before]
    assert len(hits) == RECENT_CANDIDATES
    assert [e.action for e in after] == ["report.search"]
    assert after[0].details["hits"] == len(hits) and after[0].details["reports"] == [h.summary.id for h in hits]
    with world.officer() as olive:
        summary = next(u for u in insiders.watch(olive, 1).users if u.user == ANALYST)
    assert summary.reach == len(hits)


def test_joining_afterwards_the_case_that_holds_the_reports_read_erases_nothing(vault_dir: Path,
                                                                               tmp_path: Path) -> None:
    """hana files thirty reports into her own case. anna, who reads the ten of her own case every day, reads
    hana's thirty one day (outside her cases), then adds one report to hana's case: she has joined it, but only
    from then on."""
    media = tmp_path / "many"
    media.mkdir()
    for n in range(40):
        (media / f"r{n:02d}.txt").write_text(f"CONFIDENTIAL\nSubject: Note {n}\n\nShipment {n} left Kobe on time.\n",
                                             encoding="utf-8")
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as olive:
        add_user(olive, HANA, Role.ANALYST, HANA_PASS)
    day = date(2026, 6, 10)
    clock = SetClock(at(day - timedelta(days=31), 9))
    with unlock(vault_dir, ANALYST, ANALYST_PASS, clock=clock) as session:
        ids = sorted(int(r["id"]) for r in importing.import_paths(session, [media], pool_size=1).imported)
        fusion.create_case(session, "mine")
        fusion.add_to_case(session, "mine", ids[:10])
    with unlock(vault_dir, HANA, HANA_PASS, clock=SetClock(at(day - timedelta(days=31), 10))) as hana:
        fusion.create_case(hana, "hers")
        fusion.add_to_case(hana, "hers", ids[10:])
    with unlock(vault_dir, ANALYST, ANALYST_PASS, clock=clock) as session:
        for back in range(30, 0, -1):
            clock.moment = at(day - timedelta(days=back), 10)
            for report_id in ids[:10]:
                open_report(session, report_id)
        clock.moment = at(day, 10)
        for report_id in ids[10:]:
            open_report(session, report_id)

    def outside_flags() -> list[rule.Finding]:
        with unlock(vault_dir, OFFICER, OFFICER_PASS, clock=SetClock(at(day, 15))) as olive:
            return [f for f in insiders.watch(olive, days=1).flagged if f.user == ANALYST]

    assert [f.kind for f in outside_flags()] == ["outside_cases"]
    with unlock(vault_dir, ANALYST, ANALYST_PASS, clock=SetClock(at(day, 11))) as session:
        fusion.add_to_case(session, "hers", ids[:1])
    assert [f.kind for f in outside_flags()] == ["outside_cases"]
