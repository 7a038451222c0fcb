"""What the insider watch reads besides the audit stream: each user's case reports, entries by number."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from nia_desktop.core.vault.connection import VaultConnection

_CHUNK = 500


def case_reports_by_user(db: VaultConnection) -> dict[str, set[int]]:
    """For each user, the reports in the cases they created or added reports to (cases, case_reports)."""
    rows = db.query(
        "SELECT m.who, c.report_id FROM (SELECT id AS case_id, created_by AS who FROM cases "
        "UNION SELECT case_id, added_by FROM case_reports) m JOIN case_reports c ON c.case_id = m.case_id")
    found: dict[str, set[int]] = {}
    for who, report_id in rows:
        found.setdefault(str(who), set()).add(int(report_id))
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
