"""A simulated stretch of normal use, as audit rows: what the insider watch must not flag.

Each user has their own usual day: reads per working day (Poisson around their mean), most of them in the
cases they work on, some new reports outside them; weekends mostly off, the odd Saturday morning at a third of
the volume; a busy day at two to three times usual now and then; a mistyped passphrase or a click on a report
they may not read (a need-to-know refusal) a few times a month; searches (about one plus one for every eight
reads a day), most returning a handful to a few dozen reports, a quarter of them 60 to 200, one in twenty the
desktop's full page of 500; a briefing exported some days; a courier's bundles; an officer's reviews; office
hours around 08:30-18:30 JST, with the occasional evening until 21:30.

Rows are shaped as the audit table returns them (seq, ts, actor, role, action, object, outcome, details text,
prev_hash, hash), in time order. ``spike`` adds one day at a multiple of a user's usual reads.
"""

from __future__ import annotations

import json
import math
import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from nia_desktop.core.insiders import JST

Row = tuple[int, str, str, str, str, str, str, str, str, str]


@dataclass(frozen=True)
class Person:
    name: str
    role: str
    reads: float  # mean distinct reports read on a working day
    in_cases: float = 0.8  # share of reads within their cases
    exports: float = 0.1  # chance of exporting a briefing on a working day

    @property
    def searches(self) -> float:
        """Mean searches on a working day: analysts only."""
        return 1.0 + self.reads / 8 if self.role == "analyst" else 0.0


PEOPLE = (
    Person("aiko", "analyst", 2.0),
    Person("bunta", "analyst", 8.0),
    Person("chika", "analyst", 20.0, in_cases=0.7),
    Person("daisuke", "analyst", 45.0, exports=0.2),
    Person("emi", "courier", 0.0, exports=0.0),
    Person("fumio", "officer", 1.5, in_cases=1.0, exports=0.0),
)


@dataclass
class Month:
    rows: list[Row]
    cases: dict[str, set[int]]
    first: date
    last: date
    events: list[tuple[datetime, str, str, str, str, str, dict[str, object]]] = field(default_factory=list)


def poisson(rng: random.Random, mean: float) -> int:
    """Knuth's method; a normal approximation past 200 (exp(-mean) would underflow)."""
    if mean <= 0:
        return 0
    if mean > 200:
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def _at(day: date, hours: float) -> datetime:
    """``hours`` after 00:00 JST on ``day``, in UTC."""
    return (datetime(day.year, day.month, day.day, tzinfo=JST) + timedelta(hours=hours)).astimezone(UTC)


def simulate(first: date, days: int, seed: int = 14, people: tuple[Person, ...] = PEOPLE,
             reports: int = 5000) -> Month:
    rng = random.Random(seed)
    cases: dict[str, set[int]] = {}
    pools: dict[str, list[int]] = {}
    for person in people:
        own = rng.sample(range(1, reports + 1), 400)
        pools[person.name] = own
        cases[person.name] = set(own)
    month = Month([], cases, first, first + timedelta(days=days - 1))
    for offset in range(days):
        day = first + timedelta(days=offset)
        for person in people:
            _day(rng, month, person, day, pools[person.name], reports)
    month.events.sort(key=lambda e: e[0])
    month.rows = rows_of(month.events)
    return month


