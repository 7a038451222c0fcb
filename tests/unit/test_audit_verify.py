"""`nia audit verify`: clock set back (a warning), damaged database pages (a broken log), incremental checks."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from nia_desktop.core import audit as chain
from nia_desktop.core.audit import details_json
from nia_desktop.core.clock import iso_utc
from nia_desktop.core.store import audit_log
from nia_desktop.services import auditing
from nia_desktop.services.session import Session, unlock
from tests.conftest import OFFICER, OFFICER_PASS
from tests.e2e.conftest import Nia
from tests.helpers import database_key, raw_database

OLIVE = {"user": "olive", "passphrase": "olive-passphrase-1"}
PAST = "2001-01-01T00:00:00.000000Z"


def now() -> str:
    """The current time as the app stamps it: entries the test's own sessions add later come after it."""
    return iso_utc(datetime.now(UTC))


def append_raw(vault: Path, key: bytes, stamps: list[str], details: dict[str, Any] | None = None) -> int:
    """Entries that chain correctly (as the app would write them), dated as given; returns the first new seq."""
    with raw_database(vault, key) as db:
        seq, prev = db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        first = seq + 1
        for ts in stamps:
            seq += 1
            entry = chain.make_entry(prev, seq=seq, ts=ts, actor=OFFICER, role="officer", action="test.entry",
                                     object="harbour", outcome="ok", details=details or {})
            db.execute("INSERT INTO audit VALUES (?,?,?,?,?,?,?,?,?,?)", (
                entry.seq, entry.ts, entry.actor, entry.role, entry.action, entry.object, entry.outcome,
                details_json(entry.details), entry.prev_hash, entry.hash))
            prev = entry.hash
    return first


@pytest.fixture
def cli_vault(tmp_path: Path) -> Nia:
    """A vault made with `nia init`, for the CLI's exit codes."""
    nia = Nia(tmp_path / "vault", tmp_path)
    made = nia("init", "--officer", OFFICER, "--kdf-memory", "19", "--kdf-time", "2", passphrase=OFFICER_PASS)
    assert made.code == 0, made.err
    return nia


def verify(vault: Path, full: bool = False) -> chain.ChainReport:
    with unlock(vault, OFFICER, OFFICER_PASS) as session:
        return auditing.verify(session, full=full)


# -- clock set back: a warning naming the entries, never a failure ---------------------------------------------
def test_clock_set_back_is_a_warning_not_a_failure(vault_dir: Path) -> None:
    key = database_key(vault_dir, OFFICER, OFFICER_PASS)
    stamp = now()
    first = append_raw(vault_dir, key, [stamp, PAST, stamp])
    report = verify(vault_dir)
    assert report.ok and report.first_bad is None
    assert report.warnings == (f"entry {first + 1} is dated {PAST} before entry {first} ({stamp}): "
                               "the clock may have been set back",)
    assert report.warnings_total == 1 and report.to_json()["warnings"] == list(report.warnings)


def test_time_warnings_are_bounded(vault_dir: Path) -> None:
    key = database_key(vault_dir, OFFICER, OFFICER_PASS)
    append_raw(vault_dir, key, [now(), PAST] * 30)
    report = verify(vault_dir)
    assert report.ok and report.warnings_total == 30 and len(report.warnings) == chain.MAX_WARNINGS == 20
    assert report.warnings_text()[-1] == "… and 10 more time warnings"


def test_clock_set_back_across_the_verified_position(vault_dir: Path) -> None:
    """The incremental walk compares its first entry with the one the last verification ended on."""
    key = database_key(vault_dir, OFFICER, OFFICER_PASS)
    stamp = now()
    first = append_raw(vault_dir, key, [stamp, PAST])
    with raw_database(vault_dir, key) as db:  # as if a verification had ended on the 2026 entry
        (hash_,) = db.execute("SELECT hash FROM audit WHERE seq = ?", (first,)).fetchone()
        db.execute("INSERT INTO vault_meta (key, value) VALUES ('audit_verified', ?)",
                   (json.dumps({"seq": first, "hash": hash_}),))
    report = verify(vault_dir)
    assert report.ok and report.from_seq == first and report.warnings_total == 1
    assert report.warnings[0].startswith(f"entry {first + 1} is dated {PAST} before entry {first} ({stamp})")


def test_cli_reports_time_warnings_with_exit_0(cli_vault: Nia) -> None:
    key = database_key(cli_vault.vault, OFFICER, OFFICER_PASS)
    first = append_raw(cli_vault.vault, key, [PAST])
    result = cli_vault("audit", "verify", "--json", **OLIVE)
    assert result.code == 0, result.err
    body = result.json()
    assert {"ok", "entries", "head", "first_bad", "warnings", "warnings_total", "from_seq", "full"} <= set(body)
    assert body["ok"] is True and body["warnings_total"] == 1
    assert body["warnings"][0].startswith(f"entry {first} is dated {PAST} before entry {first - 1} (")
    human = cli_vault("audit", "verify", **OLIVE)  # incremental now: the set-back entry is behind the position
    assert human.code == 0 and "chain intact" in human.out
    full = cli_vault("audit", "verify", "--full", **OLIVE)
    assert full.code == 0 and f"WARNING: entry {first} is dated {PAST}" in full.err and "chain intact" in full.out


