"""The event timeline's events for a chosen set of reports: the map's region, as the Fusion view's cross-filter
sends it (the reports naming the places selected).

Why a service of its own: the ids come from the UI, and nothing of them is trusted. Only those the reader may
read now in their own fusion's scope of the case are read (services/fusion_tables.readable_reports), a page of
``limit`` at a time as services/events reads a case's reports; the page is extracted and audited by the same
code (``report.events``, naming the reports read), so a region's events are exactly the case's events of those
reports.
"""

from __future__ import annotations

from collections.abc import Collection

from nia_desktop.core.roles import Action
from nia_desktop.services import events, fusion_tables
from nia_desktop.services.session import Session


def region_events(session: Session, reports: Collection[int], case: str = "", offset: int = 0,
                  limit: int = events.PAGE) -> events.EventPage:
    """The events of those of ``reports`` the reader may read in their kept fusion of ``case``, ``limit`` reports
    from ``offset`` in id order; empty before a fusion or while it draws on a report hidden from them."""
    session.require(Action.REPORT_READ, f"events of {case or 'all reports'}")
    events._check_window(offset, limit)
    ids = fusion_tables.readable_reports(session, reports, case)
    page = ids[offset:offset + limit]
    session.require_readable(page)  # the readable clause said so; a grant run out since refuses here
    scope = fusion_tables.readable_scope(session, case)
    what = f"{len(ids)} reports of a map region" + (f" of case {case}" if case else "")
    return events._page(session, page, scope, offset, len(ids) > offset + limit, None, what)
