"""The resolution traps: one name for two people or two companies, one handle on two platforms, one person
under an assumed name. Each is built by hand here, not taken from a corpus."""

from __future__ import annotations

from nia_desktop.core.fusion import selectors
from nia_desktop.core.fusion.engine import Entity, ReportText, fuse
from nia_desktop.core.fusion.judgements import Judgement
from nia_desktop.core.fusion.model import Kind


def _student(n: int) -> ReportText:
    return ReportText(n, "", f"NAGASE Ren, a doctoral student at the Minami Institute, met Konstantin YEGOROV "
                             f"again (visit {n}). YEGOROV called from +81-80-4127-3365.")


def _engineer(n: int) -> ReportText:
    return ReportText(n, "", f"NAGASE Ren, an engineer at Genkai Systems, opened a message from "
                             f"s.ichinose@webmail.example (case {n}). The sender, Sora ICHINOSE, used a fake profile.")


def _holding(result_entities: list[Entity], alias: str) -> list[list[int]]:
    return sorted(e.reports for e in result_entities if alias in e.aliases)


def test_one_name_with_no_context_in_common_is_two_people() -> None:
    reports = [_student(n) for n in (1, 2, 3, 4)] + [_engineer(n) for n in (5, 6, 7)]
    result = fuse(reports)
    assert _holding(result.entities, "NAGASE Ren") == [[1, 2, 3, 4], [5, 6, 7]]
    split_off = next(e for e in result.entities if "NAGASE Ren" in e.aliases and e.reports == [5, 6, 7])
    assert any(m["why"].startswith("homonym: group") for m in split_off.merges)  # the split says why


def test_a_person_who_crosses_cases_stays_one() -> None:
    # Same two contexts, but the engineer's reports also carry the student's phone: one person after all.
    crossing = [ReportText(r.id, "", r.text + " He called +81-80-4127-3365 twice.") for r in map(_engineer, (5, 6, 7))]
    result = fuse([_student(n) for n in (1, 2, 3, 4)] + crossing)
    assert _holding(result.entities, "NAGASE Ren") == [[1, 2, 3, 4, 5, 6, 7]]


def test_an_analysts_same_judgement_stops_the_split() -> None:
    reports = [_student(n) for n in (1, 2, 3, 4)] + [_engineer(n) for n in (5, 6, 7)]
    node = ("name", "nagase ren")
    assert node in next(e for e in fuse(reports).entities if "NAGASE Ren" in e.aliases).nodes
    result = fuse(reports, [Judgement("same", node, node, "anna", why="one man, two jobs")])
    assert _holding(result.entities, "NAGASE Ren") == [[1, 2, 3, 4, 5, 6, 7]]


def test_stated_birth_years_split_and_place_undated_reports_by_context() -> None:
    reports = [
        ReportText(1, "", "XU Lan, a researcher born in 1988, works at Minami Institute."),
        ReportText(2, "", "At Minami Institute, XU Lan introduced students to Kevin TANG."),
        ReportText(3, "", "XU Lan, born in 1979, keeps the books of Harbour Crest Logistics."),
        ReportText(4, "", "Harbour Crest Logistics paid invoices that XU Lan approved."),
    ]
    result = fuse(reports)
    assert _holding(result.entities, "XU Lan") == [[1, 2], [3, 4]]


def test_a_bare_handle_takes_the_platform_its_report_names() -> None:
    row = "account | @kuroshio_bulletin | Clips are reposted by the TikTok account @kuroshio_bulletin."
    assert {m.key for m in selectors.extract(row)} == {"tiktok:kuroshio_bulletin"}
    wrapped = "動画はTikTokアカウント\n\u3000\u3000@kuroshio_bulletinが転載している。"
    assert {m.key for m in selectors.extract(wrapped)} == {"tiktok:kuroshio_bulletin"}
    assert {m.key for m in selectors.extract("Posts by @kuroshio_bulletin spread fast.")} == {"x:kuroshio_bulletin"}
    result = fuse([ReportText(1, "", "The X account @kuroshio_bulletin posted it."),
                   ReportText(2, "", row)])
    handles = sorted((e.name, e.reports) for e in result.entities if e.kind is Kind.SOCIAL)
    assert handles == [("tiktok:kuroshio_bulletin", [2]), ("x:kuroshio_bulletin", [1])]


def test_a_companys_first_word_stands_for_it_only_in_its_own_report() -> None:
    result = fuse([
        ReportText(1, "", "Crestline Estate K.K. made an offer. Crestline wanted the field by the plant."),
        ReportText(2, "", "Crestline Realty G.K. asked about land. Crestline was incorporated last year."),
    ])
    estate = next(e for e in result.entities if "Crestline Estate K.K." in e.aliases)
    realty = next(e for e in result.entities if "Crestline Realty G.K." in e.aliases)
    assert estate is not realty and estate.reports == [1] and realty.reports == [2]
    assert "Crestline" in estate.aliases and "Crestline" in realty.aliases
    assert not result.links


def test_an_assumed_name_meets_its_bearer_by_family_name_and_relatives_do_not() -> None:
    result = fuse([
        ReportText(1, "", "A recruiter calling himself Kevin TANG offered paid stays. Payments came from "
                          "TANG Haoran, who runs the talent centre."),
        ReportText(2, "", "ケビン・タンと名乗る人物が研究室に接触した。"),
        ReportText(3, "", "TAKAGI Mio met TAKAGI Shun'ichi at the port office."),
    ])
    by_alias = {alias: e for e in result.entities for alias in e.aliases}
    assert by_alias["Kevin TANG"] is by_alias["TANG Haoran"]
    assert any("bearer by family name" in m["why"] for m in by_alias["TANG Haoran"].merges)
    assert by_alias["TAKAGI Mio"] is not by_alias["TAKAGI Shun'ichi"]  # no cue: relatives, not one person


def test_a_chinese_name_meets_its_mandarin_romanisation_not_its_cantonese_one_by_sound() -> None:
    result = fuse([
        ReportText(1, "", "The charter was signed by LAW Kin-wah (羅建華) in Hong Kong."),
        ReportText(2, "", "LUO Jianhua, a director of the shipping firm, met the broker."),
        ReportText(3, "", "永瀬蓮は六本木で接触した。NAGASE Ren is a student."),
        ReportText(4, "", "YONG Lailian attended the fair."),
    ])
    by_alias = {alias: e for e in result.entities for alias in e.aliases}
    assert by_alias["LUO Jianhua"] is by_alias["LAW Kin-wah"]  # through 羅建華: luo jianhua
    assert any(m["why"] == "Mandarin reading" for m in by_alias["LUO Jianhua"].merges)
    assert by_alias["永瀬蓮"] is by_alias["NAGASE Ren"]  # read in Japanese it is someone: not read in Mandarin
    assert by_alias["永瀬蓮"] is not by_alias["YONG Lailian"]
