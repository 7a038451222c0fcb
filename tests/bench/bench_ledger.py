"""How fast the dissemination ledger answers (issue 14): who-has, sent, outstanding, stale, at scale.

    python tests/bench/bench_ledger.py --reports 100000 --products 10000     # the issue's target: < 1 s each
    python tests/bench/bench_ledger.py --reports 10000 --products 1000       # a quick look

Target (issue 14): every ledger query answers in under 1 s at 100,000 reports and 10,000 products.

The vault is filled through the store (as bench_need_to_know.py fills its vault): ``--reports`` short reports,
six consumers, ``--products`` products each deriving from 5-40 reports (a few popular reports are cited by
hundreds of products, as a key source is) and carrying an assessment now and then, each released to one to
three consumers; a third of the copies acknowledged, a few notices; then 200 reports re-marked and 100
re-graded (what `nia ledger stale` finds). Each query is then asked through the
services exactly as `nia ledger` asks it (permission check, need-to-know, the audit entry it writes), 30 times
with different arguments, as an analyst and as an officer.

Baselines from the same run, on the same vault:
* one primary-key read of a report row (the floor for any answer);
* a full scan of the product_reports table (what who-has would cost without its index).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

OFFICER, ANALYST = ("olive", "olive-passphrase-1"), ("anna", "anna-passphrase-1")
CONSUMERS = [("kantei", 3), ("nss", 3), ("mofa", 2), ("mod", 2), ("npa", 1), ("partner", 1)]


def make_vault(root: Path, reports: int, products: int) -> tuple[float, float]:
    """Fill the vault; returns the seconds the reports and the ledger took."""
    from nia_desktop.core.classification import Level
    from nia_desktop.core.markings import SPECIALLY_DESIGNATED_SECRET
    from nia_desktop.core.roles import Role
    from nia_desktop.core.store import clearances as marks
    from nia_desktop.core.store import ledger
    from nia_desktop.core.store import reports as store
    from nia_desktop.core.vault.kdf import FLOOR
    from nia_desktop.services.session import unlock
    from nia_desktop.services.users import add_user
    from nia_desktop.services.vault_setup import init_vault

    init_vault(root, *OFFICER, params=FLOOR)
    with unlock(root, *OFFICER) as officer:
        add_user(officer, ANALYST[0], Role.ANALYST, ANALYST[1], clearance=Level.TOP_SECRET)
    rng = random.Random(14)
    start = time.perf_counter()
    with unlock(root, *ANALYST) as session:
        db = session.db
        for first in range(0, reports, 5000):
            with db.transaction():
                for i in range(first, min(first + 5000, reports)):
                    text = f"contact report {i}: a meeting in Roppongi, payment {i * 37 % 1000} million yen."
                    report_id = store.insert(db, store.NewReport(
                        sha256=f"{i:064x}", title=f"contact report {i}", body=text,
                        agency=("NPA", "CIRO", "MOFA", "DIH")[i % 4], classification=Level(i % 4),
                        classification_stated=True, reliability="B", credibility="2", language="en",
                        report_date=f"2026-03-{i % 28 + 1:02}", detected_type="text", encoding="utf-8",
                        original_name=f"{i}.txt", path=f"/m/{i}.txt", inner_path="", size=len(text),
                        volume_label="m", volume_path="/m", imported_by=ANALYST[0],
                        imported_at="2026-03-01T00:00:00Z", import_id=0, parent_id=None, fields={},
                        structured=None), text.encode())
                    if i % 20 == 0:
                        marks.set_report_caveats(db, report_id, [SPECIALLY_DESIGNATED_SECRET])
        filled = time.perf_counter() - start
        start = time.perf_counter()
        with db.transaction():
            db.execute("INSERT INTO cases (name, created_by, created_at) VALUES ('bench', 'anna', '2026-03-01')")
            for name, level in CONSUMERS:
                ledger.add_consumer(db, ledger.Consumer(name, f"{name} office", f"age1{name}", "", Level(level), (),
                                                        "olive", "2026-03-01T00:00:00Z"), None)
        popular = [rng.randrange(1, reports + 1) for _ in range(20)]
        sds = (SPECIALLY_DESIGNATED_SECRET,)
        for first in range(0, products, 1000):
            with db.transaction():
                for p in range(first, min(first + 1000, products)):
                    digest = f"{p:064x}"
                    cited = {rng.randrange(1, reports + 1) for _ in range(rng.randint(5, 40))}
                    cited |= {r for r in popular if rng.random() < 0.3}
                    assessments = []
                    if p % 10 == 0:
                        cursor = db.execute("INSERT INTO assessments (case_id, judgement, likelihood, confidence, "
                                            "reports, user, at) VALUES (1, ?, 'likely', 'moderate', ?, 'anna', "
                                            "'2026-03-01')", (f"judgement {p}", json.dumps(sorted(cited)[:3])))
                        assessments.append(int(cursor.lastrowid or 0))
                    day = f"2026-{p * 12 // products + 1:02}-{p % 28 + 1:02}T10:00:00Z"
                    ledger.record_product(db, ledger.Product(digest, "bench", f"Briefing {p}", Level((p % 3) + 1),
                                                             (), "", "anna", day),
                                          [ledger.Derivation(r, Level((r - 1) % 4), sds if (r - 1) % 20 == 0 else (),
                                                             "B2") for r in sorted(cited)],
                                          assessments)
                    for c in rng.sample(CONSUMERS, rng.randint(1, 3)):
                        uuid = f"{p:08x}-0000-4000-8000-{CONSUMERS.index(c):012x}"
                        ledger.record_copy(db, uuid, "product", digest, c[0], "anna", day, f"file /out/{uuid}.nia")
                        if rng.random() < 0.33:
                            ledger.acknowledge(db, uuid, f"r{uuid}", "ff" * 32, day, "accepted")
                    if p % 500 == 0:
                        ledger.record_notice(db, ledger.Notice(f"{p:063x}n", "recall", "bench", "", (digest,), "anna",
                                                               day))
        with db.transaction():  # since released: 200 reports re-marked, 100 re-graded (found by stale)
            for r in rng.sample(range(1, reports + 1), 200):
                db.execute("UPDATE reports SET classification = 3 WHERE id = ?", (r,))
            for r in rng.sample(range(1, reports + 1), 100):
                db.execute("UPDATE reports SET reliability = 'C' WHERE id = ?", (r,))
        return filled, time.perf_counter() - start


def timed(call: Callable[[], Any], rounds: list[float]) -> Any:
    start = time.perf_counter()
    found = call()
    rounds.append(time.perf_counter() - start)
    return found


def line(label: str, times: list[float], note: str = "") -> str:
    ordered = sorted(times)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    return (f"  {label:46} p50 {statistics.median(times) * 1000:8.1f} ms   p95 {p95 * 1000:8.1f} ms   "
            f"max {max(times) * 1000:8.1f} ms  {note}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--products", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()

    from nia_desktop.services import ledger as service
    from nia_desktop.services.session import unlock

    with tempfile.TemporaryDirectory(prefix="nia-bench-ledger-") as tmp:
        root = Path(tmp) / "vault"
        filled, ledgered = make_vault(root, args.reports, args.products)
        print(f"ledger at {args.reports:,} reports and {args.products:,} products "
              f"(filled in {filled:.0f} s + {ledgered:.0f} s)")
        rng = random.Random(7)
        for who in (ANALYST, OFFICER):
            with unlock(root, *who) as session:
                rows = session.db.query("SELECT count(*), count(DISTINCT product) FROM product_reports")[0]
                copies = session.db.query("SELECT count(*) FROM copies")[0][0]
                if who is ANALYST:
                    print(f"  {rows[0]:,} derivations, {copies:,} copies")
                base_pk: list[float] = []
                base_scan: list[float] = []
                for _ in range(args.rounds):
                    report = rng.randrange(1, args.reports + 1)
                    timed(lambda r=report: session.db.query("SELECT * FROM reports WHERE id = ?", (r,)), base_pk)
                for _ in range(5):
                    report = rng.randrange(1, args.reports + 1)
                    timed(lambda r=report: session.db.query(
                        "SELECT count(*) FROM product_reports NOT INDEXED WHERE report_id = ?", (r,)), base_scan)
                print(f"as {who[0]} ({session.role.value}):")
                print(line("baseline: one report row by primary key", base_pk))
                print(line("baseline: product_reports scanned, no index", base_scan))
                readable = [r for (r,) in session.db.query(
                    "SELECT id FROM reports WHERE classification < 3 AND id NOT IN (SELECT report_id FROM "
                    "report_caveats) ORDER BY random() LIMIT ?", (args.rounds,))]
                popular = [r for (r,) in session.db.query(
                    "SELECT report_id FROM product_reports GROUP BY report_id ORDER BY count(*) DESC LIMIT 10")]
                answers: dict[str, list[float]] = {"who-has (a random report)": [], "who-has (a key source)": [],
                                                   "sent (a consumer, first page)": [],
                                                   "outstanding (first page)": [], "stale": []}
                found: dict[str, int] = {k: 0 for k in answers}
                for i in range(args.rounds):
                    some, key_source, consumer = (readable[i % len(readable)], popular[i % len(popular)],
                                                  CONSUMERS[i % len(CONSUMERS)][0])
                    found["who-has (a random report)"] += len(timed(
                        lambda r=some: service.who_has(session, r),
                        answers["who-has (a random report)"]).items)
                    found["who-has (a key source)"] += len(timed(
                        lambda r=key_source: service.who_has(session, r),
                        answers["who-has (a key source)"]).items)
                    found["sent (a consumer, first page)"] += len(timed(
                        lambda c=consumer: service.sent(session, c),
                        answers["sent (a consumer, first page)"]).items)
                    found["outstanding (first page)"] += len(timed(
                        lambda: service.outstanding(session), answers["outstanding (first page)"]).items)
                    if i < 5:
                        found["stale"] += len(timed(lambda: service.stale(session), answers["stale"]).items)
                for label, times in answers.items():
                    worst = max(times)
                    print(line(label, times, f"{found[label] / len(times):7.1f} rows   "
                                             f"{'ok' if worst < 1 else 'OVER 1 s'}"))


if __name__ == "__main__":
    main()
