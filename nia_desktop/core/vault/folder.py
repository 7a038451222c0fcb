"""The vault folder's plain files, authenticated by the database once it is open.

vault.json, keyslots.json and audit-anchor.json have to be read before the
database can be: someone who can write the folder can change them. So the
database (whose pages SQLCipher authenticates) keeps:

* the values vault.json should hold (vault id, name, creation time, Argon2id
  target); the database's values are the ones used, the file is a hint;
* the SHA-256 of each of these files as this application last wrote it, and
  the one before (a crash between the database commit and the file's rename
  leaves the older file, which is not tampering).

At unlock every file is compared and each difference becomes a finding, named
by file, kept in the database until a security officer has been shown it.
Nothing read from a file before this check can hurt if forged: slots are
authenticated against the public keys the database holds, and the database
key is only ever sealed to those keys (core/vault/keyslots.py).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from nia_desktop.core.errors import VaultTampered
from nia_desktop.core.vault.connection import VaultConnection
from nia_desktop.core.vault.kdf import KdfParams
from nia_desktop.core.vault.layout import VaultMeta, VaultPaths, read_folder_file

AUTHENTICATED_FILES = ("vault.json", "keyslots.json", "audit-anchor.json")


def _get(db: VaultConnection, key: str) -> str | None:
    rows = db.query("SELECT value FROM vault_meta WHERE key = ?", (key,))
    return str(rows[0][0]) if rows else None


def _put(db: VaultConnection, key: str, value: str) -> None:
    db.execute("INSERT INTO vault_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
               "excluded.value", (key, value))


def record_file(db: VaultConnection, name: str, data: bytes) -> None:
    """Call inside the transaction that goes with writing ``data`` to ``name``."""
    digest = hashlib.sha256(data).hexdigest()
    current = _get(db, f"sha256:{name}")
    if current == digest:
        return
    if current is not None:
        _put(db, f"sha256-previous:{name}", current)
    _put(db, f"sha256:{name}", digest)


def record_meta(db: VaultConnection, meta: VaultMeta) -> None:
    """The authoritative copy of vault.json's values."""
    _put(db, "vault_id", meta.vault_id)
    _put(db, "name", meta.name)
    _put(db, "created", meta.created)
    _put(db, "kdf_target", json.dumps(meta.kdf_target.to_json(), sort_keys=True))


def has_record(db: VaultConnection) -> bool:
    return _get(db, "vault_id") is not None


def kdf_target(db: VaultConnection, fallback: KdfParams) -> KdfParams:
    """The Argon2id target new slots get: the database's, never vault.json's."""
    text = _get(db, "kdf_target")
    return KdfParams.from_json(json.loads(text)) if text else fallback


def set_kdf_target(db: VaultConnection, params: KdfParams) -> None:
    params.check_bounds()
    _put(db, "kdf_target", json.dumps(params.to_json(), sort_keys=True))


def authoritative_meta(db: VaultConnection, read: VaultMeta) -> VaultMeta:
    """vault.json as the database says it should be (the file's values where the database has none)."""
    return VaultMeta(_get(db, "vault_id") or read.vault_id, _get(db, "name") or read.name,
                     _get(db, "created") or read.created, kdf_target(db, read.kdf_target))


def flag(db: VaultConnection, when: str, who: str, message: str) -> None:
    db.execute("INSERT INTO folder_findings (found_at, found_by, message) VALUES (?, ?, ?)", (when, who, message))


@dataclass(frozen=True)
class Finding:
    id: int
    found_at: str
    found_by: str
    message: str


def unseen(db: VaultConnection) -> list[Finding]:
    return [Finding(int(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in db.query(
        "SELECT id, found_at, found_by, message FROM folder_findings WHERE shown_to IS NULL ORDER BY id")]


def mark_shown(db: VaultConnection, ids: list[int], officer: str, when: str) -> None:
    db.executemany("UPDATE folder_findings SET shown_to = ?, shown_at = ? WHERE id = ?",
                   [(officer, when, i) for i in ids])


def compare_files(db: VaultConnection, paths: VaultPaths, read_meta: VaultMeta) -> list[str]:
    """Every difference between the folder and what the database recorded, named by file."""
    found: list[str] = []
    for name in AUTHENTICATED_FILES:
        expected = _get(db, f"sha256:{name}")
        if expected is None:
            continue
        path: Path = paths.root / name
        try:
            actual = hashlib.sha256(read_folder_file(path)).hexdigest()
        except FileNotFoundError:
            found.append(f"{name} is missing from the vault folder")
            continue
        except VaultTampered as exc:
            found.append(exc.user_message)
            continue
        except OSError as exc:
            found.append(f"{name} cannot be read ({exc.strerror})")
            continue
        if actual not in (expected, _get(db, f"sha256-previous:{name}")):
            found.append(f"{name} differs from what this application last wrote: it was altered outside the "
                         "application")
    for field, value in (("vault_id", read_meta.vault_id), ("name", read_meta.name),
                         ("created", read_meta.created)):
        recorded = _get(db, field)
        if recorded is not None and recorded != value:
            found.append(f"vault.json: {field} reads {value!r} but the vault recorded {recorded!r} (the vault's "
                         "value is used)")
    recorded_kdf = kdf_target(db, read_meta.kdf_target)
    if recorded_kdf != read_meta.kdf_target:
        found.append(f"vault.json: kdf_target reads {read_meta.kdf_target.to_json()} but the vault recorded "
                     f"{recorded_kdf.to_json()} (the vault's value is used)")
    return found
