"""Open the SQLCipher database with a raw key and the hardening pragmas.

SQLCipher treats anything that is not exactly ``x'<64 hex>'`` as a passphrase
and runs its own PBKDF2 over it, silently. So the key is checked before any
pragma. An authorizer then refuses every way of writing a plaintext copy
(ATTACH, which VACUUM INTO also uses, and sqlcipher_export) and any key
change except our own rekey.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3

from nia_desktop.core.errors import AuthFailed, VaultTampered

_HEX_KEY = re.compile(r"[0-9a-f]{64}")
_DENIED_FUNCTIONS = frozenset({"sqlcipher_export", "load_extension", "writefile", "readfile"})
_DENIED_PRAGMAS = frozenset({"key", "rekey", "hexkey", "hexrekey", "textkey", "textrekey"})

Connection = sqlcipher3.Connection
DatabaseError = sqlcipher3.DatabaseError


def key_hex(raw_key: bytes) -> str:
    """The raw 256-bit key as the 64 lower-case hex digits SQLCipher expects."""
    if len(raw_key) != 32:
        raise ValueError("database key must be exactly 32 bytes")
    return raw_key.hex()


def _key_pragma_value(hex_key: str) -> str:
    if not _HEX_KEY.fullmatch(hex_key):
        # Never hand SQLCipher a malformed raw key: it would be treated as a passphrase.
        raise ValueError("database key must be exactly 64 hex digits")
    return f"\"x'{hex_key}'\""


class VaultConnection:
    """A hardened SQLCipher connection shared by one session's threads.

    SQLCipher allows one writer; ``lock`` serialises every use of the
    connection across the UI thread and workers.
    """

    def __init__(self, conn: sqlcipher3.Connection) -> None:
        self._conn = conn
        self.lock = threading.RLock()
        self._allow_key_change = False
        self._depth = 0
        # Run inside the outermost transaction just before COMMIT, then just after it (core/freshness.py keeps
        # the security-state digest in the same transaction as the change it covers).
        self.before_commit: list[Callable[[VaultConnection], None]] = []
        self.after_commit: list[Callable[[VaultConnection], None]] = []
        conn.set_authorizer(self._authorize)

    # -- authorizer -------------------------------------------------------
    def _authorize(self, action: int, arg1: Any, arg2: Any, _db: Any, _trigger: Any) -> int:
        if action == sqlcipher3.SQLITE_ATTACH:
            return int(sqlcipher3.SQLITE_DENY)
        if action == sqlcipher3.SQLITE_FUNCTION and isinstance(arg2, str) and arg2.lower() in _DENIED_FUNCTIONS:
            return int(sqlcipher3.SQLITE_DENY)
        if action == sqlcipher3.SQLITE_PRAGMA and isinstance(arg1, str):
            name = arg1.lower()
            if (name in _DENIED_PRAGMAS or name.startswith("cipher")) and not self._allow_key_change:
                return int(sqlcipher3.SQLITE_DENY)
        return int(sqlcipher3.SQLITE_OK)

    # -- use --------------------------------------------------------------
    def execute(self, sql: str, params: Any = ()) -> sqlcipher3.Cursor:
        with self.lock:
            return self._conn.execute(sql, params)

    def executemany(self, sql: str, rows: Any) -> sqlcipher3.Cursor:
        with self.lock:
            return self._conn.executemany(sql, rows)

    def query(self, sql: str, params: Any = ()) -> list[Any]:
        with self.lock:
            rows: list[Any] = self._conn.execute(sql, params).fetchall()
            return rows

    @contextmanager
    def transaction(self) -> Iterator[VaultConnection]:
        """All or nothing: BEGIN IMMEDIATE, commit on success, roll back on any error.

        Inside an open transaction (a service wrapping an action and its audit
        entry, or an import batch) it becomes a savepoint: still all or nothing
        for its own writes. The lock is held throughout, so threads never
        interleave inside one unit.
        """
        with self.lock:
            if self._depth:
                name = f"sp{self._depth}"
                self._conn.execute(f"SAVEPOINT {name}")
                self._depth += 1
                try:
                    yield self
                except BaseException:
                    self._conn.execute(f"ROLLBACK TO {name}")
                    self._conn.execute(f"RELEASE {name}")
                    raise
                finally:
                    self._depth -= 1
                self._conn.execute(f"RELEASE {name}")
                return
            self._conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield self
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
            finally:
                self._depth = 0
            self._commit()

    def _commit(self) -> None:
        """COMMIT with the hooks: a failing before-commit hook rolls the whole transaction back."""
        try:
            for hook in self.before_commit:
                hook(self)
            self._conn.execute("COMMIT")
        except BaseException:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise
        for hook in self.after_commit:
            hook(self)

    def begin_batch(self) -> None:
        """Open a long transaction that later transaction() calls join as savepoints (group commit)."""
        with self.lock:
            if self._depth:
                raise RuntimeError("a transaction is already open")
            self._conn.execute("BEGIN IMMEDIATE")
            self._depth = 1

    @contextmanager
    def batch_unit(self) -> Iterator[VaultConnection]:
        """One unit of work inside an open batch, without a savepoint.

        A savepoint costs about 0.3 ms here (its sub-journal copies every page
        the unit touches, and FTS5 flushes its pending terms at each one):
        more than the inserts of a small report. So a unit that fails rolls
        back the whole uncommitted batch and re-raises; the caller knows
        which units the batch held and may redo them.
        """
        with self.lock:
            if self._depth != 1:
                raise RuntimeError("no batch is open")
            try:
                yield self
            except BaseException:
                try:
                    if self._conn.in_transaction:
                        self._conn.execute("ROLLBACK")
                finally:
                    self._depth = 0
                raise

    def commit_batch(self) -> None:
        with self.lock:
            if self._depth == 1:
                self._depth = 0
                self._commit()

    def pragma(self, name: str) -> Any:
        with self.lock:
            self._allow_key_change = True
            try:
                row = self._conn.execute(f"PRAGMA {name}").fetchone()
            finally:
                self._allow_key_change = False
        return row[0] if row else None

    def rekey(self, new_key: bytes, progress: Callable[[], int] | None = None) -> None:
        """Re-encrypt every page under ``new_key`` in one SQLCipher transaction."""
        value = _key_pragma_value(key_hex(new_key))
        with self.lock:
            if progress is not None:
                self._conn.set_progress_handler(progress, 1000)
            self._allow_key_change = True
            try:
                self._conn.execute(f"PRAGMA rekey = {value}")
            finally:
                self._allow_key_change = False
                self._conn.set_progress_handler(None, 0)

    def close(self) -> None:
        with self.lock:
            self._conn.close()

    @property
    def raw(self) -> sqlcipher3.Connection:
        """The underlying connection, for tests that tamper on purpose."""
        return self._conn


def open_database(path: Path, raw_key: bytes, *, create: bool = False) -> VaultConnection:
    """Open (or create) the vault database keyed with ``raw_key``.

    Raises AuthFailed when the key does not open the file (SQLCipher checks the
    first page's HMAC), VaultTampered when the file is not a database at all.
    """
    value = _key_pragma_value(key_hex(raw_key))
    if not create and not path.exists():
        raise VaultTampered(f"the vault database {path.name} is missing")
    if create and not path.exists():
        # Private from the first byte; SQLite gives its journal the same mode.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    conn = sqlcipher3.connect(str(path), check_same_thread=False, isolation_level=None)
    try:
        conn.execute(f"PRAGMA key = {value}")
        # Off (SQLCipher's default since 4.5): it locked and wiped only SQLite's own buffers, while the
        # same text sits in Python and Qt memory, and it cost two thirds of an import's database time
        # (docs/security.md). Swap is checked instead (core/swap.py).
        conn.execute("PRAGMA cipher_memory_security = OFF")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            raise AuthFailed() from exc
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("PRAGMA secure_delete = ON")
        conn.enable_load_extension(False)
    except BaseException:
        conn.close()
        raise
    return VaultConnection(conn)
