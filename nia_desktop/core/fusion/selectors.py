"""Selectors: e-mail, phone, IP, domain, URL, social handle, Telegram channel, crypto address.

Analysts write them defanged (``hxxps[:]//example[.]org``, ``user[at]host``,
``203[.]0[.]113[.]5``) and Japanese text writes them full-width
(``＠``, ``０９０－…``). Matching runs on a same-length folded copy of the
text (each character replaced by its NFKC form when that is one character),
so every mention keeps the offsets of what was written. Each value is
validated and normalised: ``ipaddress`` for IPs (invalid ones dropped),
``phonenumbers`` for E.164, lower case for domains and mail addresses,
``platform:handle`` for accounts.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from collections.abc import Iterator

import phonenumbers

from nia_desktop.core.fusion.model import Kind, Mention
from nia_desktop.core.fusion.spans import Spans

_DOT = r"(?:\.|\[\.\]|\(\.\)|\[dot\]|\(dot\))"
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_TLD = r"[a-z]{2,24}(?![a-z0-9-])"
_DOMAIN = rf"{_LABEL}(?:{_DOT}{_LABEL})*{_DOT}{_TLD}"
_AT = r"(?:@|\[@\]|\(@\)|\[at\]|\(at\))"
_SCHEME = r"(?:h(?:tt|xx)ps?|ftp)(?::|\[:\])//"
_PATH = r"(?:/[^\s<>\"'`()\[\]{}、。，「」（）【】]*[^\s<>\"'`()\[\]{}、。，「」（）【】.,;:!?])?/?"

_EMAIL = re.compile(rf"(?<![A-Za-z0-9_.+-])([a-z0-9][a-z0-9._%+-]{{0,63}}){_AT}({_DOMAIN})", re.IGNORECASE)
_URL = re.compile(rf"(?<![A-Za-z0-9_/.@-])(?:({_SCHEME})?)({_DOMAIN})(/[^\s]*)?", re.IGNORECASE)
_IPV4 = re.compile(rf"(?<![\d.\[\]])(\d{{1,3}}(?:{_DOT}\d{{1,3}}){{3}})(?![\d\[]|\.\d)")
_IPV6 = re.compile(r"(?<![0-9a-f:])((?:[0-9a-f]{1,4}:){2,7}(?::|[0-9a-f]{1,4})(?:(?<=:):?[0-9a-f]{1,4})*"
                   r"(?::[0-9a-f]{1,4})*)(?![0-9a-f:])", re.IGNORECASE)
_HANDLE = re.compile(r"(?<![A-Za-z0-9_@.])@([a-z0-9_]{2,32})(?![A-Za-z0-9_@]|\.[a-z])", re.IGNORECASE)
_TG_LINK = re.compile(r"(?:(?:https?://)?t\.me/(?:s/)?|tg://resolve\?domain=)([a-z0-9_]{4,32})", re.IGNORECASE)
_PLATFORM_LINK = re.compile(
    r"(?:https?://)?(?:www\.)?(x\.com|twitter\.com|instagram\.com|tiktok\.com|youtube\.com|facebook\.com|"
    r"linkedin\.com/in)/(@?)([a-z0-9_.-]{2,64})(?![\w.-]*/)", re.IGNORECASE)
_PLATFORMS = {"x.com": "x", "twitter.com": "x", "instagram.com": "instagram", "tiktok.com": "tiktok",
              "youtube.com": "youtube", "facebook.com": "facebook", "linkedin.com/in": "linkedin"}
# The platform an @handle belongs to: the nearest platform word before it on its line; X when none.
_PLATFORM_WORD = re.compile(
    r"(telegram|テレグラム|tiktok|ティックトック|youtube|ユーチューブ|instagram|インスタグラム|facebook|フェイスブック|"
    r"linkedin|リンクトイン|twitter|ツイッター|\bx\b|エックス)", re.IGNORECASE)
_PLATFORM_NAMES = {"テレグラム": "telegram", "ティックトック": "tiktok", "ユーチューブ": "youtube",
                   "インスタグラム": "instagram", "フェイスブック": "facebook", "リンクトイン": "linkedin",
                   "twitter": "x", "ツイッター": "x", "エックス": "x"}
_CRYPTO = re.compile(r"(?<![a-z0-9])(bc1[a-z0-9]{25,62}|[13][a-km-zA-HJ-NP-Z1-9]{25,34}|0x[a-fA-F0-9]{40})"
                     r"(?![a-z0-9])")
_PHONE_START = re.compile(r"[+(0-9]")
# Hints: a substring every match of a pattern contains, searched first (a literal the engine finds fast) so a
# text without one skips a pattern that tries every position (the profile's largest selector cost). Same flags.
_TG_HINT = re.compile(r"t\.me/|tg://resolve\?domain=", re.IGNORECASE)
_PLATFORM_HINT = re.compile(r"\.com", re.IGNORECASE)  # every platform name ends in .com or is linkedin.com/in
_AT_WORD = re.compile(r"\[at\]|\(at\)", re.IGNORECASE)
_IPV4_HINT = re.compile(rf"\d{_DOT}\d")  # two of the four numbers and the dot between
_IPV6_HINT = re.compile(r"[0-9a-f]:[0-9a-f]", re.IGNORECASE)  # the end of the first group and the second's start
_REFANG_DOT = re.compile(r"\[\.\]|\(\.\)|\[dot\]|\(dot\)", re.IGNORECASE)
_REFANG_AT = re.compile(r"\[@\]|\(@\)|\[at\]|\(at\)", re.IGNORECASE)
_REFANG_SCHEME = re.compile(r"^hxxp", re.IGNORECASE)
_PATH_CHARS = re.compile(r"[/A-Za-z0-9._~%!$&'*+,;=:@?#-]*")
_DATE = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{8}")
# Top-level names that are really file extensions: "report.pdf" is not a domain.
_NOT_TLDS = frozenset({"pdf", "doc", "docx", "txt", "csv", "json", "eml", "html", "htm", "md", "zip", "png", "jpg",
                       "jpeg", "gif", "xls", "xlsx", "ppt", "pptx", "php", "exe", "dll", "js", "py", "sh", "msg",
                       "k", "g", "co", "ltd", "inc"})


class _FoldTable(dict[int, str]):
    """Each character's NFKC form where that is one character, worked out once per character ever seen."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        folded = unicodedata.normalize("NFKC", ch)
        value = folded if len(folded) == 1 else ch
        if len(self) < 200_000:  # text of every script there is still fits; a flood of rare ones is not kept
            self[code] = value
        return value


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """NFKC character by character where that keeps one character (＠ -> @, ０ -> 0): offsets stay put."""
    return text if text.isascii() else text.translate(_FOLD_TABLE)


