"""Attacks on analysts' text judgements ("this is an entity" / "not an entity", core/fusion/marks.py):
the watchlist must not be defeated silently by one (a "not an entity" of a watched name, a mark of another kind
on it, or a mark of a piece of it), and a judgement resting on a TOP SECRET report must not reach a reader
cleared lower in any form (log, reader's list, preview, fusion)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nia_desktop.core.classification import Level
from nia_desktop.core.errors import BadInput
from nia_desktop.core.fusion.engine import fuse
from nia_desktop.core.fusion.marks import entity_judgement, not_entity_judgement
from nia_desktop.core.fusion.model import Kind
from nia_desktop.core.fusion.nodes import ReportText
from nia_desktop.core.fusion.watchlist import WatchEntry
from nia_desktop.services import clearances, entity_marks, fusion, importing, report_mentions, reports, watchlist
from nia_desktop.services.session import unlock
from tests.conftest import ANALYST, ANALYST_PASS, OFFICER, OFFICER_PASS
from tests.e2e.conftest import Nia

TEXTS = [ReportText(1, "A", "Subject: A\n\nThe parts went to Heron Lane Holdings on Monday."),
         ReportText(2, "B", "Subject: B\n\nHeron Lane Holdings paid again; heron lane holdings signed.")]
WATCH = WatchEntry(1, Kind.ORGANIZATION, "Heron Lane Holdings", ("HLH",))


def _watched(judgements: list) -> list[tuple[str, list[int]]]:  # type: ignore[type-arg]
    result = fuse(TEXTS, judgements, [WATCH])
    return [(e.kind.value, e.reports) for e in result.entities if ("watch", "1") in e.nodes]


@pytest.mark.parametrize("judgement", [
    not_entity_judgement("Heron Lane Holdings", None, "mallory", "t", "", ()),
    not_entity_judgement("Heron Lane Holdings", Kind.ORGANIZATION, "mallory", "t", "", ()),
    entity_judgement("Heron Lane Holdings", Kind.LOCATION, "mallory", "t", "", ()),  # retyped: no threat flag
    entity_judgement("Lane Holdings", Kind.PERSON, "mallory", "t", "", ()),  # a piece of it takes its place
    entity_judgement("Holdings", Kind.OPERATION, "mallory", "t", "", ()),
], ids=["not-entity", "not-entity-of-its-kind", "mark-other-kind", "mark-a-piece", "mark-one-word"])
def test_a_text_judgement_never_takes_a_watch_hit_away(judgement) -> None:  # type: ignore[no-untyped-def]
    assert _watched([]) == [("organization", [1, 2])]
    assert _watched([judgement]) == [("organization", [1, 2])]


def test_not_an_entity_of_a_watched_name_is_refused_and_nothing_written(vault_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Subject: A\n\nThe parts went to Heron Lane Holdings on Monday; HLH paid. A "
                                    "note said heron lane holdings. Heron Lane Holdings Ltd signed.\n")
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        report = importing.import_paths(anna, [tmp_path / "a.txt"], pool_size=1).imported[0]["id"]
        entry = watchlist.add_watch(anna, "Heron Lane Holdings", "organization", ["HLH"])
        for text, kind in (("Heron Lane Holdings", None), ("HLH", "organization"), ("heron lane holdings", None)):
            with pytest.raises(BadInput, match=f"on the watchlist \\(entry {entry}\\)"):
                entity_marks.unmark_entity(anna, text, kind, report=report)
        assert entity_marks.text_judgements(anna) == []
        # Another kind than the watch entry's, or a longer text, is not the watched name: allowed.
        entity_marks.unmark_entity(anna, "HLH", "person", report=report)
        entity_marks.unmark_entity(anna, "Heron Lane Holdings Ltd", None, report=report)


TS_FILE = "TOP SECRET\nCIRO CIRO-26-0009\nSubject: Quay\n\nThe drop is at Bluefin Yard, says CANARY-SRC.\n"
S_FILE = "SECRET\nDIH DIH-2026-0010\nSubject: Pier\n\nCrates went through Bluefin Yard on Monday.\n"


def test_a_mark_resting_on_a_top_secret_report_reaches_no_secret_reader(vault_dir: Path, tmp_path: Path) -> None:
    media = tmp_path / "media"
    media.mkdir()
    (media / "ts.txt").write_text(TS_FILE)
    (media / "s.txt").write_text(S_FILE)
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        importing.import_paths(anna, [media], pool_size=1)
        ids = {r.path.rsplit("/", 1)[-1]: r.id for r in reports.list_reports(anna)}
        fusion.fuse_kept(anna)
        made = entity_marks.mark_entity(anna, "Bluefin Yard", "location", "CANARY-WHY from the quay",
                                        report=ids["ts.txt"])
        assert any(m.surface == "Bluefin Yard" and m.pending
                   for m in report_mentions.report_mentions(anna, ids["s.txt"]))
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as olive:
        clearances.set_clearance(olive, ANALYST, Level.SECRET)
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        seen = str(fusion.judgement_log(anna)) + str(entity_marks.text_judgements(anna, include_revoked=True))
        assert "CANARY-WHY" not in seen and str(made.judgement) not in [str(j["id"]) for j in
                                                                       fusion.judgement_log(anna)]
        fusion.fuse_kept(anna)  # the reader's own fusion: the TS judgement does not apply in it
        shown = report_mentions.report_mentions(anna, ids["s.txt"])
        assert not any(m.surface == "Bluefin Yard" and (m.pending or m.kind == "location") for m in shown)
        audit = anna.db.query("SELECT details FROM audit WHERE action LIKE 'entity.%'")
        assert all("Bluefin" not in str(d) and "CANARY" not in str(d) for (d,) in audit)


def test_undecodable_bytes_are_bad_input_not_an_internal_error(nia_vault: Nia) -> None:
    """A terminal's bytes that are not UTF-8 reach argv as lone surrogates: a clear refusal, exit 1, nothing
    written (they were an 'internal error (UnicodeEncodeError)')."""
    anna_user, anna_pass = "anna", "anna-passphrase-1"
    assert nia_vault("case", "create", "Kestrel", user=anna_user, passphrase=anna_pass).code == 0
    for args in (["entity", "mark", "ab\udcff", "--kind", "person", "--report", "1"],
                 ["entity", "unmark", "\udcff\udcfeab", "--report", "1"],
                 ["entity", "mark", "Bluefin Yard", "--kind", "location", "--why", "because \udcff", "--report", "1"],
                 ["ach", "add-hypothesis", "Kestrel", "The courier \udcff", "--level", "SECRET"]):
        refused = nia_vault(*args, user=anna_user, passphrase=anna_pass)
        assert refused.code == 1 and "not valid UTF-8" in refused.err and "internal error" not in refused.err, args
    assert nia_vault("entity", "log", "--json", user=anna_user, passphrase=anna_pass).json() == []
    assert nia_vault("ach", "hypotheses", "Kestrel", "--json", user=anna_user, passphrase=anna_pass).json() == []


def test_a_marked_entity_reaches_a_tearline_only_when_its_report_is_within_the_line(vault_dir: Path,
                                                                                      tmp_path: Path) -> None:
    from nia_desktop.core.markings import Tearline
    from nia_desktop.services import briefings

    media = tmp_path / "media"
    media.mkdir()
    (media / "ts.txt").write_text(TS_FILE.replace("Bluefin Yard", "Bluefin Yard and Marlin Dock"))
    (media / "s.txt").write_text(S_FILE.replace("Bluefin Yard", "Bluefin Yard and Marlin Dock"))
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        importing.import_paths(anna, [media], pool_size=1)
        ids = {r.path.rsplit("/", 1)[-1]: r.id for r in reports.list_reports(anna)}
        fusion.create_case(anna, "Quay")
        fusion.add_to_case(anna, "Quay", list(ids.values()))
        entity_marks.mark_entity(anna, "Bluefin Yard", "operation", "", report=ids["ts.txt"])
        entity_marks.mark_entity(anna, "Marlin Dock", "operation", "", report=ids["s.txt"])
        full = briefings.compose(anna, "Quay")
        assert {e.name for e in full.entities if e.kind == "operation"} >= {"Bluefin Yard", "Marlin Dock"}
        cut = briefings.compose(anna, "Quay", tearline=Tearline(Level.SECRET), tearline_summary="-")
        operations = {e.name for e in cut.entities if e.kind == "operation"}
        assert "Marlin Dock" in operations  # resting on the SECRET report: within the line
        assert "Bluefin Yard" not in operations  # judged on the TOP SECRET report: above it


@pytest.mark.parametrize("text", ["の", "ン", "ｿ", "--", "..", "😀😀", "\u0301\u0301"])
def test_a_mark_of_a_particle_or_of_no_letter_at_all_is_refused(vault_dir: Path, text: str) -> None:
    """A mark applies wherever the text is written: "の" would be a mention at nearly every Japanese sentence of
    every report (one per occurrence in the fused tables), punctuation likewise. Refused, nothing written."""
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        with pytest.raises(BadInput, match=r"one kana|no letter or digit"):
            entity_marks.mark_entity(anna, text, "person")
        assert entity_marks.text_judgements(anna) == []


def test_the_readers_preview_shows_no_pending_mark_over_a_watch_hit(vault_dir: Path, tmp_path: Path) -> None:
    """What the reader shows as pending is what the next fusion does: a mark of a piece of a watched name gives way
    to the watch hit there, so it is not drawn over it (it is where the name stands alone)."""
    body = "Subject: A\n\nHeron Lane Holdings paid; Lane Holdings is its shell.\n"
    (tmp_path / "a.txt").write_text(body)
    alone = body.index("; Lane") + 2
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        report = importing.import_paths(anna, [tmp_path / "a.txt"], pool_size=1).imported[0]["id"]
        watchlist.add_watch(anna, "Heron Lane Holdings", "organization", [])
        fusion.fuse_kept(anna)
        entity_marks.mark_entity(anna, "Lane Holdings", "person", report=report)
        pending = [(m.start, m.surface) for m in report_mentions.report_mentions(anna, report) if m.pending]
        assert pending == [(alone, "Lane Holdings")]
        fusion.fuse_kept(anna)  # and the fusion agrees
        fused = [(m.start, m.surface, m.kind) for m in report_mentions.report_mentions(anna, report)]
        assert (body.index("Heron"), "Heron Lane Holdings", "organization") in fused
        assert (alone, "Lane Holdings", "person") in fused
