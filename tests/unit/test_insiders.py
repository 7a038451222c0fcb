"""Insider watch: the rule on hand-made days (20x flagged, 2-3x not, floors, learnt hours, refusals, reads
outside one's cases, exports), a simulated month of normal use that flags nobody and, with one user reading
20 times their usual on one day, flags exactly that user and day; then the service on a real vault (officer
only, audited, nothing of a report's content, the stream started at the right entry)."""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from nia_desktop.core.errors import BadInput, PermissionRefused
from nia_desktop.core.insiders import JST, Basis, Kind, Severity, Tally, Watch, Window, hour_ranges, hours_text
from nia_desktop.core.roles import Role
from nia_desktop.core.store import audit_log
from nia_desktop.services import fusion, importing, insiders, reports
from nia_desktop.services.session import Session, unlock
from nia_desktop.services.users import add_user
from tests.conftest import ANALYST, ANALYST_PASS, OFFICER, OFFICER_PASS
from tests.insider_month import PEOPLE, harvest, rows_of, simulate, spike

Event = tuple[datetime, str, str, str, str, str, dict[str, object]]
END = date(2026, 6, 30)  # a Tuesday


class Log:
    """Audit rows written by hand: who did what, at which JST day and hour."""

    def __init__(self) -> None:
        self.events: list[Event] = []

    def add(self, user: str, day: date, hour: float, action: str, obj: str = "", outcome: str = "ok",
            details: dict[str, object] | None = None, role: str = "analyst") -> None:
        when = (datetime(day.year, day.month, day.day, tzinfo=JST) + timedelta(hours=hour)).astimezone(UTC)
        self.events.append((when, user, role, action, obj, outcome, details or {}))

    def reads(self, user: str, day: date, count: int, first: int = 1, hours: tuple[float, float] = (9, 17.5),
              role: str = "analyst") -> None:
        for n in range(count):
            hour = hours[0] + (hours[1] - hours[0]) * n / max(count, 1)
            self.add(user, day, hour, "report.read", f"report {first + n}", role=role)

    def working_days(self, user: str, reads_per_day: list[int], end: date = END, first: int = 1) -> list[date]:
        """One working day per figure, weekdays back from the day before ``end``, oldest first."""
        days: list[date] = []
        day = end
        while len(days) < len(reads_per_day):
            day -= timedelta(days=1)
            if day.weekday() < 5:
                days.append(day)
        days.reverse()
        for day, count in zip(days, reads_per_day, strict=True):
            self.add(user, day, 8.7, "unlock", user)
            self.reads(user, day, count, first)
            self.add(user, day, 18.9, "session.lock", user)
        return days

    def watch(self, cases: dict[str, set[int]] | None = None, days: int = 30, end: date = END) -> Watch:
        """Judge the last ``days`` days; without ``cases`` every report read is in the reader's cases."""
        self.events.sort(key=lambda e: e[0])
        if cases is None:
            every = set(range(1, 10_000))
            cases = dict.fromkeys({user for _, user, *_ in self.events}, every)
        tally = Tally(Window(end - timedelta(days=days - 1), end), cases)
        tally.feed(rows_of(self.events))
        return tally.finish()


def flagged(watch: Watch) -> set[tuple[str, date, Kind]]:
    return {(f.user, f.day, f.kind) for f in watch.flagged}


USUAL = [8, 9, 10, 11, 12, 10, 9, 11, 10, 10, 8, 12, 10, 9, 11, 10, 10, 11, 9, 10]  # median 10


# -- volume ---------------------------------------------------------------------------------------------------
def test_twenty_times_the_usual_reads_is_flagged_with_the_entries_it_rests_on() -> None:
    log = Log()
    log.working_days("kenji", USUAL)
    log.reads("kenji", END, 200, first=1000)
    found = log.watch()
    assert flagged(found) == {("kenji", END, Kind.READS)}
    finding = found.flagged[0]
    assert finding.value == 200 and finding.usual == 10 and finding.ratio == 20
    assert finding.severity is Severity.HIGH and finding.history_days == 20
    assert finding.seq_count == 200 and len(finding.seqs) == 50  # capped, the count kept
    reads = [seq for seq, (_, user, _, action, obj, _, _) in enumerate(sorted(log.events, key=lambda e: e[0]), 1)
             if action == "report.read" and obj.startswith("report 1")]  # reports 1000-1199 only on that day
    assert set(finding.seqs) <= set(reads) and finding.reports[:3] == (1000, 1001, 1002)


