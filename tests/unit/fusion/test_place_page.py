"""`place_page` (services/places.py), the listing `nia places` prints: rows with country and prefecture, pages that
say when more follow, a region by country or prefecture code, bad input named, every page audited
(entity.places) with its entities, and nothing of a place named only in a report the reader may not read."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from nia_desktop.core.errors import BadInput
from nia_desktop.core.store import audit_log
from nia_desktop.services import places
from nia_desktop.services.session import unlock
from tests.unit.fusion.test_places import PASSPHRASE, _build


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    base = tmp_path_factory.mktemp("place_page")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NIA_CONFIG_DIR", str(base / "config"))
        _build(base)
        yield base / "vault"


def test_rows_pages_regions_and_audit(vault: Path) -> None:
    with unlock(vault, "hana", PASSPHRASE) as hana:
        whole = places.place_page(hana)
        assert not whole.more and len(whole.items) >= 3
        osaka = next(p for p in whole.items if p.name.startswith("Osaka"))
        row = osaka.to_json()
        assert (row["country"], row["prefecture"], row["prefecture_name"]) == ("JP", "JP-27", "Osaka")
        assert row["reports"] == 3 and row["entity_id"] == osaka.entity_id and row["gazetteer"] == osaka.entry_id
        vladivostok = next(p for p in whole.items if p.name.startswith("Vladivostok"))
        assert (vladivostok.country, vladivostok.prefecture) == ("RU", "")

        first = places.place_page(hana, limit=1)
        assert first.more and first.next_offset == 1 and first.items == whole.items[:1]
        assert places.place_page(hana, limit=1, offset=len(whole.items)).items == []

        japan = places.place_page(hana, region="jp").items
        assert japan and all(p.country == "JP" for p in japan) and vladivostok not in japan
        assert [p.name for p in places.place_page(hana, region="JP-27").items] == [osaka.name]
        assert [p.name for p in places.place_page(hana, region="RU").items] == [vladivostok.name]
        assert places.place_page(hana, region="FR").items == []

        for bad in ("JP-48", "Japan", "J1"):
            with pytest.raises(BadInput):
                places.place_page(hana, region=bad)
        with pytest.raises(BadInput, match="no case"):
            places.place_page(hana, case="No such case")
        with pytest.raises(BadInput):
            places.place_page(hana, limit=0)

        entries = [e for e in audit_log.latest(hana.db, 50) if e.action == "entity.places"]
        by_region = {e.details["region"]: e for e in entries}
        assert by_region["JP-27"].details["entities"] == [osaka.entity_id]
        assert by_region["JP-27"].details["places"] == 1 and by_region["JP-27"].actor == "hana"


def test_a_reader_cleared_lower_never_sees_a_hidden_place(vault: Path) -> None:
    with unlock(vault, "cora", PASSPHRASE) as cora:
        found = places.place_page(cora).items
        assert found and not any(p.name.startswith("Vladivostok") for p in found)
        assert places.place_page(cora, region="RU").items == []
        osaka = next(p for p in found if p.name.startswith("Osaka"))
        assert osaka.reports == 2


def test_a_region_typed_in_full_width_is_the_same_region() -> None:
    """A Japanese input method types ＪＰ and ＪＰ－１３; other scripts' letters are no country code."""
    from nia_desktop.core.errors import BadInput
    from nia_desktop.services.places import Place, in_region

    tokyo = Place(1, "Chiyoda", "jp:13101", 35.69, 139.75, (1, 2))
    paris = Place(2, "France", "country:FR", 46.0, 2.0, (3,))
    assert in_region([tokyo, paris], "ＪＰ") == [tokyo] == in_region([tokyo, paris], "ｊｐ－１３")
    assert in_region([tokyo, paris], " fr ") == [paris]
    for bad in ("ЈР", "日本", "JP-48"):  # Cyrillic look-alikes, a name, no such prefecture
        with pytest.raises(BadInput):
            in_region([tokyo, paris], bad)
