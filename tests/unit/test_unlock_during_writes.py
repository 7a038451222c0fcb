"""Unlocking while another program changes the security tables (a caveat added by an import, a seal at close)
never takes a sound vault for an altered one: the unlock's checks read one moment of the database."""

from __future__ import annotations

import threading
from pathlib import Path

from nia_desktop.core.clock import iso_utc
from nia_desktop.core.markings import CaveatKind
from nia_desktop.core.store import clearances
from nia_desktop.services.session import unlock
from tests.conftest import ANALYST, ANALYST_PASS, OFFICER, OFFICER_PASS


def test_unlocks_beside_a_writer_of_security_tables_all_succeed(vault_dir: Path) -> None:
    stop = threading.Event()
    errors: list[BaseException] = []

    def write() -> None:
        with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
            n = 0
            while not stop.is_set():
                n += 1
                with session.db.transaction():
                    for k in range(20):  # a long transaction: many rows of a security table
                        clearances.add_caveat(session.db, f"MARK-{n}-{k}", CaveatKind.UNKNOWN, "", OFFICER,
                                              iso_utc(session.clock.now()))

    writer = threading.Thread(target=write)
    writer.start()
    try:
        for _ in range(15):
            try:
                unlock(vault_dir, ANALYST, ANALYST_PASS).close()
            except BaseException as exc:
                errors.append(exc)
    finally:
        stop.set()
        writer.join()
    assert not errors, errors[0]
