"""Is the vault database damaged, and where: SQLCipher's page check and SQLite's own checks, named by page and table.

A damaged page is not a bug in this application: a disk, a copy or a person
changed bytes of vault.db. SQLCipher then refuses the page (its HMAC fails)
and SQLite reports "database disk image is malformed". ``damage_detail``
recognises those errors wherever they surface, so every face can say so in
plain words (core.errors.VaultDamaged) instead of "internal error".

The checks run on their own read-only connections keyed with the raw key:
they change nothing, and after the first page that fails its HMAC SQLCipher
refuses every later read on that connection, so each question gets a fresh
one. Temporary storage stays in memory (no plaintext on disk).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlcipher3

from nia_desktop.core.errors import NiaError, UserCancelled, VaultDamaged
from nia_desktop.core.vault import page_macs
from nia_desktop.core.vault.connection import key_hex

# What SQLite and SQLCipher say when the bytes on disk are wrong (not a busy or locked database).
_DAMAGE_SIGNS = ("malformed", "file is not a database", "hmac", "disk i/o error", "corrupt")
# After a page fails its HMAC, SQLCipher refuses every later write on that connection with this, although the
# file and its folder are writable: it will not write over pages it could not authenticate.
_READONLY = "attempt to write a readonly database"
_PAGE = re.compile(r"page (\d+)")


def _writable(database: Path) -> bool:
    return os.access(database, os.W_OK) and os.access(database.parent, os.W_OK)


def damage_detail(exc: BaseException, database: Path | None = None) -> str | None:
    """What a database error says when it means a damaged vault.db, else None (looks through causes too).

    A NiaError is already a plain answer (AuthFailed wraps "file is not a database" when a key is wrong),
    so it is never reinterpreted here. "Read-only" counts only when ``database`` and its folder are in fact
    writable (a vault on read-only media is not damaged).
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen and not isinstance(current, NiaError):
        seen.add(id(current))
        if isinstance(current, sqlcipher3.DatabaseError):
            text = str(current)
            if any(sign in text.lower() for sign in _DAMAGE_SIGNS):
                return text
            if _READONLY in text.lower() and database is not None and _writable(database):
                return "SQLCipher refuses to write after a page failed its check"
        current = current.__cause__ or current.__context__
    return None


def as_damage(exc: BaseException, root: Path | str | None) -> VaultDamaged | None:
    """The plain error a damaged database becomes, naming the vault folder; None for anything else."""
    if isinstance(exc, VaultDamaged):
        return exc
    detail = damage_detail(exc, Path(root) / "vault.db" if root else None)
    return VaultDamaged(root, detail) if detail is not None else None


def quiet_log() -> None:
    """Stop SQLCipher's own log lines on stderr ("ERROR CORE sqlcipher_page_cipher: hmac check failed ..."), for
    the whole process: the command line says what a damaged page means in plain words instead."""
    with closing(sqlcipher3.connect(":memory:")) as conn:
        conn.execute("PRAGMA cipher_log_level = NONE")


@dataclass(frozen=True)
class DatabaseReport:
    """What the checks found in vault.db; empty tuples mean clean."""

    pages: tuple[int, ...] = ()  # page numbers whose HMAC fails (SQLCipher)
    cipher_messages: tuple[str, ...] = ()  # everything cipher_integrity_check said
    structure: tuple[str, ...] = ()  # integrity_check's complaints (or why it could not finish)
    foreign_keys: tuple[str, ...] = ()  # rows pointing at a missing parent
    tables: tuple[str, ...] = ()  # tables that cannot be read back whole (with their indexes)
    unopenable: str = ""  # the database does not open at all with the key (page 1 damaged or file replaced)
    page_count: int = 0
    page_size: int = 0
    details: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def damaged(self) -> bool:
        return bool(self.pages or self.cipher_messages or self.structure or self.foreign_keys or self.tables
                    or self.unopenable)

    def to_json(self) -> dict[str, Any]:
        return {"ok": not self.damaged, "pages": list(self.pages), "cipher_messages": list(self.cipher_messages),
                "structure": list(self.structure), "foreign_keys": list(self.foreign_keys),
                "tables": list(self.tables), "unopenable": self.unopenable, "page_count": self.page_count,
                "page_size": self.page_size}


def open_read_only(path: Path, raw_key: bytes) -> sqlcipher3.Connection:
    """A read-only connection keyed with the raw key; DatabaseError when the key does not open page 1."""
    uri = f"{Path(path).absolute().as_uri()}?mode=ro"
    conn = sqlcipher3.connect(uri, uri=True, check_same_thread=False, isolation_level=None)
    try:
        conn.execute(f"PRAGMA key = \"x'{key_hex(raw_key)}'\"")
        conn.execute("PRAGMA cipher_memory_security = OFF")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


@contextmanager
def read_only(path: Path, raw_key: bytes) -> Iterator[sqlcipher3.Connection]:
    with closing(open_read_only(path, raw_key)) as conn:
        yield conn


Stop = Callable[[], bool]


def _rows(path: Path, raw_key: bytes, sql: str, stop: Stop | None = None) -> list[Any]:
    """All rows of one statement on a fresh connection; UserCancelled when ``stop`` says so mid-statement (a
    whole-database check can take minutes)."""
    with read_only(path, raw_key) as conn:
        if stop is not None:
            conn.set_progress_handler(lambda: int(stop()), 20000)
        try:
            rows: list[Any] = conn.execute(sql).fetchall()
        except sqlcipher3.OperationalError:
            if stop is not None and stop():
                raise UserCancelled() from None
            raise
        return rows


def opens(path: Path, raw_key: bytes) -> bool:
    try:
        with read_only(path, raw_key):
            return True
    except sqlcipher3.DatabaseError:
        return False


