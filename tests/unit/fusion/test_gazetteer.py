"""The shipped gazetteers: one entry across scripts, precision guards in free text, offsets, provenance."""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path

import pytest

from nia_desktop.core.fusion import gazetteer
from nia_desktop.core.fusion.gazetteer import DATA_DIR, Entry, Gazetteer, load, normalise
from nia_desktop.core.fusion.model import Kind


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load()


def found(gaz: Gazetteer, text: str) -> list[tuple[str, str]]:
    return [(text[start:end], entry.id) for start, end, entry in gaz.find(text)]


def one_entry(gaz: Gazetteer, *surfaces: str) -> Entry:
    entries = {surface: gaz.lookup(surface) for surface in surfaces}
    assert None not in entries.values(), entries
    assert len({entry.id for entry in entries.values() if entry}) == 1, entries
    entry = entries[surfaces[0]]
    assert entry is not None
    return entry


# ---------------------------------------------------------------- cross-script lookups


def test_svr_in_every_script(gaz: Gazetteer) -> None:
    entry = one_entry(gaz, "SVR", "СВР", "ロシア対外情報庁", "Foreign Intelligence Service of the Russian Federation",
                      "the Russian Foreign Intelligence Service", "Служба внешней разведки")
    assert entry.kind is Kind.ORGANIZATION and entry.country == "RU"


def test_defense_intelligence_headquarters(gaz: Gazetteer) -> None:
    entry = one_entry(gaz, "情報本部", "防衛省情報本部", "Defense Intelligence Headquarters", "DIH")
    assert entry.id == "body:jp-dih"


def test_russian_trade_representation(gaz: Gazetteer) -> None:
    entry = one_entry(gaz, "在日ロシア通商代表部", "Russian Trade Representation", "the Russian Trade Representation",
                      "Trade Representation of the Russian Federation in Japan")
    assert entry.country == "RU"


def test_threat_actor_synonyms_from_misp(gaz: Gazetteer) -> None:
    entry = one_entry(gaz, "APT40", "Kryptonite Panda", "KRYPTONITE PANDA", "TEMP.Periscope", "Gingham Typhoon")
    assert entry.id.startswith("actor:") and entry.kind is Kind.ORGANIZATION
    assert one_entry(gaz, "APT28", "Fancy Bear", "Sofacy").id.startswith("actor:")


def test_japanese_prefecture_with_and_without_macrons(gaz: Gazetteer) -> None:
    entry = one_entry(gaz, "高知県", "高知", "Kochi Prefecture", "Kōchi", "Kochi", "KOCHI", "Kōchi-ken")
    assert entry.id == "jp:39" and entry.kind is Kind.LOCATION
    city = one_entry(gaz, "高知市", "Kochi City", "Kōchi-shi")
    assert city.id != entry.id and city.country == "JP"


def test_country_names(gaz: Gazetteer) -> None:
    assert one_entry(gaz, "ロシア", "Russia", "Russian Federation", "RU", "Россия", "ロシア連邦").id == "country:RU"
    assert one_entry(gaz, "北朝鮮", "North Korea", "DPRK", "조선민주주의인민공화국").id == "country:KP"
    assert one_entry(gaz, "米国", "United States", "U.S.", "US", "アメリカ合衆国").id == "country:US"
    assert one_entry(gaz, "韓国", "South Korea", "Republic of Korea", "대한민국").id == "country:KR"


def test_more_bodies_across_scripts(gaz: Gazetteer) -> None:
    one_entry(gaz, "公安調査庁", "公安庁", "PSIA", "Public Security Intelligence Agency")
    one_entry(gaz, "内閣情報調査室", "内調", "CIRO")
    one_entry(gaz, "国家安全部", "国安部", "MSS", "Ministry of State Security")
    one_entry(gaz, "FSB", "ФСБ", "ロシア連邦保安庁")
    one_entry(gaz, "GRU", "ГРУ", "ロシア軍参謀本部情報総局")
    one_entry(gaz, "Reconnaissance General Bureau", "정찰총국", "偵察総局", "RGB")
    one_entry(gaz, "NIS", "국정원", "국가정보원", "国家情報院")
    one_entry(gaz, "KCNA", "조선중앙통신", "朝鮮中央通信")
    one_entry(gaz, "Xinhua", "新华社", "新華社")
    one_entry(gaz, "TASS", "ТАСС", "タス通信")
    one_entry(gaz, "朝鮮総連", "Chongryon", "在日本朝鮮人総聯合会")
    one_entry(gaz, "統一戦線工作部", "United Front Work Department", "统战部")


def test_world_cities_and_japanese_script(gaz: Gazetteer) -> None:
    assert one_entry(gaz, "Khabarovsk", "ハバロフスク", "Хабаровск").country == "RU"
    assert one_entry(gaz, "Paris", "パリ").country == "FR"


