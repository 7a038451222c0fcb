"""The bundle file: written once, checked byte for byte; every kind of tampering refused with its reason."""

from __future__ import annotations

import io
import json
import subprocess
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from nia_desktop.core.bundles import container
from nia_desktop.core.bundles.manifest import MANIFEST, SIGNATURE
from nia_desktop.core.bundles.verify import TrustedKey, verify_bundle
from nia_desktop.core.bundles.write import Signer, Source, write_bundle
from nia_desktop.core.canonical import canonical_json
from nia_desktop.core.errors import BadInput, BundleRejected
from nia_desktop.core.signing import SigningContext, fingerprint, sign

NOW = "2026-11-26T00:00:00.000000Z"
KEY = Ed25519PrivateKey.generate()
FP = fingerprint(KEY.public_key())


def trusted(fp: str) -> TrustedKey | None:
    return TrustedKey("anna", FP, KEY.public_key()) if fp == FP else None


def make(tmp_path: Path, name: str = "b.nia", expires: str | None = None, key: Ed25519PrivateKey = KEY) -> Path:
    out = tmp_path / name
    write_bundle(out, "reports", [
        Source("reports/1/original", data=b"NAGASE Ren met an officer in Roppongi.\n" * 50),
        Source("reports/2/original.pdf", data=b"%PDF-1.7\n" + bytes(range(256)) * 20),
        Source("reports/2/meta.json", data=json.dumps({"title": "永瀬蓮"}, ensure_ascii=False).encode()),
    ], Signer("anna", key), 7, "2026-11-25T10:00:00.000000Z", {"seq": 3, "hash": "ab" * 32}, expires=expires)
    return out


def refused(path: Path, reason: str, lookup=trusted) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BundleRejected) as caught:
        verify_bundle(path, lookup, NOW)
    assert reason in caught.value.user_message, caught.value.user_message


def test_written_bundle_verifies_and_stock_tools_read_it(tmp_path: Path) -> None:
    path = make(tmp_path)
    verified = verify_bundle(path, trusted, NOW)
    assert verified.manifest.sequence == 7 and verified.manifest.signer_fingerprint == FP
    assert [f.path for f in verified.manifest.files] == ["payload/reports/1/original", "payload/reports/2/original.pdf",
                                                          "payload/reports/2/meta.json"]
    assert subprocess.run(["unzip", "-tq", str(path)], capture_output=True).returncode == 0
    with zipfile.ZipFile(path) as archive:  # an independent reader agrees on every entry
        assert archive.read("payload/reports/2/meta.json").decode() == '{"title": "永瀬蓮"}'
        methods = {i.filename: i.compress_type for i in archive.infolist()}
    assert methods["payload/reports/2/original.pdf"] == zipfile.ZIP_STORED  # already compressed: not deflated
    assert methods["payload/reports/1/original"] == zipfile.ZIP_DEFLATED
    assert not list(tmp_path.glob(".*partial"))
    with pytest.raises(BadInput):
        make(tmp_path)  # never overwrites


