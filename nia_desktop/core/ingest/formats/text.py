"""Plain text in UTF-8, UTF-16 (BOM), Shift_JIS, EUC-JP or ISO-2022-JP."""

from __future__ import annotations

import unicodedata

from nia_desktop.core.ingest import metadata
from nia_desktop.core.ingest.encodings import decode_text
from nia_desktop.core.ingest.model import Document


def parse(data: bytes, name: str) -> list[Document]:
    text, encoding = decode_text(data)
    text = text.replace("\r\n", "\n")
    normal = unicodedata.normalize("NFKC", text)
    return [Document("text", text, metadata.title(normal, name), encoding=encoding, normalized=normal)]
