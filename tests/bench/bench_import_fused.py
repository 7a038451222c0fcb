"""`nia import` of 100 reports into a fused vault, beside the unlock alone (issue 15's target: at most 1 s plus
50 ms a report beyond unlock, at a million reports).

    python tests/bench/bench_import_fused.py --reports 20000 [--vault /tmp/f20k] [--new 100] [--runs 3]

The vault: ``--reports`` synthetic contact reports (tests/bench/corpus.synthetic: names, organisations,
selectors, places) inserted through core/store/reports.insert, 5,000 a transaction. Its fused state is built
without a full fusion (too slow and heavy at 100,000 today): the first 2,000 reports are fused in full and
written to the tables (core/store/fusion_state.replace), every other report is then added through the
table-backed index (core/fusion/incremental.TableIndex), 5,000 a transaction, extracted on every core first.
An existing ``--vault`` is reused (its state is kept beside it in bench-fused.json).

Then, in the same run: the baseline, `nia reports --limit 1` (unlock, one indexed page: what every command
pays), and `nia import` of a folder of ``--new`` new .txt reports (parsing in the sandbox, storing, fusing into
the kept fusion), each a real subprocess of the installed CLI; a fresh folder for each run. Printed: both
medians and the import's cost beyond the baseline, per report.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench.corpus import AGENCIES, synthetic

ANALYST, ANALYST_PASS = "anna", "anna-passphrase-1"
OFFICER, OFFICER_PASS = "olive", "olive-passphrase-1"
FULL = 2000  # reports fused in full before the rest are added incrementally
NIA = str(Path(sys.executable).with_name("nia")) if Path(sys.executable).with_name("nia").exists() \
    else shutil.which("nia") or "nia"


def fill(vault: Path, count: int, batch: int = 5000) -> None:
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
    start = time.perf_counter()
    with unlock(vault, ANALYST, ANALYST_PASS) as session:
        for first in range(0, count, batch):
            with session.db.transaction():
                for i in range(first, min(first + batch, count)):
                    text = synthetic(i, rng)
                    body = text.encode()
                    store.insert(session.db, store.NewReport(
                        sha256=f"{i:064x}", title=f"contact {i}", body=text, agency=AGENCIES[i % 4],
                        classification=Level.SECRET, classification_stated=True, reliability="B",
                        credibility="2", language="en", report_date=f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}",
                        detected_type="text", encoding="utf-8", original_name=f"{i}.txt", path=f"/m/{i}.txt",
                        inner_path="", size=len(body), volume_label="m", volume_path="/m", imported_by=ANALYST,
                        imported_at="2026-03-01T00:00:00Z", import_id=0, parent_id=None, fields={},
                        structured=None), body)
    print(f"inserted {count:,} reports in {time.perf_counter() - start:.0f} s", flush=True)


def fuse_state(vault: Path, count: int, batch: int = 5000) -> float:
    """The kept fusion of every report for the analyst's access, built as described above; seconds taken."""
    from nia_desktop.core.fusion import workers
    from nia_desktop.core.fusion.engine import content_only, extract, fuse
    from nia_desktop.core.fusion.incremental import TableIndex
    from nia_desktop.core.fusion.nodes import ReportText
    from nia_desktop.core.store import fusion_state as state
    from nia_desktop.core.store.fusion import run_scope
    from nia_desktop.services.session import unlock

    start = time.perf_counter()
    with unlock(vault, ANALYST, ANALYST_PASS) as session:
        db = session.db
        key = run_scope("", session.access().key())

        def texts(first: int, last: int) -> list[ReportText]:
            return [ReportText(int(i), str(t), str(b)) for i, t, b in db.query(
                "SELECT r.id, r.title, x.body FROM reports r JOIN report_texts x ON x.report_id = r.id "
                "WHERE r.id > ? AND r.id <= ? ORDER BY r.id", (first, last))]

        (top,) = db.query("SELECT max(id) FROM reports")[0]
        head = texts(0, FULL)
        result = fuse(head)
        with db.transaction():
            state.save_samples(db, [(r.id, sorted(state.sample(content_only(r)))) for r in head])
            sid = state.replace(db, key, ANALYST, "2026-03-02T00:00:00Z", result, [r.id for r in head])
        print(f"  full fusion of {len(head):,}: {time.perf_counter() - start:.0f} s", flush=True)
        done = FULL
        while done < int(top):
            chunk = texts(done, done + batch)
            found = workers.extract_all(chunk, [], extract)
            with db.transaction():
                index = TableIndex(db, sid, at="2026-03-02T00:00:00Z")
                for report in chunk:
                    index.add(report, found[report.id])
            done += batch
            if done // 10_000 != (done - batch) // 10_000:
                print(f"  {done:>9,} fused  {time.perf_counter() - start:7.0f} s", flush=True)
    return time.perf_counter() - start


def nia(vault: Path, *args: str) -> tuple[float, subprocess.CompletedProcess[str]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NIA_")}
    env.update({"NIA_VAULT": str(vault), "NIA_USER": ANALYST, "NIA_PASSPHRASE": ANALYST_PASS})
    start = time.perf_counter()
    done = subprocess.run([NIA, *args], capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL,
                          check=False, timeout=3600)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"nia {' '.join(args)} failed: {done.stderr[-2000:]}")
    return elapsed, done


def new_folder(root: Path, run: int, count: int) -> Path:
    """``count`` reports never imported before (numbered from the clock: a vault is measured again and again)."""
    folder = root / f"new-{run}"
    folder.mkdir(parents=True, exist_ok=True)
    first = 10_000_000 + time.time_ns() // 1000 % 10**9 * 1000
    rng = random.Random(first)
    for n in range(count):
        (folder / f"new-{run}-{n}.txt").write_text(synthetic(first + n, rng), encoding="utf-8")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--vault", type=Path, default=None)
    parser.add_argument("--new", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    vault = args.vault or Path(f"/tmp/nia-bench-fused-{args.reports}")
    marker = vault / "bench-fused.json"
    if not marker.exists():
        if vault.exists():
            shutil.rmtree(vault)
        fill(vault, args.reports)
        seconds = fuse_state(vault, args.reports)
        marker.write_text(json.dumps({"reports": args.reports, "fuse_seconds": round(seconds, 1)}))
        print(f"fused state of {args.reports:,} reports built in {seconds:.0f} s", flush=True)
    work = vault.parent / (vault.name + "-new")
    shutil.rmtree(work, ignore_errors=True)
    baseline, imports = [], []
    for run in range(args.runs):
        baseline.append(nia(vault, "reports", "--limit", "1", "--json")[0])
        elapsed, done = nia(vault, "import", str(new_folder(work, run, args.new)), "--agency", "CIRO", "--json")
        fused = json.loads(done.stdout).get("fused")
        if not fused or fused.get("reports") != args.new:
            raise SystemExit(f"the import did not fuse into the kept fusion: {fused}")
        imports.append(elapsed)
        print(f"  run {run + 1}: unlock+page {baseline[-1]:.2f} s, import {elapsed:.2f} s "
              f"(fused {fused['reports']}, new entities {fused['new_entities']}, pending {fused.get('pending')})",
              flush=True)
    base, imp = statistics.median(baseline), statistics.median(imports)
    beyond = imp - base
    print(f"{args.reports:,} reports: baseline (nia reports --limit 1) {base:.2f} s; nia import of {args.new} "
          f"{imp:.2f} s; beyond unlock {beyond:.2f} s = {1000 * beyond / args.new:.0f} ms a report "
          f"(target: 1 s + 50 ms a report = {1 + 0.05 * args.new:.1f} s)")


if __name__ == "__main__":
    main()
