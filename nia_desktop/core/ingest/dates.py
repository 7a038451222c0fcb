"""Dates as analysts write them, in English and Japanese, normalised to ISO 8601.

2026-03-05, 5 March 2026, 05 MAR 2026, March 5, 2026, Mar. 5, 2026,
2026/3/5, 2026年3月5日, ２０２６年３月５日, 令和8年3月5日 and 令和八年三月五日 and R8.3.5 (era years),
with or without (木).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import date

from nia_desktop.core.ingest.screened import Screened

_MONTHS = {name: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")], start=1) for name in names}
_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}
_MONTH = (r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
          r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")

_MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_PATTERNS = [
    # No leading (?<!\d): a pattern starting with a lookbehind is tried at every position, at twice the cost.
    # find_dates drops a match that follows a digit instead.
    (Screened(re.compile(r"(\d\d\d\d)-(\d\d)-(\d\d)(?!\d)"), ("-",), lead=4), "iso"),
    (Screened(re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"), ("年",)), "ymd"),
    (Screened(re.compile(r"(令和|平成|昭和)\s*(\d{1,2}|元)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"),
              ("令和", "平成", "昭和"), lead=0), "era"),
    (Screened(re.compile(r"(\d\d\d\d)/(\d{1,2})/(\d{1,2})(?!\d)"), ("/",), lead=4), "iso"),
    (Screened(re.compile(r"(?<![A-Za-z0-9])([RHS])(\d{1,2})\.(\d{1,2})\.(\d{1,2})(?![0-9.])"), ("R", "H", "S"),
              lead=0), "era_short"),
    (Screened(re.compile(r"(令和|平成|昭和)\s*([〇一二三四五六七八九十]{1,3}|元)\s*年\s*([〇一二三四五六七八九十]{1,3})\s*月\s*"
                         r"([〇一二三四五六七八九十]{1,3})\s*日"), ("令和", "平成", "昭和"), lead=0), "era_kanji"),
    (Screened(re.compile(r"\b(\d{1,2})\s+" + _MONTH + r"\s+(\d{4})\b", re.IGNORECASE), _MONTH_WORDS, folded=True),
     "dmy"),
    (Screened(re.compile(r"\b" + _MONTH + r"\s+(\d{1,2}),?\s+(\d{4})\b", re.IGNORECASE), _MONTH_WORDS, folded=True,
              lead=0), "mdy"),
]


_ERA_LETTERS = {"R": "令和", "H": "平成", "S": "昭和"}
_KANJI_DIGITS = {"〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _kanji_number(text: str) -> int:
    """一 to 九十九 as written in dates: 十 = 10, 十五 = 15, 二十 = 20, 三十一 = 31."""
    if "十" not in text:
        return int("".join(str(_KANJI_DIGITS[c]) for c in text))
    tens, _, ones = text.partition("十")
    return (_KANJI_DIGITS[tens] if tens else 1) * 10 + (_KANJI_DIGITS[ones] if ones else 0)


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def find_dates(text: str) -> Iterator[tuple[int, date]]:
    """Every date in ``text`` with its character offset (in the NFKC-normalised text)."""
    normal = unicodedata.normalize("NFKC", text)
    found: list[tuple[int, date]] = []
    for pattern, kind in _PATTERNS:
        for match in pattern.finditer(normal):
            g = match.groups()
            value: date | None
            if kind == "iso" and match.start() and normal[match.start() - 1].isdecimal():
                continue
            if kind in ("ymd", "iso"):
                value = _valid(int(g[0]), int(g[1]), int(g[2]))
            elif kind == "era":
                year = 1 if g[1] == "元" else int(g[1])
                value = _valid(_ERAS[g[0]] + year, int(g[2]), int(g[3]))
            elif kind == "era_short":  # R8.3.5
                value = _valid(_ERAS[_ERA_LETTERS[g[0]]] + int(g[1]), int(g[2]), int(g[3]))
            elif kind == "era_kanji":  # 令和八年三月五日
                year = 1 if g[1] == "元" else _kanji_number(g[1])
                value = _valid(_ERAS[g[0]] + year, _kanji_number(g[2]), _kanji_number(g[3]))
            elif kind == "dmy":
                value = _valid(int(g[2]), _MONTHS[g[1].lower().rstrip(".")], int(g[0]))
            else:
                value = _valid(int(g[2]), _MONTHS[g[0].lower().rstrip(".")], int(g[1]))
            if value is not None:
                found.append((match.start(), value))
    yield from sorted(found)


def first_date(text: str) -> str:
    for _, value in find_dates(text):
        return value.isoformat()
    return ""
