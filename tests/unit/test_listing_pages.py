"""Paging: the shared page type, the store's pages (limit + 1 rows, never a count), keyset batches, and the
reports service's pages, which never count or list a report the reader may not read."""

from __future__ import annotations

from pathlib import Path

import pytest

from nia_desktop.core.classification import Level
from nia_desktop.core.errors import BadInput
from nia_desktop.core.roles import Role
from nia_desktop.core.store import reports as store
from nia_desktop.services import reports
from nia_desktop.services.paging import Page, check_window
from nia_desktop.services.session import unlock
from nia_desktop.services.users import add_user
from tests.conftest import ANALYST, ANALYST_PASS, OFFICER, OFFICER_PASS
from tests.listing_vault import insert_reports

BEN, BEN_PASS = "ben", "ben-passphrase-4444"
C, S = Level.CONFIDENTIAL, Level.SECRET
LEVELS = [C, C, C, S, C, C, C]  # the fourth is above Ben's clearance


@pytest.fixture
def listed(vault_dir: Path) -> list[int]:
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as officer:
        add_user(officer, BEN, Role.ANALYST, BEN_PASS, clearance=C)
    return insert_reports(vault_dir, ANALYST, ANALYST_PASS, LEVELS)


def test_page_json_says_where_the_next_page_starts() -> None:
    cut = Page.cut([1, 2, 3], limit=2, offset=4)
    assert cut.to_json() == {"items": [1, 2], "more": True, "offset": 4, "limit": 2, "next_offset": 6}
    assert cut.more_line() == "… more: --offset 6"
    last = Page.cut([1, 2], limit=2, offset=4)
    assert last.to_json() == {"items": [1, 2], "more": False, "offset": 4, "limit": 2, "next_offset": None}
    assert last.more_line() == ""
    assert Page.cut([5], 1, 0, question="stale").to_json()["question"] == "stale"
    with pytest.raises(BadInput):
        check_window(0, 0)
    with pytest.raises(BadInput):
        check_window(1, -1)


def test_store_window_fetches_one_row_more_and_ends(vault_dir: Path, listed: list[int]) -> None:
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as session:
        rows, more = store.window(session.db, store.Filters(), 0, 3)
        assert [r.id for r in rows] == listed[:3] and more
        rows, more = store.window(session.db, store.Filters(), 3, 4)
        assert [r.id for r in rows] == listed[3:] and not more  # exactly the last four: nothing follows
        rows, more = store.window(session.db, store.Filters(), 6, 4)
        assert [r.id for r in rows] == listed[6:] and not more
        assert store.window(session.db, store.Filters(), 50, 4) == ([], False)  # past the end
        assert [r.id for r in store.after(session.db, store.Filters(), listed[2], 2)] == listed[3:5]
        assert store.after(session.db, store.Filters(), listed[-1], 2) == []


def test_keyset_batches_walk_the_id_index(vault_dir: Path, listed: list[int]) -> None:
    """The streaming query starts each batch from the id index, not a sort over another index."""
    with unlock(vault_dir, BEN, BEN_PASS) as session:
        clause, params = session.readable()
        filters = store.Filters(agency="CIRO", readable=(clause, tuple(params)))
        sql, values = store.after_query(filters)
        plan = " ".join(str(r[-1]) for r in session.db.query(f"EXPLAIN QUERY PLAN {sql}", (0, *values, 5)))
        assert "INTEGER PRIMARY KEY" in plan and "TEMP B-TREE" not in plan, plan


def test_service_pages_never_count_a_hidden_report(vault_dir: Path, listed: list[int]) -> None:
    readable = [r for r, level in zip(listed, LEVELS, strict=True) if level is C]
    with unlock(vault_dir, BEN, BEN_PASS) as ben:
        first = reports.report_page(ben, limit=4)
        assert [r.id for r in first.items] == readable[:4] and first.more and first.next_offset == 4
        last = reports.report_page(ben, offset=4, limit=2)
        assert [r.id for r in last.items] == readable[4:] and not last.more  # the hidden seventh is not "more"
        assert not reports.report_page(ben, limit=6).more
        assert reports.report_page(ben, offset=60, limit=6).items == []
        assert [r.id for r in reports.every_report(ben, batch=2)] == readable
        with pytest.raises(BadInput):
            reports.report_page(ben, limit=0)
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        assert reports.report_page(anna, limit=6).more  # Anna may read all seven
        assert [r.id for r in reports.every_report(anna, batch=3)] == listed  # batches of 3: 3, 3, 1


def test_search_pages_in_rank_order(vault_dir: Path, listed: list[int]) -> None:
    with unlock(vault_dir, BEN, BEN_PASS) as ben:
        whole = reports.search_page(ben, "harbour", limit=50)
        assert len(whole.items) == 6 and not whole.more and listed[3] not in {h.summary.id for h in whole.items}
        first = reports.search_page(ben, "harbour", limit=4)
        rest = reports.search_page(ben, "harbour", limit=4, offset=4)
        assert first.more and first.next_offset == 4 and not rest.more
        assert [h.summary.id for h in first.items + rest.items] == [h.summary.id for h in whole.items]
        assert not reports.search_page(ben, "harbour", limit=6).more