def test_normalise_folds_case_width_macrons_and_punctuation() -> None:
    assert normalise("Kōchi") == normalise("KOCHI") == "kochi"
    assert normalise("the Russian Trade Representation") == normalise("Russian  Trade-Representation")
    assert normalise("ロシア・対外情報庁") == normalise("ロシア対外情報庁")
    assert normalise("ＳＶＲ") == "svr"
    assert normalise("が") != normalise("か")  # voicing marks are not accents


def test_unknown_and_ambiguous_are_none(gaz: Gazetteer) -> None:
    assert gaz.lookup("Shiomizaki Fisheries Cooperative") is None
    assert gaz.lookup("府中市") is None  # Tokyo's and Hiroshima's
    assert gaz.lookup("東京都府中市") is not None
    assert gaz.lookup("") is None


def test_entry_by_id(gaz: Gazetteer) -> None:
    assert gaz.entry("body:jp-psia").name == "Public Security Intelligence Agency"
    assert gaz.entry("country:RU").kind is Kind.LOCATION
    with pytest.raises(KeyError):
        gaz.entry("body:nonexistent")


# ---------------------------------------------------------------- find(): precision


@pytest.mark.parametrize("word", ["Nice", "Mobile", "Reading", "Split", "Of", "March", "Victoria", "Florence",
                                  "Eugene", "Deal", "Bath"])
def test_city_names_that_are_words_or_given_names_are_not_found(gaz: Gazetteer, word: str) -> None:
    assert found(gaz, f"{word} said the report was ready. We met {word} at noon.") == []


def test_lower_case_words_are_not_found(gaz: Gazetteer) -> None:
    assert found(gaz, "we flew to paris and tokyo; china plates; the russian trade representation") == []
    assert [surface for surface, _ in found(gaz, "We flew to Paris and Tokyo.")] == ["Paris", "Tokyo"]


def test_words_inside_longer_words_are_not_found(gaz: Gazetteer) -> None:
    assert found(gaz, "Parisian Tokyoite SVRs") == []


def test_abbreviations_only_as_written(gaz: Gazetteer) -> None:
    assert found(gaz, "the svr and Svr") == []
    assert found(gaz, "The SVR said") == [("SVR", "body:ru-svr")]


def test_guarded_abbreviations_need_the_full_name(gaz: Gazetteer) -> None:
    assert found(gaz, "RT if you agree. The NPA attacked a village in Samar. MOD said nothing.") == []
    text = "Russia Today (RT) ran the story; RT later deleted it."
    assert found(gaz, text) == [("Russia Today", "body:ru-rt"), ("RT", "body:ru-rt"), ("RT", "body:ru-rt")]
    assert ("NPA", "body:jp-npa") in found(gaz, "警察庁（NPA）によると")
    assert found(gaz, "rt if you agree, Russia Today") == [("Russia Today", "body:ru-rt")]


def test_cable_words_and_single_kanji_are_not_found(gaz: Gazetteer) -> None:
    assert found(gaz, "050230Z MAR 26 COM") == []
    assert found(gaz, "露出と披露、米作、英語") == []  # 露 (Russia), 米, 英: lookup only
    assert gaz.lookup("露") == gaz.lookup("ロシア")


def test_bare_municipality_kanji_not_found_but_prefectures_are(gaz: Gazetteer) -> None:
    assert found(gaz, "府中で会った") == []
    assert found(gaz, "高知で会った") == [("高知", "jp:39")]
    assert found(gaz, "札幌で会った") == [("札幌", "jp:01100")]


def test_two_kanji_world_city_not_inside_a_word(gaz: Gazetteer) -> None:
    assert found(gaz, "太平洋側") == []


def test_surname_like_municipality_romaji_not_found(gaz: Gazetteer) -> None:
    assert found(gaz, "Mr Kikuchi met Ms Ichikawa.") == []
    assert gaz.lookup("Kikuchi City") is not None


# ---------------------------------------------------------------- find(): offsets and longest first


def test_offsets_on_mixed_japanese_and_english(gaz: Gazetteer) -> None:
    text = "２０２６年、在日ロシア通商代表部の職員がSVR（ロシア対外情報庁）とKōchi Prefectureで接触。APT40も。"
    matches = gaz.find(text)
    assert [(text[s:e], entry.id) for s, e, entry in matches] == [
        ("在日ロシア通商代表部", "body:ru-trade-rep-jp"),
        ("SVR", "body:ru-svr"),
        ("ロシア対外情報庁", "body:ru-svr"),
        ("Kōchi Prefecture", "jp:39"),
        ("APT40", gaz.lookup("APT40").id),  # type: ignore[union-attr]
    ]
    assert all(matches[i][1] <= matches[i + 1][0] for i in range(len(matches) - 1))


