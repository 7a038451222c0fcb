"""Find shipped resources in a checkout, an installed wheel or a frozen build.

The top-level resources/ directory is installed as the nia_desktop.resources
package; in a source checkout that package is not importable from the tree, so
we fall back to the directory beside nia_desktop/.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nia_desktop


def resources_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "nia_desktop" / "resources"
    installed = Path(nia_desktop.__file__).parent / "resources"
    if installed.is_dir():
        return installed
    try:
        from importlib.resources import files

        return Path(str(files("nia_desktop.resources")))
    except ModuleNotFoundError:
        return Path(nia_desktop.__file__).resolve().parents[1] / "resources"


def resource_path(*parts: str) -> Path:
    return resources_root().joinpath(*parts)
