"""Latin spellings of names written in Cyrillic or Hangul, so that they meet the same names in Latin text.

A report writes ``Konstantin YEGOROV`` and another ``Константин Егоров``; one
writes ``RI Kwang-hyok`` and a South Korean source ``이광혁``. No single
romanisation meets them all, so this module lists the spellings a name is
commonly given, most standard first:

- Russian: BGN/PCGN 1947 (``е`` -> ``ye`` at word start and after vowels,
  ``х`` -> ``kh``, ``ий`` -> ``iy``...) and the passport and press variants
  (``e`` for ``е``, ``i`` for ``й``, ``h`` for ``х``, ``-y``/``-ii`` endings,
  ``ia``/``iu`` for ``я``/``ю``, ``x`` for ``кс``, rarely ``-off``), each
  variant with a cost so that the least unusual spellings come first;
- Korean: Revised Romanization (South), McCune-Reischauer with and without
  breves and apostrophes, the DPRK's own system as its press writes it
  (``Kim Jong Un``, ``Jang Song Thaek``) and the customary South Korean
  spellings (``Lee Kwang-hyuk``), with the customary family-name spellings
  (이/리: Lee, Yi, Rhee, Ri...) and the given name hyphenated, joined or
  spaced. Family names first, as Korean writes them; ``name_key`` ignores
  word order anyway.

Standard library only: the tables are short and written out here (the
romanisation systems are public standards; the family-name spellings are the
customary ones listed in the brief of issue 12 and in common reference use).
"""

from __future__ import annotations

import functools
import heapq
import itertools
import re
import unicodedata

from nia_desktop.core.fusion import spelling

MAX_ROMANISATIONS = 8
_MAX_KEY_SPELLINGS = 128  # folded_keys looks further down the list than the display list

# --- scripts ---------------------------------------------------------------------------------------------------------


def _script_of_char(ch: str) -> str | None:
    code = ord(ch)
    if 0x0400 <= code <= 0x052F or 0x1C80 <= code <= 0x1C8F or 0x2DE0 <= code <= 0x2DFF or 0xA640 <= code <= 0xA69F:
        return "cyrillic"
    if 0xAC00 <= code <= 0xD7A3 or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F or 0xA960 <= code <= 0xA97F:
        return "hangul"
    if 0x3040 <= code <= 0x30FF or 0x3400 <= code <= 0x4DBF or 0x4E00 <= code <= 0x9FFF or 0xFF66 <= code <= 0xFF9F \
            or ch in "々〆ヶ":
        return "japanese"
    if not ch.isalpha():
        return None
    if code < 0x0250 or 0x1E00 <= code <= 0x1EFF or 0xFF21 <= code <= 0xFF5A:
        return "latin"
    return "other"


def script_of(surface: str) -> str:
    """``cyrillic``, ``hangul``, ``latin``, ``japanese`` (kana or kanji), ``mixed``, or ``other`` (no letters too)."""
    scripts = {s for s in map(_script_of_char, surface) if s is not None}
    if len(scripts) == 1:
        return scripts.pop()
    return "mixed" if len(scripts) > 1 else "other"


def romanisations(surface: str) -> list[str]:
    """The Latin spellings a Cyrillic or Hangul name is commonly given, most standard first; [] for other scripts."""
    return list(_spellings(_normal(surface), MAX_ROMANISATIONS))


def folded_keys(surface: str) -> set[str]:
    """``spelling.name_key`` of each spelling this name may meet in Latin text.

    A superset of the keys of ``romanisations``: it looks further down the
    same ranked list (the display list stops at eight), and for a Russian
    name with a patronymic it adds the keys without it (Latin text seldom
    writes ``Pavlovich``).
    """
    normal = _normal(surface)
    keys = {spelling.name_key(s) for s in _spellings(normal, _MAX_KEY_SPELLINGS)}
    if script_of(normal) == "cyrillic":
        words = normal.split()
        kept = [w for w in words if not _PATRONYMIC.search(w.lower())]
        if 1 < len(kept) < len(words):
            keys |= {spelling.name_key(s) for s in _spellings(" ".join(kept), _MAX_KEY_SPELLINGS)}
    keys.discard("")
    return keys


def _normal(surface: str) -> str:
    return " ".join(unicodedata.normalize("NFC", surface).split())


