"""What an import could not do incrementally, found as it resolves a new report: the "re-fuse recommended" queue.

Adding a report (core/fusion/incremental.py) resolves each of its groups of
keys (a name, its apposition, its abbreviation, its short forms) to at most
one existing entity. A full fusion would do more, and this says where:
- ``definition``: one group holds keys of two or more existing entities (an
  apposition or abbreviation defining one by the other): a full fusion joins
  them, the import keeps them apart;
- ``homonym``: a key the report uses is shared by homonyms and the context
  the report shares with them did not choose one (none shares any, or two
  share as much): the import took the one with most reports; a full fusion
  weighs every report again, and may split anew (a clear choice by context
  is what a full fusion would make too, and is not queued);
- ``transliteration``: a new entity named only in katakana: a full fusion
  compares it with every Latin name in the vault (the transliteration and
  surname-reading rules), an import only through the same key or word.
Each finding is a (reason, detail) pair; pure, no store.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from nia_desktop.core.fusion.judgements import node_text
from nia_desktop.core.fusion.model import NAME_KINDS, Kind

Node = tuple[str, ...]
_KATAKANA_ONLY = re.compile(r"[\u30a0-\u30ff・ ]+")
_DETAIL = 200  # a detail is a short line, not a dump


@dataclass(frozen=True)
class Group:
    """One resolved group of a new report's keys and where the import put it (None: dropped)."""

    nodes: tuple[Node, ...]
    surfaces: tuple[str, ...]
    kinds: tuple[Kind, ...]
    entity: int | None
    new: bool = False
    decided: bool = True  # for a key homonyms share: whether the report's context chose one clearly


def detect(groups: Iterable[Group], holders: Callable[[Node], Sequence[int]]) -> list[tuple[str, str]]:
    """What only a full fusion would do for these groups; ``holders`` gives the existing entities of a key
    (as they stood before this report)."""
    found: list[tuple[str, str]] = []
    for group in groups:
        owners = {node: tuple(holders(node)) for node in group.nodes}
        single = sorted({hs[0] for hs in owners.values() if len(hs) == 1})
        if len(single) >= 2:
            found.append(("definition", _short(f"one definition names entities {', '.join(map(str, single))}: "
                                               + " = ".join(node_text(n) for n in group.nodes))))
        for node, hs in owners.items():
            if len(hs) >= 2 and not group.decided:
                found.append(("homonym", _short(f"{node_text(node)} is shared by entities "
                                                f"{', '.join(map(str, hs))}; chose {group.entity}")))
        if group.new and group.kinds and all(k in NAME_KINDS for k in group.kinds) and group.surfaces and all(
                _KATAKANA_ONLY.fullmatch(s) for s in group.surfaces):
            found.append(("transliteration", _short(f"new entity {group.entity} is named only in katakana: "
                                                    + ", ".join(sorted(set(group.surfaces))))))
    return found


def _short(text: str) -> str:
    return text if len(text) <= _DETAIL else text[:_DETAIL - 1] + "…"