def test_tampering_anywhere_is_refused(tmp_path: Path) -> None:
    """Flip one byte at 240 positions spread over the whole file: manifest, signature, each payload,
    and the container's headers and directory."""
    original = make(tmp_path).read_bytes()
    with zipfile.ZipFile(io.BytesIO(original)) as archive:
        spans = [(i.header_offset, i.header_offset + 30 + len(i.filename.encode()) + i.compress_size)
                 for i in archive.infolist()]
    positions = set(range(0, len(original), max(1, len(original) // 160)))
    for start, end in spans:  # every entry's header and data, at least a few bytes each
        positions.update({start, start + 7, start + 14, start + 26, start + 30, (start + end) // 2, end - 1})
    positions.update(range(len(original) - 22, len(original)))  # the end record, every byte
    assert len(positions) >= 200
    for position in sorted(positions):
        damaged = bytearray(original)
        damaged[position] ^= 0x01
        path = tmp_path / f"t{position}.nia"
        path.write_bytes(bytes(damaged))
        with pytest.raises(BundleRejected):
            verify_bundle(path, trusted, NOW)
        path.unlink()


def _rebuilt(tmp_path: Path, entries: dict[str, bytes], name: str = "r.nia") -> Path:
    """A container with exactly these entries, written the strict way (as a forger with our writer would)."""
    out = tmp_path / name
    with out.open("wb") as handle:
        writer = container.Writer(handle)
        for entry, data in entries.items():
            for _ in writer.add(entry, iter([data]), container.STORED):
                pass
        writer.close()
    return out


def _entries(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n) for n in archive.namelist()}


def test_each_refusal_names_its_reason(tmp_path: Path) -> None:
    good = _entries(make(tmp_path))
    manifest = json.loads(good[MANIFEST])

    def resigned(value: dict, key: Ed25519PrivateKey = KEY) -> dict[str, bytes]:  # type: ignore[type-arg]
        data = canonical_json(value)
        return {**good, MANIFEST: data, SIGNATURE: sign(key, SigningContext.BUNDLE_MANIFEST, data)}

    refused(_rebuilt(tmp_path, {k: v for k, v in good.items() if k != SIGNATURE}, "a.nia"), "no manifest.sig")
    refused(_rebuilt(tmp_path, {**good, SIGNATURE: bytes(64)}, "b.nia"), "bad signature")
    other = Ed25519PrivateKey.generate()
    refused(_rebuilt(tmp_path, resigned(manifest, other), "c.nia"), "bad signature")  # right name, wrong key
    refused(make(tmp_path, "d.nia", key=other), "untrusted signer")
    refused(make(tmp_path, "e.nia"), "revoked", lambda fp: TrustedKey("anna", FP, KEY.public_key(), revoked=True))
    refused(_rebuilt(tmp_path, {**good, "payload/extra.txt": b"x"}, "f.nia"), "not in the manifest")
    refused(_rebuilt(tmp_path, {k: v for k, v in good.items() if k != "payload/reports/1/original"}, "g.nia"),
            "missing from the bundle")
    refused(_rebuilt(tmp_path, {**good, "payload/reports/1/original": b"altered"}, "h.nia"), "size")
    refused(_rebuilt(tmp_path, resigned({**manifest, "version": 2}), "i.nia"), "unknown bundle format version")
    refused(make(tmp_path, "j.nia", expires="2026-11-25T23:59:59.000000Z"), "expired")
    refused(_rebuilt(tmp_path, {**good, MANIFEST: good[MANIFEST] + b" "}, "k.nia"), "canonical")
    domain = sign(KEY, SigningContext.AUDIT_CHECKPOINT, good[MANIFEST])  # a checkpoint signature is not a manifest's
    refused(_rebuilt(tmp_path, {**good, SIGNATURE: domain}, "l.nia"), "bad signature")


def test_unsafe_names_and_bombs_are_refused_before_reading(tmp_path: Path) -> None:
    good = _entries(make(tmp_path))
    for name in ("../evil", "/etc/passwd", "payload/../../x", "C:\\x", "payload/a\x00b"):
        path = tmp_path / "n.nia"
        with zipfile.ZipFile(path, "w") as archive:
            for entry, data in good.items():
                archive.writestr(entry, data)
            archive.writestr(name, b"x")
        refused(path, "")  # not the strict layout, or an unsafe name: refused either way
        path.unlink()
    with pytest.raises(ValueError):
        container.Writer(io.BytesIO()).add("../evil", iter([b"x"]), container.STORED).__next__()
    bomb = tmp_path / "bomb.nia"
    with bomb.open("wb") as handle:  # 64 MiB of zeros deflated to ~64 KiB, under a manifest that lies
        writer = container.Writer(handle)
        for _ in writer.add("payload/zeros", iter([bytes(1 << 20)] * 64), container.DEFLATED):
            pass
        writer.close()
    with pytest.raises(BundleRejected):
        verify_bundle(bomb, trusted, NOW)
