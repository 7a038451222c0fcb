"""Full fusion time over N reports, beside a baseline from the same run.

    python tests/bench/bench_fusion_speed.py --reports 10000 [--texts /tmp/texts.pickle] [--again]
    python tests/bench/bench_fusion_speed.py --incremental 100000      # one report into 100,000
    python tests/bench/bench_fusion_speed.py --stored 10000            # an import in a new session (the CLI)

The reports come from the sample corpus's generator (../shared/corpus/make_corpus.py),
run with several seeds of 2,000 reports each (its entity pool runs out above
that), parsed once in-process. Fusion is timed on the texts, as `nia fuse`
runs it after reading them from the vault. Baseline: SudachiPy alone
tokenising the same texts (the one library pass fusion cannot avoid).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
GENERATOR = ROOT.parent / "shared" / "corpus" / "make_corpus.py"


def texts(count: int, work: Path):  # type: ignore[no-untyped-def]
    from nia_desktop.core.fusion.engine import ReportText
    from nia_desktop.core.ingest.limits import Limits
    from nia_desktop.core.ingest.parse import parse_file

    reports: list[ReportText] = []
    seed = 7
    while len(reports) < count:
        out = work / f"c{seed}"
        subprocess.run([sys.executable, str(GENERATOR), "--seed", str(seed), "--n", "2000", "--out", str(out),
                        "--force", "--no-verify"], check=True, capture_output=True)
        for path in sorted((out / "reports").rglob("*")):
            if path.is_file() and len(reports) < count:
                for document in parse_file(path.read_bytes(), path.name, Limits()):
                    reports.append(ReportText(len(reports) + 1, document.title, document.text))
        seed += 1
    return reports[:count]


def incremental(count: int, added: int = 50) -> None:
    """Fuse ``count`` synthetic reports in full, then time adding reports one at a time to the index."""
    import random
    import statistics

    from nia_desktop.core.fusion.engine import ReportText, content_only, fuse
    from nia_desktop.core.fusion.incremental import FusionIndex
    from tests.bench.corpus import synthetic

    rng = random.Random(9)
    reports = [ReportText(i + 1, f"contact report {i}", synthetic(i, rng)) for i in range(count + added)]
    start = time.perf_counter()
    result = fuse(reports[:count])
    index = FusionIndex(result, {r.id: content_only(r) for r in reports[:count]})
    built = time.perf_counter() - start
    times = []
    for report in reports[count:]:
        start = time.perf_counter()
        index.add(report)
        times.append(time.perf_counter() - start)
    times.sort()
    print(f"incremental fusion into {count} reports (full fusion and index built in {built:.0f} s): one report "
          f"p50 {statistics.median(times) * 1000:.1f} ms, p95 {times[int(len(times) * 0.95) - 1] * 1000:.1f} ms "
          f"over {added}   (target: <= 100 ms)")


def from_stored(count: int, added: int = 20) -> None:
    """What an import in a new session (every `nia import`) adds: read the stored fusion of ``count`` reports,
    build an index from it, fuse reports in, store the grown result. Baseline: json.loads of the same text."""
    import json
    import random
    import statistics

    from nia_desktop.core.fusion.engine import ReportText, content_only, fuse
    from nia_desktop.core.fusion.incremental import FusionIndex
    from nia_desktop.core.fusion.stored import from_stored as read_stored
    from nia_desktop.core.fusion.stored import to_stored
    from nia_desktop.core.store.fusion import _dumps_in_pieces
    from tests.bench.corpus import synthetic

    rng = random.Random(9)
    reports = [ReportText(i + 1, f"contact report {i}", synthetic(i, rng)) for i in range(count + added)]
    contents = {r.id: content_only(r) for r in reports}
    text = _dumps_in_pieces(to_stored(fuse(reports[:count]))).decode()
    start = time.perf_counter()
    json.loads(text)
    baseline = time.perf_counter() - start
    start = time.perf_counter()
    result = read_stored(json.loads(text))
    assert result is not None
    index = FusionIndex(result, None, load=lambda ids: {i: contents[i] for i in ids})
    built = time.perf_counter() - start
    times = []
    for report in reports[count:]:
        start = time.perf_counter()
        index.add(report)
        times.append(time.perf_counter() - start)
    start = time.perf_counter()
    _dumps_in_pieces(to_stored(index.result))
    stored = time.perf_counter() - start
    print(f"import into a stored fusion of {count} reports ({len(text) / 1e6:.1f} MB): read and index "
          f"{built:.2f} s, each report p50 {statistics.median(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms, "
          f"store again {stored:.2f} s   baseline: json.loads of the stored text {baseline:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=10000)
    parser.add_argument("--incremental", type=int, default=0, metavar="N",
                        help="instead: time adding one report to N synthetic reports already fused")
    parser.add_argument("--texts", type=Path, help="keep the generated texts in this file and reuse them")
    parser.add_argument("--again", action="store_true", help="also time a second fusion with extractions kept")
    parser.add_argument("--stored", type=int, default=0, metavar="N",
                        help="instead: time an import in a new session into a stored fusion of N reports")
    args = parser.parse_args()
    if args.stored:
        from_stored(args.stored)
        return
    if args.incremental:
        incremental(args.incremental)
        return
    full(args.reports, args.texts, args.again)


def _cached_texts(count: int, keep: Path | None):  # type: ignore[no-untyped-def]
    """The generated texts, kept in ``keep`` (a pickle of our own making) to skip the generator next time."""
    import pickle

    if keep is not None and keep.exists():
        reports = pickle.loads(keep.read_bytes())  # noqa: S301 - a file this bench wrote
        if len(reports) >= count:
            return reports[:count]
    with tempfile.TemporaryDirectory() as tmp:
        reports = texts(count, Path(tmp))
    if keep is not None:
        keep.write_bytes(pickle.dumps(reports))
    return reports


def _rss_mb() -> float:
    """This process's resident memory now (Linux), in MB."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
    except OSError:
        return 0.0


