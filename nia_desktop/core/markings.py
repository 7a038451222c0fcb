"""Markings: a classification level plus caveats, and the rules that read, combine and tear them.

A caveat is one of:

* a **compartment**: restricts who may read (a 特定秘密 designation, an
  operation's own compartment). A reader must hold every compartment on it;
* a **control**: restricts further dissemination (ORCON, NOFORN); anyone
  cleared to the level reads it, but a tearline may have to leave it out;
* a **release list**: ``REL TO GBR, USA``, the partners it may go to;
* an **unknown** marking found in a header: kept and shown, and treated as a
  compartment (fail closed) until an officer says what it is.

Names are folded (NFKC, spaces collapsed, Latin upper-cased) so "orcon",
"ORCON" and "ＯＲＣＯＮ" are one caveat. Banners combine portions: the highest
level, every compartment and control, and the partners every release list
shares (NOFORN beats any release list).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from nia_desktop.core.classification import Level


class CaveatKind(StrEnum):
    COMPARTMENT = "compartment"
    CONTROL = "control"
    RELEASE = "release"
    UNKNOWN = "unknown"


# Kinds a reader must hold to read what carries them.
RESTRICTS_READING = frozenset({CaveatKind.COMPARTMENT, CaveatKind.UNKNOWN})

SPECIALLY_DESIGNATED_SECRET = "特定秘密"  # noqa: S105 (a marking, not a password)
ORCON = "ORCON"
NOFORN = "NOFORN"

# Caveats every vault knows from its creation: (name, kind, aliases, description).
BUILT_IN: tuple[tuple[str, CaveatKind, tuple[str, ...], str], ...] = (
    (SPECIALLY_DESIGNATED_SECRET, CaveatKind.COMPARTMENT,
     ("SDS", "SPECIALLY DESIGNATED SECRET", "TOKUTEI HIMITSU"),
     "Specially Designated Secret (特定秘密の保護に関する法律): only those the designating ministry has cleared"),
    (ORCON, CaveatKind.CONTROL, ("ORIGINATOR CONTROLLED", "発信者統制", "発信元統制", "OC"),
     "Originator controlled: further dissemination only with the originator's consent"),
    (NOFORN, CaveatKind.CONTROL, ("NOT RELEASABLE TO FOREIGN NATIONALS", "外国人提供不可", "外国提供不可", "NF"),
     "Not releasable to foreign nationals or partners"),
)

MAX_NAME = 64
MAX_CAVEATS = 16
_SPACES = re.compile(r"\s+")
_PARTNER = re.compile(r"[A-Z]{2,6}")
_REL_TO = re.compile(r"^(?:REL(?:EASABLE)?\s+TO|提供可|開示可)\s*[:：]?\s*(.+)$")


def fold(name: str) -> str:
    """A caveat name as compared and stored: NFKC, one space between words, Latin letters upper-cased."""
    text = _SPACES.sub(" ", unicodedata.normalize("NFKC", name)).strip()
    text = text.replace(" (", "(").replace("( ", "(").replace(" )", ")")
    return "".join(c.upper() if c.isascii() else c for c in text)


def release_list(name: str) -> tuple[str, ...] | None:
    """The partners of a ``REL TO X, Y`` caveat (sorted, deduplicated), or None for any other name."""
    match = _REL_TO.match(fold(name))
    if match is None:
        return None
    partners = tuple(sorted(set(_PARTNER.findall(match.group(1)))))
    return partners or None


def release_name(partners: Iterable[str]) -> str:
    return "REL TO " + ", ".join(sorted(set(partners)))


@dataclass(frozen=True)
class Caveat:
    name: str
    kind: CaveatKind

    @property
    def restricts_reading(self) -> bool:
        return self.kind in RESTRICTS_READING


@dataclass(frozen=True)
class Marking:
    """What a report or a portion carries. Caveats are kept sorted: compartments, controls, release, unknown."""

    level: Level
    caveats: tuple[Caveat, ...] = ()

    @classmethod
    def of(cls, level: Level, caveats: Iterable[Caveat] = ()) -> Marking:
        order = {CaveatKind.COMPARTMENT: 0, CaveatKind.UNKNOWN: 1, CaveatKind.CONTROL: 2, CaveatKind.RELEASE: 3}
        unique = {c.name: c for c in caveats}
        return cls(level, tuple(sorted(unique.values(), key=lambda c: (order[c.kind], c.name))))

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.caveats)

    @property
    def compartments(self) -> frozenset[str]:
        """The caveats a reader must hold (unknown markings included: fail closed)."""
        return frozenset(c.name for c in self.caveats if c.restricts_reading)

    def portion_mark(self) -> str:
        """"(S)", "(TS//特定秘密//ORCON)": the mark before a paragraph, row or figure."""
        return "(" + "//".join((_SHORT[self.level], *self.names)) + ")"

    def banner(self) -> str:
        """The level in English and Japanese, then every caveat: colour is never the only signal."""
        return "//".join((f"{self.level.english} / {self.level.japanese}", *self.names))

    def to_json(self) -> dict[str, object]:
        return {"level": self.level.english, "caveats": list(self.names),
                "kinds": {c.name: c.kind.value for c in self.caveats}}

    @classmethod
    def from_json(cls, value: dict[str, object]) -> Marking:
        from nia_desktop.core.classification import parse_level

        kinds = value.get("kinds") or {}
        names = value.get("caveats") or []
        assert isinstance(kinds, dict) and isinstance(names, list)
        return cls.of(parse_level(str(value["level"])), (Caveat(str(n), CaveatKind(str(kinds.get(n, "unknown"))))
                                                         for n in names))


_SHORT = {Level.UNCLASSIFIED: "U", Level.CONFIDENTIAL: "C", Level.SECRET: "S", Level.TOP_SECRET: "TS"}


def combine(markings: Iterable[Marking]) -> Marking:
    """The marking of something derived from all of these: the highest level; every compartment, control and
    unknown marking; and a release list only of the partners every classified part may go to. A classified part
    with no release list may go to none, so the whole carries no release list; parts whose lists share no
    partner make the whole NOFORN. Unclassified parts limit nothing."""
    items = list(markings)
    level = max((m.level for m in items), default=Level.UNCLASSIFIED)
    kept: dict[str, Caveat] = {}
    lists: list[set[str]] = []
    unlisted = False
    for marking in items:
        partners: set[str] | None = None
        for caveat in marking.caveats:
            if caveat.kind is CaveatKind.RELEASE:
                partners = (partners or set()) | set(release_list(caveat.name) or ())
            else:
                kept[caveat.name] = caveat
        if partners is not None:
            lists.append(partners)
        elif marking.level > Level.UNCLASSIFIED:
            unlisted = True
    if lists and NOFORN not in kept and not unlisted:
        shared = set.intersection(*lists)
        if shared:
            kept["REL"] = Caveat(release_name(shared), CaveatKind.RELEASE)
        else:  # release lists with no partner in common: releasable to none of them
            kept[NOFORN] = Caveat(NOFORN, CaveatKind.CONTROL)
    return Marking.of(level, kept.values())


@dataclass(frozen=True)
class Access:
    """What one user may read: their clearance level and the compartments they hold today."""

    level: Level
    compartments: frozenset[str] = frozenset()

    def may_read(self, marking: Marking) -> bool:
        return marking.level <= self.level and marking.compartments <= self.compartments

    def key(self) -> str:
        """Names this access, for results kept per reader (a fusion run): same key, same reports readable."""
        return f"{int(self.level)}:" + "\x1f".join(sorted(self.compartments))


@dataclass(frozen=True)
class Tearline:
    """A product for a lower level or without some caveats: which portions may stay above the line."""

    max_level: Level = Level.TOP_SECRET
    without: frozenset[str] = frozenset()

    @property
    def is_full(self) -> bool:
        return self.max_level is Level.TOP_SECRET and not self.without

    def allows(self, marking: Marking) -> bool:
        if marking.level > self.max_level:
            return False
        names = set(marking.names)
        if names & self.without:
            return False
        # "without REL TO …" or "without NOFORN" name the caveat itself; any release list goes with "REL".
        return not ("REL" in self.without and any(c.kind is CaveatKind.RELEASE for c in marking.caveats))

    def label(self) -> str:
        parts = [self.max_level.english]
        parts += [f"without {name}" for name in sorted(self.without)]
        return ", ".join(parts)

    def to_json(self) -> dict[str, object]:
        return {"max_level": self.max_level.english, "without": sorted(self.without)}


FULL = Tearline()
