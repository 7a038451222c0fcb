"""Users table: name, role, active flag, public keys, and who set each user's credentials.

The slot public key and locator authenticate the user's slot in keyslots.json
(core/vault/keyslots.py). ``credentials_by`` names the officer who last set
the user's passphrase (an add or a reset): that officer could act as the user,
so the two-person rule never counts them as the user's second person.
``bootstrap`` marks the second officer, added while only one existed
(docs/security.md: setting up the first two officers).
"""

from __future__ import annotations

from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from nia_desktop.core.classification import Level
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
    slot_public: bytes | None = None
    slot_locator: str | None = None
    credentials_by: str | None = None
    bootstrap: bool = False
    name_tag: bytes | None = None
    previous_locator: str | None = None  # set between the database commit and the file write of a slot change
    clearance: Level = Level.TOP_SECRET

    @property
    def public_key(self) -> Ed25519PublicKey:
        return public_from_raw(self.signing_public)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)


_COLUMNS = ("name, role, active, created_at, created_by, disabled_at, signing_public, slot_public, slot_locator, "
            "credentials_by, bootstrap, name_tag, previous_locator, clearance")


def _record(row: tuple[object, ...]) -> UserRecord:
    (name, role, active, created_at, created_by, disabled_at, public, slot_public, locator, by, bootstrap,
     tag, previous, clearance) = row
    return UserRecord(str(name), Role(str(role)), bool(active), str(created_at), str(created_by),
                      None if disabled_at is None else str(disabled_at), _blob(public),
                      None if slot_public is None else _blob(slot_public), None if locator is None else str(locator),
                      None if by is None else str(by), bool(bootstrap), None if tag is None else _blob(tag),
                      None if previous is None else str(previous), Level(int(str(clearance))))


def _blob(value: object) -> bytes:
    if not isinstance(value, bytes | bytearray | memoryview):
        raise TypeError("expected a BLOB")
    return bytes(value)


def insert(db: VaultConnection, name: str, role: Role, created_at: str, created_by: str,
           signing_public: bytes, slot_public: bytes, slot_locator: str, name_tag: bytes | None,
           bootstrap: bool = False, clearance: Level | None = None) -> None:
    """A new user; whoever creates them set their first passphrase (none for the vault's first officer)."""
    by = None if created_by == name else created_by
    db.execute(
        "INSERT INTO users (name, role, active, created_at, created_by, signing_public, slot_public, slot_locator, "
        "credentials_by, credentials_at, bootstrap, name_tag, clearance) "
        "VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (name, role.value, created_at, created_by, signing_public, slot_public, slot_locator, by,
         created_at if by else None, int(bootstrap), name_tag, int(default_clearance(role) if clearance is None
                                                                    else clearance)),
    )


def default_clearance(role: Role) -> Level:
    """Analysts and officers start cleared to TOP SECRET (DESIGN.md); couriers never read content."""
    return Level.UNCLASSIFIED if role is Role.COURIER else Level.TOP_SECRET


def get(db: VaultConnection, name: str) -> UserRecord | None:
    rows = db.query(f"SELECT {_COLUMNS} FROM users WHERE name = ?", (name,))
    return _record(rows[0]) if rows else None


def all_users(db: VaultConnection) -> list[UserRecord]:
    return [_record(r) for r in db.query(f"SELECT {_COLUMNS} FROM users ORDER BY name")]


def by_fingerprint(db: VaultConnection, fp: str) -> UserRecord | None:
    for user in all_users(db):
        if user.fingerprint == fp:
            return user
    return None


def count_active(db: VaultConnection, role: Role) -> int:
    return int(db.query("SELECT count(*) FROM users WHERE role = ? AND active = 1", (role.value,))[0][0])


def disable(db: VaultConnection, name: str, when: str) -> None:
    db.execute("UPDATE users SET active = 0, disabled_at = ? WHERE name = ?", (when, name))


def set_credentials(db: VaultConnection, name: str, signing_public: bytes, slot_public: bytes, slot_locator: str,
                    by: str | None, when: str) -> None:
    """A reset (``by`` the officer) or the user's own key rotation (``by`` None keeps who set the passphrase)."""
    if by is None:
        db.execute("UPDATE users SET signing_public = ?, slot_public = ?, slot_locator = ? WHERE name = ?",
                   (signing_public, slot_public, slot_locator, name))
    else:
        # A reset ends the bootstrap mark: whoever set the passphrase now could act as this officer.
        db.execute("UPDATE users SET signing_public = ?, slot_public = ?, slot_locator = ?, credentials_by = ?, "
                   "credentials_at = ?, bootstrap = 0 WHERE name = ?",
                   (signing_public, slot_public, slot_locator, by, when, name))


def set_slot(db: VaultConnection, name: str, slot_public: bytes, slot_locator: str) -> None:
    db.execute("UPDATE users SET slot_public = ?, slot_locator = ? WHERE name = ?", (slot_public, slot_locator, name))


def set_name_tag(db: VaultConnection, name: str, tag: bytes) -> None:
    db.execute("UPDATE users SET name_tag = ? WHERE name = ?", (tag, name))


def set_previous_locator(db: VaultConnection, name: str, locator: str | None) -> None:
    db.execute("UPDATE users SET previous_locator = ? WHERE name = ?", (locator, name))
