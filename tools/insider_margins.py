"""How close normal use comes to the insider watch's lines, and how far a user creeping up gets (docs/insider-watch.md).

    python tools/insider_margins.py                 # every measure, the counts docs/insider-watch.md quotes
    python tools/insider_margins.py --months 20     # a quicker look

Normal use is tests/insider_month.py's seeded simulation (core/insiders.py judges it as the service would):

* months: 61 days simulated, the last 30 judged against what came before, for the six people of the unit
  tests and for thirty people reading 2 to 60 reports a day (tests/bench/bench_insiders.people);
* first months: every user new, the whole first 30 days judged (agency defaults, then their own).

For each, the highest share of its threshold any normal day reached (1.0 is flagged), overall and per figure.

Then two users who read as much as they can each day without being flagged (found by bisection, the whole
history judged again for every guess):

* a new account (or one back from a leave longer than the lookback), from its first day, for six weeks;
* an established user who read 10 reports a day for 60 days, then climbs for six weeks;

and a user who reads 10 a day for 60 days and then six times more every week, and on which day that is flagged.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nia_desktop.core.insiders import JST, Tally, Watch, Window
from tests.bench.bench_insiders import people
from tests.insider_month import PEOPLE, Person, simulate

FIRST = date(2026, 3, 2)
Row = tuple[object, ...]


def judged(rows: list[Row], cases: dict[str, set[int]], start: date, end: date) -> Watch:
    tally = Tally(Window(start, end), cases)
    tally.feed(rows)
    return tally.finish()


def margins(label: str, months: int, crowd: tuple[Person, ...], days: int, judged_days: int) -> None:
    """The highest normal score over ``months`` seeded simulations, overall and per figure."""
    worst: dict[str, tuple[float, int, str]] = defaultdict(lambda: (0.0, 0, ""))
    flagged_months = 0
    for seed in range(months):
        month = simulate(FIRST, days, seed=1000 + seed, people=crowd)
        found = judged(month.rows, month.cases, month.last - timedelta(days=judged_days - 1), month.last)
        flagged_months += bool(found.flagged)
        for finding in found.findings:
            for key in ("all", str(finding.kind)):
                if finding.score > worst[key][0]:
                    worst[key] = (finding.score, seed, f"{finding.user} {finding.day} {finding.kind} "
                                                       f"{finding.value} vs usual {finding.usual:.1f} "
                                                       f"({finding.basis}), line {finding.threshold:.0f}")
    print(f"{label}: {months} months, {flagged_months} with anything flagged")
    for key in sorted(worst, key=lambda k: (k != "all", k)):
        score, seed, text = worst[key]
        print(f"  {key:<14} highest {score:.2f}  (seed {1000 + seed}: {text})")


def at(day: date, hour: float) -> str:
    moment = datetime(day.year, day.month, day.day, tzinfo=JST) + timedelta(hours=hour)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def reads(user: str, day: date, count: int, first_seq: int, first_report: int) -> list[Row]:
    """``count`` distinct reports read between 09:00 and 17:00 JST."""
    return [(first_seq + n, at(day, 9 + 8 * n / max(count, 1)), user, "analyst", "report.read",
             f"report {first_report + n}", "ok", "{}") for n in range(count)]


def most_unflagged(rows: list[Row], day: date, guess: int = 100) -> int:
    """The most reads on ``day`` (after ``rows``) that leave the user unflagged (doubling ``guess`` until it is
    flagged, then bisection)."""

    def flagged(count: int) -> bool:
        trial = rows + reads("mallory", day, count, len(rows) + 1, 10_000_000 + len(rows))
        return bool(judged(trial, {}, day, day).flagged)

    high = max(guess, 20)
    while not flagged(high):
        high *= 2
    low, high = 0, high - 1
    while low < high:
        middle = (low + high + 1) // 2
        if flagged(middle):
            high = middle - 1
        else:
            low = middle
    return low


def climb(label: str, history_days: int, weeks: int = 6) -> None:
    """A user reading, every day, the most that is not flagged."""
    first = FIRST + timedelta(days=history_days)
    rows: list[Row] = []
    for back in range(history_days, 0, -1):
        rows += reads("mallory", first - timedelta(days=back), 10, len(rows) + 1, len(rows) + 1)
    climbed = []
    for n in range(7 * weeks):
        day = first + timedelta(days=n)
        most = most_unflagged(rows, day, 2 * max(climbed, default=10))
        climbed.append(most)
        rows += reads("mallory", day, most, len(rows) + 1, 10_000_000 + len(rows))
    weekly = [max(climbed[w * 7:(w + 1) * 7]) for w in range(weeks)]
    print(f"{label}: the most unflagged reads a day, week by week: {weekly} (total {sum(climbed):,})")


def ramp(factor: float = 6.0, weeks: int = 6) -> None:
    """10 reads a day for 60 days, then ``factor`` times more every week: the first day flagged."""
    first = FIRST + timedelta(days=60)
    rows: list[Row] = []
    for back in range(60, 0, -1):
        rows += reads("mallory", first - timedelta(days=back), 10, len(rows) + 1, len(rows) + 1)
    for n in range(7 * weeks):
        day = first + timedelta(days=n)
        count = round(10 * factor ** ((n + 1) / 7))
        rows += reads("mallory", day, count, len(rows) + 1, 10_000_000 + len(rows))
        if judged(rows, {}, day, day).flagged:
            print(f"creeping up {factor:g}x a week from 10 a day: flagged on day {n + 1} at {count} reads")
            return
    print(f"creeping up {factor:g}x a week from 10 a day: never flagged in {weeks} weeks")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--months", type=int, default=100, help="simulated months of six people (default 100)")
    args = parser.parse_args()
    thirty = people(30)
    margins("six people, a month against the month before", args.months, PEOPLE, 61, 30)
    margins("thirty people, a month against the month before", max(args.months // 2, 1), thirty, 61, 30)
    margins("six people, the first month of a vault", args.months, PEOPLE, 30, 30)
    margins("thirty people, the first month of a vault", args.months, thirty, 30, 30)
    climb("a new account", 0)
    climb("an established user (10 a day for 60 days)", 60)
    ramp()
    ramp(2.0)


if __name__ == "__main__":
    main()
