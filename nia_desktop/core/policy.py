"""One table: which role may take which action.

Every service entry point calls :func:`check` (through the session, which also
audits refusals). The UI reads :func:`allowed` only to hide what the services
would refuse anyway.
"""

from __future__ import annotations

from types import MappingProxyType

from nia_desktop.core.errors import PermissionRefused
from nia_desktop.core.roles import Action, Role

A, C, OFF = Role.ANALYST, Role.COURIER, Role.OFFICER

POLICY: MappingProxyType[Action, frozenset[Role]] = MappingProxyType(
    {
        Action.USER_ADD: frozenset({OFF}),
        Action.USER_LIST: frozenset({OFF}),
        Action.USER_DISABLE: frozenset({OFF}),
        Action.USER_RESET_PASSPHRASE: frozenset({OFF}),
        Action.USER_CLEAR: frozenset({OFF}),
        Action.COMPARTMENT_MANAGE: frozenset({OFF}),
        Action.COMPARTMENT_LIST: frozenset({A, OFF}),
        Action.OWN_PASSPHRASE_CHANGE: frozenset({A, C, OFF}),
        Action.OWN_KEY_EXPORT: frozenset({A, C, OFF}),
        Action.OWN_KEY_ROTATE: frozenset({A, C, OFF}),
        Action.AUDIT_VIEW: frozenset({OFF}),
        Action.AUDIT_VERIFY: frozenset({OFF}),
        Action.AUDIT_EXPORT: frozenset({OFF}),
        Action.AUDIT_CHECKPOINT: frozenset({OFF}),
        Action.SETTINGS_CHANGE: frozenset({OFF}),
        Action.REPORT_IMPORT: frozenset({A}),
        Action.REPORT_READ: frozenset({A}),
        Action.REPORT_MARK: frozenset({A}),
        Action.CASE_EDIT: frozenset({A}),
        Action.FUSE: frozenset({A}),
        Action.BRIEF_COMPOSE: frozenset({A}),
        Action.PIR_MANAGE: frozenset({A, OFF}),
        Action.RELEASE_REVIEW: frozenset({OFF}),
        Action.TRUST_MANAGE: frozenset({OFF}),
        Action.BUNDLE_VERIFY: frozenset({A, C, OFF}),
        Action.BUNDLE_RECEIVE: frozenset({C}),
        Action.BUNDLE_WRITE_OUT: frozenset({C}),
        Action.CONSUMER_MANAGE: frozenset({OFF}),
        Action.CONSUMER_LIST: frozenset({A, OFF}),
        Action.RELEASE_TO: frozenset({A}),
        Action.LEDGER_READ: frozenset({A, OFF}),
        Action.NOTICE_ISSUE: frozenset({A}),
        Action.RECEIPT_ISSUE: frozenset({A, C}),
        Action.VAULT_CHECK: frozenset({OFF}),
        Action.VAULT_BACKUP: frozenset({OFF}),
    }
)


def allowed(role: Role, action: Action) -> bool:
    return role in POLICY[action]


def check(role: Role, action: Action) -> None:
    """Raise :class:`PermissionRefused` unless ``role`` may take ``action``."""
    if not allowed(role, action):
        raise PermissionRefused(f"refused: the {role.value} role may not {describe(action)}")


_DESCRIPTIONS = {
    Action.USER_ADD: "add users",
    Action.USER_LIST: "list users",
    Action.USER_DISABLE: "disable users",
    Action.USER_RESET_PASSPHRASE: "reset other users' passphrases",
    Action.USER_CLEAR: "set clearances or grant compartments",
    Action.COMPARTMENT_MANAGE: "define compartments and caveats",
    Action.COMPARTMENT_LIST: "list compartments and caveats",
    Action.OWN_PASSPHRASE_CHANGE: "change their passphrase",
    Action.OWN_KEY_EXPORT: "export their public key",
    Action.AUDIT_VIEW: "read the audit log",
    Action.AUDIT_VERIFY: "verify the audit log",
    Action.AUDIT_EXPORT: "export the audit log",
    Action.OWN_KEY_ROTATE: "rotate your signing key",
    Action.AUDIT_CHECKPOINT: "take audit checkpoints",
    Action.SETTINGS_CHANGE: "change workstation settings",
    Action.REPORT_IMPORT: "import reports",
    Action.REPORT_READ: "read reports",
    Action.REPORT_MARK: "re-mark reports",
    Action.CASE_EDIT: "edit cases",
    Action.FUSE: "run fusion",
    Action.BRIEF_COMPOSE: "compose briefings",
    Action.PIR_MANAGE: "manage intelligence requirements",
    Action.RELEASE_REVIEW: "review releases",
    Action.TRUST_MANAGE: "manage the trust store",
    Action.BUNDLE_VERIFY: "verify bundles",
    Action.BUNDLE_RECEIVE: "receive bundles",
    Action.BUNDLE_WRITE_OUT: "write bundles to media",
    Action.CONSUMER_MANAGE: "add or remove consumers",
    Action.CONSUMER_LIST: "list consumers",
    Action.RELEASE_TO: "release products to consumers",
    Action.LEDGER_READ: "read the dissemination ledger",
    Action.NOTICE_ISSUE: "issue corrections or recalls",
    Action.RECEIPT_ISSUE: "sign receipts for received bundles",
    Action.VAULT_CHECK: "check the vault for damage",
    Action.VAULT_BACKUP: "back up the vault",
}


def describe(action: Action) -> str:
    return _DESCRIPTIONS[action]
