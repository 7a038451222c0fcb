"""The trust store and bundle bookkeeping: keys this workstation trusts, sequence numbers, received bundles."""

from __future__ import annotations

from dataclasses import dataclass

from nia_desktop.core.vault.connection import VaultConnection


@dataclass(frozen=True)
class TrustRow:
    fingerprint: str
    name: str
    workstation: str
    role: str
    public_pem: str
    added_by: str
    added_at: str
    revoked_at: str | None
    superseded_by: str | None = None  # the fingerprint of the key its owner rotated to


_COLUMNS = "fingerprint, name, workstation, role, public_pem, added_by, added_at, revoked_at, superseded_by"


def add(db: VaultConnection, row: TrustRow) -> None:
    db.execute(f"INSERT INTO trusted_keys ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
               (row.fingerprint, row.name, row.workstation, row.role, row.public_pem, row.added_by, row.added_at,
                row.revoked_at, row.superseded_by))


def supersede(db: VaultConnection, fingerprint: str, successor: str) -> None:
    db.execute("UPDATE trusted_keys SET superseded_by = ? WHERE fingerprint = ?", (successor, fingerprint))


@dataclass(frozen=True)
class RetiredKey:
    """One of this workstation's users' former signing keys."""

    fingerprint: str
    user: str
    public_raw: bytes
    successor: str
    statement: str
    signature: bytes
    retired_at: str
    revoked_at: str | None


_RETIRED = "fingerprint, user, public_raw, successor, statement, signature, retired_at, revoked_at"


def retire(db: VaultConnection, key: RetiredKey) -> None:
    db.execute(f"INSERT INTO retired_keys ({_RETIRED}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               (key.fingerprint, key.user, key.public_raw, key.successor, key.statement, key.signature,
                key.retired_at, key.revoked_at))


def retired(db: VaultConnection, fingerprint: str | None = None) -> list[RetiredKey]:
    where, params = ("WHERE fingerprint = ?", (fingerprint,)) if fingerprint else ("", ())
    return [RetiredKey(str(r[0]), str(r[1]), bytes(r[2]), str(r[3]), str(r[4]), bytes(r[5]), str(r[6]),
                       None if r[7] is None else str(r[7]))
            for r in db.query(f"SELECT {_RETIRED} FROM retired_keys {where} ORDER BY retired_at", params)]


def revoke_retired(db: VaultConnection, fingerprint: str, when: str) -> bool:
    cursor = db.execute("UPDATE retired_keys SET revoked_at = ? WHERE fingerprint = ? AND revoked_at IS NULL",
                        (when, fingerprint))
    return bool(cursor.rowcount > 0)


def find(db: VaultConnection, fingerprint: str) -> TrustRow | None:
    rows = db.query(f"SELECT {_COLUMNS} FROM trusted_keys WHERE fingerprint = ?", (fingerprint,))
    return TrustRow(*rows[0]) if rows else None


def listing(db: VaultConnection) -> list[TrustRow]:
    return [TrustRow(*r) for r in db.query(f"SELECT {_COLUMNS} FROM trusted_keys ORDER BY added_at")]


def revoke(db: VaultConnection, fingerprint: str, user: str, when: str) -> bool:
    cursor = db.execute("UPDATE trusted_keys SET revoked_by = ?, revoked_at = ? WHERE fingerprint = ? AND "
                        "revoked_at IS NULL", (user, when, fingerprint))
    return bool(cursor.rowcount > 0)


def revoke_any(db: VaultConnection, fingerprint: str, name: str, role: str, public_pem: str, by: str,
               when: str) -> bool:
    """Revoke a key whether or not the trust store holds it (a local user's key, one known only by fingerprint):
    a revoked row is what every lookup sees first, and what keys bundles carry. False if already revoked."""
    if find(db, fingerprint) is None:
        add(db, TrustRow(fingerprint, name, "", role, public_pem, by, when, None))
    return revoke(db, fingerprint, by, when)


def next_sequence(db: VaultConnection, signer: str) -> int:
    """The next number this signer's bundles carry: one more than the last, kept in the vault."""
    db.execute("INSERT OR IGNORE INTO bundle_sequences (signer) VALUES (?)", (signer,))
    db.execute("UPDATE bundle_sequences SET last_signed = last_signed + 1 WHERE signer = ?", (signer,))
    return int(db.query("SELECT last_signed FROM bundle_sequences WHERE signer = ?", (signer,))[0][0])


def last_seen(db: VaultConnection, signer: str) -> int:
    rows = db.query("SELECT last_seen FROM bundle_sequences WHERE signer = ?", (signer,))
    return int(rows[0][0]) if rows else 0


def see(db: VaultConnection, signer: str, sequence: int) -> None:
    db.execute("INSERT OR IGNORE INTO bundle_sequences (signer) VALUES (?)", (signer,))
    db.execute("UPDATE bundle_sequences SET last_seen = max(last_seen, ?) WHERE signer = ?", (sequence, signer))


