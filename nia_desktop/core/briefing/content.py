"""What a briefing holds, and the marking of every part of it.

A Briefing is plain data. The composer (GUI or `nia brief`) fills it from a
case; the release review stores it as canonical JSON and approves exactly
those bytes (``digest``); the bundle carries those bytes, so what leaves is
what was approved, and a briefing that changes needs a new review.

Every part carries its own marking (portion marking), computed from what it
derives from: a source row is its report's marking; a key judgement combines
the reports it cites; an entity line the reports it is listed with; a link its
two reports and the entities they share; the summary (written by the analyst,
who may have used any included report) every included report. The banner is
the combination of every portion. The markings are stored in the JSON, so the
reviewed bytes are what is rendered and the content digest covers them.

A tearline version is built from the reports its line allows and nothing else
(services/briefings.py): it carries its own summary (``tearline_summary``),
never the full product's, and says the level it was cut at but not which
caveats it leaves out (a compartment's name may itself be above the line).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from nia_desktop.core.briefing.ach_annex import AchAnnex
from nia_desktop.core.briefing.chart_annex import ChartAnnex
from nia_desktop.core.canonical import canonical_json
from nia_desktop.core.classification import Level
from nia_desktop.core.markings import FULL, Marking, Tearline, combine


@dataclass(frozen=True)
class Source:
    """One report the briefing rests on, as the source table shows it."""

    report_id: int
    title: str
    agency: str
    date: str
    grading: str  # Admiralty: reliability A-F and credibility 1-6, e.g. "B2"; "" when not stated
    classification: int  # the level of ``marking`` (what a receiving workstation reads to enforce release)
    marking: Marking | None = None  # None only before the Briefing fills it: the level alone

    @property
    def portion(self) -> Marking:
        return self.marking if self.marking is not None else Marking(Level(self.classification))


@dataclass(frozen=True)
class KeyJudgement:
    text: str
    likelihood: str  # ICD 203 term
    confidence: str  # low, moderate, high
    reports: list[int]
    marking: Marking | None = None  # the cited reports' (every included report's when none is cited)


@dataclass(frozen=True)
class EntityLine:
    """An entity the briefing names: what it is, and which agencies and reports mention it."""

    name: str
    kind: str
    aliases: list[str]
    agencies: list[str]
    reports: list[int]
    threat: bool = False  # a known adversary (on the watchlist): a STIX threat-actor rather than an identity
    marking: Marking | None = None  # the reports its name and aliases were read from


@dataclass(frozen=True)
class Link:
    a: int
    b: int
    weight: float
    shared: list[str]  # names of the entities the two reports share
    marking: Marking | None = None  # the two reports' and the shared entities'


@dataclass(frozen=True)
class Briefing:
    case: str
    title: str
    summary: str
    author: str
    created: str
    judgements: list[KeyJudgement]
    sources: list[Source]
    entities: list[EntityLine]
    links: list[Link] = field(default_factory=list)
    summary_marking: Marking | None = None  # the title and summary the analyst wrote: every included report's
    tearline: str = ""  # "" for the full product; a tearline version: the level it was cut at (English name)
    tearline_summary: str = ""  # a tearline version's own summary (the full summary is never carried below)
    ach: AchAnnex | None = None  # the case's ACH matrix as an annex, when the analyst asks for it (ach_annex.py)
    chart: ChartAnnex | None = None  # the case's link chart as an annex, on these reports alone (chart_annex.py)

    def __post_init__(self) -> None:
        """Fill any marking not given from the sources (briefings composed before portion marking, and tests)."""
        marks = {s.report_id: s.portion for s in self.sources}
        everything = combine(marks.values())

        def of(reports: Iterable[int]) -> Marking:
            wanted = list(reports)
            if not wanted or any(r not in marks for r in wanted):
                return everything  # nothing (known) to derive from: it may rest on any included report
            return combine(marks[r] for r in wanted)

        set_ = object.__setattr__
        set_(self, "sources", [s if s.marking else replace(s, marking=marks[s.report_id]) for s in self.sources])
        set_(self, "judgements", [j if j.marking else replace(j, marking=of(j.reports)) for j in self.judgements])
        set_(self, "entities", [e if e.marking else replace(e, marking=of(e.reports)) for e in self.entities])
        set_(self, "links", [link if link.marking else replace(link, marking=of((link.a, link.b)))
                             for link in self.links])
        if self.summary_marking is None:
            set_(self, "summary_marking", everything)

    # -- markings ---------------------------------------------------------------------------
    @property
    def portions(self) -> list[Marking]:
        """The marking of every part (figures draw only sources and links, so theirs are among these)."""
        parts: list[Marking | None] = [self.summary_marking]
        parts += [s.marking for s in self.sources] + [j.marking for j in self.judgements]
        parts += [e.marking for e in self.entities] + [link.marking for link in self.links]
        parts += self.ach.portions if self.ach is not None else []
        parts += self.chart.portions if self.chart is not None else []
        return [p for p in parts if p is not None]

    @property
    def marking(self) -> Marking:
        """The banner: the highest level of any portion and every caveat (release lists intersected)."""
        return combine(self.portions)

    @property
    def classification(self) -> Level:
        """The banner's level (the release review's threshold is a level)."""
        return self.marking.level

    @property
    def shown_summary(self) -> str:
        return self.tearline_summary if self.tearline else self.summary

    def file_name(self) -> str:
        """The bundle's file name: the case (not marked) and, for a tearline version, the level it was cut at;
        nothing else of the product."""
        suffix = f"-tearline-{self.tearline.lower().replace(' ', '-')}" if self.tearline else ""
        return f"briefing-{self.case}{suffix}.nia"

    def source_marking(self, report_id: int) -> Marking:
        found = next((s.marking for s in self.sources if s.report_id == report_id), None)
        return found if found is not None else self.marking

    # -- bytes ------------------------------------------------------------------------------
    def to_json(self) -> dict[str, Any]:
        def mark(value: Marking | None) -> dict[str, object] | None:
            return None if value is None else value.to_json()

        value: dict[str, Any] = {
            "case": self.case, "title": self.title, "summary": self.summary, "author": self.author,
            "created": self.created, "tearline": self.tearline, "tearline_summary": self.tearline_summary,
            "summary_marking": mark(self.summary_marking), "marking": self.marking.to_json(),
            "judgements": [{"text": j.text, "likelihood": j.likelihood, "confidence": j.confidence,
                            "reports": list(j.reports), "marking": mark(j.marking)} for j in self.judgements],
            "sources": [{"report_id": s.report_id, "title": s.title, "agency": s.agency, "date": s.date,
                         "grading": s.grading, "classification": s.classification, "marking": mark(s.marking)}
                        for s in self.sources],
            "entities": [{"name": e.name, "kind": e.kind, "aliases": list(e.aliases), "agencies": list(e.agencies),
                          "reports": list(e.reports), "threat": e.threat, "marking": mark(e.marking)}
                         for e in self.entities],
            "links": [{"a": link.a, "b": link.b, "weight": link.weight, "shared": list(link.shared),
                       "marking": mark(link.marking)} for link in self.links]}
        if self.ach is not None:  # absent, not null, without one: a briefing made before annexes keeps its digest
            value["ach"] = self.ach.to_json()
        if self.chart is not None:  # absent without one, as the ACH annex
            value["chart"] = self.chart.to_json()
        return value

    def encode(self) -> bytes:
        return canonical_json(self.to_json())

    def digest(self) -> str:
        return hashlib.sha256(self.encode()).hexdigest()

    def content_digest(self) -> str:
        """The same briefing composed again later has the same content digest: the time it was composed is left
        out, everything shown is in (markings included)."""
        value = self.to_json()
        value.pop("created")
        return hashlib.sha256(canonical_json(value)).hexdigest()

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> Briefing:
        """Also reads briefings stored before portion marking (no markings: filled from the sources' levels)."""
        def mark(part: dict[str, Any]) -> Marking | None:
            found = part.get("marking")
            return None if found is None else Marking.from_json(found)

        return cls(case=value["case"], title=value["title"], summary=value["summary"], author=value["author"],
                   created=value["created"],
                   judgements=[KeyJudgement(j["text"], j["likelihood"], j["confidence"], list(j["reports"]),
                                            mark(j)) for j in value["judgements"]],
                   sources=[Source(int(s["report_id"]), s["title"], s["agency"], s["date"], s["grading"],
                                   int(s["classification"]), mark(s)) for s in value["sources"]],
                   entities=[EntityLine(e["name"], e["kind"], list(e["aliases"]), list(e["agencies"]),
                                        list(e["reports"]), bool(e.get("threat", False)), mark(e))
                             for e in value["entities"]],
                   links=[Link(int(x["a"]), int(x["b"]), float(x["weight"]), list(x["shared"]), mark(x))
                          for x in value.get("links", [])],
                   summary_marking=None if value.get("summary_marking") is None
                   else Marking.from_json(value["summary_marking"]),
                   tearline=str(value.get("tearline", "")), tearline_summary=str(value.get("tearline_summary", "")),
                   ach=AchAnnex.from_json(value["ach"]) if value.get("ach") is not None else None,
                   chart=ChartAnnex.from_json(value["chart"]) if value.get("chart") is not None else None)

    def timeline(self) -> list[Source]:
        """Sources in date order, undated last."""
        return sorted(self.sources, key=lambda s: (s.date == "", s.date, s.report_id))


def required(candidates: Briefing) -> set[int]:
    """Reports the case's key judgements cite: they cannot be left out of its briefing."""
    return {r for j in candidates.judgements for r in j.reports}


def included(sources: list[Source], judgements: list[KeyJudgement], report_ids: Iterable[int] | None,
             tearline: Tearline = FULL) -> tuple[set[int], list[KeyJudgement]]:
    """The reports a product rests on and the key judgements it carries.

    The full product: the chosen reports (default all) and every key judgement with the reports it cites. A
    tearline version: only reports the line allows; a judgement stays only when every report it cites is allowed
    (one citing none could rest on anything, so it goes), and brings its cited reports in.
    """
    marks = {s.report_id: s.portion for s in sources}
    chosen = set(marks) if report_ids is None else set(report_ids) & set(marks)
    if tearline.is_full:
        kept = list(judgements)
        return chosen | {r for j in kept for r in j.reports}, kept
    allowed = {r for r, m in marks.items() if tearline.allows(m)}
    kept = [j for j in judgements if j.reports and set(j.reports) <= allowed
            and tearline.allows(combine(marks[r] for r in j.reports))]
    return (chosen & allowed) | {r for j in kept for r in j.reports}, kept


def marking_of(candidates: Briefing, report_ids: Iterable[int] | None, tearline: Tearline = FULL) -> Marking:
    """The banner the product of these choices will carry: every portion derives from its included reports, so
    it is their combination (the composer shows it as the analyst chooses, before composing)."""
    ids, _ = included(candidates.sources, candidates.judgements, report_ids, tearline)
    return combine(s.portion for s in candidates.sources if s.report_id in ids)


def select(candidates: Briefing, report_ids: list[int] | None = None, entity_names: list[str] | None = None,
           title: str | None = None, summary: str | None = None) -> Briefing:
    """The briefing the analyst chose from a case's candidates, without fusing again. Every key judgement of the
    case goes in, and the reports it cites with it (``required``), so the banner covers every source the
    briefing relies on. An entity line keeps its marking: its name and aliases may come from a report left out
    (services/briefings.compose fuses the chosen reports again instead)."""
    keep = set(report_ids) if report_ids is not None else {s.report_id for s in candidates.sources}
    keep |= required(candidates)
    names = set(entity_names) if entity_names is not None else None
    entities = [replace(e, reports=[r for r in e.reports if r in keep])
                for e in candidates.entities
                if (names is None or e.name in names) and any(r in keep for r in e.reports)]
    sources = [s for s in candidates.sources if s.report_id in keep]
    return Briefing(case=candidates.case, title=candidates.title if title is None else title,
                    summary=candidates.summary if summary is None else summary, author=candidates.author,
                    created=candidates.created, judgements=list(candidates.judgements), sources=sources,
                    entities=entities,
                    links=[link for link in candidates.links if link.a in keep and link.b in keep],
                    summary_marking=combine(s.portion for s in sources))
