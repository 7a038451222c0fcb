"""Past import runs and their manifests, as each reader may see them (need-to-know: another analyst's run shows
only what this user may read of it)."""

from __future__ import annotations

from dataclasses import replace

from nia_desktop.core.roles import Action
from nia_desktop.core.store import clearances, imports
from nia_desktop.core.store.imports import ManifestItem
from nia_desktop.services.session import Session


def import_history(session: Session) -> list[imports.ImportRun]:
    """Past import runs. Another analyst's run shows only what this user may read of it: the count of its reports
    they may read, and its sources only when every report it brought in is readable (need-to-know)."""
    session.require(Action.REPORT_IMPORT)
    runs = imports.runs(session.db)
    others = [r.id for r in runs if r.user != session.name]
    if not others:
        return runs
    reader = session.access()
    brought: dict[int, list[int]] = {}
    for import_id, report_id in session.db.query(
            f"SELECT import_id, report_id FROM import_items WHERE report_id IS NOT NULL AND status = 'imported' "  # noqa: S608
            f"AND import_id IN ({','.join('?' * len(others))})", others):
        brought.setdefault(int(import_id), []).append(int(report_id))
    readable = clearances.readable_ids(session.db, reader, [r for ids in brought.values() for r in ids])
    shown = []
    for run in runs:
        if run.user != session.name:
            ids = brought.get(run.id, [])
            seen = sum(1 for r in ids if r in readable)
            run = replace(run, counts={"imported": seen},
                          sources=run.sources if seen == len(ids) else [f"({len(run.sources)} sources)"])
        shown.append(run)
    return shown


def import_manifest(session: Session, import_id: int) -> list[ManifestItem]:
    """One run's manifest: all of it for the user who ran it; for anyone else, only the items that became reports
    they may read."""
    session.require(Action.REPORT_IMPORT, f"import {import_id}")
    items = imports.items(session.db, import_id)
    owner = session.db.query("SELECT user FROM imports WHERE id = ?", (import_id,))
    if owner and str(owner[0][0]) == session.name:
        return items
    readable = clearances.readable_ids(session.db, session.access(), [i.report_id for i in items if i.report_id])
    return [i for i in items if i.report_id is not None and i.report_id in readable]