@pytest.mark.parametrize("reads", [20, 25, 30])  # a busy day: 2x, 2.5x, 3x
def test_a_busy_day_of_two_or_three_times_usual_is_not_flagged(reads: int) -> None:
    log = Log()
    log.working_days("kenji", USUAL)
    log.reads("kenji", END, reads)
    assert not log.watch().flagged


def test_reading_the_same_report_again_is_one_read() -> None:
    log = Log()
    log.working_days("kenji", USUAL)
    for hour in range(9, 18):
        for _ in range(20):
            log.add("kenji", END, hour + 0.5, "report.read", "report 7")
    assert not log.watch().flagged


def test_the_floor_keeps_small_numbers_from_flagging() -> None:
    log = Log()
    log.working_days("light", [2, 1, 2, 3, 2, 2, 1, 2, 2, 3, 2, 2])  # median 2
    log.reads("light", END, 6)  # three times usual
    log.working_days("rare", [1] * 12)
    log.reads("rare", END, 14)  # fourteen times usual, under the floor of 15
    log.working_days("heavy", [1] * 12)
    log.add("heavy", END, 8.8, "unlock", "heavy")
    log.reads("heavy", END, 20)  # twenty times usual
    assert flagged(log.watch()) == {("heavy", END, Kind.READS)}


def test_the_day_judged_is_not_its_own_baseline_and_earlier_spikes_do_not_raise_it() -> None:
    log = Log()
    days = log.working_days("kenji", USUAL)
    log.reads("kenji", days[8], 190, first=5000)  # an earlier spike inside the baseline
    log.reads("kenji", END, 200, first=9000)
    found = log.watch()
    spikes = {f.day for f in found.flagged if f.kind is Kind.READS}
    assert spikes == {days[8], END}  # the trimmed mean drops the first one: the second is still 20x
    assert next(f for f in found.flagged if f.day == END and f.kind is Kind.READS).usual == pytest.approx(10, abs=0.2)


def test_a_new_user_is_judged_against_the_agency_defaults() -> None:
    log = Log()
    log.working_days("novice", [3, 4, 5, 3, 4, 6])  # six days: one short of a history of their own
    log.reads("novice", END, 200)  # under 6 x the default 40
    log.working_days("other", [3, 4])
    log.reads("other", END, 300, first=500)
    found = log.watch()
    assert flagged(found) == {("other", END, Kind.READS)}
    assert found.flagged[0].usual == 40 and found.flagged[0].history_days == 2


def test_a_new_user_s_first_days_never_raise_their_own_bar() -> None:
    """Six days of 230 reads (each under six times the agency's 40) do not make 300 on the seventh usual: until
    seven days are behind them a new user is judged against the agency's usual day alone."""
    log = Log()
    log.working_days("novice", [230] * 6)
    log.reads("novice", END, 300, first=5000)
    found = log.watch()
    assert (("novice", END, Kind.READS) in flagged(found)
            and next(f for f in found.flagged if f.kind is Kind.READS).basis is Basis.AGENCY)


def test_back_from_a_leave_longer_than_the_lookback_is_judged_as_new() -> None:
    """A user who read 100 a day, away for four months: nothing of theirs is in the lookback, so the agency's
    usual day is theirs again (their old 100 a day cannot be assumed)."""
    log = Log()
    log.working_days("away", [100] * 30, end=END - timedelta(days=120))
    log.reads("away", END, 250, first=5000)
    found = log.watch()
    assert flagged(found) == {("away", END, Kind.READS)}
    assert found.flagged[0].basis is Basis.AGENCY and found.flagged[0].history_days == 0


def most_unflagged(log: Log, user: str, day: date) -> int:
    """The most reads ``user`` can do on ``day`` (after what ``log`` holds) without being flagged: the day's
    threshold does not depend on the day, so one trial at the ceiling (800) names it."""
    trial = Log()
    trial.events = list(log.events)
    trial.reads(user, day, 800, first=1)
    judged = next(f for f in trial.watch(days=1, end=day).findings if f.kind is Kind.READS)
    return math.ceil(judged.threshold) - 1


def test_creeping_up_day_by_day_is_held_by_the_established_usual() -> None:
    """10 reads a day for three months; then, every day, as many as go unflagged. Against the recent usual alone
    each day could be nearly six times the last ones' average; the established usual (90 days, a quarter of the
    days dropped at each end) holds the climb under six times the old usual for two weeks, ten for three."""
    log = Log()
    start = END - timedelta(days=21)
    log.working_days("creeper", [10] * 64, end=start)
    climbed = []
    for n in range(21):
        day = start + timedelta(days=n)
        most = most_unflagged(log, "creeper", day)
        climbed.append(most)
        log.reads("creeper", day, most)
    assert max(climbed[:14]) < 60 and max(climbed) < 100, climbed  # recent alone: 59 ... 76, 92, ... 662


