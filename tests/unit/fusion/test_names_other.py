"""Names in Cyrillic and Hangul inside English and Japanese reports: what is found, its kind, its exact offsets."""

from __future__ import annotations

import random
import time

from nia_desktop.core.fusion import names_other
from nia_desktop.core.fusion.model import Kind, Mention
from nia_desktop.core.fusion.spelling import name_key
from nia_desktop.core.fusion.transliterate import folded_keys


def found(text: str) -> set[tuple[Kind, str]]:
    mentions = names_other.extract(text)
    for mention in mentions:
        assert text[mention.start:mention.end] == mention.surface  # offsets exact
        assert mention.key == " ".join(mention.surface.split())
    return {(m.kind, m.surface) for m in mentions}


def test_bracketed_names_in_english() -> None:
    text = ("Konstantin YEGOROV (Константин Егоров) met RI Kwang-hyok (리광혁) on behalf of the SVR (СВР); "
            "KCNA (조선중앙통신) and the NIS (국가정보원) reported it.")
    assert found(text) == {(Kind.PERSON, "Константин Егоров"), (Kind.PERSON, "리광혁"),
                           (Kind.ORGANIZATION, "СВР"), (Kind.ORGANIZATION, "조선중앙통신"),
                           (Kind.ORGANIZATION, "국가정보원")}
    mention = next(m for m in names_other.extract(text) if m.surface == "리광혁")
    assert (mention.start, mention.end) == (text.index("리광혁"), text.index("리광혁") + 3)
    assert name_key("RI Kwang-hyok") in folded_keys(mention.surface)  # what resolution will do with it


def test_bracketed_names_in_japanese() -> None:
    text = "リ・グァンヒョク（리광혁）はロシア対外情報庁（СВР）のエゴロフ（Егоров Константин）と接触した。"
    assert found(text) == {(Kind.PERSON, "리광혁"), (Kind.ORGANIZATION, "СВР"), (Kind.PERSON, "Егоров Константин")}


def test_russian_people() -> None:
    assert found("(Константин Павлович Егоров)") == {(Kind.PERSON, "Константин Павлович Егоров")}
    assert found("(ЕГОРОВ Константин Павлович)") == {(Kind.PERSON, "ЕГОРОВ Константин Павлович")}
    assert found("Юлия Скрипаль; Аркадий Светлов; Вера Белова; Алексей Навальный") == {
        (Kind.PERSON, "Юлия Скрипаль"), (Kind.PERSON, "Аркадий Светлов"), (Kind.PERSON, "Вера Белова"),
        (Kind.PERSON, "Алексей Навальный")}
    assert found("(Светлов Аркадий)") == {(Kind.PERSON, "Светлов Аркадий")}
    # a sentence-initial word is not part of the name; a verb after it is not either
    assert found("Вчера Константин Егоров сообщил об этом.") == {(Kind.PERSON, "Константин Егоров")}
    # a patronymic is enough in prose, whatever the given name; a й written as и + combining breve still reads
    assert found("Разведчик Рихард Густавович Зорге работал в Токио.") == {(Kind.PERSON, "Рихард Густавович Зорге")}
    decomposed = "Юрии\u0306 Андропов и СВР"
    assert found(decomposed) == {(Kind.PERSON, "Юрии\u0306 Андропов"), (Kind.ORGANIZATION, "СВР")}
    assert found("(Российская Федерация)") == {(Kind.LOCATION, "Российская Федерация")}
    assert found("Это Большой театр и Красная площадь. Первый канал сообщил.") == set()


def test_russian_organisations_and_places() -> None:
    assert found("Служба внешней разведки Российской Федерации сообщила, что ...") == {
        (Kind.ORGANIZATION, "Служба внешней разведки Российской Федерации")}
    assert (Kind.ORGANIZATION, "Федеральная служба безопасности") in found("(Федеральная служба безопасности)")
    assert (Kind.ORGANIZATION, "Главное разведывательное управление") in found(
        "Главное разведывательное управление заявило.")
    assert found("Министерство иностранных дел России заявило.") == {
        (Kind.ORGANIZATION, "Министерство иностранных дел России")}
    assert found("Торгпредство России в Японии") == {(Kind.ORGANIZATION, "Торгпредство России")}
    assert found("ООО «Ромашка» и ПАО «Газпром»") == {(Kind.ORGANIZATION, "ООО «Ромашка»"),
                                                     (Kind.ORGANIZATION, "ПАО «Газпром»")}
    assert found("СВР, ФСБ, ГРУ, МИД и ТАСС") == {(Kind.ORGANIZATION, a) for a in ("СВР", "ФСБ", "ГРУ", "МИД", "ТАСС")}
    assert found("город Владивосток, Приморский край, Сахалинская область, США") == {
        (Kind.LOCATION, "Владивосток"), (Kind.LOCATION, "Приморский край"), (Kind.LOCATION, "Сахалинская область"),
        (Kind.LOCATION, "США")}
    assert found("ВНИМАНИЕ ВСЕМ ПОСТАМ СРОЧНО") == set()  # a shouted line is not a row of abbreviations
    assert found("ООО") == set()


