"""`nia entity rank` and `nia entity path` on a fused vault, through the services, as the CLI runs them.

    python tests/bench/bench_entity_network.py --vault /tmp/f20k                 # the analyst anna's fusion
    python tests/bench/bench_entity_network.py --vault /tmp/f1m --paths 5 --skip-betweenness

Reads only (the unlock and each ranking and path add their audit entries). Prints, for the user's fusion of
every report (or ``--case``): the graph's load (entities, links, seconds), the ranking by degree, by betweenness
(sampled above core/network.EXACT_NODES entities: the sources it used), each with wall time and this process's
peak RSS; then ``--paths`` shortest-path searches between entities drawn with a fixed seed, each with its hops,
count and time.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    from nia_desktop.services import entity_network
    from nia_desktop.services.session import unlock

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vault", type=Path, required=True)
    parser.add_argument("--user", default="anna")
    parser.add_argument("--passphrase", default="anna-passphrase-1")
    parser.add_argument("--case", default="")
    parser.add_argument("--paths", type=int, default=5, help="path searches between entities drawn with seed 16")
    parser.add_argument("--skip-betweenness", action="store_true")
    args = parser.parse_args()
    with unlock(args.vault, args.user, args.passphrase) as session:
        for by in ("degree", *(() if args.skip_betweenness else ("betweenness",))):
            start = time.perf_counter()
            ranked = entity_network.rank(session, by, args.case, limit=10)
            took = time.perf_counter() - start
            how = (f", sampled from {ranked.pivots} sources (seed {ranked.seed})" if ranked.sampled else
                   ", exact" if by == "betweenness" else "")
            print(f"rank --by {by}: {took:.1f} s (graph load {ranked.seconds['load']:.1f} s, ranking "
                  f"{ranked.seconds['rank']:.1f} s{how}); {ranked.nodes} entities, {ranked.edges} links, "
                  f"{ranked.brokers} brokers; peak RSS {_peak_mb():.0f} MB", flush=True)
            for row in ranked.rows[:5]:
                value = "" if row.betweenness is None else f", betweenness {row.betweenness:.1f}"
                print(f"  {row.rank}. {row.entity.id} {row.entity.kind}: degree {row.degree}{value}"
                      + (" (broker)" if row.broker else ""), flush=True)
        scope = entity_network._scope(session, args.case)
        top = session.db.query("SELECT max(id) FROM fusion_entities WHERE scope_id = ?", (scope.id,))[0][0] or 0
        rng = random.Random(16)
        for _ in range(args.paths):
            a, b = rng.randint(1, int(top)), rng.randint(1, int(top))
            start = time.perf_counter()
            try:
                found = entity_network.paths(session, a, b, args.case, cap=5)
            except Exception as exc:  # an entity with no readable report: said, and the next pair
                print(f"path {a} {b}: {exc}")
                continue
            print(f"path {a} {b}: {time.perf_counter() - start:.2f} s, hops {found.hops}, {found.total} shortest "
                  f"path(s); peak RSS {_peak_mb():.0f} MB", flush=True)


if __name__ == "__main__":
    main()
