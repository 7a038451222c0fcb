"""Analysts' merge, split and 'different' judgements: they beat the rules, survive re-fusion, are audited, undo."""

from __future__ import annotations

from pathlib import Path

import pytest

from nia_desktop.core.errors import BadInput, PermissionRefused
from nia_desktop.core.fusion.engine import Entity, FusionResult, ReportText, fuse
from nia_desktop.core.fusion.judgements import Judgement
from nia_desktop.services import fusion, importing, watchlist
from nia_desktop.services.session import unlock
from tests.conftest import ANALYST, ANALYST_PASS, COURIER, COURIER_PASS


@pytest.fixture
def media(tmp_path: Path) -> Path:
    root = tmp_path / "usb"
    root.mkdir()
    (root / "a.txt").write_text("Subject: A\n\nNAGASE Ren met Konstantin YEGOROV at the lab.\n")
    (root / "b.txt").write_text("Subject: B\n\nRen Nagase was paid by Konstantin YEGOROV.\n")
    (root / "c.txt").write_text("Subject: C\n\nRen Nagase repaired the port servers; Kevin Tang watched.\n")
    (root / "d.txt").write_text("Subject: D\n\nTANG Haoran recruited students.\n")
    return root


def by_alias(result: FusionResult, alias: str) -> Entity:
    return next(e for e in result.entities if alias in e.aliases)


def test_judgements_beat_rules_and_survive_refusion(vault_dir: Path, media: Path) -> None:
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        ids = {r["path"].rsplit("/", 1)[-1]: r["id"] for r in importing.import_paths(session, [media]).imported}
        first = fusion.run_fusion(session)
        nagase = by_alias(first, "NAGASE Ren")
        assert set(nagase.reports) == {ids["a.txt"], ids["b.txt"], ids["c.txt"]}
        assert by_alias(first, "Kevin Tang") is not by_alias(first, "TANG Haoran")

        # one name, two people: report c is about someone else
        fusion.split_entity(session, nagase.id, [ids["c.txt"]], why="contractor, not the student")
        merge = fusion.merge_entities(session, [by_alias(first, "Kevin Tang").id, by_alias(first, "TANG Haoran").id],
                                      why="alias in MOFA report")
        second = fusion.run_fusion(session)
        assert set(by_alias(second, "NAGASE Ren").reports) == {ids["a.txt"], ids["b.txt"]}
        assert [e.reports for e in second.entities if "Ren Nagase" in e.aliases and ids["c.txt"] in e.reports] == [
            [ids["c.txt"]]]
        assert by_alias(second, "Kevin Tang") is by_alias(second, "TANG Haoran")
        assert any("analyst anna: same" in m["why"] for m in by_alias(second, "Kevin Tang").merges)

        third = fusion.run_fusion(session)  # again: nothing drifts
        assert [sorted(e.reports) for e in third.entities] == [sorted(e.reports) for e in second.entities]

        fusion.undo_judgement(session, merge[0])
        fourth = fusion.run_fusion(session)
        assert by_alias(fourth, "Kevin Tang") is not by_alias(fourth, "TANG Haoran")
        log = fusion.judgement_log(session)
        assert [j["verdict"] for j in log] == ["split", "different", "same"] and log[2]["revoked_by"] == ANALYST
        actions = [a for (a,) in session.db.query("SELECT action FROM audit WHERE action LIKE 'entity.%'")]
        assert actions == ["entity.split", "entity.split", "entity.merge", "entity.undo"]
        with pytest.raises(BadInput, match="no entity 999"):
            fusion.merge_entities(session, [1, 999])


def test_different_keeps_apart_what_a_rule_would_join() -> None:
    reports = [ReportText(1, "A", "Konstantin YEGOROV met students."), ReportText(2, "B", "Konstantin Egorov paid.")]
    joined = fuse(reports)
    assert [sorted(e.aliases) for e in joined.entities if "Konstantin Egorov" in e.aliases] == [
        ["Konstantin Egorov", "Konstantin YEGOROV"]]  # the fuzzy rule joins the two spellings
    yegorov, egorov = ("name", "konstantin yegorov"), ("name", "egorov konstantin")
    apart = fuse(reports, [Judgement("different", yegorov, egorov, "anna", "2026-11-26", "two brothers")])
    assert [e.aliases for e in apart.entities if "Konstantin Egorov" in e.aliases] == [["Konstantin Egorov"]]


def test_couriers_may_not_fuse(vault_dir: Path) -> None:
    with unlock(vault_dir, COURIER, COURIER_PASS) as session:
        with pytest.raises(PermissionRefused):
            fusion.run_fusion(session)
        with pytest.raises(PermissionRefused):
            fusion.merge_entities(session, [1, 2])


def test_second_fusion_reuses_extractions_until_the_watchlist_changes(vault_dir: Path, media: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from nia_desktop.core.fusion import engine

    calls: list[int] = []
    real = engine.extract

    def counting(report, watch=None):  # type: ignore[no-untyped-def]
        calls.append(report.id)
        return real(report, watch)

    monkeypatch.setattr(engine, "extract", counting)
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        importing.import_paths(session, [media])
        first = fusion.run_fusion(session)
        assert len(calls) == 4
        second = fusion.run_fusion(session)
        assert len(calls) == 4  # nothing extracted again
        assert [(e.name, e.reports) for e in second.entities] == [(e.name, e.reports) for e in first.entities]
        watchlist.add_watch(session, "TANG Haoran", "person", ["Kevin Tang"])
        third = fusion.run_fusion(session)
        assert len(calls) == 8  # the watchlist changed what extraction finds: all again
        assert by_alias(third, "Kevin Tang") is by_alias(third, "TANG Haoran")


def test_a_confirmed_entity_stays_whole_where_context_would_split_it(vault_dir: Path, tmp_path: Path) -> None:
    first_batch, second_batch = tmp_path / "first", tmp_path / "second"
    first_batch.mkdir()
    second_batch.mkdir()
    texts = []
    for n in (1, 2, 3):
        student = (f"Subject: S{n}\n\nNAGASE Ren, a student at Minami Institute, met Konstantin YEGOROV ({n}). "
                   "YEGOROV called from +81-80-4127-3365.\n")
        engineer = (f"Subject: E{n}\n\nNAGASE Ren, an engineer at Genkai Systems, opened mail from "
                    f"s.ichinose@webmail.example ({n}); Sora ICHINOSE sent it.\n")
        (first_batch / f"s{n}.txt").write_text(student)
        (first_batch if n == 1 else second_batch).joinpath(f"e{n}.txt").write_text(engineer)
        texts += [student, engineer]
    split = [e for e in fuse([ReportText(i, "", t) for i, t in enumerate(texts, 1)]).entities
             if "NAGASE Ren" in e.aliases]
    assert len(split) == 2  # all six together, unconfirmed: two people by context
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        importing.import_paths(session, [first_batch])
        whole = by_alias(fusion.run_fusion(session), "NAGASE Ren")
        assert len(whole.reports) == 4  # one engineer report is too little context to split on
        made = fusion.confirm_entity(session, whole.id, "checked against the registry")
        importing.import_paths(session, [second_batch])
        again = [e for e in fusion.run_fusion(session).entities if "NAGASE Ren" in e.aliases]
        assert len(again) == 1 and len(again[0].reports) == 6  # confirmed: kept whole
        log = fusion.judgement_log(session)
        assert [j["verdict"] for j in log if j["id"] in made] == ["same"] * len(made)
        audited = session.db.query("SELECT count(*) FROM audit WHERE action = 'entity.confirm'")[0][0]
        assert audited == len(made) >= 1
