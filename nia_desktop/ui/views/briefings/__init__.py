"""Briefings: the analyst's composer and the officer's release review."""
