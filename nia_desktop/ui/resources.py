"""Find shipped resources in a checkout, an installed wheel or a frozen build."""

from __future__ import annotations

import sys
from importlib.resources import files
from pathlib import Path


def resource_path(*parts: str) -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    base = Path(frozen) / "nia_desktop" / "resources" if frozen else Path(str(files("nia_desktop.resources")))
    return base.joinpath(*parts)
