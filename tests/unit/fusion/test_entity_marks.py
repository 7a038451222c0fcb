"""Analysts' "this is an entity" / "this is not one": the engine on hand-made texts, and the judgements kept in the
vault through full fusion, fusion in parts, incremental import and undo."""

from __future__ import annotations

from pathlib import Path

import pytest

from nia_desktop.core.errors import BadInput, PermissionRefused
from nia_desktop.core.fusion import segments
from nia_desktop.core.fusion.engine import FusionResult, ReportText, content_only, fuse
from nia_desktop.core.fusion.incremental import FusionIndex
from nia_desktop.core.fusion.marks import Marks, check_text, entity_judgement, not_entity_judgement
from nia_desktop.core.fusion.model import Kind
from nia_desktop.core.store import fusion_state as state
from nia_desktop.services import entity_marks, fusion, importing, report_mentions
from nia_desktop.services.session import unlock
from tests.conftest import ANALYST, ANALYST_PASS, COURIER, COURIER_PASS, OFFICER, OFFICER_PASS

EN = [
    ReportText(1, "A", "Subject: A\n\nThe crates went through Bluefin Yard on Monday; Ren Nagase signed."),
    ReportText(2, "B", "Subject: B\n\nBluefin Yard again. Ren Nagase paid the Bluefinch crew."),
    ReportText(3, "C", "Subject: C\n\nNothing about the yard here; Ren Nagase slept."),
]
JA = [
    ReportText(4, "D", "件名: D\n\n青海埠頭で永瀬蓮が会った。青海埠頭は閉鎖された。"),
    ReportText(5, "E", "件名: E\n\n永瀬蓮は翌日も青海埠頭にいた。"),
]


def _entity(result: FusionResult, surface: str):  # type: ignore[no-untyped-def]
    found = [e for e in result.entities if surface in e.aliases]
    assert len(found) <= 1, found
    return found[0] if found else None


def _surfaces(result: FusionResult, report: int) -> list[str]:
    return sorted(m.surface for m, _ in result.mentions.get(report, []))


def test_a_mark_makes_every_occurrence_one_entity_in_every_report_en_and_ja() -> None:
    plain = fuse(EN + JA)
    assert _entity(plain, "青海埠頭") is None  # the rules see 青海 alone, or nothing
    marked = [entity_judgement("Bluefin Yard", Kind.LOCATION, ANALYST, "t", "a container yard", (1,)),
              entity_judgement("青海埠頭", Kind.LOCATION, ANALYST, "t", "", (4,))]
    result = fuse(EN + JA, marked)
    yard = _entity(result, "Bluefin Yard")
    assert yard is not None and yard.kind is Kind.LOCATION and yard.reports == [1, 2]
    assert yard.mentions == 2 and "Bluefinch" not in yard.aliases  # word-bounded: not inside "Bluefinch"
    assert yard.nodes == [("mark", "location", "Bluefin Yard")]
    pier = _entity(result, "青海埠頭")
    assert pier is not None and pier.kind is Kind.LOCATION and pier.reports == [4, 5] and pier.mentions == 3
    assert "青海" not in _surfaces(result, 4)  # the mark takes the place of the mention it overlaps
    assert any(link["a"] == 4 and link["b"] == 5 and pier.id in link["entities"] for link in result.links)
    for report in EN + JA:  # offsets read the surface
        full = f"{report.title}\n{report.text}"
        assert all(full[m.start:m.end] == m.surface for m, _ in result.mentions.get(report.id, []))


