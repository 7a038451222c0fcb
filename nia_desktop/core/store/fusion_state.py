"""A scope's fusion state in the vault's tables (schema v14: core/store/fusion_schema.py), written and read.

A full fusion replaces a scope's rows (``replace``) in one transaction,
in batches of BATCH rows fed from generators: each executemany call is
short, so other threads (the desktop's UI) get the GIL between batches and
no second copy of the result is built. Imports change only the rows they
touch (core/fusion/incremental.TableIndex, through the small writers
here). Every reader answers one question by an index; ``reconstruct``
streams a whole result back for `nia fuse --json`, views that have not
moved onto queries yet, and services that still take a whole result.

No caller's permission is checked here: services/fusion.py does that.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any, TypeVar

from nia_desktop.core.fusion import neardup
from nia_desktop.core.fusion.engine import Entity, FusionResult
from nia_desktop.core.fusion.judgements import node_from_text, node_text
from nia_desktop.core.fusion.model import Kind, Mention
from nia_desktop.core.vault.connection import VaultConnection

BATCH = 5000
Node = tuple[str, ...]
T = TypeVar("T")


@dataclass(frozen=True)
class Scope:
    id: int
    scope: str
    at: str
    user: str
    reports: int
    next_entity: int
    complete: bool
    judgements: list[int]


def _batches(rows: Iterable[T]) -> Iterator[list[T]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, BATCH)):
        yield batch


def _many(db: VaultConnection, sql: str, rows: Iterable[tuple[Any, ...]]) -> None:
    for batch in _batches(rows):
        db.executemany(sql, batch)


def name_words(node: Node) -> list[str]:
    """The words a name key is found by (the spelling rule's word index): two- and three-word names only."""
    if node[0] != "name" or not 2 <= len(node[1].split()) <= 3:
        return []
    return sorted({w for w in node[1].split() if len(w) >= 3})


# -- scopes -------------------------------------------------------------------

def scope(db: VaultConnection, key: str) -> Scope | None:
    rows = db.query("SELECT id, scope, at, user, reports, next_entity, complete, judgements FROM fusion_scopes "
                    "WHERE scope = ?", (key,))
    if not rows:
        return None
    r = rows[0]
    return Scope(int(r[0]), str(r[1]), str(r[2]), str(r[3]), int(r[4]), int(r[5]), bool(r[6]),
                 [int(j) for j in json.loads(r[7])])


def scopes_of_case(db: VaultConnection, case_prefix: str) -> list[int]:
    """Ids of the scopes whose key starts with ``case_prefix`` (a case's runs for every reader)."""
    return [int(i) for (i,) in db.query("SELECT id FROM fusion_scopes WHERE substr(scope, 1, ?) = ?",
                                        (len(case_prefix), case_prefix))]


_SCOPED = ("fusion_entities", "fusion_entity_nodes", "fusion_name_words", "fusion_entity_reports",
           "fusion_entity_agencies", "fusion_scope_reports", "fusion_mentions", "fusion_links", "fusion_duplicates",
           "fusion_dates", "fusion_pending")


def drop(db: VaultConnection, scope_id: int) -> None:
    for table in _SCOPED:
        db.execute(f"DELETE FROM {table} WHERE scope_id = ?", (scope_id,))
    db.execute("DELETE FROM fusion_scopes WHERE id = ?", (scope_id,))


def replace(db: VaultConnection, key: str, user: str, at: str, result: FusionResult, reports: Iterable[int],
            judgements: Iterable[int] = (), complete: bool = True) -> int:
    """Make ``result`` (a full fusion of ``reports``) the scope's whole state; its pending work is done.

    The caller holds the transaction. Returns the scope's id."""
    old = scope(db, key)
    if old is not None:
        drop(db, old.id)
    report_ids = sorted(set(reports))
    cursor = db.execute(
        "INSERT INTO fusion_scopes (scope, at, user, reports, next_entity, complete, judgements) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (key, at, user, len(report_ids), max((e.id for e in result.entities), default=0) + 1, int(complete),
         json.dumps(sorted(judgements))))
    sid = int(cursor.lastrowid or 0)
    _many(db, "INSERT INTO fusion_scope_reports (scope_id, report_id) VALUES (?, ?)", ((sid, r) for r in report_ids))
    _many(db, "INSERT INTO fusion_entities (scope_id, id, kind, name, aliases, merges, mentions, report_count) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          ((sid, e.id, e.kind.value, e.name, json.dumps(e.aliases, ensure_ascii=False),
            json.dumps(e.merges, ensure_ascii=False), e.mentions, len(e.reports)) for e in result.entities))
    _many(db, "INSERT OR IGNORE INTO fusion_entity_nodes (scope_id, node, entity_id) VALUES (?, ?, ?)",
          ((sid, node_text(n), e.id) for e in result.entities for n in e.nodes))
    _many(db, "INSERT OR IGNORE INTO fusion_name_words (scope_id, word, node) VALUES (?, ?, ?)",
          ((sid, w, node_text(n)) for e in result.entities for n in e.nodes for w in name_words(n)))
    _many(db, "INSERT OR IGNORE INTO fusion_entity_reports (scope_id, entity_id, report_id) VALUES (?, ?, ?)",
          ((sid, e.id, r) for e in result.entities for r in e.reports))
    _many(db, "INSERT OR IGNORE INTO fusion_mentions (scope_id, report_id, start_offset, end_offset, entity_id, "
              "kind, surface) VALUES (?, ?, ?, ?, ?, ?, ?)",
          ((sid, r, m.start, m.end, e, m.kind.value, m.surface) for r, ms in result.mentions.items() for m, e in ms))
    _many(db, "INSERT OR REPLACE INTO fusion_links (scope_id, a, b, weight, entities) VALUES (?, ?, ?, ?, ?)",
          ((sid, min(int(x["a"]), int(x["b"])), max(int(x["a"]), int(x["b"])), float(x["weight"]),
            json.dumps(x["entities"])) for x in result.links))
    _many(db, "INSERT OR REPLACE INTO fusion_duplicates (scope_id, report_id, group_id) VALUES (?, ?, ?)",
          ((sid, r, min(g)) for g in result.duplicates for r in g))
    _many(db, "INSERT INTO fusion_dates (scope_id, report_id, dates) VALUES (?, ?, ?)",
          ((sid, r, json.dumps(d)) for r, d in sorted(result.dates.items()) if d))
    # Agencies: one statement over the rows just written (SQLite steps it without the GIL).
    db.execute("INSERT OR IGNORE INTO fusion_entity_agencies (scope_id, entity_id, agency) "
               "SELECT er.scope_id, er.entity_id, r.agency FROM fusion_entity_reports er "
               "JOIN reports r ON r.id = er.report_id WHERE er.scope_id = ?", (sid,))
    db.execute("UPDATE fusion_entities SET agency_count = (SELECT count(*) FROM fusion_entity_agencies a "
               "WHERE a.scope_id = fusion_entities.scope_id AND a.entity_id = fusion_entities.id) "
               "WHERE scope_id = ?", (sid,))
    return sid


