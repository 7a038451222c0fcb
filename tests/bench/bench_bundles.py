"""Bundle throughput and memory: export, verify and encrypted export of 1 GiB of payload.

    python tests/bench/bench_bundles.py [--mib 1024] [--files 8] [--dir DIR]

The payload is --files files of already-compressed data (random bytes named
*.pdf, so they are stored, as PDFs and images are). Each operation runs in a
child process, timed, with its peak resident set (ru_maxrss). Baselines
measured in the same run on the same files:

- `openssl dgst -sha256` (the yardstick the issue names; SHA-NI where the CPU has it);
- `cat FILES > out && sync`: writing the same bytes to the same disk, which bounds any export;
- the stock `age -r` on the plain bundle, for the encrypted export, and pyrage's own encrypt_io
  from that plain file (no application code), to show what the binding itself costs.

Targets: export and verify at >= 0.5 x openssl; encrypted export >= 0.7 x age; peak memory < 200 MB.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import sys, time, resource
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from nia_desktop.core.bundles.write import Signer, Source, write_bundle
from nia_desktop.core.bundles.verify import TrustedKey, verify_bundle
from nia_desktop.core.signing import fingerprint
key = Ed25519PrivateKey.from_private_bytes(bytes(32))
fp = fingerprint(key.public_key())
what, payload, out = sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4])
start = time.perf_counter()
if what == "verify":
    verify_bundle(out, lambda f: TrustedKey("bench", fp, key.public_key()) if f == fp else None,
                  "2026-01-01T00:00:00Z")
else:
    recipients = [sys.argv[5]] if what == "encrypt" else None
    write_bundle(out, "reports", [Source(p.name, path=p) for p in sorted(payload.glob("*.pdf"))],
                 Signer("bench", key), 1, "2026-01-01T00:00:00Z", {"seq": 0, "hash": ""}, recipients)
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


PYRAGE = """
import sys, pyrage
from pyrage import x25519
with open(sys.argv[2], "rb") as plain, open(sys.argv[3], "wb") as out:
    pyrage.encrypt_io(plain, out, [x25519.Recipient.from_str(sys.argv[1])])
"""


NO_DISK = """
import sys, time, subprocess
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import pyrage
from pyrage import x25519
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from nia_desktop.core.bundles import sealed
from nia_desktop.core.bundles import write as w
recipient, payload, plain, runs = sys.argv[2], Path(sys.argv[3]), sys.argv[4], int(sys.argv[5])
key = Ed25519PrivateKey.from_private_bytes(bytes(32))
sources = [w.Source(p.name, path=p) for p in sorted(payload.glob("*.pdf"))]
names = [w.PAYLOAD + s.name for s in sources]
times = {"age": [], "pyrage": [], "export": []}
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run(["age", "-r", recipient, "-o", "/dev/null", plain], check=True)
    times["age"].append(time.perf_counter() - start)
    start = time.perf_counter()
    with open(plain, "rb", buffering=0) as source, open("/dev/null", "wb", buffering=0) as out:
        pyrage.encrypt_io(source, out, [x25519.Recipient.from_str(recipient)])
    times["pyrage"].append(time.perf_counter() - start)
    start = time.perf_counter()
    with open("/dev/null", "wb", buffering=0) as out:
        stream = w._stream_signed([], "reports", sources, names, w.Signer("bench", key), 1, "2026-01-01T00:00:00Z",
                                  {"seq": 0, "hash": ""}, [recipient], None)
        sealed.encrypt(w._Reader(stream), out, [recipient])
    times["export"].append(time.perf_counter() - start)
