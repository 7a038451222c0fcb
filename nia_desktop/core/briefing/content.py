"""What a briefing holds, and its classification: the highest of everything in it.

A Briefing is plain data. The composer (GUI or `nia brief`) fills it from a
case; the release review stores it as canonical JSON and approves exactly
those bytes (``digest``); the bundle carries those bytes, so what leaves is
what was approved, and a briefing that changes needs a new review.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

from nia_desktop.core.canonical import canonical_json
from nia_desktop.core.classification import Level, highest


@dataclass(frozen=True)
class Source:
    """One report the briefing rests on, as the source table shows it."""

    report_id: int
    title: str
    agency: str
    date: str
    grading: str  # Admiralty: reliability A-F and credibility 1-6, e.g. "B2"; "" when not stated
    classification: int


@dataclass(frozen=True)
class KeyJudgement:
    text: str
    likelihood: str  # ICD 203 term
    confidence: str  # low, moderate, high
    reports: list[int]


@dataclass(frozen=True)
class EntityLine:
    """An entity the briefing names: what it is, and which agencies and reports mention it."""

    name: str
    kind: str
    aliases: list[str]
    agencies: list[str]
    reports: list[int]
    threat: bool = False  # a known adversary (on the watchlist): a STIX threat-actor rather than an identity


@dataclass(frozen=True)
class Link:
    a: int
    b: int
    weight: float
    shared: list[str]  # names of the entities the two reports share


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

    @property
    def classification(self) -> Level:
        """The highest marking of any report included (judgements may only cite included reports)."""
        return highest([Level(s.classification) for s in self.sources])

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def encode(self) -> bytes:
        return canonical_json(self.to_json())

    def digest(self) -> str:
        return hashlib.sha256(self.encode()).hexdigest()

    def content_digest(self) -> str:
        """The same briefing composed again later has the same content digest: the time it was composed is left
        out, everything shown is in."""
        value = self.to_json()
        value.pop("created")
        return hashlib.sha256(canonical_json(value)).hexdigest()

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> Briefing:
        return cls(case=value["case"], title=value["title"], summary=value["summary"], author=value["author"],
                   created=value["created"],
                   judgements=[KeyJudgement(**j) for j in value["judgements"]],
                   sources=[Source(**s) for s in value["sources"]],
                   entities=[EntityLine(**e) for e in value["entities"]],
                   links=[Link(**link) for link in value["links"]])

    def timeline(self) -> list[Source]:
        """Sources in date order, undated last."""
        return sorted(self.sources, key=lambda s: (s.date == "", s.date, s.report_id))


def required(candidates: Briefing) -> set[int]:
    """Reports the case's key judgements cite: they cannot be left out of its briefing."""
    return {r for j in candidates.judgements for r in j.reports}


def select(candidates: Briefing, report_ids: list[int] | None = None, entity_names: list[str] | None = None,
           title: str | None = None, summary: str | None = None) -> Briefing:
    """The briefing the analyst chose from a case's candidates. Every key judgement of the case goes in, and the
    reports it cites with it (``required``), so the classification covers every source the briefing relies on."""
    keep = set(report_ids) if report_ids is not None else {s.report_id for s in candidates.sources}
    keep |= required(candidates)
    judgements = list(candidates.judgements)
    names = set(entity_names) if entity_names is not None else None
    entities = [EntityLine(e.name, e.kind, e.aliases, e.agencies, [r for r in e.reports if r in keep], e.threat)
                for e in candidates.entities
                if (names is None or e.name in names) and any(r in keep for r in e.reports)]
    return Briefing(case=candidates.case, title=candidates.title if title is None else title,
                    summary=candidates.summary if summary is None else summary, author=candidates.author,
                    created=candidates.created, judgements=judgements,
                    sources=[s for s in candidates.sources if s.report_id in keep], entities=entities,
                    links=[link for link in candidates.links if link.a in keep and link.b in keep])
