"""The `nia` command line."""
