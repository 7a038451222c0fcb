"""Is swap safe for decrypted report text? A check of every active swap area (Linux).

Any page of this process may be swapped out: report text in Python strings,
Qt's rendered documents, SQLite's decrypted page cache. Locking single
buffers cannot cover that (SQLCipher's cipher_memory_security locked only
its own allocations, and cost two thirds of an import's database time), so
the control is the machine's: swap must be absent, in RAM (zram), or on
dm-crypt. This module reports every swap area that is none of those, and
both faces warn about it at unlock.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class SwapArea:
    name: str
    kind: str  # "partition" or "file"
    protection: str  # "ram", "encrypted", "unencrypted" or "unknown"

    @property
    def safe(self) -> bool:
        return self.protection in ("ram", "encrypted")

    def describe(self) -> str:
        where = "swap file" if self.kind == "file" else "swap partition"
        if self.protection == "unknown":
            return f"{where} {self.name}: cannot tell whether it is encrypted"
        return f"{where} {self.name}: {self.protection}"


def _unescape(field: str) -> str:
    """/proc/swaps writes spaces and tabs in names as octal escapes."""
    return field.replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\")


def _protection(block: Path, seen: int = 0) -> str:
    """Follow a block device down through device-mapper layers (LVM on LUKS) to see if any is dm-crypt."""
    if seen > 8 or not block.exists():
        return "unknown"
    name = block.resolve().name
    if name.startswith("zram"):
        return "ram"
    uuid = block / "dm" / "uuid"
    if uuid.exists():
        if uuid.read_text(encoding="ascii", errors="replace").startswith("CRYPT-"):
            return "encrypted"
        layers = sorted((block / "slaves").glob("*")) if (block / "slaves").exists() else []
        found = {_protection(layer, seen + 1) for layer in layers}
        if found and found <= {"encrypted", "ram"}:
            return "encrypted"
    # A partition of a disk has its own entry; its parent disk is not encrypted either.
    return "unencrypted"


def _device_of(number: int, sys_root: Path) -> Path:
    return sys_root / "dev" / "block" / f"{os.major(number)}:{os.minor(number)}"


def swap_areas(proc_swaps: Path = Path("/proc/swaps"), sys_root: Path = Path("/sys"),
               stat_path: Callable[[str], os.stat_result] = os.stat) -> list[SwapArea]:
    """Every active swap area and how it is protected; [] where there is no /proc/swaps (not Linux)."""
    try:
        lines = proc_swaps.read_text(encoding="utf-8", errors="replace").splitlines()[1:]
    except OSError:
        return []
    areas = []
    for line in lines:
        fields = line.split()
        if len(fields) < 2:
            continue
        name, kind = _unescape(fields[0]), fields[1]
        try:
            info = stat_path(name)
        except OSError:
            areas.append(SwapArea(name, kind, "unknown"))
            continue
        number = info.st_rdev if stat.S_ISBLK(info.st_mode) else info.st_dev
        areas.append(SwapArea(name, kind, _protection(_device_of(number, sys_root))))
    return areas


def unsafe_swap_warning(areas: list[SwapArea] | None = None) -> str:
    """A warning naming each swap area that could hold decrypted report text on disk; '' when none."""
    unsafe = [a for a in (swap_areas() if areas is None else areas) if not a.safe]
    if not unsafe:
        return ""
    listed = "; ".join(a.describe() for a in unsafe)
    return (f"Swap may write decrypted report text to disk ({listed}). "
            "Ask the system administrator to encrypt swap or turn it off.")
