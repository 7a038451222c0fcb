"""Schema v20: the judgement log takes analysts' text judgements, "this is an entity" and "this is not one".

SQLite cannot change a CHECK constraint in place, so the table is rebuilt with the wider list of verdicts and
every row copied as it was (ids kept: fusion scopes and the audit log name judgements by id).
"""

from __future__ import annotations

from nia_desktop.core.vault.connection import VaultConnection


def v20_text_judgements(db: VaultConnection) -> None:
    db.execute(
        """CREATE TABLE fusion_judgements_v20 (
            id INTEGER PRIMARY KEY,
            verdict TEXT NOT NULL CHECK (verdict IN ('same', 'different', 'split', 'entity', 'not_entity')),
            a TEXT NOT NULL,
            b TEXT NOT NULL,
            reports TEXT NOT NULL,
            reason TEXT NOT NULL,
            user TEXT NOT NULL,
            at TEXT NOT NULL,
            revoked_by TEXT,
            revoked_at TEXT
        )"""
    )
    db.execute("INSERT INTO fusion_judgements_v20 (id, verdict, a, b, reports, reason, user, at, revoked_by, "
               "revoked_at) SELECT id, verdict, a, b, reports, reason, user, at, revoked_by, revoked_at "
               "FROM fusion_judgements ORDER BY id")
    db.execute("DROP TABLE fusion_judgements")
    db.execute("ALTER TABLE fusion_judgements_v20 RENAME TO fusion_judgements")
