"""The tamper-evident audit chain: hashing, sealing and verification rules.

Entry hash = SHA-256(previous hash || canonical JSON of the entry's fields).
The first entry's previous hash is derived from the vault id, so two vaults'
logs can never be spliced together. The chain head is signed with the
workstation audit key (a *seal*), inside the database and in an anchor file
beside it; a signed head that the log no longer reaches means its tail was cut.

The entry hash alone proves nothing about where a log ends: anyone can append
a well-formed entry. What vouches for an end is a signed head, so whoever
checks a copy must accept exactly the entries a signed head covers.

Verification can start from a position an earlier verification reached
(ChainWalk's ``start``): the entries before it are trusted, not re-walked.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from nia_desktop.core.canonical import canonical_json
from nia_desktop.core.signing import SigningContext, sign, verify
from nia_desktop.core.untrusted import mapping, text, whole_number


class Outcome:
    OK = "ok"
    REFUSED = "refused"
    FAILED = "failed"


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    ts: str
    actor: str
    role: str
    action: str
    object: str
    outcome: str
    details: dict[str, Any]
    prev_hash: str
    hash: str

    def body(self) -> dict[str, Any]:
        """What the hash covers besides the previous hash: every field but the two hashes."""
        return {"seq": self.seq, "ts": self.ts, "actor": self.actor, "role": self.role, "action": self.action,
                "object": self.object, "outcome": self.outcome, "details": self.details}

    def row(self) -> Row:
        return (self.seq, self.ts, self.actor, self.role, self.action, self.object, self.outcome, self.details,
                self.prev_hash, self.hash)


@dataclass(frozen=True)
class SignedHead:
    """A signed (sequence, head hash, time) statement about one vault's log."""

    vault_id: str
    seq: int
    head: str
    time: str
    signature: bytes

    def message(self) -> bytes:
        return signed_head_message(self.vault_id, self.seq, self.head, self.time)

    def to_json(self) -> dict[str, Any]:
        return {
            "vault_id": self.vault_id,
            "seq": self.seq,
            "head": self.head,
            "time": self.time,
            "signature": self.signature.hex(),
        }

    @classmethod
    def from_json(cls, data: Any) -> SignedHead:
        if not isinstance(data, dict):
            raise ValueError("not a signed head")
        seq, head = data.get("seq"), data.get("head")
        vault_id, time, sig = data.get("vault_id"), data.get("time"), data.get("signature")
        if not (isinstance(head, str) and isinstance(vault_id, str) and isinstance(time, str)
                and isinstance(sig, str)):
            raise ValueError("malformed signed head")
        return cls(vault_id, whole_number(seq, "the signed head's seq"), head, time, bytes.fromhex(sig))

    def short_text(self) -> str:
        """A line an officer can copy onto paper: sequence and the first 20 hex digits."""
        return f"NIA-CP {self.seq} {self.head[:20]}"


def genesis_hash(vault_id: str) -> str:
    return hashlib.sha256(b"nia-audit-genesis-v1\x00" + vault_id.encode()).hexdigest()


def entry_hash(prev_hash: str, body: dict[str, Any]) -> str:
    return hashlib.sha256(bytes.fromhex(prev_hash) + canonical_json(body)).hexdigest()


def make_entry(prev_hash: str, **fields: Any) -> AuditEntry:
    provisional = AuditEntry(prev_hash=prev_hash, hash="", **fields)
    return AuditEntry(prev_hash=prev_hash, hash=entry_hash(prev_hash, provisional.body()), **fields)


def signed_head_message(vault_id: str, seq: int, head: str, time: str) -> bytes:
    return canonical_json({"vault_id": vault_id, "seq": seq, "head": head, "time": time})


def export_head_message(vault_id: str, seq: int, head: str, time: str, header_sha256: str) -> bytes:
    """What an export's signed head signs (export format version 2): the head and the SHA-256 of the export's
    header line, so not one line of the file, the header included, can change unseen."""
    return canonical_json({"vault_id": vault_id, "seq": seq, "head": head, "time": time,
                           "header_sha256": header_sha256})


def sign_head(
    key: Ed25519PrivateKey, context: SigningContext, vault_id: str, seq: int, head: str, time: str
) -> SignedHead:
    sig = sign(key, context, signed_head_message(vault_id, seq, head, time))
    return SignedHead(vault_id, seq, head, time, sig)


MAX_WARNINGS = 20  # warnings listed in a report; the rest are counted
# What canonical_json does, without building an encoder per call: one JSON string (ensure_ascii=False, as
# canonical_json), and a whole value. ChainWalk writes an entry's canonical body with them, key by key.
_QUOTE = json.encoder.encode_basestring
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)

# One entry as the walker reads it: seq, ts, actor, role, action, object, outcome, details, prev_hash, hash.
Row = tuple[Any, ...]


