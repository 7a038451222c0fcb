"""Regexes screened by a substring test: run only when one of their literal words occurs.

Python's regex engine tries a pattern that starts with a lookbehind, ``\\b`` or
a case-folded alternation at every position of the text: about 15-25 us per
pattern over a 1,500-character header, and metadata runs a dozen of them per
report. ``in`` scans with memchr, so a pattern whose words are absent costs
well under a microsecond. The words must be ones every match contains. Where
a match starts at most ``lead`` characters before its word, the pattern is
only tried (anchored) at those few positions instead of scanning the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Screened:
    pattern: re.Pattern[str]
    words: tuple[str, ...]
    folded: bool = False  # words are lower case, looked for in the lower-cased text
    lead: int | None = None  # how far before its word a match can start; None when unbounded

    def _candidates(self, text: str) -> list[int] | None:
        """Sorted positions where a match could start; None to scan the whole text.

        Text must be NFKC, so case folding stays within ASCII for the words.
        """
        haystack = text.lower() if self.folded else text
        aligned = self.lead is not None and len(haystack) == len(text)  # else a lower-cased letter grew
        starts: set[int] = set()
        for word in self.words:
            index = haystack.find(word)
            if index >= 0 and not aligned:
                return None
            while index >= 0:
                starts.update(range(max(0, index - (self.lead or 0)), index + 1))
                if len(starts) > _MOST_CANDIDATES:
                    return None
                index = haystack.find(word, index + 1)
        return sorted(starts)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """As pattern.finditer: leftmost non-overlapping matches, each tried only where its word allows."""
        candidates = self._candidates(text)
        if candidates is None:
            yield from self.pattern.finditer(text)
            return
        end = 0
        for start in candidates:
            if start < end:
                continue
            match = self.pattern.match(text, start)  # lookbehinds and \b still see what precedes
            if match:
                yield match
                end = max(match.end(), start + 1)

    def search(self, text: str) -> re.Match[str] | None:
        return next(self.finditer(text), None)


_MOST_CANDIDATES = 24  # beyond this many tries, one scan of the text is faster
