"""Custody hops: couriers countersign without touching the signer's manifest; any broken hop refuses the bundle."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from nia_desktop.core.bundles import custody
from nia_desktop.core.bundles.manifest import MANIFEST, SIGNATURE
from nia_desktop.core.bundles.verify import TrustedKey, verify_stream
from nia_desktop.core.errors import BundleRejected
from nia_desktop.core.signing import SigningContext, fingerprint, sign
from tests.unit.bundles.test_format import FP, KEY, NOW, _entries, _rebuilt, make

CARL, DAVE = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
KEYS = {FP: ("anna", KEY), fingerprint(CARL.public_key()): ("carl", CARL),
        fingerprint(DAVE.public_key()): ("dave", DAVE)}


def trusted(fp: str) -> TrustedKey | None:
    found = KEYS.get(fp)
    return TrustedKey(found[0], fp, found[1].public_key()) if found else None


def carried(data: bytes, key: Ed25519PrivateKey, name: str, volume: str) -> bytes:
    verified = verify_stream(io.BytesIO(data), len(data), trusted, NOW)
    number = len(verified.custody) + 1
    previous = None
    if verified.custody:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            previous = archive.read(custody.entry_names(number - 1)[0])
    hop = custody.new_hop(key, name, NOW, volume, verified.manifest.uuid, verified.manifest_bytes, previous, number)
    out = io.BytesIO()
    custody.append_hop(io.BytesIO(data), verified.entries, out, hop, number)
    return out.getvalue()


def check(data: bytes, reason: str = "") -> list[custody.Hop]:
    if reason:
        with pytest.raises(BundleRejected) as caught:
            verify_stream(io.BytesIO(data), len(data), trusted, NOW)
        assert reason in caught.value.user_message, caught.value.user_message
        return []
    return verify_stream(io.BytesIO(data), len(data), trusted, NOW).custody


def test_two_hops_chain_and_leave_the_signature_alone(tmp_path: Path) -> None:
    original = make(tmp_path).read_bytes()
    two = carried(carried(original, CARL, "carl", "USB-7"), DAVE, "dave", "DESK")
    hops = check(two)
    assert [(h.number, h.courier, h.volume, h.signer_name) for h in hops] == [(1, "carl", "USB-7", "carl"),
                                                                             (2, "dave", "DESK", "dave")]
    before, after = _entries(tmp_path / "b.nia"), _entries_of(two)
    assert after[MANIFEST] == before[MANIFEST] and after[SIGNATURE] == before[SIGNATURE]
    assert {k: v for k, v in after.items() if not custody.is_custody(k)} == before


def _entries_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {n: archive.read(n) for n in archive.namelist()}


def test_every_broken_hop_refuses_the_bundle(tmp_path: Path) -> None:
    original = make(tmp_path).read_bytes()
    two = _entries_of(carried(carried(original, CARL, "carl", "USB-7"), DAVE, "dave", "DESK"))
    one_json, one_sig = custody.entry_names(1)
    two_json, two_sig = custody.entry_names(2)

    def rebuilt(entries: dict[str, bytes], name: str) -> bytes:
        return _rebuilt(tmp_path, entries, name).read_bytes()

    hop = json.loads(two[one_json])
    altered = json.dumps({**hop, "volume": "ELSEWHERE"}, sort_keys=True, separators=(",", ":")).encode()
    check(rebuilt({**two, one_json: altered}, "a.nia"), "custody hop 1: bad countersignature")
    without_first = {k: v for k, v in two.items() if k not in (one_json, one_sig)}
    check(rebuilt(without_first, "b.nia"), "not numbered")
    renumbered = {k: v for k, v in without_first.items() if k not in (two_json, two_sig)}
    renumbered.update({one_json: two[two_json], one_sig: two[two_sig]})  # hop 2 passed off as the first
    check(rebuilt(renumbered, "c.nia"), "custody hop 1")
    check(rebuilt({k: v for k, v in two.items() if k != two_sig}, "d.nia"), "custody hop 2 is incomplete")
    stranger = Ed25519PrivateKey.generate()
    forged = custody.new_hop(stranger, "mallory", NOW, "X", json.loads(two[MANIFEST])["uuid"], two[MANIFEST],
                             two[two_json], 3)
    three_json, three_sig = custody.entry_names(3)
    check(rebuilt({**two, three_json: forged[0], three_sig: forged[1]}, "e.nia"), "not trusted")
    domain = sign(CARL, SigningContext.BUNDLE_MANIFEST, two[one_json])  # a manifest signature is not a hop's
    check(rebuilt({**two, one_sig: domain}, "f.nia"), "bad countersignature")
    other = _entries_of(carried(make(tmp_path, "other.nia").read_bytes(), CARL, "carl", "USB-7"))
    check(rebuilt({**two, one_json: other[one_json], one_sig: other[one_sig]}, "g.nia"), "another bundle")
    check(rebuilt({**two, "custody/notes.txt": b"x"}, "h.nia"), "unexpected custody entry")


def test_flipped_bytes_in_a_carried_bundle_are_refused(tmp_path: Path) -> None:
    data = carried(make(tmp_path).read_bytes(), CARL, "carl", "USB-7")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        spans = [(i.header_offset, i.header_offset + 30 + len(i.filename.encode()) + i.compress_size)
                 for i in archive.infolist() if custody.is_custody(i.filename)]
    positions = {p for start, end in spans for p in range(start, end, 3)}
    assert len(positions) > 100
    for position in sorted(positions):
        damaged = bytearray(data)
        damaged[position] ^= 0x01
        with pytest.raises(BundleRejected):
            verify_stream(io.BytesIO(bytes(damaged)), len(damaged), trusted, NOW)
