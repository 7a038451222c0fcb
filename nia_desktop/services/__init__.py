"""Use cases: one function per user action; the only API the CLI and UI call."""
