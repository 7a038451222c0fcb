"""The real-text development set (tests/data/realtext, issue 12): its builder's checks, and the committed set itself.

Why: the set is hand-annotated by two people; a surface that is not in its file, one surface given to two
entities, or a ground_truth.json that no longer matches the annotations would silently skew every figure
tuned on it.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "tests" / "data" / "realtext"


def load_builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_realtext_truth", ROOT / "tools" / "build_realtext_truth.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


builder = load_builder()


def make_corpus(tmp: Path, text: str, mentions: list[dict[str, str]], entities: dict[str, Any] | None = None,
                ja: dict[str, Any] | None = None) -> Path:
    (tmp / "reports" / "en").mkdir(parents=True)
    (tmp / "annotations").mkdir()
    (tmp / "reports" / "en" / "a.txt").write_text(text, encoding="utf-8")
    (tmp / "reports" / "en" / "b.txt").write_text(text, encoding="utf-8")
    entities = entities or {"ORG-foreign-intelligence-service-russia": {"type": "organization", "canonical": "SVR"},
                            "LOC-russia": {"type": "location", "canonical": "Russia"}}
    record = {"language": "en", "source": "https://example.org/x", "licence": "CC0", "retrieved": "2026-12-07",
              "title": "t", "mentions": mentions, "near_duplicate_group": "ND-en-1"}
    reports = [{**record, "file": "reports/en/a.txt"}, {**record, "file": "reports/en/b.txt"}]
    data = {"entities": entities, "reports": reports}
    (tmp / "annotations" / "en.json").write_text(json.dumps(data), encoding="utf-8")
    if ja is not None:
        (tmp / "annotations" / "ja.json").write_text(json.dumps(ja), encoding="utf-8")
    return tmp


def test_a_valid_pair_builds_with_counts_group_and_links(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path, "The SVR of Russia. Russian hackers. Ｒｕｓｓｉａ again.\n",
                         [{"entity": "ORG-foreign-intelligence-service-russia", "surface": "SVR"},
                          {"entity": "LOC-russia", "surface": "Russia"}])
    truth, manifest = builder.build(corpus)
    first = truth["reports"][0]
    counts = {m["surface"]: m["count"] for m in first["mentions"]}
    assert counts == {"SVR": 1, "Russia": 2}  # full-width form counted after NFKC, "Russian" not counted
    assert truth["near_duplicate_groups"] == [{"group_id": "ND-en-1", "original": "en/a.txt",
                                               "members": ["en/a.txt", "en/b.txt"], "edits": {}}]
    assert truth["reports"][1]["near_duplicate_of"] == "en/a.txt"
    assert truth["shared_entity_pairs"][0]["strong"] is True
    assert manifest[1].split("\t")[:2] == ["en/a.txt", "reports/en/a.txt"]


def test_a_surface_missing_from_its_file_fails_naming_file_and_surface(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path, "The SVR.\n", [{"entity": "LOC-russia", "surface": "Moscow"}])
    with pytest.raises(builder.AnnotationError, match=r"reports/en/a\.txt: surface 'Moscow'"):
        builder.build(corpus)
    assert builder.main(["--corpus", str(corpus), "--check"]) == 1


def test_a_surface_only_inside_a_word_or_a_longer_surface_fails(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path, "Russian hackers and the Embassy of Russia.\n",
                         [{"entity": "LOC-russia", "surface": "Russia"},
                          {"entity": "ORG-foreign-intelligence-service-russia", "surface": "Embassy of Russia"}])
    with pytest.raises(builder.AnnotationError, match="only inside a longer annotated surface"):
        builder.build(corpus)


def test_one_surface_of_two_entities_in_a_report_fails(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path, "The SVR.\n",
                         [{"entity": "LOC-russia", "surface": "SVR"},
                          {"entity": "ORG-foreign-intelligence-service-russia", "surface": "SVR"}])
    with pytest.raises(builder.AnnotationError, match="belongs to two entities"):
        builder.build(corpus)


def test_an_id_with_two_types_across_files_fails(tmp_path: Path) -> None:
    ja = {"entities": {"LOC-russia": {"type": "organization", "canonical": "ロシア"}}, "reports": []}
    corpus = make_corpus(tmp_path, "Russia.\n", [{"entity": "LOC-russia", "surface": "Russia"}], ja=ja)
    with pytest.raises(builder.AnnotationError, match="type 'organization'"):
        builder.build(corpus)


def test_markup_glued_words_still_count_at_a_case_change(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path, "Parent agencyState Council\nWebsite12339.gov.cn\n",
                         [{"entity": "ORG-foreign-intelligence-service-russia", "surface": "State Council"},
                          {"entity": "LOC-russia", "surface": "12339.gov.cn"}])
    truth, _ = builder.build(corpus)
    counts = {m["surface"]: m["count"] for m in truth["reports"][0]["mentions"]}
    assert counts == {"State Council": 1, "12339.gov.cn": 1}


def test_the_committed_ground_truth_is_what_the_builder_produces() -> None:
    truth, manifest = builder.build(CORPUS)
    text, tsv = builder.render(truth, manifest)
    assert (CORPUS / "ground_truth.json").read_text(encoding="utf-8") == text, "run tools/build_realtext_truth.py"
    assert (CORPUS / "MANIFEST.tsv").read_text(encoding="utf-8") == tsv


def sources_lines() -> dict[str, str]:
    lines: dict[str, str] = {}
    for name in ("SOURCES.md", "SOURCES_ja.md"):
        path = CORPUS / name
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                for match in re.finditer(r"reports/(?:en|ja)/[^\s|]+", line):
                    lines[match.group(0)] = line
    return lines


def test_every_report_has_a_sources_line_with_a_licence() -> None:
    truth = json.loads((CORPUS / "ground_truth.json").read_text(encoding="utf-8"))
    lines = sources_lines()
    missing = [r["file"] for r in truth["reports"] if r["file"] not in lines]
    assert not missing, f"no SOURCES line: {missing}"
    licences = ("public domain", "cc by", "cc0", "政府標準利用規約", "cc-by")
    unlicensed = [f for f, line in lines.items() if not any(x in line.casefold() for x in licences)]
    assert not unlicensed, f"no licence named: {unlicensed}"
    for record in truth["reports"]:
        assert record["licence"] and record["source"], record["file"]


def test_the_set_is_big_enough_in_both_languages_with_chinese_korean_and_russian_names() -> None:
    truth = json.loads((CORPUS / "ground_truth.json").read_text(encoding="utf-8"))
    languages = {r["language"] for r in truth["reports"]}
    assert len(truth["reports"]) >= 60
    assert languages == {"en", "ja"}
    surfaces = [v for e in truth["entities"].values() if e["type"] in ("person", "organization") for v in e["variants"]]
    assert any(re.search("[\u0400-\u04ff]", s) for s in surfaces), "no name in Cyrillic"
    assert any(re.search("[\uac00-\ud7af]", s) for s in surfaces), "no name in Hangul"
    assert any(re.search("[\u4e00-\u9fff]", s) for s in surfaces), "no name in Chinese characters"
    people = [e for e in truth["entities"].values() if e["type"] == "person"]
    origins = {e.get("info", {}).get("name_origin") for e in people}
    assert {"zh", "ko", "ru"} <= origins, f"people's name origins: {origins}"
