"""Analysts' judgements on what is an entity at all: "this text is one" and "this text is not one".

Two verdicts of the judgement log (core/fusion/judgements.py), applied to each
report's mentions after extraction and before resolution, so they hold in a
full fusion, a fusion in parts and an import alike, and a revoked one stops
applying at the next fusion with nothing to clean up (extraction's cache
keeps what extraction found, never what a judgement made of it):
- ``entity``: every occurrence of the surface (exactly as written: whole
  words where it starts or ends with a Latin letter or digit, any substring
  in Japanese, as the watchlist matcher bounds aliases) outside a report's
  header becomes a mention of the kind judged, in every report; it takes the
  place of any mention it overlaps. Every occurrence starts in one node,
  ``("mark", kind, surface)``, joined to the node the rules would give the
  same name (engine.natural_node), so a marked name meets its other spellings.
- ``not_entity``: mentions whose surface is exactly the text (of the kind
  judged, or of any kind) are dropped everywhere.
Neither touches what the watchlist finds: a watch hit is kept, and a mark
overlapping one gives way to it (services/entity_marks refuses a "not an
entity" of a watched name, so the analyst is told).
The later of two judgements on one surface wins (a mark after "not one"
brings it back, and the reverse). A judgement's ``a`` is ``("text", surface)``
and its ``b`` is ``(kind,)``, or ``()`` for "not an entity of any kind".
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from nia_desktop.core.fusion import content
from nia_desktop.core.fusion.judgements import Judgement
from nia_desktop.core.fusion.model import Kind, Mention
from nia_desktop.core.fusion.nodes import Found
from nia_desktop.core.fusion.watchlist import _whole_words as whole_words

TEXT_VERDICTS = ("entity", "not_entity")
TEXT_LIMIT = 200  # characters: a name, a selector or a phrase, never a paragraph
MARKABLE = tuple(k for k in Kind if k is not Kind.DATE)  # dates are found by the date rules, not judged
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]")
_KANA = re.compile(r"[\u3040-\u30ff\uff66-\uff9f]")

Node = tuple[str, ...]


def check_text(text: str) -> str:
    """The surface an analyst judges, stripped (otherwise as written: it is matched exactly); ValueError naming
    what is wrong with it."""
    surface = text.strip()
    if not surface:
        raise ValueError("the text is empty (or only spaces): give the words that name the entity")
    if len(surface) > TEXT_LIMIT:
        raise ValueError(f"the text is {len(surface)} characters long; a name is at most {TEXT_LIMIT}")
    if any(unicodedata.category(c) == "Cs" for c in surface):  # bytes that were not UTF-8 (a terminal's)
        raise ValueError("the text is not valid UTF-8 (undecodable bytes): type the name again")
    if any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in surface):
        raise ValueError("the text spans lines or holds control characters: judge one name on one line")
    if len(surface) < 2 and not _CJK.search(surface):
        raise ValueError("the text is one character: a Latin name or selector is at least two")
    if len(surface) < 2 and _KANA.fullmatch(surface):  # の, ン: in nearly every Japanese sentence, never a name
        raise ValueError("the text is one kana: a particle or a piece of a word, not a name")
    if not any(c.isalnum() for c in surface):
        raise ValueError("the text holds no letter or digit: judge a name, not punctuation or symbols")
    return surface


def check_kind(kind: str) -> Kind:
    try:
        found = Kind(kind)
    except ValueError:
        found = None
    if found is None or found not in MARKABLE:
        raise ValueError(f"unknown kind {kind!r}: one of {', '.join(k.value for k in MARKABLE)}")
    return found


def entity_judgement(surface: str, kind: Kind, by: str, at: str, why: str, reports: tuple[int, ...]) -> Judgement:
    return Judgement("entity", ("text", surface), (kind.value,), by, at, why, reports)


def not_entity_judgement(surface: str, kind: Kind | None, by: str, at: str, why: str,
                         reports: tuple[int, ...]) -> Judgement:
    return Judgement("not_entity", ("text", surface), (kind.value,) if kind else (), by, at, why, reports)


def surface_of(judgement: Judgement) -> str:
    return judgement.a[1] if len(judgement.a) == 2 and judgement.a[0] == "text" else ""


def kind_of(judgement: Judgement) -> Kind | None:
    return Kind(judgement.b[0]) if judgement.b else None


def mark_node(kind: Kind, surface: str) -> Node:
    return ("mark", kind.value, surface)


def marked_kind(node: Node) -> Kind | None:
    """The kind an analyst gave the mentions of a mark node (None for any other node)."""
    return Kind(node[1]) if len(node) == 3 and node[0] == "mark" else None


@dataclass(frozen=True)
class _Mark:
    kind: Kind
    reason: str


class Marks:
    """The text judgements in force, folded (the later one on a surface wins), ready to apply to a report."""

    def __init__(self, judgements: Iterable[Judgement]) -> None:
        marks: dict[str, _Mark] = {}
        drops: dict[str, set[Kind | None]] = {}
        for judgement in sorted((j for j in judgements if j.verdict in TEXT_VERDICTS), key=lambda j: j.id):
            surface, kind = surface_of(judgement), kind_of(judgement)
            if not surface:
                continue
            if judgement.verdict == "entity" and kind is not None:
                marks[surface] = _Mark(kind, judgement.reason())
                kinds = drops.get(surface, set())
                kinds.discard(None)
                kinds.discard(kind)
            else:
                if surface in marks and (kind is None or marks[surface].kind is kind):
                    del marks[surface]
                drops.setdefault(surface, set()).add(kind)
        self.marks = marks
        self.drops = {s: k for s, k in drops.items() if k}
        self.empty = not self.marks and not self.drops
        self._automaton: Any = None  # one Aho-Corasick automaton for every marked surface, as the watchlist's
        if marks:
            import ahocorasick

            self._automaton = ahocorasick.Automaton()
            for surface in marks:
                self._automaton.add_word(surface, len(surface))
            self._automaton.make_automaton()

    def dropped(self, mention: Mention) -> bool:
        kinds = self.drops.get(mention.surface)
        return bool(kinds) and (None in kinds or mention.kind in kinds)  # type: ignore[operator]

    def occurrences(self, full: str, header: list[tuple[int, int]]) -> list[Found]:
        """Every marked surface in ``full`` outside ``header``, as mentions of the judged kind, not overlapping."""
        if self._automaton is None:
            return []
        hits = []
        for last, length in self._automaton.iter(full):
            start, end = last - length + 1, last + 1
            if whole_words(full, start, end) and not content.inside(header, start, end):
                hits.append((start, end))
        hits.sort(key=lambda h: (h[0], -h[1]))  # leftmost, then longest; none overlapping an earlier one
        found: list[Found] = []
        reached = 0
        for start, end in hits:
            if start < reached:
                continue
            surface = full[start:end]
            mark = self.marks[surface]
            found.append(Found(Mention(mark.kind, surface, surface, start, end), mark_node(mark.kind, surface)))
            reached = end
        return found

    def apply(self, full: str, header: list[tuple[int, int]], found: list[Found],
              met: set[tuple[Node, Node]] | None = None) -> list[Found]:
        """One report's mentions as the judgements have them: dropped ones out, marked ones in (in place of what
        they overlap). ``met`` gathers (mark node, node) where a mark replaced a mention of exactly its text: the
        engine joins them, so the mark meets what the rules made of the same name elsewhere."""
        if self.empty:
            return found
        # The watchlist beats a text judgement: a watch hit is never dropped, nor replaced by a mark overlapping
        # it (a mark of "Lane Holdings" would otherwise take "Heron Lane Holdings" off the watchlist silently);
        # changing what the watchlist finds is done on the watchlist, where it shows.
        kept = [f for f in found if f.node[0] == "watch" or not self.dropped(f.mention)] if self.drops \
            else list(found)
        added = self.occurrences(full, header)
        watched = sorted((f.mention.start, f.mention.end) for f in kept if f.node[0] == "watch")
        if watched:
            added = [f for f in added if not _overlaps(watched, f.mention.start, f.mention.end)]
        if not added:
            return kept
        spans = sorted((f.mention.start, f.mention.end) for f in added)
        if met is not None:
            at = {(f.mention.start, f.mention.end): f.node for f in added}
            met.update((at[f.mention.start, f.mention.end], f.node) for f in kept
                       if (f.mention.start, f.mention.end) in at and f.node[0] != "mark")
        kept = [f for f in kept if not _overlaps(spans, f.mention.start, f.mention.end)]
        return sorted(kept + added, key=lambda f: (f.mention.start, -f.mention.end))

    def unions(self) -> list[tuple[Kind, str, str]]:
        """(kind, surface, reason) of every mark: the engine joins each mark node to the rules' node for it."""
        return [(mark.kind, surface, mark.reason) for surface, mark in self.marks.items()]


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of ``spans`` (sorted, not overlapping each other): only the last span
    starting before ``end`` can."""
    i = bisect.bisect_left(spans, (end, end))
    return i > 0 and spans[i - 1][1] > start
