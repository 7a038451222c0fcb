"""Corrections and recalls between two workstations: the NIA issues, the consumer's courier receives, the held
product is marked, the desktop lists it; every step audited."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nia_desktop.core.classification import Level
from nia_desktop.core.errors import BadInput, PermissionRefused
from nia_desktop.core.store import audit_log, holdings, ledger
from nia_desktop.core.store import trust as trust_store
from nia_desktop.services import notices
from tests.conftest import ANALYST, COURIER, OFFICER
from tests.notices_pair import Pair, ministry, pair


def audit_actions(session, action: str) -> list[dict]:  # type: ignore[no-untyped-def]
    return [{"outcome": e.outcome, **e.details} for e in audit_log.iter_entries(session.db) if e.action == action]


@pytest.fixture
def two(vault_dir: Path, tmp_path: Path) -> Pair:
    return pair(vault_dir, tmp_path)


def test_a_received_briefing_is_held_under_its_product_digest(two: Pair, tmp_path: Path) -> None:
    digest = two.release(tmp_path / "harbour.nia")
    got = two.receive(tmp_path / "harbour.nia")
    assert got.effect == {"product": digest, "marked_by_earlier_notices": []}
    with two.consumer.session(two.analyst) as session:
        held = holdings.held(session.db)
        assert [(h.digest, h.case, h.title, h.classification, h.status) for h in held] == [
            (digest, "harbour", "Harbour visits", Level.CONFIDENTIAL, "current")]
        assert held[0].bundle_uuid == got.manifest.uuid
        assert [v.product.title for v in notices.held_products(session)] == ["Harbour visits"]


def test_a_recall_reaches_the_holder_and_withdraws_the_product(two: Pair, tmp_path: Path) -> None:
    digest = two.release(tmp_path / "harbour.nia")
    two.receive(tmp_path / "harbour.nia")
    with two.nia.session(ANALYST) as session:
        issued = notices.issue(session, "recall", digest[:12], "the source recanted", out=tmp_path / "recall.nia")
        assert [s.consumer for s in issued.sent] == ["mofa"] and issued.sent[0].path == tmp_path / "recall.nia"
        assert issued.notice.products == (digest,) and issued.notice.action == "recall"
        recorded = ledger.notice(session.db, issued.digest)
        assert recorded is not None and recorded.products == (digest,) and recorded.why == "the source recanted"
        copy = ledger.copy_of(session.db, issued.sent[0].uuid)
        assert copy is not None and (copy.kind, copy.item, copy.consumer) == ("notice", issued.digest, "mofa")
        assert copy.state == "delivered"
        assert [a["consumer"] for a in audit_actions(session, "notice.issue")] == ["mofa"]
    got = two.receive(tmp_path / "recall.nia")
    assert got.manifest.kind == "notice" and got.effect["marked"] and got.effect["action"] == "recall"
    with two.consumer.session(two.analyst) as session:
        held = holdings.held_digest(session.db, digest)[0]
        assert (held.status, held.notice_uuid, held.notice_why) == ("withdrawn", got.manifest.uuid,
                                                                    "the source recanted")
        received = notices.received_notices(session)
        assert len(received) == 1 and received[0].notice.digest == issued.digest
        assert received[0].label == "Harbour visits" and [v.product.bundle_uuid for v in received[0].marked] == [
            held.bundle_uuid]
        assert notices.received_notices(session, unseen_only=True)
        logged = audit_actions(session, "notice.receive")
        assert logged[0]["marked"] == [held.bundle_uuid] and logged[0]["refused"] == []
        # Nothing waits for an analyst: the inbound queue says what became of each.
        assert sorted((kind, status) for _, kind, _, _, _, status in trust_store.inbound(session.db)) == [
            ("briefing", "held"), ("notice", "recorded")]


def test_a_correction_supersedes_and_a_recall_is_final(two: Pair, tmp_path: Path) -> None:
    old = two.release(tmp_path / "old.nia", "Harbour visits")
    new = two.release(tmp_path / "new.nia", "Harbour visits, corrected")
    two.receive(tmp_path / "old.nia")
    with two.nia.session(ANALYST) as session:
        with pytest.raises(BadInput, match="names the product that supersedes"):
            notices.issue(session, "correct", old, "wrong", out=tmp_path / "x.nia")
        with pytest.raises(BadInput, match="cannot supersede itself"):
            notices.issue(session, "correct", old, "wrong", old, out=tmp_path / "x.nia")
        notices.issue(session, "correct", old, "table 2 was wrong", new[:10], out=tmp_path / "correct.nia")
        notices.issue(session, "recall", old, "withdrawn after all", out=tmp_path / "recall.nia")
        notices.issue(session, "correct", old, "a late correction", new, out=tmp_path / "late.nia")
    two.receive(tmp_path / "correct.nia")
    with two.consumer.session(two.courier) as session:
        held = holdings.held_digest(session.db, old)[0]
        assert (held.status, held.superseded_by) == ("superseded", new)
    two.receive(tmp_path / "recall.nia")
    late = two.receive(tmp_path / "late.nia")
    assert late.effect["already_final"] and not late.effect["marked"]
    with two.consumer.session(two.courier) as session:
        held = holdings.held_digest(session.db, old)[0]
        assert (held.status, held.notice_why) == ("withdrawn", "withdrawn after all")


def test_what_cannot_be_noticed_is_refused_with_nothing_written(two: Pair, tmp_path: Path) -> None:
    digest = two.release(tmp_path / "harbour.nia")
    with two.nia.session(ANALYST) as session:
        with session.db.transaction():
            ledger.record_product(session.db, ledger.Product("d" * 64, "harbour", "Never sent", Level.CONFIDENTIAL, (),
                                                             "", ANALYST, "2026-01-01T00:00:00.000000Z"), [], [])
        for product, words in (("d" * 64, "no consumer holds"), ("e" * 64, "no released product"),
                               (digest[:7], "at least the first 8"), ("not-hex!", "not a product digest")):
            with pytest.raises(BadInput, match=words):
                notices.issue(session, "recall", product, "why", out=tmp_path / "n.nia")
        with pytest.raises(BadInput, match="say why"):
            notices.issue(session, "recall", digest, "  ", out=tmp_path / "n.nia")
        with pytest.raises(BadInput, match="no released product"):
            notices.issue(session, "correct", digest, "why", "f" * 64, out=tmp_path / "n.nia")
        (tmp_path / "taken.nia").write_bytes(b"x")
        with pytest.raises(BadInput, match="already exists"):
            notices.issue(session, "recall", digest, "why", out=tmp_path / "taken.nia")
        assert not (tmp_path / "n.nia").exists() and ledger.notices_about(session.db, digest) == []
    with two.nia.session(COURIER) as session, pytest.raises(PermissionRefused):
        notices.issue(session, "recall", digest, "why", out=tmp_path / "n.nia")


def test_an_analyst_not_cleared_for_the_product_cannot_recall_it(two: Pair, tmp_path: Path) -> None:
    from nia_desktop.services.clearances import set_clearance

    digest = two.release(tmp_path / "harbour.nia", level=Level.CONFIDENTIAL)
    with two.nia.session(OFFICER) as session:
        set_clearance(session, ANALYST, Level.UNCLASSIFIED)
    with two.nia.session(ANALYST) as session:
        # Answered as if it did not exist (not even its existence shows), audited once as a need-to-know refusal.
        with pytest.raises(BadInput, match=f"no released product starts with {digest[:16]}"):
            notices.issue(session, "recall", digest, "why", out=tmp_path / "n.nia")
        logged = audit_actions(session, "notice.issue")
        assert [(e["outcome"], e["need_to_know"]) for e in logged] == [("refused", [digest])]
    assert not (tmp_path / "n.nia").exists()


def test_several_holders_each_get_their_own_copy(two: Pair, tmp_path: Path) -> None:
    pmo = ministry(tmp_path / "pmo", "p")
    two.register("pmo", pmo)
    two.trust(workstation=pmo)
    digest = two.release(tmp_path / "harbour.nia", to=("mofa", "pmo"))
    folder = tmp_path / "media"
    folder.mkdir()
    with two.nia.session(ANALYST) as session:
        by_file = notices.issue(session, "recall", digest, "recanted", out=tmp_path / "recall.nia")
        assert sorted(str(s.path.name) for s in by_file.sent if s.path) == ["recall-mofa.nia", "recall-pmo.nia"]
        by_folder = notices.issue(session, "recall", digest, "recanted again", out=folder)
        assert sorted(p.name for p in folder.iterdir()) == [f"notice-recall-{digest[:12]}-mofa.nia",
                                                            f"notice-recall-{digest[:12]}-pmo.nia"]
        queued = notices.issue(session, "recall", digest, "and queued", out=None)
        assert all(s.path is None for s in queued.sent)
        outbound = {o.uuid: o for o in trust_store.outbound(session.db)}
        assert {s.uuid for s in queued.sent} <= set(outbound) and all(
            outbound[s.uuid].kind == "notice" and outbound[s.uuid].encrypted for s in queued.sent)
        copies = ledger.copies_of(session.db, by_folder.digest)
        assert sorted(c.consumer for c in copies) == ["mofa", "pmo"]
        assert {c.state for c in ledger.copies_of(session.db, queued.digest)} == {"queued"}
    # Each copy opens only at its own consumer's workstation.
    pmo_copy = tmp_path / "recall-pmo.nia"
    got = two.receive(pmo_copy, pmo)
    assert got.effect["not_held"] == 1  # pmo never received the product itself
    from nia_desktop.core.errors import BundleRejected

    with pytest.raises(BundleRejected):
        two.receive(pmo_copy)


def officer_notice(two: Pair, out: Path, action: str, products: list[str], why: str,
                   superseded_by: str | None = None) -> Path:
    """A notice signed by the NIA's security officer (trusted as an officer's at the consumer): it comes from
    another signer than the product, so it may arrive first without breaking either signer's sequence."""
    from nia_desktop.core.bundles.notices import new_notice
    from nia_desktop.core.bundles.write import Source
    from nia_desktop.services.bundles import sign_out

    with two.nia.session(OFFICER) as session:
        payload = new_notice(action, products, why, superseded_by, OFFICER, "2026-12-07T10:00:00.000000Z")
        sign_out(session, "notice", [Source("notice.json", data=payload.encode())], out, [two.consumer.recipient()])
    return out


