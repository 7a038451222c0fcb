"""Freshness of the security state: an older page of vault.db must not pass for the current one.

SQLCipher authenticates each page with an HMAC over its content and number,
not its age: a page copied from an older vault.db still verifies. So the
rows that decide who may do what (schema.SECURITY_TABLES: users, trust store
and revocations, settings, release approvals, workstation keys, vault
metadata) are covered by two records:

* inside the database, one row holds a generation counter that a trigger on
  every one of those tables moves (the audit seals, bundle sequence numbers
  and received bundles are among them, so an erased session or a replay is
  caught too), and a SHA-256 digest of all their rows, recomputed in the same
  transaction just before COMMIT. A page of a security table written back
  from an older copy no longer matches the digest;
* outside it, ``security-state.json`` holds the latest generation and digest
  under an HMAC whose key is in the database. A consistent older copy of the
  database (every page from one moment) shows a generation below the file's.

A third signal comes free: ``audit-anchor.json`` holds the audit head signed
at the last close, always written after the database commit. A database whose
log stops before that signed head, or differs at it, is older than the anchor
(or its log was cut): that is told to the officer rather than refused, so the
log can still be examined.

All are checked at unlock. What this cannot see is the whole folder rolled
back together (database and files from the same moment); the off-machine
audit checkpoints remain the anchor against that (docs/security.md).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from dataclasses import dataclass
from typing import Any

from nia_desktop.core.atomic import atomic_write
from nia_desktop.core.audit import SignedHead
from nia_desktop.core.errors import VaultTampered
from nia_desktop.core.signing import SigningContext, public_from_raw, verify
from nia_desktop.core.store.schema import SECURITY_COLUMNS, SECURITY_TABLES
from nia_desktop.core.vault.connection import VaultConnection
from nia_desktop.core.vault.layout import VaultPaths, read_folder_file

FILE_NAME = "security-state.json"
_KEY_NAME = "freshness-mac"


@dataclass(frozen=True)
class State:
    generation: int
    digest: str


def _encode(value: Any) -> bytes:
    if value is None:
        return b"n"
    if isinstance(value, bytes | bytearray | memoryview):
        return b"b" + bytes(value).hex().encode()
    if isinstance(value, int):
        return b"i" + str(value).encode()
    if isinstance(value, float):
        return b"f" + repr(value).encode()
    return b"t" + str(value).encode("utf-8", "surrogatepass")


def table_digest(db: VaultConnection, table: str) -> str:
    """SHA-256 over every row of one security table, in rowid order, with types and lengths."""
    digest = hashlib.sha256(b"nia-security-table-v1\x00" + table.encode())
    columns = SECURITY_COLUMNS.get(table, "*")
    for row in db.query(f"SELECT {columns} FROM {table} ORDER BY rowid"):  # noqa: S608 (fixed names)
        for value in row:
            encoded = _encode(value)
            digest.update(len(encoded).to_bytes(8, "big") + encoded)
        digest.update(b"\x00row")
    return digest.hexdigest()


def _combine(digests: list[str]) -> str:
    return hashlib.sha256(("nia-security-state-v2\x00" + "\x00".join(digests)).encode()).hexdigest()


def compute_digest(db: VaultConnection) -> str:
    """The security state's digest recomputed from every row (unlock's check): nothing cached is trusted."""
    return _combine([table_digest(db, table) for table in SECURITY_TABLES])


def stored(db: VaultConnection) -> tuple[State, bool]:
    """The recorded generation and digest, and whether a change is waiting for its digest."""
    generation, digest, dirty = db.query("SELECT generation, digest, dirty FROM security_state WHERE id = 1")[0]
    return State(int(generation), str(digest)), bool(dirty)


def refresh_digest(db: VaultConnection) -> None:
    """Before COMMIT: if a security table changed in this transaction, record the new digest with it. Only the
    tables changed are re-hashed: a close (a new audit seal) does not re-read years of release requests."""
    if not db.query("SELECT dirty FROM security_state WHERE id = 1")[0][0]:
        return
    cached = {str(name): (str(digest), bool(dirty))
              for name, digest, dirty in db.query("SELECT name, digest, dirty FROM security_tables")}
    digests = []
    for table in SECURITY_TABLES:
        digest, dirty = cached.get(table, ("", True))
        if dirty or not digest:
            digest = table_digest(db, table)
            db.execute("UPDATE security_tables SET digest = ?, dirty = 0 WHERE name = ?", (digest, table))
        digests.append(digest)
    db.execute("UPDATE security_state SET digest = ?, dirty = 0 WHERE id = 1", (_combine(digests),))


def mac_key(db: VaultConnection) -> bytes:
    """The key that authenticates security-state.json; made on first use, kept in the database."""
    rows = db.query("SELECT private_raw FROM workstation_keys WHERE name = ?", (_KEY_NAME,))
    if rows:
        return bytes(rows[0][0])
    key = os.urandom(32)
    with db.transaction():
        db.execute("INSERT INTO workstation_keys (name, private_raw, public_raw) VALUES (?, ?, ?)",
                   (_KEY_NAME, key, b""))
    return key


def _mac(key: bytes, vault_id: str, state: State) -> str:
    message = f"nia-security-state-v1\x00{vault_id}\x00{state.generation}\x00{state.digest}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def write_file(paths: VaultPaths, vault_id: str, key: bytes, state: State) -> None:
    body = {"vault_id": vault_id, "generation": state.generation, "digest": state.digest,
            "mac": _mac(key, vault_id, state)}
    atomic_write(paths.root / FILE_NAME, json.dumps(body, sort_keys=True).encode("utf-8"))


def read_file(paths: VaultPaths, vault_id: str, key: bytes) -> State | str | None:
    """The state the file vouches for; a message when the file is altered; None when there is none."""
    path = paths.root / FILE_NAME
    try:
        body = json.loads(read_folder_file(path, 1 << 16))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, UnicodeDecodeError, RecursionError, VaultTampered):
        return f"{FILE_NAME} is not valid JSON"
    if not isinstance(body, dict):
        return f"{FILE_NAME} is malformed"
    generation, digest, mac = body.get("generation"), body.get("digest"), body.get("mac")
    if type(generation) is not int or not (0 <= generation < 2**63) or not isinstance(digest, str) \
            or not isinstance(mac, str):
        return f"{FILE_NAME} is malformed"
    state = State(generation, digest)
    if body.get("vault_id") != vault_id or not hmac.compare_digest(mac, _mac(key, vault_id, state)):
        return f"{FILE_NAME} does not carry this vault's authentication code: it was altered or comes from " \
               "another vault"
    return state


@dataclass(frozen=True)
class Verdict:
    rolled_back: str | None  # why the database is refused, naming the file
    notes: list[str]  # what an officer should be told, the session going on


def check(db: VaultConnection, paths: VaultPaths, vault_id: str, file_expected: bool) -> Verdict:
    """At unlock: the digest against the rows, then the generation against the file."""
    state, dirty = stored(db)
    notes: list[str] = []
    if not dirty and state.digest and compute_digest(db) != state.digest:
        return Verdict("vault.db: the users, keys, trust store, settings or release approvals do not match the "
                       "security state recorded with them: a page of the database was written back from an older "
                       "copy or altered. Refused; restore the vault from a backup", notes)
    found = read_file(paths, vault_id, mac_key(db))
    if isinstance(found, str):
        notes.append(found)
    elif found is None:
        if file_expected:
            notes.append(f"{FILE_NAME} was removed from the vault folder: the database's freshness cannot be "
                         "vouched for this time")
    elif found.generation > state.generation:
        return Verdict(f"vault.db: its security state (generation {state.generation}) is older than the one this "
                       f"workstation recorded in {FILE_NAME} (generation {found.generation}): the database, or "
                       "pages of it, were rolled back to an older copy. Refused; restore the vault from a backup",
                       notes)
    elif found.generation == state.generation and found.digest != state.digest and not dirty:
        return Verdict(f"vault.db: its security state differs from the one recorded in {FILE_NAME} at the same "
                       "generation: the database was altered. Refused; restore the vault from a backup", notes)
    behind = _behind_anchor(db, paths, vault_id)
    # Told, not refused: the same signal is a truncated or edited audit log, which the officer must still be
    # able to open the vault to examine (`nia audit verify` names the first bad entry, exit 5).
    return Verdict(None, [*notes, behind] if behind else notes)


def _behind_anchor(db: VaultConnection, paths: VaultPaths, vault_id: str) -> str | None:
    """Why the database is older than the audit head signed at the last close, or None.

    Only a head whose signature verifies with this vault's audit key counts; a forged or damaged anchor is
    the folder check's business (it is told to the officer), never a reason to refuse.
    """
    try:
        head = SignedHead.from_json(json.loads(read_folder_file(paths.anchor, 1 << 16)))
    except (OSError, ValueError, UnicodeDecodeError, RecursionError, VaultTampered):
        return None
    rows = db.query("SELECT public_raw FROM workstation_keys WHERE name = 'audit'")
    if head.vault_id != vault_id or not rows or len(head.signature) != 64:
        return None
    if not verify(public_from_raw(bytes(rows[0][0])), SigningContext.AUDIT_HEAD, head.message(), head.signature):
        return None
    at = db.query("SELECT hash FROM audit WHERE seq = ?", (head.seq,))
    if not at or str(at[0][0]) != head.head:
        return (f"vault.db: its audit log {'stops before' if not at else 'differs at'} entry {head.seq}, which the "
                "signed audit-anchor.json vouches for: the database was rolled back to an older copy, or its log "
                "was cut or edited. Run the audit check, and restore the vault from a backup")
    return None


class Recorder:
    """Keeps the digest in each transaction and the file after each commit that moved the generation."""

    def __init__(self, paths: VaultPaths, vault_id: str, key: bytes, written: int) -> None:
        self.paths, self.vault_id, self.key, self.written = paths, vault_id, key, written

    def attach(self, db: VaultConnection) -> None:
        db.before_commit.append(refresh_digest)
        db.after_commit.append(self.after_commit)

    def after_commit(self, db: VaultConnection) -> None:
        state, dirty = stored(db)
        if dirty or state.generation == self.written:
            return
        try:
            write_file(self.paths, self.vault_id, self.key, state)
        except OSError:
            return  # the file stays behind the database: the next unlock rewrites it (never refused for that)
        self.written = state.generation

    def sync(self, db: VaultConnection) -> None:
        """Bring the digest and file up to date now (after unlock's own checks)."""
        with db.transaction():
            refresh_digest(db)
        state, _ = stored(db)
        write_file(self.paths, self.vault_id, self.key, state)
        self.written = state.generation
