"""What a parser returns, what the scanner finds, and how each file ended up."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class FileStatus(StrEnum):
    """The outcome every scanned or imported file gets; none is dropped silently."""

    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    REFUSED = "refused"
    SKIPPED = "skipped"  # seen on the media but never read: special file, link out of the root


@dataclass
class Document:
    """One report-to-be, as extracted from untrusted bytes (possibly inside a container).

    ``inner`` is the path inside the container ('' for the file itself);
    ``raw`` the original bytes of this document; ``children`` are attachments
    that become reports of their own, linked to this one. ``normalized`` is
    the text's NFKC form where the parser already needed it (it costs about
    0.1 us a character for Japanese, so it is computed once).
    """

    detected_type: str
    text: str
    title: str = ""
    inner: str = ""
    raw: bytes = b""
    fields: dict[str, str] = field(default_factory=dict)
    structured: Any = None
    encoding: str = ""
    children: list[Document] = field(default_factory=list)
    normalized: str = ""


class ParseRefused(Exception):
    """This file cannot be imported; the message says why, in plain words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
