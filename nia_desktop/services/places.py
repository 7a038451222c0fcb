"""The offline map's places: the kept fusion's place entities the reader may see, where they are, how much
reporting names them.

Why a service of its own: the map, a filter on other views and the CLI ask the same question with the same
need-to-know rules as the Fusion view's tables (services/fusion_tables): only the reader's own fusion of the
scope, nothing at all of a scope that draws on a report they may no longer read, and only readable reports
counted, so a place named only in hidden reports never appears (not its marker, its name or its count).
A place entity has a position when fusion resolved it to a gazetteer entry (engine.gazetteer_node, stored in
fusion_entity_nodes as ["gaz", id]) that the shipped coordinates know (core/fusion/geo). Listing places reads
no report text, as the graph and the timeline do, so it is not audited; opening a report from the map is.
"""

from __future__ import annotations

from dataclasses import dataclass

from nia_desktop.core.fusion import geo
from nia_desktop.core.fusion.judgements import node_from_text
from nia_desktop.core.store import fusion_pages as pages
from nia_desktop.services.fusion_tables import _scope
from nia_desktop.services.session import Session

_GAZ_FROM = '["gaz", "'  # node_text(("gaz", id)): a JSON list, so every gazetteer node starts with this
_GAZ_TO = '["gaz", "\uffff'
_BATCH = 500


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