@dataclass(frozen=True)
class Position:
    """A place in the chain a verification already reached: the entry's sequence, hash and time."""

    seq: int
    hash: str
    ts: str = ""


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    entries: int
    head: str
    first_bad: int | None
    reason: str
    warnings: tuple[str, ...] = ()  # at most MAX_WARNINGS; never a failure
    warnings_total: int = 0
    from_seq: int = 0  # entries up to this one were verified by an earlier run and not walked again
    full: bool = True

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "entries": self.entries, "head": self.head, "first_bad": self.first_bad,
                "reason": self.reason, "warnings": list(self.warnings), "warnings_total": self.warnings_total,
                "from_seq": self.from_seq, "full": self.full}

    def warnings_text(self) -> list[str]:
        """The listed warnings, and how many more there were."""
        more = self.warnings_total - len(self.warnings)
        return [*self.warnings, *([f"… and {more} more time warnings"] if more > 0 else [])]


def _body_bytes(seq: Any, ts: Any, actor: Any, role: Any, action: Any, obj: Any, outcome: Any,
                details: str) -> bytes:
    """canonical_json(AuditEntry.body()) spelled out key by key, ``details`` already canonical JSON text.

    Verification spends its time here, so no dict and no encoder are built per entry. A field that is not
    text falls back to canonical_json's own rendering of it (TypeError or ValueError if it has none).
    """
    quote = _QUOTE
    try:
        if type(seq) is not int:
            raise TypeError("seq")
        return ('{"action":' + quote(action) + ',"actor":' + quote(actor) + ',"details":' + details
                + ',"object":' + quote(obj) + ',"outcome":' + quote(outcome) + ',"role":' + quote(role)
                + ',"seq":' + str(seq) + ',"ts":' + quote(ts) + "}").encode("utf-8")
    except TypeError:
        return canonical_json({"action": action, "actor": actor, "details": json.loads(details), "object": obj,
                               "outcome": outcome, "role": role, "seq": seq, "ts": ts})


