"""Frozen entry point of `nia` (PyInstaller)."""

import sys

from nia_desktop.cli.main import main

sys.exit(main())
