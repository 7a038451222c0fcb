"""Classification levels, ordered, with their English and Japanese markings."""

from __future__ import annotations

from enum import IntEnum


class Level(IntEnum):
    UNCLASSIFIED = 0
    CONFIDENTIAL = 1
    SECRET = 2
    TOP_SECRET = 3

    @property
    def english(self) -> str:
        return self.name.replace("_", " ")

    @property
    def japanese(self) -> str:
        return _JAPANESE[self]

    @property
    def banner_text(self) -> str:
        """Both spellings, so colour is never the only signal."""
        return f"{self.english} / {self.japanese}"


_JAPANESE = {
    Level.UNCLASSIFIED: "指定なし",
    Level.CONFIDENTIAL: "取扱注意",
    Level.SECRET: "秘",
    Level.TOP_SECRET: "極秘",
}


def highest(levels: list[Level]) -> Level:
    return max(levels, default=Level.UNCLASSIFIED)
