"""Canonical JSON: the exact bytes that get hashed and signed.

Sorted keys, no insignificant whitespace, UTF-8, no NaN. Two encoders that
follow these rules produce the same bytes for the same value.
"""

from __future__ import annotations

import json
from typing import Any


def canonical_json(value: Any) -> bytes:
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")
