"""Full fusion of a set of reports: mentions -> entities -> links and near-duplicate groups.

Resolution is a union-find over mention keys, and every merge has a reason:
- ``same key``: the same selector value, or the same folded name (case,
  width, diacritics, name order, long vowels, romanised readings);
- ``apposition``: a name followed by another in brackets in one report
  (``NAGASE Ren (永瀬蓮)``, ``Harbour Crest Logistics Ltd. (港冠物流有限公司)``);
- ``short form``: a family name alone, or a first word, in the report that
  names the full form (``Nagase`` after ``Ren Nagase``); these keys are
  local to their report, so ``Takagi`` never joins two different Takagis;
- ``fuzzy``: names of two or three words that share a word exactly and
  whose other word is at least FUZZY alike (rapidfuzz), e.g.
  ``Konstantin Yegorov``/``Konstantin Egorov``;
- ``transliteration``: a katakana name whose consonant skeleton matches a
  Latin one (``コンスタンチン・エゴロフ``), and ``surname reading``: a kanji name
  whose surname reads like the surname of exactly one romanised person;
- ``analyst``: a judgement (core/fusion/judgements.py), applied before every
  rule and able to forbid a rule's merge; "this text is (not) an entity"
  (core/fusion/marks.py) adds or drops mentions before resolution;
- the gazetteers (core/fusion/gazetteer.py): a place, body or threat actor
  they know is one node in every script and abbreviation (SVR = СВР =
  ロシア対外情報庁), unless nested in a longer name the rules found;
- ``romanisation``: a name in Cyrillic or Hangul and the one Latin name among
  its customary spellings (core/fusion/transliterate.py);
- ``bilingual name``: a body's Japanese name and its English one, read where
  it is a name and translated where it is a word (core/fusion/bilingual.py);
- ``short name of a company``: "Kestrel Bay" for "Kestrel Bay Trading Co.".
A katakana loanword phrase or a generic organisation is kept only where a rule
joins it to a name found another way. Extraction of reports not extracted
before runs in one worker process per core (core/fusion/workers.py).
A domain seen only as the host of a URL or mail address counts only where
the domain is also mentioned on its own somewhere (a mail provider is not
an entity of interest). Reports are linked when they share an entity,
weighted by how rare each shared entity is (inverse document frequency).
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from nia_desktop.core.fusion import (
    bilingual,
    content,
    gazetteer,
    homonyms,
    names_en,
    names_ja,
    names_other,
    neardup,
    rules,
    selectors,
    spelling,
    transliterate,
    watchlist,
    workers,
)
from nia_desktop.core.fusion.judgements import Judgement
from nia_desktop.core.fusion.marks import Marks, mark_node, marked_kind
from nia_desktop.core.fusion.model import NAME_KINDS, SELECTOR_KINDS, Kind, Mention
from nia_desktop.core.fusion.nodes import Found, KeyUnion, ReportText
from nia_desktop.core.fusion.spans import Spans
from nia_desktop.core.fusion.watchlist import Matcher, WatchEntry
from nia_desktop.core.gc_pause import paused_gc, release
from nia_desktop.core.ingest.dates import find_dates

COMMON_LINK = 50
PHASES: Callable[[str], None] | None = None  # benches set this to time each phase (tests/bench)
_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
# "(KGT)" straight after a name, or after a legal form the name run stopped before (", Ltd. (KGT)").
_ABBREVIATION = re.compile(r"(?:,?[ \t]*(?:Co\.|Ltd\.|Inc\.|K\.K\.|G\.K\.|Pte\.|Sdn\.|Bhd\.))*[ \t]?[（(]"
                           r"([A-Z][A-Z0-9&-]{1,9})[)）]")
_NAME_FOLLOWS = re.compile(r"[ \t]+[A-Z][a-z]")
_CAPS_WORD = re.compile(r"(?<![A-Za-z0-9_.@/-])[A-Z][A-Z0-9&-]{1,9}(?![A-Za-z0-9_@-])")
_PLACE_WORD = re.compile(r"\s+(?:Town|City|Prefecture|Ward|Village|County)$")
_PLACE_SUFFIX = re.compile(r"[市町村県区]$")
_PLACE_READING_TAIL = re.compile(r"(?:shi|machi|cho|mura|son|ken|ku)$")
_KANA_READING = re.compile(r"[\u30a0-\u30ff\u3040-\u309f・ ]+")
_ORG_SUFFIX = re.compile(r"(?:株式会社|有限公司|社)$")
_KATAKANA_ONLY = re.compile(r"[\u30a0-\u30ff・]+")
_OTHER_SCRIPT = re.compile(r"[\u0400-\u04ff\uac00-\ud7a3]")  # Cyrillic, Hangul
# A Japanese company's name is read as it sounds: 青空フォトニクス社 (aozora fotonikusu) is Aozora Photonics K.K.
_JAPANESE_COMPANY = re.compile(r"[\u4e00-\u9fff][\u30a1-\u30fa\u30fc]{3,}|(?:株式会社|合同会社|有限会社)")


@dataclass
class Entity:
    id: int
    kind: Kind
    name: str
    aliases: list[str]
    reports: list[int]
    mentions: int
    nodes: list[tuple[str, ...]] = field(default_factory=list)  # the keys it was resolved from
    merges: list[dict[str, Any]] = field(default_factory=list)  # why: rule and score, or the analyst's judgement

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind.value, "name": self.name, "aliases": self.aliases,
                "reports": self.reports}


@dataclass
class FusionResult:
    entities: list[Entity]
    duplicates: list[list[int]]
    links: list[dict[str, Any]]
    mentions: dict[int, list[tuple[Mention, int]]]  # report id -> (mention, entity id)
    dates: dict[int, list[str]] = field(default_factory=dict)  # report id -> ISO dates in its content

    def to_json(self) -> dict[str, Any]:
        return {"entities": [e.to_json() for e in self.entities], "duplicates": self.duplicates,
                "links": self.links, "dates": {str(r): d for r, d in sorted(self.dates.items()) if d}}


def load_dictionaries() -> None:
    """Load what fusion's first run would: Sudachi's dictionary and pypinyin's. Each load is one long call holding
    the GIL (80 ms and 270 ms here), which stalls a desktop's UI thread however it is threaded; the desktop calls
    this while the user waits for the unlock instead."""
    from nia_desktop.core.fusion import names_ja

    names_ja.load_dictionary()
    gazetteer.load()
    import pypinyin  # noqa: F401 (the import is the load)


def report_content(report: ReportText) -> tuple[str, list[tuple[int, int]]]:
    """The text extraction reads (title, then body) and the header ranges it skips."""
    full = f"{report.title}\n{report.text}"
    return full, content.header_spans(full)


def extract(report: ReportText, watch: Matcher | None = None) -> list[Found]:
    """Every mention in one report, outside its header, each with its starting node."""
    full, header = report_content(report)
    found: list[Found] = []
    taken = Spans()

    def keep(mention: Mention, node: tuple[str, ...], reading: str = "") -> None:
        if content.inside(header, mention.start, mention.end) or not taken.claim(mention.start, mention.end):
            return
        found.append(Found(mention, node, reading))

    if watch is not None:  # analysts' known entities first: they beat the general rules
        for mention, entry_id in watch.find(full):
            keep(mention, watchlist.node(entry_id))
    for mention in selectors.extract(full):
        if mention.implied:
            found.append(Found(mention, ("sel", mention.kind.value, mention.key)))
        else:
            keep(mention, ("sel", mention.kind.value, mention.key))
    known = gazetteer.load()
    japanese = names_ja.extract(full) if _JAPANESE.search(full) else []
    english = names_en.extract(full)
    other = names_other.extract(full) if _OTHER_SCRIPT.search(full) else []
    spans = [(f.mention.start, f.mention.end) for f in found] + [(m.start, m.end) for m, _ in japanese] + \
        [(m.start, m.end) for m in english] + [(m.start, m.end) for m in other]
    for mention, node in _gazetteer_matches(full, header, spans, known):
        keep(mention, node)
    for mention, reading in japanese:
        keep(*_known_or_own(known, mention, _name_node(mention, reading)), reading)
    for mention in english:
        keep(*_known_or_own(known, mention, _name_node(mention, "")))
    for mention in other:
        keep(*_known_or_own(known, mention, _other_script_node(mention)))
    found = [_with_birth_year(full, f) for f in found]
    for f in list(found):  # "Kanmon Gateway Terminals (KGT)", "ロシア対外情報庁（SVR）": the abbreviation too
        if f.mention.kind is Kind.ORGANIZATION:
            defined = _ABBREVIATION.match(full, f.mention.end)
            if defined:
                start, end = defined.span(1)
                keep(Mention(Kind.ORGANIZATION, defined.group(1), defined.group(1), start, end),
                     _abbreviation_node(defined.group(1)))
    return sorted(found, key=lambda f: f.mention.start)


def _gazetteer_matches(full: str, header: list[tuple[int, int]], spans: list[tuple[int, int]],
                       known: gazetteer.Gazetteer) -> list[tuple[Mention, tuple[str, ...]]]:
    """Places, bodies and threat actors the gazetteers name, except inside a longer name the rules find
    ("Russia" inside "Embassy of the Russian Federation", 高知県 inside 高知県災害対策本部): a nested name is
    part of that name, not a mention of its own."""
    matches = [(start, end, entry) for start, end, entry in known.find(full) if not content.inside(header, start, end)]
    if not matches:
        return []
    # For each start, the rule span reaching furthest among those that begin at or before it (ties: the earlier).
    ordered = sorted(spans)
    starts = [a for a, _ in ordered]
    reach: list[tuple[int, int]] = []  # (end, -start) of the best span so far
    for a, b in ordered:
        reach.append(max(reach[-1], (b, -a)) if reach else (b, -a))
    kept = []
    for start, end, entry in matches:
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0 and (reach[i][0] > end or (reach[i][0] == end and -reach[i][1] < start)):
            continue  # inside a longer name
        if not _stands_alone(full, start, end, entry):
            continue
        kept.append((Mention(entry.kind, full[start:end], entry.id, start, end), gazetteer_node(entry)))
    return kept


_KATAKANA_CHAR = re.compile(r"[\u30a1-\u30fa\u30fc]")
_CODE = re.compile(r"[A-Z]{2,3}")
_COUNTRY_ABBREVIATIONS = frozenset(("US", "USA", "UK", "PRC", "DPRK", "ROK", "UAE", "EU"))
_DEMONYM_OR_LANGUAGE = re.compile(r"[人語]")
_PART_OF_A_NUMBER = re.compile(r"[-‐－][A-Za-z0-9]|[A-Za-z0-9]|"
                               r"[^\s\u3040-\u309f、。「」（）()]{0,8}?第[0-9０-９]+(?:[-‐－][0-9０-９]+)?号")


def _stands_alone(full: str, start: int, end: int, entry: gazetteer.Entry) -> bool:
    """Not part of a longer word: タイ in リアルタイム, a country code (MAR in "05 MAR 2026"), 日本人 (a demonym)."""
    surface = full[start:end]
    if _KATAKANA_CHAR.match(surface) and (_KATAKANA_CHAR.match(full, end) or
                                           (start and _KATAKANA_CHAR.match(full, start - 1))):
        return False
    if entry.id.startswith("country:") and _CODE.fullmatch(surface) and surface not in _COUNTRY_ABBREVIATIONS:
        return False
    if _PART_OF_A_NUMBER.match(full, end):  # CIRO-CIC-26-0412, 警察庁丙外発第1180号: a report number, not a body
        return False
    return not (entry.kind is Kind.LOCATION and _JAPANESE.match(surface) and _DEMONYM_OR_LANGUAGE.match(full, end))


def gazetteer_node(entry: gazetteer.Entry) -> tuple[str, ...]:
    return ("gaz", entry.id)


def _known_or_own(known: gazetteer.Gazetteer, mention: Mention,
                  node: tuple[str, ...]) -> tuple[Mention, tuple[str, ...]]:
    """A name the rules found that a gazetteer knows whole ("the Russian Trade Representation" as the rules
    bound it) takes the gazetteer's node and kind, so every script and abbreviation of it is one entity."""
    if mention.kind is Kind.OPERATION or (mention.kind is Kind.PERSON and len(mention.surface.split()) < 2
                                          and not _JAPANESE.search(mention.surface)):
        return mention, node
    entry = known.lookup(mention.surface)
    if entry is None or (mention.kind is Kind.PERSON and entry.kind is not Kind.LOCATION):
        return mention, node
    return Mention(entry.kind, mention.surface, entry.id, mention.start, mention.end), gazetteer_node(entry)


