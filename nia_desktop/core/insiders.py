"""Insider watch: each user's day against their own usual days, from the audit log alone.

Measured per user and per day in Japan time (Asia/Tokyo, UTC+9, no daylight saving), every figure an audit
entry supports and nothing a report says:

* ``reads``: distinct things whose content they reached (``report.read``, ``report.export_original``, and a
  reviewer's ``release.view``), counted once a day each, so paging back and forth in one report is one read;
* ``outside_cases``: distinct reports read that were in none of their cases *when read*. A report is in a
  user's cases from the moment it is in a case they have joined (created, or added a report to): both the
  report's filing and the user's joining must come before the read (``since``, from cases and case_reports).
  Filing a report into one's case afterwards, or joining the case it is in, changes nothing for earlier reads;
* ``reach``: distinct reports whose title and a snippet of text reached them without opening them: the report
  ids a search returned (``report.search``: the ids its entry names, and the hits beyond the entry's cap
  counted as distinct), and likewise the event timeline's sentences (``report.events``), a link's evidence
  titles (``entity.edge``) and an ACH matrix's item titles (``ach.read``);
* ``refused``: entries with outcome "refused", need-to-know refusals (``report.need_to_know``) among them;
* ``exports``: what left the vault or was released (bundle export, outbound queue, briefing export, an
  original saved, a courier writing to media, an audit export, releases and notices to consumers). One
  bundle is one export however many entries name its uuid;
* ``off_hours``: entries at hours this user does not usually work (below).

**Usual**, two ways, and the day is judged against the lower line of the two:

* *recent*: a trimmed mean of the same figure over the previous ``baseline_days`` (30) days on which they were
  active (any entry but an automatic session close or lock), never counting the day judged. The lowest and
  highest fifth of those days are dropped before averaging, so an earlier spike or an idle day moves nothing;
  with small counts it varies less from one stretch of days to the next than the median would;
* *established*: the interquartile mean (the lowest and highest quarter dropped) over every active day in the
  ``long_days`` (90) calendar days before the day judged. Only a stretch of more than a quarter of those days
  moves it, so a user cannot raise their own usual by creeping up: staying just under six times the recent
  usual day after day (which raises the recent usual by design) soon passes six times the established one.

Until ``min_history`` (7) active days are behind them, the recent usual is the agency's usual day alone
(``defaults``: 40 reads, one export), never their own first days (which an insider would choose); until
``long_min_days`` (20) active days are in the long span, the established usual is the agency's too. So a new
account, or one back from a leave longer than the lookback (nothing of theirs in it), is flagged at six times
the agency's usual (240 reads) for its first weeks, and its first week cannot set the bar for the next.

**Usual hours** are learnt from the recent days: the hours of day (JST) holding at least 1 % of their entries,
widened by two hours on each side (who usually leaves at half past six and sometimes stays until half past
eight is not working at unusual hours). The office day, 08:00 to 19:00, is always usual: who reads only in the
mornings is not flagged for an afternoon. Until ``min_hour_events`` entries over ``min_history`` days are
behind them, a user's usual hours are the default 06:00 to 22:00.

**A day is flagged** when a figure reaches its threshold, for each usual::

    threshold = max(floor,
                    6 × usual,                      the ratio
                    busy + 5 × √busy,               busy = 3 × usual: a busy day and its Poisson noise
                    usual + 6 × 1.4826 × MAD,       a user whose days swing widely (MAD about that usual;
                                                    none for the agency's usual)
                    4 × pace)                       unusual hours only: four hours at their usual pace

Why these numbers:

* the check the agency set: a user reading 20 times their usual volume is flagged, and a month of normal use
  (weekday and weekend variation, Poisson-like day-to-day noise, a busy day at two or three times usual, a
  few refusals, some late evenings, searches some of which return hundreds of reports) flags nobody. Six
  times usual sits between with margin both ways: 20× is 3.3 times over the line, 3× is half of it;
* day-to-day noise: a count whose mean is 3 × usual scatters by √(3 × usual), which is large beside the
  count when it is small (a user with 3 reads outside their cases on a usual day can have 15 on a busy one).
  The busy term puts the line five of those deviations above a 3× day, so it rises above 6× usual for
  usual figures under about 8; 20× still clears it for any usual of 1 or more;
* the MAD term raises the line for a user whose own days differ widely (their MAD is large);
* unusual hours are counted in entries, so a heavy user's late evening holds more entries than a light
  user's: the line is at least four hours' worth of their usual pace (entries per active hour);
* floors, so small numbers never flag: 20 reads (a user who reads 2 a day is not flagged for 6, nor one who
  reads 1 for 19; one who reads 1 is flagged at 20), 20 reads outside their cases, 2,500 reports reached in
  search results (five full pages of 500 hits, a search's most: broad searches are common and overlap little),
  5 refusals (a mistyped passphrase or a click on a report one may not read is normal), 6 exports, 16 entries
  at unusual hours.

Measured on tests/insider_month.py (seeded, reproducible) with tools/insider_margins.py: docs/insider-watch.md
gives the highest normal day's share of its threshold over many simulated months and first months, and how
far a user creeping up each day gets.

The score is the figure over its threshold: flagged at 1 or more, severity "high" from 2, "medium" below;
a day from 0.6 of its threshold and above its usual is "low": listed as noted, not flagged. Each finding
names the audit entries it rests on (sequence numbers, at most ``seq_cap``, with the full count) and which
usual it was judged against.

Nothing here reads a database or a report: the service streams the log's rows through a ``Tally`` (one pass,
one small record per user and day) and hands it the case membership.
"""

