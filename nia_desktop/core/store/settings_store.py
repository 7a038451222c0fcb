"""Settings table access; typing and bounds come from core.settings."""

from __future__ import annotations

from nia_desktop.core.errors import BadInput
from nia_desktop.core.settings import IntSetting
from nia_desktop.core.vault.connection import VaultConnection


def get_int(db: VaultConnection, setting: IntSetting) -> int:
    rows = db.query("SELECT value FROM settings WHERE key = ?", (setting.key,))
    if not rows:
        return setting.default
    try:
        return setting.parse(str(rows[0][0]))
    except BadInput:
        return setting.default


def put(db: VaultConnection, key: str, value: str) -> None:
    db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, value))
