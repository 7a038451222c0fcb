"""Import runs and their manifests: every file with its status, kept for reopening later."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from nia_desktop.core.vault.connection import VaultConnection


@dataclass(frozen=True)
class ManifestItem:
    path: str
    sha256: str
    size: int
    detected_type: str
    status: str
    reason: str
    report_id: int | None

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "sha256": self.sha256, "size": self.size, "type": self.detected_type,
                "status": self.status, "reason": self.reason, "report_id": self.report_id}


@dataclass(frozen=True)
class ImportRun:
    id: int
    started_at: str
    finished_at: str | None
    user: str
    agency: str
    case_name: str
    sources: list[str]
    status: str
    counts: dict[str, int]


def start(db: VaultConnection, started_at: str, user: str, agency: str, case_name: str, sources: list[str]) -> int:
    cursor = db.execute(
        "INSERT INTO imports (started_at, user, agency, case_name, sources, status, counts) VALUES (?,?,?,?,?,?,?)",
        (started_at, user, agency, case_name, json.dumps(sources, ensure_ascii=False), "running", "{}"))
    return int(cursor.lastrowid or 0)


def add_items(db: VaultConnection, import_id: int, first_seq: int, items: list[ManifestItem]) -> None:
    """Manifest rows numbered from ``first_seq`` in the order given, in one statement."""
    db.executemany("INSERT INTO import_items (import_id, seq, path, sha256, size, detected_type, status, reason, "
                   "report_id) VALUES (?,?,?,?,?,?,?,?,?)",
                   [(import_id, seq, i.path, i.sha256, i.size, i.detected_type, i.status, i.reason, i.report_id)
                    for seq, i in enumerate(items, start=first_seq)])


def finish(db: VaultConnection, import_id: int, finished_at: str, status: str, counts: dict[str, int]) -> None:
    db.execute("UPDATE imports SET finished_at = ?, status = ?, counts = ? WHERE id = ?",
               (finished_at, status, json.dumps(counts), import_id))


def _run(row: tuple[Any, ...]) -> ImportRun:
    return ImportRun(int(row[0]), str(row[1]), row[2], str(row[3]), str(row[4]), str(row[5]), json.loads(row[6]),
                     str(row[7]), json.loads(row[8]))


def runs(db: VaultConnection, limit: int = 200, offset: int = 0) -> list[ImportRun]:
    """Import runs, newest first."""
    return [_run(r) for r in db.query("SELECT id, started_at, finished_at, user, agency, case_name, sources, status, "
                                      "counts FROM imports ORDER BY id DESC LIMIT ? OFFSET ?", (limit, offset))]


def items(db: VaultConnection, import_id: int, limit: int = -1, offset: int = 0,
          readable: tuple[str, list[Any]] | None = None) -> list[ManifestItem]:
    """A run's manifest in file order (``limit`` -1: all of it); ``readable``: only the items that became reports
    this clause (on ``reports``) lets through."""
    join, params = ("", []) if readable is None else (
        f"JOIN reports ON reports.id = import_items.report_id AND {readable[0]} ", list(readable[1]))
    columns = ", ".join(f"import_items.{c}" for c in ("path", "sha256", "size", "detected_type", "status", "reason",
                                                      "report_id"))
    rows = db.query(f"SELECT {columns} FROM import_items {join}WHERE import_items.import_id = ? "
                    "ORDER BY import_items.seq LIMIT ? OFFSET ?", (*params, import_id, limit, offset))
    return [ManifestItem(str(r[0]), str(r[1]), int(r[2]), str(r[3]), str(r[4]), str(r[5]),
                         None if r[6] is None else int(r[6])) for r in rows]