def _other_script_node(mention: Mention) -> tuple[str, ...]:
    """Cyrillic and Hangul names meet their Latin spellings through the most standard romanisation's key
    (the fuzzy and transliteration rules do the rest: Yegorov/Egorov)."""
    spellings = transliterate.romanisations(mention.surface)
    if mention.kind is Kind.ORGANIZATION:
        return ("org", spelling.org_key(spellings[0]) if spellings else mention.key)
    return ("name", spelling.name_key(spellings[0]) if spellings else mention.key)


_BORN_AFTER = re.compile(
    r"^[^。.;\n]{0,60}?(?:\bborn(?:\s+(?:in|on))?\s+(?:[A-Za-z]+\.?\s+\d{1,2},?\s+|\d{1,2}\s+[A-Za-z]+\.?\s+)?|"
    r"\bb\.\s*|[（(])(\d{4})(?:\b|年(?:\d{1,2}月\d{1,2}日)?生)")
_BORN_BEFORE = re.compile(r"(\d{4})年(?:\d{1,2}月\d{1,2}日)?生まれの$")


def _with_birth_year(full: str, f: Found) -> Found:
    """"XU Lan, ... born in 1988", "永瀬蓮（2000年5月18日生）", "1979年生まれの徐嵐": the year, if any."""
    if f.mention.kind is not Kind.PERSON:
        return f
    after = _BORN_AFTER.match(full[f.mention.end:f.mention.end + 90])
    before = _BORN_BEFORE.search(full[max(0, f.mention.start - 20):f.mention.start])
    match = after or before
    if match and 1900 <= int(match.group(1)) <= 2030:
        return Found(f.mention, f.node, f.reading, int(match.group(1)))
    return f


