"""Versioned schema: an ordered list of migrations, applied in one transaction each.

``PRAGMA user_version`` holds the schema version. A vault made by an older
build is upgraded on unlock; a vault from a newer build is refused rather than
half-understood. tests/data/vault_v1 is a vault frozen at version 1.
"""

from __future__ import annotations

from collections.abc import Callable

from nia_desktop.core.errors import VaultTampered
from nia_desktop.core.vault.connection import VaultConnection

Migration = Callable[[VaultConnection], None]


def _v1_users_audit(db: VaultConnection) -> None:
    db.execute(
        """CREATE TABLE users (
            name TEXT PRIMARY KEY,
            role TEXT NOT NULL CHECK (role IN ('analyst', 'courier', 'officer')),
            active INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL,
            disabled_at TEXT,
            signing_public BLOB NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE audit (
            seq INTEGER PRIMARY KEY,
            ts TEXT NOT NULL,
            actor TEXT NOT NULL,
            role TEXT NOT NULL,
            action TEXT NOT NULL,
            object TEXT NOT NULL,
            outcome TEXT NOT NULL,
            details TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE workstation_keys (
            name TEXT PRIMARY KEY,
            private_raw BLOB NOT NULL,
            public_raw BLOB NOT NULL
        )"""
    )


def _v2_settings_seals(db: VaultConnection) -> None:
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute(
        """CREATE TABLE audit_seals (
            seq INTEGER PRIMARY KEY,
            head TEXT NOT NULL,
            sealed_at TEXT NOT NULL,
            signature BLOB NOT NULL
        )"""
    )


MIGRATIONS: list[Migration] = [_v1_users_audit, _v2_settings_seals]
LATEST = len(MIGRATIONS)


def schema_version(db: VaultConnection) -> int:
    return int(db.query("PRAGMA user_version")[0][0])


def migrate(db: VaultConnection, target: int = LATEST) -> int:
    """Bring the schema up to ``target``; returns the version found before."""
    found = schema_version(db)
    if found > LATEST:
        raise VaultTampered(
            f"this vault has schema version {found}, newer than this build understands ({LATEST}): "
            "open it with a newer NIA Desktop"
        )
    for version in range(found + 1, target + 1):
        with db.transaction():
            MIGRATIONS[version - 1](db)
            db.execute(f"PRAGMA user_version = {version}")
    return found
