"""Cyrillic and Hangul names meet their Latin spellings: BGN/PCGN and press Russian, South and North Korean."""

from __future__ import annotations

import pytest

from nia_desktop.core.fusion.spelling import name_key
from nia_desktop.core.fusion.transliterate import folded_keys, romanisations, script_of, split_korean_name


def meets(native: str, latin: str) -> bool:
    return name_key(latin) in folded_keys(native)


def test_script_of() -> None:
    assert script_of("Константин Егоров") == "cyrillic"
    assert script_of("리광혁") == "hangul"
    assert script_of("RI Kwang-hyok") == "latin"
    assert script_of("KŌNO Rie") == "latin"
    assert script_of("永瀬 蓮") == "japanese" and script_of("コンスタンチン・エゴロフ") == "japanese"
    assert script_of("СВР (SVR)") == "mixed"
    assert script_of("123 - !") == "other" and script_of("") == "other"
    assert script_of("Αθήνα") == "other"


@pytest.mark.parametrize(("cyrillic", "bgn"), [
    # every letter of the BGN/PCGN 1947 table, first spelling = the standard one
    ("Абвгд", "Abvgd"), ("Жуков", "Zhukov"), ("Зимин", "Zimin"), ("Йошкар", "Yoshkar"), ("Клим", "Klim"),
    ("Лемешев", "Lemeshev"), ("Нопр", "Nopr"), ("Стуф", "Stuf"), ("Хабаровск", "Khabarovsk"), ("Цой", "Tsoy"),
    ("Чехов", "Chekhov"), ("Шолохов", "Sholokhov"), ("Щукин", "Shchukin"), ("Подъячев", "Podyachev"),
    ("Быков", "Bykov"), ("Гоголь", "Gogol"), ("Эдуард", "Eduard"), ("Юрьев", "Yuryev"), ("Яковлев", "Yakovlev"),
    # е is ye at the start of a word and after a vowel, й, ь or ъ; e after a consonant
    ("Егоров", "Yegorov"), ("Алексеев", "Alekseyev"), ("Объедков", "Obyedkov"), ("Петров", "Petrov"),
    # ё: yo, o after the hushing consonants; -ий -> iy, -ый -> yy
    ("Фёдоров", "Fyodorov"), ("Чернышёв", "Chernyshov"), ("Аркадий", "Arkadiy"), ("Новый", "Novyy"),
    ("СВР", "SVR"), ("ФСБ", "FSB"), ("ТАСС", "TASS"),
])
def test_bgn_pcgn_first(cyrillic: str, bgn: str) -> None:
    assert romanisations(cyrillic)[0] == bgn


def test_russian_common_variants() -> None:
    assert romanisations("Константин Егоров")[:2] == ["Konstantin Yegorov", "Konstantin Egorov"]
    assert meets("Егоров", "YEGOROV") and meets("Егоров", "Egorov") and not meets("Егоров", "Yegorova")
    assert meets("Кирилл", "Kirill")
    assert meets("Юлия Скрипаль", "Yulia Skripal") and meets("Юлия Скрипаль", "Yuliya Skripal")
    assert meets("Юлия Скрипаль", "Iuliia Skripal")  # the passport (ICAO) spelling
    assert meets("Геннадий Громов", "Gennadii Gromov") and meets("Геннадий Громов", "Gennadiy Gromov")
    assert meets("Геннадий Громов", "Gennady GROMOV") and meets("Аркадий Светлов", "Arkady Svetlov")
    assert meets("Тимур Ахмедов", "AKHMEDOV Timur") and meets("Тимур Ахмедов", "Timur Ahmedov")
    assert meets("Алексей Навальный", "Alexei Navalny") and meets("Алексей Навальный", "Aleksey Navalnyy")
    assert meets("Сергей Лавров", "Sergei Lavrov") and meets("Дмитрий Песков", "Dmitry Peskov")
    assert meets("Мария Захарова", "Maria Zakharova") and meets("Наталья Петрова", "Natalia Petrova")
    assert meets("Фёдор Соловьёв", "Fedor Solovyev") and meets("Фёдор Соловьёв", "Fyodor Solovyov")
    assert meets("Владимир Ильич", "Vladimir Ilyich")
    assert meets("Юрий Андропов", "Yuri Andropov")
    assert "Yegoroff" in romanisations("Егоров")[2:]  # the old -off: offered, last
    assert not meets("Егоров", "Yegerov") and not meets("Кирилл", "Cyril")


