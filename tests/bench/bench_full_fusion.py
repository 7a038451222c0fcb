"""A full fusion of a whole vault through the service, as `nia fuse` and the desktop run it, beside SudachiPy.

    python tests/bench/bench_full_fusion.py --vault /tmp/f100k --reports 100000      # fills the vault once
    /usr/bin/time -v python tests/bench/bench_full_fusion.py --vault /tmp/f100k       # again: fusion only
    python tests/bench/bench_full_fusion.py --vault /tmp/f30k --reports 30000 --texts /tmp/corpus30000.pkl

The vault: ``--reports`` synthetic contact reports (tests/bench/corpus.synthetic: names, organisations,
selectors, places, English and Japanese; short, about 400 characters), or the generated corpus's parsed reports
from a ``--texts`` pickle (bench_fusion_speed.py writes one), inserted through core/store/reports.insert, 5,000 a
transaction, when the vault does not exist yet. Then, in the same run:
- the baseline: SudachiPy tokenising every report's text, read from the vault 5,000 at a time (one core);
- services.fusion.fuse_kept over every report (above core/fusion/segments.SEGMENT reports, a segment at a time):
  wall time (every report extracted again unless ``--warm``), its ratio to the baseline, cores used (CPU time
  of this process and its workers over wall time) and that CPU time, peak RSS of this process and of its largest
  worker, and the RSS after each segment, so growth with the corpus shows.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench.corpus import AGENCIES, synthetic

ANALYST, ANALYST_PASS = "anna", "anna-passphrase-1"
OFFICER, OFFICER_PASS = "olive", "olive-passphrase-1"


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def fill(vault: Path, count: int, batch: int = 5000, texts: Path | None = None) -> None:
    from nia_desktop.core.classification import Level
    from nia_desktop.core.roles import Role
    from nia_desktop.core.store import reports as store
    from nia_desktop.core.vault.kdf import FLOOR
    from nia_desktop.services.session import unlock
    from nia_desktop.services.users import add_user
    from nia_desktop.services.vault_setup import init_vault

    init_vault(vault, OFFICER, OFFICER_PASS, params=FLOOR)
    with unlock(vault, OFFICER, OFFICER_PASS) as session:
        add_user(session, ANALYST, Role.ANALYST, ANALYST_PASS)
    rng = random.Random(15)
    kept = None
    if texts is not None:  # ReportTexts pickled by bench_fusion_speed.py --texts (generated corpus, parsed)
        import pickle

        kept = pickle.loads(texts.read_bytes())[:count]  # noqa: S301 - a file our own bench wrote
        count = len(kept)
    start = time.perf_counter()
    with unlock(vault, ANALYST, ANALYST_PASS) as session:
        for first in range(0, count, batch):
            with session.db.transaction():
                for i in range(first, min(count, first + batch)):
                    title, text = (kept[i].title, kept[i].text) if kept else (f"contact report {i}", synthetic(i, rng))
                    store.insert(session.db, store.NewReport(
                        sha256=f"{i:064x}", title=title, body=text, agency=AGENCIES[i % 4],
                        classification=Level.SECRET, classification_stated=True, reliability="B", credibility="2",
                        language="en", report_date=f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}", detected_type="text",
                        encoding="utf-8", original_name=f"{i}.txt", path=f"/m/{i}.txt", inner_path="",
                        size=len(text), volume_label="m", volume_path="/m", imported_by=ANALYST,
                        imported_at="2026-12-01T00:00:00Z", import_id=0, parent_id=None, fields={},
                        structured=None), text.encode())
    print(f"filled {count} reports in {time.perf_counter() - start:.0f} s")


def baseline(vault: Path) -> tuple[float, int, int]:
    """SudachiPy over every report's title and text, streamed from the vault: (seconds, reports, characters)."""
    from nia_desktop.core.fusion import names_ja
    from nia_desktop.services.session import unlock

    names_ja.extract("準備")
    tokenizer = names_ja._tokenizer()
    took, count, chars = 0.0, 0, 0
    with unlock(vault, ANALYST, ANALYST_PASS) as session:
        cursor = session.db.execute("SELECT r.title, t.body FROM reports r JOIN report_texts t ON t.report_id = r.id")
        while rows := cursor.fetchmany(5000):
            start = time.perf_counter()
            for title, body in rows:
                tokenizer.tokenize(f"{title}\n{body}")
                chars += len(body)
            took += time.perf_counter() - start
            count += len(rows)
    return took, count, chars


def run(vault: Path, cold: bool = True) -> None:
    from nia_desktop.core.fusion import engine, segments
    from nia_desktop.services import fusion
    from nia_desktop.services.session import unlock

    if cold:  # every report extracted again, as a first fusion of the vault extracts them
        with unlock(vault, ANALYST, ANALYST_PASS) as session, session.db.transaction():
            session.db.execute("DELETE FROM report_extractions")
    engine.load_dictionaries()  # outside the timings, as the desktop loads them at unlock
    base, count, chars = baseline(vault)
    marks: list[tuple[str, int, float, float]] = []
    with unlock(vault, ANALYST, ANALYST_PASS) as session:
        before_self = resource.getrusage(resource.RUSAGE_SELF)
        before_children = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()

        def progress(done: int, total: int, message: str) -> None:
            if message.startswith("fusing") or done == 0:
                marks.append((message, done, time.perf_counter() - start, _rss_mb()))

        counts = fusion.fuse_kept(session, progress=progress)
        took = time.perf_counter() - start
    after_self = resource.getrusage(resource.RUSAGE_SELF)
    after_children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after_self.ru_utime + after_self.ru_stime - before_self.ru_utime - before_self.ru_stime
           + after_children.ru_utime + after_children.ru_stime - before_children.ru_utime - before_children.ru_stime)
    print(f"full fusion of {counts.reports} reports ({chars / 1e6:.0f} M characters), {counts.segments} segment(s) "
          f"of at most {segments.segment_size()}: {took:.1f} s ({counts.entities} entities, {counts.links} links, "
          f"{counts.duplicate_groups} near-duplicate groups)")
    print(f"  baseline: SudachiPy tokenising the same {count} texts {base:.1f} s (one core); ratio {took / base:.2f}x "
          f"(target: <= 4x at 100,000)")
    print(f"  cores used: {cpu / took:.2f} of {os.cpu_count()}; CPU {cpu:.1f} s (this process and its workers: on a "
          f"shared machine a steadier comparison of two versions than the wall time; load average "
          f"{os.getloadavg()[0]:.2f} at the end)")
    print(f"  peak RSS: this process {after_self.ru_maxrss / 1e3:.0f} MB, largest worker "
          f"{after_children.ru_maxrss / 1e3:.0f} MB (target: <= 2 GB, not growing with the corpus)")
    for stage, _, at, rss in marks:
        print(f"    {stage:<28} at {at:7.1f} s  RSS {rss:6.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--vault", type=Path, required=True)
    parser.add_argument("--reports", type=int, default=100_000, help="reports to fill a new vault with")
    parser.add_argument("--texts", type=Path, help="fill with these generated reports instead (a pickle written by "
                        "bench_fusion_speed.py --texts)")
    parser.add_argument("--warm", action="store_true", help="keep the extractions an earlier fusion cached")
    args = parser.parse_args()
    if not args.vault.exists():
        fill(args.vault, args.reports, texts=args.texts)
    run(args.vault, cold=not args.warm)


if __name__ == "__main__":
    main()
