"""People, organisations and places written in Cyrillic or Hangul inside English and Japanese reports.

The reports are English and Japanese; Russian and Korean appear in them as
names, mostly in brackets after the Latin spelling (``RI Kwang-hyok
(리광혁)``, ``the SVR (СВР)``) or in short quotations. So the rules favour
precision:

- Cyrillic: a person is two or three capitalised words shaped like a name
  (a known given name, a patronymic or a family-name ending; in running
  Russian prose a known given name or patronymic is required); an
  organisation is a phrase headed by an organisation word (``Служба
  внешней разведки``, ``Министерство иностранных дел``), a legal form with
  its quoted name (``ООО «Ромашка»``) or an all-capital abbreviation of
  two to six letters (``СВР``); a place needs a place shape (``город
  Владивосток``, ``Приморский край``).
- Hangul: a standalone run of two to four syllables that starts with a
  common family name (and whose given-name syllables are common ones) is a
  person; a run ending in an organisation word (``조선중앙통신``) is an
  organisation; a known city or province is a place. In Korean prose a
  person needs a title after it (``김정은 위원장``) or to have been found
  standalone elsewhere in the text, and particles (``은``, ``는``, ``에서``...)
  are split off the surface.

Word lists are hand-compiled from common knowledge (Russian given names,
Korean name syllables, well-known Korean and Russian organisations); they
are short on purpose and are not a gazetteer.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Callable

from nia_desktop.core.fusion.model import Kind, Mention
from nia_desktop.core.fusion.transliterate import (
    COMPOUND_FAMILY_NAMES,
    split_korean_name,
)
from nia_desktop.core.fusion.transliterate import (
    KOREAN_ORGANISATIONS as _KNOWN_ORGS_KO,
)
from nia_desktop.core.fusion.transliterate import (
    KOREAN_PLACES as _PLACES_KO,
)

# --- Cyrillic --------------------------------------------------------------------------------------------------------

_UP = "А-ЯЁІЇЄҐЎ"
_LOW = "а-яёіїєґў"
_CYR = _UP + _LOW
_WORD = re.compile(rf"[{_CYR}][{_CYR}\u0306\u0308]*(?:[-’'][{_CYR}][{_CYR}\u0306\u0308]*)*")  # й, ё decomposed too
_LEGAL = re.compile(rf"(?<![{_CYR}])(?:ООО|АО|ПАО|ЗАО|ОАО|НАО|ФГУП|ГУП|АНО|НКО|ФГБУ|МУП)\s*"
                    r"[«\"“„]([^»\"”“\n]{1,60})[»\"”“]")
_QUOTED_ORG = re.compile(rf"(?<![{_CYR}])(?:[Кк]омпани[яиюей]|[Кк]орпораци[яиюей]|[Бб]анк[аеу]?|[Гг]руппа)\s*"
                         r"«([^»\n]{1,60})»")
_CITY = re.compile(rf"(?<![{_CYR}])(?:город[аеу]?|г\.)\s*([{_UP}][{_LOW}]+(?:-[{_CYR}][{_LOW}]+)*)")
_REGION = re.compile(rf"(?<![{_CYR}])([{_UP}][{_LOW}]+(?:ская|ский|цкая|цкий|ской|ского|ском)\s+"
                     rf"(?:област[ьи]|кра[йяею]|район[аеу]?|округ[аеу]?|автономн(?:ый|ая|ого)\s+округ[аеу]?))(?![{_CYR}])")
_COUNTRY_RU = re.compile(rf"(?<![{_CYR}])Российск(?:ая|ой|ую) Федераци[яиюей](?![{_CYR}])")
_ORG_HEADS = ("служб", "министерств", "агентств", "управлени", "комитет", "посольств", "торгпредств",
              "представительств", "корпораци", "компани", "банк", "университет", "департамент", "ведомств",
              "штаб", "прокуратур", "академи", "институт", "консульств", "дирекци", "бюро", "парти", "центр",
              "совет", "служба", "гвард", "разведк")
_ADJECTIVE = re.compile(r"(?:ая|ое|ый|ий|ой|ее|ые|ие|ого|его|ую|ых|их)$")
_STOP_AFTER = frozenset("""
    в во на и а но с со по о об от до за из к ко у что как который которая которое которые это этот эта
    его её ее их он она они был была было были будет также уже не ни же ли бы при для или между под над
    через после перед сообщил сообщила сообщили заявил заявила заявили
