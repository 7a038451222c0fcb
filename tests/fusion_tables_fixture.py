"""A fused scope written straight into the v14 tables, for tests of the pages read from them.

The rows follow core/store/fusion_schema.py as a full fusion leaves them:
each entity's report and agency counts, its reports, mentions, links,
near-duplicate groups, the scope's reports and its pending work.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from nia_desktop.core.classification import Level
from nia_desktop.core.store import reports as store
from nia_desktop.core.vault.connection import VaultConnection

AGENCIES = ("CIRO", "MOFA", "DIH", "NPA")


@dataclass(frozen=True)
class Spec:
    id: int
    kind: str
    name: str
    reports: list[int]
    aliases: list[str] = field(default_factory=list)
    mentions: int = 1


def add_reports(db: VaultConnection, count: int, user: str, level: Level = Level.SECRET,
                first: int = 0) -> list[int]:
    """``count`` plain reports, agencies in turn, one a day from 2026-01-01 (report i on day 1 + i % 28)."""
    ids = []
    for i in range(first, first + count):
        text = f"Report {i} body."
        ids.append(store.insert(db, store.NewReport(
            sha256=f"{i:064x}", title=f"report {i}", body=text, agency=AGENCIES[i % 4], classification=level,
            classification_stated=True, reliability="B", credibility=str(1 + i % 3), language="en",
            report_date=f"2026-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}", detected_type="text", encoding="utf-8",
            original_name=f"{i}.txt", path=f"/m/{i}.txt", inner_path="", size=len(text), volume_label="m",
            volume_path="/m", imported_by=user, imported_at="2026-03-01T00:00:00Z", import_id=0, parent_id=None,
            fields={}, structured=None), text.encode()))
    return ids


def fill_scope(db: VaultConnection, key: str, entities: list[Spec], reports: list[int],
               duplicates: list[list[int]] = (), links: list[tuple[int, int, float, list[int]]] = (),  # type: ignore[assignment]
               pending: int = 0, user: str = "anna") -> int:
    """One scope's rows; returns its id."""
    cursor = db.execute("INSERT INTO fusion_scopes (scope, at, user, reports, next_entity, complete) "
                        "VALUES (?, '2026-03-02T00:00:00Z', ?, ?, ?, 1)",
                        (key, user, len(reports), max((e.id for e in entities), default=0) + 1))
    sid = int(cursor.lastrowid or 0)
    agency = {int(r): str(a) for r, a in db.query("SELECT id, agency FROM reports")}
    db.executemany("INSERT INTO fusion_scope_reports (scope_id, report_id) VALUES (?, ?)",
                   [(sid, r) for r in reports])
    for e in entities:
        db.execute("INSERT INTO fusion_entities (scope_id, id, kind, name, aliases, merges, mentions, report_count, "
                   "agency_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   (sid, e.id, e.kind, e.name, json.dumps(e.aliases or [e.name], ensure_ascii=False),
                    json.dumps([{"a": ["name", e.name], "b": ["name", e.name.lower()], "why": "case"}]),
                    e.mentions, len(e.reports), len({agency[r] for r in e.reports})))
        db.executemany("INSERT INTO fusion_entity_reports (scope_id, entity_id, report_id) VALUES (?, ?, ?)",
                       [(sid, e.id, r) for r in e.reports])
        db.executemany("INSERT INTO fusion_mentions (scope_id, report_id, start_offset, end_offset, entity_id, kind, "
                       "surface) VALUES (?, ?, 0, ?, ?, ?, ?)",
                       [(sid, r, len(e.name), e.id, e.kind, e.name) for r in e.reports])
    db.executemany("INSERT INTO fusion_duplicates (scope_id, report_id, group_id) VALUES (?, ?, ?)",
                   [(sid, r, min(g)) for g in duplicates for r in g])
    db.executemany("INSERT INTO fusion_links (scope_id, a, b, weight, entities) VALUES (?, ?, ?, ?, ?)",
                   [(sid, a, b, w, json.dumps(es)) for a, b, w, es in links])
    db.executemany("INSERT INTO fusion_pending (scope_id, report_id, reason, detail, at) VALUES (?, ?, 'joins', "
                   "'two older entities', '2026-03-03T00:00:00Z')", [(sid, reports[0]) for _ in range(pending)])
    return sid