def test_a_mark_beats_the_rules_kind_and_meets_the_names_other_spellings() -> None:
    texts = [ReportText(1, "A", "Subject: A\n\nKestrel Bay Trading Co. shipped the parts."),
             ReportText(2, "B", "Subject: B\n\nThe parts left Kestrel Bay Trading Co. yesterday."),
             ReportText(3, "C", "Subject: C\n\nKESTREL BAY TRADING CO. paid for them.")]
    before = _entity(fuse(texts), "Kestrel Bay Trading Co.")
    assert before is not None and before.kind is Kind.ORGANIZATION and before.reports == [1, 2, 3]
    after = fuse(texts, [entity_judgement("Kestrel Bay Trading Co.", Kind.OPERATION, ANALYST, "t", "", ())])
    entity = _entity(after, "Kestrel Bay Trading Co.")
    assert entity is not None and entity.kind is Kind.OPERATION
    assert entity.reports == [1, 2, 3]  # the other spelling, which the mark does not match, still joins it
    assert ("mark", "operation", "Kestrel Bay Trading Co.") in entity.nodes and len(after.entities) == len(
        fuse(texts).entities)


def test_not_an_entity_drops_the_mentions_of_that_kind_or_every_kind() -> None:
    plain = fuse(EN + JA)
    assert _entity(plain, "Ren Nagase") is not None and _entity(plain, "永瀬蓮") is not None
    of_kind = fuse(EN + JA, [not_entity_judgement("Ren Nagase", Kind.LOCATION, ANALYST, "t", "", ())])
    assert _entity(of_kind, "Ren Nagase") is not None  # a person, not a place: kept
    dropped = fuse(EN + JA, [not_entity_judgement("Ren Nagase", None, ANALYST, "t", "", ())])
    assert _entity(dropped, "Ren Nagase") is None and all("Ren Nagase" not in _surfaces(dropped, r) for r in (1, 2, 3))
    nagase = _entity(dropped, "永瀬蓮")
    assert nagase is not None and nagase.reports == [4, 5]  # exact surface only: the Japanese name stays
    person = fuse(EN + JA, [not_entity_judgement("Ren Nagase", Kind.PERSON, ANALYST, "t", "", ())])
    assert _entity(person, "Ren Nagase") is None


def test_the_later_judgement_on_a_surface_wins() -> None:
    mark = entity_judgement("Bluefin Yard", Kind.LOCATION, ANALYST, "t", "", (), )
    unmark = not_entity_judgement("Bluefin Yard", None, ANALYST, "t", "", ())
    mark1, unmark2 = (Marks([_numbered(mark, 1), _numbered(unmark, 2)]), Marks([_numbered(unmark, 1),
                                                                                _numbered(mark, 2)]))
    assert not mark1.marks and mark1.drops == {"Bluefin Yard": {None}}
    assert set(unmark2.marks) == {"Bluefin Yard"} and not unmark2.drops


def _numbered(judgement, number: int):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    return replace(judgement, id=number)


def test_incremental_index_applies_marks_to_a_new_report_as_a_full_fusion_does() -> None:
    judged = [entity_judgement("Bluefin Yard", Kind.LOCATION, ANALYST, "t", "", ()),
              not_entity_judgement("Ren Nagase", None, ANALYST, "t", "", ())]
    before = fuse(EN[:2], judged)
    index = FusionIndex(before, {r.id: content_only(r) for r in EN[:2]}, judgements=judged)
    new = ReportText(9, "F", "Subject: F\n\nRen Nagase drove to Bluefin Yard at night.")
    update = index.add(new)
    yard = _entity(before, "Bluefin Yard")
    assert yard is not None and yard.id in update.entities and yard.reports == [1, 2, 9]
    assert all(m.surface != "Ren Nagase" for m, _ in before.mentions[9])
    assert any(f.mention.surface == "Ren Nagase" for f in update.found)  # the raw extraction, for the cache
    full = fuse([*EN[:2], new], judged)
    assert _entity(full, "Bluefin Yard").reports == [1, 2, 9]  # type: ignore[union-attr]


@pytest.mark.parametrize("text", ["", "   ", "x", "a\nb", "y" * 201])
def test_bad_text_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        check_text(text)
    assert check_text(" 林 ") == "林"


# -- kept in the vault --------------------------------------------------------------------------------------------

