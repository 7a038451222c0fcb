"""A body's Japanese name against its English one: the name part read aloud, the common words translated.

Japanese writes a foreign or Japanese body's own name by sound (関東 kantō, 海西 hǎixī, センシング sensing)
and its common words by meaning (科学技術大学 = Institute of Science and Technology, 災害対策本部 = Disaster
Countermeasures Headquarters). So 南関東科学技術大学 is the Minami-Kanto Institute of Science and Technology
when every word of the English name is either heard in a part of the Japanese (its Sudachi reading, its
Mandarin reading, or katakana as written) or is a translation of one (LEXICON), at least one of them by
sound (two bodies of one kind share their common words, never their own name), and when exactly one English
name fits. The lexicon holds common words of institutions, government and business, not names.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from nia_desktop.core.fusion import spelling
from nia_desktop.core.fusion.nodes import Found, KeyUnion

Node = tuple[str, ...]

# Japanese common words of bodies' names -> the English words that translate them.
_LEXICON_TEXT = """
大学 university institute college|大学校 academy college school|大学院 graduate school
学院 institute academy college|研究 research|研究所 institute laboratory research|研究室 laboratory lab
研究センター research center centre|科学 science sciences scientific|技術 technology technologies technical
科学技術 science technology|工業 industrial industries|工科 technology technical|医科 medical
医療 medical healthcare|病院 hospital|学校 school|高校 high school|協会 association society
学会 society association|会議 council conference|評議会 council|協議会 council|委員会 committee commission
交流 exchange|交流会 exchange|連合 union federation alliance|連盟 league federation|同盟 alliance league
組合 union association cooperative|財団 foundation|基金 fund foundation
機構 organization organisation agency|機関 agency organization body|組織 organization
本部 headquarters command|司令部 command headquarters|対策 countermeasures response|災害 disaster|危機 crisis
管理 management|防災 disaster prevention|緊急 emergency|警察 police|警視庁 metropolitan police department
警察本部 police headquarters|公安 public security|国家 national state|国 national|国際 international
国防 defense defence|防衛 defense defence|安全 security safety|安全保障 security|保安 security
情報 intelligence information|調査 research investigation intelligence|統括 coordinating coordination
省 ministry department|庁 agency office|局 bureau department office|部 department division bureau
課 section division|総局 directorate bureau administration|委員部 commissariat|軍 army forces military
陸軍 army|海軍 navy naval|空軍 air force|人民 people peoples|労働 workers labour labor|党 party|政府 government
議会 parliament assembly congress|大使館 embassy|総領事館 consulate general|領事館 consulate
代表部 representation mission|通商 trade|貿易 trade|商務 commercial commerce|経済 economic economy
産業 industry industrial|開発 development|土地 land|不動産 realty real estate property|建設 construction
海運 shipping shipmanagement lines kaiun|船舶 ship shipping marine|海事 maritime|物流 logistics
運輸 transport transportation|港湾 port harbour harbor|港 port harbour harbor|供給 supply|商事 trading
商会 trading|貿易会社 trading|銀行 bank|金融 finance financial|証券 securities|保険 insurance
投資 investment investments|資本 capital|電力 power electric|電気 electric denki|ガス gas|水道 water
通信 communications telecom news|放送 broadcasting broadcast|新聞 newspaper times daily news
出版 publishing press publishers|報道 press news media|海外 overseas foreign|外国 foreign
人材 talent human resources personnel|青年 youth young|未来 future|市民 citizens civic
町民 citizens townspeople|住民 residents|文化 cultural culture|友好 friendship|平和 peace|民主 democratic
自由 free freedom liberal|統一 unification unified|戦線 front|工作 work operations|宣伝 propaganda
偵察 reconnaissance|作戦 operations operation|参謀 staff|総参謀部 general staff|政治 political
総政治局 general political bureau|対外 foreign external|内務 internal affairs interior|外務 foreign affairs
法務 justice|財務 finance treasury|量子 quantum|電子 electronic electronics|半導体 semiconductor
化学 chemical chemistry|兵器 weapons|禁止 prohibition|原子力 nuclear atomic|宇宙 space aerospace
航空 aviation aerospace air|サイバー cyber|県 prefecture prefectural|都 metropolitan
府 prefecture prefectural|道 prefecture|市 city municipal|町 town|村 village|区 ward district|中央 central
総合 general comprehensive|特別 special|第一 first|第二 second|東 east eastern|西 west western
南 south southern|北 north northern|新 new|日本 japan japanese|中国 china chinese|韓国 korea korean
朝鮮 korea korean|露 russia russian|ロシア russia russian|米国 united states american
会 association society council club|社 company co|室 office room laboratory|太平洋 pacific|大西洋 atlantic
極東 far east|在日 japan|駐日 japan|代表 representative representation|人才 talent|服务 service|中心 center centre
"""
LEXICON: dict[str, frozenset[str]] = {}
for _entry in _LEXICON_TEXT.replace("\n", "|").split("|"):
    if _entry.strip():
        _word, *_meanings = _entry.split()
        LEXICON[_word] = frozenset(_meanings)

_LEGAL = frozenset("株式会社 有限会社 合同会社 有限公司 公司 有限".split())
_ENGLISH_LEGAL = frozenset("co co. ltd ltd. inc inc. corp corp. k.k. kk g.k. gk pte pte. plc llc sdn bhd limited"
                           .split())
_PROPER = frozenset("日本 中国 韓国 朝鮮 露 ロシア 米国 太平洋 大西洋 極東".split())  # names, though translated
_OPTIONAL = frozenset("在日 駐日 在 駐 同".split())  # "in Japan": English names of missions leave it out
_ENGLISH_GLUE = frozenset("of and the for in on at & de".split())
_KANJI = re.compile(r"[\u4e00-\u9fff々]+")
_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_MIN_SOUND = 2  # a sound match of a whole word needs at least this many consonants in its skeleton


def merges(union: KeyUnion, per_report: dict[int, list[Found]], tokenize: Any) -> None:
    """Join each Japanese organisation node to the one English organisation its words read and translate to.

    ``tokenize(text)`` gives Sudachi morphemes (split mode A): surface() and reading_form() are used."""
    japanese: set[Node] = set()
    latin: dict[Node, list[str]] = {}
    for found in per_report.values():
        for f in found:
            if f.node[0] != "org":
                continue
            if _JAPANESE.search(f.mention.surface):
                japanese.add(f.node)
            elif f.node not in latin:
                words = _english_words(f.mention.surface)
                if len(words) >= 2:
                    latin[f.node] = words
    if not japanese or not latin:
        return
    by_word: dict[str, set[Node]] = defaultdict(set)
    for node, words in latin.items():
        for word in words:
            by_word[word].add(node)
            by_word[_skeleton(word)].add(node)
    for node in sorted(japanese):
        parts = _japanese_parts(node[1], tokenize)
        if not parts:
            continue
        keys = {k for _, meanings, sounds in parts for k in (*meanings, *sounds)}
        candidates = {c for key in keys for c in by_word.get(key, ())}
        fitting = {union.find(c) for c in candidates if _fits(latin[c], parts)}
        if len(fitting) == 1 and union.find(node) not in fitting:
            union.union(node, next(iter(fitting)), "bilingual name (read and translated)")


def _english_words(surface: str) -> list[str]:
    words = []
    for word in re.split(r"[\s\-‐/]+", spelling.ascii_fold(surface).replace("'", "").replace("’", "")):
        word = word.strip(".,()")
        if word and word not in _ENGLISH_GLUE and f"{word}." not in _ENGLISH_LEGAL and word not in _ENGLISH_LEGAL:
            words.append(word)
    return words


def _skeleton(word: str) -> str:
    return spelling.loose_word(word, english=True)


def _japanese_parts(text: str, tokenize: Any) -> list[tuple[str, frozenset[str], frozenset[str]]]:
    """(surface, meanings, sound skeletons) of each part of a Japanese name, legal forms left out."""
    from pypinyin import lazy_pinyin

    parts = []
    for morpheme in tokenize(text):
        surface = morpheme.surface()
        if not surface.strip() or surface in _LEGAL or surface == "・":
            continue
        meanings = LEXICON.get(surface, frozenset())
        sounds: set[str] = set()
        if _JAPANESE.search(surface):
            reading = spelling.romanise(morpheme.reading_form()).replace(" ", "")
            sounds |= {spelling.loose_word(reading), spelling.loose_word(reading, english=True)}
        if _KANJI.fullmatch(surface) and not meanings:
            sounds.add(spelling.loose_word("".join(lazy_pinyin(surface))))
        if re.fullmatch(r"[A-Za-z]+", surface):
            sounds.add(_skeleton(surface.lower()))
            meanings = frozenset({surface.lower()})
        parts.append((surface, meanings, frozenset(s for s in sounds if s)))
    return _compounds(parts)


def _compounds(parts: list[tuple[str, frozenset[str], frozenset[str]]]) -> list[tuple[str, frozenset[str],
                                                                                       frozenset[str]]]:
    """Adjacent parts the lexicon knows as one word (研究 + 室 = 研究室, laboratory) become that word."""
    out: list[tuple[str, frozenset[str], frozenset[str]]] = []
    i = 0
    while i < len(parts):
        for size in (3, 2):
            word = "".join(p[0] for p in parts[i:i + size])
            if i + size <= len(parts) and word in LEXICON:
                sounds = frozenset(a + b for a in parts[i][2] for b in parts[i + 1][2]) if size == 2 else frozenset()
                out.append((word, LEXICON[word], sounds))
                i += size
                break
        else:
            out.append(parts[i])
            i += 1
    return out


def _fits(words: list[str], parts: list[tuple[str, frozenset[str], frozenset[str]]]) -> bool:
    """Every English word is heard or translated in the Japanese, at least one heard, and every Japanese part
    with a sound or meaning is used (a longer Japanese name is another body)."""
    used = [(not meanings and not sounds) or surface in _OPTIONAL for surface, meanings, sounds in parts]
    heard = False
    for word in words:
        skeleton = _skeleton(word)
        if word.endswith("s") and len(word) > 4 and not any(word in m for _, m, _ in parts):
            skeleton = _skeleton(word[:-1])  # Systems: システム, Innovators: イノベーター
        matched = [i for i, (_, meanings, _) in enumerate(parts) if word in meanings][:1]
        heard = heard or bool(matched and parts[matched[0]][0] in _PROPER)
        if not matched and len(skeleton) >= _MIN_SOUND:
            matched = [i for i, (_, _, sounds) in enumerate(parts) if skeleton in sounds][:1] or \
                _heard_across(skeleton, parts)
            heard = heard or bool(matched)
        if not matched:
            return False
        for i in matched:
            used[i] = True
    return heard and all(used)


def _heard_across(skeleton: str, parts: list[tuple[str, frozenset[str], frozenset[str]]]) -> list[int]:
    """One English word written as two Japanese parts (遼 + 海 = Liaohai): their sounds run together."""
    for i in range(len(parts) - 1):
        for a in parts[i][2]:
            for b in parts[i + 1][2]:
                if a + b == skeleton or spelling.loose_word(a + b) == skeleton:
                    return [i, i + 1]
    return []
