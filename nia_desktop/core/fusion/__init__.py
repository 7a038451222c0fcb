"""Fusion: entities found in reports, resolved across reports and scripts, linked, deduplicated."""
