"""GiNZA (ja_ginza: spaCy on SudachiPy) beside SudachiPy alone: speed, where its time goes, quality, cost (issue 12).

    python tests/bench/bench_ginza.py                       # speed, profile, quality, cost on the sample corpus
    python tests/bench/bench_ginza.py --only speed --alt-spacy /tmp/spacy-noprofile
    python tests/bench/bench_ginza.py --only quality --realtext tests/data/realtext

GiNZA is not a project dependency, so run this from a venv that has it
(`pip install ginza ja-ginza` and `pip install -e .`). Each configuration
runs in its own child process (thread variables only act at start-up; cold
load and peak RSS need a fresh process), and each child also times SudachiPy
alone on the same texts, as the project uses it (core dictionary, split mode
C), so every figure has its baseline from the same run.

Why a bench and not a guess: spaCy builds its Cython modules with profiling
hooks on Python < 3.12 (setup.py: ``"profile": sys.version_info < (3, 12)``);
the NER's transition loop then takes and releases the GIL state around every
tiny call (StateC::B_ for each of 758 moves at each token). The child reports
whether the spaCy it imported carries those hooks, and ``--alt-spacy DIR``
puts another spaCy build (one rebuilt with ``profile: False``) first on the
children's path to compare in the same run.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "sample"
REALTEXT = ROOT / "tests" / "data" / "realtext"
MISSING = "ginza is not installed: pip install ginza ja-ginza"
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
ONE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "BLIS_NUM_THREADS": "1"}

# GiNZA tags Sekine's Extended Named Entity hierarchy; these labels count as the fusion's kinds.
ORGANIZATION = frozenset(
    "Organization_Other International_Organization Show_Organization Family Ethnic_Group_Other Company "
    "Company_Group Corporation_Other Military Government Political_Party Political_Organization_Other Cabinet "
    "Pro_Sports_Organization Sports_Organization_Other Sports_League School Research_Institute Public_Institution "
    "Newspaper".split()) - {"Family", "Ethnic_Group_Other"}
LOCATION = frozenset(
    "GPE_Other City County Province Country Location_Other Region_Other Continental_Region Domestic_Region "
    "Geological_Region_Other Island Mountain River Lake Sea Bay Port".split())
PERSON = frozenset({"Person"})
KINDS = ("person", "organization", "location")

# name -> (environment added, options). "t2v+ner" is the configuration.
CONFIGS: dict[str, tuple[dict[str, str], dict[str, Any]]] = {
    "full pipeline": ({}, {"enable": None}),
    "t2v+ner": ({}, {"enable": ["tok2vec", "ner"]}),
    "ner only (no tok2vec)": ({}, {"enable": ["ner"]}),
    "t2v+ner, 1 thread": (ONE_THREAD, {"enable": ["tok2vec", "ner"]}),
    "t2v+ner, pipe(8)": ({}, {"enable": ["tok2vec", "ner"], "batch": 8}),
    "t2v+ner, pipe(64)": ({}, {"enable": ["tok2vec", "ner"], "batch": 64}),
    "t2v+ner, pre-tokenised": ({}, {"enable": ["tok2vec", "ner"], "pretokenised": True}),
    "t2v+ner, pre-tok, numpy gemm, 1 thread": (ONE_THREAD, {"enable": ["tok2vec", "ner"], "pretokenised": True,
                                                            "numpy_gemm": True}),
    "t2v+ner, pre-tok, numpy gemm, 1 thread, pipe(64)": (
        ONE_THREAD, {"enable": ["tok2vec", "ner"], "pretokenised": True, "numpy_gemm": True, "batch": 64}),
}


def installed() -> bool:
    return all(importlib.util.find_spec(name) is not None for name in ("spacy", "ginza", "ja_ginza"))


# ---------------------------------------------------------------- texts


def japanese_reports(corpus: Path, limit: int | None = None) -> list[tuple[dict[str, Any], str]]:
    """(ground-truth report, plain text) for the corpus's Japanese reports, parsed by the project's own parsers."""
    from nia_desktop.core.ingest.limits import Limits
    from nia_desktop.core.ingest.parse import parse_file

    truth = json.loads((corpus / "ground_truth.json").read_text(encoding="utf-8"))
    out: list[tuple[dict[str, Any], str]] = []
    for report in truth["reports"]:
        if report.get("language") != "ja":
            continue
        path = corpus / report["file"]
        parts: list[str] = []
        pending = parse_file(path.read_bytes(), path.name, Limits())
        while pending:
            document = pending.pop(0)
            parts += [document.title, document.text]
            pending += document.children
        out.append((report, "\n".join(p for p in parts if p)))
        if limit is not None and len(out) >= limit:
            break
    return out


def sentences(texts: list[str], limit: int) -> list[str]:
    """Japanese sentences of 20 characters or more (split at 。 and line ends), the first ``limit`` of them."""
    found: list[str] = []
    for text in texts:
        for piece in re.split(r"(?<=。)|\n", text):
            piece = piece.strip()
            if len(piece) >= 20 and len(JAPANESE.findall(piece)) * 2 >= len(piece):
                found.append(piece)
                if len(found) >= limit:
                    return found
    return found


# ---------------------------------------------------------------- one configuration, in a child process


def sudachi_tokenizer() -> Any:
    """The project's tokenizer: core dictionary (SudachiPy 0.7 spells it .tokenizer(), 0.6 .create())."""
    from sudachipy import dictionary

    loaded = dictionary.Dictionary(dict="core")
    return loaded.tokenizer() if hasattr(loaded, "tokenizer") else loaded.create()