# -- readers, one question each -------------------------------------------------

def holders(db: VaultConnection, sid: int, node: Node) -> list[int]:
    """The entities a key belongs to (two or more: homonyms share it)."""
    return [int(e) for (e,) in db.query("SELECT entity_id FROM fusion_entity_nodes WHERE scope_id = ? AND node = ? "
                                        "ORDER BY entity_id", (sid, node_text(node)))]


def names_with_word(db: VaultConnection, sid: int, word: str) -> list[Node]:
    return [node_from_text(n) for (n,) in db.query(
        "SELECT node FROM fusion_name_words WHERE scope_id = ? AND word = ? ORDER BY node", (sid, word))]


def report_count(db: VaultConnection, sid: int, entity_id: int) -> int:
    rows = db.query("SELECT report_count FROM fusion_entities WHERE scope_id = ? AND id = ?", (sid, entity_id))
    return int(rows[0][0]) if rows else 0


def entity_reports(db: VaultConnection, sid: int, entity_id: int, limit: int = -1) -> list[int]:
    """The entity's reports, lowest first; at most ``limit`` of them (-1: all)."""
    return [int(r) for (r,) in db.query(
        "SELECT report_id FROM fusion_entity_reports WHERE scope_id = ? AND entity_id = ? ORDER BY report_id "
        "LIMIT ?", (sid, entity_id, limit))]