def test_a_notice_for_a_product_not_held_is_kept_and_applied_when_the_product_comes(two: Pair,
                                                                                     tmp_path: Path) -> None:
    two.trust(OFFICER, "officer")
    digest = two.release(tmp_path / "harbour.nia")
    early = two.receive(officer_notice(two, tmp_path / "recall.nia", "recall", [digest], "recanted"))
    assert early.effect["marked"] == [] and early.effect["not_held"] == 1
    with two.consumer.session(two.analyst) as session:
        shown = notices.received_notices(session)
        assert len(shown) == 1 and shown[0].applies == [] and shown[0].refused == []
        assert shown[0].state == notices.NOT_HELD and shown[0].label == f"product {digest[:16]} (not held here)"
    late = two.receive(tmp_path / "harbour.nia")
    assert late.effect["marked_by_earlier_notices"] == [early.manifest.uuid]
    with two.consumer.session(two.analyst) as session:
        assert holdings.held_digest(session.db, digest)[0].status == "withdrawn"


def test_titles_only_for_an_analyst_cleared_for_the_product(two: Pair, tmp_path: Path) -> None:
    from nia_desktop.services.clearances import set_clearance

    digest = two.release(tmp_path / "secret.nia", "Secret harbour", level=Level.CONFIDENTIAL)
    two.receive(tmp_path / "secret.nia")
    for user in (two.courier, two.officer):
        with two.consumer.session(user) as session:
            views = notices.held_products(session)
            assert views[0].withheld and views[0].product.title == "" and views[0].product.case == ""
            assert views[0].label == f"product {digest[:16]}"
            assert "Secret harbour" not in json.dumps([v.to_json() for v in views], ensure_ascii=False)
    with two.consumer.session(two.officer) as session:
        set_clearance(session, two.analyst, Level.UNCLASSIFIED)
    with two.consumer.session(two.analyst) as session:
        assert notices.held_products(session)[0].withheld


