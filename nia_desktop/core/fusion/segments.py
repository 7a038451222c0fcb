"""A full fusion too large to hold at once, fused a segment at a time into a scope's tables.

engine.fuse holds every report's mentions and keys at once: memory grows
with the corpus (605 MB at 10,000 reports). Above SEGMENT reports a full
fusion runs segment by segment instead, each segment fused by the engine
with every rule, and merged here into the scope's tables
(core/store/fusion_state.py) before the next is read: memory is bounded
by the segment, not by the vault.

Across segments, an entity meets the earlier ones as an import's report
does (core/fusion/incremental.py): through a key they share (or one an
analyst judged the same), else a name through the spelling rule's word
index. Two entities a segment kept apart (homonyms, an analyst's "different")
never meet in one earlier entity. What a fusion of the whole corpus at once
would do beyond that across segments (a definition joining two earlier
entities, transliterations and surname readings against names in other
segments, homonym splits weighing every segment) is not done: it is the
price of bounded memory, measured in docs/performance.md, and nothing is
queued as pending for it (fusing again would do the same). Links and
near-duplicates across segments are found from the tables when every
segment is in (``link_reports``; ``Merger.resends``), with the weights and
thresholds of a whole fusion.
"""

from __future__ import annotations

import math
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from nia_desktop.core.fusion import neardup, rules
from nia_desktop.core.fusion.engine import COMMON_LINK, Entity, FusionResult, content_only
from nia_desktop.core.fusion.judgements import Judgement
from nia_desktop.core.fusion.nodes import ReportText
from nia_desktop.core.fusion.rules import FUZZY
from nia_desktop.core.store import fusion_bulk as bulk
from nia_desktop.core.store import fusion_state as state
from nia_desktop.core.vault.connection import VaultConnection

SEGMENT = 20_000  # reports fused at once: about 1.2 GB at the peak (docs/performance.md)
SMALLEST = 100  # the least NIA_FUSION_SEGMENT may ask for
RESENDS = 500  # reports whose re-send candidates are read from the sample index at once
Node = tuple[str, ...]


def segment_size() -> int:
    """SEGMENT, or the NIA_FUSION_SEGMENT environment variable on a machine with less memory to give fusion (or
    to see what segments cost in quality: tests/bench/bench_fusion_quality.py --segment)."""
    asked = os.environ.get("NIA_FUSION_SEGMENT", "").strip()
    if asked.isdigit() and int(asked) >= SMALLEST:
        return int(asked)
    return SEGMENT


def segments(report_ids: Sequence[int], size: int = SEGMENT) -> Iterator[Sequence[int]]:
    """``report_ids`` in equal runs of at most ``size`` (25,000 reports are two of 12,500, not 20,000 and 5,000:
    the rules see as much of the corpus at once in each)."""
    count = max(1, math.ceil(len(report_ids) / size))
    step = math.ceil(len(report_ids) / count) if report_ids else 0
    for start in range(0, len(report_ids), step or 1):
        yield report_ids[start:start + step]


