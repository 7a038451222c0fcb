"""Reports: the lazy table, the reader, the import wizard and history."""