def test_marking_a_notice_seen_is_audited_once(two: Pair, tmp_path: Path) -> None:
    digest = two.release(tmp_path / "harbour.nia")
    two.receive(tmp_path / "harbour.nia")
    with two.nia.session(ANALYST) as session:
        notices.issue(session, "recall", digest, "recanted", out=tmp_path / "recall.nia")
    notice_uuid = two.receive(tmp_path / "recall.nia").manifest.uuid
    with two.consumer.session(two.officer) as session, pytest.raises(PermissionRefused):
        notices.mark_seen(session, notice_uuid)
    with two.consumer.session(two.courier) as session:
        with pytest.raises(BadInput, match="no notice"):
            notices.mark_seen(session, "0" * 8)
        assert notices.mark_seen(session, notice_uuid) is True
        assert notices.received_notices(session, unseen_only=True) == []
    with two.consumer.session(two.analyst) as session:
        assert notices.mark_seen(session, notice_uuid) is False
        seen = notices.received_notices(session)[0].notice
        assert seen.seen_by == two.courier
        logged = audit_actions(session, "notice.seen")
        assert [(e["outcome"], e.get("already_seen_by")) for e in logged] == [
            ("refused", None), ("ok", None), ("ok", two.courier)]
        assert logged[0]["reason"] == "no notice 00000000 was received here"


