"""E-mail (.eml): headers and body; each attachment becomes a report of its own, linked to the message."""

from __future__ import annotations

import email
import email.policy
from collections.abc import Callable
from email.message import EmailMessage

from nia_desktop.core.ingest.formats.html import html_to_text
from nia_desktop.core.ingest.model import Document, ParseRefused

# Marking headers first: the header reader (core/ingest/metadata.py) takes the report's marking from them.
HEADERS = ("X-Classification", "X-Protective-Marking", "X-Security-Classification", "X-Caveats", "Classification",
           "From", "To", "Cc", "Date", "Subject", "Message-ID")
MAX_ATTACHMENTS = 100


def parse(data: bytes, name: str, parse_attachment: Callable[[bytes, str], list[Document]]) -> list[Document]:
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
    except Exception as exc:  # the email package raises many kinds on hostile input
        raise ParseRefused(f"malformed e-mail: {type(exc).__name__}") from exc
    if not isinstance(message, EmailMessage):
        raise ParseRefused("malformed e-mail")
    fields = {}
    for key in HEADERS:
        try:
            value = message.get(key)
        except Exception:
            value = None
        if value:
            fields[key.lower()] = str(value)
    body = _body(message)
    head = "\n".join(f"{key}: {fields[key.lower()]}" for key in HEADERS if key.lower() in fields)
    document = Document("eml", f"{head}\n\n{body}".strip(), fields.get("subject", name), fields=fields)
    for number, part in enumerate(message.iter_attachments()):
        if number >= MAX_ATTACHMENTS:
            raise ParseRefused(f"more than {MAX_ATTACHMENTS} attachments")
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        filename = part.get_filename() or f"attachment-{number + 1}"
        try:
            children = parse_attachment(payload, filename)
        except ParseRefused as exc:
            children = [Document("refused", "", filename, inner=filename, raw=payload,
                                 fields={"refused": exc.reason})]
        for child in children:
            child.inner = filename + (f"!{child.inner}" if child.inner and child.inner != filename else "")
            if not child.raw:
                child.raw = payload
            document.children.append(child)
    return [document]


def _body(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, UnicodeDecodeError, ValueError):
        raw = part.get_payload(decode=True)
        content = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else ""
    if part.get_content_subtype() == "html":
        return html_to_text(str(content))[0]
    return str(content).replace("\r\n", "\n").strip()
