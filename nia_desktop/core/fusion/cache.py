"""What extraction found in a report, kept so the next fusion does not extract it again.

Extraction (selectors, Sudachi, the English patterns, the watchlist) is most
of a fusion's time and depends only on the report's text and the
watchlist; resolution, which judgements and new reports change, is cheap in
comparison. A cached extraction is valid for one ``version``: the extractor's
own version and a digest of the watchlist it ran with.
"""

from __future__ import annotations

import functools
import hashlib
import json
import sys
from typing import TYPE_CHECKING, Any

from nia_desktop.core.fusion.model import Kind, Mention

if TYPE_CHECKING:
    from nia_desktop.core.fusion.nodes import Found
    from nia_desktop.core.fusion.watchlist import WatchEntry

EXTRACTOR_VERSION = "5"  # raise when extraction changes what it finds


def version(watch: list[WatchEntry]) -> str:
    """The extractor's version, the gazetteers' and the watchlist's: a change to any re-extracts every report."""
    digest = hashlib.sha256(json.dumps([e.to_json() for e in watch], ensure_ascii=False,
                                       sort_keys=True).encode()).hexdigest()[:16]
    return f"{EXTRACTOR_VERSION}:{_gazetteer_digest()}:{digest}"


@functools.lru_cache(maxsize=1)
def _gazetteer_digest() -> str:
    from nia_desktop.core.fusion.gazetteer import DATA_DIR

    files = hashlib.sha256()
    for path in sorted(DATA_DIR.iterdir()):
        if path.is_file():
            files.update(path.name.encode() + b"\0" + path.read_bytes())
    return files.hexdigest()[:12]


def encode(found: list[Found]) -> str:
    rows: list[list[Any]] = [[f.mention.kind.value, f.mention.surface, f.mention.key, f.mention.start,
                              f.mention.end, int(f.mention.implied), list(f.node), f.reading, f.born] for f in found]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


def decode(text: str) -> list[Found]:
    """The extraction ``encode`` wrote. Its strings are interned: one report's "sel", "name" or "NAGASE Ren" is
    every other's, where JSON would make each a new object (at 10,000 reports, about 50 MB more than the
    extraction took in the process that made it). Every report a fusion extracts is decoded once in the parent
    (a worker sends it encoded): no Python call a string here, only sys.intern and a dict for the kind."""
    from nia_desktop.core.fusion.nodes import Found

    intern, kinds = sys.intern, _KINDS
    return [Found(Mention(kinds[kind], intern(surface), intern(key), start, end, bool(implied)),
                  tuple(map(intern, node)), intern(reading), born)
            for kind, surface, key, start, end, implied, node, reading, born in json.loads(text)]


_KINDS = {kind.value: kind for kind in Kind}  # Kind(value) is an Enum call: a few times slower than a lookup