def test_doubling_every_week_is_flagged_within_three_weeks() -> None:
    """10 reads a day for three months, then twice as many every week (64 times as many after six weeks): the
    recent usual keeps pace and never flags it; the established one does, in the third week, near 66 a day."""
    log = Log()
    start = END - timedelta(days=41)
    log.working_days("creeper", [10] * 64, end=start)
    for n in range(42):
        log.reads("creeper", start + timedelta(days=n), round(10 * 2 ** ((n + 1) / 7)))
    found = log.watch(days=42)
    first = min((f for f in found.flagged if f.kind is Kind.READS), key=lambda f: f.day)
    assert first.day < start + timedelta(days=21) and first.basis is Basis.ESTABLISHED and first.value < 80


def test_twenty_times_the_agency_usual_day_is_flagged_whatever_the_user_s_own_usual() -> None:
    log = Log()
    log.working_days("heavy", [200] * 40)  # a heavy reader: 6x usual would be 1,200
    log.reads("heavy", END, 700)
    assert not log.watch().flagged
    log.reads("heavy", END, 150, first=701)
    found = log.watch()
    assert flagged(found) == {("heavy", END, Kind.READS)}
    assert found.flagged[0].basis is Basis.CEILING and found.flagged[0].threshold == 800


# -- hours ----------------------------------------------------------------------------------------------------
def test_unusual_hours_are_learnt_from_the_user_s_own_history() -> None:
    log = Log()
    log.working_days("day_worker", [10] * 20)
    log.reads("day_worker", END, 10)
    for n in range(16):  # two hours of reading at night
        log.add("day_worker", END, 1.5 + n / 8, "report.read", f"report {300 + n}")
    night_days = []
    day = END
    while len(night_days) < 20:  # a night shift: 22:00 to 06:00, every weekday
        day -= timedelta(days=1)
        if day.weekday() < 5:
            night_days.append(day)
    for day in night_days:
        for n in range(12):
            log.add("night_worker", day, 22 + n * 0.6, "report.read", f"report {n}")
    for n in range(16):
        log.add("night_worker", END, 1.5 + n / 8, "report.read", f"report {300 + n}")
    found = log.watch()
    assert flagged(found) == {("day_worker", END, Kind.OFF_HOURS)}
    finding = found.flagged[0]
    assert finding.value == 16 and finding.hours == (1, 2, 3) and finding.seq_count == 16
    assert hours_text(finding.usual_hours) == "06:00–19:00"  # 08:00-17:00 learnt, two hours either side


def test_an_evening_s_late_work_is_not_flagged() -> None:
    log = Log()
    log.working_days("kenji", USUAL)
    log.reads("kenji", END, 12, hours=(9, 21.5))  # until half past nine
    for n in range(6):
        log.add("kenji", END, 20.5 + n / 6, "report.read", f"report {700 + n}")
    assert not log.watch().flagged


def test_a_new_user_s_usual_hours_are_six_to_ten() -> None:
    log = Log()
    for n in range(20):  # the floor: 16 entries
        log.add("late", END, 23 + n / 30, "report.read", f"report {n}")
        log.add("evening", END, 21 + n / 30, "report.read", f"report {n}")
    found = log.watch()
    assert flagged(found) == {("late", END, Kind.OFF_HOURS)}


def test_an_automatic_lock_at_night_is_not_activity() -> None:
    log = Log()
    log.working_days("kenji", USUAL)
    for n in range(30):
        log.add("kenji", END, 2 + n / 60, "session.lock", "kenji")
        log.add("kenji", END, 2 + n / 60, "session.close", "kenji")
    assert not log.watch().findings


def test_days_and_hours_are_japan_time() -> None:
    log = Log()
    log.events.append((datetime(2026, 6, 29, 15, 30, tzinfo=UTC), "kenji", "analyst", "report.read", "report 1",
                       "ok", {}))  # 00:30 on 30 June in Tokyo
    summary = log.watch().users[0]
    assert summary.daily_reads == ((END, 1),)


def test_hour_ranges_keep_a_run_across_midnight_whole() -> None:
    assert hour_ranges({22, 23, 0, 1, 9, 10}) == [(9, 11), (22, 2)]
    assert hours_text({22, 23, 0}) == "22:00–01:00"
    assert hours_text(range(24)) == "00:00–24:00"
    assert hour_ranges(set()) == []


