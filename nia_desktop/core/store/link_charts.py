"""Saved link charts (schema v19): one row per case and analyst (case 0: the chart over every report), holding
the chart as JSON: each shown entity's id, kind, name, position and pin, and the entities hidden. A row is
replaced when the analyst saves again; the audit log keeps what was saved when."""

from __future__ import annotations

from nia_desktop.core.vault.connection import VaultConnection

ALL_REPORTS = 0  # the case key of the chart drawn over every report the analyst may read


def v19_link_charts(db: VaultConnection) -> None:
    db.execute("""CREATE TABLE link_charts (
        case_key INTEGER NOT NULL,
        user TEXT NOT NULL,
        chart TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (case_key, user)
    ) WITHOUT ROWID""")


def save(db: VaultConnection, case_key: int, user: str, chart: str, when: str) -> None:
    db.execute("INSERT INTO link_charts (case_key, user, chart, at) VALUES (?, ?, ?, ?) "
               "ON CONFLICT (case_key, user) DO UPDATE SET chart = excluded.chart, at = excluded.at",
               (case_key, user, chart, when))


def load(db: VaultConnection, case_key: int, user: str) -> tuple[str, str] | None:
    """The saved chart's JSON and when it was saved, or None."""
    rows = db.query("SELECT chart, at FROM link_charts WHERE case_key = ? AND user = ?", (case_key, user))
    return (str(rows[0][0]), str(rows[0][1])) if rows else None
