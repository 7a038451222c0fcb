"""A body's Japanese name against its English one: read where it is a name, translated where it is a word."""

from __future__ import annotations

import pytest

from nia_desktop.core.fusion import bilingual, names_ja
from nia_desktop.core.fusion.engine import ReportText, fuse


@pytest.mark.parametrize(("japanese", "english"), [
    ("南関東科学技術大学", "Minami-Kanto Institute of Science and Technology"),  # read: minami kantō; translated
    ("海西海外人材サービスセンター", "Haixi Overseas Talent Service Center"),  # Mandarin reading, katakana as heard
    ("高知県災害対策本部", "Kōchi Prefecture Disaster Countermeasures Headquarters"),
    ("遼海船舶供給", "Liaohai Ship Supply Co., Ltd."),  # one English word, two Japanese parts
    ("量子センシング研究室", "Quantum Sensing Laboratory"),  # 研究 + 室 is one word, laboratory
    ("玄海システムインテグレーション", "Genkai Systems Integration K.K."),
    ("在日ロシア通商代表部", "Russian Trade Representation"),  # "in Japan" left out in English
])
def test_the_same_body(japanese: str, english: str) -> None:
    assert bilingual._fits(bilingual._english_words(english), bilingual._japanese_parts(japanese, names_ja.words))


@pytest.mark.parametrize(("japanese", "english"), [
    ("高知県災害対策本部", "Nagasaki Prefecture Disaster Countermeasures Headquarters"),  # another prefecture's
    ("南関東科学技術大学", "Tokyo Institute of Science and Technology"),
    ("南関東科学技術大学", "Minami-Kanto Institute"),  # a longer Japanese name is another body
    ("災害対策本部", "Disaster Countermeasures Headquarters"),  # nothing but common words: nothing to hear
])
def test_not_the_same_body(japanese: str, english: str) -> None:
    assert not bilingual._fits(bilingual._english_words(english),
                               bilingual._japanese_parts(japanese, names_ja.words))


def test_resolution_joins_only_where_one_english_name_fits() -> None:
    reports = [ReportText(1, "", "Students of the Minami-Kanto Institute of Science and Technology were approached."),
               ReportText(2, "", "南関東科学技術大学の学生が接触を受けた。"),
               ReportText(3, "", "The Kōchi Prefecture Disaster Countermeasures Headquarters denied the quote."),
               ReportText(4, "", "長崎県災害対策本部は声明を出した。")]
    entities = {e.name: e.reports for e in fuse(reports).entities if e.kind.value == "organization"}
    assert entities["Minami-Kanto Institute of Science and Technology"] == [1, 2]
    assert entities["Kōchi Prefecture Disaster Countermeasures Headquarters"] == [3]


def test_a_name_in_cyrillic_or_hangul_meets_its_customary_romanisation() -> None:
    reports = [ReportText(1, "", "Kim Jong Un inspected the site."),
               ReportText(2, "", "북한의 김정은 위원장이 현지지도했다."),
               ReportText(3, "", "Аркадий Светлов написал книгу."),
               ReportText(4, "", "Arkady Svetlov published a memoir.")]
    people = {e.name: (e.reports, {m["why"] for m in e.merges}) for e in fuse(reports).entities
              if e.kind.value == "person"}
    assert people == {"Kim Jong Un": ([1, 2], {"romanisation"}), "Arkady Svetlov": ([3, 4], {"romanisation"})}
