"""Report metadata read from the text: classification, Admiralty grading, agency, language, title.

These look at the header (the first lines), where agencies put markings, so a
word like "secret" in the narrative does not raise a report's classification.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from nia_desktop.core.classification import Level
from nia_desktop.core.ingest.screened import Screened

HEADER_CHARS = 1500

# Most specific first: 極秘 contains 秘, 特定秘密 contains 秘密.
_MARKINGS: list[tuple[Screened, Level]] = [
    (Screened(re.compile(r"特定秘密(?!保護|の保護)|極秘|TOP\s+SECRET|SPECIALLY\s+DESIGNATED\s+SECRET\b"),
              ("特定秘密", "極秘", "TOP", "SPECIALLY"), lead=0), Level.TOP_SECRET),
    (Screened(re.compile(r"(?<![極機部])秘(?![密書])|(?<!TOP )(?<!DESIGNATED )\bSECRET\b"), ("秘", "SECRET"), lead=0),
     Level.SECRET),
    (Screened(re.compile(r"取扱厳重注意|取扱注意|\bCONFIDENTIAL\b|部内限り|FOR OFFICIAL USE ONLY|\bFOUO\b"),
              ("取扱", "CONFIDENTIAL", "部内限り", "FOR OFFICIAL USE ONLY", "FOUO"), lead=0), Level.CONFIDENTIAL),
    (Screened(re.compile(r"\bUNCLASSIFIED\b|指定なし"), ("UNCLASSIFIED", "指定なし"), lead=0), Level.UNCLASSIFIED),
]

_RELIABILITY = "ABCDEF"
_SHORT_GRADE = Screened(re.compile(
    r"(?:grading|admiralty|evaluation|評価|情報評価|確度)[^\n]{0,20}?\b([A-F])\s*[-/]?\s*([1-6])\b", re.IGNORECASE),
    ("grading", "admiralty", "evaluation", "評価", "確度"), folded=True, lead=2)
_LONG_GRADE = Screened(re.compile(
    r"source\s*\(?\s*([A-F])\b[^\n]{0,80}?information\s*\(?\s*([1-6])\b", re.IGNORECASE),
    ("source",), folded=True, lead=0)
_JA_GRADE = Screened(re.compile(r"情報源\s*([A-F])[^\n]{0,40}?情報\s*([1-6])"), ("情報源",), lead=0)

AGENCIES = {
    "CIRO": ("Cabinet Intelligence and Research Office", "内閣情報調査室", "内調", "CIRO"),
    "MOFA": ("Ministry of Foreign Affairs", "International Intelligence Coordinating Office", "外務省",
             "国際情報統括官", "MOFA", "IICO"),
    "DIH": ("Defense Intelligence Headquarters", "情報本部", "防衛省", "DIH"),
    "NPA": ("National Police Agency", "警察庁", "NPA"),
}
_JAPANESE_RUN = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]+")
_LATIN_RUN = re.compile(r"[A-Za-z]+")
_AGENCY_CODE = Screened(re.compile(r"\b(CIRO|MOFA|IICO|DIH|NPA)-[A-Z]{2,4}-\d", re.IGNORECASE),
                        ("ciro-", "mofa-", "iico-", "dih-", "npa-"), folded=True, lead=0)

_TITLE_LABEL = re.compile(
    r"^\s*(?:[-*]\s*)?(?:\*\*)?(?:subject|title|件名|表題|標題|題名)(?:\*\*)?(?:\s*[:：]\s*|\s{2,})(\S.+)$",
    re.IGNORECASE | re.MULTILINE)
_HEADER_LINE = re.compile(r"^[^:：]{1,25}[:：]")


@functools.lru_cache(maxsize=8)
def _nfkc(prefix: str) -> str:
    """NFKC of a report's opening, cached: each field below reads the same opening."""
    return unicodedata.normalize("NFKC", prefix)


def header(text: str) -> str:
    return _nfkc(text[:HEADER_CHARS])


def classification(text: str) -> Level | None:
    """The highest marking found in the header, or None when there is none.

    Levels are matched in capitals ("SECRET"), so the word "secret" in a sentence does not raise a report; on a
    line that is plainly a marking ("Classification: Top Secret", "Secret//NOFORN") any case counts.
    """
    head = header(text)
    found = [level for pattern, level in _MARKINGS if pattern.search(head)]
    for line in _stated_markings(head):
        found += [level for pattern, level in _MARKINGS if pattern.search(line)]
    return max(found) if found else None