# -- a damaged database page: a broken log, named, exit 5 -------------------------------------------------------
PAGE = 4096


def fill_pages(vault: Path) -> tuple[int, int, int]:
    """Several hundred KiB of audit entries appended at the end of the file: (first page, last page, first seq)."""
    key = database_key(vault, OFFICER, OFFICER_PASS)
    before = (vault / "vault.db").stat().st_size // PAGE
    first = append_raw(vault, key, [now()] * 400, {"note": "x" * 900})
    unlock(vault, OFFICER, OFFICER_PASS).close()  # sealed past them, as a real session would
    return before + 1, (vault / "vault.db").stat().st_size // PAGE, first


def damage_page(vault: Path, page: int) -> None:
    with (vault / "vault.db").open("r+b") as handle:
        handle.seek((page - 1) * PAGE + PAGE // 2)
        chunk = handle.read(16)
        handle.seek((page - 1) * PAGE + PAGE // 2)
        handle.write(bytes(b ^ 0xFF for b in chunk))
        handle.flush()
        os.fsync(handle.fileno())


def test_damaged_page_in_the_log_is_a_broken_chain(vault_dir: Path) -> None:
    low, high, first = fill_pages(vault_dir)
    session = unlock(vault_dir, OFFICER, OFFICER_PASS)  # opened before the damage: only the walk meets it
    damage_page(vault_dir, (low + high) // 2)
    report = auditing.verify(session, full=True)
    session.db.close()  # SQLCipher refuses writes on this connection now: no closing entry or seal
    assert not report.ok
    assert "the database page holding entries after" in report.reason and "could not be read" in report.reason
    assert first < report.entries < first + 400 and report.first_bad == report.entries + 1
    assert f"entries after {report.entries} " in report.reason and "could not be recorded" in report.reason


def test_cli_damaged_page_exits_5(cli_vault: Nia) -> None:
    low, high, _ = fill_pages(cli_vault.vault)
    damage_page(cli_vault.vault, (low + high) // 2)
    result = cli_vault("audit", "verify", "--json", "--full", **OLIVE)
    assert result.code == 5, (result.code, result.err)
    body = result.json()
    assert body["ok"] is False and "could not be read" in body["reason"] and "Traceback" not in result.err


def test_busy_database_is_not_reported_as_damage(officer: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    from nia_desktop.core.vault.connection import DatabaseError

    class Busy(DatabaseError):
        sqlite_errorname = "SQLITE_BUSY"

    def busy(*args: object, **kwargs: object) -> object:
        raise Busy("database is locked")

    monkeypatch.setattr(audit_log, "row_batches", busy)
    with pytest.raises(Busy):
        auditing.verify(officer, full=True)


# -- incremental verification -------------------------------------------------------------------------------------
def test_verify_records_its_position_and_the_next_walks_only_new_entries(vault_dir: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    first = verify(vault_dir)
    assert first.ok and first.full and first.from_seq == 0
    starts: list[int] = []
    real = audit_log.row_batches

    def spy(db: Any, after: int = 0, batch: int = 5000) -> Any:
        starts.append(after)
        return real(db, after, batch)

    monkeypatch.setattr(audit_log, "row_batches", spy)
    second = verify(vault_dir)
    assert second.ok and not second.full and second.from_seq == first.entries and starts == [first.entries]
    assert "verified earlier" in second.reason and second.entries > first.entries
    third = verify(vault_dir, full=True)
    assert third.ok and third.full and third.from_seq == 0 and starts[-1] == 0


def test_tampered_entry_before_the_position_is_caught_by_full(vault_dir: Path) -> None:
    """The incremental check trusts the past once verified (documented); --full walks it again."""
    assert verify(vault_dir).ok
    key = database_key(vault_dir, OFFICER, OFFICER_PASS)
    with raw_database(vault_dir, key) as db:
        db.execute("UPDATE audit SET object = 'mallory' WHERE seq = 3")
    assert verify(vault_dir).ok  # behind the verified position: not walked again
    report = verify(vault_dir, full=True)
    assert not report.ok and report.first_bad == 3 and "modified" in report.reason
    again = verify(vault_dir)  # a failure forgets the position: the next check walks from genesis too
    assert not again.ok and again.full and again.first_bad == 3


def test_tampered_entry_after_the_position_is_caught_incrementally(vault_dir: Path) -> None:
    position = verify(vault_dir).entries
    unlock(vault_dir, OFFICER, OFFICER_PASS).close()
    key = database_key(vault_dir, OFFICER, OFFICER_PASS)
    with raw_database(vault_dir, key) as db:
        db.execute("UPDATE audit SET object = 'mallory' WHERE seq = ?", (position + 2,))
    report = verify(vault_dir)
    assert not report.ok and not report.full and report.first_bad == position + 2


def test_entry_at_the_position_rewritten_or_cut(vault_dir: Path) -> None:
    position = verify(vault_dir).entries
    key = database_key(vault_dir, OFFICER, OFFICER_PASS)
    with raw_database(vault_dir, key) as db:
        db.execute("UPDATE audit SET hash = ? WHERE seq = ?", ("0" * 64, position))
    report = verify(vault_dir)
    assert not report.ok and report.first_bad == position and "where the last verification ended" in report.reason


def test_rechained_tail_after_the_position_is_caught_by_the_seals(vault_dir: Path) -> None:
    """Rewrite every entry after the position with recomputed hashes: the seals signed since do not match."""
    position = verify(vault_dir).entries
    for _ in range(2):
        unlock(vault_dir, OFFICER, OFFICER_PASS).close()
    key = database_key(vault_dir, OFFICER, OFFICER_PASS)
    with raw_database(vault_dir, key) as db:
        prev = db.execute("SELECT hash FROM audit WHERE seq = ?", (position,)).fetchone()[0]
        rows = db.execute("SELECT seq, ts, actor, role, action, object, outcome, details FROM audit WHERE seq > ? "
                          "ORDER BY seq", (position,)).fetchall()
        for seq, ts, actor, role, action, obj, outcome, details in rows:
            obj = "someone-else" if seq == position + 1 else obj
            entry = chain.make_entry(prev, seq=seq, ts=ts, actor=actor, role=role, action=action, object=obj,
                                     outcome=outcome, details=json.loads(details))
            db.execute("UPDATE audit SET object = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                       (obj, entry.prev_hash, entry.hash, seq))
            prev = entry.hash
    report = verify(vault_dir)
    assert not report.ok and not report.full and "signed head" in report.reason


def test_unreadable_position_record_means_a_full_walk(vault_dir: Path) -> None:
    assert verify(vault_dir).ok
    key = database_key(vault_dir, OFFICER, OFFICER_PASS)
    with raw_database(vault_dir, key) as db:
        db.execute("UPDATE vault_meta SET value = '{\"seq\": \"x\"}' WHERE key = 'audit_verified'")
    report = verify(vault_dir)
    assert report.ok and report.full and report.from_seq == 0


def test_export_lines_and_walk_agree_with_make_entry(officer: Session) -> None:
    """The inlined hash in ChainWalk is the same as entry_hash over AuditEntry.body()."""
    entries = list(audit_log.iter_entries(officer.db))
    for entry in entries:
        assert chain.entry_hash(entry.prev_hash, entry.body()) == entry.hash
    walk = chain.ChainWalk(officer.vault.meta.vault_id)
    assert walk.feed(e.row() for e in entries) and walk.seq == len(entries) and walk.prev == entries[-1].hash


@pytest.mark.parametrize("fields", [
    {"actor": "秘書 \"quoted\" back\\slash", "object": "tab\there\nnewline \x00 \u2028 \U0001f600"},
    {"details": {"b": [1, 2.5, None, True], "a": {"z": "ü", "y": -3}}},
    {"details": {"unparseable": "{not json"}},
    {"actor": 5, "object": None},  # a column that no longer holds text
    {"seq": True},  # never from SQLite (INTEGER PRIMARY KEY) nor an export (entry_from_json refuses it)
])
def test_walk_hashes_exactly_like_entry_hash(fields: dict[str, Any]) -> None:
    """ChainWalk spells out the canonical body for speed; it must hash every value as canonical_json does."""
    values = {"seq": 1, "ts": "2026-01-01T00:00:00.000000Z", "actor": "olive", "role": "officer",
              "action": "x", "object": "y", "outcome": "ok", "details": {}, **fields}
    genesis = chain.genesis_hash("vault")
    expected = chain.entry_hash(genesis, values)
    row = (values["seq"], values["ts"], values["actor"], values["role"], values["action"], values["object"],
           values["outcome"], values["details"], genesis, expected)
    walk = chain.ChainWalk("vault")
    assert walk.feed([row]), walk.reason  # the same bytes hashed: accepted, whatever the values
    wrong = chain.ChainWalk("vault")
    assert not wrong.feed([(*row[:-1], chain.entry_hash(genesis, {**values, "outcome": "no"}))])


def test_details_stored_in_another_json_spelling_still_verify(vault_dir: Path) -> None:
    """The hash covers the details' canonical JSON, not the stored text: the walk parses and re-encodes it."""
    key = database_key(vault_dir, OFFICER, OFFICER_PASS)
    first = append_raw(vault_dir, key, [now()], {"b": "x, y: z", "a": [1, {"秘": None}]})
    with raw_database(vault_dir, key) as db:
        (text,) = db.execute("SELECT details FROM audit WHERE seq = ?", (first,)).fetchone()
        assert text == '{"a": [1, {"秘": null}], "b": "x, y: z"}'
        db.execute("UPDATE audit SET details = ? WHERE seq = ?", ('{"b":"x, y: z","a":[1,{"秘":null}]}', first))
    assert verify(vault_dir).ok
    with raw_database(vault_dir, key) as db:
        db.execute("UPDATE audit SET details = ? WHERE seq = ?", ('{"a": [1, {"秘": null}], "b": "x, y:  z"}', first))
    report = verify(vault_dir, full=True)
    assert not report.ok and report.first_bad == first and "modified" in report.reason
