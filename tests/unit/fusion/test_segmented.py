"""A full fusion run a segment at a time (services/fusion_segmented.py) keeps what a whole fusion keeps."""

from __future__ import annotations

import pytest

from nia_desktop.core.classification import Level
from nia_desktop.core.fusion import segments
from nia_desktop.core.fusion.engine import FusionResult, ReportText, fuse
from nia_desktop.core.store import fusion_state as state
from nia_desktop.core.store import reports as store
from nia_desktop.services import fusion, fusion_segmented
from nia_desktop.services.session import unlock
from tests.conftest import ANALYST, ANALYST_PASS

BODY = ("The network spreads fabricated quotes attributed to the governor about the earthquake response, "
        "through fake outlets and paid influencers, and stages them on a Telegram channel first. ")
TEXTS = [
    "NAGASE Ren met Konstantin YEGOROV at the embassy. Call 090-7342-1186.",
    "TAKAGI Mio chairs the council in Sapporo.",
    "Ren Nagase was paid by Konstantin YEGOROV in Roppongi.",
    "Orchid Analytics Ltd. paid HIRANO Sota for the survey.",
    "A courier of Orchid Analytics Ltd. met TAKAGI Mio. " + BODY,
    "LI Wei of the trade office called 090-7342-1186 twice.",
    "HIRANO Sota wrote to LI Wei about the survey.",
    "Konstantin Egorov left Roppongi for Vladivostok.",
    "TAKAGI Mio asked HIRANO Sota about Orchid Analytics Ltd. " + BODY,
    "NAGASE Ren and TAKAGI Mio met in Sapporo.",
    "A courier of Orchid Analytics Ltd. met TAKAGI Mio. " + BODY + "One more line of the re-send.",
    "LI Wei left the trade office.",
]


def _insert(session, texts: list[str], first: int = 0) -> list[ReportText]:  # type: ignore[no-untyped-def]
    made = []
    with session.db.transaction():
        for i, text in enumerate(texts, first):
            report_id = store.insert(session.db, store.NewReport(
                sha256=f"{i:064x}", title=f"report {i}", body=text, agency=("CIRO", "MOFA", "DIH", "NPA")[i % 4],
                classification=Level.SECRET, classification_stated=True, reliability="B", credibility="2",
                language="en", report_date=f"2026-03-{1 + i % 28:02d}", detected_type="text", encoding="utf-8",
                original_name=f"{i}.txt", path=f"/m/{i}.txt", inner_path="", size=len(text), volume_label="m",
                volume_path="/m", imported_by=ANALYST, imported_at="2026-03-01T00:00:00Z", import_id=0,
                parent_id=None, fields={}, structured=None), text.encode())
            made.append(ReportText(report_id, f"report {i}", text))
    return made


def _groups(result: FusionResult) -> set[frozenset[int]]:
    return {frozenset(e.reports) for e in result.entities if len(e.reports) >= 2}


def _kept(session) -> FusionResult:  # type: ignore[no-untyped-def]
    kept = state.scope(session.db, fusion.store.run_scope("", session.access().key()))
    assert kept is not None
    return state.reconstruct(session.db, kept.id)