def profiled_build(run: Any) -> dict[str, bool]:
    """Per package: does its Cython code report calls to a profiler, i.e. was it built with ``profile=True``?"""
    seen: set[str] = set()

    def hook(frame: Any, event: str, arg: Any) -> None:
        name = frame.f_code.co_filename
        if event == "call" and name.endswith(".pyx"):
            seen.add(name.replace("\\", "/").split("/")[0])

    sys.setprofile(hook)
    try:
        run()
    finally:
        sys.setprofile(None)
    return {package: package in seen for package in ("spacy", "thinc")}


def timed_passes(run: Any, repeat: int) -> tuple[float, float]:
    """Median (wall, process CPU) seconds of ``repeat`` passes of ``run()``.

    Other work shares the cores, so wall time swings by 2x between runs; the
    process's CPU time is what the work costs (for one thread; BLAS threads
    that spin add to it, which is worth seeing too).
    """
    walls, cpus = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        run()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - start_cpu)
    return statistics.median(walls), statistics.median(cpus)


def child(config: str, corpus: Path, reports: int, sentence_count: int, repeat: int) -> dict[str, Any]:
    options = CONFIGS[config][1]
    texts = [text for _, text in japanese_reports(corpus, reports)]
    sents = sentences(texts, sentence_count)
    from sudachipy import tokenizer as sudachi_module

    mode = sudachi_module.Tokenizer.SplitMode.C
    start = time.perf_counter()
    sudachi = sudachi_tokenizer()
    sudachi_load = time.perf_counter() - start

    def baseline(items: list[str]) -> None:
        for item in items:
            sudachi.tokenize(item, mode)

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    if options.get("numpy_gemm"):
        thinc = importlib.import_module("thinc.api")
        thinc.set_current_ops(thinc.NumpyOps(use_blis=False))
    spacy = importlib.import_module("spacy")
    imported = time.perf_counter() - start
    enable = options.get("enable")
    # Components left out at load are never built: less load time and memory than select_pipes after a full load.
    model_dir = Path(str(importlib.import_module("ja_ginza").__file__)).parent
    meta = json.loads((model_dir / "meta.json").read_text(encoding="utf-8"))
    exclude = [name for name in meta.get("components", meta["pipeline"]) if enable and name not in enable]
    start = time.perf_counter()
    nlp = spacy.load("ja_ginza", exclude=exclude)
    loaded = time.perf_counter() - start
    first_start = time.perf_counter()
    nlp(sents[0])
    first = time.perf_counter() - first_start
    vocab_doc = importlib.import_module("spacy.tokens").Doc

    def make_doc(text: str) -> Any:
        """A Doc from the project's own Sudachi morphemes (the pass names_ja already pays for)."""
        words: list[str] = []
        spaces: list[bool] = []
        for morpheme in sudachi.tokenize(text, mode):
            surface = morpheme.surface()
            if surface.startswith(" ") and words and not spaces[-1] and not words[-1].isspace():
                spaces[-1] = True  # one space after a word is that word's trailing space, as spaCy keeps it
                surface = surface[1:]
            if surface:
                words.append(surface)
                spaces.append(False)
        return vocab_doc(nlp.vocab, words=words, spaces=spaces)

    components = [proc for _, proc in nlp.pipeline]

    def ginza(items: list[str]) -> list[Any]:
        if options.get("pretokenised"):
            docs: Any = (make_doc(item) for item in items)
            if options.get("batch"):
                for proc in components:
                    docs = proc.pipe(docs, batch_size=options["batch"])
                return list(docs)
            out = []
            for doc in docs:
                for proc in components:
                    doc = proc(doc)
                out.append(doc)
            return out
        if options.get("batch"):
            return list(nlp.pipe(items, batch_size=options["batch"]))
        return [nlp(item) for item in items]

    result: dict[str, Any] = {
        "config": config, "spacy": spacy.__version__, "spacy_file": spacy.__file__,
        "profiled_build": profiled_build(lambda: ginza(sents[:1])),
        "import_s": imported, "load_s": loaded, "first_call_s": first, "sudachi_load_s": sudachi_load,
        "pipes": nlp.pipe_names, "gemm": "numpy" if options.get("numpy_gemm") else "blis",
    }
    try:
        from threadpoolctl import threadpool_info

        result["blas"] = [f"{i.get('internal_api')}:{i.get('num_threads')}:{i.get('architecture', '')}"
                          for i in threadpool_info()]
    except ImportError:
        result["blas"] = []
    for label, items in (("sentence", sents), ("report", texts)):
        chars = sum(len(item) for item in items)
        baseline(items)
        ginza(items[:4])
        base_wall, base_cpu = timed_passes(lambda items=items: baseline(items), repeat)
        wall, cpu = timed_passes(lambda items=items: ginza(items), repeat)
        again_wall, again_cpu = timed_passes(lambda items=items: baseline(items), repeat)
        result[label] = {"n": len(items), "chars": chars, "ginza_s": cpu, "sudachi_s": min(base_cpu, again_cpu),
                         "ginza_wall_s": wall, "sudachi_wall_s": min(base_wall, again_wall)}
    if options.get("pretokenised"):  # the same entities as GiNZA's own tokenizer gives?
        nlp_docs = [nlp(item) for item in sents]
        result["same_ents_as_own_tokenizer"] = sum(
            [(e.start_char, e.end_char, e.label_) for e in a.ents] == [(e.start_char, e.end_char, e.label_)
                                                                       for e in b.ents]
            for a, b in zip(nlp_docs, ginza(sents), strict=True)) / len(sents)
    result["ents_first_sentence"] = [(e.text, e.label_) for e in ginza(sents[:1])[0].ents]
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["rss_before_spacy_mb"] = rss_before / 1024
    return result


