"""The entity pages narrowed to a set of reports (services/fusion_tables ``reports=``), as the Fusion view's event
range and map region send them: the same entities a hand count finds, in the same orders, and never anything of a
report the user may not read or that is outside their fusion, whatever ids the UI sends."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from nia_desktop.core.classification import Level
from nia_desktop.core.roles import Role
from nia_desktop.core.store.fusion import run_scope
from nia_desktop.services import fusion_tables
from nia_desktop.services.session import Session, unlock
from nia_desktop.services.users import add_user
from tests.conftest import ANALYST, ANALYST_PASS, OFFICER, OFFICER_PASS
from tests.fusion_tables_fixture import Spec, add_reports, fill_scope

SAM, SAM_PASS = "sam", "sam-passphrase-2222"


def specs(ids: list[int]) -> list[Spec]:
    """Entity i (1..40) is in i % 7 + 1 reports from ids[i % 5]; names sort apart from counts."""
    return [Spec(i, "person" if i % 2 else "organization", f"Name {(i * 17) % 41:02d}",
                 ids[i % 5:i % 5 + i % 7 + 1], [f"Name {i:02d}", f"Alias{i}"], mentions=100 - i)
            for i in range(1, 41)]


def named_in(ids: list[int], chosen: set[int]) -> set[int]:
    """The hand count: the entities of specs() named in one of ``chosen``."""
    return {e.id for e in specs(ids) if chosen & set(e.reports)}


def every_page(session: Session, limit: int = 7, **filters: object) -> list[int]:
    """Every row of the filtered pages, ``limit`` at a time, in page order."""
    rows: list[int] = []
    while True:
        page = fusion_tables.entity_page(session, offset=len(rows), limit=limit, seen=False, **filters)  # type: ignore[arg-type]
        rows += [e.id for e in page.rows]
        if not page.more:
            return rows


@pytest.fixture
def analyst(vault_dir: Path) -> Iterator[tuple[Session, list[int]]]:
    session = unlock(vault_dir, ANALYST, ANALYST_PASS)
    with session.db.transaction():
        ids = add_reports(session.db, 12, ANALYST)
        fill_scope(session.db, run_scope("", session.access().key()), specs(ids), ids)
    yield session, ids
    session.close()


def test_the_filter_agrees_with_a_hand_count_in_every_order(analyst: tuple[Session, list[int]]) -> None:
    session, ids = analyst
    for chosen in ({ids[0]}, {ids[6], ids[7]}, set(ids[2:5]), set(ids)):
        wanted = named_in(ids, chosen)
        assert set(every_page(session, reports=sorted(chosen))) == wanted, chosen
        assert fusion_tables.entity_count(session, reports=chosen) == len(wanted)
    chosen = {ids[1], ids[9]}
    wanted = named_in(ids, chosen)
    by_id = {e.id: e for e in specs(ids)}
    for order, key in (("reports", lambda i: (len(chosen & set(by_id[i].reports)), len(by_id[i].reports))),
                       ("name", lambda i: by_id[i].name.lower()),
                       ("mentions", lambda i: by_id[i].mentions)):
        for descending in (True, False):
            rows = every_page(session, limit=4, order=order, descending=descending, reports=chosen)
            assert len(rows) == len(set(rows)) == len(wanted)  # pages neither overlap nor skip
            values = [key(i) for i in rows]
            assert values == sorted(values, reverse=descending), (order, descending)
    # With the name filter and the matrix's two-report floor, as the tables combine them.
    assert set(every_page(session, text="alias1", reports=chosen)) == {i for i in wanted if str(i).startswith("1")}
    assert fusion_tables.entity_count(session, min_reports=2, reports=chosen) == len(
        [i for i in wanted if len(by_id[i].reports) >= 2])
    # An empty set is a filter that keeps nothing; None is no filter.
    assert every_page(session, reports=[]) == [] and fusion_tables.entity_count(session, reports=[]) == 0
    assert fusion_tables.entity_count(session, reports=None) == 40
    # Each row still carries who reports it, over all its readable reports (not just the filtered ones).
    row = fusion_tables.entity_page(session, reports=[ids[0]], limit=1).rows[0]
    assert row.seen.reports == len(by_id[row.id].reports)


def test_ids_outside_the_scope_or_unreadable_name_nothing(vault_dir: Path) -> None:
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as officer:
        add_user(officer, SAM, Role.ANALYST, SAM_PASS, clearance=Level.SECRET)
    with unlock(vault_dir, SAM, SAM_PASS) as sam:
        with sam.db.transaction():
            ids = add_reports(sam.db, 12, SAM)
            secret = add_reports(sam.db, 1, SAM, Level.TOP_SECRET, first=50)[0]  # above sam: hidden from him
            outside = add_reports(sam.db, 1, SAM, first=60)[0]  # readable, but not in his fusion
            sid = fill_scope(sam.db, run_scope("", sam.access().key()), specs(ids), ids, user=SAM)
        # A row of the hidden report in his own scope's tables (as a fusion before a re-marking could leave one,
        # were the scope's own list of reports not to show it): the readable clause keeps it out all the same.
        with sam.db.transaction():
            sam.db.execute("INSERT INTO fusion_entity_reports (scope_id, entity_id, report_id) VALUES (?, 1, ?)",
                           (sid, secret))
        assert fusion_tables.status(sam).fused  # the scope is shown: its own report list covers none of them
        assert every_page(sam, reports=[secret]) == [] and fusion_tables.entity_count(sam, reports=[secret]) == 0
        assert set(every_page(sam, reports=[secret, ids[0]])) == named_in(ids, {ids[0]})
        assert fusion_tables.readable_reports(sam, [secret, outside, ids[0], ids[3], 999_999]) == [ids[0], ids[3]]
        assert fusion_tables.readable_reports(sam, []) == []
        # No need-to-know bypass by a case: a case he has no fusion of names nothing.
        assert fusion_tables.entity_page(sam, "no such case", reports=[ids[0]]).rows == []
    with unlock(vault_dir, ANALYST, ANALYST_PASS) as anna:  # no fusion of her own: sam's is not hers
        assert fusion_tables.entity_page(anna, reports=ids).rows == []
        assert fusion_tables.readable_reports(anna, ids) == []


def test_ids_are_bound_as_integers(analyst: tuple[Session, list[int]]) -> None:
    session, _ = analyst
    with pytest.raises((TypeError, ValueError)):
        fusion_tables.entity_count(session, reports=["1) OR (1=1"])  # type: ignore[list-item]


def test_rows_and_detail_count_the_reports_within_the_filter(analyst: tuple[Session, list[int]]) -> None:
    """While a filter applies each row says how many of its reports are within it, the rows sort by that, and the
    detail lists only those reports and counts them beside all of the entity's."""
    session, ids = analyst
    by_id = {e.id: e for e in specs(ids)}
    chosen = {ids[4], ids[5], ids[9]}
    rows = fusion_tables.entity_page(session, reports=sorted(chosen), limit=100).rows
    assert rows and all(isinstance(r, fusion_tables.FilteredLine) for r in rows)
    for row in rows:
        assert row.within == len(chosen & set(by_id[row.id].reports)), row.id
        assert row.report_count == len(by_id[row.id].reports)
    assert [r.within for r in rows] == sorted((r.within for r in rows), reverse=True)
    assert rows[0].within < rows[0].report_count  # in-filter first, not all-reports first
    entity = next(r for r in rows if 0 < r.within < r.report_count)
    detail = fusion_tables.entity_detail(session, entity.id, reports=sorted(chosen))
    assert isinstance(detail, fusion_tables.FilteredDetail)
    assert [r.id for r in detail.reports] == sorted(chosen & set(by_id[entity.id].reports))
    assert (detail.report_total, detail.every) == (entity.within, entity.report_count)
    assert set(detail.mentions) <= chosen
    whole = fusion_tables.entity_detail(session, entity.id)
    assert whole is not None and not isinstance(whole, fusion_tables.FilteredDetail)
    assert whole.report_total == entity.report_count
    # A report id of nothing this entity names, or none at all: no evidence, the total still said.
    empty = fusion_tables.entity_detail(session, entity.id, reports=[999_999])
    assert isinstance(empty, fusion_tables.FilteredDetail) and empty.reports == [] and empty.report_total == 0


def test_the_in_filter_counts_leave_out_unreadable_reports(vault_dir: Path) -> None:
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as officer:
        add_user(officer, SAM, Role.ANALYST, SAM_PASS, clearance=Level.SECRET)
    with unlock(vault_dir, SAM, SAM_PASS) as sam:
        with sam.db.transaction():
            ids = add_reports(sam.db, 12, SAM)
            secret = add_reports(sam.db, 1, SAM, Level.TOP_SECRET, first=50)[0]
            sid = fill_scope(sam.db, run_scope("", sam.access().key()), specs(ids), ids, user=SAM)
            sam.db.execute("INSERT INTO fusion_entity_reports (scope_id, entity_id, report_id) VALUES (?, 1, ?)",
                           (sid, secret))
        one = next(e for e in specs(ids) if e.id == 1)
        rows = fusion_tables.entity_page(sam, reports=[secret, *one.reports], limit=100).rows
        assert next(r for r in rows if r.id == 1).within == len(one.reports)
        detail = fusion_tables.entity_detail(sam, 1, reports=[secret, *one.reports])
        assert detail is not None and secret not in [r.id for r in detail.reports]
        assert detail.report_total == len(one.reports)
