"""Cases: named groups of reports."""

from __future__ import annotations

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