# -- refusals, outside cases, exports -------------------------------------------------------------------------
def test_refused_attempts_need_to_know_among_them() -> None:
    log = Log()
    log.working_days("kenji", USUAL)
    log.working_days("mari", USUAL)
    for n in range(6):
        log.add("kenji", END, 10 + n / 10, "report.need_to_know", f"report {400 + n}", "refused",
                {"reports": [400 + n]})
    log.add("mari", END, 10, "report.need_to_know", "report 401", "refused", {"reports": [401]})
    log.add("mari", END, 8.5, "unlock", "mari", "refused", {"reason": "wrong passphrase"})
    found = log.watch()
    assert flagged(found) == {("kenji", END, Kind.REFUSED)}
    assert found.flagged[0].value == 6 and found.flagged[0].seq_count == 6
    by_user = {u.user: u for u in found.users}
    assert (by_user["kenji"].refused, by_user["kenji"].need_to_know) == (6, 6)
    assert (by_user["mari"].refused, by_user["mari"].need_to_know) == (2, 1)


def test_reads_outside_the_user_s_cases() -> None:
    log = Log()
    log.working_days("kenji", USUAL, first=1)  # reports 1-12: in his cases
    log.reads("kenji", END, 20, first=2000)  # twice his usual volume, all outside his cases
    log.working_days("mari", USUAL, first=1)  # the same reports, none in her cases: that is her usual
    log.reads("mari", END, 20, first=2000)
    found = log.watch({"kenji": set(range(1, 100)), "mari": {5000}})
    assert flagged(found) == {("kenji", END, Kind.OUTSIDE_CASES)}
    finding = found.flagged[0]
    assert finding.value == 20 and finding.usual == 0 and finding.reports == tuple(range(2000, 2020))
    assert {u.user: u.outside_cases for u in found.users}["kenji"] == 20


def test_one_bundle_is_one_export_and_many_are_flagged() -> None:
    log = Log()
    log.working_days("kenji", USUAL)
    for n in range(5):  # a briefing export writes two entries naming one bundle
        uuid = f"{n:032x}"
        log.add("kenji", END, 10 + n / 10, "bundle.export", f"/media/{n}.niab", details={"uuid": uuid})
        log.add("kenji", END, 10 + n / 10, "briefing.export", "Case", details={"uuid": uuid})
    assert not log.watch().flagged
    for n in range(5, 8):
        log.add("kenji", END, 11 + n / 10, "report.export_original", f"report {n}")
    found = log.watch()
    assert flagged(found) == {("kenji", END, Kind.EXPORTS)} and found.flagged[0].value == 8


def test_refused_reads_and_exports_are_not_counted_as_done() -> None:
    log = Log()
    log.working_days("kenji", USUAL)
    for _ in range(30):
        log.add("kenji", END, 10, "bundle.export", "x", "refused", {"reason": "not cleared"})
    found = log.watch()
    assert flagged(found) == {("kenji", END, Kind.REFUSED)}
    assert found.users[0].exports == 0


def test_reads_outside_the_user_s_cases_as_they_stood_when_read() -> None:
    """Membership with times (what the service passes): a report counts as in their cases only from then on."""
    log = Log()
    log.working_days("kenji", USUAL, first=1)
    log.reads("kenji", END, 24, first=2000, hours=(9, 12))
    noon = (datetime(END.year, END.month, END.day, tzinfo=JST) + timedelta(hours=12)).astimezone(UTC)
    filed = noon.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    early = "2000-01-01T00:00:00.000000Z"
    cases = {"kenji": {**dict.fromkeys(range(1, 100), early), **dict.fromkeys(range(2000, 2024), filed)}}
    found = log.watch(cases)  # type: ignore[arg-type]
    assert flagged(found) == {("kenji", END, Kind.OUTSIDE_CASES)} and found.flagged[0].value == 24
    cases["kenji"].update(dict.fromkeys(range(2000, 2024), early))
    assert not log.watch(cases).flagged  # type: ignore[arg-type]


def search(log: Log, user: str, day: date, ids: list[int], hits: int | None = None, hour: float = 11) -> None:
    log.add(user, day, hour, "report.search", f"{hits or len(ids)} hits",
            details={"hits": hits or len(ids), "limit": 500, "reports": ids})


