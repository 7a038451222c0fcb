"""Caveats the vault knows, reports' caveats, users' clearance levels and compartment grants.

``hidden_sql`` is the one reading filter every service applies: the reports a
reader may not read are those above their level, or carrying a compartment (or
an unknown marking) they do not hold today.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from nia_desktop.core.classification import Level
from nia_desktop.core.markings import Access, Caveat, CaveatKind, Marking, fold, release_list, release_name
from nia_desktop.core.vault.connection import VaultConnection


@dataclass(frozen=True)
class CaveatRecord:
    name: str
    kind: CaveatKind
    aliases: tuple[str, ...]
    description: str
    added_by: str
    added_at: str
    reports: int = 0

    @property
    def caveat(self) -> Caveat:
        return Caveat(self.name, self.kind)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind.value, "aliases": list(self.aliases),
                "description": self.description, "added_by": self.added_by, "added_at": self.added_at,
                "reports": self.reports}


@dataclass(frozen=True)
class Grant:
    user: str
    compartment: str
    until: str | None
    granted_by: str
    granted_at: str

    def current(self, today: str) -> bool:
        return self.until is None or today <= self.until

    def to_json(self) -> dict[str, Any]:
        return {"compartment": self.compartment, "until": self.until, "granted_by": self.granted_by,
                "granted_at": self.granted_at}


def all_caveats(db: VaultConnection, with_counts: bool = False) -> list[CaveatRecord]:
    counts: dict[str, int] = {}
    if with_counts:
        counts = {str(c): int(n) for c, n in db.query("SELECT caveat, count(*) FROM report_caveats GROUP BY caveat")}
    return [CaveatRecord(str(r[0]), CaveatKind(str(r[1])), tuple(json.loads(r[2])), str(r[3]), str(r[4]), str(r[5]),
                         counts.get(str(r[0]), 0))
            for r in db.query("SELECT name, kind, aliases, description, added_by, added_at FROM caveats ORDER BY name")]


def resolve(db: VaultConnection, name: str) -> CaveatRecord | None:
    """The caveat a name (or alias, or release list in any order) stands for, or None."""
    wanted = fold(name)
    partners = release_list(wanted)
    if partners is not None:
        wanted = release_name(partners)
    for record in all_caveats(db):
        if wanted == record.name or wanted in {fold(a) for a in record.aliases}:
            return record
    return None


def add_caveat(db: VaultConnection, name: str, kind: CaveatKind, description: str, by: str, at: str,
               aliases: Iterable[str] = ()) -> None:
    db.execute("INSERT INTO caveats (name, kind, aliases, description, added_by, added_at) VALUES (?,?,?,?,?,?)",
               (name, kind.value, json.dumps(sorted(set(aliases)), ensure_ascii=False), description, by, at))


def redefine(db: VaultConnection, name: str, kind: CaveatKind, description: str) -> None:
    db.execute("UPDATE caveats SET kind = ?, description = ? WHERE name = ?", (kind.value, description, name))


def report_markings(db: VaultConnection, report_ids: Iterable[int] | None = None) -> dict[int, Marking]:
    """Each report's marking (level and caveats); every report when ``report_ids`` is None."""
    kinds = {r.name: r.kind for r in all_caveats(db)}
    if report_ids is None:
        levels = {int(i): Level(int(c)) for i, c in db.query("SELECT id, classification FROM reports")}
        rows = db.query("SELECT report_id, caveat FROM report_caveats")
    else:
        ids = sorted(set(report_ids))
        levels, rows = {}, []
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ",".join("?" * len(chunk))
            levels.update({int(i): Level(int(c)) for i, c in db.query(
                f"SELECT id, classification FROM reports WHERE id IN ({marks})", chunk)})
            rows += db.query(f"SELECT report_id, caveat FROM report_caveats WHERE report_id IN ({marks})",
                             chunk)
    caveats: dict[int, list[Caveat]] = {}
    for report_id, name in rows:
        caveats.setdefault(int(report_id), []).append(Caveat(str(name), kinds.get(str(name), CaveatKind.UNKNOWN)))
    return {r: Marking.of(level, caveats.get(r, ())) for r, level in levels.items()}


def set_report_caveats(db: VaultConnection, report_id: int, names: Iterable[str]) -> None:
    db.execute("DELETE FROM report_caveats WHERE report_id = ?", (report_id,))
    for name in sorted(set(names)):
        db.execute("INSERT INTO report_caveats (report_id, caveat) VALUES (?, ?)", (report_id, name))


def set_level(db: VaultConnection, report_id: int, level: Level) -> None:
    db.execute("UPDATE reports SET classification = ?, classification_stated = 1 WHERE id = ?",
               (int(level), report_id))


def clearance(db: VaultConnection, user: str) -> Level:
    rows = db.query("SELECT clearance FROM users WHERE name = ?", (user,))
    return Level(int(rows[0][0])) if rows else Level.UNCLASSIFIED


