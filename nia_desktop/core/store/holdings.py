"""The receiving side of dissemination: products this workstation holds, notices it received, receipts it sent.

A held product is one received briefing bundle (by its UUID) and the product
it carries (by digest). Its status moves only forward: current, then
superseded (a correction), then withdrawn (a recall); a correction arriving
after a recall leaves the product withdrawn (``STATUS_RANK``). A received
notice is kept whether or not it marked anything, and stays unseen until a
user acknowledges it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from nia_desktop.core.classification import Level
from nia_desktop.core.vault.connection import VaultConnection

STATUS_RANK = {"current": 0, "superseded": 1, "withdrawn": 2}
STATUS_OF = {"correct": "superseded", "recall": "withdrawn"}


@dataclass(frozen=True)
class HeldProduct:
    bundle_uuid: str
    digest: str
    signer: str  # the fingerprint of the key that signed the product's bundle
    case: str
    title: str
    classification: Level
    received_at: str
    status: str  # current, superseded or withdrawn
    notice_uuid: str  # the notice that set the status, "" while current
    notice_why: str
    superseded_by: str

    def to_json(self) -> dict[str, Any]:
        return {"bundle": self.bundle_uuid, "digest": self.digest, "signer": self.signer, "case": self.case,
                "title": self.title, "classification": self.classification.english,
                "received_at": self.received_at, "status": self.status, "notice": self.notice_uuid or None,
                "why": self.notice_why or None, "superseded_by": self.superseded_by or None}


_HELD = ("bundle_uuid, digest, signer, case_name, title, classification, received_at, status, "
         "coalesce(notice_uuid, ''), coalesce(notice_why, ''), coalesce(superseded_by, '')")


def _held(row: Any) -> HeldProduct:
    return HeldProduct(str(row[0]), str(row[1]), str(row[2]), str(row[3]), str(row[4]), Level(int(row[5])),
                       str(row[6]), str(row[7]), str(row[8]), str(row[9]), str(row[10]))


def hold(db: VaultConnection, bundle_uuid: str, digest: str, signer: str, case: str, title: str, level: Level,
         at: str) -> None:
    db.execute("INSERT OR IGNORE INTO held_products (bundle_uuid, digest, signer, case_name, title, classification, "
               "received_at) VALUES (?, ?, ?, ?, ?, ?, ?)", (bundle_uuid, digest, signer, case, title, int(level), at))


def held(db: VaultConnection, limit: int = 10_000, offset: int = 0) -> list[HeldProduct]:
    """Every product held, newest first (``limit`` from ``offset``)."""
    return [_held(r) for r in db.query(f"SELECT {_HELD} FROM held_products ORDER BY received_at DESC, bundle_uuid "
                                       "LIMIT ? OFFSET ?", (limit, offset))]


def held_bundle(db: VaultConnection, bundle_uuid: str) -> HeldProduct | None:
    rows = db.query(f"SELECT {_HELD} FROM held_products WHERE bundle_uuid = ?", (bundle_uuid,))
    return _held(rows[0]) if rows else None


def held_digest(db: VaultConnection, digest: str) -> list[HeldProduct]:
    """Every copy of one product held here (the same product may have come in more than one bundle)."""
    return [_held(r) for r in db.query(f"SELECT {_HELD} FROM held_products WHERE digest = ? ORDER BY received_at",
                                       (digest,))]


def mark(db: VaultConnection, bundle_uuid: str, status: str, notice_uuid: str, why: str,
         superseded_by: str | None) -> None:
    db.execute("UPDATE held_products SET status = ?, notice_uuid = ?, notice_why = ?, superseded_by = ? "
               "WHERE bundle_uuid = ?", (status, notice_uuid, why, superseded_by, bundle_uuid))


@dataclass(frozen=True)
class ReceivedNotice:
    uuid: str  # the notice bundle's
    digest: str  # SHA-256 of its notice.json
    action: str
    why: str
    superseded_by: str
    products: tuple[str, ...]
    signer: str  # fingerprint
    received_by: str
    received_at: str
    seen_by: str
    seen_at: str

    def to_json(self) -> dict[str, Any]:
        return {"uuid": self.uuid, "digest": self.digest, "action": self.action, "why": self.why,
                "superseded_by": self.superseded_by or None, "products": list(self.products),
                "signer": self.signer, "received_by": self.received_by, "received_at": self.received_at,
                "seen_by": self.seen_by or None, "seen_at": self.seen_at or None}


_NOTICE = ("uuid, digest, action, why, coalesce(superseded_by, ''), products, signer, received_by, received_at, "
           "coalesce(seen_by, ''), coalesce(seen_at, '')")


def _notice(row: Any) -> ReceivedNotice:
    return ReceivedNotice(str(row[0]), str(row[1]), str(row[2]), str(row[3]), str(row[4]),
                          tuple(str(p) for p in json.loads(str(row[5]))), str(row[6]), str(row[7]), str(row[8]),
                          str(row[9]), str(row[10]))


def record_notice(db: VaultConnection, notice: ReceivedNotice) -> None:
    db.execute("INSERT INTO received_notices (uuid, digest, action, why, superseded_by, products, signer, "
               "received_by, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
               (notice.uuid, notice.digest, notice.action, notice.why, notice.superseded_by or None,
                json.dumps(list(notice.products)), notice.signer, notice.received_by, notice.received_at))


def received_notice(db: VaultConnection, uuid: str) -> ReceivedNotice | None:
    rows = db.query(f"SELECT {_NOTICE} FROM received_notices WHERE uuid = ?", (uuid,))
    return _notice(rows[0]) if rows else None


def received_notices(db: VaultConnection, unseen_only: bool = False, limit: int = 10_000,
                     offset: int = 0) -> list[ReceivedNotice]:
    """Notices received, newest first (recalls before corrections among the unseen: the banner shows the first)."""
    where = " WHERE seen_at IS NULL" if unseen_only else ""
    return [_notice(r) for r in db.query(
        f"SELECT {_NOTICE} FROM received_notices{where} ORDER BY seen_at IS NOT NULL, "
        "action = 'recall' DESC, received_at DESC, uuid LIMIT ? OFFSET ?", (limit, offset))]


def notices_naming(db: VaultConnection, digest: str) -> list[ReceivedNotice]:
    """Notices received here that name a product, oldest first (applied in that order, the latest wins)."""
    return [_notice(r) for r in db.query(
        f"SELECT {_NOTICE} FROM received_notices WHERE uuid IN (SELECT n.uuid FROM received_notices n, "
        "json_each(n.products) j WHERE j.value = ?) ORDER BY received_at, uuid", (digest,))]


def see(db: VaultConnection, uuid: str, by: str, at: str) -> bool:
    """Mark a notice seen; False when it already was (the first acknowledgement stands)."""
    cursor = db.execute("UPDATE received_notices SET seen_by = ?, seen_at = ? WHERE uuid = ? AND seen_at IS NULL",
                        (by, at, uuid))
    return bool(cursor.rowcount > 0)


@dataclass(frozen=True)
class ReceiptSent:
    for_uuid: str
    receipt_uuid: str
    sent_by: str
    sent_at: str

    def to_json(self) -> dict[str, Any]:
        return {"for": self.for_uuid, "receipt": self.receipt_uuid, "sent_by": self.sent_by, "sent_at": self.sent_at}


def receipt_for(db: VaultConnection, for_uuid: str) -> ReceiptSent | None:
    rows = db.query("SELECT for_uuid, receipt_uuid, sent_by, sent_at FROM receipts_sent WHERE for_uuid = ?",
                    (for_uuid,))
    return ReceiptSent(*(str(v) for v in rows[0])) if rows else None


def record_receipt(db: VaultConnection, for_uuid: str, receipt_uuid: str, by: str, at: str) -> None:
    """The latest receipt sent for a bundle (one sent again with --again replaces the row; the audit log keeps
    every one)."""
    db.execute("INSERT INTO receipts_sent (for_uuid, receipt_uuid, sent_by, sent_at) VALUES (?, ?, ?, ?) "
               "ON CONFLICT (for_uuid) DO UPDATE SET receipt_uuid = excluded.receipt_uuid, "
               "sent_by = excluded.sent_by, sent_at = excluded.sent_at", (for_uuid, receipt_uuid, by, at))


def received_kind(db: VaultConnection, bundle_uuid: str) -> str | None:
    """The kind of any bundle received here (services/receipts.py names it when refusing a receipt for it)."""
    rows = db.query("SELECT kind FROM received_bundles WHERE uuid = ?", (bundle_uuid,))
    return str(rows[0][0]) if rows else None