def test_korean_people() -> None:
    text = "HWANG Min-seo (황민서), YOON Tae-ho (윤태호), NAMGUNG Min-su (남궁민수) and Kim Jong Un (김정은)"
    assert found(text) == {(Kind.PERSON, n) for n in ("황민서", "윤태호", "남궁민수", "김정은")}
    # standalone words that start with a family-name syllable but are not names
    assert found("(이야기) (조선) (정부) (이상)") == set()
    assert found("songbun (성분), songun (선군), chollima (천리마), juche (주체), jangmadang (장마당)") == set()


def test_korean_organisations_and_places() -> None:
    assert found("(조선중앙통신)") == {(Kind.ORGANIZATION, "조선중앙통신")}
    assert found("노동신문, 국가보위성, 정찰총국, 국정원, 국방부") == {
        (Kind.ORGANIZATION, o) for o in ("노동신문", "국가보위성", "정찰총국", "국정원", "국방부")}
    assert found("(서울특별시) (평양시) (함경북도) (북한)") == {
        (Kind.LOCATION, p) for p in ("서울특별시", "평양시", "함경북도", "북한")}
    assert found("(박지원)") == {(Kind.PERSON, "박지원")}  # 원 ends organisations too, but three syllables are a name


def test_korean_prose_splits_particles() -> None:
    text = "김정은 위원장은 평양에서 리광혁과 만났다. 리광혁은 국가보위성 소속이다. 이상은 조선중앙통신이 보도했다."
    assert found(text) == {(Kind.PERSON, "김정은"), (Kind.LOCATION, "평양"), (Kind.ORGANIZATION, "국가보위성"),
                           (Kind.ORGANIZATION, "조선중앙통신")}  # 리광혁 has no title here and was never alone
    later = "최선희 외무상은 담화를 발표했다. 최선희는 미국을 비난했다."
    people = [m for m in names_other.extract(later) if m.kind is Kind.PERSON]
    assert [(m.surface, m.start) for m in people] == [("최선희", 0), ("최선희", later.index("최선희는"))]
    seen_alone = "(리광혁) 리광혁은 국가보위성 소속이다."
    assert found(seen_alone) == {(Kind.PERSON, "리광혁"), (Kind.ORGANIZATION, "국가보위성")}
    assert len([m for m in names_other.extract(seen_alone) if m.surface == "리광혁"]) == 2


def test_no_mention_in_latin_or_japanese_text() -> None:
    assert names_other.extract("Kim Jong Un met Sergei Lavrov of the SVR in Vladivostok.") == []
    assert names_other.extract("永瀬 蓮は六本木でエゴロフと会い、鶴ヶ丘海運株式会社の社員と接触した。") == []
    assert names_other.extract("") == []


def test_throughput_on_a_megabyte() -> None:
    """A 1 MB mixed report (mostly English and Japanese) is scanned well under a second."""
    rng = random.Random(12)
    pieces = ["Konstantin YEGOROV (Константин Егоров) met RI Kwang-hyok (리광혁). ",
              "ロシア対外情報庁（СВР）の職員が接触した。", "The agency reported routine traffic on the port. ",
              "KCNA (조선중앙통신) said Служба внешней разведки Российской Федерации sent a note. ",
              "永瀬 蓮は六本木で会った。", "Selectors: example.org, 203.0.113.7. ",
              "김정은 위원장은 평양에서 만났다. "]
    text = "".join(rng.choice(pieces) for _ in range(25000))[:1_000_000]
    assert len(text) == 1_000_000
    begin = time.perf_counter()
    mentions: list[Mention] = names_other.extract(text)
    elapsed = time.perf_counter() - begin
    assert mentions and all(text[m.start:m.end] == m.surface for m in mentions)
    assert elapsed < 5.0, elapsed  # measured 0.6-0.7 s here; the bound leaves room for a loaded CI machine