@functools.lru_cache(maxsize=8192)
def _spellings(surface: str, limit: int) -> tuple[str, ...]:
    script = script_of(surface)
    if script == "cyrillic":
        return _russian(surface, limit)
    if script == "hangul":
        return _korean(surface, limit)
    return ()


def _best(options: list[list[tuple[str, int]]], limit: int) -> list[tuple[str, int]]:
    """The ``limit`` cheapest concatenations of one option per slot (options sorted by cost within a slot)."""
    if not options:
        return [("", 0)]
    start = (0,) * len(options)
    heap = [(sum(slot[0][1] for slot in options), start)]
    seen = {start}
    out: list[tuple[str, int]] = []
    while heap and len(out) < limit:
        cost, pick = heapq.heappop(heap)
        out.append(("".join(options[i][j][0] for i, j in enumerate(pick)), cost))
        for i in range(len(options)):
            if pick[i] + 1 < len(options[i]):
                nxt = (*pick[:i], pick[i] + 1, *pick[i + 1:])
                if nxt not in seen:
                    seen.add(nxt)
                    heapq.heappush(heap, (cost - options[i][pick[i]][1] + options[i][pick[i] + 1][1], nxt))
    return out


def _dedupe(ranked: list[tuple[str, int]], limit: int) -> tuple[str, ...]:
    out: list[str] = []
    for text, _ in sorted(ranked, key=lambda pair: pair[1]):  # stable: ties keep the order they were made in
        if text and text not in out:
            out.append(text)
            if len(out) == limit:
                break
    return tuple(out)


# --- Russian ---------------------------------------------------------------------------------------------------------

_RU_PLAIN = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ж": "zh", "з": "z", "и": "i", "к": "k", "л": "l",
             "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "ц": "ts",
             "ч": "ch", "ш": "sh", "щ": "shch", "ы": "y", "э": "e", "ь": "", "ъ": "",
             # Ukrainian and Belarusian letters that turn up in Russian-language reports
             "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "w"}
_RU_VOWELS = set("аеёиоуыэюяіїє")
_RU_SOFT_AFTER = _RU_VOWELS | set("йьъ")  # е, ё, ю, я are iotated here (ye, yo, yu, ya)
_PATRONYMIC = re.compile(r"(?:вич|вна|ична|инична|ьич)$")


def _russian_word(word: str) -> list[tuple[str, int]]:
    """Spellings of one Cyrillic word with their costs (0 = BGN/PCGN)."""
    lower = word.lower()
    slots: list[list[tuple[str, int]]] = []
    i = 0
    n = len(lower)
    while i < n:
        ch = lower[i]
        prev = lower[i - 1] if i else ""
        initial = i == 0 or prev in _RU_SOFT_AFTER
        rest = lower[i:]
        if rest in ("ий", "ый") and i > 1:  # adjective and given-name endings: Arkadiy, Arkady, Arkadii
            slots.append([("iy", 0), ("y", 1), ("ii", 2), ("i", 3)] if ch == "и"
                         else [("yy", 0), ("y", 1), ("iy", 2), ("yi", 3)])
            break
        if rest == "ия" and i > 0:  # Yuliya, Yulia, Iuliia
            slots.append([("iya", 0), ("ia", 1), ("iia", 2)])
            break
        if rest in ("ов", "ев", "ёв") and i > 1:  # Yegorov, Lazarev, Solovyov/Solovyev, Korolyov/Korolev
            if ch == "ё":
                slots.append([("ov", 0), ("ev", 1), ("off", 4)] if prev in "жчшщ"
                             else [("yov", 0), ("yev", 1), ("yoff", 4)] if initial
                             else [("yov", 0), ("ev", 1), ("iov", 2), ("yoff", 4)])
            elif ch == "е" and initial:
                slots.append([("yev", 0), ("ev", 1), ("yeff", 4)])
            else:
                slots.append([(ch.replace("о", "o").replace("е", "e") + "v", 0),
                              (ch.replace("о", "o").replace("е", "e") + "ff", 4)])
            break
        if ch == "ь" and rest[1:2] in ("и", "о"):  # Il'ich: Ilich, Ilyich
            slots.append([("", 0), ("y", 1)])
            i += 1
            continue
        if ch == "е":
            slots.append([("ye", 0), ("e", 1)] if initial else [("e", 0)])
        elif ch == "ё":
            slots.append([("yo", 0), ("e", 1), ("ye", 2)] if initial
                         else [("o", 0), ("e", 1)] if prev in "жчшщ" else [("yo", 0), ("e", 1), ("io", 2)])
        elif ch == "я":
            slots.append([("ya", 0), ("ia", 1), ("ja", 3)])
        elif ch == "ю":
            slots.append([("yu", 0), ("iu", 1), ("ju", 3)])
        elif ch == "й":
            slots.append([("y", 0), ("i", 1), ("j", 3)])
        elif ch == "х":
            slots.append([("kh", 0), ("h", 1)])
        elif ch == "к" and rest.startswith("кс"):
            slots.append([("ks", 0), ("x", 1)])
            i += 2
            continue
        elif ch == "ц":
            slots.append([("ts", 0), ("tz", 3)])
        elif ch in _RU_PLAIN:
            slots.append([(_RU_PLAIN[ch], 0)])
        else:
            slots.append([(ch, 0)])  # a hyphen or apostrophe inside the word
        i += 1
    return _best(slots, 24)


