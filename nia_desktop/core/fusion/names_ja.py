"""People, organisations and places in Japanese text, with the SudachiPy morphological analyser.

Sudachi (with its core dictionary, a pip package) tags proper nouns as
person surname/given name, place or organisation, and gives each its
reading in katakana. Adjacent surname and given name make one person
(``永瀬`` + ``蓮``); a katakana run joined by ``・`` is a foreign name
(``コンスタンチン・エゴロフ``) unless an organisation suffix follows; a run
ending in an organisation suffix (``社``, ``株式会社``, ``大学``, ``会議``…) is
an organisation. The reading travels with the mention so that resolution can
meet the romanised form (``ナガセ レン`` -> ``nagase ren``).
"""

from __future__ import annotations

import functools
import re
import threading
from typing import Any

from nia_desktop.core.fusion.model import Kind, Mention

_ORG_SUFFIX = re.compile(
    r"(?:株式会社|有限会社|合同会社|有限公司|公司|社|会社|大学|大学院|研究所|研究室|研究センター|センター|協会|会議|委員会|"
    r"大使館|総領事館|領事館|省|庁|本部|情報部|局|組織|機構|財団|基金|銀行|党|連合|連盟|学会|学院|研究会|同盟|商会|"
    r"海運|物流|不動産|通信|新聞|放送|ネットワーク|グループ|ホールディングス|事務所|クラブ)$")
_ORG_RUN = re.compile(
    r"[\u30a0-\u30ff\u4e00-\u9fff々〆ヶ・ー]{1,30}?(?:株式会社|有限会社|合同会社|有限公司|公司|社|大学|研究所|研究室|協会|"
    r"会議|委員会|大使館|総領事館|財団|基金|銀行|連盟|学会|商会|海運|物流|センター|ネットワーク|グループ|機構|情報庁|本部|交流会)")
_LEGAL_FORM = re.compile(r"株式会社|有限会社|合同会社|有限公司")
_KATAKANA_NAME = re.compile(r"[\u30a1-\u30fa\u30fc]{2,}(?:[・=＝][\u30a1-\u30fa\u30fc]{2,})+")
_GENERIC_ORG = re.compile(r"^(?:同|当|本|各|その|この|同社|会社|本社|子会社|関連会社|[一-龥]{0,1}社)$")

_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_KATAKANA_ONLY = re.compile(r"[\u30a1-\u30fa\u30fc・=＝]+")
_local = threading.local()
_dictionary: Any = None
_dictionary_lock = threading.Lock()


def _tokenizer() -> Any:
    """One Sudachi tokenizer per thread (they are not thread-safe), all from one dictionary loaded once."""
    tokenizer = getattr(_local, "tokenizer", None)
    if tokenizer is None:
        tokenizer = _local.tokenizer = load_dictionary().tokenizer()
    return tokenizer


def load_dictionary() -> Any:
    """Sudachi's dictionary, loaded on first use (about 80 ms, most of it holding the GIL)."""
    global _dictionary
    with _dictionary_lock:
        if _dictionary is None:
            from sudachipy import dictionary

            _dictionary = dictionary.Dictionary(dict="core")
        return _dictionary


CHUNK_BYTES = 40_000  # Sudachi refuses input over 49,149 UTF-8 bytes ("Input is too long")
_BREAKS = re.compile(r"[。\n]")


def extract(text: str) -> list[tuple[Mention, str]]:
    """(mention, katakana reading) for each Japanese name in ``text``; offsets into ``text``.

    A long text is read in pieces that end at a line or a sentence (。), each under Sudachi's limit."""
    found: list[tuple[Mention, str]] = []
    for begin, piece in _pieces(text):
        found.extend((Mention(m.kind, m.surface, m.key, m.start + begin, m.end + begin, m.implied), reading)
                     for m, reading in _extract_piece(piece))
    return found