def _abbreviation_node(abbreviation: str) -> tuple[str, ...]:
    return ("org", abbreviation.lower())


def _abbreviations_elsewhere(full: str, header: list[tuple[int, int]], found: list[Found],
                             known: set[str]) -> list[Found]:
    """Abbreviations defined in any report, where this one uses them alone ("SVR", "KGT")."""
    if not known:
        return found
    taken = sorted((f.mention.start, f.mention.end) for f in found if not f.mention.implied)
    starts = [a for a, _ in taken]
    extra = []
    for match in _CAPS_WORD.finditer(full):
        word = match.group(0)
        if word not in known or content.inside(header, match.start(), match.end()):
            continue
        i = bisect.bisect_right(starts, match.start()) - 1
        if i >= 0 and match.start() < taken[i][1]:
            continue
        if _NAME_FOLLOWS.match(full, match.end()):  # "MKIST Quantum Sensing Lab": part of a longer name
            continue
        extra.append(Found(Mention(Kind.ORGANIZATION, word, word, match.start(), match.end()),
                           _abbreviation_node(word)))
    return sorted(found + extra, key=lambda f: f.mention.start)


def _name_node(mention: Mention, reading: str) -> tuple[str, ...]:
    """People, places and operations share one namespace: English capitals cannot always tell them apart,
    and Japanese writes a codename in katakana like a foreign name (クワイエット・オーチャード)."""
    if mention.kind is Kind.ORGANIZATION:
        return ("org", spelling.org_key(mention.surface) or mention.key)
    if not _JAPANESE.search(mention.surface):
        return ("name", spelling.name_key(_PLACE_WORD.sub("", mention.surface)
                                          if mention.kind is Kind.LOCATION else mention.surface))
    if reading and _KANA_READING.fullmatch(reading):
        key = spelling.name_key(reading)
        if mention.kind is Kind.LOCATION and _PLACE_SUFFIX.search(mention.surface):
            key = _PLACE_READING_TAIL.sub("", key)  # 潮見崎町 (シオミザキチョウ) is Shiomizaki
        return ("name", key)
    return ("name", spelling.japanese_key(mention.key))


