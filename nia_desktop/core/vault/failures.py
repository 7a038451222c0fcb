"""Failed unlock attempts: a growing delay, and a record for the audit log.

The database cannot be written before a successful unlock, so failures are
kept in a small file beside it and entered in the audit log at the next
successful unlock. What was typed into the user field is never kept in a form
that reveals it (it may be a passphrase typed into the wrong box): the record
holds the time and a *name tag*, an Argon2id hash of the typed name (RFC 9106's
64 MiB, t=3: fixed, so a forged file cannot cheapen it) under a salt derived
from the vault id. At the next unlock each tag is compared with
the tags of the vault's users (kept in the database), so the officer sees
"failed unlock for analyst" or "failed unlock for a name this vault does not
know", never the text. Guessing from a tag costs that Argon2id derivation per
guess: a passphrase stays out of reach; a user name from a list of likely
names does not (docs/security.md, limits).

Nothing in the file is trusted: a forged file can only add delay or records
(shown to an officer as what they are), and a removed file loses the record
(docs/security.md).
"""

from __future__ import annotations

import base64
import hashlib
import json
import unicodedata
from dataclasses import dataclass
from typing import Any

from nia_desktop.core.atomic import atomic_write
from nia_desktop.core.errors import VaultTampered
from nia_desktop.core.vault.kdf import RFC9106, SALT_BYTES, derive_kek
from nia_desktop.core.vault.layout import VaultPaths, read_folder_file

FREE_ATTEMPTS = 3
MAX_DELAY_SECONDS = 30.0
MAX_RECORDED = 1000
TAG_BYTES = 16
_TIME_CHARS = 40


@dataclass(frozen=True)
class Failure:
    time: str
    tag: bytes  # b"" when the record could not be read or came from an older version


def name_tag(vault_id: str, typed_name: str) -> bytes:
    """The non-revealing tag of a name typed at unlock (about a quarter of a second here)."""
    salt = hashlib.sha256(b"nia-unlock-name-tag-v2\x00" + vault_id.encode()).digest()[:SALT_BYTES]
    return derive_kek(unicodedata.normalize("NFC", typed_name), salt, RFC9106)[:TAG_BYTES]


def delay_for(consecutive_failures: int) -> float:
    """No delay for the first few typos, then 1, 2, 4 ... seconds, capped."""
    if consecutive_failures < FREE_ATTEMPTS:
        return 0.0
    return min(MAX_DELAY_SECONDS, float(2 ** min(consecutive_failures - FREE_ATTEMPTS, 16)))


def _parse(item: Any) -> Failure | None:
    if not isinstance(item, dict):
        return None
    time = item.get("time")
    time = time[:_TIME_CHARS] if isinstance(time, str) else "unknown"
    tag = b""
    if isinstance(item.get("tag"), str) and len(item["tag"]) < 64:
        try:
            tag = base64.b64decode(item["tag"], validate=True)
        except ValueError:
            tag = b""
    return Failure(time, tag if len(tag) == TAG_BYTES else b"")


def load(paths: VaultPaths) -> list[Failure]:
    try:
        data: Any = json.loads(read_folder_file(paths.failures, 1 << 20))
    except FileNotFoundError:
        return []
    except (OSError, ValueError, UnicodeDecodeError, RecursionError, VaultTampered):
        # A damaged record still counts as one failure, never as zero.
        return [Failure("unknown", b"")]
    items = data.get("failures") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return [Failure("unknown", b"")]
    parsed = [_parse(item) for item in items[-MAX_RECORDED:]]
    return [f for f in parsed if f is not None]


def record(paths: VaultPaths, vault_id: str, time: str, typed_name: str) -> int:
    """Append one failure; returns how many are now on record."""
    failures = [*load(paths), Failure(time, name_tag(vault_id, typed_name))][-MAX_RECORDED:]
    payload = {"failures": [{"time": f.time, "tag": base64.b64encode(f.tag).decode("ascii")} for f in failures]}
    atomic_write(paths.failures, json.dumps(payload).encode("utf-8"))
    return len(failures)


def attempted(failure: Failure, tags: dict[bytes, str]) -> str:
    """Who the attempt was for, in words an officer reads; never the typed text."""
    if not failure.tag:
        return "(a record this version cannot attribute)"
    name = tags.get(failure.tag)
    return name if name is not None else "(a user name this vault does not know)"


def clear(paths: VaultPaths) -> None:
    paths.failures.unlink(missing_ok=True)
