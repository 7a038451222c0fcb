"""Users table: name, role, active flag and public signing key."""

from __future__ import annotations

from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from nia_desktop.core.roles import Role
from nia_desktop.core.signing import fingerprint, public_from_raw
from nia_desktop.core.vault.connection import VaultConnection


@dataclass(frozen=True)
class UserRecord:
    name: str
    role: Role
    active: bool
    created_at: str
    created_by: str
    disabled_at: str | None
    signing_public: bytes

    @property
    def public_key(self) -> Ed25519PublicKey:
        return public_from_raw(self.signing_public)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)


_COLUMNS = "name, role, active, created_at, created_by, disabled_at, signing_public"


def _record(row: tuple[object, ...]) -> UserRecord:
    name, role, active, created_at, created_by, disabled_at, public = row
    return UserRecord(str(name), Role(str(role)), bool(active), str(created_at), str(created_by),
                      None if disabled_at is None else str(disabled_at), _blob(public))


def _blob(value: object) -> bytes:
    if not isinstance(value, bytes | bytearray | memoryview):
        raise TypeError("expected a BLOB")
    return bytes(value)


def insert(db: VaultConnection, name: str, role: Role, created_at: str, created_by: str,
           signing_public: bytes) -> None:
    db.execute(
        "INSERT INTO users (name, role, active, created_at, created_by, signing_public) VALUES (?, ?, 1, ?, ?, ?)",
        (name, role.value, created_at, created_by, signing_public),
    )


def get(db: VaultConnection, name: str) -> UserRecord | None:
    rows = db.query(f"SELECT {_COLUMNS} FROM users WHERE name = ?", (name,))
    return _record(rows[0]) if rows else None


def all_users(db: VaultConnection) -> list[UserRecord]:
    return [_record(r) for r in db.query(f"SELECT {_COLUMNS} FROM users ORDER BY name")]


def count_active(db: VaultConnection, role: Role) -> int:
    return int(db.query("SELECT count(*) FROM users WHERE role = ? AND active = 1", (role.value,))[0][0])


def disable(db: VaultConnection, name: str, when: str) -> None:
    db.execute("UPDATE users SET active = 0, disabled_at = ? WHERE name = ?", (when, name))


def set_signing_public(db: VaultConnection, name: str, public: bytes) -> None:
    db.execute("UPDATE users SET signing_public = ? WHERE name = ?", (public, name))
