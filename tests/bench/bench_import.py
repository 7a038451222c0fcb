"""Import throughput and search latency (issue 3), each beside a baseline from the same run.

    python tests/bench/bench_import.py --reports 10000 --pdfs 1000 --search 100000
    python tests/bench/bench_import.py --reports 0 --pdfs 0 --search 1000000     # the slow one

Import: N text files of about 2 KB, mixed English and Japanese, end to end
(scan, read, SHA-256, sandboxed parse, metadata, one transaction per file).
Baseline: the same texts inserted straight into the same FTS5 configuration
(our bigram segmentation, unicode61) of a keyed SQLCipher database.
Search: p95 of one-word and phrase queries with snippets, English and
Japanese, over a vault filled directly through the store.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench.corpus import report_text


def make_vault(root: Path):  # type: ignore[no-untyped-def]
    from nia_desktop.core.roles import Role
    from nia_desktop.core.vault.kdf import FLOOR
    from nia_desktop.services.session import unlock
    from nia_desktop.services.users import add_user
    from nia_desktop.services.vault_setup import init_vault

    init_vault(root, "olive", "olive-passphrase-1", params=FLOOR)
    with unlock(root, "olive", "olive-passphrase-1") as session:
        add_user(session, "anna", Role.ANALYST, "anna-passphrase-1")
    return unlock(root, "anna", "anna-passphrase-1")


def baseline_rate(texts: list[str], tmp: Path) -> float:
    from nia_desktop.core.search import segment
    from nia_desktop.core.vault.connection import open_database

    db = open_database(tmp / "baseline.db", os.urandom(32), create=True)
    with db.transaction():  # every write in its owner's transaction (core/vault/connection.py)
        db.execute("CREATE VIRTUAL TABLE f USING fts5 (title, body, content='', contentless_delete=1, "
                   "tokenize='unicode61 remove_diacritics 2')")
    start = time.perf_counter()
    db.begin_batch()  # straight in: one transaction, segmentation included, nothing else
    for i, text in enumerate(texts):
        db.execute("INSERT INTO f (rowid, title, body) VALUES (?, ?, ?)", (i + 1, "", segment(text)))
    db.commit_batch()
    elapsed = time.perf_counter() - start
    db.close()
    return len(texts) / elapsed


def memory_security_on() -> None:
    """SQLCipher's cipher_memory_security, which the vault leaves off (docs/security.md, Swap), for comparison.

    It is process-wide and cannot be turned off again, so it covers the baseline too.
    """
    from nia_desktop.core.vault.connection import open_database

    db = open_database(Path(tempfile.mkdtemp()) / "m.db", os.urandom(32), create=True)
    db._allow_key_change = True  # the authorizer otherwise refuses cipher_* pragmas sent as SQL
    db.execute("PRAGMA cipher_memory_security = ON")
    db.close()


def bench_import(count: int, tmp: Path) -> None:
    from nia_desktop.services.importing import import_paths

    rng = random.Random(7)
    texts = [report_text(i, rng) for i in range(count)]
    folder = tmp / "media"
    folder.mkdir()
    for i, text in enumerate(texts):
        (folder / f"r{i:06}.txt").write_text(text, encoding="utf-8")
    base = baseline_rate(texts, tmp)
    session = make_vault(tmp / "vault")
    start = time.perf_counter()
    outcome = import_paths(session, [folder])
    elapsed = time.perf_counter() - start
    session.close()
    ours = len(outcome.imported) / elapsed
    print(f"import {count} text reports (~2 KB, en/ja): {ours:8.0f} reports/s   baseline FTS5 insert "
          f"{base:8.0f} rows/s   ratio {ours / base:.2f}   (targets: >= 300/s and >= 0.33)")


def bench_pdfs(count: int, tmp: Path) -> None:
    from PySide6.QtGui import QGuiApplication, QPageSize, QPdfWriter, QTextDocument

    from nia_desktop.services.importing import import_paths

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    folder = tmp / "pdfs"
    folder.mkdir()
    rng = random.Random(3)
    for i in range(count):
        writer = QPdfWriter(str(folder / f"p{i:05}.pdf"))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        document = QTextDocument()
        document.setPlainText(report_text(i * 2, rng, 1500))
        document.print_(writer)
        del writer
    session = make_vault(tmp / "pdfvault")
    start = time.perf_counter()
    outcome = import_paths(session, [folder])
    elapsed = time.perf_counter() - start
    session.close()
    print(f"import {count} small PDFs: {elapsed:.1f} s, {len(outcome.imported) / elapsed:.0f} reports/s, "
          f"{len(outcome.refused)} refused")


def bench_search(count: int, tmp: Path) -> None:
    from nia_desktop.core.classification import Level
    from nia_desktop.core.store import reports as store
    from nia_desktop.services import reports

    session = make_vault(tmp / f"search{count}")
    rng = random.Random(11)
    start = time.perf_counter()
    batch = 5000
    for first in range(0, count, batch):
        with session.db.transaction():
            for i in range(first, min(first + batch, count)):
                text = report_text(i, rng)
                store.insert(session.db, store.NewReport(
                    sha256=f"{i:064x}", title=f"report {i}", body=text, agency="NPA", classification=Level.SECRET,
                    classification_stated=True, reliability="B", credibility="2", language="en",
                    report_date="2026-03-01",
                    detected_type="text", encoding="utf-8", original_name=f"{i}.txt", path=f"/m/{i}.txt",
                    inner_path="", size=len(text), volume_label="m", volume_path="/m", imported_by="anna",
                    imported_at="2026-03-01T00:00:00Z", import_id=0, parent_id=None, fields={}, structured=None),
                    text.encode())
    fill = time.perf_counter() - start
    queries = {"en word": ["embassy", "tanker", "quantum", "sanction", "laboratory"],
               "en phrase": ['"wafer bonding"', '"nominee director"', '"fabricated image"', '"charter sanction"'],
               "ja word": ["量子センシング", "大使館", "偽情報", "港湾", "顧問料"],
               "ja phrase": ['"川崎市で"', '"技術者に"', '"選挙、"', '"偽情報を"']}
    print(f"search over {count} reports (filled in {fill:.0f} s):")
    for label, words in queries.items():
        times = []
        for _ in range(10):
            for word in words:
                t = time.perf_counter()
                hits = reports.search(session, word, limit=20)
                times.append(time.perf_counter() - t)
        times.sort()
        p95 = times[int(len(times) * 0.95) - 1]
        print(f"  {label:10} p50 {statistics.median(times) * 1000:6.1f} ms   p95 {p95 * 1000:6.1f} ms   "
              f"({len(hits)} hits shown, with snippets)")
    session.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=10000)
    parser.add_argument("--pdfs", type=int, default=1000)
    parser.add_argument("--search", type=int, default=100000)
    parser.add_argument("--memory-security", action="store_true", help="turn cipher_memory_security on first")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.memory_security:
        memory_security_on()
    with tempfile.TemporaryDirectory() as tmp:
        if args.reports:
            bench_import(args.reports, Path(tmp))
        if args.pdfs:
            bench_pdfs(args.pdfs, Path(tmp))
        if args.search:
            bench_search(args.search, Path(tmp))


if __name__ == "__main__":
    main()