@pytest.fixture
def media(tmp_path: Path) -> Path:
    root = tmp_path / "usb"
    root.mkdir()
    (root / "a.txt").write_text("Subject: A\n\nThe crates went through Bluefin Yard on Monday; Ren Nagase signed.\n")
    (root / "b.txt").write_text("件名: B\n\n青海埠頭で永瀬蓮が会った。青海埠頭は閉鎖された。\n")
    (root / "c.txt").write_text("Subject: C\n\nBluefin Yard again. Ren Nagase paid the Bluefinch crew.\n")
    (root / "d.txt").write_text("件名: D\n\n永瀬蓮は翌日も青海埠頭にいた。\n")
    return root


def _kept(session) -> FusionResult:  # type: ignore[no-untyped-def]
    kept = state.scope(session.db, fusion.store.run_scope("", session.access().key()))
    assert kept is not None
    return state.reconstruct(session.db, kept.id)


def test_judgements_persist_through_full_fusion_parts_import_and_undo(
        vault_dir: Path, media: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        ids = {r["path"].rsplit("/", 1)[-1]: r["id"] for r in importing.import_paths(session, [media]).imported}
        assert sorted(ids, key=ids.__getitem__) == ["a.txt", "b.txt", "c.txt", "d.txt"]  # parts follow ids
        fusion.fuse_kept(session)
        assert _entity(_kept(session), "青海埠頭") is None
        made = entity_marks.mark_entity(session, "青海埠頭", "location", "a pier", report=ids["b.txt"])
        assert made.queued == 1 and made.to_json()["status"] == "queued"
        dropped = entity_marks.unmark_entity(session, "Ren Nagase", None, "a cover name, not a person",
                                             report=ids["a.txt"])
        assert fusion.pending_work(session)[0] == 2  # re-fuse recommended: both wait for a full fusion
        assert _entity(_kept(session), "青海埠頭") is None  # the kept fusion is not rewritten in place
        shown = report_mentions.report_mentions(session, ids["b.txt"])  # the reader shows them as they will be
        assert [(m.surface, m.kind, m.pending, m.entity_id) for m in shown if m.surface == "青海埠頭"] == [
            ("青海埠頭", "location", True, 0)] * 2
        assert all(m.surface != "Ren Nagase" for m in report_mentions.report_mentions(session, ids["a.txt"]))

        fusion.fuse_kept(session)
        whole = _kept(session)
        pier = _entity(whole, "青海埠頭")
        assert pier is not None and sorted(pier.reports) == sorted([ids["b.txt"], ids["d.txt"]])
        assert pier.kind is Kind.LOCATION and _entity(whole, "Ren Nagase") is None
        shown = report_mentions.report_mentions(session, ids["b.txt"])
        assert [m.pending for m in shown if m.surface == "青海埠頭"] == [False, False]  # fused now
        assert fusion.pending_work(session)[0] == 0

        monkeypatch.setattr(segments, "SEGMENT", 2)  # in parts: a, b | c, d: each mark's reports in both parts
        assert fusion.fuse_kept(session).segments == 2
        parts = _kept(session)
        pier = _entity(parts, "青海埠頭")
        assert pier is not None and sorted(pier.reports) == sorted([ids["b.txt"], ids["d.txt"]])
        assert _entity(parts, "Ren Nagase") is None
        monkeypatch.setattr(segments, "SEGMENT", 20_000)

        (tmp_path / "e.txt").write_text("件名: E\n\n青海埠頭に船が着いた。Ren Nagase was not aboard.\n")
        new = importing.import_paths(session, [tmp_path / "e.txt"]).imported[0]["id"]
        imported = _kept(session)
        pier = _entity(imported, "青海埠頭")
        assert pier is not None and new in pier.reports  # the new report gets the mention
        assert "Ren Nagase" not in _surfaces(imported, new)  # and loses the dropped one

        queued = fusion.undo_judgement(session, made.judgement)
        assert queued == 1 and fusion.pending_work(session)[0] == 1
        fusion.undo_judgement(session, dropped.judgement)
        fusion.fuse_kept(session)
        restored = _kept(session)
        assert _entity(restored, "青海埠頭") is None and _entity(restored, "Ren Nagase") is not None
        log = [j for j in entity_marks.text_judgements(session, include_revoked=True)]
        assert [(j["verdict"], j["text"], j["kind"]) for j in log] == [
            ("not_entity", "Ren Nagase", ""), ("entity", "青海埠頭", "location")]
        assert all(j["revoked_by"] == ANALYST for j in log)
        audit = session.db.query("SELECT action, details FROM audit WHERE action LIKE 'entity.%' ORDER BY seq")
        assert [a for a, _ in audit] == ["entity.mark", "entity.unmark", "entity.undo", "entity.undo"]
        assert all("青海埠頭" not in str(d) and "Ren Nagase" not in str(d) for _, d in audit)  # no names for officers


def test_bad_input_and_other_roles_write_nothing(vault_dir: Path, media: Path) -> None:
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        report = importing.import_paths(session, [media]).imported[0]["id"]
        for text, kind in (("", "person"), ("   ", "person"), ("z" * 201, "person"), ("Bluefin Yard", "planet"),
                           ("Bluefin Yard", "date")):
            with pytest.raises(BadInput):
                entity_marks.mark_entity(session, text, kind)
        with pytest.raises(BadInput, match="does not contain"):
            entity_marks.mark_entity(session, "Sapporo", "location", report=report)
        with pytest.raises(BadInput):
            entity_marks.unmark_entity(session, "Ren Nagase", "planet")
        with pytest.raises(BadInput, match="rests on the report"):  # its words are shown to that report's readers
            entity_marks.mark_entity(session, "Bluefin Yard", "location")
        assert session.db.query("SELECT count(*) FROM fusion_judgements")[0][0] == 0
    for user, passphrase in ((COURIER, COURIER_PASS), (OFFICER, OFFICER_PASS)):
        with unlock(vault_dir, user, passphrase) as other, pytest.raises(PermissionRefused):
            entity_marks.mark_entity(other, "Bluefin Yard", "location")
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        assert session.db.query("SELECT count(*) FROM fusion_judgements")[0][0] == 0


def test_overlapping_marks_take_the_leftmost_longest_and_skip_the_header() -> None:
    marks = Marks([_numbered(entity_judgement("Bluefin", Kind.ORGANIZATION, ANALYST, "t", "", ()), 1),
                   _numbered(entity_judgement("Bluefin Yard", Kind.LOCATION, ANALYST, "t", "", ()), 2)])
    text = "Bluefin Yard\nBluefin Yard and Bluefin, not Bluefinch or XBluefin."
    found = marks.occurrences(text, [(0, 12)])  # the first line is the header
    assert [(f.mention.surface, f.mention.kind, f.mention.start) for f in found] == [
        ("Bluefin Yard", Kind.LOCATION, 13), ("Bluefin", Kind.ORGANIZATION, 30)]


def test_a_judgement_made_while_a_fusion_runs_waits_for_the_next(
        vault_dir: Path, media: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        imported = importing.import_paths(session, [media]).imported
        pier = next(r["id"] for r in imported if r["path"].endswith("b.txt"))
        fusion.fuse_kept(session)
        real = fusion.fuse

        def meanwhile(*args, **kwargs):  # type: ignore[no-untyped-def]
            entity_marks.mark_entity(session, "青海埠頭", "location", "made during the fusion", report=pier)
            return real(*args, **kwargs)

        monkeypatch.setattr(fusion, "fuse", meanwhile)
        fusion.fuse_kept(session)  # ran without it: the scope it replaced had it queued, the new one has it too
        assert _entity(_kept(session), "青海埠頭") is None and fusion.pending_work(session)[0] == 1
        monkeypatch.setattr(fusion, "fuse", real)
        fusion.fuse_kept(session)
        assert _entity(_kept(session), "青海埠頭") is not None and fusion.pending_work(session)[0] == 0
