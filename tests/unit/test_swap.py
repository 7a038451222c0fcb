"""The swap check: which swap areas could carry decrypted report text to disk."""

from __future__ import annotations

import os
import stat
from pathlib import Path

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
