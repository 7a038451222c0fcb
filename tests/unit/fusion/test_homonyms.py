"""Homonym splitting on hand-made entities: by stated birth years, by context, and what stops either."""

from __future__ import annotations

from nia_desktop.core.fusion import homonyms
from nia_desktop.core.fusion.model import Kind, Mention
from nia_desktop.core.fusion.nodes import Found

PERSON = ("name", "nagase ren")


def _found(kind: Kind, node: tuple[str, ...], born: int = 0) -> Found:
    return Found(Mention(kind, node[-1], node[-1], 0, 1), node, "", born)


def _members() -> homonyms.Members:
    """NAGASE Ren in reports 1-12: born 1985 in 1, born 2000 in 7; reports 1-6 name a phone and a ship, 7-12 an
    organisation and a colleague. A place and a public body (gazetteer) sit in every report: background."""
    members: homonyms.Members = {
        PERSON: [(r, _found(Kind.PERSON, PERSON, {1: 1985, 7: 2000}.get(r, 0))) for r in range(1, 13)],
        ("sel", "+81804127"): [(r, _found(Kind.PHONE, ("sel", "+81804127"))) for r in range(1, 7)],
        ("name", "azure petrel"): [(r, _found(Kind.OPERATION, ("name", "azure petrel"))) for r in range(1, 7)],
        ("name", "harbour crest"): [(r, _found(Kind.ORGANIZATION, ("name", "harbour crest"))) for r in range(7, 13)],
        ("name", "sato mio"): [(r, _found(Kind.PERSON, ("name", "sato mio"))) for r in range(7, 13)],
        ("name", "nakhodka"): [(r, _found(Kind.LOCATION, ("name", "nakhodka"))) for r in range(1, 13)],
        ("gaz", "npa"): [(r, _found(Kind.ORGANIZATION, ("gaz", "npa"))) for r in range(1, 13)],
    }
    # A mostly-person entity with one mention read as a place is a person.
    members[("name", "sato mio")].append((12, _found(Kind.LOCATION, ("name", "sato mio"))))
    return members


def _reports(members: homonyms.Members, root: tuple[str, ...]) -> list[int]:
    return sorted({r for r, _ in members[root]})


def test_two_stated_birth_years_make_two_people() -> None:
    members = _members()
    why = homonyms.split(members, set())
    assert why == {(*PERSON, "born 1985"): "homonym: born 1985", (*PERSON, "born 2000"): "homonym: born 2000"}
    assert PERSON not in members
    assert _reports(members, (*PERSON, "born 1985")) == [1, 2, 3, 4, 5, 6]
    assert _reports(members, (*PERSON, "born 2000")) == [7, 8, 9, 10, 11, 12]


def test_context_alone_makes_two_people_and_the_mixed_person_stays_whole() -> None:
    members = _members()
    members[PERSON] = [(r, _found(Kind.PERSON, PERSON)) for r in range(1, 13)]  # no year stated
    why = homonyms.split(members, set())
    assert set(why) == {(*PERSON, "context 1"), (*PERSON, "context 2")}
    assert why[(*PERSON, "context 1")].startswith("homonym: group 1 of 2 by context (6 reports")
    assert _reports(members, (*PERSON, "context 1")) == [1, 2, 3, 4, 5, 6]
    assert _reports(members, (*PERSON, "context 2")) == [7, 8, 9, 10, 11, 12]
    assert ("name", "sato mio") in members  # its reports share too little context to split


def test_an_analysts_same_or_a_report_stating_two_years_keeps_one_person() -> None:
    members = _members()
    assert homonyms.split(members, {PERSON}) == {}
    assert _reports(members, PERSON) == list(range(1, 13))
    members = _members()
    members[PERSON].append((7, _found(Kind.PERSON, PERSON, 1985)))  # report 7 states both years
    members[PERSON] = [(r, f) for r, f in members[PERSON] if r < 7 or r > 9 or r == 7]  # and 8-9 say nothing
    why = homonyms.split(members, set())
    assert not any("born" in reason for reason in why.values())
