"""PySide6 face of NIA Desktop."""
