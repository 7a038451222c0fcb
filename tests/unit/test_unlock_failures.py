"""Wrong passphrases: one message, similar time, growing delay, audited at the next unlock."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pytest

from nia_desktop.core.errors import AuthFailed
from nia_desktop.core.vault import failures
from nia_desktop.services.session import UNAUTHENTICATED, unlock
from tests.conftest import OFFICER, OFFICER_PASS, ZeroClock


def test_same_message_for_unknown_user_and_wrong_passphrase(vault_dir: Path, zero_clock: ZeroClock) -> None:
    with pytest.raises(AuthFailed) as wrong_pass:
        unlock(vault_dir, OFFICER, "not-the-passphrase", clock=zero_clock)
    with pytest.raises(AuthFailed) as no_user:
        unlock(vault_dir, "nobody", "not-the-passphrase", clock=zero_clock)
    assert str(wrong_pass.value) == str(no_user.value) == "authentication failed"
    assert wrong_pass.value.exit_code == no_user.value.exit_code == 3


def test_similar_time_whether_or_not_the_user_exists(vault_dir: Path, zero_clock: ZeroClock) -> None:
    def timed(user: str) -> float:
        samples = []
        for _ in range(5):
            start = time.perf_counter()
            with pytest.raises(AuthFailed):
                unlock(vault_dir, user, "not-the-passphrase", clock=zero_clock)
            samples.append(time.perf_counter() - start)
        return statistics.median(samples)

    existing, missing = timed(OFFICER), timed("nobody")
    # Both pay one Argon2id derivation at the same parameters; allow generous noise.
    assert 0.5 < existing / missing < 2.0, (existing, missing)


def test_delay_grows_and_is_capped() -> None:
    delays = [failures.delay_for(n) for n in range(12)]
    assert delays[:3] == [0, 0, 0]
    assert delays[3:7] == [1, 2, 4, 8]
    assert max(delays) == failures.MAX_DELAY_SECONDS
    assert delays == sorted(delays)


def test_unlock_waits_according_to_recorded_failures(vault_dir: Path, zero_clock: ZeroClock) -> None:
    for _ in range(5):
        with pytest.raises(AuthFailed):
            unlock(vault_dir, OFFICER, "wrong-passphrase", clock=zero_clock)
    assert zero_clock.slept == [0, 0, 0, 1, 2]


def test_failures_are_audited_at_next_unlock_and_cleared(vault_dir: Path, zero_clock: ZeroClock) -> None:
    typed_passphrase = "my-secret-passphrase-typed-as-a-name"
    for user in (OFFICER, typed_passphrase):
        with pytest.raises(AuthFailed):
            unlock(vault_dir, user, "wrong-passphrase", clock=zero_clock)
    # What was typed is not on disk in any readable form.
    assert b"secret" not in (vault_dir / "unlock-failures.json").read_bytes()
    with unlock(vault_dir, OFFICER, OFFICER_PASS, clock=zero_clock) as session:
        rows = session.db.query("SELECT actor, action, object, outcome, details FROM audit WHERE outcome = 'failed'")
    # The officer still sees both attempts: one for a known user, one for a name the vault does not know.
    assert [r[:4] for r in rows] == [(UNAUTHENTICATED, "unlock", OFFICER, "failed"),
                                     (UNAUTHENTICATED, "unlock", "(a user name this vault does not know)", "failed")]
    assert all("secret" not in str(r) for r in rows)
    assert not (vault_dir / "unlock-failures.json").exists()
    assert zero_clock.slept[-1] == 0


def test_damaged_failure_record_still_counts(vault_dir: Path, zero_clock: ZeroClock) -> None:
    (vault_dir / "unlock-failures.json").write_text("{garbage")
    assert len(failures.load(failures.VaultPaths(vault_dir))) == 1
