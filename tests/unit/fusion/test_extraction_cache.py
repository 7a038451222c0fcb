"""The cached extraction's encoding: decode gives back what was encoded, kinds as Kind, strings shared."""

from __future__ import annotations

import pytest

from nia_desktop.core.fusion import cache
from nia_desktop.core.fusion.engine import extract
from nia_desktop.core.fusion.model import Kind
from nia_desktop.core.fusion.nodes import ReportText

TEXT = ("NAGASE Ren (born 1988) of Harbour Crest Logistics Ltd. called +81-80-4127-3365 and wrote to "
        "ops@mail.example from 203.0.113.7. 永瀬蓮は港冠物流の担当者と面会した。Nagase left.")


def test_decode_gives_back_what_was_encoded() -> None:
    found = extract(ReportText(1, "Contact report", TEXT))
    assert {f.mention.kind for f in found} >= {Kind.PERSON, Kind.PHONE, Kind.EMAIL, Kind.IP}
    assert any(f.born for f in found) and any(f.mention.implied for f in found)
    decoded = cache.decode(cache.encode(found))
    assert decoded == found
    assert all(type(f.mention.kind) is Kind and type(f.mention.implied) is bool for f in decoded)
    assert cache.encode(decoded) == cache.encode(found)


def test_decoded_strings_are_shared_between_reports() -> None:
    found = extract(ReportText(1, "Contact report", TEXT))
    one, two = cache.decode(cache.encode(found)), cache.decode(cache.encode(found))
    for a, b in zip(one, two, strict=True):
        assert a.mention.surface is b.mention.surface and a.mention.key is b.mention.key
        assert all(x is y for x, y in zip(a.node, b.node, strict=True)) and a.reading is b.reading


@pytest.mark.parametrize("text", [
    '[["no such kind","a","a",0,1,0,["n"],"",0]]',
    '[["person",1,"a",0,1,0,["n"],"",0]]',
    '[["person","a","a",0,1,0,["n"],""]]',
    '[["person","a","a",0,1,0,[2],"",0]]',
])
def test_a_malformed_extraction_raises_what_a_worker_catches(text: str) -> None:
    with pytest.raises((ValueError, TypeError, KeyError)):
        cache.decode(text)
