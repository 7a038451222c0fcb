"""People, organisations, places and operations in English text, by capitalisation patterns.

The method (no statistical model is shipped for English):
- a candidate is a run of capitalised words (``Ren``, ``NAGASE``, ``Kin-wah``,
  ``Shun'ichi``, ``KŌNO``), with ``of``/``and``/``for``/``the`` allowed inside
  organisation names;
- it is an organisation when its last word is an organisation word
  (``Co.``, ``Ltd.``, ``University``, ``Embassy``, ``Council``…), an
  operation when it follows ``Operation`` or is two or three all-capital
  words that are not a person, a place when it follows ``in``, ``at``,
  ``near``, ``from`` or ``to`` and is not a person or organisation, and a
  person when it has two or three name-shaped words, one of them written in
  capitals (the family name: ``NAGASE Ren``) or all title case;
- later mentions by family name alone, or by an abbreviation defined as
  ``Full Name (ABBR)``, are found in a second pass over the same report.
"""

from __future__ import annotations

import bisect
import re

from nia_desktop.core.fusion import literal_words
from nia_desktop.core.fusion.model import Kind, Mention

_WORD = r"(?:(?:[A-Z]\.){2,}|[A-ZÀ-ÖØ-ÞĀ-Ž][A-Za-zÀ-ÖØ-öø-ÿĀ-ž'’-]*\.?)"
_CONNECT = r"(?:of|and|for|the|de|&)"
# Words one space apart: a tab or a wider gap ends a name (and every offset below can count one space).
_RUN = re.compile(rf"(?<![\w'’-])({_WORD}(?: (?:{_CONNECT} )?{_WORD})*)")
_TRAILING_CONNECTOR = re.compile(rf"(?: {_CONNECT})+$")
_LIST_SEPARATOR = re.compile(r" (?:and|&) ")
MAX_NAME_WORDS = 24  # a longer run is a list ("A Ltd. and B Ltd. and ..."): its parts are classified one by one
_ORG_WORDS = frozenset("""
    co. co ltd. ltd inc. inc corp. corp corporation company g.k. k.k. pte. plc llc llp gmbh association council
    university institute institution laboratory lab center centre embassy ministry agency office department
    service services group shipping logistics realty network foundation fund bank party committee bureau front
    club society union holdings trading partners consultants consulting media news press channel school academy
    hospital station command headquarters force forces police guard authority commission programme program
    secretariat cabinet assembly federation limited supply industries systems solutions technologies technology
    capital ventures investments studio studios times post daily herald journal shipmanagement outlet
    cell desk unit
""".split())
_PLACE_WORDS = frozenset(("sea strait straits island islands bay peninsula river prefecture town city ward "
                                "district province region coast harbour harbor gulf channel").split())
_PLACE_PREPOSITIONS = re.compile(r"(?:\bin|\bat|\bnear|\bfrom|\bto|\bof|\bvia|\bbased in)[ \t]+$")
_STOP = frozenset("""
    the a an this that these those he she it they we i his her its their our my your mr mrs ms dr key points
    reporting comment comments summary assessment analysis distribution note notes annex background source
    information report reports date subject title classification grading originator secret confidential top
    unclassified for official use only if when while after before during since although however also according
    as on by with in at to from of and or but not no yes january february march april may june july august
    september october november december monday tuesday wednesday thursday friday saturday sunday selectors
    selector indicators indicator related relevant domain domains ip address addresses phone phones email
    e-mail url urls telegram x twitter tiktok youtube instagram facebook linkedin passed forwarded fw fwd re
    operation mail website site account accounts channel
""".split())
_CAPS_STOP = frozenset(("top secret confidential unclassified for official use only the and of fouo tlp "
                              "key points reporting comment summary note annex").split())
# Nationalities and languages: "in Japanese", "a Russian", never a place or a person.
_DEMONYMS = frozenset(("japanese chinese korean russian english american british french german taiwanese "
                       "vietnamese filipino malaysian singaporean thai indonesian indian australian canadian "
                       "european asian western eastern soviet ukrainian iranian").split())
_HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "professor",
                         "director", "chairman", "president", "minister", "governor", "mayor", "ambassador"})


_IDENTIFIER = re.compile(r"-?[0-9]")


def _is_caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _name_word(word: str) -> bool:
    bare = word.strip(".,'’-")
    if _is_caps(bare) and bare.lower() not in _CAPS_STOP:  # HE Zhiyuan, LI Wei: a family name, not "he"
        return True
    return len(bare) >= 2 and bare.lower() not in _STOP and not bare.lower().endswith("'s")


