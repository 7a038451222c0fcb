"""Is swap safe for decrypted report text? A check of every active swap area (Linux).

Any page of this process may be swapped out: report text in Python strings,
Qt's rendered documents, SQLite's decrypted page cache. Locking single
buffers cannot cover that (SQLCipher's cipher_memory_security locked only
its own allocations, and cost two thirds of an import's database time), so
the control is the machine's: swap must be absent, in RAM (zram without a
writeback device), or on dm-crypt. This module reports every swap area that
is none of those; services/swap_policy.py warns or refuses (an officer's
setting) at unlock, and the desktop checks again during a session.

Only real dm-crypt counts as encrypted. sysfs has no file naming a
device-mapper target, so the kind is read from the device's ``dm/uuid``,
which cryptsetup writes as ``CRYPT-<TYPE>-...``: LUKS1, LUKS2, PLAIN,
LOOPAES, TCRYPT, BITLK and FVAULT2 map a dm-crypt target. The same prefix
also marks devices that encrypt nothing: INTEGRITY (integritysetup:
dm-integrity alone, checksums over plain data), VERITY (dm-verity) and
SUBDEV (the ``_dif`` integrity layer below a LUKS2 device with authenticated
encryption; what is written to it directly is not encrypted). Those, LVM and
anything else are judged by the devices below them (``slaves``): safe only
when every one of them is.
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
    why: str = ""  # how the verdict was reached, for messages: "dm-crypt LUKS2", "dm-integrity only, ..."

    @property
    def safe(self) -> bool:
        return self.protection in ("ram", "encrypted")

    def describe(self) -> str:
        where = "swap file" if self.kind == "file" else "swap partition"
        because = f" ({self.why})" if self.why else ""
        if self.protection == "unknown":
            return f"{where} {self.name}: cannot tell whether it is encrypted{because}"
        return f"{where} {self.name}: {self.protection}{because}"


def _unescape(field: str) -> str:
    """/proc/swaps writes spaces and tabs in names as octal escapes."""
    return field.replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\")


# cryptsetup's dm uuid types whose target is dm-crypt (lib/libdevmapper.c, dm_prepare_uuid)
ENCRYPTING_TYPES = frozenset({"LUKS1", "LUKS2", "PLAIN", "LOOPAES", "TCRYPT", "BITLK", "FVAULT2"})


def _dm_type(uuid: str) -> str:
    """The cryptsetup type from a dm uuid (``CRYPT-LUKS2-<hex>-<name>`` -> ``LUKS2``); '' for other dm devices."""
    return uuid.split("-")[1] if uuid.startswith("CRYPT-") else ""


def _protection(block: Path, stat_path: Callable[[str], os.stat_result], sys_root: Path,
                seen: int = 0) -> tuple[str, str]:
    """(protection, why): follow a block device down through its layers (LVM on LUKS, md RAID of dm-crypt
    members) until every path ends in dm-crypt, RAM, or something else."""
    if seen > 8 or not block.exists():
        return "unknown", "its device is not in /sys"
    name = block.resolve().name
    if name.startswith("zram"):
        backing = _read(block / "backing_dev")
        if backing in ("", "none"):
            return "ram", "zram"
        # zram writeback: idle or incompressible pages go to this device as they are
        try:
            info = stat_path(backing)
        except OSError:
            return "unknown", f"zram writes back to {backing}, which cannot be checked"
        below, why = _protection(_device_of(info.st_rdev, sys_root), stat_path, sys_root, seen + 1)
        return below if below in ("encrypted", "unknown") else "unencrypted", f"zram writes back to {backing} ({why})"
    kind = _dm_type(_read(block / "dm" / "uuid"))
    if kind in ENCRYPTING_TYPES:
        return "encrypted", f"dm-crypt {kind}"
    label = name if not kind else f"{name}: " + _NOT_ENCRYPTING.get(kind, f"CRYPT-{kind}, not a dm-crypt type")
    layers = sorted((block / "slaves").glob("*")) if (block / "slaves").is_dir() else []
    if not layers:  # a partition has its own entry; its parent disk is not encrypted either
        return "unencrypted", label if kind else f"plain device {name}"
    found = [_protection(layer, stat_path, sys_root, seen + 1) for layer in layers]
    unsafe = [(protection, why) for protection, why in found if protection not in ("encrypted", "ram")]
    if not unsafe:
        return "encrypted", "on " + ", ".join(sorted({why for _, why in found}))
    verdict = "unencrypted" if any(p == "unencrypted" for p, _ in unsafe) else "unknown"
    return verdict, f"{label} on " + "; ".join(why for _, why in unsafe)


_NOT_ENCRYPTING = {"INTEGRITY": "dm-integrity only, not encrypted", "VERITY": "dm-verity, not encrypted",
                   "SUBDEV": "the integrity layer under LUKS2, not encrypted itself"}


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return ""


def _device_of(number: int, sys_root: Path) -> Path:
    return sys_root / "dev" / "block" / f"{os.major(number)}:{os.minor(number)}"


def swap_areas(proc_swaps: Path = Path("/proc/swaps"), sys_root: Path = Path("/sys"),
               stat_path: Callable[[str], os.stat_result] = os.stat) -> list[SwapArea]:
    """Every active swap area and how it is protected; [] where there is no /proc/swaps (not Linux). Reading it
    is cheap (a few small sysfs files), so the desktop repeats it during a session."""
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
            areas.append(SwapArea(name, kind, "unknown", "it cannot be found"))
            continue
        number = info.st_rdev if stat.S_ISBLK(info.st_mode) else info.st_dev
        areas.append(SwapArea(name, kind, *_protection(_device_of(number, sys_root), stat_path, sys_root)))
    return areas


def unsafe_swap_warning(areas: list[SwapArea] | None = None) -> str:
    """A warning naming each swap area that could hold decrypted report text on disk; '' when none."""
    unsafe = [a for a in (swap_areas() if areas is None else areas) if not a.safe]
    if not unsafe:
        return ""
    listed = "; ".join(a.describe() for a in unsafe)
    return (f"Swap may write decrypted report text to disk ({listed}). "
            "Ask the system administrator to encrypt swap or turn it off.")
