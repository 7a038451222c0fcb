"""Signed bundles: the one-file container, its manifest, writing and verifying (docs/bundle-format.md)."""
