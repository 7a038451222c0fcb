"""Past import runs and their manifests, as each reader may see them (need-to-know: another analyst's run shows
only what this user may read of it)."""

from __future__ import annotations

from dataclasses import replace

from nia_desktop.core.roles import Action
from nia_desktop.core.store import clearances, imports
from nia_desktop.core.store.imports import ManifestItem
from nia_desktop.services.paging import Page, check_window
from nia_desktop.services.session import Session


def import_history(session: Session) -> list[imports.ImportRun]:
    """The latest 200 import runs (history_page's first page)."""
    return history_page(session, 200).items


def history_page(session: Session, limit: int = 200, offset: int = 0) -> Page[imports.ImportRun]:
    """Past import runs, newest first, a page at a time. Another analyst's run shows only what this user may read
    of it: the count of its reports they may read, and its sources only when every report it brought in is
    readable (need-to-know)."""
    session.require(Action.REPORT_IMPORT)
    check_window(limit, offset)
    page = Page.cut(imports.runs(session.db, limit + 1, offset), limit, offset)
    return replace(page, items=_as_read(session, page.items))


def _as_read(session: Session, runs: list[imports.ImportRun]) -> list[imports.ImportRun]:
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
    """One run's whole manifest as this user may see it (manifest_page without a limit)."""
    return _manifest(session, import_id, -1, 0)


def manifest_page(session: Session, import_id: int, limit: int = 1000, offset: int = 0) -> Page[ManifestItem]:
    """A page of one run's manifest, in file order."""
    check_window(limit, offset)
    return Page.cut(_manifest(session, import_id, limit + 1, offset), limit, offset)


def _manifest(session: Session, import_id: int, limit: int, offset: int) -> list[ManifestItem]:
    """All of it for the user who ran it; for anyone else, only the items that became reports they may read (the
    need-to-know clause in the query, so a page is counted among those only)."""
    session.require(Action.REPORT_IMPORT, f"import {import_id}")
    owner = session.db.query("SELECT user FROM imports WHERE id = ?", (import_id,))
    if owner and str(owner[0][0]) == session.name:
        return imports.items(session.db, import_id, limit, offset)
    return imports.items(session.db, import_id, limit, offset, session.readable())
