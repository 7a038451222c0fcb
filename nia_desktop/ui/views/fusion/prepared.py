"""What a fusion run hands the UI thread: the workspace, and every table, mark and position precomputed."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from nia_desktop.services.fusion import Workspace
from nia_desktop.ui.models.prepared import Prepared as Table
from nia_desktop.ui.views.fusion.graph import Layout


@dataclass(frozen=True)
class Mark:
    """One agency's reports on one day: a single mark on the timeline, however many there are."""

    agency: str
    day: str
    reports: list[tuple[int, str]]  # (id, title)


@dataclass(frozen=True)
class Prepared:
    workspace: Workspace
    entities: Table[Any]
    matrix: Table[Any]
    layout: Layout
    marks: list[Mark]


def timeline_marks(workspace: Workspace) -> list[Mark]:
    """The reports in scope grouped by agency and day (ten thousand reports make at most a few thousand marks)."""
    in_scope = {r for e in workspace.entities for r in e.reports}
    grouped: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for report_id in sorted(in_scope):
        fact = workspace.reports.get(report_id)
        if fact is not None and len(fact.date) >= 10:
            grouped[(fact.agency, fact.date[:10])].append((report_id, fact.title))
    return [Mark(agency, day, reports) for (agency, day), reports in sorted(grouped.items())]
