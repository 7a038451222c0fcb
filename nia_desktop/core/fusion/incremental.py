"""Adding one report to a fused vault without fusing it all again.

A full fusion (engine.fuse) resolves every report against every other; this
keeps what it settled (which entity every key belongs to, the reports of
each entity, the near-duplicate samples) and resolves a new report against
that: a key seen before joins its entity (a key two homonyms share, the one
whose reports the new report's other entities share most); a new name meets
the known ones through the same spelling rule as a full fusion (one word
exact, the other near), found through a word index rather than a scan;
links go to the reports of the entities it shares (very common ones
excepted); a re-send is found through the sampled-shingle index, judged on
the samples' resemblance. The result it was built from is updated in place
(entities, links, near-duplicate groups, dates), so what the analyst sees
and what the vault stores include the new report at once.

Built from a stored result (no report texts at hand), re-sends are looked
for among the reports that share most entities with the new one, whose
texts ``load`` reads then: a re-send repeats its original's entities.

What only a full fusion does: a definition in the new report that changes
older ones (an abbreviation, an apposition joining two existing entities),
transliterations and surname readings against the whole vault, and new
homonym splits. `nia fuse` runs the full fusion.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from nia_desktop.core.fusion import engine, neardup, rules
from nia_desktop.core.fusion.engine import COMMON_LINK, Entity, FusionResult
from nia_desktop.core.fusion.nodes import Found, KeyUnion, ReportText
from nia_desktop.core.fusion.rules import FUZZY
from nia_desktop.core.fusion.watchlist import Matcher, WatchEntry
from nia_desktop.core.ingest.dates import find_dates

Node = tuple[str, ...]
RESEND_CANDIDATES = 200  # without the full shingle index: the reports sharing most entities, compared


@dataclass
class Update:
    """What adding one report changed."""

    report: int
    entities: list[int] = field(default_factory=list)  # the entities it mentions (new ones included)
    new_entities: list[int] = field(default_factory=list)
    links: list[tuple[int, int]] = field(default_factory=list)
    duplicate_of: list[int] = field(default_factory=list)
    found: list[Found] = field(default_factory=list)  # what extraction found: for the extraction cache


class FusionIndex:
    def __init__(self, result: FusionResult, contents: dict[int, str] | None, watch: Iterable[WatchEntry] = (),
                 load: Callable[[list[int]], dict[int, str]] | None = None) -> None:
        self.result = result
        self.watch = Matcher(list(watch))
        self.load = load
        self.entities: dict[int, Entity] = {e.id: e for e in result.entities}
        self.node_entity: dict[Node, int] = {}
        self.shared_nodes: dict[Node, list[int]] = defaultdict(list)  # keys homonyms share: every holder
        self.entity_reports: dict[int, set[int]] = {}
        self.names_by_word: dict[str, set[Node]] = defaultdict(set)
        for entity in result.entities:
            self.entity_reports[entity.id] = set(entity.reports)
            for node in entity.nodes:
                if node in self.node_entity and self.node_entity[node] != entity.id:
                    holders = self.shared_nodes[node]
                    holders.extend(e for e in (self.node_entity[node], entity.id) if e not in holders)
                self._know(node, entity.id)
        self.next_entity = max(self.entity_reports, default=0) + 1
        self.reports = {r for e in result.entities for r in e.reports} | set(contents or ())
        self.groups: dict[int, list[int]] = {r: group for group in result.duplicates for r in group}
        self.complete = contents is not None  # every report sampled: the shingle index finds re-sends
        self.samples: dict[int, frozenset[int]] = {}
        self.postings: dict[int, list[int]] = defaultdict(list)
        for report_id, text in (contents or {}).items():
            self._sample(report_id, text)

    def _know(self, node: Node, entity_id: int) -> None:
        self.node_entity[node] = entity_id
        if node[0] == "name" and 2 <= len(node[1].split()) <= 3:
            for word in node[1].split():
                if len(word) >= 3:
                    self.names_by_word[word].add(node)

    def _sample(self, report_id: int, text: str) -> frozenset[int]:
        items = neardup.shingles(text)
        sampled = frozenset(i for i in items if i % neardup.SAMPLE == 0) if len(items) >= 20 else frozenset()
        self.samples[report_id] = sampled
        if self.complete:
            for item in sampled:
                self.postings[item].append(report_id)
        return sampled

    def add(self, report: ReportText) -> Update:
        """Resolve one new report against the index, record it there and in the result."""
        update = Update(report.id)
        union = KeyUnion()
        update.found = engine.extract(report, self.watch)
        found = rules.local_merges(report.id, engine.report_content(report)[0], list(update.found), union)
        groups: dict[Node, list[Found]] = defaultdict(list)
        for f in found:
            groups[union.find(f.node)].append(f)
        resolved: dict[Node, int | None] = {root: self._resolve([f.node for f in members])
                                            for root, members in groups.items()}
        ambiguous = self._ambiguous(groups)
        context = {r for e in resolved.values() if e is not None and e not in ambiguous
                   and len(self.entity_reports[e]) < COMMON_LINK for r in self.entity_reports[e]}
        for root, members in groups.items():
            entity_id = self._homonym(members, context) or resolved[root]
            if entity_id is None and all(engine.is_unsure(f) for f in members):
                continue  # a loanword phrase or a generic name that nothing known vouches for
            if entity_id is None:
                entity_id = self._new_entity(members)
                update.new_entities.append(entity_id)
            self._grow(self.entities[entity_id], members, report.id)
            for f in members:
                if f.node not in self.node_entity:
                    self._know(f.node, entity_id)
            self.result.mentions.setdefault(report.id, []).extend((f.mention, entity_id) for f in members)
            if entity_id not in update.entities:
                update.entities.append(entity_id)
        self.reports.add(report.id)
        update.links = self._link(report.id, update.entities)
        content = engine.content_only(report)
        dates = sorted({d.isoformat() for _, d in find_dates(content)})
        if dates:
            self.result.dates[report.id] = dates
        update.duplicate_of = self._near_duplicates(report.id, content, update.entities)
        self._group(report.id, update.duplicate_of)
        return update

    def _ambiguous(self, groups: dict[Node, list[Found]]) -> set[int]:
        return {e for members in groups.values() for f in members for e in self.shared_nodes.get(f.node, ())}

    def _homonym(self, members: list[Found], context: set[int]) -> int | None:
        """A key two homonyms share: the one whose reports the new report's other entities appear in most."""
        holders = next((self.shared_nodes[f.node] for f in members if f.node in self.shared_nodes), None)
        if not holders:
            return None
        return max(holders, key=lambda e: (len(self.entity_reports[e] & context), len(self.entity_reports[e]), -e))

    def _new_entity(self, members: list[Found]) -> int:
        entity_id = self.next_entity
        self.next_entity += 1
        kind, name = engine.kind_and_name(members)
        entity = Entity(entity_id, kind, name, [], [], 0, [])
        self.entities[entity_id] = entity
        self.entity_reports[entity_id] = set()
        self.result.entities.append(entity)
        return entity_id

    def _grow(self, entity: Entity, members: list[Found], report_id: int) -> None:
        entity.aliases = sorted(set(entity.aliases) | {f.mention.surface for f in members})
        entity.nodes = sorted(set(entity.nodes) | {f.node for f in members})
        entity.mentions += len(members)
        if report_id not in self.entity_reports[entity.id]:
            entity.reports.append(report_id)
            self.entity_reports[entity.id].add(report_id)

    def _link(self, report_id: int, entity_ids: list[int]) -> list[tuple[int, int]]:
        """Links to the reports of its rarer entities, weighted as a full fusion weighs them."""
        shared: dict[int, list[int]] = defaultdict(list)
        common = []
        for entity_id in entity_ids:
            reports = self.entity_reports[entity_id]
            if len(reports) <= COMMON_LINK:  # this report counted
                for other in reports:
                    shared[other].append(entity_id)
            else:
                common.append(entity_id)
        for entity_id in common:
            for other, ids in shared.items():
                if other in self.entity_reports[entity_id]:
                    ids.append(entity_id)
        total = len(self.reports) + 1
        links = []
        for other, ids in sorted(shared.items()):
            if other == report_id:
                continue
            weight = sum(math.log(total / len(self.entity_reports[e])) for e in ids)
            self.result.links.append({"a": min(other, report_id), "b": max(other, report_id),
                                      "weight": round(weight, 3), "entities": sorted(ids)})
            links.append((min(other, report_id), max(other, report_id)))
        return links

    def _resolve(self, nodes: list[Node]) -> int | None:
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

    def _near_duplicates(self, report_id: int, content: str, entity_ids: list[int]) -> list[int]:
        if not self.complete:
            self._sample_candidates(report_id, entity_ids)
        sampled = self._sample(report_id, content)
        shared: dict[int, int] = defaultdict(int)
        if self.complete:
            for item in sampled:
                postings = self.postings[item]
                if len(postings) <= neardup.COMMON:
                    for other in postings:
                        if other != report_id:
                            shared[other] += 1
        else:
            for other, theirs in self.samples.items():
                if other != report_id:
                    shared[other] = len(sampled & theirs)
        alike = []
        for other, count in shared.items():
            if count < neardup.MIN_SHARED:
                continue
            resemblance = count / (len(sampled) + len(self.samples[other]) - count)
            if resemblance >= neardup.THRESHOLD:
                alike.append(other)
        return sorted(alike)

    def _sample_candidates(self, report_id: int, entity_ids: list[int]) -> None:
        """Without every report's samples: sample the reports that share most entities with this one."""
        counts: dict[int, int] = defaultdict(int)
        for entity_id in entity_ids:
            reports = self.entity_reports[entity_id]
            if len(reports) < COMMON_LINK:
                for other in reports:
                    counts[other] += 1
        wanted = [r for r in sorted(counts, key=lambda r: (-counts[r], r))[:RESEND_CANDIDATES]
                  if r != report_id and r not in self.samples]
        if wanted and self.load is not None:
            for other, text in self.load(wanted).items():
                self._sample(other, text)

    def _group(self, report_id: int, alike: list[int]) -> None:
        """Put a re-send in its original's near-duplicate group (joining groups it bridges)."""
        if not alike:
            return
        group: list[int] = []
        for other in alike:
            found = self.groups.get(other)
            if found is None:
                found = [other]
            elif found in self.result.duplicates:
                self.result.duplicates.remove(found)
            group.extend(r for r in found if r not in group)
        group.append(report_id)
        group.sort()
        self.result.duplicates.append(group)
        for r in group:
            self.groups[r] = group