print(" ".join(f"{k}={min(v):.3f}" for k, v in times.items()))
"""


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def best(runs: int, command: list[str]) -> float:
    return min(timed(command) for _ in range(runs))


def child(what: str, payload: Path, out: Path, recipient: str = "") -> tuple[float, int]:
    done = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), what, str(payload), str(out), recipient],
                          check=True, capture_output=True, text=True)
    seconds, peak = done.stdout.split()
    return float(seconds), int(peak)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mib", type=int, default=1024)
    parser.add_argument("--files", type=int, default=8)
    parser.add_argument("--dir", type=Path, default=None, help="where payload and bundles go (default: a temp dir)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="nia-bench-bundles-", dir=args.dir))
    try:
        payload = work / "payload"
        payload.mkdir()
        each = args.mib * (1 << 20) // args.files
        for n in range(args.files):
            with (payload / f"scan-{n}.pdf").open("wb") as handle:
                for _ in range(each // (1 << 20)):
                    handle.write(os.urandom(1 << 20))
        files = sorted(str(p) for p in payload.glob("*.pdf"))
        mib = args.mib
        openssl = best(args.runs, ["openssl", "dgst", "-sha256", *files])
        written = work / "cat.out"
        disk = min(timed(["bash", "-c", f"cat {' '.join(files)} > {written} && sync {written}"])
                   for _ in range(args.runs))
        written.unlink()
        results = []
        for _ in range(args.runs):
            out = work / "b.nia"
            out.unlink(missing_ok=True)
            results.append(("export", *child("export", payload, out)))
            results.append(("verify", *child("verify", payload, out)))
        key = work / "age.key"
        subprocess.run(["age-keygen", "-o", str(key)], check=True, capture_output=True)
        recipient = subprocess.run(["age-keygen", "-y", str(key)], check=True, capture_output=True,
                                   text=True).stdout.strip()
        plain = work / "b.nia"
        age = best(args.runs, ["age", "-r", recipient, "-o", str(work / "stock.age"), str(plain)])
        binding = best(args.runs, [sys.executable, "-c", PYRAGE, recipient, str(plain), str(work / "pyrage.age")])
        no_disk = dict(item.split("=") for item in subprocess.run(
            [sys.executable, "-c", NO_DISK, str(ROOT), recipient, str(payload), str(plain), str(max(3, args.runs))],
            check=True, capture_output=True, text=True).stdout.split())
        for _ in range(args.runs):
            sealed = work / "e.nia"
            sealed.unlink(missing_ok=True)
            results.append(("encrypt", *child("encrypt", payload, sealed, recipient)))
        print(f"payload: {mib} MiB in {args.files} stored files, in {work}")
        print(f"baseline openssl dgst -sha256: {openssl:.2f} s = {mib / openssl:.0f} MiB/s")
        print(f"baseline cat > file && sync:  {disk:.2f} s = {mib / disk:.0f} MiB/s (this disk's write speed)")
        print(f"baseline age -r (plain bundle): {age:.2f} s = {mib / age:.0f} MiB/s")
        print(f"baseline pyrage encrypt_io of the same file: {binding:.2f} s = {mib / binding:.0f} MiB/s, "
              f"{age / binding:.2f} x age (interpreter start included)")
        for what in ("export", "verify", "encrypt"):
            seconds = min(s for w, s, _ in results if w == what)
            peak = max(p for w, _, p in results if w == what)
            yardstick = age if what == "encrypt" else openssl
            name = "age" if what == "encrypt" else "openssl"
            print(f"{what:8} {seconds:.2f} s = {mib / seconds:.0f} MiB/s, {yardstick / seconds:.2f} x {name}"
                  + (f", {disk / seconds:.2f} x disk write" if what == "export" else "")
                  + f"; peak memory {peak} MB")
        age_cpu, pyrage_cpu, export_cpu = (float(no_disk[k]) for k in ("age", "pyrage", "export"))
        print(f"no disk (output to /dev/null, in one process): age {age_cpu:.2f} s, pyrage encrypt_io "
              f"{pyrage_cpu:.2f} s = {age_cpu / pyrage_cpu:.2f} x age, encrypted export {export_cpu:.2f} s = "
              f"{age_cpu / export_cpu:.2f} x age")
        print(f"this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
