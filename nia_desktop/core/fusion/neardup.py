"""Near-duplicate reports: the same text re-sent, republished on another site, trimmed or revised.

Texts are compared as sets of character 5-gram shingles (they work for
Japanese, which has no spaces, and English alike) of their content: the
header is left out by the caller (a re-send has a new number, date and
originator) and whitespace here (re-wrapping is not an edit).

Republishing adds its own chrome: menus, "Share this page", footers,
copyright and cookie notices, a desk's standard closing line. Those lines
are learnt from the collection itself, in the same pass: a short line (a
menu item, a heading) found in many reports, or a longer one (a
disclaimer) found in a fifth of them, is boilerplate, not evidence, and is
left out before shingling; a short list of obvious web chrome is dropped
wherever it appears, however rare in the collection.

Two reports are near-duplicates when their resemblance (Jaccard) reaches
THRESHOLD. Real republishing and revision often stay below it (excerpts
of different length, a paragraph added, sentences reworded: 0.2-0.5), so
a weaker resemblance (WEAK) also counts when the smaller report is mostly
inside the other (containment WEAK_CONTAINMENT, the smaller at least
MIN_CONTAINED shingles: a sentence quoted from an article is no copy of
it) and the pair stands out from its crowd: at least RATIO times as alike
as either report is to its BACKGROUND-th closest candidate. Storyline
siblings that share template sentences are all about as alike to one
another, so they never stand out; a revision and its original do.

Candidates come from Broder's mod-m sample: each report keeps the shingles
whose hash is 0 mod SAMPLE, and an inverted index over those finds the
pairs worth checking, so the work grows with the number of reports and
their overlap, not with its square; every step is a set operation in C
on one report at a time (one huge call would hold the GIL and stall the
UI). Hashes are CRC-32, stable across runs. Candidates are confirmed on
the full shingle sets.

Groups are joined by average link, not single link: two groups merge only
when at least LINK of their cross pairs are near-duplicates, so a chain of
reports that each resemble the next does not become one group.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
import zlib
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable

from nia_desktop.core.gc_pause import release

SHINGLE = 5
SAMPLE = 8
THRESHOLD = 0.5  # resemblance (Jaccard) that makes two reports near-duplicates on its own
WEAK = 0.2  # a weaker resemblance counts when the smaller report is mostly inside the other ...
WEAK_CONTAINMENT = 0.4  # (overlap over the smaller report at least this),
MIN_CONTAINED = 150  # the smaller report has at least this many shingles (about 150 characters),
RATIO = 3.0  # and the pair is at least this many times as alike as either report is to its crowd:
BACKGROUND = 5  # its 5th closest candidate (a group of up to 5 copies stands out whole)
LINK = 0.75  # two groups merge when at least this share of their cross pairs are near-duplicates
MIN_SHARED = 3  # sampled shingles two reports must share to be compared at all
COMMON = 200  # a sampled shingle in more reports than this is boilerplate, not evidence
ESTIMATE_MARGIN = 0.6  # a pair whose sampled estimates are below 0.6 x their thresholds is not checked
BOILERPLATE_REPORTS = 5  # a short line in at least this many reports is boilerplate ...
BOILERPLATE_SHARE = 0.02  # ... or in this share of them, whichever is more;
BOILERPLATE_CHARS = 40  # "short": at most this many characters (whitespace left out): menus, headings, footers.
BOILERPLATE_LONG_SHARE = 0.2  # A longer line (a disclaimer, a desk's closing sentence) needs this share.
MIN_SHINGLES = 20  # fewer shingles than this and a report is too short to call a copy of anything

# Web chrome that marks no report's substance, wherever it appears, however rare in the collection.
_CHROME = re.compile(  # matched against normalised lines: lower case, no whitespace
    r"(skipto(main)?content|sharethis|shareon|^share$|printthispage|backtotop|pagetop|cookie|allrightsreserved|"
    r"copyright|^©|\(c\)\d{4}|privacypolicy|termsofuse|^sign(in|out)$|^log(in|out)$|^subscribe|followus|mainmenu|"
    r"^navigation|breadcrumb|本文へ|ページの先頭|ページトップ|このページのトップ|^印刷|サイトマップ|^ホーム|トップページ|"
    r"著作権|利用規約|プライバシー|^転送|シェア|ツイート)")
_CHROME_CHARS = 60  # only a line this short can be chrome by the list alone


def normal(text: str) -> str:
    """What comparison sees: NFKC, lower case, no whitespace."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text).lower())


