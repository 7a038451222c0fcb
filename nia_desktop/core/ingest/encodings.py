"""Decode text files in the encodings Japanese agencies actually send.

UTF-8 (with or without BOM), UTF-16 with a BOM, ISO-2022-JP (recognised by
its escape sequences), then Shift_JIS (cp932) and EUC-JP, told apart by which
decodes strictly and reads more like Japanese.
"""

from __future__ import annotations

import codecs

from nia_desktop.core.ingest.model import ParseRefused

_ISO2022_ESCAPES = (b"\x1b$B", b"\x1b$@", b"\x1b(J", b"\x1b(B", b"\x1b$(D")


def _japanese_score(text: str) -> float:
    """Share of characters that are kana, common kanji or ASCII text: mojibake scores low."""
    if not text:
        return 0.0
    good = 0
    for ch in text:
        code = ord(ch)
        if (0x3040 <= code <= 0x30FF or 0x4E00 <= code <= 0x9FFF or 0x20 <= code < 0x7F
                or ch in "\n\r\t　、。「」（）・ー：" or 0xFF01 <= code <= 0xFF5E):
            good += 1
    return good / len(text)


def decode_text(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) or refuse with the reason."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8", "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", "utf-16")
    if any(escape in data for escape in _ISO2022_ESCAPES) and max(data, default=0) < 0x80:
        return _strict(data, "iso2022_jp_ext", "iso-2022-jp")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = []
    for codec, name in (("cp932", "shift_jis"), ("euc_jp", "euc-jp")):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        candidates.append((_japanese_score(text), name, text))
    if candidates:
        score, name, text = max(candidates)
        if score >= 0.8:
            return text, name
    raise ParseRefused("not valid text in any supported encoding (UTF-8, UTF-16, Shift_JIS, EUC-JP, ISO-2022-JP)")


def _strict(data: bytes, codec: str, name: str) -> tuple[str, str]:
    try:
        return data.decode(codec), name
    except UnicodeDecodeError as exc:
        raise ParseRefused(f"declares {name} but is not valid {name} at byte {exc.start}") from exc


_NOT_CONTROL = bytes(b for b in range(256) if b >= 0x20 or b in (9, 10, 12, 13, 27))


def looks_like_text(data: bytes) -> bool:
    """Cheap check before decoding: binary files have NULs (outside UTF-16) or many control bytes."""
    sample = data[:8192]
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    if b"\x00" in sample:
        return False
    controls = len(sample.translate(None, _NOT_CONTROL))  # deletes everything but the control bytes
    return controls <= len(sample) // 100
