"""Build ground_truth.json and MANIFEST.tsv for the real-text development set (issue 12) from hand annotations.

    python tools/build_realtext_truth.py                       # tests/data/realtext
    python tools/build_realtext_truth.py --corpus DIR --check  # verify only, write nothing
    python tools/build_realtext_truth.py --skip-invalid        # an unreadable annotations/*.json is skipped, said so
    python tools/build_realtext_truth.py --languages en        # one half only (recorded in generator.skipped)

Why: the annotations are written by hand, by two people, in two files; the scorer
(../shared/corpus/score.py) and tests/bench/bench_fusion_quality.py want one
ground truth in the sample corpus's format. Building it here is also where the
hand work is checked: every surface must occur in its file (after NFKC, on the
text a reader sees), no (report, surface) may belong to two entities, and an
entity id must mean one type in both files. Any failure exits 1 naming the
file and the surface.

Annotation format (annotations/en.json, annotations/ja.json; either may be missing):

    {"entities": {"ORG-foreign-intelligence-service-russia":
                      {"type": "organization", "canonical": "Foreign Intelligence Service of the Russian Federation",
                       "name_origin": "ru"},                       # name_origin optional: zh, ko, ru, ja, en, ...
                  ...},
     "reports": [{"file": "reports/en/x.txt", "language": "en", "source": "https://...", "licence": "...",
                  "retrieved": "2026-12-07", "title": "...",
                  "mentions": [{"entity": "ORG-...", "surface": "SVR"}, ...],
                  "near_duplicate_group": null}]}               # or "ND-en-1"; the first listed member is the original

Counting: a surface is counted where it stands as a whole token (a Latin
surface is not counted inside a longer word: "Russia" in "Russian"; but where
stripped markup glued two words, "agencyState Council", a change from lower
to upper case or to a digit is an edge), and
not inside a longer surface annotated in the same report (the nested-name
rule of the corpus README §2): longer surfaces claim their characters first.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import itertools
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT / "tests" / "data" / "realtext"
LANGUAGES = ("en", "ja")
PREFIXES = {
    "PER": "person", "ORG": "organization", "LOC": "location", "OPN": "operation", "DOM": "domain", "IP": "ip",
    "EML": "email", "URL": "url", "PHN": "phone", "SOC": "social_handle", "TGM": "telegram_channel",
}
ENTITY_ID = re.compile(r"^(" + "|".join(PREFIXES) + r")-[a-z0-9]+(?:-[a-z0-9]+)*$")
GROUP_ID = re.compile(r"^ND-(en|ja)-[0-9]+$")
FORMATS = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html"}
WORDISH = re.compile(r"[0-9A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]")
SCHEMA_VERSION = 1


class AnnotationError(Exception):
    """One or more annotation problems; the message lists them, one a line, each naming file and surface."""


@dataclass
class Loaded:
    """What the annotation files say, merged: entity definitions and report records in file order."""

    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    reports: list[dict[str, Any]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def visible_text(raw: str, fmt: str) -> str:
    """The text a reader of the file sees, NFKC-normalised: for HTML, tags dropped and character references decoded."""
    if raw.startswith("\ufeff"):
        raw = raw[1:]
    if fmt == "html":
        raw = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", " ", raw)
        raw = re.sub(r"(?s)<!--.*?-->", " ", raw)
        raw = re.sub(r"(?s)<[^>]*>", " ", raw)
        raw = html.unescape(raw)
    return nfkc(raw)


def is_wordish(char: str) -> bool:
    return bool(WORDISH.match(char))


def at_boundary(before: str, first: str) -> bool:
    """A token edge between two characters: not inside a word, except where stripped markup glued two words
    together and the case or the kind of character changes ("agencyState Council", "Website12339.gov.cn")."""
    if not before or not first or not is_wordish(before) or not is_wordish(first):
        return True
    return before.islower() and (first.isupper() or first.isdigit())


def find_surface(text: str, surface: str) -> list[tuple[int, int]]:
    """Spans where surface stands as a token: "Russia" is not found inside "Russian"."""
    spans = []
    start = text.find(surface)
    while start >= 0:
        end = start + len(surface)
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if at_boundary(before, surface[0]) and at_boundary(surface[-1], after):
            spans.append((start, end))
        start = text.find(surface, start + 1)
    return spans


def count_surfaces(text: str, surfaces: list[str]) -> dict[str, int]:
    """How often each surface occurs in text, longest first, each occurrence claiming its characters."""
    claimed = bytearray(len(text))
    counts: dict[str, int] = {}
    for surface in sorted(set(surfaces), key=lambda s: (-len(s), s)):
        spans = [(a, b) for a, b in find_surface(text, surface) if not any(claimed[a:b])]
        for a, b in spans:
            claimed[a:b] = b"\x01" * (b - a)
        counts[surface] = len(spans)
    return counts


def load(corpus: Path, skip_invalid: bool = False, languages: tuple[str, ...] = LANGUAGES) -> Loaded:
    """Read annotations/en.json and annotations/ja.json (either may be missing) and merge them."""
    loaded = Loaded()
    problems: list[str] = []
    for language in LANGUAGES:
        path = corpus / "annotations" / f"{language}.json"
        if not path.exists():
            continue
        if language not in languages:
            loaded.skipped.append(f"annotations/{language}.json: left out on request (--languages)")
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or not isinstance(data.get("entities", {}), dict) \
                    or not isinstance(data.get("reports", []), list):
                raise ValueError("top level must be {entities: {...}, reports: [...]}")
        except (ValueError, UnicodeDecodeError) as exc:
            if skip_invalid:
                loaded.skipped.append(f"annotations/{language}.json: {exc}")
                continue
            problems.append(f"annotations/{language}.json: not valid: {exc}")
            continue
        loaded.sources.append(f"annotations/{language}.json")
        for eid, spec in data.get("entities", {}).items():
            where = f"annotations/{language}.json: entity {eid}"
            if not isinstance(spec, dict) or not spec.get("type") or not spec.get("canonical"):
                problems.append(f"{where}: needs type and canonical")
                continue
            if not ENTITY_ID.match(eid):
                problems.append(f"{where}: id is not <PREFIX>-<lower-case-slug>")
            elif PREFIXES[eid.split("-", 1)[0]] != spec["type"]:
                problems.append(f"{where}: type {spec['type']!r} does not fit prefix {eid.split('-', 1)[0]}")
            known = loaded.entities.get(eid)
            if known is None:
                loaded.entities[eid] = {**spec, "defined_in": [path.name]}
            else:
                if known["type"] != spec["type"]:
                    problems.append(f"{where}: type {spec['type']!r} here but {known['type']!r} in "
                                    f"{known['defined_in'][0]}")
                known["defined_in"].append(path.name)
                for key, value in spec.items():
                    known.setdefault(key, value)
        for record in data.get("reports", []):
            loaded.reports.append({**record, "_annotations": path.name})
    if problems:
        raise AnnotationError("\n".join(problems))
    return loaded


def build(corpus: Path = DEFAULT_CORPUS, skip_invalid: bool = False,
          languages: tuple[str, ...] = LANGUAGES) -> tuple[dict[str, Any], list[str]]:
    """The ground truth (sample-corpus format) and the MANIFEST.tsv lines; raises AnnotationError on any problem."""
    loaded = load(corpus, skip_invalid, languages)
    problems: list[str] = []
    reports: list[dict[str, Any]] = []
    seen_files: set[str] = set()
    groups: dict[str, list[str]] = {}
    for record in loaded.reports:
        rel = str(record.get("file", ""))
        where = f"{record['_annotations']}: {rel or '(no file)'}"
        path = corpus / rel
        fmt = FORMATS.get(path.suffix.lower())
        language = record.get("language")
        if not rel.startswith("reports/") or fmt is None:
            problems.append(f"{where}: file must be reports/<language>/<name>.txt|.md|.html")
            continue
        if rel in seen_files:
            problems.append(f"{where}: annotated twice")
            continue
        seen_files.add(rel)
        if language not in LANGUAGES or Path(rel).parts[1] != language:
            problems.append(f"{where}: language {language!r} does not match its folder")
        for key in ("source", "licence", "retrieved", "title"):
            if not record.get(key):
                problems.append(f"{where}: no {key}")
        if not path.is_file():
            problems.append(f"{where}: file not found")
            continue
        raw = path.read_bytes()
        try:
            text = visible_text(raw.decode("utf-8"), fmt)
        except UnicodeDecodeError:
            problems.append(f"{where}: not UTF-8")
            continue
        surface_owner: dict[str, str] = {}
        wanted: list[tuple[str, str]] = []
        for mention in record.get("mentions", []):
            eid, surface = mention.get("entity", ""), nfkc(str(mention.get("surface", ""))).strip()
            if eid not in loaded.entities:
                problems.append(f"{where}: surface {surface!r}: entity {eid!r} is not defined")
                continue
            if not surface:
                problems.append(f"{where}: empty surface for {eid}")
                continue
            owner = surface_owner.setdefault(surface, eid)
            if owner != eid:
                problems.append(f"{where}: surface {surface!r} belongs to two entities, {owner} and {eid}")
                continue
            if (eid, surface) not in wanted:
                wanted.append((eid, surface))
        counts = count_surfaces(text, [s for _, s in wanted])
        mentions = []
        for eid, surface in sorted(wanted, key=lambda m: (m[0], m[1])):
            if counts[surface] == 0:
                inside = "only inside a longer annotated surface or word" if surface in text else "not in the file"
                problems.append(f"{where}: surface {surface!r} ({eid}) {inside}")
                continue
            mentions.append({"entity": eid, "type": loaded.entities[eid]["type"], "surface": surface,
                             "zone": "body", "kind": "literal", "count": counts[surface]})
        group = record.get("near_duplicate_group")
        if group is not None:
            if not isinstance(group, str) or not GROUP_ID.match(group) or group.split("-")[1] != language:
                problems.append(f"{where}: near_duplicate_group {group!r} is not ND-{language}-<n>")
            else:
                groups.setdefault(group, []).append(report_id(rel))
        reports.append({
            "report_id": report_id(rel), "file": rel, "sha256": hashlib.sha256(raw).hexdigest(), "format": fmt,
            "encoding": "utf-8", "language": language, "title": record.get("title"),
            "source": record.get("source"), "licence": record.get("licence"), "retrieved": record.get("retrieved"),
            "entities": sorted({m["entity"] for m in mentions}), "mentions": mentions, "dates": [],
            "near_duplicate_group": group, "near_duplicate_of": None, "edits": [],
        })
    for group, members in groups.items():
        if len(members) < 2:
            problems.append(f"{group}: only one member ({members[0]})")
    if problems:
        raise AnnotationError("\n".join(problems))
    reports.sort(key=lambda r: r["report_id"])
    for record in reports:
        group_members = groups.get(record["near_duplicate_group"] or "")
        if group_members and group_members[0] != record["report_id"]:
            record["near_duplicate_of"] = group_members[0]
    entities = entity_table(loaded, reports)
    truth = {
        "schema_version": SCHEMA_VERSION,
        "generator": {"tool": "tools/build_realtext_truth.py", "annotations": loaded.sources,
                      "skipped": loaded.skipped},
        "notes": "Real public texts annotated by hand (issue 12). Body zone only; headers, anaphors, platform names, "
                 "demonyms, languages, laws, generic nouns and names nested in a longer annotated name are not "
                 "annotated (corpus README §2). Sources and licences: SOURCES.md, SOURCES_ja.md.",
        "stats": stats(reports, entities, groups),
        "entities": entities,
        "reports": reports,
        "near_duplicate_groups": [{"group_id": g, "original": m[0], "members": sorted(m), "edits": {}}
                                  for g, m in sorted(groups.items())],
        "shared_entity_pairs": shared_pairs(reports, entities),
        "verification": {"missing_surfaces": 0, "ambiguous_unit_count": 0},
    }
    manifest = ["report_id\tfile\tformat\tlanguage\tencoding\tsha256"]
    manifest += [f"{r['report_id']}\t{r['file']}\t{r['format']}\t{r['language']}\t{r['encoding']}\t{r['sha256']}"
                 for r in reports]
    return truth, manifest


def report_id(rel: str) -> str:
    """A stable id from the file's path (reports/en/x.txt -> en/x.txt), so adding files never renumbers others."""
    return rel.split("/", 1)[1]


