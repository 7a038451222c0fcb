"""Fusion quality against ground truth: the figures the quality benchmark reports.

The definitions follow the sample corpus's scorer (../shared/corpus/score.py):
- entities: B-cubed precision and recall over (report, true entity)
  incidences; a system entity stands for the true entity whose names its
  name or aliases match, and for each incidence the largest such entity
  holding the report is taken;
- links: predicted report pairs against the true pairs (precision) and the
  strong true pairs (recall);
- near-duplicates: pairs inside groups, precision, recall and F1.
It exists so the harness can be tested on a tiny corpus with figures
computed by hand, and so the benchmark can print per-kind diagnostics.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(frozen=True)
class Figures:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)


def name_norm(text: str) -> str:
    """Names compared as the scorer compares them: NFKC, case-folded, refanged, no spaces or dots."""
    value = unicodedata.normalize("NFKC", text).casefold()
    for a, b in (("[.]", "."), ("(.)", "."), ("[@]", "@"), ("hxxp", "http"), ("[:]", ":")):
        value = value.replace(a, b)
    return re.sub(r"[\s\u3000,・.]+", "", value)


@dataclass(frozen=True)
class TruthEntity:
    id: str
    names: tuple[str, ...]
    reports: frozenset[str]


@dataclass(frozen=True)
class SystemEntity:
    names: tuple[str, ...]
    reports: frozenset[str]


def entities(truth: list[TruthEntity], system: list[SystemEntity]) -> Figures:
    index: dict[str, set[str]] = defaultdict(set)
    for t in truth:
        for name in t.names:
            index[name_norm(name)].add(t.id)
    by_id = {t.id: t for t in truth}
    mapped: dict[str, list[frozenset[str]]] = defaultdict(list)
    for s in system:
        candidates = set().union(*(index.get(name_norm(n), set()) for n in s.names))
        if candidates:
            best = max(candidates, key=lambda g: (len(by_id[g].reports & s.reports), g))
            mapped[best].append(s.reports)
    scores: list[tuple[float, float]] = []
    for t in truth:
        for report in t.reports:
            holding = [c for c in mapped.get(t.id, []) if report in c]
            if not holding:
                scores.append((1.0, 1 / len(t.reports)))
                continue
            cluster = max(holding, key=len)
            scores.append((len(cluster & t.reports) / len(cluster), len(cluster & t.reports) / len(t.reports)))
    if not scores:
        return Figures(1.0, 1.0)
    return Figures(sum(p for p, _ in scores) / len(scores), sum(r for _, r in scores) / len(scores))


def _pairs(groups: Iterable[Iterable[str]]) -> set[tuple[str, str]]:
    return {(a, b) for g in groups for a, b in combinations(sorted(set(g)), 2)}


def links(true_pairs: set[tuple[str, str]], strong_pairs: set[tuple[str, str]],
          predicted: Iterable[tuple[str, str]]) -> Figures:
    got = {tuple(sorted(p)) for p in predicted if p[0] != p[1]}
    precision = len(got & true_pairs) / len(got) if got else 0.0
    recall = len(got & strong_pairs) / len(strong_pairs) if strong_pairs else 1.0
    return Figures(precision, recall)


def duplicates(true_groups: Iterable[Iterable[str]], predicted: Iterable[Iterable[str]]) -> Figures:
    want, got = _pairs(true_groups), _pairs(predicted)
    precision = len(got & want) / len(got) if got else 0.0
    recall = len(got & want) / len(want) if want else 1.0
    return Figures(precision, recall)
