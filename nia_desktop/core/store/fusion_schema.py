"""Schema v14: fusion state kept in tables, so an import touches only the rows its reports touch.

Until v13 a fusion run was one JSON document per scope (fusion_runs) that
every import read whole and wrote whole: the cost of adding ten reports grew
with the vault. From v14 a scope (a case, or every report, for one reader
access: store/fusion.run_scope) owns rows:

- ``fusion_scopes``: one per scope: when and by whom it was last fully
  fused, how many reports it covers, the next entity number, whether every
  report's near-duplicate samples are in ``report_samples`` (``complete``),
  and the analysts' judgements that fusion applied (ids, JSON);
- ``fusion_entities``: an entity's kind, display name, aliases, merge
  reasons, mention count, and its report and agency counts (kept so the
  tables can sort a million entities by an index, not in memory);
- ``fusion_entity_nodes``: the resolution keys (core/fusion/judgements
  node_text) and the entity each belongs to; a key two homonyms share has
  two rows;
- ``fusion_name_words``: the words of two- and three-word name keys, so a
  new spelling finds the names it may be (the spelling rule) by index;
- ``fusion_entity_reports``: which reports mention which entity;
- ``fusion_entity_agencies``: the agencies reporting each entity (so an
  import keeps ``agency_count`` by one insert);
- ``fusion_scope_reports``: every report the scope covers (near-duplicates
  and links stay inside it; need-to-know probes it per hidden report);
- ``fusion_mentions``: each mention's offsets and surface in its report's text;
- ``fusion_links``: report pairs sharing entities, their weight and those
  entities (JSON ids);
- ``fusion_duplicates``: near-duplicate groups (a group is its lowest
  report id);
- ``fusion_dates``: dates found in each report's content (JSON);
- ``fusion_pending``: what an import could not do incrementally (a
  definition joining two older entities, a key homonyms share...) until the
  next full fusion of the scope: "re-fuse recommended: N pending";
- ``report_samples``: each report's sampled shingles (core/fusion/neardup),
  which depend on its text alone, the index a re-send is found through
  (``report_samples_common``: those too common to be evidence).

Every row lives in the encrypted vault like the reports it derives from;
a scope's rows are replaced in one transaction by a full fusion. The
runs kept in fusion_runs become rows here, and fusion_runs is dropped.
"""

from __future__ import annotations

from nia_desktop.core.vault.connection import VaultConnection