class Merger:
    """Merges one segment's fusion after another into scope ``sid``'s tables; the caller holds each transaction."""

    def __init__(self, db: VaultConnection, sid: int, at: str, decided: Iterable[Judgement]) -> None:
        self.db, self.sid, self.at = db, sid, at
        self.same: dict[Node, set[Node]] = defaultdict(set)
        self.apart: dict[Node, set[Node]] = defaultdict(set)
        for j in decided:
            if j.verdict == "same":
                self.same[j.a].add(j.b)
                self.same[j.b].add(j.a)
            elif j.verdict == "different":
                self.apart[j.a].add(j.b)
                self.apart[j.b].add(j.a)

    # -- entities -------------------------------------------------------------------
    def merge(self, result: FusionResult, texts: Sequence[ReportText],
              load: Callable[[list[int]], dict[int, str]]) -> dict[int, int]:
        """Put a segment's entities, mentions, dates and near-duplicate groups into the scope, its re-sends of
        earlier segments' reports in their groups (``load`` gives earlier reports' contents, when their samples
        are missing); then its reports join the scope. Returns each of the segment's entity ids with the scope's
        entity it went to."""
        where: dict[int, int] = {}
        claimed: set[int] = set()  # scope entities this segment's entities went to: two never share one
        fresh = _Fresh(self.db, self.sid)
        for entity in result.entities:
            target = self._earlier(entity, claimed, fresh)
            if target is None:
                target = fresh.add(entity)
            else:
                fresh.absorb(target, entity)
            claimed.add(target)
            where[entity.id] = target
        fresh.write()
        db, sid = self.db, self.sid
        state.add_many_mentions(db, sid, ((r, m, where[e]) for r, ms in result.mentions.items() for m, e in ms))
        for report_id, dates in result.dates.items():
            if dates:
                state.set_dates(db, sid, report_id, dates)
        for group in result.duplicates:
            state.set_group(db, sid, group, ())
        if int(db.query("SELECT reports FROM fusion_scopes WHERE id = ?", (sid,))[0][0]):
            self.resends(texts, load)
        state.add_scope_reports(db, sid, (t.id for t in texts))
        return where

    def _earlier(self, entity: Entity, claimed: set[int], fresh: _Fresh) -> int | None:
        """The scope entity ``entity`` joins (None: a new one)."""
        keys = list(entity.nodes) + sorted({p for n in entity.nodes for p in self.same.get(n, ())} - set(entity.nodes))
        shared: dict[int, int] = defaultdict(int)
        for node in keys:
            for holder in fresh.holders(node):
                shared[holder] += 1
        candidates = [e for e in shared if e not in claimed and not self._kept_apart(entity, e)]
        if candidates:
            return max(candidates, key=lambda e: (shared[e], state.report_count(self.db, self.sid, e), -e))
        if shared:
            return None  # a homonym or a judged difference: the segment's own call stands
        spelled = self._spelled_like(entity.nodes, fresh)
        if spelled is not None and spelled not in claimed and not self._kept_apart(entity, spelled):
            return spelled
        return None

    def _kept_apart(self, entity: Entity, other: int) -> bool:
        """Whether an analyst judged one of the entity's keys different from one of ``other``'s."""
        opposite = {p for n in entity.nodes for p in self.apart.get(n, ())}
        return bool(opposite) and bool(opposite & set(state.entity_nodes(self.db, self.sid, other)))

    @staticmethod
    def _spelled_like(nodes: Sequence[Node], fresh: _Fresh) -> int | None:
        """The spelling rule of a whole fusion (one word exact, the other near), through the word index."""
        for node in nodes:
            if node[0] != "name" or not 2 <= len(node[1].split()) <= 3:
                continue
            words = node[1].split()
            for other in sorted({o for w in words if len(w) >= 3 for o in fresh.names_with_word(w)}):
                if rules.spelling_score(words, other[1].split()) >= FUZZY:
                    holders = fresh.holders(other)
                    if holders:
                        return max(holders)
        return None

    # -- near-duplicates across segments -----------------------------------------------
    def resends(self, texts: Iterable[ReportText], load: Callable[[list[int]], dict[int, str]]) -> int:
        """Join each of a segment's reports to the near-duplicate groups of earlier segments' reports it repeats,
        as a whole fusion would (neardup.groups): candidates through the sampled-shingle index, their estimates
        screened with its margins, each pair then measured on the whole texts (the segment's boilerplate left
        out), a strong resemblance or a weaker one that stands out from the report's crowd; groups merged by
        average link (when LINK of their cross pairs are alike; else the report goes where it is closest). Call
        before the segment's reports join the scope. Returns how many reports joined earlier groups."""
        # An e-mail's attachment is compared as part of its message, never alone (engine._Contents).
        contents = {t.id: content_only(t) for t in texts if not t.message}
        # The lines frequent in this segment are left out of every comparison, as a whole fusion leaves out the
        # corpus's (templates and desks' closing lines are everywhere: one segment counts them well enough).
        common = neardup.Boilerplate(contents.values())
        joined = 0
        ids = list(contents)
        screened: dict[int, tuple[list[int], float]] = {}
        for at, report_id in enumerate(ids):
            if at % RESENDS == 0:  # the candidates of the next RESENDS reports, from the sample index at once
                screened = self._screened(ids[at:at + RESENDS])
            mine = common.shingles(contents[report_id])
            earlier = self._earlier_alike(*screened[report_id], mine, load, common)
            alike = sorted(earlier)
            if not alike or len(mine) < neardup.MIN_SHINGLES:
                continue
            own = [r for r in state.duplicate_group(self.db, self.sid, report_id) if r != report_id]
            theirs = sorted({m for r in alike for m in state.duplicate_group(self.db, self.sid, r) or [r]})
            if not self._alike_enough([report_id, *own], theirs, load, common):
                if not own or not self._alike_enough([report_id], theirs, load, common):
                    continue  # alike to too few of the group: a whole fusion's average link would not join them
                closest_own = max(neardup.jaccard(mine, common.shingles(t)) for t in load(own).values())
                if closest_own >= max(earlier.values()):
                    continue  # closer to its own segment's group: it stays there, as a whole fusion keeps it
                state.leave_group(self.db, self.sid, report_id)
                own = []
            state.set_group(self.db, self.sid, sorted(set(theirs) | set(own) | {report_id}),
                            {g for g in (state.group_of(self.db, self.sid, r) for r in [*theirs, *own])
                             if g is not None})
            joined += 1
        return joined

    def _screened(self, report_ids: list[int]) -> dict[int, tuple[list[int], float]]:
        """For each report, the scope's reports (earlier segments') its sampled shingles say may be near-duplicates
        of it (attachments left out: they are compared as part of their message), and how alike it is to its crowd:
        the estimates, screened with neardup's margins."""
        db, sid = self.db, self.sid
        shared = bulk.shared_samples(db, sid, report_ids)
        sizes = bulk.sample_counts(db, {*report_ids, *(b for others in shared.values() for b in others)})
        screened: dict[int, tuple[list[int], float]] = {}
        margin = neardup.ESTIMATE_MARGIN
        for report_id in report_ids:
            found = shared.get(report_id, {})
            size = sizes[report_id]
            estimates = {b: n / (size + sizes[b] - n) for b, n in found.items()}
            crowd = neardup.background_of(estimates.values())
            screened[report_id] = ([b for b, e in estimates.items() if e >= neardup.THRESHOLD * margin or (
                e >= neardup.WEAK * margin and e >= neardup.RATIO * crowd * margin
                and found[b] >= neardup.WEAK_CONTAINMENT * margin * min(size, sizes[b]))], crowd)
        attached = state.attachments_among(db, {b for bs, _ in screened.values() for b in bs})
        return {r: ([b for b in bs if b not in attached], crowd) for r, (bs, crowd) in screened.items()}

    @staticmethod
    def _earlier_alike(screened: list[int], crowd: float, mine: set[int],
                       load: Callable[[list[int]], dict[int, str]], common: neardup.Boilerplate) -> dict[int, float]:
        """The scope's reports (earlier segments') this one is a near-duplicate of, with their resemblance."""
        found: dict[int, float] = {}
        for other, text in load(screened).items() if screened else ():
            theirs = common.shingles(text)
            if len(theirs) < neardup.MIN_SHINGLES:
                continue
            resemblance, containment = neardup.measure(mine, theirs)
            if resemblance >= neardup.THRESHOLD or (
                    resemblance >= neardup.WEAK and containment >= neardup.WEAK_CONTAINMENT
                    and min(len(mine), len(theirs)) >= neardup.MIN_CONTAINED and resemblance >= neardup.RATIO * crowd):
                found[other] = resemblance
        return found

    @staticmethod
    def _alike_enough(one: list[int], two: list[int], load: Callable[[list[int]], dict[int, str]],
                      common: neardup.Boilerplate) -> bool:
        """Whether at least neardup.LINK of the cross pairs of two groups are near-duplicates."""
        sets = {r: common.shingles(t) for r, t in load(sorted(set(one) | set(two))).items()}
        alike = sum(1 for a in one for b in two if a in sets and b in sets
                    and neardup.jaccard(sets[a], sets[b]) >= neardup.THRESHOLD)
        return alike >= neardup.LINK * len(one) * len(two)


