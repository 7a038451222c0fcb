"""Whole numbers typed on the command line, bounded where argparse reads them.

SQLite holds signed 64-bit integers: a report or entity number past 2**63 - 1
would fail inside a query as an internal error. Here it is a usage error
(exit 2) that names the argument's value.
"""

from __future__ import annotations

import argparse

MAX_ROW = 2**63 - 1
MAX_LIMIT = 1_000_000_000


def _whole(value: str, low: int, high: int, what: str) -> int:
    try:
        number = int(value) if len(value) <= 40 else None
    except ValueError:
        number = None
    if number is None or not low <= number <= high:
        raise argparse.ArgumentTypeError(f"{value[:30]!r} is not {what} ({low} to {high})")
    return number


def row_id(value: str) -> int:
    """A report, entity, judgement, requirement or release number."""
    return _whole(value, 1, MAX_ROW, "a number this vault can hold")


def limit(value: str) -> int:
    """How many rows to list."""
    return _whole(value, 1, MAX_LIMIT, "a number of rows")


def small(value: str) -> int:
    """A small setting typed as a number (a priority, a KDF parameter): bounded again by the service."""
    return _whole(value, 0, 1 << 31, "a whole number")
