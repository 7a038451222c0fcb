"""One page of a listing, and whether more follows.

Every listing that grows with the vault answers a page at a time (``limit`` rows from ``offset``) and says whether
rows follow, so a listing cut by its limit never passes for the whole (issue 15). A service asks its store for
``limit + 1`` rows: the extra row only says "more", and nothing counts the whole table to know it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from nia_desktop.core.errors import BadInput

T = TypeVar("T")


def _as_json(item: Any) -> Any:
    return item.to_json() if hasattr(item, "to_json") else item


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of an answer: ``more`` says whether rows follow (ask again with ``next_offset``).

    ``question`` names what was asked where one service answers several questions in this shape (the ledger)."""

    items: list[T]
    limit: int
    offset: int
    more: bool
    question: str = ""

    @classmethod
    def cut(cls, rows: list[T], limit: int, offset: int, question: str = "") -> Page[T]:
        """The page from up to ``limit + 1`` rows fetched at ``offset``: the extra row, if any, means more."""
        return cls(rows[:limit], limit, offset, len(rows) > limit, question)

    @property
    def next_offset(self) -> int | None:
        return self.offset + len(self.items) if self.more else None

    def to_json(self, row: Callable[[T], Any] = _as_json) -> dict[str, Any]:
        body = {"items": [row(i) for i in self.items], "more": self.more, "offset": self.offset,
                "limit": self.limit, "next_offset": self.next_offset}
        return {"question": self.question, **body} if self.question else body

    def more_line(self) -> str:
        """The last line of a cut listing in text output: how to ask for the next page ('' when none follows)."""
        return f"… more: --offset {self.next_offset}" if self.more else ""


def check_window(limit: int, offset: int) -> None:
    """A page asks for one row or more, from offset 0 or later."""
    if limit < 1 or offset < 0:
        raise BadInput("--limit must be 1 or more and --offset 0 or more")
