"""Fusion quality on a corpus with ground truth, scored by the corpus's own score.py, through the CLI.

    python tests/bench/bench_fusion_quality.py                      # ../shared/corpus/sample
    python tests/bench/bench_fusion_quality.py --corpus DIR --score ../shared/corpus/score.py

Exactly what acceptance runs: `nia import` of the corpus's reports into a
fresh vault, `nia reports --json`, `nia fuse --json`, then score.py. Also
prints how long the import and the fusion took.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NIA = str(Path(sys.executable).with_name("nia"))


def run(args: list[str], env: dict[str, str], out: Path | None = None) -> float:
    start = time.perf_counter()
    done = subprocess.run([NIA, *args], env=env, capture_output=True, text=True, check=False)
    if done.returncode not in (0,):
        sys.exit(f"nia {' '.join(args)} failed ({done.returncode}): {done.stderr}")
    if out is not None:
        out.write_text(done.stdout, encoding="utf-8")
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "sample")
    parser.add_argument("--score", type=Path, default=ROOT.parent / "shared" / "corpus" / "score.py")
    parser.add_argument("--keep", type=Path, help="keep the vault and the JSON outputs in this folder")
    parser.add_argument("--uncleared", action="store_true",
                        help="the analyst holds no compartment (reports marked 特定秘密 are hidden from their fusion)")
    parser.add_argument("--segment", type=int, help="fuse this many reports at a time (NIA_FUSION_SEGMENT): what "
                        "a fusion too large for memory at once costs in quality")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=False)
            work = args.keep
        env = {k: v for k, v in os.environ.items() if not k.startswith("NIA_")}
        env.update({"NIA_VAULT": str(work / "vault"), "NIA_USER": "olive", "NIA_PASSPHRASE": "olive-passphrase-1"})
        if args.segment:
            env["NIA_FUSION_SEGMENT"] = str(args.segment)
        run(["init", "--officer", "olive", "--kdf-memory", "19", "--kdf-time", "2"], env)
        run(["user", "add", "anna", "--role", "analyst"], {**env, "NIA_NEW_PASSPHRASE": "anna-passphrase-1"})
        if not args.uncleared:  # fusion quality over every report: a 特定秘密 header is a compartment (issue 13)
            run(["user", "grant", "anna", "特定秘密"], env)
        env.update({"NIA_USER": "anna", "NIA_PASSPHRASE": "anna-passphrase-1"})
        took_import = run(["import", str(args.corpus / "reports"), "--json"], env, work / "import.json")
        run(["reports", "--json"], env, work / "reports.json")  # every report, as an array
        took_fuse = run(["fuse", "--json"], env, work / "fuse.json")
        print(f"import {took_import:.1f} s, fuse {took_fuse:.1f} s (each including unlock)")
        score = subprocess.run([sys.executable, str(args.score), str(args.corpus / "ground_truth.json"),
                                str(work / "reports.json"), str(work / "fuse.json")], check=False)
        kept_apart(args.corpus / "ground_truth.json", work / "reports.json", work / "fuse.json")
        held_apart(args.corpus / "ground_truth.json", work / "reports.json", work / "fuse.json")
        return score.returncode


def kept_apart(truth_file: Path, reports_file: Path, fuse_file: Path) -> None:
    """The traps where one written name is two things (homonyms, one handle on two platforms): kept apart?"""
    import json

    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    by_sha = {r["sha256"]: r["report_id"] for r in truth["reports"]}
    app_to_truth = {r["id"]: by_sha.get(r["sha256"]) for r in json.loads(reports_file.read_text(encoding="utf-8"))}
    entities = json.loads(fuse_file.read_text(encoding="utf-8"))["entities"]
    shared: dict[str, list[str]] = {}
    for gid, entity in truth["entities"].items():
        for variant in entity.get("variants", []):
            if len(variant) > 4:
                shared.setdefault(variant.casefold(), []).append(gid)
    pairs: dict[tuple[str, ...], set[str]] = {}
    for variant, gids in shared.items():
        if len(set(gids)) == 2:
            pairs.setdefault(tuple(sorted(set(gids))), set()).add(variant)
    for (a, b), variants in sorted(pairs.items()):
        only_a = set(truth["entities"][a]["reports"]) - set(truth["entities"][b]["reports"])
        only_b = set(truth["entities"][b]["reports"]) - set(truth["entities"][a]["reports"])
        # merged: one entity written with the shared name holds reports of both
        joined = any(any(app_to_truth.get(r) in only_a for r in e["reports"]) and
                     any(app_to_truth.get(r) in only_b for r in e["reports"])
                     for e in entities if variants & {alias.casefold() for alias in [e["name"], *e["aliases"]]})
        names = " / ".join(truth["entities"][g]["canonical"] for g in (a, b))
        print(f"  trap {names}: {'MERGED (wrong)' if joined else 'kept apart'}")


def held_apart(truth_file: Path, reports_file: Path, fuse_file: Path) -> None:
    """The other way round (aliases, spellings): people whose reports two or more entities share, each
    holding two or more of them under one of the person's names."""
    import json

    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    by_sha = {r["sha256"]: r["report_id"] for r in truth["reports"]}
    app_to_truth = {r["id"]: by_sha.get(r["sha256"]) for r in json.loads(reports_file.read_text(encoding="utf-8"))}
    entities = json.loads(fuse_file.read_text(encoding="utf-8"))["entities"]
    split = 0
    for person in (e for e in truth["entities"].values() if e["type"] == "person"):
        holders = []
        for entity in entities:
            held = {app_to_truth.get(r) for r in entity["reports"]} & set(person["reports"])
            names = set(entity["aliases"]) & set(person["variants"])
            if len(held) >= 2 and names:
                holders.append(f"{entity['name']} ({len(held)} reports)")
        if len(holders) > 1:
            split += 1
            print(f"  split {person['canonical']} ({len(person['reports'])} reports): {' / '.join(holders)}")
    print(f"  {split} people split across entities")


if __name__ == "__main__":
    sys.exit(main())
