"""A segmented fusion's reads and writes of many rows at once (core/fusion/segments.py).

fusion_state answers an import, for one report or entity at a time: a
segment's re-sends asked the sample index a statement per sampled shingle
(about a million statements at 20,000 reports a part), and its merge wrote
a dozen statements per entity. These do the same for a few hundred reports,
or for every new entity of a segment, in a few statements.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from nia_desktop.core.fusion import neardup
from nia_desktop.core.fusion.judgements import node_text
from nia_desktop.core.store.fusion_state import Node, in_scope, name_words
from nia_desktop.core.vault.connection import VaultConnection

BATCH = 5000  # ids bound in one statement


def shared_samples(db: VaultConnection, sid: int, report_ids: list[int]) -> dict[int, dict[int, int]]:
    """For each of ``report_ids`` (a few hundred), the scope's other reports sharing at least neardup.MIN_SHARED
    of its sampled shingles, with how many: what fusion_state.postings and in_scope tell one report at a time,
    in three statements (an item first found in more than neardup.COMMON reports is recorded as common, as there)."""
    found: dict[int, dict[int, int]] = defaultdict(dict)
    if not report_ids:
        return found
    marks = ",".join("?" * len(report_ids))
    mine = f"SELECT DISTINCT item FROM report_samples WHERE report_id IN ({marks})"
    db.execute(f"INSERT OR IGNORE INTO report_samples_common (item) SELECT i.item FROM ({mine}) i "
               f"WHERE NOT EXISTS (SELECT 1 FROM report_samples_common c WHERE c.item = i.item) AND (SELECT count(*) "
               f"FROM (SELECT 1 FROM report_samples s WHERE s.item = i.item LIMIT ?)) > ?",
               (*report_ids, neardup.COMMON + 1, neardup.COMMON))
    for a, b, n in db.query(
            f"SELECT a.report_id, b.report_id, count(*) FROM report_samples a "
            f"CROSS JOIN report_samples b ON b.item = a.item "
            f"WHERE a.report_id IN ({marks}) AND b.report_id != a.report_id "
            f"AND NOT EXISTS (SELECT 1 FROM report_samples_common c WHERE c.item = a.item) "
            f"GROUP BY a.report_id, b.report_id HAVING count(*) >= ?", (*report_ids, neardup.MIN_SHARED)):
        found[int(a)][int(b)] = int(n)
    inside = in_scope(db, sid, {b for others in found.values() for b in others})
    return {a: {b: n for b, n in others.items() if b in inside} for a, others in found.items()}


def sample_counts(db: VaultConnection, report_ids: Iterable[int]) -> dict[int, int]:
    """fusion_state.sample_sizes for many reports in a statement a batch (0 for a report without samples)."""
    wanted = sorted(set(report_ids))
    found = dict.fromkeys(wanted, 0)
    for start in range(0, len(wanted), BATCH):
        batch = wanted[start:start + BATCH]
        marks = ",".join("?" * len(batch))
        found.update((int(r), int(n)) for r, n in db.query(
            f"SELECT report_id, count(*) FROM report_samples WHERE report_id IN ({marks}) "
            f"GROUP BY report_id", batch))
    return found


@dataclass(frozen=True)
class NewEntity:
    """An entity of a segment that joined no earlier one, as fusion_state.new_entity and absorb would write it."""

    id: int
    kind: str
    name: str
    aliases: Sequence[str]
    merges: Sequence[dict[str, Any]]
    mentions: int
    reports: Sequence[int]
    nodes: Sequence[Node]


def add_entities(db: VaultConnection, sid: int, entities: list[NewEntity]) -> None:
    """Write new entities (ids from the scope's next_entity on, in order) with their reports, agencies, keys and
    name words, and move next_entity past them: what new_entity then absorb do for each, in a few statements."""
    if not entities:
        return
    rows = []
    for e in entities:
        merges: list[dict[str, Any]] = []
        merges.extend(m for m in e.merges if m not in merges)
        rows.append((sid, e.id, e.kind, e.name, json.dumps(sorted(set(e.aliases)), ensure_ascii=False),
                     json.dumps(merges, ensure_ascii=False), e.mentions, len(set(e.reports))))
    db.executemany("INSERT INTO fusion_entities (scope_id, id, kind, name, aliases, merges, mentions, report_count) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    db.executemany("INSERT OR IGNORE INTO fusion_entity_reports (scope_id, entity_id, report_id) VALUES (?, ?, ?)",
                   [(sid, e.id, r) for e in entities for r in sorted(set(e.reports))])
    db.executemany("INSERT OR IGNORE INTO fusion_entity_nodes (scope_id, node, entity_id) VALUES (?, ?, ?)",
                   [(sid, node_text(n), e.id) for e in entities for n in e.nodes])
    db.executemany("INSERT OR IGNORE INTO fusion_name_words (scope_id, word, node) VALUES (?, ?, ?)",
                   [(sid, w, node_text(n)) for e in entities for n in e.nodes for w in name_words(n)])
    first, last = entities[0].id, entities[-1].id
    db.execute("INSERT OR IGNORE INTO fusion_entity_agencies (scope_id, entity_id, agency) "
               "SELECT DISTINCT er.scope_id, er.entity_id, r.agency FROM fusion_entity_reports er "
               "JOIN reports r ON r.id = er.report_id WHERE er.scope_id = ? AND er.entity_id BETWEEN ? AND ?",
               (sid, first, last))
    db.execute("UPDATE fusion_entities SET agency_count = (SELECT count(*) FROM fusion_entity_agencies a "
               "WHERE a.scope_id = fusion_entities.scope_id AND a.entity_id = fusion_entities.id) "
               "WHERE scope_id = ? AND id BETWEEN ? AND ?", (sid, first, last))
    db.execute("UPDATE fusion_scopes SET next_entity = ? WHERE id = ?", (last + 1, sid))


def join_entities(db: VaultConnection, sid: int, joined: list[tuple[int, NewEntity]]) -> None:
    """A segment's entities join earlier ones (each target once): their aliases, merges, mentions, reports (and
    agencies) and keys, what fusion_state.absorb does for each, in a few statements a batch."""
    for start in range(0, len(joined), BATCH):
        batch = joined[start:start + BATCH]
        marks = ",".join("?" * len(batch))
        old = {int(i): (str(a), str(m)) for i, a, m in db.query(
            f"SELECT id, aliases, merges FROM fusion_entities WHERE scope_id = ? AND id IN ({marks})",
            (sid, *(t for t, _ in batch)))}
        reports = [(sid, t, r) for t, e in batch for r in sorted(set(e.reports))]
        db.executemany("INSERT OR IGNORE INTO fusion_entity_reports (scope_id, entity_id, report_id) "
                       "VALUES (?, ?, ?)", reports)
        db.executemany("INSERT OR IGNORE INTO fusion_entity_agencies (scope_id, entity_id, agency) "
                       "SELECT ?, ?, agency FROM reports WHERE id = ?", reports)
        rows = []
        for target, e in batch:
            aliases, merges = old[target]
            kept = list(json.loads(merges))
            kept.extend(m for m in e.merges if m not in kept)
            rows.append((json.dumps(sorted(set(json.loads(aliases)) | set(e.aliases)), ensure_ascii=False),
                         json.dumps(kept, ensure_ascii=False), e.mentions, sid, target, sid, target, sid, target))
        # The counts are counted again (each target's rows by index): what absorb adds up, insert by insert.
        db.executemany("UPDATE fusion_entities SET aliases = ?, merges = ?, mentions = mentions + ?, report_count = "
                       "(SELECT count(*) FROM fusion_entity_reports WHERE scope_id = ? AND entity_id = ?), "
                       "agency_count = (SELECT count(*) FROM fusion_entity_agencies WHERE scope_id = ? "
                       "AND entity_id = ?) WHERE scope_id = ? AND id = ?", rows)
        db.executemany("INSERT OR IGNORE INTO fusion_entity_nodes (scope_id, node, entity_id) VALUES (?, ?, ?)",
                       [(sid, node_text(n), t) for t, e in batch for n in e.nodes])
        db.executemany("INSERT OR IGNORE INTO fusion_name_words (scope_id, word, node) VALUES (?, ?, ?)",
                       [(sid, w, node_text(n)) for _, e in batch for n in e.nodes for w in name_words(n)])
