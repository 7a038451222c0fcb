"""The need-to-know canary corpus (tests/data/need_to_know) as the sweeps use it: who may read which report,
each report's canaries, and the matcher that finds them in what a reader was shown.

The reading rule is written out here from issue 13, not taken from the code under test: a reader reads a report
when their level is at or above its level and they hold every caveat on it that restricts reading (a
compartment, or a marking the vault does not know); ORCON, NOFORN and REL TO lists restrict dissemination only.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent / "data" / "need_to_know"
MANIFEST: dict[str, Any] = json.loads((CORPUS / "corpus.json").read_text(encoding="utf-8"))
REPORTS: dict[int, dict[str, Any]] = {r["number"]: r for r in MANIFEST["reports"]}
LEVELS = ("UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "TOP SECRET")
NOT_RESTRICTING = ("ORCON", "NOFORN")  # and every REL TO list
SDS = "特定秘密"
OPERATION: str = MANIFEST["operation"]  # added at import with --caveat
DEFINED_LATER: str = MANIFEST["defined_later"]  # an unknown header marking an officer defines after the import
UNKNOWN: str = MANIFEST["unknown"]  # stays unknown: nobody reads past it


@dataclass(frozen=True)
class Reader:
    name: str
    level: str
    compartments: frozenset[str] = frozenset()

    @property
    def passphrase(self) -> str:
        return f"{self.name}-passphrase-1"

    @property
    def creds(self) -> dict[str, str]:
        return {"user": self.name, "passphrase": self.passphrase}

    def may_read(self, number: int) -> bool:
        report = REPORTS[number]
        restricting = {c for c in report["caveats"] if c not in NOT_RESTRICTING and not c.startswith("REL TO")}
        return LEVELS.index(self.level) >= LEVELS.index(report["level"]) and restricting <= self.compartments

    def readable(self) -> list[int]:
        return [n for n in REPORTS if self.may_read(n)]

    def hidden(self) -> list[int]:
        return [n for n in REPORTS if not self.may_read(n)]


READERS = {r.name: r for r in (
    Reader("tess", "TOP SECRET", frozenset({SDS, OPERATION, DEFINED_LATER})),  # every compartment there is
    Reader("tom", "TOP SECRET"),  # the level, no compartment
    Reader("sam", "SECRET", frozenset({OPERATION})),  # a compartmented analyst
    Reader("cora", "CONFIDENTIAL"),
)}
IMPORTER = "tess"
OFFICER_READER = Reader("olive", "TOP SECRET")  # officers: TOP SECRET by default, no compartments

# Corpus numbers: the case's reports (every kind of marking, half the corpus), a requirement's, and key
# judgements, two of which rest on restricted reports and carry a canary of their own.
CASE = "harbour"
CASE_NUMBERS = (1, 2, 5, 6, 9, 10, 13, 14, 17, 21, 23, 25, 26, 29, 30, 33, 34, 36, 38, 40, 42, 44, 46)
PIR_QUESTION = "Who pays Meridian Tide Shipmanagement?"
PIR_NUMBERS = (1, 9, 13, 25, 30, 36, 44)
ASSESSMENTS = (
    ("Meridian Tide Shipmanagement moves money for Harbour Crest Logistics.", "likely", "moderate", (1, 2), ""),
    ("KJCANARY25: the designated network answers to Konstantin Yegorov.", "very likely", "high", (1, 25),
     "KJCANARY25"),
    ("KJCANARY30: the operation reaches Nakhodka through Harbour Crest Logistics.", "likely", "low", (30,),
     "KJCANARY30"),
)
# Entity judgements the fully cleared analyst makes over people known only from restricted reports:
# (verdict, report of the first person, report of the second).
JUDGEMENTS = (("merge", 25, 13), ("different", 30, 9))
SHARED_NAMES = (*MANIFEST["shared"]["people"], *MANIFEST["shared"]["organisations"])


def canaries(number: int) -> list[str]:
    c = REPORTS[number]["canaries"]
    return [c["token"], c["surname"], c["org_word"], c["email"], c["ja_person"], c["ja_org"], c["alias"]]


def entity_canaries(number: int) -> list[str]:
    """The canaries fusion finds as names (the token is a reference, not an entity)."""
    return canaries(number)[1:]


def hidden_strings(reader: Reader, codewords: bool = True) -> dict[str, str]:
    """Every canary the reader must never be shown -> where it comes from. Officers define compartments: for
    them, ``codewords=False``."""
    found = {}
    for number, report in REPORTS.items():
        if not reader.may_read(number):
            where = f"report #{number} ({'//'.join((report['level'], *report['caveats']))})"
            found.update({c: where for c in canaries(number)})
    for _, _, _, numbers, canary in ASSESSMENTS:
        if canary and not all(reader.may_read(n) for n in numbers):
            found[canary] = f"key judgement resting on reports {list(numbers)}"
    # A codeword is need-to-know too: a compartment the reader does not hold, on no report they read.
    seen = {c for n, r in REPORTS.items() if reader.may_read(n) for c in r["caveats"]}
    for codeword in (OPERATION, DEFINED_LATER, UNKNOWN):
        if codewords and codeword not in reader.compartments and codeword not in seen:
            found[codeword] = "a compartment's name"
    return found


@dataclass
class Output:
    label: str
    text: str


def leaks(outputs: Iterable[Output], hidden: dict[str, str]) -> list[str]:
    """'where: canary from report' for every hidden canary found (case-insensitive) in any output."""
    found = []
    folded = {c.casefold(): (c, where) for c, where in hidden.items()}
    for output in outputs:
        text = output.text.casefold()
        for canary, (original, where) in folded.items():
            if canary in text:
                found.append(f"{output.label}: {original!r} from {where}")
    return found
