"""Write tests/data/need_to_know: the canary corpus of the need-to-know sweep (issue 13).

    python tools/build_need_to_know_corpus.py            # (re)write tests/data/need_to_know
    python tools/build_need_to_know_corpus.py --check    # exit 1 if the committed corpus differs

Why: a sweep over every read path can only show that nothing leaks if the same
people and organisations appear at every level and in every compartment, and
if each restricted report carries strings found nowhere else. Every report
here has its own canaries: a reference token (title, body and file name), a
person, an organisation, a mail address, a Japanese name, a Japanese company
and a katakana alias of a person every report shares. The shared cast
(Konstantin Yegorov, Akiko Ichikawa, Meridian Tide Shipmanagement, Harbour
Crest Logistics, 平岩哲也, 鶴ヶ丘海運) is in every report, so the entities a
reader may see are the same ones the hidden reports name.

Markings come from the headers as agencies write them (English and Japanese),
except the operation compartment HAYABUSA, which the importer adds with
``nia import --caveat HAYABUSA`` (the reports under ``hayabusa/``). WNINTEL
is a marking the vault does not know (kept as unknown: nobody reads past it);
BLUEFIN is one too until an officer defines it as a compartment. ORCON,
NOFORN and REL TO restrict dissemination, not reading.

corpus.json lists each report: its file, language, the marking it must end up
with (level and caveats) and its canaries. Everything is invented; domains are
reserved (.example).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "need_to_know"

LEVELS = ("UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "TOP SECRET")
JA_LEVELS = {"UNCLASSIFIED": "指定なし", "CONFIDENTIAL": "取扱注意", "SECRET": "秘", "TOP SECRET": "極秘"}
SDS = "特定秘密"
OPERATION = "HAYABUSA"  # added at import (--caveat)
UNKNOWN = "WNINTEL"  # stays an unknown marking
DEFINED_LATER = "BLUEFIN"  # unknown at import, defined as a compartment by an officer afterwards
CONTROLS = ("ORCON", "NOFORN")  # and "REL TO GBR, USA": none restricts reading

# The shared cast: in every report, at every level.
SHARED = {
    "people": ["Konstantin Yegorov", "Akiko Ichikawa", "平岩哲也"],
    "organisations": ["Meridian Tide Shipmanagement", "Harbour Crest Logistics", "鶴ヶ丘海運株式会社"],
    "places": ["Vladivostok", "Nakhodka"],
}

# (level, caveats stated in the header, caveats added at import, language, format); one line per report.
SPECS: tuple[tuple[str, tuple[str, ...], tuple[str, ...], str, str], ...] = (
    ("UNCLASSIFIED", (), (), "en", "txt"),
    ("UNCLASSIFIED", (), (), "ja", "txt"),
    ("UNCLASSIFIED", (), (), "en", "txt"),
    ("UNCLASSIFIED", (), (), "ja", "md"),
    ("CONFIDENTIAL", (), (), "en", "txt"),
    ("CONFIDENTIAL", (), (), "ja", "txt"),
    ("CONFIDENTIAL", (), (), "en", "txt"),
    ("CONFIDENTIAL", (), (), "ja", "md"),
    ("SECRET", (), (), "en", "txt"),
    ("SECRET", (), (), "ja", "txt"),
    ("SECRET", (), (), "en", "txt"),
    ("SECRET", (), (), "ja", "md"),
    ("TOP SECRET", (), (), "en", "txt"),
    ("TOP SECRET", (), (), "ja", "txt"),
    ("TOP SECRET", (), (), "en", "txt"),
    ("TOP SECRET", (), (), "ja", "md"),
    ("SECRET", ("ORCON",), (), "en", "txt"),
    ("SECRET", ("ORCON",), (), "ja", "txt"),
    ("SECRET", ("NOFORN",), (), "en", "txt"),
    ("SECRET", ("NOFORN",), (), "ja", "txt"),
    ("SECRET", ("REL TO GBR, USA",), (), "en", "txt"),
    ("SECRET", ("REL TO GBR, USA",), (), "en", "txt"),
    ("CONFIDENTIAL", ("ORCON",), (), "ja", "txt"),
    ("CONFIDENTIAL", ("ORCON",), (), "en", "txt"),
    ("TOP SECRET", (SDS,), (), "en", "txt"),
    ("TOP SECRET", (SDS,), (), "ja", "txt"),
    ("TOP SECRET", (SDS,), (), "en", "txt"),
    ("TOP SECRET", (SDS,), (), "ja", "md"),
    ("TOP SECRET", (SDS, "ORCON"), (), "en", "txt"),
    ("SECRET", (), (OPERATION,), "en", "txt"),
    ("SECRET", (), (OPERATION,), "ja", "txt"),
    ("SECRET", (), (OPERATION,), "en", "txt"),
    ("SECRET", (), (OPERATION,), "ja", "md"),
    ("CONFIDENTIAL", (), (OPERATION,), "en", "txt"),
    ("CONFIDENTIAL", (), (OPERATION,), "ja", "txt"),
    ("UNCLASSIFIED", (), (OPERATION,), "en", "txt"),
    ("UNCLASSIFIED", (), (OPERATION,), "ja", "txt"),
    ("TOP SECRET", (), (OPERATION,), "en", "txt"),
    ("TOP SECRET", (), (OPERATION,), "ja", "txt"),
    ("TOP SECRET", (SDS,), (OPERATION,), "en", "txt"),
    ("TOP SECRET", (SDS,), (OPERATION,), "ja", "txt"),
    ("SECRET", (UNKNOWN,), (), "en", "txt"),
    ("SECRET", (UNKNOWN,), (), "ja", "txt"),
    ("SECRET", (DEFINED_LATER,), (), "en", "txt"),
    ("SECRET", (DEFINED_LATER,), (), "ja", "txt"),
    ("CONFIDENTIAL", ("NOFORN", "REL TO GBR, USA"), (), "en", "txt"),
)

GIVEN = ("Dmitri", "Pavel", "Oleg", "Irina", "Sergei", "Yelena", "Viktor", "Nadia", "Anton", "Marta", "Boris",
         "Ilya")
SYLLABLES = ("ka", "ro", "mi", "zu", "te", "lo", "va", "ni", "shu", "bre", "dal", "gor", "qui", "ven", "tar", "pel")
KANA = ("カ", "ロ", "ミ", "ズ", "テ", "ヴァ", "ニ", "シュ", "ブレ", "ダル", "ゴル", "キ", "ヴェン", "タル", "ペル",
        "ザ")
# Common surnames, each used once, and given names: a morphological analyser knows them as names.
JA_SURNAMES = ("佐藤", "鈴木", "高橋", "田中", "渡辺", "伊藤", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐々木",
               "山口", "松本", "井上", "木村", "清水", "山崎", "森", "池田", "橋本", "阿部", "石川", "山下", "中島",
               "石井", "小川", "前田", "岡田", "長谷川", "藤田", "後藤", "近藤", "村上", "遠藤", "青木", "坂本",
               "斉藤", "福田", "太田", "西村", "藤井", "金子", "岡本", "藤原", "三浦", "中野")
JA_GIVEN = ("健一", "誠", "直樹", "美咲", "陽子", "大輔", "和也", "由美", "拓也", "恵子", "翔太", "真由美", "浩二",
            "裕子", "亮", "智子")

AGENCIES = (
    ("DIH", "MINISTRY OF DEFENSE, DEFENSE INTELLIGENCE HEADQUARTERS (DIH)",
     "Defense Intelligence Headquarters, Joint Intelligence Department", "DIH-JID-2026-{n:04d}",
     "防衛省情報本部 統合情報部", "情本統第8-{n:04d}号"),
    ("NPA", "NATIONAL POLICE AGENCY (NPA), FOREIGN AFFAIRS AND INTELLIGENCE DEPARTMENT",
     "NPA Foreign Affairs and Intelligence Department", "NPA-FAD-26-{n:05d}",
     "警察庁警備局 外事情報部", "警察庁丙外発第{n:04d}号"),
    ("MOFA", "MINISTRY OF FOREIGN AFFAIRS, INTERNATIONAL INTELLIGENCE COORDINATING OFFICE (IICO)",
     "International Intelligence Coordinating Office", "IICO-202603-{n:03d}",
     "外務省 国際情報統括官組織", "国際情報第8-{n:03d}号"),
    ("CIRO", "CABINET INTELLIGENCE AND RESEARCH OFFICE (CIRO)",
     "Cabinet Intelligence and Research Office, Counter-Intelligence Center", "CIRO-CIC-26-{n:04d}",
     "内閣情報調査室 カウンターインテリジェンス・センター", "内調CI第8-{n:04d}号"),
)

THEMES_EN = (
    ("Ship-to-ship transfers off Nakhodka",
     "Two tankers met a bunkering vessel off Nakhodka at night with their transponders off."),
    ("Land purchase near a fuel depot",
     "An agent was asked to buy a plot overlooking a fuel depot and to register it abroad."),
    ("Intrusion into a port operator's network",
     "A port operator's booking system was entered with stolen credentials and its manifests copied."),
    ("Coordinated accounts ahead of a local election",
     "A set of new accounts repeated the same claims about a candidate within minutes of each other."),
    ("Payments routed through a logistics firm",
     "Invoices for services never rendered moved money from a logistics firm to a political group."),
)
THEMES_JA = (
    ("ナホトカ沖での瀬取り", "タンカー2隻がトランスポンダーを停止した状態で、夜間にナホトカ沖で給油船と接舷した。"),
    ("燃料施設付近の土地取得", "燃料施設を見下ろす土地の購入と、その国外名義での登記が仲介業者に打診された。"),
    ("港湾運営会社のネットワークへの侵入",
     "港湾運営会社の予約システムに窃取された認証情報で侵入され、積荷目録が複製された。"),
    ("地方選挙を前にした協調的なアカウント",
     "新規アカウント群が、候補者に関する同一の主張を数分以内に繰り返し投稿した。"),
    ("物流会社を経由した送金", "実体のない役務の請求書により、物流会社から政治団体へ資金が移された。"),
)


@dataclass(frozen=True)
class Canaries:
    token: str  # title, body, file name
    person: str  # an English name found only in this report
    surname: str
    organisation: str  # a company found only here
    org_word: str
    email: str
    ja_person: str  # a Japanese name found only here
    ja_org: str  # a Japanese company found only here
    alias: str  # a katakana spelling of Konstantin Yegorov found only here (joined to him by apposition)

    def strings(self) -> tuple[str, ...]:
        """Every string that must never reach a reader who may not read this report."""
        return (self.token, self.surname, self.org_word, self.email, self.ja_person, self.ja_org, self.alias)


@dataclass(frozen=True)
class ReportSpec:
    number: int
    file: str
    language: str
    level: str
    header_caveats: tuple[str, ...]
    import_caveats: tuple[str, ...]
    agency: str
    title: str
    canaries: Canaries
    caveats: tuple[str, ...] = field(default=())  # as the vault names them, sorted

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def _index(n: int, salt: int) -> tuple[int, int]:
    """Two digits base 16, different for every n below 256 (37 is prime to 256)."""
    return divmod((n * 37 + salt * 101) % 256, 16)


def _word(n: int, salt: int) -> str:
    first, second = _index(n, salt)
    return SYLLABLES[first] + SYLLABLES[second] + SYLLABLES[salt * 3 % 16]


def _kana(n: int, salt: int) -> str:
    first, second = _index(n, salt)
    return KANA[first] + KANA[second] + KANA[salt * 5 % 16] + "フ"


def canaries(n: int) -> Canaries:
    token = f"CNRY{n:03d}"
    surname = _word(n, 1).capitalize() + "ov"
    org_word = _word(n, 2).capitalize() + "ex"
    ja_person = JA_SURNAMES[n % len(JA_SURNAMES)] + JA_GIVEN[n * 7 % len(JA_GIVEN)]
    return Canaries(
        token=token, person=f"{GIVEN[n % len(GIVEN)]} {surname}", surname=surname,
        organisation=f"{org_word} Maritime Trading Co., Ltd.", org_word=org_word,
        email=f"{token.lower()}.desk@{org_word.lower()}.example", ja_person=ja_person,
        ja_org=f"{_kana(n, 3)}商事株式会社", alias=f"コンスタンチン・{_kana(n, 9)}")


def _marking(level: str, caveats: tuple[str, ...]) -> str:
    return "//".join((level, *caveats))


def english(n: int, level: str, header: tuple[str, ...], c: Canaries) -> tuple[str, str]:
    _, long_name, originator, number, _, _ = AGENCIES[n % 4]
    theme, sentence = THEMES_EN[n % 5]
    title = f"{theme} ({c.token})"
    day = 1 + n % 27
    text = f"""{_marking(level, header)}

