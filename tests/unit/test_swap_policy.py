"""The officer's swap setting (issue #10, point 8): it refuses unlock over unsafe swap, audited; off, it warns."""

from __future__ import annotations

from pathlib import Path

import pytest

from nia_desktop.core.audit import Outcome
from nia_desktop.core.errors import UnsafeSwap
from nia_desktop.core.store import audit_log
from nia_desktop.core.swap import SwapArea
from nia_desktop.services import settings as settings_service
from nia_desktop.services import swap_policy
from nia_desktop.services.session import Session, unlock
from tests.conftest import ANALYST, ANALYST_PASS, OFFICER, OFFICER_PASS

PLAIN = SwapArea("/dev/sda3", "partition", "unencrypted", "plain device sda3")
INTEGRITY = SwapArea("/dev/dm-2", "partition", "unencrypted", "dm-2: dm-integrity only, not encrypted")
LUKS = SwapArea("/dev/dm-0", "partition", "encrypted", "dm-crypt LUKS2")
ZRAM = SwapArea("/dev/zram0", "partition", "ram", "zram")


def machine(monkeypatch: pytest.MonkeyPatch, *areas: SwapArea) -> None:
    """This machine's swap, as the unlock reads it."""
    monkeypatch.setattr(swap_policy, "swap_areas", lambda: list(areas))


def last_entries(session: Session, n: int = 3) -> list[tuple[str, str, str, dict]]:  # type: ignore[type-arg]
    return [(e.action, e.object, e.outcome, e.details) for e in list(audit_log.iter_entries(session.db))[-n:]]


def refuse_swap(vault_dir: Path) -> None:
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as officer:
        settings_service.change(officer, "refuse_unencrypted_swap", "1")


def test_the_setting_refuses_unlock_over_unencrypted_swap(vault_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    refuse_swap(vault_dir)
    machine(monkeypatch, LUKS, PLAIN, INTEGRITY, ZRAM)
    with pytest.raises(UnsafeSwap) as caught:
        unlock(vault_dir, ANALYST, ANALYST_PASS)
    message = caught.value.user_message
    assert caught.value.exit_code == 1 and caught.value.areas == ["/dev/sda3", "/dev/dm-2"]
    assert "/dev/sda3" in message and "dm-integrity only" in message and "refuse_unencrypted_swap" in message
    assert "/dev/dm-0" not in message and "zram0" not in message
    for user, passphrase in ((OFFICER, OFFICER_PASS),):  # the officer too: fix swap, then unlock
        with pytest.raises(UnsafeSwap):
            unlock(vault_dir, user, passphrase)
    machine(monkeypatch, LUKS, ZRAM)  # swap encrypted or in RAM: unlock goes ahead
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as officer:
        refusals = [e for e in audit_log.iter_entries(officer.db) if e.action == "swap.refused"]
        assert [(e.actor, e.object, e.outcome) for e in refusals] == [
            (ANALYST, "/dev/sda3, /dev/dm-2", Outcome.REFUSED), (OFFICER, "/dev/sda3, /dev/dm-2", Outcome.REFUSED)]
        assert "dm-integrity only" in refusals[0].details["areas"][1]
        assert not [e for e in audit_log.iter_entries(officer.db) if e.action == "unlock" and e.actor == ANALYST]


def test_without_the_setting_unsafe_swap_is_warned_and_audited(vault_dir: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    machine(monkeypatch, PLAIN)
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        swap = [e for e in audit_log.iter_entries(session.db) if e.action.startswith("swap.")]
        assert [(e.action, e.object, e.outcome) for e in swap] == [("swap.unsafe", "/dev/sda3", Outcome.OK)]
        assert swap_policy.check_swap(session).unsafe == [PLAIN]
        assert not swap_policy.check_swap(session).refused


def test_a_swapon_during_a_session_is_audited_and_says_whether_to_lock(vault_dir: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    refuse_swap(vault_dir)
    machine(monkeypatch)
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        check = swap_policy.swap_appeared(session, [PLAIN])
        assert check.refused and "refuse_unencrypted_swap" in check.message()
        action, obj, outcome, details = last_entries(session, 1)[0]
        assert (action, obj, outcome, details["at"], details["locks"]) == (
            "swap.unsafe", "/dev/sda3", Outcome.REFUSED, "session", True)


def test_the_setting_is_declared_with_its_bounds() -> None:
    from nia_desktop.core import settings as declared

    setting = declared.ALL["refuse_unencrypted_swap"]
    assert (setting.default, setting.minimum, setting.maximum) == (0, 0, 1)
    assert setting.weakened_by(1, 0) and not setting.weakened_by(0, 1)  # turning it off needs two officers