def entity_reports_among(db: VaultConnection, sid: int, entity_id: int, candidates: Iterable[int]) -> set[int]:
    """Which of ``candidates`` the entity is in (one index probe each)."""
    found: set[int] = set()
    for batch in _batches(sorted(set(candidates))):
        marks = ",".join("?" * len(batch))
        found.update(int(r) for (r,) in db.query(
            f"SELECT report_id FROM fusion_entity_reports WHERE scope_id = ? AND entity_id = ? "
            f"AND report_id IN ({marks})", (sid, entity_id, *batch)))
    return found


def homonym_facts(db: VaultConnection, sid: int, holders: list[int],
                  context: Iterable[int]) -> tuple[dict[int, int], dict[int, int]]:
    """For entities sharing a key: how many of ``context`` each is in, and its report count (two statements)."""
    marks = ",".join("?" * len(holders))
    counts = {int(e): int(n) for e, n in db.query(
        f"SELECT id, report_count FROM fusion_entities WHERE scope_id = ? AND id IN ({marks})",
        (sid, *holders))}
    shared = dict.fromkeys(holders, 0)
    wanted = sorted(set(context))
    for batch in _batches(wanted):
        among = ",".join("?" * len(batch))
        for e, n in db.query(f"SELECT entity_id, count(*) FROM fusion_entity_reports WHERE scope_id = ? AND "
                             f"entity_id IN ({marks}) AND report_id IN ({among}) GROUP BY entity_id",
                             (sid, *holders, *batch)):
            shared[int(e)] += int(n)
    return shared, {e: counts.get(e, 0) for e in holders}


def entities_named_in(db: VaultConnection, sid: int, text: str) -> list[int]:
    """Entities whose name or an alias (three characters or more) is in ``text``, ignoring ASCII case: one pass
    over the scope's entities in SQLite."""
    folded = text.casefold()
    return [int(e) for (e,) in db.query(
        "SELECT e.id FROM fusion_entities e WHERE e.scope_id = ? AND EXISTS (SELECT 1 FROM json_each(e.aliases) a "
        "WHERE length(a.value) >= 3 AND (instr(?, lower(a.value)) > 0 OR instr(?, a.value) > 0)) "
        "OR (e.scope_id = ? AND length(e.name) >= 3 AND (instr(?, lower(e.name)) > 0 OR instr(?, e.name) > 0)) "
        "ORDER BY e.id", (sid, folded, text, sid, folded, text))]


def report_entities(db: VaultConnection, sid: int, report_id: int) -> list[int]:
    return [int(e) for (e,) in db.query("SELECT entity_id FROM fusion_entity_reports WHERE scope_id = ? AND "
                                        "report_id = ? ORDER BY entity_id", (sid, report_id))]


def report_links(db: VaultConnection, sid: int, report_id: int) -> list[dict[str, Any]]:
    rows = db.query("SELECT a, b, weight, entities FROM fusion_links WHERE scope_id = ? AND a = ? UNION ALL "
                    "SELECT a, b, weight, entities FROM fusion_links WHERE scope_id = ? AND b = ? ORDER BY 1, 2",
                    (sid, report_id, sid, report_id))
    return [{"a": int(a), "b": int(b), "weight": float(w), "entities": json.loads(e)} for a, b, w, e in rows]


def duplicate_group(db: VaultConnection, sid: int, report_id: int) -> list[int]:
    """The report's near-duplicate group (empty when it has none)."""
    return [int(r) for (r,) in db.query(
        "SELECT d.report_id FROM fusion_duplicates g JOIN fusion_duplicates d ON d.scope_id = g.scope_id "
        "AND d.group_id = g.group_id WHERE g.scope_id = ? AND g.report_id = ? ORDER BY d.report_id",
        (sid, report_id))]