{long_name}
Originator     : {originator}
Report No.     : {number.format(n=n)}
Date of issue  : {day} March 2026
Classification : {_marking(level, header)}
Grading        : source B (usually reliable), information 2 (probably true)
Subject        : {title}

1. Key points
   {c.person}, a director of {c.organisation}, met Konstantin Yegorov ({c.alias}) of Meridian Tide
   Shipmanagement in Vladivostok on {day} February 2026. Akiko Ichikawa, of Harbour Crest Logistics,
   arranged the meeting. {sentence}

2. Reporting
2.1 {c.surname} gave the contact address {c.email} and asked for the manifests of
    鶴ヶ丘海運株式会社. A Japanese national, {c.ja_person}, travelled with {c.surname} for
    {c.ja_org} and met 平岩哲也 in Nakhodka.
2.2 The exchange is filed under reference {c.token}.

3. Comment
   Meridian Tide Shipmanagement and Harbour Crest Logistics appear in earlier reporting; the role of
   {c.organisation} is new.
"""
    return title, text


def japanese(n: int, level: str, header: tuple[str, ...], c: Canaries, markdown: bool) -> tuple[str, str]:
    _, _, _, _, department, number = AGENCIES[n % 4]
    theme, sentence = THEMES_JA[n % 5]
    title = f"{theme}（{c.token}）"
    ja_level = JA_LEVELS[level]
    stated = [h for h in header if h not in ("ORCON", "NOFORN")]
    controls = [{"ORCON": "発信者統制", "NOFORN": "外国提供不可"}[h] for h in header if h in ("ORCON", "NOFORN")]
    banner = SDS if SDS in header else ja_level
    marking = "//".join((ja_level, *stated))
    handling = f"取扱制限：{'・'.join(controls)}\n" if controls else ""
    body = f"""１　要旨
　{c.ja_person}氏は{c.ja_org}の代表として、ウラジオストクでコンスタンチン・エゴロフ（{c.alias}）と会った。
鶴ヶ丘海運株式会社の平岩哲也氏が同席した。{sentence}

