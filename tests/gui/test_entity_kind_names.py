"""Entity kinds are data in English (vault, CLI, bundles) but shown in the UI's language wherever a view names
them: the Fusion view's table and detail, the reader's marks, the composer (ui/entity_kinds.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from nia_desktop.ui.entity_kinds import kind_name
from nia_desktop.ui.i18n import install_translation


def test_kinds_are_named_in_the_ui_language(qapp) -> None:  # type: ignore[no-untyped-def]
    assert kind_name("location") == "place" and kind_name("social_handle") == "social media account"
    assert kind_name("a-newer-kind") == "a-newer-kind"
    app = QApplication.instance()
    assert install_translation(app, "ja") == "ja"
    try:
        assert [kind_name(k) for k in ("person", "organization", "location", "social_handle")] == [
            "人物", "組織", "場所", "SNS アカウント"]
    finally:
        install_translation(app, "en")
    assert kind_name("person") == "person"