def run_child(config: str, args: argparse.Namespace) -> dict[str, Any]:
    env = {**os.environ, **CONFIGS[config][0]}
    if args.alt_spacy:
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(args.alt_spacy), env.get("PYTHONPATH", "")) if p)
    done = subprocess.run([sys.executable, __file__, "--child", config, "--corpus", str(args.corpus),
                           "--reports", str(args.reports), "--sentences", str(args.sentences),
                           "--repeat", str(args.repeat)], env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"child {config!r} failed: {done.stderr[-2000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def speed(args: argparse.Namespace) -> None:
    print(f"## speed: {args.reports} Japanese reports of {args.corpus}, their first {args.sentences} sentences; "
          f"median of {args.repeat} passes{'; spaCy from ' + str(args.alt_spacy) if args.alt_spacy else ''}\n")
    print("CPU time of the child process (wall time in brackets); x Sudachi: CPU time over SudachiPy's, same child\n")
    print("| configuration | ms/sentence | kchar/s | x Sudachi | ms/report | kchar/s | x Sudachi |")
    print("|---|---|---|---|---|---|---|")
    results = []
    for config in args.configs or CONFIGS:
        r = run_child(config, args)
        results.append(r)
        s, p = r["sentence"], r["report"]
        print(f"| {config} | {s['ginza_s'] / s['n'] * 1000:.2f} ({s['ginza_wall_s'] / s['n'] * 1000:.1f}) | "
              f"{s['chars'] / s['ginza_s'] / 1000:.1f} | {s['ginza_s'] / s['sudachi_s']:.0f} | "
              f"{p['ginza_s'] / p['n'] * 1000:.1f} ({p['ginza_wall_s'] / p['n'] * 1000:.0f}) | "
              f"{p['chars'] / p['ginza_s'] / 1000:.1f} | {p['ginza_s'] / p['sudachi_s']:.0f} |", flush=True)
    first = results[0]
    s, p = first["sentence"], first["report"]
    print(f"\nSudachiPy alone (same run): {s['sudachi_s'] / s['n'] * 1000:.3f} ms/sentence "
          f"({s['chars'] / s['sudachi_s'] / 1000:.0f} kchar/s), {p['sudachi_s'] / p['n'] * 1000:.2f} ms/report; "
          f"sentences average {s['chars'] / s['n']:.0f} characters, reports {p['chars'] / p['n']:.0f}")
    print(f"spaCy {first['spacy']} ({first['spacy_file']}); built with Cython profiling hooks: "
          f"{first['profiled_build']}; BLAS {first['blas']}")
    print("\n| configuration | import spacy s | load ja_ginza s | first call ms | peak RSS MB (before spaCy) |")
    print("|---|---|---|---|---|")
    for r in results:
        print(f"| {r['config']} | {r['import_s']:.2f} | {r['load_s']:.2f} | {r['first_call_s'] * 1000:.0f} | "
              f"{r['peak_rss_mb']:.0f} ({r['rss_before_spacy_mb']:.0f}) |")
    print(f"\nSudachi dictionary load: {first['sudachi_load_s'] * 1000:.0f} ms. First sentence's entities "
          f"(first configuration): {first['ents_first_sentence']}")
    print(f"torch importable: {importlib.util.find_spec('torch') is not None}; cupy importable: "
          f"{importlib.util.find_spec('cupy') is not None} (so spacy.prefer_gpu() has nothing to use)\n")


# ---------------------------------------------------------------- where the time goes


def profile(args: argparse.Namespace) -> None:
    """cProfile of warm t2v+ner calls, summed per component (the Cython parser loop shows as its pipe's __call__)."""
    import cProfile
    import pstats

    spacy = importlib.import_module("spacy")
    texts = [text for _, text in japanese_reports(args.corpus, args.reports)]
    sents = sentences(texts, min(args.sentences, 50))
    nlp = spacy.load("ja_ginza")
    nlp.select_pipes(enable=["tok2vec", "ner"])
    for sent in sents[:3]:
        nlp(sent)
    timings: dict[str, float] = {}
    for sent in sents:
        start = time.perf_counter()
        doc = nlp.make_doc(sent)
        key = "tokenizer (JapaneseTokenizer: Sudachi + spaCy Doc)"
        timings[key] = timings.get(key, 0.0) + time.perf_counter() - start
        for name, proc in nlp.pipeline:
            start = time.perf_counter()
            doc = proc(doc)
            timings[name] = timings.get(name, 0.0) + time.perf_counter() - start
    total = sum(timings.values())
    print(f"## where the time goes: t2v+ner, {len(sents)} warm sentences, {total / len(sents) * 1000:.1f} ms each\n")
    print("| step | ms/sentence | share |\n|---|---|---|")
    for name, took in sorted(timings.items(), key=lambda kv: -kv[1]):
        print(f"| {name} | {took / len(sents) * 1000:.2f} | {took / total:.0%} |")
    ner = nlp.get_pipe("ner")
    print(f"\nNER: {len(ner.labels)} labels, {ner.moves.n_moves} transitions checked for validity at every token")
    profiler = cProfile.Profile()
    profiler.enable()
    for sent in sents:
        nlp(sent)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stdout)
    print("\ncProfile, top 8 by own time (Cython frames appear only in a build with profiling hooks):\n```")
    stats.sort_stats("tottime").print_stats(8)
    print("```\n")


