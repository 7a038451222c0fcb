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


def bundle_entries(path: Path) -> dict[str, bytes]:
    """Every entry of a bundle file, as a forger unpacking it would see them."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n) for n in archive.namelist()}


def rebuild_bundle(path: Path, entries: dict[str, bytes]) -> Path:
    """The entries in our own strict container layout, as a forger holding our writer would write them."""
    from nia_desktop.core.bundles import container

    with path.open("wb") as handle:
        writer = container.Writer(handle)
        for name, data in entries.items():
            for _ in writer.add(name, iter([data]), container.STORED):
                pass
        writer.close()
    return path


# A process that changes a user's own passphrase and dies around the keyslots.json write: "before" it (the
# database has committed, the file is the old one) or "after" it. argv: vault, user, old, new, when.
PASSPHRASE_CHANGE_CRASH = """
import os, sys
from pathlib import Path
import nia_desktop.services.session as session_module
from nia_desktop.services.session import unlock
from nia_desktop.services.users import change_own_passphrase
vault, user, old, new, when = Path(sys.argv[1]), *sys.argv[2:6]
session = unlock(vault, user, old)
real_write = session_module.atomic_write
def write(path, data):
    if path.name != "keyslots.json":
        return real_write(path, data)
    if when == "after":
        real_write(path, data)
    os._exit(9)
session_module.atomic_write = write
change_own_passphrase(session, old, new)
"""
