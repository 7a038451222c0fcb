"""Load the English or Japanese translation: the system locale, or an override."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from nia_desktop.core.resources import resource_path

_installed: list[QTranslator] = []


def effective_language(preference: str) -> str:
    if preference in ("en", "ja"):
        return preference
    return "ja" if QLocale.system().language() == QLocale.Language.Japanese else "en"


def install_translation(app: QCoreApplication, preference: str) -> str:
    """Replace any installed translators; returns the language now in use."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = effective_language(preference)
    QLocale.setDefault(QLocale(QLocale.Language.Japanese if language == "ja" else QLocale.Language.English))
    if language == "en":
        return language
    ours = QTranslator(app)
    if ours.load(str(resource_path("translations", f"nia_desktop_{language}.qm"))):
        app.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return language