# ---------------------------------------------------------------- quality


def normal(surface: str) -> str:
    return unicodedata.normalize("NFKC", surface).strip()


def ginza_kind(label: str) -> str | None:
    if label in PERSON:
        return "person"
    if label in ORGANIZATION:
        return "organization"
    if label in LOCATION:
        return "location"
    return None


def prf(found: set[Any], gold: set[Any]) -> tuple[float, float, float]:
    hit = len(found & gold)
    p: float = hit / len(found) if found else 0.0
    r: float = hit / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def quality(args: argparse.Namespace, corpus: Path, label: str) -> None:
    """(report, kind, NFKC surface) sets for GiNZA, names_ja and both, against the ground truth's Japanese names."""
    from nia_desktop.core.fusion import names_ja

    spacy = importlib.import_module("spacy")
    nlp = spacy.load("ja_ginza")
    nlp.select_pipes(enable=["tok2vec", "ner"])
    gold: set[tuple[str, str, str]] = set()
    systems: dict[str, set[tuple[str, str, str]]] = {"GiNZA": set(), "names_ja": set()}
    reports = japanese_reports(corpus)
    for report, text in reports:
        rid = report["report_id"]
        for mention in report["mentions"]:
            if mention["type"] in KINDS and JAPANESE.search(mention["surface"]):
                gold.add((rid, mention["type"], normal(mention["surface"])))
        for ent in nlp(text).ents:
            kind = ginza_kind(ent.label_)
            if kind and JAPANESE.search(ent.text):
                systems["GiNZA"].add((rid, kind, normal(ent.text)))
        for mention, _reading in names_ja.extract(text):
            if mention.kind.value in KINDS:
                systems["names_ja"].add((rid, mention.kind.value, normal(mention.surface)))
    systems["names_ja + GiNZA"] = systems["names_ja"] | systems["GiNZA"]
    print(f"## quality on {label}: {len(reports)} Japanese reports, {len(gold)} distinct (report, kind, surface) "
          "Japanese names in the ground truth\n")
    print("| system | kind | precision | recall | F1 | found | true |\n|---|---|---|---|---|---|---|")
    for name, found in systems.items():
        for kind in (*KINDS, "all"):
            f = {x for x in found if kind in ("all", x[1])}
            g = {x for x in gold if kind in ("all", x[1])}
            p, r, f1 = prf(f, g)
            print(f"| {name} | {kind} | {p:.3f} | {r:.3f} | {f1:.3f} | {len(f)} | {len(f & g)} |")
    extra = (systems["GiNZA"] & gold) - systems["names_ja"]
    print(f"\nTrue names GiNZA finds that names_ja misses, by kind: {dict(Counter(x[1] for x in extra))}")
    print(f"examples: {sorted({x[1] + ':' + x[2] for x in extra})[:25]}")
    wrong = Counter(x[1] + ":" + x[2] for x in systems["GiNZA"] - gold)
    print(f"GiNZA's commonest false positives: {[k for k, _ in wrong.most_common(20)]}\n")


