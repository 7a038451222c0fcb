"""Reports suggested for an intelligence requirement: from its words, the entities it names, and the
entities of the reports already tagged to it."""

from __future__ import annotations

from pathlib import Path

from nia_desktop.services import assessments, fusion, importing
from nia_desktop.services.session import unlock
from tests.conftest import ANALYST, ANALYST_PASS, OFFICER, OFFICER_PASS


def test_suggestions_from_words_and_entities(vault_dir: Path, tmp_path: Path) -> None:
    media = tmp_path / "usb"
    media.mkdir()
    (media / "a.txt").write_text("Subject: A\n\nコンスタンチン・エゴロフは六本木で学生と会った。\n")
    (media / "e.txt").write_text("Subject: E\n\nKonstantin YEGOROV is a second secretary.\n")
    (media / "b.txt").write_text("Subject: B\n\nA caller used 090-7342-1186 to reach the laboratory.\n")
    (media / "c.txt").write_text("Subject: C\n\nThe number 090-7342-1186 was seen again in Sapporo.\n")
    (media / "d.txt").write_text("Subject: D\n\nFishing quotas were discussed in Hakodate.\n")
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as officer:
        question = assessments.add_requirement(officer, "What is Konstantin YEGOROV doing in Japan?", 1)
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        imported = importing.import_paths(session, [media]).imported
        ids = {r["path"].rsplit("/", 1)[-1]: int(r["id"]) for r in imported}
        assert assessments.suggest_reports(session, question) == [ids["e.txt"]]  # its words; no fusion yet
        fusion.run_fusion(session)
        # a shares no word with the question; fusion knows its katakana name is the YEGOROV it names
        assert assessments.suggest_reports(session, question) == [ids["e.txt"], ids["a.txt"]]
        assessments.tag_reports(session, question, [ids["b.txt"]])
        # c shares b's phone number: an entity of a report the analyst confirmed
        assert assessments.suggest_reports(session, question) == [ids["e.txt"], ids["a.txt"], ids["c.txt"]]
