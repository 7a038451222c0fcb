"""Adding one report to a fused vault gives what a full fusion gives, for the cases it covers."""

from __future__ import annotations

import json

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
        assert second.fused == {"reports": 1, "new_entities": 0, "linked_reports": 1, "pending": 0,
                                "resends": [{"report": second.imported[0]["id"], "of": [first.imported[0]["id"]]}]}
        assert second.to_json()["fused"] == second.fused


def test_an_index_from_the_stored_result_finds_resends_among_reports_sharing_entities() -> None:
    from nia_desktop.core.fusion.stored import from_stored, to_stored

    stored = json.loads(json.dumps(to_stored(fuse(REPORTS))))  # as the vault keeps it
    result = from_stored(stored)
    assert result is not None
    read: list[list[int]] = []

    def load(ids: list[int]) -> dict[int, str]:
        read.append(sorted(ids))
        return {r.id: content_only(r) for r in REPORTS if r.id in ids}

    index = FusionIndex(result, None, load=load)
    update = index.add(NEW)
    assert update.duplicate_of == [1] and read == [[1, 2]]  # only the reports sharing its entities were read
    assert [1, 4] in result.duplicates
    assert {(link["a"], link["b"]) for link in result.links if 4 in (link["a"], link["b"])} == {(1, 4), (2, 4)}
    hirano = next(e for e in result.entities if e.id in update.new_entities)
    assert hirano.reports == [4] and "Sota HIRANO" in hirano.aliases and hirano.kind.value == "person"
    assert update.found and from_stored({"entities": [{"id": 1, "kind": "person", "name": "x", "aliases": [],
                                                       "reports": [1]}]}) is None  # stored before keys were kept


def test_a_key_two_homonyms_share_goes_to_the_one_whose_context_the_report_shares() -> None:
    student = [ReportText(n, "", f"NAGASE Ren, a student at Minami Institute, met Konstantin YEGOROV ({n}). "
                                 "YEGOROV called from +81-80-4127-3365.") for n in (1, 2, 3)]
    engineer = [ReportText(n, "", f"NAGASE Ren, an engineer at Genkai Systems, opened mail from "
                                  f"s.ichinose@webmail.example ({n}); Sora ICHINOSE sent it.") for n in (4, 5, 6)]
    before = fuse(student + engineer)
    index = FusionIndex(before, {r.id: content_only(r) for r in student + engineer})
    update = index.add(ReportText(7, "", "Sora ICHINOSE wrote to NAGASE Ren again from s.ichinose@webmail.example."))
    again = index.add(ReportText(8, "", "Konstantin YEGOROV met NAGASE Ren again and called +81-80-4127-3365."))
    holders = sorted(e.reports for e in before.entities if "NAGASE Ren" in e.aliases)
    assert holders == [[1, 2, 3, 8], [4, 5, 6, 7]]
    assert update.links == [(4, 7), (5, 7), (6, 7)] and again.links == [(1, 8), (2, 8), (3, 8)]


def test_a_full_fusion_committed_during_an_imports_extraction_is_what_the_import_fuses_into(
        vault_dir, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """`nia fuse` (or F5) may commit while an import extracts its reports outside the writer lock: the import then
    fuses into the new scope, and not twice what that fusion already covers (found by the review of issue 15:
    it failed with an internal error or wrote rows under the replaced scope's id)."""
    from nia_desktop.core.store import fusion as fusion_store
    from nia_desktop.core.store import fusion_state as state
    from nia_desktop.services import fusion, importing
    from nia_desktop.services.session import unlock
    from tests.conftest import ANALYST, ANALYST_PASS

    (tmp_path / "a.txt").write_text("Subject: A\n\nKonstantin YEGOROV met NAGASE Ren. " + BODY)
    (tmp_path / "b.txt").write_text("Subject: B\n\nIvan PETROV met Hiroshi TANAKA in Roppongi. " + BODY[:200])
    extract = fusion.extract
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        importing.import_paths(session, [tmp_path / "a.txt"])
        fusion.run_fusion(session)

        def extract_while_someone_fuses(report, matcher):  # type: ignore[no-untyped-def]
            with unlock(vault_dir, ANALYST, ANALYST_PASS) as other:
                fusion.run_fusion(other)  # covers the report just imported
            return extract(report, matcher)

        monkeypatch.setattr(fusion, "extract", extract_while_someone_fuses)
        second = importing.import_paths(session, [tmp_path / "b.txt"])
        after = state.scope(session.db, fusion_store.run_scope("", session.access().key()))
        assert after is not None and after.reports == 2  # the scope replaced (its id may be the old one again)
        assert second.fused is not None and second.fused["reports"] == 0  # the new fusion had it already
        mentions = session.db.query("SELECT count(*), count(DISTINCT start_offset) FROM fusion_mentions "
                                    "WHERE scope_id = ? AND report_id = ?", (after.id, second.imported[0]["id"]))[0]
        assert mentions[0] == mentions[1] > 0  # once each, not added again