class ChainWalk:
    """Walks entries in sequence order from genesis or from a verified position, stopping at the first break.

    Rows are fed in batches so a long log is never held whole; only the hashes at ``wanted`` sequences (the
    signed heads') are kept. A clock set back (an entry dated before the one it follows) is a warning, not a
    break: the hash chain, not the time stamps, decides the order, and a clock can be corrected innocently.
    """

    def __init__(self, vault_id: str, start: Position | None = None, wanted: Iterable[int] = ()) -> None:
        self.vault_id = vault_id
        self.start = start
        self.seq = start.seq if start else 0
        self.prev = start.hash if start else genesis_hash(vault_id)
        self.ts = start.ts if start and start.ts else None
        self.first_bad: int | None = None
        self.reason = ""
        self.warnings: list[str] = []
        self.warnings_total = 0
        self.wanted = set(wanted)
        self.found: dict[int, str] = {}

    @property
    def broken(self) -> bool:
        return self.first_bad is not None

    def _fail(self, seq: int, reason: str) -> bool:
        self.first_bad, self.reason = seq, reason
        return False

    def feed(self, rows: Iterable[Row]) -> bool:
        """Check the next entries; False once the chain is broken (the rest is not looked at)."""
        if self.first_bad is not None:
            return False
        seq_now, prev, last_ts, wanted = self.seq, self.prev, self.ts, self.wanted
        sha256, fromhex, canonical = hashlib.sha256, bytes.fromhex, _CANONICAL.encode
        try:
            for seq, ts, actor, role, action, obj, outcome, details, prev_hash, hash_ in rows:
                expected = seq_now + 1
                if seq != expected:
                    return self._fail(expected, f"entry {expected} is missing or out of order (found {seq})")
                if prev_hash != prev:
                    return self._fail(seq, f"entry {seq} does not follow entry {seq - 1}")
                try:
                    if type(details) is str:  # as stored (details_json): parsed and re-encoded canonically
                        digest = sha256(fromhex(prev) + _body_bytes(
                            seq, ts, actor, role, action, obj, outcome,
                            "{}" if details == "{}" else canonical(details_from_text(details)))).hexdigest()
                    else:
                        digest = sha256(fromhex(prev) + _body_bytes(
                            seq, ts, actor, role, action, obj, outcome,
                            "{}" if type(details) is dict and not details else canonical(details))).hexdigest()
                except (TypeError, ValueError):
                    return self._fail(seq, f"entry {seq} was modified (a field no longer holds text)")
                if digest != hash_:
                    return self._fail(seq, f"entry {seq} was modified")
                if type(ts) is str:
                    if last_ts is not None and ts < last_ts:
                        self._clock_back(seq, ts, last_ts)
                    last_ts = ts
                if seq in wanted:
                    self.found[seq] = hash_
                seq_now, prev = seq, hash_
        finally:
            self.seq, self.prev, self.ts = seq_now, prev, last_ts
        return True

    def _clock_back(self, seq: int, ts: str, before: str) -> None:
        self.warnings_total += 1
        if len(self.warnings) < MAX_WARNINGS:
            self.warnings.append(f"entry {seq} is dated {ts} before entry {seq - 1} ({before}): "
                                 "the clock may have been set back")

    def report(self, ok: bool, first_bad: int | None, reason: str) -> ChainReport:
        return ChainReport(ok, self.seq, self.prev, first_bad, reason, tuple(self.warnings), self.warnings_total,
                           self.start.seq if self.start else 0, self.start is None)

    def finish(
        self,
        public_key: Ed25519PublicKey,
        heads: Iterable[tuple[SignedHead, SigningContext]] = (),
        lookup: Callable[[int], str | None] | None = None,
    ) -> ChainReport:
        """Check every signed head against the walked chain.

        A head at or before the start position is compared with ``lookup(seq)`` (the stored entry's hash),
        which the caller vouches for: it was walked by an earlier verification.
        """
        if self.first_bad is not None:
            return self.report(False, self.first_bad, self.reason)
        count, start_seq = self.seq, self.start.seq if self.start else 0
        vouched = start_seq  # the highest sequence a valid signed head confirms
        beyond: list[tuple[SignedHead, SigningContext]] = []
        for head, context in sorted(heads, key=lambda hc: hc[0].seq):
            what = "checkpoint" if context is SigningContext.AUDIT_CHECKPOINT else "signed head"
            if head.vault_id != self.vault_id or not verify(public_key, context, head.message(), head.signature):
                return self.report(False, head.seq, f"the {what} at entry {head.seq} has a bad signature")
            if head.seq > count:
                beyond.append((head, context))
                continue
            if head.seq == 0:
                actual: str | None = genesis_hash(self.vault_id)
            elif head.seq == start_seq and self.start is not None:
                actual = self.start.hash
            elif head.seq < start_seq:
                actual = lookup(head.seq) if lookup is not None else None
            else:
                actual = self.found.get(head.seq)
            if actual != head.head:
                return self.report(False, head.seq, f"entry {head.seq} differs from the {what} taken at {head.time}: "
                                                    "the log was rolled back or rewritten")
            vouched = max(vouched, head.seq)
        if beyond:
            head, context = beyond[-1]
            what = "checkpoint" if context is SigningContext.AUDIT_CHECKPOINT else "signed head"
            return self.report(False, vouched + 1,
                               f"the log ends at entry {count} but a {what} taken at {head.time} vouches for "
                               f"{head.seq}: entries after {vouched} were cut off or rolled back")
        if self.start is None:
            return self.report(True, None, f"{count} entries, chain intact")
        return self.report(True, None, f"{count} entries, chain intact (entries {start_seq + 1} to {count} walked; "
                                       f"1 to {start_seq} were verified earlier)")


def verify_chain(
    vault_id: str,
    entries: Iterable[AuditEntry],
    public_key: Ed25519PublicKey,
    heads: Iterable[tuple[SignedHead, SigningContext]] = (),
) -> ChainReport:
    """Walk the whole chain, then check every signed head against it.

    ``first_bad`` names the first entry that is modified, missing, reordered or
    inserted; for a cut-off tail it names the first entry that is gone.
    """
    heads = list(heads)
    walk = ChainWalk(vault_id, wanted=[h.seq for h, _ in heads])
    walk.feed(entry.row() for entry in entries)
    return walk.finish(public_key, heads)


def entry_to_json(entry: AuditEntry) -> dict[str, Any]:
    return asdict(entry)


def entry_from_json(data: Any) -> AuditEntry:
    if not isinstance(data, dict):
        raise ValueError("not an audit entry")
    fields = {k: data[k] for k in ("seq", "ts", "actor", "role", "action", "object", "outcome",
                                   "details", "prev_hash", "hash")}
    whole_number(fields["seq"], "seq", 1)
    for name in ("ts", "actor", "role", "action", "object", "outcome", "prev_hash", "hash"):
        text(fields[name], name, 1 << 20)
    canonical_json(mapping(fields["details"], "details"))  # ValueError for NaN or infinity (1e400)
    return AuditEntry(**fields)


def details_json(details: dict[str, Any]) -> str:
    """The stored text of an entry's details (sorted keys, json.dumps' spacing; others read it as it is)."""
    return json.dumps(details, sort_keys=True, ensure_ascii=False)


def details_from_text(text: str) -> dict[str, Any]:
    """Stored details parsed; text that is not a JSON object is shown (and hashed) as ``unparseable``."""
    if text == "{}":
        return {}
    try:
        parsed = json.loads(text)
    except ValueError:
        return {"unparseable": text}
    return parsed if isinstance(parsed, dict) else {"unparseable": text}
