"""Stored fusion: analysts' judgements (the log), the watchlist, cached extractions, and the key of a scope.

A fusion is kept per case and per reader access (core/markings.Access.key, ``run_scope``): what one reader's
fusion found derives from the reports they may read, so it is never shown to a reader who may read fewer. Its
rows are in the fusion tables (core/store/fusion_state.py, schema v14); until v13 it was one JSON document per
scope (fusion_runs), which v14 converted and dropped.
"""

from __future__ import annotations

import json
from typing import Any

from nia_desktop.core.fusion.judgements import Judgement, node_from_text, node_text
from nia_desktop.core.fusion.model import Kind
from nia_desktop.core.fusion.watchlist import WatchEntry
from nia_desktop.core.vault.connection import VaultConnection


def add_judgement(db: VaultConnection, judgement: Judgement) -> int:
    cursor = db.execute(
        "INSERT INTO fusion_judgements (verdict, a, b, reports, reason, user, at) VALUES (?,?,?,?,?,?,?)",
        (judgement.verdict, node_text(judgement.a), node_text(judgement.b), json.dumps(list(judgement.reports)),
         judgement.why, judgement.by, judgement.at))
    return int(cursor.lastrowid or 0)


def judgements(db: VaultConnection, include_revoked: bool = False) -> list[tuple[Judgement, str | None]]:
    """Every judgement in the order made, with who revoked it (None while in force)."""
    rows = db.query("SELECT id, verdict, a, b, reports, reason, user, at, revoked_by FROM fusion_judgements "
                    + ("" if include_revoked else "WHERE revoked_at IS NULL ") + "ORDER BY id")
    return [(Judgement(str(r[1]), node_from_text(r[2]), node_from_text(r[3]), str(r[6]), str(r[7]), str(r[5]),
                       tuple(int(x) for x in json.loads(r[4])), int(r[0])), r[8]) for r in rows]


def revoke(db: VaultConnection, judgement_id: int, user: str, at: str) -> bool:
    cursor = db.execute("UPDATE fusion_judgements SET revoked_by = ?, revoked_at = ? WHERE id = ? AND "
                        "revoked_at IS NULL", (user, at, judgement_id))
    return bool(cursor.rowcount == 1)


SEPARATOR = "\x1e"  # never in a case name (no control characters) nor in an access key


def run_scope(case: str, reader: str) -> str:
    """The key of a stored run: the case ('' for every report) and the reader's access key."""
    return f"{case}{SEPARATOR}{reader}"


def _dumps_in_pieces(value: dict[str, Any]) -> bytes:
    """UTF-8 JSON of a large result, built a list item at a time.

    json.dumps of the whole result is one C call that holds the GIL: at
    10,000 reports it stopped the UI thread for a quarter of a second. So
    would one join or one encode of the whole text (15 MB), or binding it
    as text: items are joined and encoded in chunks of about 64 KB, and the
    bytes are joined once (a copy, a few milliseconds) and bound as a blob.
    """
    chunks: list[bytes] = []
    pending: list[str] = []
    size = 0

    def put(piece: str) -> None:
        nonlocal size
        pending.append(piece)
        size += len(piece)
        if size >= 65536:
            chunks.append("".join(pending).encode())
            pending.clear()
            size = 0

    put("{")
    for number, (key, item) in enumerate(value.items()):
        put(("," if number else "") + json.dumps(key) + ":")
        if isinstance(item, list):
            put("[")
            for index, element in enumerate(item):
                put(("," if index else "") + json.dumps(element, ensure_ascii=False))
            put("]")
        else:
            put(json.dumps(item, ensure_ascii=False))
    put("}")
    chunks.append("".join(pending).encode())
    return b"".join(chunks)


def add_watch(db: VaultConnection, kind: str, name: str, aliases: list[str], user: str, at: str) -> int:
    cursor = db.execute("INSERT INTO watchlist (kind, name, aliases, user, at) VALUES (?, ?, ?, ?, ?)",
                        (kind, name, json.dumps(aliases, ensure_ascii=False), user, at))
    return int(cursor.lastrowid or 0)


def watchlist(db: VaultConnection) -> list[WatchEntry]:
    return [WatchEntry(int(r[0]), Kind(str(r[1])), str(r[2]), tuple(json.loads(r[3]))) for r in db.query(
        "SELECT id, kind, name, aliases FROM watchlist WHERE removed_at IS NULL ORDER BY id")]


def remove_watch(db: VaultConnection, entry_id: int, user: str, at: str) -> bool:
    cursor = db.execute("UPDATE watchlist SET removed_by = ?, removed_at = ? WHERE id = ? AND removed_at IS NULL",
                        (user, at, entry_id))
    return bool(cursor.rowcount == 1)


def extractions_of(db: VaultConnection, version: str, report_ids: list[int]) -> dict[int, str]:
    """The cached extractions of these reports (those there are) for ``version``."""
    marks = ",".join("?" * len(report_ids))
    return {int(r): str(d) for r, d in db.query(
        f"SELECT report_id, data FROM report_extractions WHERE version = ? AND report_id IN ({marks})",
        (version, *report_ids))} if report_ids else {}


def save_extractions(db: VaultConnection, version: str, rows: list[tuple[int, str]]) -> None:
    db.executemany("INSERT OR REPLACE INTO report_extractions (report_id, version, data) VALUES (?, ?, ?)",
                   [(report_id, version, data) for report_id, data in rows])
