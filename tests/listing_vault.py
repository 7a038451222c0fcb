"""Reports put straight into a vault's store (no files imported), for listing and paging tests."""

from __future__ import annotations

import hashlib
from pathlib import Path

from nia_desktop.core.classification import Level
from nia_desktop.core.store import reports as store
from nia_desktop.services.session import unlock


def insert_reports(vault: Path, user: str, passphrase: str, levels: list[Level], word: str = "harbour") -> list[int]:
    """One report per level, in order, each holding ``word``; their ids."""
    ids = []
    with unlock(vault, user, passphrase) as session, session.db.transaction():
        for i, level in enumerate(levels):
            text = f"Contact report {i}: a meeting at the {word} on day {i}."
            ids.append(store.insert(session.db, store.NewReport(
                sha256=hashlib.sha256(text.encode()).hexdigest(), title=f"contact report {i}", body=text,
                agency="CIRO", classification=level,
                classification_stated=True, reliability="B", credibility="2", language="en",
                report_date=f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}", detected_type="text", encoding="utf-8",
                original_name=f"{i}.txt", path=f"/m/{i}.txt", inner_path="", size=len(text), volume_label="m",
                volume_path="/m", imported_by=user, imported_at="2026-03-01T00:00:00Z", import_id=0,
                parent_id=None, fields={}, structured=None), text.encode()))
    return ids