def shingles(text: str) -> set[int]:
    return _shingles_of(normal(text))


def _shingles_of(normalised: str) -> set[int]:
    data = normalised.encode("utf-32-le")  # four bytes a character, so shingle i is data[4i:4i+20]
    width = 4 * SHINGLE
    return {zlib.crc32(data[i:i + width]) for i in range(0, max(4, len(data) - width + 4), 4)}


def jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _lines(text: str) -> list[str]:
    """The text's normalised lines (as ``normal`` makes them), empty ones left out; one NFKC call per text."""
    return [line for line in ("".join(raw.split()) for raw in unicodedata.normalize("NFKC", text).lower().splitlines())
            if line]


def _is_chrome(line: str) -> bool:
    return len(line) <= _CHROME_CHARS and _CHROME.search(line) is not None


def _without_boilerplate(lines: list[str], frequent: Counter[int], limits: tuple[int, int]) -> str:
    short, long = limits
    kept = [line for line in lines
            if not _is_chrome(line) and frequent[hash(line)] < (short if len(line) <= BOILERPLATE_CHARS else long)]
    return "".join(kept)  # normalised text has no whitespace: lines join as they were


def groups(contents: Iterable[tuple[int, str]], threshold: float | None = None) -> list[list[int]]:
    """Groups (sorted report ids) of reports whose content is near-duplicate; ``threshold`` is the resemblance."""
    threshold = THRESHOLD if threshold is None else threshold
    sets = _shingle_sets(contents)
    sampled = {r: [item for item in items if item % SAMPLE == 0] for r, items in sets.items()}
    index: dict[int, list[int]] = defaultdict(list)
    for report_id, mine in sampled.items():
        for item in mine:
            index[item].append(report_id)
    # Each report's evidence: its sampled shingles that are not everywhere.
    for report_id, mine in sampled.items():
        sampled[report_id] = [item for item in mine if len(index[item]) <= COMMON]
    edges: list[tuple[float, int, int]] = []
    weak: list[tuple[float, int, int]] = []
    background: dict[int, float] = {}
    # Candidates one report at a time: a counter per report stays small, where one counter of every pair
    # grew to millions of keys and each of its resizes held the GIL (and froze the UI) for 70 ms.
    for a, mine in sampled.items():
        shared: Counter[int] = Counter()
        for item in mine:
            shared.update(index[item])
        del shared[a]
        # The samples' own resemblance and containment estimate the full ones; only plausible pairs are checked.
        estimates = {b: count / (len(mine) + len(sampled[b]) - count)
                     for b, count in shared.items() if count >= MIN_SHARED}
        background[a] = background_of(estimates.values())
        whole: set[int] | None = None  # a's full set, made only if a pair needs it
        for b, estimate in estimates.items():
            if b < a:
                continue
            if estimate < threshold * ESTIMATE_MARGIN and not (
                    estimate >= WEAK * ESTIMATE_MARGIN and estimate >= RATIO * background[a] * ESTIMATE_MARGIN and
                    shared[b] >= WEAK_CONTAINMENT * ESTIMATE_MARGIN * min(len(mine), len(sampled[b]))):
                continue
            whole = set(sets[a]) if whole is None else whole
            resemblance, containment = measure(whole, set(sets[b]))
            if resemblance >= threshold:
                edges.append((resemblance, a, b))
            elif resemblance >= WEAK and containment >= WEAK_CONTAINMENT and \
                    min(len(sets[a]), len(sets[b])) >= MIN_CONTAINED:
                weak.append((resemblance, a, b))
    # A weaker likeness counts only where it stands out: both reports are far closer to each other than to
    # their other neighbours (storyline siblings sharing template sentences are all about as close).
    edges.extend(e for e in weak if e[0] >= RATIO * max(background[e[1]], background[e[2]]))
    release(index)
    release(sampled)
    release(sets)
    return _average_link(edges)