def extract(text: str) -> list[Mention]:
    """Name mentions in English text, with offsets."""
    found: list[Mention] = []
    for match in _RUN.finditer(text):
        run = match.group(1)
        if _IDENTIFIER.match(text, match.end(1)):  # "copy of CIRO CIRO-CIC-26-0365": the last word starts a number
            run = _TRAILING_CONNECTOR.sub("", run[:run.rfind(" ")]) if " " in run else ""
        for start, piece in _sentences(match.start(1), run):
            for part_start, part in _list_items(start, piece):
                found.extend(_classify(text, part_start, part))
    found.extend(_later_mentions(text, found))
    return sorted(found, key=lambda m: (m.start, m.end))


def _list_items(start: int, run: str) -> list[tuple[int, str]]:
    """A run too long to be one name, cut at each "and" (no name has MAX_NAME_WORDS words)."""
    if run.count(" ") < MAX_NAME_WORDS:
        return [(start, run)]
    items, begin = [], 0
    for separator in _LIST_SEPARATOR.finditer(run):
        items.append((start + begin, run[begin:separator.start()]))
        begin = separator.end()
    items.append((start + begin, run[begin:]))
    return [(s, r) for s, r in items if r.strip() and r.count(" ") < MAX_NAME_WORDS]


def _sentences(start: int, run: str) -> list[tuple[int, str]]:
    """Split a run where a word ends a sentence ("Sakata. Ichikawa"), not at "Co." or "G.K."."""
    pieces: list[tuple[int, str]] = []
    begin = 0
    for word in re.finditer(r"\S+", run):
        token = word.group(0)
        if token.endswith(".") and token.lower() not in _ORG_WORDS and not re.fullmatch(r"(?:[A-Z]\.)+", token):
            pieces.append((start + begin, run[begin:word.end() - 1]))
            begin = word.end()
            while begin < len(run) and run[begin].isspace():
                begin += 1
    if begin < len(run):
        pieces.append((start + begin, run[begin:]))
    return [(s, r) for s, r in pieces if r.strip()]


def _classify(text: str, start: int, run: str) -> list[Mention]:
    words = run.split()
    for i, word in enumerate(words[1:-1], start=1):
        # "Meridian Tide Pte. Ltd. and Harbour Crest Ltd.", "Meridian Tide Shipmanagement of Singapore and
        # Harbour Crest": two names, not one, when an organisation word comes before the "and"/"of".
        before_words = [w.lower().rstrip(",") for w in words[1:i]]
        ends_org = words[i - 1].lower().rstrip(",") in _ORG_WORDS
        after = words[i + 1:]
        # Not "Minami-Kanto Institute of Science and Technology" or "Cabinet Intelligence and Research Office":
        # the part after "and" must be a name of its own (two words or more, ending in an organisation word).
        stands_alone = len(after) >= 2 and after[-1].lower().rstrip(",") in _ORG_WORDS
        # "NAGASE Ren of Genkai Systems": a person (a family name in capitals) of an organisation.
        person_of = word == "of" and 2 <= i <= 3 and all(_name_word(w) for w in words[:i]) and \
            any(_is_caps(w) for w in words[:i]) and not all(_is_caps(w) for w in words[:i]) and \
            not any(w.lower().rstrip(",") in _ORG_WORDS for w in words[:i])
        if (word in ("and", "&") and stands_alone and (ends_org or any(w in _ORG_WORDS for w in before_words))) or (
                word == "of" and ends_org and len(after) == 1) or person_of:
            cut = run.index(f" {word} ", len(" ".join(words[:i])) - 1)
            second = cut + len(word) + 2
            return _classify(text, start, run[:cut]) + _classify(text, start + second, run[second:])
    # Leading stop words ("The", "In", "Reporting") are not part of a name.
    began = start
    while words and words[0].lower().strip(".") in _STOP and words[0] != "Operation":
        start = text.index(words[1], start + len(words[0])) if len(words) > 1 else start
        words = words[1:]
    run = run[start - began:]  # "The SVR and DIH": the run without its leading stop words
    if not words:
        return []
    before = text[max(0, start - 20):start]
    if words[0] == "Operation" and len(words) >= 2:
        name = " ".join(words[1:])
        begin = text.index(words[1], start)
        return [Mention(Kind.OPERATION, text[begin:begin + len(name)], name.upper(), begin, begin + len(name))]
    last = words[-1].lower().rstrip(",")
    surface = " ".join(words)
    end = start + len(surface)
    if text[start:end] != surface:  # words were separated by more than one space or a tab
        end = start + len(run.rstrip())
        surface = text[start:end]
    if last in _ORG_WORDS or re.fullmatch(r"(?:[a-z]\.){2,}", last) or (
            len(words) >= 2 and words[-2].lower() in ("co.", "pte.")):
        if len(words) >= 2 or last not in _ORG_WORDS:
            return [Mention(Kind.ORGANIZATION, surface, _fold(surface), start, end)]
        return []
    if "and" in words and last not in _ORG_WORDS:  # "Singapore and Harbour Crest": two names
        cut = run.index(" and ")
        return _classify(text, start, run[:cut]) + _classify(text, start + cut + 5, run[cut + 5:])
    if len(words) >= 2 and (last in _PLACE_WORDS or words[0].lower() in ("cape", "mount", "lake", "port")):
        return [Mention(Kind.LOCATION, surface, _fold(surface), start, end)]  # East China Sea, Cape Muroto
    names = [w for w in words if _name_word(w)]
    if len(names) != len(words):
        return []
    if 2 <= len(words) <= 3 and all(_is_caps(w) for w in words) and len(words) >= 2:
        if any(len(w) > 2 for w in words):
            return [Mention(Kind.OPERATION, surface, surface.upper(), start, end)]
        return []
    if 2 <= len(words) <= 3 and (any(_is_caps(w) for w in words) or all(w[0].isupper() for w in words)):
        if before.rstrip().lower().split()[-1:] in (["the"],):
            return []
        return [Mention(Kind.PERSON, surface, _fold(surface), start, end)]
    if len(words) <= 2 and _PLACE_PREPOSITIONS.search(before) and not any(_is_caps(w) for w in words) \
            and words[-1].lower().rstrip(",") not in _DEMONYMS:  # "in Japanese" is a language, not a place
        return [Mention(Kind.LOCATION, surface, _fold(surface), start, end)]
    return []


