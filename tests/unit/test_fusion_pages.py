"""The Fusion view's pages (core/store/fusion_pages, services/fusion_tables): order, filter, paging, need-to-know."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from nia_desktop.core.classification import Level
from nia_desktop.core.errors import PermissionRefused
from nia_desktop.core.markings import Access
from nia_desktop.core.roles import Role
from nia_desktop.core.store import clearances
from nia_desktop.core.store import fusion_pages as pages
from nia_desktop.core.store.fusion import run_scope
from nia_desktop.services import fusion_tables
from nia_desktop.services.session import Session, unlock
from nia_desktop.services.users import add_user
from tests.conftest import ANALYST, ANALYST_PASS, COURIER, COURIER_PASS, OFFICER, OFFICER_PASS
from tests.fusion_tables_fixture import Spec, add_reports, fill_scope

SAM, SAM_PASS = "sam", "sam-passphrase-2222"


def specs(ids: list[int]) -> list[Spec]:
    """Entity i (1..40) is in i % 7 + 1 reports; names sort apart from counts; one has a Japanese alias."""
    made = []
    for i in range(1, 41):
        reports = ids[i % 5:i % 5 + i % 7 + 1]
        aliases = [f"Name {i:02d}", f"Alias{i}"] + (["永瀬蓮"] if i == 13 else [])
        made.append(Spec(i, "person" if i % 2 else "organization", f"Name {(i * 17) % 41:02d}", reports, aliases,
                         mentions=100 - i))
    return made


@pytest.fixture
def analyst(vault_dir: Path) -> Iterator[tuple[Session, int, list[int]]]:
    session = unlock(vault_dir, ANALYST, ANALYST_PASS)
    with session.db.transaction():
        ids = add_reports(session.db, 12, ANALYST)
        sid = fill_scope(session.db, run_scope("", session.access().key()), specs(ids), ids,
                         duplicates=[[ids[0], ids[4]], [ids[2], ids[3], ids[9]]],
                         links=[(ids[0], ids[1], 1.0, [1]), (ids[1], ids[2], 0.5, [2])], pending=3)
    yield session, sid, ids
    session.close()


def test_orders_walk_the_index_and_break_ties_by_id(analyst: tuple[Session, int, list[int]]) -> None:
    session, sid, _ = analyst
    for order, key in (("reports", lambda e: e.report_count), ("agencies", lambda e: e.agency_count),
                       ("name", lambda e: e.name.lower()), ("kind", lambda e: e.kind),
                       ("mentions", lambda e: e.mentions)):
        for descending in (True, False):
            rows = pages.entities(session.db, sid, order, descending, limit=100).rows
            assert len(rows) == 40
            values = [key(e) for e in rows]
            assert values == sorted(values, reverse=descending), (order, descending)
    top = pages.entities(session.db, sid, "reports", True, limit=100).rows
    ties = [e.id for e in top if e.report_count == top[0].report_count]
    assert ties == sorted(ties)  # the index order: count descending, then id


def test_paging_says_when_there_is_more_and_pages_do_not_overlap(analyst: tuple[Session, int, list[int]]) -> None:
    session, sid, _ = analyst
    seen: list[int] = []
    offset = 0
    while True:
        page = pages.entities(session.db, sid, "name", False, offset=offset, limit=15)
        seen += [e.id for e in page.rows]
        offset += len(page.rows)
        if not page.more:
            break
    assert len(page.rows) == 10 and sorted(seen) == list(range(1, 41)) and len(set(seen)) == 40
    assert pages.entities(session.db, sid, limit=40).more is False
    assert pages.entities(session.db, sid, limit=39).more is True
    assert pages.entity_count(session.db, sid) == 40


def test_filter_by_name_or_alias_any_case_and_literal_wildcards(analyst: tuple[Session, int, list[int]]) -> None:
    session, sid, _ = analyst
    assert [e.id for e in pages.entities(session.db, sid, text="alias13").rows] == [13]
    assert [e.id for e in pages.entities(session.db, sid, text="永瀬").rows] == [13]
    assert pages.entity_count(session.db, sid, text="ALIAS1") == 11  # Alias1, Alias10..19
    assert pages.entities(session.db, sid, text="%").rows == []  # a literal percent sign, not a wildcard
    assert pages.entities(session.db, sid, text="_").rows == []
    assert pages.entity_count(session.db, sid, min_reports=7) == len([i for i in range(1, 41) if i % 7 == 6])


def test_corroboration_detail_groups_graph_timeline_and_pending(analyst: tuple[Session, int, list[int]]) -> None:
    session, sid, ids = analyst
    (line,) = pages.with_seen(session.db, sid, [e for e in pages.entities(session.db, sid, limit=40).rows
                                                if e.id == 6])
    # Entity 6: reports 1..7 (seven), agencies in turn from MOFA.
    assert line.seen.agencies == {"CIRO": 1, "DIH": 2, "MOFA": 2, "NPA": 2} and line.seen.reports == 7
    assert line.seen.gradings == ["B1", "B2", "B3"] and not line.seen.single_source
    assert (line.seen.first_seen, line.seen.last_seen) == ("2026-01-02", "2026-01-08")
    whole = pages.corroboration(session.db, sid, list(range(1, 41)))
    assert pages.corroboration(session.db, sid, list(range(1, 41)), group=3, span=2) == whole  # in parts, added up
    assert sum(s.reports for s in whole.values()) == sum(len(e.reports) for e in specs(ids))
    detail = pages.entity(session.db, sid, 6)
    assert detail is not None and [r.id for r in detail.reports] == ids[1:8] and detail.report_total == 7
    assert detail.mentions[ids[1]] == [(detail.line.name, 0, len(detail.line.name))]
    assert detail.merges and detail.merges[0]["why"] == "case"
    assert pages.entity(session.db, sid, 999) is None
    groups = pages.duplicate_groups(session.db, sid, limit=1)
    assert groups.rows == [[ids[0], ids[4]]] and groups.more
    assert pages.duplicate_groups(session.db, sid, offset=1).rows == [[ids[2], ids[3], ids[9]]]
    assert pages.counts(session.db, sid) == {"entities": 40, "links": 2, "duplicates": 2}
    assert pages.pending_count(session.db, sid) == 3
    assert pages.agencies(session.db, sid) == ["CIRO", "DIH", "MOFA", "NPA"]
    chosen, titles = pages.graph(session.db, sid, most=5, most_reports=4)
    assert [e[0] for e in chosen] == [e.id for e in pages.entities(session.db, sid, limit=5).rows]
    assert len(titles) == 4 and all(set(e[3]) <= set(titles) for e in chosen)
    marks = pages.timeline(session.db, sid)
    assert sum(m.count for m in marks) == 12 and marks[0].reports == [(ids[0], "report 0")]
    assert {m.agency for m in marks} == {"CIRO", "MOFA", "DIH", "NPA"}


def test_a_report_hidden_from_the_reader_shows_nowhere(analyst: tuple[Session, int, list[int]]) -> None:
    """A report re-marked above a reader: the entity only it names is absent and uncounted, and it is in no
    count, list, group, graph or mark."""
    session, sid, ids = analyst
    with session.db.transaction():
        session.db.execute("UPDATE reports SET classification = ? WHERE id = ?", (int(Level.TOP_SECRET), ids[0]))
    readable = clearances.readable_sql(session.db, Access(Level.SECRET), "r")
    only_first = [e.id for e in specs(ids) if e.reports == [ids[0]]]
    assert only_first == [35]  # 35 % 5 == 0 and 35 % 7 == 0: report 0 alone
    listed = [e.id for e in pages.entities(session.db, sid, limit=100, readable=readable).rows]
    assert 35 not in listed and len(listed) == 39
    assert pages.entity_count(session.db, sid, readable=readable) == 39
    assert pages.entity(session.db, sid, 35, readable) is None
    lines = pages.with_seen(session.db, sid, pages.entities(session.db, sid, limit=100, readable=readable).rows,
                            readable)
    assert all(ids[0] not in [r.id for r in pages.entity(session.db, sid, e.id, readable).reports]  # type: ignore[union-attr]
               for e in lines)
    five = next(e for e in lines if e.id == 5)  # ids[0..5]: six reports, one now hidden
    assert five.report_count == 6 and five.seen.reports == 5
    assert pages.duplicate_groups(session.db, sid, readable=readable).rows == [[ids[2], ids[3], ids[9]]]
    assert pages.counts(session.db, sid, readable) == {"entities": 39, "links": 1, "duplicates": 1}
    assert ids[0] not in {r for m in pages.timeline(session.db, sid, readable) for r, _ in m.reports}
    assert sum(m.count for m in pages.timeline(session.db, sid, readable)) == 11
    chosen, titles = pages.graph(session.db, sid, readable=readable)
    assert ids[0] not in titles and all(ids[0] not in e[3] for e in chosen)


def test_service_reads_only_the_users_own_scope_and_refuses_others(vault_dir: Path,  # type: ignore[no-untyped-def]
                                                                    analyst) -> None:
    session, _, ids = analyst
    page = fusion_tables.entity_page(session, limit=10)
    assert len(page.rows) == 10 and page.more and page.rows[0].seen.reports == page.rows[0].report_count
    assert fusion_tables.entity_count(session) == 40
    status = fusion_tables.status(session)
    assert status.fused and status.pending == 3 and status.entities == 40 and status.highest == Level.SECRET
    assert status.unfused == 0
    with session.db.transaction():
        add_reports(session.db, 2, ANALYST, first=100)  # imported by someone else: not in anna's fusion
    assert fusion_tables.status(session).unfused == 2
    assert fusion_tables.entity_page(session, "no such case").rows == []
    with unlock(vault_dir, OFFICER, OFFICER_PASS) as officer:
        add_user(officer, SAM, Role.ANALYST, SAM_PASS, clearance=Level.SECRET)
    with unlock(vault_dir, SAM, SAM_PASS) as sam:
        assert not fusion_tables.status(sam).fused  # anna's fusion is not sam's, though he may read every report
        assert fusion_tables.entity_page(sam).rows == [] and fusion_tables.timeline(sam) == []
        with sam.db.transaction():
            fill_scope(sam.db, run_scope("", sam.access().key()), specs(ids), ids, user=SAM)
        assert fusion_tables.entity_count(sam) == 40
        with sam.db.transaction():  # re-marked beyond sam after his fusion: his scope draws on it
            sam.db.execute("UPDATE reports SET classification = ? WHERE id = ?", (int(Level.TOP_SECRET), ids[0]))
        assert not fusion_tables.status(sam).fused and fusion_tables.entity_page(sam).rows == []
        sid = pages.scope_id(sam.db, run_scope("", sam.access().key()))
        clause, params = sam.readable("r")
        for scope_first in (True, False):  # probed from either side, the same answer
            assert fusion_tables.draws_on_hidden(sam.db, sid, clause, params, scope_first)
            assert fusion_tables.draws_on_hidden(sam.db, sid, "r.id <> ?", [ids[-1]], scope_first)
            assert not fusion_tables.draws_on_hidden(sam.db, sid, "1", [], scope_first)
        assert fusion_tables.entity_detail(sam, 5) is None and fusion_tables.graph(sam) == ([], {})
    with unlock(vault_dir, COURIER, COURIER_PASS) as courier, pytest.raises(PermissionRefused):
        fusion_tables.entity_page(courier)
