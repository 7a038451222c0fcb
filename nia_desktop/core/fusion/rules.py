"""Resolution rules: which keys are one entity, within a report and across reports, and why.

Each rule records its reason with the merge (engine.py lists them all).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from itertools import pairwise

from nia_desktop.core.fusion import spelling
from nia_desktop.core.fusion.model import Kind
from nia_desktop.core.fusion.nodes import Found, KeyUnion

FUZZY = 85
TRANSLITERATION = 88
_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_KANJI = re.compile(r"[\u4e00-\u9fff]")
_ORG_SUFFIX = re.compile(r"(?:株式会社|有限公司|社)$")


def local_merges(report_id: int, full: str, found: list[Found], union: KeyUnion) -> list[Found]:
    """Apposition and short forms, within one report."""
    full_names: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for f in found:
        if f.mention.kind is Kind.PERSON and f.node[0] == "name" and len(f.node[1].split()) >= 2:
            for word in f.node[1].split():
                full_names[word].append(f.node)
    text_positions = sorted(found, key=lambda f: f.mention.start)
    for f, g in pairwise(text_positions):
        if f.node[0] == "sel" or g.node[0] == "sel":
            continue
        if _apposed(full, f, g):
            union.union(f.node, g.node, "apposition")
    orgs = sorted({f.node for f in found if f.node[0] == "org"}, key=lambda n: len(n[1]))
    for i, short in enumerate(orgs):
        stem = _ORG_SUFFIX.sub("", short[1])
        for longer in orgs[i + 1:]:
            # Japanese: any stem of three characters or more; Latin: whole words, two or more ("Meridian
            # Tide"), since one word may be an abbreviation that starts a longer name ("MKIST Quantum Sensing Lab").
            if len(stem) >= 3 and longer[1].startswith(stem) and (
                    _JAPANESE.search(stem) or (" " in stem and longer[1][len(stem):len(stem) + 1] in ("", " "))):
                union.union(short, longer, "short form")
    rewritten = []
    for f in found:
        if f.node[0] == "org" and " " not in f.node[1] and not _JAPANESE.search(f.node[1]) \
                and not f.mention.surface.isupper():
            # "Crestline" after "Crestline Estate K.K.": that company here, as a family name stands for its
            # person; kept local, so two companies that share a first word never meet through it
            owners = {o for o in orgs if o[1].startswith(f.node[1] + " ")}
            if len(owners) == 1:
                local = ("short", str(report_id), f.node[1])
                union.union(local, owners.pop(), "short form")
                f = Found(f.mention, local, f.reading, f.born)
        if f.mention.kind is Kind.PERSON and f.node[0] == "name" and len(f.node[1].split()) == 1:
            owners = set(full_names.get(f.node[1], []))
            if len(owners) == 1:
                local = ("short", str(report_id), f.node[1])
                union.union(local, owners.pop(), "short form")
                f = Found(f.mention, local, f.reading, f.born)
            elif len(f.mention.surface) == 1:
                continue  # 徐 or 原 alone, with no full name in the report to stand for: too ambiguous
        rewritten.append(f)
    found[:] = rewritten
    _stated_aliases(full, found, union)
    return found


# Words that say one person is also known by another name, in the sentence that names both.
_ALIAS_CUE = re.compile(
    r"\b(?:is the pen name of|pen name|uses the name|using the name|under the name|signing off as|signs off as|"
    r"writing as|writes as|also known as|a\.k\.a\.|aka|alias|call(?:s|ing) (?:him|her|it|them)sel(?:f|ves)|"
    r"posing as|goes by)\b|"
    r"と名乗|を名乗|の筆名|筆名|ペンネーム|別名|偽名|の名で", re.IGNORECASE)
_SAME_PERSON = re.compile(r"\s*(?:と一致|と同一|本人)")
_SENTENCE_END = re.compile(r"[。！？]|\.(?=\s)|\n\s*\n")


def _stated_aliases(full: str, found: list[Found], union: KeyUnion) -> None:
    """"Arkady Svetlov is the pen name of Gennady GROMOV", "風間亮平と名乗る男性…杉浦正臣": the nearest
    person before the cue and the nearest after it (or, with none after, the two nearest before) are one."""
    people = [f for f in found if f.mention.kind is Kind.PERSON]
    if len(people) < 2:
        return
    for cue in _ALIAS_CUE.finditer(full):
        ends = [m.end() for m in _SENTENCE_END.finditer(full, 0, cue.start())]
        begin = ends[-1] if ends else 0
        after_end = _SENTENCE_END.search(full, cue.end())
        end = after_end.start() if after_end else len(full)
        before = [f for f in people if begin <= f.mention.start and f.mention.end <= cue.start()]
        after = [f for f in people if cue.end() <= f.mention.start and f.mention.end <= end]
        pair: tuple[Found, Found] | None = None
        if cue.group(0) in ("と名乗", "を名乗"):
            # "YはXと名乗って" names Y; "Xと名乗る男性…顔写真はYと一致する" needs the match stated;
            # "Xと名乗る人物がYに接触した" is two people.
            if len(before) >= 2:
                pair = (before[-2], before[-1])
            elif before and after and _SAME_PERSON.match(full, after[0].mention.end):
                pair = (before[-1], after[0])
        elif before and after:
            pair = (before[-1], after[0])
        elif len(before) >= 2:
            pair = (before[-2], before[-1])
        if pair is not None and pair[0].node != pair[1].node:
            union.union(pair[0].node, pair[1].node, f"stated alias ({cue.group(0)})")
        elif pair is None:
            assumed = (before[-1] if len(before) == 1 and not after else None) if cue.group(0) in ("と名乗", "を名乗") \
                else (after[0] if after and not before else None)
            if assumed is not None:
                _bearer_by_family_name(assumed, people, union, cue.group(0))


def _bearer_by_family_name(assumed: Found, people: list[Found], union: KeyUnion, cue: str) -> None:
    """"A recruiter calling himself Kevin TANG" names nobody as its bearer; the one other person in the report
    with that family name and another given name is ("TANG Haoran": a Chinese name and the English one)."""
    words = assumed.node[1].split() if assumed.node[0] == "name" else []
    if len(words) != 2:
        return
    bearers = {f.node for f in people if f.node[0] == "name" and f.node != assumed.node
               and len(f.node[1].split()) == 2 and len(set(f.node[1].split()) & set(words)) == 1}
    if len(bearers) == 1:
        union.union(assumed.node, bearers.pop(), f"stated alias ({cue}), bearer by family name")


def _apposed(full: str, f: Found, g: Found) -> bool:
    """``f (g)``: g in brackets straight after f."""
    if g.mention.start < f.mention.end:
        return False
    gap = full[f.mention.end:g.mention.start].strip().strip("」』\"'”’")  # 「ナイト・スキフ」（NIGHT SKIFF）
    after = full[g.mention.end:g.mention.end + 3].lstrip()
    return gap in ("(", "（") and after[:1] in (")", "）")


def fuzzy_merges(union: KeyUnion, katakana: set[tuple[str, ...]]) -> None:
    """Near spellings of people (Latin), and katakana transliterations of Latin names of people and places."""
    people = sorted({node for node in union.parent if node[0] == "name" and 2 <= len(node[1].split()) <= 3
                     and node not in katakana and not _JAPANESE.search(node[1])})
    by_word: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for node in people:
        for word in set(node[1].split()):
            if len(word) >= 3:
                by_word[word].append(node)
    for node in people:
        words = node[1].split()
        for other in {o for word in words for o in by_word.get(word, ()) if o != node}:
            score = spelling_score(words, other[1].split())
            if score >= FUZZY:
                union.union(node, other, f"fuzzy {score:.0f}")
    for kind in ("name", "org"):
        latin = sorted(n for n in union.parent if n[0] == kind and n not in katakana and len(n[1]) >= 5
                       and not _JAPANESE.search(n[1]))
        # Each Latin name as Japanese would hear it spelt (Egorov) and as English (Harbor Moth: ハーバー・モス).
        for english in (False, True):
            loose = [spelling.loose_key(n[1], english) for n in latin]
            # In written order for organisations (their keys keep it): "rmnbstmd" for Lumen Vista Media.
            compact = [spelling.loose_compact(n[1], english) if kind == "org" else key.replace(" ", "")
                       for n, key in zip(latin, loose, strict=True)]
            met = {union.find(n) for n in latin} if english else set()
            for node in sorted(n for n in katakana if n[0] == kind):
                if union.find(node) not in met:  # the English hearing is for names not met the first way
                    _transliteration(union, node, kind, latin, loose, compact)


def _transliteration(union: KeyUnion, node: tuple[str, ...], kind: str, latin: list[tuple[str, ...]],
                     loose: list[str], compact: list[str]) -> None:
    from rapidfuzz import fuzz, process

    target = spelling.loose_key(_ORG_SUFFIX.sub("", node[1]) if kind == "org" else node[1])
    if len(target.replace(" ", "")) < 4:
        return
    best = process.extractOne(target, loose, scorer=fuzz.token_sort_ratio, score_cutoff=TRANSLITERATION)
    if best is None:  # ホンコン / クアラルンプール: one word in katakana, two in English
        flat = (spelling.loose_compact(_ORG_SUFFIX.sub("", node[1])) if kind == "org"
                else target.replace(" ", ""))
        best = process.extractOne(flat, compact, scorer=fuzz.ratio, score_cutoff=TRANSLITERATION)
    if best is None and kind == "org" and " " in target:  # メリディアン・タイド社: a short form
        best = process.extractOne(target, loose, scorer=fuzz.token_set_ratio, score_cutoff=100)
    if best is not None:
        union.union(node, latin[best[2]], f"transliteration {best[1]:.0f}")


def spelling_score(a: list[str], b: list[str]) -> float:
    """Alike when every word pairs with a word of the other, one exactly and the rest nearly (Yegorov/Egorov)."""
    from rapidfuzz import fuzz

    if len(a) != len(b):
        return 0.0
    rest_a, rest_b = [w for w in a if w not in b], [w for w in b if w not in a]
    if len(rest_a) == len(a) or len(rest_a) != 1 or len(rest_b) != 1 or min(len(rest_a[0]), len(rest_b[0])) < 4:
        return 100.0 if not rest_a and not rest_b else 0.0
    return float(fuzz.ratio(rest_a[0], rest_b[0]))


_EPONYMOUS = frozenset("foundation institute center centre school university college hospital museum library "
                       "memorial prize award trust fund society association academy laboratory lab".split())


def companies_without_legal_form(union: KeyUnion, per_report: dict[int, list[Found]],
                                 is_place: Callable[[str], bool] = lambda surface: False) -> None:
    """"Aozora Photonics" in one report is the "Aozora Photonics K.K." of another, and "Kestrel Bay" the
    "Kestrel Bay Trading Co." of a third: two or more capitalised words that read as a person's or a place's name
    are a company when exactly one company elsewhere has those words, or starts with them. A name ``is_place``
    knows (a gazetteer's city, "Hong Kong") is never a company's short name."""
    companies: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    starts: dict[str, set[tuple[tuple[str, ...], str]]] = defaultdict(set)
    names: dict[tuple[str, ...], Found] = {}
    for found in per_report.values():
        for f in found:
            if _JAPANESE.search(f.mention.surface):
                continue
            if f.node[0] == "org" and len(f.node[1].split()) >= 2:
                words = f.node[1].split()
                companies[" ".join(sorted(words))].add(f.node)
                for size in range(2, len(words)):
                    starts[spelling.name_key(" ".join(words[:size]))].add((f.node, words[size]))
            elif f.node[0] == "name" and len(f.node[1].split()) >= 2 and f.mention.kind is not Kind.OPERATION:
                names.setdefault(f.node, f)
    for node, f in names.items():
        owners = {union.find(n) for n in companies.get(node[1], ())}
        why = "company named without its legal form"
        if not owners and not is_place(f.mention.surface):
            # "Jack Ma" is not short for the "Jack Ma Foundation": a person gives a name to foundations and prizes
            # nor is "NAGASE Ren" (a family name in capitals, or a birth year: a person's evidence) short for
            # "Nagase Ren Trading Co.": one planted company would swallow a person being tracked
            personal = f.mention.kind is Kind.PERSON and (f.born or any(
                len(w) > 1 and w.isupper() for w in f.mention.surface.split()))
            owners = set() if personal else {union.find(n) for n, next_word in starts.get(node[1], ())
                                             if f.mention.kind is not Kind.PERSON or next_word not in _EPONYMOUS}
            why = "short name of a company"
        if len(owners) == 1 and union.find(node) not in owners:
            union.union(node, owners.pop(), why)


def split_given_names(union: KeyUnion, per_report: dict[int, list[Found]]) -> None:
    """"Law Kin Wah" is "LAW Kin-wah": a two-part given name written as two words."""
    keys = {f.node[1]: f.node for found in per_report.values() for f in found
            if f.node[0] == "name" and f.mention.kind is Kind.PERSON and not _JAPANESE.search(f.mention.surface)}
    for found in per_report.values():
        for f in found:
            words = spelling.name_words(f.mention.surface) if f.node[0] == "name" else []
            if len(words) != 3 or _JAPANESE.search(f.mention.surface):
                continue
            for i in (0, 1):
                joined = " ".join(sorted([*words[:i], words[i] + words[i + 1], *words[i + 2:]]))
                if joined in keys and keys[joined] != f.node:
                    union.union(f.node, keys[joined], "split given name")


_CHINESE_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")


def mandarin_merges(union: KeyUnion, per_report: dict[int, list[Found]]) -> None:
    """A name in Chinese characters meets its pinyin romanisation (羅建華 = LUO Jianhua, 唐浩然 = TANG Haoran).

    Japanese readings (pykakasi, Sudachi) give ra kenka for 羅建華; a Chinese
    person is romanised from Mandarin. The family name is the first
    character; the pinyin key must equal exactly one romanised person's key.
    A name whose Japanese reading already matches a romanised person
    (永瀬蓮 = NAGASE Ren) is Japanese and is not read in Mandarin as well.
    """
    from pypinyin import lazy_pinyin  # only when fusion runs (or load_dictionaries ran): a quarter second to load

    latin_people: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    chinese: set[tuple[tuple[str, ...], str]] = set()
    for found in per_report.values():
        for f in found:
            if f.mention.kind is not Kind.PERSON or f.node[0] != "name":
                continue
            if not _JAPANESE.search(f.mention.surface) and len(f.node[1].split()) == 2:
                latin_people[f.node[1]].add(f.node)
            elif _CHINESE_NAME.fullmatch("".join(f.mention.surface.split())):
                chinese.add((f.node, "".join(f.mention.surface.split())))
    for node, written in chinese:
        if node[1] in latin_people:  # read in Japanese, it is someone already
            continue
        syllables = lazy_pinyin(written)
        if len(syllables) != len(written):
            continue
        key = spelling.name_key(f"{syllables[0]} {''.join(syllables[1:])}")
        owners = {union.find(n) for n in latin_people.get(key, ())}
        if len(owners) == 1 and union.find(node) not in owners:
            union.union(node, owners.pop(), "Mandarin reading")


def surname_merges(union: KeyUnion, per_report: dict[int, list[Found]]) -> None:
    """A kanji name meets its romanisation through the surname when the given name's reading is uncertain.

    Sudachi reads surnames reliably but a given name may have several
    readings (颯太: Sōta or Hayata). So 平野颯太 joins HIRANO Sōta when their
    surnames read alike and exactly one romanised person has that surname;
    with two (TAKAGI Shun'ichi, TAKAGI Mio) nothing is merged on it.
    """
    latin_people: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    kanji_people: list[tuple[str, tuple[str, ...]]] = []
    for found in per_report.values():
        for f in found:
            if f.mention.kind is not Kind.PERSON or f.node[0] != "name":
                continue
            if not _JAPANESE.search(f.mention.surface) and len(f.node[1].split()) >= 2:
                for word in f.node[1].split():
                    latin_people[word].add(f.node)
            elif f.reading and " " in f.reading and _KANJI.search(f.mention.surface):
                kanji_people.append((spelling.name_key(f.reading.split()[0]), f.node))
    for surname, node in kanji_people:
        owners = {union.find(n) for n in latin_people.get(surname, ())}
        if len(owners) == 1 and union.find(node) not in owners:
            union.union(node, owners.pop(), "surname reading")


_OTHER_SCRIPT = re.compile(r"[\u0400-\u04ff\uac00-\ud7a3]")


def romanisation_merges(union: KeyUnion, per_report: dict[int, list[Found]]) -> None:
    """A person written in Cyrillic or Hangul meets the one romanised person whose key is among the name's
    customary spellings (김정은 = Kim Jong Un, not only the standard Kim Jeong-eun; Аркадий = Arkady)."""
    from nia_desktop.core.fusion import transliterate

    latin: set[tuple[str, ...]] = set()
    written: dict[tuple[str, ...], str] = {}
    for found in per_report.values():
        for f in found:
            if f.mention.kind is not Kind.PERSON or f.node[0] != "name":
                continue
            if _OTHER_SCRIPT.search(f.mention.surface):
                written.setdefault(f.node, f.mention.surface)
            elif not _JAPANESE.search(f.mention.surface):
                latin.add(f.node)
    for node, surface in written.items():
        owners = {union.find(("name", key)) for key in transliterate.folded_keys(surface) if ("name", key) in latin}
        if len(owners) == 1 and union.find(node) not in owners:
            union.union(node, owners.pop(), "romanisation")
