"""The three roles of DESIGN.md and the actions they may take."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ANALYST = "analyst"
    COURIER = "courier"
    OFFICER = "officer"


class Action(StrEnum):
    """Every service entry point names exactly one of these."""

    # users and keys
    USER_ADD = "user.add"
    USER_LIST = "user.list"
    USER_DISABLE = "user.disable"
    USER_RESET_PASSPHRASE = "user.reset_passphrase"  # noqa: S105 (an action name, not a secret)
    USER_CLEAR = "user.clear"  # clearance levels and compartment grants
    COMPARTMENT_MANAGE = "compartment.manage"
    COMPARTMENT_LIST = "compartment.list"
    OWN_PASSPHRASE_CHANGE = "self.passphrase_change"  # noqa: S105 (an action name, not a secret)
    OWN_KEY_EXPORT = "self.key_export"
    OWN_KEY_ROTATE = "self.key_rotate"
    # audit
    AUDIT_VIEW = "audit.view"
    AUDIT_VERIFY = "audit.verify"
    AUDIT_EXPORT = "audit.export"
    AUDIT_CHECKPOINT = "audit.checkpoint"
    # workstation settings
    SETTINGS_CHANGE = "settings.change"
    # reports, cases, fusion, briefings (analyst work)
    REPORT_IMPORT = "report.import"
    REPORT_READ = "report.read"
    REPORT_MARK = "report.mark"
    CASE_EDIT = "case.edit"
    FUSE = "fusion.run"
    BRIEF_COMPOSE = "briefing.compose"
    PIR_MANAGE = "pir.manage"
    # release review, trust and transfer
    RELEASE_REVIEW = "release.review"
    TRUST_MANAGE = "trust.manage"
    BUNDLE_VERIFY = "bundle.verify"
    BUNDLE_RECEIVE = "bundle.receive"
    BUNDLE_WRITE_OUT = "bundle.write_out"
    # dissemination: consumers (officer), releases and notices (analyst), the ledger, receipts
    CONSUMER_MANAGE = "consumer.manage"
    CONSUMER_LIST = "consumer.list"
    RELEASE_TO = "release.to"
    LEDGER_READ = "ledger.read"
    NOTICE_ISSUE = "notice.issue"
    RECEIPT_ISSUE = "receipt.issue"
    # vault care (officer): check pages and chain, back up
    VAULT_CHECK = "vault.check"
    VAULT_BACKUP = "vault.backup"
