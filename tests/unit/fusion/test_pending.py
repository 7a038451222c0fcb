"""What an import cannot do incrementally is found and named (core/fusion/pending.py), on hand-made groups."""

from __future__ import annotations

from nia_desktop.core.fusion.engine import content_only, fuse
from nia_desktop.core.fusion.incremental import FusionIndex
from nia_desktop.core.fusion.model import Kind
from nia_desktop.core.fusion.nodes import ReportText
from nia_desktop.core.fusion.pending import Group, detect

REN = ("name", "nagase ren")
KANJI = ("name", "永瀬蓮")
KGT = ("org", "kgt")
KANMON = ("org", "kanmon gateway terminals")
OWNERS = {REN: (1,), KANJI: (2,), KGT: (3,), KANMON: (3,), ("name", "takagi mio"): (4, 5)}


def holders(node: tuple[str, ...]) -> tuple[int, ...]:
    return OWNERS.get(node, ())


def test_a_definition_joining_two_existing_entities_is_pending() -> None:
    group = Group((REN, KANJI), ("NAGASE Ren", "永瀬蓮"), (Kind.PERSON, Kind.PERSON), 1)
    (found,) = detect([group], holders)
    assert found[0] == "definition" and "1, 2" in found[1]


def test_a_definition_within_one_entity_or_with_a_new_key_is_not() -> None:
    same = Group((KANMON, KGT), ("Kanmon Gateway Terminals", "KGT"), (Kind.ORGANIZATION,) * 2, 3)
    fresh = Group((REN, ("name", "ren nagase jr")), ("NAGASE Ren", "Ren Nagase Jr"), (Kind.PERSON,) * 2, 1)
    assert detect([same, fresh], holders) == []


def test_a_key_homonyms_share_is_pending_when_context_did_not_choose() -> None:
    group = Group((("name", "takagi mio"),), ("TAKAGI Mio",), (Kind.PERSON,), 5, decided=False)
    (found,) = detect([group], holders)
    assert found[0] == "homonym" and "4, 5" in found[1] and "chose 5" in found[1]
    clear = Group((("name", "takagi mio"),), ("TAKAGI Mio",), (Kind.PERSON,), 5, decided=True)
    assert detect([clear], holders) == []


def test_a_new_name_only_in_katakana_waits_for_the_transliteration_rules() -> None:
    katakana = Group((("name", "konsutanchin egorofu"),), ("コンスタンチン・エゴロフ",), (Kind.PERSON,), 9, new=True)
    latin = Group((("name", "sota hirano"),), ("Sota HIRANO",), (Kind.PERSON,), 10, new=True)
    known = Group((("name", "konsutanchin egorofu"),), ("コンスタンチン・エゴロフ",), (Kind.PERSON,), 9)
    assert [reason for reason, _ in detect([katakana, latin, known], holders)] == ["transliteration"]


def test_details_are_short() -> None:
    many = {("name", f"n{i}"): (i,) for i in range(100)}
    group = Group(tuple(many), tuple(f"n{i}" for i in range(100)), (Kind.PERSON,) * 100, 1)
    (found,) = detect([group], lambda node: many.get(node, ()))
    assert len(found[1]) <= 200


def test_an_import_defining_two_older_entities_as_one_queues_it() -> None:
    reports = [ReportText(1, "A", "Harbour Crest Logistics Ltd. shipped the cargo from Osaka."),
               ReportText(2, "B", "港冠物流有限公司は大阪から貨物を送った。")]
    before = fuse(reports)
    apart = {e.id for e in before.entities if {"Harbour Crest Logistics Ltd.", "港冠物流有限公司"} & set(e.aliases)}
    assert len(apart) == 2  # nothing in either report says they are one
    index = FusionIndex(before, {r.id: content_only(r) for r in reports})
    update = index.add(ReportText(3, "C", "Harbour Crest Logistics Ltd. (港冠物流有限公司) shipped again."))
    assert [reason for reason, _ in update.pending] == ["definition"]
    assert index.pending[0][:2] == (3, "definition")
