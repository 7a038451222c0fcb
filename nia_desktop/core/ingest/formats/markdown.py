"""Markdown: kept as written (it reads well as text); YAML-style front matter becomes fields."""

from __future__ import annotations

import re
import unicodedata

from nia_desktop.core.ingest import metadata
from nia_desktop.core.ingest.encodings import decode_text
from nia_desktop.core.ingest.model import Document

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


def parse(data: bytes, name: str) -> list[Document]:
    text, encoding = decode_text(data)
    text = text.replace("\r\n", "\n")
    fields: dict[str, str] = {}
    match = _FRONT_MATTER.match(text)
    if match:
        for line in match.group(1).splitlines():
            if ":" in line:
                key, value = line.split(":", 1)
                fields[key.strip().lower()] = value.strip().strip("'\"")
    normal = unicodedata.normalize("NFKC", text)
    title = fields.get("title") or fields.get("subject") or metadata.title(normal, name)
    return [Document("markdown", text, title, fields=fields, encoding=encoding, normalized=normal)]