class _Fresh:
    """A segment's entities, new ones and those joining earlier ones, written together once the segment's entities
    are placed (a dozen statements each, written one by one, were a sixth of a part's time); until then the scope's
    key and word indexes are read through them, so each entity meets the keys the segment's earlier ones brought,
    as it would have. Nothing else is read of an entity the segment touched: it is claimed, never joined again."""

    def __init__(self, db: VaultConnection, sid: int) -> None:
        self.db, self.sid = db, sid
        self.next = int(db.query("SELECT next_entity FROM fusion_scopes WHERE id = ?", (sid,))[0][0])
        self.entities: list[bulk.NewEntity] = []
        self.joined: list[tuple[int, Entity]] = []
        self.nodes: dict[Node, list[int]] = defaultdict(list)
        self.words: dict[str, set[Node]] = defaultdict(set)

    def add(self, entity: Entity) -> int:
        made = bulk.NewEntity(self.next, entity.kind.value, entity.name, entity.aliases, entity.merges,
                              entity.mentions, entity.reports, entity.nodes)
        self.next += 1
        self.entities.append(made)
        self._know(made.id, entity.nodes)
        return made.id

    def absorb(self, target: int, entity: Entity) -> None:
        """``entity`` joins the earlier segments' entity ``target``."""
        self.joined.append((target, entity))
        self._know(target, entity.nodes)

    def _know(self, target: int, nodes: Iterable[Node]) -> None:
        for node in dict.fromkeys(nodes):
            if target not in self.nodes[node]:
                self.nodes[node].append(target)
            for word in state.name_words(node):
                self.words[word].add(node)

    def holders(self, node: Node) -> list[int]:
        """state.holders, this segment's new entities included."""
        return sorted({*state.holders(self.db, self.sid, node), *self.nodes.get(node, ())})

    def names_with_word(self, word: str) -> list[Node]:
        return sorted({*state.names_with_word(self.db, self.sid, word), *self.words.get(word, ())})

    def write(self) -> None:
        bulk.add_entities(self.db, self.sid, self.entities)
        bulk.join_entities(self.db, self.sid, [(target, bulk.NewEntity(
            target, e.kind.value, e.name, e.aliases, e.merges, e.mentions, e.reports, e.nodes))
            for target, e in self.joined])
        self.entities, self.joined = [], []


