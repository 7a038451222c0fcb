"""What resolution works on: reports' text, the mentions found in them, and the union of their keys."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from nia_desktop.core.fusion.model import Mention


@dataclass(frozen=True)
class ReportText:
    id: int
    title: str
    text: str
    message: int = 0  # an e-mail attachment: the id of its message (near-duplicates compare messages whole)


@dataclass(frozen=True)
class Found:
    """A mention with the resolution node it starts in."""

    mention: Mention
    node: tuple[str, ...]
    reading: str = ""
    born: int = 0  # a birth year stated next to a person's name: tells homonyms apart


class KeyUnion:
    """Union-find with cannot-link pairs: an analyst's "different" beats every automatic rule."""

    def __init__(self, apart: Iterable[tuple[tuple[str, ...], tuple[str, ...]]] = ()) -> None:
        self.parent: dict[tuple[str, ...], tuple[str, ...]] = {}
        self.reasons: list[tuple[tuple[str, ...], tuple[str, ...], str]] = []
        self.apart = list(apart)
        self.refused: list[tuple[tuple[str, ...], tuple[str, ...], str]] = []

    def find(self, x: tuple[str, ...]) -> tuple[str, ...]:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: tuple[str, ...], b: tuple[str, ...], reason: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        for p, q in self.apart:
            if {self.find(p), self.find(q)} == {ra, rb}:
                self.refused.append((a, b, reason))
                return
        self.parent[ra] = rb
        self.reasons.append((a, b, reason))
