"""The analysts' watchlist: every alias of an entry is one entity, found in English and Japanese at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from nia_desktop.core.errors import BadInput, PermissionRefused
from nia_desktop.core.fusion.engine import ReportText, fuse
from nia_desktop.core.fusion.model import Kind
from nia_desktop.core.fusion.watchlist import Matcher, WatchEntry
from nia_desktop.services import fusion, importing, watchlist
from nia_desktop.services.session import unlock
from tests.conftest import ANALYST, ANALYST_PASS, COURIER, COURIER_PASS

SVETLOV = WatchEntry(1, Kind.PERSON, "Gennady GROMOV",
                     ("Arkady Svetlov", "アルカージー・スヴェトロフ", "Геннадий Громов"))


def test_matcher_finds_aliases_as_whole_words_in_both_scripts() -> None:
    matcher = Matcher([SVETLOV, WatchEntry(2, Kind.ORGANIZATION, "SVR", ("ロシア対外情報庁",))])
    text = "ARKADY SVETLOV writes; アルカージー・スヴェトロフはロシア対外情報庁と関係。SVRs and TSVR are not it."
    found = [(m.surface, entry) for m, entry in matcher.find(text)]
    assert found == [("ARKADY SVETLOV", 1), ("アルカージー・スヴェトロフ", 1), ("ロシア対外情報庁", 2)]
    assert Matcher([]).find(text) == []


def test_watchlist_beats_the_rules_and_joins_what_they_cannot() -> None:
    reports = [ReportText(1, "", "Arkady Svetlov posted a new episode."),
               ReportText(2, "", "Gennady GROMOV met an attaché."),
               ReportText(3, "", "アルカージー・スヴェトロフの動画が拡散した。")]
    apart = fuse(reports)
    gromov = next(e for e in apart.entities if "Gennady GROMOV" in e.aliases)
    assert gromov.reports == [2]  # a pen name: no rule can know (the katakana spelling of it, though, they join)
    joined = fuse(reports, watch=[SVETLOV])
    entity = next(e for e in joined.entities if "Arkady Svetlov" in e.aliases)
    assert entity.name == "Gennady GROMOV" and entity.reports == [1, 2, 3]


def test_watchlist_service(vault_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Subject: A\n\nArkady Svetlov posted again.\n")
    (tmp_path / "b.txt").write_text("Subject: B\n\nGennady GROMOV travelled.\n")
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        importing.import_paths(session, [tmp_path / "a.txt", tmp_path / "b.txt"])
        entry = watchlist.add_watch(session, "Gennady GROMOV", "person", ["Arkady Svetlov", " "])
        assert [e.aliases for e in watchlist.watch_entries(session)] == [("Arkady Svetlov",)]
        result = fusion.run_fusion(session)
        assert any(len(e.reports) == 2 and "Arkady Svetlov" in e.aliases for e in result.entities)
        watchlist.remove_watch(session, entry)
        assert watchlist.watch_entries(session) == []
        with pytest.raises(BadInput, match="unknown kind"):
            watchlist.add_watch(session, "X", "vessel", [])
        actions = [a for (a,) in session.db.query("SELECT action FROM audit WHERE action LIKE 'watchlist.%'")]
        assert actions == ["watchlist.add", "watchlist.remove"]
    with unlock(vault_dir, COURIER, COURIER_PASS) as session, pytest.raises(PermissionRefused):
        watchlist.add_watch(session, "Y", "person", [])