def received(db: VaultConnection, bundle_uuid: str) -> str | None:
    rows = db.query("SELECT received_at FROM received_bundles WHERE uuid = ?", (bundle_uuid,))
    return str(rows[0][0]) if rows else None


def queue(db: VaultConnection, bundle_uuid: str, kind: str, signer: str, sequence: int, manifest: str,
          bundle: bytes, user: str, when: str) -> None:
    db.execute("INSERT INTO received_bundles (uuid, kind, signer, sequence, manifest, bundle, received_by, "
               "received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               (bundle_uuid, kind, signer, sequence, manifest, bundle, user, when))


def received_bundle(db: VaultConnection, bundle_uuid: str) -> tuple[bytes, str] | None:
    """A received bundle's bytes (as verified when it was received) and its status."""
    rows = db.query("SELECT bundle, status FROM received_bundles WHERE uuid = ?", (bundle_uuid,))
    return (bytes(rows[0][0]), str(rows[0][1])) if rows else None


def set_received_status(db: VaultConnection, bundle_uuid: str, status: str) -> None:
    db.execute("UPDATE received_bundles SET status = ? WHERE uuid = ?", (status, bundle_uuid))


def inbound(db: VaultConnection, limit: int = -1, offset: int = 0) -> list[tuple[str, str, str, int, str, str]]:
    """Received bundles, oldest first (``limit`` -1: every one)."""
    return [(str(r[0]), str(r[1]), str(r[2]), int(r[3]), str(r[4]), str(r[5])) for r in db.query(
        "SELECT uuid, kind, signer, sequence, received_at, status FROM received_bundles ORDER BY received_at, uuid "
        "LIMIT ? OFFSET ?", (limit, offset))]


@dataclass(frozen=True)
class Outbound:
    """A queued bundle as a courier sees it: metadata only, never its content."""

    uuid: str
    kind: str
    file_name: str
    size: int
    sha256: str
    encrypted: bool
    queued_by: str
    queued_at: str
    status: str
    delivered_by: str
    delivered_at: str
    volume: str
    path: str

    def to_json(self) -> dict[str, object]:
        return {"uuid": self.uuid, "kind": self.kind, "file_name": self.file_name, "size": self.size,
                "sha256": self.sha256, "encrypted": self.encrypted, "queued_by": self.queued_by,
                "queued_at": self.queued_at, "status": self.status, "delivered_by": self.delivered_by,
                "delivered_at": self.delivered_at, "volume": self.volume, "path": self.path}


_OUTBOUND = ("uuid, kind, file_name, length(bundle), sha256, encrypted, queued_by, queued_at, status, "
             "coalesce(delivered_by, ''), coalesce(delivered_at, ''), coalesce(volume, ''), coalesce(path, '')")


def queue_out(db: VaultConnection, bundle_uuid: str, kind: str, file_name: str, bundle: bytes, sha256: str,
              encrypted: bool, user: str, when: str) -> None:
    db.execute("INSERT INTO outbound_bundles (uuid, kind, file_name, bundle, sha256, encrypted, queued_by, "
               "queued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               (bundle_uuid, kind, file_name, bundle, sha256, int(encrypted), user, when))


def outbound(db: VaultConnection, limit: int = -1, offset: int = 0) -> list[Outbound]:
    """Queued bundles, oldest first (``limit`` -1: every one)."""
    return [Outbound(str(r[0]), str(r[1]), str(r[2]), int(r[3]), str(r[4]), bool(r[5]), str(r[6]), str(r[7]),
                     str(r[8]), str(r[9]), str(r[10]), str(r[11]), str(r[12]))
            for r in db.query(f"SELECT {_OUTBOUND} FROM outbound_bundles ORDER BY queued_at, uuid LIMIT ? OFFSET ?",
                              (limit, offset))]


def outbound_bytes(db: VaultConnection, bundle_uuid: str) -> tuple[Outbound, bytes] | None:
    rows = db.query(f"SELECT {_OUTBOUND}, bundle FROM outbound_bundles WHERE uuid = ?", (bundle_uuid,))
    if not rows:
        return None
    r = rows[0]
    return (Outbound(str(r[0]), str(r[1]), str(r[2]), int(r[3]), str(r[4]), bool(r[5]), str(r[6]), str(r[7]),
                     str(r[8]), str(r[9]), str(r[10]), str(r[11]), str(r[12])), bytes(r[13]))


def delivered(db: VaultConnection, bundle_uuid: str, user: str, when: str, volume: str, path: str) -> None:
    db.execute("UPDATE outbound_bundles SET status = 'delivered', delivered_by = ?, delivered_at = ?, volume = ?, "
               "path = ? WHERE uuid = ?", (user, when, volume, path, bundle_uuid))
