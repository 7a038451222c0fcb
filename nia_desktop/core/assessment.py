"""Analytic judgements in the terms of ICD 203: a likelihood expression and a confidence level.

The seven likelihood terms and their ranges are ICD 203's (Analytic
Standards, 2015); they are kept verbatim so a briefing reads the same as
any other community product. Japanese renderings are given for the UI.
"""

from __future__ import annotations

from nia_desktop.core.errors import BadInput

LIKELIHOODS: dict[str, tuple[int, int, str]] = {
    "almost no chance": (1, 5, "ほぼ可能性なし"),
    "very unlikely": (5, 20, "可能性は非常に低い"),
    "unlikely": (20, 45, "可能性は低い"),
    "roughly even chance": (45, 55, "五分五分"),
    "likely": (55, 80, "可能性が高い"),
    "very likely": (80, 95, "可能性が非常に高い"),
    "almost certain": (95, 99, "ほぼ確実"),
}
CONFIDENCES = ("low", "moderate", "high")


def check_likelihood(term: str) -> str:
    normal = " ".join(term.lower().split())
    if normal not in LIKELIHOODS:
        raise BadInput(f"unknown likelihood {term!r}: use one of {', '.join(LIKELIHOODS)}")
    return normal


def check_confidence(level: str) -> str:
    normal = level.strip().lower()
    if normal not in CONFIDENCES:
        raise BadInput(f"unknown confidence {level!r}: use low, moderate or high")
    return normal
