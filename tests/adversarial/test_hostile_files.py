"""Hostile input: each is refused (or skipped) with its reason; the import goes on; no zombie is left."""

from __future__ import annotations

import io
import os
import stat
import subprocess
import zipfile
from pathlib import Path

import pytest

from nia_desktop.core.ingest import landlock
from nia_desktop.core.ingest.limits import Limits
from nia_desktop.core.ingest.media import scan
from nia_desktop.core.ingest.model import FileStatus, ParseRefused
from nia_desktop.core.ingest.parse import parse_file
from nia_desktop.core.ingest.sandbox import SandboxPool
from nia_desktop.services.importing import import_paths
from nia_desktop.services.session import unlock
from tests import samples
from tests.conftest import ANALYST, ANALYST_PASS


def refused(data: bytes, name: str, limits: Limits = Limits()) -> str:  # noqa: B008
    with pytest.raises(ParseRefused) as info:
        parse_file(data, name, limits)
    return info.value.reason


def test_zip_bomb_by_ratio() -> None:
    bomb = samples.zip_file({"zeros.txt": b"\0" * (50 * 1024 * 1024)})
    assert len(bomb) < 200_000
    assert "zip bomb" in refused(bomb, "bomb.zip")


def test_zip_bomb_by_total_size() -> None:
    data = samples.zip_file({f"f{i}.txt": os.urandom(1024) * 2 for i in range(5)}, zipfile.ZIP_STORED)
    assert "expands to more than" in refused(data, "big.zip", Limits(zip_max_total_bytes=4096))


@pytest.mark.parametrize(("name", "why"), [("../../etc/passwd", "traversal"), ("/etc/passwd", "absolute"),
                                           ("a/../../x", "traversal"), ("C:/win.ini", "absolute")])
def test_zip_unsafe_names(name: str, why: str) -> None:
    assert why in refused(samples.zip_file({name: b"x"}), "evil.zip")


def test_zip_symlink_entry() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        info = zipfile.ZipInfo("link")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(info, "/etc/passwd")
    assert "symbolic link" in refused(out.getvalue(), "links.zip")


def test_zip_encrypted_entry() -> None:
    data = bytearray(samples.zip_file({"secret.txt": b"hello"}))
    # Set the "encrypted" flag bit in the local and central headers.
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        data[at + offset] |= 0x1
    assert "encrypted" in refused(bytes(data), "locked.zip")


def test_zip_nesting_too_deep() -> None:
    data = samples.EN_REPORT.encode()
    name = "r.txt"
    for level in range(5):
        data = samples.zip_file({name: data})
        name = f"level{level}.zip"
    [document] = _refused_children(data)
    assert "nested deeper" in document


def _refused_children(data: bytes) -> list[str]:
    documents = parse_file(data, "deep.zip", Limits())
    return [d.fields["refused"] for d in documents if d.detected_type == "refused"]


def test_scan_skips_symlink_escape_fifo_and_refuses_huge_sparse_file(tmp_path: Path) -> None:
    root = tmp_path / "media"
    root.mkdir()
    (root / "ok.txt").write_text(samples.EN_REPORT)
    (root / "escape.txt").symlink_to("/etc/hostname")
    (root / "inside.txt").symlink_to(root / "ok.txt")
    os.mkfifo(root / "pipe")
    with open(root / "sparse.bin", "wb") as handle:
        handle.truncate(2 * 1024 * 1024 * 1024)  # 2 GB, nothing written
    items = {item.path.name: item for item in scan([root], 512 * 1024 * 1024)}
    assert items["escape.txt"].status is FileStatus.SKIPPED and "outside" in items["escape.txt"].reason
    assert items["pipe"].status is FileStatus.SKIPPED and "FIFO" in items["pipe"].reason
    assert items["sparse.bin"].status is FileStatus.REFUSED and "limit" in items["sparse.bin"].reason
    assert items["ok.txt"].status is None
    assert "ok.txt" in [i.path.name for i in items.values() if i.status is None]  # the inside link resolves there


