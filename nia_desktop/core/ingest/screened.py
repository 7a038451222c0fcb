"""Regexes screened by a substring test: run only when one of their literal words occurs.

Python's regex engine tries a pattern that starts with a lookbehind, ``\\b`` or
a case-folded alternation at every position of the text: about 15-25 us per
pattern over a 1,500-character header, and metadata runs a dozen of them per
report. ``in`` scans with memchr, so a pattern whose words are absent costs
well under a microsecond. The words must be ones every match contains.
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

    def present(self, text: str) -> bool:
        """Whether a match is possible at all. Text must be NFKC, so case folding stays within ASCII."""
        haystack = text.lower() if self.folded else text
        return any(word in haystack for word in self.words)

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self.present(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if self.present(text) else iter(())
