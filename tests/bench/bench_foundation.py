"""Foundation figures: window-on-screen time, unlock time split, CLI start-up.

Baselines measured in the same run:
* a bare Python + PySide6 program that shows one empty window;
* `python -c pass` for the CLI;
* one Argon2id derivation at the vault's parameters for unlock.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv)
w = QWidget(); w.resize(800, 600); w.show()
def report():
    print(f"NIA_WINDOW_SHOWN {time.time():.6f}", flush=True); app.quit()
QTimer.singleShot(0, report)
app.exec()
"""


def time_to_window(cmd: list[str], env: dict[str, str]) -> float:
    start = time.time()
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=60, check=True).stdout
    shown = next(line for line in out.splitlines() if line.startswith("NIA_WINDOW_SHOWN"))
    return float(shown.split()[1]) - start


def median_of(runs: int, fn) -> float:  # type: ignore[no-untyped-def]
    fn()  # warm the page cache
    return statistics.median(fn() for _ in range(runs))


def wall(cmd: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, capture_output=True, env=env, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--platform", default="offscreen")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    bindir = Path(sys.executable).parent
    env = {**os.environ, "QT_QPA_PLATFORM": args.platform}

    from nia_desktop.core.vault import keyslots
    from nia_desktop.core.vault.kdf import derive_kek
    from nia_desktop.core.vault.keyslots import SlotFile
    from nia_desktop.services.session import unlock
    from nia_desktop.services.vault_setup import init_vault

    with tempfile.TemporaryDirectory() as tmp:
        vault = Path(tmp) / "vault"
        init_vault(vault, "olive", "bench-passphrase-1")  # default: calibrated, >= RFC 9106
        env["NIA_CONFIG_DIR"] = str(Path(tmp) / "config")

        bare = median_of(args.runs, lambda: time_to_window([sys.executable, "-c", BARE_WINDOW], env))
        ours = median_of(args.runs, lambda: time_to_window(
            [str(bindir / "nia-desktop"), "--vault", str(vault)], {**env, "NIA_STARTUP_PROBE": "1"}))

        slot = SlotFile.load(vault / "keyslots.json").slots["olive"]
        # Time the KDF inside each unlock, so "all but the KDF" is measured, not subtracted across runs.
        inside: list[float] = []

        def timed_kdf(*a, **k):  # type: ignore[no-untyped-def]
            start = time.perf_counter()
            try:
                return derive_kek(*a, **k)
            finally:
                inside.append(time.perf_counter() - start)

        keyslots.derive_kek = timed_kdf
        unlock_times, rest_times = [], []
        for _ in range(args.runs):
            inside.clear()
            start = time.perf_counter()
            session = unlock(vault, "olive", "bench-passphrase-1")
            unlocked = time.perf_counter() - start
            session.close()
            unlock_times.append(unlocked)
            rest_times.append(unlocked - sum(inside))
        keyslots.derive_kek = derive_kek
        total, rest = statistics.median(unlock_times), statistics.median(rest_times)
        kdf = total - rest

        python_pass = median_of(args.runs, lambda: wall([sys.executable, "-c", "pass"]))
        nia_help = median_of(args.runs, lambda: wall([str(bindir / "nia"), "--help"]))

    p = slot.kdf
    print(f"platform: {args.platform}; median of {args.runs} runs; Argon2id m={p.memory_kib // 1024} MiB "
          f"t={p.iterations} p={p.lanes}")
    print(f"{'measure':44} {'ours':>9} {'baseline':>9}  target")
    print(f"{'unlock window on screen (s)':44} {ours:9.3f} {bare:9.3f}  < 1.0 (baseline: bare PySide6 window)")
    print(f"{'unlock, total (s)':44} {total:9.3f} {kdf:9.3f}  0.5-1.2 (baseline: the Argon2id inside it)")
    print(f"{'unlock, all but the KDF (ms)':44} {rest * 1000:9.1f} {'':>9}  < 100")
    print(f"{'nia --help (s)':44} {nia_help:9.3f} {python_pass:9.3f}  < 0.3 (baseline: python -c pass)")


if __name__ == "__main__":
    main()
