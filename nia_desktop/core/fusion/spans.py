"""Text ranges already claimed by a mention, so that no two mentions overlap.

Kept sorted and apart, so asking whether a new range overlaps is two bisections: a report of a hundred
thousand mentions (a hostile list, a long register) costs n log n, not n squared.
"""

from __future__ import annotations

import bisect


class Spans:
    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, start: int, end: int) -> bool:
        """No claimed range overlaps [start, end)."""
        i = bisect.bisect_right(self.starts, start)
        return not ((i and self.ends[i - 1] > start) or (i < len(self.starts) and self.starts[i] < end))

    def claim(self, start: int, end: int) -> bool:
        """Claim [start, end) unless it overlaps a claimed range; whether it was claimed."""
        if not self.free(start, end):
            return False
        i = bisect.bisect_right(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)
        return True
