"""Pure rules, formats and crypto. No Qt, no I/O beyond the vault directory."""
