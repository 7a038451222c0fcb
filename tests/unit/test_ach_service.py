"""ACH on a case through services/ach.py: schema v18, roles, audit, and need-to-know (a report the reader may not
read is absent from the matrix with its cells, and from every score, diagnosticity and sensitivity)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from nia_desktop.core.classification import Level
from nia_desktop.core.errors import BadInput, PermissionRefused
from nia_desktop.core.store import audit_log, schema
from nia_desktop.services import ach, assessments, clearances, fusion, importing, reports
from nia_desktop.services.session import Session, unlock
from tests.conftest import ANALYST, ANALYST_PASS, COURIER, COURIER_PASS, OFFICER, OFFICER_PASS

FILES = {
    "ciro-ts.txt": "TOP SECRET\n内閣情報調査室 CIRO-CIC-26-0001\nSubject: Quay CANARY-ONE\n\nYAMADA Taro met ZORIN.\n",
    "dih-s.txt": "SECRET\nDefense Intelligence Headquarters DIH-JID-2026-0002\nSubject: Pier CANARY-TWO\n\n"
                 "YAMADA Taro.\n",
    "npa-c.txt": "CONFIDENTIAL\nNational Police Agency NPA-FAD-26-00003\nSubject: Dock note\n\nYAMADA Taro spoke.\n",
}
CASE = "Kestrel"


@pytest.fixture
def built(vault_dir: Path, tmp_path: Path) -> dict[str, int]:
    """A case of three reports (TS, S, C), two hypotheses, every report an item, ratings where the TOP SECRET
    item alone makes H2 rank first; returns the ids by name."""
    media = tmp_path / "media"
    media.mkdir()
    for name, text in FILES.items():
        (media / name).write_text(text, encoding="utf-8")
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        importing.import_paths(anna, [media], pool_size=1)
        ids = {r.path.rsplit("/", 1)[-1]: r.id for r in reports.list_reports(anna)}
        fusion.create_case(anna, CASE)
        fusion.add_to_case(anna, CASE, list(ids.values()))
        h1 = ach.add_hypothesis(anna, CASE, "The courier works for ZORIN", Level.CONFIDENTIAL)
        h2 = ach.add_hypothesis(anna, CASE, "The courier is freelance", Level.CONFIDENTIAL)
        ts = ach.add_evidence(anna, CASE, report_id=ids["ciro-ts.txt"])
        s = ach.add_evidence(anna, CASE, report_id=ids["dih-s.txt"])
        c = ach.add_evidence(anna, CASE, report_id=ids["npa-c.txt"])
        judgement = assessments.assess(anna, CASE, "YAMADA is the courier", "likely", "moderate",
                                       [ids["dih-s.txt"]])
        a = ach.add_evidence(anna, CASE, assessment_id=judgement)
        for h, e, r in ((h1, ts, "II"), (h2, ts, "C"), (h1, s, "C"), (h2, s, "I"), (h1, c, "C"), (h2, c, "C"),
                        (h1, a, "CC"), (h2, a, "C")):
            ach.mark(anna, CASE, h, e, r)
    return {"h1": h1, "h2": h2, "ts": ts, "s": s, "c": c, "a": a, **ids}


def _lowered(vault_dir: Path) -> Iterator[Session]:
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as olive:
        clearances.set_clearance(olive, ANALYST, Level.SECRET)
    session = unlock(vault_dir, ANALYST, ANALYST_PASS)
    yield session
    session.close()


def test_schema_v18_has_the_matrix_tables(vault_dir: Path) -> None:
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        assert schema.schema_version(anna.db) == schema.LATEST >= 18
        names = {str(r[0]) for r in anna.db.query("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"ach_hypotheses", "ach_evidence", "ach_cells"} <= names


def test_the_full_reader_sees_every_item_scored(vault_dir: Path, built: dict[str, int]) -> None:
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        found = ach.matrix(anna, CASE)
        assert [h.id for h in found.hypotheses] == [built["h1"], built["h2"]]
        assert {h.id: (h.score, h.rank) for h in found.hypotheses} == {built["h1"]: (2, 2), built["h2"]: (1, 1)}
        assert [i.id for i in found.evidence] == [built["ts"], built["s"], built["c"], built["a"]]
        assert {i.id: i.diagnosticity for i in found.evidence} == {built["ts"]: 3, built["s"]: 2, built["c"]: 0,
                                                                    built["a"]: 1}
        assert found.marking.level is Level.TOP_SECRET
        assert next(i for i in found.evidence if i.kind == "assessment").label == "YAMADA is the courier"
        moved = {s.evidence: s.moved for s in ach.sensitivity(anna, CASE)}
        assert moved[built["ts"]] == {built["h1"]: (2, 1), built["h2"]: (1, 2)}
        assert moved[built["c"]] == {}
        # Every change was audited.
        actions = [e.action for e in audit_log.iter_entries(anna.db)]
        assert actions.count("ach.mark") == 8 and actions.count("ach.evidence.add") == 4
        assert actions.count("ach.hypothesis.add") == 2
        # Every read too, naming the reports its items rest on (the insider watch's reach).
        read = [e for e in audit_log.iter_entries(anna.db) if e.action == "ach.read"]
        assert [e.details["of"] for e in read] == ["matrix", "sensitivity"]
        assert read[0].details["reports"] == sorted({built["ciro-ts.txt"], built["dih-s.txt"], built["npa-c.txt"]})


def test_a_hidden_report_leaves_no_trace_in_the_matrix(vault_dir: Path, built: dict[str, int]) -> None:
    for anna in _lowered(vault_dir):
        found = ach.matrix(anna, CASE)
        assert [i.id for i in found.evidence] == [built["s"], built["c"], built["a"]]
        assert all(e != built["ts"] for _, e in found.cells)
        # Without the TOP SECRET item H1 leads: the score is of what this reader may read alone.
        assert {h.id: (h.score, h.rank) for h in found.hypotheses} == {built["h1"]: (0, 1), built["h2"]: (1, 2)}
        assert found.marking.level is Level.SECRET
        last = audit_log.last(anna.db)
        assert last is not None and last.action == "ach.read" and built["ciro-ts.txt"] not in last.details["reports"]
        text = str(found.to_json()) + str([s.to_json() for s in ach.sensitivity(anna, CASE)])
        assert "CANARY-ONE" not in text and f"'evidence': {built['ts']}," not in text
        with pytest.raises(BadInput, match="no item"):
            ach.mark(anna, CASE, built["h1"], built["ts"], "C")
        last = audit_log.last(anna.db)
        assert last is not None and last.action == "ach.mark" and last.outcome == "refused"
        with pytest.raises(PermissionRefused, match="need to know"):
            ach.add_evidence(anna, CASE, report_id=built["ciro-ts.txt"])
    # An assessment citing a report the reader may not read is hidden too.
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as olive:
        clearances.set_clearance(olive, ANALYST, Level.CONFIDENTIAL)
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        assert [i.id for i in ach.matrix(anna, CASE).evidence] == [built["c"]]


def test_roles_and_bad_input(vault_dir: Path, built: dict[str, int]) -> None:
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as olive:
        assert len(ach.matrix(olive, CASE).hypotheses) == 2
        with pytest.raises(PermissionRefused):
            ach.add_hypothesis(olive, CASE, "A third one", Level.UNCLASSIFIED)
        with pytest.raises(PermissionRefused):
            ach.mark(olive, CASE, built["h1"], built["c"], "I")
    with unlock(vault_dir, COURIER, COURIER_PASS) as carl, pytest.raises(PermissionRefused):
        ach.matrix(carl, CASE)
    # Bad input is refused in plain words.
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        with pytest.raises(BadInput, match="no case"):
            ach.matrix(anna, "Nowhere")
        with pytest.raises(BadInput, match="rating"):
            ach.mark(anna, CASE, built["h1"], built["c"], "maybe")
        with pytest.raises(BadInput, match="no hypothesis"):
            ach.mark(anna, CASE, 999, built["c"], "C")
        with pytest.raises(BadInput, match="needs its words"):
            ach.add_hypothesis(anna, CASE, "  ", Level.UNCLASSIFIED)
        with pytest.raises(BadInput, match="one report or one assessment"):
            ach.add_evidence(anna, CASE)
        assert ach.add_evidence(anna, CASE, report_id=built["npa-c.txt"]) == built["c"]  # already in: same item
        ach.withdraw(anna, CASE, hypothesis_id=built["h2"])
        assert [h.id for h in ach.matrix(anna, CASE).hypotheses] == [built["h1"]]
