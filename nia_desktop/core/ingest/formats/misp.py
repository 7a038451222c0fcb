"""MISP event JSON: the event info as title, attributes as structured data and text."""

from __future__ import annotations

import json
from typing import Any

from nia_desktop.core.ingest.model import Document, ParseRefused


def parse(data: bytes, name: str) -> list[Document]:
    try:
        value: Any = json.loads(data.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise ParseRefused("not valid MISP JSON") from exc
    event = value.get("Event", value) if isinstance(value, dict) else None
    if not isinstance(event, dict):
        raise ParseRefused("MISP JSON without an Event")
    attributes = [a for a in event.get("Attribute", []) or [] if isinstance(a, dict)]
    for obj in event.get("Object", []) or []:
        if isinstance(obj, dict):
            attributes.extend(a for a in obj.get("Attribute", []) or [] if isinstance(a, dict))
    info = str(event.get("info", "")).strip()
    lines = [info, ""]
    if event.get("date"):
        lines.insert(1, f"Date: {event['date']}")
    for tag in event.get("Tag", []) or []:
        if isinstance(tag, dict) and tag.get("name"):
            lines.append(f"Tag: {tag['name']}")
    for attr in attributes:
        comment = f"  ({attr['comment']})" if attr.get("comment") else ""
        lines.append(f"{attr.get('category', '')} {attr.get('type', '')}: {attr.get('value', '')}{comment}")
    kept = [{k: a.get(k) for k in ("type", "category", "value", "comment", "to_ids")} for a in attributes]
    return [Document("misp", "\n".join(lines).strip(), info or name,
                     structured={"event": {k: event.get(k) for k in ("uuid", "info", "date", "threat_level_id")},
                                 "attributes": kept})]
