"""A fusion result as the vault keeps it, and back.

The stored form is `nia fuse --json`'s shape plus what later work needs:
each entity's resolution keys (``nodes``, so judgements and imports can
find it again), its merge reasons and mention count. Reading it back gives
a result that imports fuse into (core/fusion/incremental.py) without a full
fusion; per-mention offsets are not kept here (the extraction cache has
them).
"""

from __future__ import annotations

from typing import Any

from nia_desktop.core.fusion.engine import Entity, FusionResult
from nia_desktop.core.fusion.judgements import node_from_text, node_text
from nia_desktop.core.fusion.model import Kind


def to_stored(result: FusionResult) -> dict[str, Any]:
    stored = result.to_json()
    for entity, row in zip(result.entities, stored["entities"], strict=True):
        row["nodes"] = [node_text(n) for n in entity.nodes]
        row["merges"] = entity.merges
        row["mentions"] = entity.mentions
    return stored


def from_stored(stored: dict[str, Any]) -> FusionResult | None:
    """None for a result stored without keys (before schema 6), which nothing can fuse into."""
    entities = []
    for row in stored.get("entities", []):
        if "nodes" not in row:
            return None
        entities.append(Entity(int(row["id"]), Kind(row["kind"]), str(row["name"]), list(row["aliases"]),
                               [int(r) for r in row["reports"]], int(row.get("mentions", 0)),
                               [node_from_text(n) for n in row["nodes"]], list(row.get("merges", []))))
    return FusionResult(entities, [list(map(int, g)) for g in stored.get("duplicates", [])],
                        list(stored.get("links", [])), {},
                        {int(r): list(d) for r, d in stored.get("dates", {}).items()})
