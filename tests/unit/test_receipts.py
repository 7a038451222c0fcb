"""Receipts between two workstations: the consumer signs one for a briefing or a notice it received, the NIA's
courier receives it and the ledger shows the copy acknowledged; the same receipt twice changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nia_desktop.core.errors import BadInput, PermissionRefused
from nia_desktop.core.store import audit_log, holdings, ledger
from nia_desktop.core.store import trust as trust_store
from nia_desktop.services import notices, receipts
from tests.conftest import ANALYST
from tests.helpers import bundle_entries
from tests.notices_pair import Pair, pair


@pytest.fixture
def two(vault_dir: Path, tmp_path: Path) -> Pair:
    return pair(vault_dir, tmp_path)


def logged(session, action: str) -> list[dict]:  # type: ignore[no-untyped-def]
    return [{"outcome": e.outcome, **e.details} for e in audit_log.iter_entries(session.db) if e.action == action]


def test_a_receipt_for_a_briefing_acknowledges_its_copy(two: Pair, tmp_path: Path) -> None:
    digest = two.release(tmp_path / "harbour.nia")
    bundle_uuid = two.receive(tmp_path / "harbour.nia").manifest.uuid
    with two.nia.session(ANALYST) as session:
        assert [c.state for c in ledger.copies_of(session.db, digest)] == ["delivered"]
    with two.consumer.session(two.analyst) as session:
        signed = receipts.issue(session, bundle_uuid, tmp_path / "receipt.nia")
        assert (signed.receipt.kind, signed.receipt.item, signed.receipt.for_uuid) == ("briefing", digest, bundle_uuid)
        assert signed.receipt.workstation == two.consumer.recipient() and signed.receipt.by == two.analyst
        sent = holdings.receipt_for(session.db, bundle_uuid)
        assert sent is not None and sent.receipt_uuid == signed.manifest.uuid
        assert logged(session, "receipt.issue")[0]["item"] == digest
        with pytest.raises(BadInput, match="already signed"):
            receipts.issue(session, bundle_uuid, tmp_path / "again.nia")
        assert not (tmp_path / "again.nia").exists()
    carried = json.loads(bundle_entries(tmp_path / "receipt.nia")["payload/receipt.json"])
    assert carried == signed.receipt.to_json()
    got = two.nia_receive(tmp_path / "receipt.nia")
    assert got.effect["consumer"] == "mofa" and got.effect["already_acknowledged"] is False
    with two.nia.session(ANALYST) as session:
        copy = ledger.copies_of(session.db, digest)[0]
        assert copy.state == "acknowledged" and copy.receipt_uuid == signed.manifest.uuid
        assert ledger.count_outstanding(session.db) == 0
        assert logged(session, "receipt.receive")[0]["for"] == bundle_uuid
    again = two.nia_receive(tmp_path / "receipt.nia")
    assert again.already


def test_a_second_receipt_with_again_changes_nothing_at_the_nia(two: Pair, tmp_path: Path) -> None:
    digest = two.release(tmp_path / "harbour.nia")
    bundle_uuid = two.receive(tmp_path / "harbour.nia").manifest.uuid
    with two.consumer.session(two.analyst) as session:  # the user whose key the NIA registered for mofa
        first = receipts.issue(session, bundle_uuid, tmp_path / "r1.nia")
        second = receipts.issue(session, bundle_uuid, tmp_path / "r2.nia", again=True)
        assert holdings.receipt_for(session.db, bundle_uuid).receipt_uuid == second.manifest.uuid  # type: ignore[union-attr]
    two.nia_receive(tmp_path / "r1.nia")
    later = two.nia_receive(tmp_path / "r2.nia")
    assert later.effect["already_acknowledged"] is True
    with two.nia.session(ANALYST) as session:
        assert ledger.copies_of(session.db, digest)[0].receipt_uuid == first.manifest.uuid


def test_a_receipt_for_a_notice_acknowledges_the_notice_copy(two: Pair, tmp_path: Path) -> None:
    digest = two.release(tmp_path / "harbour.nia")
    two.receive(tmp_path / "harbour.nia")
    with two.nia.session(ANALYST) as session:
        issued = notices.issue(session, "recall", digest, "recanted", out=tmp_path / "recall.nia")
        assert [h.copy.kind for h in ledger.outstanding(session.db)].count("notice") == 1
    notice_uuid = two.receive(tmp_path / "recall.nia").manifest.uuid
    with two.consumer.session(two.analyst) as session:
        signed = receipts.issue(session, notice_uuid, out=None)  # queued for the courier
        assert (signed.receipt.kind, signed.receipt.item) == ("notice", issued.digest)
        assert any(o.uuid == signed.manifest.uuid and o.kind == "receipt" for o in trust_store.outbound(session.db))
    with two.consumer.session(two.courier) as session:
        from nia_desktop.services.couriers import write_out

        written = write_out(session, signed.manifest.uuid, tmp_path, "USB-1")
    two.nia_trusts(two.courier)  # the receipt carries the ministry courier's custody hop
    two.nia_receive(written)
    with two.nia.session(ANALYST) as session:
        copy = ledger.copy_of(session.db, issued.sent[0].uuid)
        assert copy is not None and copy.state == "acknowledged"
        assert [h.copy.kind for h in ledger.outstanding(session.db)] == ["product"]  # the briefing: no receipt yet


def test_a_receipt_only_for_a_received_briefing_or_notice(two: Pair, tmp_path: Path) -> None:
    with two.consumer.session(two.analyst) as session:
        with pytest.raises(BadInput, match="no briefing or notice bundle"):
            receipts.issue(session, "0f0e0d0c-0b0a-4908-8706-050403020100", tmp_path / "r.nia")
        with session.db.transaction():  # a received reports bundle, as the inbound queue keeps it
            trust_store.queue(session.db, "11111111-2222-4333-8444-555555555555", "reports", "f" * 64, 1, "{}",
                              b"x", two.courier, "2026-12-07T10:00:00.000000Z")
        with pytest.raises(BadInput, match="carries reports"):
            receipts.issue(session, "11111111-2222-4333-8444-555555555555", tmp_path / "r.nia")
    with two.consumer.session(two.officer) as session, pytest.raises(PermissionRefused):
        receipts.issue(session, "11111111-2222-4333-8444-555555555555", tmp_path / "r.nia")
    assert not (tmp_path / "r.nia").exists()


def test_every_refusal_to_sign_a_receipt_is_audited_once(two: Pair, tmp_path: Path) -> None:
    """Already signed, a bundle never received, one that carries reports, a target that exists: one refused
    ``receipt.issue`` entry each, with the reason shown; the permission check's refusal is its own single entry."""
    two.release(tmp_path / "harbour.nia")
    bundle_uuid = two.receive(tmp_path / "harbour.nia").manifest.uuid
    (tmp_path / "taken.nia").write_bytes(b"x")
    with two.consumer.session(two.courier) as session:
        with session.db.transaction():
            trust_store.queue(session.db, "11111111-2222-4333-8444-555555555555", "reports", "f" * 64, 1, "{}",
                              b"x", two.courier, "2026-12-07T10:00:00.000000Z")
        receipts.issue(session, bundle_uuid, tmp_path / "r.nia")
        attempts = [(bundle_uuid, tmp_path / "again.nia", "already signed"),
                    ("0f0e0d0c-0b0a-4908-8706-050403020100", tmp_path / "x.nia", "no briefing or notice bundle"),
                    ("11111111-2222-4333-8444-555555555555", tmp_path / "x.nia", "carries reports")]
        for uuid, out, words in attempts:
            with pytest.raises(BadInput, match=words) as refused:
                receipts.issue(session, uuid, out)
            assert logged(session, "receipt.issue")[-1] == {
                "outcome": "refused", "reason": refused.value.user_message, "again": False, "out": str(out)}
        with pytest.raises(BadInput, match="already exists"):
            receipts.issue(session, bundle_uuid, tmp_path / "taken.nia", again=True)
        assert [e["outcome"] for e in logged(session, "receipt.issue")] == ["ok"] + ["refused"] * 4
        assert holdings.receipt_for(session.db, bundle_uuid).receipt_uuid  # type: ignore[union-attr]
    with two.consumer.session(two.officer) as session:
        with pytest.raises(PermissionRefused):
            receipts.issue(session, bundle_uuid, tmp_path / "o.nia")
        assert [e["outcome"] for e in logged(session, "receipt.issue")] == ["ok"] + ["refused"] * 5
    assert not any((tmp_path / n).exists() for n in ("again.nia", "x.nia", "o.nia"))