""".split())
_VERB = re.compile(r"(?:ла|ло|ли|лся|лась|лись|ет|ит|ют|ят|ется|ится|ть|ться|ил|ал|ял|ыл|ул)$")
_PATRONYMIC = re.compile(r"(?:ович|евич|ьич|ич|овна|евна|ична|инична)$")
_FAMILY_END = re.compile(r"(?:ов|ова|ев|ева|ёв|ёва|ин|ина|ын|ына|ский|ская|цкий|цкая|енко|ук|юк|чук|ян|янц|дзе|"
                         r"швили|ых|их|ко|ман|вич|ец|ль)$")
# Geographic and institutional adjectives and abstract nouns: never part of a person's name.
_PLACE_ADJECTIVES = ("российск", "русск", "московск", "советск", "японск", "китайск", "корейск", "американск",
                     "украинск", "белорусск", "европейск", "федеральн", "государственн", "национальн", "центральн",
                     "главн", "генеральн", "президентск", "петербургск", "приморск", "сахалинск", "хабаровск")
_ABSTRACT = re.compile(r"(?:ция|ции|ство|ства|ние|ния|ость|ости|изм|зия)$")
_CAPS_PLACES = frozenset({"США", "РФ", "КНР", "КНДР", "ЕС", "СССР", "ОАЭ", "ФРГ", "РК"})
_CAPS_NOT_ORG = frozenset({"ООО", "АО", "ПАО", "ЗАО", "ОАО", "НАО", "ФГУП", "ГУП", "АНО", "НКО", "ФГБУ", "МУП", "ИП",
                           "ВНИМАНИЕ", "ДСП", "СМИ", "НЕ", "НЕТ", "ДА", "И", "В", "НА", "ИЗ", "ЭТО"})
_PLACES_RU = frozenset("""
    россия москва санкт-петербург владивосток хабаровск новосибирск калининград япония токио китай пекин
    украина киев киів беларусь минск корея пхеньян сеул казахстан сахалин камчатка крым
""".split())
_GIVEN_RU = frozenset("""
    александр алексей анатолий андрей антон аркадий арсений артём артем борис вадим валентин валерий василий
    виктор виталий владимир владислав всеволод вячеслав геннадий георгий герман глеб григорий даниил денис
    дмитрий евгений егор захар иван игорь илья иосиф кирилл константин лев леонид максим марк матвей михаил
    никита николай олег павел пётр петр роман руслан рустам святослав семён семен сергей станислав степан тарас
    тимофей тимур фёдор федор филипп эдуард юрий яков ярослав эльдар ринат марат азат айдар ильдар рамзан
    ахмед магомед шамиль абрам вениамин всеволод давид эмиль альберт аркадий богдан ростислав остап
    александра алина алла анастасия анна антонина валентина валерия вера виктория галина дарья диана евгения
    екатерина елена елизавета жанна зинаида зоя инна ирина карина кира клавдия кристина ксения лариса лидия
    любовь людмила маргарита марина мария милана надежда наталья наталия нина оксана ольга полина раиса
    светлана снежана софья софия тамара татьяна ульяна эльвира юлия яна ярослава майя алёна алена василиса
    вероника гульнара дина лилия нелли регина римма таисия эвелина ангелина
