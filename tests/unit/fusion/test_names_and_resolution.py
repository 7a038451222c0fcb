"""Names in English and Japanese, resolution across scripts, name orders and spellings; links and duplicates."""

from __future__ import annotations

from nia_desktop.core.fusion import content, names_en, names_ja, neardup, spelling
from nia_desktop.core.fusion.engine import ReportText, fuse
from nia_desktop.core.fusion.model import Kind


def test_english_patterns() -> None:
    text = ("Akiko Ichikawa, acting for Goldleaf Realty G.K., met NAGASE Ren in Sakata. "
            "Ichikawa later called. Operation QUIET ORCHARD continues.")
    found = {(m.kind, m.surface) for m in names_en.extract(text)}
    assert (Kind.PERSON, "Akiko Ichikawa") in found and (Kind.PERSON, "NAGASE Ren") in found
    assert (Kind.ORGANIZATION, "Goldleaf Realty G.K.") in found
    assert (Kind.LOCATION, "Sakata") in found and (Kind.OPERATION, "QUIET ORCHARD") in found
    assert (Kind.PERSON, "Ichikawa") in found  # the family name alone, after the full name
    of = {(m.kind, m.surface) for m in names_en.extract("TAKAGI Mio of Kanmon Port Systems opened the mail.")}
    assert of == {(Kind.PERSON, "TAKAGI Mio"), (Kind.ORGANIZATION, "Kanmon Port Systems")}  # a person of a company
    institute = {m.surface for m in names_en.extract("She studies at Minami Institute of Science and Technology.")}
    assert institute == {"Minami Institute of Science and Technology"}


def test_japanese_with_sudachi() -> None:
    found = {(m.kind, m.surface, reading) for m, reading in names_ja.extract(
        "永瀬 蓮は六本木でコンスタンチン・エゴロフと会い、鶴ヶ丘海運株式会社の社員とも接触した。")}
    kinds = {(kind, surface) for kind, surface, _ in found}
    assert (Kind.PERSON, "永瀬 蓮") in kinds and (Kind.LOCATION, "六本木") in kinds
    assert (Kind.PERSON, "コンスタンチン・エゴロフ") in kinds
    assert any(kind is Kind.ORGANIZATION and "鶴ヶ丘海運株式会社" in surface for kind, surface in kinds)
    assert spelling.name_key(next(r for k, s, r in found if s == "永瀬 蓮")) == "nagase ren"
    # given names the dictionary knows only as words: after a space, or in kana; never a title or "ほか"
    people = {m.surface for m, _ in names_ja.extract(
        "星野 楓は投稿を削除し、一之瀬そらが接触した。田中社長ほか数名、星野ほかが出席した。") if m.kind is Kind.PERSON}
    assert {"星野 楓", "一之瀬そら"} <= people and not any(p.startswith("田中社") or "ほか" in p for p in people)


def test_spellings_fold_together() -> None:
    assert len({spelling.name_key(n) for n in ("KŌNO Rie", "Rie Kono", "Rie KOHNO", "コウノ リエ")}) == 1
    assert len({spelling.name_key(n) for n in ("TAKAGI Shun'ichi", "Shunichi Takagi", "Shun-ichi TAKAGI")}) == 1
    assert spelling.org_key("Goldleaf Realty G.K.") == spelling.org_key("Goldleaf Realty") == "goldleaf realty"


def test_header_lines_are_not_content() -> None:
    text = "SECRET\nOriginator     : NPA Cyber Desk\nReport No.: NPA-FAD-1\n発出部署　警察庁\nSubject: Sakata\n\nbody"
    spans = content.header_spans(text)
    assert content.inside(spans, text.index("NPA Cyber"), text.index("NPA Cyber") + 3)
    assert content.inside(spans, text.index("警察庁"), text.index("警察庁") + 3)
    assert not content.inside(spans, text.index("Sakata"), text.index("Sakata") + 6)