def test_reports_reached_in_search_results_are_counted_and_flagged() -> None:
    log = Log()
    days = log.working_days("kenji", USUAL)
    for n, day in enumerate(days):
        search(log, "kenji", day, list(range(n * 50, n * 50 + 120)))
        search(log, "kenji", day, list(range(n * 50, n * 50 + 120)), hour=14)  # the same again: once
    for n in range(8):  # a harvest: eight full pages of distinct reports, one page listed only by its count
        search(log, "kenji", END, list(range(10_000 + 500 * n, 10_500 + 500 * n)) if n else [], hits=500,
               hour=9 + n / 2)
    found = log.watch()
    assert flagged(found) == {("kenji", END, Kind.REACH)}
    reach = found.flagged[0]
    assert reach.value == 4000 and reach.usual == 120 and reach.seq_count == 8 and len(reach.seqs) == 8
    assert reach.reports[:2] == (10_500, 10_501)
    summary = found.users[0]
    assert summary.reach == 4000 + 120 * len([d for d in days if d >= END - timedelta(days=29)])


def test_a_broad_search_or_two_is_not_flagged() -> None:
    log = Log()
    days = log.working_days("kenji", USUAL)
    for n, day in enumerate(days):
        search(log, "kenji", day, list(range(n * 50, n * 50 + 120)))
    search(log, "kenji", END, list(range(20_000, 20_500)))
    search(log, "kenji", END, list(range(30_000, 30_500)))
    search(log, "kenji", END, list(range(40_000, 40_200)))
    assert not log.watch().flagged


def test_reach_is_counted_once_a_user_has_moved_on_to_later_days() -> None:
    """Ids are dropped once a user's later day begins (a year of searches would fill memory); the count stays."""
    log = Log()
    search(log, "kenji", END - timedelta(days=1), list(range(300)))
    search(log, "kenji", END - timedelta(days=1), list(range(100, 400)), hour=12)
    search(log, "kenji", END, list(range(50)))
    found = log.watch()
    assert dict(found.users[0].daily_reads) == {END - timedelta(days=1): 0, END: 0}
    assert found.users[0].reach == 400 + 50


def test_a_damaged_search_entry_counts_its_whole_numbers_and_breaks_nothing() -> None:
    log = Log()
    log.add("kenji", END, 10, "report.search", "3 hits", details={"hits": 3, "reports": [7, [8], {"x": 9}]})
    log.add("kenji", END, 11, "report.search", "x hits", details={"hits": "many", "reports": "7, 8"})
    found = log.watch()
    assert found.users[0].reach == 1  # report 7; the two unhashable ids and the second entry name nothing


# -- a simulated month ----------------------------------------------------------------------------------------
FIRST = date(2026, 3, 2)


def month_watch(month_days: int = 61, seed: int = 14, spiked: tuple[str, date, int] | None = None) -> Watch:
    month = simulate(FIRST, month_days, seed=seed)
    if spiked is not None:
        name, day, times = spiked
        person = next(p for p in PEOPLE if p.name == name)
        spike(month, name, person.role, day, int(person.reads * times))
    tally = Tally(Window(month.last - timedelta(days=29), month.last), month.cases)
    tally.feed(month.rows)
    return tally.finish()


@pytest.mark.parametrize("seed", [14, 15, 16, 17])
def test_a_simulated_month_of_normal_use_flags_nobody(seed: int) -> None:
    found = month_watch(seed=seed)
    assert {u.user for u in found.users} == {"aiko", "bunta", "chika", "daisuke", "emi", "fumio"}
    assert all(u.active_days >= 18 for u in found.users)  # the month was judged, against a month of history
    assert not found.flagged, [f.to_json() for f in found.flagged]
    assert all(f.score < 0.9 for f in found.findings)  # not by a whisker either
    assert all(u.reach > 100 for u in found.users if u.role == "analyst")  # their searches were counted


@pytest.mark.parametrize("seed", [21, 22])
def test_the_first_month_of_a_vault_flags_nobody(seed: int) -> None:
    """Every user new: their first days are judged against the agency defaults, then against their own."""
    month = simulate(FIRST, 30, seed=seed)
    tally = Tally(Window(month.first, month.last), month.cases)
    tally.feed(month.rows)
    found = tally.finish()
    assert not found.flagged, [f.to_json() for f in found.flagged]
    analysts = [u for u in found.users if u.role == "analyst"]
    assert analysts and all(u.daily_reads[0][0] <= FIRST + timedelta(days=2) for u in analysts)  # judged new


@pytest.mark.parametrize(("name", "day"), [("bunta", date(2026, 4, 21)), ("aiko", date(2026, 4, 14)),
                                           ("chika", date(2026, 4, 28))])
