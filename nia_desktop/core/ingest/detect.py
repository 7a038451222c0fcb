"""Decide what a file is from its bytes, not its name (extensions lie).

The name is only a tie-breaker between text formats that look alike
(Markdown and plain text, CSV and plain text).
"""

from __future__ import annotations

import io
import json
import zipfile

from nia_desktop.core.ingest.encodings import looks_like_text

# Magic numbers of formats we refuse, so the refusal can name what the file is.
_KNOWN_BINARIES = (
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!", "RAR archive"),
    (b"\xd0\xcf\x11\xe0", "legacy Microsoft Office document"),
    (b"SQLite format 3", "SQLite database"),
    (b"%!PS", "PostScript document"),
    (b"{\\rtf", "RTF document"),
)

PDF, DOCX, ZIP, EML, HTML, STIX, MISP, JSON, CSV, MARKDOWN, TEXT = (
    "pdf", "docx", "zip", "eml", "html", "stix", "misp", "json", "csv", "markdown", "text")


def detect(data: bytes, name: str) -> str:
    """Return a type code above, or a description starting with 'unknown:'."""
    lower = name.lower()
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _zip_kind(data)
    for magic, what in _KNOWN_BINARIES:
        if data.startswith(magic):
            return f"unknown: {what}"
    if not looks_like_text(data):
        return "unknown: binary data"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"{", b"[")):
        return _json_kind(data)
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:1024] or lower.endswith((".html", ".htm")):
        return HTML
    if _looks_like_email(data[:4096]):
        return EML
    if lower.endswith((".md", ".markdown")):
        return MARKDOWN
    if lower.endswith((".csv", ".tsv")):
        return CSV
    return TEXT


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return "unknown: damaged ZIP container"
    if "word/document.xml" in names and "[Content_Types].xml" in names:
        return DOCX
    if "[Content_Types].xml" in names:
        return "unknown: Office document other than Word"
    return ZIP


def _json_kind(data: bytes) -> str:
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError):
        return "unknown: malformed JSON"
    if isinstance(value, dict) and value.get("type") == "bundle" and isinstance(value.get("objects"), list):
        return STIX
    if isinstance(value, dict) and isinstance(value.get("Event"), dict):
        return MISP
    if isinstance(value, dict) and "info" in value and "Attribute" in value:
        return MISP
    return "unknown: JSON that is neither a STIX 2.1 bundle nor a MISP event"


def _looks_like_email(head: bytes) -> bool:
    lines = head.replace(b"\r\n", b"\n").split(b"\n\n", 1)[0].split(b"\n")
    keys = {line.split(b":", 1)[0].strip().lower() for line in lines
            if b":" in line and not line.startswith((b" ", b"\t"))}
    return len(keys & {b"from", b"to", b"subject", b"date", b"message-id", b"mime-version"}) >= 3
