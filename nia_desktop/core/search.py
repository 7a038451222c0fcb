"""Full-text search for English and Japanese with one FTS5 unicode61 index.

Japanese has no spaces between words, and FTS5's trigram tokenizer was
measured here at about a sixth of unicode61's insert rate with an index six
times the text. So Japanese runs are pre-segmented into overlapping character
bigrams (東京都 -> 東京 京都) before they reach a unicode61 index, the
classic CJK bigram approach: a Japanese query word becomes the phrase of its
bigrams, which matches exactly where the word occurs. English is left to
unicode61 (case folding, diacritics removed), with prefixes, phrases and
AND/OR/NOT passed through as FTS5 syntax.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_CJK = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005\u3006\u30fc"
_CJK_RUN = re.compile(f"[{_CJK}]+")
_QUERY_TOKEN = re.compile(r'"[^"]*"|\(|\)|[^\s()"]+')
OPERATORS = {"AND", "OR", "NOT"}
MARK_START, MARK_END = "«", "»"


def _bigrams(run: str) -> str:
    if len(run) == 1:
        return run
    return " ".join(map(str.__add__, run[:-1], run[1:]))  # each character with the next


def segment(text: str) -> str:
    """Text as the index sees it: NFKC, and every Japanese run split into bigrams."""
    normal = unicodedata.normalize("NFKC", text)
    return _CJK_RUN.sub(lambda m: f" {_bigrams(m.group(0))} ", normal)


def _term(raw: str) -> str:
    prefix = raw.endswith("*")
    word = unicodedata.normalize("NFKC", raw.rstrip("*"))
    if not word:
        return ""
    if _CJK_RUN.fullmatch(word) and len(word) == 1:
        return f"{word}*"  # one character: every bigram starting with it
    words = segment(word).split()
    if not words:
        return ""
    escaped = " ".join(w.replace('"', '""') for w in words)
    return f'"{escaped}"' + ("*" if prefix and len(words) == 1 else "")


def to_fts_query(query: str) -> str:
    """A user's query as an FTS5 expression; '' when nothing searchable is left."""
    parts: list[str] = []
    for token in _QUERY_TOKEN.findall(query):
        if token in OPERATORS or token in ("(", ")"):
            parts.append(token)
        elif token.startswith('"'):
            inner = " ".join(segment(token.strip('"')).split())
            if inner:
                parts.append('"' + inner.replace('"', '""') + '"')
        else:
            term = _term(token)
            if term:
                parts.append(term)
    while parts and parts[-1] in OPERATORS | {"("}:
        parts.pop()
    while parts and parts[0] in OPERATORS - {"NOT"} | {")"}:
        parts.pop(0)
    if parts and parts[0] == "NOT":
        parts.pop(0)  # FTS5 NOT is binary
    if parts.count("(") != parts.count(")"):
        parts = [p for p in parts if p not in ("(", ")")]
    return " ".join(parts)


def query_terms(query: str) -> list[str]:
    """The words and phrases to highlight (operators and NOT-terms left out)."""
    terms: list[str] = []
    negate = False
    for token in _QUERY_TOKEN.findall(query):
        if token == "NOT":  # noqa: S105 (a query operator)
            negate = True
            continue
        if token in OPERATORS or token in ("(", ")"):
            continue
        word = unicodedata.normalize("NFKC", token.strip('"').rstrip("*")).strip()
        if word and not negate:
            terms.append(word)
        negate = False
    return terms


def _folded(text: str) -> tuple[str, list[int] | None]:
    """``text`` case-folded, and where each folded character came from when folding changed the length (ß is ss,
    ﬁ is fi, İ is i̇): without that map every hit after such a character was shifted."""
    folded = text.casefold()
    if len(folded) == len(text):
        return folded, None
    origin: list[int] = []
    for index, char in enumerate(text):
        origin.extend([index] * len(char.casefold()))
    origin.append(len(text))
    return folded, origin


