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
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3

from nia_desktop.core.errors import AuthFailed, VaultTampered
from nia_desktop.core.vault.writer_lock import VaultBusy, WriterLock

_HEX_KEY = re.compile(r"[0-9a-f]{64}")
_DENIED_FUNCTIONS = frozenset({"sqlcipher_export", "load_extension", "writefile", "readfile"})
_DATA_WRITES = frozenset({sqlcipher3.SQLITE_INSERT, sqlcipher3.SQLITE_UPDATE, sqlcipher3.SQLITE_DELETE})
CACHE_KIB = 65536
_DENIED_PRAGMAS = frozenset({"key", "rekey", "hexkey", "hexrekey", "textkey", "textrekey"})

BUSY_TIMEOUT = 60.0


def _is_busy(exc: BaseException) -> bool:
    return isinstance(exc, sqlcipher3.OperationalError) and ("locked" in str(exc) or "busy" in str(exc))


def _busy(exc: BaseException) -> VaultBusy:
    """What a write that waited BUSY_TIMEOUT for another process's read says: nothing of it was written."""
    return VaultBusy(f"the vault is busy: another program kept it locked for over {BUSY_TIMEOUT:.0f} s and "
                     "nothing was written; try again when it has finished")
LOCK_FILE = ".lock"  # core/vault/layout.py VaultPaths.lockfile

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

    Reads from any thread take ``lock`` for the statement. Writes have one
    owner at a time: the outermost ``transaction()`` or batch holds the
    vault's WriterLock (other threads and other processes wait for it), and
    while a batch is open no other thread runs a statement at all, so it can
    neither see the batch's uncommitted rows nor have its writes swallowed
    into it. Data written outside a transaction the calling thread owns is
    refused by the authorizer, so no write can slip past the writer lock.
    """

    def __init__(self, conn: sqlcipher3.Connection, writer: WriterLock) -> None:
        self._conn = conn
        self.lock = threading.RLock()
        self._turn = threading.Condition(self.lock)
        self.writer = writer
        self._allow_key_change = False
        self._depth = 0
        self._owner: int | None = None  # the thread whose transaction or batch is open
        self._batch = False
        self._waiting = 0  # other threads waiting for the open batch to end
        self.commits = 0  # transactions this connection committed (PRAGMA data_version counts other connections')
        # What a file beside the database does once the open transaction ends: (depth, on commit, on rollback)
        self._outcomes: list[tuple[int, Callable[[], None], Callable[[], None]]] = []
        # Run inside the outermost transaction just before COMMIT, then just after it, still holding the writer
        # lock (core/freshness.py keeps the security-state digest in the same transaction as the change it
        # covers, and writes its file before any other writer can commit).
        self.before_commit: list[Callable[[VaultConnection], None]] = []
        self.after_commit: list[Callable[[VaultConnection], None]] = []
        conn.set_authorizer(self._authorize)

    # -- authorizer -------------------------------------------------------
    def _authorize(self, action: int, arg1: Any, arg2: Any, db_name: Any, _trigger: Any) -> int:
        if action == sqlcipher3.SQLITE_ATTACH:
            return int(sqlcipher3.SQLITE_DENY)
        if action == sqlcipher3.SQLITE_FUNCTION and isinstance(arg2, str) and arg2.lower() in _DENIED_FUNCTIONS:
            return int(sqlcipher3.SQLITE_DENY)
        if action == sqlcipher3.SQLITE_PRAGMA and isinstance(arg1, str):
            name = arg1.lower()
            if (name in _DENIED_PRAGMAS or name.startswith("cipher")) and not self._allow_key_change:
                return int(sqlcipher3.SQLITE_DENY)
        if action in _DATA_WRITES and db_name == "main" and self._owner != threading.get_ident():
            return int(sqlcipher3.SQLITE_DENY)  # a write outside this thread's transaction: see the class docstring
        return int(sqlcipher3.SQLITE_OK)

    def _await_turn(self) -> None:
        """Holding ``lock``: wait while another thread's batch is open."""
        me = threading.get_ident()
        while self._batch and self._owner != me:
            self._waiting += 1
            try:
                self._turn.wait()
            finally:
                self._waiting -= 1

    # -- use --------------------------------------------------------------
    def execute(self, sql: str, params: Any = ()) -> sqlcipher3.Cursor:
        with self.lock:
            self._await_turn()
            return self._conn.execute(sql, params)

    def executemany(self, sql: str, rows: Any) -> sqlcipher3.Cursor:
        with self.lock:
            self._await_turn()
            return self._conn.executemany(sql, rows)

    def query(self, sql: str, params: Any = ()) -> list[Any]:
        with self.lock:
            self._await_turn()
            rows: list[Any] = self._conn.execute(sql, params).fetchall()
            return rows

    @property
    def others_waiting(self) -> bool:
        """Whether another thread waits for the open batch (it should commit soon) or for the writer lock."""
        return self._waiting > 0 or self.writer.contended

    def writing(self) -> AbstractContextManager[None]:
        """Hold the writer lock without a transaction: for a folder file written after a commit."""
        return self.writer.hold()

    @contextmanager
    def transaction(self) -> Iterator[VaultConnection]:
        """All or nothing: BEGIN IMMEDIATE, commit on success, roll back on any error.

        Inside a transaction or batch the same thread has open (a service
        wrapping an action and its audit entry) it becomes a savepoint: still
        all or nothing for its own writes. Another thread's transaction waits
        for the writer lock instead, and so never joins (or is rolled back
        with) work that is not its own.
        """
        if self._owner == threading.get_ident():
            with self.lock:
                name = f"sp{self._depth}"
                self._conn.execute(f"SAVEPOINT {name}")
                self._depth += 1
                try:
                    yield self
                except BaseException:
                    self._conn.execute(f"ROLLBACK TO {name}")
                    self._conn.execute(f"RELEASE {name}")
                    self._settle(from_depth=self._depth, committed=False)
                    raise
                finally:
                    self._depth -= 1
                self._conn.execute(f"RELEASE {name}")
            return
        with self.writer.hold(), self.lock:
            self._await_turn()
            self._begin(batch=False)
            try:
                yield self
            except BaseException as exc:
                self._end(rollback=True)
                if _is_busy(exc):
                    raise _busy(exc) from exc
                raise
            self._commit()

    def _begin(self, batch: bool) -> None:
        self._conn.execute("BEGIN IMMEDIATE")
        self._depth, self._owner, self._batch = 1, threading.get_ident(), batch

    def when_settled(self, committed: Callable[[], None], rolled_back: Callable[[], None]) -> None:
        """Inside a transaction: run ``committed`` just after COMMIT (still holding the writer lock), or
        ``rolled_back`` if this transaction or the savepoint it was called in is rolled back. A folder file
        staged in the transaction is published or discarded this way, so it never runs ahead of the database
        (a COMMIT that fails, a busy database say, leaves the file as it was)."""
        if self._owner != threading.get_ident():
            raise RuntimeError("when_settled needs a transaction of this thread")
        self._outcomes.append((self._depth, committed, rolled_back))

    def _settle(self, from_depth: int, committed: bool) -> None:
        """Run the outcomes registered at ``from_depth`` or deeper (committed: all of them, in order)."""
        kept = [o for o in self._outcomes if o[0] < from_depth]
        due = [o for o in self._outcomes if o[0] >= from_depth]
        self._outcomes = kept
        for _depth, on_commit, on_rollback in due:
            (on_commit if committed else on_rollback)()

    def _end(self, rollback: bool) -> None:
        """Close the transaction (rolling back what is open) and let waiting threads in.

        Setting the authorizer again expires every cached statement: SQLite asks the authorizer only when a
        statement is prepared, so a write prepared inside this transaction would otherwise run again, from
        any thread, outside one."""
        try:
            if rollback and self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
        finally:
            self._depth, self._owner, self._batch = 0, None, False
            self._conn.set_authorizer(self._authorize)
            self._turn.notify_all()
            if rollback:
                self._settle(from_depth=0, committed=False)

    def _commit(self) -> None:
        """COMMIT with the hooks: a failing before-commit hook rolls the whole transaction back."""
        try:
            for hook in self.before_commit:
                hook(self)
            self._conn.execute("COMMIT")
        except BaseException as exc:
            self._end(rollback=True)
            if _is_busy(exc):  # a reader in another process held its lock past BUSY_TIMEOUT
                raise _busy(exc) from exc
            raise
        self._end(rollback=False)
        self.commits += 1
        self._settle(from_depth=0, committed=True)
        for hook in self.after_commit:
            hook(self)

    def begin_batch(self) -> None:
        """Open a long transaction that this thread's units and transaction() calls join (group commit).

        The writer lock is held until commit_batch or a failed unit; other
        threads' statements wait for it (see ``others_waiting``).
        """
        self.writer.acquire()
        try:
            with self.lock:
                if self._owner is not None:
                    raise RuntimeError("a transaction is already open")
                self._await_turn()
                self._begin(batch=True)
        except BaseException:
            self.writer.release()
            raise

    @contextmanager
    def batch_unit(self) -> Iterator[VaultConnection]:
        """One unit of work inside an open batch, without a savepoint.

        A savepoint costs about 0.3 ms here (its sub-journal copies every page
        the unit touches, and FTS5 flushes its pending terms at each one):
        more than the inserts of a small report. So a unit that fails rolls
        back the whole uncommitted batch and re-raises; the caller knows
        which units the batch held and may redo them. Only this batch's own
        work is lost: no other thread's statement ran inside it.
        """
        with self.lock:
            if not self._batch or self._owner != threading.get_ident():
                raise RuntimeError("no batch is open on this thread")
            try:
                yield self
            except BaseException:
                try:
                    self._end(rollback=True)
                finally:
                    self.writer.release()
                raise

    def commit_batch(self) -> None:
        with self.lock:
            if not self._batch or self._owner != threading.get_ident():
                return
            try:
                self._commit()
            finally:
                self.writer.release()

    def pragma(self, name: str) -> Any:
        with self.lock:
            self._await_turn()
            self._allow_key_change = True
            try:
                row = self._conn.execute(f"PRAGMA {name}").fetchone()
            finally:
                self._allow_key_change = False
        return row[0] if row else None

    def rekey(self, new_key: bytes, progress: Callable[[], int] | None = None) -> None:
        """Re-encrypt every page under ``new_key`` in one SQLCipher transaction."""
        value = _key_pragma_value(key_hex(new_key))
        with self.writer.hold(), self.lock:
            self._await_turn()
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
    # Another process may be committing: a read waits for it (the writer lock serialises writers themselves).
    conn = sqlcipher3.connect(str(path), check_same_thread=False, isolation_level=None, timeout=BUSY_TIMEOUT)
    try:
        conn.execute(f"PRAGMA key = {value}")
        # Off (SQLCipher's default since 4.5): it locked and wiped only SQLite's own buffers, while the
        # same text sits in Python and Qt memory, and it cost two thirds of an import's database time
        # (docs/security.md). Swap is checked instead (core/swap.py).
        conn.execute("PRAGMA cipher_memory_security = OFF")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise VaultBusy(f"the vault at {path.parent} is busy: another program kept it locked for over "
                                f"{BUSY_TIMEOUT:.0f} s; try again") from exc
            raise AuthFailed() from exc
        except sqlcipher3.DatabaseError as exc:
            raise AuthFailed() from exc
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("PRAGMA secure_delete = ON")
        # 64 MiB of decrypted pages (SQLCipher's default is about 8 MB): at a million reports a common word's
        # doclist is several MB, read and decrypted again on every search once evicted (search p95 78 -> 57 ms).
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        conn.enable_load_extension(False)
    except BaseException:
        conn.close()
        raise
    return VaultConnection(conn, WriterLock.for_file(path.with_name(LOCK_FILE)))
