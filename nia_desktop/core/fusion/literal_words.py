"""Whole-word occurrences of a report's own short forms, found without compiling a pattern for each report.

names_en finds family names alone and abbreviations after their full form
with one alternation of every short form the report defines. Compiled for
each report, that pattern was a tenth of a fusion's extraction time (the
re module's cache holds 512 patterns; no two reports share theirs). Here
each form is looked for with str.find and the pattern's own rules applied:
a word edge on both sides, the leftmost start first, at one start the first
form in the given order, and a match never overlapping the one before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_WORDISH = re.compile(r"[\w'’-]")  # what may not touch a form on either side


def pattern_for(forms: list[str]) -> re.Pattern[str]:
    """The alternation ``find`` stands for (what names_en compiled before; kept for forms ``find`` cannot take)."""
    return re.compile(rf"(?<![\w'’-])(?:{'|'.join(re.escape(form) for form in forms)})(?![\w'’-])")


def find(text: str, forms: list[str]) -> Iterator[tuple[int, str]]:
    """(start, form) of what ``pattern_for(forms).finditer(text)`` matches, in order; ``forms`` in order of
    preference (the longest first, as names_en gives them)."""
    if not forms or "" in forms:  # an empty form (or none) matches between two edges: left to the pattern
        yield from ((m.start(), m.group(0)) for m in pattern_for(forms).finditer(text))
        return
    best: dict[int, str] = {}
    size = len(text)
    for form in forms:
        at = text.find(form)
        while at >= 0:
            end = at + len(form)
            if at not in best and (at == 0 or not _WORDISH.match(text, at - 1)) \
                    and (end >= size or not _WORDISH.match(text, end)):
                best[at] = form  # forms come in order of preference: the first to fit a start keeps it
            at = text.find(form, at + 1)
    after = 0
    for at in sorted(best):
        if at >= after:
            yield at, best[at]
            after = at + len(best[at])
