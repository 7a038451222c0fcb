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
homonym splits. Those an import meets are recorded (core/fusion/pending.py)
for "re-fuse recommended: N pending". `nia fuse` runs the full fusion.
Analysts' text judgements ("this is an entity", "this is not one",
core/fusion/marks.py) apply to a new report as a full fusion applies them;
a mark's node first meets the entity that holds it, else the one holding the
node the rules would give the name.

Two indexes share the rules (``_Resolver.add``): ``TableIndex`` reads and
writes a scope's tables (core/store/fusion_state.py), per new report only
its keys, its names' words, the reports of the entities it touches (those
of more than COMMON_LINK reports only probed) and its samples' postings;
``FusionIndex`` holds a result in memory (tests, benches).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from nia_desktop.core.fusion import engine, neardup, pending, rules
from nia_desktop.core.fusion.engine import COMMON_LINK, Entity, FusionResult
from nia_desktop.core.fusion.judgements import Judgement
from nia_desktop.core.fusion.marks import Marks, marked_kind
from nia_desktop.core.fusion.model import Kind, Mention
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
    pending: list[tuple[str, str]] = field(default_factory=list)  # what only a full fusion would do (pending.py)


class _Resolver:
    """The rules of adding one report; where entities, keys and samples live is the subclass's."""

    watch: Matcher
    complete: bool
    marks: Marks = Marks(())  # the analysts' text judgements in force

    # -- what the subclass answers and records --------------------------------
    def _entity_of(self, node: Node) -> int | None:
        raise NotImplementedError

    def _holders(self, node: Node) -> Sequence[int]:
        raise NotImplementedError

    def _names_with_word(self, word: str) -> Iterable[Node]:
        raise NotImplementedError

    def _count(self, entity_id: int) -> int:
        raise NotImplementedError

    def _reports(self, entity_id: int) -> set[int]:
        raise NotImplementedError

    def _reports_among(self, entity_id: int, candidates: set[int]) -> set[int]:
        raise NotImplementedError

    def _total(self) -> int:
        raise NotImplementedError

    def _new_entity(self, kind: Kind, name: str) -> int:
        raise NotImplementedError

    def _grow(self, entity_id: int, members: list[Found], report_id: int) -> None:
        raise NotImplementedError

    def _know(self, node: Node, entity_id: int) -> None:
        raise NotImplementedError

    def _add_report(self, report_id: int) -> None:
        raise NotImplementedError

    def _add_mentions(self, report_id: int, mentions: list[tuple[Mention, int]]) -> None:
        raise NotImplementedError

    def _add_links(self, links: list[dict[str, Any]]) -> None:
        raise NotImplementedError

    def _set_dates(self, report_id: int, dates: list[str]) -> None:
        raise NotImplementedError

    def _sample(self, report_id: int, text: str) -> frozenset[int]:
        raise NotImplementedError

    def _postings(self, items: Iterable[int]) -> dict[int, list[int]]:
        raise NotImplementedError

    def _sample_sizes(self, reports: Iterable[int]) -> dict[int, int]:
        raise NotImplementedError

    def _candidate_samples(self, report_id: int, candidates: list[int]) -> dict[int, frozenset[int]]:
        raise NotImplementedError

    def _join_group(self, report_id: int, alike: list[int]) -> None:
        raise NotImplementedError

    def _record_pending(self, report_id: int, found: list[tuple[str, str]]) -> None:
        raise NotImplementedError


    # -- the rules --------------------------------------------------------------
    def add(self, report: ReportText, found: list[Found] | None = None) -> Update:
        """Resolve one new report against the index, record it there. ``found``: its extraction, when already
        made (the cache, or extraction on every core for many reports at once)."""
        update = Update(report.id)
        union = KeyUnion()
        update.found = engine.extract(report, self.watch) if found is None else list(found)
        full, header = engine.report_content(report)
        merged = rules.local_merges(report.id, full, self.marks.apply(full, header, list(update.found)), union)
        groups: dict[Node, list[Found]] = defaultdict(list)
        for f in merged:
            groups[union.find(f.node)].append(f)
        owners = {f.node: tuple(self._holders(f.node)) for members in groups.values() for f in members}
        resolved: dict[Node, int | None] = {root: self._resolve(_with_natural([f.node for f in members]))
                                            for root, members in groups.items()}
        ambiguous = {e for hs in owners.values() if len(hs) >= 2 for e in hs}
        context = {r for e in resolved.values() if e is not None and e not in ambiguous
                   and self._count(e) < COMMON_LINK for r in self._reports(e)}
        placed: list[pending.Group] = []
        for root, members in groups.items():
            chosen, decided = self._homonym(members, owners, context)
            entity_id = chosen or resolved[root]
            if entity_id is None and all(engine.is_unsure(f) for f in members):
                continue  # a loanword phrase or a generic name that nothing known vouches for
            new = entity_id is None
            if entity_id is None:
                kind, name = engine.kind_and_name(members)
                entity_id = self._new_entity(kind, name)
                update.new_entities.append(entity_id)
            placed.append(pending.Group(tuple(dict.fromkeys(f.node for f in members)),
                                        tuple(f.mention.surface for f in members),
                                        tuple(f.mention.kind for f in members), entity_id, new, decided))
            self._grow(entity_id, members, report.id)
            for f in members:
                if self._entity_of(f.node) is None:
                    self._know(f.node, entity_id)
            self._add_mentions(report.id, [(f.mention, entity_id) for f in members])
            if entity_id not in update.entities:
                update.entities.append(entity_id)
        update.pending = pending.detect(placed, lambda node: owners.get(node, ()))
        self._record_pending(report.id, update.pending)
        self._add_report(report.id)
        update.links = self._link(report.id, update.entities)
        content = engine.content_only(report)
        dates = sorted({d.isoformat() for _, d in find_dates(content)})
        if dates:
            self._set_dates(report.id, dates)
        update.duplicate_of = self._near_duplicates(report.id, content, update.entities)
        if update.duplicate_of:
            self._join_group(report.id, update.duplicate_of)
        return update

    def _homonym(self, members: list[Found], owners: dict[Node, tuple[int, ...]],
                 context: set[int]) -> tuple[int | None, bool]:
        """A key two homonyms share: the one whose reports the new report's other entities appear in most; and
        whether that context decided it (one holder shares more of it than any other)."""
        holders = next((owners[f.node] for f in members if len(owners[f.node]) >= 2), None)
        if not holders:
            return None, True
        shared, counts = self._homonym_facts(list(holders), context)
        ranked = sorted(holders, key=lambda e: (shared[e], counts[e], -e), reverse=True)
        decided = shared[ranked[0]] > 0 and (len(ranked) < 2 or shared[ranked[0]] > shared[ranked[1]])
        return ranked[0], decided

    def _homonym_facts(self, holders: list[int], context: set[int]) -> tuple[dict[int, int], dict[int, int]]:
        """For each holder: how many of the context reports it is in, and how many reports it has."""
        return ({e: len(self._reports_among(e, context)) for e in holders}, {e: self._count(e) for e in holders})

    def _link(self, report_id: int, entity_ids: list[int]) -> list[tuple[int, int]]:
        """Links to the reports of its rarer entities, weighted as a full fusion weighs them."""
        shared: dict[int, list[int]] = defaultdict(list)
        common = []
        counts = {e: self._count(e) for e in entity_ids}
        for entity_id in entity_ids:
            if counts[entity_id] <= COMMON_LINK:  # this report counted
                for other in self._reports(entity_id):
                    shared[other].append(entity_id)
            else:
                common.append(entity_id)
        shared.pop(report_id, None)
        for entity_id in common:
            for other in self._reports_among(entity_id, set(shared)):
                shared[other].append(entity_id)
        total = self._total() + 1
        pairs = [(min(other, report_id), max(other, report_id)) for other in sorted(shared)]
        self._add_links([{"a": a, "b": b, "weight": round(sum(math.log(total / counts[e]) for e in ids), 3),
                          "entities": sorted(ids)} for (a, b), ids in zip(pairs, (shared[o] for o in sorted(shared)),
                                                                        strict=True)])
        return pairs

    def _resolve(self, nodes: list[Node]) -> int | None:
        for node in nodes:
            entity_id = self._entity_of(node)
            if entity_id is not None:
                return entity_id
        for node in nodes:  # the spelling rule of a full fusion, through the word index
            if node[0] != "name" or not 2 <= len(node[1].split()) <= 3:
                continue
            words = node[1].split()
            for other in sorted({o for w in words for o in self._names_with_word(w)}):
                if rules.spelling_score(words, other[1].split()) >= FUZZY:
                    return self._entity_of(other)
        return None

    def _near_duplicates(self, report_id: int, content: str, entity_ids: list[int]) -> list[int]:
        sampled = self._sample(report_id, content)
        shared: dict[int, int] = defaultdict(int)
        sizes: dict[int, int]
        if self.complete:
            for postings in self._postings(sampled).values():
                for other in postings:
                    if other != report_id:
                        shared[other] += 1
            sizes = self._sample_sizes(r for r, n in shared.items() if n >= neardup.MIN_SHARED)
        else:
            theirs = self._candidate_samples(report_id, self._candidates(report_id, entity_ids))
            for other, items in theirs.items():
                if other != report_id:
                    shared[other] = len(sampled & items)
            sizes = {r: len(items) for r, items in theirs.items()}
        alike = []
        for other, count in shared.items():
            if count < neardup.MIN_SHARED or other not in sizes:
                continue
            resemblance = count / (len(sampled) + sizes[other] - count)
            if resemblance >= neardup.THRESHOLD:
                alike.append(other)
        return sorted(alike)

    def _candidates(self, report_id: int, entity_ids: list[int]) -> list[int]:
        """Without every report's samples: the reports that share most entities with this one."""
        counts: dict[int, int] = defaultdict(int)
        for entity_id in entity_ids:
            if self._count(entity_id) < COMMON_LINK:
                for other in self._reports(entity_id):
                    counts[other] += 1
        return [r for r in sorted(counts, key=lambda r: (-counts[r], r))[:RESEND_CANDIDATES] if r != report_id]