def entity(db: VaultConnection, sid: int, entity_id: int) -> Entity | None:
    """One entity with its keys and reports."""
    rows = db.query("SELECT id, kind, name, aliases, merges, mentions FROM fusion_entities WHERE scope_id = ? "
                    "AND id = ?", (sid, entity_id))
    if not rows:
        return None
    nodes = [node_from_text(n) for (n,) in db.query(
        "SELECT node FROM fusion_entity_nodes WHERE scope_id = ? AND entity_id = ? ORDER BY node", (sid, entity_id))]
    return _entity(rows[0], entity_reports(db, sid, entity_id), nodes)


def entities(db: VaultConnection, sid: int, ids: Iterable[int]) -> dict[int, Entity]:
    found = {}
    for entity_id in ids:
        e = entity(db, sid, entity_id)
        if e is not None:
            found[entity_id] = e
    return found


def _entity(row: Any, reports: list[int], nodes: list[Node]) -> Entity:
    return Entity(int(row[0]), Kind(str(row[1])), str(row[2]), list(json.loads(row[3])), reports, int(row[5]),
                  nodes, list(json.loads(row[4])))


def in_scope(db: VaultConnection, sid: int, report_ids: Iterable[int]) -> set[int]:
    found: set[int] = set()
    for batch in _batches(sorted(set(report_ids))):
        marks = ",".join("?" * len(batch))
        found.update(int(r) for (r,) in db.query(
            f"SELECT report_id FROM fusion_scope_reports WHERE scope_id = ? AND report_id IN ({marks})",
            (sid, *batch)))
    return found


def draws_on_any(db: VaultConnection, sid: int, hidden_sql: str, params: list[Any]) -> bool:
    """Whether the scope covers a report ``hidden_sql`` selects (ids of reports the reader may not read).

    The hidden reports are found by their own indexes (classification, caveat) and each is probed in the
    scope: the work grows with the reports hidden from the reader, not with the scope."""
    # CROSS JOIN keeps the hidden reports the outer loop (a plain join scanned the scope: 126 ms at 100,000
    # reports, against 0.3 ms); the caller's branches are UNION ALL, so each keeps its own index.
    rows = db.query(f"SELECT 1 FROM ({hidden_sql}) h CROSS JOIN fusion_scope_reports s ON s.scope_id = ? "
                    f"AND s.report_id = h.id LIMIT 1", (*params, sid))
    return bool(rows)


def reconstruct(db: VaultConnection, sid: int) -> FusionResult:
    """The scope's whole result, read in order, table by table (cursors stream the rows)."""
    reports: dict[int, list[int]] = defaultdict(list)
    for e, r in _stream(db, "SELECT entity_id, report_id FROM fusion_entity_reports WHERE scope_id = ? "
                            "ORDER BY entity_id, report_id", (sid,)):
        reports[int(e)].append(int(r))
    nodes: dict[int, list[Node]] = defaultdict(list)
    for n, e in _stream(db, "SELECT node, entity_id FROM fusion_entity_nodes WHERE scope_id = ? "
                            "ORDER BY entity_id, node", (sid,)):
        nodes[int(e)].append(node_from_text(n))
    found = [_entity(row, reports.pop(int(row[0]), []), nodes.pop(int(row[0]), [])) for row in _stream(
        db, "SELECT id, kind, name, aliases, merges, mentions FROM fusion_entities WHERE scope_id = ? ORDER BY id",
        (sid,))]
    links = [{"a": int(a), "b": int(b), "weight": float(w), "entities": json.loads(e)} for a, b, w, e in _stream(
        db, "SELECT a, b, weight, entities FROM fusion_links WHERE scope_id = ? ORDER BY a, b", (sid,))]
    groups: dict[int, list[int]] = defaultdict(list)
    for g, r in _stream(db, "SELECT group_id, report_id FROM fusion_duplicates WHERE scope_id = ? "
                            "ORDER BY group_id, report_id", (sid,)):
        groups[int(g)].append(int(r))
    mentions: dict[int, list[tuple[Mention, int]]] = defaultdict(list)
    for r, start, end, e, kind, surface in _stream(
            db, "SELECT report_id, start_offset, end_offset, entity_id, kind, surface FROM fusion_mentions "
                "WHERE scope_id = ? ORDER BY report_id, start_offset, end_offset, entity_id", (sid,)):
        mentions[int(r)].append((Mention(Kind(str(kind)), str(surface), "", int(start), int(end)), int(e)))
    dates = {int(r): list(json.loads(d)) for r, d in _stream(
        db, "SELECT report_id, dates FROM fusion_dates WHERE scope_id = ? ORDER BY report_id", (sid,))}
    return FusionResult(found, [groups[g] for g in sorted(groups)], links, dict(mentions), dates)


