"""Cases: named groups of reports."""

from __future__ import annotations

from typing import Any

from nia_desktop.core.vault.connection import VaultConnection


def find(db: VaultConnection, name: str) -> int | None:
    rows = db.query("SELECT id FROM cases WHERE name = ?", (name,))
    return int(rows[0][0]) if rows else None


def create(db: VaultConnection, name: str, user: str, when: str) -> int:
    cursor = db.execute("INSERT INTO cases (name, created_by, created_at) VALUES (?, ?, ?)", (name, user, when))
    return int(cursor.lastrowid or 0)


def add_report(db: VaultConnection, case_id: int, report_id: int, user: str, when: str) -> None:
    db.execute("INSERT OR IGNORE INTO case_reports (case_id, report_id, added_by, added_at) VALUES (?, ?, ?, ?)",
               (case_id, report_id, user, when))


def names(db: VaultConnection) -> list[str]:
    return [str(n) for (n,) in db.query("SELECT name FROM cases ORDER BY name")]


def reports(db: VaultConnection, case_id: int, readable: tuple[str, list[Any]]) -> list[tuple[Any, ...]]:
    """(id, title, agency, report date, imported at) of the case's reports that ``readable`` (the reader's clause
    on alias ``r``, store/clearances.readable_sql) lets through, oldest first."""
    clause, params = readable
    return db.query("SELECT r.id, r.title, r.agency, r.report_date, r.imported_at FROM case_reports c "
                    f"JOIN reports r ON r.id = c.report_id WHERE c.case_id = ? AND {clause} ORDER BY r.id",
                    (case_id, *params))
