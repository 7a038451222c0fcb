"""Markings: caveats read from headers (English and Japanese, unknown ones kept), combined into banners, and the
access and tearline rules."""

from __future__ import annotations

import pytest

from nia_desktop.core.classification import Level
from nia_desktop.core.ingest import metadata
from nia_desktop.core.markings import (
    NOFORN,
    Access,
    Caveat,
    CaveatKind,
    Marking,
    Tearline,
    combine,
    fold,
    release_list,
)

SDS = Caveat("特定秘密", CaveatKind.COMPARTMENT)
HERON = Caveat("OP-HERON", CaveatKind.COMPARTMENT)
ORCON = Caveat("ORCON", CaveatKind.CONTROL)
WNINTEL = Caveat("WNINTEL", CaveatKind.UNKNOWN)


@pytest.mark.parametrize(("header", "caveats", "level"), [
    ("TOP SECRET//特定秘密//ORCON\nFROM: DIH", ["特定秘密", "ORCON"], Level.TOP_SECRET),
    ("CLASS: SECRET//REL TO USA, GBR\nTO: NIA", ["REL TO USA, GBR"], Level.SECRET),
    ("**SECRET (秘)**\n\n- **Classification**: SECRET (秘)", [], Level.SECRET),
    ("秘//発信者統制//WNINTEL\n本文", ["発信者統制", "WNINTEL"], Level.SECRET),
    ("特定秘密\n件名：港湾調査", ["特定秘密"], Level.TOP_SECRET),
    ("SPECIALLY DESIGNATED SECRET\nSubject: x", ["特定秘密"], Level.TOP_SECRET),
    ("SECRET\nCaveats: ORCON, NOFORN\n", ["ORCON", "NOFORN"], Level.SECRET),
    ("秘\n取扱制限：発信者統制、外国人提供不可\n", ["発信者統制", "外国人提供不可"], Level.SECRET),
    ("SECRET // OP BLUE HERON // REL TO USA, AUS", ["OP BLUE HERON", "REL TO USA, AUS"], Level.SECRET),
    ("SECRET\nSee https://example.org//path for the source.", [], Level.SECRET),
    ("ＴＯＰ　ＳＥＣＲＥＴ／／ＯＲＣＯＮ\n", ["ORCON"], Level.TOP_SECRET),
    ('---\nclassification: "極秘//特定秘密"\ncaveats: \'ORCON\'\n---\n', ["特定秘密", "ORCON"], Level.TOP_SECRET),
])
def test_caveats_are_read_from_the_header(header: str, caveats: list[str], level: Level) -> None:
    assert metadata.caveats(header) == caveats
    assert metadata.classification(header) == level


def test_a_marking_in_the_narrative_is_not_a_caveat() -> None:
    text = "SECRET\nSubject: x\n\n" + "word " * 400 + "\nTOP SECRET//ORCON is what the defector claimed.\n"
    assert metadata.caveats(text) == []


def test_the_child_s_caveats_are_checked_like_every_other_field() -> None:
    text = "SECRET//ORCON\nSubject: x\n"
    good = metadata.derive(text)
    assert good["caveats"] == ["ORCON"]
    assert metadata.checked(good, text) is good
    for bad in (None, "ORCON", [1], ["x" * 65], ["a"] * 17):
        assert metadata.checked({**good, "caveats": bad}, text) == good  # recomputed here, not trusted


def test_names_fold_and_release_lists_normalise() -> None:
    assert fold("  ｏｐ－ｈｅｒｏｎ ") == "OP-HERON"
    assert fold("op  heron") == "OP HERON"
    assert release_list("rel to usa, gbr") == ("GBR", "USA")
    assert release_list("提供可：USA、AUS") == ("AUS", "USA")
    assert release_list("ORCON") is None


def test_portion_marks_and_banners() -> None:
    assert Marking.of(Level.SECRET).portion_mark() == "(S)"
    assert Marking.of(Level.TOP_SECRET, [ORCON, SDS]).portion_mark() == "(TS//特定秘密//ORCON)"
    assert Marking.of(Level.CONFIDENTIAL).banner() == "CONFIDENTIAL / 取扱注意"
    marking = Marking.of(Level.SECRET, [HERON])
    assert Marking.from_json(marking.to_json()) == marking


