"""Schema v21: a hypothesis of an ACH matrix carries a marking (a level and caveats), as a report does.

A hypothesis is free text; before v21 every reader of the case saw every one. Its marking is now chosen by its
author (services/ach.add_hypothesis) and read like a report's: the level in ``ach_hypotheses.level``, the caveats
in ``ach_hypothesis_caveats`` (names of the ``caveats`` table, so an officer's later definition of an unknown
marking applies here too).

Hypotheses written before v21 cannot say what they drew on, so they get the safest sound default: TOP SECRET,
with every compartment and control (never a release list) carried by any report of their case, and every
compartment their author has been granted (current or run out). Only a reader cleared for all of that sees them
until the author or an officer re-marks them (``nia ach mark-hypothesis``). ``marked_by`` stays NULL for these
defaults, so they can be found and reviewed.
"""

from __future__ import annotations

from nia_desktop.core.vault.connection import VaultConnection

DEFAULT_LEVEL = 3  # Level.TOP_SECRET


def v21_ach_hypothesis_markings(db: VaultConnection) -> None:
    db.execute(f"ALTER TABLE ach_hypotheses ADD COLUMN level INTEGER NOT NULL DEFAULT {DEFAULT_LEVEL} "
               "CHECK (level BETWEEN 0 AND 3)")
    db.execute("ALTER TABLE ach_hypotheses ADD COLUMN marked_by TEXT")
    db.execute("ALTER TABLE ach_hypotheses ADD COLUMN marked_at TEXT")
    db.execute("""CREATE TABLE ach_hypothesis_caveats (
        hypothesis_id INTEGER NOT NULL REFERENCES ach_hypotheses(id),
        caveat TEXT NOT NULL REFERENCES caveats(name),
        PRIMARY KEY (hypothesis_id, caveat)
    )""")
    db.execute("INSERT OR IGNORE INTO ach_hypothesis_caveats (hypothesis_id, caveat) "
               "SELECT DISTINCT h.id, rc.caveat FROM ach_hypotheses h "
               "JOIN case_reports cr ON cr.case_id = h.case_id "
               "JOIN report_caveats rc ON rc.report_id = cr.report_id "
               "JOIN caveats c ON c.name = rc.caveat WHERE c.kind != 'release'")
    db.execute("INSERT OR IGNORE INTO ach_hypothesis_caveats (hypothesis_id, caveat) "
               "SELECT DISTINCT h.id, g.compartment FROM ach_hypotheses h JOIN user_grants g ON g.user = h.user")
