"""The swap check: which swap areas could carry decrypted report text to disk."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from nia_desktop.core.swap import swap_areas, unsafe_swap_warning

HEADER = "Filename\t\t\t\tType\t\tSize\t\tUsed\t\tPriority\n"


def fake_sys(root: Path) -> Path:
    """A /sys with: sda2 (plain), dm-0 (LUKS), dm-1 (LVM on dm-0), dm-2 (LVM on sda2), zram0."""
    block = root / "dev" / "block"
    block.mkdir(parents=True)
    devices = root / "devices"

    def device(number: str, name: str, uuid: str = "", slaves: tuple[str, ...] = ()) -> None:
        path = devices / name
        path.mkdir(parents=True)
        if uuid:
            (path / "dm").mkdir()
            (path / "dm" / "uuid").write_text(uuid + "\n")
        if slaves:
            (path / "slaves").mkdir()
            for slave in slaves:
                (path / "slaves" / slave).symlink_to(devices / slave)
        (block / number).symlink_to(path)

    device("8:2", "sda2")
    device("253:0", "dm-0", "CRYPT-LUKS2-0123-cryptswap")
    device("253:1", "dm-1", "LVM-abc", ("dm-0",))
    device("253:2", "dm-2", "LVM-def", ("sda2",))
    device("252:0", "zram0")
    return root


def fake_stat(numbers: dict[str, tuple[int, int, bool]]):  # type: ignore[no-untyped-def]
    def stat_path(name: str) -> os.stat_result:
        if name not in numbers:
            raise FileNotFoundError(name)
        major, minor, is_block = numbers[name]
        number = os.makedev(major, minor)
        mode = stat.S_IFBLK if is_block else stat.S_IFREG
        # st_mode, st_ino, st_dev, st_nlink, st_uid, st_gid, st_size, st_atime, st_mtime, st_ctime
        fields = (mode, 1, 0 if is_block else number, 1, 0, 0, 0, 0, 0, 0)
        result = os.stat_result(fields, {"st_rdev": number if is_block else 0})
        return result

    return stat_path


def test_each_kind_of_swap_is_classified(tmp_path: Path) -> None:
    swaps = tmp_path / "swaps"
    swaps.write_text(HEADER + "/dev/sda2\tpartition\t1\t0\t-2\n/dev/dm-0\tpartition\t1\t0\t-3\n"
                     "/dev/dm-1\tpartition\t1\t0\t-4\n/dev/dm-2\tpartition\t1\t0\t-5\n"
                     "/dev/zram0\tpartition\t1\t0\t100\n/swap\\040file\tfile\t1\t0\t-6\n/gone\tfile\t1\t0\t-7\n")
    numbers = {"/dev/sda2": (8, 2, True), "/dev/dm-0": (253, 0, True), "/dev/dm-1": (253, 1, True),
               "/dev/dm-2": (253, 2, True), "/dev/zram0": (252, 0, True), "/swap file": (253, 1, False)}
    areas = swap_areas(swaps, fake_sys(tmp_path / "sys"), fake_stat(numbers))
    assert [(a.name, a.protection) for a in areas] == [
        ("/dev/sda2", "unencrypted"), ("/dev/dm-0", "encrypted"), ("/dev/dm-1", "encrypted"),
        ("/dev/dm-2", "unencrypted"), ("/dev/zram0", "ram"), ("/swap file", "encrypted"), ("/gone", "unknown")]
    warning = unsafe_swap_warning(areas)
    assert "/dev/sda2" in warning and "/dev/dm-2" in warning and "/gone: cannot tell" in warning
    assert "dm-0" not in warning and "zram0" not in warning and "/swap file" not in warning


def test_no_swap_no_warning(tmp_path: Path) -> None:
    swaps = tmp_path / "swaps"
    swaps.write_text(HEADER)
    assert swap_areas(swaps, tmp_path) == []
    assert unsafe_swap_warning([]) == ""
    assert swap_areas(tmp_path / "missing") == []  # not Linux


def test_this_machine_can_be_checked() -> None:
    # Whatever the machine has, the check runs and every area gets a verdict.
    assert all(a.protection in ("ram", "encrypted", "unencrypted", "unknown") for a in swap_areas())


def sysfs(root: Path, devices: dict[str, tuple[str, str, tuple[str, ...]]],
          files: dict[str, dict[str, str]] | None = None) -> Path:
    """A /sys: device name -> (major:minor, dm uuid or "", the devices below it), plus extra files per device."""
    (root / "dev" / "block").mkdir(parents=True)
    for name, (number, uuid, _) in devices.items():
        path = root / "devices" / name
        path.mkdir(parents=True)
        if uuid:
            (path / "dm").mkdir()
            (path / "dm" / "uuid").write_text(uuid + "\n")
        for file, content in (files or {}).get(name, {}).items():
            (path / file).write_text(content + "\n")
        (root / "dev" / "block" / number).symlink_to(path)
    for name, (_, _, below) in devices.items():
        if below:
            (root / "devices" / name / "slaves").mkdir()
            for lower in below:
                (root / "devices" / name / "slaves" / lower).symlink_to(root / "devices" / lower)
    return root


MACHINE = {  # one machine with every layout the check must tell apart
    "sda1": ("8:1", "", ()), "sda2": ("8:2", "", ()), "sdb1": ("8:17", "", ()), "sdc1": ("8:33", "", ()),
    "dm-0": ("253:0", "CRYPT-LUKS2-0123456789abcdef0123456789abcdef-luks-swap", ("sda2",)),
    "dm-1": ("253:1", "CRYPT-PLAIN-cryptswap", ("sdb1",)),
    "dm-2": ("253:2", "CRYPT-INTEGRITY-intswap", ("sdc1",)),
    "dm-3": ("253:3", "LVM-vg0swap", ("dm-0",)),  # LVM on LUKS
    "dm-4": ("253:4", "LVM-vg1swap", ("dm-2",)),  # LVM on dm-integrity: nothing encrypts
    "dm-5": ("253:5", "CRYPT-SUBDEV-0123456789abcdef0123456789abcdef-data_dif", ("sda1",)),
    "dm-6": ("253:6", "CRYPT-LUKS1-fedcba9876543210fedcba9876543210-old", ("sda1",)),
    "dm-7": ("253:7", "CRYPT-VERITY-0123-root", ("sda1",)),
    "dm-8": ("253:8", "LVM-mixed", ("dm-0", "sdb1")),  # striped over one encrypted and one plain device
    "md0": ("9:0", "", ("dm-0", "dm-6")),  # RAID 1 of two dm-crypt members
    "zram0": ("252:0", "", ()), "zram1": ("252:1", "", ()), "zram2": ("252:2", "", ()),
}
NUMBERS = {"/dev/" + name: (int(n.split(":")[0]), int(n.split(":")[1]), True) for name, (n, _, _) in MACHINE.items()}


@pytest.mark.parametrize(("swap", "protection", "why"), [
    ("/dev/dm-0", "encrypted", "dm-crypt LUKS2"),
    ("/dev/dm-1", "encrypted", "dm-crypt PLAIN"),
    ("/dev/dm-6", "encrypted", "dm-crypt LUKS1"),
    ("/dev/dm-2", "unencrypted", "dm-integrity only"),  # CRYPT- prefix, but integritysetup encrypts nothing
    ("/dev/dm-5", "unencrypted", "integrity layer under LUKS2"),
    ("/dev/dm-7", "unencrypted", "dm-verity"),
    ("/dev/dm-3", "encrypted", "on dm-crypt LUKS2"),
    ("/dev/dm-4", "unencrypted", "dm-integrity only"),
    ("/dev/dm-8", "unencrypted", "plain device sdb1"),
    ("/dev/md0", "encrypted", "dm-crypt LUKS1, dm-crypt LUKS2"),
    ("/dev/sda2", "unencrypted", "plain device sda2"),
    ("/dev/zram0", "ram", "zram"),
    ("/dev/zram1", "unencrypted", "zram writes back to /dev/sdb1"),
    ("/dev/zram2", "encrypted", "zram writes back to /dev/dm-1 (dm-crypt PLAIN)"),
    ("/swapfile-plain", "unencrypted", "plain device sdb1"),  # a swap file on a plain file system
    ("/swapfile-lvm", "encrypted", "on dm-crypt LUKS2"),  # a swap file on LVM on LUKS
])
def test_only_real_dm_crypt_counts_as_encrypted(tmp_path: Path, swap: str, protection: str, why: str) -> None:
    root = sysfs(tmp_path / "sys", MACHINE, {"zram1": {"backing_dev": "/dev/sdb1"},
                                             "zram2": {"backing_dev": "/dev/dm-1"}, "zram0": {"backing_dev": "none"}})
    swaps = tmp_path / "swaps"
    swaps.write_text(HEADER + f"{swap}\t{'file' if swap.startswith('/swapfile') else 'partition'}\t1\t0\t-2\n")
    numbers = {**NUMBERS, "/swapfile-plain": (8, 17, False), "/swapfile-lvm": (253, 3, False)}
    [area] = swap_areas(swaps, root, fake_stat(numbers))
    assert (area.name, area.protection) == (swap, protection)
    assert why in area.why, area.why
    assert area.safe == (protection in ("encrypted", "ram"))
    assert why in area.describe()