def highlight_spans(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Where the terms occur in the original text (case-insensitive), merged and sorted; offsets into ``text``."""
    spans: list[tuple[int, int]] = []
    folded, origin = _folded(text)
    for term in terms:
        needle = term.casefold()
        if not needle:
            continue
        pattern = re.escape(needle)
        if needle.isascii() and needle[0].isalnum():
            pattern = r"(?<![a-z0-9])" + pattern
        for match in re.finditer(pattern, folded):
            if origin is None:
                spans.append((match.start(), match.end()))
            else:  # from the first folded character's source to past the last one's
                spans.append((origin[match.start()], origin[match.end() - 1] + 1))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def snippet(text: str, terms: list[str], width: int = 160) -> str:
    """A window of the original text around the first hit, hits marked «like this»."""
    spans = highlight_spans(text, terms)
    if not spans:
        return " ".join(text[:width].split())
    first = spans[0][0]
    start = max(0, first - width // 3)
    end = min(len(text), start + width)
    out, cursor = [], start
    for s, e in spans:
        if s < start or e > end:
            continue
        out.append(text[cursor:s])
        out.append(MARK_START + text[s:e] + MARK_END)
        cursor = e
    out.append(text[cursor:end])
    body = " ".join("".join(out).split())
    return ("…" if start > 0 else "") + body + ("…" if end < len(text) else "")


def tf_score(title: str, body: str, terms: list[str]) -> float:
    """A cheap relevance score (lower is better, like bm25): hits per 1,000 characters, title hits weigh 3.

    One case-insensitive pass of all the terms (a term inside a longer word counts too): it ranks up to a few
    hundred candidates in a search, so it must cost microseconds, not the walk highlighting needs.
    """
    pattern = _terms_pattern(tuple(terms))
    if pattern is None:
        return 0.0
    hits = len(pattern.findall(body)) + 3 * len(pattern.findall(title))
    return -1000.0 * hits / (len(body) + 500)


def tf_score_bytes(title: str, body: bytes, body_chars: int, terms: list[str]) -> float:
    """tf_score of a body read as UTF-8 bytes (``body_chars`` its length in characters), without decoding it when
    no term has a letter whose case only Unicode folds: ASCII case is folded on the bytes, a Japanese term has none.
    Counting a few hundred candidates' text this way costs a fraction of decoding it and a Unicode regex."""
    needles = _byte_needles(tuple(terms))
    if needles is None:
        return tf_score(title, body.decode("utf-8"), terms)
    if not needles:
        return 0.0
    folded, folded_title = body.lower(), title.encode("utf-8").lower()
    if len(needles) == 1:
        hits = folded.count(needles[0]) + 3 * folded_title.count(needles[0])
    else:
        pattern = _bytes_pattern(needles)
        hits = len(pattern.findall(folded)) + 3 * len(pattern.findall(folded_title))
    return -1000.0 * hits / (body_chars + 500)


@functools.lru_cache(maxsize=64)
def _byte_needles(terms: tuple[str, ...]) -> tuple[bytes, ...] | None:
    """The terms as lowercase UTF-8, longest first (as _terms_pattern tries them); None if one has a non-ASCII
    letter with case."""
    words = sorted({t for t in terms if t}, key=len, reverse=True)
    if any(not ch.isascii() and ch.lower() + ch.upper() != ch + ch for word in words for ch in word):
        return None
    return tuple(word.lower().encode("utf-8") for word in words)


@functools.lru_cache(maxsize=64)
def _bytes_pattern(needles: tuple[bytes, ...]) -> re.Pattern[bytes]:
    return re.compile(b"|".join(map(re.escape, needles)))


@functools.lru_cache(maxsize=64)
def _terms_pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    needles = sorted({t for t in terms if t}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, needles)), re.IGNORECASE) if needles else None


# A one-word expression whose hits can be counted on a report's stored text: an ASCII word, or one Japanese bigram.
_ONE_TOKEN = re.compile(f'"([A-Za-z0-9]+|[{_CJK}]{{2}})"')
BM25_K1, BM25_B = 1.2, 0.75  # FTS5's own constants (fts5_aux.c)


def one_token(fts_query: str) -> bytes | None:
    """The index token of a one-word FTS expression ('"Embassy"' -> b'embassy'), as UTF-8; None for any other
    expression (phrases, prefixes, several words, words of other scripts or with diacritics)."""
    match = _ONE_TOKEN.fullmatch(fts_query)
    return match.group(1).lower().encode() if match else None


def token_hits(text: bytes, token: bytes) -> int:
    """How often ``token`` (from one_token) occurs in ``text`` (UTF-8) as a word: ASCII case folded, an ASCII
    letter or digit on either side makes it part of a longer word. A Japanese bigram counts wherever it occurs.

    Bytes and C-level passes only: the text of 500 reports (over a megabyte) is counted in a few milliseconds,
    where decoding, lowering and a Unicode regex took ten times that. What the index folds besides ASCII case
    (diacritics, full-width letters) is not counted here; such a report still matched, and search counts it once.
    """
    if token[0] >= 0x80:
        return text.count(token)
    words = text.translate(_WORD_BYTES)  # letters lowered, every byte but an ASCII letter or digit a space
    size, last = len(token), len(words) - len(token)
    hits = 0
    at = words.find(token)
    while at >= 0:
        if (at == 0 or words[at - 1] == 0x20) and (at == last or words[at + size] == 0x20):
            hits += 1
        at = words.find(token, at + size)
    return hits


_WORD_BYTES = bytes(b if chr(b).isascii() and chr(b).isalnum() else 0x20 for b in range(256)).lower()


def bm25_one_token(hits: float, length: int, average_length: float) -> float:
    """FTS5's bm25 score of a one-token query without the token's weight (idf), lower is better.

    The weight is the same for every report a one-word search ranks, so the order is bm25's; leaving it out
    saves counting every report that holds the word (a read of its whole doclist: 20-50 ms for a common word at
    a million reports, seconds when its pages are not cached).
    """
    return -hits * (BM25_K1 + 1.0) / (hits + BM25_K1 * (1.0 - BM25_B + BM25_B * length / average_length))


def varints(blob: bytes) -> list[int]:
    """The SQLite varints packed in an FTS5 record (its averages record, a docsize row): seven bits a byte, high
    bit set while more follow; a ninth byte gives all its eight."""
    values: list[int] = []
    value = length = 0
    for byte in blob:
        if length == 8:
            values.append((value << 8) | byte)
            value = length = 0
            continue
        value = (value << 7) | (byte & 0x7F)
        length += 1
        if byte < 0x80:
            values.append(value)
            value = length = 0
    return values