def _case_like(latin: str, cyrillic: str) -> str:
    """Ordinary case: abbreviations (СВР) stay capitals, names and words take the case of their first letter."""
    letters = [c for c in cyrillic if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and 2 <= len(letters) <= 4:
        return latin.upper()
    parts = re.split(r"(-)", latin)
    cyr_parts = re.split(r"(-)", cyrillic)
    out = []
    for index, part in enumerate(parts):
        source = cyr_parts[index] if index < len(cyr_parts) else cyrillic
        out.append(part[:1].upper() + part[1:] if source[:1].isupper() else part)
    return "".join(out)


def _russian(surface: str, limit: int) -> tuple[str, ...]:
    words = surface.split(" ")
    per_word: list[list[tuple[str, int]]] = []
    for word in words:
        spelled = _russian_word(word) if script_of(word) == "cyrillic" else [(word, 0)]
        per_word.append([(_case_like(text, word), cost) for text, cost in spelled])
    slots: list[list[tuple[str, int]]] = []
    for index, options in enumerate(per_word):
        if index:
            slots.append([(" ", 0)])
        slots.append(options)
    return _dedupe(_best(slots, limit * 3), limit)


# --- Korean ----------------------------------------------------------------------------------------------------------

_L = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
_V_RR = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu",
         "eu", "ui", "i"]
_V_MR = ["a", "ae", "ya", "yae", "ŏ", "e", "yŏ", "ye", "o", "wa", "wae", "oe", "yo", "u", "wŏ", "we", "wi", "yu",
         "ŭ", "ŭi", "i"]
# final consonants (index 1-27): ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ
_T = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng",
      "t", "t", "k", "t", "p", "t"]
_VOICED_FINALS = {"", "n", "m", "ng", "l"}


def _jamo(syllable: str) -> tuple[int, int, int]:
    code = ord(syllable) - 0xAC00
    return code // 588, (code % 588) // 28, code % 28


