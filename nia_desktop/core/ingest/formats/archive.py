"""ZIP archives, read recursively within limits that stop bombs and escapes.

Refused, each with its reason: path traversal, absolute names, symlink
entries, encrypted entries, nesting deeper than the limit, more entries,
more total uncompressed bytes or a higher compression ratio than allowed.
Sizes in the central directory can lie, so reads are capped as well.
"""

from __future__ import annotations

import io
import stat
import zipfile
from collections.abc import Callable
from pathlib import PurePosixPath

from nia_desktop.core.ingest.limits import Limits
from nia_desktop.core.ingest.model import Document, ParseRefused

ParseOne = Callable[[bytes, str, int], list[Document]]


def _open(data: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise ParseRefused(f"damaged ZIP archive: {exc}") from exc


def unsafe_name(name: str) -> str | None:
    """Why an entry name is unsafe, or None."""
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return "absolute path"
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if ".." in parts:
        return "path traversal ('..')"
    if "\x00" in name:
        return "NUL in name"
    return None


def check_zip_limits(data: bytes, limits: Limits = Limits()) -> list[zipfile.ZipInfo]:  # noqa: B008
    """Check every entry's metadata; return the file entries in order."""
    with _open(data) as archive:
        infos = archive.infolist()
    if len(infos) > limits.zip_max_entries:
        raise ParseRefused(f"ZIP has {len(infos)} entries, more than {limits.zip_max_entries}")
    total = 0
    files = []
    for info in infos:
        reason = unsafe_name(info.filename)
        if reason:
            raise ParseRefused(f"ZIP entry '{info.filename[:120]}' refused: {reason}")
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise ParseRefused(f"ZIP entry '{info.filename[:120]}' refused: symbolic link")
        if info.flag_bits & 0x1:
            raise ParseRefused(f"ZIP entry '{info.filename[:120]}' refused: encrypted")
        if info.is_dir():
            continue
        total += info.file_size
        if total > limits.zip_max_total_bytes:
            limit_mib = limits.zip_max_total_bytes // (1024 * 1024)
            raise ParseRefused(f"ZIP expands to more than {limit_mib} MiB (zip bomb?)")
        if info.compress_size and info.file_size / info.compress_size > limits.zip_max_ratio:
            raise ParseRefused(f"ZIP entry '{info.filename[:120]}' has compression ratio "
                               f"{info.file_size // info.compress_size}:1, over {limits.zip_max_ratio}:1 (zip bomb?)")
        files.append(info)
    return files


def parse(data: bytes, name: str, depth: int, limits: Limits, parse_one: ParseOne) -> list[Document]:
    if depth > limits.zip_max_depth:
        raise ParseRefused(f"archives nested deeper than {limits.zip_max_depth}")
    files = check_zip_limits(data, limits)
    documents: list[Document] = []
    with _open(data) as archive:
        for info in files:
            with archive.open(info) as member:
                content = member.read(info.file_size + 1)
            if len(content) > info.file_size:
                raise ParseRefused(f"ZIP entry '{info.filename[:120]}' is larger than it declares")
            try:
                children = parse_one(content, info.filename, depth + 1)
            except ParseRefused as exc:
                children = [Document("refused", "", info.filename, raw=content, fields={"refused": exc.reason})]
            for child in children:
                child.inner = info.filename + (f"!{child.inner}" if child.inner else "")
                if not child.raw:
                    child.raw = content
                documents.append(child)
    if not documents:
        raise ParseRefused("empty ZIP archive")
    return documents
