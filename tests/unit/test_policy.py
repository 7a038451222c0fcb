"""The policy table, and that services enforce it and audit refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from nia_desktop.core import policy
from nia_desktop.core.errors import PermissionRefused
from nia_desktop.core.roles import Action, Role
from nia_desktop.services import auditing, settings, users
from nia_desktop.services.session import unlock
from tests.conftest import ANALYST, COURIER, PASSPHRASES


def test_every_action_has_a_row_and_a_description() -> None:
    assert set(policy.POLICY) == set(Action)
    for action in Action:
        assert policy.describe(action)


@pytest.mark.parametrize(("role", "action", "expected"), [
    (Role.OFFICER, Action.USER_ADD, True),
    (Role.ANALYST, Action.USER_ADD, False),
    (Role.COURIER, Action.USER_LIST, False),
    (Role.COURIER, Action.AUDIT_VIEW, False),
    (Role.ANALYST, Action.AUDIT_VERIFY, False),
    (Role.OFFICER, Action.AUDIT_EXPORT, True),
    (Role.ANALYST, Action.REPORT_IMPORT, True),
    (Role.COURIER, Action.REPORT_IMPORT, False),
    (Role.OFFICER, Action.REPORT_IMPORT, False),
    (Role.COURIER, Action.REPORT_READ, False),  # couriers never read case content
    (Role.COURIER, Action.BUNDLE_RECEIVE, True),
    (Role.OFFICER, Action.TRUST_MANAGE, True),
    (Role.ANALYST, Action.TRUST_MANAGE, False),
    (Role.COURIER, Action.OWN_KEY_EXPORT, True),
])
def test_table(role: Role, action: Action, expected: bool) -> None:
    assert policy.allowed(role, action) is expected


def test_officer_cannot_read_reports() -> None:
    with pytest.raises(PermissionRefused, match="officer role may not read reports"):
        policy.check(Role.OFFICER, Action.REPORT_READ)


@pytest.mark.parametrize("user", [ANALYST, COURIER])
@pytest.mark.parametrize("call", [
    lambda s: users.list_users(s),
    lambda s: users.add_user(s, "zed", Role.OFFICER, "zed-passphrase-1"),
    lambda s: users.disable_user(s, "olive"),
    lambda s: auditing.verify(s),
    lambda s: list(auditing.entries(s)),
    lambda s: settings.change(s, "idle_lock_minutes", "5"),
])
def test_services_refuse_and_audit(vault_dir: Path, user: str, call) -> None:  # type: ignore[no-untyped-def]
    with unlock(vault_dir, user, PASSPHRASES[user]) as session:
        with pytest.raises(PermissionRefused) as info:
            call(session)
        assert info.value.exit_code == 1
        last = session.db.query("SELECT actor, outcome FROM audit ORDER BY seq DESC LIMIT 1")[0]
    assert last == (user, "refused")
