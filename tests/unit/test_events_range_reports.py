"""services/events.range_reports: the reports of a case with an event in a range, as the case's own timeline
holds them (the Fusion view's events chip counts these, whatever region narrows the timeline): the reader's
readable reports only, read a page at a time up to the depth asked, each page audited as case_events audits it."""

from __future__ import annotations

from pathlib import Path

import pytest

from nia_desktop.core.errors import PermissionRefused
from nia_desktop.core.store import audit_log
from nia_desktop.services import events
from nia_desktop.services.session import unlock
from tests.unit.test_region_events import OFFICER, OFFICER_PASS, PASS, vault  # noqa: F401 (the module's vault)


def test_the_case_reports_with_an_event_in_the_range(vault: tuple[Path, dict[str, int]]) -> None:  # noqa: F811
    root, ids = vault
    with unlock(root, "sam", PASS) as sam:
        assert events.range_reports(sam, "Kobe", "2026-03-12", "2026-03-16") == sorted([ids["u.txt"], ids["c.txt"]])
        assert events.range_reports(sam, "Kobe", "2026-03-17", "2026-03-17") == [ids["s.txt"]]
        assert events.range_reports(sam, "Kobe", "2026-03-18", "2026-03-31") == []  # Nagoya's is outside the case
        assert events.range_reports(sam, "", "2026-03-18", "2026-03-18") == [ids["o.txt"]]  # every report's
        # Only as deep as asked (the timeline's pages read so far): the first report in id order alone.
        first = min(i for f, i in ids.items() if f != "o.txt")
        wanted = {ids["u.txt"], ids["c.txt"], ids["s.txt"]}
        assert set(events.range_reports(sam, "Kobe", "2026-01-01", "2026-12-31", reports=1)) == {first} & wanted
        assert set(events.range_reports(sam, "Kobe", "2026-01-01", "2026-12-31", reports=3)) == wanted
        read = [e for e in audit_log.latest(sam.db, 5) if e.action == "report.events"]
        assert read and sorted(read[0].details["reports"]) == sorted(wanted)
    with unlock(root, "cora", PASS) as cora:  # CONFIDENTIAL: the SECRET report's event counts for nothing
        assert events.range_reports(cora, "Kobe", "2026-03-12", "2026-03-17") == sorted([ids["u.txt"], ids["c.txt"]])
    with unlock(root, OFFICER, OFFICER_PASS) as officer, pytest.raises(PermissionRefused):
        events.range_reports(officer, "Kobe", "2026-03-01", "2026-03-31")