""".split())


def _cyrillic(text: str) -> list[Mention]:
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []  # sorted, disjoint

    def add(kind: Kind, start: int, end: int) -> None:
        at = bisect.bisect_left(taken, (start, end))
        if start >= end or (at and taken[at - 1][1] > start) or (at < len(taken) and taken[at][0] < end):
            return  # overlaps a mention found by an earlier, surer rule
        surface = text[start:end]
        found.append(Mention(kind, surface, " ".join(surface.split()), start, end))
        taken.insert(at, (start, end))

    for pattern in (_LEGAL, _QUOTED_ORG):
        for match in pattern.finditer(text):
            add(Kind.ORGANIZATION, match.start(), match.end())
    for match in _REGION.finditer(text):
        add(Kind.LOCATION, match.start(1), match.end(1))
    for match in _CITY.finditer(text):
        add(Kind.LOCATION, match.start(1), match.end(1))
    for segment in _segments(text):
        _classify_segment(text, segment, add)
    for match in _COUNTRY_RU.finditer(text):  # after the organisations that end in it (Посольство Российской Федерации)
        add(Kind.LOCATION, match.start(), match.end())
    return found


def _segments(text: str) -> list[list[re.Match[str]]]:
    """Runs of Cyrillic words separated by spaces only (one line, no punctuation between them)."""
    segments: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    for match in _WORD.finditer(text):
        if current and text[current[-1].end():match.start()].strip(" \t") != "":
            segments.append(current)
            current = []
        if current and match.start() - current[-1].end() > 3:
            segments.append(current)
            current = []
        current.append(match)
    if current:
        segments.append(current)
    return segments


def _in_prose(text: str, words: list[re.Match[str]]) -> bool:
    """More Cyrillic close by (across commas or full stops, not brackets or quotes): running Russian text."""
    if len(words) >= 4:
        return True
    before = text[max(0, words[0].start() - 4):words[0].start()]
    after = text[words[-1].end():words[-1].end() + 4]
    near_before = re.search(rf"[{_CYR}][ \t]*[,.;:!?—–-]?[ \t]*$", before)
    near_after = re.search(rf"^[ \t]*[,.;:!?—–-]?[ \t]*[{_CYR}]", after)
    return bool(near_before or near_after)


def _is_title(word: str) -> bool:
    return bool(re.fullmatch(rf"[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?", word))


def _is_caps(word: str) -> bool:
    return bool(re.fullmatch(rf"[{_UP}]+(?:-[{_UP}]+)?", word))


def _classify_segment(text: str, words: list[re.Match[str]], add: Callable[[Kind, int, int], None]) -> None:
    prose = _in_prose(text, words)
    surfaces = [unicodedata.normalize("NFC", w.group(0)) for w in words]  # a text may write й as и + breve
    lowers = [surface.lower() for surface in surfaces]
    used = [False] * len(words)
    # organisations headed by an organisation word
    for i, lower in enumerate(lowers):
        if used[i] or not lower.startswith(_ORG_HEADS):
            continue
        first = i
        while first > 0 and i - first < 2 and not used[first - 1] and _ADJECTIVE.search(lowers[first - 1]):
            first -= 1
        if not words[first].group(0)[:1].isupper():
            continue
        last = i
        while last + 1 < len(words) and last - i < 5 and not used[last + 1]:
            nxt = lowers[last + 1]
            if nxt in _STOP_AFTER or (_VERB.search(nxt) and words[last + 1].group(0).islower()):
                break
            last += 1
        if first == i and last == i and not _is_caps(surfaces[i]) and prose:
            continue  # "Банк" alone in a sentence is a word, not a name
        add(Kind.ORGANIZATION, words[first].start(), words[last].end())
        for j in range(first, last + 1):
            used[j] = True
    # people
    i = 0
    while i < len(words):
        span = _person_at(lowers, surfaces, used, i, prose, len(words))
        if span:
            add(Kind.PERSON, words[i].start(), words[i + span - 1].end())
            for j in range(i, i + span):
                used[j] = True
            i += span
        else:
            i += 1
    # abbreviations and single known places
    shouting = len(words) >= 3 and all(map(_is_caps, surfaces))
    for i, word in enumerate(words):
        surface = surfaces[i]
        if used[i]:
            continue
        if surface in _CAPS_PLACES:
            add(Kind.LOCATION, word.start(), word.end())
        elif _is_caps(surface) and 2 <= len(surface) <= 6 and surface not in _CAPS_NOT_ORG and not shouting:
            add(Kind.ORGANIZATION, word.start(), word.end())
        elif lowers[i] in _PLACES_RU and _is_title(surface) and len(words) == 1 and not prose:
            add(Kind.LOCATION, word.start(), word.end())


def _word_type(lower: str, surface: str) -> str:
    if not (_is_title(surface) or (_is_caps(surface) and len(surface) >= 3)):
        return ""
    if lower in _GIVEN_RU:
        return "G"
    if _PATRONYMIC.search(lower) and _is_title(surface):
        return "P"
    if lower in _PLACES_RU or lower.startswith(_ORG_HEADS) or lower.startswith(_PLACE_ADJECTIVES) \
            or _ABSTRACT.search(lower):
        return ""
    if _FAMILY_END.search(lower):
        return "F"
    if _ADJECTIVE.search(lower):
        return "A"  # Навальный, Толстой: a family name only after a given name
    return "X"


_PATTERNS_PROSE = (("G", "P", "F"), ("G", "P", "X"), ("G", "P", "A"), ("X", "P", "F"), ("X", "P", "X"),
                   ("X", "P", "A"), ("F", "G", "P"), ("F", "X", "P"), ("G", "F"), ("F", "G"), ("G", "X"), ("G", "A"))
_PATTERNS_ALONE = (*_PATTERNS_PROSE, ("G", "G"), ("X", "F"), ("F", "X"), ("F", "F"))


def _person_at(lowers: list[str], surfaces: list[str], used: list[bool], i: int, prose: bool, n: int) -> int:
    """Length of the person name that starts at word ``i`` (0 when none): given name, patronymic, family name."""
    patterns = _PATTERNS_PROSE if prose else _PATTERNS_ALONE
    for pattern in patterns:
        size = len(pattern)
        if i + size > n or any(used[i:i + size]):
            continue
        types = tuple(_word_type(lowers[j], surfaces[j]) for j in range(i, i + size))
        if types == pattern:
            if not prose and pattern in (("X", "F"), ("F", "X"), ("F", "F")) and n != size:
                continue  # without a known given name, only a bracket that holds the name alone
            return size
    return 0


# --- Hangul ----------------------------------------------------------------------------------------------------------

_HANGUL_RUN = re.compile(r"[\uac00-\ud7a3]+")
_PARTICLES_ALWAYS = ("에서는", "에게서", "으로는", "께서는", "에서", "에게", "으로", "께서", "한테", "와는",
                     "과는", "에는", "는", "를", "의", "에", "와", "과", "을", "로서", "로", "랑", "이다",
                     "였다", "이었다", "이며", "라는")
_PARTICLES_AMBIGUOUS = ("은", "이", "가", "도")  # also common as the last syllable of a given name (지은)
_ORG_SUFFIXES_LONG = ("정찰총국", "총국", "통신사", "통신", "신문", "방송", "대학교", "대학", "연구소",
                      "연구원", "위원회",
                      "대사관", "영사관", "총영사관", "공사", "은행", "회사", "그룹", "사령부", "보위성", "보위부",
                      "안전부", "정보원", "정보국", "정보부", "경찰청", "검찰청", "노동당", "로동당", "일보", "전자",
                      "텔레비전", "재단", "협회", "본부", "외무성", "국방성")
_ORG_SUFFIXES_SHORT = ("부", "청", "원", "국", "성", "당", "처", "단", "소", "실", "사")


_PLACE_SUFFIXES = ("특별시", "광역시", "직할시", "특별자치시", "특별자치도", "시", "도", "군", "구")
_TITLES_KO = (
    "씨", "외무상", "부상", "국방상", "대변인", "총장", "단장", "실장", "팀장", "부위원장", "위원", "총참모장",
    "제1부부장", "대좌", "상좌", "중좌", "소좌", "위원장", "국무위원장", "대통령", "총리", "장관", "차관", "대사",
    "의원", "총비서", "비서", "부장", "부부장", "대표", "회장", "사장", "교수", "기자", "원장", "국장",
    "소장", "대장", "중장", "상장", "선생", "동지", "여사", "총재", "주석", "서기관", "참사관", "영사",
    "공사", "박사", "요원", "공작원",
)
# Common given-name syllables (not a closed list: a name that uses others is found only with a title).
_NAME_SYLLABLES = frozenset("""
    가 각 간 갑 강 개 건 걸 경 계 고 곤 관 광 교 구 국 군 권 규 균 근 금 기 길 나 난 남 내 녀 년 노 농 누 늘 다 단 달
    담 대 덕 도 돈 동 두 득 라 란 람 랑 래 량 려 련 렬 령 례 로 록 룡 룰 류 륜 률 리 린 림 마 만 매 명 모 목 무 묵 문 미
    민 바 박 반 발 배 백 범 법 벽 별 병 보 복 본 봉 부 분 비 빈 빛 사 삼 상 새 서 석 선 설 섭 성 세 소 솔 송 수 숙 순 술
    승 시 식 신 실 심 아 안 애 야 양 언 엄 여 연 열 염 엽 영 예 오 옥 온 완 왕 요 용 우 욱 운 웅 원 월 위 유 육 윤 율
    은 을 음 의 이 익 인 일 임 자 작 장 재 전 정 제 조 종 주 준 중 지 진 찬 창 채 천 철 청 초 춘 충 치 태 택 평 표 필 하
    학 한 해 행 향 허 혁 현 형 혜 호 홍 화 환 활 황 회 효 후 훈 휘 휴 흠 흥 희 힘 빈 슬 솜 샘 결 겸 곡 공 광 길 담 솜