from __future__ import annotations

import json
import math
import statistics
from bisect import bisect_left
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone
from enum import StrEnum
from itertools import compress
from typing import Any

JST = timezone(timedelta(hours=9), "JST")


class Kind(StrEnum):
    READS = "reads"
    OUTSIDE_CASES = "outside_cases"
    REACH = "reach"
    REFUSED = "refused"
    EXPORTS = "exports"
    OFF_HOURS = "off_hours"


class Severity(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Basis(StrEnum):
    """Which usual a finding was judged against (the lower line of the two)."""

    RECENT = "recent"  # their last 30 active days
    ESTABLISHED = "established"  # their active days in the last 90 calendar days
    AGENCY = "agency"  # the agency's usual day: too little history of their own
    CEILING = "ceiling"  # twenty times the agency's usual day, above any usual of their own


# Actions that reach content (the report reader, an original's bytes, a briefing under review).
READ_ACTIONS = frozenset({"report.read", "report.export_original", "release.view"})
# Actions whose entry names the reports whose titles and snippets were shown (details: "reports", "hits").
# Actions that show report text without opening the report: a search's snippets, the event timeline's sentences,
# the titles of a link's evidence (the link chart) and of an ACH matrix's items. entity.path and entity.rank show
# ids and names only, from the user's own fusion, and do not count.
REACH_ACTIONS = frozenset({"report.search", "report.events", "entity.edge", "ach.read"})
# Actions by which something leaves the vault or goes to a consumer.
EXPORT_ACTIONS = frozenset({"bundle.export", "bundle.queue_out", "briefing.export", "report.export_original",
                            "bundle.write_out", "audit.export", "release.to", "notice.issue"})
NEED_TO_KNOW = "report.need_to_know"
REFUSED = "refused"
# Entries that say nothing about presence: a session closed or locked by the inactivity timer.
_NOT_PRESENCE_PREFIX = "session."
_UNAUTHENTICATED = "(unauthenticated)"

# Each user's case membership: report id -> the first moment (stored timestamp text) it was in a case they had
# joined; a plain collection of ids means "always" (hand-made tests, simulations).
Cases = Mapping[str, Collection[int]]


@dataclass(frozen=True)
class Rules:
    """The thresholds (module docstring: why these)."""

    ratio: float = 6.0
    busy: float = 3.0  # a busy day: this many times usual ...
    busy_noise: float = 5.0  # ... plus this many of its Poisson standard deviations is never flagged
    spreads: float = 6.0
    trim: float = 0.2  # the share of the recent days dropped at each end before averaging
    floors: Mapping[Kind, int] = field(default_factory=lambda: {
        Kind.READS: 20, Kind.OUTSIDE_CASES: 20, Kind.REACH: 2500, Kind.REFUSED: 5, Kind.EXPORTS: 6,
        Kind.OFF_HOURS: 16})
    # The agency's usual day: a user's usual until they have enough history of their own.
    defaults: Mapping[Kind, float] = field(default_factory=lambda: {
        Kind.READS: 40, Kind.OUTSIDE_CASES: 40, Kind.REACH: 400, Kind.REFUSED: 0, Kind.EXPORTS: 1,
        Kind.OFF_HOURS: 0})
    baseline_days: int = 30
    min_history: int = 7
    long_days: int = 90  # calendar days of the established usual
    long_trim: float = 0.25
    long_full_days: int = 40  # fewer active days in the span are made up with the agency's usual day
    ceiling: float = 20.0  # times the agency's usual day: flagged whatever the user's own usual
    lookback_days: int = 90  # calendar days before the window read for baselines (at least long_days)
    note_score: float = 0.6
    high_score: float = 2.0
    usual_hour_share: float = 0.01
    hour_margin: int = 2
    pace_hours: float = 4.0  # unusual hours flag only past this many hours' worth of the user's usual pace
    min_hour_events: int = 40
    default_hours: frozenset[int] = frozenset(range(6, 22))
    office_hours: frozenset[int] = frozenset(range(8, 19))
    seq_cap: int = 50


RULES = Rules()


@dataclass(frozen=True)
class Window:
    """The days judged, JST calendar dates, both ends included."""

    start: date
    end: date

    @classmethod
    def ending(cls, moment: datetime, days: int) -> Window:
        today = moment.astimezone(JST).date()
        return cls(today - timedelta(days=days - 1), today)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(), "days": self.days,
                "timezone": "Asia/Tokyo"}


