"""Vault layer: keyslots, SQLCipher connection, on-disk layout."""