def refang(value: str) -> str:
    value = _REFANG_DOT.sub(".", value)
    value = _REFANG_AT.sub("@", value)
    value = value.replace("[:]", ":")
    return _REFANG_SCHEME.sub("http", value)


def _domain_ok(domain: str) -> bool:
    tld = domain.rsplit(".", 1)[-1]
    return tld.isalpha() and tld not in _NOT_TLDS and "." in domain and not domain.replace(".", "").isdigit()


def extract(text: str, region: str = "JP") -> list[Mention]:
    """Every selector in ``text``, with offsets; no span is claimed twice."""
    folded = fold(text)
    taken = Spans()
    free = taken.free
    found: list[Mention] = []

    def add(kind: Kind, start: int, end: int, key: str, implied: bool = False) -> None:
        found.append(Mention(kind, text[start:end], key, start, end, implied))
        if not implied:
            taken.claim(start, end)

    for match in _TG_LINK.finditer(folded) if _TG_HINT.search(folded) else ():
        add(Kind.TELEGRAM, match.start(), match.end(), f"telegram:{match.group(1).lower()}")
    for match in _PLATFORM_LINK.finditer(folded) if _PLATFORM_HINT.search(folded) else ():
        if free(match.start(), match.end()):
            platform = _PLATFORMS[match.group(1).lower()]
            handle = match.group(3).rstrip(".").lower()
            add(Kind.SOCIAL, match.start(), match.start() + len(match.group(0).rstrip(".")), f"{platform}:{handle}")
    for match in _EMAIL.finditer(folded) if "@" in folded or _AT_WORD.search(folded) else ():
        domain = refang(match.group(2)).lower()
        if free(match.start(), match.end()) and _domain_ok(domain):
            add(Kind.EMAIL, match.start(), match.end(), f"{match.group(1).lower()}@{domain}")
            add(Kind.DOMAIN, match.start(2), match.end(2), domain, implied=True)
    for match in _URL.finditer(folded):
        domain = refang(match.group(2)).lower()
        if not free(match.start(), match.end(2)) or not _domain_ok(domain):
            continue
        path = _clean_path(match.group(3) or "")
        end = match.end(2) + len(path)
        if match.group(1) or len(path) > 1:
            scheme = refang(match.group(1) or "https://").lower()
            add(Kind.URL, match.start(), end, f"{scheme}{domain}{path}")
            add(Kind.DOMAIN, match.start(2), match.end(2), domain, implied=True)
        else:
            add(Kind.DOMAIN, match.start(2), match.end(2), domain)
    for match in _IPV4.finditer(folded) if _IPV4_HINT.search(folded) else ():
        if free(match.start(), match.end()):
            try:
                address = ipaddress.IPv4Address(refang(match.group(1)))
            except ValueError:
                continue
            add(Kind.IP, match.start(), match.end(), str(address))
    for match in _IPV6.finditer(folded) if _IPV6_HINT.search(folded) else ():
        if free(match.start(), match.end()) and ":" in match.group(1):
            try:
                address6 = ipaddress.IPv6Address(match.group(1))
            except ValueError:
                continue
            add(Kind.IP, match.start(), match.end(), str(address6))
    # An @handle takes the nearest platform word before it ("the TikTok account @h"); a bare one takes the
    # platform the report gives that handle elsewhere (a profile link, or a platform word at another
    # mention), else X: a selector table's "@h" is the account its prose names.
    linked = {m.key.split(":", 1)[1]: m.key.split(":", 1)[0] for m in found if m.kind in (Kind.SOCIAL, Kind.TELEGRAM)}
    handles = [(match, _platform_before(folded, match.start(), default=""))
               for match in (_HANDLE.finditer(folded) if "@" in folded else ()) if free(match.start(), match.end())]
    for match, nearest in handles:
        if nearest:
            linked.setdefault(match.group(1).lower(), nearest)
    for match, nearest in handles:
        platform = nearest or linked.get(match.group(1).lower(), "x")
        kind = Kind.TELEGRAM if platform == "telegram" else Kind.SOCIAL
        add(kind, match.start(), match.end(), f"{platform}:{match.group(1).lower()}")
    for match in _CRYPTO.finditer(folded):
        if free(match.start(), match.end()) and any(c.isdigit() for c in match.group(1)):
            add(Kind.CRYPTO, match.start(), match.end(), match.group(1))
    found.extend(_phones(text, folded, region, taken))
    return sorted(found, key=lambda m: (m.start, m.end))


