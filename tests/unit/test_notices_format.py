"""notice.json and receipt.json: canonical, strict, and every hostile value refused with the field named."""

from __future__ import annotations

import json
from typing import Any

import pytest

from nia_desktop.core.bundles.manifest import KINDS
from nia_desktop.core.bundles.notices import (
    Notice,
    new_notice,
    new_receipt,
    parse_notice,
    parse_receipt,
)
from nia_desktop.core.canonical import canonical_json
from nia_desktop.core.errors import BundleRejected

A, B, C = "a" * 64, "b" * 64, "c" * 64
AT = "2026-12-07T10:00:00.000000Z"
UUID = "0f0e0d0c-0b0a-4908-8706-050403020100"
AGE = "age1" + "q" * 58


def notice(**changed: Any) -> dict[str, Any]:
    value = {"action": "recall", "products": [A], "why": "source withdrew the report", "superseded_by": None,
             "issued_by": "anna", "issued_at": AT}
    value.update(changed)
    return value


def receipt(**changed: Any) -> dict[str, Any]:
    value = {"for": UUID, "kind": "briefing", "item": A, "accepted_at": AT, "by": "mina", "workstation": AGE}
    value.update(changed)
    return value


def test_the_new_kinds_are_known() -> None:
    assert "notice" in KINDS and "receipt" in KINDS


def test_a_notice_round_trips_and_its_digest_is_of_its_canonical_bytes() -> None:
    made = new_notice("correct", [A, B], "figures in table 2 were wrong", C, "anna", AT)
    data = made.encode()
    assert data == canonical_json(made.to_json())
    parsed = parse_notice(data)
    assert parsed == made and parsed.products == (A, B) and parsed.superseded_by == C
    import hashlib

    assert made.digest() == hashlib.sha256(data).hexdigest()
    assert parse_notice(canonical_json(notice())) == Notice("recall", (A,), "source withdrew the report", None,
                                                            "anna", AT)
    # A recall may name its replacement.
    assert parse_notice(canonical_json(notice(superseded_by=B))).superseded_by == B


@pytest.mark.parametrize(("changed", "words"), [
    ({"action": "delete"}, "action must be one of correct, recall"),
    ({"action": ["recall"]}, "action"),
    ({"products": []}, "at least one product"),
    ({"products": [A, A]}, "names a product twice"),
    ({"products": ["A" * 64]}, "products[0]"),
    ({"products": [A[:63]]}, "products[0]"),
    ({"products": [1]}, "products[0]"),
    ({"products": A}, "products must be a list"),
    ({"products": [f"{n:064x}" for n in range(1001)]}, "at most 1000"),
    ({"why": ""}, "why"),
    ({"why": "   "}, "blank"),
    ({"why": "x" * 2001}, "why"),
    ({"why": "destroy\x1b[2Jnow"}, "control character"),
    ({"why": "evil\u202etxt"}, "control character"),
    ({"why": 7}, "why"),
    ({"superseded_by": A}, "superseded_by names a product the notice itself"),
    ({"superseded_by": "zz"}, "superseded_by"),
    ({"action": "correct"}, "a correction must name"),
    ({"issued_by": ""}, "issued_by"),
    ({"issued_at": "yesterday"}, "issued_at"),
    ({"issued_at": 1765101600}, "issued_at"),
    ({"extra": 1}, "unknown field 'extra'"),
])
def test_hostile_notices_are_refused_naming_the_field(changed: dict[str, Any], words: str) -> None:
    with pytest.raises(BundleRejected, match=r"notice\.json is malformed") as caught:
        parse_notice(canonical_json(notice(**changed)))
    assert words in caught.value.user_message


@pytest.mark.parametrize("data", [
    b"", b"not json", b"[]", b"null", b"\xff\xfe", b"[" * 100_000, b'{"action": "recall"}',
    json.dumps({"action": "recall", "products": [1e400]}).encode(),
])
def test_garbage_is_refused_not_crashed(data: bytes) -> None:
    with pytest.raises(BundleRejected, match=r"notice\.json is malformed"):
        parse_notice(data)
    with pytest.raises(BundleRejected, match=r"receipt\.json is malformed"):
        parse_receipt(data)


def test_missing_fields_are_named() -> None:
    value = notice()
    del value["superseded_by"]
    with pytest.raises(BundleRejected, match="no 'superseded_by' field"):
        parse_notice(canonical_json(value))


def test_only_the_canonical_form_is_accepted() -> None:
    value = notice()
    spaced = json.dumps(value, sort_keys=True).encode()  # the same values, other bytes: another digest
    with pytest.raises(BundleRejected, match="not in canonical form"):
        parse_notice(spaced)
    with pytest.raises(BundleRejected, match="not in canonical form"):
        parse_receipt(json.dumps(receipt(), indent=1).encode())


def test_a_receipt_round_trips() -> None:
    made = new_receipt(UUID, "notice", B, AT, "mina", AGE)
    assert parse_receipt(made.encode()) == made
    assert json.loads(made.encode())["for"] == UUID


@pytest.mark.parametrize(("changed", "words"), [
    ({"for": UUID.upper()}, "for"),
    ({"for": "../../etc/passwd"}, "for"),
    ({"kind": "reports"}, "kind must be one of briefing, notice"),
    ({"item": "g" * 64}, "item"),
    ({"accepted_at": "2026-12-07"}, "accepted_at"),
    ({"by": ""}, "by"),
    ({"by": "m\x00ina"}, "control character"),
    ({"workstation": "age1" + "b" * 58}, "workstation"),
    ({"workstation": "ssh-ed25519 AAAA"}, "workstation"),
    ({"workstation": None}, "workstation"),
    ({"note": "hi"}, "unknown field"),
])
def test_hostile_receipts_are_refused_naming_the_field(changed: dict[str, Any], words: str) -> None:
    with pytest.raises(BundleRejected, match=r"receipt\.json is malformed") as caught:
        parse_receipt(canonical_json(receipt(**changed)))
    assert words in caught.value.user_message


def test_nothing_is_built_here_that_a_receiver_would_refuse() -> None:
    with pytest.raises(BundleRejected, match="a correction must name"):
        new_notice("correct", [A], "wrong", None, "anna", AT)
    with pytest.raises(BundleRejected, match="kind"):
        new_receipt(UUID, "reports", A, AT, "mina", AGE)
