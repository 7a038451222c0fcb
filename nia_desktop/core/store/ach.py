"""ACH matrices (schema v18): a case's hypotheses, its evidence (a report or an assessment of the case), and
the analysts' ratings of each cell (core/ach.py). Rows are never deleted: a hypothesis or an item withdrawn
keeps its row, marked withdrawn, so the audit log's ids keep meaning what they meant. Since schema v21
(ach_marking_schema.py) each hypothesis carries a marking, its level and caveats kept as a report's are."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from nia_desktop.core.ach import Rating
from nia_desktop.core.classification import Level
from nia_desktop.core.markings import Caveat, CaveatKind, Marking
from nia_desktop.core.vault.connection import VaultConnection


def v18_ach(db: VaultConnection) -> None:
    db.execute("""CREATE TABLE ach_hypotheses (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        text TEXT NOT NULL,
        user TEXT NOT NULL,
        at TEXT NOT NULL,
        withdrawn INTEGER NOT NULL DEFAULT 0
    )""")
    db.execute("CREATE INDEX ach_hypotheses_case ON ach_hypotheses (case_id, id)")
    db.execute("""CREATE TABLE ach_evidence (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id),
        report_id INTEGER REFERENCES reports(id),
        assessment_id INTEGER REFERENCES assessments(id),
        user TEXT NOT NULL,
        at TEXT NOT NULL,
        withdrawn INTEGER NOT NULL DEFAULT 0,
        CHECK ((report_id IS NULL) != (assessment_id IS NULL))
    )""")
    db.execute("CREATE INDEX ach_evidence_case ON ach_evidence (case_id, id)")
    db.execute("""CREATE TABLE ach_cells (
        hypothesis_id INTEGER NOT NULL REFERENCES ach_hypotheses(id),
        evidence_id INTEGER NOT NULL REFERENCES ach_evidence(id),
        rating TEXT NOT NULL CHECK (rating IN ('CC', 'C', 'N', 'I', 'II')),
        user TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (hypothesis_id, evidence_id)
    )""")


@dataclass(frozen=True)
class Hypothesis:
    id: int
    text: str
    user: str
    at: str
    marking: Marking
    marked_by: str | None = None  # None: the default given at migration (v21), never chosen by anyone


@dataclass(frozen=True)
class Evidence:
    """Exactly one of ``report_id`` and ``assessment_id`` is set."""

    id: int
    report_id: int | None
    assessment_id: int | None
    user: str
    at: str


def add_hypothesis(db: VaultConnection, case_id: int, text: str, user: str, at: str, marking: Marking) -> int:
    cursor = db.execute("INSERT INTO ach_hypotheses (case_id, text, user, at, level, marked_by, marked_at) "
                        "VALUES (?,?,?,?,?,?,?)", (case_id, text, user, at, int(marking.level), user, at))
    made = int(cursor.lastrowid or 0)
    _set_caveats(db, made, marking.names)
    return made


def set_marking(db: VaultConnection, hypothesis_id: int, marking: Marking, user: str, at: str) -> None:
    """Re-mark a hypothesis: its level and its whole set of caveats become these."""
    db.execute("UPDATE ach_hypotheses SET level = ?, marked_by = ?, marked_at = ? WHERE id = ?",
               (int(marking.level), user, at, hypothesis_id))
    _set_caveats(db, hypothesis_id, marking.names)


def _set_caveats(db: VaultConnection, hypothesis_id: int, names: Iterable[str]) -> None:
    db.execute("DELETE FROM ach_hypothesis_caveats WHERE hypothesis_id = ?", (hypothesis_id,))
    for name in sorted(set(names)):
        db.execute("INSERT INTO ach_hypothesis_caveats (hypothesis_id, caveat) VALUES (?, ?)", (hypothesis_id, name))


def hypotheses(db: VaultConnection, case_id: int) -> list[Hypothesis]:
    """Every current hypothesis of the case with its marking (the caller shows only those its reader may read)."""
    kinds = {str(n): CaveatKind(str(k)) for n, k in db.query("SELECT name, kind FROM caveats")}
    caveats: dict[int, list[Caveat]] = {}
    for h, name in db.query("SELECT c.hypothesis_id, c.caveat FROM ach_hypothesis_caveats c "
                            "JOIN ach_hypotheses h ON h.id = c.hypothesis_id WHERE h.case_id = ?", (case_id,)):
        caveats.setdefault(int(h), []).append(Caveat(str(name), kinds.get(str(name), CaveatKind.UNKNOWN)))
    return [Hypothesis(int(r[0]), str(r[1]), str(r[2]), str(r[3]),
                       Marking.of(Level(int(r[4])), caveats.get(int(r[0]), ())), None if r[5] is None else str(r[5]))
            for r in db.query("SELECT id, text, user, at, level, marked_by FROM ach_hypotheses "
                              "WHERE case_id = ? AND withdrawn = 0 ORDER BY id", (case_id,))]


def find_evidence(db: VaultConnection, case_id: int, report_id: int | None, assessment_id: int | None) -> int | None:
    rows = db.query("SELECT id FROM ach_evidence WHERE case_id = ? AND report_id IS ? AND assessment_id IS ? "
                    "AND withdrawn = 0", (case_id, report_id, assessment_id))
    return int(rows[0][0]) if rows else None


def add_evidence(db: VaultConnection, case_id: int, report_id: int | None, assessment_id: int | None, user: str,
                 at: str) -> int:
    cursor = db.execute("INSERT INTO ach_evidence (case_id, report_id, assessment_id, user, at) VALUES (?,?,?,?,?)",
                        (case_id, report_id, assessment_id, user, at))
    return int(cursor.lastrowid or 0)


def evidence(db: VaultConnection, case_id: int) -> list[Evidence]:
    return [Evidence(int(r[0]), None if r[1] is None else int(r[1]), None if r[2] is None else int(r[2]),
                     str(r[3]), str(r[4])) for r in db.query(
        "SELECT id, report_id, assessment_id, user, at FROM ach_evidence WHERE case_id = ? AND withdrawn = 0 "
        "ORDER BY id", (case_id,))]


def withdraw(db: VaultConnection, table: str, case_id: int, row_id: int) -> bool:
    """Withdraw a hypothesis (``ach_hypotheses``) or an item (``ach_evidence``) of this case."""
    assert table in ("ach_hypotheses", "ach_evidence")
    cursor = db.execute(f"UPDATE {table} SET withdrawn = 1 WHERE id = ? AND case_id = ? AND withdrawn = 0",
                        (row_id, case_id))
    return bool(cursor.rowcount == 1)


def mark(db: VaultConnection, hypothesis_id: int, evidence_id: int, rating: Rating, user: str, at: str) -> None:
    db.execute("INSERT INTO ach_cells (hypothesis_id, evidence_id, rating, user, at) VALUES (?,?,?,?,?) "
               "ON CONFLICT (hypothesis_id, evidence_id) DO UPDATE SET rating = excluded.rating, "
               "user = excluded.user, at = excluded.at", (hypothesis_id, evidence_id, rating.value, user, at))


def cells(db: VaultConnection, case_id: int) -> dict[tuple[int, int], Rating]:
    """Every rated cell of the case's current hypotheses and items."""
    return {(int(h), int(e)): Rating(str(r)) for h, e, r in db.query(
        "SELECT c.hypothesis_id, c.evidence_id, c.rating FROM ach_cells c "
        "JOIN ach_hypotheses h ON h.id = c.hypothesis_id JOIN ach_evidence e ON e.id = c.evidence_id "
        "WHERE h.case_id = ? AND e.case_id = ? AND h.withdrawn = 0 AND e.withdrawn = 0", (case_id, case_id))}