def test_patronymic_optional_in_keys() -> None:
    keys = folded_keys("Константин Павлович Егоров")
    assert name_key("Konstantin Pavlovich Yegorov") in keys and name_key("Konstantin YEGOROV") in keys
    assert romanisations("Константин Павлович Егоров")[0] == "Konstantin Pavlovich Yegorov"


def test_ordinary_case_and_limits() -> None:
    assert romanisations("ЕГОРОВ Константин")[0] == "Yegorov Konstantin"
    assert romanisations("Служба внешней разведки")[0] == "Sluzhba vneshney razvedki"
    for surface in ("Юлия Скрипаль", "Константин Павлович Егоров", "리광혁", "김정은", "남궁민수"):
        spellings = romanisations(surface)
        assert 1 <= len(spellings) <= 8 and len(set(spellings)) == len(spellings)
    assert romanisations("Kim Jong Un") == [] and romanisations("金正恩") == [] and folded_keys("Egorov") == set()


def test_korean_north_and_south_meet() -> None:
    north = romanisations("리광혁")
    assert north[0] == "Ri Kwang-hyok" and "Ri Kwanghyok" in north and "Ri Kwang-hyŏk" in north
    assert "Lee Gwang-hyeok" in romanisations("이광혁")
    assert name_key("RI Kwang-hyok") in folded_keys("리광혁") and meets("리광혁", "Ri Kwang Hyok")
    assert meets("이광혁", "RI Kwang-hyok") and meets("리광혁", "Lee Gwang-hyeok")  # one person, two Koreas
    assert meets("김정은", "Kim Jong Un") and meets("김정은", "Kim Jong-un") and meets("김정은", "Kim Jeong-eun")
    assert meets("김정은", "Kim Chŏng-ŭn")  # McCune-Reischauer with breves
    assert meets("윤태호", "YOON Tae-ho") and meets("황민서", "Min-seo Hwang")
    assert not meets("김정은", "Kim Jong Il") and not meets("리광혁", "Ri Kwang-chol")


@pytest.mark.parametrize(("hangul", "latin"), [
    ("장성택", "Jang Song Thaek"), ("김계관", "Kim Kye Gwan"), ("최룡해", "Choe Ryong Hae"), ("최선희", "Choe Son Hui"),
    ("박봉주", "Pak Pong Ju"), ("김여정", "Kim Yo Jong"), ("현송월", "Hyon Song Wol"), ("태영호", "Thae Yong Ho"),
    ("박근혜", "Park Geun-hye"), ("문재인", "Moon Jae-in"), ("윤석열", "Yoon Suk-yeol"), ("이명박", "Lee Myung-bak"),
    ("반기문", "Ban Ki-moon"), ("김대중", "Kim Dae-jung"), ("정은경", "Jeong Eun-kyeong"),
    ("남궁민수", "Namgung Min-su"), ("선우용녀", "Sunwoo Yong-nyeo"),
])
def test_known_spellings(hangul: str, latin: str) -> None:
    assert meets(hangul, latin)


def test_family_names() -> None:
    assert split_korean_name("리광혁") == ("리", "광혁")
    assert split_korean_name("남궁민수") == ("남궁", "민수") and split_korean_name("황보관") == ("황보", "관")
    assert split_korean_name("조선중앙통신") is None and split_korean_name("김") is None
    assert split_korean_name("국가정보원") is None  # five syllables, not a person
    surnames = {r.split()[0] for r in romanisations("박지민")} | {r.split()[0] for r in romanisations("최지민")}
    assert {"Park", "Pak", "Choi", "Choe"} <= surnames


def test_organisations_romanised_whole() -> None:
    assert romanisations("조선중앙통신")[0] == "Joseonjungangtongsin"
    assert "Chosonjungangtongsin" in romanisations("조선중앙통신")  # McCune-Reischauer without breves
    assert romanisations("국정원")[0] == "Gukjeongwon"  # 국 is a family name too, but this is the NIS


def test_places_not_read_as_people() -> None:
    assert romanisations("평양")[0] == "Pyongyang" and romanisations("개성")[0] == "Kaesong"  # the North: MR
    assert romanisations("서울")[0] == "Seoul" and romanisations("부산") == ["Busan", "Pusan"]  # the South: RR
    assert split_korean_name("부산") is None and split_korean_name("서울시") is None
    assert name_key("Sinuiju") in folded_keys("신의주")
