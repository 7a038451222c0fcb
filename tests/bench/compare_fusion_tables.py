"""Digests of a vault's kept fusion, to show that a speed-up changed nothing it keeps.

    python tests/bench/compare_fusion_tables.py --vault /tmp/v20k --out /tmp/old.json     # after a fusion, old code
    python tests/bench/compare_fusion_tables.py --vault /tmp/v20k --out /tmp/new.json     # again, new code
    python tests/bench/compare_fusion_tables.py --diff /tmp/old.json /tmp/new.json        # exit 1 when they differ

For every complete scope (by its key, not its id, which a new fusion changes) and every fusion_* table keyed by
scope, the count and SHA-256 of the table's rows without the scope id, sorted; the scope's own row without its id
and time; and the cached extractions (report_extractions) the fusion wrote, by extractor version. Opens the vault as the
analyst tests/bench/bench_full_fusion.py fills it with.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.bench.bench_full_fusion import ANALYST, ANALYST_PASS

TABLES = ("fusion_entities", "fusion_entity_nodes", "fusion_name_words", "fusion_entity_reports",
          "fusion_entity_agencies", "fusion_scope_reports", "fusion_mentions", "fusion_links", "fusion_duplicates",
          "fusion_dates")


def _digest(rows: list[tuple[object, ...]]) -> dict[str, object]:
    text = sorted(json.dumps(list(row), ensure_ascii=False) for row in rows)
    return {"rows": len(text), "sha256": hashlib.sha256("\n".join(text).encode()).hexdigest()}


def digests(vault: Path) -> dict[str, object]:
    from nia_desktop.services.session import unlock

    out: dict[str, object] = {}
    with unlock(vault, ANALYST, ANALYST_PASS) as session:
        db = session.db
        for sid, scope, user, reports, next_entity, judgements in db.query(
                "SELECT id, scope, user, reports, next_entity, judgements FROM fusion_scopes WHERE complete = 1"):
            key = f"scope {scope!r}"
            out[f"{key} row"] = [user, reports, next_entity, judgements]
            for table in TABLES:
                columns = [c[1] for c in db.query(f"PRAGMA table_info({table})") if c[1] != "scope_id"]
                rows = db.query(f"SELECT {', '.join(columns)} FROM {table} WHERE scope_id = ?", (sid,))  # noqa: S608
                out[f"{key} {table}"] = _digest([tuple(r) for r in rows])
        for (version,) in db.query("SELECT DISTINCT version FROM report_extractions"):
            rows = db.query("SELECT report_id, data FROM report_extractions WHERE version = ?", (version,))
            # By the extractor's version alone: the rest digests the gazetteers and watchlist, which another
            # checkout's data files may change without changing a row.
            out[f"extractions {version.split(':')[0]}"] = _digest([tuple(r) for r in rows])
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--vault", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--diff", type=Path, nargs=2)
    args = parser.parse_args()
    if args.diff:
        old, new = (json.loads(p.read_text()) for p in args.diff)
        differ = sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))
        for key in differ:
            print(f"DIFFERS {key}: {old.get(key)} / {new.get(key)}")
        print(f"{len(set(old) | set(new)) - len(differ)} identical, {len(differ)} differ")
        sys.exit(1 if differ else 0)
    found = digests(args.vault)
    text = json.dumps(found, indent=1, ensure_ascii=False)
    if args.out:
        args.out.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
