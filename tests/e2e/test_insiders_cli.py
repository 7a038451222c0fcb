"""`nia audit insiders`: an analyst who read a report a day for three weeks, then twenty in one day, is flagged
for that day with the audit entries it rests on; today's reads through `nia report show` count; an analyst
running it is refused (exit 1, audited); nothing a report says reaches the officer; `nia search` is one audit
entry naming the reports it returned (never its words), counted as the searcher's reach.

The CLI has no clock override (a command that back-dated its own audit entries would be a hole), so the three
weeks of history are read through the services with the session clock set, as the unit tests set it, and
everything else runs through `nia` in subprocesses."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from nia_desktop.core.insiders import JST
from nia_desktop.services import reports
from nia_desktop.services.session import unlock
from tests.e2e.conftest import Nia
from tests.e2e.test_transfer_cli import ANNA, OLIVE
from tests.unit.test_insiders import SetClock

CANARY = "CANARYINSIDER"
COUNT = 20


def noon_jst(days_ago: int) -> datetime:
    today = datetime.now(UTC).astimezone(JST).date()
    return datetime.combine(today - timedelta(days=days_ago), datetime.min.time(), JST) + timedelta(hours=12)


def _history(nia: Nia) -> list[int]:
    media = nia.tmp / "media"
    media.mkdir()
    for n in range(COUNT):
        (media / f"r{n:02d}.txt").write_text(f"UNCLASSIFIED\nSubject: {CANARY} note {n}\n\nText {CANARY} {n}.\n",
                                             encoding="utf-8")
    done = nia("import", str(media), "--json", **ANNA)
    assert done.code == 0, done.err
    ids = sorted(item["id"] for item in done.json()["imported"])
    assert len(ids) == COUNT
    with unlock(nia.vault, ANNA["user"], ANNA["passphrase"]) as session:
        for days_ago in range(22, 1, -1):  # one report a day at noon, three weeks
            session.clock = SetClock(noon_jst(days_ago))  # type: ignore[assignment]
            reports.open_report(session, ids[days_ago % 2])
        session.clock = SetClock(noon_jst(1))  # type: ignore[assignment]
        for report_id in ids:  # yesterday: every one of them
            reports.open_report(session, report_id)
    return ids


def test_the_officer_sees_the_flagged_day_and_the_entries_it_rests_on(nia_vault: Nia) -> None:
    ids = _history(nia_vault)
    for report_id in ids[:3]:  # today, through the command line
        assert nia_vault("report", "show", str(report_id), **ANNA).code == 0
    done = nia_vault("audit", "insiders", "--json", **OLIVE)
    assert done.code == 0, done.err
    found = done.json()
    assert set(found) >= {"window", "flagged", "users"}
    today = datetime.now(UTC).astimezone(JST).date()
    assert found["window"]["days"] == 30 and found["window"]["timezone"] == "Asia/Tokyo"
    assert found["window"]["end"] in {today.isoformat(), (today + timedelta(days=1)).isoformat()}
    yesterday = noon_jst(1).date().isoformat()
    assert {(f["user"], f["day"]) for f in found["flagged"]} == {("anna", yesterday)}
    reads = next(f for f in found["flagged"] if f["kind"] == "reads")
    assert reads["value"] == COUNT and reads["usual"] == 1 and reads["ratio"] == COUNT
    assert reads["severity"] == "medium" and reads["audit_count"] == COUNT and len(reads["audit_seqs"]) == COUNT
    assert reads["reports"] == ids
    anna = next(u for u in found["users"] if u["user"] == "anna")
    assert anna["reads"] == 21 + COUNT + 3 and anna["busiest_day"] == yesterday and anna["flagged"] >= 1
    assert anna["daily_reads"][yesterday] == COUNT
    assert CANARY not in done.out

    # The entries named are the reads: the audit log says so.
    log = nia_vault("audit", "log", "--limit", "1000", "--json", **OLIVE).json()
    by_seq = {entry["seq"]: entry for entry in log}
    assert {by_seq[s]["action"] for s in reads["audit_seqs"]} == {"report.read"}
    assert {by_seq[s]["actor"] for s in reads["audit_seqs"]} == {"anna"}
    viewed = [e for e in log if e["action"] == "audit.insiders"]
    assert viewed and viewed[-1]["actor"] == "olive" and viewed[-1]["details"]["flagged"] == len(found["flagged"])

    text = nia_vault("audit", "insiders", "--days", "7", **OLIVE)
    assert text.code == 0, text.err
    lines = text.out.splitlines()
    assert lines[0].startswith("Insider watch:") and "7 days" in lines[0] and "FLAGGED" in lines
    flagged_at = lines.index("FLAGGED")
    assert "anna" in lines[flagged_at + 1] and yesterday in lines[flagged_at + 1] and "vs usual 1" in text.out
    assert any(line.strip().startswith("audit entries: ") and "(20 in all)" in line for line in lines)
    assert "USERS" in lines and CANARY not in text.out


def test_an_analyst_is_refused_and_a_bad_number_of_days_is_a_usage_error(nia_vault: Nia) -> None:
    refused = nia_vault("audit", "insiders", **ANNA)
    assert refused.code == 1 and "refused" in refused.err.lower() and not refused.out
    log = nia_vault("audit", "log", "--json", **OLIVE).json()
    assert any(e["actor"] == "anna" and e["outcome"] == "refused" and e["object"] == "insiders" for e in log)
    for days in ("0", "367", "x"):
        assert nia_vault("audit", "insiders", "--days", days, **OLIVE).code == 2
    quiet = nia_vault("audit", "insiders", **OLIVE)
    assert quiet.code == 0 and "Nobody is flagged." in quiet.out


def test_a_search_is_one_audit_entry_without_its_words_and_counts_as_reach(nia_vault: Nia) -> None:
    media = nia_vault.tmp / "found"
    media.mkdir()
    for n in range(5):
        (media / f"s{n}.txt").write_text(f"UNCLASSIFIED\nSubject: Note {n}\n\nSEARCHCANARY pier {n}.\n",
                                         encoding="utf-8")
    ids = sorted(item["id"] for item in nia_vault("import", str(media), "--json", **ANNA).json()["imported"])
    hits = nia_vault("search", "SEARCHCANARY", "--json", **ANNA)
    assert hits.code == 0 and sorted(h["id"] for h in hits.json()) == ids
    log = nia_vault("audit", "log", "--limit", "100", "--json", **OLIVE).json()
    searches = [e for e in log if e["action"] == "report.search"]
    assert len(searches) == 1 and searches[0]["actor"] == "anna" and searches[0]["object"] == "5 hits"
    assert searches[0]["details"]["hits"] == 5 and sorted(searches[0]["details"]["reports"]) == ids
    assert "SEARCHCANARY" not in json.dumps(log)
    found = nia_vault("audit", "insiders", "--json", **OLIVE).json()
    assert next(u for u in found["users"] if u["user"] == "anna")["reach"] == 5
    text = nia_vault("audit", "insiders", **OLIVE)
    assert text.code == 0 and "SEARCH REACH" in text.out, text.err
