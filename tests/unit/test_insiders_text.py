"""`nia audit insiders` as text: every kind of finding and every usual it can be judged against has words (a search
reach item once crashed the plain output with a KeyError)."""

from __future__ import annotations

from datetime import date

import pytest

from nia_desktop.cli.audit_cmds import _finding_text
from nia_desktop.core.insiders import Basis, Finding, Kind, Severity


@pytest.mark.parametrize("kind", list(Kind))
@pytest.mark.parametrize("basis", list(Basis))
def test_every_finding_reads_as_text(kind: Kind, basis: Basis) -> None:
    finding = Finding("kenji", "analyst", date(2026, 12, 4), kind, 70, 2.8, 22.8, 3.1, Severity.HIGH, 3,
                      (241, 242), 70, reports=(1, 2), basis=basis)
    first, *rest = _finding_text(finding)
    assert "kenji" in first and "70 vs usual 2.8" in first
    assert rest[-1].strip().startswith("audit entries: 241, 242")
    judged = [line for line in rest if "judged" in line or "twenty times" in line]
    assert bool(judged) is (basis is not Basis.RECENT)
