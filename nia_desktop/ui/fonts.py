"""The CJK font shipped in resources/fonts, registered with Qt so Japanese renders without system fonts."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from nia_desktop.core.resources import resource_path


def register_shipped_fonts() -> list[str]:
    """Font families added (empty if the file is missing or Qt refuses it); system fonts still come first."""
    font = resource_path("fonts", "ipaexg.ttf")
    if not font.is_file():
        return []
    font_id = QFontDatabase.addApplicationFont(str(font))
    return list(QFontDatabase.applicationFontFamilies(font_id)) if font_id >= 0 else []
