"""`python -m nia_desktop` starts the desktop application."""

from nia_desktop.app import main

raise SystemExit(main())
