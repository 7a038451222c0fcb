"""Events inside a report's text: the dates it names (a meeting, a payment, a posting), each with its sentence
and the entities named in that sentence, for the event timeline.

Why pure and regular-expression based: the timeline reads a case's reports a page at a time on a worker, so
extraction must be cheap, deterministic and testable on hand-made sentences. It reads:

* ISO days ``2026-03-12`` (also ``2026/03/12``), a time after them allowed (``2026-03-12T10:00``);
* English days ``12 March 2026``, ``12 Mar. 2026``, ``March 12, 2026``, ``March 12th 2026``;
* Japanese days ``2026年3月12日`` (full-width digits too) and era days ``令和8年3月12日``, ``令和八年三月十二日``,
  ``令和元年5月1日``, ``平成31年4月30日``;
* days without a year: ``on 3 May``, ``May 3``, ``3月12日``: the year is the report date's (stated as
  ``YEAR_FROM_REPORT``; a report without a date leaves them out);
* relative days resolvable from the report date alone: yesterday / today / tomorrow, 一昨日 / おととい,
  昨日, 本日 / 今日, 明日 (``RELATIVE``).

Left out on purpose (never events): impossible days (2026-02-30, 令和0年, 平成32年), times alone (12:03),
version numbers (v2026.03.12, 1.2.3), phone numbers (03-2026-0312, 090-1234-5678), days with another number
glued on either side (2026-03-12-45), years alone, months alone ("in March"), weekdays ("on Monday"), and
relative phrases that need more than the report date or a guess ("last week", "先月", "three days ago").
core/ingest/dates.py finds a report's own date in its header (NFKC-normalised, no spans); this module needs
spans into the text as stored and refuses more look-alikes, so it reads the text itself.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

EXPLICIT = "explicit"  # the text names the whole day
YEAR_FROM_REPORT = "year from report"  # day and month in the text, the year the report date's
RELATIVE = "relative"  # yesterday, 昨日...: counted from the report date

SENTENCE_CAP = 240  # characters of a sentence kept on each side of its date (a text without full stops)

_MONTHS = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
           "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
           "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)")
_DD = r"[0-9０-９]"
_KANJI = "[〇一二三四五六七八九十]"
_KANJI_DIGITS = {"〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ERAS = {"令和": (2018, 99), "平成": (1988, 31), "昭和": (1925, 64)}
_ERA_START = {"令和": date(2019, 5, 1), "平成": date(1989, 1, 8), "昭和": date(1926, 12, 25)}
_ERA_END = {"平成": date(2019, 4, 30), "昭和": date(1989, 1, 7)}

# Each pattern names its groups y (year), m (month, digits or a name), d (day), era, rel; first listed wins on
# overlap (a full day before the same day without its year).
_PATTERNS: tuple[re.Pattern[str], ...] = (
    # ISO: no ASCII letter, digit, dot, slash or hyphen glued before; no further digit group after (a phone number).
    re.compile(r"(?<![A-Za-z0-9_./\-+])(?P<y>[0-9]{4})(?P<sep>[-/])(?P<m>[0-9]{2})(?P=sep)(?P<d>[0-9]{2})"
               r"(?![0-9]|[-/.][0-9])"),
    re.compile(rf"(?<![A-Za-z0-9_.\-])(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH})\.?,?\s+"
               r"(?P<y>[0-9]{4})(?![\w\-/.:]?[0-9])"),
    re.compile(rf"\b(?P<m>{_MONTH})\.?\s+(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>[0-9]{{4}})"
               r"(?![\w\-/.:]?[0-9])"),
    re.compile(rf"(?<!{_DD})(?P<y>{_DD}{{4}})年\s*(?P<m>{_DD}{{1,2}})月\s*(?P<d>{_DD}{{1,2}})日"),
    re.compile(rf"(?P<era>令和|平成|昭和)\s*(?P<y>元|{_DD}{{1,2}}|{_KANJI}{{1,3}})年\s*(?P<m>{_DD}{{1,2}}|{_KANJI}{{1,3}})月"
               rf"\s*(?P<d>{_DD}{{1,2}}|{_KANJI}{{1,3}})日"),
    # Without a year: case-sensitive month names ("may" the verb is no month), no year or number glued after.
    re.compile(rf"(?<![A-Za-z0-9_.\-])(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{_MONTH})\b(?![.,]?\s*[0-9])"),
    re.compile(rf"\b(?P<m>{_MONTH})\.?\s+(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?\b(?![.,:/\-]?\s*[0-9])"),
    re.compile(rf"(?<![{_DD[1:-1]}年/.\-])(?P<m>{_DD}{{1,2}})月\s*(?P<d>{_DD}{{1,2}})日"),
    re.compile(r"(?P<rel>\b(?:yesterday|today|tomorrow)\b|一昨日|おととい|昨日|本日|今日|明日)", re.IGNORECASE),
)
_RELATIVE_DAYS = {"yesterday": -1, "today": 0, "tomorrow": 1, "一昨日": -2, "おととい": -2, "昨日": -1,
                  "本日": 0, "今日": 0, "明日": 1}
_HEADER_LINE = re.compile(r"[^\S\n]*[^\W\d_]+(?:[ \-/][^\W\d_]+){0,3}[^\S\n]*[:：][^\n]*\n")
_SENTENCE_END = re.compile(r"[.!?](?=\s)|[。！？]|\n\s*\n|\n(?=\s*[-*•・]\s)")


@dataclass(frozen=True)
class Mention:
    """An entity's mention: [start, end) into the same text the dates are read from."""

    start: int
    end: int
    entity_id: int
    name: str
    kind: str