def fuse(reports: Iterable[ReportText], judgements: Iterable[Judgement] = (),
         watch: Iterable[WatchEntry] = (), extracted: dict[int, list[Found]] | None = None,
         links: bool = True) -> FusionResult:
    """Fuse reports; analysts' judgements and watchlist come first and beat every rule.

    ``extracted`` holds earlier extractions by report id (core/fusion/cache.py); reports missing from it
    are extracted now and added to it, so the caller can keep them. ``links=False`` leaves the result's links
    empty: a fusion in parts computes them from its tables once every part is in (segments.link_reports), and
    computing each part's own was a fifth of its time.
    """
    entries = list(watch)
    with paused_gc():  # millions of acyclic objects: see core/gc_pause.py
        return _fuse(list(reports), list(judgements), entries, {} if extracted is None else extracted, links)


def _phase(name: str) -> None:
    if PHASES is not None:
        PHASES(name)


def _fuse(report_list: list[ReportText], judgements: list[Judgement], entries: list[WatchEntry],
          extracted: dict[int, list[Found]], links: bool = True) -> FusionResult:
    decided = judgements
    watch = Matcher(entries)
    known = gazetteer.load()
    _phase("start")
    # Each report's header is found once; only its spans are kept (the text with its title is rebuilt where
    # needed, a copy of every text held all through fusion was a second corpus in memory).
    headers = {r.id: report_content(r)[1] for r in report_list}
    _phase("headers")
    messages = {r.id: r.message for r in report_list if r.message}
    missing = [r for r in report_list if r.id not in extracted]
    # Near-duplicates and dates need only the text: worked out beside extraction and resolution, by a worker
    # process of their own (a thread here when there is none), waited for only when the result is assembled.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="fusion-text") as pool:
        by_text = pool.submit(_text_only, _Contents(report_list, headers, messages), len(report_list))
        extracted.update(workers.extract_all(missing, entries, lambda report: extract(report, watch)))
        _phase("extracted")
        per_report, union = _resolve(report_list, headers, decided, extracted, known)
        duplicates, dates = by_text.result()
        _phase("text only")
    pinned = {node for j in decided if j.verdict == "same" for node in (j.a, j.b)}
    result = _assemble(len(report_list), per_report, union, duplicates, dates, pinned, links)
    _phase("assembled")
    release(per_report)  # not in one C call as this returns: see core/gc_pause.release
    release(union.parent)
    _phase("released")
    return result