def _platform_before(text: str, position: int, default: str = "x") -> str:
    """The platform word nearest before ``position`` on its line, or ending the line before when the
    handle starts a wrapped line ("TikTokアカウント\n　　@h")."""
    line_start, reach = text.rfind("\n", 0, position) + 1, 80
    if line_start and not text[line_start:position].strip():
        line_start, reach = text.rfind("\n", 0, line_start - 1) + 1, 40
    words = list(_PLATFORM_WORD.finditer(text, max(line_start, position - reach), position))
    if not words:
        return default
    word = words[-1].group(1).lower()
    return _PLATFORM_NAMES.get(word, word)


def _clean_path(path: str) -> str:
    """A URL's path without the sentence punctuation or Japanese text written straight after it."""
    cut = _PATH_CHARS.match(path)
    value = cut.group(0) if cut else ""
    return value.rstrip(".,;:!?'")


_PHONE_CANDIDATE = re.compile(r"(?<![A-Za-z0-9_+\-/.])(?:\+|00)?\(?\d[\d \t().\-]{6,22}\d(?![A-Za-z0-9_\-])")


def _phones(text: str, folded: str, region: str, taken: Spans) -> Iterator[Mention]:
    """Phone numbers as written (spaces, hyphens, brackets, 00 or + prefixes), to E.164.

    A cheap pattern finds digit runs that could be numbers; only those are
    parsed and validated with phonenumbers (its own matcher scans every
    position and cost more than all other extraction together).
    """
    for candidate in _PHONE_CANDIDATE.finditer(folded):
        start, end = candidate.span()
        raw = candidate.group(0).rstrip(" .-")
        end = start + len(raw)
        if not taken.free(start, end) or _looks_like_date(raw):
            continue
        if raw.startswith("00"):
            raw = "+" + raw[2:]
        try:
            number = phonenumbers.parse(raw, region)
        except phonenumbers.NumberParseException:
            continue
        if not phonenumbers.is_valid_number(number):
            continue
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        taken.claim(start, end)
        yield Mention(Kind.PHONE, text[start:end], e164, start, end)


def _looks_like_date(raw: str) -> bool:
    return bool(_DATE.fullmatch(raw.strip()))
