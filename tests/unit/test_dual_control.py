"""Who counts as a second person: control follows the chain of who set whose passphrase (red-team findings
A07 and A02 on issue #10)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nia_desktop.core.errors import AuthFailed, PermissionRefused
from nia_desktop.core.roles import Role
from nia_desktop.services import dual_control, settings, users
from nia_desktop.services.session import unlock
from tests.conftest import ANALYST, OFFICER, OFFICER_PASS

OTTO, OTTO_PASS = "otto", "otto-passphrase-44"
CAROL, CAROL_PASS = "carol", "carol-passphrase-55"


@pytest.fixture
def two_officers(vault_dir: Path) -> Path:
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as session:
        users.add_user(session, OTTO, Role.OFFICER, OTTO_PASS)  # the bootstrap second officer
    return vault_dir


def _independent(vault: Path, a: str, b: str) -> bool:
    with unlock(vault, OFFICER, OFFICER_PASS) as session:
        everyone = dual_control.all_by_name(session)
        return dual_control.independent(everyone[a], everyone[b], everyone)


def test_control_follows_the_chain(two_officers: Path) -> None:
    """Olive adds carol (otto witnessing), then as carol resets the analyst: olive still controls the analyst."""
    with unlock(two_officers, OFFICER, OFFICER_PASS) as session:
        witness = dual_control.authenticate_witness(session, OTTO, OTTO_PASS)
        users.add_user(session, CAROL, Role.OFFICER, CAROL_PASS, witness)
    with unlock(two_officers, CAROL, CAROL_PASS) as session:
        users.reset_passphrase(session, ANALYST, "anna-by-carol-pass-1")
    assert not _independent(two_officers, OFFICER, ANALYST)  # olive -> carol -> anna
    assert not _independent(two_officers, CAROL, ANALYST)
    assert _independent(two_officers, OTTO, ANALYST)  # otto is the one second person here


def test_a_reset_ends_the_bootstrap_mark(two_officers: Path) -> None:
    with unlock(two_officers, OFFICER, OFFICER_PASS) as session:
        witness = dual_control.authenticate_witness(session, OTTO, OTTO_PASS)
        users.add_user(session, CAROL, Role.OFFICER, CAROL_PASS, witness)
    with unlock(two_officers, OFFICER, OFFICER_PASS) as session:
        witness = dual_control.authenticate_witness(session, CAROL, CAROL_PASS)
        with pytest.raises(PermissionRefused, match="cannot witness"):  # olive set carol's passphrase
            users.reset_passphrase(session, OTTO, "otto-by-olive-pass-1", witness)
    with unlock(two_officers, CAROL, CAROL_PASS) as session:
        witness = dual_control.authenticate_witness(session, OTTO, OTTO_PASS)
        users.reset_passphrase(session, OTTO, "otto-by-carol-pass-1", witness)  # otto consents, carol resets
    assert not _independent(two_officers, OFFICER, OTTO)  # carol (olive's) set otto's passphrase now
    with unlock(two_officers, OFFICER, OFFICER_PASS) as session, pytest.raises(PermissionRefused):
        settings.change(session, "release_review_from", "4",
                        dual_control.authenticate_witness(session, OTTO, "otto-by-carol-pass-1"))


def test_a_passphrase_typed_as_the_witness_name_is_never_kept(two_officers: Path) -> None:
    typed = "my-secret-typed-in-the-name-field"
    with unlock(two_officers, OFFICER, OFFICER_PASS) as session:
        with pytest.raises(AuthFailed) as refused:
            dual_control.authenticate_witness(session, typed, "whatever-it-is")
        assert typed not in refused.value.user_message
        rows = session.db.query("SELECT object, details FROM audit")
    assert all(typed not in str(r) for r in rows)