def _resolve(report_list: list[ReportText], headers: dict[int, list[tuple[int, int]]], decided: list[Judgement],
             extracted: dict[int, list[Found]],
             known: gazetteer.Gazetteer) -> tuple[dict[int, list[Found]], KeyUnion]:
    """Every rule, the analysts' judgements first: each report's mentions and the union of their keys."""
    marks = Marks(decided)
    per_report: dict[int, list[Found]] = {r.id: _apply_splits(r.id, extracted[r.id], decided) for r in report_list}
    met: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()  # (mark node, the rules' node for the same words)
    if not marks.empty:
        for r in report_list:
            per_report[r.id] = marks.apply(f"{r.title}\n{r.text}", headers[r.id], per_report[r.id], met)
    union = KeyUnion((j.a, j.b) for j in decided if j.verdict == "different")
    for judgement in decided:
        if judgement.verdict == "same":
            union.union(judgement.a, judgement.b, judgement.reason())
    for kind, surface, reason in marks.unions():
        natural = natural_node(kind, surface)
        if natural is not None:
            union.union(mark_node(kind, surface), natural, reason)
    for node, other in sorted(met):
        union.union(node, other, f"analyst: entity ({node[2]})")
    literal_domains = {f.mention.key for fs in per_report.values() for f in fs
                       if f.mention.kind is Kind.DOMAIN and not f.mention.implied}
    abbreviations = {f.mention.surface for fs in per_report.values() for f in fs
                     if f.node == _abbreviation_node(f.mention.surface) and f.mention.surface.isupper()}
    for report in report_list:
        kept = [f for f in per_report[report.id] if not f.mention.implied or f.mention.key in literal_domains]
        full, header = f"{report.title}\n{report.text}", headers[report.id]
        kept = _abbreviations_elsewhere(full, header, kept, abbreviations)
        per_report[report.id] = rules.local_merges(report.id, full, kept, union)
    _phase("local merges")
    katakana: set[tuple[str, ...]] = set()
    for found in per_report.values():
        for f in found:
            union.find(f.node)
            # Phonetic spellings only: katakana, and places read in kanji (香港 ホンコン). A Chinese or Korean
            # name read in Japanese (羅建華 ラケンカ) sounds nothing like its romanisation (LUO Jianhua).
            if _KATAKANA_ONLY.fullmatch(_ORG_SUFFIX.sub("", f.mention.surface)) or (
                    f.reading and f.mention.kind is Kind.LOCATION and _JAPANESE.search(f.mention.surface)) or (
                    f.node[0] == "org" and _JAPANESE_COMPANY.search(f.mention.surface)):
                katakana.add(f.node)
    _phase("katakana")
    rules.romanisation_merges(union, per_report)
    rules.fuzzy_merges(union, katakana)
    rules.surname_merges(union, per_report)
    rules.mandarin_merges(union, per_report)
    rules.companies_without_legal_form(union, per_report, lambda surface: known.lookup(surface) is not None)
    bilingual.merges(union, per_report, names_ja.words)
    rules.split_given_names(union, per_report)
    _phase("global rules")
    return per_report, union


