"""The bundle's one file: a plain ZIP that `unzip` reads, written and parsed strictly here.

The manifest's signature covers every payload byte through its hash, but
not the container's own bytes (headers, times, attributes). So the reader
accepts only the exact layout the writer makes: entries back to back from
the first byte, each local header equal to its central record, fixed
times and attributes, no extra fields, comments, encryption, directories,
symbolic links or data descriptors, nothing after the end record. A flipped
byte anywhere either breaks a hash, the signature, or this layout.

Limits of this version: entries and the whole file stay under 2 GiB (no
ZIP64 records).
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from nia_desktop.core.errors import BundleRejected

STORED, DEFLATED = 0, 8
LIMIT = 2**31 - 1  # no ZIP64 records in this version
_LOCAL = struct.Struct("<4sHHHHHIIIHH")
_CENTRAL = struct.Struct("<4sHHHHHHIIIHHHHHII")
_END = struct.Struct("<4sHHHHIIH")
_LOCAL_SIG, _CENTRAL_SIG, _END_SIG = b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06"
_VERSION = 20  # 2.0: deflate
_MADE_BY = (3 << 8) | _VERSION  # Unix
_DOS_TIME, _DOS_DATE = 0, (0 << 9) | (1 << 5) | 1  # 1980-01-01 00:00: a bundle's times are in its manifest
_ATTRIBUTES = (0o100600 << 16)  # a regular file, owner read-write
_FLAGS = 0x0800  # names are UTF-8
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Entry:
    name: str
    method: int
    crc: int
    compressed: int
    size: int
    offset: int  # of its local header
    data_offset: int


def safe_name(name: str) -> bool:
    """A relative path of plain segments: no absolute or drive paths, no '..', backslashes or control chars."""
    if not name or len(name.encode("utf-8")) > 512 or name.startswith("/") or "\\" in name or ":" in name:
        return False
    if any(ord(c) < 32 or c == "\x7f" for c in name):
        return False
    return all(part not in ("", ".", "..") for part in name.split("/"))


class Writer:
    """Entries are streamed in one at a time; `close` writes the directory. The file must be seekable."""

    def __init__(self, out: BinaryIO) -> None:
        self.out = out
        self.entries: list[Entry] = []

    def add(self, name: str, chunks: Iterator[bytes], method: int) -> Iterator[bytes]:
        """Write one entry from ``chunks``; yields each chunk as written (for the caller's hash)."""
        if not safe_name(name) or any(e.name == name for e in self.entries):
            raise ValueError(f"unsafe or repeated entry name: {name!r}")
        encoded = name.encode("utf-8")
        offset = self.out.tell()
        self.out.write(_LOCAL.pack(_LOCAL_SIG, _VERSION, _FLAGS, method, _DOS_TIME, _DOS_DATE, 0, 0, 0,
                                   len(encoded), 0) + encoded)
        data_offset = self.out.tell()
        crc, size = 0, 0
        squeeze = zlib.compressobj(6, zlib.DEFLATED, -15) if method == DEFLATED else None
        for chunk in chunks:
            crc, size = zlib.crc32(chunk, crc), size + len(chunk)
            self.out.write(squeeze.compress(chunk) if squeeze else chunk)
            yield chunk
        if squeeze:
            self.out.write(squeeze.flush())
        end = self.out.tell()
        compressed = end - data_offset
        if size > LIMIT or end > LIMIT:
            raise ValueError("a bundle entry or the bundle itself would pass 2 GiB")
        self.out.seek(offset + 14)
        self.out.write(struct.pack("<III", crc, compressed, size))
        self.out.seek(end)
        self.entries.append(Entry(name, method, crc, compressed, size, offset, data_offset))

    def copy(self, source: BinaryIO, entry: Entry) -> None:
        """An entry of another bundle, byte for byte: its compressed data is copied, never re-encoded."""
        encoded = entry.name.encode("utf-8")
        offset = self.out.tell()
        self.out.write(_LOCAL.pack(_LOCAL_SIG, _VERSION, _FLAGS, entry.method, _DOS_TIME, _DOS_DATE, entry.crc,
                                   entry.compressed, entry.size, len(encoded), 0) + encoded)
        data_offset = self.out.tell()
        source.seek(entry.data_offset)
        remaining = entry.compressed
        while remaining:
            raw = source.read(min(_CHUNK, remaining))
            if not raw:
                raise BundleRejected(f"entry {entry.name!r} is truncated")
            self.out.write(raw)
            remaining -= len(raw)
        self.entries.append(Entry(entry.name, entry.method, entry.crc, entry.compressed, entry.size, offset,
                                  data_offset))

    def close(self) -> None:
        start = self.out.tell()
        for e in self.entries:
            encoded = e.name.encode("utf-8")
            self.out.write(_CENTRAL.pack(_CENTRAL_SIG, _MADE_BY, _VERSION, _FLAGS, e.method, _DOS_TIME, _DOS_DATE,
                                         e.crc, e.compressed, e.size, len(encoded), 0, 0, 0, 0, _ATTRIBUTES,
                                         e.offset) + encoded)
        size = self.out.tell() - start
        self.out.write(_END.pack(_END_SIG, 0, 0, len(self.entries), len(self.entries), size, start, 0))


class SequentialWriter:
    """The same layout for a target that cannot seek (the age stream of an encrypted bundle): each entry's
    CRC and sizes must be known before its data, so its local header is final when written."""

    def __init__(self) -> None:
        self.offset = 0
        self.entries: list[Entry] = []

    def entry(self, name: str, method: int, crc: int, compressed: int, size: int,
              data: Iterator[bytes]) -> Iterator[bytes]:
        if not safe_name(name) or any(e.name == name for e in self.entries):
            raise ValueError(f"unsafe or repeated entry name: {name!r}")
        if size > LIMIT or self.offset + compressed > LIMIT:
            raise ValueError("a bundle entry or the bundle itself would pass 2 GiB")
        encoded = name.encode("utf-8")
        header = _LOCAL.pack(_LOCAL_SIG, _VERSION, _FLAGS, method, _DOS_TIME, _DOS_DATE, crc, compressed, size,
                             len(encoded), 0) + encoded
        offset = self.offset
        yield header
        written = 0
        for chunk in data:
            written += len(chunk)
            yield chunk
        if written != compressed:
            raise ValueError(f"{name} changed while it was written")
        self.entries.append(Entry(name, method, crc, compressed, size, offset, offset + len(header)))
        self.offset += len(header) + compressed

    def directory(self) -> bytes:
        out = bytearray()
        for e in self.entries:
            encoded = e.name.encode("utf-8")
            out += _CENTRAL.pack(_CENTRAL_SIG, _MADE_BY, _VERSION, _FLAGS, e.method, _DOS_TIME, _DOS_DATE, e.crc,
                                 e.compressed, e.size, len(encoded), 0, 0, 0, 0, _ATTRIBUTES, e.offset) + encoded
        out += _END.pack(_END_SIG, 0, 0, len(self.entries), len(self.entries), len(out), self.offset, 0)
        return bytes(out)


def read_directory(file: BinaryIO, total: int, max_entries: int) -> list[Entry]:
    """Every entry, after checking the whole layout byte for byte; BundleRejected on any deviation."""
    if total < _END.size or total > LIMIT:
        raise BundleRejected("not a bundle: too small or over 2 GiB")
    file.seek(total - _END.size)
    sig, disk, cd_disk, here, count, cd_size, cd_start, comment = _END.unpack(file.read(_END.size))
    if sig != _END_SIG or disk or cd_disk or here != count or comment or count > max_entries \
            or cd_start + cd_size != total - _END.size:
        raise BundleRejected("not a bundle: the container's end record is missing or altered")
    file.seek(cd_start)
    directory = file.read(cd_size)
    entries: list[Entry] = []
    position, expected_offset = 0, 0
    for _ in range(count):
        header = directory[position:position + _CENTRAL.size]
        if len(header) != _CENTRAL.size:
            raise BundleRejected("the container's directory is truncated")
        (sig, made_by, version, flags, method, time, date, crc, compressed, size, name_len, extra_len,
         comment_len, disk, internal, external, offset) = _CENTRAL.unpack(header)
        raw_name = directory[position + _CENTRAL.size:position + _CENTRAL.size + name_len]
        position += _CENTRAL.size + name_len
        if (sig, made_by, version, flags, time, date, extra_len, comment_len, disk, internal, external) != (
                _CENTRAL_SIG, _MADE_BY, _VERSION, _FLAGS, _DOS_TIME, _DOS_DATE, 0, 0, 0, 0, _ATTRIBUTES) \
                or method not in (STORED, DEFLATED) or len(raw_name) != name_len:
            raise BundleRejected("the container's directory has an altered or unsupported entry")
        try:
            name = raw_name.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BundleRejected("an entry name is not UTF-8") from exc
        if not safe_name(name):
            raise BundleRejected(f"unsafe entry name {name!r} (absolute, '..', or control characters)")
        if any(e.name == name for e in entries):
            raise BundleRejected(f"entry {name!r} appears twice")
        if offset != expected_offset or (method == STORED and compressed != size):
            raise BundleRejected(f"entry {name!r} is not where the layout puts it")
        file.seek(offset)
        local = file.read(_LOCAL.size + name_len)
        if _LOCAL.unpack(local[:_LOCAL.size]) != (_LOCAL_SIG, version, flags, method, time, date, crc, compressed,
                                                    size, name_len, 0) or local[_LOCAL.size:] != raw_name:
            raise BundleRejected(f"entry {name!r}: its local header differs from the directory")
        data_offset = offset + _LOCAL.size + name_len
        expected_offset = data_offset + compressed
        entries.append(Entry(name, method, crc, compressed, size, offset, data_offset))
    if position != cd_size or expected_offset != cd_start:
        raise BundleRejected("the container has bytes outside its entries")
    return entries


def read_entry(file: BinaryIO, entry: Entry, limit: int) -> Iterator[bytes]:
    """The entry's bytes in chunks, decompressed; its CRC and size are checked at the end, and no more than
    its stated size (nor ``limit``) is ever produced, whatever the compressed data claims."""
    if entry.size > limit:
        raise BundleRejected(f"entry {entry.name!r} is larger than allowed ({entry.size} bytes)")
    file.seek(entry.data_offset)
    remaining, produced, crc = entry.compressed, 0, 0
    expand = zlib.decompressobj(-15) if entry.method == DEFLATED else None
    while remaining:
        raw = file.read(min(_CHUNK, remaining))
        if not raw:
            raise BundleRejected(f"entry {entry.name!r} is truncated")
        remaining -= len(raw)
        try:
            chunk = expand.decompress(raw, entry.size - produced + 1) if expand else raw
        except zlib.error as exc:
            raise BundleRejected(f"entry {entry.name!r} does not decompress") from exc
        while True:
            produced += len(chunk)
            if produced > entry.size:
                raise BundleRejected(f"entry {entry.name!r} expands beyond its stated size")
            crc = zlib.crc32(chunk, crc)
            if chunk:
                yield chunk
            if not expand or not expand.unconsumed_tail:
                break
            try:
                chunk = expand.decompress(expand.unconsumed_tail, entry.size - produced + 1)
            except zlib.error as exc:
                raise BundleRejected(f"entry {entry.name!r} does not decompress") from exc
    if expand and (not expand.eof or expand.unused_data):
        raise BundleRejected(f"entry {entry.name!r}: its compressed data is incomplete or has extra bytes")
    if produced != entry.size or crc != entry.crc:
        raise BundleRejected(f"entry {entry.name!r} does not match its stated size and checksum")