def _stream(db: VaultConnection, sql: str, params: tuple[Any, ...]) -> Iterator[Any]:
    """Rows a batch at a time, so a million rows are never one Python list built in one call."""
    cursor = db.execute(sql, params)
    while rows := cursor.fetchmany(BATCH):
        yield from rows


# -- small writers for imports (core/fusion/incremental.TableIndex) --------------

def add_scope_report(db: VaultConnection, sid: int, report_id: int) -> None:
    added = db.execute("INSERT OR IGNORE INTO fusion_scope_reports (scope_id, report_id) VALUES (?, ?)",
                       (sid, report_id)).rowcount
    if added == 1:
        db.execute("UPDATE fusion_scopes SET reports = reports + 1 WHERE id = ?", (sid,))


def covers(db: VaultConnection, sid: int, report_id: int) -> bool:
    """Whether the scope already covers the report (a full fusion since included it)."""
    return bool(db.query("SELECT 1 FROM fusion_scope_reports WHERE scope_id = ? AND report_id = ?", (sid, report_id)))


def new_entity(db: VaultConnection, sid: int, kind: Kind, name: str) -> int:
    (entity_id,) = db.query("SELECT next_entity FROM fusion_scopes WHERE id = ?", (sid,))[0]
    db.execute("UPDATE fusion_scopes SET next_entity = next_entity + 1 WHERE id = ?", (sid,))
    db.execute("INSERT INTO fusion_entities (scope_id, id, kind, name, aliases, merges, mentions, report_count) "
               "VALUES (?, ?, ?, ?, '[]', '[]', 0, 0)", (sid, int(entity_id), kind.value, name))
    return int(entity_id)


def grow(db: VaultConnection, sid: int, entity_id: int, surfaces: Iterable[str], mentions: int, report_id: int,
         nodes: Iterable[Node]) -> None:
    """An entity's new aliases, mention count, report (and its agency) and keys."""
    (aliases,) = db.query("SELECT aliases FROM fusion_entities WHERE scope_id = ? AND id = ?", (sid, entity_id))[0]
    merged = sorted(set(json.loads(aliases)) | set(surfaces))
    added = db.execute("INSERT OR IGNORE INTO fusion_entity_reports (scope_id, entity_id, report_id) "
                       "VALUES (?, ?, ?)", (sid, entity_id, report_id)).rowcount
    agency = db.execute("INSERT OR IGNORE INTO fusion_entity_agencies (scope_id, entity_id, agency) "
                        "SELECT ?, ?, agency FROM reports WHERE id = ?", (sid, entity_id, report_id)).rowcount
    db.execute("UPDATE fusion_entities SET aliases = ?, mentions = mentions + ?, report_count = report_count + ?, "
               "agency_count = agency_count + ? WHERE scope_id = ? AND id = ?",
               (json.dumps(merged, ensure_ascii=False), mentions, max(added, 0), max(agency, 0), sid, entity_id))
    for node in nodes:
        know(db, sid, node, entity_id)


def know(db: VaultConnection, sid: int, node: Node, entity_id: int) -> None:
    text = node_text(node)
    db.execute("INSERT OR IGNORE INTO fusion_entity_nodes (scope_id, node, entity_id) VALUES (?, ?, ?)",
               (sid, text, entity_id))
    db.executemany("INSERT OR IGNORE INTO fusion_name_words (scope_id, word, node) VALUES (?, ?, ?)",
                   [(sid, w, text) for w in name_words(node)])