def _with_natural(nodes: list[Node]) -> list[Node]:
    """A group's nodes, each mark node followed by the node the rules give its name (as a full fusion joins them)."""
    out: list[Node] = []
    for node in nodes:
        out.append(node)
        kind = marked_kind(node)
        natural = engine.natural_node(kind, node[2]) if kind is not None else None
        if natural is not None:
            out.append(natural)
    return out


class FusionIndex(_Resolver):
    """The index over a result held in memory, updated in place (entities, links, groups, dates)."""

    def __init__(self, result: FusionResult, contents: dict[int, str] | None, watch: Iterable[WatchEntry] = (),
                 load: Callable[[list[int]], dict[int, str]] | None = None, judgements: Iterable[Judgement] = ()
                 ) -> None:
        self.result = result
        self.watch = Matcher(list(watch))
        self.marks = Marks(judgements)
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
        self.pending: list[tuple[int, str, str]] = []
        for report_id, text in (contents or {}).items():
            self._sample(report_id, text)

    def _entity_of(self, node: Node) -> int | None:
        return self.node_entity.get(node)

    def _holders(self, node: Node) -> Sequence[int]:
        shared = self.shared_nodes.get(node)
        if shared:
            return sorted(shared)
        entity_id = self.node_entity.get(node)
        return () if entity_id is None else (entity_id,)

    def _names_with_word(self, word: str) -> Iterable[Node]:
        return self.names_by_word.get(word, ())

    def _count(self, entity_id: int) -> int:
        return len(self.entity_reports[entity_id])

    def _reports(self, entity_id: int) -> set[int]:
        return self.entity_reports[entity_id]

    def _reports_among(self, entity_id: int, candidates: set[int]) -> set[int]:
        return self.entity_reports[entity_id] & candidates

    def _total(self) -> int:
        return len(self.reports)

    def _know(self, node: Node, entity_id: int) -> None:
        self.node_entity[node] = entity_id
        if node[0] == "name" and 2 <= len(node[1].split()) <= 3:
            for word in node[1].split():
                if len(word) >= 3:
                    self.names_by_word[word].add(node)

    def _new_entity(self, kind: Kind, name: str) -> int:
        entity_id = self.next_entity
        self.next_entity += 1
        entity = Entity(entity_id, kind, name, [], [], 0, [])
        self.entities[entity_id] = entity
        self.entity_reports[entity_id] = set()
        self.result.entities.append(entity)
        return entity_id

    def _grow(self, entity_id: int, members: list[Found], report_id: int) -> None:
        entity = self.entities[entity_id]
        entity.aliases = sorted(set(entity.aliases) | {f.mention.surface for f in members})
        entity.nodes = sorted(set(entity.nodes) | {f.node for f in members})
        entity.mentions += len(members)
        if report_id not in self.entity_reports[entity.id]:
            entity.reports.append(report_id)
            self.entity_reports[entity.id].add(report_id)

    def _add_report(self, report_id: int) -> None:
        self.reports.add(report_id)

    def _add_mentions(self, report_id: int, mentions: list[tuple[Mention, int]]) -> None:
        self.result.mentions.setdefault(report_id, []).extend(mentions)

    def _add_links(self, links: list[dict[str, Any]]) -> None:
        self.result.links.extend(links)

    def _set_dates(self, report_id: int, dates: list[str]) -> None:
        self.result.dates[report_id] = dates

    def _sample(self, report_id: int, text: str) -> frozenset[int]:
        items = neardup.shingles(text)
        sampled = frozenset(i for i in items if i % neardup.SAMPLE == 0) if len(items) >= 20 else frozenset()
        self.samples[report_id] = sampled
        if self.complete:
            for item in sampled:
                self.postings[item].append(report_id)
        return sampled

    def _postings(self, items: Iterable[int]) -> dict[int, list[int]]:
        return {item: self.postings[item] for item in items if len(self.postings[item]) <= neardup.COMMON}

    def _sample_sizes(self, reports: Iterable[int]) -> dict[int, int]:
        return {r: len(self.samples[r]) for r in reports}

    def _candidate_samples(self, report_id: int, candidates: list[int]) -> dict[int, frozenset[int]]:
        wanted = [r for r in candidates if r not in self.samples]
        if wanted and self.load is not None:
            for other, text in self.load(wanted).items():
                self._sample(other, text)
        return {r: items for r, items in self.samples.items() if r != report_id}

    def _join_group(self, report_id: int, alike: list[int]) -> None:
        """Put a re-send in its original's near-duplicate group (joining groups it bridges)."""
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

    def _record_pending(self, report_id: int, found: list[tuple[str, str]]) -> None:
        self.pending.extend((report_id, reason, detail) for reason, detail in found)


