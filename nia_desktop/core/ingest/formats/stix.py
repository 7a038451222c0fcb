"""STIX 2.1 bundles, parsed with the OASIS `stix2` library.

The report objects' names and descriptions become the body; report, indicator,
threat-actor, intrusion-set, campaign, identity, location, observed-data,
relationship and cyber-observable (domain, IP, e-mail, URL, user account)
objects are kept as structured data for fusion and listed in the text.
"""

from __future__ import annotations

import json
from typing import Any

import stix2
import stix2.exceptions

from nia_desktop.core.ingest.model import Document, ParseRefused

KEPT = ("report", "indicator", "threat-actor", "intrusion-set", "campaign", "identity", "location",
        "observed-data", "relationship", "domain-name", "ipv4-addr", "ipv6-addr", "email-addr", "url", "user-account")


def parse(data: bytes, name: str) -> list[Document]:
    try:
        bundle = stix2.parse(data.decode("utf-8-sig"), allow_custom=True, version="2.1")
    except (stix2.exceptions.STIXError, ValueError, UnicodeDecodeError, TypeError, AttributeError) as exc:
        raise ParseRefused(f"not a valid STIX 2.1 bundle: {str(exc)[:200]}") from exc
    objects: list[dict[str, Any]] = [json.loads(obj.serialize()) if hasattr(obj, "serialize") else dict(obj)
                                     for obj in getattr(bundle, "objects", []) or []]
    kept = [o for o in objects if o.get("type") in KEPT]
    markings = [o.get("definition", {}).get("statement", "") for o in objects if o.get("type") == "marking-definition"]
    reports = [o for o in objects if o.get("type") == "report"]
    if not reports and not kept:
        raise ParseRefused("STIX bundle holds no report or intelligence objects")
    lines: list[str] = [f"Marking: {m}" for m in markings if m]
    title = ""
    for report in reports:
        title = title or str(report.get("name", ""))
        lines.append(str(report.get("name", "")))
        if report.get("published"):
            lines.append(f"Published: {report['published']}")
        for ref in report.get("external_references", []) or []:
            if ref.get("external_id"):
                lines.append(f"Reference: {ref.get('source_name', '')} {ref['external_id']}")
        lines.append("")
        lines.append(str(report.get("description", "")))
        lines.append("")
    authors = {o.get("created_by_ref") for o in objects if o.get("created_by_ref")}
    for obj in kept:
        if obj.get("type") in ("report", "relationship"):
            continue
        label = obj.get("name") or obj.get("value") or obj.get("pattern") or obj.get("id")
        if obj.get("type") == "user-account" and obj.get("account_login"):  # the platform names the handle's kind
            label = f"{obj.get('account_type', '')} @{obj['account_login']}".strip()
        # The identity that created the objects is the originator: header metadata, not a subject of the report.
        lines.append(f"Originator: {label}" if obj.get("id") in authors else f"{obj['type']}: {label}")
        if obj.get("description"):
            lines.append(f"  {obj['description']}")
    body = "\n".join(lines).strip()
    return [Document("stix", body, title or name, structured={"objects": kept})]
