"""How the CLI prints: plain text for people, JSON for tools, errors on stderr."""

from __future__ import annotations

import json
import sys
from typing import Any

from nia_desktop.core.display import escape_untrusted


def emit_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


def say(text: str) -> None:
    sys.stdout.write(text + "\n")


def warn(text: str) -> None:
    sys.stderr.write(text + "\n")


def safe(text: str) -> str:
    """Untrusted text for a terminal: escapes, never interprets."""
    return escape_untrusted(text)


def table(rows: list[list[str]], headers: list[str]) -> str:
    cells = [headers, *[[safe(c) for c in row] for row in rows]]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
