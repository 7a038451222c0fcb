"""Search hits are highlighted at offsets into the report's own text, whatever case folding does to its length."""

from __future__ import annotations

import pytest

from nia_desktop.core.search import highlight_spans, snippet


@pytest.mark.parametrize("before", ["", "Straße ", "ﬁnance ", "İstanbul ", "ǰ ß ß "])
def test_a_hit_after_text_whose_folding_changes_length_covers_the_word(before: str) -> None:
    text = f"{before}met at the Kobe office; KOBE again"
    spans = highlight_spans(text, ["kobe"])
    assert [text[a:b] for a, b in spans] == ["Kobe", "KOBE"]


def test_a_term_that_folds_to_more_characters_covers_its_source() -> None:
    text = "Treffen in der Straße am Montag"
    assert [text[a:b] for a, b in highlight_spans(text, ["STRASSE"])] == ["Straße"]
    assert [text[a:b] for a, b in highlight_spans(text, ["straße"])] == ["Straße"]


def test_the_snippet_marks_the_hit_itself() -> None:
    assert "«Kobe»" in snippet("Große Straße, then the Kobe office", ["kobe"])
