"""Dates inside report text (core/fusion/events) on hand-made English and Japanese sentences."""

from __future__ import annotations

from datetime import date

import pytest

from nia_desktop.core.fusion import events
from nia_desktop.core.fusion.events import EXPLICIT, RELATIVE, YEAR_FROM_REPORT, Mention, extract

REPORTED = date(2026, 3, 20)


def days(text: str, reported: date | None = REPORTED) -> list[tuple[str, str, str]]:
    return [(f.surface, f.day, f.resolved) for f in extract(text, reported)]


@pytest.mark.parametrize(("text", "surface", "day"), [
    ("The meeting was held on 2026-03-12 in Vladivostok.", "2026-03-12", "2026-03-12"),
    ("Payment logged 2026/03/12 by the bank.", "2026/03/12", "2026-03-12"),
    ("Seen at 2026-03-12T10:00 near the port.", "2026-03-12", "2026-03-12"),
    ("They met on 12 March 2026 in Sapporo.", "12 March 2026", "2026-03-12"),
    ("They met on 12 Mar. 2026 in Sapporo.", "12 Mar. 2026", "2026-03-12"),
    ("They met on the 1st of June 2025.", "1st of June 2025", "2025-06-01"),
    ("He was posted there on March 12, 2026.", "March 12, 2026", "2026-03-12"),
    ("He was posted there on Sept 3rd 2025.", "Sept 3rd 2025", "2025-09-03"),
    ("田中は2026年3月12日に送金した。", "2026年3月12日", "2026-03-12"),
    ("田中は２０２６年３月１２日に送金した。", "２０２６年３月１２日", "2026-03-12"),
    ("令和8年3月12日、会合が開かれた。", "令和8年3月12日", "2026-03-12"),
    ("令和八年三月十二日、会合が開かれた。", "令和八年三月十二日", "2026-03-12"),
    ("令和元年5月1日に着任した。", "令和元年5月1日", "2019-05-01"),
    ("平成31年4月30日に退任した。", "平成31年4月30日", "2019-04-30"),
])
def test_explicit_days(text: str, surface: str, day: str) -> None:
    assert days(text) == [(surface, day, EXPLICIT)]


@pytest.mark.parametrize(("text", "surface", "day"), [
    ("The courier arrived on 3 May with the cash.", "3 May", "2026-05-03"),
    ("The courier arrived on May 3 with the cash.", "May 3", "2026-05-03"),
    ("3月12日に会合があった。", "3月12日", "2026-03-12"),
])
def test_year_from_the_report(text: str, surface: str, day: str) -> None:
    assert days(text) == [(surface, day, YEAR_FROM_REPORT)]
    assert days(text, None) == []  # no report date: nothing guessed


@pytest.mark.parametrize(("text", "surface", "day"), [
    ("The ship left yesterday.", "yesterday", "2026-03-19"),
    ("Tomorrow the delegation arrives.", "Tomorrow", "2026-03-21"),
    ("昨日、佐藤が大使館を訪れた。", "昨日", "2026-03-19"),
    ("一昨日、送金があった。", "一昨日", "2026-03-18"),
    ("本日、会議が開かれる。", "本日", "2026-03-20"),
    ("明日出国する予定。", "明日", "2026-03-21"),
])
def test_relative_days_from_the_report_date(text: str, surface: str, day: str) -> None:
    assert days(text) == [(surface, day, RELATIVE)]
    assert days(text, None) == []


@pytest.mark.parametrize("text", [
    "The form said 2026-02-30, which is no day.",
    "2026年2月30日に会合。",
    "令和0年3月1日に会合。",
    "平成32年3月1日に会合。",
    "令和元年4月1日に会合。",  # 令和 began on 1 May 2019
    "令和八年十十月一日に会合。",  # 平成 ended in its 31st year
    "On 31 April 2026 nothing happened.",
    "The call came at 12:03 and lasted until 13:45.",
    "Upgraded to version 2026.03.12 and v2026-03-12 of the tool.",
    "Version 1.2.3 and build 10.4.12 were installed.",
    "Call him on 03-2026-0312 or 090-1234-5678.",
    "The number 2026-03-12-45 is a case reference.",
    "Fax +2026-03-12 to the desk.",
    "She may 3 times a week call the office.",
    "In March the ministry changed its mind, and on Monday too.",
    "Last week and three days ago, 先月 and 来週 too.",
    "The budget rose in 2026 by 12 percent.",
])
def test_not_events(text: str) -> None:
    assert days(text) == []


def test_several_days_in_order_with_their_sentences() -> None:
    text = ("Ivanov met Sato on 12 March 2026. The payment followed on 2026-03-14!\n\n"
            "佐藤は3月15日に出国した。昨日、連絡が途絶えた。")
    found = extract(text, REPORTED)
    assert [f.day for f in found] == ["2026-03-12", "2026-03-14", "2026-03-15", "2026-03-19"]
    assert [f.sentence for f in found] == ["Ivanov met Sato on 12 March 2026.", "The payment followed on 2026-03-14!",
                                           "佐藤は3月15日に出国した。", "昨日、連絡が途絶えた。"]
    for f in found:
        assert text[f.start:f.end] == f.surface
        assert text[f.sentence_start:f.sentence_end] == f.sentence


def test_entities_in_the_sentence_only() -> None:
    text = "Ivanov met Sato on 12 March 2026. Kato was elsewhere."
    ivanov = Mention(0, 6, 1, "Ivanov", "person")
    sato = Mention(11, 15, 2, "Sato", "person")
    kato = Mention(34, 38, 3, "Kato", "person")
    (found,) = extract(text, REPORTED, [kato, sato, ivanov])
    assert found.entities == (ivanov, sato)


def test_a_long_sentence_is_cut_around_its_day() -> None:
    text = "x " * 1000 + "on 2026-03-12 " + "y " * 1000
    (found,) = extract(text, REPORTED)
    assert len(found.sentence) <= 2 * events.SENTENCE_CAP + len("2026-03-12")
    assert "2026-03-12" in found.sentence


def test_report_day() -> None:
    assert events.report_day("2026-03-20T10:00:00Z") == date(2026, 3, 20)
    assert events.report_day("") is None


def test_a_header_of_labels_is_metadata_not_events() -> None:
    text = "Subject: Visit\nDate: 2026-03-20\n日付：2026年3月20日\n\nThe visit was on 2026-03-12."
    assert [f.day for f in extract(text, REPORTED)] == ["2026-03-12"]
    assert events.header_end(text) == text.index("\nThe visit")
    # A colon in running text is no header, nor are label-like lines not closed by a blank line.
    assert [f.day for f in extract("Note: the visit was on 2026-03-12. Then more.", REPORTED)] == ["2026-03-12"]
    assert [f.day for f in extract("Note: a visit\nDate: 2026-03-12 it was.", REPORTED)] == ["2026-03-12"]
