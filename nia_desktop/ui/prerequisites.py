"""Name the system libraries Qt's xcb plugin needs, instead of Qt's generic abort.

On a fresh Debian/Ubuntu, Qt 6 fails with "could not load the Qt platform
plugin xcb" when any of these are missing. We ask the dynamic loader's cache
(one `ldconfig -p`) before Qt tries. A frozen build carries most of them in
its own folder, where Qt finds them first: those count as present.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

# Debian package name -> the shared library it provides.
XCB_PACKAGES = {
    "libxcb-cursor0": "libxcb-cursor.so.0",
    "libxcb-icccm4": "libxcb-icccm.so.4",
    "libxcb-image0": "libxcb-image.so.0",
    "libxcb-keysyms1": "libxcb-keysyms.so.1",
    "libxcb-randr0": "libxcb-randr.so.0",
    "libxcb-render-util0": "libxcb-render-util.so.0",
    "libxcb-shape0": "libxcb-shape.so.0",
    "libxcb-xinerama0": "libxcb-xinerama.so.0",
    "libxcb-xkb1": "libxcb-xkb.so.1",
    "libxkbcommon-x11-0": "libxkbcommon-x11.so.0",
    "libegl1": "libEGL.so.1",
    "libfontconfig1": "libfontconfig.so.1",
}


def bundled_libraries() -> set[str]:
    """Shared libraries shipped inside a frozen (PyInstaller) build."""
    root = getattr(sys, "_MEIPASS", None)
    if not root:
        return set()
    return {path.name for path in Path(root).rglob("*.so*")}


def missing_system_libraries() -> list[str]:
    """Debian packages whose library neither the loader nor the build itself has (empty when unsure)."""
    if not sys.platform.startswith("linux"):
        return []
    ldconfig = shutil.which("ldconfig") or "/sbin/ldconfig"
    try:
        listing = subprocess.run([ldconfig, "-p"], capture_output=True, text=True, timeout=5,  # noqa: S603
                                 check=False).stdout
    except (OSError, subprocess.TimeoutExpired):
        return []
    if not listing:
        return []
    bundled = bundled_libraries()
    return [package for package, soname in XCB_PACKAGES.items() if soname not in listing and soname not in bundled]