def entity_table(loaded: Loaded, reports: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Entities that some report mentions, each with every surface it was written as and its reports."""
    variants: dict[str, set[str]] = {}
    where: dict[str, set[str]] = {}
    for record in reports:
        for mention in record["mentions"]:
            variants.setdefault(mention["entity"], set()).add(mention["surface"])
            where.setdefault(mention["entity"], set()).add(record["report_id"])
    table: dict[str, dict[str, Any]] = {}
    for eid in sorted(variants):
        spec = loaded.entities[eid]
        entry: dict[str, Any] = {"id": eid, "key": eid.split("-", 1)[1], "type": spec["type"],
                                 "canonical": spec["canonical"], "variants": sorted(variants[eid]),
                                 "reports": sorted(where[eid])}
        if spec.get("name_origin"):
            entry["info"] = {"name_origin": spec["name_origin"]}
        table[eid] = entry
    return table


def shared_pairs(reports: list[dict[str, Any]], entities: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Every pair of reports sharing an entity; strong when one shared entity is not a place."""
    pairs = []
    for a, b in itertools.combinations(reports, 2):
        shared = sorted(set(a["entities"]) & set(b["entities"]))
        if shared:
            strong = any(entities[e]["type"] != "location" for e in shared)
            pairs.append({"a": a["report_id"], "b": b["report_id"], "shared": shared, "strong": strong})
    return pairs


def stats(reports: list[dict[str, Any]], entities: dict[str, dict[str, Any]],
          groups: dict[str, list[str]]) -> dict[str, Any]:
    """Counts that show at a glance what the set holds."""
    by: dict[str, dict[str, int]] = {"by_format": {}, "by_language": {}, "entities_by_type": {}}
    for record in reports:
        by["by_format"][record["format"]] = by["by_format"].get(record["format"], 0) + 1
        by["by_language"][record["language"]] = by["by_language"].get(record["language"], 0) + 1
    for entity in entities.values():
        by["entities_by_type"][entity["type"]] = by["entities_by_type"].get(entity["type"], 0) + 1
    return {"reports": len(reports), **{k: dict(sorted(v.items())) for k, v in by.items()},
            "entities_used": len(entities), "near_duplicate_groups": len(groups),
            "reports_in_near_duplicate_groups": sum(len(m) for m in groups.values()),
            "mentions": sum(len(r["mentions"]) for r in reports)}


def render(truth: dict[str, Any], manifest: list[str]) -> tuple[str, str]:
    """The exact bytes written, so a test can compare the committed files with a fresh build."""
    return json.dumps(truth, ensure_ascii=False, indent=1) + "\n", "\n".join(manifest) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--check", action="store_true", help="verify the annotations, write nothing")
    parser.add_argument("--skip-invalid", action="store_true", help="skip an annotation file that is not valid JSON")
    parser.add_argument("--languages", default=",".join(LANGUAGES),
                        help="annotation files to use, e.g. 'en' while the other half is being fixed")
    args = parser.parse_args(argv)
    try:
        truth, manifest = build(args.corpus, args.skip_invalid, tuple(args.languages.split(",")))
    except AnnotationError as exc:
        print(exc, file=sys.stderr)
        return 1
    for skipped in truth["generator"]["skipped"]:
        print(f"skipped {skipped}", file=sys.stderr)
    if not args.check:
        text, tsv = render(truth, manifest)
        (args.corpus / "ground_truth.json").write_text(text, encoding="utf-8")
        (args.corpus / "MANIFEST.tsv").write_text(tsv, encoding="utf-8")
    s = truth["stats"]
    print(f"{s['reports']} reports {s['by_language']}, {s['entities_used']} entities, {s['mentions']} mentions, "
          f"{s['near_duplicate_groups']} near-duplicate groups, {len(truth['shared_entity_pairs'])} shared pairs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
