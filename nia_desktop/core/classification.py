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


def parse_level(text: str) -> Level:
    """A level as people type it (DESIGN.md): the English name in any case, with `_`, `-` or spaces between the
    words, the Japanese name, or its number 0-3. BadInput names the accepted spellings otherwise."""
    from nia_desktop.core.errors import BadInput

    wanted = text.strip()
    folded = "".join(c for c in wanted.casefold() if c not in " _-\u3000")
    for level in Level:
        if folded in (level.name.casefold().replace("_", ""), str(int(level))) or wanted == level.japanese:
            return level
    raise BadInput(f"{text[:40]!r} is not a classification: say UNCLASSIFIED, CONFIDENTIAL, SECRET or TOP SECRET "
                   "(or 指定なし, 取扱注意, 秘, 極秘, or 0-3)")