@dataclass(frozen=True)
class FoundDate:
    """A day named in the text: [start, end) of its words, the ISO day, how it was resolved, and its sentence
    ([sentence_start, sentence_end) into the text) with the entities whose mentions fall inside it."""

    start: int
    end: int
    surface: str
    day: str
    resolved: str
    sentence: str
    sentence_start: int
    sentence_end: int
    entities: tuple[Mention, ...] = ()


def _number(text: str) -> int:
    """Digits, ASCII or full-width (int() reads both), or kanji numerals up to 九十九 (十 = 10, 三十一 = 31);
    元 (an era's first year) is 1. Impossible kanji (十十) read as 0, which no day or month is."""
    if text == "元":
        return 1
    if text[0] not in _KANJI_DIGITS and text[0] != "十":
        return int(text)
    if "十" not in text:
        return int("".join(str(_KANJI_DIGITS[c]) for c in text))
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1 or "十" in ones:
        return 0
    return (_KANJI_DIGITS[tens] if tens else 1) * 10 + (_KANJI_DIGITS[ones] if ones else 0)


def _day(match: re.Match[str], reported: date | None) -> tuple[date, str] | None:
    """The day a match names and how it was resolved, or None: impossible, out of range, or needing a report
    date the report does not have."""
    groups = match.groupdict()
    if groups.get("rel"):
        if reported is None:
            return None
        return reported + timedelta(days=_RELATIVE_DAYS[groups["rel"].lower()]), RELATIVE
    month_text = groups["m"]
    month = _MONTHS.get(month_text.lower()) or _number(month_text)
    how = EXPLICIT
    if groups.get("y") is None:
        if reported is None:
            return None
        year, how = reported.year, YEAR_FROM_REPORT
    elif groups.get("era"):
        base, last = _ERAS[groups["era"]]
        number = _number(groups["y"])
        if not 1 <= number <= last:
            return None
        year = base + number
    else:
        year = _number(groups["y"])
    if not 1900 <= year <= 2199:
        return None
    try:
        found = date(year, month, _number(groups["d"]))
    except ValueError:
        return None
    era = groups.get("era")
    if era and not (_ERA_START[era] <= found <= _ERA_END.get(era, date.max)):
        return None
    return found, how


def header_end(text: str) -> int:
    """Where a header of "Label: value" lines (Subject:, Date:, 日付：...; labels of words without digits) at the
    top of ``text`` ends, closed by a blank line, or 0: the days in it are the report's own metadata (its date,
    when it was sent), not events it tells of."""
    at = 0
    while at < len(text):
        match = _HEADER_LINE.match(text, at)
        if match is None or match.end() == at:
            break
        at = match.end()
    return at if at and text[at:at + 1] in ("\n", "\r") else 0  # a blank line closes a header


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence: split after . ! ? followed by a space, after 。！？, at blank lines and
    list items; leading and trailing spaces left out."""
    bounds: list[tuple[int, int]] = []
    at = 0
    for end in [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]:
        piece = text[at:end]
        start = at + len(piece) - len(piece.lstrip())
        stop = at + len(piece.rstrip())
        if stop > start:
            bounds.append((start, stop))
        at = end
    return bounds


def _sentence_of(bounds: list[tuple[int, int]], starts: list[int], start: int, end: int) -> tuple[int, int]:
    """The sentence(s) holding [start, end), cut to SENTENCE_CAP characters either side of it."""
    first = max(0, bisect.bisect_right(starts, start) - 1)
    last = max(first, bisect.bisect_right(starts, max(start, end - 1)) - 1)
    s, e = (bounds[first][0], bounds[last][1]) if bounds else (start, end)
    return max(min(s, start), start - SENTENCE_CAP), min(max(e, end), end + SENTENCE_CAP)


def extract(text: str, reported: date | None, mentions: Sequence[Mention] = ()) -> list[FoundDate]:
    """The days ``text`` names, in text order, each with its sentence and the ``mentions`` inside that sentence.
    ``reported`` (the report date) resolves days without a year and relative days; None leaves them out. Days
    in a header of "Label: value" lines at the top (header_end) are left out."""
    # Spans taken so far, sorted and never overlapping (so sorted by end too): a new match can only overlap the
    # last span starting before it ends. Linear in the matches, not quadratic (a megabyte of dates).
    starts_taken: list[int] = []
    taken: list[tuple[int, int, re.Match[str]]] = []
    body = header_end(text)
    for pattern in _PATTERNS:
        for match in pattern.finditer(text, body):
            s, e = match.span()
            at = bisect.bisect_left(starts_taken, e)
            if at and taken[at - 1][1] > s:
                continue
            starts_taken.insert(at, s)
            taken.insert(at, (s, e, match))
    bounds = sentence_bounds(text)
    starts = [b[0] for b in bounds]
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    mention_starts = [m.start for m in ordered]
    found: list[FoundDate] = []
    for s, e, match in taken:
        resolved = _day(match, reported)
        if resolved is None:
            continue
        day, how = resolved
        ss, se = _sentence_of(bounds, starts, s, e)
        near = ordered[bisect.bisect_left(mention_starts, ss):bisect.bisect_left(mention_starts, se)]
        inside = tuple(m for m in near if m.end <= se)
        found.append(FoundDate(s, e, text[s:e], day.isoformat(), how, text[ss:se], ss, se, inside))
    return found


def report_day(text: str) -> date | None:
    """A report's stored day (``report_date`` or the import time's first ten characters) as a date, or None."""
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None
