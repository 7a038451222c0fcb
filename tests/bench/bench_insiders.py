"""What the insider watch costs on a year of audit log at about 2,000 entries a day (issue 14).

    python tests/bench/bench_insiders.py [--days 365] [--users 90] [--runs 3]

Builds a vault whose log holds a simulated year (tests/insider_month.py: each user's own usual day, weekends,
busy days, refusals, late evenings, exports; one analyst reading 20 times their usual on one day near the end),
inserted in bulk with correct hashes, then times services/insiders.watch on an unlocked officer's session:

* ``--days 30`` (the default view): the stream starts at the baseline's lookback, 90 days back, found by
  bisection, so the other nine months of log are never read;
* ``--days 366`` (the most): every entry of the year.

Baseline measured in the same run: reading the same rows from SQLCipher alone (the same query), so the
figure shows what the one-pass tally adds to the reading it cannot avoid. Also printed: how many user-days
were judged and how many of them were flagged (the spike should be the only one).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from nia_desktop.core import audit as chain  # noqa: E402
from nia_desktop.core.insiders import JST, Tally, Window, jst_midnight_utc  # noqa: E402
from nia_desktop.core.store import audit_log, insider_sources  # noqa: E402
from nia_desktop.core.vault.kdf import FLOOR  # noqa: E402
from nia_desktop.services import insiders  # noqa: E402
from nia_desktop.services.session import Session, unlock  # noqa: E402
from nia_desktop.services.vault_setup import init_vault  # noqa: E402
from tests.insider_month import Person, simulate, spike  # noqa: E402

USER, PASSPHRASE = "olive", "olive-bench-passphrase"


def people(count: int, seed: int = 7) -> tuple[Person, ...]:
    """Mostly analysts with usual days from 2 to 60 reads, a few couriers and officers."""
    rng = random.Random(seed)
    found = []
    for n in range(count):
        if n % 15 == 0:
            found.append(Person(f"courier{n:03d}", "courier", 0.0, exports=0.0))
        elif n % 15 == 1:
            found.append(Person(f"officer{n:03d}", "officer", rng.uniform(1, 4), in_cases=1.0, exports=0.0))
        else:
            found.append(Person(f"analyst{n:03d}", "analyst", rng.uniform(2, 60), in_cases=rng.uniform(0.5, 0.9)))
    return tuple(found)


def build(session: Session, days: int, users: int) -> tuple[int, str, str]:
    """Insert a simulated ``days`` ending today (JST), chained from the vault's own entries. Returns the
    number of entries and the spiked user and day."""
    today = datetime.now(UTC).astimezone(JST).date()
    crowd = people(users)
    month = simulate(today - timedelta(days=days - 1), days, seed=3, people=crowd)
    target = next(p for p in crowd if p.role == "analyst")
    spike_day = today - timedelta(days=3)
    spike(month, target.name, target.role, spike_day, int(max(target.reads, 1) * 20))
    db = session.db
    last = audit_log.last(db)
    assert last is not None
    seq, prev = last.seq, last.hash
    rows = []
    for _, ts, actor, role, action, obj, outcome, details, _, _ in month.rows:
        seq += 1
        entry = chain.make_entry(prev, seq=seq, ts=ts, actor=actor, role=role, action=action, object=obj,
                                 outcome=outcome, details=chain.details_from_text(details))
        rows.append((entry.seq, entry.ts, entry.actor, entry.role, entry.action, entry.object, entry.outcome,
                     details, entry.prev_hash, entry.hash))
        prev = entry.hash
        if len(rows) == 50_000:
            _insert(session, rows)
            rows = []
    _insert(session, rows)
    return len(month.rows), target.name, spike_day.isoformat()


def _insert(session: Session, rows: list[tuple[object, ...]]) -> None:
    with session.db.transaction():
        session.db.executemany("INSERT INTO audit (seq, ts, actor, role, action, object, outcome, details, "
                               "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def read_only(session: Session, days: int) -> tuple[int, float]:
    """The rows the watch reads, read and dropped: the floor under its time."""
    window = Window.ending(session.clock.now(), days)
    start = jst_midnight_utc(Tally(window, {}).scan_from - timedelta(days=2))
    after = insiders._last_before(session, start)
    began = time.perf_counter()
    count = sum(len(batch) for batch in insider_sources.row_batches(session.db, after=after, batch=5000))
    return count, time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--days", type=int, default=365, help="days of log to simulate (default 365)")
    parser.add_argument("--users", type=int, default=90, help="people in the simulation (default 90)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nia-bench-insiders-") as tmp:
        root = Path(tmp) / "vault"
        init_vault(root, USER, PASSPHRASE, params=FLOOR, name="bench")
        began = time.perf_counter()
        with unlock(root, USER, PASSPHRASE) as session:
            entries, spiked, spike_day = build(session, args.days, args.users)
        print(f"log: {entries:,} entries over {args.days} days ({entries / args.days:,.0f} a day), "
              f"{args.users} users; built in {time.perf_counter() - began:.1f} s")
        with unlock(root, USER, PASSPHRASE) as session:
            for days in (30, 366):
                scanned, floor = read_only(session, days)
                times = []
                for _ in range(args.runs):
                    began = time.perf_counter()
                    found = insiders.watch(session, days)
                    times.append(time.perf_counter() - began)
                judged = sum(u.active_days for u in found.users)
                flagged = sorted({(f.user, f.day.isoformat()) for f in found.flagged})
                print(f"--days {days}: {min(times):.2f} s best, {max(times):.2f} s worst of {args.runs} "
                      f"({scanned:,} entries read, {scanned / min(times):,.0f} a second); reading the same rows "
                      f"alone {floor:.2f} s; {judged:,} user-days judged, {len(found.flagged)} findings flagged "
                      f"on {len(flagged)} user-days: {flagged[:5]}")
                expected = (spiked, spike_day)
                print(f"  the spiked day ({spiked}, {spike_day}) flagged: {expected in flagged}; "
                      f"others flagged: {[f for f in flagged if f != expected][:5]}")


if __name__ == "__main__":
    main()