Step = Callable[[int, int, str], None]


def check_database(path: Path, raw_key: bytes, step: Step | None = None, stop: Stop | None = None) -> DatabaseReport:
    """Every page's HMAC, the b-tree structure, foreign keys; when anything is wrong, which tables it hits."""
    def tell(done: int, message: str) -> None:
        if step is not None:
            step(done, 4, message)

    try:
        size_rows = _rows(path, raw_key, "PRAGMA page_count")
        page_count = int(size_rows[0][0])
        page_size = int(_rows(path, raw_key, "PRAGMA page_size")[0][0])
    except sqlcipher3.DatabaseError as exc:
        return DatabaseReport(pages=(1,), unopenable=f"vault.db does not open with this vault's key ({exc}): its "
                              "first page is damaged, or the file was replaced")
    tell(0, "Checking every page's authentication code")
    try:
        cipher = [str(r[0]) for r in _rows(path, raw_key, "PRAGMA cipher_integrity_check", stop)]
    except sqlcipher3.DatabaseError as exc:
        cipher = [f"cipher_integrity_check could not finish: {exc}"]
    pages = sorted({int(m) for line in cipher for m in _PAGE.findall(line)})
    tell(1, "Checking the database structure")
    try:
        structure = [str(r[0]) for r in _rows(path, raw_key, "PRAGMA integrity_check", stop)]
        structure = [line for line in structure if line != "ok"]
    except sqlcipher3.DatabaseError as exc:
        structure = [f"integrity_check could not finish: {exc}"]
    tell(2, "Checking references between tables")
    try:
        foreign = [f"{table} row {rowid} refers to a missing row of {parent}"
                   for table, rowid, parent, _fk in _rows(path, raw_key, "PRAGMA foreign_key_check", stop)]
    except sqlcipher3.DatabaseError as exc:
        foreign = [f"foreign_key_check could not finish: {exc}"]
    tables: list[str] = []
    if pages or cipher or structure or foreign:
        tell(3, "Finding which tables are damaged")
        tables = damaged_tables(path, raw_key, stop)
    tell(4, "Done")
    return DatabaseReport(tuple(pages), tuple(cipher), tuple(structure), tuple(foreign), tuple(tables),
                          page_count=page_count, page_size=page_size)


def failed_pages(path: Path, raw_key: bytes, stop: Stop | None = None) -> list[int]:
    """The pages whose HMAC fails (SQLCipher's page check alone: the quick one, run on every backup)."""
    try:
        lines = [str(r[0]) for r in _rows(path, raw_key, "PRAGMA cipher_integrity_check", stop)]
    except sqlcipher3.DatabaseError:  # page 1 or a schema page is damaged: authenticate the pages one by one
        return list(page_macs.scan(path, raw_key, stop=stop).bad) or [1]
    return sorted({int(m) for line in lines for m in _PAGE.findall(line)})


def damaged_tables(path: Path, raw_key: bytes, stop: Stop | None = None) -> list[str]:
    """Each table checked on its own connection (a failed page poisons the connection that read it)."""
    try:
        names = [str(r[0]) for r in _rows(
            path, raw_key, "SELECT name FROM sqlite_master WHERE type = 'table' AND rootpage > 0 ORDER BY name")]
    except sqlcipher3.DatabaseError:
        return [SCHEMA_TABLE]
    found = []
    for name in names:
        quoted = name.replace('"', '""')
        try:
            rows = _rows(path, raw_key, f'PRAGMA integrity_check("{quoted}")', stop)
        except sqlcipher3.DatabaseError:
            found.append(name)
            continue
        if [str(r[0]) for r in rows] != ["ok"]:
            found.append(name)
    return found


SCHEMA_TABLE = "sqlite_master (the schema itself)"
NOT_THIS_KEY = ("vault.db does not open with the key your passphrase unlocks, and none of its pages authenticates "
                "under it: its first page is damaged, or the file was replaced by another vault's database, or "
                "your keyslot is older than the database's key (put back from an older copy)")


def unopened_report(path: Path, raw_keys: list[bytes], stop: Stop | None = None) -> DatabaseReport:
    """A file none of these keys opens, its pages authenticated one by one (core/vault/page_macs.py): a key
    under which some pages verify is the file's own, so the pages that fail are damage, named by number."""
    why_not = page_macs.not_a_database(path)
    if why_not:
        return DatabaseReport(pages=(1,), unopenable=why_not)
    for raw_key in raw_keys:
        scanned = page_macs.scan(path, raw_key, stop=stop)
        if scanned.key_fits:
            break
    else:
        return DatabaseReport(pages=(1,), unopenable=NOT_THIS_KEY)
    bad = scanned.bad
    more = scanned.failures - len(bad)
    listed = ", ".join(map(str, bad)) + (f" and {more} more" if more > 0 else "")
    plural = "s" if scanned.failures > 1 else ""
    if not bad:
        why = ("vault.db does not open although every page authenticates: SQLite cannot read its schema "
               "(sqlite_master), which was damaged before it was encrypted")
    elif 1 in bad:
        why = (f"vault.db does not open: its first page is damaged (page{plural} {listed} "
               f"of {scanned.page_count} fail their authentication code, HMAC, under this vault's key)")
    else:
        why = (f"vault.db does not open: the schema (sqlite_master) lies on a damaged page (page"
               f"{plural} {listed} of {scanned.page_count} fail their authentication code, "
               "HMAC, under this vault's key)")
    return DatabaseReport(pages=bad, unopenable=why, tables=(SCHEMA_TABLE,), page_count=scanned.page_count,
                          page_size=page_macs.PAGE_SIZE)