def jst_midnight_utc(day: date) -> str:
    """The stored timestamp form (core/clock.iso_utc) of 00:00 JST on ``day``: entries compare as text."""
    return datetime.combine(day, time(0), JST).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def trimmed_mean(values: Sequence[float], trim: float) -> float:
    """The mean once the lowest and highest ``trim`` share of values are dropped (at least one each way from
    five values on): one spike or one idle day in the history does not move it, and it varies less from one
    sample of days to the next than the median does when counts are small."""
    if not values:
        return 0.0
    ordered = sorted(values)
    cut = max(int(len(ordered) * trim), 1 if len(ordered) >= 5 else 0)
    kept = ordered[cut:len(ordered) - cut]
    return float(sum(kept)) / len(kept)


def hour_ranges(hours: Collection[int]) -> list[tuple[int, int]]:
    """Hours of day as (start, end) runs, end exclusive, a run across midnight kept whole: {22, 23, 0} is
    [(22, 1)]; every hour is [(0, 24)]."""
    chosen = sorted(set(hours))
    if not chosen:
        return []
    if len(chosen) == 24:
        return [(0, 24)]
    runs: list[list[int]] = []
    for hour in chosen:
        if runs and hour == runs[-1][1]:
            runs[-1][1] = hour + 1
        else:
            runs.append([hour, hour + 1])
    if len(runs) > 1 and runs[0][0] == 0 and runs[-1][1] == 24:
        runs[0][0] = runs.pop()[0]
    return sorted((start, end % 24) for start, end in runs)


def hours_text(hours: Collection[int]) -> str:
    """"08:00–20:00", "22:00–01:00, 09:00–12:00": the runs of hour_ranges."""
    return ", ".join(f"{start:02d}:00–{end:02d}:00" for start, end in hour_ranges(hours))


