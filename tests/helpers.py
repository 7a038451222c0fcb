"""Test helpers: open a vault's database the way an attacker holding the key would."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlcipher3

from nia_desktop.services.session import unlock


def database_key(vault: Path, user: str, passphrase: str) -> bytes:
    session = unlock(vault, user, passphrase)
    key = session.db_key
    session.close()
    return key


@contextmanager
def raw_database(vault: Path, key: bytes) -> Iterator[sqlcipher3.Connection]:
    """A plain sqlcipher3 connection with the raw key: no authorizer, no audit."""
    conn = sqlcipher3.connect(str(vault / "vault.db"))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    try:
        yield conn
        conn.commit()
    finally:
        conn.close()
