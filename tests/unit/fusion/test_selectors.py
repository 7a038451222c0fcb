"""Selector extraction: defanged, full-width and Japanese-adjacent forms, each validated and normalised."""

from __future__ import annotations

import pytest

from nia_desktop.core.fusion import selectors
from nia_desktop.core.fusion.model import Kind


def keys(text: str) -> set[tuple[str, str]]:
    return {(m.kind.value, m.key) for m in selectors.extract(text) if not m.implied}


@pytest.mark.parametrize(("text", "expected"), [
    ("mail aichikawa209@inbox.example.org today", ("email", "aichikawa209@inbox.example.org")),
    ("from k.yegorov.sci[at]post.example[.]net", ("email", "k.yegorov.sci@post.example.net")),
    ("送信元はfinance＠harbourcrest-log.example.comから", ("email", "finance@harbourcrest-log.example.com")),
    ("site goldleaf-6.example.com shows", ("domain", "goldleaf-6.example.com")),
    ("APYIE.EXAMPLE[DOT]ORG", ("domain", "apyie.example.org")),
    ("前はmeridiantide-sm.exampleのメール", ("domain", "meridiantide-sm.example")),
    ("hxxps[:]//apyie[.]example[.]org/fellowship/2026/entry.", ("url", "https://apyie.example.org/fellowship/2026/entry")),
    ("server 203[.]0[.]113[.]142 and 192.0.2(.)36", ("ip", "203.0.113.142")),
    ("v6 2001:0db8:07c1:0000:0000:0000:0000:0042 seen", ("ip", "2001:db8:7c1::42")),
    ("telephone 09037288246, mail", ("phone", "+819037288246")),
    ("携帯電話０９０－７３４２－１１８６から", ("phone", "+819073421186")),
    ("call +852 3618 2274 now", ("phone", "+85236182274")),
    ("on x.com/apyie_fellows and", ("social_handle", "x:apyie_fellows")),
    ("TikTok account @kuroshio_bulletin posted", ("social_handle", "tiktok:kuroshio_bulletin")),
    ("relayed via tg://resolve?domain=kuroshio_relay", ("telegram_channel", "telegram:kuroshio_relay")),
    ("Telegram channel @svetlov_archive", ("telegram_channel", "telegram:svetlov_archive")),
    ("wallet bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", ("crypto_address",
                                                         "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")),
])
def test_each_form(text: str, expected: tuple[str, str]) -> None:
    assert expected in keys(text)


def test_offsets_are_those_of_the_text_as_written() -> None:
    text = "連絡先：finance＠harbourcrest-log.example[.]com まで"
    mention = next(m for m in selectors.extract(text) if m.kind is Kind.EMAIL)
    assert text[mention.start:mention.end] == mention.surface == "finance＠harbourcrest-log.example[.]com"


def test_invalid_and_look_alike_values_are_dropped() -> None:
    found = keys("version 1.2.3.4567, ip 999.1.1.1, file report.pdf, date 2026-03-05, 20260305")
    assert not any(kind in ("ip", "domain", "phone") for kind, _ in found)


def test_hosts_of_urls_and_mail_are_implied_domains() -> None:
    implied = [m for m in selectors.extract("hxxps://kgt-secure-login[.]example/owa") if m.implied]
    assert [(m.kind, m.key) for m in implied] == [(Kind.DOMAIN, "kgt-secure-login.example")]


def test_a_bare_handle_takes_the_platform_its_report_links_it_to() -> None:
    text = "Profile: tiktok.com/@kuroshio_bulletin\n\nThe clips from @kuroshio_bulletin spread overnight."
    assert {k for kind, k in keys(text) if kind == "social_handle"} == {"tiktok:kuroshio_bulletin"}
    assert ("social_handle", "x:kuroshio_bulletin") in keys("The clips from @kuroshio_bulletin spread.")
