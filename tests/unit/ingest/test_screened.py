"""Screened regexes find exactly what their plain patterns find, only faster."""

from __future__ import annotations

import random
import unicodedata

import pytest

from nia_desktop.core.ingest import dates, metadata
from nia_desktop.core.ingest.screened import Screened
from tests import samples

PATTERNS: list[Screened] = [
    *(p for p, _ in metadata._MARKINGS), metadata._SHORT_GRADE, metadata._LONG_GRADE, metadata._JA_GRADE,
    metadata._AGENCY_CODE, *(p for p, _ in dates._PATTERNS)]

PIECES = ["TOP SECRET", "TOP  SECRET", "SECRET", "極秘", "秘", "機密", "取扱厳重注意", "CONFIDENTIAL", "FOUO",
          "UNCLASSIFIED", "Grading: B2", "情報評価：C3", "確度 A-1", "Source (B) reliable, information (2)",
          "情報源B 情報2", "NPA-CT-0042", "mofa-pol-7", "npa-", "2026-03-05", "12026-03-05", "2026年3月5日",
          "令和8年3月5日", "5 March 2026", "March 5, 2026", "Mar. 5 2026", "summary", "İstanbul", "ǅ", "-", " ",
          "\n", "x", "報告", "2026", "TOP", "SOURCE", "information"]


def texts() -> list[str]:
    rng = random.Random(5)
    made = [samples.EN_REPORT, samples.JA_REPORT]
    for _ in range(400):
        made.append("".join(rng.choice(PIECES) + rng.choice(["", " ", "\n", "、"]) for _ in range(rng.randint(1, 30))))
    return [unicodedata.normalize("NFKC", t) for t in made]


@pytest.mark.parametrize("screened", PATTERNS, ids=lambda s: s.pattern.pattern[:30])
def test_same_matches_as_the_plain_pattern(screened: Screened) -> None:
    for text in texts():
        expected = [(m.start(), m.end(), m.groups()) for m in screened.pattern.finditer(text)]
        assert [(m.start(), m.end(), m.groups()) for m in screened.finditer(text)] == expected, text
        first = screened.pattern.search(text)
        found = screened.search(text)
        assert (found and found.span()) == (first and first.span())