def refused_issues(session) -> list[dict]:  # type: ignore[no-untyped-def]
    return [e for e in audit_actions(session, "notice.issue") if e["outcome"] == "refused"]


def test_every_refusal_to_issue_a_notice_is_audited_once(two: Pair, tmp_path: Path) -> None:
    digest = two.release(tmp_path / "harbour.nia")
    (tmp_path / "taken.nia").write_bytes(b"x")
    attempts = [
        (("recall", "d" * 64, "why"), {}, "no released product"),
        (("recall", digest[:7], "why"), {}, "at least the first 8"),
        (("recall", digest, " "), {}, "say why"),
        (("withdraw", digest, "why"), {}, "unknown notice"),
        (("correct", digest, "why"), {}, "names the product that supersedes"),
        (("correct", digest, "why", digest), {}, "cannot supersede itself"),
        (("recall", digest, "why"), {"out": tmp_path / "taken.nia"}, "already exists"),
        (("recall", digest, "why"), {"out": tmp_path / "no" / "such" / "n.nia"}, "is not a folder"),
    ]
    with two.nia.session(ANALYST) as session:
        with session.db.transaction():  # a product nobody holds
            ledger.record_product(session.db, ledger.Product("c" * 64, "harbour", "Never sent", Level.CONFIDENTIAL,
                                                             (), "", ANALYST, "2026-01-01T00:00:00.000000Z"), [], [])
        attempts.append((("recall", "c" * 64, "why"), {}, "no consumer holds"))
        for args, where, words in attempts:
            with pytest.raises(BadInput, match=words) as refused:
                notices.issue(session, *args, out=where.get("out", tmp_path / "n.nia"))  # type: ignore[arg-type]
            logged = refused_issues(session)
            assert logged[-1]["reason"] == refused.value.user_message
        assert len(refused_issues(session)) == len(attempts)
        assert ledger.notices_about(session.db, digest) == [] and not (tmp_path / "n.nia").exists()
    with two.nia.session(COURIER) as session:  # the permission check's own entry, not a second one
        with pytest.raises(PermissionRefused):
            notices.issue(session, "recall", digest, "why", out=tmp_path / "n.nia")
        assert [e["outcome"] for e in audit_actions(session, "notice.issue")][len(attempts):] == ["refused"]