def full(count: int, keep: Path | None = None, again: bool = False) -> None:
    """Full fusion of ``count`` reports beside SudachiPy tokenising the same texts, in the same run: wall time,
    their ratio, cores used (CPU time of this process and its workers over wall time), peak memory of each, and
    where the time and memory went, phase by phase."""
    import resource

    from nia_desktop.core.fusion import engine, names_ja

    reports = _cached_texts(count, keep)
    engine.load_dictionaries()  # outside the timings, as the desktop loads them at unlock
    names_ja.extract("準備")
    start = time.perf_counter()
    tokenizer = names_ja._tokenizer()
    for report in reports:
        tokenizer.tokenize(report.title + "\n" + report.text)
    baseline = time.perf_counter() - start
    before_self, before_children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(
        resource.RUSAGE_CHILDREN)
    held = _rss_mb()
    phases: list[tuple[str, float, float]] = []
    start = time.perf_counter()
    engine.PHASES = lambda name: phases.append((name, time.perf_counter() - start, _rss_mb()))
    extracted: dict = {}  # type: ignore[type-arg]
    result = engine.fuse(reports, extracted=extracted)
    took = time.perf_counter() - start
    engine.PHASES = None
    after_self, after_children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(
        resource.RUSAGE_CHILDREN)
    cpu_self = after_self.ru_utime + after_self.ru_stime - before_self.ru_utime - before_self.ru_stime
    cpu_children = (after_children.ru_utime + after_children.ru_stime - before_children.ru_utime
                    - before_children.ru_stime)
    print(f"full fusion of {len(reports)} reports ({sum(len(r.text) for r in reports) / 1e6:.0f} MB of text): "
          f"{took:.1f} s ({len(result.entities)} entities, {len(result.links)} links, "
          f"{len(result.duplicates)} near-duplicate groups)")
    print(f"  baseline: SudachiPy tokenising the same texts {baseline:.1f} s (one core); ratio {took / baseline:.2f}x "
          f"(target: <= 4x at 100,000)")
    print(f"  CPU: this process {cpu_self:.1f} s, workers {cpu_children:.1f} s; cores used "
          f"{(cpu_self + cpu_children) / took:.2f} of {os.cpu_count()}")
    print(f"  peak RSS: this process {after_self.ru_maxrss / 1e3:.0f} MB (of which {held:.0f} MB held before fusion: "
          f"the texts, dictionaries and the baseline), largest worker {after_children.ru_maxrss / 1e3:.0f} MB "
          f"(target: <= 2 GB)")
    last = 0.0
    for name, at, rss in phases:
        print(f"    {name:<26} {at - last:6.1f} s  (at {at:6.1f} s)  RSS {rss:6.0f} MB")
        last = at
    if again:
        start = time.perf_counter()
        engine.fuse(reports, extracted=extracted)
        print(f"again, with every report's extraction kept from the first run: {time.perf_counter() - start:.1f} s")

if __name__ == "__main__":
    main()
