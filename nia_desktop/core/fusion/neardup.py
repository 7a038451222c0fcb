"""Near-duplicate reports: character 5-gram shingles of the content, Broder's mod-m sample, exact check.

Character shingles work for Japanese (no spaces) and English alike. The
header is left out (a re-send has a new number, date and originator), and
so is whitespace (re-wrapping is not an edit). Each report keeps the
shingles whose hash is 0 mod SAMPLE (Broder's "mod-m" sketch, an unbiased
estimate of resemblance); an inverted index over those finds candidate
pairs, so the work grows with the number of reports and their overlap, not
with its square, and every step is a set operation in C. Hashes are CRC-32, stable across runs. Candidates are
confirmed with the exact Jaccard similarity of their full shingle sets.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable

from nia_desktop.core.gc_pause import release

SHINGLE = 5
SAMPLE = 8
THRESHOLD = 0.5
MIN_SHARED = 3  # sampled shingles two reports must share to be compared at all
COMMON = 200  # a sampled shingle in more reports than this is boilerplate, not evidence
ESTIMATE_MARGIN = 0.6  # a pair whose sampled resemblance is below 0.6 x THRESHOLD is not checked


def shingles(text: str) -> set[int]:
    normal = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).lower())
    data = normal.encode("utf-32-le")  # four bytes a character, so shingle i is data[4i:4i+20]
    width = 4 * SHINGLE
    return {zlib.crc32(data[i:i + width]) for i in range(0, max(4, len(data) - width + 4), 4)}


def jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def groups(contents: Iterable[tuple[int, str]], threshold: float = THRESHOLD) -> list[list[int]]:
    """Groups (sorted report ids) of reports whose content is at least ``threshold`` alike."""
    sets: dict[int, set[int]] = {}
    sampled: dict[int, list[int]] = {}
    index: dict[int, list[int]] = defaultdict(list)
    for report_id, text in contents:
        items = shingles(text)
        if len(items) < 20:
            continue
        sets[report_id] = items
        sampled[report_id] = [item for item in items if item % SAMPLE == 0]
        for item in sampled[report_id]:
            index[item].append(report_id)
    parent = {r: r for r in sets}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # Candidates one report at a time: a counter per report stays small, where one counter of every pair
    # grew to millions of keys and each of its resizes held the GIL (and froze the UI) for 70 ms.
    for a, mine in sampled.items():
        shared: Counter[int] = Counter()
        for item in mine:
            postings = index[item]
            if len(postings) <= COMMON:
                shared.update(b for b in postings if b > a)
        for b, count in shared.items():
            # The samples' own resemblance estimates the full one; only plausible pairs get the exact check.
            estimate = count / (len(mine) + len(sampled[b]) - count)
            if count >= MIN_SHARED and estimate >= threshold * ESTIMATE_MARGIN and \
                    jaccard(sets[a], sets[b]) >= threshold:
                parent[find(a)] = find(b)
    clusters: dict[int, list[int]] = defaultdict(list)
    for report_id in sets:
        clusters[find(report_id)].append(report_id)
    release(sets)
    release(index)
    return sorted(sorted(c) for c in clusters.values() if len(c) > 1)
