"""The framing between the app and a parser child: JSON headers and raw byte blobs.

Nothing from the child is ever unpickled or evaluated: a compromised child can
send wrong data, not code. Every length is checked against a cap.
"""

from __future__ import annotations

import json
import re
import struct
from typing import IO, Any

MAX_HEADER = 64 * 1024 * 1024
MAX_BLOB = 2 * 1024 * 1024 * 1024
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


class WireError(Exception):
    """The other side sent something that is not a well-formed frame."""


def write_frame(stream: IO[bytes], header: dict[str, Any], blobs: list[bytes]) -> None:
    encoded = json.dumps(header, ensure_ascii=False).encode("utf-8")
    stream.write(struct.pack(">II", len(encoded), len(blobs)))
    stream.write(encoded)
    for blob in blobs:
        stream.write(struct.pack(">Q", len(blob)))
        stream.write(blob)
    stream.flush()


def _exact(stream: IO[bytes], size: int) -> bytes:
    chunks = []
    remaining = size
    while remaining:
        chunk = stream.read(min(remaining, 1 << 20))
        if not chunk:
            raise WireError("stream ended inside a frame")
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def read_frame(stream: IO[bytes], max_total: int = MAX_BLOB) -> tuple[dict[str, Any], list[bytes]]:
    header_size, count = struct.unpack(">II", _exact(stream, 8))
    if header_size > MAX_HEADER or count > 100_000:
        raise WireError("frame header too large")
    raw = _exact(stream, header_size)
    try:
        header = json.loads(raw)
    except (ValueError, RecursionError) as exc:  # also a number of over 4,300 digits, or nesting past the stack
        raise WireError("frame header is not JSON") from exc
    if not isinstance(header, dict):
        raise WireError("frame header is not an object")
    if _SURROGATE_ESCAPE.search(raw):
        try:  # a lone surrogate escape (\ud800) decodes, but no text holding one can be stored or shown
            json.dumps(header, ensure_ascii=False).encode("utf-8")
        except (UnicodeEncodeError, RecursionError) as exc:
            raise WireError("frame header holds text that is not valid Unicode") from exc
    blobs, total = [], 0
    for _ in range(count):
        (size,) = struct.unpack(">Q", _exact(stream, 8))
        total += size
        if total > max_total:
            raise WireError("frame blobs exceed the size cap")
        blobs.append(_exact(stream, size))
    return header, blobs
