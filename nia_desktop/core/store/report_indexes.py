"""Schema v15: the index an import finds duplicate candidates by.

An import skips parsing a file whose SHA-256 a report already has. It used
to read every report's digest first (5 s at a million reports); a file can
only repeat a report of its own length, so it reads the digests of reports
whose original has one of its files' sizes (store/reports.digests_of_sizes),
through this index.
"""

from __future__ import annotations

from nia_desktop.core.vault.connection import VaultConnection


def v15_report_sizes(db: VaultConnection) -> None:
    db.execute("CREATE INDEX reports_size ON reports (size)")
