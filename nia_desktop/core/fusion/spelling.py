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
    """Lower case without diacritics (KŌNO -> kono); Japanese is left whole (NFKD would split ガ)."""
    out = []
    for ch in unicodedata.normalize("NFKC", text):
        if _KANA.match(ch) or "\u4e00" <= ch <= "\u9fff":
            out.append(ch)
        else:
            out.extend(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return "".join(out).lower()


def name_words(text: str) -> list[str]:
    """The words of a name, folded: ``Shun'ichi TAKAGI`` -> ['shunichi', 'takagi']."""
    return list(_name_words(text))


@functools.lru_cache(maxsize=65536)  # one name is folded again by every rule that meets it
def _name_words(text: str) -> tuple[str, ...]:
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
    return tuple(words)


@functools.lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """Order-free folded key of a person's or place's name."""
    return " ".join(sorted(name_words(text)))


_ORG_TAIL = re.compile(r"\b(?:co|ltd|inc|corp|corporation|company|limited|pte|plc|llc|gk|kk|sdn|bhd|the)\b\.?",
                       re.IGNORECASE)


# Variant kanji and small kana that name the same thing (髙木/高木, 鶴ヶ丘/鶴ケ丘, 一之瀬/一ノ瀬).
_ITAIJI = str.maketrans({"髙": "高", "﨑": "崎", "嵜": "崎", "邊": "辺", "邉": "辺", "澤": "沢", "齋": "斎", "齊": "斉",
                         "濵": "浜", "濱": "浜", "嶋": "島", "廣": "広", "國": "国", "櫻": "桜", "ヶ": "ケ", "ヵ": "カ",
                         "之": "ノ", "の": "ノ"})
_JA_LEGAL = re.compile(r"^(?:株式会社|有限会社|合同会社)|(?:株式会社|有限会社|合同会社|有限公司|社)$")


def japanese_key(text: str) -> str:
    """A Japanese written form with variant kanji folded and no spaces."""
    return "".join(unicodedata.normalize("NFKC", text).translate(_ITAIJI).split())


def org_key(text: str) -> str:
    """An organisation's name without legal-form words or punctuation.

    ``Goldleaf Realty G.K.`` -> ``goldleaf realty``.
    """
    if _KANA.search(text) or re.search(r"[\u4e00-\u9fff]", text):
        return _JA_LEGAL.sub("", japanese_key(text).replace("・", "")) or japanese_key(text)
    folded = ascii_fold(text).replace("g.k.", "gk").replace("k.k.", "kk")
    folded = _ORG_TAIL.sub(" ", folded)
    folded = re.sub(r"[^\w\u3040-\u30ff\u4e00-\u9fff]+", " ", folded)
    return " ".join(folded.split())


_LOOSE = [("ng", "n"), ("gh", ""), ("sh", "s"), ("ch", "t"), ("ts", "t"), ("th", "t"), ("kh", "h"), ("ph", "f"),
          ("v", "b"), ("f", "b"), ("l", "r"), ("w", ""), ("y", ""), ("j", "z"), ("c", "k"), ("q", "k"), ("x", "ks"),
          ("np", "mp"), ("nb", "mb")]  # last: ン before p/b, whichever letter wrote the b


_NON_RHOTIC = re.compile(r"(?<=[aeiou])r+(?![aeiou])")
_SOFT_C = re.compile(r"c(?=[eiy])")  # service, center: サービス, センター


def loose_word(word: str, english: bool = False) -> str:
    """A word's consonant skeleton, the same for ``Novosibirsk`` and ノヴォシビルスク (novoshibirusuku).

    Japanese writes foreign names with a vowel after every consonant, merges
    l/r and b/v, and renders th/ti as s/chi: drop the vowels, map those pairs
    together, and collapse doubled letters.
    """
    if english:  # as Japanese hears English: no r after a vowel (ハーバー Harbor), th as s (モス Moth)
        word = _SOFT_C.sub("s", _NON_RHOTIC.sub("", word).replace("th", "s").replace("tion", "shon"))
    for a, b in _LOOSE:
        word = word.replace(a, b)
    skeleton = word[:1] + re.sub(r"[aeiou]", "", word[1:])
    if english:  # アジア Asia: Japanese voices an s between vowels
        skeleton = skeleton.replace("z", "s")
    return re.sub(r"(.)\1+", r"\1", skeleton)


def loose_key(text: str, english: bool = False) -> str:
    return " ".join(sorted(loose_word(w, english) for w in name_words(text)))



def loose_compact(text: str, english: bool = False) -> str:
    """Consonant skeletons of the words in written order, run together (katakana has no word breaks)."""
    return "".join(loose_word(w, english) for w in name_words(text))
