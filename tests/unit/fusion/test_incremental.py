"""Adding one report to a fused vault gives what a full fusion gives, for the cases it covers."""

from __future__ import annotations

from nia_desktop.core.fusion.engine import ReportText, content_only, fuse
from nia_desktop.core.fusion.incremental import FusionIndex

BODY = ("The network spreads fabricated quotes attributed to the governor about the earthquake response, "
        "through fake outlets and paid influencers, and stages them on a Telegram channel first. ")
REPORTS = [
    ReportText(1, "A", "NAGASE Ren met Konstantin YEGOROV. Call 090-7342-1186. " + BODY),
    ReportText(2, "B", "Ren Nagase was paid by Konstantin YEGOROV in Roppongi."),
    ReportText(3, "C", "TAKAGI Mio chairs the council."),
]
NEW = ReportText(4, "D", "Konstantin Egorov called 090-7342-1186 again; Sota HIRANO listened. " + BODY)


def test_one_report_added_matches_a_full_fusion() -> None:
    before = fuse(REPORTS)
    index = FusionIndex(before, {r.id: content_only(r) for r in REPORTS})
    update = index.add(NEW)
    full = fuse([*REPORTS, NEW])

    def members(result, alias):  # type: ignore[no-untyped-def]
        return next(set(e.reports) for e in result.entities if alias in e.aliases)

    yegorov = next(e.id for e in before.entities if "Konstantin YEGOROV" in e.aliases)
    phone = next(e.id for e in before.entities if e.name == "+819073421186")
    assert {yegorov, phone} <= set(update.entities)  # "Egorov" met through the spelling rule, the phone by key
    assert index.entity_reports[yegorov] == members(full, "Konstantin YEGOROV") == {1, 2, 4}
    assert len(update.new_entities) == 1  # HIRANO Sota, new to the vault
    assert update.links == [(1, 4), (2, 4)]
    assert sorted((link["a"], link["b"]) for link in full.links if 4 in (link["a"], link["b"])) == update.links
    assert update.duplicate_of == [1] and [1, 4] in full.duplicates


def test_imports_fuse_into_the_sessions_last_fusion(vault_dir, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from nia_desktop.services import fusion, importing
    from nia_desktop.services.session import unlock
    from tests.conftest import ANALYST, ANALYST_PASS

    (tmp_path / "a.txt").write_text("Subject: A\n\nKonstantin YEGOROV met NAGASE Ren. " + BODY)
    (tmp_path / "b.txt").write_text("Subject: B\n\nKonstantin Egorov called again. " + BODY + "One more line.")
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        first = importing.import_paths(session, [tmp_path / "a.txt"])
        assert first.fused is None  # no fusion yet this session
        fusion.run_fusion(session)
        second = importing.import_paths(session, [tmp_path / "b.txt"])
        assert second.fused == {"reports": 1, "new_entities": 0, "linked_reports": 1,
                                "resends": [{"report": second.imported[0]["id"], "of": [first.imported[0]["id"]]}]}
        assert second.to_json()["fused"] == second.fused
