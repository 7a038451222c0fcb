"""The demo vault's own reports, fused: what the issue saw wrong there is right (issue 12).

"Aozora Photonics" and 青空フォトニクス社 are one company, 情報本部 and "Defense Intelligence Headquarters" one
body, and "Kestrel Bay", a company's short name, is not a place.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from nia_desktop.services.fusion import run_fusion
from nia_desktop.services.session import unlock
from nia_desktop.services.vault_setup import DEMO_USERS, create_demo_vault


@pytest.fixture(scope="module")
def demo_entities(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str, set[str], int]]:
    root = create_demo_vault(Path(tmp_path_factory.mktemp("demo")) / "vault")
    analyst = DEMO_USERS[2]
    with unlock(root, analyst.name, analyst.passphrase) as session:
        result = run_fusion(session)
    return [(e.kind.value, e.name, set(e.aliases), len(e.reports)) for e in result.entities]


def _holding(entities: list[tuple[str, str, set[str], int]], alias: str) -> list[tuple[str, str, set[str], int]]:
    return [e for e in entities if alias in e[2]]


def test_a_company_in_two_scripts_is_one(demo_entities: list[tuple[str, str, set[str], int]]) -> None:
    holders = _holding(demo_entities, "青空フォトニクス社")
    assert len(holders) == 1 and any(a.startswith("Aozora Photonics") for a in holders[0][2])
    assert holders[0][0] == "organization"


def test_a_body_by_its_japanese_and_english_names_is_one(demo_entities: list[tuple[str, str, set[str], int]]) -> None:
    japanese = [e for e in demo_entities if any("情報本部" in a for a in e[2])]
    assert japanese, "情報本部 is not found at all"
    for kind, name, _, _ in japanese:
        assert (kind, name) == ("organization", "Defense Intelligence Headquarters")


def test_a_companys_short_name_is_not_a_place(demo_entities: list[tuple[str, str, set[str], int]]) -> None:
    holders = _holding(demo_entities, "Kestrel Bay")
    assert holders, "Kestrel Bay is not found at all"
    assert {e[0] for e in holders} == {"organization"}
    assert any("Kestrel Bay Trading Co." in e[2] for e in holders)
