"""Adding one report to a fused vault without fusing it all again.

A full fusion (engine.fuse) resolves every report against every other; this
keeps what it settled (which entity every key belongs to, the reports of
each entity, the near-duplicate samples) and resolves a new report against
that: a key seen before joins its entity; a new name meets the known ones
through the same spelling rule as a full fusion (one word exact, the other
near), found through a word index rather than a scan; links go to the
reports of the entities it shares (very common ones excepted); a re-send is
found through the sampled-shingle index, judged on the samples' resemblance.

What only a full fusion does: a definition in the new report that changes
older ones (an abbreviation, an apposition joining two existing entities),
transliterations and surname readings against the whole vault, and homonym
splits. `nia fuse` runs the full fusion.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from nia_desktop.core.fusion import engine, neardup, rules
from nia_desktop.core.fusion.engine import COMMON_LINK, FusionResult
from nia_desktop.core.fusion.nodes import Found, KeyUnion, ReportText
from nia_desktop.core.fusion.rules import FUZZY
from nia_desktop.core.fusion.watchlist import Matcher, WatchEntry


@dataclass
class Update:
    """What adding one report changed."""

    report: int
    entities: list[int] = field(default_factory=list)  # the entities it mentions (new ones included)
    new_entities: list[int] = field(default_factory=list)
    links: list[tuple[int, int]] = field(default_factory=list)
    duplicate_of: list[int] = field(default_factory=list)


class FusionIndex:
    def __init__(self, result: FusionResult, contents: dict[int, str], watch: Iterable[WatchEntry] = ()) -> None:
        self.watch = Matcher(list(watch))
        self.node_entity: dict[tuple[str, ...], int] = {}
        self.entity_reports: dict[int, set[int]] = {}
        self.names_by_word: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        for entity in result.entities:
            self.entity_reports[entity.id] = set(entity.reports)
            for node in entity.nodes:
                self._know(node, entity.id)
        self.next_entity = max(self.entity_reports, default=0) + 1
        self.samples: dict[int, frozenset[int]] = {}
        self.postings: dict[int, list[int]] = defaultdict(list)
        for report_id, text in contents.items():
            self._sample(report_id, text)

    def _know(self, node: tuple[str, ...], entity_id: int) -> None:
        self.node_entity[node] = entity_id
        if node[0] == "name" and 2 <= len(node[1].split()) <= 3:
            for word in node[1].split():
                if len(word) >= 3:
                    self.names_by_word[word].add(node)

    def _sample(self, report_id: int, text: str) -> frozenset[int]:
        items = neardup.shingles(text)
        sampled = frozenset(i for i in items if i % neardup.SAMPLE == 0) if len(items) >= 20 else frozenset()
        self.samples[report_id] = sampled
        for item in sampled:
            self.postings[item].append(report_id)
        return sampled

    def add(self, report: ReportText) -> Update:
        """Resolve one new report against the index and record it there."""
        update = Update(report.id)
        union = KeyUnion()
        found = rules.local_merges(report.id, engine.report_content(report)[0], engine.extract(report, self.watch),
                                     union)
        groups: dict[tuple[str, ...], list[Found]] = defaultdict(list)
        for f in found:
            groups[union.find(f.node)].append(f)
        for members in groups.values():
            entity_id = self._resolve([f.node for f in members])
            if entity_id is None:
                entity_id = self.next_entity
                self.next_entity += 1
                self.entity_reports[entity_id] = set()
                update.new_entities.append(entity_id)
            for f in members:
                if f.node not in self.node_entity:
                    self._know(f.node, entity_id)
            if entity_id not in update.entities:
                update.entities.append(entity_id)
        linked: set[int] = set()
        for entity_id in update.entities:
            reports = self.entity_reports[entity_id]
            if len(reports) < COMMON_LINK:
                linked |= reports
            reports.add(report.id)
        update.links = sorted((min(r, report.id), max(r, report.id)) for r in linked if r != report.id)
        update.duplicate_of = self._near_duplicates(report)
        return update

    def _resolve(self, nodes: list[tuple[str, ...]]) -> int | None:
        for node in nodes:
            if node in self.node_entity:
                return self.node_entity[node]
        for node in nodes:  # the spelling rule of a full fusion, through the word index
            if node[0] != "name" or not 2 <= len(node[1].split()) <= 3:
                continue
            words = node[1].split()
            for other in {o for w in words for o in self.names_by_word.get(w, ())}:
                if rules.spelling_score(words, other[1].split()) >= FUZZY:
                    return self.node_entity[other]
        return None

    def _near_duplicates(self, report: ReportText) -> list[int]:
        sampled = self._sample(report.id, engine.content_only(report))
        shared: dict[int, int] = defaultdict(int)
        for item in sampled:
            postings = self.postings[item]
            if len(postings) <= neardup.COMMON:
                for other in postings:
                    if other != report.id:
                        shared[other] += 1
        alike = []
        for other, count in shared.items():
            if count < neardup.MIN_SHARED:
                continue
            resemblance = count / (len(sampled) + len(self.samples[other]) - count)
            if resemblance >= neardup.THRESHOLD:
                alike.append(other)
        return sorted(alike)
