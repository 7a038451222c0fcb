"""Folded spellings that meet across scripts and romanisations.

``KŌNO Rie``, ``Rie Kono``, ``Rie KOHNO`` and ``河野理恵`` (read コウノ リエ)
all fold to ``kono rie``: NFKD without diacritics, lower case, apostrophes
and hyphens dropped, the long vowels ``ou``/``oh``/``oo``/``uu`` shortened,
and the words sorted so that name order does not matter. Katakana and kanji
readings are romanised with pykakasi (Hepburn) first.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

_KANA = re.compile(r"[\u3040-\u30ff]")
_LONG_VOWELS = [(re.compile(r"ou"), "o"), (re.compile(r"oh(?![aeiou])"), "o"), (re.compile(r"oo"), "o"),
                (re.compile(r"uu"), "u"), (re.compile(r"ee"), "e"), (re.compile(r"aa"), "a"), (re.compile(r"ii"), "i")]


@functools.lru_cache(maxsize=1)
def _kakasi() -> Any:
    import pykakasi

    return pykakasi.kakasi()  # type: ignore[no-untyped-call]


@functools.lru_cache(maxsize=65536)
def romanise(kana: str) -> str:
    """Katakana or hiragana (a reading) in Hepburn, words kept apart."""
    return " ".join(item["hepburn"] for item in _kakasi().convert(kana.replace("・", " ")) if item["hepburn"].strip())


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def name_words(text: str) -> list[str]:
    """The words of a name, folded: ``Shun'ichi TAKAGI`` -> ['shunichi', 'takagi']."""
    normal = unicodedata.normalize("NFKC", text)
    if _KANA.search(normal):  # before folding: NFKD would split ガ into カ and a mark
        normal = romanise(normal)
    folded = ascii_fold(normal)
    words = []
    for word in re.split(r"[\s・,.()（）]+", folded):
        word = re.sub(r"['’`-]", "", word)
        for pattern, replacement in _LONG_VOWELS:
            word = pattern.sub(replacement, word)
        if word:
            words.append(word)
    return words


def name_key(text: str) -> str:
    """Order-free folded key of a person's or place's name."""
    return " ".join(sorted(name_words(text)))


_ORG_TAIL = re.compile(r"\b(?:co|ltd|inc|corp|corporation|company|limited|pte|plc|llc|gk|kk|the)\b\.?", re.IGNORECASE)


def org_key(text: str) -> str:
    """An organisation's name without legal-form words or punctuation.

    ``Goldleaf Realty G.K.`` -> ``goldleaf realty``.
    """
    folded = ascii_fold(text).replace("g.k.", "gk").replace("k.k.", "kk")
    folded = _ORG_TAIL.sub(" ", folded)
    folded = re.sub(r"[^\w\u3040-\u30ff\u4e00-\u9fff]+", " ", folded)
    return " ".join(folded.split())
