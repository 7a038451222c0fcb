"""Custody hand-overs (issue #10, point 7): each hop names whom it hands the bundle to; a replaced hop is refused,
a cut or stripped one is flagged for the one checking, never passed over in silence."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from nia_desktop.core.bundles import custody
from nia_desktop.core.bundles.custody import COURIER, WORKSTATION, HandTo, Holder, assess
from nia_desktop.core.bundles.verify import TrustedKey, verify_stream
from nia_desktop.core.canonical import canonical_json
from nia_desktop.core.errors import BundleRejected
from nia_desktop.core.signing import SigningContext, fingerprint, sign
from tests.unit.bundles.test_format import FP, KEY, NOW, _rebuilt, make

CARL, DAVE, ERIN = (Ed25519PrivateKey.generate() for _ in range(3))
NAMES = {FP: ("anna", KEY), **{fingerprint(k.public_key()): (n, k) for n, k in
                                (("carl", CARL), ("dave", DAVE), ("erin", ERIN))}}
HERE = "age1" + "q" * 58  # the receiving workstation's age recipient
ELSEWHERE = "age1" + "p" * 58


def fp(key: Ed25519PrivateKey) -> str:
    return fingerprint(key.public_key())


def to(key: Ed25519PrivateKey) -> HandTo:
    return HandTo(COURIER, fp(key), NAMES[fp(key)][0])


def trusted(wanted: str) -> TrustedKey | None:
    found = NAMES.get(wanted)
    return TrustedKey(found[0], wanted, found[1].public_key()) if found else None


def entries_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {n: archive.read(n) for n in archive.namelist()}


def carried(data: bytes, key: Ed25519PrivateKey, hand_to: HandTo | None) -> bytes:
    """``key``'s courier adds the next hop, as services/couriers.py does (no checks of its own: a forger's tool)."""
    verified = verify_stream(io.BytesIO(data), len(data), trusted, NOW)
    number = len(verified.custody) + 1
    previous = entries_of(data)[custody.entry_names(number - 1)[0]] if verified.custody else None
    hop = custody.new_hop(key, NAMES[fp(key)][0], NOW, "USB-7", verified.manifest.uuid, verified.manifest_bytes,
                          previous, number, hand_to)
    out = io.BytesIO()
    custody.append_hop(io.BytesIO(data), verified.entries, out, hop, number)
    return out.getvalue()


def hops_of(data: bytes) -> list[custody.Hop]:
    return verify_stream(io.BytesIO(data), len(data), trusted, NOW).custody


def holder(key: Ed25519PrivateKey | None = None, recipient: str = HERE,
           local: tuple[Ed25519PrivateKey, ...] = ()) -> Holder:
    """The one checking: a courier (their key) on the workstation whose recipient is ``recipient``."""
    who = key or ERIN
    return Holder(fp(who), NAMES[fp(who)][0], recipient, "ws-b", {fp(k) for k in (who, *local)}.__contains__)


def without(data: bytes, tmp_path: Path, *numbers: int) -> bytes:
    entries = {n: v for n, v in entries_of(data).items()
               if not any(n in custody.entry_names(k) for k in numbers)}
    return _rebuilt(tmp_path, entries, "cut.nia").read_bytes()


@pytest.fixture
def signed(tmp_path: Path) -> bytes:
    return make(tmp_path).read_bytes()


def test_happy_path_each_holder_sees_the_chain_reach_them(signed: bytes) -> None:
    one = carried(signed, CARL, to(DAVE))
    chain = assess(hops_of(one), holder(DAVE), FP)
    assert chain.complete and chain.warnings == []  # dave checks what carl handed him
    two = carried(one, DAVE, HandTo(WORKSTATION, HERE, "ws-b"))
    hops = hops_of(two)
    assert [(h.signer_name, h.to) for h in hops] == [("carl", to(DAVE)), ("dave", HandTo(WORKSTATION, HERE, "ws-b"))]
    chain = assess(hops, holder(ERIN), FP)  # any courier of the workstation it was delivered to
    assert chain.complete and chain.warnings == []
    assert chain.to_json()["hops"][1]["to"] == {"kind": "workstation", "recipient": HERE, "name": "ws-b"}


def test_all_hops_stripped_is_flagged(signed: bytes, tmp_path: Path) -> None:
    stripped = without(carried(carried(signed, CARL, to(DAVE)), DAVE, HandTo(WORKSTATION, HERE)), tmp_path, 1, 2)
    assert hops_of(stripped) == []  # still a well-signed bundle...
    chain = assess([], holder(), FP)  # ...but it came from another workstation and shows no carrier
    assert not chain.complete
    assert chain.warnings[0].startswith("no custody: who carried it is not shown")
    encrypted = assess([], holder(), FP, encrypted=True)
    assert not encrypted.complete and "arrived encrypted" in encrypted.warnings[0]
    at_home = assess([], holder(local=(KEY,)), FP)  # signed on this workstation: nobody had to carry it
    assert at_home.complete and at_home.warnings == []


def test_the_last_hop_stripped_is_flagged_naming_the_gap(signed: bytes, tmp_path: Path) -> None:
    two = carried(carried(signed, CARL, to(DAVE)), DAVE, HandTo(WORKSTATION, HERE))
    cut = without(two, tmp_path, 2)
    chain = assess(hops_of(cut), holder(ERIN), FP)
    assert not chain.complete
    [gap] = chain.warnings
    assert gap.startswith("custody gap: hop 1 (carl") and "handed the bundle to dave" in gap and "erin" in gap


def test_a_later_couriers_hop_replaced_by_an_earlier_couriers_own_is_refused(signed: bytes,
                                                                              tmp_path: Path) -> None:
    one = carried(signed, CARL, to(DAVE))
    carried(one, DAVE, HandTo(WORKSTATION, HERE))  # the real hop 2, which carl throws away
    forged = carried(one, CARL, HandTo(WORKSTATION, HERE))  # carl's own hop 2 in its place
    with pytest.raises(BundleRejected, match=r"custody hop 2 is signed by carl .*but hop 1 handed the bundle to "
                                             r"dave .*replaced"):
        hops_of(forged)


def test_a_hop_to_one_courier_signed_by_another_is_refused(signed: bytes) -> None:
    with pytest.raises(BundleRejected, match="custody hop 2 is signed by erin"):
        hops_of(carried(carried(signed, CARL, to(DAVE)), ERIN, HandTo(WORKSTATION, HERE)))


def test_reordered_hops_are_refused(signed: bytes, tmp_path: Path) -> None:
    two = entries_of(carried(carried(signed, CARL, to(DAVE)), DAVE, HandTo(WORKSTATION, HERE)))
    (j1, s1), (j2, s2) = custody.entry_names(1), custody.entry_names(2)
    swapped = {**two, j1: two[j2], s1: two[s2], j2: two[j1], s2: two[s1]}
    with pytest.raises(BundleRejected, match="custody hop 1"):
        hops_of(_rebuilt(tmp_path, swapped, "swapped.nia").read_bytes())


def test_a_hop_after_a_delivery_here_must_be_by_someone_here(signed: bytes) -> None:
    delivered = carried(carried(signed, CARL, HandTo(WORKSTATION, HERE)), DAVE, to(ERIN))
    hops = hops_of(delivered)  # elsewhere nobody can tell who works at ws-b
    assert any("only that workstation can tell" in w for w in assess(hops, holder(ERIN, ELSEWHERE), FP).warnings)
    with pytest.raises(BundleRejected, match=r"custody hop 2 is signed by dave .*not a user of this workstation"):
        assess(hops, holder(ERIN), FP)  # at ws-b dave is nobody's user
    chain = assess(hops, holder(ERIN, local=(DAVE,)), FP)  # dave is ws-b's courier: fine
    assert chain.complete


def test_hops_without_to_are_read_and_flagged(signed: bytes) -> None:
    legacy = carried(signed, CARL, None)  # an older version's hop: no "to" at all
    hop = entries_of(legacy)[custody.entry_names(1)[0]]
    assert b'"to"' not in hop
    chain = assess(hops_of(legacy), holder(), FP)
    assert not chain.complete and "does not say whom the bundle was handed to" in chain.warnings[0]


def test_the_end_of_the_chain_is_compared_with_the_one_checking(signed: bytes) -> None:
    elsewhere = carried(signed, CARL, HandTo(WORKSTATION, ELSEWHERE, "ws-c"))
    chain = assess(hops_of(elsewhere), holder(), FP)
    assert not chain.complete and "delivers the bundle to workstation ws-c" in chain.warnings[0]
    no_vault = assess(hops_of(carried(signed, CARL, HandTo(WORKSTATION, HERE))), Holder(), FP)
    assert not no_vault.complete and "checked without a vault" in no_vault.warnings[0]


@pytest.mark.parametrize("bad", [
    {"kind": "courier", "fingerprint": "not-hex", "name": "x"},
    {"kind": "courier", "fingerprint": "a" * 64, "name": "x", "extra": 1},
    {"kind": "workstation", "recipient": "age2" + "q" * 58, "name": ""},
    {"kind": "anyone", "fingerprint": "a" * 64, "name": ""},
    "dave", 7,
])
def test_a_malformed_to_is_refused(signed: bytes, tmp_path: Path, bad: object) -> None:
    entries = entries_of(signed)
    manifest = entries["manifest.json"]
    hop = custody.Hop(1, "carl", fp(CARL), NOW, "USB", hashlib.sha256(manifest).hexdigest(), "",
                      json.loads(manifest)["uuid"])
    data = canonical_json({**hop.to_json(), "to": bad})
    name, sig = custody.entry_names(1)
    forged = {**entries, name: data, sig: sign(CARL, SigningContext.CUSTODY_HOP, data)}
    with pytest.raises(BundleRejected, match="custody hop 1 is malformed"):
        hops_of(_rebuilt(tmp_path, forged, "bad-to.nia").read_bytes())
