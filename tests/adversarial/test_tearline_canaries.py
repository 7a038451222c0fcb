"""Tearline canaries (issue 13): 200 tearline versions of one case, composed through the services at every line
(each level, without each compartment, control and release list, and combinations) over different choices of
reports, summaries and titles, show nothing from above their line in any form: not in the PDF's text or
metadata, the HTML, the STIX bundle, the briefing JSON the bundle carries, or the bundle's file name; while
every portion the line allows is there.

The vault holds the need-to-know canary corpus (tests/data/need_to_know: 46 reports at every level and in every
compartment, the same people and organisations in all of them, and in each restricted report names, an alias
of a shared person, companies, addresses and reference numbers found nowhere else). The analyst is cleared for
everything but the unknown WNINTEL marking, so the full product holds every readable report and each tearline
version must leave out exactly what its line does not allow. Key judgements resting on restricted reports carry
canaries of their own, and so does the full product's summary (never carried below the line).

Products identical in content render to identical bytes (the session's clock is fixed), so each distinct product
is rendered once; each of the 200 is composed afresh.
"""

from __future__ import annotations

import io
import json
import random
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest

from nia_desktop.core.briefing.content import Briefing
from nia_desktop.core.classification import Level
from nia_desktop.core.errors import BadInput
from nia_desktop.core.markings import Tearline
from nia_desktop.core.roles import Role
from nia_desktop.core.vault.kdf import FLOOR
from nia_desktop.services import assessments, briefings, clearances, fusion, importing, reports
from nia_desktop.services.session import Session, unlock
from nia_desktop.services.users import add_user
from nia_desktop.services.vault_setup import init_vault

DATA = Path(__file__).resolve().parents[1] / "data" / "need_to_know"
OFFICER, OFFICER_PASS = "olive", "olive-passphrase-1"
ANALYST, ANALYST_PASS = "anna", "anna-passphrase-22"
CASE = "Meridian"
PRODUCTS = 200
FULL_SUMMARY = "FULLSUMMARYCANARY: the whole picture, for the Prime Minister's Office only."
LEVEL_WORDS = {Level.TOP_SECRET: ("TOP SECRET", "極秘"), Level.SECRET: ("SECRET",),
               Level.CONFIDENTIAL: ("CONFIDENTIAL", "取扱注意")}
WITHOUT = ((), ("特定秘密",), ("HAYABUSA",), ("BLUEFIN",), ("ORCON",), ("NOFORN",), ("REL",), ("特定秘密", "HAYABUSA"),
           ("ORCON", "NOFORN", "REL"), ("特定秘密", "HAYABUSA", "BLUEFIN", "ORCON"))
# Key judgements: (text, reports cited by corpus number); the restricted ones carry a canary of their own.
JUDGEMENTS = (
    ("Meridian Tide Shipmanagement likely moves money for the network.", (1, 5)),
    ("JUDGECANARY-TS: the tasking comes from a named handler.", (13,)),
    ("JUDGECANARY-SDS: the designated ministry's source confirms the payments.", (25, 2)),
    ("JUDGECANARY-HAYABUSA: the operation has reached the depot's staff.", (30, 36)),
    ("JUDGECANARY-ORCON: the originator's source names the courier.", (17,)),
    ("JUDGECANARY-REL: partners report the same vessel.", (21,)),
    ("JUDGECANARY-S: the manifests were copied twice.", (9, 3)),
    ("JUDGECANARY-BLUEFIN: the second cell is active.", (44,)),
    ("JUDGECANARY-NOFORN: the domestic lead is a port official.", (19,)),
)


class FixedClock:
    """One composition time for every product, so identical products are identical bytes."""

    def now(self) -> datetime:
        return datetime(2026, 12, 1, 9, 0, tzinfo=UTC)

    def monotonic(self) -> float:
        return 0.0

    def sleep(self, seconds: float) -> None:
        return None


@dataclass(frozen=True)
class Report:
    id: int
    number: int
    level: Level
    caveats: tuple[str, ...]
    title: str
    canaries: tuple[str, ...]


@dataclass
class Vault:
    root: Path
    reports: dict[int, Report]  # by corpus number
    readable: set[int]  # corpus numbers the analyst may read

    def open(self) -> Session:
        session = unlock(self.root, ANALYST, ANALYST_PASS)
        session.clock = FixedClock()  # type: ignore[assignment]
        return session


