"""What authenticating the vault folder costs an unlock (issue 10), beside what an unlock cannot avoid.

    python tests/bench/bench_unlock.py [--runs 15] [--release-requests 0]

Baseline, measured in the same run on the same vault: the Argon2id derivation of the user's slot plus
opening the SQLCipher database with the key it unwraps (keyslots.find, open_slot, open_database: the
floor of any unlock). The figure: a full unlock and close through services/session.py, which adds the
schema check, the security-state digest and its HMAC'd file, the folder digests and findings, the audit
entries and the signed anchor. The vault uses the OWASP floor parameters, so the overhead is not hidden
behind a one-second derivation; --release-requests fills the largest security table the digest covers.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from nia_desktop.core import freshness  # noqa: E402
from nia_desktop.core.vault import keyslots  # noqa: E402
from nia_desktop.core.vault.connection import open_database  # noqa: E402
from nia_desktop.core.vault.keyslots import SlotFile  # noqa: E402
from nia_desktop.core.vault.layout import VaultMeta, VaultPaths  # noqa: E402
from nia_desktop.services.session import unlock  # noqa: E402
from nia_desktop.services.vault_setup import create_demo_vault  # noqa: E402

USER, PASSPHRASE = "officer", "demo-officer-pass"


def _floor_unlock(root: Path) -> None:
    paths = VaultPaths(root)
    meta = VaultMeta.load(paths)
    slot_file = SlotFile.load(paths.keyslots)
    found = slot_file.find(USER, PASSPHRASE, meta.kdf_target)
    assert found is not None
    opened = keyslots.open_slot(meta.vault_id, USER, *found)
    db = open_database(paths.database, opened.db_keys[max(opened.db_keys)])
    db.query("SELECT count(*) FROM users")
    db.close()


def _median_ms(action: object, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--release-requests", type=int, default=0)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="bench-unlock-")) / "vault"
    create_demo_vault(root)
    if args.release_requests:
        with unlock(root, USER, PASSPHRASE) as session, session.db.transaction():
            briefing = "x" * 20_000
            session.db.executemany(
                "INSERT INTO release_requests (case_name, author, requested_at, briefing, content_sha256, "
                "classification) VALUES ('bench', 'analyst', '2026-01-01T00:00:00Z', ?, '', 2)",
                [(briefing,) for _ in range(args.release_requests)])
    with unlock(root, USER, PASSPHRASE) as session:
        start = time.perf_counter()
        freshness.compute_digest(session.db)
        digest_ms = (time.perf_counter() - start) * 1000
    floor = _median_ms(lambda: _floor_unlock(root), args.runs)
    full = _median_ms(lambda: unlock(root, USER, PASSPHRASE).close(), args.runs)
    print(f"baseline: Argon2id (floor parameters) + SQLCipher open   {floor:7.1f} ms (median of {args.runs})")
    print(f"unlock and close through the session service              {full:7.1f} ms")
    print(f"overhead over the baseline                                {full - floor:7.1f} ms")
    print(f"security-state digest alone ({args.release_requests} extra release requests)   {digest_ms:7.1f} ms")


if __name__ == "__main__":
    main()