def natural_node(kind: Kind, surface: str) -> tuple[str, ...] | None:
    """The node the rules would start a mention of ``surface`` as ``kind`` in: where an analyst's mark of it meets
    the name's other spellings (None for a selector the selector rules do not read whole)."""
    if kind in NAME_KINDS:
        return _name_node(Mention(kind, surface, surface, 0, len(surface)), "")
    read = [m for m in selectors.extract(surface) if m.kind is kind and m.start == 0 and m.end == len(surface)]
    return ("sel", kind.value, read[0].key) if read else None


def _apply_splits(report_id: int, found: list[Found], decided: list[Judgement]) -> list[Found]:
    """An analyst's split: in the reports named, a key's mentions start a node of their own."""
    for judgement in decided:
        if judgement.verdict == "split" and report_id in judgement.reports:
            found = [Found(f.mention, judgement.b, f.reading, f.born) if f.node == judgement.a else f for f in found]
    return found


class _Contents:
    """Each report's content (its header left out) and whether near-duplicates compare it, made afresh each time
    it is read and never held all at once (near-duplicates read it twice). E-mails are compared by their own
    text, without the attachments fused beside them: two messages of one storyline attach nearly the same
    selector list; that says nothing of whether one message is a copy of the other, and a copy re-sends its
    attachments anyway."""

    def __init__(self, reports: list[ReportText], headers: dict[int, list[tuple[int, int]]],
                 messages: dict[int, int]) -> None:
        self.reports, self.headers, self.messages = reports, headers, messages

    def __iter__(self) -> Iterator[tuple[int, str, bool]]:
        fused = self.headers
        for report in self.reports:
            yield (report.id, _without_header(f"{report.title}\n{report.text}", self.headers[report.id]),
                   self.messages.get(report.id) not in fused)


