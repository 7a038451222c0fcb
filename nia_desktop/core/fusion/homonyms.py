"""One name, two people: splitting an entity that resolution joined by its name alone.

Resolution joins every mention of ``NAGASE Ren`` in every report; when two
people share that name, the entity must come apart again. Two kinds of
evidence do it, both read from the resolved entities:

- stated birth years (``born in 1988``, ``1979年生まれの徐嵐``): each year
  seeds a person, and every other report joins the seed whose reports share
  most of its other entities;
- context alone, when no report dates either person: reports about one
  person share other entities with each other (the people around them,
  their organisation, their phone, the operation), so a person's reports
  that fall into large groups sharing nothing across them are two people.
  A person who crosses from one case into another is still named beside
  something of the first case (a phone, an organisation, a colleague) in
  enough reports to hold the groups together.

An analyst's "same" judgement inside an entity stops both splits: the
analyst said it is one.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Set as AbstractSet
from itertools import combinations

from nia_desktop.core.fusion.model import Kind
from nia_desktop.core.fusion.nodes import Found
from nia_desktop.core.gc_pause import release

Node = tuple[str, ...]
Members = dict[Node, list[tuple[int, Found]]]

GROUP_LINK = 2  # reports of one person share at least this many other entities
MIN_GROUP = 3  # a group smaller than this is too little context to be a person of its own
MAX_CROSS = 0.02  # at most this share of report pairs across groups may share any other entity
MAX_PAIRS = 2_000_000  # a person in so many reports that pairing them would stall fusion is left whole
_COMMON = 50  # entities in more reports than this are background (engine.COMMON_LINK), not context


def split(members: Members, pinned: AbstractSet[Node]) -> dict[Node, str]:
    """Split homonyms in place; returns, for each new root, why it was split off."""
    report_roots: dict[int, set[Node]] = defaultdict(set)
    for root, items in members.items():
        for report_id, _ in items:
            report_roots[report_id].add(root)
    why: dict[Node, str] = {}
    for root in [r for r in members if not _pinned(members[r], pinned)]:
        parts = _by_birth_year(root, members[root], report_roots)
        if parts is None:
            continue
        del members[root]
        for year, part in parts.items():
            members[(*root, f"born {year}")] = part
            why[(*root, f"born {year}")] = f"homonym: born {year}"
    # Background: what many reports name, and the public bodies and places a gazetteer knows (two people called
    # NAGASE Ren are both reported on by the National Police Agency): context of that kind joins no one.
    background = {root for root, items in members.items() if len({r for r, _ in items}) > _COMMON
                  or any(f.node[0] == "gaz" for _, f in items)}
    kinds = {root: _kind(items) for root, items in members.items()}  # once: both uses below see these members
    places = {root for root, kind in kinds.items() if kind is Kind.LOCATION}
    for root in [r for r, items in members.items() if kinds[r] is Kind.PERSON and not _pinned(items, pinned)]:
        if root in why:
            continue
        context = {report_id: report_roots[report_id] - background - places - {root}
                   for report_id in {r for r, _ in members[root]}}
        groups = _by_context(context)
        if groups is None:
            continue
        items = members.pop(root)
        for number, group in enumerate(groups, 1):
            person = (*root, f"context {number}")
            members[person] = [(report_id, f) for report_id, f in items if report_id in group]
            why[person] = f"homonym: group {number} of {len(groups)} by context ({len(group)} reports, " \
                        f"no other entity in common with the rest)"
    return why


def _pinned(items: list[tuple[int, Found]], pinned: AbstractSet[Node]) -> bool:
    return bool(pinned) and any(f.node in pinned for _, f in items)  # most fusions have no "same" judgement


def _kind(items: list[tuple[int, Found]]) -> Kind:
    """The kind most of an entity's mentions have (the first seen of the most common)."""
    first = items[0][1].mention.kind
    for _, f in items:
        if f.mention.kind is not first:  # mixed, which few entities are: counted
            return Counter(f.mention.kind for _, f in items).most_common(1)[0][0]
    return first


def _by_birth_year(root: Node, items: list[tuple[int, Found]],
                   report_roots: dict[int, set[Node]]) -> dict[int, list[tuple[int, Found]]] | None:
    """Reports stating a year seed one person each; every other report goes to the seed whose reports share
    most of its other entities. None when fewer than two years are stated, or one report states two."""
    seeds: dict[int, set[int]] = defaultdict(set)
    for report_id, f in items:
        if f.born:
            seeds[f.born].add(report_id)
    if len(seeds) < 2 or sum(len(rs) for rs in seeds.values()) > len(set().union(*seeds.values())):
        return None  # a report in two seeds states two years
    context = {y: set().union(*(report_roots[r] for r in rs)) - {root} for y, rs in seeds.items()}
    parts: dict[int, list[tuple[int, Found]]] = defaultdict(list)
    for report_id, f in items:
        year = next((y for y, rs in seeds.items() if report_id in rs), None)
        if year is None:
            mine = report_roots[report_id] - {root}
            year = max(seeds, key=lambda y: (len(mine & context[y]) / (len(mine | context[y]) or 1),
                                             len(seeds[y]), -y))
        parts[year].append((report_id, f))
    return parts


def _by_context(context: dict[int, set[Node]]) -> list[set[int]] | None:
    """Group reports that share GROUP_LINK or more other entities; two or more groups of MIN_GROUP reports,
    with almost nothing shared across them, are different people. Smaller groups join the group they share
    most with (the largest when none). None when the reports are one person."""
    reports = sorted(context)
    if len(reports) < 2 * MIN_GROUP:
        return None
    by_entity: dict[Node, list[int]] = defaultdict(list)
    for report_id in reports:
        for other in context[report_id]:
            by_entity[other].append(report_id)
    if sum(len(rs) * (len(rs) - 1) // 2 for rs in by_entity.values()) > MAX_PAIRS:
        return None
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for rs in by_entity.values():
        for pair in combinations(rs, 2):  # not Counter.update: one C call over every pair holds the GIL
            shared[pair] += 1
    parent = {r: r for r in reports}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for (a, b), count in shared.items():
        if count >= GROUP_LINK:
            parent[find(a)] = find(b)
    grouped: dict[int, set[int]] = defaultdict(set)
    for r in reports:
        grouped[find(r)].add(r)
    big = sorted((g for g in grouped.values() if len(g) >= MIN_GROUP), key=lambda g: (-len(g), min(g)))
    if len(big) < 2:
        return None
    where = {r: i for i, g in enumerate(big) for r in g}
    cross = sum(1 for (a, b) in shared if a in where and b in where and where[a] != where[b])
    release(shared)
    pairs = sum(len(g) * len(h) for g, h in combinations(big, 2))
    if cross > MAX_CROSS * pairs:
        return None
    for group in grouped.values():
        if len(group) >= MIN_GROUP:
            continue
        mine = set().union(*(context[r] for r in group))
        best = max(range(len(big)), key=lambda i: (len(mine & set().union(*(context[r] for r in big[i]))),
                                                   len(big[i]), -i))
        big[best] |= group
    return big