@dataclass(frozen=True)
class Finding:
    """One figure of one user's day, against their usual."""

    user: str
    role: str
    day: date
    kind: Kind
    value: int
    usual: float
    threshold: float
    score: float
    severity: Severity
    history_days: int
    seqs: tuple[int, ...]  # the audit entries it rests on, at most Rules.seq_cap
    seq_count: int
    reports: tuple[int, ...] = ()  # report ids read or reached (reads, outside_cases, reach), capped like seqs
    hours: tuple[int, ...] = ()  # off_hours: the unusual hours they were active at
    usual_hours: tuple[int, ...] = ()
    basis: Basis = Basis.RECENT

    @property
    def flagged(self) -> bool:
        return self.score >= 1.0

    @property
    def ratio(self) -> float | None:
        """How many times usual; None when usual is nothing."""
        return self.value / self.usual if self.usual > 0 else None

    def to_json(self) -> dict[str, Any]:
        ratio = self.ratio
        return {"user": self.user, "role": self.role, "day": self.day.isoformat(), "kind": str(self.kind),
                "value": self.value, "usual": round(self.usual, 2), "threshold": round(self.threshold, 2),
                "ratio": None if ratio is None else round(ratio, 2), "score": round(self.score, 3),
                "flagged": self.flagged, "severity": str(self.severity), "basis": str(self.basis),
                "history_days": self.history_days, "audit_seqs": list(self.seqs), "audit_count": self.seq_count,
                "reports": list(self.reports), "hours": list(self.hours),
                "usual_hours": hours_text(self.usual_hours)}


@dataclass(frozen=True)
class UserSummary:
    """One user over the window: totals, and reads per day against their usual."""

    user: str
    role: str
    active_days: int
    reads: int
    usual_reads: float  # over their last baseline_days active days, as the recent usual is (no agency default)
    busiest_day: date | None
    busiest_reads: int
    outside_cases: int
    refused: int
    need_to_know: int
    exports: int
    off_hours: int
    usual_hours: tuple[int, ...]
    flagged: int
    daily_reads: tuple[tuple[date, int], ...]
    reach: int = 0

    @property
    def reads_per_day(self) -> float:
        return self.reads / self.active_days if self.active_days else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"user": self.user, "role": self.role, "active_days": self.active_days, "reads": self.reads,
                "reads_per_day": round(self.reads_per_day, 2), "usual_reads": round(self.usual_reads, 2),
                "busiest_day": self.busiest_day.isoformat() if self.busiest_day else None,
                "busiest_reads": self.busiest_reads, "outside_cases": self.outside_cases, "reach": self.reach,
                "refused": self.refused, "need_to_know_refused": self.need_to_know, "exports": self.exports,
                "off_hours": self.off_hours, "usual_hours": hours_text(self.usual_hours), "flagged": self.flagged,
                "daily_reads": {day.isoformat(): n for day, n in self.daily_reads}}


@dataclass(frozen=True)
class Watch:
    window: Window
    findings: tuple[Finding, ...]  # flagged first, then by score
    users: tuple[UserSummary, ...]  # users with flags first

    @property
    def flagged(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.flagged)

    @property
    def noted(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if not f.flagged)

    def to_json(self) -> dict[str, Any]:
        return {"window": self.window.to_json(), "flagged": [f.to_json() for f in self.flagged],
                "noted": [f.to_json() for f in self.noted], "users": [u.to_json() for u in self.users]}


