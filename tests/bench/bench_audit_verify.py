"""What `nia audit verify` costs on a long log, full and incremental (issue #11), beside sha256sum.

    python tests/bench/bench_audit_verify.py [--entries 1000000] [--append 1000] [--seal-every 200] [--profile]

Builds a vault whose log holds N synthetic entries (inserted in bulk with correct hashes, a signed seal every
--seal-every entries as sessions would leave), then times, each through services/auditing.verify on an
unlocked session (the unlock itself is timed apart):

* the full verification, from genesis (`nia audit verify --full`);
* the incremental one after --append more entries (the officer's daily `nia audit verify`).

Baselines measured in the same run: ``sha256sum`` over exactly the bytes the verifier hashes (each entry's
previous hash and canonical JSON, dumped to a file in /dev/shm: synthetic, not report content), and reading
the rows alone from SQLCipher without checking anything.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from nia_desktop.core import audit as chain  # noqa: E402
from nia_desktop.core.canonical import canonical_json  # noqa: E402
from nia_desktop.core.clock import iso_utc  # noqa: E402
from nia_desktop.core.signing import SigningContext  # noqa: E402
from nia_desktop.core.store import audit_log, workstation_keys  # noqa: E402
from nia_desktop.core.vault.kdf import FLOOR  # noqa: E402
from nia_desktop.services import auditing  # noqa: E402
from nia_desktop.services.session import Session, unlock  # noqa: E402
from nia_desktop.services.vault_setup import init_vault  # noqa: E402

USER, PASSPHRASE = "olive", "olive-bench-passphrase"
ACTIONS = [("unlock", "ok", {}), ("report.view", "ok", {"report": 1234}), ("search", "ok", {"hits": 17}),
           ("case.add", "ok", {"reports": [12, 13]}), ("release.approve", "refused", {"reason": "same author"}),
           ("import", "ok", {"files": 40, "agency": "MOFA"}), ("session.close", "ok", {})]
ACTORS = [("anna", "analyst"), ("carl", "courier"), ("olive", "officer"), ("kenji", "analyst")]


def build(session: Session, count: int, seal_every: int, dump: Path | None) -> None:
    """Append ``count`` entries and a seal every ``seal_every``, in batches of one transaction each."""
    db, vault_id = session.db, session.vault.meta.vault_id
    key = workstation_keys.audit_key(db)
    last = audit_log.last(db)
    assert last is not None
    seq, prev = last.seq, last.hash
    base = datetime.fromisoformat(last.ts.replace("Z", "+00:00"))
    out = dump.open("ab") if dump else None
    done = 0
    while done < count:
        rows, seals = [], []
        for _ in range(min(50_000, count - done)):
            seq += 1
            done += 1
            action, outcome, details = ACTIONS[seq % len(ACTIONS)]
            actor, role = ACTORS[seq % len(ACTORS)]
            entry = chain.make_entry(prev, seq=seq, ts=iso_utc(base + timedelta(microseconds=done)), actor=actor,
                                     role=role, action=action, object=f"case-{seq % 977}", outcome=outcome,
                                     details=details)
            if out is not None:
                out.write(bytes.fromhex(prev) + canonical_json(entry.body()))
            rows.append((entry.seq, entry.ts, entry.actor, entry.role, entry.action, entry.object, entry.outcome,
                         chain.details_json(entry.details), entry.prev_hash, entry.hash))
            prev = entry.hash
            if seq % seal_every == 0:
                seals.append(chain.sign_head(key, SigningContext.AUDIT_HEAD, vault_id, seq, prev, entry.ts))
        with db.transaction():
            db.executemany("INSERT INTO audit (seq, ts, actor, role, action, object, outcome, details, prev_hash, "
                           "hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            for head in seals:
                audit_log.add_seal(db, head)
    if out is not None:
        out.close()


def timed_verify(root: Path, full: bool, profile: bool = False) -> tuple[float, float, chain.ChainReport]:
    """(unlock seconds, verify seconds, report)."""
    start = time.perf_counter()
    session = unlock(root, USER, PASSPHRASE)
    opened = time.perf_counter()
    profiler = cProfile.Profile() if profile else None
    if profiler:
        profiler.enable()
    report = auditing.verify(session, full=full)
    done = time.perf_counter()
    if profiler:
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(18)
    session.close()
    return opened - start, done - opened, report


def read_rows_only(root: Path) -> float:
    with unlock(root, USER, PASSPHRASE) as session:
        start = time.perf_counter()
        for _batch in audit_log.row_batches(session.db):
            pass
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--append", type=int, default=1000)
    parser.add_argument("--seal-every", type=int, default=200)
    parser.add_argument("--profile", action="store_true", help="print a cProfile of the full verification")
    parser.add_argument("--keep", action="store_true", help="keep the vault (its path is printed)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-audit-"))
    shm = Path("/dev/shm") if Path("/dev/shm").is_dir() else Path(tempfile.gettempdir())
    dump = shm / f"bench-audit-{os.getpid()}.bin"
    root = work / "vault"
    try:
        init_vault(root, USER, PASSPHRASE, params=FLOOR, name="Audit bench")
        with unlock(root, USER, PASSPHRASE) as session:
            start = time.perf_counter()
            # Every entry up to now, and then the synthetic ones, go into the dump the baseline hashes.
            with dump.open("wb") as out:
                for entry in audit_log.iter_entries(session.db):
                    out.write(bytes.fromhex(entry.prev_hash) + canonical_json(entry.body()))
            build(session, args.entries, args.seal_every, dump)
            built = time.perf_counter() - start
        size = (root / "vault.db").stat().st_size
        print(f"built {args.entries:,} entries (a seal every {args.seal_every}) in {built:.1f} s; "
              f"vault.db {size / 2**20:,.0f} MiB; hashed bytes {dump.stat().st_size / 2**20:,.0f} MiB")

        start = time.perf_counter()
        subprocess.run(["sha256sum", str(dump)], check=True, capture_output=True)
        baseline = time.perf_counter() - start
        reading = read_rows_only(root)
        unlock_s, full_s, full = timed_verify(root, full=True, profile=args.profile)
        assert full.ok, full.reason
        print(f"baseline: sha256sum over the same bytes                  {baseline:8.2f} s")
        print(f"baseline: reading the rows from SQLCipher, no checks      {reading:8.2f} s")
        print(f"full verification ({full.entries:,} entries)              {full_s:8.2f} s "
              f"({full_s / max(baseline, 1e-9):.1f}x sha256sum)")

        with unlock(root, USER, PASSPHRASE) as session:
            build(session, args.append, args.seal_every, None)
        unlock_s, incremental_s, incremental = timed_verify(root, full=False)
        assert incremental.ok and not incremental.full, incremental.reason
        walked = incremental.entries - incremental.from_seq
        print(f"incremental verification ({walked:,} new entries)            {incremental_s:8.3f} s "
              f"(+ unlock {unlock_s:.2f} s at the floor KDF parameters)")
        if args.keep:
            print(f"vault kept at {root} (user {USER}, passphrase {PASSPHRASE})")
    finally:
        dump.unlink(missing_ok=True)
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