def test_combine_takes_the_highest_level_every_caveat_and_shared_partners() -> None:
    rel_us_gb = Caveat("REL TO GBR, USA", CaveatKind.RELEASE)
    rel_us_au = Caveat("REL TO AUS, USA", CaveatKind.RELEASE)
    combined = combine([Marking.of(Level.SECRET, [rel_us_gb, ORCON]), Marking.of(Level.TOP_SECRET, [rel_us_au, SDS])])
    assert combined.level is Level.TOP_SECRET
    assert combined.names == ("特定秘密", "ORCON", "REL TO USA")
    disjoint = combine([Marking.of(Level.SECRET, [rel_us_gb]),
                        Marking.of(Level.SECRET, [Caveat("REL TO AUS", CaveatKind.RELEASE)])])
    assert disjoint.names == (NOFORN,)
    assert combine([]) == Marking.of(Level.UNCLASSIFIED)
    # A classified part with no release list may go to no partner: the whole claims none.
    unlisted = combine([Marking.of(Level.TOP_SECRET, [SDS]), Marking.of(Level.UNCLASSIFIED, [rel_us_gb])])
    assert unlisted.names == ("特定秘密",)
    assert combine([Marking.of(Level.SECRET), Marking.of(Level.SECRET, [rel_us_gb])]).names == ()
    # An unclassified part limits nothing.
    assert combine([Marking.of(Level.UNCLASSIFIED), Marking.of(Level.SECRET, [rel_us_gb])]).names == (
        "REL TO GBR, USA",)


def test_access_needs_the_level_and_every_compartment_and_unknown_marking() -> None:
    cleared = Access(Level.TOP_SECRET, frozenset({"特定秘密"}))
    assert cleared.may_read(Marking.of(Level.TOP_SECRET, [SDS, ORCON]))
    assert not cleared.may_read(Marking.of(Level.SECRET, [HERON]))
    assert not cleared.may_read(Marking.of(Level.SECRET, [WNINTEL]))  # fail closed until defined
    assert not Access(Level.SECRET, frozenset({"特定秘密"})).may_read(Marking.of(Level.TOP_SECRET, [SDS]))
    assert Access(Level.SECRET).key() != Access(Level.SECRET, frozenset({"OP-HERON"})).key()


def test_a_tearline_keeps_only_portions_at_or_below_it_and_without_its_caveats() -> None:
    line = Tearline(Level.SECRET, frozenset({"ORCON"}))
    assert line.allows(Marking.of(Level.SECRET))
    assert not line.allows(Marking.of(Level.TOP_SECRET))
    assert not line.allows(Marking.of(Level.CONFIDENTIAL, [ORCON]))
    rel = Tearline(Level.TOP_SECRET, frozenset({"REL"}))
    assert not rel.allows(Marking.of(Level.SECRET, [Caveat("REL TO USA", CaveatKind.RELEASE)]))
    assert Tearline().is_full and not line.is_full


def test_a_marking_stated_only_in_a_page_head_or_a_mail_header_is_read() -> None:
    from nia_desktop.core.ingest.formats import email_message, html

    page = (b'<html><head><meta name="Classification" content="SECRET//OP-HERON"><title>CIRO-1</title></head>'
            b"<body><p>Text only.</p></body></html>")
    (document,) = html.parse(page, "p.html")
    assert metadata.classification(document.text) == Level.SECRET
    assert metadata.caveats(document.text) == ["OP-HERON"]
    mail = (b"X-Protective-Marking: Top Secret//ORCON\r\nFrom: a@example\r\nTo: b@example\r\nSubject: note\r\n\r\n"
            b"Body without a marking.\r\n")
    (message,) = email_message.parse(mail, "m.eml", lambda data, name: [])
    assert metadata.classification(message.text) == Level.TOP_SECRET
    assert metadata.caveats(message.text) == ["ORCON"]


def test_the_act_named_in_a_sentence_is_not_a_designation() -> None:
    text = "SECRET\nSubject: 特定秘密保護法の運用について\n\nUnder the Specially Designated Secrets Act ...\n"
    assert metadata.caveats(text) == []
    assert metadata.classification(text) == Level.SECRET
