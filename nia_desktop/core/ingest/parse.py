"""Turn one untrusted file into Documents: detect its type, then hand it to that format's parser.

Runs inside the sandboxed child (core/ingest/sandbox.py); never in the app.
"""

from __future__ import annotations

from nia_desktop.core.ingest import detect
from nia_desktop.core.ingest.formats import (
    archive,
    csv_table,
    docx,
    email_message,
    html,
    markdown,
    misp,
    pdf,
    stix,
    text,
)
from nia_desktop.core.ingest.limits import Limits
from nia_desktop.core.ingest.model import Document, ParseRefused

_SIMPLE = {
    detect.TEXT: text.parse,
    detect.MARKDOWN: markdown.parse,
    detect.HTML: html.parse,
    detect.CSV: csv_table.parse,
    detect.STIX: stix.parse,
    detect.MISP: misp.parse,
    detect.DOCX: docx.parse,
    detect.PDF: pdf.parse,
}


def parse_file(data: bytes, name: str, limits: Limits, depth: int = 0) -> list[Document]:
    """Every Document in the file, containers expanded; raises ParseRefused with the reason."""
    kind = detect.detect(data, name)
    if kind.startswith("unknown"):
        raise ParseRefused(f"unsupported file type ({kind.split(':', 1)[1].strip()})")
    if kind == detect.ZIP:
        return archive.parse(data, name, depth, limits, lambda d, n, k: parse_file(d, n, limits, k))
    if kind == detect.EML:
        documents = email_message.parse(data, name, lambda d, n: parse_file(d, n, limits, depth + 1))
    else:
        documents = _SIMPLE[kind](data, name)
    for document in documents:
        if not document.raw:
            document.raw = data if not document.inner else document.text.encode("utf-8")
    return documents
