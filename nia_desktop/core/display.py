"""Make untrusted text safe to show: names from media, attempted user names.

Control characters and bidirectional overrides (U+202E and friends) are shown
escaped, never interpreted; over-long text is cut with a visible marker.
"""

from __future__ import annotations

import unicodedata

_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
MAX_SHOWN = 200


def escape_untrusted(text: str, limit: int = MAX_SHOWN) -> str:
    out = []
    for ch in text:
        if ch in _BIDI_CONTROLS or unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn"):
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    shown = "".join(out)
    if len(shown) > limit:
        shown = shown[: limit - 1] + "…"
    return shown