def test_a_simulated_month_flags_exactly_the_user_and_day_reading_twenty_times_usual(name: str, day: date) -> None:
    found = month_watch(spiked=(name, day, 20))
    assert {(f.user, f.day) for f in found.flagged} == {(name, day)}
    assert Kind.READS in {f.kind for f in found.flagged}
    summary = next(u for u in found.users if u.user == name)
    assert summary.flagged >= 1 and summary.busiest_day == day and found.users[0].user == name


def test_a_simulated_month_flags_exactly_the_user_and_day_harvesting_search_results() -> None:
    """Eight full pages of search results on one day (4,000 reports' titles and snippets, no report opened)."""
    month = simulate(FIRST, 61, seed=14)
    day = date(2026, 4, 22)
    harvest(month, "bunta", "analyst", day, 8)
    tally = Tally(Window(month.last - timedelta(days=29), month.last), month.cases)
    tally.feed(month.rows)
    found = tally.finish()
    assert {(f.user, f.day, f.kind) for f in found.flagged} == {("bunta", day, Kind.REACH)}
    assert found.flagged[0].value >= 4000 and found.flagged[0].seq_count == 8


# -- the service ----------------------------------------------------------------------------------------------
@dataclass
class SetClock:
    at: datetime

    def now(self) -> datetime:
        return self.at

    def monotonic(self) -> float:
        return 0.0

    def sleep(self, seconds: float) -> None:
        return None


CANARY = "TITLECANARY"
REPORTS = 24


def noon_jst(days_ago: int) -> datetime:
    today = datetime.now(UTC).astimezone(JST).date()
    return datetime.combine(today - timedelta(days=days_ago), datetime.min.time(), JST) + timedelta(hours=12)


@pytest.fixture
def read_vault(vault_dir: Path, tmp_path: Path) -> Iterator[Path]:
    """An analyst who read one report a day (at noon, JST) for three weeks, then all 24 yesterday; the reports'
    titles and text carry a canary, and so does the name of the case he filed three of them into."""
    media = tmp_path / "media"
    media.mkdir()
    for n in range(REPORTS):
        (media / f"r{n}.txt").write_text(f"UNCLASSIFIED\nSubject: {CANARY} number {n}\n\nBody {CANARY}.\n",
                                         encoding="utf-8")
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        session.clock = SetClock(noon_jst(23))  # type: ignore[assignment]
        importing.import_paths(session, [media], pool_size=1)
        ids = sorted(r.id for r in reports.list_reports(session))
        for days_ago in range(22, 1, -1):
            session.clock = SetClock(noon_jst(days_ago))  # type: ignore[assignment]
            reports.open_report(session, ids[days_ago % 3])
        session.clock = SetClock(noon_jst(1))  # type: ignore[assignment]
        fusion.create_case(session, f"Case {CANARY}")
        fusion.add_to_case(session, f"Case {CANARY}", ids[:3])
        for report_id in ids:
            reports.open_report(session, report_id)
    yield vault_dir


def test_the_service_flags_the_day_and_shows_no_content(read_vault: Path) -> None:
    yesterday = noon_jst(1).date()
    with unlock(read_vault, OFFICER, OFFICER_PASS) as officer:
        found = insiders.watch(officer, 30)
        seq_before = audit_log.count(officer.db) - 1
        last = audit_log.last(officer.db)
        assert last is not None and last.action == "audit.insiders" and last.outcome == "ok"
        assert last.details["flagged"] == len(found.flagged) and last.details["days"] == 30
        assert {(f.user, f.day) for f in found.flagged} == {(ANALYST, yesterday)}
        kinds = {f.kind for f in found.flagged}
        assert kinds == {Kind.READS, Kind.OUTSIDE_CASES}  # 21 of the 24 are outside his case
        reads = next(f for f in found.flagged if f.kind is Kind.READS)
        assert reads.value == REPORTS and reads.usual == 1
        outside = next(f for f in found.flagged if f.kind is Kind.OUTSIDE_CASES)
        # His three weeks of reads came before he filed those reports into his case: outside it when read.
        assert outside.value == REPORTS - 3 and outside.usual == 1
        summary = next(u for u in found.users if u.user == ANALYST)
        assert summary.reads == 21 + REPORTS and summary.busiest_day == yesterday and summary.flagged == 2
        lines = insiders.entries(officer, list(reads.seqs))
        assert [line.action for line in lines] == ["report.read"] * REPORTS
        assert {line.object for line in lines} == {f"report {r}" for r in reads.reports}
        assert CANARY not in json.dumps(found.to_json(), ensure_ascii=False)
        every = insiders.entries(officer, list(range(1, seq_before + 1)))
        assert len(every) == seq_before
        assert not any(CANARY in json.dumps(line.to_json(), ensure_ascii=False) for line in every)
        assert any(line.action == "case.create" and line.object == "" for line in every)  # its name not shown
        assert any(line.action == "unlock" and line.object == ANALYST for line in every)
        assert any(line.action == "case.add" for line in every)


