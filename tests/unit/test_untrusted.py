"""Values from outside: each malformed number or document is a Malformed naming its field."""

from __future__ import annotations

from typing import Any

import pytest

from nia_desktop.core.untrusted import INT64_MAX, Malformed, load_json, text, whole_number


@pytest.mark.parametrize("value", [2**63, 2**64, -1, 1.5, True, False, "7", None, 10**400, [1], {"n": 1}])
def test_whole_number_refuses_everything_sqlite_or_arithmetic_cannot_take(value: Any) -> None:
    with pytest.raises(Malformed) as caught:
        whole_number(value, "sequence")
    assert str(caught.value).startswith("sequence must be a whole number from 0 to 9223372036854775807, not ")
    assert len(str(caught.value)) < 120  # a 400-digit number is described, not spelled out


def test_whole_number_keeps_the_range_ends() -> None:
    assert whole_number(0, "n") == 0 and whole_number(INT64_MAX, "n") == INT64_MAX
    assert whole_number(5, "n", 5, 5) == 5
    with pytest.raises(Malformed, match="n must be a whole number from 1 to 999, not 0"):
        whole_number(0, "n", 1, 999)


@pytest.mark.parametrize("data", [b"\xff", b"{", "[" * 100_000, "9" * 5000, b'{"a": 1e400'])
def test_load_json_refuses_what_the_parser_cannot_take(data: bytes | str) -> None:
    with pytest.raises(Malformed, match="the manifest is not valid JSON"):
        load_json(data, "the manifest")


def test_text_is_bounded() -> None:
    assert text("abc", "name") == "abc"
    for value in ("x" * 1001, 5, None, b"abc"):
        with pytest.raises(Malformed, match="name must be text"):
            text(value, "name")
    with pytest.raises(Malformed):
        text("", "name", empty=False)