def _level(name: str) -> Level:
    return Level[name.replace(" ", "_")]


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Vault]:
    base = tmp_path_factory.mktemp("tearlines")
    corpus = json.loads((DATA / "corpus.json").read_text(encoding="utf-8"))
    root = base / "vault"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NIA_CONFIG_DIR", str(base / "config"))
        init_vault(root, OFFICER, OFFICER_PASS, params=FLOOR, name="Tearlines")
        with unlock(root, OFFICER, OFFICER_PASS) as officer:
            add_user(officer, ANALYST, Role.ANALYST, ANALYST_PASS)
            clearances.add_compartment(officer, corpus["operation"], "an operation's own compartment")
            clearances.grant(officer, ANALYST, corpus["operation"])  # an importer names only what they know of
        with unlock(root, ANALYST, ANALYST_PASS) as session:
            importing.import_paths(session, [DATA / "general"], pool_size=1)
            importing.import_paths(session, [DATA / "hayabusa"], pool_size=1, caveats=[corpus["operation"]])
        with unlock(root, OFFICER, OFFICER_PASS) as officer:
            clearances.add_compartment(officer, corpus["defined_later"], "defined after the import")
            for compartment in ("特定秘密", corpus["operation"], corpus["defined_later"]):
                clearances.grant(officer, ANALYST, compartment)
        with unlock(root, ANALYST, ANALYST_PASS) as session:
            listed = {r.path.rsplit("/", 1)[-1]: r for r in reports.list_reports(session)}
            found: dict[int, Report] = {}
            readable = set()
            for entry in corpus["reports"]:
                name = entry["file"].rsplit("/", 1)[-1]
                raw = (entry["title"], *entry["canaries"].values())
                canaries = tuple(dict.fromkeys([*raw, *(unicodedata.normalize("NFKC", c) for c in raw)]))
                summary = listed.get(name)
                if summary is not None:
                    readable.add(entry["number"])
                    assert summary.caveats == tuple(sorted(summary.caveats))
                found[entry["number"]] = Report(summary.id if summary else 0, entry["number"],
                                                _level(entry["level"]), tuple(entry["caveats"]),
                                                unicodedata.normalize("NFKC", entry["title"]), canaries)
            assert readable == set(found) - {42, 43}  # WNINTEL: an unknown marking nobody reads past
            fusion.create_case(session, CASE)
            fusion.add_to_case(session, CASE, sorted(found[n].id for n in readable))
            for text, cited in JUDGEMENTS:
                assessments.assess(session, CASE, text, "likely", "moderate", [found[n].id for n in cited])
            briefings.candidates(session, CASE)  # fuses the case once: extractions are cached from here
        yield Vault(root, found, readable)


def allowed(report: Report, level: Level, without: tuple[str, ...]) -> bool:
    """The line, worked out here from the corpus's own description (not with core/markings)."""
    if report.level > level:
        return False
    return not any(c in without or ("REL" in without and c.startswith("REL TO")) for c in report.caveats)


@dataclass(frozen=True)
class Rendered:
    """Everything that leaves with one product, as text."""

    pdf_text: str
    pdf_meta: str
    html: str
    stix: str
    json: str
    name: str

    def everything(self) -> dict[str, str]:
        return {"PDF text": self.pdf_text, "PDF text without line breaks": squeezed(self.pdf_text),
                "PDF metadata": self.pdf_meta, "HTML": self.html, "STIX": self.stix, "briefing.json": self.json,
                "file name": self.name}


def render(briefing: Briefing) -> Rendered:
    payload = {p.name: p.data or b"" for p in briefings.rendered(briefing)}
    document = pdfium.PdfDocument(payload["briefing.pdf"])
    try:
        text = "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
        meta = json.dumps(document.get_metadata_dict(), ensure_ascii=False)
    finally:
        document.close()
    return Rendered(text, meta, payload["briefing.html"].decode("utf-8"),
                    payload["briefing.stix.json"].decode("utf-8"), payload["briefing.json"].decode("utf-8"),
                    briefings.bundle_name(briefing))


def squeezed(text: str) -> str:
    """Text with every space and line break taken out: PDF table cells wrap titles anywhere."""
    return re.sub(r"\s+", "", text)


def leaks(out: Rendered, hidden: list[str]) -> list[str]:
    return [f"{c!r} in the {where}" for where, text in out.everything().items() for c in hidden if c in text]


