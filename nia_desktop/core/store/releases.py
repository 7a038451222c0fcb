"""Release requests: briefings waiting for, or past, the second person of the two-person rule."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from nia_desktop.core.classification import Level
from nia_desktop.core.vault.connection import VaultConnection


@dataclass(frozen=True)
class ReleaseRequest:
    id: int
    case: str
    author: str
    requested_at: str
    classification: Level
    status: str  # pending, approved, rejected, exported
    reviewer: str
    decided_at: str
    reason: str
    content_sha256: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "case": self.case, "author": self.author, "requested_at": self.requested_at,
                "classification": self.classification.english, "status": self.status, "reviewer": self.reviewer,
                "decided_at": self.decided_at, "reason": self.reason}


_COLUMNS = ("id, case_name, author, requested_at, classification, status, coalesce(reviewer, ''), "
            "coalesce(decided_at, ''), coalesce(reason, ''), content_sha256")


def _row(row: Any) -> ReleaseRequest:
    return ReleaseRequest(int(row[0]), str(row[1]), str(row[2]), str(row[3]), Level(int(row[4])), str(row[5]),
                          str(row[6]), str(row[7]), str(row[8]), str(row[9]))


def latest(db: VaultConnection, case: str, author: str, content_sha256: str) -> ReleaseRequest | None:
    rows = db.query(f"SELECT {_COLUMNS} FROM release_requests WHERE case_name = ? AND author = ? AND "
                    "content_sha256 = ? ORDER BY id DESC LIMIT 1", (case, author, content_sha256))
    return _row(rows[0]) if rows else None


def insert(db: VaultConnection, case: str, author: str, at: str, briefing: str, content_sha256: str,
           classification: int) -> int:
    cursor = db.execute("INSERT INTO release_requests (case_name, author, requested_at, briefing, content_sha256, "
                        "classification) VALUES (?, ?, ?, ?, ?, ?)",
                        (case, author, at, briefing, content_sha256, classification))
    return int(cursor.lastrowid or 0)


def find(db: VaultConnection, request_id: int) -> tuple[ReleaseRequest, str] | None:
    """The request and the briefing JSON under review."""
    rows = db.query(f"SELECT {_COLUMNS}, briefing FROM release_requests WHERE id = ?", (request_id,))
    return (_row(rows[0]), str(rows[0][10])) if rows else None


def approval(db: VaultConnection, request_id: int) -> tuple[bytes, bytes]:
    """The signed approval and its signature."""
    row = db.query("SELECT approval, approval_sig FROM release_requests WHERE id = ?", (request_id,))[0]
    return str(row[0]).encode("utf-8"), bytes(row[1])


def listing(db: VaultConnection, status: str | None, limit: int = -1, offset: int = 0) -> list[ReleaseRequest]:
    """Release requests in id order, of one status or all (``limit`` -1: every one)."""
    if status:
        return [_row(r) for r in db.query(f"SELECT {_COLUMNS} FROM release_requests WHERE status = ? ORDER BY id "
                                          "LIMIT ? OFFSET ?", (status, limit, offset))]
    return [_row(r) for r in db.query(f"SELECT {_COLUMNS} FROM release_requests ORDER BY id LIMIT ? OFFSET ?",
                                      (limit, offset))]


def decide(db: VaultConnection, request_id: int, status: str, reviewer: str, at: str, reason: str = "",
           approval_json: str | None = None, signature: bytes | None = None) -> None:
    db.execute("UPDATE release_requests SET status = ?, reviewer = ?, decided_at = ?, reason = ?, approval = ?, "
               "approval_sig = ? WHERE id = ?", (status, reviewer, at, reason, approval_json, signature, request_id))


def mark_exported(db: VaultConnection, request_id: int) -> None:
    db.execute("UPDATE release_requests SET status = 'exported' WHERE id = ?", (request_id,))
