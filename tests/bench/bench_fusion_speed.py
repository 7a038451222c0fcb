"""Full fusion time over N reports, beside a baseline from the same run.

    python tests/bench/bench_fusion_speed.py --reports 10000
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
    parser.add_argument("--stored", type=int, default=0, metavar="N",
                        help="instead: time an import in a new session into a stored fusion of N reports")
    args = parser.parse_args()
    if args.stored:
        from_stored(args.stored)
        return
    if args.incremental:
        incremental(args.incremental)
        return
    from nia_desktop.core.fusion import names_ja
    from nia_desktop.core.fusion.engine import fuse

    with tempfile.TemporaryDirectory() as tmp:
        reports = texts(args.reports, Path(tmp))
    names_ja.extract("準備")  # load the dictionary outside the timings
    start = time.perf_counter()
    tokenizer = names_ja._tokenizer()
    for report in reports:
        tokenizer.tokenize(report.title + "\n" + report.text)
    baseline = time.perf_counter() - start
    extracted: dict = {}  # type: ignore[type-arg]
    start = time.perf_counter()
    result = fuse(reports, extracted=extracted)
    took = time.perf_counter() - start
    print(f"full fusion of {len(reports)} reports: {took:.1f} s ({len(result.entities)} entities, "
          f"{len(result.links)} links, {len(result.duplicates)} near-duplicate groups)   baseline: Sudachi "
          f"tokenising the same texts {baseline:.1f} s   (target: <= 60 s)")
    start = time.perf_counter()
    fuse(reports, extracted=extracted)
    print(f"again, with every report's extraction kept from the first run: {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