class _Day:
    """One user's day as the pass accumulates it."""

    __slots__ = ("exports", "hour_seqs", "hours", "need_to_know", "reach_entries", "reach_ids", "reach_more",
                 "reach_seqs", "reach_shown", "reached", "reads", "refused", "refused_seqs")

    def __init__(self, keep: bool) -> None:
        self.hours = [0] * 24
        self.reads: dict[str, tuple[int, str]] = {}  # object -> (first seq, its timestamp)
        self.refused = 0
        self.need_to_know = 0
        self.refused_seqs: list[int] = []
        self.exports: dict[str, int] = {}  # bundle uuid (or "#seq") -> first seq
        self.hour_seqs: list[list[int]] | None = [[] for _ in range(24)] if keep else None
        # Reach: the distinct ids while the day is the user's latest, then only their count (a year of searches
        # would otherwise keep hundreds of ids per user and day); hits beyond an entry's ids are added as distinct.
        self.reach_ids: set[Any] | None = set()
        self.reached = 0
        self.reach_more = 0
        self.reach_seqs: list[int] = []
        self.reach_entries = 0
        self.reach_shown: list[int] | None = [] if keep else None

    @property
    def reach(self) -> int:
        return (len(self.reach_ids) if self.reach_ids is not None else self.reached) + self.reach_more

    def close(self) -> None:
        """The user has moved on to another day: keep the count of distinct ids, drop the ids."""
        if self.reach_ids is not None:
            self.reached, self.reach_ids = len(self.reach_ids), None


def _report_id(obj: str) -> int | None:
    """"report 12" -> 12 (the object of a read); anything else None."""
    if obj.startswith("report "):
        tail = obj[7:]
        if tail.isdigit() and len(tail) < 19:
            return int(tail)
    return None


def _parsed(details: object, key: str) -> dict[str, Any] | None:
    """An entry's details as a dict when they mention ``key`` (stored as text, or already parsed)."""
    if isinstance(details, str):
        if f'"{key}"' not in details:
            return None
        try:
            details = json.loads(details)
        except ValueError:
            return None
    return details if isinstance(details, dict) else None


def _uuid(details: object) -> str | None:
    """The bundle uuid an export entry names."""
    parsed = _parsed(details, "uuid")
    value = parsed.get("uuid") if parsed else None
    return value if isinstance(value, str) and value else None


def _reached(details: object) -> tuple[list[Any], int]:
    """The report ids a reach entry names and how many hits it had beyond them. The ids are not checked one by
    one (a year of searches names millions): anything in the list counts as one reached; only whole numbers are
    shown (Tally._reach)."""
    parsed = details if isinstance(details, dict) else _parsed(details, "reports") or {}
    listed = parsed.get("reports")
    if not isinstance(listed, list):
        listed = []
    hits = parsed.get("hits", parsed.get("shared"))  # entity.edge counts its reports as "shared"
    more = hits - len(listed) if type(hits) is int and hits > len(listed) else 0
    return listed, more


@dataclass(frozen=True)
class _Judged:
    usual: float
    threshold: float
    basis: Basis


