"""Synthetic report texts for benchmarks: about 2 KB each, mixed English and Japanese."""

from __future__ import annotations

import random

EN_WORDS = [
    "embassy",
    "attaché",
    "engineer",
    "wafer",
    "bonding",
    "consultant",
    "payment",
    "network",
    "server",
    "domain",
    "account",
    "election",
    "candidate",
    "fabricated",
    "image",
    "harbour",
    "logistics",
    "tanker",
    "charter",
    "sanction",
    "nominee",
    "director",
    "meeting",
    "restaurant",
    "laboratory",
    "quantum",
    "sensing",
    "recruitment",
    "fellowship",
    "disinformation",
    "broadcast",
    "channel",
]
JA_WORDS = [
    "大使館",
    "通商担当官",
    "技術者",
    "顧問料",
    "支払い",
    "選挙",
    "候補者",
    "捏造",
    "画像",
    "港湾",
    "物流",
    "タンカー",
    "制裁",
    "取締役",
    "会食",
    "研究室",
    "量子センシング",
    "勧誘",
    "偽情報",
    "投稿",
    "アカウント",
    "サーバー",
    "ドメイン",
    "接触",
    "川崎市",
    "港北区",
]
AGENCIES = ("NPA", "CIRO", "MOFA", "DIH")
MARKINGS = ("SECRET", "CONFIDENTIAL", "秘", "取扱注意", "TOP SECRET")


def report_text(index: int, rng: random.Random, size: int = 2000) -> str:
    japanese = index % 2 == 1
    agency = AGENCIES[index % 4]
    marking = MARKINGS[index % len(MARKINGS)]
    if japanese:
        head = (
            f"【{marking}】\n報告番号：{agency}-{index:06}\n報告日：2026年3月{index % 28 + 1}日\n件名：報告{index}\n\n"
        )
        words: list[str] = []
        while sum(len(w) for w in words) < size // 3:
            words.append(rng.choice(JA_WORDS) + rng.choice("、。をにはがで"))
        return head + "".join(words) + f"\n通し番号{index}\n"
    head = f"{marking}\nReport No.: {agency}-{index:06}\nDate: 2026-03-{index % 28 + 1:02}\nSubject: report {index}\n\n"
    words = []
    while sum(len(w) + 1 for w in words) < size:
        words.append(rng.choice(EN_WORDS))
    return head + " ".join(words) + f"\nserial {index}\n"


GIVEN = ["Ren", "Mio", "Akiko", "Sota", "Kevin", "Lan", "Rie", "Kosuke", "Naoto", "Aoi"]
FAMILY = ["NAGASE", "TAKAGI", "ICHIKAWA", "HIRANO", "TANG", "XU", "KONO", "MIYAJI", "KONISHI", "SEKIGUCHI",
          "YAMADA", "SATO", "SUZUKI", "TANAKA", "WATANABE", "ITO", "NAKAMURA", "KOBAYASHI", "KATO", "YOSHIDA"]
ORGS = ["Harbour Crest Logistics Ltd.", "Goldleaf Realty G.K.", "Meridian Tide Shipmanagement Pte. Ltd.",
        "Lumen Vista Media Sdn. Bhd.", "Kanmon Gateway Terminals Co., Ltd."]
AGENCIES = ["CIRO", "MOFA", "DIH", "NPA"]


def synthetic(i: int, rng: random.Random) -> str:
    """A short contact report with names, an organisation, a place and selectors: fusion has work to do."""
    person = f"{rng.choice(FAMILY)} {rng.choice(GIVEN)}"
    other = f"{rng.choice(GIVEN)} {rng.choice(FAMILY).title()}"
    return (f"Subject: contact report {i}\n\n{person} met {other} in Roppongi on behalf of {rng.choice(ORGS)}. "
            f"Calls came from 090-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)} and mail from "
            f"user{rng.randint(1, 400)}@mail{rng.randint(1, 50)}.example.org. {person} also visited "
            f"site{rng.randint(1, 300)}.example.net. 永瀬蓮は六本木で接触した。\n")