def set_clearance(db: VaultConnection, user: str, level: Level) -> None:
    db.execute("UPDATE users SET clearance = ? WHERE name = ?", (int(level), user))


def grants(db: VaultConnection, user: str | None = None) -> list[Grant]:
    query = "SELECT user, compartment, until, granted_by, granted_at FROM user_grants"
    rows = db.query(query + " WHERE user = ? ORDER BY compartment", (user,)) if user else db.query(
        query + " ORDER BY user, compartment")
    return [Grant(str(r[0]), str(r[1]), None if r[2] is None else str(r[2]), str(r[3]), str(r[4])) for r in rows]


def grant(db: VaultConnection, user: str, compartment: str, until: str | None, by: str, at: str) -> None:
    db.execute("INSERT OR REPLACE INTO user_grants (user, compartment, until, granted_by, granted_at) "
               "VALUES (?, ?, ?, ?, ?)", (user, compartment, until, by, at))


def ungrant(db: VaultConnection, user: str, compartment: str) -> bool:
    cursor = db.execute("DELETE FROM user_grants WHERE user = ? AND compartment = ?", (user, compartment))
    return bool(cursor.rowcount)


def access(db: VaultConnection, user: str, today: str) -> Access:
    """What ``user`` may read today: expired grants no longer count."""
    held = frozenset(g.compartment for g in grants(db, user) if g.current(today))
    return Access(clearance(db, user), held)


def restrictive_not_held(db: VaultConnection, reader: Access) -> list[str]:
    return [r.name for r in all_caveats(db)
            if r.kind in (CaveatKind.COMPARTMENT, CaveatKind.UNKNOWN) and r.name not in reader.compartments]


def readable_sql(db: VaultConnection, reader: Access, table: str = "reports") -> tuple[str, list[Any]]:
    """A WHERE clause (and its parameters) true for the rows of ``table`` (the reports table or its alias) that
    the reader may read.

    The compartments the reader lacks are few, so the reports carrying them are one small list that SQLite
    builds once per statement; each row then costs one lookup in it.
    """
    clause = f"{table}.classification <= ?"
    params: list[Any] = [int(reader.level)]
    lacking = restrictive_not_held(db, reader)
    if lacking:
        marks = ",".join("?" * len(lacking))
        clause += f" AND {table}.id NOT IN (SELECT report_id FROM report_caveats WHERE caveat IN ({marks}))"
        params += lacking
    return clause, params


def hidden_ids_sql(db: VaultConnection, reader: Access) -> tuple[str, list[Any]]:
    """A query of the ids of the reports ``reader`` may not read: readable_sql's negation, each branch by its own
    index (classification, caveat) under UNION ALL, so it costs what is hidden, never a scan of every report."""
    sql = "SELECT id FROM reports WHERE classification > ?"
    params: list[Any] = [int(reader.level)]
    lacking = restrictive_not_held(db, reader)
    if lacking:
        marks = ",".join("?" * len(lacking))
        sql += f" UNION ALL SELECT report_id FROM report_caveats WHERE caveat IN ({marks})"
        params += lacking
    return sql, params


def readable_rows_sql(db: VaultConnection, reader: Access, column: str) -> tuple[str, list[Any]]:
    """The same rule for a column holding report ids outside the reports table (the full-text index's rowid),
    looked up per row: a search stops after a few hundred candidates, so two index probes per candidate cost
    far less than building the list of every report above the reader's level for each query."""
    clause = f"EXISTS (SELECT 1 FROM reports hr WHERE hr.id = {column} AND hr.classification <= ?)"
    params: list[Any] = [int(reader.level)]
    lacking = restrictive_not_held(db, reader)
    if lacking:
        marks = ",".join("?" * len(lacking))
        clause += (f" AND NOT EXISTS (SELECT 1 FROM report_caveats hc WHERE hc.report_id = {column} "
                   f"AND hc.caveat IN ({marks}))")
        params += lacking
    return clause, params


def hides_any(db: VaultConnection, reader: Access) -> bool:
    """Whether the vault holds any report this reader may not read (two index lookups)."""
    if db.query("SELECT 1 FROM reports WHERE classification > ? LIMIT 1", (int(reader.level),)):
        return True
    lacking = restrictive_not_held(db, reader)
    if not lacking:
        return False
    marks = ",".join("?" * len(lacking))
    return bool(db.query(f"SELECT 1 FROM report_caveats WHERE caveat IN ({marks}) LIMIT 1", lacking))


def readable_ids(db: VaultConnection, reader: Access, report_ids: Iterable[int]) -> set[int]:
    """The ids among ``report_ids`` the reader may read."""
    markings = report_markings(db, report_ids)
    return {r for r, marking in markings.items() if reader.may_read(marking)}