class Tally:
    """Feed it audit rows (seq, ts, actor, role, action, object, outcome, details, ...) in any batches, then
    ``finish``. Rows before the lookback or after the window are skipped; memory is one _Day per user per
    active day."""

    def __init__(self, window: Window, cases: Cases, rules: Rules = RULES) -> None:
        self.window = window
        self.cases = cases
        self.rules = rules
        self.scan_from = window.start - timedelta(days=max(rules.lookback_days, rules.long_days))
        self._from_text = jst_midnight_utc(self.scan_from)
        self._to_text = jst_midnight_utc(window.end + timedelta(days=1))
        self._days: dict[str, dict[date, _Day]] = {}
        self._latest: dict[str, _Day] = {}  # each user's day of their latest entry
        self._roles: dict[str, str] = {}
        self._slots: dict[str, tuple[date, int]] = {}
        self._report_ids: dict[str, int | None] = {}  # a read's object -> its report id (parsed once)

    @property
    def scan_from_text(self) -> str:
        """The earliest timestamp read: the service starts its stream near it."""
        return self._from_text

    def _slot(self, ts: str) -> tuple[date, int] | None:
        key = ts[:13]
        slot = self._slots.get(key)
        if slot is None:
            try:
                moment = datetime(int(ts[0:4]), int(ts[5:7]), int(ts[8:10]), int(ts[11:13]), tzinfo=UTC)
            except ValueError:
                return None
            local = moment.astimezone(JST)
            slot = self._slots[key] = (local.date(), local.hour)
        return slot

    def feed(self, rows: Iterable[Sequence[Any]]) -> None:
        start, cap = self.window.start, self.rules.seq_cap
        from_text, to_text = self._from_text, self._to_text
        for row in rows:
            seq, ts, actor, role, action, obj, outcome, details = row[:8]
            if ts < from_text or ts >= to_text or actor == _UNAUTHENTICATED \
                    or action.startswith(_NOT_PRESENCE_PREFIX):
                continue
            slot = self._slot(ts)
            if slot is None:
                continue
            day_date, hour = slot
            days = self._days.get(actor)
            if days is None:
                days = self._days[actor] = {}
            day = days.get(day_date)
            if day is None:
                day = days[day_date] = _Day(day_date >= start)
            latest = self._latest.get(actor)
            if latest is not day:
                if latest is not None:
                    latest.close()
                self._latest[actor] = day
            self._roles[actor] = role
            day.hours[hour] += 1
            if day.hour_seqs is not None and len(day.hour_seqs[hour]) < cap:
                day.hour_seqs[hour].append(seq)
            if outcome == REFUSED:
                day.refused += 1
                if action == NEED_TO_KNOW:
                    day.need_to_know += 1
                if len(day.refused_seqs) < cap:
                    day.refused_seqs.append(seq)
                continue
            if outcome != "ok":
                continue
            if action in READ_ACTIONS:
                key = obj if action != "release.view" else f"release {obj}"
                if key not in day.reads:
                    day.reads[key] = (seq, ts)
            elif action in REACH_ACTIONS:
                self._reach(day, seq, details)
            if action in EXPORT_ACTIONS:
                day.exports.setdefault(_uuid(details) or f"#{seq}", seq)

    def _reach(self, day: _Day, seq: int, details: object) -> None:
        ids, more = _reached(details)
        if day.reach_ids is None:  # an entry dated back into a day already left (a clock set back): counted
            day.reached += len(ids)
        else:
            try:
                day.reach_ids.update(ids)
            except TypeError:  # something unhashable in a damaged entry: the whole numbers still count
                day.reach_ids.update(r for r in ids if type(r) is int)
        day.reach_more += more
        day.reach_entries += 1
        cap = self.rules.seq_cap
        if len(day.reach_seqs) < cap:
            day.reach_seqs.append(seq)
        if day.reach_shown is not None and len(day.reach_shown) < cap:
            day.reach_shown.extend(r for r in ids[:cap - len(day.reach_shown)] if type(r) is int)

    # -- judging ----------------------------------------------------------------------------------------------
    def finish(self) -> Watch:
        findings: list[Finding] = []
        users: list[UserSummary] = []
        for user in sorted(self._days):
            found, summary = self._judge_user(user)
            findings.extend(found)
            users.append(summary)
        order = list(Kind)
        findings.sort(key=lambda f: (not f.flagged, -f.score, -f.day.toordinal(), f.user, order.index(f.kind)))
        users.sort(key=lambda u: (-u.flagged, u.user))
        return Watch(self.window, tuple(findings), tuple(users))

    def _usual_hours(self, history: list[_Day]) -> frozenset[int]:
        rules = self.rules
        totals = [sum(column) for column in zip(*(day.hours for day in history), strict=True)] or [0] * 24
        total = sum(totals)
        if len(history) < rules.min_history or total < rules.min_hour_events:
            return rules.default_hours
        worked = [h for h in range(24) if totals[h] >= rules.usual_hour_share * total]
        margin = range(-rules.hour_margin, rules.hour_margin + 1)
        return rules.office_hours | {(h + d) % 24 for h in worked for d in margin}

    def _line(self, kind: Kind, usual: float, mad: float, least: float) -> float:
        """The threshold for a usual (module docstring)."""
        rules = self.rules
        busy = rules.busy * usual
        return max(float(rules.floors[kind]), rules.ratio * usual, busy + rules.busy_noise * math.sqrt(busy),
                   usual + rules.spreads * 1.4826 * mad, least)

    def _own(self, kind: Kind, values: list[int], trim: float, least: float, basis: Basis) -> _Judged:
        usual = trimmed_mean(values, trim)
        mad = float(statistics.median(abs(v - usual) for v in values)) if values else 0.0
        return _Judged(usual, self._line(kind, usual, mad, least), basis)

    def _judge(self, kind: Kind, recent: list[int], established: list[int], least: float = 0.0) -> _Judged:
        """The lower line of the recent usual and the established one, each the agency's usual day until enough
        of the user's own days are behind it; ``least``: a further lower bound on the threshold."""
        rules = self.rules
        default = float(rules.defaults[kind])
        agency = _Judged(default, self._line(kind, default, 0.0, least), Basis.AGENCY)
        short = self._own(kind, recent, rules.trim, least, Basis.RECENT) \
            if len(recent) >= rules.min_history else agency
        missing = rules.long_full_days - len(established)
        if missing >= rules.long_full_days:
            long = agency
        elif missing > 0:  # a new account's (or a returning one's) first weeks lean on the agency's usual day
            usual = trimmed_mean([*established, *[default] * missing], rules.long_trim)
            long = _Judged(usual, self._line(kind, usual, 0.0, least), Basis.ESTABLISHED)
        else:
            long = self._own(kind, established, rules.long_trim, least, Basis.ESTABLISHED)
        lower = short if short.threshold <= long.threshold else long
        ceiling = max(float(rules.floors[kind]), rules.ceiling * default) if default > 0 else math.inf
        return lower if lower.threshold <= ceiling else _Judged(lower.usual, ceiling, Basis.CEILING)

    def _outside(self, user: str, day: _Day) -> list[tuple[int, int]]:
        """(report id, seq) of the day's reads of reports in none of the user's cases at the time of the read."""
        theirs = self.cases.get(user, ())
        timed = theirs if isinstance(theirs, Mapping) else None
        ids = self._report_ids
        out: list[tuple[int, int]] = []
        for obj, (seq, ts) in day.reads.items():
            rid = ids[obj] if obj in ids else ids.setdefault(obj, _report_id(obj))
            if rid is None:
                continue
            if timed is not None:
                since = timed.get(rid)
                inside = since is not None and since <= ts
            else:
                inside = rid in theirs
            if not inside:
                out.append((rid, seq))
        return out

    def _judge_user(self, user: str) -> tuple[list[Finding], UserSummary]:
        rules, window = self.rules, self.window
        role = self._roles.get(user, "")
        days = self._days[user]
        order = sorted(days)
        ordinals = [d.toordinal() for d in order]
        figures: dict[date, dict[Kind, int]] = {}
        outside: dict[date, list[tuple[int, int]]] = {}  # (report id, seq) read outside their cases
        pace: dict[date, float] = {}  # entries per active hour
        for day_date in order:
            day = days[day_date]
            out = outside[day_date] = self._outside(user, day)
            figures[day_date] = {Kind.READS: len(day.reads), Kind.OUTSIDE_CASES: len(out), Kind.REACH: day.reach,
                                 Kind.REFUSED: day.refused, Kind.EXPORTS: len(day.exports)}
            active_hours = sum(1 for n in day.hours if n)
            pace[day_date] = sum(day.hours) / active_hours if active_hours else 0.0
        found: list[Finding] = []
        totals = dict.fromkeys(Kind, 0)
        need_to_know = 0
        daily: list[tuple[date, int]] = []
        for index, day_date in enumerate(order):
            if day_date < window.start:
                continue
            day = days[day_date]
            before = order[max(0, index - rules.baseline_days):index]
            longer = order[bisect_left(ordinals, ordinals[index] - rules.long_days):index]
            history = [days[d] for d in before]
            usual_hours = self._usual_hours(history)
            unusual = [h not in usual_hours for h in range(24)]
            odd = [h for h in range(24) if unusual[h] and day.hours[h]]
            values = dict(figures[day_date])
            values[Kind.OFF_HOURS] = sum(day.hours[h] for h in odd)
            for kind in Kind:
                totals[kind] += values[kind]
            need_to_know += day.need_to_know
            daily.append((day_date, values[Kind.READS]))
            for kind in Kind:
                value = values[kind]
                if value < rules.note_score * rules.floors[kind]:  # every threshold is at least the floor
                    continue
                least = 0.0
                if kind is Kind.OFF_HOURS:
                    recent = [sum(compress(days[d].hours, unusual)) for d in before]
                    established = [sum(compress(days[d].hours, unusual)) for d in longer]
                    least = rules.pace_hours * trimmed_mean([pace[d] for d in before], rules.trim)
                else:
                    recent = [figures[d][kind] for d in before]
                    established = [figures[d][kind] for d in longer]
                judged = self._judge(kind, recent, established, least)
                score = value / judged.threshold
                if score < rules.note_score or value <= judged.usual:
                    continue
                found.append(self._finding(user, role, day_date, kind, value, judged, score, len(history), day,
                                           outside[day_date], odd, usual_hours))
        recent_days = order[-rules.baseline_days:]
        usual_reads = trimmed_mean([figures[d][Kind.READS] for d in recent_days], rules.trim)
        busiest = max((pair for pair in daily if pair[1]), key=lambda pair: (pair[1], pair[0]), default=None)
        summary = UserSummary(
            user, role, len(daily), totals[Kind.READS], usual_reads, busiest[0] if busiest else None,
            busiest[1] if busiest else 0, totals[Kind.OUTSIDE_CASES], totals[Kind.REFUSED], need_to_know,
            totals[Kind.EXPORTS], totals[Kind.OFF_HOURS],
            tuple(sorted(self._usual_hours([days[d] for d in recent_days]))),
            sum(1 for f in found if f.flagged), tuple(daily), totals[Kind.REACH])
        return found, summary

    def _finding(self, user: str, role: str, day_date: date, kind: Kind, value: int, judged: _Judged, score: float,
                 history_days: int, day: _Day, outside: list[tuple[int, int]], odd: list[int],
                 usual_hours: frozenset[int]) -> Finding:
        cap = self.rules.seq_cap
        reports: list[int] = []
        hours: tuple[int, ...] = ()
        shown_hours: tuple[int, ...] = ()
        if kind is Kind.READS:
            seqs = sorted(seq for seq, _ in day.reads.values())
            reports = sorted(rid for obj in day.reads if (rid := _report_id(obj)) is not None)
        elif kind is Kind.OUTSIDE_CASES:
            seqs = sorted(seq for _, seq in outside)
            reports = sorted(rid for rid, _ in outside)
        elif kind is Kind.REACH:
            seqs = list(day.reach_seqs)
            reports = sorted(set(day.reach_shown or ()))
        elif kind is Kind.REFUSED:
            seqs = list(day.refused_seqs)
        elif kind is Kind.EXPORTS:
            seqs = sorted(day.exports.values())
        else:
            kept = day.hour_seqs or [[] for _ in range(24)]
            seqs = sorted(seq for h in odd for seq in kept[h])
            hours, shown_hours = tuple(odd), tuple(sorted(usual_hours))
        count = day.reach_entries if kind is Kind.REACH else value
        severity = (Severity.HIGH if score >= self.rules.high_score
                    else Severity.MEDIUM if score >= 1.0 else Severity.LOW)
        return Finding(user, role, day_date, kind, value, judged.usual, judged.threshold, score, severity,
                       history_days, tuple(seqs[:cap]), count, tuple(reports[:cap]), hours, shown_hours,
                       judged.basis)