def test_an_analyst_is_refused_and_the_refusal_audited(read_vault: Path) -> None:
    with unlock(read_vault, ANALYST, ANALYST_PASS) as analyst:
        with pytest.raises(PermissionRefused):
            insiders.watch(analyst)
        with pytest.raises(PermissionRefused):
            insiders.entries(analyst, [1])
        last = audit_log.last(analyst.db)
        assert last is not None and last.outcome == "refused" and last.object == "insiders"


def test_days_out_of_range_are_refused(officer: Session) -> None:
    for days in (0, 367):
        with pytest.raises(BadInput):
            insiders.watch(officer, days)


def test_the_stream_starts_at_the_first_entry_it_needs(vault_dir: Path) -> None:
    """A log stretching back a year: the bisection finds the last entry before any given moment."""
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as officer:
        base = datetime.now(UTC) + timedelta(minutes=5)  # after the vault's own first entries
        for n in range(120):
            officer.clock = SetClock(base + timedelta(days=3 * n))  # type: ignore[assignment]
            officer.audit("user.list", "")
        entries = list(audit_log.iter_entries(officer.db))
        assert all(a.ts <= b.ts for a, b in itertools.pairwise(entries))
        for probe in (entries[0].ts, entries[1].ts, entries[10].ts, entries[60].ts, entries[-1].ts,
                      entries[-1].ts + "0", "0000", "9999"):
            expected = max((e.seq for e in entries if e.ts < probe), default=0)
            assert insiders._last_before(officer, probe) == expected


def test_case_membership_counts_from_joining_the_case_and_the_filing(vault_dir: Path, tmp_path: Path) -> None:
    """A user joins a case by creating it or adding a report to it; a report is in their cases from the later of
    their joining and its filing (the earliest such moment over their cases), so nothing done afterwards moves an
    earlier read into their cases."""
    from nia_desktop.core.clock import iso_utc
    from nia_desktop.core.store.insider_sources import case_reports_by_user

    media = tmp_path / "m"
    media.mkdir()
    for n in range(4):
        (media / f"{n}.txt").write_text(f"UNCLASSIFIED\nSubject: n{n}\n\nText {n}.\n", encoding="utf-8")
    moments = [noon_jst(10 - n) for n in range(5)]  # a day apart
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as officer:
        add_user(officer, "hana", Role.ANALYST, "hana-passphrase-1")
    with unlock(vault_dir, ANALYST, ANALYST_PASS, clock=SetClock(moments[0])) as anna:
        importing.import_paths(anna, [media], pool_size=1)
        ids = sorted(r.id for r in reports.list_reports(anna))
        fusion.create_case(anna, "A")
        fusion.add_to_case(anna, "A", ids[:1])
        anna.clock = SetClock(moments[1])  # type: ignore[assignment]
        fusion.create_case(anna, "B")
    with unlock(vault_dir, "hana", "hana-passphrase-1", clock=SetClock(moments[2])) as hana:
        fusion.add_to_case(hana, "B", ids[1:2])
        hana.clock = SetClock(moments[3])  # type: ignore[assignment]
        fusion.create_case(hana, "C")
        hana.clock = SetClock(moments[4])  # type: ignore[assignment]
        fusion.add_to_case(hana, "A", ids[2:3])
        members = case_reports_by_user(hana.db)
    at = [iso_utc(m) for m in moments]
    assert members[ANALYST] == {ids[0]: at[0], ids[1]: at[2], ids[2]: at[4]}  # A and B are his cases throughout
    assert members["hana"] == {ids[1]: at[2], ids[0]: at[4], ids[2]: at[4]}  # she joined A only on the last day
    assert ids[3] not in members[ANALYST] | members["hana"]


