"""The reports table's indexes for scale (schema v15 and v17).

v15: the index an import finds duplicate candidates by.

An import skips parsing a file whose SHA-256 a report already has. It used
to read every report's digest first (5 s at a million reports); a file can
only repeat a report of its own length, so it reads the digests of reports
whose original has one of its files' sizes (store/reports.digests_of_sizes),
through this index.

v17: the agency and date indexes carry the id and the classification, so a
page or a count under a level filter (and the reader's own level) tests each
index entry without reading its row: one agency's newest reports at
CONFIDENTIAL and above took 1.1 s to a first page at a million reports where
the newest runs were of other levels, and one agency's count 1.1 s; 44 and
29 ms with these.
"""

from __future__ import annotations

from nia_desktop.core.vault.connection import VaultConnection


def v15_report_sizes(db: VaultConnection) -> None:
    db.execute("CREATE INDEX reports_size ON reports (size)")


def v17_report_filters(db: VaultConnection) -> None:
    """The id after the date keeps the pages' order (date, then id) the index's own: without it SQLite sorts
    each date's reports."""
    db.execute("DROP INDEX reports_agency")
    db.execute("CREATE INDEX reports_agency ON reports (agency, report_date, id, classification)")
    db.execute("DROP INDEX reports_date")
    db.execute("CREATE INDEX reports_date ON reports (report_date, id, classification)")