def _pieces(text: str) -> list[tuple[int, str]]:
    if len(text) * 4 <= CHUNK_BYTES or len(text.encode("utf-8")) <= CHUNK_BYTES:
        return [(0, text)]
    pieces, begin = [], 0
    while begin < len(text):
        end = min(len(text), begin + CHUNK_BYTES // 4)  # at most 4 UTF-8 bytes a character
        if end < len(text):
            last_break = max((m.end() for m in _BREAKS.finditer(text, begin, end)), default=0)
            if last_break > begin:
                end = last_break
        pieces.append((begin, text[begin:end]))
        begin = end
    return pieces


def _extract_piece(text: str) -> list[tuple[Mention, str]]:
    from sudachipy import tokenizer as sudachi

    found: list[tuple[Mention, str]] = []
    taken: list[tuple[int, int]] = []

    def add(kind: Kind, start: int, end: int, reading: str) -> None:
        if end <= start or any(not (end <= a or start >= b) for a, b in taken):
            return
        if not _JAPANESE.search(text[start:end]):  # Sudachi tags unknown Latin words as proper nouns
            return
        surface = text[start:end]
        found.append((Mention(kind, surface, "".join(surface.split()), start, end), reading))
        taken.append((start, end))

    for match in _ORG_RUN.finditer(text):
        end = match.end()
        legal = _LEGAL_FORM.match(text, end)
        if legal:  # 鶴ヶ丘海運 + 株式会社 is one name
            end = legal.end()
        if not _GENERIC_ORG.match(match.group(0)) and end - match.start() >= 3 and not _LEGAL_FORM.fullmatch(
                text[match.start():end]):
            add(Kind.ORGANIZATION, match.start(), end, "")
    for match in _KATAKANA_NAME.finditer(text):  # loanword phrases too: unsure(), kept only if resolution agrees
        add(Kind.PERSON, match.start(), match.end(), match.group(0))
    morphemes = list(_tokenizer().tokenize(text, sudachi.Tokenizer.SplitMode.C))
    index = 0
    while index < len(morphemes):
        morpheme = morphemes[index]
        pos = morpheme.part_of_speech()
        if pos[1] != "固有名詞":
            index += 1
            continue
        start, end, reading = morpheme.begin(), morpheme.end(), morpheme.reading_form()
        if pos[2] == "人名":
            # surname + given name, allowing one space between them (永瀬 蓮)
            following = index + 1
            while following < len(morphemes) and morphemes[following].surface().strip() == "" and \
                    following - index < 2:
                following += 1
            if pos[3] == "姓" and following < len(morphemes) and (
                    morphemes[following].part_of_speech()[3] == "名"
                    or _unlisted_given_name(morphemes, following, spaced=following > index + 1)):
                end, reading = morphemes[following].end(), reading + " " + morphemes[following].reading_form()
                index = following
            if _is_kana_only(text[start:end]) and pos[3] != "姓":
                index += 1
                continue
            add(Kind.PERSON, start, end, reading)
        elif pos[2] == "地名" and _unlisted_given_name(morphemes, index + 1, spaced=False):
            # 一之瀬そら: a place name that is also a family name, before a given name in kana
            add(Kind.PERSON, start, morphemes[index + 1].end(), reading + " " + morphemes[index + 1].reading_form())
            index += 1
        elif pos[2] == "地名":
            add(Kind.LOCATION, start, end, reading)
        elif pos[2] == "組織" or _ORG_SUFFIX.search(morpheme.surface()):
            add(Kind.ORGANIZATION, start, end, reading)
        index += 1
    return sorted(found, key=lambda pair: (pair[0].start, pair[0].end))


_NOT_GIVEN_NAMES = frozenset("ほか など こと もの ため とき ところ まま うち よう ほう".split())
_HIRAGANA = re.compile(r"[\u3041-\u309f]{2,3}")
_ONE_KANJI = re.compile(r"[\u4e00-\u9fff]")


def words(text: str) -> list[Any]:
    """Sudachi's shortest units of ``text`` (split mode A): 研究 + 室, 南 + 関東."""
    from sudachipy import tokenizer as sudachi

    return list(_tokenizer().tokenize(text, sudachi.Tokenizer.SplitMode.A))


def _unlisted_given_name(morphemes: list[Any], index: int, spaced: bool) -> bool:
    """A given name the dictionary knows only as a word: 楓 in 星野 楓 (after a space), そら in 一之瀬そら
    (kana); only before a particle or punctuation, so 田中社長 or 星野の件 never count."""
    if index + 1 >= len(morphemes):
        return False
    word, after = morphemes[index], morphemes[index + 1]
    if word.part_of_speech()[1] != "普通名詞" or after.part_of_speech()[0] not in ("助詞", "補助記号"):
        return False
    surface = word.surface()
    return bool((spaced and _ONE_KANJI.fullmatch(surface))
                or (_HIRAGANA.fullmatch(surface) and surface not in _NOT_GIVEN_NAMES))


_GENERIC_HEAD = re.compile(r"(?:会社|企業|機関|団体|組織|政府|当局|グループ)$")


@functools.lru_cache(maxsize=65536)
def unsure(surface: str) -> bool:
    """A candidate the rules cannot vouch for alone: a run of katakana loanwords (テレグラム・チャンネル, or the
    codename ナイト・スキフ) or a generic organisation (海運会社, 関係機関: common nouns before 会社/機関/...).
    Fusion keeps one only where resolution joins it to a name found another way (NIGHT SKIFF)."""
    if _KATAKANA_ONLY.fullmatch(surface):
        return _common_words(surface)
    head = _GENERIC_HEAD.search(surface)
    if head is None or head.start() == 0:
        return False
    stem = [m for m in _tokenizer().tokenize(surface[:head.start()]) if m.surface().strip()]
    return all(m.part_of_speech()[1] == "普通名詞" and not m.is_oov() for m in stem)


def _common_words(katakana: str) -> bool:
    """テレグラム・チャンネル is two loanwords, not a name: every part is a common noun in the dictionary."""
    parts = [m for m in _tokenizer().tokenize(katakana.replace("・", "　")) if m.surface().strip()]
    return all(m.part_of_speech()[1] == "普通名詞" and not m.is_oov() for m in parts)


def _is_kana_only(surface: str) -> bool:
    return all("\u3040" <= c <= "\u309f" for c in surface)
