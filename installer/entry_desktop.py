"""Frozen entry point of `nia-desktop` (PyInstaller)."""

import sys

from nia_desktop.app import main

sys.exit(main())
