"""Peak memory while importing a 1 GiB file set (target: under 500 MB).

    python tests/bench/bench_memory.py [--mib 1024] [--file-kib 512]

The set is N text files of --file-kib each (English and Japanese, unique), so
the whole gibibyte goes through reading, hashing, the parser children, the
metadata rules, the full-text index and the encrypted database. The import
runs in a child process; its resident set and its parsers' are sampled from
/proc every 0.1 s. Baseline in the same run: the same Python process holding
one file's bytes (the floor of any design that reads a file whole).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench.corpus import report_text

RUNNER = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from tests.bench.bench_import import make_vault
from nia_desktop.services.importing import import_paths
session = make_vault(Path(sys.argv[1]))
outcome = import_paths(session, [Path(sys.argv[2])])
session.close()
print("imported", len(outcome.imported), "refused", len(outcome.refused), flush=True)
"""


def rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            return [int(p) for p in handle.read().split()]
    except OSError:
        return []


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mib", type=int, default=1024)
    parser.add_argument("--file-kib", type=int, default=512)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "set"
        folder.mkdir()
        count = args.mib * 1024 // args.file_kib
        rng = random.Random(5)
        pool = [report_text(i, rng) for i in range(400)]
        for i in range(count):
            parts, size = [f"Subject: file {i}\n\n"], 0
            while size < args.file_kib * 1024:
                text = rng.choice(pool)
                parts.append(text)
                size += len(text.encode())
            (folder / f"f{i:05}.txt").write_text("".join(parts), encoding="utf-8")
        total = sum(p.stat().st_size for p in folder.iterdir())
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", RUNNER, str(Path(tmp) / "vault"), str(folder),
                                 str(Path(__file__).resolve().parents[2])], stdout=subprocess.PIPE, text=True)
        peak_parent = peak_total = 0
        while proc.poll() is None:
            parent = rss_kib(proc.pid)
            tree = parent + sum(rss_kib(c) for c in children(proc.pid))
            peak_parent, peak_total = max(peak_parent, parent), max(peak_total, tree)
            time.sleep(0.1)
        elapsed = time.perf_counter() - start
        out = proc.stdout.read() if proc.stdout else ""
        floor = subprocess.run([sys.executable, "-c", f"b = bytearray({args.file_kib * 1024}); "
                                "print(open('/proc/self/status').read().split('VmRSS:')[1].split()[0])"],
                               capture_output=True, text=True, check=True).stdout.strip()
    print(f"import of {count} files, {total / 2**20:.0f} MiB, in {elapsed:.0f} s ({out.strip()})")
    print(f"peak RSS: importing process {peak_parent / 1024:.0f} MB, with its parser children "
          f"{peak_total / 1024:.0f} MB (target < 500 MB); baseline python holding one file {int(floor) / 1024:.0f} MB")


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    main()