def add_mentions(db: VaultConnection, sid: int, report_id: int, mentions: Iterable[tuple[Mention, int]]) -> None:
    db.executemany("INSERT OR IGNORE INTO fusion_mentions (scope_id, report_id, start_offset, end_offset, entity_id, "
                   "kind, surface) VALUES (?, ?, ?, ?, ?, ?, ?)",
                   [(sid, report_id, m.start, m.end, e, m.kind.value, m.surface) for m, e in mentions])


def add_links(db: VaultConnection, sid: int, links: list[dict[str, Any]]) -> None:
    db.executemany("INSERT OR REPLACE INTO fusion_links (scope_id, a, b, weight, entities) VALUES (?, ?, ?, ?, ?)",
                   [(sid, x["a"], x["b"], x["weight"], json.dumps(x["entities"])) for x in links])


def set_dates(db: VaultConnection, sid: int, report_id: int, dates: list[str]) -> None:
    db.execute("INSERT OR REPLACE INTO fusion_dates (scope_id, report_id, dates) VALUES (?, ?, ?)",
               (sid, report_id, json.dumps(dates)))


def set_group(db: VaultConnection, sid: int, group: list[int], old_groups: Iterable[int]) -> None:
    """``group`` is one near-duplicate group now (the groups it joined are gone)."""
    for old in set(old_groups):
        db.execute("DELETE FROM fusion_duplicates WHERE scope_id = ? AND group_id = ?", (sid, old))
    db.executemany("INSERT OR REPLACE INTO fusion_duplicates (scope_id, report_id, group_id) VALUES (?, ?, ?)",
                   [(sid, r, min(group)) for r in group])


def attachments_among(db: VaultConnection, report_ids: Iterable[int]) -> set[int]:
    """Which of ``report_ids`` are attachments of an e-mail (near-duplicates compare them as part of it)."""
    found: set[int] = set()
    for batch in _batches(sorted(set(report_ids))):
        marks = ",".join("?" * len(batch))
        found.update(int(r) for (r,) in db.query(
            f"SELECT r.id FROM reports r JOIN reports m ON m.id = r.parent_id AND m.detected_type = 'eml' "
            f"WHERE r.id IN ({marks})", batch))
    return found


def leave_group(db: VaultConnection, sid: int, report_id: int) -> None:
    """The report leaves its near-duplicate group; a group left with one report is no group."""
    group = group_of(db, sid, report_id)
    if group is None:
        return
    db.execute("DELETE FROM fusion_duplicates WHERE scope_id = ? AND report_id = ?", (sid, report_id))
    rest = [int(r) for (r,) in db.query("SELECT report_id FROM fusion_duplicates WHERE scope_id = ? AND group_id = ?",
                                        (sid, group))]
    if len(rest) < 2:
        db.execute("DELETE FROM fusion_duplicates WHERE scope_id = ? AND group_id = ?", (sid, group))
    elif min(rest) != group:
        db.execute("UPDATE fusion_duplicates SET group_id = ? WHERE scope_id = ? AND group_id = ?",
                   (min(rest), sid, group))


def group_of(db: VaultConnection, sid: int, report_id: int) -> int | None:
    rows = db.query("SELECT group_id FROM fusion_duplicates WHERE scope_id = ? AND report_id = ?", (sid, report_id))
    return int(rows[0][0]) if rows else None


# -- writers for a fusion merged a segment at a time (core/fusion/segments.py) ------------

def begin(db: VaultConnection, key: str, user: str, at: str, judgements: Iterable[int]) -> int:
    """An empty scope under ``key`` (any earlier one of that key dropped) that segments are merged into."""
    old = scope(db, key)
    if old is not None:
        drop(db, old.id)
    cursor = db.execute("INSERT INTO fusion_scopes (scope, at, user, reports, next_entity, complete, judgements) "
                        "VALUES (?, ?, ?, 0, 1, 1, ?)", (key, at, user, json.dumps(sorted(judgements))))
    return int(cursor.lastrowid or 0)


def rename(db: VaultConnection, sid: int, key: str) -> None:
    """Scope ``sid`` becomes the one kept under ``key`` (the one there before is dropped)."""
    old = scope(db, key)
    if old is not None and old.id != sid:
        drop(db, old.id)
    db.execute("UPDATE fusion_scopes SET scope = ? WHERE id = ?", (key, sid))