class _Compared:
    """The contents near-duplicates compare, read afresh from ``contents`` each time."""

    def __init__(self, contents: Iterable[tuple[int, str, bool]]) -> None:
        self.contents = contents

    def __iter__(self) -> Iterator[tuple[int, str]]:
        return ((report_id, text) for report_id, text, compared in self.contents if compared)


def _text_only(contents: _Contents, count: int) -> tuple[list[list[int]], dict[int, list[str]]]:
    try:
        found = workers.text_only(contents, count)
    except (OSError, workers.WorkerFailed):
        found = text_findings(contents)
    _phase("near-duplicates and dates")
    return found


def text_findings(contents: Iterable[tuple[int, str, bool]]) -> tuple[list[list[int]], dict[int, list[str]]]:
    """Near-duplicate groups and each report's content dates: what fusion finds from the text alone.
    ``contents`` (report id, content, compared for near-duplicates) is read three times."""
    duplicates = neardup.groups(_Compared(contents))
    # Dates in the content (the header's date is the report's own): for timelines, never for links.
    dates = {report_id: sorted({d.isoformat() for _, d in find_dates(text)}) for report_id, text, _ in contents}
    return duplicates, dates


def _assemble(report_count: int, per_report: dict[int, list[Found]], union: KeyUnion,
              duplicates: list[list[int]], dates: dict[int, list[str]],
              pinned: AbstractSet[tuple[str, ...]] = frozenset(), links: bool = True) -> FusionResult:
    members: dict[tuple[str, ...], list[tuple[int, Found]]] = defaultdict(list)
    for report_id, found in per_report.items():
        for f in found:
            members[union.find(f.node)].append((report_id, f))
    for root in [root for root, items in members.items() if all(is_unsure(f) for _, f in items)]:
        del members[root]  # nothing but loanword phrases or generic names, never met another way
    reasons: dict[tuple[str, ...], list[tuple[tuple[str, ...], tuple[str, ...], str]]] = defaultdict(list)
    for root, why in homonyms.split(members, pinned).items():
        reasons[root].append((root[:-1], root, why))
    node_root = {f.node: root for root, items in members.items() for _, f in items}
    for a, b, why in union.reasons:
        if a in node_root and node_root.get(a) == node_root.get(b):
            reasons[node_root[a]].append((a, b, why))
    entities: list[Entity] = []
    root_to_id: dict[tuple[str, ...], int] = {}
    for root, items in sorted(members.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        kind, name = kind_and_name([f for _, f in items])
        surfaces = Counter(f.mention.surface for _, f in items)
        entity_id = len(entities) + 1
        root_to_id[root] = entity_id
        nodes = sorted({f.node for _, f in items})
        entities.append(Entity(entity_id, kind, name, sorted(surfaces), sorted({r for r, _ in items}), len(items),
                               nodes, [{"a": list(a), "b": list(b), "why": why} for a, b, why in reasons[root]]))
    mentions: dict[int, list[tuple[Mention, int]]] = defaultdict(list)
    for root, items in members.items():
        for report_id, f in items:
            mentions[report_id].append((f.mention, root_to_id[root]))
    _phase("entities")
    linked = _links(entities, report_count) if links else []
    _phase("links")
    return FusionResult(entities, duplicates, linked, mentions, dates)


def is_unsure(f: Found) -> bool:
    return f.node[0] not in ("watch", "mark") and f.mention.kind in NAME_KINDS \
        and _JAPANESE.search(f.mention.surface) is not None and names_ja.unsure(f.mention.surface)


def kind_and_name(found: list[Found]) -> tuple[Kind, str]:
    """What an entity is and what it is called, from the mentions resolved into it; the kind an analyst marked
    its text as beats every guess (core/fusion/marks.py)."""
    kind, name = _kind_and_name(found)
    marked = Counter(k for k in (marked_kind(f.node) for f in found) if k is not None)
    return (marked.most_common(1)[0][0] if marked else kind), name


def _kind_and_name(found: list[Found]) -> tuple[Kind, str]:
    # Sudachi's tags (person, place, organisation) are surer than English capitalisation: they count thrice.
    kinds: Counter[Kind] = Counter()
    for f in found:
        # Katakana names are persons by our guess only; an organisation word or legal form is evidence.
        sudachi_tagged = _JAPANESE.search(f.mention.surface) and not _KATAKANA_ONLY.fullmatch(f.mention.surface)
        kinds[f.mention.kind] += 3 if sudachi_tagged or f.node[0] == "org" else 1
    kind = Kind.OPERATION if kinds[Kind.OPERATION] else kinds.most_common(1)[0][0]
    watched = next((f.mention.key for f in found if f.node[0] == "watch"), None)
    if watched is not None:  # the analysts' name for it
        return kind, watched
    known = next((f.node[1] for f in found if f.node[0] == "gaz"), None)
    if known is not None:  # the gazetteer's name and kind, whatever the rules guessed from one report's words
        entry = gazetteer.load().entry(known)
        return entry.kind, entry.name
    if kind in SELECTOR_KINDS:
        return kind, found[0].mention.key
    surfaces = Counter(f.mention.surface for f in found)
    latin = [s for s, _ in surfaces.most_common() if not _JAPANESE.search(s) and not _OTHER_SCRIPT.search(s)] or \
        [s for s, _ in surfaces.most_common() if not _JAPANESE.search(s)]
    return kind, latin[0] if latin else surfaces.most_common(1)[0][0]


def content_only(report: ReportText) -> str:
    return _without_header(*report_content(report))


def _without_header(full: str, header: list[tuple[int, int]]) -> str:
    kept, position = [], 0
    for start, end in sorted(header):
        kept.append(full[position:start])
        position = max(position, end)
    kept.append(full[position:])
    return "".join(kept)


def _links(entities: list[Entity], report_count: int) -> list[dict[str, Any]]:
    """Report pairs sharing entities, weighted by inverse document frequency.

    An entity in more than COMMON_LINK reports adds weight to pairs that
    rarer entities link, but links no pair on its own: "Hong Kong" in a
    thousand reports would otherwise make half a million links that say
    nothing (at 10,000 reports, a limit that grew with the vault made 2.9
    million). The entity itself still lists every report it is in.
    """
    limit = COMMON_LINK
    shared: dict[tuple[int, int], list[int]] = defaultdict(list)
    common: list[Entity] = []
    for entity in entities:
        if len(entity.reports) < 2:
            continue
        if len(entity.reports) > limit:
            common.append(entity)
            continue
        for a, b in combinations(entity.reports, 2):
            shared[(a, b)].append(entity.id)
    for entity in common:
        members = set(entity.reports)
        for (a, b), ids in shared.items():
            if a in members and b in members:
                ids.append(entity.id)
    weight = {e.id: math.log((report_count + 1) / len(e.reports)) for e in entities}
    links = []
    while shared:  # taken entry by entry: the pairs, freed whole, stopped other threads for 80 ms
        (a, b), ids = shared.popitem()
        links.append({"a": a, "b": b, "weight": round(sum(weight[e] for e in ids), 3), "entities": sorted(ids)})
    links.reverse()  # entity order makes it deterministic; a sort held the GIL
    return links
