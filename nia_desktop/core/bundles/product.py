"""What a receiving workstation keeps of a product it holds: its digest, case, title and marking.

The digest is the SHA-256 of the briefing.json payload, read from the verified
manifest (it lists exactly that hash), so it is the same name the sender's
ledger, its notices and this workstation's receipts use. Case, title and
marking come from the verified briefing.json; its level is never lower than
the one release enforcement read from the sources (core/bundles/approval.py),
and a caveat's kind, unless this workstation knows the caveat, is what the
sender said, or unknown (restricts reading: fail closed).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, BinaryIO

from nia_desktop.core.bundles import container
from nia_desktop.core.bundles.approval import BRIEFING, MAX_BRIEFING
from nia_desktop.core.bundles.manifest import Manifest
from nia_desktop.core.bundles.notices import payload_digest
from nia_desktop.core.classification import Level, parse_level
from nia_desktop.core.errors import BadInput, BundleRejected
from nia_desktop.core.markings import MAX_CAVEATS, MAX_NAME, Caveat, CaveatKind, Marking
from nia_desktop.core.untrusted import Malformed, load_json, mapping, sequence, text


@dataclass(frozen=True)
class HeldBriefing:
    digest: str
    case: str
    title: str
    marking: Marking


def product_digest(manifest: Manifest) -> str:
    return payload_digest(manifest, BRIEFING)


def read_product(handle: BinaryIO, manifest: Manifest, entries: dict[str, container.Entry], floor: Level,
                 known_kind: Callable[[str], CaveatKind | None] = lambda name: None) -> HeldBriefing:
    """The product a verified briefing bundle carries; BundleRejected naming the field when briefing.json is
    malformed. ``floor`` is the level release enforcement read; ``known_kind`` gives this workstation's own
    kind for a caveat it knows."""
    if BRIEFING not in entries:
        raise BundleRejected("the briefing bundle has no briefing.json")
    data = b"".join(container.read_entry(handle, entries[BRIEFING], MAX_BRIEFING))
    try:
        body = mapping(load_json(data, "briefing.json"), "briefing.json")
        case = text(body.get("case"), "briefing.json: case", 200, empty=False)
        title = text(body.get("title", ""), "briefing.json: title", 1000)
        marking = _marking(body.get("marking"), floor, known_kind)
    except (Malformed, BadInput) as exc:
        raise BundleRejected(f"briefing.json is malformed: {exc.args[0] if exc.args else exc}") from exc
    return HeldBriefing(product_digest(manifest), case, title, marking)


def _marking(value: Any, floor: Level, known_kind: Callable[[str], CaveatKind | None]) -> Marking:
    if value is None:  # a briefing composed before portion marking: its level alone
        return Marking(floor)
    found = mapping(value, "briefing.json: marking")
    level = max(floor, parse_level(text(found.get("level"), "briefing.json: marking level", 40, empty=False)))
    names = sequence(found.get("caveats") or [], "briefing.json: marking caveats", MAX_CAVEATS)
    kinds = mapping(found.get("kinds") or {}, "briefing.json: marking kinds")
    caveats = []
    for name in names:
        name = text(name, "briefing.json: a caveat", MAX_NAME, empty=False)
        caveats.append(Caveat(name, known_kind(name) or _said(kinds.get(name))))
    return Marking.of(level, caveats)


def _said(kind: object) -> CaveatKind:
    try:
        return CaveatKind(kind) if isinstance(kind, str) else CaveatKind.UNKNOWN
    except ValueError:
        return CaveatKind.UNKNOWN