def entity_nodes(db: VaultConnection, sid: int, entity_id: int) -> list[Node]:
    return [node_from_text(n) for (n,) in db.query(
        "SELECT node FROM fusion_entity_nodes WHERE scope_id = ? AND entity_id = ?", (sid, entity_id))]


def absorb(db: VaultConnection, sid: int, entity_id: int, aliases: Iterable[str], merges: Iterable[dict[str, Any]],
           mentions: int, reports: Iterable[int], nodes: Iterable[Node]) -> None:
    """A segment's entity joins ``entity_id``: its aliases, the merges that made it, its mentions, reports (and
    their agencies) and keys."""
    (old_aliases, old_merges) = db.query("SELECT aliases, merges FROM fusion_entities WHERE scope_id = ? AND id = ?",
                                         (sid, entity_id))[0]
    kept = list(json.loads(old_merges))
    kept.extend(m for m in merges if m not in kept)
    added = agencies = 0
    for batch in _batches(sorted(set(reports))):
        added += db.executemany("INSERT OR IGNORE INTO fusion_entity_reports (scope_id, entity_id, report_id) "
                                "VALUES (?, ?, ?)", [(sid, entity_id, r) for r in batch]).rowcount
        marks = ",".join("?" * len(batch))
        agencies += db.execute(f"INSERT OR IGNORE INTO fusion_entity_agencies (scope_id, entity_id, agency) "
                               f"SELECT DISTINCT ?, ?, agency FROM reports WHERE id IN ({marks})",
                               (sid, entity_id, *batch)).rowcount
    db.execute("UPDATE fusion_entities SET aliases = ?, merges = ?, mentions = mentions + ?, "
               "report_count = report_count + ?, agency_count = agency_count + ? WHERE scope_id = ? AND id = ?",
               (json.dumps(sorted(set(json.loads(old_aliases)) | set(aliases)), ensure_ascii=False),
                json.dumps(kept, ensure_ascii=False), mentions, max(added, 0), max(agencies, 0), sid, entity_id))
    for node in nodes:
        know(db, sid, node, entity_id)


def add_many_mentions(db: VaultConnection, sid: int, mentions: Iterable[tuple[int, Mention, int]]) -> None:
    """(report id, mention, entity id) rows, in batches."""
    _many(db, "INSERT OR IGNORE INTO fusion_mentions (scope_id, report_id, start_offset, end_offset, entity_id, "
              "kind, surface) VALUES (?, ?, ?, ?, ?, ?, ?)",
          ((sid, r, m.start, m.end, e, m.kind.value, m.surface) for r, m, e in mentions))


def add_scope_reports(db: VaultConnection, sid: int, report_ids: Iterable[int]) -> None:
    added = 0
    for batch in _batches(sorted(set(report_ids))):
        added += db.executemany("INSERT OR IGNORE INTO fusion_scope_reports (scope_id, report_id) VALUES (?, ?)",
                                [(sid, r) for r in batch]).rowcount
    db.execute("UPDATE fusion_scopes SET reports = reports + ? WHERE id = ?", (max(added, 0), sid))


def insert_links(db: VaultConnection, sid: int, links: Iterable[tuple[int, int, float, str]]) -> None:
    """(a, b, weight, entities as JSON) rows, a < b."""
    _many(db, "INSERT OR REPLACE INTO fusion_links (scope_id, a, b, weight, entities) VALUES (?, ?, ?, ?, ?)",
          ((sid, a, b, w, e) for a, b, w, e in links))


# -- pending work -------------------------------------------------------------

def add_pending(db: VaultConnection, sid: int, at: str, rows: Iterable[tuple[int, str, str]]) -> None:
    db.executemany("INSERT INTO fusion_pending (scope_id, report_id, reason, detail, at) VALUES (?, ?, ?, ?, ?)",
                   [(sid, r, reason, detail, at) for r, reason, detail in rows])