_TABLES = (
    """CREATE TABLE fusion_scopes (
        id INTEGER PRIMARY KEY,
        scope TEXT NOT NULL UNIQUE,
        at TEXT NOT NULL,
        user TEXT NOT NULL,
        reports INTEGER NOT NULL DEFAULT 0,
        next_entity INTEGER NOT NULL DEFAULT 1,
        complete INTEGER NOT NULL DEFAULT 0,
        judgements TEXT NOT NULL DEFAULT '[]'
    )""",
    """CREATE TABLE fusion_entities (
        scope_id INTEGER NOT NULL REFERENCES fusion_scopes(id),
        id INTEGER NOT NULL,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        aliases TEXT NOT NULL,
        merges TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        report_count INTEGER NOT NULL,
        agency_count INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (scope_id, id)
    ) WITHOUT ROWID""",
    "CREATE INDEX fusion_entities_by_reports ON fusion_entities (scope_id, report_count DESC, id)",
    "CREATE INDEX fusion_entities_by_agencies ON fusion_entities (scope_id, agency_count DESC, id)",
    "CREATE INDEX fusion_entities_by_name ON fusion_entities (scope_id, name COLLATE NOCASE, id)",
    """CREATE TABLE fusion_entity_nodes (
        scope_id INTEGER NOT NULL,
        node TEXT NOT NULL,
        entity_id INTEGER NOT NULL,
        PRIMARY KEY (scope_id, node, entity_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX fusion_entity_nodes_by_entity ON fusion_entity_nodes (scope_id, entity_id)",
    """CREATE TABLE fusion_name_words (
        scope_id INTEGER NOT NULL,
        word TEXT NOT NULL,
        node TEXT NOT NULL,
        PRIMARY KEY (scope_id, word, node)
    ) WITHOUT ROWID""",
    """CREATE TABLE fusion_entity_reports (
        scope_id INTEGER NOT NULL,
        entity_id INTEGER NOT NULL,
        report_id INTEGER NOT NULL,
        PRIMARY KEY (scope_id, entity_id, report_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX fusion_entity_reports_by_report ON fusion_entity_reports (scope_id, report_id, entity_id)",
    # The agencies reporting each entity, so agency_count is kept current by one insert per new report.
    """CREATE TABLE fusion_entity_agencies (
        scope_id INTEGER NOT NULL,
        entity_id INTEGER NOT NULL,
        agency TEXT NOT NULL,
        PRIMARY KEY (scope_id, entity_id, agency)
    ) WITHOUT ROWID""",
    # Every report a scope covers (those without any entity too): near-duplicates and links stay inside it.
    """CREATE TABLE fusion_scope_reports (
        scope_id INTEGER NOT NULL,
        report_id INTEGER NOT NULL,
        PRIMARY KEY (scope_id, report_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX fusion_scope_reports_by_report ON fusion_scope_reports (report_id, scope_id)",
    """CREATE TABLE fusion_mentions (
        scope_id INTEGER NOT NULL,
        report_id INTEGER NOT NULL,
        start_offset INTEGER NOT NULL,
        end_offset INTEGER NOT NULL,
        entity_id INTEGER NOT NULL,
        kind TEXT NOT NULL,
        surface TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (scope_id, report_id, start_offset, end_offset, entity_id)
    ) WITHOUT ROWID""",
    """CREATE TABLE fusion_links (
        scope_id INTEGER NOT NULL,
        a INTEGER NOT NULL,
        b INTEGER NOT NULL,
        weight REAL NOT NULL,
        entities TEXT NOT NULL,
        PRIMARY KEY (scope_id, a, b)
    ) WITHOUT ROWID""",
    "CREATE INDEX fusion_links_by_b ON fusion_links (scope_id, b, a)",
    "CREATE INDEX fusion_links_by_weight ON fusion_links (scope_id, weight DESC)",
    """CREATE TABLE fusion_duplicates (
        scope_id INTEGER NOT NULL,
        report_id INTEGER NOT NULL,
        group_id INTEGER NOT NULL,
        PRIMARY KEY (scope_id, report_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX fusion_duplicates_by_group ON fusion_duplicates (scope_id, group_id, report_id)",
    """CREATE TABLE fusion_dates (
        scope_id INTEGER NOT NULL,
        report_id INTEGER NOT NULL,
        dates TEXT NOT NULL,
        PRIMARY KEY (scope_id, report_id)
    ) WITHOUT ROWID""",
    """CREATE TABLE fusion_pending (
        id INTEGER PRIMARY KEY,
        scope_id INTEGER NOT NULL REFERENCES fusion_scopes(id),
        report_id INTEGER NOT NULL,
        reason TEXT NOT NULL,
        detail TEXT NOT NULL,
        at TEXT NOT NULL
    )""",
    "CREATE INDEX fusion_pending_by_scope ON fusion_pending (scope_id, id)",
    """CREATE TABLE report_samples (
        item INTEGER NOT NULL,
        report_id INTEGER NOT NULL REFERENCES reports(id),
        PRIMARY KEY (item, report_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX report_samples_by_report ON report_samples (report_id)",
    # Which reports have had their samples taken (a report with too little text has none, yet is sampled).
    "CREATE TABLE report_sampled (report_id INTEGER PRIMARY KEY REFERENCES reports(id))",
    # Sampled shingles found in more than neardup.COMMON reports (boilerplate, not evidence): postings only grow,
    # so once common an item stays common, and an import skips it by one lookup instead of reading its postings.
    "CREATE TABLE report_samples_common (item INTEGER PRIMARY KEY)",
)


def v14_fusion_state(db: VaultConnection) -> None:
    """The tables, then every kept run (one JSON document per scope) moved into them; fusion_runs goes."""
    for statement in _TABLES:
        db.execute(statement)
    _convert_runs(db)
    db.execute("DROP TABLE fusion_runs")


def _convert_runs(db: VaultConnection) -> None:
    """A run kept per reader access becomes that scope's rows. Runs keyed by the bare case (from before
    need-to-know: a fusion of everything) and runs stored before keys were kept are dropped, as they were never
    read; their near-duplicate samples are not known (``complete`` stays 0 until the next full fusion)."""
    import json

    import nia_desktop.core.store.fusion_state as fusion_state
    from nia_desktop.core.fusion.stored import from_stored
    from nia_desktop.core.store.fusion import SEPARATOR

    for scope, at, user in db.query("SELECT scope, at, user FROM fusion_runs ORDER BY scope"):
        if SEPARATOR not in str(scope):
            continue
        (data,) = db.query("SELECT result FROM fusion_runs WHERE scope = ?", (scope,))[0]
        result = from_stored(json.loads(data))
        if result is None:
            continue
        cited = {r for e in result.entities for r in e.reports} | {r for g in result.duplicates for r in g} | \
            {int(x) for link in result.links for x in (link["a"], link["b"])} | set(result.dates)
        fusion_state.replace(db, str(scope), str(user), str(at), result, sorted(cited), complete=False)
