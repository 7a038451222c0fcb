"""Need-to-know on fusion and analysis (issue 13): entities, aliases, links, near-duplicates, corroboration,
stored runs, cases, requirements, assessments and judgements show nothing from a report the user may not read.

The corpus names one person and one company in reports at every level and compartment; each hidden report also
holds names found nowhere else (canaries), and the compartmented one holds a Japanese spelling of the shared
person's name (an alias only it gives) and a near-copy of a CONFIDENTIAL report (a near-duplicate pair only it
makes).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from nia_desktop.core.classification import Level
from nia_desktop.core.errors import BadInput, PermissionRefused
from nia_desktop.core.roles import Role
from nia_desktop.core.store import audit_log
from nia_desktop.core.vault.kdf import FLOOR
from nia_desktop.services import assessments, clearances, fusion, importing
from nia_desktop.services.session import Session, unlock
from nia_desktop.services.users import add_user
from nia_desktop.services.vault_setup import init_vault

OFFICER, OFFICER_PASS = "olive", "olive-passphrase-1"
PASSPHRASE = "reader-passphrase-22"

PLAIN = "Viktor SOROKIN visited the port of Kobe with staff of Northwind Logistics Ltd on 2026-03-04."
REPORTS = {  # file: (header marking, body)
    "u.txt": ("UNCLASSIFIED", "Viktor SOROKIN of Northwind Logistics Ltd met officials in Osaka on 2026-03-02."),
    "c.txt": ("CONFIDENTIAL", PLAIN),
    "s.txt": ("SECRET", "Viktor SOROKIN met Borislav SECRETCANARY at Northwind Logistics Ltd. "
                        "Call 090-5555-0101."),
    "ts.txt": ("TOP SECRET", "Viktor SOROKIN tasked Ottokar TOPCANARY of Northwind Logistics Ltd."),
    "sds.txt": ("TOP SECRET//特定秘密", "ヴィクトル・ソロキンは六本木で鬼塚隠蔵と会った。Viktor SOROKIN also met "
                                       "Zoltan CANARYHIDDEN of Northwind Logistics Ltd. "
                                       "Email zoltan@canaryhidden.example."),
    "heron.txt": ("TOP SECRET//HERON", "Viktor SOROKIN paid Radomir BIRDCANARY through Northwind Logistics Ltd."),
    "copy.txt": ("TOP SECRET//特定秘密", PLAIN + " The visit lasted two days and ended at the Kobe terminal."),
}
CANARIES = {  # what only each hidden report holds
    "s.txt": ["SECRETCANARY", "090-5555-0101", "819055550101"],
    "ts.txt": ["TOPCANARY"],
    "sds.txt": ["CANARYHIDDEN", "canaryhidden", "鬼塚", "ヴィクトル", "ソロキン", "vikutoru", "六本木"],
    "heron.txt": ["BIRDCANARY"],
    "copy.txt": ["Kobe terminal"],
}
READERS = {  # name: (level, compartments, files they may read)
    "tess": (Level.TOP_SECRET, ("特定秘密", "HERON"), set(REPORTS)),
    "anna": (Level.TOP_SECRET, (), {"u.txt", "c.txt", "s.txt", "ts.txt"}),
    "sam": (Level.SECRET, (), {"u.txt", "c.txt", "s.txt"}),
    "cora": (Level.CONFIDENTIAL, (), {"u.txt", "c.txt"}),
}
WHY = "WHYCANARY analyst's reason"


class MovableClock:
    """The system clock, shifted by whole days when a test says so."""

    def __init__(self) -> None:
        self.shift = timedelta()

    def now(self) -> datetime:
        return datetime.now(UTC) + self.shift

    def monotonic(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        pass


@dataclass
class Corpus:
    root: Path
    ids: dict[str, int]

    def open(self, user: str, clock: Any = None) -> Session:
        return unlock(self.root, user, OFFICER_PASS if user == OFFICER else PASSPHRASE, clock)

    def readable(self, user: str) -> set[int]:
        return {self.ids[f] for f in READERS[user][2]}

    def hidden_canaries(self, user: str) -> list[str]:
        return [c for f, found in CANARIES.items() if f not in READERS[user][2] for c in found]


def _build(root: Path, media: Path) -> Corpus:
    init_vault(root, OFFICER, OFFICER_PASS, params=FLOOR, name="Need-to-know")
    with unlock(root, OFFICER, OFFICER_PASS) as officer:
        clearances.add_compartment(officer, "HERON", "an operation's own compartment")
        for name, (level, compartments, _) in READERS.items():
            add_user(officer, name, Role.ANALYST, PASSPHRASE, clearance=level)
            for compartment in compartments:
                clearances.grant(officer, name, compartment)
    media.mkdir()
    for file, (marking, body) in REPORTS.items():
        (media / file).write_text(f"CLASSIFICATION: {marking}\nSubject: {file}\n\n{body}\n", encoding="utf-8")
    with unlock(root, "tess", PASSPHRASE) as tess:
        imported = importing.import_paths(tess, [media]).imported
    ids = {str(r["path"]).rsplit("/", 1)[-1]: int(r["id"]) for r in imported}
    assert set(ids) == set(REPORTS)
    return Corpus(root, ids)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    """One vault for the read-only sweeps: tess (cleared for everything) has fused it and put it in a case."""
    base = tmp_path_factory.mktemp("ntk")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NIA_CONFIG_DIR", str(base / "config"))
        built = _build(base / "vault", base / "usb")
        with built.open("tess") as tess:
            fusion.run_fusion(tess)
            fusion.create_case(tess, "Northwind")
            fusion.add_to_case(tess, "Northwind", sorted(built.ids.values()))
            fusion.create_case(tess, "Osaka")
            fusion.add_to_case(tess, "Osaka", [built.ids["u.txt"]])
            assessments.assess(tess, "Northwind", "SOROKIN recruits for Northwind", "likely", "moderate",
                               [built.ids["sds.txt"], built.ids["u.txt"]])
            assessments.assess(tess, "Northwind", "Northwind ships through Osaka", "likely", "low",
                               [built.ids["u.txt"]])
            question = assessments.add_requirement(tess, "What is Northwind Logistics doing in Japan?", 1)
            assessments.tag_reports(tess, question, sorted(built.ids.values()))
            osaka = _entity(fusion.last_fusion(tess), "Osaka")
            northwind = _entity(fusion.last_fusion(tess), "Northwind")
            fusion.merge_entities(tess, [northwind["id"], osaka["id"]], WHY)
        yield built


def _entity(run: dict[str, Any] | None, name: str) -> dict[str, Any]:
    assert run is not None
    return next(e for e in run["entities"] if any(name in alias for alias in [e["name"], *e["aliases"]]))


def _clean(value: Any, canaries: list[str]) -> None:
    text = json.dumps(value, ensure_ascii=False, default=str)
    leaked = [c for c in canaries if c in text]
    assert not leaked, f"{leaked} leaked into {text[:400]}"


def _report_ids(result: dict[str, Any]) -> set[int]:
    found = {r for e in result["entities"] for r in e["reports"]}
    found |= {r for group in result["duplicates"] for r in group}
    found |= {end for link in result["links"] for end in (link["a"], link["b"])}
    return found | {int(r) for r in result.get("dates", {})}


@pytest.mark.parametrize("user", list(READERS))
def test_fusion_derives_from_readable_reports_only(corpus: Corpus, user: str) -> None:
    canaries = corpus.hidden_canaries(user)
    readable = corpus.readable(user)
    with corpus.open(user) as session:
        result = fusion.run_fusion(session).to_json()
        _clean(result, canaries)
        assert _report_ids(result) <= readable
        sorokin = _entity(result, "SOROKIN")
        assert set(sorokin["reports"]) == readable  # every readable report names him, nothing else is counted
        aliases = set(sorokin["aliases"])
        assert ("ヴィクトル・ソロキン" in aliases) == (corpus.ids["sds.txt"] in readable)
        pair = sorted([corpus.ids["c.txt"], corpus.ids["copy.txt"]])
        assert (pair in result["duplicates"]) == (corpus.ids["copy.txt"] in readable)
        # tess's merge rests on every report: it applies for her alone, and its reason shows nowhere else
        merged = any("Osaka" in alias for alias in _entity(result, "Northwind")["aliases"])
        assert merged == (user == "tess")
        if user != "tess":
            _clean(result, [WHY])

        space = fusion.fusion_workspace(session)
        _clean([[row.name, row.aliases, row.reports, row.seen.to_json()] for row in space.entities], canaries)
        _clean([[f.title, f.agency, f.date] for f in space.reports.values()], canaries)
        assert set(space.reports) == readable
        assert {r for r in space.result.mentions} <= readable
        row = next(r for r in space.entities if "SOROKIN" in r.name)
        assert sum(row.seen.agencies.values()) == len(readable)

        seen = fusion.corroboration(session, sorted(corpus.ids.values()))
        assert sum(seen.agencies.values()) == len(readable)

        stored = fusion.last_fusion(session)
        assert stored is not None
        _clean(stored, canaries)
        assert _report_ids(stored) <= readable


@pytest.mark.parametrize("user", list(READERS))
def test_cases_requirements_and_assessments(corpus: Corpus, user: str) -> None:
    canaries = corpus.hidden_canaries(user)
    readable = corpus.readable(user)
    with corpus.open(user) as session:
        fusion.run_fusion(session)
        members = fusion.case_reports(session, "Northwind")
        assert {m["id"] for m in members} == readable
        _clean(members, canaries)
        suggested = fusion.suggest_for_case(session, "Osaka")
        assert {s["report"] for s in suggested} <= readable - {corpus.ids["u.txt"]}
        assert suggested  # the readable reports that share SOROKIN and Northwind
        _clean(suggested, canaries)

        (pir,) = assessments.coverage(session)
        assert set(pir.reports) == readable
        assert sum(pir.agencies.values()) == len(readable)
        _clean(pir.to_json(), canaries)
        assert set(assessments.suggest_reports(session, pir.requirement.id)) <= readable

        shown = assessments.case_assessments(session, "Northwind")
        expected = ["SOROKIN recruits for Northwind", "Northwind ships through Osaka"] if user == "tess" else \
            ["Northwind ships through Osaka"]
        assert [a.judgement for a in shown] == expected
        marks = [a.marking.portion_mark() for a in shown if a.marking]
        assert marks == (["(TS//特定秘密)", "(U)"] if user == "tess" else ["(U)"])
        assert shown[-1].to_json()["marking"]["level"] == "UNCLASSIFIED"

        log = fusion.judgement_log(session)
        assert bool(log) == (user == "tess")
        if user != "tess":
            _clean(log, [WHY])


def test_a_cleared_run_is_never_another_readers(corpus: Corpus) -> None:
    with corpus.open("tess") as tess:
        fusion.run_fusion(tess)
        cleared = fusion.last_fusion(tess)
    assert cleared is not None
    last = max(e["id"] for e in cleared["entities"])
    for user in ("anna", "sam", "cora"):
        with corpus.open(user) as session:
            fusion.run_fusion(session)
            mine = fusion.last_fusion(session)
            assert mine is not None and mine["at"] != cleared["at"]
            _clean(mine, corpus.hidden_canaries(user))
            # entity numbers are those of the user's own run: tess's last entity is not one of theirs
            assert last not in {e["id"] for e in mine["entities"]}
            with pytest.raises(BadInput, match="no entity"):
                fusion.confirm_entity(session, last)


def test_reading_what_one_may_not_is_refused_and_audited(corpus: Corpus) -> None:
    hidden = corpus.ids["s.txt"]
    with corpus.open("cora") as cora:
        before = audit_log.last(cora.db)
        assert before is not None
        with pytest.raises(PermissionRefused):
            fusion.add_to_case(cora, "Osaka", [hidden])
        with pytest.raises(PermissionRefused):
            assessments.tag_reports(cora, 1, [hidden])
        with pytest.raises(PermissionRefused):
            assessments.assess(cora, "Osaka", "a judgement", "likely", "low", [corpus.ids["u.txt"], hidden])
        with pytest.raises(PermissionRefused):
            fusion.undo_judgement(cora, 1)
        refused = [e for e in audit_log.iter_entries(cora.db) if e.seq > before.seq]
        assert [e.action for e in refused] == ["report.need_to_know"] * 4
        assert all(e.outcome == "refused" for e in refused)
        assert {r["id"] for r in fusion.case_reports(cora, "Osaka")} == {corpus.ids["u.txt"]}
        assert assessments.case_assessments(cora, "Osaka") == []
    with corpus.open("tess") as tess:
        assert fusion.judgement_log(tess)[0]["revoked_by"] is None  # still in force


def test_an_expired_grant_stops_counting(tmp_path: Path) -> None:
    built = _build(tmp_path / "vault", tmp_path / "usb")
    with built.open(OFFICER) as officer:
        today = officer.clock.now().date().isoformat()
        clearances.grant(officer, "anna", "HERON", until=today)
    clock = MovableClock()
    with built.open("anna", clock) as anna:
        space = fusion.fusion_workspace(anna)
        assert built.ids["heron.txt"] in space.reports
        assert "BIRDCANARY" in json.dumps(space.result.to_json())
        clock.shift = timedelta(days=1)  # the grant has run out, in this very session
        with pytest.raises(BadInput):
            fusion.fusion_workspace(anna, grown=True)  # the session's fusion was made with HERON
        assert fusion.last_fusion(anna) is None
        result = fusion.run_fusion(anna).to_json()
        _clean(result, ["BIRDCANARY"])
        assert built.ids["heron.txt"] not in _report_ids(result)


def test_a_report_marked_higher_leaves_kept_runs(tmp_path: Path) -> None:
    built = _build(tmp_path / "vault", tmp_path / "usb")
    with built.open("cora") as cora:
        fusion.run_fusion(cora)
        assert fusion.last_fusion(cora) is not None
    with built.open("tess") as tess:
        clearances.mark_report(tess, built.ids["c.txt"], Level.SECRET, [], "re-graded by the originator")
    with built.open("cora") as cora:
        assert fusion.last_fusion(cora) is None  # it drew on a report she may no longer read
        with pytest.raises(BadInput):
            fusion.merge_entities(cora, [1, 2])
        result = fusion.run_fusion(cora).to_json()
        assert _report_ids(result) == {built.ids["u.txt"]}


def test_an_import_never_grows_the_importers_fusion_with_what_they_may_not_read(tmp_path: Path) -> None:
    built = _build(tmp_path / "vault", tmp_path / "usb")
    more = tmp_path / "more"
    more.mkdir()
    (more / "new-ts.txt").write_text("CLASSIFICATION: TOP SECRET\nSubject: new\n\nViktor SOROKIN hired "
                                     "Wilhelmina IMPORTCANARY at Northwind Logistics Ltd.\n", encoding="utf-8")
    (more / "new-u.txt").write_text("CLASSIFICATION: UNCLASSIFIED\nSubject: new open\n\nViktor SOROKIN toured "
                                    "Northwind Logistics Ltd in Sendai.\n", encoding="utf-8")
    with built.open("cora") as cora:
        fusion.run_fusion(cora)
        outcome = importing.import_paths(cora, [more])
        assert len(outcome.imported) == 2
        assert outcome.fused is not None and outcome.fused["reports"] == 1
        space = fusion.fusion_workspace(cora, grown=True)
        _clean(space.result.to_json(), ["IMPORTCANARY", *built.hidden_canaries("cora")])
        stored = fusion.last_fusion(cora)
        assert stored is not None
        _clean(stored, ["IMPORTCANARY"])
        assert "Sendai" in json.dumps(stored)


def test_old_runs_kept_for_every_reader_are_not_shown(tmp_path: Path) -> None:
    """A run stored before need-to-know (keyed by the case alone) is a fusion of everything: schema v14 moves only
    runs kept per reader access into the fusion tables, drops the rest, and drops fusion_runs."""
    from nia_desktop.core.fusion.stored import to_stored
    from nia_desktop.core.store import fusion_schema
    from nia_desktop.core.store import fusion_state as state
    from nia_desktop.core.store.fusion import run_scope

    built = _build(tmp_path / "vault", tmp_path / "usb")
    with built.open("tess") as tess:
        everything = fusion.run_fusion(tess)
        tess_key = run_scope("", tess.access().key())
        with tess.db.transaction():
            state.drop(tess.db, state.scope(tess.db, tess_key).id)  # type: ignore[union-attr]
            tess.db.execute("CREATE TABLE fusion_runs (scope TEXT PRIMARY KEY, at TEXT NOT NULL, user TEXT NOT NULL, "
                            "result TEXT NOT NULL)")
            data = json.dumps(to_stored(everything), ensure_ascii=False)
            tess.db.executemany("INSERT INTO fusion_runs (scope, at, user, result) VALUES (?, '2026-01-01', 'tess', ?)",
                                [("", data), (tess_key, data)])
            fusion_schema._convert_runs(tess.db)
            tess.db.execute("DROP TABLE fusion_runs")
        assert state.scope(tess.db, "") is None
        kept = fusion.last_fusion(tess)
        assert kept is not None and kept["at"] == "2026-01-01"
        assert {e["name"] for e in kept["entities"]} == {e.name for e in everything.entities}
    with built.open("cora") as cora:
        assert fusion.last_fusion(cora) is None
        with pytest.raises(BadInput, match="run fusion first"):
            fusion.merge_entities(cora, [1, 2])


def test_a_split_names_only_keys_found_in_the_reports_split_off(tmp_path: Path) -> None:
    """Tess splits SOROKIN's mention in the open report off: cora may read that report, so she sees the judgement
    in the log, and its keys are the names found there, never the katakana one only the 特定秘密 report gives."""
    built = _build(tmp_path / "vault", tmp_path / "usb")
    with built.open("tess") as tess:
        fusion.run_fusion(tess)
        sorokin = _entity(fusion.last_fusion(tess), "SOROKIN")
        assert any("vikutoru" in node for node in sorokin["nodes"])  # the katakana name's reading
        assert "ヴィクトル・ソロキン" in sorokin["aliases"]
        fusion.split_entity(tess, sorokin["id"], [built.ids["u.txt"]], "another Sorokin")
        after = fusion.run_fusion(tess).to_json()
        apart = [e for e in after["entities"] if "Viktor SOROKIN" in e["aliases"]]
        assert sorted(e["reports"] for e in apart) == sorted([[built.ids["u.txt"]],
                                                              sorted(set(sorokin["reports"]) - {built.ids["u.txt"]})])
    with built.open("cora") as cora:
        log = fusion.judgement_log(cora)
        assert [j["verdict"] for j in log] == ["split", "different"]
        _clean(log, built.hidden_canaries("cora"))
