"""literal_words.find answers as the alternation names_en compiled for each report did, match for match."""

from __future__ import annotations

import random

from nia_desktop.core.fusion import literal_words


def _regex(text: str, forms: list[str]) -> list[tuple[int, str]]:
    return [(m.start(), m.group(0)) for m in literal_words.pattern_for(forms).finditer(text)]


def test_hand_made_cases() -> None:
    text = "NAGASE Ren met Nagase. Nagase's aide, Nagasei and KGT-2 left; KGT (KGT) and Meridian Tide Co. stayed."
    forms = ["Meridian Tide", "Meridian", "NAGASE", "Nagase", "KGT", "Ren"]
    found = list(literal_words.find(text, forms))
    assert found == _regex(text, forms)
    # "Nagase's" and "KGT-2" touch a word character or an apostrophe/hyphen: not a whole form
    assert [f for _, f in found] == ["NAGASE", "Ren", "Nagase", "KGT", "KGT", "Meridian Tide"]
    assert list(literal_words.find("", forms)) == []
    assert list(literal_words.find(text, [])) == _regex(text, [])


def test_the_first_form_in_order_wins_at_one_start_and_matches_never_overlap() -> None:
    text = "Tide Tide Tide"
    assert list(literal_words.find(text, ["Tide Tide", "Tide"])) == [(0, "Tide Tide"), (10, "Tide")]
    # a longer form that fails its right edge gives way to a shorter one at the same start
    assert list(literal_words.find("Abc Defx Abc", ["Abc Def", "Abc"])) == [(0, "Abc"), (9, "Abc")]
    assert list(literal_words.find("Abc Defx Abc", ["Abc Def", "Abc"])) == _regex("Abc Defx Abc", ["Abc Def", "Abc"])


def test_an_empty_form_is_left_to_the_pattern() -> None:
    text = "Ren . Ren"
    assert list(literal_words.find(text, ["Ren", ""])) == _regex(text, ["Ren", ""])


def test_random_texts_and_forms_meet_the_pattern() -> None:
    rng = random.Random(15)
    alphabet = ["Ab", "ab", "A", "b", " ", " ", "'", "’", "-", ".", ",", "(", ")", "永", "é", "Z", "_", "1"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        pool = {"".join(rng.choice([*alphabet[:8], "Z", "é"]) for _ in range(rng.randint(1, 5))) for _ in range(6)}
        pool |= {text[a:a + rng.randint(1, 6)] for a in range(0, len(text), 5)} - {""}
        forms = sorted(pool, key=lambda form: (-len(form), form))
        assert list(literal_words.find(text, forms)) == _regex(text, forms), (text, forms)
