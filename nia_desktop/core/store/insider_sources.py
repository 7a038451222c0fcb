"""What the insider watch reads besides the audit stream: each user's case reports, entries by number."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from nia_desktop.core.vault.connection import VaultConnection

_CHUNK = 500


def case_reports_by_user(db: VaultConnection) -> dict[str, dict[int, str]]:
    """For each user, the reports in the cases they joined and since when (stored timestamp text): a user joins
    a case by creating it or by adding a report to it, and a report is theirs from the later of their joining
    and its filing into that case (the earliest such moment over their cases). A read before that moment was a
    read outside their cases, whatever was filed or joined afterwards."""
    rows = db.query(
        "WITH joined AS (SELECT who, case_id, min(at) AS at FROM ("
        "SELECT created_by AS who, id AS case_id, created_at AS at FROM cases "
        "UNION ALL SELECT added_by, case_id, added_at FROM case_reports) GROUP BY who, case_id) "
        "SELECT j.who, c.report_id, min(max(j.at, c.added_at)) FROM joined j "
        "JOIN case_reports c ON c.case_id = j.case_id GROUP BY j.who, c.report_id")
    found: dict[str, dict[int, str]] = {}
    for who, report_id, since in rows:
        found.setdefault(str(who), {})[int(report_id)] = str(since)
    return found


def entry_lines(db: VaultConnection, seqs: Iterable[int]) -> list[tuple[int, str, str, str, str, str]]:
    """(seq, ts, actor, action, object, outcome) of the entries numbered ``seqs``, in order."""
    wanted = sorted(set(seqs))
    rows: list[tuple[int, str, str, str, str, str]] = []
    for at in range(0, len(wanted), _CHUNK):
        chunk = wanted[at:at + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        rows.extend((int(s), str(t), str(a), str(act), str(o), str(out)) for s, t, a, act, o, out in db.query(
            f"SELECT seq, ts, actor, action, object, outcome FROM audit WHERE seq IN ({marks}) ORDER BY seq",
            tuple(chunk)))
    return rows


def row_batches(db: VaultConnection, after: int = 0, batch: int = 5000) -> Iterator[list[Any]]:
    """(seq, ts, actor, role, action, object, outcome, details text) of the entries after ``after``, in order, a
    batch at a time: what the insider watch reads of each entry (not the hashes, a third of a row's bytes)."""
    while True:
        rows = db.query("SELECT seq, ts, actor, role, action, object, outcome, details FROM audit WHERE seq > ? "
                        "ORDER BY seq LIMIT ?", (after, batch))
        if not rows:
            return
        after = rows[-1][0]
        yield rows
