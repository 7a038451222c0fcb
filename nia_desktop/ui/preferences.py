"""Per-workstation display preferences (language, theme, last vault).

Nothing secret lives here. Stored as an INI file in the user's config
directory, or in $NIA_CONFIG_DIR (tests point it at a temporary directory).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

LANGUAGES = ("system", "en", "ja")
THEMES = ("system", "light", "dark")


class Preferences:
    def __init__(self, directory: Path | None = None) -> None:
        if directory is None:
            env = os.environ.get("NIA_CONFIG_DIR")
            directory = Path(env) if env else Path(
                QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
            ) / "nia-desktop"
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.path = directory / "preferences.ini"
        self._settings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def _get(self, key: str, default: str, allowed: tuple[str, ...] | None = None) -> str:
        value = str(self._settings.value(key, default))
        return value if allowed is None or value in allowed else default

    def _set(self, key: str, value: str) -> None:
        self._settings.setValue(key, value)
        self._settings.sync()

    @property
    def language(self) -> str:
        return self._get("language", "system", LANGUAGES)

    @language.setter
    def language(self, value: str) -> None:
        self._set("language", value)

    @property
    def theme(self) -> str:
        return self._get("theme", "system", THEMES)

    @theme.setter
    def theme(self, value: str) -> None:
        self._set("theme", value)

    @property
    def last_vault(self) -> str:
        return self._get("last_vault", "")

    @last_vault.setter
    def last_vault(self, value: str) -> None:
        self._set("last_vault", value)