_LEVEL_LABEL = re.compile(
    r"^\s*(?:[-*]\s*)?(?:\*\*)?(?:x-)?(?:security[\s-]+|protective[\s-]+)?(?:classification|class|marking|designation)"
    r"(?:\*\*)?\s*[:：]\s*(?:\*\*)?(.+)$", re.IGNORECASE)
_LEVEL_START = re.compile(r"^\s*(?:\*\*)?(top\s+secret|secret|confidential|unclassified|"
                          r"specially\s+designated\s+secret)\s*(?:\(|//|$)", re.IGNORECASE)


def _stated_markings(head: str) -> list[str]:
    """Lines of the header that state a marking, upper-cased: a labelled marking or one that starts a line."""
    lines = []
    for line in head.splitlines()[:60]:
        labelled = _LEVEL_LABEL.match(line)
        if labelled:
            lines.append(labelled.group(1).upper())
        elif _LEVEL_START.match(line):
            lines.append(line.upper())
    return lines


# Caveats: on a marking line ("TOP SECRET//特定秘密//ORCON", "CLASS: SECRET//REL TO GBR, USA") after the level,
# or on a labelled line ("Caveats: ORCON", "取扱制限：発信者統制").
_SDS = re.compile(r"特定秘密(?!保護|の保護)|SPECIALLY\s+DESIGNATED\s+SECRET\b", re.IGNORECASE)
_LABEL = r"(?:[-*]\s*)?(?:\*\*)?(?:CLASS(?:IFICATION)?|MARKING|区分|秘密区分|指定区分)(?:\*\*)?\s*[:：]?\s*(?:\*\*)?"
_MARKING_LINE = re.compile(r"^\s*(?:" + _LABEL + r")?(.*?//.*?)(?:\*\*)?\s*$", re.IGNORECASE)
_CAVEAT_LINE = re.compile(
    r"^\s*(?:[-*]\s*)?(?:\*\*)?(?:caveats?|handling(?: caveats?)?|dissemination(?: controls?)?|releasability|"
    r"compartments?|control markings?|取扱制限|配布制限|伝達制限|提供制限|取扱区分|コンパートメント|区画)"
    r"(?:\*\*)?\s*[:：]\s*(?:\*\*)?(.+?)(?:\*\*)?\s*$",
    re.IGNORECASE | re.MULTILINE)
_LEVEL_WORDS = re.compile(r"TOP\s+SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|FOR OFFICIAL USE ONLY|FOUO|極秘|秘|取扱注意|"
                          r"取扱厳重注意|部内限り|指定なし|[\s()（）/・]", re.IGNORECASE)
_FORMAT_CHARACTERS = re.compile(r"[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_REL = re.compile(r"(?:REL(?:EASABLE)?\s+TO|提供可|開示可)\s*[:：]?\s*[A-Z]{2,6}(?:\s*[,、]\s*[A-Z]{2,6})*",
                  re.IGNORECASE)


def caveats(text: str) -> list[str]:
    """The caveats the header states, as written (folded later against the vault's registry); none are dropped
    for being unknown. 特定秘密 (and its English name) is a compartment wherever it stands in the header."""
    head = header(text)
    found: list[str] = []
    if _SDS.search(head):
        found.append("特定秘密")
    for line in head.splitlines()[:60]:
        match = _MARKING_LINE.match(line)
        if match and "://" not in line and classification(match.group(1).split("//")[0].upper()) is not None:
            found += _tokens(match.group(1).split("//")[1:])
    for match in _CAVEAT_LINE.finditer(head):
        value = match.group(1)
        rel = _REL.search(value)
        if rel:
            found.append(rel.group(0))
            value = value[:rel.start()] + value[rel.end():]
        found += _tokens(re.split(r"//|[,、;；]", value))
    unique = list(dict.fromkeys(c for c in found if c))
    return unique[:16]


def _tokens(parts: list[str]) -> list[str]:
    kept = []
    for part in parts:
        # Quotes around a YAML or CSV value are not part of the caveat.
        token = re.sub(r"\s+", " ", _FORMAT_CHARACTERS.sub("", part).replace("**", "")).strip(" *\"'`「」『』")
        if not token or not _LEVEL_WORDS.sub("", token.upper()) or _SDS.fullmatch(token):
            continue  # the level itself (or 特定秘密, taken above)
        if any(c.isalnum() for c in token):  # whatever it is, it is kept: an odd character never drops a caveat
            kept.append(token[:64])
    return kept