def test_hanging_parser_is_killed_and_reaped(tmp_path: Path) -> None:
    with SandboxPool(Limits(parse_timeout_seconds=1.0), size=1) as pool:
        victim = pool._all[0].proc.pid
        result = pool.parse(b"x", "hang.txt", {"test_hang": True})
        assert not result.ok and "longer than 1 s" in result.reason
        after = pool.parse(samples.EN_REPORT.encode(), "fine.txt")
        assert after.ok  # a fresh child took over
    state = subprocess.run(["ps", "-o", "stat=", "-p", str(victim)], capture_output=True, text=True).stdout.strip()
    assert state == ""  # gone, not a zombie (Z)


def test_parser_memory_limit(tmp_path: Path) -> None:
    """A decompression that needs more memory than the child may have fails that file only."""
    data = samples.zip_file({"zeros.txt": b"\0" * (300 * 1024 * 1024)})
    limits = Limits(zip_max_ratio=10**6, child_memory_bytes=256 * 1024 * 1024 + 200 * 1024 * 1024)
    with SandboxPool(limits, size=1) as pool:
        result = pool.parse(data, "heavy.zip")
        assert not result.ok
        assert pool.parse(samples.EN_REPORT.encode(), "fine.txt").ok


def test_hostile_files_in_one_import(vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from nia_desktop.services import importing

    monkeypatch.setattr(importing, "limits_for", lambda session: Limits(parse_timeout_seconds=2.0))
    media = tmp_path / "usb"
    media.mkdir()
    (media / "good.txt").write_text(samples.EN_REPORT)
    (media / "bomb.zip").write_bytes(samples.zip_file({"z.txt": b"\0" * (20 * 1024 * 1024)}))
    (media / "evil.zip").write_bytes(samples.zip_file({"../x.txt": b"x"}))
    (media / "elf.txt").write_bytes(b"\x7fELF" + b"\x00" * 64)
    (media / "bad-utf8.txt").write_bytes(b"Subject: x\n" + bytes([0xC3, 0x28, 0xA0, 0xA1, 0x80, 0x81]) * 100)
    (media / "hang.txt").write_text("anything")
    (media / "\u202eexe.txt").write_text(samples.JA_REPORT)
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        outcome = import_paths(session, [media], test_hooks={"hang_on": "hang.txt"})
    reasons = {Path(r["path"]).name: r["reason"] for r in outcome.refused}
    assert len(outcome.imported) == 2
    assert "zip bomb" in reasons["bomb.zip"]
    assert "traversal" in reasons["evil.zip"]
    assert "ELF" in reasons["elf.txt"]
    assert "not valid text" in reasons["bad-utf8.txt"]
    assert "longer than" in reasons["hang.txt"]
    assert any("\\u202e" in r["path"] for r in outcome.imported)  # shown escaped, never interpreted


def test_a_failed_batch_is_retried_file_by_file() -> None:
    """Small files share a round trip; if that child hangs, each file is parsed alone and none is lost."""
    files = [(samples.EN_REPORT.encode() + bytes(str(i), "ascii"), f"r{i}.txt") for i in range(4)]
    with SandboxPool(Limits(parse_timeout_seconds=1.0), size=1) as pool:
        assert pool._all[0].request_batch(files, {"test_hang_at": 2}) is None  # the whole batch fails...
        results = pool.parse_batch(files, {"test_hang_at": 2})  # ...and the pool retries one by one
        assert [r.ok for r in results] == [True, True, True, True]
        batch = pool.parse_batch(files)
        assert [r.documents[0]["text"][-1] for r in batch] == ["0", "1", "2", "3"]


@pytest.mark.skipif(landlock.abi_version() < 1, reason="this kernel offers no Landlock")
def test_parser_child_can_open_no_file() -> None:
    """An exploited parser could not read the vault or anything else: Landlock denies every new open."""
    with SandboxPool(size=1) as pool:
        probe = pool.parse(b"", "probe", {"test_probe": True}).detected_type
    assert probe.startswith("landlock=") and not probe.startswith("landlock=0")
    assert probe.endswith("read_file=PermissionError")