def test_segment_by_segment_keeps_the_entities_links_and_resends_of_a_whole_fusion(
        vault_dir, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(segments, "SEGMENT", 4)
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        texts = _insert(session, TEXTS)
        whole = fuse(texts)
        counts = fusion.fuse_kept(session)
        kept = _kept(session)
    assert counts.segments == 3 and counts.reports == len(TEXTS)
    assert _groups(kept) == _groups(whole)  # every entity whose reports span segments met its earlier self
    assert {(x["a"], x["b"], x["weight"]) for x in kept.links} == {(x["a"], x["b"], x["weight"]) for x in whole.links}
    assert sorted(kept.duplicates) == sorted(whole.duplicates) == [[texts[4].id, texts[8].id, texts[10].id]]  # 2 and 3
    assert {r: sorted(m.start for m, _ in ms) for r, ms in kept.mentions.items()} == {
        r: sorted(m.start for m, _ in ms) for r, ms in whole.mentions.items()}


def test_the_segments_hold_a_bounded_share_of_the_corpus() -> None:
    ids = list(range(1, 25_001))
    runs = list(segments.segments(ids, 20_000))
    assert [len(r) for r in runs] == [12_500, 12_500] and [x for r in runs for x in r] == ids
    assert [len(r) for r in segments.segments(list(range(7)), 20_000)] == [7]
    assert list(segments.segments([], 20_000)) == []


def test_an_analysts_different_keeps_two_entities_apart_across_segments(
        vault_dir, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from nia_desktop.core.fusion.judgements import Judgement

    monkeypatch.setattr(segments, "SEGMENT", 4)
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        texts = _insert(session, TEXTS)
        together = next(e for e in fuse(texts).entities if "Konstantin YEGOROV" in e.aliases)
        assert "Konstantin Egorov" in together.aliases  # the spelling rule joins them, across segments 1 and 2
        yegorov = next(n for n in together.nodes if "yegorov" in n[-1])
        egorov = next(n for n in together.nodes if "egorov" in n[-1] and "yegorov" not in n[-1])
        judgement = Judgement("different", yegorov, egorov, ANALYST, "2026-03-02T00:00:00Z", "two men",
                              (texts[0].id, texts[7].id))
        fusion._judge(session, judgement, "different")
        whole = fuse(texts, [judgement])
        fusion.fuse_kept(session)
        kept = _kept(session)
    for result in (whole, kept):
        named = [e for e in result.entities if {"Konstantin YEGOROV", "Konstantin Egorov"} & set(e.aliases)]
        assert len(named) == 2, result is kept


def test_the_kept_fusion_stands_until_the_new_one_is_whole(vault_dir, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        _insert(session, TEXTS[:6])
        before = fusion.fuse_kept(session)
        monkeypatch.setattr(segments, "SEGMENT", 4)
        _insert(session, TEXTS[6:], first=6)
        calls = []
        real = segments.Merger.merge

        def failing(self, result, texts, load):  # type: ignore[no-untyped-def]
            calls.append(len(texts))
            if len(calls) == 2:
                raise RuntimeError("killed midway")
            return real(self, result, texts, load)

        monkeypatch.setattr(segments.Merger, "merge", failing)
        with pytest.raises(RuntimeError):
            fusion.fuse_kept(session)
        kept = _kept(session)
        assert len({r for e in kept.entities for r in e.reports}) <= before.reports  # the old fusion, whole
        assert state.scope(session.db, fusion.store.run_scope("", session.access().key())).reports == 6
        monkeypatch.setattr(segments.Merger, "merge", real)
        after = fusion.fuse_kept(session)
        assert after.reports == len(TEXTS)
        keys = [k for (k,) in session.db.query("SELECT scope FROM fusion_scopes")]
        assert not [k for k in keys if k.endswith(fusion_segmented.BUILDING)]  # the unfinished one is gone


def test_a_report_an_import_fused_during_the_build_is_carried_into_the_new_fusion(
        vault_dir, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from nia_desktop.core.fusion.engine import extract
    from nia_desktop.core.fusion.incremental import TableIndex

    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        _insert(session, TEXTS[:8])
        fusion.fuse_kept(session)
        monkeypatch.setattr(segments, "SEGMENT", 4)
        late: list[ReportText] = []

        def progress(done: int, total: int, message: str) -> None:
            if message.startswith("fusing segment 2") and not late:  # an import lands while segment 2 is fused
                late.extend(_insert(session, TEXTS[8:9], first=8))
                kept = state.scope(session.db, fusion.store.run_scope("", session.access().key()))
                with session.db.transaction():
                    TableIndex(session.db, kept.id).add(late[0], extract(late[0]))

        fusion.fuse_kept(session, progress=progress)
        kept = _kept(session)
        assert late and late[0].id in {r for e in kept.entities for r in e.reports}
        assert state.scope(session.db, fusion.store.run_scope("", session.access().key())).reports == 9


def test_the_sample_index_read_for_many_reports_at_once_answers_as_one_at_a_time(vault_dir) -> None:  # type: ignore[no-untyped-def]
    from collections import Counter

    from nia_desktop.core.fusion import neardup
    from nia_desktop.core.store import fusion_bulk

    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        texts = _insert(session, [*TEXTS, TEXTS[4] + " A last line.", TEXTS[8]])
        fusion.fuse_kept(session)
        db = session.db
        sid = state.scope(db, fusion.store.run_scope("", session.access().key())).id
        with db.transaction():
            state.save_samples(db, [(t.id, sorted(state.sample(fusion_segmented.content_only(t)))) for t in texts])
            one_by_one = {}
            for t in texts:
                shared = Counter(o for reports in state.postings(db, state.samples_of(db, [t.id])[t.id]).values()
                                 for o in reports if o != t.id)
                inside = state.in_scope(db, sid, [o for o, n in shared.items() if n >= neardup.MIN_SHARED])
                one_by_one[t.id] = {o: shared[o] for o in inside}
            at_once = fusion_bulk.shared_samples(db, sid, [t.id for t in texts])
        assert {r: found for r, found in one_by_one.items() if found} == {r: f for r, f in at_once.items() if f}
        assert at_once[texts[4].id]  # the re-sends: the comparison above is not of empty answers
        assert fusion_bulk.sample_counts(db, [t.id for t in texts]) == {
            r: len(items) for r, items in state.samples_of(db, [t.id for t in texts]).items()}


def test_no_part_computes_links_of_its_own(vault_dir, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """A part's own links were thrown away (the scope's come from its tables): computing them was a fifth of a
    part's time. The kept links are still a whole fusion's."""
    from nia_desktop.core.fusion import engine

    monkeypatch.setattr(segments, "SEGMENT", 4)
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        texts = _insert(session, TEXTS)
        whole = fuse(texts)
        bare = fuse(texts, links=False)
        computed: list[int] = []
        real = engine._links
        monkeypatch.setattr(engine, "_links", lambda entities, count: computed.append(count) or real(entities, count))
        fusion.fuse_kept(session)
        kept = _kept(session)
    assert computed == []
    assert bare.links == [] and whole.links
    assert [(e.name, e.reports) for e in bare.entities] == [(e.name, e.reports) for e in whole.entities]
    assert {(x["a"], x["b"], x["weight"]) for x in kept.links} == {(x["a"], x["b"], x["weight"]) for x in whole.links}
