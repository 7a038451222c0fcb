"""Reading values that come from outside: bundles, files in the vault folder, exported logs.

JSON from such a source can hold anything: numbers past SQLite's signed 64-bit
range (which then fail deep inside a query with OverflowError), floats where a
count belongs, ``true`` (a bool is an int in Python), strings of digits, or
nesting deep enough to exhaust the parser's recursion. Parsers check each
field here, so a malformed value is refused where it is read, with the field
named, and never reaches SQLite or arithmetic.
"""

from __future__ import annotations

import json
from typing import Any

INT64_MAX = 2**63 - 1  # SQLite INTEGER is signed 64-bit


class Malformed(ValueError):
    """A field from outside does not hold what it must; the message names the field."""


def load_json(data: bytes | str, what: str) -> Any:
    """Parsed JSON, or Malformed: bad UTF-8, bad syntax, an integer of over 4300 digits (Python refuses to parse
    it), or nesting too deep for the parser."""
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
        return json.loads(text)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise Malformed(f"{what} is not valid JSON") from exc


def whole_number(value: object, field: str, low: int = 0, high: int = INT64_MAX) -> int:
    """``value`` when it is a JSON integer from ``low`` to ``high``: not a bool, float or string of digits."""
    if type(value) is not int or not low <= value <= high:
        raise Malformed(f"{field} must be a whole number from {low} to {high}, not {shown(value)}")
    return value


def text(value: object, field: str, longest: int = 1000, empty: bool = True) -> str:
    """``value`` when it is a string of at most ``longest`` characters (and, unless ``empty``, not blank)."""
    if not isinstance(value, str) or len(value) > longest or (not empty and not value):
        raise Malformed(f"{field} must be text of {'0' if empty else '1'} to {longest} characters, "
                        f"not {shown(value)}")
    return value


def mapping(value: object, field: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Malformed(f"{field} must be a JSON object, not {shown(value)}")
    return value


def sequence(value: object, field: str, longest: int = 100_000) -> list[Any]:
    if not isinstance(value, list) or len(value) > longest:
        raise Malformed(f"{field} must be a list of at most {longest} items, not {shown(value)}")
    return value


def shown(value: object) -> str:
    """A short, safe rendering of a refused value for a message (a huge number is not spelled out)."""
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, int):
        digits = len(str(abs(value)))
        return str(value) if digits <= 20 else f"a {digits}-digit number"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return f"the text {value[:24]!r}" + ("…" if len(value) > 24 else "")
    return f"a JSON {'list' if isinstance(value, list) else 'object' if isinstance(value, dict) else 'value'}"
