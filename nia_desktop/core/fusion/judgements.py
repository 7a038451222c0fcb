"""Analysts' judgements on resolution: they beat the automatic rules and survive every re-fusion.

A judgement names resolution keys (nodes), not entity ids, because ids are
renumbered by each fusion while keys are what a mention resolves from:
- ``same``: the two keys are one entity (an analyst's merge);
- ``different``: the two keys are never one entity, whatever rule would join them;
- ``split``: in the reports listed, mentions of key ``a`` become key ``b``, a
  new entity kept apart from ``a`` (one name, two people);
- ``entity``: the text ``a`` = ("text", surface) is an entity of kind
  ``b`` = (kind,) wherever it is written; ``not_entity``: it is not one (of
  kind ``b``, or of any kind when ``b`` is empty). These two name text, not
  keys: core/fusion/marks.py applies them to mentions before resolution.
Judgements are kept in a log (who, when, why, which reports) and revoked,
never deleted, so a merge can be undone and its history still read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

VERDICTS = ("same", "different", "split", "entity", "not_entity")


@dataclass(frozen=True)
class Judgement:
    verdict: str
    a: tuple[str, ...]
    b: tuple[str, ...]
    by: str = ""
    at: str = ""
    why: str = ""
    reports: tuple[int, ...] = field(default_factory=tuple)
    id: int = 0

    def reason(self) -> str:
        return f"analyst {self.by}: {self.verdict}" + (f" ({self.why})" if self.why else "")

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "verdict": self.verdict, "a": node_text(self.a), "b": node_text(self.b),
                "by": self.by, "at": self.at, "why": self.why, "reports": list(self.reports)}


def node_text(node: tuple[str, ...]) -> str:
    """A key as analysts see it and the store keeps it: JSON, so any character round-trips."""
    return json.dumps(list(node), ensure_ascii=False)


def node_from_text(text: str) -> tuple[str, ...]:
    value = json.loads(text)
    if not isinstance(value, list) or not all(isinstance(part, str) for part in value):
        raise ValueError("a key is a JSON list of strings")
    return tuple(value)