def plan(vault: Vault) -> list[dict[str, Any]]:
    """200 tearline products: every line (each level, without each caveat and some together; not the full
    product) over five choices of reports, each with its own summary and title, and a few naming entities."""
    rng = random.Random(13)
    case = sorted(vault.readable)
    shared = ["Konstantin Yegorov", "Meridian Tide Shipmanagement", "平岩哲也", "Harbour Crest Logistics"]
    choices: list[dict[str, Any]] = [
        {"reports": None, "title": None, "entities": None},
        {"reports": rng.sample(case, 12), "title": "Meridian: tearline for the ministry", "entities": None},
        {"reports": rng.sample(case, 8), "title": None, "entities": shared},
        {"reports": rng.sample(case, 5), "title": "港湾の件（省庁向け）", "entities": None},
        {"reports": [1, 2, 13, 25, 29, 30, 38, 40, 44, 21, 46], "title": None, "entities": None}]
    lines = [(level, without) for level in Level for without in WITHOUT if (level, without) != (Level.TOP_SECRET, ())]
    products = []
    for n in range(PRODUCTS):
        level, without = lines[n % len(lines)]
        k = (n // len(lines)) % len(choices)
        products.append({"level": level, "without": without, **choices[k],
                         "summary": f"Tearline summary {k}: what the ministry may hold."})
    return products


def test_two_hundred_tearline_versions_leak_nothing_from_above_their_line(vault: Vault) -> None:
    rendered: dict[str, Rendered] = {}
    composed = refused = 0
    lines_seen: set[tuple[Level, tuple[str, ...]]] = set()
    by_id = {r.id: r for r in vault.reports.values()}
    with vault.open() as session:
        for spec in plan(vault):
            level, without = spec["level"], spec["without"]
            chosen = spec["reports"]
            line = briefings.tearline_of(session, level, list(without))
            assert line == Tearline(level, frozenset(without))
            expected = {n for n in (chosen or vault.readable) if allowed(vault.reports[n], level, without)}
            kept_judgements = [(text, cited) for text, cited in JUDGEMENTS
                               if all(allowed(vault.reports[n], level, without) for n in cited)]
            expected |= {n for _, cited in kept_judgements for n in cited}
            try:
                product = briefings.compose(session, CASE, spec["title"], FULL_SUMMARY,
                                            None if chosen is None else [vault.reports[n].id for n in chosen],
                                            spec["entities"], tearline=line, tearline_summary=spec["summary"])
            except BadInput as exc:
                assert not expected, (spec, exc)
                refused += 1
                continue
            composed += 1
            lines_seen.add((level, without))
            assert {by_id[s.report_id].number for s in product.sources} == expected, spec
            assert line.allows(product.marking) and all(line.allows(p) for p in product.portions)
            # Nothing from above the line, in any form: the line's own caveats and the levels above it included.
            named = [*without, *(["REL TO"] if "REL" in without else [])]
            named += [word for above, words in LEVEL_WORDS.items() if above > level for word in words]
            digest = product.digest()
            if digest not in rendered:  # a product's content is its digest: check it once in full
                out = rendered[digest] = render(product)
                hidden = [c for n, r in vault.reports.items() if n not in expected for c in r.canaries]
                hidden += [text for text, cited in JUDGEMENTS if (text, cited) not in kept_judgements]
                found = leaks(out, [*hidden, "FULLSUMMARYCANARY"])
                assert not found, (spec, found[:10])
                # Every allowed portion is there.
                pdf = squeezed(out.pdf_text)
                assert escape(spec["summary"]) in out.html and spec["summary"] in out.stix
                assert squeezed(spec["summary"]) in pdf
                title = spec["title"] or f"Briefing: {CASE}"
                assert escape(title) in out.html and title in out.pdf_meta and product.title == title
                for n in expected:
                    assert escape(vault.reports[n].title) in out.html, (spec, n)
                    assert squeezed(vault.reports[n].title) in pdf, (spec, n)
                for text, _ in kept_judgements:
                    assert escape(text) in out.html and text in out.stix and squeezed(text) in pdf
                assert product.entities and all(escape(e.name) in out.html for e in product.entities)
                if spec["entities"]:
                    assert {e.name for e in product.entities} <= set(spec["entities"])
                assert escape(product.marking.banner()) in out.html and product.marking.banner() in out.pdf_meta
            found = leaks(rendered[digest], named)
            assert not found, (spec, found[:10])
    assert composed >= 180 and composed + refused == PRODUCTS and len(rendered) >= 60, (composed, len(rendered))
    assert len(lines_seen) == len({(p["level"], p["without"]) for p in plan(vault)})  # every line made a product


def test_exported_tearline_bundles_carry_nothing_from_above_the_line(vault: Vault, tmp_path: Path) -> None:
    """Through the whole export (below the review threshold): every file in the signed bundle."""
    with vault.open() as session:
        for n, (level, without) in enumerate([(Level.CONFIDENTIAL, ()), (Level.UNCLASSIFIED, ("HAYABUSA",)),
                                              (Level.CONFIDENTIAL, ("ORCON", "NOFORN", "REL"))]):
            line = briefings.tearline_of(session, level, list(without))
            product = briefings.compose(session, CASE, None, FULL_SUMMARY, tearline=line,
                                        tearline_summary="For the partner desk.")
            assert not briefings.needs_review(session, product)
            out = tmp_path / f"{n}.nia"
            outcome = briefings.brief(session, product, out)
            assert outcome.status == "exported" and outcome.tearline == level.english
            assert outcome.to_json()["marking"] == product.marking.banner()
            hidden = [c for r in vault.reports.values() if not allowed(r, level, without) for c in r.canaries]
            hidden += ["FULLSUMMARYCANARY", *without]
            with zipfile.ZipFile(out) as bundle:
                for name in bundle.namelist():
                    data = bundle.read(name)
                    text = data.decode("utf-8", "replace")
                    if name.endswith(".pdf"):
                        document = pdfium.PdfDocument(io.BytesIO(data))
                        text = "".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
                        text += json.dumps(document.get_metadata_dict(), ensure_ascii=False)
                        document.close()
                    leaked = [c for c in hidden if c in text or c in name]
                    assert not leaked, f"{leaked} in {name} of the {level.english} bundle"
            assert "tearline" in briefings.bundle_name(product) and CASE in briefings.bundle_name(product)


# The watchlist: analysts' unmarked knowledge, which a tearline version must not carry. Each entry names what
# is known from a restricted report (its canary) and ties it to names the lower reports use; the last one ties two
# people of unrestricted reports together, as only the NOFORN report says.
WATCHED = ((13, "person", "person", ["Konstantin Yegorov"]), (25, "person", "person", ["Akiko Ichikawa"]),
           (30, "person", "person", ["平岩哲也"]),
           (17, "organisation", "organization", ["Meridian Tide Shipmanagement"]),
           (21, "organisation", "organization", ["Harbour Crest Logistics"]),
           (44, "organisation", "organization", ["鶴ヶ丘海運株式会社"]))
MERGED = (19, ["Pavel Shudalzuov", "Yelena Rotarzuov"])  # reports 1 and 5 name them; NOFORN report 19 joins them


def test_watchlist_names_merges_and_threats_stay_above_every_tearline(vault: Vault) -> None:
    """With the watchlist naming every shared person and company by a restricted report's canary, every tearline
    version (each line, all of the case) names its entities only as its own reports do, joins no two people the
    watchlist alone joins, and flags no threat actor; the full product shows that the entries took effect."""
    from nia_desktop.services.watchlist import add_watch, remove_watch

    corpus = {e["number"]: e for e in json.loads((DATA / "corpus.json").read_text(encoding="utf-8"))["reports"]}
    added: list[int] = []
    with vault.open() as session:
        try:
            for number, canary, kind, aliases in WATCHED:
                added.append(add_watch(session, corpus[number]["canaries"][canary], kind, aliases))
            added.append(add_watch(session, corpus[MERGED[0]]["canaries"]["person"], "person", MERGED[1]))
            full = briefings.candidates(session, CASE)
            assert any(e.name == corpus[13]["canaries"]["person"] and e.threat for e in full.entities)
            assert any(set(MERGED[1]) <= {e.name, *e.aliases} for e in full.entities)
            lines = [(level, without) for level in Level for without in WITHOUT
                     if (level, without) != (Level.TOP_SECRET, ())]
            checked = 0
            for level, without in lines:
                expected = {n for n in vault.readable if allowed(vault.reports[n], level, without)}
                expected |= {n for _, cited in JUDGEMENTS
                             if all(allowed(vault.reports[n], level, without) for n in cited) for n in cited}
                try:
                    product = briefings.compose(session, CASE, tearline=briefings.tearline_of(session, level,
                                                                                             list(without)),
                                                tearline_summary="For the ministry.")
                except BadInput:
                    assert not expected
                    continue
                checked += 1
                text = product.encode().decode("utf-8")  # names, aliases and links as every rendering shows them
                hidden = [c for n, r in vault.reports.items() if n not in expected for c in r.canaries]
                assert [c for c in hidden if c in text] == [], (level, without)
                assert not any(e.threat for e in product.entities), (level, without)
                assert not any(set(MERGED[1]) <= {e.name, *e.aliases} for e in product.entities), (level, without)
            assert checked >= 30
        finally:
            for entry in added:
                remove_watch(session, entry)
