"""The offline map's places service (services/places.py): positions from the shipped gazetteer coordinates,
report counts over readable reports only, and need-to-know: a place named only in a report the reader may not
read never appears, not its marker, name or count."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from nia_desktop.core.classification import Level
from nia_desktop.core.roles import Role
from nia_desktop.core.vault.kdf import FLOOR
from nia_desktop.services import clearances, fusion, importing, places
from nia_desktop.services.session import unlock
from nia_desktop.services.users import add_user
from nia_desktop.services.vault_setup import init_vault

OFFICER, OFFICER_PASS = "olive", "olive-passphrase-1"
PASSPHRASE = "reader-passphrase-22"
REPORTS = {
    "u.txt": ("UNCLASSIFIED", "Viktor SOROKIN met officials in Osaka and later flew to Sapporo."),
    "c.txt": ("CONFIDENTIAL", "Viktor SOROKIN returned to Osaka on a ferry."),
    "s.txt": ("SECRET", "Viktor SOROKIN met his handler in Vladivostok, then in Osaka."),
}


def _build(base: Path) -> dict[str, int]:
    """A vault at base/vault that hana (TOP SECRET) and cora (CONFIDENTIAL) have each fused; the report ids."""
    root, media = base / "vault", base / "usb"
    init_vault(root, OFFICER, OFFICER_PASS, params=FLOOR, name="Places")
    with unlock(root, OFFICER, OFFICER_PASS) as officer:
        add_user(officer, "hana", Role.ANALYST, PASSPHRASE, clearance=Level.TOP_SECRET)
        add_user(officer, "cora", Role.ANALYST, PASSPHRASE, clearance=Level.CONFIDENTIAL)
    media.mkdir()
    for file, (marking, body) in REPORTS.items():
        (media / file).write_text(f"CLASSIFICATION: {marking}\nSubject: {file}\n\n{body}\n", encoding="utf-8")
    with unlock(root, "hana", PASSPHRASE) as hana:
        imported = importing.import_paths(hana, [media]).imported
        fusion.run_fusion(hana)
    with unlock(root, "cora", PASSPHRASE) as cora:
        fusion.run_fusion(cora)
    return {str(r["path"]).rsplit("/", 1)[-1]: int(r["id"]) for r in imported}


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    base = tmp_path_factory.mktemp("places")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NIA_CONFIG_DIR", str(base / "config"))
        _build(base)
        yield base / "vault"


def _by_name(found: list[places.Place]) -> dict[str, places.Place]:
    return {p.name: p for p in found}


def test_places_carry_positions_and_readable_report_counts(vault: Path) -> None:
    with unlock(vault, "hana", PASSPHRASE) as hana:
        found = _by_name(places.places(hana))
    assert {"Osaka", "Sapporo", "Vladivostok"} <= {name.split()[0] for name in found}
    osaka = next(p for name, p in found.items() if name.startswith("Osaka"))
    assert osaka.reports == 3
    assert 34 < osaka.lat < 35 and 135 < osaka.lon < 136
    assert osaka.entry_id.startswith("jp:")
    vladivostok = next(p for name, p in found.items() if name.startswith("Vladivostok"))
    assert 43 < vladivostok.lat < 44 and 131 < vladivostok.lon < 133


def test_a_place_only_in_hidden_reports_never_appears(vault: Path) -> None:
    with unlock(vault, "cora", PASSPHRASE) as cora:
        found = places.places(cora)
    names = " ".join(p.name for p in found)
    assert "Vladivostok" not in names
    assert not any(p.entry_id.startswith("city:") and 131 < p.lon < 133 for p in found)
    osaka = next(p for p in found if p.name.startswith("Osaka"))
    assert osaka.reports == 2  # the SECRET report that also names Osaka is not counted


def test_a_date_range_counts_only_reports_of_those_days(vault: Path) -> None:
    with unlock(vault, "hana", PASSPHRASE) as hana:
        assert places.places(hana, since="2999-01-01") == []
        assert places.places(hana, until="1999-12-31") == []
        assert places.places(hana, since="2000-01-01", until="2999-12-31") == places.places(hana)


def test_a_fusion_that_draws_on_a_report_marked_higher_shows_no_place(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NIA_CONFIG_DIR", str(tmp_path / "config"))
    ids = _build(tmp_path)
    root = tmp_path / "vault"
    with unlock(root, "hana", PASSPHRASE) as hana:
        clearances.mark_report(hana, ids["c.txt"], Level.SECRET, [], "re-graded by the originator")
    with unlock(root, "cora", PASSPHRASE) as cora:
        assert places.places(cora) == []  # her kept fusion drew on it: its names and counts are not shown
        fusion.run_fusion(cora)
        osaka = next(p for p in places.places(cora) if p.name.startswith("Osaka"))
        assert osaka.report_ids == (ids["u.txt"],)