def test_resolution_across_reports_scripts_and_orders() -> None:
    reports = [
        ReportText(1, "Meeting", "NAGASE Ren (永瀬蓮) met an officer. Nagase was paid. Call 090-7342-1186."),
        ReportText(2, "面会", "永瀬蓮は大使館員と会った。連絡先は０９０－７３４２－１１８６。"),
        ReportText(3, "Visit", "Ren Nagase attended a lecture with TAKAGI Mio."),
        ReportText(4, "Other", "Shun'ichi TAKAGI chairs the council. Takagi spoke."),
    ]
    result = fuse(reports)
    by_alias = {alias: e for e in result.entities for alias in e.aliases}
    nagase = by_alias["NAGASE Ren"]
    assert {"永瀬蓮", "Ren Nagase", "Nagase"} <= set(nagase.aliases) and nagase.reports == [1, 2, 3]
    assert by_alias["TAKAGI Mio"] is not by_alias["Shun'ichi TAKAGI"]  # a shared family name is not a merge
    assert by_alias["Takagi"] is by_alias["Shun'ichi TAKAGI"]  # in report 4 it can only mean him
    phone = next(e for e in result.entities if e.kind is Kind.PHONE)
    assert phone.name == "+819073421186" and phone.reports == [1, 2]
    pairs = {(link["a"], link["b"]) for link in result.links}
    assert {(1, 2), (1, 3), (2, 3)} <= pairs and (3, 4) not in pairs


def test_near_duplicates_ignore_headers_and_wrapping() -> None:
    body = ("The network spreads fabricated quotes attributed to the governor about the earthquake response, "
            "through fake outlets and paid influencers, and stages them on a Telegram channel first. ") * 2
    one = "Originator: CIRO\nReport No.: CIRO-1\n\n" + body
    two = "Originator: NPA\nReport No.: NPA-9\n\n" + body.replace(" and paid", "\nand paid")
    other = "Originator: NPA\n\n" + "A wholly different report about ship-to-ship transfers near Nakhodka. " * 3
    groups = neardup.groups([(1, content_of(one)), (2, content_of(two)), (3, content_of(other))])
    assert groups == [[1, 2]]


def content_of(text: str) -> str:
    spans = content.header_spans(text)
    return "".join(ch for i, ch in enumerate(text) if not content.inside(spans, i, i + 1))


def test_dates_in_content_in_every_form_but_not_the_header() -> None:
    text = ("Date of issue: 2026-04-01\n\n会合は令和八年三月五日と R8.3.6 に行われ、2026/3/7 と 2026年3月8日にも"
            "連絡があった。He was born on 5 March 2000; the payment left on March 9, 2026.")
    result = fuse([ReportText(1, "", text), ReportText(2, "", "No date here.")])
    assert result.dates[1] == ["2000-03-05", "2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09"]
    assert result.to_json()["dates"] == {"1": result.dates[1]}
    assert not result.links  # dates never link reports


def test_stated_aliases_join_and_a_stranger_does_not() -> None:
    reports = [
        ReportText(1, "", "Arkady Svetlov is the pen name of Gennady GROMOV, who lives in Sapporo."),
        ReportText(2, "", "In dealings with donors, SUGIURA Masaomi uses the name KAZAMA Ryohei."),
        ReportText(3, "", "面会を設定したのは風間亮平と名乗る男性で、その顔写真は杉浦正臣と一致する。"),
        ReportText(4, "", "一ノ瀬空と名乗る人物が永瀬蓮に接触した。"),
    ]
    result = fuse(reports)
    by_alias = {alias: e for e in result.entities for alias in e.aliases}
    assert by_alias["Arkady Svetlov"] is by_alias["Gennady GROMOV"]
    assert by_alias["SUGIURA Masaomi"] is by_alias["KAZAMA Ryohei"]
    assert any("stated alias" in m["why"] for m in by_alias["Gennady GROMOV"].merges)
    # "X と名乗る人物が Y に接触": someone calling himself X meets Y, two people
    assert by_alias["永瀬蓮"].reports == [4] and len(by_alias["永瀬蓮"].aliases) == 1


def test_a_company_without_its_legal_form_and_no_languages_as_places() -> None:
    result = fuse([
        ReportText(1, "", "Aozora Photonics K.K. exported the sensors through Kawasaki."),
        ReportText(2, "", "A manager of Aozora Photonics met the buyer, who spoke in Japanese."),
    ])
    company = next(e for e in result.entities if "Aozora Photonics K.K." in e.aliases)
    assert "Aozora Photonics" in company.aliases and company.kind is Kind.ORGANIZATION
    assert company.reports == [1, 2]
    assert not any("Japanese" in e.aliases for e in result.entities)  # a language, not a place
