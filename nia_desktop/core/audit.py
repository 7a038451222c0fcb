"""The tamper-evident audit chain: hashing, sealing and verification rules.

Entry hash = SHA-256(previous hash || canonical JSON of the entry's fields).
The first entry's previous hash is derived from the vault id, so two vaults'
logs can never be spliced together. The chain head is signed with the
workstation audit key (a *seal*), inside the database and in an anchor file
beside it; a signed head that the log no longer reaches means its tail was cut.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
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
        data = asdict(self)
        del data["hash"]
        del data["prev_hash"]
        return data


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


def sign_head(
    key: Ed25519PrivateKey, context: SigningContext, vault_id: str, seq: int, head: str, time: str
) -> SignedHead:
    sig = sign(key, context, signed_head_message(vault_id, seq, head, time))
    return SignedHead(vault_id, seq, head, time, sig)


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    entries: int
    head: str
    first_bad: int | None
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "entries": self.entries, "head": self.head, "first_bad": self.first_bad,
                "reason": self.reason}


def verify_chain(
    vault_id: str,
    entries: Iterable[AuditEntry],
    public_key: Ed25519PublicKey,
    heads: Iterable[tuple[SignedHead, SigningContext]] = (),
) -> ChainReport:
    """Walk the chain, then check every signed head against it.

    ``first_bad`` names the first entry that is modified, missing, reordered or
    inserted; for a cut-off tail it names the first entry that is gone.
    """
    prev = genesis_hash(vault_id)
    hashes: dict[int, str] = {}
    count = 0
    for expected_seq, entry in enumerate(entries, start=1):
        if entry.seq != expected_seq:
            return ChainReport(False, count, prev, expected_seq,
                               f"entry {expected_seq} is missing or out of order (found {entry.seq})")
        if entry.prev_hash != prev:
            return ChainReport(False, count, prev, entry.seq,
                               f"entry {entry.seq} does not follow entry {entry.seq - 1}")
        if entry_hash(prev, entry.body()) != entry.hash:
            return ChainReport(False, count, prev, entry.seq, f"entry {entry.seq} was modified")
        prev = entry.hash
        hashes[entry.seq] = entry.hash
        count += 1
    vouched = 0  # the highest sequence a valid signed head confirms
    beyond: list[tuple[SignedHead, SigningContext]] = []
    for head, context in sorted(heads, key=lambda hc: hc[0].seq):
        what = "checkpoint" if context is SigningContext.AUDIT_CHECKPOINT else "signed head"
        if head.vault_id != vault_id or not verify(public_key, context, head.message(), head.signature):
            return ChainReport(False, count, prev, head.seq,
                               f"the {what} at entry {head.seq} has a bad signature")
        if head.seq > count:
            beyond.append((head, context))
        elif head.seq > 0 and hashes.get(head.seq) != head.head:
            return ChainReport(False, count, prev, head.seq,
                               f"entry {head.seq} differs from the {what} taken at {head.time}: "
                               "the log was rolled back or rewritten")
        else:
            vouched = max(vouched, head.seq)
    if beyond:
        head, context = beyond[-1]
        what = "checkpoint" if context is SigningContext.AUDIT_CHECKPOINT else "signed head"
        return ChainReport(False, count, prev, vouched + 1,
                           f"the log ends at entry {count} but a {what} taken at {head.time} vouches for "
                           f"{head.seq}: entries after {vouched} were cut off or rolled back")
    return ChainReport(True, count, prev, None, f"{count} entries, chain intact")


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
    return json.dumps(details, sort_keys=True, ensure_ascii=False)
