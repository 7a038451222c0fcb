"""The watchlist: known entities with their aliases, kept by analysts, found in every report at once.

One Aho-Corasick automaton (pyahocorasick) holds every alias, so the cost of
a scan does not grow with the size of the list. Matching is on lower-cased
NFKC text where that keeps the offsets (it nearly always does); a Latin
alias must stand as whole words. A watchlist mention resolves to its
entry's own key, so every alias of an entry is one entity, and it takes
precedence over what the general rules would make of the same words.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from nia_desktop.core.fusion.model import Kind, Mention


@dataclass(frozen=True)
class WatchEntry:
    id: int
    kind: Kind
    name: str
    aliases: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind.value, "name": self.name, "aliases": list(self.aliases)}


def node(entry_id: int) -> tuple[str, ...]:
    return ("watch", str(entry_id))


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


class Matcher:
    def __init__(self, entries: list[WatchEntry]) -> None:
        import ahocorasick

        self.entries = {e.id: e for e in entries}
        self.automaton: Any = ahocorasick.Automaton()
        for entry in entries:
            for alias in {entry.name, *entry.aliases}:
                folded = _fold(alias).strip()
                if len(folded) >= 2:
                    self.automaton.add_word(folded, (entry.id, len(folded)))
        self.empty = not entries
        if not self.empty:
            self.automaton.make_automaton()

    def find(self, text: str) -> list[tuple[Mention, int]]:
        """(mention, entry id): longest, leftmost, non-overlapping alias matches, offsets into ``text``."""
        if self.empty:
            return []
        folded = _fold(text)
        if len(folded) != len(text):  # a character changed length when folded: match as written
            folded = text
        hits = []
        for end, (entry_id, length) in self.automaton.iter(folded):
            start = end - length + 1
            if _whole_words(folded, start, end + 1):
                hits.append((start, end + 1, entry_id))
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        found, last_end = [], -1
        for start, stop, entry_id in hits:
            if start >= last_end:
                entry = self.entries[entry_id]
                found.append((Mention(entry.kind, text[start:stop], entry.name, start, stop), entry_id))
                last_end = stop
        return found


def _whole_words(text: str, start: int, stop: int) -> bool:
    """A Latin alias is not a piece of a longer word; Japanese has no spaces to check."""
    before = text[start - 1] if start > 0 else " "
    after = text[stop] if stop < len(text) else " "
    first, last = text[start], text[stop - 1]
    if first.isascii() and first.isalnum() and before.isascii() and before.isalnum():
        return False
    return not (last.isascii() and last.isalnum() and after.isascii() and after.isalnum())