def _is_hangul_syllable(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def _syllable(system: str, syllable: str, prev_final: str | None) -> str:
    """One syllable in ``system`` (rr, mr, mrb = MR with breves and apostrophes, nk, pop).

    ``prev_final`` is the preceding syllable's final inside the same name
    (None at the start of a word): MR and the DPRK system voice k/t/p/ch
    between voiced sounds (Kim Kye Gwan), Revised Romanization does not in
    names.
    """
    lead, vowel, tail = _jamo(syllable)
    initial = _L[lead]
    voiced = prev_final is not None and prev_final in _VOICED_FINALS
    if system == "rr":
        onset = initial
        if lead == 5 and prev_final in ("l", "n"):
            onset = "l"
        return onset + _V_RR[vowel] + _T[tail]
    v = _V_MR[vowel] if system == "mrb" else _V_MR[vowel].replace("ŏ", "o").replace("ŭ", "u")
    if system == "pop":
        return _popular(lead, vowel, tail, prev_final)
    plain = {0: "k", 3: "t", 7: "p", 12: "ch"}
    if lead in plain:
        onset = {0: "g", 3: "d", 7: "b", 12: "j"}[lead] if voiced else plain[lead]
        if system == "nk" and lead == 12:
            onset = "j"
    elif lead in (14, 15, 16, 17):  # ㅊ ㅋ ㅌ ㅍ
        onset = {"mrb": {14: "ch'", 15: "k'", 16: "t'", 17: "p'"}, "mr": {14: "ch", 15: "k", 16: "t", 17: "p"},
                 "nk": {14: "ch", 15: "kh", 16: "th", 17: "ph"}}[system][lead]
    elif lead == 13:  # ㅉ
        onset = "jj" if system == "nk" else "tch"
    elif lead == 5 and prev_final in ("l", "n"):
        onset = "l"
    else:
        onset = initial
    if system == "mrb" and prev_final is not None and lead == 11 and prev_final == "n" and vowel in (0, 4, 8, 13, 18):
        onset = "'"  # MR keeps n'a apart from the ng of a final ㅇ only where it could be misread
    return onset + v + _T[tail]


def _popular(lead: int, vowel: int, tail: int, prev_final: str | None) -> str:
    """The customary South Korean spelling of a name syllable (Kwang-hyuk, Myung-soo, Young-hee)."""
    onset = {0: "k", 3: "d", 7: "b", 12: "j", 14: "ch", 9: "s"}.get(lead, _L[lead])
    if lead == 9 and vowel in (16, 20):
        onset = "sh"
    if lead == 5 and prev_final in ("l", "n"):
        onset = "l"
    final = _T[tail]
    if vowel == 4:  # ㅓ: Seo, Sung, Hyuk
        v = "u" if final else "eo"
    elif vowel == 6:  # ㅕ: Yeo, Hyun, Kyung; 영 Young
        v = ("you" if lead == 11 and final == "ng" else "yu") if final else "yeo"
    elif vowel == 13:  # ㅜ: Soo, Joon, Woo
        v = "oo"
    elif vowel == 19:  # ㅢ: Hee
        v = "ee" if lead == 18 else "ui"
    else:
        v = _V_RR[vowel]
    return onset + v + final


def _word(system: str, syllables: str, start_voiced: bool = False) -> list[str]:
    out: list[str] = []
    prev: str | None = "" if start_voiced else None
    for syllable in syllables:
        if not _is_hangul_syllable(syllable):
            out.append(syllable)
            prev = None
            continue
        out.append(_syllable(system, syllable, prev))
        prev = _T[_jamo(syllable)[2]]
    return out


# Family name: customary South Korean spellings (most common first) / North Korean and McCune-Reischauer ones.
_SURNAME_TABLE = """
이 Lee Yi Rhee I / Ri Yi
리 Lee Yi Rhee I / Ri Yi
박 Park Pak Bak / Pak
김 Kim Gim / Kim
최 Choi Choe / Choe
정 Jung Jeong Chung Chong / Jong Chong Chŏng
강 Kang Gang / Kang
조 Cho Jo / Jo Cho
윤 Yoon Yun / Yun
장 Jang Chang / Jang Chang
임 Lim Im Rim / Rim Im
림 Lim Im Rim / Rim Im
한 Han / Han
오 Oh O / O
신 Shin Sin / Sin Shin
서 Seo Suh So / So Sŏ
권 Kwon Gwon / Kwon Kwŏn
황 Hwang / Hwang
안 Ahn An / An
송 Song / Song
류 Ryu Yoo Yu / Ryu Yu
유 Yoo Yu Ryu / Ryu Yu
홍 Hong / Hong
전 Jeon Jun Chun Chon / Jon Chon Chŏn
고 Ko Go Koh / Ko
문 Moon Mun / Mun
양 Yang Ryang / Yang
량 Yang Ryang / Ryang
손 Son Sohn / Son
배 Bae Pae / Pae
백 Baek Paek Paik / Paek
허 Heo Huh Ho / Ho Hŏ
남 Nam / Nam
노 Noh Roh No / Ro No
로 Noh Roh No / Ro
하 Ha / Ha
곽 Kwak Gwak / Kwak
성 Sung Seong / Song Sŏng
차 Cha / Cha
주 Joo Ju Chu / Ju Chu
우 Woo U / U
구 Koo Gu Ku / Ku
민 Min / Min
진 Jin Chin / Jin Chin
나 Na Ra / Ra Na
라 Ra Na / Ra
엄 Eom Um Uhm / Om Ŏm
채 Chae / Chae
원 Won / Won
천 Cheon Chun Chon / Chon
방 Bang Pang / Pang
공 Kong Gong / Kong
현 Hyun Hyeon Hyon / Hyon Hyŏn
함 Ham / Ham
변 Byun Byeon Pyon / Pyon
염 Yeom Yum Ryom / Ryom Yom
렴 Yeom Yum Ryom / Ryom
여 Yeo Yuh Ryo / Ryo Yo
려 Yeo / Ryo
추 Choo Chu / Chu
도 Do Doh To / To
소 So / So
석 Seok Suk Sok / Sok
선 Sun Seon / Son
설 Seol Sul / Sol
마 Ma / Ma
길 Gil Kil / Kil
연 Yeon Yun / Ryon Yon
위 Wi Wee / Wi
표 Pyo / Phyo P'yo
명 Myung Myeong / Myong
기 Ki Gi / Ki
반 Ban Pan / Pan
왕 Wang / Wang
금 Keum Geum Kum / Kum
옥 Ok / Ok
육 Yuk Ryuk / Ryuk
륙 Yuk Ryuk / Ryuk
인 In / In
맹 Maeng / Maeng
제 Je Jae / Je Che
모 Mo / Mo
탁 Tak / Thak
국 Kook Guk Kuk / Kuk
은 Eun / Un
편 Pyun Pyeon / Phyon
용 Yong / Ryong Yong
룡 Yong / Ryong
경 Kyung Gyeong / Kyong
봉 Bong / Pong
사 Sa / Sa
부 Boo Bu / Pu
태 Tae / Thae
지 Ji Chi / Ji Chi
심 Shim Sim / Sim
승 Seung Sung / Sung
계 Kye Gye / Kye
황보 Hwangbo / Hwangbo
남궁 Namgung Namkoong Namgoong / Namgung
제갈 Jegal / Jegal Chegal
선우 Sunwoo Seonu / Sonu
독고 Dokgo / Tokko
"""
_SURNAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    line.split(" ", 1)[0]: (tuple(line.split(" ", 1)[1].split("/")[0].split()),
                            tuple(line.split(" ", 1)[1].split("/")[1].split()))
    for line in _SURNAME_TABLE.strip().splitlines()
}
FAMILY_NAMES = frozenset(_SURNAMES)
COMPOUND_FAMILY_NAMES = frozenset(name for name in _SURNAMES if len(name) == 2)
_NORTH_SPELLED = frozenset("리림류량렴려륙룡로라")  # family names the South writes with ㅇ or ㄴ
# Well-known Korean organisations and places, hand-compiled: never read as a person's name (국정원, 부산, 서울).
KOREAN_ORGANISATIONS = frozenset("""
    국가정보원 국정원 국방부 외교부 통일부 법무부 경찰청 검찰청 대검찰청 방첩사 국가안보실 청와대 대통령실
    국가보위성 국가안전보위부 보위부 보위성 정찰총국 통일전선부 통전부 외무성 국방성 사회안전성 인민무력성
    조선노동당 노동당 로동당 조선중앙통신 조선중앙통신사 조선중앙방송 조선중앙텔레비전 노동신문 로동신문
    연합뉴스 조선일보 중앙일보 동아일보 한겨레 라자루스 김수키 안다리엘 국가안전부 공안부 연방보안국 해외정보국
    대외정보국 총정찰국 인민군 조선인민군 국무위원회 정치국 중앙위원회 선전선동부 문화교류국 225국
""".split())
KOREAN_PLACES = frozenset("""
    서울 평양 부산 인천 대구 대전 광주 울산 세종 수원 개성 원산 청진 함흥 신의주 남포 나선 라선 혜산 사리원 해주
    강계 제주 판문점 영변 단둥 블라디보스토크 도쿄 베이징 모스크바 북한 남한 한국 대한민국 조선민주주의인민공화국
    일본 중국 러시아 미국 대만 몽골 베트남 캄보디아 라오스 태국 말레이시아 싱가포르 홍콩 마카오 선양 연길 옌지
    경기 강원 충북 충남 전북 전남 경북 경남 충청북 충청남 전라북 전라남 경상북 경상남 평안북 평안남 황해북 황해남
    함경북 함경남 자강 양강 평북 평남 함북 함남 황북 황남 강남 종로 용산 마포 영등포 서초 송파
""".split())
# North Korean places, customarily spelt in McCune-Reischauer without breves (Pyongyang, Kaesong, Sinuiju).
_NORTH_PLACES = tuple("""평양 개성 원산 청진 함흥 신의주 남포 혜산 영변 판문점 사리원 해주 강계 나선 라선
                       평안 함경 황해 자강 양강""".split())