def test_a_successor_the_analyst_may_not_read_is_answered_as_absent(two: Pair, tmp_path: Path) -> None:
    """Variation of the hidden-product oracle: --superseded-by with a hidden product's prefix reads exactly like a
    prefix nothing starts with; and a prefix shared by a hidden product names the visible one alone."""
    from nia_desktop.services.clearances import set_clearance

    old = two.release(tmp_path / "old.nia", "Harbour visits", level=Level.UNCLASSIFIED)
    new = two.release(tmp_path / "new.nia", "Harbour visits, corrected", level=Level.CONFIDENTIAL)
    with two.nia.session(OFFICER) as session:
        set_clearance(session, ANALYST, Level.UNCLASSIFIED)
    absent = ("1" if new[0] == "0" else "0") + new[1:10]
    messages = []
    with two.nia.session(ANALYST) as session:
        for successor in (new[:10], absent):
            with pytest.raises(BadInput) as refused:
                notices.issue(session, "correct", old, "table 2", successor, out=tmp_path / "n.nia")
            messages.append(refused.value.user_message)
        assert messages[0].replace(new[:10], absent) == messages[1] and new[10:16] not in messages[0]
        logged = refused_issues(session)
        assert [e.get("need_to_know") for e in logged] == [[new], None]
        with session.db.transaction():  # two products share a prefix: the hidden one is not counted
            for digest, level in (("ab" * 32, Level.TOP_SECRET), ("ab" * 31 + "cd", Level.UNCLASSIFIED)):
                ledger.record_product(session.db, ledger.Product(digest, "harbour", "Shared prefix", level, (), "",
                                                                 ANALYST, "2026-01-01T00:00:00.000000Z"), [], [])
        with pytest.raises(BadInput, match=f"no consumer holds product {'ab' * 8}"):
            notices.issue(session, "recall", "abababab", "why", out=tmp_path / "n.nia")
    assert not (tmp_path / "n.nia").exists()


def test_whether_a_notice_stands_for_a_held_product() -> None:
    """The signer rule as the desktop reads it afterwards: a notice stands for a product it marked, or one its key
    may mark that is already as far on; one its key may not mark, or may now but was short of it then, is
    refused (an officer's key trusted after the notice came does not turn a refusal into an order)."""
    notice = holdings.ReceivedNotice("n-1", "a" * 64, "recall", "why", "", ("b" * 64,), "bob-key", "c", "t", "", "")

    def held(signer: str, status: str = "current", by: str = "") -> holdings.HeldProduct:
        return holdings.HeldProduct("p-1", "b" * 64, signer, "case", "title", Level.SECRET, "t", status, by, "", "")

    assert notices._refusal(notice, held("anna-key", "withdrawn", "n-1"), officer=False) == ""  # it marked it
    assert notices._refusal(notice, held("bob-key", "withdrawn", "n-2"), officer=False) == ""  # already withdrawn
    assert notices._refusal(notice, held("anna-key"), officer=False) == notices.REFUSED_SIGNER
    assert notices._refusal(notice, held("anna-key", "withdrawn", "n-2"), officer=False) == notices.REFUSED_SIGNER
    assert notices._refusal(notice, held("anna-key"), officer=True) == notices.REFUSED_THEN
    assert notices._refusal(notice, held("bob-key", "superseded", "n-2"), officer=False) == notices.REFUSED_THEN