""".split())
_COMMON_WORDS_KO = frozenset("""
    조선 정부 한국인 이상 이번 이후 이전 이유 이야기 정보 정치 정책 정상 전쟁 전문가 안보 안전 고위 고위급 문제 문화
    신문 방송 김치 공작 공작원 남북 남한 북한 주민 주장 조사 조직 장관 차관 대사 대표 회장 사장 교수 기자 위원장
    강화 강조 한편 한반도 전략 전술 송환 송금 선거 선전 서울 민간 민족 오후 오전 유엔 유럽 임무 허가 황해 하루 지원
    지난 지금 지역 진행 정권 정세 정찰 전략 공개 공화국 구성 국가 국민 국제 김정은이 안정 우리 우선 원장 유사 육군
    인민 최근 최고 하지만 한다 한국 홍보 배경 백두 성명 성공 송신 손해 신원 심리 양국 여러 연구 염려 오늘 용의자
    고려 주요 주체 조치 도발 성분 선군 천리마 장마당 병진 만경대 노동 동무 동지 수령 장군 원수 주석 혁명 한류 한글
    한복 한자 김밥 소주 재벌 반공 국정 간첩 공작금 조국 통일 남조선 민주 자주 전승 승리 선전원 정찰 고난 심화
""".split())  # Korean words in brackets in English reports (songbun, songun, chollima): never a person


def _hangul(text: str) -> list[Mention]:
    runs = list(_HANGUL_RUN.finditer(text))
    found: list[Mention] = []
    pending: list[tuple[int, str, int, bool]] = []  # (run index, candidate, start, titled) people needing a second look
    for index, run in enumerate(runs):
        prose = _hangul_prose(text, runs, index)
        word = run.group(0)
        mention = _hangul_name(word, run.start(), prose)
        if mention is not None:
            found.append(mention)
            continue
        if prose:
            name = _strip_particle(word, person=True)
            if split_korean_name(name) is not None:
                pending.append((index, name, run.start(), _titled(text, runs, index)))
    people = {m.surface for m in found if m.kind is Kind.PERSON}
    for _, name, start, titled in pending:
        if (titled and _name_like(name)) or name in people:
            found.append(Mention(Kind.PERSON, name, name, start, start + len(name)))
            people.add(name)
    return found


def _hangul_prose(text: str, runs: list[re.Match[str]], index: int) -> bool:
    """Another Hangul word on either side, across spaces or light punctuation: a Korean sentence."""
    run = runs[index]
    if index > 0 and re.fullmatch(r"[ \t]*[,.·]?[ \t]*", text[runs[index - 1].end():run.start()]):
        return True
    return index + 1 < len(runs) and bool(re.fullmatch(r"[ \t]*[,.·]?[ \t]*", text[run.end():runs[index + 1].start()]))


def _titled(text: str, runs: list[re.Match[str]], index: int) -> bool:
    """The next Hangul word is a title (위원장, 씨, 대사...), possibly with a particle, or the title is attached."""
    if index + 1 >= len(runs) or text[runs[index].end():runs[index + 1].start()] not in (" ", ""):
        return False
    return runs[index + 1].group(0).startswith(_TITLES_KO)


def _strip_particle(word: str, person: bool) -> str:
    """The word without a trailing particle, when what is left is at least two syllables."""
    for particle in _PARTICLES_ALWAYS:
        if word.endswith(particle) and len(word) - len(particle) >= 2:
            return word[: -len(particle)]
    if person and split_korean_name(word) is not None:
        return word  # 김정은: the 은 is the name's own
    for particle in _PARTICLES_AMBIGUOUS:
        if word.endswith(particle) and len(word) - len(particle) >= 2:
            return word[: -len(particle)]
    return word


@functools.lru_cache(maxsize=16384)
def _org_or_place(word: str) -> Kind | None:
    if word in _KNOWN_ORGS_KO:
        return Kind.ORGANIZATION
    if word in _PLACES_KO and word not in _COMMON_WORDS_KO - {"북한", "남한", "한국", "서울"}:
        return Kind.LOCATION
    for suffix in _PLACE_SUFFIXES:
        if word.endswith(suffix) and word[: -len(suffix)] in _PLACES_KO:
            return Kind.LOCATION
    if re.search(r"(?:북|남)도$", word) and word[:-1] in _PLACES_KO:
        return Kind.LOCATION
    for suffix in _ORG_SUFFIXES_LONG:
        if word.endswith(suffix) and len(word) - len(suffix) >= (2 if suffix in ("공사", "전자", "일보") else 1):
            return Kind.ORGANIZATION
    compound_person = word[:2] in COMPOUND_FAMILY_NAMES and len(word) <= 4
    if word.endswith(_ORG_SUFFIXES_SHORT) and len(word) >= 4 and not compound_person:
        return Kind.ORGANIZATION
    return None


def _name_like(name: str) -> bool:
    split = split_korean_name(name)
    return split is not None and name not in _COMMON_WORDS_KO and name not in _PLACES_KO


def _hangul_name(word: str, start: int, prose: bool) -> Mention | None:
    """A mention for one Hangul word: an organisation or place anywhere, a person only when it stands alone."""
    candidates = [word]
    if prose:
        stripped = _strip_particle(word, person=False)
        if stripped != word:
            candidates.append(stripped)
    for candidate in candidates:
        kind = _org_or_place(candidate)
        if kind is not None:
            return Mention(kind, candidate, candidate, start, start + len(candidate))
    if prose:
        return None
    split = split_korean_name(word)
    if split is None or not _name_like(word):
        return None
    _, given = split
    if all(syllable in _NAME_SYLLABLES for syllable in given):
        return Mention(Kind.PERSON, word, word, start, start + len(word))
    return None


# --- both ------------------------------------------------------------------------------------------------------------

_HAS_OTHER = re.compile(r"[\u0400-\u04ff\uac00-\ud7a3]")


def extract(text: str) -> list[Mention]:
    """Names written in Cyrillic or Hangul, with offsets into ``text``; nothing for Latin or Japanese text."""
    if not _HAS_OTHER.search(text):
        return []
    found = _cyrillic(text) + _hangul(text)
    return sorted(found, key=lambda m: (m.start, m.end))
