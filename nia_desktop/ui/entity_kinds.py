"""Entity kinds as an analyst reads them: fusion's kind codes (``person``, ``social_handle``...) are data, kept in
English in the vault, the CLI and bundles; every view shows them through here, in the UI's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def kind_name(kind: str) -> str:
    """The kind's name in the UI language; an unknown code (a newer vault's) is shown as it is."""
    translate = QCoreApplication.translate
    names = {
        "person": translate("EntityKinds", "person"),
        "organization": translate("EntityKinds", "organization"),
        "location": translate("EntityKinds", "place"),
        "operation": translate("EntityKinds", "operation"),
        "date": translate("EntityKinds", "date"),
        "domain": translate("EntityKinds", "domain"),
        "ip": translate("EntityKinds", "IP address"),
        "email": translate("EntityKinds", "e-mail address"),
        "phone": translate("EntityKinds", "phone number"),
        "url": translate("EntityKinds", "web address"),
        "social_handle": translate("EntityKinds", "social media account"),
        "telegram_channel": translate("EntityKinds", "Telegram channel"),
        "crypto_address": translate("EntityKinds", "cryptocurrency address"),
    }
    return names.get(kind, kind)
