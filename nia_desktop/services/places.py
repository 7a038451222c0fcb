"""The offline map's places: the kept fusion's place entities the reader may see, where they are, how much
reporting names them.

Why a service of its own: the map, a filter on other views and the CLI ask the same question with the same
need-to-know rules as the Fusion view's tables (services/fusion_tables): only the reader's own fusion of the
scope, nothing at all of a scope that draws on a report they may no longer read, and only readable reports
counted, so a place named only in hidden reports never appears (not its marker, its name or its count).
A place entity has a position when fusion resolved it to a gazetteer entry (engine.gazetteer_node, stored in
fusion_entity_nodes as ["gaz", id]) that the shipped coordinates know (core/fusion/geo). Its country and
Japanese prefecture come from that gazetteer id (geo.country_code, geo.prefecture_code).

The map's own reading (``places``) reads no report text, as the graph and the timeline do, so it is not audited;
opening a report from the map is. A listing handed out (``place_page``: `nia places`) is audited as the other
entity listings are (entity.places, with the entities listed), since it leaves the application.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from nia_desktop.core.errors import BadInput
from nia_desktop.core.fusion import geo
from nia_desktop.core.fusion.judgements import node_from_text
from nia_desktop.core.roles import Action
from nia_desktop.core.store import cases
from nia_desktop.core.store import fusion_pages as pages
from nia_desktop.services.fusion_tables import _scope
from nia_desktop.services.paging import Page, check_window
from nia_desktop.services.session import Session

_GAZ_FROM = '["gaz", "'  # node_text(("gaz", id)): a JSON list, so every gazetteer node starts with this
_GAZ_TO = '["gaz", "\uffff'
_BATCH = 500
AUDIT_IDS = 200  # entity ids an audit entry names at most (as services/entity_network)


@dataclass(frozen=True)
class Place:
    """A place entity with its position and the readable reports (of the date range) that name it."""

    entity_id: int
    name: str
    entry_id: str
    lat: float
    lon: float
    report_ids: tuple[int, ...]

    @property
    def reports(self) -> int:
        return len(self.report_ids)

    @property
    def country(self) -> str:
        """ISO 3166-1 alpha-2 code of the country the gazetteer puts it in ('' when it does not say)."""
        return geo.country_code(self.entry_id)

    @property
    def prefecture(self) -> str:
        """ISO 3166-2 code of its Japanese prefecture (JP-13), '' outside Japan or for Japan itself."""
        return geo.prefecture_code(self.entry_id)

    def to_json(self) -> dict[str, Any]:
        found = geo.prefecture(self.prefecture) if self.prefecture else None
        return {"entity_id": self.entity_id, "name": self.name, "gazetteer": self.entry_id,
                "country": self.country, "prefecture": self.prefecture,
                "prefecture_name": found.name_en if found else "", "lat": self.lat, "lon": self.lon,
                "reports": self.reports}


def in_region(found: list[Place], region: str) -> list[Place]:
    """The places in ``region``: a country's ISO 3166-1 alpha-2 code (FR, JP) or a prefecture's ISO 3166-2 code
    (JP-13), case-insensitive, typed in half or full width (a Japanese input method gives ＪＰ－１３); a place in
    Japan counts in Japan and in its prefecture."""
    code = unicodedata.normalize("NFKC", region).strip().upper()
    if code.startswith("JP-"):
        if geo.prefecture(code) is None:
            raise BadInput(f"{region!r} is not a Japanese prefecture's code (JP-01 to JP-47)")
        return [p for p in found if p.prefecture == code]
    if len(code) != 2 or not (code.isascii() and code.isalpha()):
        raise BadInput(f"{region!r} is not a country's two-letter code (JP, FR) or a prefecture's (JP-13)")
    return [p for p in found if p.country == code]


def place_page(session: Session, case: str = "", limit: int = 100, offset: int = 0,
               region: str = "") -> Page[Place]:
    """One page of ``places`` (most reported first) for a listing handed out, optionally only ``region``'s
    (in_region), audited (entity.places) with the entities listed. An unknown case is bad input, not an empty
    listing."""
    check_window(limit, offset)
    session.require(Action.FUSE, case or "all reports")  # first: a role refused learns no case's name, audited
    if case and cases.find(session.db, case) is None:
        raise BadInput(f"there is no case named {case!r}")
    found = places(session, case)
    if region:
        found = in_region(found, region)
    page = Page.cut(found[offset:offset + limit + 1], limit, offset)
    session.audit("entity.places", (f"case {case}" if case else "all reports") + (f" in {region}" if region else ""),
                  details={"case": case, "region": region.upper(), "places": len(found), "offset": offset,
                           "limit": limit, "entities": [p.entity_id for p in page.items][:AUDIT_IDS]})
    return page


def places(session: Session, case: str = "", since: str = "", until: str = "") -> list[Place]:
    """The places of the reader's kept fusion of ``case`` ('' for every report), most reported first, counting
    readable reports dated from ``since`` to ``until`` (ISO days, inclusive; '' leaves that end open). Empty
    before a fusion or when the fusion draws on a report hidden from the reader."""
    found = _scope(session, case)
    if found is None:
        return []
    db = session.db
    located: dict[int, tuple[str, str, float, float]] = {}
    for entity_id, node, name in db.query(
            "SELECT n.entity_id, n.node, e.name FROM fusion_entity_nodes n JOIN fusion_entities e "
            "ON e.scope_id = n.scope_id AND e.id = n.entity_id "
            "WHERE n.scope_id = ? AND n.node >= ? AND n.node < ? ORDER BY n.entity_id, n.node",
            (found.id, _GAZ_FROM, _GAZ_TO)):
        if int(entity_id) in located:
            continue
        entry_id = node_from_text(str(node))[1]
        where = geo.position(entry_id)
        if where is not None:
            located[int(entity_id)] = (entry_id, str(name), where[0], where[1])
    clause, params = ("1", []) if found.readable is None else (found.readable[0], list(found.readable[1]))
    dates = ""
    if since:
        dates += f" AND {pages.DAY} >= ?"
        params.append(since)
    if until:
        dates += f" AND substr({pages.DAY}, 1, 10) <= ?"
        params.append(until)
    reports: dict[int, list[int]] = {}
    ids = sorted(located)
    for at in range(0, len(ids), _BATCH):
        batch = ids[at:at + _BATCH]
        marks = ",".join("?" * len(batch))
        for entity_id, report_id in db.query(
                "SELECT fr.entity_id, fr.report_id FROM fusion_entity_reports fr JOIN reports r ON r.id = fr.report_id "  # noqa: S608
                f"WHERE fr.scope_id = ? AND fr.entity_id IN ({marks}) AND ({clause}){dates} "
                "ORDER BY fr.entity_id, fr.report_id", (found.id, *batch, *params)):
            reports.setdefault(int(entity_id), []).append(int(report_id))
    found_places = [Place(entity_id, name, entry_id, lat, lon, tuple(reports[entity_id]))
                    for entity_id, (entry_id, name, lat, lon) in located.items() if reports.get(entity_id)]
    found_places.sort(key=lambda p: (-p.reports, p.name, p.entity_id))
    return found_places
