"""The gazetteers inside extraction: what they name, and what they must leave alone (issue 12)."""

from __future__ import annotations

from nia_desktop.core.fusion.engine import ReportText, extract, fuse


def _nodes(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.mention.surface, f.node) for f in extract(ReportText(1, "", text))]


def test_a_report_number_is_not_the_body_that_issued_it() -> None:
    found = _nodes("Forwarded as CIRO-CIC-26-0412 and NPA-FAD-26-01180. "
                   "警察庁丙外発第1180号を転送する。内調CI第8-0412号。")
    assert not any(node[0] == "gaz" for _, node in found), found


def test_a_body_named_before_its_report_number_is_that_body() -> None:
    found = _nodes("本報告は内閣情報調査室の内調CI第8-0382号を再発出する。Note: copy of CIRO CIRO-CIC-26-0365, edited.")
    assert [(surface, node) for surface, node in found if node[0] == "gaz"] == [
        ("内閣情報調査室", ("gaz", "body:jp-ciro")), ("CIRO", ("gaz", "body:jp-ciro"))]


def test_a_body_named_in_any_script_is_one_entity() -> None:
    reports = [ReportText(1, "", "A partner service assesses that the officer belongs to the SVR."),
               ReportText(2, "", "同人はロシア対外情報庁の所属と評価される。"),
               ReportText(3, "", "Источник: СВР.")]
    entities = [e for e in fuse(reports).entities if e.kind.value == "organization"]
    assert [(e.name, e.reports) for e in entities] == [("Foreign Intelligence Service of the Russian Federation",
                                                         [1, 2, 3])]


def test_a_place_inside_a_longer_word_or_name_is_not_a_place() -> None:
    found = dict(_nodes("リアルタイムで配信された。The Embassy of the Russian Federation in Japan replied. "
                        "Telegram posts dated 05 MAR 2026."))
    assert "タイ" not in found and "MAR" not in found and "Japan" not in found
    assert found["Embassy of the Russian Federation in Japan"][0] == "gaz"


def test_leading_stop_words_before_two_names_are_not_a_crash() -> None:
    assert [s for s, _ in _nodes("The SVR and DIH met.")] == ["SVR", "DIH"]