def test_audit_log_pages_count_back_from_the_head(vault_dir: Path) -> None:
    from nia_desktop.services import auditing

    with unlock(vault_dir, OFFICER, OFFICER_PASS) as officer:
        every = list(auditing.entries(officer))
        head = every[-1].seq
        latest = auditing.log_page(officer, 3)
        assert [e.seq for e in latest.items] == [head - 2, head - 1, head] and latest.more
        older = auditing.log_page(officer, 3, 3)
        assert [e.seq for e in older.items] == [head - 5, head - 4, head - 3]
        oldest = auditing.log_page(officer, head, 1)
        assert [e.seq for e in oldest.items] == list(range(1, head)) and not oldest.more
        assert auditing.log_page(officer, 3, head).items == []


def test_release_and_inbound_queues_page(vault_dir: Path) -> None:
    from nia_desktop.core.store import releases, trust
    from nia_desktop.services import briefings, bundles
    from tests.conftest import COURIER, COURIER_PASS

    with unlock(vault_dir, OFFICER, OFFICER_PASS) as officer, officer.db.transaction():
        made = [releases.insert(officer.db, f"case {n}", ANALYST, f"2026-01-0{n + 1}T00:00:00Z", "{}", f"{n:064x}",
                                int(S)) for n in range(4)]
        releases.decide(officer.db, made[1], "rejected", OFFICER, "2026-02-01T00:00:00Z", "no")
        for n in range(3):
            trust.queue(officer.db, f"uuid-{n}", "reports", "f" * 64, n, "{}", b"x", OFFICER,
                        f"2026-03-0{n + 1}T00:00:00Z")
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as officer:
        pending = briefings.release_page(officer, "pending", 2)
        assert [r.id for r in pending.items] == [made[0], made[2]] and pending.more
        last = briefings.release_page(officer, "pending", 2, 2)
        assert [r.id for r in last.items] == [made[3]] and not last.more
        assert [r.id for r in briefings.release_page(officer, None, 4).items] == made
        assert not briefings.release_page(officer, None, 4).more
    with unlock(vault_dir, COURIER, COURIER_PASS) as courier:
        first = bundles.inbound_page(courier, 2)
        assert [b[0] for b in first.items] == ["uuid-0", "uuid-1"] and first.more and first.next_offset == 2
        rest = bundles.inbound_page(courier, 2, 2)
        assert [b[0] for b in rest.items] == ["uuid-2"] and not rest.more


def test_held_products_and_notices_page(vault_dir: Path) -> None:
    from nia_desktop.core.store import holdings
    from nia_desktop.services import notices
    from tests.conftest import COURIER, COURIER_PASS

    with unlock(vault_dir, OFFICER, OFFICER_PASS) as officer, officer.db.transaction():
        for n in range(3):
            holdings.hold(officer.db, f"held-{n}", f"{n:064x}", "f" * 64, "case", f"title {n}", S,
                          f"2026-03-0{n + 1}T00:00:00Z")
            holdings.record_notice(officer.db, holdings.ReceivedNotice(
                f"notice-{n}", f"{n:064x}", "correct", "why", "", (), "e" * 64, OFFICER,
                f"2026-04-0{n + 1}T00:00:00Z", "", ""))
    with unlock(vault_dir, COURIER, COURIER_PASS) as courier:
        held = notices.held_page(courier, 2)
        assert [h.product.bundle_uuid for h in held.items] == ["held-2", "held-1"] and held.more  # newest first
        rest = notices.held_page(courier, 2, 2)
        assert [h.product.bundle_uuid for h in rest.items] == ["held-0"] and not rest.more
        first = notices.notices_page(courier, limit=2)
        assert [v.notice.uuid for v in first.items] == ["notice-2", "notice-1"] and first.next_offset == 2
        assert [v.notice.uuid for v in notices.notices_page(courier, offset=2).items] == ["notice-0"]


def test_assessments_and_coverage_page_after_need_to_know(vault_dir: Path, listed: list[int]) -> None:
    from nia_desktop.services import assessments, fusion

    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:
        fusion.create_case(anna, "Harbour")
        fusion.add_to_case(anna, "Harbour", listed)
        made = [assessments.assess(anna, "Harbour", f"judgement {r}", "unlikely", "low", [r]) for r in listed[2:6]]
        for n in range(3):
            assessments.add_requirement(anna, f"question {n}?", 1 + n)
    with unlock(vault_dir, BEN, BEN_PASS) as ben:  # the assessment on the SECRET report is hidden from Ben
        first = assessments.assessments_page(ben, "Harbour", 2)
        assert [a.id for a in first.items] == [made[0], made[2]] and first.more
        rest = assessments.assessments_page(ben, "Harbour", 2, 2)
        assert [a.id for a in rest.items] == [made[3]] and not rest.more
        covered = assessments.coverage_page(ben, 2)
        assert len(covered.items) == 2 and covered.more and len(assessments.coverage_page(ben, 2, 2).items) == 1