def _later_mentions(text: str, found: list[Mention]) -> list[Mention]:
    """Family names alone ("Nagase") and defined abbreviations ("KGT") after their full form in the report."""
    extra: list[Mention] = []
    taken = sorted((m.start, m.end) for m in found)
    short_forms: dict[str, Mention] = {}
    # Words that start a person's or place's name here ("Shiomizaki Town") are not short for an organisation
    # that starts with them too ("Shiomizaki Future Citizens' Council").
    other_names = {m.surface.split()[0] for m in found if m.kind in (Kind.PERSON, Kind.LOCATION)}
    for mention in found:
        if mention.kind is Kind.PERSON:
            for word in mention.surface.split():
                if _is_caps(word) or word == mention.surface.split()[-1]:
                    short_forms.setdefault(word.strip(".,"), mention)
                    short_forms.setdefault(word.strip(".,").title(), mention)  # NAGASE, later Nagase
        elif mention.kind is Kind.ORGANIZATION:
            after = text[mention.end:mention.end + 12]
            abbreviation = re.match(r"\s*\(([A-Z][A-Z0-9&-]{1,9})\)", after)
            if abbreviation:
                short_forms.setdefault(abbreviation.group(1), mention)
            words = [w for w in mention.surface.split() if w.lower().rstrip(".,") not in ("co", "ltd", "pte", "inc")]
            for size in range(1, len(words)):  # "Meridian Tide" after "Meridian Tide Shipmanagement Pte. Ltd."
                prefix = " ".join(words[:size])
                if words[0].lower() not in _STOP and len(prefix) > 3 and words[size - 1].lower() not in _STOP \
                        and prefix not in other_names:
                    short_forms.setdefault(prefix, mention)
    if not short_forms:
        return extra
    # One pass for every form, the longest first where two start at one place; a form starting inside a name
    # already found is that name's (found spans are sorted and never overlap: bisect, not a scan).
    forms = sorted(short_forms, key=lambda form: (-len(form), form))
    starts, ends = [a for a, _ in taken], [b for _, b in taken]
    for start, form in literal_words.find(text, forms):  # not a pattern compiled for each report
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0 and start < ends[i]:
            continue
        owner = short_forms[form]
        extra.append(Mention(owner.kind, form, owner.key, start, start + len(form)))
    return extra


def _fold(name: str) -> str:
    return " ".join(name.split())
