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


_COLUMNS = "fingerprint, name, workstation, role, public_pem, added_by, added_at, revoked_at"


def add(db: VaultConnection, row: TrustRow) -> None:
    db.execute(f"INSERT INTO trusted_keys ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               (row.fingerprint, row.name, row.workstation, row.role, row.public_pem, row.added_by, row.added_at,
                row.revoked_at))


def find(db: VaultConnection, fingerprint: str) -> TrustRow | None:
    rows = db.query(f"SELECT {_COLUMNS} FROM trusted_keys WHERE fingerprint = ?", (fingerprint,))
    return TrustRow(*rows[0]) if rows else None


def listing(db: VaultConnection) -> list[TrustRow]:
    return [TrustRow(*r) for r in db.query(f"SELECT {_COLUMNS} FROM trusted_keys ORDER BY added_at")]


def revoke(db: VaultConnection, fingerprint: str, user: str, when: str) -> bool:
    cursor = db.execute("UPDATE trusted_keys SET revoked_by = ?, revoked_at = ? WHERE fingerprint = ? AND "
                        "revoked_at IS NULL", (user, when, fingerprint))
    return bool(cursor.rowcount > 0)


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


def inbound(db: VaultConnection) -> list[tuple[str, str, str, int, str, str]]:
    return [(str(r[0]), str(r[1]), str(r[2]), int(r[3]), str(r[4]), str(r[5])) for r in db.query(
        "SELECT uuid, kind, signer, sequence, received_at, status FROM received_bundles ORDER BY received_at")]