def link_reports(db: VaultConnection, sid: int, report_ids: Sequence[int], total: int, batch: int = 500) -> int:
    """The links of ``report_ids`` with the scope's later reports, from its entity–report rows, weighted as
    engine._links weighs them: pairs of reports sharing an entity in at most COMMON_LINK reports, each shared
    entity (common ones included) adding log((total + 1) / its reports). ``batch`` reports at a time, each
    batch's rows read in a few statements, so memory is a batch's neighbourhood; run over every report of the
    scope once its segments are in. Returns how many links were written."""
    written = 0
    for start in range(0, len(report_ids), batch):
        chunk = list(report_ids[start:start + batch])
        held: dict[int, list[int]] = defaultdict(list)
        counts: dict[int, int] = {}
        # CROSS JOIN: the batch's rows drive (by report); a plain join let SQLite walk every entity in 2 reports
        # or more through the report-count index, once a batch.
        for r, e, n in _rows(db, "SELECT er.report_id, er.entity_id, e.report_count FROM fusion_entity_reports er "
                                 "CROSS JOIN fusion_entities e ON e.scope_id = er.scope_id AND e.id = er.entity_id "
                                 "WHERE er.scope_id = ? AND e.report_count >= 2 AND er.report_id IN ({})", sid, chunk):
            held[int(r)].append(int(e))
            counts[int(e)] = int(n)
        rare = sorted(e for e, n in counts.items() if n <= COMMON_LINK)
        members: dict[int, list[int]] = defaultdict(list)
        for e, r in _rows(db, "SELECT entity_id, report_id FROM fusion_entity_reports WHERE scope_id = ? "
                              "AND entity_id IN ({})", sid, rare):
            members[int(e)].append(int(r))
        shared: dict[int, dict[int, list[int]]] = {}
        for a in chunk:
            pairs: dict[int, list[int]] = defaultdict(list)
            for e in held.get(a, ()):
                if counts[e] <= COMMON_LINK:
                    for b in members[e]:
                        if b > a:
                            pairs[b].append(e)
            if pairs:
                shared[a] = pairs
        common = {e for e, n in counts.items() if n > COMMON_LINK}
        if common:  # a common entity adds its weight to pairs rarer ones link: each partner's common entities
            partners = sorted({b for pairs in shared.values() for b in pairs})
            theirs: dict[int, set[int]] = defaultdict(set)
            for r, e in _rows(db, "SELECT report_id, entity_id FROM fusion_entity_reports WHERE scope_id = ? "
                                  "AND report_id IN ({})", sid, partners):
                if int(e) in common:
                    theirs[int(r)].add(int(e))
            for a, pairs in shared.items():
                mine = [e for e in held[a] if e in common]
                for b, ids in pairs.items():
                    ids.extend(e for e in mine if e in theirs.get(b, ()))
        weight = {e: math.log((total + 1) / n) for e, n in counts.items()}
        links = [(a, b, round(sum(weight[e] for e in ids), 3), "[" + ",".join(map(str, sorted(ids))) + "]")
                 for a, pairs in shared.items() for b, ids in sorted(pairs.items())]
        state.insert_links(db, sid, links)
        written += len(links)
    return written


def _rows(db: VaultConnection, sql: str, sid: int, ids: Sequence[int], batch: int = 5000) -> Iterator[Any]:
    """``sql`` (its ``{}`` the place of an id list) run over ``ids`` a batch at a time."""
    for start in range(0, len(ids), batch):
        chunk = ids[start:start + batch]
        yield from db.query(sql.format(",".join("?" * len(chunk))), (sid, *chunk))
