"""Workstation settings, each declared once with its type, default and bounds.

Values live in the encrypted database; only an officer may change them.
"""

from __future__ import annotations

from dataclasses import dataclass

from nia_desktop.core.errors import BadInput


@dataclass(frozen=True)
class IntSetting:
    key: str
    default: int
    minimum: int
    maximum: int
    help: str
    # Which direction weakens a safeguard ("up" or "down"): a change that way needs two officers
    # (services/dual_control.py); "" for settings that guard nothing.
    weakens: str = ""

    def weakened_by(self, old: int, new: int) -> bool:
        return (self.weakens == "up" and new > old) or (self.weakens == "down" and new < old)

    def parse(self, text: str) -> int:
        if len(text.strip()) > 20:
            raise BadInput(f"{self.key} must be a whole number between {self.minimum} and {self.maximum}")
        try:
            value = int(text)
        except ValueError as exc:
            raise BadInput(f"{self.key} must be a whole number") from exc
        if not (self.minimum <= value <= self.maximum):
            raise BadInput(f"{self.key} must be between {self.minimum} and {self.maximum}")
        return value


IDLE_LOCK_MINUTES = IntSetting(
    "idle_lock_minutes", 10, 1, 240, "Minutes without input before the desktop locks itself."
)

MAX_IMPORT_MIB = IntSetting(
    "max_import_mib", 512, 1, 4096, "Largest file accepted from media, in MiB; larger files are refused unread."
)
DEFAULT_CLASSIFICATION = IntSetting(
    "default_classification", 1, 0, 3,
    "Classification of reports that carry no marking: 0 UNCLASSIFIED, 1 CONFIDENTIAL, 2 SECRET, 3 TOP SECRET. "
    "Lowering it needs two officers (it decides which briefings the two-person rule covers).",
    weakens="down",
)

RELEASE_REVIEW_FROM = IntSetting(
    "release_review_from", 2, 0, 4,
    "Two-person rule: briefings classified at this level or above need an officer's approval before export "
    "(0 UNCLASSIFIED ... 3 TOP SECRET; 4 turns the rule off). Raising it or turning it off needs two officers.",
    weakens="up",
)

REFUSE_UNENCRYPTED_SWAP = IntSetting(
    "refuse_unencrypted_swap", 0, 0, 1,
    "1: refuse to unlock, and lock an open desktop session, while any swap area could write decrypted report text "
    "to disk (not dm-crypt, not zram in RAM); 0: warn only (docs/security.md). Turning it off needs two officers.",
    weakens="down",
)

ALL: dict[str, IntSetting] = {s.key: s for s in (IDLE_LOCK_MINUTES, MAX_IMPORT_MIB, DEFAULT_CLASSIFICATION,
                                                 RELEASE_REVIEW_FROM, REFUSE_UNENCRYPTED_SWAP)}