def pending(db: VaultConnection, sid: int, limit: int = 100) -> tuple[int, list[dict[str, Any]]]:
    """How many pending items the scope has, and the first ``limit`` of them."""
    (count,) = db.query("SELECT count(*) FROM fusion_pending WHERE scope_id = ?", (sid,))[0]
    items = [{"report": int(r), "reason": str(reason), "detail": str(detail), "at": str(at)}
             for r, reason, detail, at in db.query(
                 "SELECT report_id, reason, detail, at FROM fusion_pending WHERE scope_id = ? ORDER BY id LIMIT ?",
                 (sid, limit))]
    return int(count), items


# -- near-duplicate samples (depend on a report's text alone: kept once, shared by every scope) ------------

def sample(content: str) -> frozenset[int]:
    """A report's sampled shingles as imports compare them (core/fusion/incremental)."""
    items = neardup.shingles(content)
    return frozenset(i for i in items if i % neardup.SAMPLE == 0) if len(items) >= neardup.MIN_SHINGLES \
        else frozenset()


def unsampled(db: VaultConnection, report_ids: Iterable[int]) -> list[int]:
    wanted = sorted(set(report_ids))
    done: set[int] = set()
    for batch in _batches(wanted):
        marks = ",".join("?" * len(batch))
        done.update(int(r) for (r,) in db.query(
            f"SELECT report_id FROM report_sampled WHERE report_id IN ({marks})", batch))
    return [r for r in wanted if r not in done]


def save_samples(db: VaultConnection, samples: Iterable[tuple[int, Iterable[int]]]) -> None:
    """Each report's samples, once (a report already sampled is left as it is)."""
    for batch in _batches(samples):
        fresh = set(unsampled(db, (r for r, _ in batch)))
        db.executemany("INSERT OR IGNORE INTO report_sampled (report_id) VALUES (?)", [(r,) for r in sorted(fresh)])
        _many(db, "INSERT OR IGNORE INTO report_samples (item, report_id) VALUES (?, ?)",
              ((item, r) for r, items in batch if r in fresh for item in items))


def postings(db: VaultConnection, items: Iterable[int]) -> dict[int, list[int]]:
    """For each item, the reports sampled with it; an item in more than neardup.COMMON reports is left out (and
    recorded as common when first found so: the caller holds a transaction)."""
    wanted = sorted(set(items))
    common: set[int] = set()
    for batch in _batches(wanted):
        marks = ",".join("?" * len(batch))
        common.update(int(i) for (i,) in db.query(
            f"SELECT item FROM report_samples_common WHERE item IN ({marks})", batch))
    found: dict[int, list[int]] = {}
    newly = []
    for item in wanted:
        if item in common:
            continue
        rows = db.query("SELECT report_id FROM report_samples WHERE item = ? LIMIT ?", (item, neardup.COMMON + 1))
        if len(rows) <= neardup.COMMON:
            found[item] = [int(r) for (r,) in rows]
        else:
            newly.append((item,))
    if newly:
        db.executemany("INSERT OR IGNORE INTO report_samples_common (item) VALUES (?)", newly)
    return found


def samples_of(db: VaultConnection, report_ids: Iterable[int]) -> dict[int, frozenset[int]]:
    found: dict[int, set[int]] = defaultdict(set)
    for report_id in sorted(set(report_ids)):
        found[report_id] = {int(i) for (i,) in db.query("SELECT item FROM report_samples WHERE report_id = ?",
                                                         (report_id,))}
    return {r: frozenset(items) for r, items in found.items()}


def sample_sizes(db: VaultConnection, report_ids: Iterable[int]) -> dict[int, int]:
    return {r: int(db.query("SELECT count(*) FROM report_samples WHERE report_id = ?", (r,))[0][0])
            for r in sorted(set(report_ids))}


def duplicate_groups(db: VaultConnection, sid: int) -> list[list[int]]:
    groups: dict[int, list[int]] = defaultdict(list)
    for g, r in _stream(db, "SELECT group_id, report_id FROM fusion_duplicates WHERE scope_id = ? "
                            "ORDER BY group_id, report_id", (sid,)):
        groups[int(g)].append(int(r))
    return [groups[g] for g in sorted(groups)]
