"""Near-duplicate quality and speed straight from a corpus's files, without the CLI (fast iterations).

    .venv/bin/python tests/bench/bench_neardup.py                       # the sample corpus
    .venv/bin/python tests/bench/bench_neardup.py /tmp/corpora/s5_3000 tests/data/realtext
    .venv/bin/python tests/bench/bench_neardup.py --speed 10000 /tmp/corpora/s5_3000 /tmp/corpora/s7_3000 ...

Each file is parsed in-process by the importer's own parsers, its first
document taken as the report (title, text), and the fusion engine's
``content_only`` applied, exactly what ``nia fuse`` hands to
``neardup.groups``; the texts are cached under /tmp/neardup_cache by the
corpus's ground-truth digest. Scores are pairwise precision, recall and F1
over the pairs inside ``near_duplicate_groups`` (the corpus README's
measure), printed beside a baseline from the same run: the previous
algorithm (5-gram Jaccard >= 0.5, single link), copied here verbatim.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from nia_desktop.core.fusion import neardup  # noqa: E402
from nia_desktop.core.fusion.engine import content_only  # noqa: E402
from nia_desktop.core.fusion.nodes import ReportText  # noqa: E402
from nia_desktop.core.ingest.limits import Limits  # noqa: E402
from nia_desktop.core.ingest.parse import parse_file  # noqa: E402

CACHE = Path("/tmp/neardup_cache")
Grouper = Callable[[Iterable[tuple[int, str]]], list[list[int]]]


def contents(corpus: Path) -> dict[str, str]:
    """Gold report id -> content text (header left out), from the cache when the corpus has not changed."""
    truth_bytes = (corpus / "ground_truth.json").read_bytes()
    cached = CACHE / f"{corpus.name}-{hashlib.sha256(truth_bytes).hexdigest()[:16]}.json"
    if cached.exists():
        loaded: dict[str, str] = json.loads(cached.read_text(encoding="utf-8"))
        return loaded
    truth = json.loads(truth_bytes)
    out: dict[str, str] = {}
    for number, report in enumerate(truth["reports"], start=1):
        path = corpus / report["file"]
        documents = parse_file(path.read_bytes(), path.name, Limits())
        title = documents[0].title or path.name
        out[report["report_id"]] = content_only(ReportText(number, title, documents[0].text))
    CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    return out


def gold_pairs(corpus: Path) -> set[tuple[str, str]]:
    truth = json.loads((corpus / "ground_truth.json").read_text(encoding="utf-8"))
    return {tuple(sorted(p)) for g in truth["near_duplicate_groups"]
            for p in combinations(g["members"], 2)}


def baseline(contents: Iterable[tuple[int, str]], threshold: float = 0.5) -> list[list[int]]:
    """neardup.groups before issue 12 (commit cf6af96), verbatim: 5-gram Jaccard >= 0.5, single link."""
    sets: dict[int, set[int]] = {}
    sampled: dict[int, list[int]] = {}
    index: dict[int, list[int]] = defaultdict(list)
    for report_id, text in contents:
        items = neardup.shingles(text)
        if len(items) < 20:
            continue
        sets[report_id] = items
        sampled[report_id] = [item for item in items if item % 8 == 0]
        for item in sampled[report_id]:
            index[item].append(report_id)
    parent = {r: r for r in sets}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, mine in sampled.items():
        shared: Counter[int] = Counter()
        for item in mine:
            postings = index[item]
            if len(postings) <= 200:
                shared.update(b for b in postings if b > a)
        for b, count in shared.items():
            estimate = count / (len(mine) + len(sampled[b]) - count)
            if count >= 3 and estimate >= threshold * 0.6 and \
                    neardup.jaccard(sets[a], sets[b]) >= threshold:
                parent[find(a)] = find(b)
    clusters: dict[int, list[int]] = defaultdict(list)
    for report_id in sets:
        clusters[find(report_id)].append(report_id)
    return sorted(sorted(c) for c in clusters.values() if len(c) > 1)


def score(grouper: Grouper, texts: dict[str, str], gold: set[tuple[str, str]]) -> tuple[float, float, float, float,
                                                                                          set[tuple[str, str]]]:
    ids = sorted(texts)
    start = time.perf_counter()
    found = grouper((number, texts[rid]) for number, rid in enumerate(ids))
    took = time.perf_counter() - start
    predicted = {tuple(sorted((ids[a], ids[b]))) for g in found for a, b in combinations(g, 2)}
    tp = len(predicted & gold)
    p = tp / len(predicted) if predicted else 1.0
    r = tp / len(gold) if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, took, predicted  # type: ignore[return-value]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpora", nargs="*", type=Path, default=[ROOT.parent / "shared" / "corpus" / "sample"])
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--errors", type=int, default=0, help="print this many false and missed pairs per corpus")
    parser.add_argument("--speed", type=int, default=0, help="also time neardup.groups on this many reports, "
                                                            "the first of all the corpora given, pooled")
    parser.add_argument("--pool", action="store_true", help="also score all the corpora given as one collection "
                                                             "(precision where many storylines' siblings meet)")
    args = parser.parse_args()
    pooled: list[str] = []
    pool_texts: dict[str, str] = {}
    pool_gold: set[tuple[str, str]] = set()
    for corpus in args.corpora:
        texts, gold = contents(corpus), gold_pairs(corpus)
        pooled.extend(texts.values())
        if args.pool:
            pool_texts.update({f"{corpus.name}/{r}": text for r, text in texts.items()})
            pool_gold.update((f"{corpus.name}/{a}", f"{corpus.name}/{b}") for a, b in gold)
        line = f"{corpus.name:>14} {len(texts):>6} reports {len(gold):>5} gold pairs"
        p, r, f, took, predicted = score(neardup.groups, texts, gold)
        line += f" | new P {p:.3f} R {r:.3f} F1 {f:.3f} ({took:.2f} s)"
        if not args.no_baseline:
            bp, br, bf, btook, _ = score(baseline, texts, gold)
            line += f" | baseline P {bp:.3f} R {br:.3f} F1 {bf:.3f} ({btook:.2f} s)"
        print(line, flush=True)
        if args.errors:
            for kind, pairs in (("false", predicted - gold), ("missed", gold - predicted)):
                for a, b in sorted(pairs)[:args.errors]:
                    print(f"  {kind} {a} {b}")
    if args.pool:
        p, r, f, took, _ = score(neardup.groups, pool_texts, pool_gold)
        line = f"{'pooled':>14} {len(pool_texts):>6} reports {len(pool_gold):>5} gold pairs"
        line += f" | new P {p:.3f} R {r:.3f} F1 {f:.3f} ({took:.2f} s)"
        if not args.no_baseline:
            bp, br, bf, btook, _ = score(baseline, pool_texts, pool_gold)
            line += f" | baseline P {bp:.3f} R {br:.3f} F1 {bf:.3f} ({btook:.2f} s)"
        print(line, flush=True)
    if args.speed:
        if len(pooled) < args.speed:
            sys.exit(f"--speed {args.speed}: the corpora given hold only {len(pooled)} reports")
        sample = pooled[:args.speed]
        for label, grouper in (("new", neardup.groups), ("baseline", baseline)):
            if label == "baseline" and args.no_baseline:
                continue
            before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            start = time.perf_counter()
            found = grouper(enumerate(sample))
            took = time.perf_counter() - start
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            print(f"{label}: {len(sample)} reports in {took:.2f} s, {len(found)} groups; peak RSS {peak // 1024} MB "
                  f"(was {before // 1024} MB before)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
