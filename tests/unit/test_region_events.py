"""services/region_events: the events of the reports a map region sends, those the reader may read in their own
fusion of the case only; an id of a hidden report (or one outside the case) reads nothing and is not audited as
read; pages; officers (no fusion) refused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from nia_desktop.core.audit import AuditEntry
from nia_desktop.core.classification import Level
from nia_desktop.core.errors import BadInput, PermissionRefused
from nia_desktop.core.roles import Role
from nia_desktop.core.store import audit_log
from nia_desktop.core.vault.kdf import FLOOR
from nia_desktop.services import fusion, importing
from nia_desktop.services.region_events import region_events
from nia_desktop.services.session import unlock
from nia_desktop.services.users import add_user
from nia_desktop.services.vault_setup import init_vault

OFFICER, OFFICER_PASS = "olive", "olive-passphrase-1"
PASS = "reader-passphrase-22"
REPORTS = {  # file: (marking, date line, body)
    "u.txt": ("UNCLASSIFIED", "2026-03-20", "Viktor SOROKIN met officials in Osaka on 12 March 2026."),
    "c.txt": ("CONFIDENTIAL", "2026-03-21", "Viktor SOROKIN left Kobe on 2026-03-16."),
    "s.txt": ("SECRET", "2026-03-22", "Viktor SOROKIN paid Borislav SECRETCANARY on 2026-03-17 in Kobe."),
    "o.txt": ("UNCLASSIFIED", "2026-03-23", "Outside the case: a meeting in Nagoya on 2026-03-18."),
}


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, int]]]:
    base = tmp_path_factory.mktemp("region")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NIA_CONFIG_DIR", str(base / "config"))
        root = base / "vault"
        init_vault(root, OFFICER, OFFICER_PASS, params=FLOOR, name="Region")
        with unlock(root, OFFICER, OFFICER_PASS) as officer:
            add_user(officer, "sam", Role.ANALYST, PASS, clearance=Level.SECRET)
            add_user(officer, "cora", Role.ANALYST, PASS, clearance=Level.CONFIDENTIAL)
        media = base / "usb"
        media.mkdir()
        for file, (marking, day, body) in REPORTS.items():
            (media / file).write_text(f"CLASSIFICATION: {marking}\nSubject: {file}\nDate: {day}\n\n{body}\n",
                                      encoding="utf-8")
        with unlock(root, "sam", PASS) as sam:
            imported = importing.import_paths(sam, [media]).imported
            ids = {str(r["path"]).rsplit("/", 1)[-1]: int(r["id"]) for r in imported}
            fusion.create_case(sam, "Kobe")
            fusion.add_to_case(sam, "Kobe", sorted(i for f, i in ids.items() if f != "o.txt"))
            fusion.fuse_kept(sam, "Kobe")
        with unlock(root, "cora", PASS) as cora:
            fusion.fuse_kept(cora, "Kobe")
        yield root, ids


def _read(entries: list[AuditEntry]) -> list[int]:
    found = [e for e in entries if e.action == "report.events"]
    return sorted(found[-1].details["reports"]) if found else []


def test_only_the_readers_readable_reports_of_the_case(vault: tuple[Path, dict[str, int]]) -> None:
    root, ids = vault
    every = sorted(ids.values())
    with unlock(root, "cora", PASS) as cora:  # CONFIDENTIAL: the SECRET report is hidden from her
        page = region_events(cora, every, "Kobe")
        assert {e.report_id for e in page.events} == {ids["u.txt"], ids["c.txt"]} and page.reports == 2
        assert "SECRETCANARY" not in " ".join(e.sentence for e in page.events)
        assert _read(audit_log.latest(cora.db, 20)) == sorted([ids["u.txt"], ids["c.txt"]])
        only_hidden = region_events(cora, [ids["s.txt"], ids["o.txt"]], "Kobe")
        assert only_hidden.events == [] and only_hidden.reports == 0
    with unlock(root, "sam", PASS) as sam:  # cleared for it: the same ids read the SECRET one too
        page = region_events(sam, every, "Kobe")
        assert {e.report_id for e in page.events} == {ids["u.txt"], ids["c.txt"], ids["s.txt"]}
        assert [e.day for e in page.events if e.report_id == ids["s.txt"]] == ["2026-03-17"]
        first = region_events(sam, every, "Kobe", limit=2)  # a page at a time, in id order
        rest = region_events(sam, every, "Kobe", offset=first.next_offset, limit=2)
        assert first.more and not rest.more and first.reports + rest.reports == 3
        with pytest.raises(BadInput):
            region_events(sam, every, "Kobe", limit=0)
    with unlock(root, OFFICER, OFFICER_PASS) as officer, pytest.raises(PermissionRefused):
        region_events(officer, every, "Kobe")