２　経過
　{c.ja_person}氏の連絡先は{c.email}である。同行した {c.person} 氏（{c.organisation}）は、
Meridian Tide Shipmanagement と Harbour Crest Logistics の積荷目録を求めた。Akiko Ichikawa が
面会を手配した。本件は参照番号{c.token}で管理している。

３　所見
　Konstantin Yegorov とナホトカの関係者の接触は以前から報告されている。{c.ja_org}の関与は新しい。
"""
    if markdown:
        text = f"""---
originator: "{department}"
report_number: "{number.format(n=n)}"
issued: "2026年3月{1 + n % 27}日"
classification: "{marking}"
grading: "B2"
---

# {title}

**{marking}**

{handling}{body}"""
    else:
        text = f"""【{banner}】

発出部署　{department}
報告番号　{number.format(n=n)}
報告日　　令和8年3月{1 + n % 27}日
区分　　　{marking}
{handling}情報評価　情報源B（概ね信頼可）・情報2（事実の可能性高い）
表題　　　{title}

{body}"""
    return title, text


def reports() -> list[tuple[ReportSpec, str]]:
    """Every report of the corpus and its text, numbered from 1 in import order."""
    made = []
    for n, (level, header, imported, language, fmt) in enumerate(SPECS, start=1):
        c = canaries(n)
        if language == "en":
            title, text = english(n, level, header, c)
        else:
            title, text = japanese(n, level, header, c, fmt == "md")
        code = AGENCIES[n % 4][0]
        group = "hayabusa" if imported else "general"
        file = f"{group}/{n:02d}_{code}_{c.token}.{fmt}"
        names = set(header) | set(imported)
        made.append((ReportSpec(n, file, language, level, header, imported, code, title, c,
                                tuple(sorted(names))), text))
    _check_unique([r.canaries for r, _ in made])
    return made


def _check_unique(all_canaries: list[Canaries]) -> None:
    """A canary found in another report's text would make the sweep blame the wrong report."""
    strings = [s for c in all_canaries for s in c.strings()]
    assert len(strings) == len(set(strings)), "two reports share a canary"
    for c in all_canaries:
        for s in c.strings():
            others = [o for o in strings if o != s and s in o and o not in c.strings()]
            assert not others, f"{s!r} is inside {others}"
    shared = [*SHARED["people"], *SHARED["organisations"]]
    assert not [s for s in strings for name in shared if s in name or name in s]


def write(out: Path) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    made = reports()
    for spec, text in made:
        files[spec.file] = text.encode("utf-8")
    manifest = {"shared": SHARED, "operation": OPERATION, "unknown": UNKNOWN, "defined_later": DEFINED_LATER,
                "reports": [spec.to_json() for spec, _ in made]}
    files["corpus.json"] = (json.dumps(manifest, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--check", action="store_true", help="compare with what is written; change nothing")
    args = parser.parse_args(argv)
    files = write(args.out)
    if args.check:
        stale = [name for name, data in files.items()
                 if not (args.out / name).exists() or (args.out / name).read_bytes() != data]
        extra = [str(p.relative_to(args.out)) for p in args.out.rglob("*") if p.is_file()
                 and str(p.relative_to(args.out)) not in files]
        for name in stale + extra:
            print(f"differs: {name}", file=sys.stderr)
        return 1 if stale or extra else 0
    for name, data in files.items():
        path = args.out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    print(f"{len(files) - 1} reports in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