def test_every_search_is_audited_once_with_the_ids_it_returned_and_never_the_query(
        vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    media = tmp_path / "s"
    media.mkdir()
    for n in range(3):
        (media / f"{n}.txt").write_text(f"UNCLASSIFIED\nSubject: Pier {n}\n\nQUERYCANARY harbour note {n}.\n",
                                        encoding="utf-8")
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        importing.import_paths(anna, [media], pool_size=1)
        before = audit_log.count(anna.db)
        hits = reports.search(anna, "QUERYCANARY")
        monkeypatch.setattr(reports, "SEARCH_AUDIT_IDS", 2)  # the cap, made small
        capped = reports.search(anna, "QUERYCANARY harbour")
        assert reports.search(anna, "nothingmatches") == []
        entries = [e for e in audit_log.iter_entries(anna.db) if e.seq > before]
    assert [e.action for e in entries] == ["report.search"] * 3
    assert entries[0].object == "3 hits" and entries[0].details == {
        "hits": 3, "limit": 50, "reports": [h.summary.id for h in hits]}
    assert entries[1].details["hits"] == 3 and entries[1].details["reports"] == [h.summary.id for h in capped][:2]
    assert entries[2].object == "0 hits" and entries[2].details["reports"] == []
    assert not any("QUERYCANARY" in json.dumps(e.details) + e.object for e in entries)
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as officer:
        summary = next(u for u in insiders.watch(officer, 1).users if u.user == ANALYST)
        shown = insiders.entries(officer, [e.seq for e in entries])
    assert summary.reach == 3 + 1  # distinct ids named, and the third hit beyond the capped entry's two
    assert [line.object for line in shown] == ["3 hits", "3 hits", "0 hits"]


@pytest.mark.parametrize(("obj", "action", "outcome", "shown"), [
    ("report 12", "report.read", "ok", True), ("report 12", "case.create", "ok", False),
    ("defector kim 2026", "case.create", "ok", False), ("2026", "case.create", "ok", False),
    ("kim 7", "case.add", "ok", False), ("17", "release.view", "ok", True), ("17 x", "release.view", "ok", False),
    ("judgement 3", "entity.merge", "ok", True), ("judgement 3", "case.edit", "refused", False),
    ("import 5", "report.import", "ok", True), ("import 5", "report.import", "refused", False),
    ("report 3, 9", "report.need_to_know", "refused", True), ("add to case kim 7", "report.need_to_know", "refused",
                                                             False),
    ("re-grade report 4", "report.need_to_know", "refused", True), ("report 12", "report.read", "refused", False),
    ("12 hits", "report.search", "ok", True), ("anna", "unlock", "ok", True), ("anna 2", "unlock", "ok", False),
    ("entity 3 and 41", "entity.edge", "ok", True), ("ach kim defection", "ach.read", "ok", False),
])
def test_an_object_is_shown_only_in_the_numbered_form_its_action_builds(obj: str, action: str, outcome: str,
                                                                         shown: bool) -> None:
    assert insiders.shown_object(obj, "anna", action, outcome) == (obj if shown else "")


def test_reports_whose_event_sentences_were_read_count_as_reach() -> None:
    """The event timeline shows each event's sentence from the report (report.events): reach, as search's snippets."""
    log = Log()
    days = log.working_days("kenji", USUAL)
    for n, day in enumerate(days):
        search(log, "kenji", day, list(range(n * 50, n * 50 + 120)))
    for n in range(8):  # eight pages of 500 reports' events on the last day
        ids = list(range(10_000 + 500 * n, 10_500 + 500 * n))
        log.add("kenji", END, 9 + n / 2, "report.events", f"{len(ids)} reports",
                details={"reports": ids, "hits": len(ids), "events": 3 * len(ids)})
    found = log.watch()
    assert flagged(found) == {("kenji", END, Kind.REACH)}
    assert found.flagged[0].value == 4000 and found.flagged[0].seq_count == 8


def test_titles_of_a_links_evidence_and_of_an_ach_matrix_count_as_reach() -> None:
    """The link chart's evidence and an ACH matrix show report titles without opening the reports: reach, counted
    from "shared" (entity.edge) or "hits" (ach.read) beyond the ids the entry names; entity.path shows no title."""
    log = Log()
    days = log.working_days("kenji", USUAL)
    for n, day in enumerate(days):
        search(log, "kenji", day, list(range(n * 50, n * 50 + 120)))
    for n in range(6):
        ids = list(range(20_000 + 1000 * n, 20_200 + 1000 * n))
        log.add("kenji", END, 9 + n / 4, "entity.edge", f"entity {n} and {n + 1}",
                details={"case": "", "shared": 600, "reports": ids})
        log.add("kenji", END, 10 + n / 4, "ach.read", "ach kim",
                details={"of": "matrix", "items": 3, "reports": ids, "hits": len(ids)})
        log.add("kenji", END, 11 + n / 4, "entity.path", f"entity {n} to {n + 9}",
                details={"case": "", "hops": 2, "paths": 1, "reports": list(range(90_000, 91_000)), "cited": 1000})
    found = log.watch()
    assert flagged(found) == {("kenji", END, Kind.REACH)}
    assert found.flagged[0].value == 6 * 600 and found.flagged[0].seq_count == 12