def _day(rng: random.Random, month: Month, person: Person, day: date, own: list[int], reports: int) -> None:
    weekend = day.weekday() >= 5
    if rng.random() > (0.12 if weekend else 0.95):
        return
    start = rng.gauss(8.6, 0.4)
    end = start + (rng.uniform(2.5, 4) if weekend else rng.gauss(9.6, 0.4))
    if not weekend and rng.random() < 0.08:
        end += rng.uniform(1.0, 2.5)  # an evening's late work, until about half past nine
    busy = rng.uniform(2.0, 3.0) if rng.random() < 0.06 else 1.0
    volume = person.reads * busy * (0.33 if weekend else 1.0)
    events = month.events

    def add(action: str, obj: str = "", outcome: str = "ok", details: dict[str, object] | None = None,
            at: float | None = None) -> None:
        when = _at(day, rng.uniform(start, end) if at is None else at)
        events.append((when, person.name, person.role, action, obj, outcome, details or {}))

    add("unlock", person.name, at=start)
    if rng.random() < 0.05:
        add("unlock", person.name, "refused", {"reason": "wrong passphrase"}, at=start - 0.01)
    if person.role == "analyst":
        for _ in range(poisson(rng, volume)):
            report = rng.choice(own) if rng.random() < person.in_cases else rng.randint(1, reports)
            add("report.read", f"report {report}", details={"sha256": "0" * 64})
            if rng.random() < 0.15:  # opened again later
                add("report.read", f"report {report}", details={"sha256": "0" * 64})
        for _ in range(poisson(rng, person.searches * busy * (0.33 if weekend else 1.0))):
            found = search_hits(rng, own, reports)
            add("report.search", f"{len(found)} hits", details={"hits": len(found), "limit": 500, "reports": found})
        refusals = 1 if rng.random() < 0.12 else 0
        refusals += 1 if rng.random() < 0.03 else 0
        for _ in range(refusals):
            hidden = rng.randint(1, reports)
            add("report.need_to_know", f"report {hidden}", "refused", {"reports": [hidden]})
        if rng.random() < person.exports:
            uuid = f"{rng.getrandbits(128):032x}"
            add("bundle.export", f"/media/usb/{uuid[:8]}.niab", details={"uuid": uuid, "kind": "briefing"})
            add("briefing.export", "Case", details={"uuid": uuid})
        if rng.random() < 0.2:
            add("case.add", "Case", details={"reports": [rng.choice(own)], "added": 1})
        if rng.random() < 0.3:
            add("fusion.run", "")
    elif person.role == "courier":
        for _ in range(poisson(rng, 2.0)):
            uuid = f"{rng.getrandbits(128):032x}"
            add("bundle.receive", f"{uuid[:8]}.niab", details={"uuid": uuid})
        for _ in range(poisson(rng, 1.5)):
            uuid = f"{rng.getrandbits(128):032x}"
            add("bundle.write_out", f"{uuid[:8]}.niab", details={"uuid": uuid})
    else:
        for _ in range(poisson(rng, volume)):
            add("release.view", str(rng.randint(1, 400)), details={"case": "Case"})
        if rng.random() < 0.3:
            add("audit.verify", "")
    add("session.lock", person.name, at=end + 0.5)  # the inactivity lock, after they left


def search_hits(rng: random.Random, own: list[int], reports: int) -> list[int]:
    """The report ids one search returns: mostly a few dozen at most, some hundreds, now and then a full page of
    500; more than half of them from the searcher's own cases."""
    draw = rng.random()
    count = min(1 + int(rng.expovariate(1 / 15)), 60) if draw < 0.7 else rng.randint(60, 200) if draw < 0.95 \
        else 500
    found: set[int] = set()
    while len(found) < count:
        found.add(rng.choice(own) if rng.random() < 0.6 else rng.randint(1, reports))
    return sorted(found)


def spike(month: Month, name: str, role: str, day: date, reads: int, seed: int = 2, in_cases: bool = True,
          hours: tuple[float, float] = (9.0, 18.0)) -> None:
    """One day on which ``name`` reads ``reads`` distinct reports (in their cases unless told otherwise)."""
    rng = random.Random(seed)
    own = sorted(month.cases[name])
    chosen = rng.sample(own, min(reads, len(own))) if in_cases else rng.sample(
        [r for r in range(1, 10_000) if r not in month.cases[name]], reads)
    for report in chosen:
        month.events.append((_at(day, rng.uniform(*hours)), name, role, "report.read", f"report {report}", "ok",
                             {"sha256": "0" * 64}))
    month.events.sort(key=lambda e: e[0])
    month.rows = rows_of(month.events)


def harvest(month: Month, name: str, role: str, day: date, pages: int, seed: int = 3) -> None:
    """One day on which ``name`` runs ``pages`` searches each returning a full page (500) of distinct reports."""
    rng = random.Random(seed)
    for page in range(pages):
        found = list(range(20_000 + 500 * page, 20_500 + 500 * page))
        month.events.append((_at(day, rng.uniform(9.0, 18.0)), name, role, "report.search", "500 hits", "ok",
                             {"hits": 500, "limit": 500, "reports": found}))
    month.events.sort(key=lambda e: e[0])
    month.rows = rows_of(month.events)


def rows_of(events: list[tuple[datetime, str, str, str, str, str, dict[str, object]]]) -> list[Row]:
    return [(seq, when.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), actor, role, action, obj, outcome,
             json.dumps(details, sort_keys=True), "", "")
            for seq, (when, actor, role, action, obj, outcome, details) in enumerate(events, start=1)]