def test_longest_match_wins(gaz: Gazetteer) -> None:
    assert found(gaz, "防衛省情報本部") == [("防衛省情報本部", "body:jp-dih")]
    assert found(gaz, "the Embassy of the Russian Federation in Japan") == [
        ("Embassy of the Russian Federation in Japan", "body:ru-embassy-jp")]


def test_full_width_and_all_caps(gaz: Gazetteer) -> None:
    assert found(gaz, "ＳＶＲ") == [("ＳＶＲ", "body:ru-svr")]
    assert found(gaz, "MOSCOW AND TOKYO") == [("MOSCOW", gaz.lookup("Moscow").id),  # type: ignore[union-attr]
                                              ("TOKYO", "jp:13")]


# ---------------------------------------------------------------- data integrity and provenance


def test_every_data_file_has_a_sources_entry() -> None:
    sources = (DATA_DIR / "SOURCES.md").read_text(encoding="utf-8")
    files = [path.name for path in DATA_DIR.iterdir() if path.name != "SOURCES.md"]
    assert files
    for name in files:
        assert f"`{name}`" in sources, name


def test_generated_files_name_their_source_and_date() -> None:
    for name in gazetteer.TSV_FILES:
        header = [line for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines()[:5]
                  if line.startswith("#")]
        assert any(line.startswith("# source:") for line in header), name
        assert any(re.match(r"# retrieved: \d{4}-\d{2}-\d{2}$", line) for line in header), name


def test_every_body_has_a_source_and_a_japanese_name() -> None:
    bodies = json.loads((DATA_DIR / "bodies.json").read_text(encoding="utf-8"))["bodies"]
    assert 120 <= len(bodies) <= 200
    assert len({body["id"] for body in bodies}) == len(bodies)
    for body in bodies:
        assert body["source"] and all(str(source).startswith("http") for source in body["source"]), body["id"]
        assert body["names"].get("ja"), body["id"]
        assert re.fullmatch(r"[A-Z]{2}", body["country"]) or body["id"].startswith("body:int-"), body["id"]
        assert body["id"].startswith("body:")


def test_bodies_names_have_no_stray_spacing() -> None:
    bodies = json.loads((DATA_DIR / "bodies.json").read_text(encoding="utf-8"))["bodies"]
    for body in bodies:
        for form, _ in gazetteer.body_forms(body):
            assert form == " ".join(form.split()) and "|" not in form, (body["id"], form)


def test_stored_keys_match_normalise(gaz: Gazetteer) -> None:
    """The build tool stores normalise()d keys beside the forms: they must be what normalise() says today."""
    for entry in list(gaz.entries())[::37]:
        for form in entry.names:
            key = normalise(form)
            if key and gaz.lookup(form) is not None:
                assert gaz.lookup(form) == gaz.lookup(key) or normalise(key) == key


def test_no_name_resolves_across_kinds(gaz: Gazetteer) -> None:
    """A name that entries of two kinds share resolves to nothing (lookup None), never to one of them."""
    kinds: dict[str, set[Kind]] = {}
    for entry in gaz.entries():
        for form in entry.names:
            kinds.setdefault(normalise(form), set()).add(entry.kind)
    shared = [key for key, found_kinds in kinds.items() if len(found_kinds) > 1 and key]
    for key in shared:
        assert gaz.lookup(key) is None, key


def test_find_never_returns_what_lookup_would_not(gaz: Gazetteer) -> None:
    text = ("The SVR and the FSB; 在日ロシア通商代表部; Paris, Moscow, 北京; APT40 and Fancy Bear; 高知県高知市; "
            "Russia Today (RT); 警察庁; Kōchi")
    for start, end, entry in gaz.find(text):
        assert gaz.lookup(text[start:end]) == entry, text[start:end]


def test_toy_gazetteer_ranks_and_kinds(tmp_path: Path) -> None:
    (tmp_path / "countries.tsv").write_text(
        "# source: test\n"
        "country:AA\tL\tAA\t1\tAlpha\tAlpha|Shared|Clash\talpha|shared|clash\n"
        "city:1\tL\tAA\t7\tAlpha Town\tAlpha Town|Shared\talphatown|shared\n"
        "actor:x\tO\t\t5\tClash Group\tClash Group|Clash\tclashgroup|clash\n", encoding="utf-8")
    gaz = gazetteer.build(tmp_path)
    assert gaz.lookup("Shared") == gaz.entry("country:AA")  # same kind: the lower rank wins
    assert gaz.lookup("Clash") is None  # two kinds: nobody's
    assert [e.id for _, _, e in gaz.find("Clash and Shared")] == ["country:AA"]


def test_load_is_cached_and_thread_safe() -> None:
    results: list[Gazetteer] = []
    threads = [threading.Thread(target=lambda: results.append(load())) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(result) for result in results}) == 1 and results[0] is load()
    assert gazetteer.LOAD_SECONDS > 0