def admiralty(text: str) -> tuple[str, str]:
    """(source reliability A-F, information credibility 1-6), '' where not stated."""
    head = header(text)
    for pattern in (_LONG_GRADE, _JA_GRADE, _SHORT_GRADE):
        match = pattern.search(head)
        if match:
            return match.group(1).upper(), match.group(2)
    return "", ""


def agency(text: str) -> str:
    """The originating agency named in the header, or ''."""
    head = header(text)
    code = _AGENCY_CODE.search(head)
    if code:
        value = code.group(1).upper()
        return "MOFA" if value == "IICO" else value
    positions = []
    for name, markers in AGENCIES.items():
        for marker in markers:
            index = head.find(marker)
            if index >= 0:
                positions.append((index, name))
    return min(positions)[1] if positions else ""


def language(text: str) -> str:
    """'ja', 'en' or 'mixed', from the share of Japanese script among letters."""
    sample = text[:20000]
    japanese = sum(map(len, _JAPANESE_RUN.findall(sample)))  # runs, not characters: five times faster
    latin = sum(map(len, _LATIN_RUN.findall(sample)))
    # A Japanese character carries about as much as three Latin letters.
    weight_ja, weight_en = japanese * 3, latin
    total = weight_ja + weight_en
    if total == 0:
        return "en"
    share = weight_ja / total
    if share >= 0.7:
        return "ja"
    if share <= 0.15:
        return "en"
    return "mixed"


def labelled_title(text: str) -> str:
    """A title the report states: 'Subject:', '件名：', '表題　…', or a Markdown heading; else ''."""
    head = _nfkc(text[:HEADER_CHARS * 2])
    match = _TITLE_LABEL.search(head)
    if match:
        return _clean(match.group(1))
    for line in head.splitlines():
        if line.startswith("# "):
            return _clean(line[2:])
    return ""


def title(text: str, fallback: str = "") -> str:
    """A labelled title, else the first substantial line that is not a marking or a header field."""
    labelled = labelled_title(text)
    if labelled:
        return labelled
    for line in _nfkc(text[:HEADER_CHARS * 2]).splitlines():
        cleaned = _clean(line)
        if len(cleaned) >= 8 and classification(cleaned) is None and not _HEADER_LINE.match(cleaned):
            return cleaned
    return fallback


def _clean(line: str) -> str:
    return re.sub(r"\s+", " ", line.replace("**", "")).strip()[:200]


LANGUAGES = ("ja", "en", "mixed")


def derive(text: str) -> dict[str, object]:
    """Everything the import reads from a report's text, in one JSON-safe dict.

    Computed in the parser child (in parallel, off the importing thread) and
    checked again by :func:`checked` on arrival, since the child is untrusted.
    """
    from nia_desktop.core.ingest.dates import first_date

    # Normalising raw Japanese costs about 0.1 us a character; already-normal text passes a quick check.
    text = unicodedata.normalize("NFKC", text)
    level = classification(text)
    reliability, credibility = admiralty(text)
    return {"classification": None if level is None else int(level), "caveats": caveats(text),
            "reliability": reliability,
            "credibility": credibility, "agency": agency(text), "language": language(text),
            "date": first_date(header(text))}


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


_META_KEYS = ("classification", "caveats", "reliability", "credibility", "agency", "language", "date")


def checked(meta: object, text: str) -> dict[str, object]:
    """The child's metadata if every value is well-formed, else computed here."""
    if isinstance(meta, dict) and all(key in meta for key in _META_KEYS):  # the import reads each by key
        level, rel, cred = meta.get("classification"), meta.get("reliability"), meta.get("credibility")
        agency_code, lang, day = meta.get("agency"), meta.get("language"), meta.get("date")
        marks = meta.get("caveats")
        if ((level is None or (type(level) is int and 0 <= level <= 3))
                and isinstance(marks, list) and len(marks) <= 16
                and all(isinstance(m, str) and 0 < len(m) <= 64 for m in marks)
                and rel in ("", *_RELIABILITY) and cred in ("", "1", "2", "3", "4", "5", "6")
                and agency_code in ("", *AGENCIES) and lang in LANGUAGES
                and isinstance(day, str) and (day == "" or _DATE.fullmatch(day))):
            return meta
    return derive(text)