_SYSTEMS_SOUTH = ("rr", "pop", "nk", "mr", "mrb")
_SYSTEMS_NORTH = ("nk", "mr", "mrb", "rr", "pop")


def split_korean_name(surface: str) -> tuple[str, str] | None:
    """(family name, given name) of a 2-4 syllable Hangul person name, or None when it is not shaped like one."""
    if not 2 <= len(surface) <= 4 or not all(map(_is_hangul_syllable, surface)):
        return None
    if surface in KOREAN_ORGANISATIONS or surface in KOREAN_PLACES or \
            (surface[-1] in "시도군구" and surface[:-1] in KOREAN_PLACES):
        return None
    if surface[:2] in COMPOUND_FAMILY_NAMES and len(surface) >= 3:
        return surface[:2], surface[2:]
    if surface[0] in FAMILY_NAMES and len(surface) <= 3:
        return surface[0], surface[1:]
    return None


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def _korean(surface: str, limit: int) -> tuple[str, ...]:
    person = split_korean_name(surface)
    if person is None:
        return _korean_words(surface, limit)
    family, given = person
    north = family[0] in _NORTH_SPELLED or _jamo(given[0])[0] == 5  # an initial ㄹ (리, 룡): written in the North
    systems = _SYSTEMS_NORTH if north else _SYSTEMS_SOUTH
    ranked: list[tuple[str, int]] = []
    south, northern = _SURNAMES.get(family, ((), ()))
    for rank, system in enumerate(systems):
        customary = south if system in ("rr", "pop") else northern
        rule_form = _cap("".join(_word("nk" if system == "mrb" else system, family)))
        surnames = list(dict.fromkeys([*customary, rule_form])) if customary else [rule_form]
        spellings = [(_word(system, given), 0)]
        if system == "pop" and len(given) > 1:  # the press mixes customary and RR syllables: Yoon Suk-yeol
            rr, pop = _word("rr", given), spellings[0][0]
            rr_k = ["k" + rr[i][1:] if _jamo(given[i])[0] == 0 else rr[i] for i in range(len(given))]  # Kyeong
            pure = {tuple(rr), tuple(pop)}
            for choice in itertools.product((pop, rr, rr_k), repeat=len(given)):
                mixed = tuple(option[i] for i, option in enumerate(choice))
                if mixed not in pure:
                    pure.add(mixed)
                    spellings.append((list(mixed), 3))
        forms: list[tuple[str, int]] = []
        for syllables, extra in spellings:
            if len(syllables) == 1:
                forms.append((_cap(syllables[0]), extra))
                continue
            separated = [(_cap("".join(syllables)), 2), (" ".join(_cap(s) for s in syllables), 2)]
            if system == "nk":
                separated.reverse()  # the DPRK writes Kim Jong Un; joined forms are rarer
            forms.append((_cap("-".join(syllables)), extra))  # Kwang-hyok
            forms.extend((form, extra + cost + index) for index, (form, cost) in enumerate(separated))
        for s_rank, surname in enumerate(surnames):
            for form, f_cost in forms:
                ranked.append((f"{surname} {form}", rank + f_cost + 3 * s_rank))  # systems vary first
    return _dedupe(ranked, limit)


def _korean_words(surface: str, limit: int) -> tuple[str, ...]:
    """Organisations and places: each word romanised whole in each system (조선중앙통신 -> Joseonjungangtongsin);
    McCune-Reischauer first for the North's places (평양 -> Pyongyang)."""
    ranked: list[tuple[str, int]] = []
    north = any(word.startswith(_NORTH_PLACES) for word in surface.split(" "))
    for rank, system in enumerate(("mr", "nk", "rr", "mrb") if north else ("rr", "mr", "nk", "mrb")):
        words = [_cap("".join(_word(system, word))) for word in surface.split(" ")]
        ranked.append((" ".join(words), rank))
    return _dedupe(ranked, limit)