# ---------------------------------------------------------------- cost to ship


def distribution_closure(name: str) -> set[str]:
    from importlib import metadata

    from packaging.requirements import Requirement

    seen: set[str] = set()
    pending = [name]
    while pending:
        current = pending.pop()
        key = re.sub(r"[-_.]+", "-", current).lower()
        if key in seen:
            continue
        try:
            dist = metadata.distribution(current)
        except metadata.PackageNotFoundError:
            continue
        seen.add(key)
        for spec in dist.requires or []:
            requirement = Requirement(spec)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                pending.append(requirement.name)
    return seen


def installed_size(name: str) -> int:
    from importlib import metadata

    dist = metadata.distribution(name)
    total = 0
    for file in dist.files or []:
        path = Path(str(dist.locate_file(file)))
        if path.is_file():
            total += path.stat().st_size
    return total


def cost() -> None:
    added = sorted(distribution_closure("ja-ginza") - distribution_closure("nia-desktop"))
    sizes = {name: installed_size(name) for name in added}
    print("## cost to ship: distributions ja-ginza brings that nia-desktop does not already need\n")
    print("| distribution | installed MB |\n|---|---|")
    for name, size in sorted(sizes.items(), key=lambda kv: -kv[1]):
        print(f"| {name} | {size / 1e6:.1f} |")
    print(f"| **total** ({len(sizes)}) | **{sum(sizes.values()) / 1e6:.1f}** |\n")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--realtext", type=Path, default=REALTEXT)
    parser.add_argument("--reports", type=int, default=30, help="Japanese reports timed (quality uses all)")
    parser.add_argument("--sentences", type=int, default=150)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", default="speed,profile,quality,cost")
    parser.add_argument("--configs", nargs="*", help="subset of: " + ", ".join(CONFIGS))
    parser.add_argument("--alt-spacy", type=Path, help="a directory with another spaCy build, first on the path")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not installed():
        print(MISSING)
        return 0
    sys.path.insert(0, str(ROOT))
    if args.alt_spacy:
        sys.path.insert(0, str(args.alt_spacy))
    if args.child:
        print(json.dumps(child(args.child, args.corpus, args.reports, args.sentences, args.repeat)))
        return 0
    only = set(args.only.split(","))
    if "speed" in only:
        speed(args)
    if "profile" in only:
        profile(args)
    if "quality" in only:
        quality(args, args.corpus, str(args.corpus))
        if (args.realtext / "ground_truth.json").is_file():
            quality(args, args.realtext, str(args.realtext))
        else:
            print(f"(no real-text set at {args.realtext} yet)\n")
    if "cost" in only:
        cost()
    return 0


if __name__ == "__main__":
    sys.exit(main())
