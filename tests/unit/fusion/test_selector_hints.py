"""Selector hints: a pattern is skipped only when its hint is absent, so every match of it must contain the hint.

The hints (selectors._TG_HINT, ...) are a speed-up: a text without one skips a pattern that tries every position.
A hint that missed a form the pattern takes (upper case, defanged, full-width folded) would lose selectors.
"""

from __future__ import annotations

import random
import re

import pytest

from nia_desktop.core.fusion import selectors
from nia_desktop.core.fusion.model import Kind

_AT_HINT = re.compile(r"@|\[at\]|\(at\)", re.IGNORECASE)
_HANDLE_HINT = re.compile("@")
# Each pattern that is skipped without its hint, and the hint (a pattern every match contains).
PAIRS = [(selectors._TG_LINK, selectors._TG_HINT), (selectors._PLATFORM_LINK, selectors._PLATFORM_HINT),
         (selectors._EMAIL, _AT_HINT), (selectors._IPV4, selectors._IPV4_HINT),
         (selectors._IPV6, selectors._IPV6_HINT), (selectors._HANDLE, _HANDLE_HINT)]

PIECES = ["t.me/", "T.ME/s/", "tg://resolve?domain=", "TG://RESOLVE?DOMAIN=", "abcd_efg", "https://", "hxxps[:]//",
          "x.com/", "TWITTER.COM/", "linkedin.com/in/", "Instagram.Com/", "@", "＠", "[at]", "(AT)", "[@]", "[.]",
          "(dot)", "[DOT]", ".", "192", "168", "0", "1", "::", ":", "：", "fe80", "2001:db8", "ABCD", "abc", "ſ", "K",
          "İ", "ı", " ", "\n", "テレグラム", "TikTok", "090", "-", "1234", "5678", "+81", "bc1", "0x", "example", "org",
          "com", "mail", "user", "(", ")", "/path", "。", "、", "2026-12-08", "名前", "ＡＢＣ", "０９０", "．"]


# Numbers, dots and colons alone, so that addresses (seven or more pieces in a row) come up often.
NUMBERS = ["1", "23", "255", "256", "0db8", "fE", "1234"]
SEPARATORS = [".", "[.]", "(.)", "[dot]", "(dot)", "[DOT]", " ", ":", "::", "．", "：", ".."]


def random_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 25))) if i % 2 else
            "".join(rng.choice(NUMBERS) + rng.choice(SEPARATORS) for _ in range(rng.randint(1, 10)))
            for i in range(count)]


HAND_MADE = [
    "channel T.ME/S/Kuroshio_Relay and tg://resolve?domain=abcd_1",
    "profile HTTPS://WWW.TWITTER.COM/@Apyie_Fellows. and linkedin.com/in/taro-yamada",
    "mail A.Person[AT]Example[DOT]ORG and b(at)host(.)net, c＠mail．example．org",
    "servers 203[.]0[.]113[.]5, 192.0.2(.)36, 10[dot]0[dot]0[dot]1 and 1.2.3.4.5",
    "v6 2001:DB8::1, fe80::1:2 and ::1; time 12:30, ratio a:b",
    "TikTok @kuroshio_bulletin, @Apyie and mail@example.org",
    "ſ.com/ K.me/ t.ſ/ İ.com",
]


@pytest.mark.parametrize(("pattern", "hint"), PAIRS)
def test_every_match_contains_its_hint(pattern: re.Pattern[str], hint: re.Pattern[str]) -> None:
    matched = 0
    for text in HAND_MADE + random_texts(4000, 11):
        folded = selectors.fold(text)
        for match in pattern.finditer(folded):
            matched += 1
            assert hint.search(folded, match.start(), match.end()), (pattern.pattern[:40], match.group(0))
    assert matched > 20  # the random texts do reach the pattern


def spans(text: str) -> list[tuple[str, str, str, int, int, bool]]:
    return [(m.kind.value, m.surface, m.key, m.start, m.end, m.implied) for m in selectors.extract(text)]


def test_hand_made_spans() -> None:
    text = ("Telegram T.ME/S/Kuroshio_Relay; X.COM/Apyie. Mail A.Person[AT]Example[DOT]ORG, "
            "server 203[.]0[.]113[.]5 and 2001:DB8::1; 携帯０９０－７３４２－１１８６。")
    assert spans(text) == [
        ("telegram_channel", "T.ME/S/Kuroshio_Relay", "telegram:kuroshio_relay", 9, 30, False),
        ("social_handle", "X.COM/Apyie", "x:apyie", 32, 43, False),
        ("email", "A.Person[AT]Example[DOT]ORG", "a.person@example.org", 50, 77, False),
        ("domain", "Example[DOT]ORG", "example.org", 62, 77, True),
        ("ip", "203[.]0[.]113[.]5", "203.0.113.5", 86, 103, False),
        ("ip", "2001:DB8::1", "2001:db8::1", 108, 119, False),
        ("phone", "０９０－７３４２－１１８６", "+819073421186", 123, 136, False),
    ]


def test_nothing_without_hints() -> None:
    """Texts a hint rules out: dots without digits on both sides, colons without hex, no @, no .com."""
    assert spans("Subject: report. Calls at noon; 名前は山田。") == []
    assert [m.kind for m in selectors.extract("ip 1.2.3.4 and v6 a:b:c::1")] == [Kind.IP, Kind.IP]


def test_same_mentions_as_patterns_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """Extraction with the hints equals extraction with every pattern run (each hint made to match anywhere)."""
    texts = HAND_MADE + random_texts(3000, 29)
    with_hints = [spans(text) for text in texts]
    for name in ("_TG_HINT", "_PLATFORM_HINT", "_AT_WORD", "_IPV4_HINT", "_IPV6_HINT"):
        monkeypatch.setattr(selectors, name, re.compile(""))
    plain = [spans(text) for text in texts]
    assert with_hints == plain
    assert sum(len(found) for found in plain) > 1000
