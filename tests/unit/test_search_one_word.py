"""One-word search ranks as FTS5's bm25 does, without bm25's count of every report holding the word (issue 15).

The store counts each candidate's hits on its text and takes its length from the index; these tests hold its order
(and its scores, up to the word's weight) against bm25 itself on the same index.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from nia_desktop.core import search as fts
from nia_desktop.core.classification import Level
from nia_desktop.core.store import reports as store
from nia_desktop.services import reports
from nia_desktop.services.session import Session, unlock
from tests.conftest import ANALYST, ANALYST_PASS

TEXTS = [
    ("Embassy visit", "The embassy staff met the attaché. Embassy cars left the embassy at noon."),
    ("Harbour note", "A tanker left the harbour; the EMBASSY was told. " + "Filler words about logistics. " * 20),
    ("Short", "embassy"),
    ("Longer words", "Embassys and embassyfoo and fooembassy are not the word; embassy-level is, once."),
    ("大使館の報告", "東京の大使館で会合。embassy関係者が港湾を視察した。港湾、港湾。"),
    ("Mixed", "The embassy（東京）and the embassy、again: «embassy» 2026 embassy2026 embassy_x."),
    ("Nothing", "A report that names no mission at all, only a tanker and a harbour."),
    ("Title only", "The body never names it."),
    ("港湾", "港湾で港湾が港湾に。tanker tanker tanker."),
    ("Tanker tanker", "Tanker. tanker, TANKER; Tankers are not counted but tanker is. " * 3),
]


def _seed(session: Session, texts: list[tuple[str, str]], first: int = 1) -> None:
    with session.db.transaction():
        for i, (title, body) in enumerate(texts, start=first):
            store.insert(session.db, store.NewReport(
                sha256=f"{i:064x}", title=title, body=body, agency="NPA", classification=Level.UNCLASSIFIED,
                classification_stated=True, reliability="B", credibility="2", language="en",
                report_date="2026-03-01", detected_type="text", encoding="utf-8", original_name=f"{i}.txt",
                path=f"/m/{i}.txt", inner_path="", size=len(body), volume_label="m", volume_path="/m",
                imported_by=ANALYST, imported_at="2026-03-01T00:00:00Z", import_id=0, parent_id=None, fields={},
                structured=None), body.encode())


def _bm25(session: Session, fts_query: str) -> list[tuple[int, float]]:
    return [(int(r), float(s)) for r, s in session.db.query(
        "SELECT rowid, bm25(reports_fts, 3.0, 1.0) AS score FROM reports_fts WHERE reports_fts MATCH ? "
        "ORDER BY score, rowid DESC", (fts_query,))]


@pytest.mark.parametrize("word", ["embassy", "Embassy", "tanker", "harbour", "港湾", "大使", "2026", "the"])
def test_one_word_order_is_bm25s(vault_dir: Path, word: str) -> None:
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        _seed(anna, TEXTS)
        _seed(anna, [("Title only embassy", "Nothing here.")], first=len(TEXTS) + 1)
        expression = fts.to_fts_query(word)
        assert fts.one_token(expression) is not None  # the counted path, not bm25
        expected = _bm25(anna, expression)
        found = store.search(anna.db, expression, 50)
        assert [s.id for s, _, _ in found] == [r for r, _ in expected]
        # Scores are bm25's without the word's weight: the same factor for every hit.
        weights = {round(theirs / ours, 9) for (_, ours, _), (_, theirs) in zip(found, expected, strict=True)}
        assert len(weights) == 1 and next(iter(weights)) > 0
        assert all(body for _, _, body in found)


def test_one_word_keeps_the_filters_and_the_limit(vault_dir: Path) -> None:
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        _seed(anna, TEXTS)
        everything = store.search(anna.db, '"embassy"', 50)
        assert [s.id for s, _, _ in store.search(anna.db, '"embassy"', 2)] == [s.id for s, _, _ in everything[:2]]
        dated = store.search(anna.db, '"embassy"', 50, store.Filters(date_from="2027-01-01"))
        assert dated == []


def test_service_one_word_search_pages_and_snippets(vault_dir: Path) -> None:
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        _seed(anna, TEXTS)
        whole = reports.search_page(anna, "embassy", limit=50)
        first = reports.search_page(anna, "embassy", limit=3)
        rest = reports.search_page(anna, "embassy", limit=50, offset=3)
        assert first.more and [h.summary.id for h in first.items + rest.items] == [h.summary.id for h in
                                                                                 whole.items]
        assert all("«" in h.snippet for h in whole.items if h.summary.title != "Title only")
        assert [h.summary.id for h in whole.items] == [r for r, _ in _bm25(anna, '"embassy"')]


def test_other_queries_keep_their_ranking(vault_dir: Path) -> None:
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        _seed(anna, TEXTS)
        for query in ("embass*", "embassy tanker", "embassy-level", "attaché", '"the embassy"'):
            assert fts.one_token(fts.to_fts_query(query)) is None
        two = fts.to_fts_query("embassy tanker")
        assert [s.id for s, _, _ in store.search(anna.db, two, 50)] == [r for r, _ in _bm25(anna, two)]


def test_token_hits_counts_words_as_the_index_does() -> None:
    text = "Embassy, EMBASSY embassy-run embassys fooembassy embassy2 2embassy 大使館embassy東京 «embassy»".encode()
    assert fts.token_hits(text, b"embassy") == 5
    assert fts.token_hits("港湾で港湾が港湾に".encode(), "港湾".encode()) == 3
    assert fts.token_hits(b"", b"embassy") == 0
    assert fts.one_token('"Embassy"') == b"embassy"
    assert fts.one_token('"港湾"') == "港湾".encode()
    assert fts.one_token('"大使 使館"') is None and fts.one_token('"embass"*') is None


def test_varints_read_sqlite_varints() -> None:
    assert fts.varints(bytes.fromhex("BD8440FA8900")) == [1_000_000, 2_000_000]
    assert fts.varints(bytes([0x02, 0x84, 0x68])) == [2, 616]
    assert fts.varints(bytes([0xFF] * 8 + [0x01])) == [(1 << 64) - 255]


PHRASES = ['"the embassy"', "大使館", '"港湾で"', "embassy tanker", '"Embassy cars"', "attaché", "embassy OR 港湾"]


@pytest.mark.parametrize("query", PHRASES)
def test_text_ranked_searches_order_by_tf_score(vault_dir: Path, query: str) -> None:
    """Phrases (and every search of a reader from whom anything is hidden) rank by tf_score on the text, now
    counted on its bytes in the store: the order must be that of tf_score on the decoded text, newest first
    among equals."""
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        _seed(anna, TEXTS)
        expression, terms = fts.to_fts_query(query), fts.query_terms(query)
        matched = [int(r) for (r,) in anna.db.query("SELECT rowid FROM reports_fts WHERE reports_fts MATCH ? "
                                                    "ORDER BY rowid DESC", (expression,))]
        expected = sorted(matched, key=lambda r: fts.tf_score(store.get(anna.db, r).summary.title,  # type: ignore
                                                               store.get(anna.db, r).body, terms))  # type: ignore
        ranked = store.search(anna.db, expression, 50, store.Filters(rank_locally=True), terms)
        assert [s.id for s, _, _ in ranked] == expected
        for summary, score, body in ranked:
            assert score == pytest.approx(fts.tf_score(summary.title, body, terms))
        unranked = store.search(anna.db, expression, 50, store.Filters(rank_locally=True))  # no terms: newest first
        assert [s.id for s, _, _ in unranked] == matched and {score for _, score, _ in unranked} == {0.0}


def test_tf_score_bytes_is_tf_score() -> None:
    title, body = "Embassy ÉMBASSY note", "The EMBASSY, embassy staff; 大使館と港湾。Attaché ATTACHÉ « embassy »"
    for terms in (["embassy"], ["EMBASSY", "embassy staff"], ["大使館"], ["attaché"], ["港湾", "Embassy"], []):
        assert fts.tf_score_bytes(title, body.encode(), len(body), terms) == fts.tf_score(title, body, terms)
