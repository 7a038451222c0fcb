"""The canary sweep of issue 13: for each of several users with different clearances, every `nia` command that
user's role may run, with and without --json, and every file it writes (briefing bundles: PDF text and metadata,
HTML, STIX, JSON), shows nothing from a report they may not read.

The corpus (tests/data/need_to_know, tools/build_need_to_know_corpus.py) puts the same people and organisations
in reports at every level and in every compartment, and in each report strings found nowhere else (a reference
token, a person, a company, a mail address, a Japanese name and company, a katakana alias of a person every
report names). One vault is built with the `nia` command exactly as people would (officers define the operation
compartment and give clearances; an analyst imports, one import with --caveat; another marking is defined after
the import; cases, requirements, assessments, judgements, briefings under the two-person rule).

A sweep that finds nothing proves little unless what a user may read does show: the allowed content is checked
too (every canary of every readable report in `nia fuse --json`, every readable report listed and found).
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest

from tests.e2e.conftest import Nia, Result
from tests.need_to_know_corpus import (
    ASSESSMENTS,
    CASE,
    CASE_NUMBERS,
    CORPUS,
    IMPORTER,
    JUDGEMENTS,
    MANIFEST,
    OFFICER_READER,
    PIR_NUMBERS,
    PIR_QUESTION,
    READERS,
    REPORTS,
    SHARED_NAMES,
    Output,
    Reader,
    canaries,
    entity_canaries,
    hidden_strings,
    leaks,
)

OLIVE = {"user": "olive", "passphrase": "olive-passphrase-1"}
OTTO = {"user": "otto", "passphrase": "otto-passphrase-1"}  # the second officer: release reviews


def opened_sample(reader: Reader) -> list[int]:
    """One readable report of each marking (level and caveats): the ones the sweep opens."""
    first: dict[tuple[str, tuple[str, ...]], int] = {}
    for number, report in sorted(REPORTS.items()):
        if reader.may_read(number):
            first.setdefault((report["level"], tuple(report["caveats"])), number)
    return sorted(first.values())


@dataclass
class World:
    nia: Nia
    ids: dict[int, int]  # corpus number -> report id

    @property
    def numbers(self) -> dict[int, int]:
        return {i: n for n, i in self.ids.items()}

    def id_list(self, numbers: Iterable[int]) -> list[str]:
        return [str(self.ids[n]) for n in numbers]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    tmp = tmp_path_factory.mktemp("sweep")
    nia = Nia(tmp / "vault", tmp)

    def ok(*args: str, **creds: str) -> Result:
        done = nia(*args, **creds)
        assert done.code == 0, (args, done.err)
        return done

    ok("init", "--officer", "olive", "--kdf-memory", "19", "--kdf-time", "2", passphrase=OLIVE["passphrase"])
    for reader in READERS.values():
        done = nia("user", "add", reader.name, "--role", "analyst", "--clearance", reader.level,
                   new_passphrase=reader.creds["passphrase"], **OLIVE)
        assert done.code == 0, done.err
    operation, later = MANIFEST["operation"], MANIFEST["defined_later"]
    ok("compartment", "add", operation, "--description", "Operation HAYABUSA", **OLIVE)
    ok("user", "grant", "tess", "特定秘密", **OLIVE)
    ok("user", "grant", "tess", operation, **OLIVE)
    ok("user", "grant", "sam", operation, "--until", "2099-12-31", **OLIVE)
    tess = READERS[IMPORTER].creds
    imported = ok("import", str(CORPUS / "general"), "--json", **tess).json()["imported"]
    imported += ok("import", str(CORPUS / "hayabusa"), "--caveat", operation, "--json", **tess).json()["imported"]
    by_file = {Path(r["file"]).name: n for n, r in REPORTS.items()}
    ids = {by_file[Path(item["path"]).name]: int(item["id"]) for item in imported}
    assert sorted(ids) == sorted(REPORTS), "every report of the corpus is imported once"
    ok("compartment", "add", later, **OLIVE)  # found as an unknown header marking, now defined
    ok("user", "grant", "tess", later, **OLIVE)
    done = nia("user", "add", "otto", "--role", "officer", new_passphrase=OTTO["passphrase"], **OLIVE)
    assert done.code == 0, done.err
    for compartment in READERS[IMPORTER].compartments:  # the reviewer must be cleared for what is released
        ok("user", "grant", "otto", compartment, **OLIVE)
    world = World(nia, ids)

    ok("case", "create", CASE, **tess)
    readable = [n for n in CASE_NUMBERS if READERS["tess"].may_read(n)]
    ok("case", "add", CASE, *world.id_list(readable), **tess)
    ok("pir", "add", PIR_QUESTION, "--priority", "1", **tess)
    ok("pir", "tag", "1", *world.id_list(PIR_NUMBERS), **tess)
    for text, likelihood, confidence, numbers, _ in ASSESSMENTS:
        ok("assess", CASE, text, "--likelihood", likelihood, "--confidence", confidence, "--reports",
           *world.id_list(numbers), **tess)
    fused = ok("fuse", "--json", **tess).json()
    # Judgements over entities known only from restricted reports: their names must not reach the entity log of
    # a reader who may not read those reports.
    for verdict, first, second in JUDGEMENTS:
        a, b = (_entity_of(fused, REPORTS[n]["canaries"]["surname"]) for n in (first, second))
        ok("entity", verdict, str(a), str(b), "--why", "sweep", **tess)
    ok("fuse", **tess)
    ok("fuse", "--case", CASE, **tess)
    return world


def _entity_of(fused: dict[str, Any], surname: str) -> int:
    found = [e["id"] for e in fused["entities"] if any(surname in a for a in [e["name"], *e["aliases"]])]
    assert found, f"fusion found no entity named {surname}"
    return int(found[0])


@dataclass
class Sweep:
    reader: Reader
    outputs: list[Output] = field(default_factory=list)
    json: dict[str, Any] = field(default_factory=dict)  # label -> parsed --json output
    results: dict[str, Result] = field(default_factory=dict)
    written: list[Path] = field(default_factory=list)

    def run(self, world: World, label: str, *args: str, expect: int | None = 0) -> Result:
        done = world.nia(*args, **self.reader.creds)
        self.outputs.append(Output(f"{label} (stdout)", done.out))
        self.outputs.append(Output(f"{label} (stderr)", done.err))
        self.results[label] = done
        if expect is not None:
            assert done.code == expect, (self.reader.name, args, done.code, done.err)
        if "--json" in args and done.code == 0:
            self.json[label] = done.json()
        return done

    def batch(self, world: World, commands: list[tuple[str, tuple[str, ...], int | None]]) -> None:
        """Commands that change nothing but the audit log, a few at a time (each is a process unlocking the
        vault; the machine has cores to spare while one waits)."""
        with ThreadPoolExecutor(max_workers=3) as pool:
            for future in [pool.submit(self.run, world, label, *args, expect=expect) for label, args, expect in
                           commands]:
                future.result()


def _pdf_text(path: Path) -> str:
    pdf = pdfium.PdfDocument(str(path))
    parts = [json.dumps(pdf.get_metadata_dict(), ensure_ascii=False)]
    parts += [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    return "\n".join(parts)


def _bundle_text(path: Path) -> list[Output]:
    """Every entry of a bundle as text (the PDF's text and metadata extracted), and every entry's name."""
    found = []
    with zipfile.ZipFile(path) as archive:
        found.append(Output(f"{path.name}: entry names", "\n".join(archive.namelist())))
        for name in archive.namelist():
            data = archive.read(name)
            if name.endswith(".pdf"):
                scratch = path.with_suffix(".extracted.pdf")
                scratch.write_bytes(data)
                found.append(Output(f"{path.name}: {name} (text and metadata)", _pdf_text(scratch)))
                scratch.unlink()
            found.append(Output(f"{path.name}: {name}", data.decode("utf-8", "replace")))
    return found


def _sweep(world: World, reader: Reader) -> Sweep:
    s = Sweep(reader)
    tess = READERS[IMPORTER].creds
    hidden = [n for n in REPORTS if not reader.may_read(n)]
    readable = [n for n in REPORTS if reader.may_read(n)]
    out = world.nia.tmp / reader.name
    out.mkdir()

    # Before this reader's own fusion, the latest stored fusion is the fully cleared analyst's: numbers and
    # suggestions must not come from it.
    tess_fused = world.nia("fuse", "--json", **tess).json()
    assert world.nia("fuse", "--case", CASE, **tess).code == 0
    secret_entities = sorted({e["id"] for e in tess_fused["entities"]
                              if not all(reader.may_read(world.numbers[r]) for r in e["reports"])})
    before: list[tuple[str, tuple[str, ...], int | None]] = [
        (f"entity show {entity} before own fuse --json", ("entity", "show", str(entity), "--json"), None)
        for entity in [1, *secret_entities[:10]]]
    before += [("entity show 1 --case before own fuse", ("entity", "show", "1", "--case", CASE), None),
               ("case suggest before own fuse --json", ("case", "suggest", CASE, "--json"), None),
               ("pir suggest before own fuse --json", ("pir", "suggest", "1", "--json"), None)]
    s.batch(world, before)

    searches = {
        "shared person": "Yegorov",
        "shared Japanese name": "平岩哲也",
        "every token": "CNRY*",
        "every surname": " OR ".join(REPORTS[n]["canaries"]["surname"] for n in REPORTS),
        "every company": " OR ".join(REPORTS[n]["canaries"]["org_word"] for n in REPORTS),
        "every Japanese name": " OR ".join(REPORTS[n]["canaries"]["ja_person"] for n in REPORTS),
        "one hidden token": REPORTS[hidden[-1]]["canaries"]["token"] if hidden else "CNRY001",
    }
    reads: list[tuple[str, tuple[str, ...], int | None]] = []

    def both(label: str, *args: str) -> None:
        reads.extend([(label, args, 0), (f"{label} --json", (*args, "--json"), 0)])

    both("reports", "reports")
    both("reports --case", "reports", "--case", CASE)
    both("reports --agency DIH", "reports", "--agency", "DIH")
    reads.append(("reports --limit 3 --json", ("reports", "--limit", "3", "--json"), 0))
    for label, query in searches.items():
        both(f"search {label}", "search", query, "--limit", "200")
    for number in hidden:  # every hidden report refused, in words (and once in JSON)
        report_id = str(world.ids[number])
        reads.append((f"report show {report_id}", ("report", "show", report_id), 1))
        if number == hidden[0]:
            reads.append((f"report show {report_id} --json", ("report", "show", report_id, "--json"), 1))
    for number in opened_sample(reader):
        report_id = str(world.ids[number])
        reads.append((f"report show {report_id} --json", ("report", "show", report_id, "--json"), 0))
    reads.append(("report show (no such report)", ("report", "show", str(len(REPORTS) + 7)), 1))
    both("imports", "imports")
    for run in ("1", "2"):
        both(f"imports {run}", "imports", run)
    both("compartment list", "compartment", "list")
    reads.append(("watchlist list --json", ("watchlist", "list", "--json"), 0))
    both("pir list", "pir", "list")
    both("assessments", "assessments", CASE)
    s.batch(world, reads)

    s.run(world, "fuse", "fuse")
    s.run(world, "fuse --case", "fuse", "--case", CASE)
    s.run(world, "fuse --case --json", "fuse", "--case", CASE, "--json")
    s.run(world, "fuse --json", "fuse", "--json")  # the latest run of every report: the numbers below
    own = s.json["fuse --json"]
    shared = [e["id"] for e in own["entities"] if e["name"] in SHARED_NAMES]
    after: list[tuple[str, tuple[str, ...], int | None]] = []
    for entity in sorted(set(shared + [e["id"] for e in own["entities"]][:4])):
        after.append((f"entity show {entity} --json", ("entity", "show", str(entity), "--json"), 0))
    after.append((f"entity show {shared[0]}", ("entity", "show", str(shared[0])), 0))
    case_own = s.json["fuse --case --json"]
    for entity in [e["id"] for e in case_own["entities"] if e["name"] in SHARED_NAMES][:2]:
        after.append((f"entity show {entity} --case --json", ("entity", "show", str(entity), "--case", CASE,
                                                              "--json"), 0))
    reads = []
    both("entity log", "entity", "log")
    both("case suggest", "case", "suggest", CASE)
    both("pir suggest", "pir", "suggest", "1")
    s.batch(world, after + reads)

    # A briefing of the whole case, through the two-person rule when its level needs it.
    bundle = out / "harbour-briefing.nia"
    brief = ("brief", CASE, "--out", str(bundle), "--title", f"Harbour for {reader.name}", "--summary",
             "港湾の物流網と資金の流れ。 The harbour network and its money.", "--json")
    first = s.run(world, "brief", *brief)
    if first.json()["status"] != "exported":
        approved = world.nia("release", "show", str(first.json()["request"]), "--json", **OTTO)
        assert approved.code == 0, approved.err
        assert world.nia("release", "approve", str(first.json()["request"]), **OTTO).code == 0
        s.run(world, "brief (approved)", *brief)
    assert bundle.exists()
    s.written.append(bundle)
    s.outputs += _bundle_text(bundle)
    s.run(world, "bundle verify --json", "bundle", "verify", str(bundle), "--json")

    # Asking for what is hidden: refused (exit 1), nothing written, nothing named.
    if hidden:
        secret = str(world.ids[hidden[0]])
        in_case = [n for n in CASE_NUMBERS if n in hidden and READERS["tess"].may_read(n)]
        tagged = [n for n in PIR_NUMBERS if n in hidden and READERS["tess"].may_read(n)]
        refusals = [
            ("report original", ("report", "original", secret, "--out", str(out / "original.bin"))),
            ("brief --report", ("brief", CASE, "--out", str(out / "hidden.nia"), "--report", secret)),
            ("bundle reports", ("bundle", "reports", secret, "--out", str(out / "reports.nia"))),
            ("report mark", ("report", "mark", secret, "--level", "TOP SECRET", "--why", "sweep")),
            ("assess --reports", ("assess", CASE, "sweep", "--likelihood", "likely", "--confidence", "low",
                                  "--reports", secret)),
        ]
        if in_case:
            refusals.append(("case add", ("case", "add", CASE, str(world.ids[in_case[0]]))))
        if tagged:
            refusals.append(("pir tag", ("pir", "tag", "1", str(world.ids[tagged[0]]))))
        for label, args in refusals:
            s.run(world, f"refused: {label}", *args, expect=1)
        for name in ("original.bin", "hidden.nia", "reports.nia"):
            assert not (out / name).exists(), f"{name} written for {reader.name}"
    assert readable  # every reader reads something
    s.outputs += [Output(f"file {p.name}", p.read_bytes().decode("utf-8", "replace"))
                  for p in out.rglob("*") if p.is_file() and p != bundle]
    return s


@pytest.fixture(scope="module")
def sweeps(world: World) -> Any:
    """Each reader's sweep, run once for the module (a failure too: every test of that reader reports it)."""
    done: dict[str, Sweep | Exception] = {}

    def get(name: str) -> Sweep:
        if name not in done:
            try:
                done[name] = _sweep(world, READERS[name])
            except Exception as exc:
                done[name] = exc
        found = done[name]
        if isinstance(found, Exception):
            raise found
        return found

    return get


def _without_own_import_paths(output: Output) -> Output:
    """The analyst who imported the corpus sees, in the manifests of their own import runs, the names of the files
    they took from the media, readable to them or not (they held the media); nothing else of those reports."""
    if not output.label.startswith("imports"):
        return output
    text = output.text
    for report in REPORTS.values():
        text = text.replace(str(CORPUS / report["file"]), "(own import)")
    return Output(output.label, text)


@pytest.mark.slow
@pytest.mark.parametrize("name", list(READERS))
def test_nothing_from_a_hidden_report_in_any_output(name: str, sweeps: Any) -> None:
    sweep = sweeps(name)
    outputs = sweep.outputs
    if name == IMPORTER:
        outputs = [_without_own_import_paths(o) for o in outputs]
    found = leaks(outputs, hidden_strings(sweep.reader))
    assert not found, f"{len(found)} leaks to {name}:\n" + "\n".join(found)


@pytest.mark.slow
@pytest.mark.parametrize("name", list(READERS))
def test_only_readable_report_ids_anywhere(name: str, world: World, sweeps: Any) -> None:
    """Ids, counts and groups: what a reader may not read is not listed, linked, grouped, suggested or cited."""
    sweep = sweeps(name)
    allowed = {world.ids[n] for n in REPORTS if sweep.reader.may_read(n)}
    problems = []

    def check(label: str, ids: Iterable[Any]) -> None:
        extra = sorted({int(i) for i in ids} - allowed)
        if extra:
            problems.append(f"{label}: hidden report ids {extra}")

    for label in ("fuse --json", "fuse --case --json"):
        fused = sweep.json[label]
        for entity in fused["entities"]:
            check(f"{label} entity {entity['name']!r}", entity["reports"])
        for link in fused["links"]:
            check(f"{label} link", (link["a"], link["b"]))
        for group in fused["duplicates"]:
            check(f"{label} duplicates", group)
    for label in ("reports --json", "reports --case --json", "reports --agency DIH --json"):
        check(label, (r["id"] for r in sweep.json[label]))
    for label, value in sweep.json.items():
        if label.startswith("search"):
            check(label, (h["id"] for h in _hits(value)))
    check("case suggest --json", (r["report"] if isinstance(r, dict) else r for r in sweep.json["case suggest --json"]))
    check("pir suggest --json", (r["report"] if isinstance(r, dict) else r for r in sweep.json["pir suggest --json"]))
    for requirement in sweep.json["pir list --json"]:
        check("pir list --json", requirement["reports"])
        if sum(requirement["agencies"].values()) != len(requirement["reports"]):
            problems.append(f"pir list --json: agency counts {requirement['agencies']} for "
                            f"{len(requirement['reports'])} readable reports")
    for assessment in sweep.json["assessments --json"]:
        check(f"assessments --json #{assessment['id']}", assessment["reports"])
    briefing = json.loads(zipfile.ZipFile(sweep.written[0]).read("payload/briefing.json"))
    for entity in briefing.get("entities", []):
        check(f"briefing.json entity {entity['name']!r}", entity["reports"])
    check("briefing.json sources", (s["report_id"] for s in briefing.get("sources", [])))
    assert not problems, "\n".join(problems)


def _hits(value: Any) -> list[Any]:
    """A search's hits: `--limit` asks for the page object ({"items", "more", ...}), which must not be cut here."""
    if isinstance(value, dict):
        assert value["more"] is False, "the sweep's search page was cut: raise its --limit"
        return list(value["items"])
    return list(value)


@pytest.mark.slow
@pytest.mark.parametrize("name", list(READERS))
def test_what_the_reader_may_read_is_all_there(name: str, world: World, sweeps: Any) -> None:
    """The sweep is not vacuous: every readable report is listed, found, opened and fused, with its canaries."""
    sweep = sweeps(name)
    reader = sweep.reader
    readable = {n for n in REPORTS if reader.may_read(n)}
    listed = {world.numbers[r["id"]]: r for r in sweep.json["reports --json"]}
    assert set(listed) == readable
    for number, row in listed.items():
        assert row["classification"] == REPORTS[number]["level"], (number, row)
        assert sorted(row["caveats"]) == sorted(REPORTS[number]["caveats"]), (number, row)
    assert {world.numbers[h["id"]] for h in _hits(sweep.json["search every token --json"])} == readable
    assert {world.numbers[h["id"]] for h in _hits(sweep.json["search every surname --json"])} == readable
    for number in opened_sample(reader):
        shown = sweep.json[f"report show {world.ids[number]} --json"]
        assert REPORTS[number]["canaries"]["token"] in shown["text"]
    names = json.dumps(sweep.json["fuse --json"]["entities"], ensure_ascii=False)
    missing = {n: [c for c in entity_canaries(n) if c not in names] for n in sorted(readable)}
    assert not {n: m for n, m in missing.items() if m}, "fusion lost names of readable reports"
    judgements = {a["judgement"] for a in sweep.json["assessments --json"]}
    for text, _, _, numbers, _ in ASSESSMENTS:
        if all(reader.may_read(n) for n in numbers):
            assert text in judgements
    html = zipfile.ZipFile(sweep.written[0]).read("payload/briefing.html").decode()
    case_readable = [n for n in CASE_NUMBERS if reader.may_read(n)]
    uncited = [n for n in case_readable if not re.search(rf"#{world.ids[n]}\b", html)]
    assert not uncited, f"the briefing leaves out readable reports {uncited}"
    assert "Konstantin Yegorov" in html and "平岩哲也" in html


@pytest.mark.slow
@pytest.mark.parametrize("name", list(READERS))
def test_hidden_reports_are_refused_and_the_refusal_is_audited(name: str, world: World, sweeps: Any) -> None:
    sweep = sweeps(name)
    hidden = [n for n in REPORTS if not sweep.reader.may_read(n)]
    for number in hidden:
        refused = sweep.results[f"report show {world.ids[number]}"]
        assert refused.code == 1 and "refused" in refused.err, (number, refused.err)
    log = world.nia("audit", "log", "--limit", "100000", "--json", **OLIVE)
    assert log.code == 0, log.err
    refusals = [e for e in log.json() if e["action"] == "report.need_to_know" and e["actor"] == name]
    assert all(e["outcome"] == "refused" for e in refusals)
    refused_ids = {int(r) for e in refusals for r in e["details"]["reports"]}
    assert refused_ids >= {world.ids[n] for n in hidden}, "every refused report show is in the audit log"


@pytest.mark.slow
def test_officers_outputs_name_no_compartmented_report(world: World, sweeps: Any) -> None:
    """Officers manage clearances, review releases and read the audit log: the audit log and its export, the
    clearance lists, the compartment list and the release list carry nothing from a report the officer is not
    cleared for (entity judgements audited with the names they join, for instance)."""
    for name in READERS:
        sweeps(name)  # the whole sweep has run: the audit log holds every refusal and export
    # olive holds no compartment; otto was cleared for every one to review the fully cleared analyst's release.
    officers = ((OLIVE, OFFICER_READER), (OTTO, Reader("otto", "TOP SECRET", READERS[IMPORTER].compartments)))
    exported = world.nia.tmp / "audit.jsonl"
    found = []
    for creds, reader in officers:
        outputs = []
        for args in (("audit", "log", "--limit", "100000", "--json"), ("user", "clearances", "--json"),
                     ("user", "clearances"), ("compartment", "list", "--json"), ("release", "list", "--all", "--json"),
                     ("audit", "export", "--out", str(exported))):
            done = world.nia(*args, **creds)
            assert done.code == 0, (args, done.err)
            outputs += [Output(f"{creds['user']} {' '.join(args)}", done.out + done.err)]
        outputs.append(Output(f"{creds['user']} audit export file", exported.read_text(encoding="utf-8")))
        exported.unlink()
        found += leaks(outputs, hidden_strings(reader, codewords=False))
    assert not found, "\n".join(found)


def test_the_corpus_is_what_the_builder_writes() -> None:
    """tests/data/need_to_know is generated: a hand edit that breaks a canary's uniqueness is caught here."""
    import subprocess
    import sys

    tool = Path(__file__).resolve().parents[2] / "tools" / "build_need_to_know_corpus.py"
    done = subprocess.run([sys.executable, str(tool), "--check"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_canary_matching_finds_a_planted_leak() -> None:
    """The matcher itself: a canary in any case, inside other text, is found and attributed."""
    hidden = hidden_strings(READERS["cora"])
    token = REPORTS[13]["canaries"]["token"]
    found = leaks([Output("planted", f"...{token.lower()}... {REPORTS[25]['canaries']['ja_person']}")], hidden)
    assert len(found) == 2 and "report #13" in found[0] and "report #25" in found[1]
    assert not leaks([Output("clean", "Konstantin Yegorov 平岩哲也 " + REPORTS[1]["canaries"]["token"])], hidden)
    assert re.search("KJCANARY25", " ".join(hidden))


LATE_REPORT = """TOP SECRET//特定秘密

CABINET INTELLIGENCE AND RESEARCH OFFICE (CIRO)
Report No.     : CIRO-CIC-26-0999
Date of issue  : 28 March 2026
Classification : TOP SECRET//特定秘密
Subject        : Late designated reporting (LATECNRY)

1. Key points
   Pavel Brannigov, a director of Latecorpex Maritime Trading Co., Ltd., met Konstantin Yegorov
   (コンスタンチン・ラテカナフ) of Meridian Tide Shipmanagement in Vladivostok. Akiko Ichikawa, of Harbour
   Crest Logistics, arranged it; 平岩哲也 of 鶴ヶ丘海運株式会社 was there. Reference LATECNRY.
"""
LATE_CANARIES = ("LATECNRY", "Brannigov", "Latecorpex", "ラテカナフ")


@pytest.mark.slow
def test_what_changes_after_the_others_fused_reaches_nobody_else(world: World, sweeps: Any) -> None:
    """After every reader has fused (their fusions are kept, numbers and suggestions come from them), the fully
    cleared analyst imports a 特定秘密 report and re-marks an UNCLASSIFIED report 特定秘密: neither reaches the
    others through what they kept (entity numbers, suggestions) or anything they run next."""
    for name in READERS:
        sweeps(name)
    tess = READERS[IMPORTER].creds
    media = world.nia.tmp / "late"
    media.mkdir()
    (media / "late.txt").write_text(LATE_REPORT, encoding="utf-8")
    imported = world.nia("import", str(media), "--json", **tess)
    assert imported.code == 0, imported.err
    remarked = str(world.ids[1])
    done = world.nia("report", "mark", remarked, "--level", "TOP SECRET", "--caveat", "特定秘密", "--why",
                     "designated by the ministry", **tess)
    assert done.code == 0, done.err
    hidden = {c: "the late 特定秘密 report" for c in LATE_CANARIES}
    hidden.update({c: "report #1, re-marked 特定秘密" for c in canaries(1)})
    hidden[ASSESSMENTS[0][0]] = "a key judgement citing report #1"
    found = []
    for name in ("tom", "sam", "cora"):
        reader = READERS[name]
        kept = sweeps(name).json["fuse --json"]
        shared = [str(e["id"]) for e in kept["entities"] if e["name"] in SHARED_NAMES]
        commands = [("entity", "show", entity, "--json") for entity in shared]
        commands += [("case", "suggest", CASE, "--json"), ("pir", "suggest", "1", "--json"), ("pir", "list", "--json"),
                     ("assessments", CASE, "--json"), ("reports", "--json"), ("search", "CNRY001 OR LATECNRY"),
                     ("fuse", "--json"), ("fuse", "--case", CASE, "--json")]
        commands += [("entity", "show", entity, "--json") for entity in shared]  # numbered by the new fusion
        for args in commands:
            result = world.nia(*args, **reader.creds)
            found += leaks([Output(f"{name} {' '.join(args)}", result.out + result.err)], hidden)
        refused = world.nia("report", "show", remarked, **reader.creds)
        assert refused.code == 1 and "refused" in refused.err
    assert not found, "\n".join(found)
    fused = world.nia("fuse", "--json", **tess).json()
    names = json.dumps(fused["entities"], ensure_ascii=False)
    assert all(c in names for c in LATE_CANARIES[1:]) and REPORTS[1]["canaries"]["surname"] in names
