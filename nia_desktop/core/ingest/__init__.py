"""Ingest: reading untrusted files from media into reports, safely."""