def _shingle_sets(contents: Iterable[tuple[int, str]]) -> dict[int, array[int]]:
    """Each report's shingles, its boilerplate lines left out; reports too short to judge are left out.

    Kept as arrays of 32-bit hashes, four bytes a shingle, made into sets only for the pairs compared: as sets
    of Python ints they took about 50 bytes a shingle, 690 MB at 10,000 reports (most of a fusion's memory).
    Texts are read twice, once to count lines and once to shingle, when ``contents`` can be read twice (a
    collection, or a view that re-reads them): no report's lines are then held beyond its own turn, and lines
    are counted by their hash (64 bits: a collision among millions of lines is out of reach), not kept whole.
    """
    if iter(contents) is contents:  # a one-pass iterator: held whole, as before
        contents = list(contents)
    common = Boilerplate(text for _, text in contents)
    sets: dict[int, array[int]] = {}
    for report_id, text in contents:
        items = common.shingles(text)
        if len(items) >= MIN_SHINGLES:
            sets[report_id] = array("I", items)
    release(common.frequent)
    return sets


class Boilerplate:
    """The lines frequent in a collection (menus, headings, a desk's closing sentence), counted by hash, and a
    text's shingles with them left out."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.frequent: Counter[int] = Counter()
        count = 0
        for text in texts:
            self.frequent.update({hash(line) for line in _lines(text)})
            count += 1
        self.limits = (max(BOILERPLATE_REPORTS, int(BOILERPLATE_SHARE * count)),
                       max(BOILERPLATE_REPORTS, int(BOILERPLATE_LONG_SHARE * count)))

    def shingles(self, text: str) -> set[int]:
        return _shingles_of(_without_boilerplate(_lines(text), self.frequent, self.limits))


def background_of(estimates: Iterable[float]) -> float:
    """How alike a report is to its crowd: its BACKGROUND-th closest candidate (0 when it has fewer)."""
    closest = heapq.nlargest(BACKGROUND, estimates)
    return closest[-1] if len(closest) == BACKGROUND else 0.0


def measure(a: set[int], b: set[int]) -> tuple[float, float]:
    """Resemblance (Jaccard) and containment (overlap over the smaller set)."""
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared), shared / min(len(a), len(b))


def _average_link(edges: list[tuple[float, int, int]]) -> list[list[int]]:
    """Closest pairs first; two groups merge only when at least LINK of their cross pairs are near-duplicates.

    A report joins a pair only when it is alike to both. Letting it join when alike to one (star-shaped
    groups: copies of one original, each edited differently) put storyline siblings into true groups:
    precision 0.94 instead of 0.96 at 3,000 generated reports, for recall 0.94 instead of 0.92.
    """
    near: dict[int, set[int]] = defaultdict(set)
    for _, a, b in edges:
        near[a].add(b)
        near[b].add(a)
    group_of: dict[int, list[int]] = {}
    for _, a, b in sorted(edges, reverse=True):
        one, two = group_of.setdefault(a, [a]), group_of.setdefault(b, [b])
        if one is two:
            continue
        links = sum(len(near[member].intersection(two)) for member in one)
        if links < LINK * len(one) * len(two):
            continue
        one.extend(two)
        for member in two:
            group_of[member] = one
    distinct = {id(g): g for g in group_of.values()}
    return sorted(sorted(g) for g in distinct.values() if len(g) > 1)