class TableIndex(_Resolver):
    """The index over one scope's tables (core/store/fusion_state.py); the caller holds the transaction."""

    def __init__(self, db: Any, scope_id: int, watch: Iterable[WatchEntry] = (), at: str = "",
                 load: Callable[[list[int]], dict[int, str]] | None = None, judgements: Iterable[Judgement] = ()
                 ) -> None:
        from nia_desktop.core.store import fusion_state

        self.state = fusion_state
        self.db = db
        self.sid = scope_id
        self.at = at
        self.load = load
        self.watch = Matcher(list(watch))
        self.marks = Marks(judgements)
        found = db.query("SELECT complete FROM fusion_scopes WHERE id = ?", (scope_id,))
        self.complete = bool(found and found[0][0])
        self._counts: dict[int, int] = {}

    def resends(self, report_id: int, content: str) -> list[int]:
        """The reports of the scope this one repeats (its samples kept): for a fusion merged segment by segment."""
        return self._near_duplicates(report_id, content, [])

    def join_group(self, report_id: int, alike: list[int]) -> None:
        self._join_group(report_id, alike)

    def _entity_of(self, node: Node) -> int | None:
        holders = self.state.holders(self.db, self.sid, node)
        return max(holders) if holders else None  # shared: as an index built entity by entity would hold it

    def _holders(self, node: Node) -> Sequence[int]:
        return self.state.holders(self.db, self.sid, node)

    def _names_with_word(self, word: str) -> Iterable[Node]:
        return self.state.names_with_word(self.db, self.sid, word)

    def _count(self, entity_id: int) -> int:
        return self.state.report_count(self.db, self.sid, entity_id)

    def _reports(self, entity_id: int) -> set[int]:
        return set(self.state.entity_reports(self.db, self.sid, entity_id))

    def _reports_among(self, entity_id: int, candidates: set[int]) -> set[int]:
        return self.state.entity_reports_among(self.db, self.sid, entity_id, candidates) if candidates else set()

    def _homonym_facts(self, holders: list[int], context: set[int]) -> tuple[dict[int, int], dict[int, int]]:
        return self.state.homonym_facts(self.db, self.sid, holders, context)

    def _total(self) -> int:
        return int(self.db.query("SELECT reports FROM fusion_scopes WHERE id = ?", (self.sid,))[0][0])

    def _new_entity(self, kind: Kind, name: str) -> int:
        return self.state.new_entity(self.db, self.sid, kind, name)

    def _grow(self, entity_id: int, members: list[Found], report_id: int) -> None:
        self.state.grow(self.db, self.sid, entity_id, {f.mention.surface for f in members}, len(members),
                        report_id, ())

    def _know(self, node: Node, entity_id: int) -> None:
        self.state.know(self.db, self.sid, node, entity_id)

    def _add_report(self, report_id: int) -> None:
        self.state.add_scope_report(self.db, self.sid, report_id)

    def _add_mentions(self, report_id: int, mentions: list[tuple[Mention, int]]) -> None:
        self.state.add_mentions(self.db, self.sid, report_id, mentions)

    def _add_links(self, links: list[dict[str, Any]]) -> None:
        self.state.add_links(self.db, self.sid, links)

    def _set_dates(self, report_id: int, dates: list[str]) -> None:
        self.state.set_dates(self.db, self.sid, report_id, dates)

    def _sample(self, report_id: int, text: str) -> frozenset[int]:
        sampled = self.state.sample(text)
        self.state.save_samples(self.db, [(report_id, sorted(sampled))])
        return sampled

    def _postings(self, items: Iterable[int]) -> dict[int, list[int]]:
        found = self.state.postings(self.db, items)
        inside = self.state.in_scope(self.db, self.sid, {r for rs in found.values() for r in rs})
        return {item: [r for r in rs if r in inside] for item, rs in found.items()}

    def _sample_sizes(self, reports: Iterable[int]) -> dict[int, int]:
        return self.state.sample_sizes(self.db, reports)

    def _candidate_samples(self, report_id: int, candidates: list[int]) -> dict[int, frozenset[int]]:
        wanted = self.state.unsampled(self.db, candidates)
        if wanted and self.load is not None:
            texts = self.load(wanted)
            self.state.save_samples(self.db, [(r, sorted(self.state.sample(t))) for r, t in texts.items()])
        return self.state.samples_of(self.db, [r for r in candidates if r != report_id])

    def _join_group(self, report_id: int, alike: list[int]) -> None:
        olds = {g for g in (self.state.group_of(self.db, self.sid, r) for r in alike) if g is not None}
        group = set(alike) | {report_id}
        for old in olds:
            group.update(self.state.duplicate_group(self.db, self.sid, old))
        self.state.set_group(self.db, self.sid, sorted(group), olds)

    def _record_pending(self, report_id: int, found: list[tuple[str, str]]) -> None:
        if found:
            self.state.add_pending(self.db, self.sid, self.at, [(report_id, r, d) for r, d in found])
